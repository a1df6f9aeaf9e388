"""Which cases an identity holds: a whole Case or its digest alike, by the case's
organisation, its practitioner's user and the users its supervising roles link.

The store scopes every list and read with `in_scope`; domain/access.py asks it before
an operation on a case.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from .roles import (
    ADVISER,
    ORGANISATION_LEAD,
    PRACTITIONER,
    RESPONSIBLE_OFFICER,
    SUPERVISOR,
    Identity,
)


class RoleLinkLike(Protocol):
    """A plan role's user links (domain/plan.Role, or a digest's RoleLink)."""

    @property
    def role(self) -> str: ...
    @property
    def person(self) -> str: ...
    @property
    def user(self) -> str: ...
    @property
    def deputy_user(self) -> str: ...


class ScopedCase(Protocol):
    """What the policy asks of a case: a whole Case or its digest (domain/case_digest.py),
    so the lists decide scope without holding whole cases."""

    @property
    def id(self) -> str: ...
    @property
    def organisation_name(self) -> str: ...
    @property
    def practitioner_user(self) -> str: ...
    @property
    def role_links(self) -> Iterable[RoleLinkLike]: ...
    @property
    def withheld(self) -> bool: ...


# Plan roles (vocabulary `roles`) that make the user holding them a supervisor of the plan.
SUPERVISING_PLAN_ROLES = frozenset({
    "clinical_supervisor", "educational_supervisor", "workplace_reporter",
})


def same_user(a: str, b: str) -> bool:
    """The same user name, whatever the capitals and spaces around it; blank is nobody."""
    return bool(a.strip()) and a.strip().casefold() == b.strip().casefold()


def supervising_users(case: ScopedCase) -> list[str]:
    """The user names (person or deputy) in the plan's supervising roles (a Case's or a
    digest's role links alike)."""
    return [user for role in case.role_links if role.role in SUPERVISING_PLAN_ROLES
            for user in (role.user, role.deputy_user) if user]


def supervises(identity: Identity, case: ScopedCase) -> bool:
    """Named on the plan, by user name, in a supervising role or as its deputy."""
    return any(same_user(user, identity.name) for user in supervising_users(case))


def in_scope(identity: Identity, case: ScopedCase) -> bool:
    """Whether the case exists at all for this identity (lists, get, export)."""
    # A plan withheld from the practitioner (000 7.1 note) withholds the case: not even
    # its existence is told until it is released (withholding.is_withheld, kept on a Case
    # and on its digest alike as `withheld`).
    if identity.role == PRACTITIONER and case.withheld:
        return False
    return holds(identity, case.organisation_name, case.practitioner_user,
                 supervising_users(case))


def holds(identity: Identity, organisation: str, practitioner_user: str,
          supervisor_users: Iterable[str]) -> bool:
    """Whether a case with these scope keys is one of the identity's (withholding aside):
    an adviser every case, a supervisor those linking them, the organisation's side its
    organisation's, a practitioner their own."""
    role = identity.role
    if role == ADVISER:
        return True
    if role == SUPERVISOR:
        return any(same_user(user, identity.name) for user in supervisor_users)
    if role in (ORGANISATION_LEAD, RESPONSIBLE_OFFICER):
        return same_user(organisation, identity.organisation)
    if role == PRACTITIONER:
        return same_user(practitioner_user, identity.name)
    return False
