"""An adviser's first screen on an empty database: how to start (a new case, the demo,
an import), rather than an empty list. Home replaces it once a case exists."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from ...domain.access import CREATE
from ...store.errors import StoreError
from ..widgets.key_footer import KeyFooter
from .base import PsrScreen
from .opening import start_new_request

WELCOME = """\
[b]Welcome to psr-tui.[/b] This database has no cases yet.

To start:

  [b]n[/b]                      a new case: a request for a plan, received today
  [b]psr-tui --demo[/b]         try the app on demo data, in a temporary database
  [b]psr-tui import FILE[/b]    bring in cases from a dump (the administrator)

F1 help · ctrl+p every action, a case by name, the theme · q quit"""


class WelcomeScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Welcome"
    HELP = """\
# Welcome

This database has no cases yet.

- **n**: a new case, a request for a plan received today (its intake opens)
- `psr-tui --demo` (in a shell): the app on demo data in a temporary database, to try it
- `psr-tui import FILE`: cases from a dump made with `psr-tui dump` (the database's
  administrator only)

Once the database holds a case, psr-tui opens on the list of cases.
"""
    # Its own `n` is followed by the intake: resuming decides, not the save's message.
    SHOWS_OWN_WRITES = False
    OPERATIONS = {"new_case": CREATE}
    BINDINGS = [Binding("n", "new_case", "New case")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(WELCOME, id="welcome-text")
        yield KeyFooter()

    def action_new_case(self) -> None:
        start_new_request(self.psr)

    # A case left behind (typed into, or another user's): the list of cases from now on.
    # An intake left blank is discarded, and the welcome stays.
    def on_screen_resume(self) -> None:
        # After the resumed screen has drawn: switching it away mid-resume left its
        # Header updating widgets already removed (a crash).
        self.call_after_refresh(self._home_once_not_empty)

    def cases_changed(self, case_ids: frozenset[str]) -> None:
        self._home_once_not_empty()  # only while on top: never the intake above it

    def _home_once_not_empty(self) -> None:
        if not self.is_active:
            return
        try:
            empty = not self.psr.store.has_cases()
        except (OSError, StoreError):
            return
        if not empty:
            from .home import HomeScreen

            self.app.switch_screen(HomeScreen())
