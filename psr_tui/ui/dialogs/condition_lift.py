"""Record that a condition on practice was lifted: which one, by whose decision (a decision
in the plan, the regulator, the organisation), who decided, when and on what evidence
(issue 10, hazard H02). The rule is domain/conditions.lift_condition; from then on the
condition sets no supervision floor.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, RadioSet, Static

from ...domain.case import Case, Condition
from ...domain.conditions import LIFTERS, lift_condition, liftable
from ...domain.supervision import condition_name, describe_condition
from ..saving import Refusal
from ..widgets.form_field import FormField, date_check, required_check
from ..widgets.ticks import RadioChoice
from ..wording import in_markup
from .case_save import CaseDialog

ACTION = "condition.lift"  # access.CONDITION_LIFT


def condition_choice(case: Case, condition: Condition) -> str:
    """How the dialog lists a condition: what it is, and a planned lifting if any."""
    text = describe_condition(case, condition)
    if condition.lifted_at_stage is not None:
        text += f" (planned: lifted on entry to stage {condition.lifted_at_stage})"
    return text


class ConditionLiftDialog(CaseDialog):
    PROBLEM_LINE = "lift-error"
    # The rule's paths end in the field (request.conditions[ID].lifted.<field>).
    FIELD_FOR_SUFFIX = {".lifted.decided_by": "lift-decided-by",
                        ".lifted.lifted_on": "lift-on", ".lifted.evidence": "lift-evidence"}
    HELP = """# Lift a condition

Record that a condition on practice has ended: choose the condition and who lifted it
(arrows, Enter), name the person who decided, the date and the evidence (a letter, a
review's outcome). From then on the condition sets no supervision floor; it stays in the
plan and in every copy as lifted. ctrl+s (or Enter in the last field) saves; Esc asks
before dropping what you typed.
"""
    BINDINGS = [Binding("ctrl+s", "save", "Save")]

    def __init__(self, case: Case) -> None:
        super().__init__(case)
        self.conditions = liftable(case)  # the copy this user sees (confidential dropped)

    def compose(self) -> ComposeResult:
        vocab = self.psr.vocab
        with VerticalScroll(id="lift-box", can_focus=False):
            yield Static(f"[b]Lift a condition[/b] · {in_markup(self.case.practitioner_name)}")
            yield Label("Condition")
            with RadioSet(id="lift-condition"):
                for n, condition in enumerate(self.conditions):
                    yield RadioChoice(in_markup(condition_choice(self.case, condition)),
                                      value=n == 0, id=f"lift-cnd-{n}")
            yield Label("Lifted by")
            with RadioSet(id="lift-by"):
                for label, code in vocab[LIFTERS].options():
                    yield RadioChoice(in_markup(label), id=f"lift-by-{code}")
            yield FormField("Who decided", field_id="lift-decided-by", check=required_check)
            yield FormField("Lifted on", self.psr.today().isoformat(), field_id="lift-on",
                            check=date_check(True), placeholder="YYYY-MM-DD")
            yield FormField("On what evidence", field_id="lift-evidence", check=required_check)
            yield Static("", id="lift-error")
            yield Static("ctrl+s save · Esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#lift-condition", RadioSet).focus(scroll_visible=False)
        self.call_after_refresh(self.query_one("#lift-box").scroll_home, animate=False)

    def on_input_submitted(self) -> None:
        self.action_save()

    def show_refusal(self, refusal: Refusal) -> None:
        for suffix, field_id in self.FIELD_FOR_SUFFIX.items():
            if refusal.path.endswith(suffix):
                self._field(field_id).show_error(refusal.message)
        super().show_refusal(refusal)

    def action_save(self) -> None:
        chosen = self.query_one("#lift-condition", RadioSet).pressed_index
        if not 0 <= chosen < len(self.conditions):
            self.show_problem("Choose the condition that was lifted.")
            return
        lifter = self.query_one("#lift-by", RadioSet).pressed_button
        if lifter is None:
            self.show_problem("Choose who lifted it.")
            return
        for field_id in ("lift-decided-by", "lift-on", "lift-evidence"):
            if self._field(field_id).validate_now():
                self._field(field_id).input.focus()
                return
        condition = self.conditions[chosen]
        by = (lifter.id or "").removeprefix("lift-by-")
        decided_by = self._field("lift-decided-by").value
        lifted_on = self._field("lift-on").as_date()
        evidence = self._field("lift-evidence").value
        assert lifted_on is not None
        vocab, today, user = self.psr.vocab, self.psr.today(), self.psr.user
        sees = self.psr.identity.sees_confidential
        condition_id = condition.id

        def change(case: Case) -> None:
            lift_condition(case, condition_id, by=by, decided_by=decided_by,
                           lifted_on=lifted_on, evidence=evidence, user=user, today=today,
                           vocab=vocab, sees_confidential=sees)

        if self.refused_beforehand(change):
            return
        # The audit trail is read by the organisation too: a confidential one stays unnamed.
        summary = (f"lifted {condition_name(self.case, condition, vocab)} on "
                   f"{lifted_on.isoformat()} ({decided_by})")
        self.save_and_close(change, ACTION, summary)
