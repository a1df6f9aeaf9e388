"""The demo's psr-tui users: one or more for every role, linked on the Mr G case's plan.

`psr-tui --demo --as dosei` is Mr G's clinical supervisor's view; `--as ggriffiths` is
Mr G's own; `--as kmensah` leads another organisation and must never see Mr G's case.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.access import (
    ADVISER,
    ANALYST,
    ORGANISATION_LEAD,
    PRACTITIONER,
    RESPONSIBLE_OFFICER,
    SUPERVISOR,
)
from ..store.users import UserRegistry
from .case_study_content import TRUST

OTHER_TRUST = "Aire and Wharfe Teaching Hospitals NHS Trust"

# (user name, role, organisation, display name). The links on the plan use these names.
DEMO_USERS: tuple[tuple[str, str, str, str], ...] = (
    ("hmarsden", ADVISER, "", "Dr Helen Marsden"),
    ("dosei", SUPERVISOR, TRUST, "Mr Daniel Osei"),
    ("lbennett", SUPERVISOR, TRUST, "Ms Laura Bennett"),
    ("fcampbell", SUPERVISOR, TRUST, "Miss Fiona Campbell"),
    ("arao", RESPONSIBLE_OFFICER, TRUST, "Dr Anita Rao"),
    ("kmensah", ORGANISATION_LEAD, OTHER_TRUST, "Dr Kwame Mensah"),
    ("ggriffiths", PRACTITIONER, "", "Mr Gareth Griffiths"),
    ("jlloyd", ANALYST, "", "Ms Joanna Lloyd"),
)


def write_demo_users(root: Path, acting: str) -> int:
    """Add the demo users a database lacks (an existing user is left as it is)."""
    registry = UserRegistry(root, acting)
    present = {u.name for u in registry.list()}
    added = 0
    for name, role, organisation, display_name in DEMO_USERS:
        if name not in present:
            registry.add(name, role, organisation, display_name)
            added += 1
    return added
