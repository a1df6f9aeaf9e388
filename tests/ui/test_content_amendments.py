"""Content amendments on plan progress (x): a kind chooser, the item's own form, then why;
the proposal applies only once both parties agree, and a stage above a condition's floor
is refused where it was typed."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, OptionList, Select

from psr_tui.app import make_app
from psr_tui.domain.amendments import agree_amendment
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.plan_item_form import PlanItemDialog
from psr_tui.ui.dialogs.reason_form import ReasonDialog
from psr_tui.ui.screens.plan_progress import PlanProgressScreen
from psr_tui.ui.screens.plan_progress_amend import KINDS, PickDialog

from .keys import type_text
from .review_cases import fill
from .screen_text import screen_text

TODAY = date(2026, 11, 23)


async def _pick(app, pilot, value: str) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, PickDialog)
    options = app.screen.query_one(OptionList)
    options.focus()
    options.highlighted = next(i for i in range(options.option_count)
                               if options.get_option_at_index(i).id == value)
    await pilot.press("enter")
    await pilot.pause()


async def _open(app, pilot, case_id: str) -> PlanProgressScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    app.push_screen(PlanProgressScreen(case_id))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PlanProgressScreen)
    await pilot.press("x")
    await pilot.pause()
    assert isinstance(app.screen, PickDialog)
    return screen


async def test_replace_the_clinical_supervisor_agreed_by_both(store: CaseStore) -> None:
    fill(store)
    app = make_app(store, today=lambda: TODAY, start="home", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, "case-g")
        assert "Replace who holds a role" in screen_text(app)
        await _pick(app, pilot, "roles")
        assert "Clinical supervisor: Dr Anna Smith" in screen_text(app)
        await _pick(app, pilot, "case-g-cs")
        assert isinstance(app.screen, PlanItemDialog)
        app.screen.query_one("#input-person", Input).value = "Dr Neil New"
        app.screen.query_one("#input-user", Input).value = "nnew"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        text = screen_text(app)
        assert "person Dr Anna Smith → Dr Neil New" in text
        await type_text(pilot, "Dr Smith retires")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
    case = store.get("case-g")
    assert case.plan is not None
    amendment = case.plan.amendments[-1]
    assert (amendment.kind, amendment.status, amendment.description) == (
        "content", "proposed", "Dr Smith retires")
    assert case.plan.roles[0].person == "Dr Anna Smith"  # not until both agree
    assert store.audit("case-g")[-1].action == "amendment.propose"

    def both(c):  # type: ignore[no-untyped-def]
        for party in ("organisation", "practitioner"):
            agree_amendment(c, amendment.id, party, "Someone", party, TODAY, recorded_by="t")

    case = store.update("case-g", both, "amendment.agree", "agreed")
    assert case.plan is not None
    assert (case.plan.roles[0].person, case.plan.roles[0].user) == ("Dr Neil New", "nnew")


async def test_a_stage_above_the_floor_is_refused_under_its_level(store: CaseStore) -> None:
    fill(store)  # case-k has a regulator's condition: no freer than L3
    app = make_app(store, today=lambda: TODAY, start="home", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot, "case-k")
        await _pick(app, pilot, "stages")
        await _pick(app, pilot, "new")
        dialog = app.screen
        assert isinstance(dialog, PlanItemDialog)
        dialog.query_one("#input-level", Select).value = 5
        dialog.query_one("#input-start", Input).value = "2027-01-04"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # refused where it was typed, nothing lost
        shown = " ".join(str(w.render()) for w in dialog.query(".field-error, .dialog-problem"))
        assert "Practise under indirect supervision" in shown
    case = store.get("case-k")
    assert case.plan is not None and case.plan.amendments == []


async def test_the_first_kind_is_the_end_date_and_text_dialog(store: CaseStore) -> None:
    fill(store)
    app = make_app(store, today=lambda: TODAY, start="home", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot, "case-g")
        assert KINDS[0][1] == "general"
        await _pick(app, pilot, "general")
        from psr_tui.ui.dialogs.amendment_proposal import AmendmentProposalDialog

        assert isinstance(app.screen, AmendmentProposalDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
