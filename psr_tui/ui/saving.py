"""The one way the app saves a case: every screen and dialog calls `save_case`.

It turns each refusal into one wording per kind (a rule, a colleague's save first, the
disk or the store), tells the lists about the write, and never raises for a refusal,
so a failed save is a message where it was typed and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from ..domain.case import Case
from ..domain.errors import AlreadyRecorded, RuleError
from ..store import ConflictError, StoreError

if TYPE_CHECKING:
    from ..app import PsrApp

RefusalKind = Literal["rule", "recorded", "conflict", "store"]


@dataclass(frozen=True)
class Refusal:
    message: str
    path: str = ""  # the rule's field path (or a dialog field id), when it names one
    kind: RefusalKind = "rule"

    @property
    def conflict(self) -> bool:
        """Someone else saved first: the screen offers its reload key."""
        return self.kind == "conflict"


def rule_now(app: PsrApp) -> datetime:
    """The moment a rule judges a save by: the app's day (PSR_TUI_TODAY when set, so a
    demo's fixed date reaches saves as it reaches the lists) at the store clock's time."""
    clock = app.store.clock()
    return datetime.combine(app.today(), clock.timetz())


def conflict_wording(exc: ConflictError) -> str:
    return f"Someone else changed this case: {exc}. What you typed is kept."


def store_wording(exc: StoreError) -> str:
    # A StorageFailure reads "the disk is full (writing case-1.json)": the cause in words.
    return f"Not saved: {exc}. What you typed is kept."


def refusal_of(exc: Exception) -> Refusal:
    """The Refusal for an error a save raised (RuleError, any StoreError, ValueError)."""
    if isinstance(exc, AlreadyRecorded):
        return Refusal(str(exc), exc.path, "recorded")
    if isinstance(exc, RuleError):
        return Refusal(str(exc), exc.path, "rule")
    if isinstance(exc, ConflictError):
        return Refusal(conflict_wording(exc), kind="conflict")
    if isinstance(exc, StoreError):
        return Refusal(store_wording(exc), kind="store")
    # A pydantic ValidationError from a change that set a field badly: a rule, in effect.
    return Refusal(f"Not saved: {exc}", kind="rule")


def save_case(
    app: PsrApp, case_id: str, change: Callable[[Case], object], action: str, summary: str,
    *, expected_revision: int | None,
) -> Case | Refusal:
    """Apply `change` to a fresh copy under the case lock and save it; the saved case, or
    why not. expected_revision=None skips the revision check (the change guards itself)."""
    try:
        saved = app.store.update(case_id, change, action, summary,
                                 expected_revision=expected_revision)
    except (RuleError, StoreError, ValueError) as exc:
        return refusal_of(exc)
    app.note_own_write(case_id)
    return saved


def create_case(app: PsrApp, case: Case, summary: str) -> Case | Refusal:
    """Write a new case; the stored case (revision 1), or why not (the disk, a clash, or
    AccessRefused: a role that may not open cases)."""
    try:
        created = app.store.create(case, summary)
    except (RuleError, StoreError) as exc:
        return refusal_of(exc)
    app.note_own_write(created.id)
    return created
