"""The plan progress screen's records of what happens between reviews: `n` logs a
supervisor meeting, an assessment or an MSF round (supervisors and advisers:
access.REVIEW_RECORD), `l` records that a condition was lifted (advisers, the
organisation lead and the responsible officer: access.CONDITION_LIFT). Each is offered
only when it could apply; the store refuses anyone else again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from ...domain.access import CONDITION_LIFT, REVIEW_RECORD
from ...domain.case import Case
from ...domain.conditions import liftable
from ...domain.progress_log import LOGGABLE_STATES
from ..dialogs.condition_lift import ConditionLiftDialog
from ..dialogs.log_entry import LogEntryDialog

if TYPE_CHECKING:
    from ...app import PsrApp

RECORD_BINDINGS = [
    Binding("n", "log_entry", "Log meeting/assessment", show=False),
    Binding("l", "lift_condition", "Lift condition", show=False),
]
RECORD_ACTIONS = frozenset(b.action for b in RECORD_BINDINGS)
RECORD_OPERATIONS = {"log_entry": REVIEW_RECORD, "lift_condition": CONDITION_LIFT}
RECORD_HELP = """
- `n` logs what happened between reviews: a supervisor meeting, a workplace-based
  assessment with its rating, an MSF round (dated, and who held it). The next review's
  outcome form starts from what was logged since the last review.
- `l` records that a condition on practice was lifted: who decided, when, on what
  evidence. From then on it sets no supervision floor.
"""


class PlanRecordActions:
    """Mixed into PlanProgressScreen, which provides these."""

    case: Case | None
    psr: PsrApp

    def reload(self) -> None: ...
    def _after_save(self, case: Case | None) -> None: ...

    def record_allowed(self, action: str) -> bool:
        """Whether the key applies to this case now (the role is checked by OPERATIONS)."""
        case = self.case
        if case is None or case.plan is None:
            return False
        if action == "log_entry":
            return case.state in LOGGABLE_STATES
        if action == "lift_condition":
            return bool(liftable(case))
        return False

    def action_log_entry(self) -> None:
        self.reload()  # the dialog starts from what is stored now
        if self.case is not None and self.record_allowed("log_entry"):
            self.psr.push_screen(LogEntryDialog(self.case), self._after_save)

    def action_lift_condition(self) -> None:
        self.reload()
        if self.case is not None and self.record_allowed("lift_condition"):
            self.psr.push_screen(ConditionLiftDialog(self.case), self._after_save)
