"""The app's one export dialog: which report, whose copy, which format, which file; it
writes the document itself and stays open, with the reason under the file, when it cannot.

What it offers comes from the register (export/reports.py) through
ui/screens/progress_exports.case_exports (only the reports the role may produce, at the
copies it may make); insights offer their one report the same way. The file proposed is
in the user's export folder (export/files.proposed_path), never the current one; the
format and the file's suffix follow each other (.html is the page to print).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from ...export.files import DocumentNotWritten, write_document
from ...export.reports import FORMATS, RenderedReport, ReportUnavailable, document_text, format_of
from ..saving import Refusal
from ..widgets.form_field import FormField, required_check
from ..wording import in_markup
from .plan_item_form import PlanItemDialog, Values, labelled_select

FORMAT_LABELS = {"markdown": "Markdown (.md)", "html": "Page to print from a browser (.html)"}
PATH = "export-path"


@dataclass(frozen=True)
class Exportable:
    """One document the dialog may write."""

    id: str
    title: str
    audiences: tuple[tuple[str, str], ...]  # (code, label) to choose from; () none to choose
    filename: Callable[[str], str]  # the file name for an audience code ("" when none)
    render: Callable[[str], RenderedReport]  # the document for that audience


class ExportDialog(PlanItemDialog):
    KEYS_TEXT = "ctrl+s (or Enter in the file) writes it · Tab next · Esc cancel"

    def __init__(self, heading: str, offered: list[Exportable], chosen: str = "") -> None:
        super().__init__(self._write)
        if not offered:
            raise ValueError("an export dialog needs something to export")
        self.heading = heading
        self.offered = {item.id: item for item in offered}
        self.report = chosen if chosen in self.offered else offered[0].id
        self.audience = self._first_audience(self.report)
        self.proposed = self._proposal()
        self.written: Path | None = None

    # ---- what is proposed --------------------------------------------------------------
    def _first_audience(self, report: str) -> str:
        choices = self.offered[report].audiences
        return choices[0][0] if choices else ""

    def _proposal(self, fmt: str = "markdown") -> str:
        name = self.offered[self.report].filename(self.audience)
        return str(Path(name).with_suffix(FORMATS[fmt]))

    def dialog_title(self) -> str:
        return f"Export: {in_markup(self.heading)}"

    def compose_fields(self) -> ComposeResult:
        item = self.offered[self.report]
        if len(self.offered) > 1:
            reports = [(o.title, o.id) for o in self.offered.values()]
            yield labelled_select("Report", reports, self.report, "report")
        else:
            yield Static(f"Report: {in_markup(item.title)}", classes="dialog-note")
        copies = labelled_select("Copy for", _labelled(item), self.audience, "audience")
        copies.display = bool(item.audiences)
        yield copies
        yield labelled_select("Format", [(FORMAT_LABELS[f], f) for f in FORMATS],
                              "markdown", "format")
        yield FormField("File", self.proposed, field_id=PATH, check=required_check)

    def on_mount(self) -> None:
        super().on_mount()
        # Enter writes the proposal at once; Tab reaches the choices.
        self.query_one(f"#field-{PATH}", FormField).input.focus()

    # ---- the choices follow each other -------------------------------------------------
    def on_select_changed(self, event: Select.Changed) -> None:
        if event.value is Select.NULL:
            return
        field = event.select.id or ""
        path = self.query_one(f"#field-{PATH}", FormField)
        untouched = path.value == self.proposed
        fmt = str(self.choice("format") or "markdown")
        if field == "input-report" and event.value != self.report:
            self.report = str(event.value)
            self.audience = self._first_audience(self.report)
            copies = self.query_one("#input-audience", Select)
            copies.set_options(_labelled(self.offered[self.report]))
            if self.audience:
                copies.value = self.audience
            self.query_one("#field-audience").display = bool(self.audience)
        elif field == "input-audience" and event.value != self.audience:
            self.audience = str(event.value)
        elif field == "input-format":
            if format_of(path.value) != fmt and Path(path.value).suffix in _SUFFIXES:
                path.input.value = str(Path(path.value).with_suffix(FORMATS[fmt]))
            if not untouched:
                return
        else:
            return
        if untouched:  # follow the choices unless the user typed a file of their own
            self.proposed = self._proposal(fmt)
            path.input.value = self.proposed

    def on_input_changed(self, event: Input.Changed) -> None:
        # A name typed ending .html asks for the page; .md for Markdown.
        if Path(event.value).suffix.lower() not in _SUFFIXES:
            return
        fmt = format_of(event.value)
        formats = self.query_one("#input-format", Select)
        if formats.value != fmt:
            formats.value = fmt

    # ---- writing -----------------------------------------------------------------------
    def values(self) -> Values:
        audience = self.choice("audience") if self.offered[self.report].audiences else ""
        return {"report": self.report, "audience": audience or "", "path": self.text(PATH)}

    def check(self, values: Values) -> dict[str, str]:
        if self.offered[self.report].audiences and not values["audience"]:
            return {"audience": "Choose whose copy this is."}
        return {}

    def _write(self, values: Values) -> Refusal | None:
        item = self.offered[values["report"]]
        path = Path(values["path"]).expanduser()
        try:
            text = document_text(item.render(values["audience"]), format_of(str(path)))
            self.written = write_document(path, text)
        except (DocumentNotWritten, ReportUnavailable) as exc:
            return Refusal(str(exc), PATH)
        self.app.notify(f"Written to {self.written.resolve()!s}",
                        title=item.title)
        return None


def _labelled(item: Exportable) -> list[tuple[str, str]]:
    return [(label, code) for code, label in item.audiences]


_SUFFIXES = frozenset({".md", ".html", ".htm", ".markdown"})
