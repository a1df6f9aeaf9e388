"""Supervisor quick update: every outcome path, stored and audited; keystrokes; conflicts."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Static

from psr_tui.app import make_app
from psr_tui.domain.access import SUPERVISOR, Identity
from psr_tui.domain.case import Case
from psr_tui.domain.my_reviews import my_review_items
from psr_tui.domain.status import item_order
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.review_outcome import ReviewOutcomeDialog
from psr_tui.ui.screens.quick_review import QuickReviewScreen
from psr_tui.ui.widgets.evidence_checklist import EvidenceChecklist

from .keys import type_text
from .review_cases import demo_cases, fill
from .screen_text import assert_snapshot, screen_text
from .waiting import until

TODAY = date(2026, 11, 23)
RP = "rp-case-g-2"  # case-g's overdue review point: first in asmith's list


def _rp(case: Case, rp_id: str = RP):
    assert case.plan is not None
    rp = case.plan.review_point(rp_id)
    assert rp is not None
    return rp


async def _record(store: CaseStore, keys: list[str], note: str) -> tuple[str, object]:
    """From the start screen: Enter on the first item, the keys, the note, Enter."""
    app = make_app(store, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", *keys)
        await type_text(pilot, note)
        await pilot.press("enter")
        await pilot.pause()
        return screen_text(app), app.screen


def _last_audit(store: CaseStore, case_id: str = "case-g"):
    event = store.audit(case_id)[-1]
    assert event.action == "review.record"
    assert event.user == store.user
    return event


# ---- who is a reviewer -------------------------------------------------------------
def test_linked_supervisor_and_deputy() -> None:
    items = my_review_items(demo_cases(), TODAY, Identity("asmith", SUPERVISOR))
    # case-g as supervisor, case-p as deputy (both linked); not case-k (cwhite's).
    assert {i.case_id for i in items} == {"case-g", "case-p"}
    assert [i.status for i in items] == ["overdue", "overdue", "due", "due"]
    assert my_review_items(demo_cases(), TODAY, Identity("cwhite", SUPERVISOR))[0].case_id \
        == "case-k"
    # A name is not a link: the person's name as a user name finds nothing.
    assert my_review_items(demo_cases(), TODAY, Identity("Dr Carol White", SUPERVISOR)) == []


# ---- each outcome, stored and audited --------------------------------------------
@pytest.fixture
def asmith(make_store) -> CaseStore:
    store = make_store("asmith")
    fill(store)
    return store


async def test_step_down_in_four_keystrokes_plus_note(asmith: CaseStore) -> None:
    note = "Two CbDs fine"
    app = make_app(asmith, today=lambda: TODAY, start="review", poll=False)
    pressed: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        # Shell: `psr-tui review` Enter (1). App: Enter (2), "1" (3), note, Enter (4).
        for key in ["enter", "1", *note, "enter"]:
            pressed.append(key)
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, QuickReviewScreen)  # saved: back on the list
    assert 1 + len(pressed) - len(note) == 4 <= 8
    case = asmith.get("case-g")
    outcome = _rp(case).outcome
    assert outcome is not None and outcome.outcome == "step_down"
    assert (outcome.level_before, outcome.level_after) == (3, 4)
    assert outcome.note == note and outcome.recorded_by == "asmith"
    assert outcome.held_on == TODAY
    assert case.plan is not None and case.plan.current_stage == 2
    event = _last_audit(asmith)
    assert "plan.current_stage" in event.changes
    assert any(p.startswith("plan.review_points[1].outcome") for p in event.changes)


async def test_a_recorded_review_leaves_the_list_the_rest_as_a_fresh_read_would_list_them(
        asmith: CaseStore) -> None:
    """The save's own change message updates the list: the recorded item's row goes, found
    by its place in the order (not a pass over every item), and the list left equals the
    one a fresh read would make; the confirmation says what was recorded."""
    app = make_app(asmith, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuickReviewScreen)
        first = screen.rows.selected()
        assert first is not None and first.review_point_id == RP
        listed = [item.key for item in screen.items]
        await pilot.press("enter", "2")
        await type_text(pilot, "steady")
        await pilot.press("enter")
        await until(pilot, lambda: first.key not in [item.key for item in screen.items],
                    what="the recorded item gone")
        table = screen.query_one(DataTable)
        assert [row.key.value for row in table.ordered_rows] == [
            key for key in listed if key != first.key]
        fresh = sorted(screen._items_of(list(screen.cases.values())), key=item_order)
        assert [item.key for item in screen.items] == [item.key for item in fresh]
        assert [n.title for n in app._notifications] == ["Review recorded"]


async def test_remain_keeps_the_stage(asmith: CaseStore) -> None:
    await _record(asmith, ["2"], "steady")
    case = asmith.get("case-g")
    outcome = _rp(case).outcome
    assert outcome is not None and outcome.outcome == "remain"
    assert (outcome.level_before, outcome.level_after) == (3, 3)
    assert case.plan is not None and case.plan.current_stage == 1
    assert "plan.current_stage" not in _last_audit(asmith).changes


async def test_insufficient_proposes_an_extension_not_yet_applied(asmith: CaseStore) -> None:
    await _record(asmith, ["3"], "slow with DOPS")
    case = asmith.get("case-g")
    assert case.plan is not None
    outcome = _rp(case).outcome
    assert outcome is not None and outcome.outcome == "insufficient" and outcome.amendment_id
    amendment = case.plan.amendments[0]
    assert amendment.id == outcome.amendment_id and amendment.status == "proposed"
    assert amendment.changes["end_date"] > "2027-06-01"
    assert case.plan.end_date == date(2027, 6, 1)  # takes effect only when both agree
    assert "plan.amendments" in _last_audit(asmith).changes


async def test_concern_enhances_supervision(asmith: CaseStore) -> None:
    await _record(asmith, ["4"], "incident on ward")
    case = asmith.get("case-g")
    outcome = _rp(case).outcome
    assert outcome is not None and (outcome.level_before, outcome.level_after) == (3, 2)
    assert case.plan is not None and case.plan.current_stage == 0


async def test_ahead_proposes_shortening(asmith: CaseStore) -> None:
    await _record(asmith, ["5"], "well ahead")
    case = asmith.get("case-g")
    assert case.plan is not None
    outcome = _rp(case).outcome
    assert outcome is not None and outcome.outcome == "ahead"
    amendment = case.plan.amendments[0]
    assert amendment.id == outcome.amendment_id
    assert amendment.changes == {"end_date": "2026-11-27"}
    assert case.plan.end_date == date(2027, 6, 1)


async def test_refer_needs_a_note_then_pauses_the_plan(asmith: CaseStore) -> None:
    text, screen = await _record(asmith, ["6"], "")
    assert isinstance(screen, ReviewOutcomeDialog)
    assert "Say why the plan is no longer appropriate" in text
    assert _rp(asmith.get("case-g")).outcome is None
    assert [e.action for e in asmith.audit("case-g")] == ["create"]
    await _record(asmith, ["6"], "role changed")
    case = asmith.get("case-g")
    assert case.state == "paused"
    assert _rp(case).outcome is not None
    assert "state" in _last_audit(asmith).changes


async def test_not_held_asks_for_date_and_reason_and_reschedules(asmith: CaseStore) -> None:
    app = make_app(asmith, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "7", "enter")  # empty note: Enter moves to the new date
        await pilot.press(*"2026-12-04", "enter", *"supervisor ill", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewOutcomeDialog)
    rp = _rp(asmith.get("case-g"))
    assert rp.outcome is None and rp.due_on == date(2026, 12, 4)
    assert len(rp.history) == 1
    missed = rp.history[0]
    assert (missed.outcome, missed.reason, missed.reschedule_to) == (
        "not_held", "supervisor ill", date(2026, 12, 4))
    assert "plan.review_points[1].due_on" in _last_audit(asmith).changes


async def test_a_new_date_off_the_working_week_is_warned_under_the_field_not_refused(
        asmith: CaseStore) -> None:
    app = make_app(asmith, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "7", "enter", *"2026-12-26", "enter")  # Enter leaves the date
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReviewOutcomeDialog)
        notice = dialog.query_one("#field-reschedule > .field-notice", Static)
        assert notice.display
        assert "falls on a Saturday and a bank holiday (Boxing Day)" in str(notice.render())
        assert "falls on a Saturday" in screen_text(app)
        held = dialog.query_one("#field-held-on > .field-notice", Static)
        assert not held.display  # today, 2026-11-23, is a Monday
        await pilot.press(*"supervisor ill", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewOutcomeDialog)
    assert _rp(asmith.get("case-g")).due_on == date(2026, 12, 26)


async def test_not_held_new_date_must_be_ahead_and_inside_the_plan(asmith: CaseStore) -> None:
    """The trial: a date after the missed one but before today was refused as 'not after
    the missed one'; a date past the plan's end was accepted. Both now say what is wrong,
    and the dialog keeps what was typed until a good date is given."""
    app = make_app(asmith, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "7", "enter", *"2026-11-20", "enter", *"supervisor ill")
        dialog = app.screen
        assert isinstance(dialog, ReviewOutcomeDialog)
        date_input = dialog.query_one("#input-reschedule")
        for typed, problem in (
            ("2026-11-20", "2026-11-20 is in the past: give today (2026-11-23) or later."),
            ("2027-06-02", "The plan ends on 2027-06-01: move the review to that date or "
                           "earlier"),
        ):
            date_input.value = typed  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is dialog
            assert problem in str(dialog.query_one("#outcome-error", Static).render())
            assert _rp(asmith.get("case-g")).history == []
        date_input.value = TODAY.isoformat()  # type: ignore[attr-defined]  # the boundary
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuickReviewScreen)
    rp = _rp(asmith.get("case-g"))
    assert rp.due_on == TODAY and rp.history[0].reschedule_to == TODAY
    assert [e.action for e in asmith.audit("case-g")] == ["create", "review.record"]


async def test_a_plan_paused_since_the_list_was_read_is_refused_before_the_form(
        asmith: CaseStore) -> None:
    app = make_app(asmith, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listed = [i.case_id for i in app.screen.items]  # type: ignore[attr-defined]
        assert listed[0] == "case-g"

        def pause(case: Case) -> None:
            case.state = "paused"

        asmith.update("case-g", pause, "state.pause", "referred elsewhere")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickReviewScreen)  # no form to fill in for nothing
        messages = [n.message for n in app._notifications]
        assert any("This plan is paused: reviews are recorded only on an active or extended "
                   "plan." in m for m in messages)
        left = [i.case_id for i in app.screen.items]  # type: ignore[attr-defined]
        assert "case-g" not in left and left  # its reviews leave the list, others stay
    assert [e.action for e in asmith.audit("case-g")] == ["create", "state.pause"]
    assert _rp(asmith.get("case-g")).outcome is None


async def test_step_down_past_a_condition_is_refused_in_the_dialog(make_store) -> None:
    store = make_store("cwhite")  # Dr Carol White supervises case-k (floor: level 3)
    fill(store)
    text, screen = await _record(store, ["1"], "would like L4")
    assert isinstance(screen, ReviewOutcomeDialog)
    assert "Cannot step down to level 4" in text
    case = store.get("case-k")
    assert _rp(case, "rp-case-k-2").outcome is None
    assert case.plan is not None and case.plan.current_stage == 1
    assert [e.action for e in store.audit("case-k")] == ["create"]


async def test_evidence_ticked_with_a_rating(asmith: CaseStore) -> None:
    app = make_app(asmith, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "2")
        dialog = app.screen
        assert isinstance(dialog, ReviewOutcomeDialog)
        dialog.query_one("#expected-0").value = True  # type: ignore[attr-defined]
        dialog.query_one("#tool-0").value = True  # type: ignore[attr-defined]
        dialog.query_one("#rating-0").value = "meets expectations"  # type: ignore[attr-defined]
        dialog.query_one("#tool-0").focus()
        await pilot.press("5")  # on a tick box a digit is not an outcome shortcut
        assert dialog.chosen == "remain"
        dialog.query_one("#count-0").focus()
        await pilot.press("3", "x")  # how many CbDs; not a letter
        dialog.query_one("#count-1").focus()
        await pilot.press("2")  # a count alone says the assessment was seen
        second_tool = dialog.query_one(EvidenceChecklist).tools[1]
        await pilot.press("ctrl+s")
        await pilot.pause()
    outcome = _rp(asmith.get("case-g")).outcome
    assert outcome is not None
    seen = {(a.tool, a.count, a.rating) for a in outcome.evidence_seen}
    assert seen == {("Clinical supervisor's report", 1, ""), ("CbD", 3, "meets expectations"),
                    (second_tool, 2, "")}


# ---- nothing mine; two supervisors at once -----------------------------------------
async def test_nothing_mine_offers_all(make_store) -> None:
    store = make_store("nobody")
    fill(store)
    app = make_app(store, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Nothing due or overdue for nobody. Press a" in screen_text(app)
        await pilot.press("a")
        assert app.screen.query_one(DataTable).row_count == 6


async def test_second_supervisor_gets_a_conflict_and_keeps_the_note(make_store) -> None:
    alice, bob = make_store("alice"), make_store("bob")
    fill(alice)
    app_a = make_app(alice, today=lambda: TODAY, start="review", poll=False)
    app_b = make_app(bob, today=lambda: TODAY, start="review", poll=False)
    async with app_a.run_test(size=(80, 24)) as pa, app_b.run_test(size=(80, 24)) as pb:
        await pb.press("a", "enter", "4", *"bob's view")  # bob's dialog is open, not saved
        await pa.press("a", "enter", "2", *"alice's view", "enter")
        await pa.pause()
        await pb.press("enter")
        await pb.pause()
        dialog = app_b.screen
        assert isinstance(dialog, ReviewOutcomeDialog)
        text = screen_text(app_b)
        assert "already recorded by alice" in text
        assert dialog.query_one("#input-note").value == "bob's view"  # type: ignore[attr-defined]
        await pb.press("ctrl+o")
        assert "Satisfactory, remain" in str(dialog.query_one("#outcome-error", Static).render())
    # "All" lists Dr Ravi Khan's overdue review first: both picked it.
    outcome = _rp(alice.get("case-k"), "rp-case-k-2").outcome
    assert outcome is not None and (outcome.recorded_by, outcome.note) == ("alice", "alice's view")
    assert [e.user for e in alice.audit("case-k")] == ["alice", "alice"]


async def test_list_and_dialog_snapshots(asmith: CaseStore) -> None:
    app = make_app(asmith, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuickReviewScreen)
        assert_snapshot(app, "quick_review_list")
        await pilot.press("enter", "3")
        await pilot.pause()
        assert_snapshot(app, "quick_review_outcome_dialog")


async def test_esc_on_the_start_screen_stays_put(asmith: CaseStore) -> None:
    """`psr-tui review` then Esc left a blank screen with no keys (Textual's default screen)."""

    app = make_app(asmith, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuickReviewScreen)
        assert "esc Back" not in screen_text(app)
        await pilot.press("d")  # the dashboard, pushed on top, goes back to it
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuickReviewScreen)


async def test_the_supervision_move_is_shown_before_it_is_confirmed(asmith: CaseStore) -> None:
    app = make_app(asmith, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "1")
        await pilot.pause()
        assert "Supervision: L3 Indirect -> L4 Independent with review" in screen_text(app)
        await pilot.press("shift+tab", "4")
        await pilot.pause()
        assert "Supervision: L3 Indirect -> L2 Close" in screen_text(app)
        await pilot.press("shift+tab", "2")
        await pilot.pause()
        assert "Supervision:" not in screen_text(app)  # remain: nothing moves
        assert asmith.get("case-g").plan.current_stage == 1  # nothing saved yet


async def test_the_apps_fixed_day_reaches_the_save(tmp_path) -> None:
    """PSR_TUI_TODAY (the app's `today`) ahead of the real clock: the review listed as due
    that day is saved as held that day, not refused as 'before it is held'."""
    from datetime import UTC, datetime

    store = CaseStore.open(tmp_path / "db", user="asmith",
                           clock=lambda: datetime(2026, 10, 1, 9, 0, tzinfo=UTC))
    fill(store)
    await _record(store, ["1"], "Fine")
    outcome = _rp(store.get("case-g")).outcome
    assert outcome is not None and outcome.held_on == TODAY
    assert outcome.recorded_at == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


async def test_the_outcome_dialog_opens_after_a_full_collection_not_the_save(
        asmith: CaseStore) -> None:
    """The full collection a save otherwise set off every third or fourth time (the
    dismissed dialogs, walked: 57-148 ms at 20,000 cases) runs as the dialog opens."""
    import gc

    events: list[str] = []

    def collected(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info.get("generation") == 2:
            events.append("full collection")

    original = ReviewOutcomeDialog.on_mount

    def mounted(dialog: ReviewOutcomeDialog) -> object:
        events.append("dialog mounted")
        return original(dialog)

    app = make_app(asmith, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(app.screen.query(DataTable).first().row_count),
                    what="the quick review's rows")
        gc.callbacks.append(collected)
        try:
            ReviewOutcomeDialog.on_mount = mounted  # type: ignore[method-assign]
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ReviewOutcomeDialog),
                        what="the outcome dialog")
        finally:
            ReviewOutcomeDialog.on_mount = original  # type: ignore[method-assign]
            gc.callbacks.remove(collected)
    assert events[:2] == ["full collection", "dialog mounted"], events
