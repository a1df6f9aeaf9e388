"""Record the outcome of one review point: digit picks the outcome, type a note, Enter saves.

The dialog saves itself, so a refusal (a rule, or a colleague who recorded the same review
point first) is shown here and nothing typed is lost. It dismisses with the saved Case.
"""

from __future__ import annotations

import gc

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.case import Case
from ...domain.deadlines import nation_of
from ...domain.plan import ReviewOutcome
from ...domain.progress_log import logged_assessments, logged_summary, since_last_review
from ...domain.review import record_review, stage_move
from ...store import StoreError
from ..saving import Refusal, rule_now, save_case
from ..widgets.evidence_checklist import EvidenceChecklist
from ..widgets.form_field import FormField, date_check, working_day_notice
from ..widgets.objective_progress_form import ObjectiveProgressForm
from ..wording import plain
from .case_save import CaseDialog

RESCHEDULE_EFFECT = "reschedule"


class ReviewOutcomeDialog(CaseDialog):
    PROBLEM_LINE = "outcome-error"
    HELP = """# Record a review outcome

Press the outcome's digit (1-7) or pick it with the arrows and Enter; the cursor moves to
the note. Enter in the note (or ctrl+s anywhere) saves. A review not held asks for the
new date and the reason. Tab reaches the date held, the progress against each objective
(a rating, pre-filled from the last review, and a note) and the evidence checklist: tick
what was seen (Space), and for each assessment type how many were done and their rating.

If a colleague recorded this review point first, nothing is overwritten: your note stays
here and ctrl+o shows their outcome.
"""
    BINDINGS = [
        Binding("ctrl+s", "save", "Save outcome"),
        Binding("ctrl+o", "view_other", "View the outcome already recorded"),
        *[Binding(str(n), f"choose('{n}')", show=False) for n in range(1, 10)],
    ]

    def __init__(self, case: Case, review_point_id: str) -> None:
        # One full collection as the dialog is made, so the save it leads to does not pay
        # for one. A dismissed outcome dialog is cyclic garbage only a full collection
        # frees (it outlived the young ones while in use); some three of them and
        # Textual's drawn lines, walked by the full collection that fell after every third
        # or fourth save, paused the UI 57-148 ms at 20,000 cases. Here it walks one
        # dialog's remains; the dialog appears some 20-30 ms later, of about 300 ms.
        gc.collect()
        super().__init__(case)
        assert case.plan is not None
        rp = case.plan.review_point(review_point_id)
        assert rp is not None
        self.rp = rp
        self.chosen: str = ""
        self.other: ReviewOutcome | None = None  # a colleague's outcome, after a conflict
        self.working_day = working_day_notice(nation_of(case))  # the organisation's holidays

    # ---- layout ----------------------------------------------------------
    def _outcomes(self) -> list[tuple[str, str, str]]:
        """(key, code, label) in the vocabulary's order; `key` is the digit to press."""
        terms = self.psr.vocab["review_outcomes"].terms
        return [(str(t.get("key", i + 1)), t.code, t.label) for i, t in enumerate(terms)]

    def compose(self) -> ComposeResult:
        plan = self.case.plan
        assert plan is not None
        levels = self.psr.vocab["supervision_levels"]
        level = plan.current_level
        due = self.rp.due_on.isoformat() if self.rp.due_on else "no date"
        with VerticalScroll(id="outcome-box", can_focus=False):
            head = plain(self.case.practitioner_name)
            head.stylize("bold")
            head.append_text(plain(f" · {self.rp.title} · due {due}\n"
                                   f"Now: {levels.label(str(level)) if level else 'no stage'}",
                                   multiline=True))
            yield Static(head, id="outcome-head")
            yield OptionList(
                *[Option(f"{key}  {label}", id=code) for key, code, label in self._outcomes()],
                id="outcome-list",
            )
            yield Static("Outcome: none chosen (press 1-7)", id="outcome-chosen")
            yield FormField("Note", field_id="note", placeholder="what was discussed and decided")
            with Horizontal(id="reschedule-fields", classes="-hidden"):
                yield FormField("New date", field_id="reschedule", check=date_check(True),
                                placeholder="YYYY-MM-DD", notice=self.working_day)
                yield FormField("Reason not held", field_id="reason")
            yield FormField("Held on", self.psr.today().isoformat(), field_id="held-on",
                            check=date_check(True), notice=self.working_day)
            yield ObjectiveProgressForm(plan, self.psr.vocab["objective_progress"],
                                        id="objective-progress")
            # The checklist starts from what was logged since the last review (n on plan
            # progress): the supervisor confirms or changes it rather than retyping it.
            logged = since_last_review(plan, self.rp)
            if logged:
                yield Static(f"Logged since the last review: {logged_summary(logged)}",
                             id="outcome-logged")
            yield EvidenceChecklist(plan, self.rp, self.psr.vocab["wba_types"],
                                    logged=logged_assessments(logged), id="evidence")
        yield Static("", id="outcome-error")
        yield Static("1-7 outcome · Tab next · Enter or ctrl+s save · Esc cancel",
                     id="outcome-keys")

    def on_mount(self) -> None:
        # The box itself never takes focus (Tab must not rest on it, typed text would go
        # nowhere); keep the practitioner and review heading in view.
        self.query_one("#outcome-list", OptionList).focus(scroll_visible=False)
        self.call_after_refresh(self.query_one("#outcome-box").scroll_home, animate=False)

    # ---- choosing ----------------------------------------------------------
    def _effect(self) -> str:
        term = self.psr.vocab["review_outcomes"].term(self.chosen)
        return str(term.get("effect", "")) if term else ""

    def _move_text(self) -> str:
        """What saving will do to the supervision ladder: "\nSupervision: L1 Direct -> L2
        Close", so a step down is seen before it is confirmed ("" when nothing moves)."""
        assert self.case.plan is not None
        move = stage_move(self.case.plan, self._effect())
        if move is None:
            return ""
        levels = self.psr.vocab["supervision_levels"]
        return f"\nSupervision: {levels.label(str(move[0]))} -> {levels.label(str(move[1]))}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and self.focused is not None and (
                isinstance(self.focused, Input)
                or any(isinstance(n, EvidenceChecklist | ObjectiveProgressForm)
                       for n in self.focused.ancestors)):
            # Digits typed in a field are text; in the evidence checklist they were meant
            # as a count, in the objectives as a choice: never quietly the outcome.
            return False
        if action == "view_other":
            return self.other is not None
        return True

    def action_choose(self, key: str) -> None:
        match = next((code for k, code, _ in self._outcomes() if k == key), None)
        if match is not None:
            self._set_outcome(match)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._set_outcome(event.option.id)

    def _set_outcome(self, code: str) -> None:
        self.chosen = code
        key, label = next((k, lab) for k, c, lab in self._outcomes() if c == code)
        self.query_one("#outcome-chosen", Static).update(
            f"Outcome: ({key}) {label}{self._move_text()}")
        options = self.query_one("#outcome-list", OptionList)
        options.highlighted = options.get_option_index(code)
        self.query_one("#reschedule-fields").set_class(
            self._effect() != RESCHEDULE_EFFECT, "-hidden"
        )
        self.show_problem("")
        self._field("note").input.focus()

    # ---- saving -------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._effect() == RESCHEDULE_EFFECT:
            # Enter walks through the fields a missed review needs, then saves.
            for field_id in ("reschedule", "reason"):
                field = self._field(field_id)
                if not field.value and event.input is not field.input:
                    field.input.focus()
                    return
        self.action_save()

    def show_refusal(self, refusal: Refusal) -> None:
        """A rule under the field it names; a colleague's outcome offers ctrl+o; the rest
        (a conflict, the disk) on the problem line. The note stays typed in every case."""
        if refusal.kind == "recorded":
            self._conflict(refusal.message)
            return
        by_path = {".due_on": "reschedule", ".reason": "reason", ".note": "note",
                   ".held_on": "held-on"}
        for suffix, field_id in by_path.items():
            if refusal.kind == "rule" and refusal.path.endswith(suffix):
                self._field(field_id).show_error(refusal.message)
                self._field(field_id).input.focus()
                break
        self.show_problem(refusal.message)

    def action_save(self) -> None:
        if not self.chosen:
            self.show_problem("Choose an outcome first: press 1-7.")
            self.query_one("#outcome-list").focus()
            return
        if self.refuse_control_text():
            return
        reschedule = self._effect() == RESCHEDULE_EFFECT
        checks = ["held-on", *(["reschedule"] if reschedule else [])]
        for field_id in checks:
            if self._field(field_id).validate_now():
                self._field(field_id).input.focus()
                return
        store, vocab = self.psr.store, self.psr.vocab
        held_on = self._field("held-on").as_date()
        assert held_on is not None
        reschedule_to = self._field("reschedule").as_date() if reschedule else None
        note = self._field("note").value
        reason = self._field("reason").value if reschedule else ""
        evidence = self.query_one(EvidenceChecklist).seen()
        progress = self.query_one(ObjectiveProgressForm).progress()
        label = vocab["review_outcomes"].label(self.chosen)
        now = rule_now(self.psr)

        def change(case: Case) -> None:
            record_review(case, self.rp.id, self.chosen, user=store.user, now=now,
                          held_on=held_on, note=note, evidence_seen=evidence,
                          objective_progress=progress,
                          reschedule_to=reschedule_to, reason=reason, vocab=vocab)

        # expected_revision=None on purpose: record_review runs on the fresh copy under the
        # case lock and refuses a review point already recorded (AlreadyRecorded), so a
        # colleague's unrelated save (an amendment signature, say) does not block this one,
        # while two outcomes for the same review point can never both be stored.
        result = save_case(self.psr, self.case.id, change, "review.record",
                           f"{self.rp.title}: {label}", expected_revision=None)
        if isinstance(result, Refusal):
            self.show_refusal(result)
            return
        self.dismiss(result)

    def _conflict(self, message: str) -> None:
        try:
            fresh = self.psr.store.get(self.case.id)
        except StoreError:
            fresh = None
        rp = fresh.plan.review_point(self.rp.id) if fresh and fresh.plan else None
        self.other = rp.outcome if rp else None
        self.show_problem(
            f"Not saved: {message} Your note is kept here. ctrl+o shows their outcome; "
            "Esc closes without saving."
        )
        self.refresh_bindings()

    def action_view_other(self) -> None:
        other = self.other
        if other is None:
            return
        label = self.psr.vocab["review_outcomes"].label(other.outcome)
        held = other.held_on.isoformat() if other.held_on else "?"
        self.show_problem(
            f"Already recorded by {other.recorded_by} (held {held}): {label}."
            + (f" Note: {other.note}" if other.note else "")
        )
