"""When things happened in a demo case, worked out from `today` and its lifecycle state.

Early cases count forward from the request (so some PSR deadlines are met and some
breached); running and closed cases count back from the plan's start, which is anchored
so that the next review point is overdue, due this week, or comfortably on time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.deadlines import add_working_days as wd
from ..domain.schedule import add_months
from .plan_builder import REVIEW_EVERY_MONTHS

SCENARIOS = ("overdue", "on_time", "due_this_week")
PLAN_MONTHS = (6, 6, 6, 9, 12)
DRAFTING = {"draft", "issued"}
STARTED = {"active", "paused", "extended", "completed", "completed_with_conditions",
           "not_completed"}


@dataclass
class Timeline:
    received: date
    decided: date | None = None
    practitioner_talk: date | None = None
    organisation_talk: date | None = None
    issued: date | None = None
    signed: date | None = None
    start: date | None = None
    months: int = 6


def _review_months(months: int) -> list[int]:
    """Months after the start at which review points fall, the final sign-off last."""
    found = list(range(REVIEW_EVERY_MONTHS, months, REVIEW_EVERY_MONTHS))
    return [*found, months]


def anchored_start(rng: random.Random, today: date, months: int, scenario: str) -> date:
    """A start date that puts an unrecorded review point overdue / this week / later,
    with at least one review point before it."""
    points = _review_months(months)
    k = rng.randint(1, len(points) - 1)
    delta = {"overdue": rng.randint(3, 25) * -1, "due_this_week": rng.randint(3, 6),
             "on_time": rng.randint(10, 40)}[scenario]
    start = add_months(today + timedelta(days=delta), -points[k])
    # Days 29-31 would be clamped in shorter months and move the anchored review.
    return start.replace(day=min(start.day, 28))


def _before_start(rng: random.Random, t: Timeline, today: date) -> None:
    """Signature, issue, discussions, decision and request, counted back from the start."""
    assert t.start is not None
    t.signed = min(t.start - timedelta(days=rng.randint(3, 14)), today - timedelta(days=1))
    t.issued = wd(t.signed, -rng.randint(4, 12))
    t.organisation_talk = wd(t.issued, -rng.randint(4, 9))
    t.practitioner_talk = wd(t.organisation_talk, -rng.randint(0, 2))
    t.decided = wd(t.practitioner_talk, -rng.randint(4, 8))
    t.received = wd(t.decided, -rng.randint(2, 5))


def _talks_after(rng: random.Random, t: Timeline, today: date) -> None:
    assert t.decided is not None
    yesterday = today - timedelta(days=1)
    t.practitioner_talk = min(wd(t.decided, rng.randint(3, 5)), yesterday)
    t.organisation_talk = min(wd(t.decided, rng.randint(4, 6)), yesterday)


def timeline(rng: random.Random, state: str, variant: int, scenario: str, today: date) -> Timeline:
    months = rng.choice(PLAN_MONTHS)
    breached = variant % 2 == 1
    if state == "request":
        return Timeline(received=today - timedelta(days=rng.randint(0, 9)))
    if state == "further_information":
        t = Timeline(received=wd(today, -rng.randint(6, 15)))
        t.decided = wd(t.received, rng.randint(2, 4))
        return t
    if state == "declined":
        t = Timeline(received=today - timedelta(days=rng.randint(20, 150)))
        t.decided = wd(t.received, rng.randint(3, 8))
        return t
    if state in ("accepted", "draft"):
        # Breached: the first draft was due 20 working days after the request, and is late.
        back = rng.randint(23, 32) if breached else rng.randint(8, 14)
        t = Timeline(received=wd(today, -back), months=months)
        t.decided = wd(t.received, rng.randint(2, 3))
        if state == "draft" or back > 12:
            _talks_after(rng, t, today)
        if state == "draft":
            t.start = today + timedelta(days=rng.randint(14, 35))
        return t
    if state == "issued" or (state == "withdrawn" and breached):
        issued = today - timedelta(days=rng.randint(2, 12))
        t = Timeline(received=today, issued=issued, months=months)
        t.organisation_talk = wd(issued, -(rng.randint(12, 15) if breached else rng.randint(5, 9)))
        t.practitioner_talk = wd(t.organisation_talk, -rng.randint(0, 2))
        t.decided = wd(t.practitioner_talk, -rng.randint(4, 6))
        t.received = wd(t.decided, -rng.randint(2, 4))
        t.start = today + timedelta(days=rng.randint(14, 30))
        return t
    t = Timeline(received=today, months=months)
    if state == "agreed":
        t.start = today + timedelta(days=rng.randint(5, 25))
    elif state in ("completed", "completed_with_conditions", "not_completed"):
        t.start = add_months(today, -months) - timedelta(days=rng.randint(20, 300))
    else:  # running, or withdrawn while running
        t.start = anchored_start(rng, today, months, scenario)
    _before_start(rng, t, today)
    return t
