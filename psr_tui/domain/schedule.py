"""Generating a plan's timetable: review points and supervision stages (004 case study).

The wording comes from data/templates/schedule_defaults.toml so organisations can change it.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from .deadlines import DEFAULT_NATION, is_working_day, last_working_day_by
from .plan import Plan, ReviewPoint, SupervisionStage
from .supervision import MAX_LEVEL, MIN_LEVEL, FloorAt, capped_level
from .templates import load_template
from .vocabulary import Vocabularies, default_vocabularies


def add_months(d: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's end:
    31 Jan + 1 month = 28 Feb."""
    year, month_index = divmod(d.month - 1 + months, 12)
    year += d.year
    month = month_index + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _months_text(months: int) -> str:
    return f"{months} month" if months == 1 else f"{months} months"


CLOSE_ENOUGH_DAYS = 7  # 2 March to 31 August reads as "6 months", as the parties say it


def plan_length(start: date, end: date) -> str:
    """A plan's length as people say it: "6 months" (within a week of whole months), else
    "2 months and 3 weeks", or weeks alone under a month."""
    months = 0
    while add_months(start, months + 1) <= end:
        months += 1
    for whole in (months + 1, months):
        if whole and abs((end - add_months(start, whole)).days) <= CLOSE_ENOUGH_DAYS:
            return _months_text(whole)
    weeks = (end - add_months(start, months)).days // 7
    parts = [_months_text(months)] if months else []
    if weeks:
        parts.append(f"{weeks} week" + ("s" if weeks != 1 else ""))
    return " and ".join(parts) or f"{(end - start).days} days"


def on_a_working_day(day: date, start: date, end: date, nation: str = DEFAULT_NATION) -> date:
    """The first working day from `day` (a review cannot meet on a weekend or bank holiday),
    or the last one before it when that would pass the plan's end; `day` itself when the
    plan has no working day to offer."""
    later = day
    while not is_working_day(later, nation):
        later += timedelta(days=1)
    if later <= end:
        return later
    earlier = day
    while not is_working_day(earlier, nation) and earlier > start:
        earlier -= timedelta(days=1)
    return earlier if is_working_day(earlier, nation) else day


def generate_review_points(
    start: date,
    end: date,
    every_months: int = 2,
    final_sign_off: bool = True,
    expected_evidence: list[str] | None = None,
    nation: str = DEFAULT_NATION,
    reviewer: str = "",
) -> list[ReviewPoint]:
    """Reviews every `every_months` from start, all inside [start, end], then a final sign-off
    on the plan's last working day (it takes the place of a regular review falling on that
    day). Every review falls on a working day of the organisation's nation: regular ones on
    the next, or the last before the plan ends; the final one on the end date or, when that
    is a weekend or bank holiday, the working day before it. Each names `reviewer`
    (`planned_reviewer`: chosen from the plan's people, not typed on each)."""
    if every_months < 1:
        raise ValueError("reviews must be at least one month apart")
    if end <= start:
        raise ValueError("the plan must end after it starts")
    wording = load_template("schedule_defaults")["review"]
    evidence = wording["expected_evidence"] if expected_evidence is None else expected_evidence
    points: list[ReviewPoint] = []
    final_day = last_working_day_by(end, nation) if final_sign_off else end
    n = 1
    while True:
        months = n * every_months
        due = add_months(start, months)
        if due > end or (final_sign_off and due >= final_day):
            break
        due = on_a_working_day(due, start, end, nation)
        if final_sign_off and due >= final_day:
            break  # moved onto the final review's day: the final review takes its place
        title = wording["title"].format(n=n, months=_months_text(months))
        points.append(ReviewPoint(title=title, due_on=due, expected_evidence=list(evidence),
                                  reviewer=reviewer))
        n += 1
    if final_sign_off:
        final_evidence = (
            list(wording["final_expected_evidence"])
            if expected_evidence is None
            else list(expected_evidence)
        )
        points.append(
            ReviewPoint(
                title=wording["final_title"],
                due_on=final_day,
                expected_evidence=final_evidence,
                is_final=True,
                reviewer=reviewer,
            )
        )
    return points


def planned_reviewer(plan: Plan) -> str:
    """Who holds the plan's reviews unless the adviser names someone else: the person in
    its clinical supervisor role ("" while none is named). The deputy, for when they are
    away, is offered in the review point's reviewer picker (ui/dialogs/people.py)."""
    role = next((r for r in plan.roles
                 if r.role == "clinical_supervisor" and r.person.strip()), None)
    return role.person.strip() if role is not None else ""


def exit_criteria_for_level(
    text: str, old_level: int, new_level: int, vocab: Vocabularies | None = None
) -> str:
    """A stage's exit criteria after its level changes: the generated wording names the
    level, so it follows the new one; anything the adviser wrote is theirs and stays."""
    vocab = vocab or default_vocabularies()
    wording = load_template("schedule_defaults")["stage"]["exit"]
    levels = vocab["supervision_levels"]
    if old_level != new_level and text == wording.format(level=levels.label(str(old_level))):
        return str(wording.format(level=levels.label(str(new_level))))
    return text


def generate_stages(
    start: date,
    end: date,
    levels: list[int],
    floor: int | FloorAt | None = None,
    vocab: Vocabularies | None = None,
) -> list[SupervisionStage]:
    """Split [start, end] evenly across `levels`, capping each at `floor` (fixed, or as in
    force at the stage it would become: supervision.floor_at, so a condition lifted on
    entry to stage N no longer caps stage N); consecutive stages that end up at the same
    level merge, so the time above the floor is spent at the floor."""
    if not levels:
        raise ValueError("give at least one supervision level")
    if end < start:
        raise ValueError("the plan must end after it starts")
    for level in levels:
        if not MIN_LEVEL <= level <= MAX_LEVEL:
            raise ValueError(f"level {level} is not a supervision level: use 1 to 5")
    vocab = vocab or default_vocabularies()
    wording = load_template("schedule_defaults")["stage"]
    total_days = (end - start).days + 1
    count = len(levels)
    spans: list[tuple[int, date, date]] = []
    for i, level in enumerate(levels):
        capped = capped_level(level, floor, len(spans) + 1)
        first = start + timedelta(days=i * total_days // count)
        last = start + timedelta(days=(i + 1) * total_days // count - 1)
        if last < first:  # more levels than days: skip the empty slice
            continue
        if spans and spans[-1][0] == capped:
            spans[-1] = (capped, spans[-1][1], last)
        else:
            spans.append((capped, first, last))
    stages = []
    for i, (level, first, last) in enumerate(spans):
        label = vocab["supervision_levels"].label(str(level))
        is_last = i == len(spans) - 1
        stages.append(
            SupervisionStage(
                level=level,
                start=first,
                end=last,
                entry_criteria=wording["first_entry"] if i == 0 else wording["entry"],
                exit_criteria=wording["final_exit"] if is_last else wording["exit"].format(
                    level=label
                ),
                scope_limits=list(wording["scope_limits"].get(str(level), [])),
            )
        )
    return stages
