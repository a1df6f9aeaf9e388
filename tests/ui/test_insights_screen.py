"""The Insights screen: the analyst's start screen, `i` from home for every other role, the
figures as build_insights gives them over the identity's scope, withheld cells with no bar,
the period and organisation filters, the report written, and no UI thread blocked."""

from __future__ import annotations

import re
import threading
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Static

from psr_tui.app import make_app
from psr_tui.demo import generate_cases, write_demo
from psr_tui.domain.access import ADVISER, ANALYST, ORGANISATION_LEAD, SUPERVISOR, Identity
from psr_tui.domain.insights import Insights, build_insights
from psr_tui.domain.vocabulary import default_vocabularies
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.export_form import ExportDialog
from psr_tui.ui.dialogs.help import HelpScreen
from psr_tui.ui.dialogs.prompt_form import PromptDialog
from psr_tui.ui.screens.home import HomeScreen
from psr_tui.ui.screens.insights import COUNTING, InsightsScreen, year_before
from psr_tui.ui.screens.quick_review import QuickReviewScreen
from psr_tui.ui.widgets.insight_chart import BAR, EIGHTHS, FULL, bar

from .screen_text import assert_snapshot, screen_text

TODAY = date(2026, 11, 23)
VOCAB = default_vocabularies()
ANALYST_ID = Identity("ana", ANALYST)
ADVISER_ID = Identity("hadviser", ADVISER)
BAR_MARKS = set(FULL + EIGHTHS.strip())


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Mr G and 60 generated cases: enough plans for shown cells beside withheld ones."""
    root = tmp_path_factory.mktemp("insights") / "db"
    write_demo(CaseStore.open(root, user="admin"), TODAY, cases=60)
    return root


def expected(db: Path, who: Identity, **filters: object) -> Insights:
    facts, problems = CaseStore.open(db, identity=who).plan_facts(VOCAB)
    assert not problems
    return build_insights(facts, VOCAB, **filters)  # type: ignore[arg-type]


def app_as(db: Path, who: Identity):  # type: ignore[no-untyped-def]
    return make_app(CaseStore.open(db, identity=who), today=lambda: TODAY, poll=False)


async def counted(app, pilot) -> InsightsScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, InsightsScreen) and screen.insights is not None
    return screen


ROW = re.compile(r"^(.{34}) +(<5|\*|\d+)(?: +(\d+%))?(?: +of \d+)?(?:  ([█▏▎▍▌▋▊▉]+))?$")


def drawn_rows(section: str) -> list[tuple[str, str, str, str]]:
    """(label, plans, percent, bar) of each row a section draws, read back from its text by
    the columns a reader sees (a long label stands on the line above its figures)."""
    rows, label = [], ""
    for line in section.splitlines()[1:-1]:  # title line and denominator sentence aside
        match = ROW.match(line)
        if match is None:
            label = line.strip()
            continue
        first, shown, pct, drawn = match.groups()
        rows.append((first.strip() or label, shown, pct or "", drawn or ""))
        label = ""
    return rows


def sections(screen: InsightsScreen) -> list[str]:
    return [str(s.render()) for s in screen.query(".insight-section").results(Static)]


def assert_figures_match(screen: InsightsScreen, insights: Insights) -> None:
    drawn = sections(screen)
    assert len(drawn) == len(insights.tables) + 1  # and the durations
    for table, text in zip(insights.tables, drawn, strict=False):
        assert text.splitlines()[0].startswith(table.title[:30])
        assert text.splitlines()[-1] == table.denominator
        rows = drawn_rows(text)
        assert len(rows) == len(table.rows), table.title
        for row, (label, shown, pct, marks) in zip(table.rows, rows, strict=True):
            assert label == row.label[:33] or row.label.startswith(label.rstrip("…"))
            assert shown == row.shown.text
            assert pct == ("" if row.percent is None else f"{row.percent}%")
            assert bool(marks) == (row.percent is not None)  # a withheld cell has no bar
    for what, value in insights.durations:
        assert f"{what}: {value}" in drawn[-1]


# ---- the analyst starts here; figures as build_insights gives them ------------------------
async def test_analyst_starts_on_insights_over_every_plan(db: Path) -> None:
    want = expected(db, ANALYST_ID)
    assert want.plans > 30
    app = app_as(db, ANALYST_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await counted(app, pilot)
        assert screen.insights == want
        assert_figures_match(screen, want)
        text = screen_text(app)
        assert f"{want.plans} plans; all plans, whenever they started" in text
        assert "Counts of 1 to 4 plans are shown as <5" in text  # the rule, stated once
        assert "".join(sections(screen)).count("Counts of 1 to 4") == 0
        assert "back" not in {b.action for b, _ in app.actions_of(screen)}  # nowhere to go
        assert_snapshot(app, "insights_analyst")


async def test_a_withheld_cell_shows_its_mark_and_no_bar(db: Path) -> None:
    app = app_as(db, ANALYST_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await counted(app, pilot)
        lines = "\n".join(sections(screen)).splitlines()
        small = [line for line in lines if line.rstrip().endswith(" <5")]
        withheld = [line for line in lines if line.rstrip().endswith(" *")]
        assert small, "the demo should have a count of 1 to 4 somewhere"
        for line in small + withheld:
            assert not BAR_MARKS & set(line) and "%" not in line
        # And on the screen itself: the specialty groups hold a <5 within the first page.
        await pilot.press("n", "n")
        await pilot.pause()
        page = [line for line in screen_text(app).splitlines() if line.rstrip().endswith("<5")]
        assert page and not any(BAR_MARKS & set(line) for line in page)


def test_bars_are_plain_characters_to_the_eighth() -> None:
    assert bar(100) == FULL * BAR and bar(None) == ""
    assert bar(50, 10) == FULL * 5 and bar(55, 10) == FULL * 5 + "▌"
    assert bar(0) == "▏"  # a shown count that rounds to 0% still draws something
    assert year_before(date(2026, 11, 23)) == date(2025, 11, 24)
    assert year_before(date(2028, 2, 29)) == date(2027, 3, 1)


# ---- every other role: `i` from home, over its own scope ---------------------------------
async def test_adviser_opens_insights_from_home_and_goes_back(db: Path) -> None:
    app = app_as(db, ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, HomeScreen)
        assert "insights" in {b.action for b, _ in app.actions_of(app.screen)}  # F1, palette
        await pilot.press("i")
        screen = await counted(app, pilot)
        assert screen.insights == expected(db, ADVISER_ID)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_an_organisation_lead_counts_only_their_organisations_plans(db: Path) -> None:
    everything = expected(db, ANALYST_ID)
    facts, _ = CaseStore.open(db, identity=ANALYST_ID).plan_facts(VOCAB)
    organisation = Counter(f.organisation for f in facts).most_common(1)[0][0]
    lead = Identity("olead", ORGANISATION_LEAD, organisation)
    app = app_as(db, lead)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        screen = await counted(app, pilot)
        assert screen.insights is not None
        assert 0 < screen.insights.plans < everything.plans
        assert screen.insights == expected(db, lead)


async def test_the_palette_offers_insights_where_no_key_does(db: Path) -> None:
    """A supervisor starts on quick review, with no way to home: the palette's Insights."""
    supervisor = Identity("dosei", SUPERVISOR, "Northmoor Hospitals NHS Foundation Trust")
    app = app_as(db, supervisor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuickReviewScreen)
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Insights")
        command.callback()
        screen = await counted(app, pilot)
        assert screen.insights == expected(db, supervisor)
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Insights" not in titles  # open already
    app = app_as(db, ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Cases: Insights" in titles and "Insights" not in titles  # home's i: once


# ---- the filter ---------------------------------------------------------------------------
def dialog_text(dialog: object) -> str:
    """What the dialog says, its lines joined (the screen's text has the border between)."""
    assert isinstance(dialog, PromptDialog)
    return " ".join(str(w.render()) for w in dialog.query(Static))


async def answer(pilot, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(key)
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, PromptDialog)
    dialog.query_one("#input-value").value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_period_and_organisation_change_the_figures(db: Path) -> None:
    facts, _ = CaseStore.open(db, identity=ANALYST_ID).plan_facts(VOCAB)
    organisation = Counter(f.organisation for f in facts).most_common(1)[0][0]
    app = app_as(db, ANALYST_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await counted(app, pilot)
        everything = screen.insights
        assert everything is not None

        await answer(pilot, "o", organisation.upper())  # as typed, any case
        screen = await counted(app, pilot)
        want = expected(db, ANALYST_ID, organisation=organisation.upper())
        assert screen.insights == want and want.plans < everything.plans
        assert_figures_match(screen, want)

        await answer(pilot, "o", "")
        await answer(pilot, "f", "2026-01-01")
        await answer(pilot, "t", "2026-06-30")
        screen = await counted(app, pilot)
        want = expected(db, ANALYST_ID, start=date(2026, 1, 1), end=date(2026, 6, 30))
        assert screen.insights == want and 0 < want.plans < everything.plans
        assert "from 2026-01-01 to 2026-06-30" in screen_text(app)
        assert_figures_match(screen, want)

        await pilot.press("y")
        screen = await counted(app, pilot)
        assert screen.insights == expected(db, ANALYST_ID, start=date(2025, 11, 24), end=TODAY)
        await pilot.press("a")
        screen = await counted(app, pilot)
        assert screen.insights == everything


@pytest.mark.parametrize(("key", "typed", "words"), [
    ("f", "2026-02-30", "Not a date: use YYYY-MM-DD"),
    ("t", "last year", "Not a date: use YYYY-MM-DD"),
    ("o", "Northmore Hospitals NHS Foundation Trust", "No plan you may see is from that "
     "organisation. Did you mean Northmoor Hospitals NHS Foundation Trust"),
])
async def test_bad_filter_input_is_refused_where_it_was_typed(db: Path, key: str, typed: str,
                                                              words: str) -> None:
    app = app_as(db, ANALYST_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await counted(app, pilot)
        before = screen.insights
        await answer(pilot, key, typed)
        assert isinstance(app.screen, PromptDialog)  # still open, the typing kept
        assert app.screen.query_one("#input-value").value == typed
        assert words in dialog_text(app.screen)
        await pilot.press("escape", "y")  # EditDialog asks before dropping what was typed
        await pilot.pause()
        assert app.screen is screen and screen.insights == before


async def test_a_from_after_the_to_is_refused(db: Path) -> None:
    app = app_as(db, ANALYST_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await counted(app, pilot)
        await answer(pilot, "t", "2025-01-01")
        screen = await counted(app, pilot)
        await answer(pilot, "f", "2025-06-01")
        assert "is after the end of the period (2025-01-01)" in dialog_text(app.screen)
        assert screen.start is None


# ---- the report ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["insights.md", "insights.html"])
async def test_x_writes_the_report_shown(db: Path, tmp_path: Path, name: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSR_TUI_EXPORTS", str(tmp_path / "exports"))
    app = app_as(db, ANALYST_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await counted(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        proposed = dialog.query_one("#field-export-path").value
        assert proposed == str(tmp_path / "exports" / "insights-all.md")
        dialog.query_one("#field-export-path").input.value = str(tmp_path / name)
        await pilot.press("enter")
        await pilot.pause()
        text = (tmp_path / name).read_text()
        assert screen.insights is not None
        assert f"{screen.insights.plans} plans; all plans" in text
        if name.endswith(".html"):
            assert text.startswith("<!DOCTYPE html>") and "Copy for: Anyone who may" in text
        else:
            assert text.startswith("# PSR action plans: insights")
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600


async def test_other_users_saves_are_counted_again(tmp_path: Path) -> None:
    root = tmp_path / "db"
    admin = CaseStore.open(root, user="admin")
    write_demo(admin, TODAY, cases=10)
    app = app_as(root, ANALYST_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await counted(app, pilot)
        before = screen.insights
        assert before is not None
        admin.create_many(generate_cases(10, TODAY, seed=99), "more")  # someone else, meanwhile
        app._post_changes({"any"})  # as the app's poll does when the stamps change
        screen = await counted(app, pilot)
        assert screen.insights == expected(root, ANALYST_ID)
        assert screen.insights is not None and screen.insights.plans > before.plans


# ---- counting never blocks the UI thread --------------------------------------------------
async def test_counting_runs_off_the_ui_thread(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    store = CaseStore.open(db, identity=ANALYST_ID)
    real = store.plan_facts

    def slow(vocab):  # type: ignore[no-untyped-def]
        assert threading.current_thread() is not threading.main_thread()
        release.wait(10)
        return real(vocab)

    monkeypatch.setattr(store, "plan_facts", slow)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert COUNTING in screen_text(app)
        await pilot.press("f1")  # the app answers keys while counting
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        release.set()
        screen = await counted(app, pilot)
        assert COUNTING not in screen_text(app) and screen.insights is not None

