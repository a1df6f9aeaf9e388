"""One insights table as lines of plain text: label, plans, percentage, and a horizontal bar.

Plain characters (█ for whole cells, ▏▎▍▌▋▊▉ for eighths) so the chart reads without
colour and survives copying from the terminal. A withheld cell (`<5`, `*`) shows its mark
and no percentage and no bar: a bar's length would give the count away.
"""

from __future__ import annotations

from rich.text import Text

from ...domain.insights import Row, Table
from ..wording import clipped

WIDTH = 74  # an 80-column terminal less the scroll bar and the padding
LABEL = 34  # columns for a row's label; longer labels get a line of their own
PLANS = 6
PERCENT = 5
OF = 8  # "of 1234", in tables over groups
BAR = WIDTH - (LABEL + 1 + PLANS + PERCENT + 2)  # 100% fills this many cells (26)
EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"


def bar(percent: int | None, width: int = BAR) -> str:
    """A bar `percent`% of `width` cells long, to the nearest eighth of a cell; at least
    ▏ for a shown count that rounds to 0%, so a counted row never looks empty."""
    if percent is None:
        return ""
    eighths = round(max(0, min(percent, 100)) * width * 8 / 100)
    whole, part = divmod(eighths, 8)
    drawn = FULL * whole + (EIGHTHS[part] if part else "")
    return drawn or EIGHTHS[1]


def _cells(row: Row, over_groups: bool) -> str:
    pct = "" if row.percent is None else f"{row.percent}%"
    cells = f"{row.shown.text:>{PLANS}}{pct:>{PERCENT}}"
    if over_groups:
        cells += f"{'' if row.of is None else f'of {row.of}':>{OF}}"
    return f"{cells}  {bar(row.percent, BAR - OF if over_groups else BAR)}".rstrip()


def header(table: Table) -> Text:
    """The title, with the column names over the figures."""
    over_groups = any(row.of is not None for row in table.rows)
    columns = f"{'plans':>{PLANS}}{'%':>{PERCENT}}" + (f"{'of':>{OF}}" if over_groups else "")
    title = clipped(table.title, LABEL + 1)
    return Text.assemble((f"{title:<{LABEL + 1}}", "bold"), (columns, "dim"))


def table_text(table: Table) -> Text:
    """The whole section: title line, one line per row (two when its label is long), and
    the denominator sentence under it."""
    over_groups = any(row.of is not None for row in table.rows)
    text = header(table)
    if not table.rows:
        text.append("\n  No plans to show.")
    for row in table.rows:
        label = clipped(row.label, 200)  # vocabulary labels, or an organisation's own term
        if len(label) > LABEL:
            text.append(f"\n{clipped(label, WIDTH)}")
            label = ""
        text.append(f"\n{label:<{LABEL}} {_cells(row, over_groups)}".rstrip())
    text.append(f"\n{table.denominator}", style="italic")
    return text
