"""The wizard's step list: current step marked, done steps ticked (text marks: NO_COLOR safe)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

CURRENT, DONE, TODO = "▶", "✓", " "


class StepList(Static):
    DEFAULT_CSS = """
    StepList { width: 22; height: 1fr; padding: 0 1 0 0; }
    """

    def show(self, titles: list[str], current: int, done: set[int]) -> None:
        width = max(8, (self.size.width or 20) - 2)  # room for the mark and a space
        text = Text()
        for i, title in enumerate(titles):
            mark = CURRENT if i == current else DONE if i in done else TODO
            short = title if len(title) <= width else title[: width - 1] + "…"
            line = Text(f"{mark} {short}\n", style="bold reverse" if i == current else "")
            text.append_text(line)
        self.update(text)
