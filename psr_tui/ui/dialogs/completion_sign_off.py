"""The responsible director signs off the extent of completion and agrees follow-up (003)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, RadioSet, Static

from ...domain.case import Case
from ...domain.completion import completion_outstanding, sign_off_completion
from ..widgets.form_field import FormField, date_check, required_check
from ..widgets.objective_progress_form import ObjectiveProgressForm
from ..widgets.ticks import RadioChoice
from ..wording import in_markup
from .case_save import CaseDialog
from .confirm import ConfirmDialog

DIRECTOR_ROLE = "responsible_officer"


class CompletionSignOffDialog(CaseDialog):
    PROBLEM_LINE = "sign-error"
    FIELD_FOR_PATH = {"completion.signed_by": "sign-name",
                      "completion.signed_on": "sign-date",
                      "completion.follow_up": "sign-follow-up"}
    HELP = """# Sign off completion

The responsible director signs off the extent of completion: choose the outcome (arrows,
Enter), check the name, role and date, and record the follow-up arrangements agreed with
the practitioner, and the final position against each objective (pre-filled from the last
review's ratings). Enter in the last field or ctrl+s signs off. When something is still
open (review points not held, supervision short of full scope, a condition in force), the
dialog lists it and asks once more: y signs off all the same, n goes back.
"""
    BINDINGS = [
        Binding("ctrl+s", "save", "Sign off"),
    ]

    def compose(self) -> ComposeResult:
        plan = self.case.plan
        director = next((r for r in plan.roles if r.role == DIRECTOR_ROLE), None) if plan else None
        role_label = self.psr.vocab["roles"].label(DIRECTOR_ROLE)
        with VerticalScroll(id="sign-box", can_focus=False):
            yield Static(f"[b]Sign off completion[/b] · {in_markup(self.case.practitioner_name)}")
            yield Label("Outcome")
            with RadioSet(id="sign-outcome"):
                for label, code in self.psr.vocab["completion_outcomes"].options():
                    yield RadioChoice(label, id=f"outcome-{code}")
            yield FormField("Responsible director", director.person if director else "",
                            field_id="sign-name", check=required_check)
            yield FormField("Role", role_label, field_id="sign-role")
            yield FormField("Date", self.psr.today().isoformat(), field_id="sign-date",
                            check=date_check(True))
            yield FormField("Follow-up arrangements agreed with the practitioner",
                            field_id="sign-follow-up", check=required_check)
            if plan is not None:  # the final position, from the last review's ratings
                yield ObjectiveProgressForm(plan, self.psr.vocab["objective_progress"],
                                            id="final-progress")
            yield Static("", id="sign-error")
            yield Static("ctrl+s sign off · Esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#sign-outcome", RadioSet).focus(scroll_visible=False)
        # Keep the title in view: focusing the first field would scroll it away.
        self.call_after_refresh(self.query_one("#sign-box").scroll_home, animate=False)

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        pressed = self.query_one("#sign-outcome", RadioSet).pressed_button
        if pressed is None:
            self.show_problem("Choose the outcome of the plan.")
            return
        for field_id in ("sign-name", "sign-date", "sign-follow-up"):
            if self._field(field_id).validate_now():
                self._field(field_id).input.focus()
                return
        outcome = (pressed.id or "").removeprefix("outcome-")
        name, role = self._field("sign-name").value, self._field("sign-role").value
        signed_on = self._field("sign-date").as_date()
        follow_up = self._field("sign-follow-up").value
        forms = self.query(ObjectiveProgressForm)
        final = forms.first().progress() if forms else None
        assert signed_on is not None
        vocab, today = self.psr.vocab, self.psr.today()

        def change(case: Case) -> None:
            sign_off_completion(case, outcome, name, role, signed_on, follow_up,
                                today=today, vocab=vocab, objective_progress=final)

        if self.refused_beforehand(change):
            return
        summary = f"{vocab['completion_outcomes'].label(outcome)} (signed by {name})"
        outstanding = completion_outstanding(self.case, outcome, vocab)
        if not outstanding:
            self.save_and_close(change, "completion.sign_off", summary)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:  # the audit keeps what the director signed off over
                self.save_and_close(change, "completion.sign_off",
                                    f"{summary}; signed despite: {'; '.join(outstanding)}")

        listed = "".join(f"\n• {item}" for item in outstanding)
        self.app.push_screen(ConfirmDialog(
            f"Still outstanding:{listed}\n\n"
            f"Sign off '{vocab['completion_outcomes'].label(outcome)}' all the same?",
            yes="Sign off", no="Go back",
        ), confirmed)
