"""Closed cases leave home after the archive period and are listed, read-only, in the
archive view (a on home)."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from psr_tui.app import make_app
from psr_tui.demo import write_demo
from psr_tui.domain.archive import split_archive
from psr_tui.store import CaseStore
from psr_tui.ui.screens.archive import ArchiveScreen
from psr_tui.ui.screens.home import HomeScreen
from psr_tui.ui.screens.plan_progress import PlanProgressScreen
from tests.ui.screen_text import screen_text

TODAY = date(2026, 11, 23)


def ids(table: DataTable) -> set[str]:  # type: ignore[type-arg]
    return {str(key.value) for key in table.rows}


async def test_archived_cases_leave_home_and_are_listed_in_the_archive(
        store: CaseStore) -> None:
    write_demo(store, TODAY)
    working, archived = split_archive(store.load_all()[0], TODAY)
    assert archived and working, "the demo should have archived and working cases"
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert ids(home.query_one("#home-cases", DataTable)) == {c.id for c in working}
        await pilot.press("a")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ArchiveScreen)
        table = app.screen.query_one("#archive-cases", DataTable)
        assert ids(table) == {c.id for c in archived}
        assert f"Archive: {len(archived)} closed cases · read-only" in screen_text(app)
        with_plan = next(c.id for c in archived if c.plan is not None)
        table.move_cursor(row=table.get_row_index(with_plan))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
