"""The start screen of a role with no case access (an analyst): says so, rather than an
empty list that looks like a broken database."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from ...domain.access import ROLE_LABELS
from .base import PsrScreen


class NothingHereScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Signed in"
    HELP = """# Nothing here for your role yet

Your psr-tui user has no access to cases: an analyst's insights (figures across plans,
with no names) are not built yet. If you need to see cases, ask the database's
administrator to change your role (`psr-tui user set-role`).
"""

    def compose(self) -> ComposeResult:
        yield Header()
        identity = self.psr.identity
        role = ROLE_LABELS.get(identity.role, identity.role)
        yield Static(
            f"Signed in as [b]{identity.name}[/b] ({role}).\n\n"
            "There is nothing for you here yet: your role gives no access to cases, and the "
            "insights for analysts come later.\n\n"
            "If you should see cases, ask the database's administrator to change your role.\n"
            "Press q or ctrl+q to quit.",
            id="nothing-here",
        )
        yield Footer()
