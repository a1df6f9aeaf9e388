"""The interchange format: the whole database as one JSON document, and back.

    {"format": "psr-tui", "schema_version": 1, "cases": [{"case": {...}, "audit": [...]}]}
"""

from __future__ import annotations

import json
from typing import Any, cast

from pydantic import BaseModel, ConfigDict, ValidationError

from ..domain.audit import AuditEvent
from ..domain.case import Case
from ..domain.record_integrity import record_problems
from ..domain.vocabulary import Vocabularies, default_vocabularies
from . import migrations
from .case_import import ImportResult, write_new_cases
from .case_reader import _SAFE_ID, format_validation_error
from .case_store import CaseStore
from .dump_limits import DumpRefused, check_tree, load_json
from .dump_stream import FORMAT, dump_text
from .errors import ConflictError
from .migrations import SCHEMA_VERSION


class CaseEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    case: Case
    audit: list[AuditEvent] = []


class Interchange(BaseModel):
    """A psr-tui database dump."""

    model_config = ConfigDict(extra="forbid", title="psr-tui database dump")
    format: str = FORMAT
    schema_version: int = SCHEMA_VERSION
    cases: list[CaseEntry] = []


def dump(store: CaseStore) -> dict[str, Any]:
    """The whole dump as one value (tests and small tools; `psr-tui dump` streams it:
    store/dump_stream.py)."""
    return cast(dict[str, Any], json.loads("".join(dump_text(store))))


def json_schema() -> dict[str, Any]:
    schema = Interchange.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["description"] = (
        "psr-tui interchange format. Fields marked x-confidential (practitioner discussion "
        "notes, health details, demographics) never appear in a copy for another audience; "
        "a Condition with confidential=true is likewise kept to the adviser's copy."
    )
    return schema


def parse(text: str | bytes) -> Interchange:
    """Parse and validate a whole dump before anything is written: DumpRefused, one line
    naming the case and the field, for the first thing the screens would not have let in
    (store/dump_limits.py for sizes and nesting, domain/record_integrity.py for codes,
    ids and links)."""
    raw = load_json(text)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise DumpRefused('not a psr-tui dump (expected an object with "format": "psr-tui")')
    check_tree({k: v for k, v in raw.items() if k != "cases"}, "dump")
    version = raw.get("schema_version")
    if type(version) is not int or not 1 <= version <= SCHEMA_VERSION:
        raise DumpRefused(f"schema_version {_shown(version)}: this psr-tui reads schema "
                          f"versions 1 to {SCHEMA_VERSION}")
    entries = raw.get("cases", [])
    if not isinstance(entries, list):
        raise DumpRefused("cases: not a list")
    vocab = default_vocabularies()
    seen: set[str] = set()
    cases = [_entry(raw_entry, i, version, seen, vocab) for i, raw_entry in enumerate(entries)]
    return Interchange.model_construct(format=FORMAT, schema_version=version, cases=cases)


def _shown(value: object, width: int = 40) -> str:
    """A bounded, escaped echo of a value from the file (repr escapes control characters)."""
    text = repr(value)
    return text if len(text) <= width else f"{text[:width]}..."


def _entry(raw: object, i: int, version: int, seen: set[str], vocab: Vocabularies) -> CaseEntry:
    if not isinstance(raw, dict) or not isinstance(raw.get("case"), dict):
        raise DumpRefused(f"cases[{i}]: not an object with a case record")
    case = raw["case"]
    if "id" not in case:
        raise DumpRefused(f"cases[{i}].case.id: missing (every case needs its id)")
    cid = case["id"]
    if not isinstance(cid, str) or not _SAFE_ID.fullmatch(cid):
        raise DumpRefused(f"cases[{i}].case.id: {_shown(cid)} is not a case id (a letter or "
                          "digit, then letters, digits, '.', '_' or '-'; at most 81)")
    where = f"case {cid}"
    if cid in seen:
        raise DumpRefused(f"{where}: appears twice in the file")
    seen.add(cid)
    check_tree(raw, where)  # the one check of every string from the file (dump_limits)
    revision = case.get("revision")
    if type(revision) is not int or revision < 1:
        raise DumpRefused(f"{where}: revision: {_shown(revision)} (must be a whole number, "
                          "1 or more)")
    _check_audit(raw.get("audit", []), cid, revision, where)
    if version < SCHEMA_VERSION:
        try:
            raw = {**raw, "case": migrations.migrate_case_doc(dict(case), version)}
        except ValueError as exc:
            raise DumpRefused(f"{where}: {exc}") from exc
    try:
        entry = CaseEntry.model_validate(raw)
    except ValidationError as exc:
        raise DumpRefused(f"{where}: {format_validation_error(exc)}") from exc
    problems = record_problems(entry.case, vocab)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DumpRefused(f"{where}: {problems[0].path}: {problems[0].message}{more}")
    return entry


def _check_audit(audit: object, cid: str, revision: int, where: str) -> None:
    if not isinstance(audit, list):
        raise DumpRefused(f"{where}: audit: not a list")
    ids: set[str] = set()
    for n, event in enumerate(audit):
        at = f"{where}: audit[{n}]"
        if not isinstance(event, dict):
            raise DumpRefused(f"{at}: not an object")
        if not isinstance(event.get("id"), str) or not event["id"]:
            raise DumpRefused(f"{at}.id: missing (every audit event needs its id)")
        if event["id"] in ids:
            raise DumpRefused(f"{at}.id: {_shown(event['id'])} appears twice")
        ids.add(event["id"])
        if event.get("case_id") != cid:
            raise DumpRefused(f"{at}.case_id: {_shown(event.get('case_id'))}: an event of "
                              "another case")
        rev = event.get("revision", 0)
        if type(rev) is not int or not 0 <= rev <= revision:
            raise DumpRefused(f"{at}.revision: {_shown(rev)} (must be 0 to the case's "
                              f"revision, {revision})")


def import_dump(store: CaseStore, data: Interchange, source: str) -> ImportResult:
    """All or nothing: every conflict is reported before any write, and the new cases are
    written together or not at all (store/case_import.py)."""
    new: list[tuple[Case, list[AuditEvent]]] = []
    result = ImportResult()
    conflicts: list[str] = []
    for entry in data.cases:
        cid = entry.case.id
        if not store.exists(cid):
            new.append((entry.case, entry.audit))
            continue
        existing = store.get(cid).model_dump(mode="json")
        if existing == entry.case.model_dump(mode="json"):
            result.unchanged.append(cid)
        else:
            conflicts.append(
                f"case {cid} already exists with other content (revision "
                f"{existing.get('revision')}); not imported"
            )
    if conflicts:
        raise ConflictError("; ".join(conflicts))
    result.created = write_new_cases(store, new, source)
    return result
