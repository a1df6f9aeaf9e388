"""Schema versions of the stored case record, and the steps between them.

Each case file carries its own version (table "meta" in the case file; a file
without it is version 1), so a migration interrupted half-way is resumed on
the next open instead of running a step twice on files already done, and a
file skipped because it was unreadable is still migrated when read later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..domain.demographics import coded_demographics
from ..domain.vocabulary import default_vocabularies

SCHEMA_VERSION = 2
FILE_META_TABLE = "meta"

Doc = dict[str, Any]


def _demographics_as_codes(doc: Doc) -> Doc:
    """1 -> 2: the optional demographics were free text; now vocabulary codes. A value
    that names a term is mapped, anything else becomes "" (counted as not recorded)."""
    request = doc.get("request")
    if not isinstance(request, dict):
        return doc
    old = request.get("demographics")
    old = old if isinstance(old, dict) else {}
    new = coded_demographics(old, default_vocabularies())
    return {**doc, "request": {**request, "demographics": new}}


# MIGRATIONS[n] turns a version-n case document into a version n+1 document.
MIGRATIONS: dict[int, Callable[[Doc], Doc]] = {1: _demographics_as_codes}


def missing_steps(from_version: int, to_version: int) -> list[int]:
    """The versions with no step to the next one (empty when the chain is complete)."""
    return [v for v in range(from_version, to_version) if v not in MIGRATIONS]


def migrate_case_doc(doc: Doc, from_version: int, to_version: int | None = None) -> Doc:
    # to_version is read at call time so a raised SCHEMA_VERSION (tests, upgrades) is honoured.
    target = SCHEMA_VERSION if to_version is None else to_version
    for version in range(from_version, target):
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"no migration from schema {version} to {version + 1}")
        doc = step(doc)
    return doc


def file_schema_version(data: Doc) -> int:
    """The schema version a case file was written with (1 for files older than the marker)."""
    table = data.get(FILE_META_TABLE)
    record = table.get("1") if isinstance(table, dict) else None
    version = record.get("schema_version") if isinstance(record, dict) else None
    return version if isinstance(version, int) and version >= 1 else 1
