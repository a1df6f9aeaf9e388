"""Expected evidence matched to what was seen by assessment tool and count."""

from __future__ import annotations

import pytest

from psr_tui.domain.evidence import (
    expected_seen,
    final_review_gaps,
    missing_evidence,
    required_tools,
)
from psr_tui.domain.plan import AssessmentSeen, Plan, ReviewOutcome, ReviewPoint
from psr_tui.domain.vocabulary import default_vocabularies

WBA = default_vocabularies()["wba_types"]


@pytest.mark.parametrize("text, wanted", [
    ("CbD x2", [("CbD", 2)]),
    ("DOPS x3 including complex cases", [("DOPS", 3)]),
    ("mini-CEX x2 and DOPS x2 since the last review", [("mini-CEX", 2), ("DOPS", 2)]),
    ("2 CbDs", [("CbD", 2)]),
    ("NOTSS ×1", [("NOTSS", 1)]),
    ("MSF (month 5) summary", [("MSF", 1)]),
    ("Clinical supervisor's report", []),
])
def test_required_tools_reads_tool_and_count(text, wanted) -> None:
    assert sorted((t.tool, t.count) for t in required_tools(text, WBA)) == sorted(wanted)


def test_two_cbds_recorded_tick_cbd_x2_and_one_does_not() -> None:
    expected = ["CbD x2", "DOPS x2", "Clinical supervisor's report"]
    two = [AssessmentSeen(tool="CbD", count=2, rating="meets expectations"),
           AssessmentSeen(tool="DOPS", count=1),
           AssessmentSeen(tool="Clinical supervisor's report")]
    assert expected_seen(expected, two, WBA) == {"CbD x2", "Clinical supervisor's report"}
    split = [AssessmentSeen(tool="CbD", count=1), AssessmentSeen(tool="CbD", count=1)]
    assert "CbD x2" in expected_seen(expected, split, WBA)
    one = [AssessmentSeen(tool="CbD", count=1)]
    assert missing_evidence(expected, one, WBA) == expected


def test_final_review_without_evidence_is_named_before_sign_off() -> None:
    final = ReviewPoint(title="Final review", is_final=True, expected_evidence=["CbD x2"],
                        outcome=ReviewOutcome(outcome="remain"))
    gaps = final_review_gaps(Plan(review_points=[final]), WBA)
    assert gaps == ["evidence expected at 'Final review' not seen: CbD x2",
                    "no assessments recorded at 'Final review'"]
    final.outcome.evidence_seen = [AssessmentSeen(tool="CbD", count=2)]
    assert final_review_gaps(Plan(review_points=[final]), WBA) == []
