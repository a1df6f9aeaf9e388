"""The base of the dialogs that save a case and close (through ui/saving.save_case)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from textual.widgets import Static

from ...domain.case import Case
from ...domain.errors import RuleError
from ..saving import Refusal, save_case
from ..widgets.form_field import FormField
from ..wording import problem_line
from .edit_dialog import EditDialog

if TYPE_CHECKING:
    from ...app import PsrApp

# After a conflict: this dialog has no reload, so the way on is to close and reopen.
CONFLICT_HINT = " Esc closes this dialog; open the case again to see their change."


class CaseDialog(EditDialog["Case | None"]):
    """A dialog that changes one case and closes with the saved Case (None on Esc).

    A refusal (a rule, a conflict, a store problem) keeps it open with everything typed:
    under the field the rule names (FIELD_FOR_PATH) and on the dialog's problem line.
    """

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
        self.query_one(f"#{self.PROBLEM_LINE}", Static).update(problem_line(message))

    def save_and_close(self, change: Callable[[Case], object], action: str,
                       summary: str) -> None:
        if self.refuse_control_text():
            return
        result = save_case(self.psr, self.case.id, change, action, summary,
                           expected_revision=self.case.revision)
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
        hint = CONFLICT_HINT if refusal.conflict else ""
        self.show_problem(refusal.message + hint)
