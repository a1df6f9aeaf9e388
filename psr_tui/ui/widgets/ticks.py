"""Check boxes, radio buttons and tick lists whose state reads without colour, and whose
toggle key is handled by the widget it was typed into.

Textual draws the same mark (X or ●) whether a toggle is on or off and tells them apart by
colour only; with NO_COLOR, in 16 colours, over tmux, and in the text snapshots every box
looks ticked. These draw the mark only when it is on.

Textual resolves a widget's own (non-priority) key bindings when the key has bubbled up to
the app, against whatever has focus by then. Tab is a priority binding and acts at once, so
over SSH a burst of "Space Tab" could move the focus before the Space was resolved, and the
Space was lost (seen in CI as an evidence box that never got its tick). The toggles here
take their key in their own key handler instead, where it was typed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.segment import Segment
from textual import events
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist


class KeysWhereTyped:
    """Mixin: the keys in OWN_KEYS run their action in this widget, never bubbling."""

    OWN_KEYS: ClassVar[dict[str, str]] = {}

    async def _on_key(self, event: events.Key) -> None:
        action = self.OWN_KEYS.get(event.key)
        if action is None:
            await super()._on_key(event)  # type: ignore[misc]
            return
        event.stop()
        event.prevent_default()
        getattr(self, f"action_{action}")()


class TickBox(KeysWhereTyped, Checkbox):
    OWN_KEYS: ClassVar[dict[str, str]] = {"space": "toggle_button", "enter": "toggle_button"}

    def render(self) -> Content:
        # Instance attribute shadows the class constant; render runs on every value change.
        self.BUTTON_INNER = "X" if self.value else " "
        return super().render()


class RadioChoice(RadioButton):
    def render(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super().render()


class TickList(KeysWhereTyped, SelectionList[Any]):
    """A SelectionList whose unticked box is blank, not a grey X."""

    OWN_KEYS: ClassVar[dict[str, str]] = {
        "space": "select", "up": "cursor_up", "down": "cursor_down",
        "home": "first", "end": "last",
    }

    def action_select(self) -> None:
        # Toggle now rather than through a queued OptionSelected message: a key arriving
        # right behind Space (ctrl+n in one burst over SSH) must already see the tick.
        self._toggle_highlighted_selection()

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) > 1 and segments[1].text == ToggleButton.BUTTON_INNER:
            mark = ToggleButton.BUTTON_INNER if selection.value in self.selected else " "
            segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)
