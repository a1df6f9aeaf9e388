"""Recording review outcomes: every effect, the floor, races and rescheduling."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from psr_tui.domain.case import Case, Condition
from psr_tui.domain.errors import AlreadyRecorded, RuleError
from psr_tui.domain.plan import AssessmentSeen, Plan, ReviewPoint, SupervisionStage
from psr_tui.domain.review import (
    in_date_order,
    record_review,
    recording_refusal,
    review_status,
)

NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
HELD = date(2026, 11, 20)


def running_case(state: str = "active", current_stage: int = 0, floor: int | None = None) -> Case:
    """A plan from 1 Sep 2026 to 1 Mar 2027, stages L2..L5, reviews every two months."""
    plan = Plan(
        status="agreed",
        start_date=date(2026, 9, 1),
        end_date=date(2027, 3, 1),
        stages=[SupervisionStage(id=f"stg-{n}", level=n) for n in (2, 3, 4, 5)],
        current_stage=current_stage,
        review_points=[
            ReviewPoint(id="rp-1", title="Review 1", due_on=date(2026, 11, 1)),
            ReviewPoint(id="rp-2", title="Review 2", due_on=date(2027, 1, 1)),
            ReviewPoint(id="rp-3", title="Final review", due_on=date(2027, 3, 1), is_final=True),
        ],
    )
    case = Case(state=state, plan=plan)
    if floor is not None:
        case.request.conditions.append(
            Condition(
                source="interim_order", description="Close supervision", supervision_floor=floor
            )
        )
    return case


def record(case: Case, code: str, rp: str = "rp-1", **kwargs) -> object:
    kwargs.setdefault("held_on", HELD)
    return record_review(case, rp, code, user="dr.supervisor", now=NOW, **kwargs)


def test_step_down_moves_to_next_stage_and_stores_outcome() -> None:
    case = running_case()
    evidence = [AssessmentSeen(tool="CbD", count=2, rating="meets expectations")]
    outcome = record(case, "step_down", note="Good progress", evidence_seen=evidence)
    assert case.plan is not None
    assert case.plan.current_stage == 1
    stored = case.plan.review_point("rp-1").outcome
    assert stored is outcome
    assert (stored.level_before, stored.level_after) == (2, 3)
    assert stored.recorded_by == "dr.supervisor"
    assert stored.recorded_at == NOW
    assert stored.held_on == HELD
    assert stored.evidence_seen[0].count == 2


def test_step_down_refused_past_condition_floor_and_nothing_recorded() -> None:
    case = running_case(current_stage=1, floor=3)
    with pytest.raises(RuleError) as err:
        record(case, "step_down")
    assert "Close supervision" in str(err.value)
    assert "level 3" in str(err.value)
    assert case.plan.current_stage == 1
    assert case.plan.review_point("rp-1").outcome is None


def test_floor_refusal_does_not_describe_confidential_condition() -> None:
    case = running_case(current_stage=1, floor=3)
    case.request.conditions[0].confidential = True
    with pytest.raises(RuleError) as err:
        record(case, "step_down")
    assert "Close supervision" not in str(err.value)
    assert "confidential" in str(err.value)


def test_step_down_within_floor_is_allowed() -> None:
    case = running_case(current_stage=0, floor=3)
    record(case, "step_down")
    assert case.plan.current_level == 3


def test_step_down_at_last_stage_records_without_moving() -> None:
    case = running_case(current_stage=3)
    outcome = record(case, "step_down")
    assert case.plan.current_stage == 3
    assert "last supervision stage" in outcome.note
    assert (outcome.level_before, outcome.level_after) == (5, 5)


def test_remain_changes_nothing() -> None:
    case = running_case(current_stage=1)
    outcome = record(case, "remain")
    assert case.plan.current_stage == 1
    assert outcome.level_after == 3
    assert case.state == "active"
    assert case.plan.amendments == []


def test_concern_returns_to_closer_supervision() -> None:
    case = running_case(current_stage=2)
    outcome = record(case, "concern", note="Two incidents")
    assert case.plan.current_stage == 1
    assert (outcome.level_before, outcome.level_after) == (4, 3)


def test_concern_at_first_stage_stays_and_says_so() -> None:
    case = running_case(current_stage=0)
    outcome = record(case, "concern")
    assert case.plan.current_stage == 0
    assert "closest supervision" in outcome.note


def test_insufficient_proposes_extension_by_review_interval() -> None:
    case = running_case()
    outcome = record(case, "insufficient")
    [amendment] = case.plan.amendments
    assert amendment.kind == "duration"
    assert amendment.status == "proposed"
    # rp-1 (1 Nov) to rp-2 (1 Jan) is 61 days: 1 Mar 2027 + 61 days.
    assert amendment.changes == {"end_date": "2027-05-01"}
    assert outcome.amendment_id == amendment.id
    # Nothing takes effect until both parties agree.
    assert case.plan.end_date == date(2027, 3, 1)
    assert case.state == "active"


def test_insufficient_with_single_review_point_extends_two_months() -> None:
    case = running_case()
    case.plan.review_points = case.plan.review_points[:1]
    record(case, "insufficient")
    assert case.plan.amendments[0].changes == {"end_date": "2027-05-01"}
    case2 = running_case()
    case2.plan.end_date = date(2027, 2, 10)
    case2.plan.review_points = case2.plan.review_points[:1]
    record(case2, "insufficient")
    assert case2.plan.amendments[0].changes == {"end_date": "2027-04-10"}


def test_ahead_proposes_ending_at_next_review() -> None:
    case = running_case()
    outcome = record(case, "ahead")
    [amendment] = case.plan.amendments
    assert amendment.changes == {"end_date": "2027-01-01"}
    assert outcome.amendment_id == amendment.id
    assert case.plan.end_date == date(2027, 3, 1)


def test_ahead_at_last_review_records_without_amendment() -> None:
    case = running_case()
    for rp in case.plan.review_points[:2]:
        rp.due_on = date(2026, 10, 1)
    outcome = record(case, "ahead", rp="rp-3")
    assert case.plan.amendments == []
    assert outcome.amendment_id == ""
    assert "signing off" in outcome.note


def test_refer_pauses_plan_and_needs_note() -> None:
    case = running_case()
    with pytest.raises(RuleError):
        record(case, "refer")
    assert case.state == "active"
    record(case, "refer", note="Health concerns; advice sought")
    assert case.state == "paused"


def test_not_held_reschedules_into_history() -> None:
    case = running_case()
    outcome = record(case, "not_held", reschedule_to=date(2026, 12, 4), reason="Supervisor ill")
    rp = case.plan.review_point("rp-1")
    assert rp.outcome is None
    assert rp.due_on == date(2026, 12, 4)
    assert rp.history == [outcome]
    assert outcome.reschedule_to == date(2026, 12, 4)
    assert outcome.reason == "Supervisor ill"
    # The review can then be recorded for real.
    record(case, "remain", held_on=date(2026, 11, 23))
    assert rp.outcome is not None and rp.outcome.outcome == "remain"
    assert len(rp.history) == 1


@pytest.mark.parametrize(
    ("reschedule_to", "reason"),
    [(None, "Supervisor ill"), (date(2026, 11, 20), "Supervisor ill"), (date(2026, 12, 4), "")],
)
def test_not_held_needs_later_date_and_reason(reschedule_to: date | None, reason: str) -> None:
    case = running_case()
    with pytest.raises(RuleError):
        record(case, "not_held", reschedule_to=reschedule_to, reason=reason)
    rp = case.plan.review_point("rp-1")
    assert rp.history == []
    assert rp.due_on == date(2026, 11, 1)


def _not_held(case: Case, to: date, rp: str = "rp-1") -> RuleError | None:
    try:
        record(case, "not_held", rp=rp, reschedule_to=to, reason="Supervisor ill")
    except RuleError as exc:
        return exc
    return None


def test_a_missed_review_moves_to_today_or_later_not_to_a_past_date() -> None:
    """The trial: due 1 Nov, recorded on 23 Nov (held_on today), moved to 10 Nov: after the
    missed date, but in the past. The refusal says so rather than 'after the missed one'."""
    case = running_case()
    refused = _not_held(case, date(2026, 11, 10), rp="rp-1")
    assert refused is not None and refused.path == "plan.review_points[0].due_on"
    assert str(refused) == "2026-11-10 is in the past: give today (2026-11-23) or later."
    assert _not_held(case, date(2026, 11, 22)) is not None  # yesterday: still the past
    assert _not_held(case, NOW.date()) is None  # today: the boundary is allowed
    assert case.plan.review_point("rp-1").due_on == NOW.date()


def test_a_review_not_yet_due_moves_later_than_its_date() -> None:
    case = running_case()
    refused = _not_held(case, date(2027, 1, 1), rp="rp-2")
    assert refused is not None and "after the missed one (2027-01-01)" in str(refused)
    assert _not_held(case, date(2027, 1, 2), rp="rp-2") is None


def test_a_missed_review_stays_inside_the_plan() -> None:
    case = running_case()  # ends 2027-03-01
    refused = _not_held(case, date(2027, 3, 2), rp="rp-3")
    assert refused is not None and "The plan ends on 2027-03-01" in str(refused)
    assert "amendment" in str(refused)
    assert _not_held(case, date(2027, 3, 2)) is not None  # any review, not only the final
    assert case.plan.review_point("rp-1").due_on == date(2026, 11, 1)
    assert _not_held(case, date(2027, 3, 1)) is None  # on the end date is inside


def test_in_date_order_after_a_reschedule() -> None:
    case = running_case()
    record(case, "not_held", reschedule_to=date(2027, 2, 1), reason="Supervisor ill")
    assert case.plan is not None
    ordered = [rp.id for rp in in_date_order(case.plan.review_points)]
    assert ordered == ["rp-2", "rp-1", "rp-3"]
    undated = ReviewPoint(id="rp-x", title="Extra")
    assert in_date_order([undated, *case.plan.review_points])[-1] is undated


def test_recording_refusal_names_the_state() -> None:
    assert recording_refusal(running_case()) == ""
    assert recording_refusal(running_case(state="extended")) == ""
    assert recording_refusal(running_case(state="paused")) == (
        "This plan is paused: reviews are recorded only on an active or extended plan.")
    assert recording_refusal(Case(state="active")) == "This case has no plan."


def test_second_recording_is_refused_naming_who_and_when() -> None:
    case = running_case()
    record(case, "step_down")
    with pytest.raises(AlreadyRecorded) as err:
        record_review(case, "rp-1", "concern", user="dr.other", now=NOW, held_on=HELD)
    assert "dr.supervisor" in str(err.value)
    assert "2026-11-23 10:30" in str(err.value)
    assert case.plan.current_stage == 1
    assert case.plan.review_point("rp-1").outcome.outcome == "step_down"


@pytest.mark.parametrize("state", ["draft", "agreed", "paused", "completed"])
def test_only_active_or_extended_plans(state: str) -> None:
    case = running_case(state=state)
    with pytest.raises(RuleError):
        record(case, "remain")


def test_extended_plan_accepts_reviews() -> None:
    case = running_case(state="extended")
    record(case, "remain")
    assert case.plan.review_point("rp-1").outcome is not None


def test_unknown_review_point_and_outcome() -> None:
    case = running_case()
    with pytest.raises(RuleError):
        record(case, "remain", rp="rp-nope")
    with pytest.raises(RuleError):
        record(case, "maybe")


def test_review_cannot_be_held_in_the_future() -> None:
    with pytest.raises(RuleError):
        record(running_case(), "remain", held_on=date(2026, 11, 30))


def test_review_status() -> None:
    today = date(2026, 11, 23)
    rp = ReviewPoint(due_on=date(2026, 11, 22))
    assert review_status(rp, today) == "overdue"
    assert review_status(ReviewPoint(due_on=today), today) == "due"
    assert review_status(ReviewPoint(due_on=date(2026, 11, 30)), today) == "due"
    assert review_status(ReviewPoint(due_on=date(2026, 12, 1)), today) == "upcoming"
    assert review_status(ReviewPoint(), today) == "upcoming"
    case = running_case()
    record(case, "remain")
    assert review_status(case.plan.review_point("rp-1"), today) == "done"


def test_second_duration_change_waits_but_outcome_is_recorded() -> None:
    case = running_case()
    record(case, "insufficient")
    outcome = record(case, "insufficient", rp="rp-2", held_on=date(2026, 11, 22))
    assert len(case.plan.amendments) == 1
    assert outcome.amendment_id == ""
    assert "already awaiting agreement" in outcome.note
    assert case.plan.review_point("rp-2").outcome is outcome


def test_concern_at_the_second_stage_steps_back_to_the_first() -> None:
    case = running_case(current_stage=1)
    outcome = record(case, "concern", note="An incident on the ward")
    assert case.plan is not None and case.plan.current_stage == 0
    assert (outcome.level_before, outcome.level_after) == (3, 2)


def test_ahead_when_the_next_review_is_on_the_end_date_records_a_note() -> None:
    # Shortening to the end date would change nothing: the outcome is still recorded.
    case = running_case()
    assert case.plan is not None
    case.plan.review_points = [rp for rp in case.plan.review_points if rp.id != "rp-2"]
    outcome = record(case, "ahead")
    assert case.plan.amendments == []
    assert outcome.amendment_id == ""
    assert "No later review point to shorten to" in outcome.note
    assert case.plan.review_point("rp-1").outcome is outcome
