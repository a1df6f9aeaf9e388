"""What each audience may see of a case: redaction of confidential fields (pure domain).

The practitioner discussion notes, health details and demographics shape the plan but
never reach the organisation's or the practitioner's copy; neither do confidential
conditions. Redaction walks the model tree, so a new field marked confidential
(`base.confidential()`) is covered without touching this file. The store applies it to
every case it hands a user who may not see confidential material (domain/access.py),
and every export applies it to the copy's audience.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .audiences import ADVISER, AUDIENCES
from .base import is_confidential
from .case import Case

__all__ = ["ADVISER", "AUDIENCES", "check_audience", "confidential_items", "redact_for"]


def check_audience(audience: str) -> str:
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}: one of {', '.join(AUDIENCES)}")
    return audience


def _blank(model: BaseModel, name: str) -> None:
    info = type(model).model_fields[name]
    setattr(model, name, info.get_default(call_default_factory=True))


def _is_confidential_item(value: Any) -> bool:
    """A list item flagged confidential as a whole (a health condition, say)."""
    return isinstance(value, BaseModel) and getattr(value, "confidential", False) is True


def _redact(value: Any, dropped: set[str]) -> Any:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if is_confidential(type(value), name):
                _blank(value, name)
            else:
                setattr(value, name, _redact(getattr(value, name), dropped))
        return value
    if isinstance(value, list):
        kept = []
        for item in value:
            if _is_confidential_item(item):
                dropped.add(str(getattr(item, "id", "")))
            else:
                kept.append(_redact(item, dropped))
        return kept
    if isinstance(value, dict):
        return {key: _redact(item, dropped) for key, item in value.items()}
    return value


def redact_for(case: Case, audience: str) -> Case:
    """A deep copy of the case fit for `audience`; the adviser copy keeps everything."""
    copy = case.model_copy(deep=True)
    if check_audience(audience) == ADVISER:
        return copy
    dropped: set[str] = set()
    _redact(copy, dropped)
    # Health details stay out even if someone unmarks the field by mistake.
    copy.request.occupational_health.health_details = ""
    if copy.plan is not None:
        copy.plan.condition_ids = [c for c in copy.plan.condition_ids if c not in dropped]
        for version in copy.plan.versions:
            ids = version.content.get("condition_ids")
            if isinstance(ids, list):
                version.content["condition_ids"] = [c for c in ids if c not in dropped]
    return copy


def _label(path: str) -> str:
    return " › ".join(part.replace("_", " ").capitalize() for part in path.split("."))


def confidential_items(case: Case) -> list[tuple[str, str]]:
    """Every non-empty confidential field and confidential list item, as (where, text)."""
    found: list[tuple[str, str]] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                child = getattr(value, name)
                where = f"{path}.{name}" if path else name
                if is_confidential(type(value), name):
                    if str(child).strip():
                        found.append((_label(where), str(child)))
                else:
                    walk(child, where)
        elif isinstance(value, list):
            for item in value:
                if _is_confidential_item(item):
                    text = getattr(item, "description", "") or str(getattr(item, "id", ""))
                    found.append((_label(path), str(text)))
                else:
                    walk(item, path)

    walk(case, "")
    return found
