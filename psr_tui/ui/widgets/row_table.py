"""A list's table: rows whose Enter belongs to the screen (open a case, record an outcome)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from .text_table import TextTable


class RowTable(TextTable, inherit_bindings=False):
    """DataTable without its own (hidden) Enter binding.

    That binding shadowed the screen's Enter in the footer, so the key the list screens
    are for ("Enter Record outcome", "Enter Open") was never shown; Enter now reaches the
    screen's action directly. A mouse click on a row still posts RowSelected.
    """

    LISTED_IN_HELP = False  # its keys are Textual's cursor keys, not actions of ours

    BINDINGS: ClassVar[list[BindingType]] = [
        b for b in DataTable.BINDINGS if not (isinstance(b, Binding) and b.key == "enter")
    ]

    # The list filling this table lists its first rows only, and more as they come near:
    # called with False for the next rows, True for every row (ctrl+end). Adding all 500
    # rows after each fill kept the UI thread busy for a second after every list shown
    # or filtered at 20,000 cases, and a key pressed meanwhile (`d`) waited for it.
    more_rows: Callable[[bool], None] | None = None

    def ask_for_rows(self) -> None:
        """More rows from the list when fewer than a screenful lie below the view or the
        cursor (the view not filled yet, a scroll, a cursor move)."""
        if self.more_rows is None or not self.row_count:
            return
        height = max(self.scrollable_content_region.height, 1)
        below_view = self.row_count - (self.scroll_y + height)
        below_cursor = self.row_count - 1 - self.cursor_row
        if below_view < height or below_cursor < height:
            self.more_rows(False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.ask_for_rows()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.ask_for_rows()  # not stopped: the screen may want it too

    def on_resize(self, event: events.Resize) -> None:
        self.ask_for_rows()

    def action_scroll_bottom(self) -> None:
        if self.more_rows is not None:
            self.more_rows(True)  # ctrl+end: the last row listed, not the last added
        super().action_scroll_bottom()

    def selected_key(self) -> str | None:
        """The key of the row under the cursor (a case id), or None on an empty table."""
        if self.row_count == 0:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except RowDoesNotExist:
            return None
        return None if key.value is None else str(key.value)
