"""Read exported Markdown back the way a renderer would, to assert on its structure."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MD = MarkdownIt("commonmark").enable("table")


def tokens(text: str) -> list[Token]:
    return _MD.parse(text)


def inline_text(token: Token) -> str:
    """The text a reader sees in an inline token (escapes resolved, markup dropped)."""
    parts = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        else:
            parts.append(child.content)
    return "".join(parts)


def headings(text: str) -> list[tuple[int, str]]:
    toks = tokens(text)
    return [
        (int(t.tag[1]), inline_text(toks[i + 1]))
        for i, t in enumerate(toks)
        if t.type == "heading_open"
    ]


def table_shapes(text: str) -> list[list[int]]:
    """For each table, the number of cells in each row (header row first)."""
    shapes: list[list[int]] = []
    for t in tokens(text):
        if t.type == "table_open":
            shapes.append([])
        elif t.type == "tr_open":
            shapes[-1].append(0)
        elif t.type in ("th_open", "td_open"):
            shapes[-1][-1] += 1
    return shapes


def html_tokens(text: str) -> list[Token]:
    found = [t for t in tokens(text) if t.type == "html_block"]
    for t in tokens(text):
        found += [c for c in t.children or [] if c.type == "html_inline"]
    return found


def block_types(text: str) -> list[str]:
    return [t.type for t in tokens(text) if t.nesting == 1 or t.type in ("hr", "fence")]


def plain_text(text: str) -> str:
    """Everything a reader sees, one inline run per line."""
    return "\n".join(inline_text(t) for t in tokens(text) if t.type == "inline")
