"""The app's one export dialog (dialogs/export_form.ExportDialog): the register's reports
the role may produce and the case can give, the copy, the format and the file, written
from plan progress, the plan builder and the archive alike."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from psr_tui.app import make_app
from psr_tui.domain.access import SUPERVISOR, Identity
from psr_tui.domain.case import Case
from psr_tui.export.reports import REPORTS, ReportRequest
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.export_form import ExportDialog
from psr_tui.ui.screens.plan_progress import PlanProgressScreen

from .review_cases import fill
from .screen_text import assert_snapshot, screen_text

TODAY = date(2026, 11, 23)


async def _dialog(app, pilot, key: str) -> ExportDialog:  # type: ignore[no-untyped-def]
    await pilot.pause()
    app.push_screen(PlanProgressScreen("case-g"))
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    return app.screen


def _options(dialog: ExportDialog, field: str) -> list[str]:
    return [str(label) for label, _value in dialog.query_one(f"#input-{field}", Select)._options
            if _value is not Select.NULL]


async def test_an_adviser_chooses_report_copy_and_format_and_the_file_follows(
        store: CaseStore, export_folder: Path) -> None:
    fill(store)
    app = make_app(store, today=lambda: TODAY, start="home", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog(app, pilot, "p")  # the progress summary chosen first
        assert _options(dialog, "report") == [
            "Action plan", "Progress report", "Review meeting sheet",
            "Supervisor information sheet", "Educational supervisor's report"]  # no letters
        assert _options(dialog, "audience") == ["The healthcare organisation", "The practitioner"]
        path = dialog.query_one("#input-export-path", Input)
        assert path.value == str(export_folder / "progress-case-g-organisation.md")
        dialog.query_one("#input-audience", Select).value = "practitioner"
        await pilot.pause()
        assert path.value == str(export_folder / "progress-case-g-practitioner.md")
        dialog.query_one("#input-format", Select).value = "html"
        await pilot.pause()
        assert path.value == str(export_folder / "progress-case-g-practitioner.html")
        dialog.query_one("#input-report", Select).value = "review-sheet"  # one copy only
        await pilot.pause()
        assert not dialog.query_one("#field-audience").display
        assert path.value == str(export_folder / "review-sheet-case-g.html")
        path.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    written = export_folder / "review-sheet-case-g.html"
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert written.stat().st_mode & 0o777 == 0o600


async def test_the_dialog_at_80x24(store: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(store)
    monkeypatch.setenv("PSR_TUI_EXPORTS", "/tmp/psr-tui-snapshot/exports")  # stable on screen
    app = make_app(store, today=lambda: TODAY, start="home", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _dialog(app, pilot, "e")
        text = screen_text(app)
        assert "Progress report, Review 2 (4 months)" in text  # the review point's report
        assert_snapshot(app, "export_dialog")


async def test_a_typed_name_sets_the_format_and_a_failed_write_stays_in_the_dialog(
        store: CaseStore, tmp_path: Path, export_folder: Path) -> None:
    fill(store)
    (tmp_path / "a-file").write_text("not a folder")
    app = make_app(store, today=lambda: TODAY, start="home", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog(app, pilot, "p")
        path = dialog.query_one("#input-export-path", Input)
        path.value = str(tmp_path / "a-file" / "summary.html")
        await pilot.pause()
        assert dialog.query_one("#input-format", Select).value == "html"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # nothing lost: the reason is under the file
        assert "cannot write" in screen_text(app)
        path.value = str(tmp_path / "summary.md")
        await pilot.pause()
        assert dialog.query_one("#input-format", Select).value == "markdown"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not dialog
    assert (tmp_path / "summary.md").read_text(encoding="utf-8").startswith("#")


async def test_a_supervisor_is_offered_only_their_reports_at_their_own_copy(
        tmp_path: Path, export_folder: Path) -> None:
    fill(CaseStore.open(tmp_path / "db", user="tester"))
    anna = CaseStore.open(tmp_path / "db", identity=Identity("asmith", role=SUPERVISOR))
    app = make_app(anna, today=lambda: TODAY, start="home", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog(app, pilot, "e")
        assert "Decision letter" not in _options(dialog, "report")
        assert _options(dialog, "audience") == ["The healthcare organisation"]
        await pilot.press("enter")
        await pilot.pause()
    written = export_folder / "progress-case-g-rp-case-g-2-organisation.md"
    assert "Review 2 (4 months)" in written.read_text(encoding="utf-8")


def _count_renders(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every report's renderer, wrapped to note (report, audience) each time it runs."""
    rendered: list[tuple[str, str]] = []
    for report in list(REPORTS.values()):
        def counting(request: ReportRequest, report=report):  # type: ignore[no-untyped-def]
            rendered.append((report.id, request.audience))
            return report.render(request)

        monkeypatch.setitem(REPORTS, report.id, dataclasses.replace(report, render=counting))
    return rendered


async def test_opening_renders_nothing_and_writing_renders_the_chosen_copy_once(
        store: CaseStore, export_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(store)
    rendered = _count_renders(monkeypatch)
    app = make_app(store, today=lambda: TODAY, start="home", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog(app, pilot, "p")
        assert len(_options(dialog, "report")) == 5 and rendered == []
        dialog.query_one("#input-audience", Select).value = "practitioner"
        await pilot.pause()
        dialog.query_one("#input-export-path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert rendered == [("progress", "practitioner")]
    assert (export_folder / "progress-case-g-practitioner.md").read_text(encoding="utf-8")


async def test_a_report_the_case_cannot_give_is_not_offered(
        store: CaseStore, export_folder: Path) -> None:
    """Every review of case-g held: no meeting sheet to offer, nor to ask for by its key."""
    fill(store)
    store.update("case-g", _hold_every_review, "review.record", "all held")
    app = make_app(store, today=lambda: TODAY, start="home", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog(app, pilot, "p")
        assert "Review meeting sheet" not in _options(dialog, "report")
        assert "Progress report" in _options(dialog, "report")


def _hold_every_review(case: Case) -> None:
    assert case.plan is not None
    held = case.plan.review_points[0].outcome
    for point in case.plan.review_points:
        point.outcome = held
