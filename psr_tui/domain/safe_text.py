"""Stored text is untrusted: the one place that knows which characters can drive a terminal.

A name or note may hold ESC (an OSC 52 sequence writes to the viewer's clipboard, others
clear the screen or set the window title), the one-byte CSI U+009B, or a bidi override that
makes text read backwards. Every output path (the app's widgets, the CLI's tables, JSON and
messages, Markdown) shows such characters visibly and harmlessly with `visible`; every input
path (typed, imported) refuses them with `refusal` / `find_control_text`. Stored files that
already hold them still load: they are only ever shown escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

# Bidi embeddings, overrides and isolates, and the marks that reorder neighbouring text.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# C0 (but newline and tab, allowed where a field takes lines), DEL, C1 (incl. U+009B CSI).
_CONTROLS_IN_LINES = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_DANGEROUS_MULTILINE = re.compile(f"[{_CONTROLS_IN_LINES}{_BIDI}]")
_DANGEROUS = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")

# Names a person can read in a refusal ("contains ESC"), for the characters seen in attacks.
_NAMES = {0x1B: "ESC", 0x07: "BEL", 0x08: "BS", 0x0D: "CR", 0x00: "NUL", 0x7F: "DEL",
          0x09: "TAB", 0x0A: "newline", 0x9B: "CSI", 0x202E: "right-to-left override",
          0x202D: "left-to-right override"}


def _pattern(multiline: bool) -> re.Pattern[str]:
    return _DANGEROUS_MULTILINE if multiline else _DANGEROUS


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ESC -> ␛, NUL -> ␀
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0x9F:
        return f"\\x{code:02x}"  # C1 has no pictures: the Python escape, e.g. \x9b
    return f"\\u{code:04x}"  # bidi controls, e.g. \u202e


def visible(text: str, *, multiline: bool = False) -> str:
    """`text` with every control character shown as a harmless visible stand-in.

    ESC becomes ␛, other C0 controls and DEL their control pictures, C1 `\\x9b`, bidi
    controls `\\u202e`. With `multiline`, newline and tab stay as they are.
    Text without such characters is returned unchanged.
    """
    return _pattern(multiline).sub(_picture, text)


def has_control_characters(text: str, *, multiline: bool = False) -> bool:
    """Whether `text` holds any control character: the cheap test, for text that almost
    never does (every line the app draws: terminal_guard)."""
    return _pattern(multiline).search(text) is not None


def control_characters(text: str, *, multiline: bool = False) -> list[str]:
    """The distinct control characters in `text`, in order of first appearance."""
    return list(dict.fromkeys(_pattern(multiline).findall(text)))


def describe(char: str) -> str:
    """A control character named for a message: 'ESC', 'U+202E right-to-left override'."""
    code = ord(char)
    name = _NAMES.get(code)
    if code < 0x100 and name:
        return name
    return f"U+{code:04X}" + (f" {name}" if name else "")


def refusal(field_label: str, text: str, *, multiline: bool = False) -> str | None:
    """The message refusing `text` for a field, or None when it holds no control character."""
    found = control_characters(text, multiline=multiline)
    if not found:
        return None
    names = ", ".join(describe(c) for c in found[:3]) + (", ..." if len(found) > 3 else "")
    return f"{field_label} contains a control character ({names}): remove it"


def json_escaped(json_text: str) -> str:
    """JSON text (from json.dumps(..., ensure_ascii=False)) with every dangerous character
    written as its \\uXXXX escape: still valid JSON that loads back to the same strings,
    but it cannot drive a terminal. (json.dumps escapes C0 itself; not DEL, C1 or bidi.)
    Raw newline and tab in JSON text are its indentation, never inside a string."""
    return _DANGEROUS_MULTILINE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def writes_as_is(json_bytes: bytes) -> bool:
    """Whether UTF-8 JSON text can be written out as it is, one line: it holds no character
    `json_escaped` would change and no line break or tab. Pure printable ASCII is told at
    C speed (nearly every stored file); anything else is decoded and searched."""
    if json_bytes.isascii():
        return not json_bytes.translate(None, _PRINTABLE_ASCII)
    try:
        return _DANGEROUS.search(json_bytes.decode("utf-8")) is None
    except UnicodeDecodeError:
        return False


JSONPath = str


def find_control_text(obj: object, path: JSONPath = "") -> list[tuple[JSONPath, str]]:
    """Every (path, first control character) in the strings and keys of a JSON-like value.

    Keys are checked too (a key is echoed in messages). Newline and tab are allowed in
    values, as notes take lines; never in keys. Paths look like `cases[0].request.name`.
    """
    return list(_walk(obj, path))


def _walk(obj: object, path: JSONPath) -> Iterator[tuple[JSONPath, str]]:
    # An explicit stack, not recursion: an imported dump may be nested very deep. Each entry
    # carries the control character found in its key, reported in document order.
    stack: list[tuple[object, JSONPath, str | None]] = [(obj, path, None)]
    while stack:
        value, at, in_key = stack.pop()
        if in_key:
            yield at, in_key
        if isinstance(value, str):
            found = control_characters(value, multiline=True)
            if found:
                yield at or "(top level)", found[0]
        elif isinstance(value, Mapping):
            children = []
            for key, child in value.items():
                key_text = str(key)
                where = f"{at}.{visible(key_text)}" if at else visible(key_text)
                key_controls = control_characters(key_text)
                children.append((child, where, key_controls[0] if key_controls else None))
            stack.extend(reversed(children))
        elif isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
            stack.extend(reversed([(child, f"{at}[{i}]", None) for i, child in enumerate(value)]))
