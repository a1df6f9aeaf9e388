"""A list screen's table holding only the first rows of a longer, sorted list (issue 9).

A DataTable's every refresh costs in proportion to its rows (1-2 s at 20,000), and nobody
scrolls thousands of rows: the screens list the most urgent `SHOWN_ROWS` and say
"500/4460 shown"; their filters reach every item, not only those listed. After a save,
the rows of the changed items are removed and the next items appended at the end, so
the table is never rebuilt for one case.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual.widget import Widget

from .row_table import RowTable

SHOWN_ROWS = 500
# Textual measures every cell of each new row at the next frame (DataTable's
# _update_dimensions, 0.2-0.5 ms a row): 100 rows at once held the UI thread 60-100 ms on
# a loaded host, so rows go in by the screenful, and only as they come near the view.
FIRST_ROWS = 40  # listed while a list loads; added at once, at most (`screenful`)
CHUNK_ROWS = 40  # then this many whenever less than a screenful is left below
T = TypeVar("T")


FRAME_WAIT = 0.5  # seconds a loading worker waits at most for the first rows' frame


def after_next_frame(widget: Widget) -> None:
    """Called from a list's loading worker once the first rows are handed over: returns
    when the UI thread has drawn them. A worker that reads on at once takes the GIL in
    turns with the frame, which then reached the terminal 0.2-0.5 s late at 20,000 cases
    (the plans dashboard's first rows). Never waits more than FRAME_WAIT (a screen gone)."""
    drawn = threading.Event()
    try:
        widget.app.call_from_thread(widget.call_after_refresh, drawn.set)
    except RuntimeError:  # the app has stopped
        return
    drawn.wait(FRAME_WAIT)


def screenful(table: Widget, most: int | None = None) -> int:
    """Rows added at once, so the first frame is whole: as many as the terminal is tall
    (no table shows more), at most `most`. The 40 rows added at 80x24 cost a dashboard's
    first frame 10 ms more than the 24 that can show."""
    return max(1, min(FIRST_ROWS if most is None else most, table.app.size.height))


def add_more(table: RowTable, pending: list[T], every: bool, chunk: int,
             add: Callable[[list[T]], None]) -> list[T]:
    """A list's answer to `table.more_rows`: the next `chunk` of `pending` added (all
    with `every`); returns those still to come. A tall view may want more still, so the
    table asks again once these are laid out."""
    if not pending:
        return pending
    count = len(pending) if every else chunk
    add(pending[:count])
    rest = pending[count:]
    if rest:
        table.call_after_refresh(table.ask_for_rows)
    return rest


def shown_note(listed: int, matching: int) -> str:
    """' · 500/4460 shown' when the table lists fewer than match, else ''."""
    return f" · {listed}/{matching} shown" if matching > listed else ""


class CappedRows(Generic[T]):
    """The first `limit` of `items` in `table`, row keys from `key`, cells from `cells`."""

    def __init__(self, table: RowTable, key: Callable[[T], str],
                 cells: Callable[[T], Sequence[str | Text]], limit: int | None = None) -> None:
        self.table = table
        table.more_rows = self._more
        self.key = key
        self.cells = cells
        self.limit = SHOWN_ROWS if limit is None else limit
        self.items: list[T] = []  # every item, in order
        self.shown: list[T] = []  # the table's rows: the first `limit` items when filled
        self._pending: list[T] = []  # listed rows not added yet: added as they come near
        self._cap = self.limit  # rows listed now: `limit`, or a screenful while loading
        self._moved = False  # listed rows changed by a batch since the last fill

    @property
    def listed(self) -> int:
        return min(len(self.items), self._cap)

    def note(self) -> str:
        """' · 500/4460 shown' once filled whole; '' while a list still loading lists a
        screenful: that note said "40/5893 shown" and, at 80 columns, pushed the line's
        "loading…" off the screen."""
        if self._cap < self.limit:
            return ""
        return shown_note(self.listed, len(self.items))

    def fill(self, items: list[T], keep: str | None = None, whole: bool = True) -> None:
        """Rebuild the table from `items`; the cursor stays on `keep` when it is listed,
        else on the same row number. A screenful (and the row kept) is added at once,
        the rest as the view or the cursor comes near them (RowTable.more_rows): 500 rows
        at once held the screen 0.2 s.
        `whole=False` (a list still loading, its order changing with each batch) lists
        the first screenful only: adding 500 rows again every few batches kept the UI
        thread busy through the whole load."""
        table = self.table
        row = table.cursor_row
        self.items = items
        self._cap = self.limit if whole else min(FIRST_ROWS, self.limit)
        self.shown = items[:self._cap]
        self._moved = False
        table.clear()
        at = next((n for n, item in enumerate(self.shown) if self.key(item) == keep),
                  None) if keep is not None else None
        now = max(screenful(table), (at if at is not None else row) + 1)
        self._add(self.shown[:now])
        self._pending = self.shown[now:]
        if self._pending:  # the view laid out: more rows if it is taller than these
            table.call_after_refresh(table.ask_for_rows)
        if table.row_count:
            table.move_cursor(row=at if at is not None
                              else min(max(row, 0), table.row_count - 1))

    def grow(self, items: list[T], first_changed: int, redraw: bool, whole: bool) -> None:
        """`items` replace the list, which a loading batch merged into: the same before
        position `first_changed`. The table is refilled when the batch reached the rows
        listed and it is time to `redraw` (every few batches), and when the list is
        `whole`; otherwise only the list is kept, and the table waits."""
        self._moved = self._moved or first_changed < self._cap
        if whole or (redraw and self._moved):
            selected = self.selected()
            self.fill(items, keep=self.key(selected) if selected is not None else None,
                      whole=whole)
        else:
            self.items = items

    def _add(self, items: list[T]) -> None:
        for item in items:
            self.table.add_row(*self.cells(item), key=self.key(item))

    def _more(self, every: bool) -> None:
        """The next rows listed (every one with `every`), asked for by the table as the
        view or the cursor comes near its last row."""
        self._pending = add_more(self.table, self._pending, every, CHUNK_ROWS, self._add)

    def finish(self) -> None:
        """Every listed row in the table now: a row about to be selected may be among
        those not added yet."""
        self._more(True)

    def update(self, items: list[T], changed: set[str]) -> None:
        """`items` replace the list, in which only the items keyed `changed` differ: when
        the listed rows keep their keys and order, only those rows' cells are redrawn;
        otherwise the table is refilled (the cursor kept on its item). Rows not added yet
        are added later as the new items."""
        limit = self._cap
        if [self.key(i) for i in items[:limit]] != [self.key(i) for i in self.shown]:
            selected = self.selected()
            self.fill(items, keep=self.key(selected) if selected is not None else None,
                      whole=limit == self.limit)
            return
        added = len(self.shown) - len(self._pending)  # rows in the table now
        self.items = items
        self.shown = items[:limit]
        self._pending = self.shown[added:]
        columns = list(self.table.columns)
        for item in self.shown[:added]:
            key = self.key(item)
            if key in changed:
                for column, cell in zip(columns, self.cells(item), strict=True):
                    self.table.update_cell(key, column, cell)

    def drop(self, keys: set[str], items: list[T]) -> None:
        """The items with these keys left the list, which is `items` now: their rows are
        removed and as many of the next items appended, nothing else redrawn. Rows still
        to be added stay so: a save right after a fill once added up to 460 rows at once
        (Textual measures each) before its confirmation showed."""
        added = self.shown[:len(self.shown) - len(self._pending)]
        self.items = items
        for item in added:
            if self.key(item) in keys:
                self.table.remove_row(self.key(item))
        self.shown = [item for item in self.shown if self.key(item) not in keys]
        self._pending = [item for item in self._pending if self.key(item) not in keys]
        following = self.items[len(self.shown):self._cap]
        self.shown += following
        if self._pending:
            self._pending += following  # added with the rest, as they come near
        else:
            self._add(following)

    def selected(self) -> T | None:
        """The item under the cursor (None on an empty table)."""
        if not self.shown:
            return None
        return self.shown[min(max(self.table.cursor_row, 0), len(self.shown) - 1)]
