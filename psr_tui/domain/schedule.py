"""Generating a plan's timetable: review points and supervision stages (004 case study).

The wording comes from data/templates/schedule_defaults.toml so organisations can change it.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from .deadlines import is_working_day
from .plan import ReviewPoint, SupervisionStage
from .supervision import MAX_LEVEL, MIN_LEVEL
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


def on_a_working_day(day: date, start: date, end: date) -> date:
    """The first working day from `day` (a review cannot meet on a weekend or bank holiday),
    or the last one before it when that would pass the plan's end; `day` itself when the
    plan has no working day to offer."""
    later = day
    while not is_working_day(later):
        later += timedelta(days=1)
    if later <= end:
        return later
    earlier = day
    while not is_working_day(earlier) and earlier > start:
        earlier -= timedelta(days=1)
    return earlier if is_working_day(earlier) else day


def generate_review_points(
    start: date,
    end: date,
    every_months: int = 2,
    final_sign_off: bool = True,
    expected_evidence: list[str] | None = None,
) -> list[ReviewPoint]:
    """Reviews every `every_months` from start, all inside [start, end], then a final sign-off
    on the end date (which takes the place of a regular review falling on that day). Regular
    reviews fall on a working day: the next one, or the last one before the plan ends; the
    final review stays on the end date the parties chose."""
    if every_months < 1:
        raise ValueError("reviews must be at least one month apart")
    if end <= start:
        raise ValueError("the plan must end after it starts")
    wording = load_template("schedule_defaults")["review"]
    evidence = wording["expected_evidence"] if expected_evidence is None else expected_evidence
    points: list[ReviewPoint] = []
    n = 1
    while True:
        months = n * every_months
        due = add_months(start, months)
        if due > end or (final_sign_off and due == end):
            break
        due = on_a_working_day(due, start, end)
        if final_sign_off and due >= end:
            break  # moved onto the final review's day: the final review takes its place
        title = wording["title"].format(n=n, months=_months_text(months))
        points.append(ReviewPoint(title=title, due_on=due, expected_evidence=list(evidence)))
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
                due_on=end,
                expected_evidence=final_evidence,
                is_final=True,
            )
        )
    return points


def generate_stages(
    start: date,
    end: date,
    levels: list[int],
    floor: int | None = None,
    vocab: Vocabularies | None = None,
) -> list[SupervisionStage]:
    """Split [start, end] evenly across `levels`, capping each at `floor`; consecutive stages
    that end up at the same level merge, so the time above the floor is spent at the floor."""
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
        capped = min(level, floor) if floor is not None else level
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
