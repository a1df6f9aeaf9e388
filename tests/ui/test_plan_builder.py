"""The plan builder, driven by keys at 80x24; assertions on what the store holds."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.widgets import DataTable, Markdown, Select, SelectionList

from psr_tui.app import PsrApp
from psr_tui.domain.case import Case, Concern, Condition, Organisation, Practitioner, RequestForm
from psr_tui.domain.checker import check_plan
from psr_tui.domain.plan import (
    Activity,
    Objective,
    Plan,
    ReviewPoint,
    Role,
    SupervisionStage,
)
from psr_tui.export import plan_markdown
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.activity_form import ActivityDialog
from psr_tui.ui.dialogs.confirm import ConfirmDialog
from psr_tui.ui.dialogs.objective_form import ObjectiveDialog
from psr_tui.ui.dialogs.review_point_form import ReviewPointDialog
from psr_tui.ui.dialogs.stage_form import StageDialog
from psr_tui.ui.screens.base import PsrScreen
from psr_tui.ui.screens.plan_builder import PlanBuilderScreen
from tests.conftest import TODAY

from .keys import erase, type_text
from .screen_text import assert_snapshot, screen_text

CASE_ID = "case-mrg"
START, END = date(2026, 12, 1), date(2027, 6, 1)


def mr_g() -> Case:
    """The 004 case study, with fixed ids: an interim order caps supervision at L2 Close."""
    request = RequestForm(
        organisation=Organisation(name="Northshire NHS Trust", contact_name="Dr Ann Reid",
                                  contact_role="Medical director"),
        practitioner=Practitioner(name="Mr G", profession="doctor", regulator="GMC",
                                  grade="consultant"),
        concerns=[Concern(id="con-1", description="working relationships with colleagues",
                          concern_type="conduct")],
        conditions=[Condition(id="cnd-io", source="interim_order",
                              description="Work under close supervision", supervision_floor=2)],
    )
    plan = Plan(
        start_date=START,
        end_date=END,
        objectives=[
            Objective(id="obj-clin", domain="clinical_skills",
                      statement="Return to complex elective surgery",
                      measure="6 DOPS rated meets expectations", target_date=END),
            Objective(id="obj-lead", domain="leadership", statement="Lead the theatre team brief",
                      measure="MSF from 12 colleagues", target_date=END),
        ],
        activities=[Activity(id="act-dops", kind="DOPS", objective_ids=["obj-clin"],
                             evidence="DOPS forms", responsible="role-cs")],
        roles=[
            Role(id="role-ro", role="responsible_officer", person="Dr Ann Reid"),
            Role(id="role-cs", role="clinical_supervisor", person="Ms Bea Shah",
                 deputy="Mr Carl Otto"),
        ],
        stages=[
            SupervisionStage(id="stg-1", level=1, start=START, end=date(2027, 2, 28),
                             scope_limits=["no_on_call", "no_locum"]),
            SupervisionStage(id="stg-2", level=2, start=date(2027, 3, 1), end=END,
                             scope_limits=["no_locum"]),
        ],
        review_points=[ReviewPoint(id="rp-final", title="Final review", due_on=END,
                                   expected_evidence=["Summary report"], is_final=True)],
        consequences="Referral to the capability process.",
        condition_ids=["cnd-io"],
    )
    return Case(id=CASE_ID, state="draft", request=request, plan=plan)


class BuilderApp(PsrApp):
    """The real app, opened straight on the builder for one case."""

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # not the start screen: straight to the builder
        self.push_screen(PsrScreen())  # as in the app, a screen to go back to (Esc)
        self.push_screen(PlanBuilderScreen(CASE_ID))


def make(store: CaseStore) -> BuilderApp:
    store.create(mr_g())
    return BuilderApp(store, today=lambda: TODAY, poll=False)


async def choose(pilot, app: PsrApp, label_part: str) -> None:  # type: ignore[no-untyped-def]
    """Open the focused Select and move down to the option whose label contains label_part."""
    select = app.focused.parent if not isinstance(app.focused, Select) else app.focused
    assert isinstance(select, Select), app.focused
    options = list(select._options)  # the blank prompt first, then the choices
    target = next(i for i, (label, _) in enumerate(options) if label_part in str(label))
    # The overlay opens on the current value (the blank prompt when nothing is chosen).
    at = next((i for i, (_, value) in enumerate(options) if value == select.value), 0)
    await pilot.press("enter")
    await pilot.pause()
    for _ in range(abs(target - at)):
        await pilot.press("down" if target > at else "up")
    await pilot.press("enter")
    await pilot.pause()


async def test_add_objective_with_keys_is_stored_smart(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ObjectiveDialog)
        await choose(pilot, app, "Communication")
        await pilot.press("tab")
        await type_text(pilot, "Give feedback to the team after each list")
        await pilot.press("tab")
        await type_text(pilot, "MSF rated meets expectations")
        await pilot.press("tab")
        await type_text(pilot, "Coach and supervisor time")
        await pilot.press("tab")
        await type_text(pilot, "Working relationships concern")
        await pilot.press("tab")
        await erase(pilot, 10)
        await type_text(pilot, "2027-05-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
    plan = store.get(CASE_ID).plan
    assert plan is not None
    added = [o for o in plan.objectives if o.domain == "communication"]
    assert len(added) == 1
    o = added[0]
    assert o.statement == "Give feedback to the team after each list"
    assert o.measure == "MSF rated meets expectations"
    assert o.achievable == "Coach and supervisor time"
    assert o.relevant == "Working relationships concern"
    assert o.target_date == date(2027, 5, 1)
    assert store.audit(CASE_ID)[-1].action == "plan.objectives.add"


async def test_objective_without_activity_found_then_fixed_by_linked_activity(
    store: CaseStore,
) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        builder = app.screen
        assert isinstance(builder, PlanBuilderScreen)
        checker = builder.sections["checker"]
        paths = [f.path for f in checker.findings]  # type: ignore[attr-defined]
        assert "plan.objectives[obj-lead]" in paths
        at = paths.index("plan.objectives[obj-lead]")
        # Named as the export numbers it, so the reader knows which objective lacks one.
        assert checker.findings[at].message == "Objective 2 (Leadership): no activity yet"  # type: ignore[attr-defined]
        assert "Objective 2 (Leadership): no activity yet" in screen_text(app)
        for _ in range(at):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        # Enter opens a new activity already serving that objective, not the objective.
        assert isinstance(app.screen, ActivityDialog)
        assert builder.current == "activities"
        assert app.screen.selected("objective_ids") == ["obj-lead"]

        await choose(pilot, app, "Coaching")
        await pilot.press("tab")
        await type_text(pilot, "Leadership coaching")
        await pilot.press("tab", "tab")  # past the objectives list, leadership already ticked
        await type_text(pilot, "Coach report")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
        # Said in words, as in the audit trail: the kind's label, not its code.
        assert "Saved: add activity: Coaching: Leadership coaching" in screen_text(app)
        await pilot.press("7")
        await pilot.pause()
        shown = [f.path for f in checker.findings]  # type: ignore[attr-defined]
        assert "plan.objectives[obj-lead]" not in shown
    case = store.get(CASE_ID)
    assert case.plan is not None
    coaching = [a for a in case.plan.activities if a.kind == "coaching"]
    assert [a.objective_ids for a in coaching] == [["obj-lead"]]
    assert coaching[0].evidence == "Coach report"
    assert all(f.path != "plan.objectives[obj-lead]" for f in check_plan(case, app.vocab))


async def test_stage_past_condition_floor_refused_naming_it(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        before = store.get(CASE_ID).revision, len(store.audit(CASE_ID))
        await pilot.press("4", "a")
        await pilot.pause()
        assert isinstance(app.screen, StageDialog)
        dialog = app.screen
        await choose(pilot, app, "L3 Indirect")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # still open, with the reason under the level
        text = screen_text(app)
        assert "Interim order 'Work under close supervision'" in text
        assert "level 3 is not allowed" in text
    assert (store.get(CASE_ID).revision, len(store.audit(CASE_ID))) == before
    assert [s.level for s in store.get(CASE_ID).plan.stages] == [1, 2]  # type: ignore[union-attr]


async def test_generate_review_points_within_plan_dates(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "g")
        await pilot.pause()
        await pilot.press("enter")  # every 2 months (the default)
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
        # The clinical supervisor is filled in, as chosen in the picker (not typed), with
        # the deputy still offered there.
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ReviewPointDialog)
        select = app.screen.query_one("#input-reviewer_person", Select)
        assert select.value == "Ms Bea Shah"
        assert "Mr Carl Otto" in [value for _, value in list(select._options)[1:]]
        await pilot.press("escape")
        await pilot.pause()
    points = store.get(CASE_ID).plan.review_points  # type: ignore[union-attr]
    assert [p.reviewer for p in points] == ["Ms Bea Shah"] * 3
    assert [p.due_on for p in points] == [date(2027, 2, 1), date(2027, 4, 1), END]
    assert all(START <= p.due_on <= END for p in points if p.due_on)
    assert points[-1].is_final and all(p.expected_evidence for p in points)
    assert store.audit(CASE_ID)[-1].action == "plan.review_points.generate"


async def test_issue_sign_freeze_and_new_version(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "i")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        case = store.get(CASE_ID)
        assert case.state == "issued"
        assert [(v.version, v.status) for v in case.plan.versions] == [(1, "issued")]  # type: ignore[union-attr]

        await pilot.press("o")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the organisation's contact is filled in
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        case = store.get(CASE_ID)
        assert case.state == "agreed" and case.plan.status == "agreed"  # type: ignore[union-attr]
        assert case.plan.agreement.organisation.name == "Dr Ann Reid"  # type: ignore[union-attr]
        assert case.plan.agreement.practitioner.name == "Mr G"  # type: ignore[union-attr]
        assert "DRAFT" not in plan_markdown(case, "organisation", app.vocab, TODAY)
        assert "AGREED v1" in screen_text(app)

        # Editing the signed version is refused with the offer of a new version.
        revision = case.revision
        await pilot.press("1", "a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert "cannot be edited" in screen_text(app)
        assert store.get(CASE_ID).revision == revision
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "DRAFT v2" in screen_text(app)
    case = store.get(CASE_ID)
    assert case.plan is not None and case.plan.version == 2 and case.plan.status == "draft"
    assert case.plan.agreement.organisation is None and case.plan.agreement.practitioner is None
    assert case.state == "draft"


async def test_preview_shows_the_plan_markdown(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        markdown = app.screen.query_one(Markdown)
        expected = plan_markdown(store.get(CASE_ID), "organisation", app.vocab, TODAY)
        assert markdown.source == expected
        assert "Mr G" in screen_text(app)
        assert_snapshot(app, "plan_builder_preview")


async def test_snapshots_of_objectives_ladder_and_checker(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#table-objectives", DataTable).row_count == 2
        assert_snapshot(app, "plan_builder_objectives")
        await pilot.press("4")
        await pilot.pause()
        assert_snapshot(app, "plan_builder_ladder")
        await pilot.press("7")
        await pilot.pause()
        assert_snapshot(app, "plan_builder_checker")


async def test_timeframe_selects_conditions(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "e")
        await pilot.pause()
        selection = app.screen.query_one(SelectionList)
        assert list(selection.selected) == ["cnd-io"]
        selection.focus()
        await pilot.press("space")  # un-cite the interim order
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.get(CASE_ID).plan.condition_ids == []  # type: ignore[union-attr]


async def test_timeframe_names_the_plan_template(store: CaseStore) -> None:
    case = mr_g()
    assert case.plan is not None
    case.plan.template_id = "return_after_restriction_surgeon"
    store.create(case)
    app = BuilderApp(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        assert "Plan template: Return to surgical practice after a restriction" in screen_text(app)


async def test_conflict_keeps_typed_values_and_saves_after_reload(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")  # the clinical objective
        await pilot.pause()
        assert isinstance(app.screen, ObjectiveDialog)
        dialog = app.screen
        await pilot.press("tab", "tab")  # the measure
        await erase(pilot, 40)
        await type_text(pilot, "8 DOPS")

        def elsewhere(case: Case) -> None:  # another user edits the same case meanwhile
            assert case.plan is not None
            case.plan.consequences = "Changed by a colleague"

        store.update(CASE_ID, elsewhere, "plan.timeframe.edit", "colleague")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "Someone else changed this case" in screen_text(app)
        assert dialog.text("measure") == "8 DOPS"  # what the user typed is kept
        await pilot.press("ctrl+r")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
    plan = store.get(CASE_ID).plan
    assert plan is not None
    assert plan.objective("obj-clin").measure == "8 DOPS"  # type: ignore[union-attr]
    assert plan.consequences == "Changed by a colleague"  # the colleague's change survives


async def test_suggest_adds_only_missing_domains(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        first = [o.domain for o in store.get(CASE_ID).plan.objectives]  # type: ignore[union-attr]
        await pilot.press("s")
        await pilot.pause()
        assert "already in the plan" in screen_text(app)
    domains = [o.domain for o in store.get(CASE_ID).plan.objectives]  # type: ignore[union-attr]
    assert domains == first
    assert domains.count("clinical_skills") == 1 and domains.count("leadership") == 1
    assert "communication" in domains  # the concern is about working relationships


async def test_export_writes_the_chosen_audience(store: CaseStore, tmp_path, export_folder) -> None:  # type: ignore[no-untyped-def]
    app = make(store)
    target = tmp_path / "plan.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", "w")
        await pilot.pause()
        dialog = app.screen
        # The user's own export folder (0700), never the current one.
        proposed = export_folder / f"plan-{CASE_ID}-v1-organisation.md"
        assert dialog.text("export-path") == str(proposed)  # type: ignore[attr-defined]
        assert export_folder.stat().st_mode & 0o777 == 0o700
        await pilot.press("shift+tab", "shift+tab")  # from the file up to the copy
        await choose(pilot, app, "practitioner")
        proposed = export_folder / f"plan-{CASE_ID}-v1-practitioner.md"
        assert dialog.text("export-path") == str(proposed)  # type: ignore[attr-defined]
        await pilot.press("tab", "tab")
        await erase(pilot, 120)
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await pilot.pause()
        assert any(str(target) in n.message for n in app._notifications)
    expected = plan_markdown(store.get(CASE_ID), "practitioner", app.vocab, TODAY)
    assert target.read_text(encoding="utf-8") == expected


async def test_reorder_roles_with_shift_j(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "J")
        await pilot.pause()
        assert [r.id for r in store.get(CASE_ID).plan.roles] == ["role-cs", "role-ro"]  # type: ignore[union-attr]
        await pilot.press("ctrl+up")  # the moved role keeps the cursor
        await pilot.pause()
    assert [r.id for r in store.get(CASE_ID).plan.roles] == ["role-ro", "role-cs"]  # type: ignore[union-attr]
    assert [e.action for e in store.audit(CASE_ID)][-2:] == ["plan.roles.reorder"] * 2


async def test_checker_opens_the_editor_at_the_field_named(store: CaseStore) -> None:
    app = make(store)

    def blank_measure(case: Case) -> None:
        case.plan.objective("obj-lead").measure = ""  # type: ignore[union-attr]

    store.update(CASE_ID, blank_measure, "test", "measure left out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        builder = app.screen
        paths = [f.path for f in builder.sections["checker"].findings]  # type: ignore[attr-defined]
        for _ in range(paths.index("plan.objectives[obj-lead].measure")):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ObjectiveDialog)
        assert app.focused is not None and app.focused.id == "input-measure"
        await type_text(pilot, "MSF from 12 colleagues")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.get(CASE_ID).plan.objective("obj-lead").measure == "MSF from 12 colleagues"  # type: ignore[union-attr]


async def test_signed_plan_starts_delivery_so_reviews_can_be_recorded(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        assert not app.screen.check_action("start_delivery", ())  # not before signing
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        for party in ("o", "p"):
            await pilot.press(party)
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert store.get(CASE_ID).state == "agreed"
        assert "d start delivery" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert "Saved: delivery of v1 started" in screen_text(app)
    case = store.get(CASE_ID)
    assert case.state == "active"
    assert store.audit(CASE_ID)[-1].action == "plan.activate"


async def test_objective_numbers_agree_with_the_exported_plan(store: CaseStore) -> None:
    """Objectives listed by domain keep the number the exported plan gives them."""
    case = mr_g()
    assert case.plan is not None
    # Stored leadership first: the list groups clinical skills first, the export numbers 1, 2.
    case.plan.objectives.reverse()
    case.plan.activities[0].objective_ids = ["obj-clin"]
    store.create(case)
    app = BuilderApp(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = [line.split() for line in screen_text(app).splitlines()]
        numbered = {r[0]: r[1] for r in rows if r and r[0].isdigit()}
        assert numbered == {"2": "Clinical", "1": "Leadership"}
        await pilot.press("2")
        await pilot.pause()
        dops = next(line for line in screen_text(app).splitlines() if "DOPS forms" in line)
        assert dops.split("…")[1].split()[0] == "2"
        await pilot.press("e")
        await pilot.pause()
        assert "2. Clinical skills: Return to complex elective surgery" in screen_text(app)
    markdown = plan_markdown(store.get(CASE_ID), "organisation", app.vocab, TODAY)
    clinical = markdown.index("Return to complex elective surgery")
    assert markdown.rindex("#### Objective 2", 0, clinical) > markdown.rfind("#### Objective 1",
                                                                              0, clinical)


async def test_checker_finds_an_activity_with_no_one_responsible(store: CaseStore) -> None:
    app = make(store)

    def no_one(case: Case) -> None:
        case.plan.activities[0].responsible = ""  # type: ignore[union-attr]

    store.update(CASE_ID, no_one, "test", "responsible left out")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        builder = app.screen
        findings = builder.sections["checker"].findings  # type: ignore[attr-defined]
        path = "plan.activities[act-dops].responsible"
        assert [f.severity for f in findings if f.path == path] == ["weak"]
        for _ in range([f.path for f in findings].index(path)):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActivityDialog)
        assert app.focused is not None and app.focused.id == "input-responsible_role"
        await choose(pilot, app, "Ms Bea Shah")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
    assert store.get(CASE_ID).plan.activities[0].responsible == "role-cs"  # type: ignore[union-attr]


async def test_agreement_keys_apply_only_at_their_step(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        builder = app.screen
        assert isinstance(builder, PlanBuilderScreen)

        def lit() -> set[str]:
            steps = {"i": ("issue", ()), "o": ("sign", ("organisation",)),
                     "p": ("sign", ("practitioner",)), "n": ("new_version", ()),
                     "d": ("start_delivery", ())}
            return {key for key, (action, params) in steps.items()
                    if builder.check_action(action, params)}

        assert lit() == {"i"}
        revision = store.get(CASE_ID).revision
        await pilot.press("o")  # greyed before the draft is issued: no form to fill in
        await pilot.pause()
        assert app.screen is builder
        assert store.get(CASE_ID).revision == revision
        assert "o organisation signs" not in screen_text(app)
        assert "Org signs" not in screen_text(app) and "w Export" in screen_text(app)  # footer

        await pilot.press("i")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert lit() == {"i", "o", "p"}  # re-issuing after edits stays possible
        assert "o Org signs" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert lit() == {"i", "o", "p"}  # the organisation may still correct its signature
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.get(CASE_ID).state == "agreed"
        assert lit() == {"n", "d"}
        revision = store.get(CASE_ID).revision
        for key in ("i", "o", "p"):  # nothing happens once agreed
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is builder
        assert store.get(CASE_ID).revision == revision
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert store.get(CASE_ID).state == "active"
        assert lit() == set()  # running: changes are amendments, not new versions
        await pilot.press("1")
        await pilot.pause()
        assert lit() == set()  # outside the agreement section the keys are hidden


async def test_esc_asks_before_discarding_typed_text(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in (("1", "e"), ("2", "e"), ("6", "e"), ("3", "a")):  # nothing typed
            await pilot.press(*keys)
            await pilot.pause()
            assert not isinstance(app.screen, PlanBuilderScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, PlanBuilderScreen), keys  # closed at once

        await pilot.press("1", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ObjectiveDialog)
        await pilot.press("tab", "end")  # the statement, cursor after its text
        await type_text(pilot, " today")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Discard your changes?" in screen_text(app)
        await pilot.press("n")  # keep editing: the typing is still there
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.text("statement") == "Return to complex elective surgery today"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
    objective = store.get(CASE_ID).plan.objective("obj-clin")  # type: ignore[union-attr]
    assert objective.statement == "Return to complex elective surgery"  # nothing saved


async def test_new_plan_dates_move_its_stages_reviews_and_targets(store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "e")
        await pilot.pause()
        assert "move with these dates" in screen_text(app)
        await erase(pilot, 10)
        await type_text(pilot, "2027-01-01")  # a month later
        await pilot.press("tab")
        await erase(pilot, 10)
        await type_text(pilot, "2027-09-01")  # and two months longer
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
    plan = store.get(CASE_ID).plan
    assert plan is not None
    assert (plan.start_date, plan.end_date) == (date(2027, 1, 1), date(2027, 9, 1))
    assert [(s.start, s.end) for s in plan.stages] == [
        (date(2027, 1, 1), date(2027, 3, 31)), (date(2027, 4, 1), date(2027, 9, 1))]
    assert plan.review_points[0].due_on == date(2027, 9, 1)
    assert {o.target_date for o in plan.objectives} == {date(2027, 9, 1)}
    assert not [f for f in check_plan(store.get(CASE_ID), app.vocab) if "inside" in f.message]
    assert store.audit(CASE_ID)[-1].action == "plan.timeframe.edit"


async def test_generated_ladder_keeps_role_duties_on_real_stages(store: CaseStore) -> None:
    def duty(case: Case) -> None:
        assert case.plan is not None
        case.plan.roles[1].stage_responsibilities = {"stg-1": "Present for all lists"}

    app = make(store)
    store.update(CASE_ID, duty, "plan.roles.edit", "setup")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "g")
        await pilot.pause()
        assert "replaces the 2 stages" in screen_text(app)
        await pilot.press("enter")  # the default levels, 1 to 5
        await pilot.pause()
        assert "held at L2 by Interim order" in screen_text(app)
    case = store.get(CASE_ID)
    assert case.plan is not None
    first = case.plan.stages[0].id
    assert first != "stg-1" and [s.level for s in case.plan.stages] == [1, 2]
    assert case.plan.roles[1].stage_responsibilities == {first: "Present for all lists"}
    assert "Stage 1: Present for all lists" in plan_markdown(case, "organisation")
    event = store.audit(CASE_ID)[-1]
    assert event.action == "plan.stages.generate"
    assert event.summary.startswith("generated the ladder: L1 → L2 (L3, L4, L5 held at L2")


async def test_reviewer_is_picked_from_the_plan_people_deputy_included(
        store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "e")
        await pilot.pause()
        assert isinstance(app.screen, ReviewPointDialog)
        select = app.screen.query_one("#input-reviewer_person", Select)
        labels = [str(label) for label, _ in list(select._options)[1:]]
        # Supervisors first; the deputy offered for when the supervisor is away.
        assert labels == ["Ms Bea Shah (Clinical supervisor)",
                          "Mr Carl Otto (deputy Clinical supervisor)",
                          "Dr Ann Reid (Responsible officer / responsible director)"]
        await pilot.press("tab", "tab")  # title, due date, then the reviewer
        await choose(pilot, app, "Mr Carl Otto")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
    point = store.get(CASE_ID).plan.review_points[0]  # type: ignore[union-attr]
    assert point.reviewer == "Mr Carl Otto"


async def test_assessment_count_per_period_sets_the_reviews_expected_evidence(
        store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        dialog.focus_field("count")
        await pilot.pause()
        await pilot.press("3", "tab")
        await choose(pilot, app, "per review period")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)
    plan = store.get(CASE_ID).plan
    assert plan is not None
    assert (plan.activities[0].count, plan.activities[0].per) == (3, "review")
    assert plan.review_points[0].expected_evidence == ["Summary report", "DOPS x3"]


async def test_a_count_on_an_activity_that_is_not_an_assessment_is_refused(
        store: CaseStore) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        await choose(pilot, app, "Coaching")
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        dialog.focus_field("count")
        await pilot.pause()
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # not saved: the message is under the field
        assert "a count is for an assessment (WBA) kind" in screen_text(app)
    assert len(store.get(CASE_ID).plan.activities) == 1  # type: ignore[union-attr]


async def test_the_builder_collects_once_its_plan_is_drawn(
        store: CaseStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The full collection a whole case's objects set off comes while the plan is read,
    not in the first save (40-70 ms of it on a plan of 200 objectives)."""
    import gc

    app = make(store)
    drawn_then: list[bool] = []
    real = gc.collect

    def collect(*args: int) -> int:
        screen = app.screen
        drawn_then.append(isinstance(screen, PlanBuilderScreen) and screen.is_mounted
                          and bool(str(screen.query_one("#builder-header").render())))
        return real(*args)

    monkeypatch.setattr(gc, "collect", collect)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            if drawn_then:
                break
            await pilot.pause(0.02)
        assert drawn_then == [True]
