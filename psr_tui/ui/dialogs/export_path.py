"""Ask where to write an exported document, and for whom (the copy says who it is for)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, RadioSet, Static

from ..widgets.form_field import FormField, required_check
from ..widgets.ticks import RadioChoice
from ..wording import in_markup
from .export_form import FORMAT_HINT

AudienceChoice = list[tuple[str, str]]  # (code, label)


class ExportPathDialog(ModalScreen[tuple[Path, str] | None]):
    """Dismisses with (path, audience code); audience is "" when the document has none."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Write file"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, default_path: Path, audiences: AudienceChoice) -> None:
        super().__init__()
        self.title_text, self.default_path, self.audiences = title, default_path, audiences

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static(f"[b]Export: {in_markup(self.title_text)}[/b]")
            yield FormField("File", str(self.default_path), field_id="export-path",
                            check=required_check)
            if self.audiences:
                yield Label("Copy for")
                with RadioSet(id="export-audience"):
                    for i, (code, label) in enumerate(self.audiences):
                        yield RadioChoice(label, value=i == 0, id=f"aud-{code}")
            yield Static(FORMAT_HINT, classes="dialog-keys")
            yield Static("ctrl+s (or Enter in the path) writes the file · Esc cancels",
                         classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#field-export-path", FormField).input.focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        field = self.query_one("#field-export-path", FormField)
        if field.validate_now():
            return
        audience = ""
        if self.audiences:
            pressed = self.query_one("#export-audience", RadioSet).pressed_button
            audience = (pressed.id or "").removeprefix("aud-") if pressed else self.audiences[0][0]
        self.dismiss((Path(field.value).expanduser(), audience))

    def action_cancel(self) -> None:
        self.dismiss(None)
