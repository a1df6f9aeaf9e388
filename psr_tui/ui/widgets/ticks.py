"""Check boxes and radio buttons whose state reads without colour.

Textual draws the same mark (X or ●) whether a toggle is on or off and tells them apart by
colour only; with NO_COLOR, in 16 colours, over tmux, and in the text snapshots every box
looks ticked. These draw the mark only when it is on.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton


class TickBox(Checkbox):
    def render(self) -> Content:
        # Instance attribute shadows the class constant; render runs on every value change.
        self.BUTTON_INNER = "X" if self.value else " "
        return super().render()


class RadioChoice(RadioButton):
    def render(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super().render()
