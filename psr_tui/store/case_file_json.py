"""A case file validated straight from its bytes: the fast path of `check`'s reading.

pydantic-core parses and validates a current-schema file in one pass, without building
the dicts and lists json.loads makes and model_validate walks again. It only ever says
"valid, and here are the models" or "ask the slow path": anything unusual (a file of an
older or newer schema, a table of another shape, a document id not a number, invalid
JSON, a value pydantic refuses) returns None, and the caller reads the file as before
(json.loads, the migrations, model_validate), which words the problem as it always did.
So a file's verdict is the same on either path; only the time differs.

Imported where a whole case is validated (it loads the models, hence pydantic).
"""

from __future__ import annotations

from functools import cache
from typing import Any, NotRequired

from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from ..domain.audit import AuditEvent
from ..domain.case import Case
from .case_reader import CASE_DOC_ID
from .migrations import FILE_META_TABLE, SCHEMA_VERSION, file_schema_version

_CASE_KEY = str(CASE_DOC_ID)  # TinyDB's document ids are strings in JSON


class _CaseFile(TypedDict):
    """A case file as TinyDB writes it (other tables are left alone, as json.loads does)."""

    case: dict[str, Case]
    audit: NotRequired[dict[str, AuditEvent]]
    meta: NotRequired[Any]  # judged by migrations.file_schema_version, as on the slow path


@cache
def _adapter() -> TypeAdapter[_CaseFile]:
    return TypeAdapter(_CaseFile)


def validated_file(raw: bytes) -> tuple[Case, list[AuditEvent]] | None:
    """The case and its audit trail (in the order written) of a current-schema file that
    is valid as it stands; None for anything the slow path must read and word."""
    try:
        found = _adapter().validate_json(raw)
    except ValidationError:  # not JSON, or a value refused: the slow path says which
        return None
    table = found["case"]
    if list(table) != [_CASE_KEY]:  # other documents in the case table: as ever, ignored
        return None                   # there, but validated here; let the slow path judge
    if file_schema_version({FILE_META_TABLE: found.get("meta")}) != SCHEMA_VERSION:
        return None  # to be migrated, or from a newer psr-tui
    audit = found.get("audit", {})
    try:
        order = sorted(audit, key=int)
    except ValueError:
        return None  # a document id that is not a number
    return table[_CASE_KEY], [audit[k] for k in order]
