"""No dead ends on plan progress: correct an outcome, resume, withdraw a case or an amendment,
each offered only to the roles the access policy allows, each with its reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psr_tui.app import make_app
from psr_tui.domain.access import SUPERVISOR, Identity
from psr_tui.domain.amendments import propose_amendment
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.reason_form import ReasonDialog
from psr_tui.ui.screens.plan_progress import PlanProgressScreen

from .keys import type_text
from .review_cases import fill

TODAY = date(2026, 11, 23)


def _app(store: CaseStore):  # type: ignore[no-untyped-def]
    return make_app(store, today=lambda: TODAY, start="home", poll=False)


async def _progress(app, pilot, rp: str | None = None) -> PlanProgressScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    app.push_screen(PlanProgressScreen("case-g", review_point_id=rp))
    await pilot.pause()
    assert isinstance(app.screen, PlanProgressScreen)
    return app.screen


async def test_a_mistyped_step_down_is_corrected_and_undone(store: CaseStore) -> None:
    fill(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _progress(app, pilot, "rp-case-g-1")
        assert screen.fix_allowed("correct_outcome")
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        # The first choice is 'remain' (the recorded step down and 'not held' are not offered).
        await pilot.press("tab")
        await type_text(pilot, "typed 1 for 2")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
    case = store.get("case-g")
    assert case.plan is not None
    rp = case.plan.review_point("rp-case-g-1")
    assert rp is not None and rp.outcome is not None and rp.outcome.outcome == "remain"
    assert [c.original.outcome for c in rp.corrections] == ["step_down"]
    assert case.plan.current_stage == 0
    assert store.audit("case-g")[-1].action == "review.correct"


async def test_a_correction_needs_its_reason_and_keeps_the_dialog(store: CaseStore) -> None:
    fill(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot, "rp-case-g-1")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)  # nothing saved, nothing lost
    assert store.get("case-g").plan.current_stage == 1  # type: ignore[union-attr]


async def test_resume_a_paused_plan_with_the_advice(store: CaseStore) -> None:
    fill(store)
    store.update("case-g", lambda c: setattr(c, "state", "paused"), "plan.pause", "paused")
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _progress(app, pilot)
        assert screen.fix_allowed("resume")
        await pilot.press("g")
        await type_text(pilot, "continue with a deputy")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert not screen.fix_allowed("resume")
    case = store.get("case-g")
    assert case.state == "active"
    assert [r.advice for r in case.resumptions] == ["continue with a deputy"]


async def test_withdraw_a_proposed_amendment_then_the_case(store: CaseStore) -> None:
    fill(store)
    store.update("case-g", lambda c: propose_amendment(
        c, "duration", "Extend to July", {"end_date": "2027-07-01"}, "tester", TODAY),
        "amendment.propose", "proposed")
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _progress(app, pilot)
        assert screen.fix_allowed("withdraw_amendment")
        await pilot.press("d", "tab")
        await type_text(pilot, "supervisor back from leave")
        await pilot.press("enter")
        await pilot.pause()
        assert not screen.fix_allowed("withdraw_amendment")
        await pilot.press("w")
        await type_text(pilot, "the practitioner retired")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        for action in ("withdraw_case", "resume", "correct_outcome"):
            assert not screen.fix_allowed(action)  # closed: read-only
    case = store.get("case-g")
    assert case.plan is not None and case.plan.amendments[0].status == "withdrawn"
    assert case.state == "withdrawn" and case.withdrawal is not None
    assert case.withdrawal.reason == "the practitioner retired"


async def test_a_supervisor_is_offered_only_their_own_correction(tmp_path: Path) -> None:
    admin = CaseStore.open(tmp_path / "db", user="tester")
    fill(admin)
    admin.update("case-g", lambda c: setattr(c, "state", "paused"), "plan.pause", "paused")
    for name, own in (("asmith", True), ("bjones", False)):
        who = Identity(name, SUPERVISOR)
        store = CaseStore.open(tmp_path / "db", user=name, identity=who)
        if not own:  # bjones supervises case-g too, but did not record its review 1
            admin.update("case-g", lambda c: setattr(c.plan.roles[0], "deputy_user", "bjones"),
                         "plan.roles", "deputy linked")
        app = _app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _progress(app, pilot, "rp-case-g-1")
            assert screen.fix_allowed("correct_outcome") is own
            for action in ("resume", "withdraw_case"):  # CASE_MANAGE: advisers only
                assert not screen.fix_allowed(action)


async def test_a_completed_plan_opens_as_completed_not_as_a_new_version(
        store: CaseStore) -> None:
    from psr_tui.domain.case import Completion

    from .test_home import loaded

    fill(store)

    def complete(case):  # type: ignore[no-untyped-def]
        case.state = "completed"
        case.completion = Completion(outcome="completed", signed_by="Dr Rose Director",
                                     signed_on=TODAY, follow_up="Annual appraisal")

    store.update("case-g", complete, "completion.sign_off", "completed")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await loaded(app, pilot)
        home.open_case("case-g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanProgressScreen)
        assert "Completed" in str(screen.query_one("#progress-head").render())
        offered = {b.action for b, _node in app.actions_of(screen)}
        assert {"export_summary", "export_report"} <= offered
        assert not offered & {"record", "propose", "agree", "sign_off", "resume",
                              "withdraw_case", "correct_outcome", "withdraw_amendment"}
