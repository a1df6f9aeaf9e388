"""Shared building blocks for the domain models."""

from __future__ import annotations

import secrets
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonDict


class Record(BaseModel):
    """Base for every stored model: unknown keys are an error, not silently dropped."""

    # defer_build: schemas are built on first use, not at import (a faster first frame).
    model_config = ConfigDict(extra="forbid", validate_assignment=False, defer_build=True)


def new_id(prefix: str) -> str:
    """Random ids, so two processes never hand out the same one (unlike TinyDB's counters)."""
    return f"{prefix}-{secrets.token_hex(4)}"


def confidential(default: Any = "", **kwargs: Any) -> Any:
    """A field that must never reach a copy meant for someone else (marked in the schema)."""
    extra: JsonDict = {"x-confidential": True}
    if "default_factory" in kwargs:
        return Field(json_schema_extra=extra, **kwargs)
    return Field(default, json_schema_extra=extra, **kwargs)


def is_confidential(model: type[BaseModel], field: str) -> bool:
    info = model.model_fields.get(field)
    extra = info.json_schema_extra if info else None
    return isinstance(extra, dict) and bool(extra.get("x-confidential"))


def without_confidential(model: type[BaseModel], doc: Any) -> Any:
    """`doc` (a stored document of `model`) without any field the schema marks confidential.

    Derived from the `x-confidential` marks, so a field marked tomorrow is dropped with no
    change here. An item flagged `confidential` as a whole (a health condition) keeps only
    its id and non-text values. Dropped keys read back as their defaults.
    """
    if not isinstance(doc, dict):
        return doc
    out: dict[str, Any] = {}
    whole_item_confidential = doc.get("confidential") is True
    for key, value in doc.items():
        if is_confidential(model, key):
            continue
        if whole_item_confidential and key != "id" and isinstance(value, str):
            continue
        info = model.model_fields.get(key)
        out[key] = _strip_value(info.annotation, value) if info else value
    return out


def _strip_value(annotation: Any, value: Any) -> Any:
    """`value` held by a field typed `annotation`, with confidential fields of any model in it
    dropped: `X`, `X | None`, `list[X]`, `dict[str, X]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return without_confidential(annotation, value)
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is list and args and isinstance(value, list):
        return [_strip_value(args[0], item) for item in value]
    if origin is dict and len(args) == 2 and isinstance(value, dict):
        return {key: _strip_value(args[1], item) for key, item in value.items()}
    # A union: each member in turn (dropping for a member the value is not is harmless).
    for arg in args if origin is not list and origin is not dict else ():
        value = _strip_value(arg, value)
    return value
