"""TickList toggles at once, so a key sent right behind Space sees the tick."""

from __future__ import annotations

from textual.app import App, ComposeResult

from psr_tui.ui.widgets.ticks import TickList


class _Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield TickList(("Knowledge", "knowledge"), ("Skills", "skills"), id="ticks")


async def test_space_toggles_before_any_queued_message_is_handled() -> None:
    app = _Lists()
    async with app.run_test(size=(40, 6)) as pilot:
        ticks = app.query_one(TickList)
        ticks.focus()
        ticks.highlighted = 0
        await pilot.pause()
        ticks.action_select()  # no await: nothing queued has run yet
        assert ticks.selected == ["knowledge"]
        await pilot.press("space")  # and the key still toggles (off again), once
        await pilot.pause()
        assert ticks.selected == []

