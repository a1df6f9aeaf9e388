"""Saving a case from a dialog: one place that turns the store's refusals into words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...domain.case import Case
from ...domain.errors import RuleError
from ...store import ConflictError, StoreError

if TYPE_CHECKING:
    from ...app import PsrApp

CONFLICT = "Someone else changed this case: close (Esc) and reload it. Nothing was saved."


@dataclass(frozen=True)
class Refusal:
    message: str
    path: str = ""  # the rule's field path, when it names one


def save_case(
    app: PsrApp, case: Case, change: Callable[[Case], object], action: str, summary: str
) -> Case | Refusal:
    """Apply `change` against the revision the dialog opened on; the saved case or why not."""
    try:
        saved = app.store.update(case.id, change, action, summary,  # type: ignore[arg-type]
                                 expected_revision=case.revision)
    except RuleError as exc:
        return Refusal(str(exc), exc.path)
    except ConflictError:
        return Refusal(CONFLICT)
    except StoreError as exc:
        return Refusal(f"Not saved: {exc}")
    app.note_own_write()
    return saved
