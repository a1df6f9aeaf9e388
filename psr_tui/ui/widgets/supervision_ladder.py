"""The supervision ladder as a timeline: one line per stage, with text markers.

Markers read without colour (NO_COLOR, 16 colours):
  ✓ stage passed   ▶ current stage (from review outcomes)   · stage to come
  the bar shows each stage's dates; '|' marks where today falls, with '◀ today'.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from ...domain.plan import Plan
from ...domain.vocabulary import Vocabulary

BAR_WIDTH = 12
LEGEND = " ▶ current stage   ✓ passed   · to come   | today"


def _bar(start: date | None, end: date | None, today: date) -> tuple[str, bool]:
    """A fixed-width bar: '=' for time gone, '.' to come, '|' at today (when inside)."""
    if start is None or end is None or end < start:
        return " " * BAR_WIDTH, False
    if today < start:
        return "." * BAR_WIDTH, False
    if today > end:
        return "=" * BAR_WIDTH, False
    span = max((end - start).days, 1)
    at = min(BAR_WIDTH - 1, (today - start).days * BAR_WIDTH // span)
    return "=" * at + "|" + "." * (BAR_WIDTH - at - 1), True


def _short(d: date | None) -> str:
    return d.strftime("%d %b %y") if d else "--"


def ladder_lines(plan: Plan, today: date, levels: Vocabulary) -> list[Text]:
    """The timeline as Rich Text lines (the widget renders them; tests read them)."""
    if not plan.stages:
        return [Text("No supervision stages in this plan.")]
    current = min(plan.current_stage, len(plan.stages) - 1)
    lines: list[Text] = []
    for i, stage in enumerate(plan.stages):
        marker = "✓" if i < current else ("▶" if i == current else "·")
        label = levels.label(str(stage.level))
        bar, has_today = _bar(stage.start, stage.end, today)
        line = Text()
        line.append(f" {marker} {i + 1} ", style="bold" if i == current else "")
        line.append(f"{label[:20]:<20} ", style="bold reverse" if i == current else "")
        line.append(f"{_short(stage.start)} – {_short(stage.end)} ")
        line.append(f"[{bar}]")
        if has_today:
            line.append(" ◀ today", style="bold")
        lines.append(line)
    return [Text(LEGEND, style="dim"), *lines]


class SupervisionLadder(Static):
    """Shows a plan's supervision stages as a timeline with today and the current stage."""

    DEFAULT_CSS = """
    SupervisionLadder { height: auto; }
    """

    def show(self, plan: Plan, today: date, levels: Vocabulary) -> None:
        self.update(Text("\n").join(ladder_lines(plan, today, levels)))
