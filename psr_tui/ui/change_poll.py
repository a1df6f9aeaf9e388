"""Other users' saves, seen within a few seconds: the app polls the case files' stamps
(inode, mtime, size), never their contents, off the UI thread, and posts CasesChanged with
only the ids that moved; the app's own saves are posted at once (`note_own_write`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App, CSSPathType

from ..store import StoreError
from .messages import CasesChanged

if TYPE_CHECKING:
    from ..store import CaseStore

POLL_SECONDS = 2.0
# Polling starts when the start screen's first rows are drawn (`start_polling`), or this
# long after start-up at the latest (a screen with no list, or a list slow on a busy host).
POLL_START_LATEST = 3.0
Stamps = dict[str, tuple[int, int, int]]


class ChangePollingApp(App[None]):
    """PsrApp's part that watches the database; PsrApp sets `store` and `poll`."""

    store: CaseStore
    poll: bool

    def __init__(self, css_path: CSSPathType | None = None) -> None:
        super().__init__(css_path=css_path)
        self._fingerprint: Stamps = {}
        self._own_writes = 0  # saves made here: a poll begun before one is stale
        self._polling = False

    def poll_soon(self) -> None:
        """At start-up: polling starts with the start screen's first rows (the list
        screens call `start_polling` once those are drawn), or POLL_START_LATEST from now."""
        if self.poll:
            self.set_timer(POLL_START_LATEST, self.start_polling)

    def start_polling(self) -> None:
        """Read the first stamps, then poll (once; a no-op when polling is off). The first
        stamps are 20,000 stats, off the UI thread; read beside the start screen's first
        batch they made its first rows 40 ms later at 5,000 cases, so a list screen asks
        for them once its first rows are drawn, while the rest load. Polling starts once
        they are in, so nothing reads as changed meanwhile."""
        if self._polling or not self.poll:
            return
        self._polling = True
        self.run_worker(self._first_fingerprint, thread=True, group="poll",
                        exit_on_error=False)

    def _first_fingerprint(self) -> None:
        now = self._fingerprint_now() or {}
        self.call_from_thread(self._start_polling, now)

    def _start_polling(self, now: Stamps) -> None:
        self._fingerprint = now
        self.set_interval(POLL_SECONDS, self._poll)

    def _fingerprint_now(self) -> Stamps | None:
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

    def _polled(self, now: Stamps | None, writes: int) -> None:
        # A save of ours landed while the stamps were read: they may predate it, and our
        # own case would read as changed by someone else. The next poll sees the rest.
        if writes == self._own_writes:
            self._changes_since(now)

    def _check_for_changes(self) -> None:
        """Other users' saves show up within a few seconds: poll file stamps, not contents."""
        self._changes_since(self._fingerprint_now())

    def _changes_since(self, now: Stamps | None) -> None:
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
