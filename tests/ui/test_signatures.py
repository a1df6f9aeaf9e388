"""Signing the issued plan in the builder (section 9): what a signature may hold, and
correcting one before the other party signs. Assertions on the stored record."""

from __future__ import annotations

from textual.widgets import Input, Static

from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.signature_form import SignatureDialog
from psr_tui.ui.screens.plan_builder import PlanBuilderScreen
from tests.conftest import TODAY

from .screen_text import screen_text
from .test_plan_builder import CASE_ID, make


async def _issue(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("9", "i")
    await pilot.pause()
    await pilot.press("y")
    await pilot.pause()


def _set(app, field_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    app.screen.query_one(f"#input-{field_id}", Input).value = text


def _error(app, field_id: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#field-{field_id} .field-error", Static).render())


async def test_signature_refuses_a_date_for_a_name_and_a_future_date(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await _issue(pilot)
        revision = store.get(CASE_ID).revision
        await pilot.press("o")
        await pilot.pause()
        _set(app, "name", "2026-11-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SignatureDialog)
        assert "'2026-11-30' is not a name" in _error(app, "name")
        _set(app, "name", "Dr Ann Reid")
        _set(app, "signed_on", "2026-12-25")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SignatureDialog)
        assert "2026-12-25 is in the future" in _error(app, "signed_on")
        assert store.get(CASE_ID).revision == revision  # nothing written
        _set(app, "signed_on", TODAY.isoformat())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
    signature = store.get(CASE_ID).plan.agreement.organisation  # type: ignore[union-attr]
    assert signature is not None
    assert (signature.name, signature.signed_on) == ("Dr Ann Reid", TODAY)
    assert store.audit(CASE_ID)[-1].action == "plan.sign.organisation"


async def test_organisation_corrects_its_signature_until_the_practitioner_signs(
        store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await _issue(pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the contact, Dr Ann Reid, as filled in
        await pilot.pause()
        assert "o correct organisation signature" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SignatureDialog)
        assert "Correct the signature of the organisation" in screen_text(app)
        assert app.screen.query_one("#input-name", Input).value == "Dr Ann Reid"
        _set(app, "name", "Dr Ann Reid-Hughes")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
        case = store.get(CASE_ID)
        assert case.state == "issued"
        assert case.plan.agreement.organisation.name == "Dr Ann Reid-Hughes"  # type: ignore[union-attr]
        event = store.audit(CASE_ID)[-1]
        assert event.action == "plan.sign.organisation"
        # The tests' store is an adviser's: a signature it enters is recorded for the signatory.
        assert event.summary == ("organisation signature corrected: Dr Ann Reid-Hughes "
                                 "(was Dr Ann Reid) (recorded by tester)")
        assert "plan.agreement.organisation.name" in event.changes

        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.get(CASE_ID).state == "agreed"
        revision = store.get(CASE_ID).revision
        await pilot.press("o")  # both have signed: the version is frozen
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
        assert "correct organisation signature" not in screen_text(app)
    assert store.get(CASE_ID).revision == revision
