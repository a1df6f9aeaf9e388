"""The one sanitiser: what counts as dangerous, how it is shown, how input is refused."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from psr_tui.domain.safe_text import (
    control_characters,
    find_control_text,
    has_control_characters,
    json_escaped,
    refusal,
    visible,
)

HOSTILE = "Dr \x1b]52;c;SGVsbG8=\x07 \x1b[2J\x9b31m\u202eEvil"
# Written out by hand, not taken from the module: the test must not share its definition.
DANGEROUS = ({chr(c) for c in range(0x20) if c not in (0x09, 0x0A)} | {"\x7f"}
             | {chr(c) for c in range(0x80, 0xA0)}
             | set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def test_hostile_text_is_shown_visibly() -> None:
    shown = visible(HOSTILE)
    assert shown == "Dr ␛]52;c;SGVsbG8=␇ ␛[2J\\x9b31m\\u202eEvil"
    assert not set(shown) & (DANGEROUS | {"\t", "\n"})


def test_lines_keep_newline_and_tab_only_where_allowed() -> None:
    assert visible("a\nb\tc", multiline=True) == "a\nb\tc"
    assert visible("a\nb\tc") == "a␊b␉c"
    assert visible("a\r\nb", multiline=True) == "a␍\nb"  # CR would overwrite the line


def test_every_dangerous_character_is_replaced() -> None:
    for char in sorted(DANGEROUS):
        assert char not in visible(f"x{char}y", multiline=True), repr(char)
        assert control_characters(char, multiline=True) == [char], repr(char)
        assert has_control_characters(f"x{char}y"), repr(char)
        assert has_control_characters(f"x{char}y", multiline=True), repr(char)
    assert not has_control_characters("Dr Ann Bell · 2026-11-25 · ✓ done")
    assert has_control_characters("a\nb") and not has_control_characters("a\nb", multiline=True)


def test_refusal_names_the_field_and_the_character() -> None:
    assert refusal("Practitioner name", "Dr Ann Bell") is None
    assert refusal("Practitioner name", "Dr \x1b[2J") == (
        "Practitioner name contains a control character (ESC): remove it")
    assert "U+202E" in (refusal("Note", "ab\u202ecd", multiline=True) or "")
    assert refusal("Note", "line one\nline two\tend", multiline=True) is None
    assert "newline" in (refusal("Name", "a\nb") or "")


def test_find_control_text_walks_keys_and_values() -> None:
    dump = {"cases": [{"request": {"name": "ok", "note": "two\nlines"}},
                      {"request": {"name": HOSTILE}, "bad\x1bkey": 1}]}
    found = find_control_text(dump)
    assert found == [("cases[1].request.name", "\x1b"), ("cases[1].bad␛key", "\x1b")]
    assert find_control_text({"a": ["fine", {"b": "also fine"}]}) == []


def test_find_control_text_survives_deep_nesting() -> None:
    deep: object = "\x9b"
    for _ in range(5_000):
        deep = [deep]
    assert find_control_text(deep) == [("[0]" * 5_000, "\x9b")]


def test_json_escaped_stays_valid_and_round_trips() -> None:
    data = {"name": HOSTILE, "del": "a\x7fb", "bidi": "\u2066x\u2069"}
    text = json_escaped(json.dumps(data, ensure_ascii=False))
    assert not set(text) & DANGEROUS
    assert json.loads(text) == data
    indented = json_escaped(json.dumps(data, ensure_ascii=False, indent=1))
    assert json.loads(indented) == data and "\n" in indented


@given(st.text())
def test_no_dangerous_character_survives(text: str) -> None:
    assert not set(visible(text)) & (DANGEROUS | {"\n", "\t"})
    assert not set(visible(text, multiline=True)) & DANGEROUS


@given(st.text().filter(lambda t: not set(t) & (DANGEROUS | {"\n", "\t"})))
def test_safe_text_is_unchanged(text: str) -> None:
    assert visible(text) == text
    assert visible(text, multiline=True) == text


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_json_escaping_round_trips_any_dump(data: object) -> None:
    text = json_escaped(json.dumps(data, ensure_ascii=False, indent=1))
    assert not set(text) & DANGEROUS
    assert json.loads(text) == data
