"""Schema versions of the stored case record, and the steps between them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1

Doc = dict[str, Any]

# MIGRATIONS[n] turns a version-n case document into a version n+1 document.
MIGRATIONS: dict[int, Callable[[Doc], Doc]] = {}


def migrate_case_doc(doc: Doc, from_version: int, to_version: int = SCHEMA_VERSION) -> Doc:
    for version in range(from_version, to_version):
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"no migration from schema {version} to {version + 1}")
        doc = step(doc)
    return doc
