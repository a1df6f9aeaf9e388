"""CappedRows: a screenful at once, the rest after each frame, never more than the cap;
a change drops or redraws only its rows (issue 9)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from psr_tui.ui.widgets import capped_rows
from psr_tui.ui.widgets.capped_rows import CappedRows, shown_note
from psr_tui.ui.widgets.row_table import RowTable


class Lister(App[None]):
    def compose(self) -> ComposeResult:
        yield RowTable()

    def on_mount(self) -> None:
        self.query_one(RowTable).add_column("n", key="n")


def keys(table: RowTable) -> list[str]:
    return [str(k.value) for k in table.rows]


def test_the_note_says_when_fewer_are_listed_than_match() -> None:
    assert shown_note(500, 4460) == " · 500/4460 shown"
    assert shown_note(12, 12) == ""


async def test_a_screenful_is_as_many_rows_as_the_terminal_is_tall() -> None:
    """No table shows more rows than the terminal has lines: at 80x24 the first fill adds
    24 rows, not FIRST_ROWS (40); every row follows as the view comes near."""
    app = Lister()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(RowTable)
        rows = CappedRows(table, str, lambda n: [str(n)], limit=100)
        rows.fill(list(range(100)))
        assert capped_rows.FIRST_ROWS > 24
        assert keys(table) == [str(n) for n in range(24)]  # before any frame
        for _ in range(5):
            await pilot.pause()
        assert len(keys(table)) > 24  # then more, before the view reaches its last row
        table.action_scroll_bottom()
        await pilot.pause()
        assert len(keys(table)) == 100


async def test_a_screenful_at_once_then_as_much_as_the_view_shows_up_to_the_cap(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(capped_rows, "FIRST_ROWS", 3)
    monkeypatch.setattr(capped_rows, "CHUNK_ROWS", 2)
    app = Lister()
    async with app.run_test() as pilot:
        table = app.query_one(RowTable)
        rows = CappedRows(table, str, lambda n: [str(n)], limit=8)
        rows.fill(list(range(20)))
        assert keys(table) == ["0", "1", "2"]  # before any frame: a screenful only
        for _ in range(20):
            await pilot.pause()
        assert keys(table) == [str(n) for n in range(8)]  # the rest, never past the cap
        assert rows.note() == " · 8/20 shown"


async def test_drop_removes_rows_and_appends_the_next_even_mid_fill(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(capped_rows, "FIRST_ROWS", 2)
    app = Lister()
    async with app.run_test() as pilot:
        table = app.query_one(RowTable)
        rows = CappedRows(table, str, lambda n: [str(n)], limit=4)
        rows.fill(list(range(10)))
        rows.drop({"1", "3"}, [0, 2, *range(4, 10)])  # rows 2 and 3 were not added yet
        # Rows not added yet are left to the chunks under way, not added all at once (a
        # save right after a fill added up to 460 rows before its confirmation showed).
        assert keys(table) == ["0"]
        assert [rows.key(i) for i in rows.items] == ["0", "2", *map(str, range(4, 10))]
        for _ in range(5):
            await pilot.pause()
        assert keys(table) == ["0", "2", "4", "5"]  # and nothing past the cap


async def test_update_redraws_in_place_when_the_order_holds_else_refills() -> None:
    app = Lister()
    async with app.run_test():
        table = app.query_one(RowTable)
        labels = {n: f"item {n}" for n in range(5)}
        rows = CappedRows(table, str, lambda n: [labels[n]], limit=3)
        rows.fill([0, 1, 2, 3, 4])
        table.move_cursor(row=1)
        labels[1] = "item one"
        rows.update([0, 1, 2, 3, 4], {"1"})
        assert str(table.get_cell("1", "n")) == "item one"
        assert table.cursor_row == 1
        rows.update([0, 2, 1, 3, 4], {"1"})  # moved: refilled, the cursor stays on it
        assert keys(table) == ["0", "2", "1"]
        assert table.cursor_row == 2


async def test_a_loading_worker_waits_for_the_frame_not_longer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """after_next_frame returns once the UI thread has drawn (the first rows on screen
    before the worker reads on), and at once when the app has stopped."""
    import asyncio
    import time

    from psr_tui.ui.widgets.capped_rows import after_next_frame

    monkeypatch.setattr(capped_rows, "FRAME_WAIT", 5.0)
    app = Lister()
    drawn: list[float] = []
    async with app.run_test() as pilot:
        await pilot.pause()
        table = app.query_one(RowTable)
        refresh = table.call_after_refresh
        monkeypatch.setattr(table, "call_after_refresh",
                            lambda cb: refresh(lambda: (drawn.append(time.monotonic()), cb())))
        started = time.monotonic()
        await asyncio.to_thread(after_next_frame, table)
        assert drawn and time.monotonic() - started < 4.0  # the frame, not the time limit
    started = time.monotonic()
    after_next_frame(table)  # the app has stopped: nothing to wait for
    assert time.monotonic() - started < 1.0


async def test_while_loading_only_a_screenful_is_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A list still loading (its order changing with each batch) lists the first
    screenful only, no chunks after it; once whole, the capped list as ever."""
    monkeypatch.setattr(capped_rows, "FIRST_ROWS", 3)
    monkeypatch.setattr(capped_rows, "CHUNK_ROWS", 2)
    app = Lister()
    async with app.run_test() as pilot:
        table = app.query_one(RowTable)
        rows = CappedRows(table, str, lambda n: [n], limit=6)
        rows.fill([str(n) for n in range(10)], whole=False)
        for _ in range(5):
            await pilot.pause()
        assert keys(table) == ["0", "1", "2"]
        # No "3/10 shown" while loading: the screens' "loading…" says it (at 80 columns
        # that note had pushed it off the line).
        assert rows.listed == 3 and rows.note() == ""
        rows.drop({"1"}, [str(n) for n in range(10) if n != 1])  # a change while loading
        assert keys(table) == ["0", "2", "3"]
        rows.fill([str(n) for n in range(10)])
        for _ in range(5):
            await pilot.pause()
        assert keys(table) == [str(n) for n in range(6)] and rows.note() == " · 6/10 shown"


async def test_update_mid_fill_leaves_the_rows_to_come_to_the_chunks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(capped_rows, "FIRST_ROWS", 2)
    app = Lister()
    async with app.run_test() as pilot:
        table = app.query_one(RowTable)
        labels = {n: f"item {n}" for n in range(6)}
        rows = CappedRows(table, str, lambda n: [labels[n]], limit=4)
        rows.fill(list(range(6)))
        labels[0], labels[3] = "item zero", "item three"
        rows.update(list(range(6)), {"0", "3"})
        assert keys(table) == ["0", "1"]  # not every row at once
        assert str(table.get_cell("0", "n")) == "item zero"
        for _ in range(5):
            await pilot.pause()
        assert keys(table) == ["0", "1", "2", "3"]
        assert str(table.get_cell("3", "n")) == "item three"  # added as it is now


async def test_a_loading_batch_redraws_the_rows_only_when_it_reached_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """CappedRows.grow: a batch whose items all land below the rows listed leaves the
    table alone; one that reached them redraws at the next redraw; the whole list fills."""
    monkeypatch.setattr(capped_rows, "FIRST_ROWS", 3)
    app = Lister()
    async with app.run_test() as pilot:
        table = app.query_one(RowTable)
        rows = CappedRows(table, str, lambda n: [n], limit=5)
        rows.fill(["a", "b", "c", "d"], whole=False)
        filled: list[int] = []
        real_fill = rows.fill
        monkeypatch.setattr(rows, "fill", lambda *a, **k: (filled.append(1), real_fill(*a, **k)))
        rows.grow(["a", "b", "c", "d", "e"], 4, redraw=True, whole=False)  # below the rows
        assert not filled and keys(table) == ["a", "b", "c"] and len(rows.items) == 5
        rows.grow(["0", "a", "b", "c", "d", "e"], 0, redraw=False, whole=False)  # not yet
        assert not filled and keys(table) == ["a", "b", "c"]
        rows.grow(["0", "a", "b", "c", "d", "e", "f"], 6, redraw=True, whole=False)
        assert filled and keys(table) == ["0", "a", "b"]  # the earlier batch's move shown
        rows.grow(["0", "a", "b", "c", "d", "e", "f", "g"], 7, redraw=False, whole=True)
        for _ in range(5):
            await pilot.pause()
        assert keys(table) == ["0", "a", "b", "c", "d"] and rows.note() == " · 5/8 shown"


async def test_rows_past_the_view_wait_until_the_cursor_comes_near(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(capped_rows, "FIRST_ROWS", 4)
    monkeypatch.setattr(capped_rows, "CHUNK_ROWS", 4)
    app = Lister()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(RowTable)
        rows = CappedRows(table, str, lambda n: [str(n)], limit=40)
        rows.fill(list(range(60)))
        for _ in range(10):
            await pilot.pause()
        height = table.scrollable_content_region.height
        filled = table.row_count
        assert 2 * height <= filled < 2 * height + 4  # the view and a screenful below
        for _ in range(filled - height):
            await pilot.press("down")
        await pilot.pause()
        assert table.row_count > filled
        await pilot.press("ctrl+end")  # the last listed row, not the last added
        await pilot.pause()
        assert table.row_count == 40 and table.cursor_row == 39
        assert rows.note() == " · 40/60 shown"
