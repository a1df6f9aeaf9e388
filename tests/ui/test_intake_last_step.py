"""Next on the intake's last step saves it and stays: the form is kept as typed, not laid
out again (a long discussion note's text area re-wraps all of it on every layout)."""

from __future__ import annotations

from textual.widgets import Button, TextArea

from psr_tui.app import make_app
from psr_tui.store import CaseStore
from psr_tui.ui.screens.intake import IntakeScreen
from psr_tui.ui.screens.intake.step_form import safe_id
from tests.ui.test_intake import STEP, TODAY, open_intake, stored_case

NOTES = "discussions.practitioner.notes"


async def test_next_on_the_last_step_saves_and_keeps_the_form(store: CaseStore) -> None:
    created = stored_case(store, step="discussions", state="accepted")
    long_note = "\n".join(["Discussed the rota and the evidence."] * 2000)
    store.update(created.id, lambda c: setattr(c.discussions.practitioner, "notes", long_note),
                 "intake", "a long note")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        assert screen.step == STEP["discussions"]
        area = screen.query_one(f"#input-{safe_id(NOTES)}", TextArea)
        area.focus()
        await pilot.press(*"Seen ")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and screen.step == STEP["discussions"]
        # The same text area, as typed: not rebuilt.
        assert screen.query_one(f"#input-{safe_id(NOTES)}", TextArea) is area
        assert area.text == "Seen " + long_note
        saved = store.get(created.id)
        assert saved.discussions.practitioner.notes == "Seen " + long_note
        assert saved.revision == created.revision + 2
        # The buttons are redrawn for what the saved case allows.
        assert [b.id for b in screen.query("#step-nav Button").results(Button)][:2] == [
            "step-back", "step-next"]
