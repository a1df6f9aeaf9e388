"""Read and write a Case field by a FieldError path ("request.concerns[con-1].title")."""

from __future__ import annotations

import re
from typing import Any

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]+)\])?")


class Missing(LookupError):
    """The path goes through an absent optional part (no absence recorded, a removed item)."""


def _steps(path: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        if match is None:
            raise ValueError(f"bad field path: {path}")
        out.append((match.group(1), match.group(2)))
    return out


def _item(items: list[Any], item_id: str) -> Any:
    for item in items:
        if getattr(item, "id", None) == item_id:
            return item
    raise Missing(item_id)


def _walk(obj: Any, steps: list[tuple[str, str | None]]) -> Any:
    for name, item_id in steps:
        if obj is None:
            raise Missing(name)
        obj = getattr(obj, name)
        if item_id is not None:
            obj = _item(obj, item_id)
    return obj


def get_path(obj: Any, path: str) -> Any:
    """The value at path; Missing when an optional part on the way is None."""
    return _walk(obj, _steps(path))


def set_path(obj: Any, path: str, value: Any) -> None:
    """Set the value at path; Missing when an optional part on the way is None."""
    steps = _steps(path)
    parent = _walk(obj, steps[:-1])
    if parent is None:
        raise Missing(path)
    name, item_id = steps[-1]
    if item_id is None:
        setattr(parent, name, value)
        return
    items = getattr(parent, name)
    for i, item in enumerate(items):
        if getattr(item, "id", None) == item_id:
            items[i] = value
            return
    raise Missing(item_id)


def owner_of(path: str, known: list[str]) -> str | None:
    """The longest known field path that path names or lies inside, for placing a message."""
    best: str | None = None
    for candidate in known:
        inside = path == candidate or path.startswith((candidate + ".", candidate + "["))
        if inside and (best is None or len(candidate) > len(best)):
            best = candidate
    return best
