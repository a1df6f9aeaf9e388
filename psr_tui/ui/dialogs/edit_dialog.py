"""The one base of every dialog that edits something: Esc never drops typing unasked.

Esc closes at once when nothing in the dialog differs from how it opened; otherwise it
asks before discarding (a supervisor's half-typed review note must not vanish on a stray
key). What counts is read from the widgets themselves, so no dialog can forget a field.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, RadioButton, Select, SelectionList, TextArea

from .confirm import ConfirmDialog

ResultT = TypeVar("ResultT")

DISCARD_QUESTION = "Discard your changes?"


def typed_state(screen: ModalScreen[Any]) -> list[tuple[str, Any]]:
    """Every editable value in `screen`, in order: what Esc compares with the opening."""
    state: list[tuple[str, Any]] = []
    for n, widget in enumerate(screen.query("*")):
        key = widget.id or f"#{n}"
        if isinstance(widget, Input):
            state.append((key, widget.value))
        elif isinstance(widget, TextArea):
            state.append((key, widget.text))
        elif isinstance(widget, Select):
            state.append((key, widget.value))
        elif isinstance(widget, SelectionList):
            state.append((key, tuple(widget.selected)))
        elif isinstance(widget, Checkbox | RadioButton):
            state.append((key, widget.value))
    return state


class EditDialog(ModalScreen[ResultT], Generic[ResultT]):
    """Subclasses set CANCELLED (what Esc dismisses with) and may call `mark_opened` again
    after filling fields in later than on mount."""

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "cancel", "Cancel")]
    CANCELLED: ClassVar[Any] = None

    _opened: list[tuple[str, Any]] | None = None

    def on_mount(self) -> None:
        # After the first refresh: subclasses fill their fields in their own on_mount.
        self.call_after_refresh(self.mark_opened)

    def mark_opened(self) -> None:
        self._opened = typed_state(self)

    def has_unsaved_typing(self) -> bool:
        return self._opened is not None and typed_state(self) != self._opened

    def action_cancel(self) -> None:
        """Close at once when nothing was typed; otherwise ask before throwing it away."""
        if not self.has_unsaved_typing():
            self.dismiss(self.CANCELLED)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(self.CANCELLED)

        self.app.push_screen(
            ConfirmDialog(DISCARD_QUESTION, yes="Discard", no="Keep editing"), answered
        )
