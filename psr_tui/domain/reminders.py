"""Reminders: the review points and working-day deadlines a user is involved in, dated.

Shared by `psr-tui due` (what is due or overdue, for cron and mail) and `psr-tui calendar`
(an iCalendar feed). Who is involved: a supervisor, in the review points their explicit
user links give them (domain/my_reviews.py, never a name match); any other role, in
everything on the cases in its scope (the store has already scoped the cases). Deadlines
(first draft, plan issued) are the adviser's and the organisation's work, not a
supervisor's.

A reminder carries the practitioner's name for `--detail` only: what a mail or a calendar
says by default is the case id and a neutral title.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .access import SUPERVISOR, Identity
from .case import Case
from .deadlines import case_deadlines
from .my_reviews import falls_to
from .review import open_review_points
from .status import RUNNING_STATES

REVIEW = "review"
DEADLINE = "deadline"


@dataclass(frozen=True)
class Reminder:
    case_id: str
    kind: str  # REVIEW or DEADLINE
    item_id: str  # the review point's id, or the deadline's name
    title: str  # the review point's title, or the deadline's name
    due_on: date
    practitioner: str  # shown only when the user asks for detail
    organisation: str

    @property
    def key(self) -> str:
        """Stable across runs and edits of the title: the calendar's UID is made from it."""
        slug = self.item_id.casefold().replace(" ", "-")
        return f"{self.case_id}.{self.kind}.{slug}"

    def overdue(self, today: date) -> bool:
        return self.due_on < today


def _reviews(case: Case, identity: Identity) -> list[Reminder]:
    if case.plan is None or case.state not in RUNNING_STATES:
        return []
    return [
        Reminder(case.id, REVIEW, rp.id, rp.title, rp.due_on, case.practitioner_name,
                 case.organisation_name)
        for rp in open_review_points(case.plan)
        if rp.due_on is not None
        and (identity.role != SUPERVISOR or falls_to(case, rp.reviewer, identity))
    ]


def _deadlines(case: Case, identity: Identity, today: date) -> list[Reminder]:
    if identity.role == SUPERVISOR:
        return []
    return [
        Reminder(case.id, DEADLINE, d.name, d.name, d.due, case.practitioner_name,
                 case.organisation_name)
        for d in case_deadlines(case, today) if not d.met
    ]


def reminders(cases: Iterable[Case], identity: Identity, today: date) -> list[Reminder]:
    """Every open dated item `identity` is involved in, soonest first."""
    found: list[Reminder] = []
    for case in cases:
        found += _reviews(case, identity) + _deadlines(case, identity, today)
    return sorted(found, key=lambda r: (r.due_on, r.case_id, r.kind, r.item_id))


def due_within(items: Iterable[Reminder], today: date, days: int) -> list[Reminder]:
    """Overdue items and those due within `days` days from today."""
    last = today + timedelta(days=days)
    return [r for r in items if r.due_on <= last]
