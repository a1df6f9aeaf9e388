"""The base every psr-tui screen shares: Esc back, F1 help, q quits outside text fields."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Awaitable, Callable
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events, on
from textual.binding import Binding
from textual.screen import Screen

from ...domain.access import may
from ..messages import CasesChanged

if TYPE_CHECKING:
    from ...app import PsrApp
    from ...domain.access import ScopedCase
    from .batch_loading import HeldDigests

IMPORT_AFTER = 0.1  # seconds after a list is whole (import_soon): its last frame drawn


class PsrScreen(Screen[None]):
    HELP = ""  # Markdown shown by F1: what the screen is for and how to use it
    TITLE_FOR_PALETTE = ""  # prefix for this screen's actions in the command palette
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("q", "quit", "Quit", show=False),
    ]

    # What a role may not do is not offered: action (or "action:first parameter", as in
    # "sign:organisation") -> the access operation it performs. check_action hides the
    # action unless access.may allows it on the screen's case, so the footer, the palette
    # and F1 (all read from the same bindings) never list it. The store refuses it anyway.
    OPERATIONS: ClassVar[dict[str, str]] = {}
    _shown_before = False  # shown once already (_keep_first_styles)

    @property
    def psr(self) -> PsrApp:
        # Textual types `app` as App[Any]; every psr-tui screen runs inside a PsrApp.
        return cast("PsrApp", self.app)

    def access_case(self) -> ScopedCase | None:
        """The case the screen's actions act on (None: about no one case): a whole Case,
        or a list's digest of it (the policy asks either the same questions)."""
        return cast("ScopedCase | None", getattr(self, "case", None))

    def permits(self, action: str, parameters: tuple[object, ...] = ()) -> bool:
        """Whether the signed-in identity may perform this screen action at all."""
        keyed = f"{action}:{parameters[0]}" if parameters else action
        operation = self.OPERATIONS.get(keyed) or self.OPERATIONS.get(action)
        if operation is None:
            return True
        return may(self.psr.identity, operation, self.access_case())

    @on(events.ScreenResume)
    def _keep_first_styles(self, event: events.ScreenResume) -> None:
        """A screen's first showing keeps the styles its widgets were given as they
        mounted, a moment before: Textual styles the whole screen again on every resume,
        and on a dashboard's push that was 7-12 ms of the one step that draws its first
        rows (50-90 ms at 20,000 cases, the longest pause while it loads). Later resumes
        restyle as Textual decides (a theme may have changed meanwhile).
        Runs before Textual's own handler (handlers are called subclass first; a
        decorated one, so a screen's own on_screen_resume is called as well)."""
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False

    @on(events.Resize)
    async def _turn_before_layout(self, event: events.Resize) -> None:
        """Let the event loop run before Textual lays the screen out again. A pushed
        screen is sent a Resize as its first frame is drawn, and the screen's queue is
        worked through without a break: the second layout (10-12 ms at 20,000 cases)
        made one step with the first frame's. Split, neither holds keys as long."""
        await asyncio.sleep(0)

    def can_go_back(self) -> bool:
        # The start screen sits on Textual's blank default screen: popping it left users on
        # an empty terminal with no keys (psr-tui review, then Esc).
        return any(isinstance(s, PsrScreen) for s in self.app.screen_stack if s is not self)

    def keep_loaded_for_good(self) -> None:
        """What the start screen has loaded lives as long as the app: frozen out of the
        garbage collector's sight, so full collections do not walk it again and again
        (0.1-0.4 s each at 20,000 cases). Only the start screen, and only when nothing is
        open over it: a freeze takes everything alive, and a frozen screen is never
        collected. Dashboards froze too, and every one visited outlived its pop with all
        it had loaded (6.5 MB a visit at 5,000 cases)."""
        if self.app.screen is self and not self.can_go_back():
            gc.freeze()

    def import_soon(self, module: str) -> None:
        """Import `module` (the screen a key here opens) a moment from now, while the user
        reads this list, not after the key (about 10 ms of `d`). A moment, not a second:
        a user who knows the list presses `d` within a second of its rows. On the main
        thread: an import in a thread can hand the UI a half-made module when the two
        meet in a cycle. On the app's timer: a screen's own would hold a popped screen
        until it fired."""
        self.app.set_timer(IMPORT_AFTER, partial(import_module, module))

    def collect_once_drawn(self) -> None:
        """One full collection once this screen's first frame is drawn, while the user
        reads it. A screen that loads a whole case (the plan builder) leaves tens of
        thousands of new objects; the full collection they set off otherwise fell in the
        first save, 40-70 ms of it on a plan of 200 objectives. Afterwards the next full
        collection waits until a quarter as many again have outlived the young ones."""
        self.call_after_refresh(gc.collect)

    def due_digests(self) -> HeldDigests | None:
        """Every in-scope case with a review point due or overdue today, as digests, when
        this screen holds them all (the quick review once loaded): a review list opened
        over it makes its rows from these, not from every case file read again."""
        return None

    def held_below(self) -> HeldDigests | None:
        """The due digests a screen below this one holds, if any does."""
        for screen in reversed(self.app.screen_stack):
            if screen is not self and isinstance(screen, PsrScreen):
                held = screen.due_digests()
                if held is not None:
                    return held
        return None

    # A screen may make it async (the intake checks and saves the step first): Textual
    # awaits an action that returns an awaitable.
    def action_back(self) -> Awaitable[None] | None:
        if self.can_go_back():
            self.app.pop_screen()
        return None

    async def action_quit(self) -> None:
        await self.app.action_quit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.permits(action, parameters):
            return False
        if action == "quit" and _is_text_field(self.focused):
            return False
        return not (action == "back" and not self.can_go_back())

    # Lists of cases set this: a save made in this session must show in them too.
    SHOWS_OWN_WRITES = False

    def on_cases_changed(self, message: CasesChanged) -> None:
        if self.SHOWS_OWN_WRITES or not message.by_me:
            self.cases_changed(message.case_ids)

    def cases_changed(self, case_ids: frozenset[str]) -> None:
        """Override to refresh when other users change cases."""

    # -- results of worker threads ----------------------------------------------------------
    def from_worker(self, callback: Callable[..., object], *args: Any) -> bool:
        """Run `callback(*args)` on the UI thread for a worker thread of this screen; the
        one way screens take a worker's result. By the time a result arrives the screen
        may be gone (the user left it, the app is quitting, an SSH link dropped): then it
        is dropped, not applied to widgets already removed, which crashed the app at exit.
        False when dropped, so a loading loop can stop reading."""
        def apply() -> bool:
            if not self.is_live():
                return False
            callback(*args)
            return True

        try:
            return bool(self.app.call_from_thread(apply))
        except RuntimeError:  # the app's loop has stopped
            return False

    def is_live(self) -> bool:
        """Still on the app's screen stack with its widgets, and the app not closing."""
        return (self.app.is_running and self.is_attached
                and not (self._closing or self._closed or self._pruning))


def _is_text_field(widget: object) -> bool:
    # By class name: importing TextArea here would cost ~40 ms of every start-up.
    return any(cls.__name__ in ("Input", "TextArea") for cls in type(widget).__mro__)
