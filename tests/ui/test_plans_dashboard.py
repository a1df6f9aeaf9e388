"""The dashboard across plans: rows, order, filters (remembered per user), my cases,
Enter/back keeping the row, the switch to review points, wider columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from psr_tui.app import make_app
from psr_tui.domain.access import SUPERVISOR, Identity
from psr_tui.store import CaseStore
from psr_tui.ui.screens.dashboard import DashboardScreen
from psr_tui.ui.screens.home import HomeScreen
from psr_tui.ui.screens.plan_progress import PlanProgressScreen
from psr_tui.ui.screens.plans_dashboard import PlansDashboardScreen
from tests.domain.plan_states import ADVISER, TODAY, fill_every_state

from .screen_text import assert_snapshot, screen_text

DELIVERY_ORDER = ["overdue", "behind", "completion-due", "amendment", "slow-ladder",
                  "extended", "on-track", "paused"]
HELEN = Identity("hmarsden", display_name=ADVISER)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    fill_every_state(CaseStore.open(tmp_path / "db", user="tester"))
    return tmp_path / "db"


def _app(db: Path, identity: Identity = HELEN):
    return make_app(CaseStore.open(db, identity=identity), today=lambda: TODAY, poll=False)


async def _plans(app, pilot) -> PlansDashboardScreen:
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("d")
    await _settle(app, pilot)
    assert isinstance(app.screen, PlansDashboardScreen)
    return app.screen


async def _settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def _ids(screen: PlansDashboardScreen) -> list[str]:
    return [r.case_id for r in screen.shown]


async def _pick_state(app, pilot, code: str) -> None:
    await pilot.press("t")
    await pilot.pause()
    options = app.screen.query_one(OptionList)
    options.highlighted = next(n for n in range(options.option_count)
                               if options.get_option_at_index(n).id == code)
    await pilot.press("enter")
    await pilot.pause()


async def test_rows_in_order_with_the_count_line_and_snapshot(db: Path) -> None:
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _plans(app, pilot)
        assert _ids(screen) == DELIVERY_ORDER
        text = screen_text(app)
        assert "8 plans in delivery · 2 behind · 1 overdue review" in text
        # readable without colour: the mark, the ladder and the state are characters
        first = next(line for line in text.splitlines() if "Olive" in line)
        assert first.lstrip().startswith("!") and "2[3]45" in first and "behind" in first
        assert "[2](3)45" in text and "to complete" in text and "amendment" in text
        assert_snapshot(app, "plans_dashboard")


async def test_filters_combine_and_clear(db: Path) -> None:
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _plans(app, pilot)
        await pilot.press("o", *"eastfield", "enter")
        await pilot.pause()
        assert _ids(screen) == ["behind", "slow-ladder", "extended"]
        await _pick_state(app, pilot, "behind")
        assert _ids(screen) == ["behind"]
        assert "1 of 10 shown" in screen_text(app)
        await pilot.press("s", *"carol", "enter")
        await pilot.pause()
        assert _ids(screen) == [] and "No plans match" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert _ids(screen) == DELIVERY_ORDER
        await _pick_state(app, pilot, "all")
        assert _ids(screen)[-2:] == ["not-started", "completed"]
        await pilot.press("c", *"reed", "enter")
        await pilot.pause()
        assert _ids(screen) == ["amendment", "paused"]


async def test_typed_letters_stay_in_the_filter(db: Path) -> None:
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _plans(app, pilot)
        await pilot.press("s", *"mvtx")
        await pilot.pause()
        assert screen.query_one("#filter-supervisor", Input).value == "mvtx"
        assert isinstance(app.screen, PlansDashboardScreen) and not screen.mine
        await pilot.press("escape")  # leaves the filter, not the screen
        assert isinstance(app.screen, PlansDashboardScreen)
        assert isinstance(app.focused, DataTable)


async def test_my_cases_are_the_case_advisers_own(db: Path) -> None:
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _plans(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        # Dr Helen Marsden's (one typed in small letters); Mr Tom Reed's are not hers
        assert _ids(screen) == ["overdue", "behind", "completion-due", "slow-ladder",
                                "extended", "on-track"]
        assert "m: my cases" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert _ids(screen) == DELIVERY_ORDER


async def test_my_cases_with_none_says_why_the_list_is_empty(db: Path) -> None:
    app = _app(db, Identity("nobody", display_name="Dr No Cases"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _plans(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert _ids(screen) == []
        line = str(screen.query_one("#plans-counts", Static).render())
        assert line == ("None of the 10 plans is yours as case adviser or supervisor · "
                        "m: every plan")
        await pilot.press("m")
        await pilot.pause()
        assert _ids(screen) == DELIVERY_ORDER


async def test_filters_are_remembered_per_user_across_restarts(db: Path) -> None:
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _plans(app, pilot)
        await pilot.press("o", *"northshire", "enter")
        await _pick_state(app, pilot, "all")
        await pilot.press("m")
        await pilot.pause()
    again = _app(db)
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await _plans(again, pilot)
        assert screen.query_one("#filter-organisation", Input).value == "northshire"
        assert screen.state == "all" and screen.mine
        assert _ids(screen) == ["overdue", "completion-due", "on-track", "not-started"]
    # another user's dashboard is not filtered by hers
    other = _app(db, Identity("tester"))
    async with other.run_test(size=(80, 24)) as pilot:
        screen = await _plans(other, pilot)
        assert _ids(screen) == DELIVERY_ORDER


async def test_opening_and_leaving_the_dashboard_writes_no_settings(db: Path) -> None:
    # A filter box loses the focus as the screen opens: that alone stored the filters
    # (an atomic write and two fsyncs on the UI thread) on every `d`.
    settings = db / "settings" / "hmarsden.json"
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _plans(app, pilot)
        await pilot.press("o", "escape")  # into a filter and out, nothing typed
        await pilot.pause()
        assert not settings.exists()
        await pilot.press("m")
        await pilot.pause()
    assert json.loads(settings.read_text())["plans_dashboard"]["mine"] == "yes"
    stamp = settings.stat().st_mtime_ns
    again = _app(db)
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await _plans(again, pilot)
        assert screen.mine
        await pilot.press("o", "escape")
        await pilot.pause()
    assert settings.stat().st_mtime_ns == stamp


async def test_a_damaged_remembered_filter_falls_back_to_the_defaults(db: Path) -> None:
    (db / "settings").mkdir(mode=0o700, exist_ok=True)
    (db / "settings" / "hmarsden.json").write_text(
        '{"plans_dashboard": {"state": "everything", "organisation": 7, "mine": "yes"}}')
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _plans(app, pilot)
        assert screen.state == "delivery" and screen.mine
        assert screen.query_one("#filter-organisation", Input).value == ""


async def test_enter_opens_progress_and_back_returns_to_the_same_row(db: Path) -> None:
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _plans(app, pilot)
        await pilot.press("j", "j", "j")
        assert screen.selected_id() == "amendment"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen) and app.screen.case_id == "amendment"
        await pilot.press("escape")
        await _settle(app, pilot)
        assert app.screen is screen and screen.selected_id() == "amendment"
        assert screen.query_one(DataTable).cursor_row == 3


async def test_v_switches_to_review_points_and_back(db: Path) -> None:
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _plans(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("v")
        await _settle(app, pilot)
        assert app.screen is screen


async def test_the_review_points_dashboard_alone_switches_to_plans(db: Path) -> None:
    supervisor = Identity("asmith", SUPERVISOR)  # starts on the quick review
    app = _app(db, supervisor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DashboardScreen())
        await pilot.pause()
        await pilot.press("v")
        await _settle(app, pilot)
        assert isinstance(app.screen, PlansDashboardScreen)
        # the supervisor's scope: no plan links asmith as a user, so none is shown
        assert _ids(app.screen) == []


async def test_a_wide_terminal_shows_more_columns(db: Path) -> None:
    app = _app(db)
    async with app.run_test(size=(150, 30)) as pilot:
        screen = await _plans(app, pilot)
        text = screen_text(app)
        assert "Case adviser" in text and "Supervisor" in text and "Last outcome" in text
        assert "Dr Carol White" in text and "Mr Tom Reed" in text
        assert "Insufficient" in text and "16 Nov 26" in text
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "Case adviser" not in screen_text(app)
        assert _ids(screen) == DELIVERY_ORDER
