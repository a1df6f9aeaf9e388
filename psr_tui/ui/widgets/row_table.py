"""A table of rows whose Enter belongs to the screen (open a case, record an outcome)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable


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
