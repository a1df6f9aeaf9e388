"""Text fields keep the order of the keys typed into them (ui/widgets/text_fields.py).

Textual inserts a character in the field's own step but runs the field's bindings
(Backspace, ctrl+u, arrows) only after the key has bubbled back to the app: in a burst (SSH,
a fast typist) "b Backspace c" lost the c, and ctrl+u took the new wording with the old.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, TextArea

from psr_tui.ui.widgets.note_area import NoteArea
from psr_tui.ui.widgets.text_fields import TextInput

from .keys import burst
from .waiting import until

UI = Path(__file__).resolve().parents[2] / "psr_tui" / "ui"


class Fields(App[None]):
    def __init__(self, textual_own: bool = False) -> None:
        super().__init__()
        self.textual_own = textual_own

    def compose(self) -> ComposeResult:
        with Vertical(), Vertical():  # a few levels to bubble through, as in a dialog
            yield (Input if self.textual_own else TextInput)(id="line")
            yield (TextArea if self.textual_own else NoteArea)(id="note")


def _text(widget: Input | TextArea) -> str:
    return widget.value if isinstance(widget, Input) else widget.text


@pytest.mark.parametrize("field", ["line", "note"])
@pytest.mark.parametrize(("keys", "expected"), [
    (("a", "b", "backspace", "c"), "ac"),
    (("o", "l", "d", "home", "n", "e", "w", "end", "!"), "newold!"),
    (("o", "l", "d", "ctrl+u", "n", "e", "w"), "new"),  # a line's ctrl+u: the old wording goes
])
async def test_editing_keys_in_a_burst_act_in_the_order_typed(
        field: str, keys: tuple[str, ...], expected: str) -> None:
    if field == "note" and "ctrl+u" in keys:
        keys = tuple("ctrl+shift+x" if k == "ctrl+u" else k for k in keys)
        expected = "oldnew"  # not a TextArea key: nothing deleted, nothing lost
    app = Fields()
    async with app.run_test() as pilot:
        widget = app.query_one(f"#{field}", Input | TextArea)
        widget.focus()
        await pilot.pause()
        burst(app, *keys)
        await until(pilot, lambda: len(_text(widget)) >= len(expected), what="the burst typed")
        for _ in range(5):
            await pilot.pause()
        assert _text(widget) == expected


async def test_textuals_own_field_loses_the_new_wording_after_ctrl_u() -> None:
    """Why TextInput exists: the same burst into Textual's Input (if this starts to pass, a
    Textual upgrade has fixed it and the fields could go back to Textual's own)."""
    app = Fields(textual_own=True)
    async with app.run_test() as pilot:
        widget = app.query_one("#line", Input)
        widget.focus()
        await pilot.pause()
        burst(app, "o", "l", "d", "ctrl+u", "n", "e", "w")
        for _ in range(20):
            await pilot.pause()
        assert widget.value != "new"


def test_every_text_field_keeps_its_keys_in_order() -> None:
    """No screen or dialog makes Textual's Input or TextArea itself."""
    made = []
    for path in UI.rglob("*.py"):
        if path.name in ("text_fields.py", "note_area.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)
                    and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr)
                    in ("Input", "TextArea", "code_editor")):
                made.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert made == []
