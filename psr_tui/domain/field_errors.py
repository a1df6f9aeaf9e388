"""FieldError: a message for one field, addressed by a dotted path into the Case."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .vocabulary import Vocabularies

DATE_HINT = "use YYYY-MM-DD or DD/MM/YYYY, e.g. 2026-03-01"


@dataclass(frozen=True)
class FieldError:
    # e.g. "request.practitioner.registration_number", "plan.review_points[rp-1234].due_on"
    path: str
    message: str


def item_path(list_path: str, item_id: str, field: str = "") -> str:
    """The path of a field of a list item, addressed by the item's id (stable under reordering)."""
    path = f"{list_path}[{item_id}]"
    return f"{path}.{field}" if field else path


def blank(value: str | None) -> bool:
    return value is None or not value.strip()


def parse_date(text: str) -> date:
    """A date typed by a person: YYYY-MM-DD or DD/MM/YYYY. The message is shown under the field."""
    cleaned = text.strip()
    if not cleaned:
        raise ValueError(f"enter a date: {DATE_HINT}")
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", cleaned)
    british = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", cleaned)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif british:
        day, month, year = (int(g) for g in british.groups())
    else:
        raise ValueError(f"'{cleaned}' is not a date: {DATE_HINT}")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"'{cleaned}' is not a real date: {DATE_HINT}") from None


def required(value: str | None, path: str, what: str) -> list[FieldError]:
    return [FieldError(path, f"enter {what}")] if blank(value) else []


def code_in(value: str, vocab: Vocabularies, name: str, path: str, what: str) -> list[FieldError]:
    if blank(value):
        return [FieldError(path, f"choose {what}")]
    if value not in vocab[name]:
        # The vocabulary's own (plural) name: 'sexes', 'age bands', not '{what}s'.
        return [FieldError(path, f"'{value}' is not in the list of {name.replace('_', ' ')}")]
    return []


def not_future(d: date | None, today: date | None, path: str, what: str) -> list[FieldError]:
    if d is not None and today is not None and d > today:
        return [FieldError(path, f"{what} cannot be in the future")]
    return []
