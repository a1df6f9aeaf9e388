"""User text in exported Markdown stays text: it cannot add headings, columns, lists or HTML."""

from __future__ import annotations

import pytest
from md_structure import (
    block_types,
    headings,
    html_tokens,
    inline_text,
    plain_text,
    table_shapes,
    tokens,
)

from psr_tui.export.markdown import (
    BLANK,
    Document,
    Markup,
    bullets,
    checklist,
    escape_inline,
    escape_text,
    fields,
    heading,
    table,
)

HOSTILE = [
    "Dr A | B",
    "# not a heading",
    "*x* and _y_ and **z**",
    "<script>alert(1)</script>",
    "1. not a list",
    "3) nor this",
    "- nor this",
    "+ nor this",
    "> not a quote",
    "`code` and [link](http://example.com) and ![img](x.png)",
    "&amp; stays literal",
    "---",
    "===",
    "    indented is not code",
    "~~~",
    "back\\slash at the end\\",
    "<http://example.com>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_is_one_plain_paragraph(text: str) -> None:
    out = escape_text(text)
    assert block_types(out) == ["paragraph_open"]
    assert plain_text(out) == text.strip()
    assert not html_tokens(out)
    inline = next(t for t in tokens(out) if t.type == "inline")
    assert {c.type for c in inline.children or []} <= {"text", "text_special"}


def test_multiline_text_keeps_its_lines_but_not_structure() -> None:
    out = escape_text("first line\n# second\n\n- third")
    assert block_types(out) == ["paragraph_open"]
    assert out.splitlines() == ["first line", "\\# second", "\\- third"]


def test_heading_with_markdown_in_it_is_one_heading() -> None:
    out = heading(2, "Dr <b>A</b> | *B* # C\n# D")
    assert headings(out) == [(2, "Dr <b>A</b> | *B* # C # D")]
    assert not html_tokens(out)


@pytest.mark.parametrize("text", ["Ward 7 #", "C ##", "#", "x &copy; &#60; y", "a > b ~ c !"])
def test_heading_keeps_every_character(text: str) -> None:
    assert headings(heading(3, text)) == [(3, text)]


def test_ordinary_punctuation_is_left_readable() -> None:
    assert escape_inline("Mr G's review: 3 > 2, ok! (see notes) - done.") == (
        "Mr G's review: 3 > 2, ok! (see notes) - done."
    )


def test_heading_level_is_checked() -> None:
    with pytest.raises(ValueError):
        heading(7, "x")


def test_table_cells_cannot_add_columns_or_rows() -> None:
    out = table(["Name", "Note"], [["A | B", "line one\nline two\n| x | y |"], ["", "-"]])
    assert table_shapes(out) == [[2, 2, 2]]
    cells = [inline_text(t) for t in tokens(out) if t.type == "inline"]
    assert cells == ["Name", "Note", "A | B", "line one line two | x | y |", "", "-"]


def test_table_rows_must_match_headers() -> None:
    with pytest.raises(ValueError):
        table(["a", "b"], [["only one"]])


def test_bullets_stay_one_flat_list() -> None:
    items = ["1. one", "- two", "> three", "+ four", "# five", "six\n- seven"]
    out = bullets(items)
    types = block_types(out)
    assert types.count("bullet_list_open") == 1
    assert "ordered_list_open" not in types
    assert "blockquote_open" not in types
    assert types.count("list_item_open") == len(items)
    assert plain_text(out).splitlines() == [" ".join(i.split()) for i in items]


def test_checklist_and_blanks_render_as_text() -> None:
    out = checklist(["*Supervisor's* report"])
    assert out == "- [ ] \\*Supervisor's\\* report"
    assert plain_text(out) == "[ ] *Supervisor's* report"
    blank = fields([("Note", ""), ("Seen", "yes")])
    assert plain_text(blank).splitlines() == [f"Note: {BLANK}", "Seen: yes"]
    assert "hr" not in block_types(blank)
    inline_kinds = {c.type for t in tokens(blank) for c in t.children or []}
    assert inline_kinds == {"text", "strong_open", "strong_close"}


def test_markup_passes_through_and_inline_escapes() -> None:
    assert escape_inline(Markup("**bold**")) == "**bold**"
    assert escape_inline("a\n  b\tc") == "a b c"


def test_document_joins_blocks_with_blank_lines_and_skips_empty_ones() -> None:
    doc = Document().heading(1, "Title").paragraph("").paragraph("Body *text*").bullets(["a"])
    assert doc.render() == "# Title\n\nBody \\*text\\*\n\n- a\n"
    assert block_types(doc.render()) == [
        "heading_open", "paragraph_open", "bullet_list_open", "list_item_open", "paragraph_open"
    ]
