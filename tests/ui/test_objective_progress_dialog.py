"""The outcome form's per-objective part: reached by Tab, pre-filled from the last review,
stored with the outcome; the quick review's four keys still record the outcome alone."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Select

from psr_tui.app import make_app
from psr_tui.domain.plan import Objective, ObjectiveProgress
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.review_outcome import ReviewOutcomeDialog
from psr_tui.ui.widgets.evidence_checklist import EvidenceChecklist

from .review_cases import fill

TODAY = date(2026, 11, 23)
RP = "rp-case-g-2"


def with_objectives(store: CaseStore) -> None:
    def change(case):
        case.plan.objectives = [Objective(id="obj-a", statement="Consent for complex cases"),
                                Objective(id="obj-b", statement="Theatre team briefings")]
        case.plan.review_points[0].outcome.objective_progress = [
            ObjectiveProgress(objective_id="obj-a", rating="progressing"),
            ObjectiveProgress(objective_id="obj-b", rating="concern")]

    store.update("case-g", change, "plan.objectives", "objectives for the test")


async def test_tab_reaches_the_objectives_prefilled_and_they_are_stored(make_store) -> None:
    store = make_store("asmith")
    fill(store)
    with_objectives(store)
    app = make_app(store, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "2", *"Steady", "tab", "tab")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReviewOutcomeDialog)
        assert app.focused is not None and app.focused.id == "objective-rating-0"
        assert dialog.query_one("#objective-rating-0", Select).value == "progressing"
        assert dialog.query_one("#objective-rating-1", Select).value == "concern"
        await pilot.press("3")  # a digit here never changes the outcome chosen
        assert dialog.chosen == "remain"
        dialog.query_one("#objective-rating-1", Select).value = "achieved"
        dialog.query_one("#objective-note-1", Input).value = "Briefings now routine"
        await pilot.press("ctrl+s")
        await pilot.pause()
    outcome = store.get("case-g").plan.review_point(RP).outcome
    assert outcome is not None and outcome.outcome == "remain"
    assert [(p.objective_id, p.rating, p.note) for p in outcome.objective_progress] == [
        ("obj-a", "progressing", ""), ("obj-b", "achieved", "Briefings now routine")]


async def test_four_keys_record_the_last_ratings_again(make_store) -> None:
    store = make_store("asmith")
    fill(store)
    with_objectives(store)
    app = make_app(store, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "1", *"Fine", "enter")
        await pilot.pause()
    outcome = store.get("case-g").plan.review_point(RP).outcome
    assert outcome is not None and outcome.outcome == "step_down"
    assert [p.rating for p in outcome.objective_progress] == ["progressing", "concern"]


async def test_the_checklist_names_tools_by_their_labels(make_store) -> None:
    store = make_store("asmith")
    fill(store)
    app = make_app(store, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        checklist = app.screen.query_one(EvidenceChecklist)
        labels = [str(box.label) for box in checklist.query(".tool")]
        assert "Case-based discussion (CbD)" in labels and "CbD" not in labels


async def test_completion_sign_off_records_the_final_position(make_store) -> None:
    from psr_tui.ui.dialogs.completion_sign_off import CompletionSignOffDialog
    from psr_tui.ui.dialogs.confirm import ConfirmDialog

    store = make_store("asmith")
    fill(store)
    with_objectives(store)
    app = make_app(store, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(CompletionSignOffDialog(store.get("case-g")))
        await pilot.pause()
        dialog = app.screen
        await pilot.press("enter")  # the first outcome: completed
        assert dialog.query_one("#objective-rating-0", Select).value == "progressing"
        dialog.query_one("#objective-rating-0", Select).value = "achieved"
        dialog.query_one("#objective-rating-1", Select).value = "achieved"
        dialog.query_one("#input-sign-follow-up", Input).value = "Annual appraisal"
        await pilot.press("ctrl+s")
        await pilot.pause()
        if isinstance(app.screen, ConfirmDialog):  # reviews still open: sign all the same
            await pilot.press("y")
            await pilot.pause()
    completion = store.get("case-g").completion
    assert completion is not None
    assert [(p.objective_id, p.rating) for p in completion.objective_progress] == [
        ("obj-a", "achieved"), ("obj-b", "achieved")]
