"""The app by role (issue 7): who is signed in, where each role starts, what is offered and
refused, signatures as oneself, the audit view, and confidential text never drawn."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel
from textual.widgets import Input

from psr_tui.app import make_app
from psr_tui.domain.access import (
    ADVISER,
    ANALYST,
    ORGANISATION_LEAD,
    PRACTITIONER,
    RESPONSIBLE_OFFICER,
    SUPERVISOR,
    Identity,
)
from psr_tui.domain.base import is_confidential
from psr_tui.domain.case import Case, Condition
from psr_tui.domain.confidentiality import confidential_items
from psr_tui.domain.plan import Agreement, PlanVersion
from psr_tui.store import CaseNotFound, CaseStore
from psr_tui.ui.dialogs.signature_form import SignatureDialog
from psr_tui.ui.screens.audit_trail import AuditTrailScreen
from psr_tui.ui.screens.home import HomeScreen
from psr_tui.ui.screens.insights import InsightsScreen
from psr_tui.ui.screens.nothing_here import NothingHereScreen
from psr_tui.ui.screens.plan_progress import PlanProgressScreen
from psr_tui.ui.screens.quick_review import QuickReviewScreen

from .review_cases import demo_cases, running_case
from .screen_text import assert_snapshot, screen_text

TODAY = date(2026, 11, 23)
MARK = "ZQSECRET"
NORTH = "Northshire NHS Trust"

SUP = Identity("asmith", SUPERVISOR, NORTH, display_name="Dr Anna Smith")
LEAD = Identity("nlead", ORGANISATION_LEAD, NORTH, display_name="Ms Nora Lead")
RO = Identity("rdirector", RESPONSIBLE_OFFICER, NORTH)
PRACT = Identity("dgreen", PRACTITIONER)
ANALYST_ID = Identity("ana", ANALYST)
ADVISER_ID = Identity("jadviser", ADVISER)


def plant(value: object, n: list[int]) -> None:
    """A marker in every confidential text field the model tree reaches."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            if is_confidential(type(value), name) and isinstance(child, str):
                n[0] += 1
                setattr(value, name, f"{MARK}{n[0]}")
            else:
                plant(child, n)
    elif isinstance(value, list):
        for item in value:
            plant(item, n)


def secret(case: Case) -> Case:
    planted = [0]
    plant(case, planted)
    case.request.conditions.append(Condition(id=f"{case.id}-health", source="health",
                                             description=f"{MARK} condition", confidential=True))
    assert planted[0] >= 6 and len(confidential_items(case)) == planted[0] + 1
    return case


def issued_case() -> Case:
    """Northshire's plan issued for signature: nobody has signed yet."""
    case = running_case("case-i", "Mr Ian Issued", NORTH, "Dr Anna Smith", user="asmith",
                        practitioner_user="iissued")
    assert case.plan is not None
    case.state, case.plan.status = "issued", "issued"
    case.plan.agreement = Agreement()
    case.plan.versions = [PlanVersion(version=1, status="issued", issued_on=TODAY,
                                      content=case.plan.content())]
    return case


@pytest.fixture
def db(tmp_path: Path) -> Path:
    admin = CaseStore.open(tmp_path / "db", user="admin")
    for case in [*demo_cases(), issued_case()]:
        case.request.organisation.contact_name = "Dr Rose Director"
        admin.create(secret(case))
    return tmp_path / "db"


def app_as(db: Path, who: Identity, start: str = "home"):  # type: ignore[no-untyped-def]
    return make_app(CaseStore.open(db, identity=who), today=lambda: TODAY, start=start,
                    poll=False)


def offered(app) -> set[str]:  # type: ignore[no-untyped-def]
    """What the footer, the palette and F1 list on the current screen (one source)."""
    return {binding.action.split("(")[0] for binding, _node in app.actions_of(app.screen)}


# ---- header and start screen by role ---------------------------------------------------
async def test_supervisor_starts_on_their_own_reviews_with_their_name_in_the_header(
    db: Path,
) -> None:
    app = app_as(db, SUP)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuickReviewScreen)
        text = screen_text(app)
        assert "Dr Anna Smith · Supervisor · Northshire NHS Trust" in text.splitlines()[0]
        # Linked on case-g (supervisor), case-p (deputy) and case-i (not running): not case-k.
        assert {i.case_id for i in app.screen.items} == {"case-g", "case-p"}
        assert "Dr Ravi Khan" not in text
        assert_snapshot(app, "role_supervisor_start")


async def test_organisation_lead_starts_on_home_with_their_organisation_only(db: Path) -> None:
    app = app_as(db, LEAD)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert set(app.screen.summaries) == {"case-g", "case-i"}
        assert "new_case" not in offered(app)
        assert "Ms Nora Lead · Organisation lead · Northshire NHS Trust" in screen_text(app)
        assert_snapshot(app, "role_organisation_lead_home")
        # Enter opens the read-only plan progress, never the plan builder.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)


async def test_practitioner_sees_only_their_own_case(db: Path) -> None:
    app = app_as(db, PRACT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert set(app.screen.summaries) == {"case-g"}
        assert_snapshot(app, "role_practitioner_home")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
        # Reads and agrees; records no outcome, proposes nothing, signs off nothing.
        assert offered(app).isdisjoint({"record", "propose", "sign_off", "audit"})


async def test_analyst_starts_on_insights(db: Path) -> None:
    app = app_as(db, ANALYST_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InsightsScreen)
        assert "ana · Analyst" in screen_text(app)


async def test_a_role_with_neither_cases_nor_insights_is_told_so(db: Path) -> None:
    app = app_as(db, Identity("nobody", "visitor"))  # a role access.PERMISSIONS lacks
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NothingHereScreen)
        assert "nothing for you here" in screen_text(app)


# ---- what is offered, and the refusal below it -----------------------------------------
async def test_supervisor_on_plan_progress_records_but_signs_and_agrees_nothing(
    db: Path,
) -> None:
    app = app_as(db, SUP)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(PlanProgressScreen("case-g"))
        await pilot.pause()
        actions = offered(app)
        assert "record" in actions and "propose" in actions
        assert actions.isdisjoint({"agree", "sign_off", "sign", "audit"})
        footer = next(line for line in screen_text(app).splitlines() if "esc Back" in line)
        assert "Record outcome" in footer and "Sign off" not in footer


async def test_the_store_refuses_what_is_not_offered_and_the_app_says_so(db: Path) -> None:
    app = app_as(db, LEAD)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        before = CaseStore.open(db).list_ids()
        app.screen.action_new_case()  # not offered: called directly
        await pilot.pause()
        assert CaseStore.open(db).list_ids() == before
        assert any("may not open a new case" in n.message for n in app._notifications)
        # A practitioner's signature by the lead: refused by the store, shown in words.
        screen = PlanProgressScreen("case-i")
        app.push_screen(screen)
        await pilot.pause()
        problem = screen._save(lambda c: None, "plan.sign.practitioner", "signed")
        assert problem is not None and "may not sign for the practitioner" in problem.message
    assert CaseStore.open(db).get("case-i").plan.agreement.practitioner is None  # type: ignore[union-attr]


async def test_palette_has_no_screenshot_and_no_keys_panel(db: Path) -> None:
    app = app_as(db, ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert "Quit" in titles
        assert titles.isdisjoint({"Screenshot", "Keys"})
        app.action_show_help_panel()  # the Keys panel's action leads to F1's help
        await pilot.pause()
        assert not app.screen.query("HelpPanel")
        assert type(app.screen).__name__ == "HelpScreen"


# ---- signatures --------------------------------------------------------------------------
async def test_organisation_lead_signs_as_themselves_from_plan_progress(db: Path) -> None:
    app = app_as(db, LEAD)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(PlanProgressScreen("case-i"))
        await pilot.pause()
        actions = offered(app)
        assert "sign" in actions and "audit" in actions
        await pilot.press("s")  # the practitioner's key: not the lead's
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SignatureDialog)
        name = app.screen.query_one("#input-name", Input)
        assert name.value == "Ms Nora Lead"
        name.value = "Dr Rose Director"  # someone else's name: refused
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SignatureDialog)
        assert "You sign as yourself" in screen_text(app)
        name.value = "Ms Nora Lead"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
    signature = CaseStore.open(db).get("case-i").plan.agreement.organisation  # type: ignore[union-attr]
    assert signature is not None
    assert (signature.name, signature.recorded_by) == ("Ms Nora Lead", "nlead")
    assert CaseStore.open(db).audit("case-i")[-1].user == "nlead"


async def test_adviser_recording_a_paper_signature_is_named_as_recorder(db: Path) -> None:
    app = app_as(db, ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(PlanProgressScreen("case-i"))
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one("#input-name", Input).value == "Mr Ian Issued"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "(recorded by jadviser)" in " ".join(screen_text(app).split())
    signature = CaseStore.open(db).get("case-i").plan.agreement.practitioner  # type: ignore[union-attr]
    assert signature is not None
    assert (signature.name, signature.recorded_by) == ("Mr Ian Issued", "jadviser")


# ---- the audit view ----------------------------------------------------------------------
async def test_audit_trail_names_who_changed_what(db: Path) -> None:
    app = app_as(db, RO)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, AuditTrailScreen)
        text = screen_text(app)
        assert "admin" in text and "create" in text and "change(s), oldest first" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    refused = app_as(db, SUP)
    async with refused.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        refused.push_screen(AuditTrailScreen("case-g"))  # not offered to a supervisor
        await pilot.pause()
        assert "No audit trail to show" in screen_text(refused)
        assert "may not read the audit trail" in screen_text(refused)


# ---- confidential text is never drawn ----------------------------------------------------
async def _every_screen(app, pilot) -> list[str]:  # type: ignore[no-untyped-def]
    """The text of every screen the role reaches from its start, F1 on each included."""
    texts: list[str] = []

    async def look() -> None:
        await pilot.pause()
        await app.workers.wait_for_complete()  # lists loaded in a worker
        await pilot.pause()
        texts.append(screen_text(app))
        app.action_help()
        await pilot.pause()
        texts.append(screen_text(app))
        await pilot.press("escape")
        await pilot.pause()

    await look()
    store = app.store
    screens = [HomeScreen(), QuickReviewScreen()]
    from psr_tui.ui.screens.dashboard import DashboardScreen
    from psr_tui.ui.screens.plans_dashboard import PlansDashboardScreen

    screens += [DashboardScreen(), PlansDashboardScreen()]
    for case_id in store.list_ids():
        try:
            store.get(case_id)
        except CaseNotFound:
            continue  # out of scope: not reachable
        screens.append(PlanProgressScreen(case_id))
    for screen in screens:
        app.push_screen(screen)
        await look()
        if isinstance(screen, PlanProgressScreen):
            rows = screen.query_one("#progress-reviews").row_count
            for _ in range(rows):  # every review point's detail
                await pilot.press("down")
                await pilot.pause()
                texts.append(screen_text(app))
        app.pop_screen()
        await pilot.pause()
    return texts


@pytest.mark.parametrize("who", [SUP, LEAD, RO, PRACT], ids=lambda i: i.role)
async def test_no_confidential_text_on_any_screen_a_role_reaches(db: Path, who: Identity) -> None:
    app = app_as(db, who)
    async with app.run_test(size=(80, 24)) as pilot:
        texts = await _every_screen(app, pilot)
    seen = "\n".join(texts)
    assert "Mr David Green" in seen  # the role's case was drawn: the check can fail
    assert MARK not in seen
    assert "Health details" not in seen and "Demographics" not in seen


# ---- the plan builder's role form links users -------------------------------------------
async def test_role_form_links_the_supervisor_and_deputy_users(store: CaseStore) -> None:
    from psr_tui.ui.dialogs.role_form import RoleDialog

    from .test_plan_builder import CASE_ID, make

    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "j", "e")  # the clinical supervisor's row
        await pilot.pause()
        assert isinstance(app.screen, RoleDialog)
        app.screen.query_one("#input-user", Input).value = "Dr Bea Shah"  # a name, not a user
        app.screen.query_one("#input-deputy_user", Input).value = "kdeputy"
        revision = store.get(CASE_ID).revision
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RoleDialog)
        assert "a psr-tui user name" in screen_text(app)
        assert store.get(CASE_ID).revision == revision  # nothing written
        app.screen.query_one("#input-user", Input).value = "bshah"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RoleDialog)
    role = store.get(CASE_ID).plan.roles[1]  # type: ignore[union-attr]
    assert (role.role, role.user, role.deputy_user) == ("clinical_supervisor", "bshah", "kdeputy")
    # The link is the whole of a supervisor's access: bshah now has the plan.
    as_bshah = CaseStore.open(store.root, identity=Identity("bshah", SUPERVISOR))
    assert as_bshah.get(CASE_ID).id == CASE_ID


async def test_role_form_chooses_users_once_the_database_has_them(store: CaseStore) -> None:
    from textual.widgets import Select

    from psr_tui.store.users import UserRegistry
    from psr_tui.ui.dialogs.role_form import RoleDialog

    from .test_plan_builder import CASE_ID, choose, make

    users = UserRegistry(store.root, "tester")
    users.add("bshah", SUPERVISOR, display_name="Dr Bea Shah")
    users.add("kdeputy", SUPERVISOR, display_name="Dr Kit Deputy")
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "j", "e")  # the clinical supervisor's row
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RoleDialog)
        chooser = dialog.query_one("#input-user", Select)
        labels = [str(label) for label, _v in chooser._options if _v is not Select.NULL]
        assert labels == ["none", "bshah · Dr Bea Shah · Supervisor",
                          "kdeputy · Dr Kit Deputy · Supervisor"]
        chooser.focus()
        await pilot.pause()
        await choose(pilot, app, "Dr Bea Shah")
        dialog.query_one("#input-deputy_user", Select).focus()
        await pilot.pause()
        await choose(pilot, app, "kdeputy")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RoleDialog)
        role = store.get(CASE_ID).plan.roles[1]  # type: ignore[union-attr]
        assert (role.user, role.deputy_user) == ("bshah", "kdeputy")
        await pilot.press("e")  # again: "none" unlinks the deputy
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RoleDialog)
        assert dialog.query_one("#input-user", Select).value == "bshah"
        dialog.query_one("#input-deputy_user", Select).focus()
        await pilot.pause()
        await choose(pilot, app, "none")
        await pilot.press("ctrl+s")
        await pilot.pause()
    role = store.get(CASE_ID).plan.roles[1]  # type: ignore[union-attr]
    assert (role.user, role.deputy_user) == ("bshah", "")
