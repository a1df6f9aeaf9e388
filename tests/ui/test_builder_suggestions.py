"""Suggestions shaped in one key each (issue 12): y accepts, x drops, Enter edits (saving
accepts), in the objectives, activities and ladder lists; the store is asserted after each key."""

from __future__ import annotations

from textual.widgets import DataTable

from psr_tui.domain.case import Case
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.confirm import ConfirmDialog
from psr_tui.ui.dialogs.stage_form import StageDialog
from psr_tui.ui.screens.plan_builder import PlanBuilderScreen
from tests.conftest import TODAY

from .screen_text import assert_snapshot, screen_text
from .test_plan_builder import CASE_ID, BuilderApp, mr_g


def suggested_case() -> Case:
    """Mr G's draft with the leadership objective, the DOPS and the L2 stage still as the
    template suggested them."""
    case = mr_g()
    plan = case.plan
    assert plan is not None
    plan.objectives[1].suggested = True  # obj-lead
    plan.activities[0].suggested = True  # act-dops
    plan.stages[1].suggested = True  # stg-2
    return case


def make(store: CaseStore) -> BuilderApp:
    store.create(suggested_case())
    return BuilderApp(store, today=lambda: TODAY, poll=False)


def flags(store: CaseStore, collection: str) -> dict[str, bool]:
    plan = store.get(CASE_ID).plan
    assert plan is not None
    return {item.id: item.suggested for item in getattr(plan, collection)}


def last_action(store: CaseStore) -> str:
    return store.audit(CASE_ID)[-1].action


def selected(app: BuilderApp, table_id: str) -> str:
    table = app.screen.query_one(f"#{table_id}", DataTable)
    row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
    return str(row_key.value)


async def test_y_accepts_the_suggested_objective_as_it_is(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "*2" in screen_text(app)  # the leadership objective is marked
        await pilot.press("down")  # clinical skills first, then leadership
        await pilot.pause()
        assert "* Suggested: y accept · x drop · Enter edit" in screen_text(app)
        before = store.get(CASE_ID).plan.objective("obj-lead")  # type: ignore[union-attr]
        await pilot.press("y")
        await pilot.pause()
        assert flags(store, "objectives") == {"obj-clin": False, "obj-lead": False}
        after = store.get(CASE_ID).plan.objective("obj-lead")  # type: ignore[union-attr]
        assert after == before.model_copy(update={"suggested": False})  # type: ignore[union-attr]
        assert last_action(store) == "plan.objectives.accept"
        assert "Saved: accept suggested objective: Lead the theatre team brief" in \
            screen_text(app)
        assert "*2" not in screen_text(app)
        # Accepting it again is not a change: said, nothing saved.
        revision = store.get(CASE_ID).revision
        await pilot.press("y")
        await pilot.pause()
        assert "not a suggestion" in screen_text(app)
        assert store.get(CASE_ID).revision == revision


async def test_x_drops_a_suggestion_at_once_with_its_links(store: CaseStore) -> None:
    case = suggested_case()
    assert case.plan is not None
    case.plan.objectives[0].suggested = True  # obj-clin, which the DOPS serves
    store.create(case)
    app = BuilderApp(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("x")  # obj-clin: no question asked, it can be suggested again
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        plan = store.get(CASE_ID).plan
        assert plan is not None
        assert [o.id for o in plan.objectives] == ["obj-lead"]
        assert plan.activities[0].objective_ids == []  # no link to what is gone
        assert last_action(store) == "plan.objectives.drop"
        # An accepted item still asks first.
        await pilot.press("2", "y")  # the DOPS accepted...
        await pilot.pause()
        assert flags(store, "activities") == {"act-dops": False}
        await pilot.press("x")  # ...then removing it asks
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert flags(store, "activities") == {"act-dops": False}


async def test_editing_a_suggested_stage_accepts_it(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "down")
        await pilot.pause()
        assert selected(app, "table-ladder") == "stg-2"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StageDialog)
        await pilot.press("ctrl+s")  # saved as it was: the edit accepts it
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
        assert flags(store, "stages") == {"stg-1": False, "stg-2": False}
        assert last_action(store) == "plan.stages.edit"


async def test_the_checker_counts_suggestions_until_each_is_accepted(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert "3 suggestions not yet accepted" in screen_text(app)
        await pilot.press("1", "down", "y", "2", "y")  # the objective and the activity
        await pilot.pause()
        await pilot.press("7")
        await pilot.pause()
        assert "1 suggestion not yet accepted" in screen_text(app)
        assert flags(store, "activities") == {"act-dops": False}
        await pilot.press("4", "down", "y", "7")
        await pilot.pause()
        assert "not yet accepted" not in screen_text(app)
        assert flags(store, "stages") == {"stg-1": False, "stg-2": False}


async def test_y_moves_on_to_the_next_suggestion(store: CaseStore) -> None:
    case = suggested_case()
    assert case.plan is not None
    case.plan.objectives[0].suggested = True
    store.create(case)
    app = BuilderApp(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert selected(app, "table-objectives") == "obj-clin"
        await pilot.press("y")
        await pilot.pause()
        assert selected(app, "table-objectives") == "obj-lead"
        await pilot.press("y")
        await pilot.pause()
        assert flags(store, "objectives") == {"obj-clin": False, "obj-lead": False}


async def test_snapshot_of_suggested_items_marked(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down")
        await pilot.pause()
        assert_snapshot(app, "plan_builder_suggested_objective")
        await pilot.press("2")
        await pilot.pause()
        assert_snapshot(app, "plan_builder_suggested_activity")
        await pilot.press("4", "down")
        await pilot.pause()
        assert_snapshot(app, "plan_builder_suggested_stage")
