"""Who acts: the roles psr-tui knows, their labels, the copy of a case each is shown, and
the Identity of the person acting. What each role may do is domain/access.py.
"""

from __future__ import annotations

from dataclasses import dataclass

ADVISER = "adviser"
SUPERVISOR = "supervisor"
ORGANISATION_LEAD = "organisation_lead"
RESPONSIBLE_OFFICER = "responsible_officer"
PRACTITIONER = "practitioner"
ANALYST = "analyst"

ROLES: tuple[str, ...] = (
    ADVISER, SUPERVISOR, ORGANISATION_LEAD, RESPONSIBLE_OFFICER, PRACTITIONER, ANALYST,
)
ROLE_LABELS = {
    ADVISER: "PSR case adviser",
    SUPERVISOR: "Supervisor",
    ORGANISATION_LEAD: "Organisation lead",
    RESPONSIBLE_OFFICER: "Responsible officer",
    PRACTITIONER: "Practitioner",
    ANALYST: "Analyst",
}

# The copy of a case each role is shown, on screen and in exports.
AUDIENCE_OF_ROLE = {
    ADVISER: "adviser",
    SUPERVISOR: "organisation",
    ORGANISATION_LEAD: "organisation",
    RESPONSIBLE_OFFICER: "organisation",
    PRACTITIONER: "practitioner",
    ANALYST: "organisation",
}


@dataclass(frozen=True)
class Identity:
    """The person acting: a psr-tui user name, their role and organisation.

    `admin` is the database's owner (the service account, or a developer on their own
    database): it may run the administrator's commands and act as a named user.
    """

    name: str
    role: str = ADVISER
    organisation: str = ""
    admin: bool = False
    display_name: str = ""

    @property
    def audience(self) -> str:
        return AUDIENCE_OF_ROLE.get(self.role, "organisation")

    @property
    def sees_confidential(self) -> bool:
        return self.role == ADVISER

    @property
    def label(self) -> str:
        """'asmith · Supervisor · Northshire NHS Trust' for the header."""
        parts = [self.display_name or self.name, ROLE_LABELS.get(self.role, self.role)]
        if self.organisation:
            parts.append(self.organisation)
        if self.admin:
            parts.append("admin")
        return " · ".join(parts)
