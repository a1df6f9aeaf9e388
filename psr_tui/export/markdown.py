"""Safe Markdown building blocks: user text can never change a document's structure.

Every piece of user text goes through `escape_text` / `escape_inline`; only `Markup`
(Markdown this package wrote itself) passes through unchanged. Both also make control
characters visible (`domain.safe_text.visible`): a document printed to a terminal or opened
in a pager cannot run an escape sequence hidden in a name or note.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence

from ..domain.safe_text import visible

# Characters that open inline structure anywhere in a line: escapes, code, emphasis,
# links and images ("!" needs a "["), raw HTML and autolinks, table cells. Only these are
# escaped so the plain-text file stays readable.
_ANYWHERE = re.compile(r"([\\`*_\[\]<|])")
# An entity reference such as "&amp;" or "&#60;" would be decoded: keep its "&" literal.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Characters that open block structure only at the start of a line: headings, list
# bullets, setext underlines, block quotes, fenced code.
_LINE_START = re.compile(r"^([#+\-=>~])")
# A closing run of "#" would be eaten as the end of an ATX heading.
_TRAILING_HASHES = re.compile(r"(#+)$")
# An ordered-list marker: up to nine digits then "." or ")".
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


class Markup(str):
    """Markdown written by this package, trusted to be passed through unescaped."""


# A blank to fill in by hand. A run of underscores between spaces cannot open emphasis,
# and it is never placed alone on a line (where it would be a thematic break).
BLANK = Markup("______________")


def _escape_line(line: str) -> str:
    # Leading spaces would make an indented code block; trailing ones a hard break.
    line = line.strip()
    line = _ANYWHERE.sub(r"\\\1", line)
    line = _ENTITY.sub(r"\\&", line)
    line = _TRAILING_HASHES.sub(r"\\\1", line)
    line = _LINE_START.sub(r"\\\1", line)
    return _ORDERED.sub(r"\1\\\2", line)


def escape_text(text: str) -> str:
    """Escape user text for a paragraph: its lines stay lines, its structure stays text.

    Blank lines are dropped so one piece of user text stays one paragraph.
    """
    if isinstance(text, Markup):
        return text
    lines = [_escape_line(line)
             for line in visible(str(text), multiline=True).replace("\t", " ").splitlines()]
    return "\n".join(line for line in lines if line)


def escape_inline(text: object) -> str:
    """Escape user text for one line (heading, table cell, list item): newlines become spaces."""
    if isinstance(text, Markup):
        return text
    return _escape_line(" ".join(visible(str(text), multiline=True).split()))


def bold(text: object) -> Markup:
    inner = escape_inline(text)
    return Markup(f"**{inner}**") if inner else Markup("")


def heading(level: int, text: object) -> Markup:
    if not 1 <= level <= 6:
        raise ValueError(f"heading level {level} is not 1-6")
    return Markup(f"{'#' * level} {escape_inline(text) or BLANK}")


def paragraph(text: object) -> Markup:
    return Markup(escape_text(str(text)))


def table(headers: Sequence[object], rows: Iterable[Sequence[object]]) -> Markup:
    """A pipe table; every cell is one escaped line, so `|` and newlines cannot add columns."""
    width = len(headers)

    def line(cells: Sequence[object]) -> str:
        if len(cells) != width:
            raise ValueError(f"table row has {len(cells)} cells, headers have {width}")
        return "| " + " | ".join(escape_inline(c) for c in cells) + " |"

    out = [line(headers), "| " + " | ".join("---" for _ in headers) + " |"]
    out += [line(row) for row in rows]
    return Markup("\n".join(out))


def bullets(items: Iterable[object]) -> Markup:
    return Markup("\n".join(f"- {escape_inline(item) or BLANK}" for item in items))


def checklist(items: Iterable[object], checked: bool | Container[object] = False) -> Markup:
    """Printable tick boxes: `- [ ] item` (plain list items in CommonMark); `checked` ticks
    every item, or those it contains."""

    def box(item: object) -> str:
        ticked = checked if isinstance(checked, bool) else item in checked
        return "[x]" if ticked else "[ ]"

    return Markup("\n".join(f"- {box(item)} {escape_inline(item)}" for item in items))


def field(label: object, value: object) -> Markup:
    """`**Label:** value`, or a blank to fill in when the value is empty."""
    shown = escape_inline(value) if str(value).strip() else BLANK
    return Markup(f"**{escape_inline(label)}:** {shown}")


def fields(pairs: Iterable[tuple[object, object]], blanks: bool = True) -> Markup:
    """A list of labelled values; empty ones as blanks to fill, or left out (blanks=False)."""
    shown = [(k, v) for k, v in pairs if blanks or str(v).strip()]
    return Markup("\n".join(f"- {field(label, value)}" for label, value in shown))


class Document:
    """Blocks of Markdown joined by blank lines; empty blocks are skipped."""

    def __init__(self) -> None:
        self._blocks: list[str] = []

    def add(self, block: Markup | str) -> Document:
        """Add a block: Markup as written, anything else escaped as a paragraph."""
        text = block if isinstance(block, Markup) else escape_text(block)
        if text.strip():
            self._blocks.append(text.rstrip("\n"))
        return self

    def heading(self, level: int, text: object) -> Document:
        return self.add(heading(level, text))

    def paragraph(self, text: object) -> Document:
        return self.add(paragraph(text))

    def table(self, headers: Sequence[object], rows: Iterable[Sequence[object]]) -> Document:
        return self.add(table(headers, rows))

    def bullets(self, items: Iterable[object]) -> Document:
        return self.add(bullets(items))

    def fields(self, pairs: Iterable[tuple[object, object]], blanks: bool = True) -> Document:
        return self.add(fields(pairs, blanks))

    def render(self) -> str:
        return "\n\n".join(self._blocks) + "\n"
