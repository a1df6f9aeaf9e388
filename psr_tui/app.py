"""The Textual application: thin. Screens live in psr_tui/ui/screens."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from pathlib import PurePath
from typing import TypedDict, Unpack

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from .domain.access import INSIGHTS, Identity, may
from .domain.vocabulary import Vocabularies, default_vocabularies
from .locations import styles_dir
from .store import CaseStore, StoreError
from .store.user_settings import UserSettings
from .ui import terminal_guard
from .ui.crash_report import crash_report
from .ui.key_routing import KeysWhereTypedApp
from .ui.messages import CasesChanged

POLL_SECONDS = 2.0
# Textual's palette commands psr-tui does not offer: "Screenshot" writes an image of the
# screen, confidential or not, to the account's Downloads folder; "Keys" is a second help
# system beside F1 (one help: F1, which lists only what the role may do); Textual's "Theme"
# is replaced by ours, which remembers the choice for the user.
WITHHELD_SYSTEM_COMMANDS = frozenset({"Screenshot", "Keys", "Theme"})
THEME_COMMAND_HELP = ("Colours: your terminal's own 16 (ansi-dark, ansi-light) or a Textual "
                      "theme, remembered for you")
# Textual's own screen keys (focus moves, copy) and the palette itself: not worth listing.
TEXTUAL_ACTIONS = frozenset(
    {binding.action for binding in Screen.BINDINGS if isinstance(binding, Binding)}
    | {"command_palette"}
)


def _stylesheets() -> list[str | PurePath]:
    # app.tcss first (shared rules), then one file per screen.
    folder = styles_dir()
    sheets = sorted(folder.glob("*.tcss"), key=lambda p: (p.name != "app.tcss", p.name))
    return [str(p) for p in sheets]


def _case_finder() -> type[Provider]:
    from .ui.palette.cases import CaseFinder  # imported when the palette first opens

    return CaseFinder


def _theme_choices() -> type[Provider]:
    from .ui.palette.themes import ThemeChoices

    return ThemeChoices


class PsrApp(KeysWhereTypedApp):
    TITLE = "psr-tui"
    SUB_TITLE = "PSR action plans"
    ENABLE_COMMAND_PALETTE = True
    # Textual's system commands, plus cases by name and the themes (ui/palette/).
    COMMANDS = App.COMMANDS | {_case_finder, _theme_choices}
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
        self._fingerprint: dict[str, tuple[int, int, int]] = {}
        self._own_writes = 0  # saves made here: a poll begun before one is stale
        self._crash_text = ""  # what an unexpected exception prints on the way out
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
        from .ui.screens import start_screen

        self._apply_remembered_theme()
        # What start-up built (modules, styles, vocabularies) lives as long as the app:
        # out of the collector's sight, so no full collection walks it (70-120 ms each).
        gc.freeze()
        if os.environ.get("PSR_TUI_PAUSE_LOG"):  # the bench's pause measure (ui/pause_log.py)
            from .ui.pause_log import start_if_asked

            start_if_asked()
        self.push_screen(start_screen(self.start, self.identity, empty=self._database_empty()))
        if self.poll:
            # The first stamps too are read off the UI thread (20,000 stats); polling starts
            # once they are in, so nothing reads as changed meanwhile.
            self.run_worker(self._first_fingerprint, thread=True, group="poll",
                            exit_on_error=False)

    def _first_fingerprint(self) -> None:
        now = self._fingerprint_now() or {}
        self.call_from_thread(self._start_polling, now)

    def _start_polling(self, now: dict[str, tuple[int, int, int]]) -> None:
        self._fingerprint = now
        self.set_interval(POLL_SECONDS, self._poll)

    def _database_empty(self) -> bool:
        """No case file at all (cheap: a folder listing, not a read of every case)."""
        try:
            return not self.store.has_cases()
        except OSError:
            return False  # the list screens say what is wrong with the folder

    # -- the theme, remembered per user -----------------------------------------------------
    def _apply_remembered_theme(self) -> None:
        try:
            theme = self.settings.load().get("theme")
        except StoreError as exc:
            self.notify(f"Your settings could not be read ({exc}); using the defaults.",
                        severity="warning", timeout=10)
            return
        # A theme this Textual no longer has (or a hand-edited name) falls back quietly.
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    def use_theme(self, name: str) -> None:
        """Show `name` and remember it for this user (palette "Theme: ...")."""
        self.theme = name
        try:
            self.settings.remember("theme", name)
        except StoreError as exc:
            self.notify(f"Theme {name} is used until you quit, but not remembered: {exc}",
                        severity="warning", timeout=10)

    def action_change_theme(self) -> None:
        """Textual's theme action, reachable by its name: our remembered choice instead."""
        from .ui.palette.themes import ThemePicker

        self.push_screen(CommandPalette(providers=[ThemePicker],
                                        placeholder="Search for themes…"))

    def _fingerprint_now(self) -> dict[str, tuple[int, int, int]] | None:
        """The store's stamps, or None when the folder cannot be read just now (a failing
        disk is said by the save that meets it; a poll must never crash the app)."""
        try:
            return self.store.fingerprint()
        except StoreError:
            return None

    def _poll(self) -> None:
        # The stamps of 20,000 files take 0.1-0.3 s to read: off the UI thread.
        self.run_worker(self._poll_in_thread, thread=True, exclusive=True, group="poll",
                        exit_on_error=False)

    def _poll_in_thread(self) -> None:
        writes = self._own_writes
        now = self._fingerprint_now()
        self.call_from_thread(self._polled, now, writes)

    def _polled(self, now: dict[str, tuple[int, int, int]] | None, writes: int) -> None:
        # A save of ours landed while the stamps were read: they may predate it, and our
        # own case would read as changed by someone else. The next poll sees the rest.
        if writes == self._own_writes:
            self._changes_since(now)

    def _check_for_changes(self) -> None:
        """Other users' saves show up within a few seconds: poll file stamps, not contents."""
        self._changes_since(self._fingerprint_now())

    def _changes_since(self, now: dict[str, tuple[int, int, int]] | None) -> None:
        """Only the cases whose stamps moved are posted: the lists re-read just those."""
        if now is None:
            return
        if now != self._fingerprint:
            changed = {k for k in now.keys() | self._fingerprint.keys()
                       if now.get(k) != self._fingerprint.get(k)}
            self._fingerprint = now
            self._post_changes(changed)

    def note_own_write(self, case_id: str) -> None:
        """Screens call this after saving `case_id`: the lists below the saving screen show
        the change at once, and no editor reports it as someone else's."""
        self._own_writes += 1
        if self.poll:
            # One stat, not the whole folder's (that was 0.1-0.3 s of every save at 20,000
            # cases): others' saves meanwhile are the next poll's, seen as theirs.
            try:
                stamp = self.store.stamp(case_id)
            except StoreError:
                stamp = None
            if stamp is None:
                self._fingerprint.pop(case_id, None)
            else:
                self._fingerprint[case_id] = stamp
        self._post_changes({case_id}, by_me=True)

    def _post_changes(self, case_ids: set[str], by_me: bool = False) -> None:
        for screen in self.screen_stack:
            screen.post_message(CasesChanged(frozenset(case_ids), by_me))

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected exception: exit with one line (ui/crash_report.py), never Textual's
        report, which draws every frame's local variables (field values among them).

        Mirrors textual.app.App._handle_exception (8.2.8) but for the rendering; the
        private names it relies on are checked by tests/ui/test_crash_report.py.
        """
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises the first one for the tests
            self._exception = error
            self._exception_event.set()
        self._crash_text = crash_report(error)
        self._close_messages_no_wait()

    def _print_error_renderables(self) -> None:
        # Plain text, not Rich: Rich would wrap the one line at the terminal's width.
        if self._crash_text:
            sys.stderr.write(self._crash_text + "\n")
            sys.stderr.flush()
            self._crash_text = ""
        super()._print_error_renderables()

    def action_help(self) -> None:
        from .ui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_show_help_panel(self) -> None:
        """Textual's Keys panel, reachable by its action name: F1's help instead."""
        self.action_help()

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """Never write the screen to a file (action_screenshot ends here too)."""
        self.notify("Screenshots are not available in psr-tui.", severity="warning")
        return None

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in WITHHELD_SYSTEM_COMMANDS:
                yield command
        if self._insights_offered(screen):
            yield SystemCommand("Insights", "figures across the plans you may see, no names",
                                self.open_insights)
        yield SystemCommand("Theme", THEME_COMMAND_HELP, self.action_change_theme)
        title = getattr(screen, "TITLE_FOR_PALETTE", "") or type(screen).__name__
        for binding, node in self.actions_of(screen):
            yield SystemCommand(
                f"{title}: {binding.description}",
                f"key {binding.key_display or binding.key}",
                partial(self.run_action, binding.action, node),
            )

    def _insights_offered(self, screen: Screen) -> bool:
        """From any psr-tui screen (a supervisor's quick review has no way to home), not a
        dialog; not where the screen has its own key for it (home's `i`: one entry), nor
        when Insights is open already."""
        from .ui.screens.base import PsrScreen
        from .ui.screens.insights import InsightsScreen

        if not isinstance(screen, PsrScreen) or hasattr(screen, "action_insights"):
            return False
        on_insights = any(isinstance(s, InsightsScreen) for s in self.screen_stack)
        return may(self.identity, INSIGHTS) and not on_insights

    def open_insights(self) -> None:
        from .ui.screens.insights import InsightsScreen

        self.push_screen(InsightsScreen())

    def actions_of(self, screen: Screen) -> list[tuple[Binding, DOMNode]]:
        """The actions that apply on `screen` now, each with the node that runs it (palette, F1).

        The whole binding chain, not active_bindings: there a focused widget's key hides the
        screen's action on the same key (home's Enter "Open" under the table's "Select").
        Textual's own widgets' editing and cursor keys are left out: they are not actions.
        """
        seen: set[str] = set()
        found: list[tuple[Binding, DOMNode]] = []
        for node, bindings in screen._modal_binding_chain:
            if node is not self and node is not screen and not _ours(node):
                continue
            for _key, binding in bindings:
                if not binding.description or binding.action in seen | TEXTUAL_ACTIONS:
                    continue
                if not self._check_action_state(binding.action, node):
                    continue  # hidden (False) or greyed out (None) here and now
                seen.add(binding.action)
                found.append((binding, node))
        return found


def _ours(node: object) -> bool:
    return (type(node).__module__.startswith("psr_tui.")
            and getattr(node, "LISTED_IN_HELP", True))


class AppOptions(TypedDict, total=False):
    """PsrApp's keyword arguments, so make_app's callers are type-checked too."""

    today: Callable[[], date]
    vocab: Vocabularies | None
    start: str
    poll: bool


def make_app(store: CaseStore, **options: Unpack[AppOptions]) -> PsrApp:
    """The one way the CLI and the tests build the app."""
    return PsrApp(store, **options)
