"""A key acts in the widget it was typed into, even when a Tab right behind it (one burst
over SSH) has moved the focus before Textual resolved the key's binding."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from psr_tui.ui.key_routing import KeysWhereTypedApp
from psr_tui.ui.widgets.ticks import TickBox, TickList

from .keys import burst


class _Form(KeysWhereTypedApp):
    """A tick list, a check box and two inputs; Tab a priority binding as in PsrApp."""

    BINDINGS = [Binding("tab", "focus_next", priority=True)]

    def compose(self) -> ComposeResult:
        yield TickList(("Knowledge", "knowledge"), ("Skills", "skills"), id="ticks")
        yield TickBox("Shared", id="box")
        yield Input(id="first")
        yield Input(id="second")


async def test_keys_typed_before_a_tab_act_where_they_were_typed() -> None:
    app = _Form()
    async with app.run_test(size=(40, 10)) as pilot:
        app.query_one(TickList).focus()
        await pilot.pause()
        burst(app, "down", "space", "tab", "space", "tab",
              "a", "b", "backspace", "tab", "c")
        await pilot.pause()
        assert app.query_one(TickList).selected == ["skills"]
        assert app.query_one(TickBox).value is True
        assert app.query_one("#first", Input).value == "a"
        assert app.query_one("#second", Input).value == "c"
        assert app.focused is app.query_one("#second", Input)


async def test_a_key_for_the_focused_widget_still_reaches_the_screen_bindings() -> None:
    app = _Form()
    app.bind("f5", "bell_rung")
    rung: list[bool] = []
    app.action_bell_rung = lambda: rung.append(True)  # type: ignore[attr-defined]
    async with app.run_test(size=(40, 10)) as pilot:
        app.query_one("#first", Input).focus()
        await pilot.press("f5", "x")
        assert rung == [True]
        assert app.query_one("#first", Input).value == "x"
