"""Reading an untrusted dump: its size, nesting, numbers and text lengths, before any model.

A dump may come from anywhere. These limits make sure a hostile or broken one costs a
bounded amount of memory and time and ends in one line naming where it went wrong:
  - the whole file is refused by size before it is read (MAX_DUMP_BYTES);
  - nesting deeper than MAX_NESTING is refused (the JSON decoder's own RecursionError on
    a 10^5-deep input is caught too);
  - a number with more than MAX_NUMBER_DIGITS digits is refused without converting it
    (Python refuses over 4,300 digits with a ValueError; nothing here needs more than 18);
  - a short field (a name, a person, an id, a code: SHORT_FIELDS) holds at most
    MAX_NAME_CHARS characters, any other text at most MAX_TEXT_CHARS.
Limits are named here and nowhere else; docs/ARCHITECTURE.md lists them.
"""

from __future__ import annotations

import json
import math
import os
from typing import Any, BinaryIO

from ..domain.safe_text import control_characters, describe
from .errors import StoreError

# 5,000 demo cases dump to 165 MB (indented): room for that, not for an unbounded file.
MAX_DUMP_BYTES = 256 * 1024 * 1024
MAX_NESTING = 64  # a real dump nests 13 deep
MAX_NUMBER_DIGITS = 18  # revisions, levels, counts, minutes: all far below 10^18
MAX_NAME_CHARS = 200
MAX_TEXT_CHARS = 20_000  # the longest note in the demo data is 558 characters

# Fields that hold a name, a person, an id, a code or a date: MAX_NAME_CHARS.
SHORT_FIELDS = frozenset({
    "id", "case_id", "name", "contact_name", "contact_role", "contact_email", "contact_phone",
    "case_adviser", "case_reference", "registration_number", "regulator", "email", "person",
    "user", "created_by", "updated_by", "recorded_by", "decided_by", "signed_by",
    "withdrawn_by", "resumed_by", "corrected_by", "proposed_by", "issued_by", "reviewer",
    "deputy", "representative",
    "title", "state", "outcome", "status", "kind", "role", "grade", "action", "profession",
    "specialty_group", "care_setting", "plan_type", "concern_type", "source", "domain",
    "tool", "rating", "prev", "seal",
})


class DumpRefused(StoreError):
    """An import refused before anything was written; str() is the one line to show."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message}; nothing was imported")


class _Oversized:
    """Stands in for a number too long to convert, so the walk can say where it was."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _parse_int(text: str) -> int | _Oversized:
    digits = len(text.lstrip("-"))
    return int(text) if digits <= MAX_NUMBER_DIGITS else _Oversized(digits)


def _parse_float(text: str) -> float | _Oversized:
    value = float(text)
    return value if math.isfinite(value) else _Oversized(len(text))


def _refuse_constant(name: str) -> Any:
    raise DumpRefused(f"not valid JSON: {name} is not a JSON number")


def load_json(text: str | bytes) -> Any:
    """json.loads with the limits above; DumpRefused (one line) for anything it refuses."""
    try:
        return json.loads(text, parse_int=_parse_int, parse_float=_parse_float,
                          parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise DumpRefused(f"not valid JSON: {exc.msg} at {where}") from exc
    except RecursionError as exc:
        raise DumpRefused(f"nested deeper than {MAX_NESTING} levels; not a psr-tui dump") from exc
    except UnicodeDecodeError as exc:
        raise DumpRefused(f"not UTF-8 text ({exc.reason})") from exc


def check_text(value: str, path: str, key: str) -> str | None:
    """Why a string from a dump is refused, or None. The one place text from a dump is
    judged: the control-character check (issue 8) is one more call here."""
    short = key in SHORT_FIELDS
    limit = MAX_NAME_CHARS if short else MAX_TEXT_CHARS
    if len(value) > limit:
        return f"{path}: {len(value)} characters (at most {limit} here)"
    controls = control_characters(value, multiline=not short)
    if controls:  # text that could drive a terminal (domain/safe_text.py)
        return f"{path}: holds a control character ({describe(controls[0])})"
    return None


def check_tree(value: Any, where: str) -> None:
    """Nesting, oversized numbers and text lengths of one part of a dump, walked without
    recursion; DumpRefused naming `where` (e.g. 'case case-1') and the field path."""
    stack: list[tuple[Any, str, str, int]] = [(value, "", "", 0)]
    while stack:
        item, path, key, depth = stack.pop()
        if depth > MAX_NESTING:
            shown = path if len(path) <= 120 else f"{path[:120]}..."
            raise DumpRefused(f"{where}: {shown}: nested deeper than {MAX_NESTING} levels")
        problem = None
        if isinstance(item, dict):
            for k, v in item.items():
                sub = f"{path}.{k}" if path else k
                problem = check_text(k, f"{sub} (a key)", "id")
                if problem:
                    break
                stack.append((v, sub, k, depth + 1))
        elif isinstance(item, list):
            stack.extend((v, f"{path}[{i}]", key, depth + 1) for i, v in enumerate(item))
        elif isinstance(item, str):
            problem = check_text(item, path or "(value)", key)
        elif isinstance(item, _Oversized):
            problem = (f"{path}: a number of {item.digits} digits "
                       f"(at most {MAX_NUMBER_DIGITS})")
        if problem:
            raise DumpRefused(f"{where}: {problem}")


def read_dump(source: str, stdin: BinaryIO) -> bytes:
    """The bytes of a dump file ('-': standard input), refused by size before reading."""
    limit = MAX_DUMP_BYTES
    too_big = f"{source} is larger than {limit // (1024 * 1024)} MB; not imported"
    try:
        if source == "-":
            data = stdin.read(limit + 1)
            if len(data) > limit:
                raise DumpRefused(too_big)
            return data
        with open(source, "rb") as fh:
            if os.fstat(fh.fileno()).st_size > limit:
                raise DumpRefused(too_big)
            data = fh.read(limit + 1)  # a file still growing is cut off, then refused
    except OSError as exc:
        raise DumpRefused(f"cannot read {source}: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise DumpRefused(too_big)
    return data
