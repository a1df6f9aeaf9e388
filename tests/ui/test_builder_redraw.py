"""After a save the builder redraws only what changed (issue 9: a plan of 200 objectives
was rebuilt row by row, and checked, on every save): an edited row's cells in place, the
table refilled only when rows come, go or move, and the checker run only while shown."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from psr_tui.domain.case import Case
from psr_tui.domain.checker import check_plan
from psr_tui.domain.plan import Activity
from psr_tui.store import CaseStore
from psr_tui.ui.screens.plan_builder import PlanBuilderScreen
from psr_tui.ui.screens.plan_builder import checker as checker_module

from .test_plan_builder import CASE_ID, make


def watch_table(table: DataTable[str], monkeypatch: pytest.MonkeyPatch) -> tuple[
        list[int], list[str]]:
    """Record the table's clears and the row keys of the cells updated in place."""
    clears: list[int] = []
    updated: list[str] = []
    clear, update_cell = table.clear, table.update_cell

    def counted_clear(*args, **kwargs):  # type: ignore[no-untyped-def]
        clears.append(1)
        return clear(*args, **kwargs)

    def recorded_update(row_key, column_key, value, **kwargs):  # type: ignore[no-untyped-def]
        updated.append(str(getattr(row_key, "value", row_key)))
        return update_cell(row_key, column_key, value, **kwargs)

    monkeypatch.setattr(table, "clear", counted_clear)
    monkeypatch.setattr(table, "update_cell", recorded_update)
    return clears, updated


async def test_an_edit_redraws_only_its_row(store: CaseStore,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        builder = app.screen
        assert isinstance(builder, PlanBuilderScreen)
        table = builder.sections["objectives"].query_one(DataTable)
        table.move_cursor(row=1)
        clears, updated = watch_table(table, monkeypatch)

        def reword(case: Case) -> None:
            case.plan.objective("obj-lead").statement = "Lead the team brief"  # type: ignore[union-attr]

        assert builder.save(reword, "plan.objectives.edit", "edit objective") is None
        await pilot.pause()
        assert clears == [] and set(updated) == {"obj-lead"}
        assert str(table.get_row("obj-lead")[2]) == "Lead the team brief"
        assert table.cursor_row == 1  # the cursor stays where it was

        clears.clear()
        updated.clear()

        def remove(case: Case) -> None:
            case.plan.objectives = [o for o in case.plan.objectives  # type: ignore[union-attr]
                                    if o.id != "obj-clin"]

        assert builder.save(remove, "plan.objectives.remove", "remove objective") is None
        await pilot.pause()
        # A row gone: the table is refilled, the cursor kept on its item.
        assert clears == [1] and table.row_count == 1
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == "obj-lead"


async def test_the_checker_runs_only_when_shown(store: CaseStore,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counted(case, vocab):  # type: ignore[no-untyped-def]
        calls.append(case.id)
        return check_plan(case, vocab)

    monkeypatch.setattr(checker_module, "check_plan", counted)
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        builder = app.screen
        assert isinstance(builder, PlanBuilderScreen)

        def blank_measure(case: Case) -> None:
            case.plan.objective("obj-lead").measure = ""  # type: ignore[union-attr]

        assert builder.save(blank_measure, "plan.objectives.edit", "edit objective") is None
        await pilot.pause()
        assert calls == []  # opened and saved on the objectives: never checked
        await pilot.press("7")
        await pilot.pause()
        assert calls == [CASE_ID]
        checker = builder.sections["checker"]

        def findings() -> list[str]:
            return [f.path for f in checker.findings]  # type: ignore[attr-defined]

        # Checked on the case as saved, not as it was when the builder opened.
        assert "plan.objectives[obj-lead].measure" in findings()
        assert findings() == [f.path for f in check_plan(store.get(CASE_ID), app.vocab)]

        def add_activity(case: Case) -> None:
            case.plan.activities.append(Activity(  # type: ignore[union-attr]
                id="act-msf", kind="MSF", objective_ids=["obj-lead"], evidence="MSF report",
                responsible="role-cs"))

        assert builder.save(add_activity, "plan.activities.add", "add activity") is None
        await pilot.pause()
        assert calls == [CASE_ID, CASE_ID]  # shown: checked again at once
        assert "plan.objectives[obj-lead]" not in findings()
        assert findings() == [f.path for f in check_plan(store.get(CASE_ID), app.vocab)]


async def test_a_long_list_fills_after_the_first_frame(store: CaseStore) -> None:
    app = make(store)

    def many(case: Case) -> None:
        plan = case.plan
        assert plan is not None
        first = plan.objectives[0]
        plan.objectives += [first.model_copy(update={"id": f"obj-{n}"}) for n in range(198)]

    store.update(CASE_ID, many, "test", "200 objectives")
    async with app.run_test(size=(80, 24)) as pilot:
        builder = app.screen
        assert isinstance(builder, PlanBuilderScreen)
        section = builder.sections["objectives"]
        table = section.query_one(DataTable)
        assert 0 < table.row_count < 200  # a screenful first, not the whole list
        assert section.select_item("obj-190")  # a row still to come: added for it
        assert table.row_count == 200
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == "obj-190"
        await pilot.pause()
        assert table.row_count == 200
