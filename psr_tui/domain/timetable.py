"""Keeping a plan's dated items inside its timeframe when the timeframe changes.

Stages, review points and objective targets are dated inside [start, end]. When the dates
change, leaving them where they were puts them outside the plan (the checker then flags
each one); instead they move with it, as anyone redrawing a timetable would expect.
"""

from __future__ import annotations

from datetime import date, timedelta

from .deadlines import DEFAULT_NATION, last_working_day_by
from .plan import Plan


def fit_schedule_to_end(plan: Plan, old_end: date | None, nation: str = DEFAULT_NATION) -> None:
    """A new end date carries the final review and the last stage with it.

    Otherwise an extended plan still signs off on the old date, and a shortened one keeps
    reviews after its end. Recorded reviews and the stage in force are never removed.
    """
    new_end = plan.end_date
    if new_end is None:
        return
    for rp in plan.review_points:
        if rp.is_final and rp.outcome is None:
            # Never on a weekend or bank holiday, never after the plan has ended.
            rp.due_on = last_working_day_by(new_end, nation)
    if old_end is not None and new_end < old_end:
        plan.review_points = [
            rp for rp in plan.review_points
            if rp.outcome is not None or rp.is_final or rp.due_on is None or rp.due_on <= new_end
        ]
        keep = [i for i, st in enumerate(plan.stages)
                if i <= plan.current_stage or st.start is None or st.start < new_end]
        plan.stages = [plan.stages[i] for i in keep]
    if plan.stages:
        last = plan.stages[-1]
        if last.end is None or last.end == old_end or last.end > new_end:
            last.end = new_end
    for objective in plan.objectives:
        if objective.target_date is not None and (
                objective.target_date == old_end or objective.target_date > new_end):
            objective.target_date = new_end


def _shift(day: date | None, by: timedelta) -> date | None:
    return day + by if day is not None else None


def move_timeframe(plan: Plan, start: date | None, end: date | None,
                   nation: str = DEFAULT_NATION) -> None:
    """Set a draft plan's dates, moving its timetable with them.

    A new start shifts every dated item by the same number of days (a plan that starts a
    month later keeps its shape); a new end then stretches or trims the tail as an agreed
    extension or shortening would. Reviews already held keep their dates.
    """
    old_start, old_end = plan.start_date, plan.end_date
    by = start - old_start if start and old_start else timedelta(0)
    if by:
        for stage in plan.stages:
            stage.start, stage.end = _shift(stage.start, by), _shift(stage.end, by)
        for rp in plan.review_points:
            if rp.outcome is None:
                rp.due_on = _shift(rp.due_on, by)
        for objective in plan.objectives:
            objective.target_date = _shift(objective.target_date, by)
    plan.start_date, plan.end_date = start, end
    if end is not None and old_end is not None and end != old_end + by:
        fit_schedule_to_end(plan, old_end + by, nation)
