"""Tick lists and boxes toggle at once and where Space was typed, so a key sent right
behind it (a burst over SSH) neither misses the tick nor takes it elsewhere."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from psr_tui.ui.widgets.ticks import TickBox, TickList


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


class _Form(App[None]):
    """A tick list, a check box and an input, with Tab a priority binding as in PsrApp."""

    BINDINGS = [Binding("tab", "focus_next", priority=True)]

    def compose(self) -> ComposeResult:
        yield TickList(("Knowledge", "knowledge"), ("Skills", "skills"), id="ticks")
        yield TickBox("Shared", id="box")
        yield Input(id="detail")


def burst(app: App[None], *keys: tuple[str, str | None]) -> None:
    """Keys as a fast SSH link delivers them: all queued before the app handles any."""
    for key, character in keys:
        app.post_message(events.Key(key, character))


async def test_space_then_tab_in_one_burst_ticks_the_list_not_the_next_field() -> None:
    # Textual looks up a non-priority binding when the key reaches the app, against the
    # focus of that moment; the priority Tab has moved it by then and the Space was lost.
    app = _Form()
    async with app.run_test(size=(40, 8)) as pilot:
        app.query_one(TickList).focus()
        await pilot.pause()
        burst(app, ("space", " "), ("tab", None), ("space", " "), ("tab", None),
              ("a", "a"))
        await pilot.pause()
        assert app.query_one(TickList).selected == ["knowledge"]
        assert app.query_one(TickBox).value is True
        assert app.query_one(Input).value == "a"
        assert app.focused is app.query_one(Input)
