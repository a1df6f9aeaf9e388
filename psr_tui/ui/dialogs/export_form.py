"""Choose the audience of an exported plan and the file to write it to."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Select

from ..widgets.form_field import FormField, required_check
from .plan_item_form import PlanItemDialog, Submit, Values, labelled_select

AUDIENCES = [("Case Adviser", "adviser"), ("Organisation", "organisation"),
             ("Practitioner", "practitioner")]


class ExportDialog(PlanItemDialog):
    TITLE_TEXT = "Export the plan as Markdown"

    def __init__(self, default_path: Callable[[str], str], submit: Submit,
                 audience: str = "organisation") -> None:
        super().__init__(submit)
        self.default_path = default_path
        self.audience = audience

    def compose_fields(self) -> ComposeResult:
        yield labelled_select("Copy for", AUDIENCES, self.audience, "audience")
        yield FormField("Write to file", self.default_path(self.audience), field_id="path",
                        check=required_check)

    def on_select_changed(self, event: Select.Changed) -> None:
        # Follow the audience in the file name unless the user typed their own path.
        path = self.query_one("#field-path", FormField)
        if event.value is not Select.NULL and path.value == self.default_path(self.audience):
            self.audience = str(event.value)
            path.input.value = self.default_path(self.audience)

    def values(self) -> Values:
        return {"audience": self.choice("audience") or "organisation", "path": self.text("path")}
