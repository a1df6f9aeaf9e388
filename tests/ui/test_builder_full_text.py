"""Full text at 80 columns: the plan builder's lists clip their cells, so the selected item
is shown in full, wrapped, under each list (issue 12)."""

from __future__ import annotations

from psr_tui.domain.plan import Activity
from psr_tui.store import CaseStore
from tests.conftest import TODAY

from .screen_text import screen_text
from .test_plan_builder import CASE_ID, BuilderApp, mr_g

LONG = "Directly observed laparoscopic cholecystectomy on the elective list, "


def _two_alike(store: CaseStore) -> BuilderApp:
    case = mr_g()
    assert case.plan is not None
    case.plan.activities = [
        Activity(id="act-a", kind="DOPS", description=LONG + "first half of the plan",
                 objective_ids=["obj-clin"], evidence="DOPS forms", responsible="role-cs"),
        Activity(id="act-b", kind="DOPS", description=LONG + "with the \x1b[2J deputy",
                 objective_ids=["obj-clin", "obj-lead"], evidence="DOPS forms",
                 responsible="role-cs"),
    ]
    store.create(case)
    return BuilderApp(store, today=lambda: TODAY, poll=False)


def _flat(text: str) -> str:
    return " ".join(text.split())


async def test_two_activities_alike_at_80_columns_read_apart_below_the_list(
        store: CaseStore) -> None:
    app = _two_alike(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        shown = _flat(screen_text(app))
        assert "first half of the plan" in shown
        assert "deputy" not in shown  # the list itself cannot tell the two apart
        await pilot.press("down")
        await pilot.pause()
        shown = _flat(screen_text(app))
        assert "with the ␛[2J deputy" in shown  # stored controls drawn visibly
        assert "objectives 1, 2" in shown and "responsible: Ms Bea Shah" in shown
        assert "first half of the plan" not in shown


async def test_checker_finding_and_review_point_in_full(store: CaseStore) -> None:
    case = mr_g()
    assert case.plan is not None
    case.plan.objectives[1].statement = "Improve teamwork appropriately"
    case.plan.objectives[1].measure = "seen to be better"
    store.create(case)
    app = BuilderApp(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        shown = _flat(screen_text(app))
        assert "Final review (2027-06-01) · reviewer: — · expects: Summary report" in shown
        await pilot.press("7")
        await pilot.pause()
        vague = "vague wording (improve, appropriately, better): add a number, a date or an " \
            "observable measure"
        assert vague not in _flat(screen_text(app))  # clipped in the list
        for _ in range(4):
            if vague in _flat(screen_text(app)):
                break
            await pilot.press("down")
            await pilot.pause()
        assert vague in _flat(screen_text(app))
    assert store.get(CASE_ID).revision == 1  # reading only
