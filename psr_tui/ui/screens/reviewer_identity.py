"""Which review points belong to the person using the app (the supervisor quick update).

The store user is usually a login ("asmith"), while plans name people ("Dr Anna Smith").
We treat the user as a supervisor when, case-insensitively, the user:
- is the review point's named reviewer, or a supervisor role's person or deputy, by name;
- equals a role's `contact`, or the part of it before "@" (asmith@trust.nhs.uk);
- equals the first initial plus surname of that person or deputy ("Dr Anna Smith" -> asmith).
A deputy stands in for the supervisor, so the supervisor's review points are theirs too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ...domain.case import Case
from ...domain.plan import Plan
from ...domain.status import SUPERVISOR_ROLES, ReviewItem, review_items

TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame"})


def login_for(name: str) -> str:
    """'Dr Anna Smith' -> 'asmith': the usual NHS-style login, for a pragmatic match."""
    words = [w.strip(".,").lower() for w in name.split()]
    words = [w for w in words if w and w not in TITLES]
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return words[0][0] + words[-1].replace("-", "").replace("'", "")


def is_person(user: str, name: str, contact: str = "") -> bool:
    """Whether the store user is the person called `name` (with `contact`)."""
    wanted = user.strip().lower()
    if not wanted:
        return False
    if name.strip() and (name.strip().lower() == wanted or login_for(name) == wanted):
        return True
    contact = contact.strip().lower()
    return bool(contact) and wanted in (contact, contact.split("@", 1)[0])


def reviewer_names(plan: Plan, user: str) -> set[str]:
    """The names under which `user` reviews on this plan (possibly several, possibly none)."""
    names: set[str] = set()
    if user.strip():
        names.add(user.strip())
    for role in plan.roles:
        if role.role not in SUPERVISOR_ROLES or not role.person.strip():
            continue
        if is_person(user, role.person, role.contact) or (
            role.deputy.strip() and is_person(user, role.deputy)
        ):
            names.add(role.person.strip())
    for rp in plan.review_points:
        if rp.reviewer.strip() and is_person(user, rp.reviewer):
            names.add(rp.reviewer.strip())
    return names


def my_review_items(cases: Iterable[Case], today: date, user: str) -> list[ReviewItem]:
    """Due and overdue review points the user is expected to record, overdue first."""
    found: dict[tuple[str, str], ReviewItem] = {}
    for case in cases:
        if case.plan is None:
            continue
        for name in sorted(reviewer_names(case.plan, user)):
            for item in review_items([case], today, reviewer=name):
                found.setdefault((item.case_id, item.review_point_id), item)
    # review_items' order: overdue, then due, by date, then practitioner.
    order = {"overdue": 0, "due": 1}
    return sorted(
        found.values(),
        key=lambda i: (order.get(i.status, 9), i.due_on or date.max, i.practitioner),
    )
