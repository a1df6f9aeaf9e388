"""My cases: the one rule for whose caseload a case is in (home's and both dashboards' `m`).

An adviser's (or anyone's) cases are those whose case adviser (`case_adviser_of`: the
request's, else the plan's case adviser role) is their display name or user name,
ignoring capitals; part of a name is not enough. A supervisor's are the plans they
supervise: linked by user name to a supervising role, as its person or its deputy
(access.supervises), whatever names are typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from .access import SUPERVISOR, Identity


def _key(text: str) -> str:
    return text.strip().casefold()


def my_names(identity: Identity) -> frozenset[str]:
    """The names a request may give this identity as its case adviser."""
    return frozenset(_key(n) for n in (identity.display_name, identity.name) if n.strip())


def is_my_case(identity: Identity, case_adviser: str, supervisor_users: Iterable[str]) -> bool:
    """Whether a case with this case adviser and these supervising users (the role
    links' user names, access.supervising_users) is in `identity`'s caseload."""
    if identity.role == SUPERVISOR:
        wanted = _key(identity.name)
        return bool(wanted) and any(_key(user) == wanted for user in supervisor_users)
    return _key(case_adviser) in my_names(identity)
