"""Shared building blocks for the domain models."""

from __future__ import annotations

import secrets
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base for every stored model: unknown keys are an error, not silently dropped."""

    # defer_build: schemas are built on first use, not at import (a faster first frame).
    model_config = ConfigDict(extra="forbid", validate_assignment=False, defer_build=True)


def new_id(prefix: str) -> str:
    """Random ids, so two processes never hand out the same one (unlike TinyDB's counters)."""
    return f"{prefix}-{secrets.token_hex(4)}"


def confidential(default: Any = "", **kwargs: Any) -> Any:
    """A field that must never reach a copy meant for someone else (marked in the schema)."""
    extra = {"x-confidential": True}
    if "default_factory" in kwargs:
        return Field(json_schema_extra=extra, **kwargs)
    return Field(default, json_schema_extra=extra, **kwargs)


def is_confidential(model: type[BaseModel], field: str) -> bool:
    info = model.model_fields.get(field)
    extra = info.json_schema_extra if info else None
    return isinstance(extra, dict) and bool(extra.get("x-confidential"))
