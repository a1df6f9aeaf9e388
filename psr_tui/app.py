"""The Textual application: thin. Screens live in psr_tui/ui/screens; the app's other parts
in psr_tui/ui: change_poll (other users' saves), remembered_theme, app_commands (F1 and the
palette), crash_exit (one line on an unexpected exception), start_up (the first screen),
plain_messages (notifications never read as markup)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import PurePath
from typing import TypedDict, Unpack

from textual.binding import Binding

from .domain.access import Identity
from .domain.vocabulary import Vocabularies, default_vocabularies
from .locations import styles_dir
from .store import CaseStore
from .store.user_settings import UserSettings
from .ui import start_up, terminal_guard
from .ui.app_commands import AppCommands
from .ui.change_poll import ChangePollingApp
from .ui.crash_exit import OneLineCrashApp
from .ui.key_routing import KeysWhereTypedApp
from .ui.plain_messages import PlainMessagesApp
from .ui.remembered_theme import RememberedThemeApp


def _stylesheets() -> list[str | PurePath]:
    # app.tcss first (shared rules), then one file per screen.
    folder = styles_dir()
    sheets = sorted(folder.glob("*.tcss"), key=lambda p: (p.name != "app.tcss", p.name))
    return [str(p) for p in sheets]


class PsrApp(ChangePollingApp, AppCommands, RememberedThemeApp, OneLineCrashApp,
             KeysWhereTypedApp, PlainMessagesApp):
    TITLE = "psr-tui"
    SUB_TITLE = "PSR action plans"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "Help", priority=True),
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
        # Priority: focus moves before the next key arrives, so text typed quickly (or
        # arriving in one burst over SSH) after Tab lands in the next field, not this one;
        # a key typed just before Tab still acts where it was typed (ui/key_routing.py).
        Binding("tab", "focus_next", "Next field", priority=True, show=False),
        Binding("shift+tab", "focus_previous", "Previous field", priority=True, show=False),
    ]

    def __init__(
        self,
        store: CaseStore,
        *,
        today: Callable[[], date] = date.today,
        vocab: Vocabularies | None = None,
        start: str = "home",
        poll: bool = True,
    ) -> None:
        terminal_guard.install()  # before the first frame: stored text is untrusted
        # Found at run time (styles/ in a checkout, _styles/ in a wheel): passed, not a ClassVar.
        super().__init__(css_path=_stylesheets())
        self.store = store
        self.today = today
        self.vocab = vocab or default_vocabularies()
        self.start = start
        self.poll = poll
        # Animations off by default: they cost bandwidth over SSH.
        self.animation_level = "none"
        # Every screen's header: who is signed in, their role and organisation. The label
        # alone (no "psr-tui — " before it), so a long organisation fits in 80 columns.
        self.title = self.identity.label
        self.sub_title = ""
        self.settings = UserSettings(store.root, self.identity.name)

    @property
    def user(self) -> str:
        return self.store.user

    @property
    def identity(self) -> Identity:
        """The acting identity: the store's, so what is offered matches what is enforced."""
        return self.store.identity

    def on_mount(self) -> None:
        self.apply_remembered_theme()
        start_up.settle()
        self.push_screen(start_up.first_screen(self.store, self.start, self.identity))
        self.poll_soon()


class AppOptions(TypedDict, total=False):
    """PsrApp's keyword arguments, so make_app's callers are type-checked too."""

    today: Callable[[], date]
    vocab: Vocabularies | None
    start: str
    poll: bool


def make_app(store: CaseStore, **options: Unpack[AppOptions]) -> PsrApp:
    """The one way the CLI and the tests build the app."""
    return PsrApp(store, **options)
