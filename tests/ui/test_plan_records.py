"""Plan progress: `n` logs what happened between reviews, `l` lifts a condition; each
offered only to the roles the access policy allows; the outcome form starts from the log."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from textual.widgets import Checkbox, Input, RadioSet, Select

from psr_tui.app import make_app
from psr_tui.domain.access import ORGANISATION_LEAD, PRACTITIONER, SUPERVISOR, Identity
from psr_tui.domain.case import Case
from psr_tui.domain.progress_log import add_log_entry
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.condition_lift import ConditionLiftDialog
from psr_tui.ui.dialogs.log_entry import LogEntryDialog
from psr_tui.ui.dialogs.review_outcome import ReviewOutcomeDialog
from psr_tui.ui.screens.plan_progress import PlanProgressScreen

from .review_cases import fill

TODAY = date(2026, 11, 23)


def _app(store: CaseStore):  # type: ignore[no-untyped-def]
    return make_app(store, today=lambda: TODAY, start="home", poll=False)


async def _progress(app, pilot, case_id: str) -> PlanProgressScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    app.push_screen(PlanProgressScreen(case_id))
    await pilot.pause()
    assert isinstance(app.screen, PlanProgressScreen)
    return app.screen


async def test_an_adviser_lifts_a_condition_and_the_floor_goes(store: CaseStore) -> None:
    fill(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _progress(app, pilot, "case-k")
        assert screen.check_action("lift_condition", ()) is True
        await pilot.press("l")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConditionLiftDialog)
        await pilot.press("ctrl+s")  # who lifted it not chosen yet: nothing saved
        await pilot.pause()
        assert app.screen is dialog
        dialog.query_one("#lift-by", RadioSet).query_one("#lift-by-regulator").value = True  # type: ignore[attr-defined]
        dialog.query_one("#input-lift-decided-by", Input).value = "GMC case examiner"
        dialog.query_one("#input-lift-evidence", Input).value = "GMC letter revoking the condition"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert screen.check_action("lift_condition", ()) is False  # nothing left to lift
    condition = store.get("case-k").request.conditions[0]
    assert condition.lifted is not None
    assert (condition.lifted.by, condition.lifted.decided_by, condition.lifted.lifted_on,
            condition.lifted.recorded_by) == ("regulator", "GMC case examiner", TODAY, "tester")
    assert store.audit("case-k")[-1].action == "condition.lift"


async def test_a_future_lifting_is_refused_under_its_field(store: CaseStore) -> None:
    fill(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot, "case-k")
        await pilot.press("l")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#lift-by-organisation").value = True  # type: ignore[attr-defined]
        dialog.query_one("#input-lift-decided-by", Input).value = "Dr Rose Director"
        dialog.query_one("#input-lift-on", Input).value = "2026-12-01"
        dialog.query_one("#input-lift-evidence", Input).value = "Board minute"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "in the future" in str(dialog.query_one("#field-lift-on .field-error").render())
    assert store.get("case-k").request.conditions[0].lifted is None


async def test_who_is_offered_the_lifting(tmp_path: Path) -> None:
    admin = CaseStore.open(tmp_path / "db", user="tester")
    fill(admin)
    for who, offered in ((Identity("cwhite", SUPERVISOR), False),
                         (Identity("rkhan", PRACTITIONER), False),
                         (Identity("lead", ORGANISATION_LEAD, "Westbury Hospitals"), True)):
        store = CaseStore.open(tmp_path / "db", user=who.name, identity=who)
        app = _app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _progress(app, pilot, "case-k")
            assert bool(screen.check_action("lift_condition", ())) is offered, who.role
            # The log is the supervisors' and advisers' (REVIEW_RECORD).
            assert bool(screen.check_action("log_entry", ())) is (who.role == SUPERVISOR)


async def test_a_supervisor_logs_an_assessment(tmp_path: Path) -> None:
    admin = CaseStore.open(tmp_path / "db", user="tester")
    fill(admin)
    who = Identity("asmith", SUPERVISOR, display_name="Dr Anna Smith")
    store = CaseStore.open(tmp_path / "db", user="asmith", identity=who)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _progress(app, pilot, "case-g")
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LogEntryDialog)
        dialog.query_one("#log-kind-assessment").value = True  # type: ignore[attr-defined]
        await pilot.pause()
        dialog.query_one("#log-tool", Select).value = "DOPS"
        await pilot.pause()
        dialog.query_one("#log-rating", Select).value = "minor concerns"
        dialog.query_one("#input-log-count", Input).value = "2"
        dialog.query_one("#input-log-on", Input).value = "2026-11-20"
        dialog.query_one("#input-log-note", Input).value = "Two hernia repairs"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    entry = admin.get("case-g").plan.log[0]  # type: ignore[union-attr]
    assert (entry.kind, entry.tool, entry.count, entry.rating, entry.by, entry.recorded_by,
            entry.held_on) == ("assessment", "DOPS", 2, "minor concerns", "Dr Anna Smith",
                               "asmith", date(2026, 11, 20))
    assert admin.audit("case-g")[-1].action == "review.log"


def _logged(case: Case) -> None:
    for held, tool, rating in ((date(2026, 9, 10), "DOPS", "minor concerns"),  # review 1 saw it
                               (date(2026, 10, 5), "CbD", "minor concerns"),
                               (date(2026, 11, 2), "CbD", "meets expectations")):
        add_log_entry(case, kind="assessment", held_on=held, by="Dr Anna Smith",
                      user="asmith", now=datetime(2026, 11, 23, tzinfo=UTC), today=TODAY,
                      tool=tool, rating=rating)


async def test_the_outcome_form_starts_from_what_was_logged(store: CaseStore) -> None:
    fill(store)
    store.update("case-g", _logged, "review.log", "logged")
    store.update("case-g", lambda c: setattr(c.plan.review_points[0].outcome, "held_on",
                                             date(2026, 9, 20)), "review.fix", "held later")
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        case = store.get("case-g")
        app.push_screen(ReviewOutcomeDialog(case, "rp-case-g-2"))
        await pilot.pause()
        dialog = app.screen
        checklist = dialog.query_one("#evidence")
        tools = checklist.tools  # type: ignore[attr-defined]
        cbd, dops = tools.index("CbD"), tools.index("DOPS")
        assert dialog.query_one(f"#tool-{cbd}", Checkbox).value
        assert dialog.query_one(f"#count-{cbd}", Input).value == "2"
        assert dialog.query_one(f"#rating-{cbd}", Select).value == "meets expectations"
        assert not dialog.query_one(f"#tool-{dops}", Checkbox).value  # before review 1
        assert "CbD x2" in str(dialog.query_one("#outcome-logged").render())
