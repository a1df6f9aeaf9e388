"""The log between reviews: dated, attributed, append-only; the outcome form starts from
what was logged since the last review (issue 10)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from test_review import running_case

from psr_tui.domain.case import Condition
from psr_tui.domain.conditions import lift_condition
from psr_tui.domain.errors import RuleError
from psr_tui.domain.evidence import expected_seen
from psr_tui.domain.plan import ReviewOutcome
from psr_tui.domain.progress_log import (
    add_log_entry,
    logged_assessments,
    logged_summary,
    since_last_review,
)
from psr_tui.domain.record_integrity import record_problems
from psr_tui.domain.vocabulary import default_vocabularies

VOCAB = default_vocabularies()
TODAY = date(2026, 12, 20)
NOW = datetime(2026, 12, 20, 9, 30, tzinfo=UTC)


def log(case, **kw):
    kw = {"kind": "assessment", "held_on": date(2026, 12, 1), "by": "Dr Osei",
          "user": "dosei", "now": NOW, "today": TODAY, "tool": "CbD", "count": 1,
          "rating": "meets expectations", "vocab": VOCAB, **kw}
    return add_log_entry(case, **kw)


def test_an_entry_is_dated_attributed_and_appended() -> None:
    case = running_case()
    entry = log(case, count=2, note="Two cholecystectomies discussed")
    meeting = log(case, kind="supervisor_meeting", tool="CbD", count=5, rating="x",
                  held_on=date(2026, 12, 8))
    msf = log(case, kind="msf", tool="", rating="minor concerns", held_on=date(2026, 12, 10))
    assert case.plan.log == [entry, meeting, msf]
    assert (entry.tool, entry.count, entry.recorded_by, entry.recorded_at) == (
        "CbD", 2, "dosei", NOW)
    # A meeting is no assessment: whatever the form held for one is dropped.
    assert (meeting.tool, meeting.count, meeting.rating) == ("", 1, "")
    assert msf.tool == "MSF"  # an MSF round is counted as MSF
    case.revision = 1
    assert record_problems(case, VOCAB) == []


@pytest.mark.parametrize(("kw", "says", "path"), [
    ({"kind": "coffee"}, "Choose what is logged", "log.kind"),
    ({"tool": "XYZ"}, "Choose the assessment tool", "log.tool"),
    ({"rating": "4 good"}, "not on the CbD scale", "log.rating"),
    ({"count": 0}, "How many", "log.count"),
    ({"held_on": date(2026, 12, 21)}, "in the future", "log.held_on"),
    ({"held_on": date(2026, 8, 31)}, "before the plan started", "log.held_on"),
    ({"by": "  "}, "Name who held it", "log.by"),
    ({"note": "ok\x1b]52;c;Zm9v\x07"}, "control character", "log.note"),
])
def test_what_the_form_cannot_have_meant_is_refused(kw, says, path) -> None:
    case = running_case()
    with pytest.raises(RuleError, match=says) as refused:
        log(case, **kw)
    assert refused.value.path == path
    assert case.plan.log == []


@pytest.mark.parametrize("state", ["draft", "completed", "withdrawn"])
def test_only_a_plan_in_delivery_keeps_a_log(state: str) -> None:
    case = running_case(state=state)
    with pytest.raises(RuleError, match="in delivery"):
        log(case)


def test_the_next_review_starts_from_what_was_logged_since_the_last() -> None:
    case = running_case()
    plan = case.plan
    log(case, held_on=date(2026, 10, 1), count=3)  # before review 1 was held
    plan.review_points[0].outcome = ReviewOutcome(outcome="stay", held_on=date(2026, 11, 2))
    log(case, held_on=date(2026, 11, 20), rating="minor concerns")
    log(case, held_on=date(2026, 12, 3), rating="meets expectations")
    log(case, kind="msf", held_on=date(2026, 12, 4), rating="meets expectations")
    log(case, kind="supervisor_meeting", held_on=date(2026, 12, 5))
    review_2 = plan.review_points[1]
    since = since_last_review(plan, review_2)
    assert [e.held_on for e in since] == [date(2026, 11, 20), date(2026, 12, 3),
                                          date(2026, 12, 4), date(2026, 12, 5)]
    seen = logged_assessments(since)
    assert [(s.tool, s.count, s.rating) for s in seen] == [
        ("CbD", 2, "meets expectations"), ("MSF", 1, "meets expectations")]  # latest rating
    assert logged_summary(since) == "1 supervisor meeting, CbD x2, MSF x1"
    # Matched by tool and count: "CbD x2" is met, "CbD x3" is not.
    assert expected_seen(["CbD x2", "CbD x3", "MSF x1"], seen, VOCAB["wba_types"]) == {
        "CbD x2", "MSF x1"}


def test_an_unknown_code_in_a_stored_log_is_an_integrity_problem() -> None:
    case = running_case()
    log(case)
    case.plan.log[0].kind = "coffee"
    case.plan.log[0].tool = "XYZ"
    paths = [e.path for e in record_problems(case, VOCAB)]
    entry = case.plan.log[0].id
    assert f"plan.log[{entry}].kind" in paths and f"plan.log[{entry}].tool" in paths


def test_the_log_is_not_agreed_content() -> None:
    case = running_case()
    before = case.plan.content()
    log(case)
    assert case.plan.content() == before  # versions and amendment diffs never show it


def test_someone_who_cannot_see_a_confidential_condition_cannot_find_it() -> None:
    case = running_case()
    case.request.conditions.append(Condition(
        id="cnd-health", source="other", description="Health: no nights",
        confidential=True, imposed_on=date(2026, 1, 1)))
    kw = {"by": "organisation", "decided_by": "Dr Rao", "lifted_on": TODAY,
          "evidence": "Letter", "user": "arao", "today": TODAY}
    with pytest.raises(RuleError, match="No condition 'cnd-health'"):
        lift_condition(case, "cnd-health", sees_confidential=False, **kw)
    assert case.request.conditions[-1].lifted is None
    lift_condition(case, "cnd-health", sees_confidential=True, **kw)
    assert case.request.conditions[-1].lifted is not None
