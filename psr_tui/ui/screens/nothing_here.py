"""The start screen of a role with neither case access nor insights (none of the roles
today; a role added to access.PERMISSIONS without them): says so, rather than an empty
list that looks like a broken database. An analyst starts on insights."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from ...domain.access import ROLE_LABELS
from ..wording import in_markup
from .base import PsrScreen


class NothingHereScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Signed in"
    HELP = """# Nothing here for your role yet

Your psr-tui user has no access to cases or to insights (figures across plans, with no
names). If you need to see them, ask the database's administrator to change your role
(`psr-tui user set-role`).
"""

    def compose(self) -> ComposeResult:
        yield Header()
        identity = self.psr.identity
        role = ROLE_LABELS.get(identity.role, identity.role)
        yield Static(
            f"Signed in as [b]{in_markup(identity.name)}[/b] ({in_markup(role)}).\n\n"
            "There is nothing for you here: your role gives no access to cases or to "
            "insights.\n\n"
            "If you should see them, ask the database's administrator to change your role.\n"
            "Press q or ctrl+q to quit.",
            id="nothing-here",
        )
        yield Footer()
