"""Stored and typed text that looks like Rich markup is shown as written, everywhere a
supervisor or an adviser meets it: never read as markup.

"[/x]" (a closing tag that opens nothing) made Rich raise as the widget was drawn: the
supervisor's outcome dialog, the plan builder, the intake's decision step and every
problem line under a field crashed the app. "[b]" restyled the rest of the line, and a
name like "Dr Smith [locum]" lost its last word.
"""

from __future__ import annotations

from datetime import date

from textual.app import App, ComposeResult
from textual.widgets import Checkbox, Label, SelectionList, Static

from psr_tui.app import make_app
from psr_tui.domain.case import Case, Condition, RequestDecision
from psr_tui.domain.plan import Objective
from psr_tui.domain.validation import INTAKE_STEPS
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.confirm import ConfirmDialog
from psr_tui.ui.dialogs.plan_item_form import labelled_selection
from psr_tui.ui.dialogs.review_outcome import ReviewOutcomeDialog
from psr_tui.ui.screens.intake import IntakeScreen
from psr_tui.ui.screens.plan_builder import PlanBuilderScreen
from psr_tui.ui.wording import plain, problem_line

from .keys import type_text
from .review_cases import running_case
from .screen_text import screen_text
from .waiting import until

TODAY = date(2026, 11, 23)
TAG = "[/x]"  # made Rich raise
NAME = "[/x]Dr M [locum]"


def markup_case(store: CaseStore) -> None:
    case = running_case("case-m", NAME, f"{TAG} Trust", f"{TAG} Sup", user=store.user,
                        floor=3)
    plan = case.plan
    assert plan is not None
    plan.objectives = [Objective(id="obj-1", statement=f"{TAG} Safe prescribing")]
    for rp in plan.review_points:
        rp.title, rp.reviewer = f"{TAG} Review", store.user
        rp.expected_evidence = [f"{TAG} report"]
    plan.agreement.organisation.role = f"{TAG} RO"
    conditions = case.request.conditions
    conditions[:] = [Condition(id=conditions[0].id, source="regulator_condition",
                               description=f"{TAG} indirect supervision",
                               supervision_floor=3)]
    store.create(case)


def _text(app: App[object], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_the_outcome_dialog_shows_markup_as_written(store: CaseStore) -> None:
    markup_case(store)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.push_screen(ReviewOutcomeDialog(store.get("case-m"), "rp-case-m-2"))
        await until(pilot, lambda: isinstance(app.screen, ReviewOutcomeDialog),
                    what="the outcome dialog")
        await pilot.pause()
        shown = screen_text(app)
        assert NAME in shown and f"{TAG} Review" in shown, shown
        # Below, in the dialog's scroll: the evidence expected and the objective.
        evidence = app.screen.query_one("#expected-0", Checkbox)
        assert str(evidence.label) == f"{TAG} report"
        objective = app.screen.query_one(".objective-name", Label)
        assert str(objective.render()) == f"1. {TAG} Safe prescribing"
        # A typed "date" quoted back under its field.
        held = app.screen.query_one("#input-held-on")
        held.focus()
        held.value = ""  # type: ignore[attr-defined]
        await until(pilot, lambda: app.focused is held, what="the held-on field focused")
        await type_text(pilot, "[/]")
        await pilot.press("tab")
        await pilot.pause()
        assert "'[/]' is not a date" in screen_text(app)


async def test_the_plan_builder_shows_a_signers_role_and_a_condition_as_written(
        store: CaseStore) -> None:
    markup_case(store)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.push_screen(PlanBuilderScreen("case-m"))
        await until(pilot, lambda: isinstance(app.screen, PlanBuilderScreen),
                    what="the plan builder")
        await pilot.pause()
        assert f"{TAG} RO" in _text(app, "#agreement-status")
        assert f"{TAG} indirect" in " ".join(str(s.render()) for s in
                                            app.screen.query(".section-hint").results(Static))


async def test_the_intake_shows_a_decision_as_written(store: CaseStore) -> None:
    markup_case(store)
    step = next(i for i, (key, _title) in enumerate(INTAKE_STEPS) if key == "decision")

    def decided(case: Case) -> None:
        case.decision = RequestDecision(outcome="accepted", decided_on=TODAY,
                                        decided_by=f"{TAG} Adviser", reason=f"{TAG} reason")
        case.intake_step = step  # the intake opens on its decision step

    store.update("case-m", decided, "intake.decide", "decided")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = IntakeScreen("case-m")
        await app.push_screen(screen)
        await until(pilot, lambda: screen.is_mounted and screen.key == "decision",
                    what="the decision step")
        await pilot.pause()
        shown = screen_text(app)
        assert f"by {TAG} Adviser. Reason: {TAG} reason" in shown, shown


async def test_a_question_and_a_message_quoting_stored_text_are_shown_as_written(
        store: CaseStore) -> None:
    markup_case(store)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.notify(f"{NAME}: review recorded")
        await until(pilot, lambda: bool(app.screen.query("Toast")), what="the toast")
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any(f"{NAME}: review recorded" in shown for shown in toasts), toasts
        app.push_screen(ConfirmDialog(f"Remove this objective?\n{TAG} Safe prescribing"))
        await pilot.pause()
        assert f"{TAG} Safe prescribing" in screen_text(app)


class _Ticks(App[None]):
    def compose(self) -> ComposeResult:
        yield labelled_selection("Objectives", [(f"{TAG} Safe prescribing", "obj-1")], [],
                                 "objective_ids")


async def test_an_option_quoting_stored_text_is_shown_as_written() -> None:
    app = _Ticks()
    async with app.run_test() as pilot:
        await pilot.pause()
        option = app.query_one(SelectionList).get_option_at_index(0)
        assert str(option.prompt) == f"{TAG} Safe prescribing"


def test_plain_text_and_problem_lines_are_never_markup() -> None:
    assert plain(NAME).plain == NAME and not plain(NAME).spans
    assert plain("a\nb").plain == "a␊b" and plain("a\nb", multiline=True).plain == "a\nb"
    assert problem_line(f"'{TAG}' is not a date").plain == f"⚠ '{TAG}' is not a date"
    assert problem_line(None).plain == "" and problem_line("").plain == ""
