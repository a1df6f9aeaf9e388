"""What each intake step asks: fields by Case path and kind (the form is built from these)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Kinds: text, email, date, int, area (long text), lines (one item per line), select
# (vocabulary or fixed options), level (supervision level 1-5), yesno (unanswered/yes/no),
# multi (several vocabulary codes), bool (a checkbox), optional (a checkbox that
# creates or removes an optional part, e.g. the absence).


@dataclass(frozen=True)
class Field:
    path: str  # absolute, or relative to the item inside a ListSection
    label: str
    kind: str = "text"
    vocab: str = ""  # vocabulary name for select / multi
    options: tuple[tuple[str, str], ...] = ()  # fixed choices when there is no vocabulary
    placeholder: str = ""
    make: Callable[[], Any] | None = None  # for kind "optional": builds the part when ticked
    classes: str = ""  # e.g. "confidential"
    # A meeting's date: warn (never refuse) when it is not a working day.
    working_day: bool = False


@dataclass(frozen=True)
class ListSection:
    """Rows the user adds and removes within a step (concerns, conditions, documents)."""

    path: str  # e.g. "request.concerns"
    noun: str  # "concern": used in "Add a concern" (article chosen by the form)
    fields: tuple[Field, ...]
    make: Callable[[], Any]
    hint: str = ""


@dataclass(frozen=True)
class Note:
    """A line of guidance in the form (not a field)."""

    text: str
    classes: str = ""


Part = Field | ListSection | Note


@dataclass(frozen=True)
class StepSpec:
    key: str
    parts: tuple[Part, ...] = field(default_factory=tuple)


def field_paths(parts: tuple[Part, ...]) -> list[str]:
    """Every absolute path a step's top-level fields and lists use (for placing messages)."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, Field | ListSection):
            out.append(part.path)
    return out
