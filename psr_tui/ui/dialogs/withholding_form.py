"""Record PSR's decision on an organisation's request that the practitioner not have the plan
yet (seed 000 7.1 note): who asked, withhold or refuse, the reasons (written to both), and
whether the practitioner is not to be contacted now, and why. The rule is
domain/withholding.decide_withholding; the letters are the register's withholding-letter.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, RadioSet, Static

from ...domain.case import Case
from ...domain.withholding import decide_withholding, decision_summary
from ..widgets.form_field import FormField, required_check
from ..widgets.ticks import RadioChoice, TickBox
from ..wording import in_markup
from .case_save import CaseDialog

ACTION = "plan.withhold"  # access: PLAN_EDIT

# (label, withhold?) in the order offered: the request granted first.
DECISIONS = (("Withhold the plan from the practitioner for now", True),
             ("Refuse the request: the practitioner has the plan as usual", False))


class WithholdingDialog(CaseDialog):
    PROBLEM_LINE = "withhold-error"
    FIELD_FOR_PATH = {
        "withholding.requested_by": "withhold-requested-by",
        "withholding.reasons": "withhold-reasons",
        "withholding.not_told_reason": "withhold-not-told-reason",
    }
    HELP = """# Withhold the plan from the practitioner

The organisation may ask that the practitioner not have the plan yet (their ill-health,
or support not yet in place). Record who asked, the decision (arrows, Enter), and its
reasons: they are written to both in the withholding letter (`t` on plan progress).
Tick "not to be contacted now" only for the practitioner's ill-health or another valid
reason, and give it: their letter then waits until the plan is released (`r`).
ctrl+s (or Enter in the last field) saves; Esc asks before dropping what you typed.
"""
    BINDINGS = [Binding("ctrl+s", "save", "Save")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="withhold-box", can_focus=False):
            yield Static("[b]Request to withhold the plan[/b] · "
                         f"{in_markup(self.case.practitioner_name)}")
            yield FormField("Who at the organisation asked", field_id="withhold-requested-by",
                            check=required_check)
            yield Label("Decision")
            with RadioSet(id="withhold-decision"):
                for n, (label, _withhold) in enumerate(DECISIONS):
                    yield RadioChoice(label, value=n == 0, id=f"withhold-decision-{n}")
            yield FormField("Reasons (written to both)", field_id="withhold-reasons",
                            check=required_check)
            yield TickBox("The practitioner is not to be contacted now", id="withhold-not-told")
            yield FormField("Why not (their ill-health or another valid reason)",
                            field_id="withhold-not-told-reason")
            yield Static("", id="withhold-error")
            yield Static("ctrl+s save · Esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self._field("withhold-requested-by").input.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter moves on through the form; in its last field it saves.
        if event.input.id == "input-withhold-not-told-reason":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        for field_id in ("withhold-requested-by", "withhold-reasons"):
            if self._field(field_id).validate_now():
                self._field(field_id).input.focus()
                return
        index = self.query_one("#withhold-decision", RadioSet).pressed_index
        if not 0 <= index < len(DECISIONS):
            self.show_problem("Choose the decision: withhold or refuse.")
            return
        withhold = DECISIONS[index][1]
        requested_by = self._field("withhold-requested-by").value
        reasons = self._field("withhold-reasons").value
        told = not self.query_one("#withhold-not-told", TickBox).value
        not_told_reason = "" if told else self._field("withhold-not-told-reason").value
        user, today = self.psr.user, self.psr.today()

        def change(case: Case) -> None:
            decide_withholding(case, withhold=withhold, requested_by=requested_by,
                               reasons=reasons, user=user, today=today,
                               practitioner_told=told, not_told_reason=not_told_reason)

        if self.refused_beforehand(change):
            return
        self.save_and_close(change, ACTION, decision_summary(withhold, reasons.strip()))
