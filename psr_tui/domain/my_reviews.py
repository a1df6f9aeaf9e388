"""The review points an identity is expected to record: by explicit user links only.

A plan's supervising roles name psr-tui users (`Role.user`, `Role.deputy_user`); a user
linked to a role, as the person or the deputy, records that role's review points. Names
are never matched against logins: "Dr Anna Smith" is nobody until a role links `asmith`.

Used by the app's quick review, the CLI's `reviews` list and the reminders (`due`,
`calendar`: domain/reminders.py), so all list the same items.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from .case_digest import CaseDigest
from .case_scope import SUPERVISING_PLAN_ROLES, same_user, supervises
from .roles import Identity
from .status import ReviewItem, as_digest, item_order, review_items

if TYPE_CHECKING:  # the quick review lists digests: no models at its start-up
    from .case import Case


def _persons(case: Case | CaseDigest, identity: Identity) -> tuple[set[str], set[str]]:
    """The supervising roles' people: those `identity` is linked to, and the others'."""
    mine: set[str] = set()
    others: set[str] = set()
    for role in case.role_links:
        if role.role not in SUPERVISING_PLAN_ROLES or not role.person.strip():
            continue
        linked = same_user(role.user, identity.name) or same_user(role.deputy_user, identity.name)
        (mine if linked else others).add(role.person.strip().casefold())
    return mine, others - mine


def _is_mine(reviewer: str, mine: set[str], others: set[str]) -> bool:
    """Unnamed review points fall to every linked supervisor; one named for the person of
    another supervising role is theirs; a name matching no role stays visible (better a
    supervisor sees one too many than a review point nobody is asked to record)."""
    named = reviewer.strip().casefold()
    return not named or named in mine or named not in others


def falls_to(case: Case | CaseDigest, reviewer: str, identity: Identity) -> bool:
    """Whether a review point naming `reviewer` (or nobody) is `identity`'s to record."""
    # A Case or a digest alike: without a plan there are no role links, so nobody
    # supervises it (no digest is made here: the reminders ask this of whole cases).
    if not supervises(identity, case):
        return False
    mine, others = _persons(case, identity)
    return _is_mine(reviewer, mine, others)


def my_review_items(cases: Iterable[Case | CaseDigest], today: date,
                    identity: Identity) -> list[ReviewItem]:
    """Due and overdue review points `identity` is linked to record, overdue first."""
    found: list[ReviewItem] = []
    for case in cases:
        d = as_digest(case)
        if not d.has_plan or not supervises(identity, d):
            continue
        mine, others = _persons(d, identity)
        found += [i for i in review_items([d], today) if _is_mine(i.reviewer, mine, others)]
    return sorted(found, key=item_order)
