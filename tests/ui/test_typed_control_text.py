"""Text typed or pasted into a dialog that could drive a terminal is refused where it was
typed, with the field named; nothing is stored and what was typed stays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input

from psr_tui.app import make_app
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.objective_form import ObjectiveDialog
from psr_tui.ui.dialogs.review_outcome import ReviewOutcomeDialog
from psr_tui.ui.widgets.form_field import FormField

from .review_cases import fill
from .screen_text import screen_text
from .test_plan_builder import make as make_builder_app

TODAY = date(2026, 11, 23)
HOSTILE = "Seen \x1b]52;c;SGVsbG8=\x07 twice"


def stored_bytes(store: CaseStore) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in Path(store.cases_dir).iterdir()}


async def test_a_pasted_escape_in_the_review_note_is_refused_under_the_note(make_store) -> None:
    store = make_store("asmith")
    fill(store)
    before = stored_bytes(store)
    app = make_app(store, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "1")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReviewOutcomeDialog)
        note = dialog.query_one("#field-note", FormField)
        note.input.value = HOSTILE  # as a paste arrives
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        text = " ".join(screen_text(app).split())
        assert "contains a control character (ESC" in text
        assert note.input.value == HOSTILE
        assert app.focused is note.input
    assert stored_bytes(store) == before


async def test_a_control_character_in_a_plan_item_is_refused(store: CaseStore) -> None:
    app = make_builder_app(store)
    before = stored_bytes(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")  # the clinical objective
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ObjectiveDialog)
        field = dialog.query(Input).first()
        field.value = "Take a history\x9b2J"  # the one-byte CSI
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "control character" in " ".join(screen_text(app).split())
    assert stored_bytes(store) == before
