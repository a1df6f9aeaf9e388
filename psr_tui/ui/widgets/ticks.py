"""Check boxes, radio buttons and tick lists whose state reads without colour.

Textual draws the same mark (X or ●) whether a toggle is on or off and tells them apart by
colour only; with NO_COLOR, in 16 colours, over tmux, and in the text snapshots every box
looks ticked. These draw the mark only when it is on.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.actions import SkipAction
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist


class TickBox(Checkbox):
    def render(self) -> Content:
        # Instance attribute shadows the class constant; render runs on every value change.
        self.BUTTON_INNER = "X" if self.value else " "
        return super().render()


class RadioChoice(RadioButton):
    def render(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super().render()


class TickList(SelectionList[Any]):
    """A SelectionList whose unticked box is blank, not a grey X."""

    def action_page_down(self) -> None:
        # A list that shows all its options has nothing to page: PgDn/PgUp then reach the
        # form around it (the intake's next and previous step), as everywhere else there.
        if self.max_scroll_y == 0:
            raise SkipAction()
        super().action_page_down()

    def action_page_up(self) -> None:
        if self.max_scroll_y == 0:
            raise SkipAction()
        super().action_page_up()

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
