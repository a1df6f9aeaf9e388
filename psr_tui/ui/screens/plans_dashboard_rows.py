"""How one plan looks as a row of the plans dashboard: its columns at 80 and at wider widths."""

from __future__ import annotations

from rich.text import Text

from ...domain.plan_overview import STANDING_SHORT, PlanRow
from ..wording import clipped
from .case_rows import URGENT_MARK, URGENT_STYLE, URGENT_STYLE_NO_COLOR

WIDE_FROM = 140  # terminal columns from which the extra columns fit (137 with padding)

# (key, header, width): the narrow set fits 80 columns with padding and a scrollbar.
NARROW: tuple[tuple[str, str, int], ...] = (
    ("mark", "!", 1),
    ("practitioner", "Practitioner", 13),
    ("organisation", "Organisation", 12),
    ("ladder", "Ladder", 8),
    ("next_on", "Next", 6),
    ("milestone", "Milestone", 12),
    ("state", "State", 11),
)
WIDE: tuple[tuple[str, str, int], ...] = (
    ("mark", "!", 1),
    ("practitioner", "Practitioner", 16),
    ("organisation", "Organisation", 16),
    ("ladder", "Ladder", 8),
    ("next_on", "Next", 9),
    ("milestone", "Milestone", 16),
    ("state", "State", 11),
    ("outcome", "Last outcome", 12),
    ("supervisor", "Supervisor", 14),
    ("adviser", "Case adviser", 14),
)


def columns_for(wide: bool) -> tuple[tuple[str, str, int], ...]:
    return WIDE if wide else NARROW


def _brief(text: str, width: int) -> str:
    """'Review 2 (4 months)' as 'Review 2' when the whole does not fit."""
    return text.split(" (", 1)[0] if len(text) > width else text


def row_cells(row: PlanRow, wide: bool, no_color: bool = False) -> list[Text]:
    urgent = bool(row.overdue_reviews)
    style = (URGENT_STYLE_NO_COLOR if no_color else URGENT_STYLE) if urgent else ""
    when = row.milestone_on.strftime("%d %b %y" if wide else "%d %b") \
        if row.milestone_on else ""
    values = {
        "mark": URGENT_MARK if urgent else "",
        "practitioner": row.practitioner or "(not named)",
        "organisation": row.organisation,
        "ladder": row.ladder,
        "next_on": when,
        "milestone": _brief(row.milestone, 12) if not wide else row.milestone,
        "state": STANDING_SHORT[row.standing],
        "outcome": row.last_outcome,
        "supervisor": ", ".join(row.supervisors),
        "adviser": row.case_adviser,
    }
    # Names are stored text (maybe imported): clipped makes controls visible.
    return [Text(clipped(values[key], width), style=style, no_wrap=True)
            for key, _header, width in columns_for(wide)]
