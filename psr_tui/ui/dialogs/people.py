"""People chosen, not typed: the plan's named roles (and their deputies) as options."""

from __future__ import annotations

from ...domain.plan import Plan
from ...domain.vocabulary import Vocabularies

# Who may record a review: supervising roles first, then the rest of the plan's people.
_REVIEWING_FIRST = ("clinical_supervisor", "educational_supervisor", "responsible_officer")


def people_options(plan: Plan, vocab: Vocabularies) -> list[tuple[str, str]]:
    """("Mr D Osei (Clinical supervisor)", "Mr D Osei") for each named person and deputy,
    supervisors first; a deputy is offered for when the person is absent. Values are the
    names a review point or signature stores."""
    ordered = sorted(plan.roles, key=lambda r: (
        _REVIEWING_FIRST.index(r.role) if r.role in _REVIEWING_FIRST else len(_REVIEWING_FIRST)))
    options: dict[str, str] = {}
    for role in ordered:
        label = vocab["roles"].label(role.role)
        if role.person.strip():
            options.setdefault(role.person.strip(), f"{role.person.strip()} ({label})")
        if role.deputy.strip():
            options.setdefault(role.deputy.strip(), f"{role.deputy.strip()} (deputy {label})")
    return [(text, name) for name, text in options.items()]
