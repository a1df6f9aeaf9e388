"""A label, any input widget (Select, SelectionList, Checkbox, TextArea) and its message line."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label, Static

from ..wording import problem_line


class LabelledField(Vertical):
    """Like FormField, for widgets that are not a single-line Input."""

    DEFAULT_CSS = """
    LabelledField { height: auto; margin-bottom: 1; }
    LabelledField > .field-error { color: $error; height: auto; }
    LabelledField > .field-error.-empty { display: none; }
    LabelledField > SelectionList { height: auto; max-height: 8; }
    LabelledField > TextArea { height: 5; }
    """

    def __init__(self, label: str, widget: Widget, *, field_id: str, classes: str = "") -> None:
        super().__init__(id=f"field-{field_id}", classes=f"form-field {classes}".strip())
        self.label_text = label
        self.widget = widget
        self.field_id = field_id

    def compose(self) -> ComposeResult:
        if self.label_text:
            yield Label(self.label_text)
        yield self.widget
        yield Static("", classes="field-error -empty")

    def show_error(self, message: str | None) -> None:
        line = self.query_one(".field-error", Static)
        line.update(problem_line(message))
        line.set_class(not message, "-empty")
        self.widget.set_class(bool(message), "-invalid")
