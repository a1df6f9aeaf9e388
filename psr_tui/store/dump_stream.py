"""`psr-tui dump`: the whole database as interchange JSON text, streamed one case a line.

    {"format": "psr-tui", "schema_version": 2, "cases": [
    {"case": {...}, "audit": [...]},
    ...
    ]}

Each case file is read once and never held beside another (bounded memory at any size).
The administrator's copy is each record as stored. When a file's text holds no character
that could drive a terminal and no line break (safe_text.writes_as_is: nearly every file,
as the store writes compact JSON), its record and audit events are written as the very
text read, located while the file is parsed: no encoding again, no escaping pass. Any
other file (a character to escape, an older schema to migrate) is decoded and encoded
again through `json_escaped`, as before. Either way the output is valid JSON that loads
to the same values, and nothing in it can drive a terminal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.safe_text import json_escaped, writes_as_is
from .atomic_storage import parse_json, read_bytes
from .case_reader import _gc_paused, case_doc
from .errors import CaseNotFound, UnreadableFile
from .migrations import SCHEMA_VERSION

if TYPE_CHECKING:
    from .case_store import CaseStore

FORMAT = "psr-tui"
TABLES = ("case", "audit")  # the TinyDB tables whose records are located in the text

_scan = json.JSONDecoder().scan_once  # type: ignore[attr-defined]  # (value, end), in C
_SPACE = re.compile(r"[ \t\n\r]*")
Spans = dict[str, dict[str, tuple[int, int]]]


def dump_text(store: CaseStore) -> Iterator[str]:
    """The dump as JSON text, one case a line. An unreadable file raises its
    UnreadableFile, so the caller writes nothing rather than a dump missing a case.

    Any identity other than the administrator's gets its copy through the store's scope
    and redaction (the pydantic round trip), as everything it reads does."""
    yield (f'{{"format": {json.dumps(FORMAT)}, "schema_version": {SCHEMA_VERSION}, '
           '"cases": [')
    first = True
    as_stored = store.identity.sees_confidential
    folder = str(store.cases_dir)
    with _gc_paused():  # each file's values are freed as it is done: nothing to collect
        for case_id in store.list_ids():
            path = Path(f"{folder}/{case_id}.json")
            raw = read_bytes(path)
            if raw is None:
                continue  # deleted since the listing
            entry = _entry_as_stored(raw, path) if as_stored else _entry_as_seen(store, raw,
                                                                                 path)
            if entry is None:
                continue  # outside the identity's scope
            yield ("\n" if first else ",\n") + entry
            first = False
    yield "\n]}\n"


def _entry_as_stored(raw: bytes, path: Path) -> str:
    """One case's line: the record and its audit events as stored (current schema)."""
    try:
        text = raw.decode("utf-8")
        data, spans = parse_located(text)
    except (ValueError, StopIteration):  # UnicodeDecodeError is a ValueError
        data, spans = parse_json(raw, path), {}
    doc = case_doc(data, path)
    keys = _audit_keys(data, path)
    located = spans.get("case", {}).get("1"), spans.get("audit", {})
    if (writes_as_is(raw) and located[0] is not None and doc is data["case"]["1"]
            and all(k in located[1] for k in keys)):
        case_at, event_at = located[0], located[1]
        events = ", ".join(text[event_at[k][0]:event_at[k][1]] for k in keys)
        return f'{{"case": {text[case_at[0]:case_at[1]]}, "audit": [{events}]}}'
    events_doc = [data["audit"][k] for k in keys]
    return json_escaped(json.dumps({"case": doc, "audit": events_doc}, ensure_ascii=False))


def _entry_as_seen(store: CaseStore, raw: bytes, path: Path) -> str | None:
    data = parse_json(raw, path)
    try:
        doc = store._as_seen(store._case_from(data, path)).model_dump(mode="json")
    except CaseNotFound:
        return None
    events = [data["audit"][k] for k in _audit_keys(data, path)]
    return json_escaped(json.dumps({"case": doc, "audit": events}, ensure_ascii=False))


def _audit_keys(data: dict[str, Any], path: Path) -> list[str]:
    """The audit table's document ids in the order they were written."""
    data["audit"] = audit = data.get("audit") or {}
    if not isinstance(audit, dict):
        raise UnreadableFile(path, "the audit table is not a TinyDB table")
    try:
        return sorted(audit, key=int)
    except ValueError as exc:
        raise UnreadableFile(path, "audit: a document id is not a number") from exc


def parse_located(text: str) -> tuple[dict[str, Any], Spans]:
    """A case file's JSON object parsed (as json.loads would), with where each record of
    its `case` and `audit` tables starts and ends in `text`. ValueError or StopIteration
    when it is not one JSON object (the caller then lets json.loads say why)."""
    spans: Spans = {}

    def record(table: str) -> Callable[[str, int], tuple[Any, int]]:
        located = spans[table] = {}

        def value_at(key: str, start: int) -> tuple[Any, int]:
            value, end = _scan(text, start)
            located[key] = (start, end)
            return value, end
        return value_at

    def top(key: str, start: int) -> tuple[Any, int]:
        if key in TABLES and text.startswith("{", start):
            return _object(text, start, record(key))
        value, end = _scan(text, start)
        return value, end

    start = _SPACE.match(text).end()  # type: ignore[union-attr]
    if not text.startswith("{", start):
        raise ValueError("not a JSON object")
    data, end = _object(text, start, top)
    if _SPACE.match(text, end).end() != len(text):  # type: ignore[union-attr]
        raise ValueError("text after the object")
    return data, spans


def _object(text: str, at: int, value_at: Callable[[str, int], tuple[Any, int]]
            ) -> tuple[dict[str, Any], int]:
    """The JSON object starting at text[at] ("{"), each member's value read by
    `value_at(key, start)`; and the index just past its closing brace."""
    out: dict[str, Any] = {}
    at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
    if text.startswith("}", at):
        return out, at + 1
    while True:
        if not text.startswith('"', at):
            raise ValueError("a key expected")
        key, at = scanstring(text, at + 1)
        at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
        if not text.startswith(":", at):
            raise ValueError("':' expected")
        at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
        out[key], at = value_at(key, at)
        at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
        if text.startswith(",", at):
            at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
        elif text.startswith("}", at):
            return out, at + 1
        else:
            raise ValueError("',' or '}' expected")
