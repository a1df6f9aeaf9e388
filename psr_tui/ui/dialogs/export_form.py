"""Choose the audience of an exported plan and the file to write it to (plan builder).

The copies offered and the file name come from the register (export/reports.py); the
folder is the user's export folder (export/files.proposed_path), never the current one.
A file name ending .html writes the printable page instead of Markdown.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Select, Static

from ...domain.audiences import audience_label
from ...export.reports import Report
from ..widgets.form_field import FormField, required_check
from .plan_item_form import PlanItemDialog, Submit, Values, labelled_select

FORMAT_HINT = "A name ending .html writes one page to print from a browser (A4)."


class ExportDialog(PlanItemDialog):
    def __init__(self, report: Report, default_path: Callable[[str], str], submit: Submit,
                 audience: str | None = None) -> None:
        super().__init__(submit)
        self.report = report
        self.default_path = default_path
        self.audience = audience or report.audiences[0]

    def dialog_title(self) -> str:
        return f"Export the {self.report.title.lower()}"

    def compose_fields(self) -> ComposeResult:
        options = [(audience_label(code), code) for code in self.report.audiences]
        yield labelled_select("Copy for", options, self.audience, "audience")
        yield FormField("Write to file", self.default_path(self.audience), field_id="path",
                        check=required_check)
        yield Static(FORMAT_HINT, classes="dialog-keys")

    def on_select_changed(self, event: Select.Changed) -> None:
        # Follow the audience in the file name unless the user typed their own path.
        path = self.query_one("#field-path", FormField)
        if event.value is not Select.NULL and path.value == self.default_path(self.audience):
            self.audience = str(event.value)
            path.input.value = self.default_path(self.audience)

    def values(self) -> Values:
        return {"audience": self.choice("audience") or self.report.audiences[0],
                "path": self.text("path")}
