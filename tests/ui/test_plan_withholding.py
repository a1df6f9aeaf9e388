"""Withholding the plan from the practitioner from plan progress (h, r, t), and the decision
letter from the archive: each through the one save path or the one export register, only
for the roles the access policy allows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input

from psr_tui.app import make_app
from psr_tui.demo import write_demo
from psr_tui.domain.access import SUPERVISOR, Identity
from psr_tui.domain.withholding import is_withheld
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.confirm import ConfirmDialog
from psr_tui.ui.dialogs.export_form import ExportDialog
from psr_tui.ui.dialogs.withholding_form import WithholdingDialog
from psr_tui.ui.screens.archive import ArchiveScreen, has_decision_letter
from psr_tui.ui.screens.plan_progress import PlanProgressScreen
from psr_tui.ui.screens.progress_exports import report_refusal

from .review_cases import fill

TODAY = date(2026, 11, 23)


def _app(store: CaseStore):
    return make_app(store, today=lambda: TODAY, start="home", poll=False)


async def _progress(app, pilot) -> PlanProgressScreen:
    await pilot.pause()
    app.push_screen(PlanProgressScreen("case-g"))
    await pilot.pause()
    assert isinstance(app.screen, PlanProgressScreen)
    return app.screen


def _type(dialog, field_id: str, text: str) -> None:
    dialog.query_one(f"#input-{field_id}", Input).value = text


async def _write_to(app, pilot, path: Path) -> None:
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    app.screen.query_one("#input-export-path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_an_adviser_withholds_the_plan_writes_the_letter_and_releases_it(
        store: CaseStore, tmp_path: Path) -> None:
    fill(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _progress(app, pilot)
        assert screen.withhold_allowed("withhold") and not screen.withhold_allowed("release")
        assert not screen.check_action("export_withholding_letter", ())  # no decision yet
        await pilot.press("h")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, WithholdingDialog)
        _type(dialog, "withhold-requested-by", "Dr A Rao, medical director")
        _type(dialog, "withhold-reasons", "Support is not yet in place")
        dialog.query_one("#withhold-not-told").value = True  # type: ignore[attr-defined]
        _type(dialog, "withhold-not-told-reason", "On sick leave; contact via occupational health")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert screen.withhold_allowed("release") and not screen.withhold_allowed("withhold")
        await pilot.press("t")
        await _write_to(app, pilot, tmp_path / "letter.md")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
    case = store.get("case-g")
    w = case.withholding
    assert w is not None and w.withheld and w.requested_by == "Dr A Rao, medical director"
    assert not w.practitioner_told
    assert w.not_told_reason == "On sick leave; contact via occupational health"
    assert w.released_on == TODAY and not is_withheld(case)
    actions = [e.action for e in store.audit("case-g")]
    assert actions[-2:] == ["plan.withhold", "plan.release"]
    letter = (tmp_path / "letter.md").read_text(encoding="utf-8")
    assert "Support is not yet in place" in letter
    assert "withheld from the practitioner for now" in letter  # organisation's copy


async def test_a_refused_request_is_recorded_and_nothing_is_withheld(
        store: CaseStore) -> None:
    fill(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _progress(app, pilot)
        await pilot.press("h")
        await pilot.pause()
        dialog = app.screen
        _type(dialog, "withhold-requested-by", "Dr A Rao")
        _type(dialog, "withhold-reasons", "The practitioner should see the plan now")
        dialog.query_one("#withhold-decision-1").value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert not screen.withhold_allowed("release")
    case = store.get("case-g")
    assert case.withholding is not None and not case.withholding.withheld
    assert case.withholding.practitioner_told and not is_withheld(case)


async def test_missing_reasons_keep_the_dialog_and_store_nothing(store: CaseStore) -> None:
    fill(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await _progress(app, pilot)
        await pilot.press("h")
        await pilot.pause()
        dialog = app.screen
        _type(dialog, "withhold-requested-by", "Dr A Rao")
        await pilot.press("ctrl+s")  # no reasons
        await pilot.pause()
        assert app.screen is dialog
        _type(dialog, "withhold-reasons", "Ill-health")
        dialog.query_one("#withhold-not-told").value = True
        await pilot.press("ctrl+s")  # not to be told, but no reason why: the rule refuses
        await pilot.pause()
        assert app.screen is dialog
        assert "Say why the practitioner is not to be contacted now" in str(
            dialog.query_one("#field-withhold-not-told-reason .field-error").render())
    assert store.get("case-g").withholding is None
    assert "plan.withhold" not in [e.action for e in store.audit("case-g")]


async def test_a_supervisor_is_offered_neither_withholding_nor_its_letter(
        tmp_path: Path) -> None:
    admin = CaseStore.open(tmp_path / "db", user="tester")
    fill(admin)
    store = CaseStore.open(tmp_path / "db", user="asmith", identity=Identity("asmith", SUPERVISOR))
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _progress(app, pilot)
        for action in ("withhold", "release", "export_withholding_letter"):
            assert not screen.check_action(action, ())
        await pilot.press("h")
        await pilot.pause()
        assert app.screen is screen
    assert store.get("case-g").withholding is None


async def test_the_archive_writes_a_declined_requests_decision_letter(
        store: CaseStore, tmp_path: Path) -> None:
    write_demo(store, TODAY)
    cases, _ = store.load_all()
    declined = next(c for c in cases if c.plan is None and c.state == "declined"
                    and has_decision_letter(c))
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # home has loaded: nothing replaces the top
        await pilot.pause()
        app.push_screen(ArchiveScreen())
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        archive = app.screen
        assert isinstance(archive, ArchiveScreen)
        archive.open_case(declined.id)
        await _write_to(app, pilot, tmp_path / "decision.md")
    letter = (tmp_path / "decision.md").read_text(encoding="utf-8")
    assert "Decision on the request for an action plan" in letter
    assert declined.id in letter
    # Only roles that may: a supervisor is never offered it (000 4.5: the organisation's).
    assert report_refusal(Identity("asmith", SUPERVISOR), "decision-letter")
