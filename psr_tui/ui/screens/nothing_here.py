"""The start screen of a user with nothing to see: a role with no case access (an analyst),
or a role with access before any case exists. It says so, rather than an empty list that
looks like a broken database; when a case for the user arrives, the role's own start
screen replaces it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Header, Static

from ...domain.access import READ, ROLE_LABELS, may
from ...store.errors import StoreError
from ..widgets.key_footer import KeyFooter
from ..wording import in_markup
from .base import PsrScreen

NO_ACCESS = ("There is nothing for you here: your role gives no access to cases or to "
             "insights.\n\n"
             "If you should see them, ask the database's administrator to change your role.")
# Also home's count line when the store gives a role that cannot open cases none.
NOTHING_YET = ("Nothing for you yet: no case names you. When a case adviser links you to "
               "a plan, it shows here.")


class NothingHereScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Signed in"
    HELP = """# Nothing here for you yet

Either your psr-tui user has no access to cases or to insights (if you need them, ask
the database's administrator to change your role with `psr-tui user set-role`), or no
case names you yet: when a case adviser links you to a plan, it appears here within a
few seconds.
"""

    def compose(self) -> ComposeResult:
        yield Header()
        identity = self.psr.identity
        role = ROLE_LABELS.get(identity.role, identity.role)
        reason = NOTHING_YET if may(identity, READ) else NO_ACCESS
        yield Static(
            f"Signed in as [b]{in_markup(identity.name)}[/b] ({in_markup(role)}).\n\n"
            f"{reason}\n\nPress q or ctrl+q to quit.",
            id="nothing-here",
        )
        yield KeyFooter()

    def cases_changed(self, case_ids: frozenset[str]) -> None:
        """A case in the user's scope has arrived (another user's save): their start
        screen, as if they had just opened the app."""
        if not self.is_active or not may(self.psr.identity, READ):
            return
        if any(self._visible(case_id) for case_id in case_ids):
            from . import start_screen

            self.app.switch_screen(start_screen(self.psr.start, self.psr.identity))

    def _visible(self, case_id: str) -> bool:
        try:
            self.psr.store.get_brief(case_id)  # scoped: CaseNotFound outside it
        except StoreError:
            return False
        return True
