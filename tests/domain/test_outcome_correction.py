"""Correcting a recorded review outcome: the original kept, the ladder undone where it can be."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from test_review import HELD, NOW, record, running_case

from psr_tui.domain.case import Case
from psr_tui.domain.errors import RuleError
from psr_tui.domain.lifecycle import resume
from psr_tui.domain.outcome_correction import correct_outcome
from psr_tui.domain.plan import OutcomeCorrection, ReviewPoint

LATER = NOW + timedelta(hours=2)


def correct(case: Case, code: str, rp: str = "rp-1", **kwargs: Any) -> OutcomeCorrection:
    kwargs.setdefault("reason", "Typed 1 instead of 2")
    kwargs.setdefault("user", "dr.supervisor")
    kwargs.setdefault("by_adviser", False)
    return correct_outcome(case, rp, code, now=LATER, **kwargs)


def point(case: Case, rp: str = "rp-1") -> ReviewPoint:
    assert case.plan is not None
    found = case.plan.review_point(rp)
    assert found is not None
    return found


def test_a_mistyped_step_down_is_undone_and_the_original_kept() -> None:
    case = running_case()
    record(case, "step_down", note="Steady")
    assert case.plan.current_stage == 1
    correction = correct(case, "remain")
    assert case.plan.current_stage == 0  # the step down is undone
    rp = point(case)
    assert rp.outcome is not None and rp.outcome.outcome == "remain"
    assert (rp.outcome.level_before, rp.outcome.level_after) == (2, 2)
    assert rp.outcome.held_on == HELD and rp.outcome.note == "Steady"
    assert rp.corrections == [correction]
    assert correction.original.outcome == "step_down"
    assert correction.original.recorded_by == "dr.supervisor"
    assert correction.reason == "Typed 1 instead of 2"
    assert "moved from" in correction.ladder_note


def test_a_correction_to_step_down_still_respects_the_floor() -> None:
    case = running_case(floor=2)
    record(case, "remain")
    with pytest.raises(RuleError, match="at most level 2"):
        correct(case, "step_down")


def test_concern_corrected_to_remain_steps_back_up() -> None:
    case = running_case(current_stage=1)
    record(case, "concern")
    assert case.plan.current_stage == 0
    correct(case, "remain")
    assert case.plan.current_stage == 1


def test_a_referral_corrected_resumes_the_plan() -> None:
    case = running_case()
    record(case, "refer", note="Not appropriate")
    assert case.state == "paused"
    correct(case, "remain")
    assert case.state == "active"


def test_an_extension_proposed_by_the_outcome_is_withdrawn() -> None:
    case = running_case()
    record(case, "insufficient")
    (amendment,) = case.plan.amendments
    correct(case, "remain")
    assert amendment.status == "withdrawn"
    assert "corrected" in amendment.description


def test_a_later_review_keeps_the_ladder_but_the_outcome_is_corrected() -> None:
    case = running_case()
    record(case, "step_down")
    record_review_later = datetime(2026, 12, 30, 9, 0, tzinfo=UTC)
    from psr_tui.domain.review import record_review

    record_review(case, "rp-2", "remain", user="dr.supervisor", now=record_review_later,
                  held_on=record_review_later.date())
    correction = correct_outcome(case, "rp-1", "remain", reason="Mistyped", user="adv",
                                 by_adviser=True, now=record_review_later + timedelta(hours=1))
    assert case.plan.current_stage == 1  # a later review builds on it: left as it is
    assert "'Review 2' was recorded after it" in correction.ladder_note
    assert point(case).outcome.outcome == "remain"


def test_a_resumption_after_the_referral_keeps_the_plan_running() -> None:
    case = running_case()
    record(case, "refer", note="Not appropriate")
    resume(case, LATER.date(), advice="Continue", user="adv")
    correction = correct(case, "remain")
    assert case.state == "active"
    assert "resumed" in correction.ladder_note


def test_only_the_recorder_or_an_adviser_corrects() -> None:
    case = running_case()
    record(case, "step_down")
    with pytest.raises(RuleError, match="who recorded it"):
        correct(case, "remain", user="someone.else")
    assert case.plan.current_stage == 1 and point(case).corrections == []
    correct(case, "remain", user="adv", by_adviser=True)
    assert case.plan.current_stage == 0


@pytest.mark.parametrize(("code", "reason", "message"), [
    ("remain", "  ", "why"),
    ("step_down", "x", "already recorded"),
    ("not_held", "x", "not held"),
    ("bogus", "x", "Unknown"),
])
def test_refusals_change_nothing(code: str, reason: str, message: str) -> None:
    case = running_case()
    record(case, "step_down")
    with pytest.raises(RuleError, match=message):
        correct(case, code, reason=reason)
    assert case.plan.current_stage == 1 and point(case).corrections == []


def test_nothing_to_correct_and_closed_plans() -> None:
    case = running_case()
    with pytest.raises(RuleError, match="no recorded outcome"):
        correct(case, "remain")
    record(case, "step_down")
    case.state = "completed"
    with pytest.raises(RuleError, match="only while the plan runs"):
        correct(case, "remain")
