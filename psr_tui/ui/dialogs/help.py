"""F1 help: the current screen's purpose and the keys that apply on it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown, Static

GLOBAL_KEYS = [
    ("F1", "Help for this screen"),
    ("ctrl+p", "Command palette: every action, searchable"),
    ("ctrl+p, a name", "Find a case by practitioner or organisation, and open it"),
    ("ctrl+p, Theme", "Colours: your terminal's own 16 (ansi-dark, ansi-light) or a "
                      "Textual theme, remembered for you"),
    ("Esc", "Back"),
    ("ctrl+q / q", "Quit (q only outside text fields)"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("f1", "dismiss", "Close", priority=True),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def __init__(self, about: Screen[object]) -> None:
        super().__init__()
        self.about = about

    def compose(self) -> ComposeResult:
        help_text = getattr(self.about, "HELP", "") or "No help for this screen."
        keys = []
        actions_of = getattr(self.app, "actions_of", None)
        for b, _node in actions_of(self.about) if actions_of else []:
            keys.append(f"| `{b.key_display or b.key}` | {b.description} |")
        for key, text in GLOBAL_KEYS:
            keys.append(f"| `{key}` | {text} |")
        table = "\n".join(["| Key | Action |", "|---|---|", *dict.fromkeys(keys)])
        with Vertical(id="help-box"):
            with VerticalScroll(id="help-body"):
                yield Markdown(f"{help_text}\n\n## Keys\n\n{table}\n")
            # Outside the scroll, so it shows before the reader has scrolled to the end.
            yield Static("↑/↓ PgUp/PgDn scroll · Esc or F1 closes", id="help-foot")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
