"""Saving a case from a dialog: one place that turns the store's refusals into words, and
the base of the dialogs that save a case and close."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from ...domain.case import Case
from ...domain.errors import RuleError
from ...store import ConflictError, StoreError
from ..widgets.form_field import FormField

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
        saved = app.store.update(case.id, change, action, summary,
                                 expected_revision=case.revision)
    except RuleError as exc:
        return Refusal(str(exc), exc.path)
    except ConflictError:
        return Refusal(CONFLICT)
    except StoreError as exc:
        return Refusal(f"Not saved: {exc}")
    app.note_own_write(case.id)
    return saved


class CaseDialog(ModalScreen["Case | None"]):
    """A dialog that changes one case and closes with the saved Case (None on Esc).

    A refusal (a rule, a conflict, a store problem) keeps it open with everything typed:
    under the field the rule names (FIELD_FOR_PATH) and on the dialog's problem line.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]  # merged with each dialog's own
    PROBLEM_LINE = ""  # the id of the dialog's problem Static
    FIELD_FOR_PATH: ClassVar[dict[str, str]] = {}

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    @property
    def psr(self) -> PsrApp:
        return cast("PsrApp", self.app)

    def _field(self, field_id: str) -> FormField:
        return self.query_one(f"#field-{field_id}", FormField)

    def show_problem(self, message: str) -> None:
        self.query_one(f"#{self.PROBLEM_LINE}", Static).update(f"⚠ {message}" if message else "")

    def save_and_close(self, change: Callable[[Case], object], action: str,
                       summary: str) -> None:
        result = save_case(self.psr, self.case, change, action, summary)
        if isinstance(result, Refusal):
            self.show_refusal(result)
            return
        self.dismiss(result)

    def refused_beforehand(self, change: Callable[[Case], object]) -> bool:
        """Run `change` on a copy and show any refusal, so nobody confirms a save that the
        rules then refuse (the save runs them again on a fresh read)."""
        try:
            change(self.case.model_copy(deep=True))
        except RuleError as exc:
            self.show_refusal(Refusal(str(exc), exc.path))
            return True
        return False

    def show_refusal(self, refusal: Refusal) -> None:
        """Under the field the rule names, and on the problem line."""
        field_id = self.FIELD_FOR_PATH.get(refusal.path)
        if field_id:
            self._field(field_id).show_error(refusal.message)
        self.show_problem(refusal.message)

    def action_cancel(self) -> None:
        self.dismiss(None)
