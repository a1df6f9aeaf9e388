"""The intake wizard, driven by keys at 80x24; assertions on what was stored."""

from __future__ import annotations

from datetime import date

from textual.widgets import Checkbox, Select, SelectionList, TextArea

from psr_tui.app import make_app
from psr_tui.domain.case import Case, Discussions
from psr_tui.domain.validation import INTAKE_STEPS
from psr_tui.store import CaseStore
from psr_tui.ui.screens.intake import IntakeScreen
from psr_tui.ui.screens.intake.step_form import StepForm, safe_id
from psr_tui.ui.widgets.form_field import FormField
from tests.domain.case_builders import valid_request_case
from tests.ui.keys import type_text
from tests.ui.screen_text import assert_snapshot, screen_text
from tests.ui.waiting import until

TODAY = date(2026, 11, 23)
STEP = {key: i for i, (key, _title) in enumerate(INTAKE_STEPS)}


def stored_case(store: CaseStore, *, step: str, state: str = "request",
                case_id: str = "case-test") -> Case:
    """A valid request saved with the wizard left at `step`."""
    case = valid_request_case()
    case.id = case_id
    case.state = state
    if state in ("request", "further_information"):
        case.decision = None
        case.discussions = Discussions()  # not held before the request is accepted
    case.intake_step = STEP[step]
    return store.create(case)


async def open_intake(app, case_id: str, pilot) -> IntakeScreen:
    """The intake pushed, returned once its step is shown and the step's first field has the
    focus: on a loaded host the screen's own focus could land after a test focused another
    field, and the test's keys went to the first field instead (CI, twice)."""
    screen = IntakeScreen(case_id)
    await app.push_screen(screen)
    await until(pilot, lambda: _step_settled(app, screen), what="the intake's step shown")
    await pilot.pause()
    return screen


def _step_settled(app, screen: IntakeScreen) -> bool:
    if app.screen is not screen:
        return True  # refused, and popped: the test asserts on that
    forms = screen.query(StepForm)
    if not forms or not screen.query("#step-nav Button"):
        return False
    focusable = [w for w in forms.first().query("*") if w.can_focus]
    return not focusable or app.focused is focusable[0]


async def type_into(pilot, screen: IntakeScreen, path: str, text: str) -> None:
    field = screen.query_one(f"#field-{safe_id(path)}", FormField)
    field.input.value = ""
    await type_text(pilot, text, into=field.input)


def choose(screen: IntakeScreen, path: str, value: object) -> None:
    screen.query_one(f"#input-{safe_id(path)}", Select).value = value


def error_under(screen: IntakeScreen, path: str) -> str:
    field = screen.query_one(f"#field-{safe_id(path)}")
    return str(field.query_one(".field-error").render())


async def test_practitioner_step_next_saves_the_fields(store: CaseStore) -> None:
    created = store.create(Case(intake_step=STEP["practitioner"]))
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        assert "Step 2/13: Practitioner" in screen_text(app)
        await type_into(pilot, screen, "request.practitioner.name", "Dr Ann Bell")
        choose(screen, "request.practitioner.profession", "dentist")
        await pilot.pause()
        # the regulator follows the profession
        assert screen.query_one(f"#input-{safe_id('request.practitioner.regulator')}",
                                Select).value == "GDC"
        await type_into(pilot, screen, "request.practitioner.registration_number", "123456")
        choose(screen, "request.practitioner.specialty_group", "dentistry")
        choose(screen, "request.practitioner.grade", "dentist_gdp")
        choose(screen, "request.practitioner.care_setting", "primary")
        await pilot.press("ctrl+n")
        await pilot.pause()
        saved = store.get(created.id)
        assert saved.request.practitioner.name == "Dr Ann Bell"
        assert saved.request.practitioner.regulator == "GDC"
        assert saved.request.practitioner.registration_number == "123456"
        assert saved.intake_step == STEP["plan_type"]
        assert screen.step == STEP["plan_type"]
        assert store.audit(created.id)[-1].action == "intake"


async def test_bad_registration_number_blocks_next(store: CaseStore) -> None:
    created = stored_case(store, step="practitioner")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        path = "request.practitioner.registration_number"
        await type_into(pilot, screen, path, "12AB")
        await pilot.press("ctrl+n")  # (PgDn would page this long step first)
        await pilot.pause()
        assert screen.step == STEP["practitioner"]
        assert "a GMC number is 7 digits" in error_under(screen, path)
        assert app.focused is screen.query_one(f"#field-{safe_id(path)}", FormField).input
        saved = store.get(created.id)
        assert saved.revision == created.revision  # nothing written for that step
        assert saved.request.practitioner.registration_number == "1234567"


async def test_reopening_resumes_at_the_step_reached(store: CaseStore) -> None:
    created = stored_case(store, step="health")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        assert screen.step == STEP["health"]
        assert "Step 8/13: Health and reasonable adjustments" in screen_text(app)
        await pilot.press("ctrl+b")  # back one step: saved, the furthest step is kept
        await pilot.pause()
        assert screen.step == STEP["role"]
        assert store.get(created.id).intake_step == STEP["health"]


async def test_decline_needs_reason_and_alternative(store: CaseStore) -> None:
    created = stored_case(store, step="decision")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        choose(screen, "decision.outcome", "declined")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert store.get(created.id).state == "request"
        assert "reason" in error_under(screen, "decision.reason")
        assert "alternative" in error_under(screen, "decision.alternative_offered")
        area = screen.query_one(f"#input-{safe_id('decision.reason')}", TextArea)
        area.focus()
        await pilot.press(*"Outside PSR remit")
        await type_into(pilot, screen, "decision.alternative_offered", "Advice line")
        await pilot.press("ctrl+n")
        await pilot.pause()
        saved = store.get(created.id)
        assert saved.state == "declined"
        assert saved.decision is not None
        assert saved.decision.reason == "Outside PSR remit"
        assert saved.decision.alternative_offered == "Advice line"
        assert saved.decision.decided_by == "tester"
        assert saved.decision.decided_on == TODAY


async def test_discussion_notes_saved_and_marked_confidential(store: CaseStore) -> None:
    created = stored_case(store, step="discussions", state="accepted")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        path = "discussions.practitioner.notes"
        label = screen.query_one(f"#field-{safe_id(path)}")
        assert "CONFIDENTIAL: not shared with the organisation" in str(
            label.query_one("Label").render())
        area = screen.query_one(f"#input-{safe_id(path)}", TextArea)
        area.focus()
        await pilot.press(*"Worried about on-call")
        screen.query_one(f"#input-{safe_id('discussions.practitioner_did_not_engage')}",
                         Checkbox).value = False
        await pilot.press("ctrl+n")
        await pilot.pause()
        saved = store.get(created.id)
        assert saved.discussions.practitioner.notes == "Worried about on-call"
        from psr_tui.domain.base import is_confidential
        from psr_tui.domain.case import PractitionerDiscussion

        assert is_confidential(PractitionerDiscussion, "notes")


async def test_start_plan_creates_the_draft(store: CaseStore) -> None:
    created = stored_case(store, step="discussions", state="accepted")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        await type_into(pilot, screen, "plan.start_date", "2027-01-04")
        await pilot.press("f5")
        await pilot.pause()
        saved = store.get(created.id)
        assert saved.state == "draft"
        assert saved.plan is not None and saved.plan.start_date == date(2027, 1, 4)
        # A surgeon back after a local restriction: the template's ladder and assessments.
        assert [s.level for s in saved.plan.stages] == [1, 2, 3, 5]
        assert any(a.kind == "NOTSS" and a.count for a in saved.plan.activities)


async def test_conflict_keeps_typed_values(store: CaseStore) -> None:
    created = stored_case(store, step="practitioner")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        store.update(created.id, lambda c: setattr(c.request, "case_adviser", "Other"), "edit")
        await type_into(pilot, screen, "request.practitioner.name", "Dr Changed")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.step == STEP["practitioner"]
        assert "Someone else changed this case" in screen_text(app)
        assert store.get(created.id).request.practitioner.name == "Mr John Smith"
        await pilot.press("ctrl+r")
        await pilot.pause()
        field = screen.query_one(f"#field-{safe_id('request.practitioner.name')}", FormField)
        assert field.value == "Dr Changed"
        await pilot.press("ctrl+n")
        await pilot.pause()
        saved = store.get(created.id)
        assert saved.request.practitioner.name == "Dr Changed"
        assert saved.request.case_adviser == "Other"


async def test_snapshots_of_two_steps(store: CaseStore) -> None:
    created = stored_case(store, step="practitioner")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_intake(app, created.id, pilot)
        assert_snapshot(app, "intake_practitioner")
    accepted = stored_case(store, step="discussions", state="accepted", case_id="case-2")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_intake(app, accepted.id, pilot)
        assert_snapshot(app, "intake_discussions")


async def test_conditions_rows_added_and_removed(store: CaseStore) -> None:
    created = stored_case(store, step="conditions")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        add = screen.query_one("Button.add-item")
        add.focus()
        await pilot.press("enter")
        await pilot.pause()
        (existing, added) = screen.draft.request.conditions
        at = f"request.conditions[{added.id}]"
        await pilot.press("ctrl+n")  # the new row is empty: refused, message under it
        await pilot.pause()
        assert "condition source" in error_under(screen, f"{at}.source")
        assert len(store.get(created.id).request.conditions) == 1
        choose(screen, f"{at}.source", "regulator_condition")
        await type_into(pilot, screen, f"{at}.description", "Supervised practice")
        choose(screen, f"{at}.supervision_floor", 3)
        (remove,) = [b for b in screen.query("Button.remove-item")
                     if b.name == f"request.conditions[{existing.id}]"]
        remove.press()
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        (kept,) = store.get(created.id).request.conditions
        assert (kept.source, kept.description, kept.supervision_floor) == (
            "regulator_condition", "Supervised practice", 3)


async def test_esc_with_problems_asks_before_discarding(store: CaseStore) -> None:
    created = stored_case(store, step="organisation")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        await type_into(pilot, screen, "request.organisation.contact_email", "not-an-email")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")  # stay
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape", "y")  # discard and leave
        await pilot.pause()
        assert app.screen is not screen
        saved = store.get(created.id)
        assert saved.revision == created.revision
        assert saved.request.organisation.contact_email == "amy.lee@northshire.nhs.uk"


async def test_ticks_read_without_colour(store: CaseStore) -> None:
    """Unticked boxes are blank, not a grey X only colour tells apart (NO_COLOR, 16 colours)."""
    created = stored_case(store, step="plan_type")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        text = screen_text(app)
        assert "▐ ▌ Knowledge" in text and "▐X▌ Skills" in text and "▐X▌ Behaviours" in text
        assert "▐ ▌ Health is part of the context" in text
        screen.query_one(f"#input-{safe_id('request.focus')}").focus()
        await pilot.press("space")  # the highlight starts on Knowledge
        await pilot.pause()
        assert "▐X▌ Knowledge" in screen_text(app)
        box = screen.query_one(f"#input-{safe_id('request.health_context')}", Checkbox)
        box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert "▐X▌ Health is part of the context" in screen_text(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
    stored = store.get(created.id).request
    assert sorted(stored.focus) == ["behaviours", "knowledge", "skills"]
    assert stored.health_context is True


async def test_f5_straight_after_typing_the_discussions_saves_and_starts(store) -> None:
    case = valid_request_case()
    case.id, case.state, case.intake_step = "case-f5", "accepted", STEP["discussions"]
    case.discussions = Discussions()
    created = store.create(case)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        await type_into(pilot, screen, "discussions.practitioner.held_on", "2026-11-16")
        await type_into(pilot, screen, "discussions.practitioner.duration_minutes", "50")
        await type_into(pilot, screen, "discussions.organisation.held_on", "2026-11-18")
        await type_into(pilot, screen, "discussions.organisation.duration_minutes", "30")
        await type_into(pilot, screen, "plan.start_date", "2027-01-04")
        await pilot.press("f5")
        await pilot.pause()
        saved = store.get(created.id)
        assert saved.discussions.organisation.held_on == date(2026, 11, 18)
        assert saved.state == "draft" and saved.plan is not None


async def test_added_rows_get_compact_inputs_and_an_before_vowels(store: CaseStore) -> None:
    created = stored_case(store, step="role")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        add = screen.query_one("Button.add-item")
        label = str(add.label)
        add.focus()
        await pilot.press("enter")
        await pilot.pause()
        added = screen.draft.request.excluded_concerns[-1]
        field = screen.query_one(
            f"#field-{safe_id(f'request.excluded_concerns[{added.id}].description')}",
            FormField)
        assert field.input.compact and field.input.outer_size.height == 1
        assert all(box.compact for box in screen.query("Input"))
        await type_into(pilot, screen,
                        f"request.excluded_concerns[{added.id}].description", "Parking")
        await type_into(pilot, screen,
                        f"request.excluded_concerns[{added.id}].local_management", "HR")
        await pilot.press("ctrl+n")
        await pilot.pause()
        saved = store.get(created.id).request.excluded_concerns[-1]
        assert (saved.description, saved.local_management) == ("Parking", "HR")
        assert label == "Add an excluded concern"


async def test_concerns_step_says_add_a_concern(store: CaseStore) -> None:
    created = stored_case(store, step="concerns")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        assert str(screen.query_one("Button.add-item").label) == "Add a concern"


async def test_not_saved_message_cleared_once_the_step_saves(store: CaseStore) -> None:
    created = stored_case(store, step="practitioner")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        path = "request.practitioner.registration_number"
        await type_into(pilot, screen, path, "12AB")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert [n.title for n in app._notifications] == ["Not saved"]
        await type_into(pilot, screen, path, "7654321")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert store.get(created.id).request.practitioner.registration_number == "7654321"
        assert screen.step == STEP["practitioner"] + 1
        assert not [n for n in app._notifications if n.title == "Not saved"]


async def test_pagedown_in_a_tick_list_goes_to_the_next_step(store: CaseStore) -> None:
    """The focus list shows every option, so PgDn means next step there too (F1 says so)."""
    created = stored_case(store, step="plan_type")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        ticks = screen.query_one(f"#input-{safe_id('request.focus')}", SelectionList)
        ticks.focus()
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen.step == STEP["concerns"]
        assert store.get(created.id).intake_step == STEP["concerns"]


async def test_intake_complete_says_f5_only_when_the_start_date_is_there(store) -> None:
    """The start date sits below the fold: 'F5 starts the plan' was said, then F5 refused."""
    created = stored_case(store, step="discussions", state="accepted")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        assert screen.can_start_plan()
        await pilot.press("ctrl+n")  # saves the last step: no start date yet
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "Intake complete: F5 starts the plan." not in messages
        assert any("enter when the plan starts" in m for m in messages)
        await type_into(pilot, screen, "plan.start_date", "2027-01-04")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Intake complete: F5 starts the plan." in [n.message for n in app._notifications]
        await pilot.press("f5")
        await pilot.pause()
        assert store.get(created.id).state == "draft"


async def test_pagedown_scrolls_a_long_step_before_it_moves_on(store: CaseStore) -> None:
    """At 80x24 the practitioner step is longer than the screen: PgDn pages through it and
    moves on only from its end; PgUp pages back to its top, then goes back a step."""
    from psr_tui.ui.screens.intake.form_area import FormArea

    created = stored_case(store, step="practitioner")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_intake(app, created.id, pilot)
        area = screen.query_one(FormArea)
        assert area.max_scroll_y > 0, "the step should be longer than the screen"
        pages = 0
        while area.scroll_y < area.max_scroll_y:
            await pilot.press("pagedown")
            await pilot.pause()
            pages += 1
            assert screen.step == STEP["practitioner"]  # still scrolling this step
            assert pages < 10
        assert store.get(created.id).revision == created.revision  # nothing saved yet
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.step == STEP["practitioner"] and area.scroll_y < area.max_scroll_y
        while area.scroll_y < area.max_scroll_y:
            await pilot.press("pagedown")
            await pilot.pause()
        await pilot.press("pagedown")  # at its end: checked, saved, on to the next step
        await pilot.pause()
        assert screen.step == STEP["practitioner"] + 1
        assert store.get(created.id).intake_step == STEP["practitioner"] + 1
        await pilot.press("pageup")  # a short step at its top: back at once
        await pilot.pause()
        assert screen.step == STEP["practitioner"]
