"""A note past LONG_NOTE characters opens by its start (no TextArea wrapping all of it
while the step is laid out); Enter edits the whole note; nothing is lost either way."""

from __future__ import annotations

from textual.widgets import Static, TextArea

from psr_tui.app import make_app
from psr_tui.store import CaseStore
from psr_tui.ui.screens.intake.long_note import LONG_NOTE, LongNote
from psr_tui.ui.screens.intake.step_form import safe_id
from tests.ui.screen_text import screen_text
from tests.ui.test_intake import STEP, TODAY, open_intake, stored_case

NOTES = f"#input-{safe_id('discussions.practitioner.notes')}"
ORGANISATION_NOTES = f"#input-{safe_id('discussions.organisation.notes')}"
LINE = "Discussed the supervision arrangements and the evidence.\n"
# Past the limit, ending in a line that only the whole note holds.
LONG = LINE * (LONG_NOTE // len(LINE) + 1) + "The last line, far below the start."


def with_note(store: CaseStore, note: str) -> str:
    created = stored_case(store, step="discussions", state="accepted")
    store.update(created.id, lambda c: setattr(c.discussions.practitioner, "notes", note),
                 "intake", "a long note")
    return created.id


async def test_a_long_note_opens_by_its_start_and_saves_unchanged(store: CaseStore) -> None:
    case_id = with_note(store, LONG)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, case_id, pilot)
        assert screen.step == STEP["discussions"]
        note = screen.query_one(NOTES, LongNote)
        assert not note.query(TextArea)  # nothing wraps the whole note yet
        start = str(note.query_one(".long-note-start", Static).render())
        assert start.startswith("Discussed the supervision") and "last line" not in start
        note.scroll_visible(animate=False)
        await pilot.pause()
        assert "characters): Enter edits it" in screen_text(app)  # whole at 80 columns
        revision = store.get(case_id).revision
        # Another field changed: the step is saved, the long note with it as it was.
        screen.query_one(ORGANISATION_NOTES, TextArea).focus()
        await pilot.press(*"Agreed")
        await pilot.press("ctrl+n")
        await pilot.pause()
        saved = store.get(case_id)
        assert saved.revision == revision + 1
        assert saved.discussions.organisation.notes == "Agreed"
        assert saved.discussions.practitioner.notes == LONG.strip()


async def test_enter_edits_the_whole_long_note(store: CaseStore) -> None:
    case_id = with_note(store, LONG)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, case_id, pilot)
        note = screen.query_one(NOTES, LongNote)
        note.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        editor = note.query_one(TextArea)
        assert app.focused is editor and editor.text == LONG
        await pilot.press(*"Seen ")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert store.get(case_id).discussions.practitioner.notes == "Seen " + LONG.strip()


async def test_a_note_of_ordinary_length_is_a_text_area_at_once(store: CaseStore) -> None:
    case_id = with_note(store, LINE * 20)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, case_id, pilot)
        assert screen.query_one(NOTES, TextArea).text == LINE * 20
        assert not screen.query(LongNote)
