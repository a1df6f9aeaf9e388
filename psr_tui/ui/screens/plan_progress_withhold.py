"""Plan progress's keys for withholding the plan from the practitioner (seed 000 7.1 note):
`h` records PSR's decision on the organisation's request, `r` releases a withheld plan,
`t` writes the withholding letter to both. Deciding and releasing are editing the plan
(access.PLAN_EDIT: advisers); the letter goes through the export register like every
other document (access.export_refusal decides who may).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from ...domain.access import PLAN_EDIT
from ...domain.case import Case
from ...domain.withholding import (
    RELEASE_SUMMARY,
    WITHHOLDABLE_STATES,
    is_withheld,
    release_plan,
)
from ..dialogs.confirm import ConfirmDialog
from ..dialogs.withholding_form import WithholdingDialog
from ..saving import Refusal, save_case

if TYPE_CHECKING:
    from ...app import PsrApp

WITHHOLD_BINDINGS = [
    Binding("h", "withhold", "Withhold plan", show=False),
    Binding("r", "release", "Release plan", show=False),
    Binding("t", "export_withholding_letter", "Withholding letter", show=False),
]
WITHHOLD_ACTIONS = frozenset({"withhold", "release"})
WITHHOLD_OPERATIONS = {"withhold": PLAN_EDIT, "release": PLAN_EDIT}
WITHHOLD_HELP = """
- `h` records the organisation's request to withhold the plan from the practitioner (who
  asked, withhold or refuse, the reasons, and whether the practitioner is not to be
  contacted now, and why); `r` releases a withheld plan to the practitioner. While it is
  withheld the practitioner sees neither the case nor any copy of the plan.
- `t` exports the withholding letter (the decision and its reasons, one copy for the
  organisation and one for the practitioner).
"""


class PlanWithholdActions:
    """Mixed into PlanProgressScreen, which provides these."""

    case: Case | None
    case_id: str
    psr: PsrApp

    def reload(self) -> None: ...
    def _after_save(self, case: Case | None) -> None: ...

    def withhold_allowed(self, action: str) -> bool:
        """Whether the key applies to this case now (the role is checked by OPERATIONS)."""
        case = self.case
        if case is None or case.plan is None:
            return False
        if action == "withhold":
            return case.state in WITHHOLDABLE_STATES and not is_withheld(case)
        if action == "release":
            return is_withheld(case)
        return False

    def action_withhold(self) -> None:
        self.reload()  # the dialog starts from what is stored now
        if self.case is not None and self.withhold_allowed("withhold"):
            self.psr.push_screen(WithholdingDialog(self.case), self._after_save)

    def action_release(self) -> None:
        self.reload()
        if self.case is None or not self.withhold_allowed("release"):
            return
        user, today = self.psr.user, self.psr.today()

        def answered(release: bool | None) -> None:
            if not release:
                return
            saved = save_case(self.psr, self.case_id,
                              lambda case: release_plan(case, user=user, today=today),
                              "plan.release", RELEASE_SUMMARY, expected_revision=None)
            if isinstance(saved, Refusal):
                self.psr.notify(saved.message, title="Not released",
                                severity="error")
                return
            self._after_save(saved)
            self.psr.notify("Plan released to the practitioner: write to both (t, the "
                            "withholding letter).")

        self.psr.push_screen(ConfirmDialog(
            "Release the plan to the practitioner? They see the case and their copies "
            "from now on.", yes="Release"), answered)
