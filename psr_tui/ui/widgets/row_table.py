"""A table of rows whose Enter belongs to the screen (open a case, record an outcome)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist


class RowTable(DataTable[Any], inherit_bindings=False):
    """DataTable without its own (hidden) Enter binding.

    That binding shadowed the screen's Enter in the footer, so the key the list screens
    are for ("Enter Record outcome", "Enter Open") was never shown; Enter now reaches the
    screen's action directly. A mouse click on a row still posts RowSelected.
    """

    LISTED_IN_HELP = False  # its keys are Textual's cursor keys, not actions of ours

    BINDINGS: ClassVar[list[BindingType]] = [
        b for b in DataTable.BINDINGS if not (isinstance(b, Binding) and b.key == "enter")
    ]

    def selected_key(self) -> str | None:
        """The key of the row under the cursor (a case id), or None on an empty table."""
        if self.row_count == 0:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except RowDoesNotExist:
            return None
        return None if key.value is None else str(key.value)
