"""Dates typed in the builder's dialogs, refused with the field they belong to."""

from __future__ import annotations

from datetime import date

from ....domain.errors import RuleError
from ....domain.field_errors import parse_date


def typed_date(text: str, field: str, required: bool = True) -> date | None:
    if not text.strip():
        if required:
            raise RuleError("enter a date", field)
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise RuleError(str(exc), field) from None


def short(d: date | None) -> str:
    return d.isoformat() if d else "—"
