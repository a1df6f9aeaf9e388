"""Small pieces of English the screens share."""

from __future__ import annotations

import re
import textwrap

from rich.text import Text

from ..domain.safe_text import visible


def count_of(n: int, noun: str) -> str:
    """'1 stage', '3 stages' (regular plurals: the nouns the screens count)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def clipped(text: str, width: int) -> str:
    """`text` cut to `width` characters, ending in … when something was cut, so a reader
    sees that there is more ('Final review and summ…').

    Stored text is untrusted: control characters are made visible first (␛ for ESC), so
    they count in the width and never reach the terminal."""
    text = visible(text)
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def fitted(text: str, width: int, lines: int) -> str:
    """`text` wrapped at word boundaries to `width` columns on at most `lines` lines, the
    last ending in … when something was cut: a message that fits its line(s) whole or
    says that there is more, never cut mid-word at the edge of the screen.

    Controls made visible first, as `clipped` does; the result is plain text (no markup)."""
    width = max(width, 2)
    wrapped = textwrap.wrap(visible(text), width) or [""]
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    kept = wrapped[:lines]
    last = kept[-1]
    kept[-1] = (last if len(last) < width else last[: width - 1]) + "…"
    return "\n".join(kept)


# Every "[" with the backslashes before it. Textual's own `escape` leaves "[2J" alone, and
# its parser then swallowed the closing tag after it ("Dr ␛[2J...Evil[/b]" drew the "[/b]").
_BRACKET = re.compile(r"(\\*)\[")


def plain(text: str, *, multiline: bool = False) -> Text:
    """Stored or typed text as a widget shows it: as written, never read as Rich markup (a
    name holding "[/x]" made Rich raise as it was drawn; "[b]" restyled what followed),
    its controls made visible. For a Static, a Label, a tick box's label, a dialog's
    question."""
    return Text(visible(text, multiline=multiline), end="")


def problem_line(message: str | None) -> Text:
    """A field's or a dialog's problem line: ⚠ and the message, as plain text (messages
    quote names, titles and what was typed)."""
    return plain(f"⚠ {message}", multiline=True) if message else Text("")


def in_markup(text: str) -> str:
    """Stored text placed inside markup: its controls made visible and every `[` escaped,
    so a name can neither drive the terminal nor open a tag (a link, a click action)."""
    return _BRACKET.sub(lambda m: m.group(1) * 2 + "\\[", visible(text, multiline=True))
