"""The last line of defence: no text drawn by the app reaches the terminal as a control code.

Stored text is made visible where it becomes a cell or a line (`wording.clipped`,
`wording.in_markup`, `case_rows.row_cells`, ...), so widths and clipping are right. But
there are many widgets (inputs showing a stored value, notifications, titles, Textual's own
widgets), and Rich and Textual strip BEL, not ESC: one missed path would let an OSC 52
sequence in a name write to the viewer's clipboard. So every line Textual writes passes
through `visible` too, at `Strip.render`: the one public method that turns the text of a
line into what is written to the terminal. Textual's own escape codes are added there,
after this check, so they are untouched.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.segment import Segment
from textual.strip import Strip

from ..domain.safe_text import has_control_characters, visible

_Render = Callable[[Strip, Console], str]


def _guarded(textual_render: _Render) -> _Render:
    def render(strip: Strip, console: Console) -> str:
        # A segment with `control` set is Textual's own terminal code: left alone. One
        # search of the line's text: 4 us a line, against 23 us searching each segment.
        if not has_control_characters("".join([s.text for s in strip if s.control is None])):
            return textual_render(strip, console)
        # Rich counts a control character as 0 cells and its picture as 1: a line that
        # reaches here may draw a cell or two wider; Textual turns off line wrapping, so
        # the terminal clips it rather than scrolling.
        safe = Strip([Segment(visible(text) if control is None else text, style, control)
                      for text, style, control in strip])
        return textual_render(safe, console)

    setattr(render, "__wrapped__", textual_render)  # noqa: B010 (functools' convention)
    return render


def install() -> None:
    """Guard `Strip.render` (once per process; idempotent)."""
    if not hasattr(Strip.render, "__wrapped__"):
        setattr(Strip, "render", _guarded(Strip.render))  # noqa: B010 (a method, replaced)
