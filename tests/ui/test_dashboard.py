"""Review dashboard and plan progress view: filters, live refresh, amendments, sign-off, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from psr_tui.app import make_app
from psr_tui.domain.access import Identity
from psr_tui.domain.case import Case
from psr_tui.domain.plan import ReviewOutcome
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.amendment_agreement import AmendmentAgreementDialog
from psr_tui.ui.dialogs.completion_sign_off import CompletionSignOffDialog
from psr_tui.ui.dialogs.confirm import ConfirmDialog
from psr_tui.ui.dialogs.export_form import ExportDialog
from psr_tui.ui.dialogs.review_outcome import ReviewOutcomeDialog
from psr_tui.ui.screens.dashboard import DashboardScreen
from psr_tui.ui.screens.plan_progress import PlanProgressScreen
from psr_tui.ui.widgets.supervision_ladder import ladder_lines

from .keys import type_text
from .review_cases import demo_cases, fill
from .screen_text import assert_snapshot, screen_text

TODAY = date(2026, 11, 23)


@pytest.fixture
def filled(store: CaseStore) -> CaseStore:
    fill(store)
    return store


def _app(store: CaseStore):
    return make_app(store, today=lambda: TODAY, start="review", poll=False)


async def _dashboard(app, pilot) -> DashboardScreen:
    await pilot.pause()
    app.push_screen(DashboardScreen())
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, DashboardScreen)
    return screen


async def _progress(app, pilot, review_point_id: str | None = None) -> PlanProgressScreen:
    """The plan progress view of case-g, as home or the dashboard opens it."""
    await pilot.pause()
    app.push_screen(PlanProgressScreen("case-g", review_point_id=review_point_id))
    await pilot.pause()
    assert isinstance(app.screen, PlanProgressScreen)
    return app.screen


def _amendments(app) -> str:
    return str(app.screen.query_one("#progress-amendments", Static).render())


def _rows(screen) -> list[tuple[str, str]]:
    return [(i.case_id, i.review_point_id) for i in screen.items]


async def test_dashboard_opens_on_the_first_overdue_item(filled: CaseStore) -> None:
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _dashboard(app, pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 6 and table.cursor_row == 0
        assert [i.status for i in screen.items] == ["overdue"] * 3 + ["due"] * 3
        assert "3 overdue · 3 due within 7 days" in screen_text(app)
        assert_snapshot(app, "dashboard_overdue")


async def test_filters_by_organisation_and_supervisor(filled: CaseStore) -> None:
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _dashboard(app, pilot)
        await pilot.press("o", *"north")
        assert {c for c, _ in _rows(screen)} == {"case-g"}
        await pilot.press("escape")  # back to the list, not off the screen
        assert app.screen is screen and isinstance(screen.focused, DataTable)
        await pilot.press("x", "s", *"JONES", "enter")
        assert {c for c, _ in _rows(screen)} == {"case-p"}
        await pilot.press("o", *"north", "enter")
        assert _rows(screen) == []
        assert "No review points are overdue" in screen_text(app)


async def test_enter_opens_the_plan_at_that_review_point(filled: CaseStore) -> None:
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _dashboard(app, pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        progress = app.screen
        assert isinstance(progress, PlanProgressScreen) and progress.case_id == "case-g"
        selected = progress._selected()
        assert selected is not None and selected.id == "rp-case-g-2"


async def test_another_sessions_save_shows_on_the_dashboard(make_store) -> None:
    watcher, writer = make_store("watcher"), make_store("asmith")
    fill(writer)
    app = _app(watcher)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _dashboard(app, pilot)
        app._fingerprint = watcher.fingerprint()
        assert ("case-g", "rp-case-g-2") in _rows(screen)
        other = _app(writer)
        async with other.run_test(size=(80, 24)) as other_pilot:
            await other_pilot.press("enter", "2", *"fine", "enter")  # asmith records it
            await other_pilot.pause()
        app._check_for_changes()
        await pilot.pause()
        assert ("case-g", "rp-case-g-2") not in _rows(screen)
        assert screen.query_one(DataTable).row_count == 5


async def test_plan_progress_view_and_recording_from_it(filled: CaseStore) -> None:
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot, "rp-case-g-2")
        text = screen_text(app)
        assert "▶ 2 L3 Indirect" in text and "◀ today" in text and "BEHIND" in text
        assert "[x]" not in text  # the overdue point has no evidence yet
        assert_snapshot(app, "plan_progress")
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewOutcomeDialog)
        await pilot.press("1", *"good", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
        assert "▶ 3 L4 Independent" in screen_text(app)
    case = filled.get("case-g")
    assert case.plan is not None and case.plan.current_stage == 2
    assert filled.audit("case-g")[-1].action == "review.record"


def test_ladder_marks_read_without_colour() -> None:
    from psr_tui.domain.vocabulary import default_vocabularies

    from .review_cases import demo_cases

    plan = demo_cases()[0].plan
    assert plan is not None
    levels = default_vocabularies()["supervision_levels"]
    lines = [t.plain for t in ladder_lines(plan, TODAY, levels)]
    assert lines[1].startswith(" ✓ 1 L2 Close")
    assert lines[2].startswith(" ▶ 2 L3 Indirect") and lines[2].endswith("◀ today")
    assert "|" not in lines[3] and lines[3].startswith(" · 3")


async def test_amendment_applies_only_when_both_parties_agree(filled: CaseStore) -> None:
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot, "rp-case-g-2")
        await pilot.press("enter", "3", *"slow", "enter")  # insufficient: proposes extension
        await pilot.pause()
        assert "⧗ proposed" in _amendments(app)
        for name in ("Dr Rose Director", "Mr David Green"):
            await pilot.press("a")
            assert isinstance(app.screen, AmendmentAgreementDialog)
            await pilot.press("tab", "tab")
            await type_text(pilot, name)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, PlanProgressScreen)
            if name == "Dr Rose Director":
                case = filled.get("case-g")
                assert case.plan is not None and case.plan.end_date == date(2027, 6, 1)
                assert case.plan.amendments[0].organisation is not None
        assert "✓ agreed (version 2)" in _amendments(app)
    case = filled.get("case-g")
    assert case.plan is not None
    amendment = case.plan.amendments[0]
    assert amendment.status == "agreed" and amendment.practitioner is not None
    assert case.plan.end_date == date.fromisoformat(amendment.changes["end_date"])
    assert case.state == "extended"
    events = filled.audit("case-g")
    assert [e.action for e in events[-2:]] == ["amendment.agree", "amendment.agree"]
    assert "plan.end_date" in events[-1].changes and events[-1].user == "tester"


async def test_completion_sign_off_is_stored(filled: CaseStore) -> None:
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot)
        await pilot.press("c")
        assert isinstance(app.screen, CompletionSignOffDialog)
        # Second outcome (with conditions); name and role are filled in from the plan.
        await pilot.press("down", "enter", "tab", "tab", "tab", "tab")
        await pilot.press("enter")  # no follow-up yet: refused, nothing stored
        assert isinstance(app.screen, CompletionSignOffDialog)
        assert filled.get("case-g").completion is None
        await type_text(pilot, "Quarterly RO meetings")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # three reviews are still to come
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
    case = filled.get("case-g")
    assert case.state == "completed_with_conditions" and case.completion is not None
    assert (case.completion.signed_by, case.completion.follow_up, case.completion.signed_on) == (
        "Dr Rose Director", "Quarterly RO meetings", TODAY)
    event = filled.audit("case-g")[-1]
    assert event.action == "completion.sign_off" and "completion" in event.changes


def _insufficient_at_l3(case: Case) -> None:
    """case-g as the trial found it: review 2 held with 'insufficient progress', at L3."""
    assert case.plan is not None
    case.plan.review_points[1].outcome = ReviewOutcome(outcome="insufficient",
                                                       held_on=date(2026, 11, 16))


async def _fill_sign_off(app, pilot, outcome_downs: int, signed_on: str) -> None:  # type: ignore[no-untyped-def]
    """Open the sign-off dialog on case-g and fill it in, without saving."""
    await _progress(app, pilot)
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, CompletionSignOffDialog)
    await pilot.press(*["down"] * outcome_downs, "enter")
    app.screen.query_one("#input-sign-date", Input).value = signed_on
    app.screen.query_one("#input-sign-follow-up", Input).value = "Quarterly RO meetings"
    await pilot.pause()


def _date_error(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#field-sign-date .field-error", Static).render())


async def test_completion_sign_off_refuses_a_date_ahead_or_before_the_plan(
        filled: CaseStore) -> None:
    revision = filled.get("case-g").revision
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _fill_sign_off(app, pilot, 0, "2027-01-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Refused before anything is asked: no confirmation for a save that cannot happen.
        assert isinstance(app.screen, CompletionSignOffDialog)
        assert "2027-01-01 is in the future" in _date_error(app)
        app.screen.query_one("#input-sign-date", Input).value = "2026-05-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CompletionSignOffDialog)
        assert "before the plan started (2026-06-01)" in _date_error(app)
    case = filled.get("case-g")
    assert case.completion is None and case.state == "active" and case.revision == revision


async def test_completion_sign_off_shows_what_is_outstanding_and_asks(
        filled: CaseStore) -> None:
    filled.update("case-g", _insufficient_at_l3, "review.record", "setup")
    revision = filled.get("case-g").revision
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _fill_sign_off(app, pilot, 0, TODAY.isoformat())  # return to full scope
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question.splitlines()[:4] == [
            "Still outstanding:", "• 2 review points not yet held",
            "• last outcome: insufficient progress, extend or slow",
            "• supervision now L3 Indirect, not L5 Full scope"]
        assert "Sign off (y)" in screen_text(app)
        await pilot.press("n")  # back to the form, nothing saved
        await pilot.pause()
        assert isinstance(app.screen, CompletionSignOffDialog)
        assert filled.get("case-g").revision == revision
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # one keystroke confirms
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
    case = filled.get("case-g")
    assert case.state == "completed" and case.completion is not None
    assert case.completion.signed_on == TODAY
    event = filled.audit("case-g")[-1]
    assert event.action == "completion.sign_off"
    assert "signed despite: 2 review points not yet held" in event.summary


async def test_not_completed_signs_off_without_asking_about_reviews(
        filled: CaseStore) -> None:
    filled.update("case-g", _insufficient_at_l3, "review.record", "setup")
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _fill_sign_off(app, pilot, 2, TODAY.isoformat())  # not completed: escalated
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
    case = filled.get("case-g")
    assert case.state == "not_completed" and case.completion is not None
    assert filled.audit("case-g")[-1].action == "completion.sign_off"


async def test_exports_write_files_where_asked(
    filled: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export_folder: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")  # default: the user's export folder, organisation copy
        await pilot.press("m", "enter")
        await pilot.press("p")
        path_input = app.screen.query_one("#input-export-path")
        path_input.value = str(tmp_path / "out" / "summary.md")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
    assert not list(tmp_path.glob("*.md"))  # never the current folder by default
    assert export_folder.stat().st_mode & 0o777 == 0o700
    report = export_folder / "progress-case-g-rp-case-g-2-organisation.md"  # the next to hold
    assert "Review 2 (4 months)" in report.read_text(encoding="utf-8")
    sheet = export_folder / "review-sheet-case-g-rp-case-g-2.md"
    assert sheet.exists() and "Mr David Green" in sheet.read_text(encoding="utf-8")
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert "Progress summary" in summary


async def test_tab_in_the_progress_dialogs_never_rests_on_an_invisible_container(
        filled: CaseStore) -> None:
    """Tab cycles through fields only: focus on the dialog's scroll box swallowed typing."""
    boxes = {"agree-box", "sign-box", "outcome-box", "propose-box"}
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot, "rp-case-g-2")
        await pilot.press("enter")  # the outcome dialog first: its heading names the review
        await pilot.pause()
        assert isinstance(app.screen, ReviewOutcomeDialog)
        assert "Review 2" in screen_text(app)
        for _ in range(12):
            await pilot.press("tab")
            assert app.focused is not None and app.focused.id not in boxes
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter", "3", *"slow", "enter")  # proposes an amendment
        await pilot.pause()
        from psr_tui.ui.dialogs.amendment_proposal import AmendmentProposalDialog

        for key, dialog, title in (("a", AmendmentAgreementDialog, "Agree an amendment"),
                                   ("x enter", AmendmentProposalDialog, "Propose an amendment"),
                                   ("c", CompletionSignOffDialog, "Sign off completion")):
            await pilot.press(*key.split())  # x: the kind chooser first, Enter: its first
            await pilot.pause()
            assert isinstance(app.screen, dialog)
            assert title in screen_text(app)  # the title stays in view
            for _ in range(12):
                await pilot.press("tab")
                assert app.focused is not None and app.focused.id not in boxes, dialog
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, PlanProgressScreen)


async def test_content_amendment_proposed_then_agreed_adds_the_review(filled: CaseStore) -> None:
    from psr_tui.ui.dialogs.amendment_proposal import AmendmentProposalDialog

    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot)
        before = filled.get("case-g")
        await pilot.press("x", "enter")  # the kind chooser: its first, the end date and text
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AmendmentProposalDialog)
        await pilot.press("down", "enter")  # content
        await type_text(pilot, "Extra review after the theatre move",
                        into=dialog.query_one("#input-amd-description"))
        await type_text(pilot, "2027-02-15", into=dialog.query_one("#input-amd-review-date"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
        proposed = filled.get("case-g")
        assert proposed.plan is not None and before.plan is not None
        # Proposed only: the plan itself is unchanged until both agree.
        assert len(proposed.plan.review_points) == len(before.plan.review_points)
        (amendment,) = [a for a in proposed.plan.amendments if a.status == "proposed"]
        assert amendment.kind == "content"
        assert filled.audit("case-g")[-1].action == "amendment.propose"
        for name in ("Dr Rose Director", "Mr David Green"):
            await pilot.press("a")
            await pilot.press("tab", "tab")
            await type_text(pilot, name)
            await pilot.press("enter")
            await pilot.pause()
    agreed = filled.get("case-g")
    assert agreed.plan is not None
    assert date(2027, 2, 15) in [rp.due_on for rp in agreed.plan.review_points]
    assert agreed.plan.version == before.plan.version + 1


async def test_proposal_without_an_end_date_is_refused_under_the_field(filled) -> None:
    from psr_tui.ui.dialogs.amendment_proposal import AmendmentProposalDialog

    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot)
        revision = filled.get("case-g").revision
        await pilot.press("x", "enter")  # the kind chooser: its first, the end date and text
        await pilot.pause()
        dialog = app.screen
        await type_text(pilot, "Longer", into=dialog.query_one("#input-amd-description"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AmendmentProposalDialog)
        assert "new end date" in str(dialog.query_one("#field-amd-end .field-error").render())
        assert filled.get("case-g").revision == revision


def _record_second_review(store: CaseStore) -> None:
    def change(case):
        first, second = case.plan.review_points[:2]
        second.outcome = first.outcome.model_copy(update={"held_on": date(2026, 11, 16)})

    store.update("case-g", change, "review.record", "second review held")


async def test_progress_report_is_for_the_selected_review_point(
    filled: CaseStore, export_folder: Path
) -> None:
    _record_second_review(filled)
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("k", "e", "enter")  # up to the review just held
        await pilot.pause()
    upcoming = export_folder / "progress-case-g-rp-case-g-3-organisation.md"  # the next to hold
    assert "Review 3 (6 months)" in upcoming.read_text(encoding="utf-8")
    held = export_folder / "progress-case-g-rp-case-g-2-organisation.md"
    assert "Review 2 (4 months)" in held.read_text(encoding="utf-8")
    assert not (export_folder / "progress-case-g-rp-case-g-1-organisation.md").exists()


async def test_progress_opened_without_a_point_starts_on_the_next_to_hold(
        filled: CaseStore) -> None:
    """From home (no review point chosen) Enter records the next review, not a done one."""
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewOutcomeDialog)
        assert "Review 2" in screen_text(app)


def _table_titles(app) -> list[str]:
    table = app.screen.query_one("#progress-reviews", DataTable)
    return [str(table.get_row_at(i)[2]) for i in range(table.row_count)]


async def test_a_rescheduled_review_takes_its_place_in_date_order(filled: CaseStore) -> None:
    """Review 2 (16 Nov) not held, moved to 4 Dec: it now reads after Review 3 (27 Nov),
    and the row the cursor is on is the review Enter records."""
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot, "rp-case-g-2")
        await pilot.press("enter", "7", "enter", *"2026-12-04", "enter", *"supervisor ill",
                          "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanProgressScreen)
        assert _table_titles(app) == ["Review 1 (2 months)", "Review 3 (6 months)",
                                      "Review 2 (4 months)", "Final sign-off"]
        selected = screen._selected()
        assert selected is not None and selected.id == "rp-case-g-2"  # stays on it
        await pilot.press("k")
        selected = screen._selected()
        assert selected is not None and selected.id == "rp-case-g-3"
        assert "Review 3 (6 months)" in str(screen.query_one("#progress-detail",
                                                              Static).render())
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewOutcomeDialog)
        assert app.screen.rp.id == "rp-case-g-3"
    stored = filled.get("case-g")
    assert stored.plan is not None
    moved = stored.plan.review_point("rp-case-g-2")
    assert moved is not None and moved.due_on == date(2026, 12, 4)


async def test_a_paused_plan_refuses_a_review_before_the_form_opens(filled: CaseStore) -> None:
    def pause(case) -> None:
        case.state = "paused"

    filled.update("case-g", pause, "state.pause", "referred elsewhere")
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot, "rp-case-g-2")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
        messages = [n.message for n in app._notifications]
        assert ("This plan is paused: reviews are recorded only on an active or extended "
                "plan.") in messages
    assert [e.action for e in filled.audit("case-g")] == ["create", "state.pause"]


async def _propose_duration(app, pilot, description: str, end: str):  # type: ignore[no-untyped-def]
    """Plan progress of case-g, x, the description and the new end typed (not saved)."""
    from psr_tui.ui.dialogs.amendment_proposal import AmendmentProposalDialog

    await _progress(app, pilot)
    await pilot.press("x", "enter")  # the kind chooser: its first, the end date and text
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, AmendmentProposalDialog)
    await type_text(pilot, description, into=dialog.query_one("#input-amd-description"))
    await type_text(pilot, end, into=dialog.query_one("#input-amd-end"))
    return dialog


async def test_a_shorter_end_is_said_confirmed_and_listed(filled: CaseStore) -> None:
    """The trial: 'Extension by 2 months' with an end before the current one shortened the
    plan silently. The dialog says it shortens and asks twice; every list shows the dates."""
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _propose_duration(app, pilot, "Extension by 2 months", "2027-03-02")
        said = dialog.query_one("#amd-end-change", Static)
        assert ("SHORTENS the plan by 91 days: ends 2027-03-02 instead of 2027-06-01"
                in str(said.render()))  # said as it is typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # first ctrl+s: said, not saved
        assert "Press ctrl+s again" in str(said.render())
        await pilot.press("backspace", "1", "ctrl+s")  # another date: asked again
        await pilot.pause()
        assert app.screen is dialog
        shortens = "SHORTENS the plan by 92 days: ends 2027-03-01 instead of 2027-06-01"
        assert shortens in str(said.render()) and "Press ctrl+s again" in str(said.render())
        assert [e.action for e in filled.audit("case-g")] == ["create"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
        assert shortens in _amendments(app)
        event = filled.audit("case-g")[-1]
        assert event.action == "amendment.propose" and shortens in event.summary
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AmendmentAgreementDialog)
        assert shortens in screen_text(app)
        await pilot.press("tab", "tab")
        await type_text(pilot, "Dr Rose Director")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("a", "tab", "tab")
        await type_text(pilot, "Mr David Green")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
        assert "✓ agreed (version 2)" in _amendments(app)
        assert shortens in _amendments(app)  # still named once agreed
    case = filled.get("case-g")
    assert case.plan is not None and case.plan.end_date == date(2027, 3, 1)
    assert case.plan.amendments[0].changes == {"end_date": "2027-03-01"}


async def test_a_longer_end_is_proposed_on_the_first_ctrl_s(filled: CaseStore) -> None:
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _propose_duration(app, pilot, "Two more months", "2027-08-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
        assert ("Extends the plan by 61 days: ends 2027-08-01 instead of 2027-06-01"
                in _amendments(app))
    assert filled.audit("case-g")[-1].action == "amendment.propose"


async def test_an_agreement_with_a_date_for_a_name_is_refused_under_the_name(
        filled: CaseStore) -> None:
    app = _app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await _propose_duration(app, pilot, "Two more months", "2027-08-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AmendmentAgreementDialog)
        await pilot.press("tab", "tab")
        await type_text(pilot, "2026-11-30")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        name = dialog.query_one("#field-agree-name")
        assert "is not a name" in str(name.query_one(".field-error").render())
    amendment = filled.get("case-g").plan.amendments[0]  # type: ignore[union-attr]
    assert amendment.organisation is None and amendment.practitioner is None


async def test_filters_by_case_adviser_and_my_cases(store: CaseStore) -> None:
    for case, adviser in zip(demo_cases(), ("Dr Helen Marsden", "Mr Tom Reed",
                                             "dr helen marsden"), strict=True):
        case.request.case_adviser = adviser
        store.create(case)
    helen = CaseStore.open(store.root, identity=Identity("hmarsden",
                                                         display_name="Dr Helen Marsden"))
    app = _app(helen)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _dashboard(app, pilot)
        await pilot.press("c", *"reed", "enter")
        assert {c for c, _ in _rows(screen)} == {"case-p"}
        await pilot.press("x", "m")
        await pilot.pause()
        assert {c for c, _ in _rows(screen)} == {"case-g", "case-k"}
        assert "· my cases" in screen_text(app)
        await pilot.press("c", *"reed", "enter")  # mine and Tom Reed's: none
        assert _rows(screen) == []
        await pilot.press("x")
        assert {c for c, _ in _rows(screen)} == {"case-g", "case-k", "case-p"}
        assert "my cases" not in screen_text(app)
