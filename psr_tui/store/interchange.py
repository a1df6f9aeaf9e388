"""The interchange format: the whole database as one JSON document, and back.

    {"format": "psr-tui", "schema_version": 1, "cases": [{"case": {...}, "audit": [...]}]}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from ..domain.audit import AuditEvent
from ..domain.case import Case
from ..domain.safe_text import describe, find_control_text
from .case_reader import format_validation_error
from .case_store import CaseStore
from .errors import ConflictError, StoreError
from .migrations import SCHEMA_VERSION

FORMAT = "psr-tui"


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
    cases, problems = store.load_all()
    if problems:
        raise problems[0]
    entries = [
        {"case": c.model_dump(mode="json"),
         "audit": [e.model_dump(mode="json") for e in store.audit(c.id)]}
        for c in cases
    ]
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, "cases": entries}


def json_schema() -> dict[str, Any]:
    schema = Interchange.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["description"] = (
        "psr-tui interchange format. Fields marked x-confidential (practitioner discussion "
        "notes, health details, demographics) never appear in a copy for another audience; "
        "a Condition with confidential=true is likewise kept to the adviser's copy."
    )
    return schema


def parse(text: str) -> Interchange:
    """Parse and validate a dump; StoreError with one line naming the bad field."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise StoreError(f"not valid JSON: {exc.msg} at {where}") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise StoreError('not a psr-tui dump (expected an object with "format": "psr-tui")')
    version = raw.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise StoreError(f"unsupported schema_version {version!r}; this psr-tui reads up to "
                         f"{SCHEMA_VERSION}")
    controls = find_control_text(raw)  # text that could drive a terminal is refused here
    if controls:
        where, char = controls[0]
        raise StoreError(f"{where} holds a control character ({describe(char)}): not imported")
    try:
        return Interchange.model_validate(raw)
    except ValidationError as exc:
        raise StoreError(format_validation_error(exc)) from exc


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def import_dump(store: CaseStore, data: Interchange) -> ImportResult:
    """All or nothing as far as can be checked: every conflict is reported before any write."""
    seen: set[str] = set()
    conflicts: list[str] = []
    for entry in data.cases:
        cid = entry.case.id
        if cid in seen:
            conflicts.append(f"case {cid} appears twice in the file")
        seen.add(cid)
        if store.exists(cid):
            existing = store.get(cid).model_dump(mode="json")
            if existing != entry.case.model_dump(mode="json"):
                conflicts.append(
                    f"case {cid} already exists with other content (revision "
                    f"{existing.get('revision')}); not imported"
                )
    if conflicts:
        raise ConflictError("; ".join(conflicts))
    result = ImportResult()
    for entry in data.cases:
        outcome = store.import_case(entry.case, entry.audit)
        (result.created if outcome == "created" else result.unchanged).append(entry.case.id)
    return result
