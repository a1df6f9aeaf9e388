"""A full disk during a save is a message where it was typed: the dialog or step stays open
with everything typed, nothing stored changes, and the app does not crash."""

from __future__ import annotations

import errno
from datetime import date
from pathlib import Path

import pytest

from psr_tui.app import make_app
from psr_tui.store import CaseStore, atomic_storage
from psr_tui.ui.dialogs.confirm import ConfirmDialog
from psr_tui.ui.dialogs.objective_form import ObjectiveDialog
from psr_tui.ui.dialogs.review_outcome import ReviewOutcomeDialog
from psr_tui.ui.screens.intake.step_form import safe_id
from psr_tui.ui.widgets.form_field import FormField

from .review_cases import fill
from .screen_text import screen_text
from .test_intake import STEP, open_intake, stored_case, type_into
from .test_plan_builder import CASE_ID
from .test_plan_builder import make as make_builder_app

TODAY = date(2026, 11, 23)
FULL = "Not saved: the disk is full"


def stored_bytes(store: CaseStore) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in Path(store.cases_dir).iterdir()}


def flat(app: object) -> str:
    return " ".join(screen_text(app).split())  # type: ignore[arg-type]


async def test_review_outcome_on_a_full_disk_keeps_the_dialog_and_the_note(
    make_store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store("asmith")
    fill(store)
    before = stored_bytes(store)
    full_disk_now(monkeypatch)
    note = "Discussed the CbDs"
    app = make_app(store, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "1", *note, "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReviewOutcomeDialog)  # still open, no crash
        assert FULL in flat(app)
        assert dialog.query_one("#field-note", FormField).value == note
        # Esc with the note typed asks before throwing it away; "n" keeps it.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one("#field-note", FormField).value == note
    assert app.return_code in (None, 0)
    assert stored_bytes(store) == before


async def test_intake_step_on_a_full_disk_keeps_the_step(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = stored_case(store, step="practitioner")
    before = stored_bytes(store)
    app = make_app(store, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        full_disk_now(monkeypatch)
        await type_into(pilot, screen, "request.practitioner.name", "Dr Typed Name")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen is screen and screen.step == STEP["practitioner"]
        assert FULL in flat(app)
        field = screen.query_one(f"#field-{safe_id('request.practitioner.name')}", FormField)
        assert field.value == "Dr Typed Name"
    assert app.return_code in (None, 0)
    assert stored_bytes(store) == before


def full_disk_now(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_storage, "write_file_atomic", no_space)


async def test_plan_builder_save_on_a_full_disk_keeps_the_dialog(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_builder_app(store)
    before = stored_bytes(store)
    full_disk_now(monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")  # the clinical objective
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ObjectiveDialog)
        await pilot.press("tab", "tab", *["backspace"] * 40, *"8 DOPS")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert FULL in flat(app)
        assert dialog.text("measure") == "8 DOPS"
    assert app.return_code in (None, 0)
    assert stored_bytes(store) == before
    assert store.get(CASE_ID).revision == 1
