"""Property: any text, escaped into Markdown and parsed back as a renderer would, is the same
text (controls shown visibly) in one table cell or one paragraph, and nothing more."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from md_structure import block_types, html_tokens, inline_text, table_shapes, tokens

from psr_tui.domain.safe_text import visible
from psr_tui.export.markdown import escape_text, table

DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "Dr \x1b]52;c;SGVsbG8=\x07 \x1b[2J\x9b31m\u202eEvil | # *x* <b>"
# Markdown's own whitespace: a line is split and trimmed on these (CommonMark 2.1).
_MD_SPACE = " \t\n\r\x0b\x0c"


def one_line(text: str) -> str:
    """What a reader should see of `text` on one line: controls visible, runs of white
    space as one space (Markdown folds them)."""
    return " ".join(visible(text, multiline=True).split())


def cells(markdown: str) -> list[str]:
    toks = tokens(markdown)
    return [inline_text(toks[i + 1]) for i, t in enumerate(toks) if t.type == "td_open"]


@settings(max_examples=300, deadline=None)
@example(HOSTILE)
@given(st.text())
def test_any_text_is_one_table_cell_of_the_same_text(text: str) -> None:
    out = table(["Field"], [[text]])
    assert not DANGEROUS.search(out)
    assert table_shapes(out) == [[1, 1]]
    assert not html_tokens(out)
    assert [c.strip(_MD_SPACE) for c in cells(out)] == [one_line(text)]


@settings(max_examples=300, deadline=None)
@example(HOSTILE)
@given(st.text())
def test_any_text_is_one_paragraph_of_the_same_text(text: str) -> None:
    out = escape_text(text)
    assert not DANGEROUS.search(out)
    lines = [" ".join(line.split()) for line in visible(text, multiline=True).splitlines()]
    expected = " ".join(line for line in lines if line)
    if not expected:
        assert not out.strip()
        return
    assert block_types(out) == ["paragraph_open"]
    assert not html_tokens(out)
    paragraph = next(t for t in tokens(out) if t.type == "inline")
    assert " ".join(inline_text(paragraph).split()) == expected
