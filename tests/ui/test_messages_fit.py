"""Messages fit or wrap at 80 columns (issue 12): the plan builder's header and "Saved"
line, and the intake's title, with a long practitioner's and a long person's name."""

from __future__ import annotations

from textual.widgets import Input

from psr_tui.store import CaseStore
from psr_tui.ui.wording import fitted
from tests.conftest import TODAY

from .screen_text import assert_snapshot, screen_text
from .test_plan_builder import CASE_ID, BuilderApp, mr_g

PRACTITIONER = "Professor Alexandra Catherine Montgomery-Fitzwilliam-Worthington"
PERSON = ("Dr Bartholomew Maximilian Featherstonehaugh-Cholmondeley of the Royal "
          "Infirmary [b]Trust[/b]")


def test_fitted_wraps_at_words_and_says_when_it_cut() -> None:
    assert fitted("short", 40, 2) == "short"
    assert fitted("one two three four", 9, 2) == "one two\nthree…"
    assert fitted("one two three", 9, 2) == "one two\nthree"
    assert fitted("x" * 30, 10, 1) == "x" * 9 + "…"
    assert fitted("Dr \x1b[2J Evil", 40, 1) == "Dr ␛[2J Evil"  # controls shown, never sent


async def test_the_builders_header_and_saved_line_fit_at_80_columns(store: CaseStore) -> None:
    case = mr_g()
    case.request.practitioner.name = PRACTITIONER
    store.create(case)
    app = BuilderApp(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "e")  # the first role
        await pilot.pause()
        app.screen.query_one("#input-person", Input).value = PERSON
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "current level L1 Direct" in text  # the header's end, on its second line
        lines = text.splitlines()
        saved = next(n for n, line in enumerate(lines) if line.startswith(" Saved: edit role"))
        assert lines[saved + 1].rstrip().endswith("…")  # cut at a word, and says so
        assert "[b]Trust" in " ".join(lines)  # the item's own line: plain text, not markup
        assert_snapshot(app, "builder_long_names")
    summary = store.audit(CASE_ID)[-1].summary
    assert summary.endswith("Dr Bartholomew Maximilian…")  # whole words, and says it cut


async def test_the_intake_title_wraps_rather_than_losing_the_state(store: CaseStore) -> None:
    from psr_tui.app import make_app
    from psr_tui.domain.case import Case
    from psr_tui.ui.screens.intake import IntakeScreen

    case = Case(id="case-long")
    case.request.practitioner.name = PRACTITIONER
    case.request.organisation.name = "Northmoor and Upper Calderdale Teaching Hospitals NHS Trust"
    store.create(case)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        lines = screen_text(app).splitlines()
        title = " ".join(line.strip() for line in lines[1:3])
        assert title.startswith(f"Intake: {PRACTITIONER} · Northmoor")
        assert title.endswith("· Request received")
