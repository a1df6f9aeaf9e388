"""The intake wizard: one screen per case, one step of the request form at a time (000 s4-5)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Select, Static

from ....domain.access import INTAKE, PLAN_EDIT, may
from ....domain.case import Case, RequestDecision
from ....domain.deadlines import case_deadlines, discussions_completed_on
from ....domain.lifecycle import DECIDABLE_STATES
from ....domain.plan_templates import choose_template, shipped_plan_templates
from ....domain.validation import INTAKE_STEPS, FieldError, parse_date, validate_step
from ....domain.vocabulary import VocabularyError
from ....store.errors import StoreError
from ...dialogs.confirm import ConfirmDialog
from ...messages import CasesChanged
from ...saving import Refusal, save_case
from ...widgets.key_footer import KeyFooter
from ...widgets.step_list import StepList
from ...wording import fitted, problem_line
from ..base import PsrScreen
from .form_area import INTAKE_HELP, KEYS, FormArea
from .meeting_steps import PLAN_START, STEP_SPECS
from .saving import Change, begin_plan, copy_step, decide, save_step, step_fields_equal
from .specs import Note, Part
from .status import deadline_line, decision_summary, done_steps
from .step_form import StepForm

LAST = len(INTAKE_STEPS) - 1


class IntakeScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Intake"
    HELP = INTAKE_HELP
    # Moving between steps saves the step: an adviser's job, like the plan it starts.
    OPERATIONS = {"next_step": INTAKE, "back_step": INTAKE, "start_plan": PLAN_EDIT,
                  "reload": INTAKE}
    BINDINGS = [
        Binding("ctrl+n", "next_step", "Next"),
        Binding("ctrl+b", "back_step", "Back"),
        Binding("f5", "start_plan", "Start plan"),
        Binding("ctrl+r", "reload", "Reload the case", show=False),
        Binding("escape", "back", "Save and leave"),
    ]

    def __init__(self, case_id: str) -> None:
        super().__init__()
        self.case_id = case_id
        self.case = Case(id=case_id)
        self.draft = Case(id=case_id)
        self.raw: dict[str, str] = {}
        self.extra: dict[str, str] = {}
        self.step = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="intake-title")
        yield Static("", id="intake-status")
        with Horizontal(id="intake-body"):
            yield StepList(id="intake-steps")
            yield FormArea(id="intake-form-area")
        yield Static("", id="intake-message", classes="-empty")
        yield KeyFooter()

    async def on_mount(self) -> None:
        try:
            self.case = self.psr.store.get(self.case_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            self.app.pop_screen()
            return
        if not may(self.psr.identity, INTAKE, self.case):
            # Home opens plan progress for every other role; this is the guard behind it:
            # the intake holds the discussions' practitioner notes and health details.
            self.notify("Only the PSR case adviser works on the intake.", severity="warning")
            self.app.pop_screen()
            return
        self.draft = self.case.model_copy(deep=True)
        self.step = min(max(self.case.intake_step, 0), LAST)
        await self.show_step()

    # -- showing ----------------------------------------------------------------------------
    @property
    def key(self) -> str:
        return INTAKE_STEPS[self.step][0]

    @property
    def form(self) -> StepForm:
        return self.query_one(StepForm)

    def decision_open(self) -> bool:
        return self.case.state in DECIDABLE_STATES

    def parts(self) -> tuple[Part, ...]:
        if self.key == "decision" and not self.decision_open():
            return (Note(decision_summary(self.case, self.psr.vocab)),)
        if self.key == "discussions":
            if self.case.state != "accepted" and self.case.plan is None:
                return (Note("The discussions follow once the request is accepted."),)
            if self.case.state == "accepted":
                return STEP_SPECS["discussions"].parts + PLAN_START
        return STEP_SPECS[self.key].parts

    async def show_step(self, focus: bool = True) -> None:
        if self.key == "decision" and self.decision_open() and self.draft.decision is None:
            self.draft.decision = RequestDecision()
        if self.key == "discussions" and not self.extra:
            self.extra.update({"plan.start_date": "", "plan.months": "6"})
        area = self.query_one("#intake-form-area", VerticalScroll)
        await area.remove_children()
        title = INTAKE_STEPS[self.step][1]
        await area.mount(
            Static(f"Step {self.step + 1}/{LAST + 1}: {title}", classes="step-heading"),
            StepForm(self.parts(), self.draft, self.raw, self.psr.vocab, self.extra),
            Horizontal(id="step-nav"),
        )
        await self.show_nav()
        area.scroll_home(animate=False)
        self.refresh_header()
        if focus:
            focusable = [w for w in self.form.query("*") if w.can_focus]
            if focusable:
                # No scrolling to it: the form starts at its top, heading and label in view.
                # On a loaded machine the scroll used the old step's layout and left the
                # first field at the top with its label scrolled away.
                focusable[0].focus(scroll_visible=False)

    async def show_nav(self) -> None:
        """The step's buttons: Back, Next, and Start plan once the intake allows it."""
        nav = self.query_one("#step-nav", Horizontal)
        await nav.remove_children()
        await nav.mount(Button("Back", id="step-back", disabled=self.step == 0),
                        Button("Next", id="step-next", variant="primary"))
        if self.can_start_plan():
            await nav.mount(Button("Start plan (F5)", id="step-start", variant="success"))

    def refresh_header(self) -> None:
        req, vocab = self.case.request, self.psr.vocab
        who = req.practitioner.name or "(practitioner not named yet)"
        org = f" · {req.organisation.name}" if req.organisation.name else ""
        state = vocab["lifecycle_states"].label(self.case.state)
        # Whole at 80 columns: a long name and organisation wrap onto a second line.
        self.query_one("#intake-title", Static).update(
            Text(fitted(f"Intake: {who}{org} · {state}", self.app.size.width - 2, 2)))
        deadlines = deadline_line(case_deadlines(self.case, self.psr.today()))
        self.query_one("#intake-status", Static).update(deadlines or KEYS)
        titles = [title for _key, title in INTAKE_STEPS]
        done = done_steps(self.case, self.psr.vocab, self.psr.today())
        self.query_one(StepList).show(titles, self.step, done)

    def say(self, message: str) -> None:
        line = self.query_one("#intake-message", Static)
        line.update(problem_line(message))
        line.set_class(not message, "-empty")

    # -- checking and saving ----------------------------------------------------------------
    def check_step(self) -> list[FieldError]:
        """Read the form into the draft and return every problem with this step."""
        errors = self.form.collect()
        if self.key == "decision" and not self.decision_open():
            return errors
        if self.key == "discussions" and self.case.state != "accepted":
            return errors
        if self.key == "decision" and self.draft.decision is not None:
            self.draft.decision.decided_on = self.psr.today()
            self.draft.decision.decided_by = self.psr.user
        parsed = {e.path for e in errors}
        rules = validate_step(self.draft, self.key, self.psr.vocab, self.psr.today())
        return errors + [e for e in rules if e.path not in parsed]

    def refuse(self, errors: list[FieldError]) -> None:
        target = self.form.show_errors(errors)
        count = len(errors)
        self.notify(f"This step has {count} problem{'s' * (count > 1)}: {errors[0].message}",
                    title="Not saved", severity="warning")
        if target is not None:
            focusable = [w for w in [target, *target.query("*")] if w.can_focus]
            if focusable:
                focusable[0].focus()
            self.query_one("#intake-form-area").scroll_to_widget(target, animate=False)

    def changed(self) -> bool:
        return not step_fields_equal(self.draft, self.case, self.key)

    def save_current(self, reached: int) -> bool:
        """Save the (valid) current step; False when the store refused and we stay."""
        if self.key == "decision" and self.decision_open():
            change = decide(self.draft, self.psr.user, self.psr.today(), self.psr.vocab, reached)
            return self.write(change, "decided on the request", "decision")
        if not self.changed() and reached <= self.case.intake_step:
            self.app.clear_notifications()  # the step is fine now: no stale "Not saved"
            return True
        title = INTAKE_STEPS[self.step][1]
        return self.write(save_step(self.draft, self.key, reached), f"intake: {title}", "intake")

    def write(self, change: Change, summary: str, action: str) -> bool:
        saved = save_case(self.psr, self.case_id, change, action, summary,
                          expected_revision=self.case.revision)
        if isinstance(saved, Refusal):
            self.show_refusal(saved)
            return False
        self.say("")
        self.app.clear_notifications()  # an earlier "Not saved" no longer holds
        self.case = saved
        copy_step(saved, self.draft, self.key)  # e.g. the decision's date and author
        self.draft.state, self.draft.plan = saved.state, saved.plan
        self.draft.revision, self.draft.intake_step = saved.revision, saved.intake_step
        return True

    def show_refusal(self, refusal: Refusal) -> None:
        """A rule under its field; a conflict or the disk on the message line. The step's
        values stay as typed."""
        if refusal.kind in ("rule", "recorded"):
            self.form.show_errors([FieldError(refusal.path, refusal.message)])
            self.notify(refusal.message, title="Not saved", severity="error")
            return
        hint = " ctrl+r reloads it." if refusal.conflict else ""
        self.say(f"{refusal.message}{hint}")
        self.notify(refusal.message, title="Not saved", severity="error", timeout=10)

    async def move(self, delta: int) -> None:
        target = min(max(self.step + delta, 0), LAST)
        errors = self.check_step()
        if errors:
            if delta > 0:
                self.refuse(errors)
                return
            self.notify("This step was not saved: it has problems. Your values are kept "
                        "while the case is open.", severity="warning")
        elif not self.save_current(reached=max(target, self.step)):
            return
        if target == self.step:
            self.form.show_errors([])
            if self.can_start_plan():
                # Said only when F5 will work: the start date sits below the fold.
                self.notify("Intake complete: F5 starts the plan." if not self.start_errors()
                            else "Intake complete: enter when the plan starts (below), "
                            "then F5 starts it.")
            if self.key == "decision":  # the form shows the decision's date and author
                await self.show_step(focus=False)
            else:
                # The form already shows what was saved: rebuilding it would lay out every
                # field again (a long note's text area re-wraps all of it, ~1 s a MB).
                await self.show_nav()
                self.refresh_header()
            return
        self.step = target
        await self.show_step()

    # -- actions ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.permits(action, parameters):
            return False
        if action == "start_plan":  # on the last step of an accepted case (it saves the step)
            return self.key == "discussions" and self.case.state == "accepted"
        if action == "back_step":
            return self.step > 0
        return super().check_action(action, parameters)

    def start_errors(self) -> list[FieldError]:
        """What F5 still needs of the plan's start (typed on the discussions step, kept
        beside the case until the plan exists)."""
        start, months = self.extra.get("plan.start_date", ""), self.extra.get("plan.months", "")
        errors = []
        if not start:
            errors.append(FieldError("plan.start_date", "enter the date the plan starts"))
        if not months.isdigit() or int(months) < 1:
            errors.append(FieldError("plan.months", "enter the plan's length in months"))
        return errors

    def can_start_plan(self) -> bool:
        return (self.case.state == "accepted" and self.key == "discussions"
                and discussions_completed_on(self.case) is not None)

    async def action_next_step(self) -> None:
        await self.move(+1)

    async def action_back_step(self) -> None:
        await self.move(-1)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"step-next": self.action_next_step, "step-back": self.action_back_step,
                   "step-start": self.action_start_plan}
        if event.button.id in actions:
            event.stop()
            await actions[event.button.id]()

    async def action_back(self) -> None:
        errors = self.check_step()
        if errors and is_blank_new_case(self.case):
            await self.leave_new_case()
            return
        if not errors:
            if self.save_current(reached=self.step):
                self.app.pop_screen()
            return
        if not self.changed():
            self.app.pop_screen()
            return
        self.form.show_errors(errors)

        def answer(discard: bool | None) -> None:
            if discard:
                self.app.pop_screen()

        self.app.push_screen(ConfirmDialog(
            "This step has problems and cannot be saved. Discard your changes to it and "
            "leave?", yes="Discard and leave", no="Stay"), answer)

    async def leave_new_case(self) -> None:
        """Esc on a case never saved past its creation: do not leave an empty row behind."""

        def discard() -> None:
            try:
                self.psr.store.discard_new(self.case_id, is_blank_new_case)
            except StoreError as exc:
                self.notify(str(exc), severity="error")
            for screen in self.app.screen_stack:
                screen.post_message(CasesChanged(frozenset({self.case_id})))
            self.app.pop_screen()

        if not self.changed():
            discard()
            return

        def answer(yes: bool | None) -> None:
            if yes:
                discard()

        self.app.push_screen(ConfirmDialog(
            "This new case has nothing saved yet (the first step has problems). Discard it "
            "and leave?", yes="Discard the case", no="Stay"), answer)

    async def action_reload(self) -> None:
        self.form.collect()
        try:
            fresh = self.psr.store.get(self.case_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        draft = fresh.model_copy(deep=True)
        if not (self.key == "decision" and fresh.state not in DECIDABLE_STATES):
            copy_step(self.draft, draft, self.key)  # keep what was typed on this step
        self.case, self.draft = fresh, draft
        self.say("")
        await self.show_step(focus=False)
        self.notify("Reloaded the latest version; your values on this step are kept: "
                    "Next saves them.")

    async def action_start_plan(self) -> None:
        if not self.can_start_plan():
            # Save what was just typed first: F5 straight after the discussions should work.
            errors = self.check_step()
            if errors:
                self.refuse(errors)
                return
            if not self.save_current(reached=self.step):
                return
            if not self.can_start_plan():
                self.notify("Record at least one discussion (or that the practitioner did "
                            "not engage and the organisation was consulted) first.",
                            title="Cannot start the plan yet", severity="warning")
                return
        errors = self.check_step() + self.start_errors()
        start, months = self.extra.get("plan.start_date", ""), self.extra.get("plan.months", "")
        if errors:
            self.refuse(errors)
            return
        try:
            template = choose_template(self.draft, shipped_plan_templates(self.psr.vocab),
                                       self.psr.vocab)
        except VocabularyError as exc:  # an organisation's own template file is malformed
            self.notify(str(exc), title="Plan not started", severity="error", timeout=15)
            return
        change = begin_plan(self.draft, parse_date(start), int(months), self.psr.today(),
                            self.psr.vocab, template)
        if not self.write(change, "plan started (first draft)", "start_plan"):
            return
        if template is not None:
            self.notify(f"Drafted from the template '{template.label}': "
                        "edit anything in it.")
        self.open_plan_builder()

    def open_plan_builder(self) -> None:
        try:
            from ..plan_builder import PlanBuilderScreen
        except ImportError:
            self.notify("Plan started; the plan builder is not available in this version.")
            self.app.pop_screen()
            return
        self.app.switch_screen(PlanBuilderScreen(self.case_id))

    def on_select_changed(self, event: Select.Changed) -> None:
        self.say("")

    def cases_changed(self, case_ids: frozenset[str]) -> None:
        if self.case_id in case_ids:
            self.say("Someone else changed this case: ctrl+r reloads it (what you typed here "
                     "is kept).")


def is_blank_new_case(case: Case) -> bool:
    """A case made by 'new case' and never saved into: no practitioner, no organisation.

    Imported and demo cases also sit at revision 1, but they are never blank.
    """
    request = case.request
    return (case.revision == 1 and case.state == "request" and not request.practitioner.name
            and not request.organisation.name)
