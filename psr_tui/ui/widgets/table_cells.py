"""A table cell of one line of text, drawn without Rich's general layout.

Textual's DataTable draws each cell through Rich (a Padding in a Styled, laid out as lines
and cropped), about 0.2 ms a cell on a 2-core host: a list's first frame of 15 rows by 7
columns spent 20-28 ms there, a quarter of the time from `d` to the dashboard's rows. A
list's cells are nearly all one line of plain text in one style (names, dates, states),
and for those the same segments can be made directly: the text cut to the column, padded,
and styled as Rich would. Anything else (markup that wraps, tabs, justified text, other
renderables) is left to Rich (`one_line_text` says no).
"""

from __future__ import annotations

from typing import TypeGuard

from rich.console import Console, OverflowMethod, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

_NULL = Style.null()


def one_line_text(cell: RenderableType) -> TypeGuard[Text]:
    """Whether `cell_line` draws `cell` exactly as Rich would: a Text of printable
    characters, on one line, not justified."""
    return (type(cell) is Text and cell.justify in (None, "default")
            and cell.plain.isprintable())


def cell_line(cell: Text, width: int, padding: int, console: Console,
              overflow: OverflowMethod | None, pre_style: Style,
              post_style: Style) -> list[Segment]:
    """The segments Rich makes of `Styled(Padding(cell, (0, padding)), pre_style,
    post_style)` in `width` cells, one line without wrapping: the text cut to the space
    inside the padding as its overflow says (Rich's default: cut), the rest blank."""
    inner = max(width - 2 * padding, 0)
    text = cell.copy() if cell.cell_len > inner else cell
    if text is not cell:
        text.truncate(inner, overflow=cell.overflow or overflow or "fold")
    segments = [Segment(" " * padding, _NULL)] if padding else []
    # Text.render draws the spans only; Rich lays a line out with its base style as the
    # first span, under the others.
    drawn = text.render(console, end="")
    segments += Segment.apply_style(drawn, console.get_style(text.style)) if text.style \
        else drawn
    blank = inner - text.cell_len
    if blank > 0:
        segments.append(Segment(" " * blank, _NULL))
    if padding:
        segments.append(Segment(" " * padding, _NULL))
    return list(Segment.apply_style(segments, pre_style, post_style))
