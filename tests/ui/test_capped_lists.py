"""The quick review, the review-point and plans dashboards list the first SHOWN_ROWS items only,
say so ("2/N shown"), filter over every item, and after a save remove the saved row and
append the next, without rebuilding the table (issue 9)."""

from __future__ import annotations

import gc
from datetime import date

import pytest
from textual.widgets import DataTable, Input, Static

from psr_tui.app import make_app
from psr_tui.demo import write_demo
from psr_tui.domain.case import Case
from psr_tui.domain.plan_overview import plan_rows
from psr_tui.domain.status import review_items
from psr_tui.store import CaseStore
from psr_tui.ui.screens.dashboard import DashboardScreen
from psr_tui.ui.screens.plans_dashboard import PlansDashboardScreen
from psr_tui.ui.screens.quick_review import QuickReviewScreen
from psr_tui.ui.widgets import capped_rows

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(store: CaseStore, monkeypatch: pytest.MonkeyPatch) -> CaseStore:
    write_demo(store, TODAY)
    monkeypatch.setattr(capped_rows, "SHOWN_ROWS", 2)
    return store


def keys(table: DataTable[object]) -> list[str]:
    return [str(k.value) for k in table.rows]


async def test_quick_review_lists_the_first_rows_and_a_save_appends_the_next(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    due = review_items(demo.load_all()[0], TODAY)
    assert len(due) >= 4, "the demo should have several due review points"
    app = make_app(demo, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")  # every due review point
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuickReviewScreen)
        table = screen.query_one(DataTable)
        assert [i.key for i in screen.items] == [i.key for i in due]
        assert keys(table) == [i.key for i in due[:2]]
        title = str(screen.query_one("#quick-title", Static).render())
        assert f"(2/{len(due)} shown)" in title
        clears: list[int] = []
        monkeypatch.setattr(table, "clear", lambda *a, **k: clears.append(1))
        await pilot.press("enter", "2", *"fine", "enter")
        await pilot.pause()
        first = due[0]
        stored = demo.get(first.case_id)
        assert stored.plan is not None
        rp = stored.plan.review_point(first.review_point_id)
        assert rp is not None and rp.outcome is not None and rp.outcome.note == "fine"
        assert clears == []  # not rebuilt: the saved row removed, the next appended
        assert keys(table) == [i.key for i in due[1:3]]
        assert f"(2/{len(due) - 1} shown)" in str(
            screen.query_one("#quick-title", Static).render())
    gc.unfreeze()


async def test_dashboard_lists_the_first_rows_and_its_filter_reaches_every_item(
        demo: CaseStore) -> None:
    due = review_items(demo.load_all()[0], TODAY)
    # An organisation none of the listed items names: its items are all past the cap.
    listed_orgs = {i.organisation for i in due[:2]}
    last = next(i for i in due[2:] if i.organisation not in listed_orgs)
    app = make_app(demo, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await app.push_screen(DashboardScreen())
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        assert [i.key for i in screen.items] == [i.key for i in due]
        summary = str(screen.query_one("#dash-summary", Static).render())
        assert f"2/{len(due)} shown" in summary
        assert last.key not in [str(k.value) for k in table.rows]
        screen.query_one("#filter-organisation", Input).value = last.organisation.lower()
        await pilot.pause()
        matching = [i for i in due if last.organisation.lower() in i.organisation.lower()]
        assert [i.key for i in screen.items] == [i.key for i in matching]
        assert matching and all(i.key not in [d.key for d in due[:2]] for i in matching)
        assert [str(k.value) for k in table.rows] == [i.key for i in matching[:2]]
    gc.unfreeze()


async def test_plans_dashboard_lists_the_first_rows_and_rereads_only_a_changed_case(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = plan_rows(demo.load_digests()[0], TODAY)
    delivery = [r for r in rows if r.in_delivery]
    assert len(delivery) >= 3, "the demo should have several plans in delivery"
    app = make_app(demo, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await app.push_screen(PlansDashboardScreen())
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlansDashboardScreen)
        table = screen.query_one(DataTable)
        assert [r.case_id for r in screen.shown] == [r.case_id for r in delivery]
        assert keys(table) == [r.case_id for r in delivery[:2]]
        counts = str(screen.query_one("#plans-counts", Static).render())
        assert f"2/{len(delivery)} shown" in counts

        def everything(*args: object, **kwargs: object) -> None:
            raise AssertionError("a change re-read every case")

        monkeypatch.setattr(demo, "iter_digests", everything)
        listed = delivery[0].case_id

        def rename(case: Case) -> None:
            case.request.practitioner.name = "Dr Renamed"

        demo.update(listed, rename, "intake", "renamed")
        screen.cases_changed(frozenset({listed}))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(table.get_cell(listed, "practitioner")) == "Dr Renamed"
        monkeypatch.undo()
        now = [r for r in plan_rows(demo.load_digests()[0], TODAY) if r.in_delivery]
        assert keys(table) == [r.case_id for r in now[:2]]
    gc.unfreeze()
