"""Small pieces of English the screens share."""

from __future__ import annotations


def count_of(n: int, noun: str) -> str:
    """'1 stage', '3 stages' (regular plurals: the nouns the screens count)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def clipped(text: str, width: int) -> str:
    """`text` cut to `width` characters, ending in … when something was cut, so a reader
    sees that there is more ('Final review and summ…')."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"
