"""Audit events: who changed what, and when (every write records one)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from .base import Record, new_id


class AuditEvent(Record):
    id: str = Field(default_factory=lambda: new_id("evt"))
    case_id: str
    at: datetime
    user: str
    action: str
    summary: str = ""
    revision: int = 0
    changes: list[str] = Field(default_factory=list)  # dotted paths that changed
    # Brought in by an import and not verifiable here (store/audit_seal.py): shown as such.
    imported: bool = False
    prev: str = ""  # SHA-256 of the previous event of this case ("" for the first)
    seal: str = ""  # HMAC-SHA256 with the database's key ("" before sealing began)


def changed_paths(before: Any, after: Any, prefix: str = "", limit: int = 50) -> list[str]:
    """Dotted paths that differ between two JSON-like values (lists compared by index)."""
    out: list[str] = []

    def walk(a: Any, b: Any, path: str) -> None:
        if len(out) >= limit or a == b:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for key in sorted(set(a) | set(b), key=str):
                walk(a.get(key), b.get(key), f"{path}.{key}" if path else str(key))
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                walk(x, y, f"{path}[{i}]")
        else:
            out.append(path or "(root)")

    walk(before, after, prefix)
    return out
