"""A draft plan's timetable moves with its dates, so nothing is left outside the plan."""

from __future__ import annotations

from datetime import date

from case_builders import valid_case, valid_plan

from psr_tui.domain.case import Case
from psr_tui.domain.plan import ReviewOutcome
from psr_tui.domain.plan_validation import validate_plan
from psr_tui.domain.timetable import move_timeframe
from psr_tui.domain.vocabulary import default_vocabularies


def _date_problems(case: Case) -> list[str]:
    return [e.message for e in validate_plan(case, default_vocabularies())
            if "inside" in e.message or "overlap" in e.message or "before it" in e.message]


def test_a_later_start_shifts_everything_and_keeps_the_shape() -> None:
    plan = valid_plan()
    move_timeframe(plan, date(2026, 5, 1), date(2026, 10, 30))  # 30 days later, same length
    assert [(s.start, s.end) for s in plan.stages] == [
        (date(2026, 5, 1), date(2026, 7, 30)), (date(2026, 7, 31), date(2026, 10, 30))]
    assert [rp.due_on for rp in plan.review_points] == [date(2026, 7, 1), date(2026, 10, 30)]
    assert {o.target_date for o in plan.objectives} == {date(2026, 10, 1)}


def test_a_longer_plan_carries_the_final_review_last_stage_and_end_targets() -> None:
    plan = valid_plan()
    plan.objectives[0].target_date = date(2026, 9, 30)  # due on the old end
    move_timeframe(plan, plan.start_date, date(2026, 12, 31))
    assert plan.stages[-1].end == date(2026, 12, 31)
    assert plan.review_points[-1].due_on == date(2026, 12, 31)
    assert plan.review_points[0].due_on == date(2026, 6, 1)  # an interim review stays
    assert plan.objectives[0].target_date == date(2026, 12, 31)
    assert plan.objectives[1].target_date == date(2026, 9, 1)


def test_a_shorter_plan_drops_what_would_fall_after_it() -> None:
    case = valid_case()
    plan = case.plan
    assert plan is not None
    before = plan.model_copy(deep=True)
    case.plan = before
    before.end_date = date(2026, 5, 31)
    assert len(_date_problems(case)) == 8  # only the end set: what the checker flagged
    case.plan = plan
    move_timeframe(plan, plan.start_date, date(2026, 5, 31))
    assert [s.id for s in plan.stages] == ["stg-1"] and plan.stages[0].end == date(2026, 5, 31)
    assert [rp.id for rp in plan.review_points] == ["rp-2"]  # the final review, moved
    assert plan.review_points[0].due_on == date(2026, 5, 29)  # Sunday 31st: the Friday
    assert all(o.target_date == date(2026, 5, 31) for o in plan.objectives)
    assert _date_problems(case) == []


def test_a_review_already_held_keeps_its_date() -> None:
    plan = valid_plan()
    plan.review_points[0].outcome = ReviewOutcome(outcome="satisfactory_stay",
                                                  held_on=date(2026, 6, 1))
    move_timeframe(plan, date(2026, 4, 15), date(2026, 10, 14))
    assert plan.review_points[0].due_on == date(2026, 6, 1)
    assert plan.review_points[1].due_on == date(2026, 10, 14)


def test_setting_dates_on_a_plan_without_any_moves_nothing() -> None:
    plan = valid_plan()
    plan.start_date = plan.end_date = None
    move_timeframe(plan, date(2027, 1, 1), date(2027, 6, 30))
    assert (plan.start_date, plan.end_date) == (date(2027, 1, 1), date(2027, 6, 30))
    assert plan.stages[0].start == date(2026, 4, 1)
