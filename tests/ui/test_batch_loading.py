"""The list screens load in batches (screens/batch_loading.py): each batch's rows are
slotted into order and only they are filtered on the UI thread; the result is the list a
single sort of every row gives (issue 9)."""

from __future__ import annotations

import gc
from datetime import date

import pytest
from textual.widgets import DataTable, Static

from psr_tui.app import make_app
from psr_tui.demo import write_demo
from psr_tui.domain.plan_overview import PlanFilter, PlanRow, count_line, plan_rows
from psr_tui.domain.status import item_order, review_items
from psr_tui.store import CaseStore
from psr_tui.ui.screens import batch_loading
from psr_tui.ui.screens.dashboard import DashboardScreen
from psr_tui.ui.screens.plans_dashboard import PlansDashboardScreen
from psr_tui.ui.screens.quick_review import QuickReviewScreen

from .waiting import until

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(store: CaseStore, monkeypatch: pytest.MonkeyPatch) -> CaseStore:
    write_demo(store, TODAY)
    monkeypatch.setattr(batch_loading, "FIRST_BATCH", 2)
    monkeypatch.setattr(batch_loading, "LOAD_BATCH", 3)
    monkeypatch.setattr(batch_loading, "REDRAW_EVERY", 2)
    return store


def keys(table: DataTable[object]) -> list[str]:
    return [str(k.value) for k in table.rows]


async def test_plans_dashboard_filters_each_row_once_while_loading(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    every = plan_rows(demo.load_digests()[0], TODAY)
    delivery = [r for r in every if r.in_delivery]
    total = len(demo.list_ids())
    filtered: list[str] = []
    matches = PlanFilter.matches

    def counted(self: PlanFilter, row: PlanRow) -> bool:
        filtered.append(row.case_id)
        return matches(self, row)

    monkeypatch.setattr(PlanFilter, "matches", counted)
    lines: list[str] = []
    arrived = PlansDashboardScreen._arrived

    def watch(self: PlansDashboardScreen, arrival: object) -> None:
        arrived(self, arrival)  # type: ignore[arg-type]
        lines.append(str(self.query_one("#plans-counts", Static).render()))

    monkeypatch.setattr(PlansDashboardScreen, "_arrived", watch)
    app = make_app(demo, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await app.push_screen(PlansDashboardScreen())
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlansDashboardScreen)
        # Every plan filtered once as its batch came, none again for a later batch.
        assert sorted(filtered) == sorted(r.case_id for r in every)
        assert [r.case_id for r in screen.shown] == [r.case_id for r in delivery]
        assert keys(screen.query_one(DataTable)) == [r.case_id for r in delivery]
        # Counts once whole; while loading, how far it has read (not a partial count).
        assert lines[0] == f"Loading plans… 2/{total} cases read"
        assert lines[1] == f"Loading plans… 5/{total} cases read"
        assert len(lines) == -(-(total - 2) // 3) + 1
        assert lines[-1] == count_line(delivery)
    gc.unfreeze()


async def test_review_dashboard_loaded_in_batches_lists_every_due_item_in_order(
        demo: CaseStore) -> None:
    due = sorted(review_items(demo.load_digests()[0], TODAY), key=item_order)
    app = make_app(demo, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await app.push_screen(DashboardScreen())
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert [i.key for i in screen.items] == [i.key for i in due]
        assert keys(screen.query_one(DataTable)) == [i.key for i in due]
        summary = str(screen.query_one("#dash-summary", Static).render())
        overdue = sum(i.status == "overdue" for i in due)
        assert summary.startswith(f"{overdue} overdue · {len(due) - overdue} due within 7 days")
        assert "loading" not in summary
    gc.unfreeze()


async def test_quick_review_reloaded_in_batches_lists_every_due_item_in_order(
        demo: CaseStore) -> None:
    due = sorted(review_items(demo.load_digests()[0], TODAY), key=item_order)
    app = make_app(demo, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("a")  # every due item, then read again in batches
        await pilot.press("r")
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuickReviewScreen)
        assert [i.key for i in screen.items] == [i.key for i in due]
        assert keys(screen.query_one(DataTable)) == [i.key for i in due]
        assert screen.load_progress == ""
    gc.unfreeze()


async def test_the_review_dashboard_over_the_quick_review_reads_no_case_file_again(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick review, once loaded, holds every due case's digest: the review dashboard
    opened from it lists from those. On another day what is due has moved: it reads."""
    due = sorted(review_items(demo.load_digests()[0], TODAY), key=item_order)
    days = [TODAY]
    app = make_app(demo, today=lambda: days[0], start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        quick = app.screen
        assert isinstance(quick, QuickReviewScreen)
        await until(pilot, lambda: quick.due_digests() is not None, what="the review loaded")
        reads: list[int] = []
        real = demo.iter_digests
        monkeypatch.setattr(demo, "iter_digests",
                            lambda *a, **k: reads.append(1) or real(*a, **k))
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                    and not app.screen.load_progress and app.screen.items != [],
                    what="the dashboard listed")
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert reads == []
        assert [i.key for i in screen.items] == [i.key for i in due]
        assert keys(screen.query_one(DataTable)) == [i.key for i in due]
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is quick, what="back on the review")
        days[0] = date(2026, 11, 24)
        await pilot.press("d")
        await until(pilot, lambda: reads != [], what="the case files read for the new day")
    gc.unfreeze()
