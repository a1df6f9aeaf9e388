"""The demo data: coverage of the vocabularies, the Mr G case study, consistency, determinism."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from psr_tui.demo import mr_g_case, write_demo
from psr_tui.demo.case_study import CASE_ID
from psr_tui.demo.generator import generate_cases
from psr_tui.domain.base import is_confidential
from psr_tui.domain.case import Case, PractitionerDiscussion
from psr_tui.domain.deadlines import draft_deadline
from psr_tui.domain.plan import Plan
from psr_tui.domain.schedule import add_months
from psr_tui.domain.supervision import check_level, in_force, require_ladder_within_floor
from psr_tui.domain.vocabulary import default_vocabularies

TODAY = date(2026, 11, 23)
VOCAB = default_vocabularies()


@pytest.fixture(scope="module")
def default_demo() -> list[Case]:
    return [mr_g_case(TODAY), *generate_cases(35, TODAY)]


@pytest.fixture(scope="module")
def many() -> list[Case]:
    return list(generate_cases(200, TODAY, seed=11))


def test_default_demo_covers_every_state_profession_and_plan_type(default_demo):
    assert {c.state for c in default_demo} == set(VOCAB["lifecycle_states"].codes)
    practitioners = [c.request.practitioner for c in default_demo]
    assert {p.profession for p in practitioners} == set(VOCAB["professions"].codes)
    assert {c.request.plan_type for c in default_demo} == set(VOCAB["plan_types"].codes)


def test_every_generated_case_round_trips(many):
    for case in many:
        dumped = case.model_dump(mode="json")
        assert Case.model_validate(dumped).model_dump(mode="json") == dumped


def test_codes_come_from_the_vocabularies(many):
    for case in many:
        request = case.request
        p = request.practitioner
        assert p.grade in VOCAB["grades"] and p.specialty_group in VOCAB["specialty_groups"]
        assert p.care_setting in VOCAB["care_settings"]
        assert set(request.focus) <= set(VOCAB["focus_areas"].codes)
        for concern in request.concerns:
            assert concern.concern_type in VOCAB["concern_types"]
            assert concern.evidence and set(concern.evidence) <= set(
                VOCAB["evidence_sources"].codes
            )
        if request.absence:
            assert request.absence.reason in VOCAB["absence_reasons"]
        assert all(c.source in VOCAB["condition_sources"] for c in request.conditions)
        if case.plan:
            kinds = set(VOCAB["activity_types"].codes) | set(VOCAB["wba_types"].codes)
            assert all(a.kind in kinds for a in case.plan.activities)
            assert all(o.domain in VOCAB["objective_domains"] for o in case.plan.objectives)
            for stage in case.plan.stages:
                assert set(stage.scope_limits) <= set(VOCAB["scope_limits"].codes)


def test_professions_have_consistent_regulators_and_numbers(many):
    patterns = {"GMC": r"\d{7}", "GPhC": r"2\d{6}", "GDC": r"\d{5,6}"}
    settings = {"dentist": "dentistry", "pharmacist": "pharmacy"}
    for case in many:
        p = case.request.practitioner
        assert p.regulator == VOCAB["professions"].term(p.profession).get("regulator")
        assert re.fullmatch(patterns[p.regulator], p.registration_number), p
        if p.profession in settings:
            assert p.specialty_group == settings[p.profession]
        if p.grade == "gp":
            assert p.care_setting == "primary"
        employer = case.request.organisation.name
        if p.care_setting == "primary":
            assert "Integrated Care Board" in employer or "Health Board" in employer
        else:
            assert employer.endswith(("Trust", "Health Board")), employer


def _replay(plan: Plan) -> int:
    """Apply every recorded outcome's vocabulary effect in order; check the levels recorded."""
    stage = 0
    for rp in plan.review_points:
        for missed in rp.history:
            assert missed.outcome == "not_held" and missed.reason
            assert missed.level_before == missed.level_after == plan.stages[stage].level
        if rp.history:
            assert rp.history[-1].reschedule_to == rp.due_on
        if rp.outcome is None:
            continue
        effect = VOCAB["review_outcomes"].term(rp.outcome.outcome).get("effect")
        assert rp.outcome.level_before == plan.stages[stage].level, rp.title
        if effect == "step_down":
            stage = min(stage + 1, len(plan.stages) - 1)
        elif effect == "enhance":
            stage = max(stage - 1, 0)
        assert rp.outcome.level_after == plan.stages[stage].level, rp.title
    return stage


def test_review_outcomes_agree_with_the_current_stage(many, default_demo):
    recorded = 0
    for case in [*many, *default_demo]:
        if case.plan is None:
            continue
        assert _replay(case.plan) == case.plan.current_stage, case.id
        recorded += sum(rp.outcome is not None for rp in case.plan.review_points)
        for number, stage in enumerate(case.plan.stages, start=1):
            # As in force at the stage (Mr G's restriction is lifted on entry to stage 4).
            assert check_level(case, stage.level, stage_number=number) is None, case.id
    assert recorded > 100
    codes = {
        rp.outcome.outcome for c in many if c.plan for rp in c.plan.review_points if rp.outcome
    }
    assert {"step_down", "remain", "concern", "insufficient", "refer"} <= codes
    assert any(rp.history for c in many if c.plan for rp in c.plan.review_points)


def test_outcomes_fit_the_state(many):
    for case in many:
        plan = case.plan
        outcomes = [rp.outcome.outcome for rp in plan.review_points if rp.outcome] if plan else []
        if case.state == "paused":
            assert outcomes[-1] == "refer"
        if case.state == "extended":
            agreed = [a for a in plan.amendments if a.status == "agreed"]
            assert "insufficient" in outcomes and agreed
            assert plan.end_date == date.fromisoformat(agreed[0].changes["end_date"])
        if case.state in ("completed", "completed_with_conditions", "not_completed"):
            assert case.completion is not None and case.completion.outcome == case.state
            assert case.completion.signed_on < TODAY
        if case.state == "completed_with_conditions":
            floors = [c.supervision_floor for c in case.request.conditions]
            assert plan.current_level == min(f for f in floors if f)
        if case.state == "completed":
            assert plan.current_stage == len(plan.stages) - 1
            assert all(rp.outcome for rp in plan.review_points)
        if case.state == "declined":
            assert case.decision.reason and case.decision.alternative_offered
        if case.state == "withdrawn":
            assert case.withdrawal is not None and case.withdrawal.reason
        if case.state in ("agreed", "active", "extended", "completed"):
            assert plan.agreement.fully_signed and plan.status == "agreed"


def test_plans_are_linked_and_timetabled(many):
    for case in many:
        plan = case.plan
        if plan is None:
            assert case.state in ("request", "further_information", "accepted", "declined")
            continue
        objective_ids = {o.id for o in plan.objectives}
        role_ids = {r.id for r in plan.roles}
        covered = set()
        for activity in plan.activities:
            assert activity.objective_ids and set(activity.objective_ids) <= objective_ids
            assert activity.evidence and activity.responsible in role_ids
            covered |= set(activity.objective_ids)
        assert covered == objective_ids
        assert plan.objectives[0].domain == "clinical_skills"
        assert all(o.statement and o.measure and o.target_date for o in plan.objectives)
        assert 3 <= len(plan.stages) <= 4
        levels = [s.level for s in plan.stages]
        assert levels == sorted(set(levels))
        supervisors = [r for r in plan.roles if r.role == "clinical_supervisor"]
        assert supervisors and supervisors[0].person and supervisors[0].deputy
        dues = [rp.due_on for rp in plan.review_points]
        assert dues == sorted(dues) and plan.review_points[-1].is_final
        if not plan.amendments and not any(rp.history for rp in plan.review_points):
            assert dues[0] == add_months(plan.start_date, 2)


def test_reviews_overdue_on_time_and_due_this_week(default_demo, many):
    for cases in (default_demo, many):
        running = [c for c in cases if c.state in ("active", "extended")]
        open_dues = [
            rp.due_on for c in running for rp in c.plan.review_points if rp.outcome is None
        ]
        nearest = {
            c.id: min(rp.due_on for rp in c.plan.review_points if rp.outcome is None)
            for c in running
        }
        assert any(d < TODAY for d in nearest.values())  # overdue
        assert any(d > TODAY + timedelta(days=7) for d in nearest.values())  # on time
        assert any(TODAY <= d <= TODAY + timedelta(days=7) for d in open_dues)  # this week


def test_draft_deadlines_both_met_and_breached(default_demo):
    deadlines = [draft_deadline(c, TODAY) for c in default_demo]
    found = [d for d in deadlines if d is not None]
    assert any(d.breached for d in found) and any(not d.breached for d in found)
    early = [c for c in default_demo if c.state in ("accepted", "draft")]
    assert {draft_deadline(c, TODAY).breached for c in early} == {True, False}


def test_generation_is_deterministic_for_a_seed():
    first = [c.model_dump(mode="json") for c in generate_cases(30, TODAY, seed=3)]
    again = [c.model_dump(mode="json") for c in generate_cases(30, TODAY, seed=3)]
    other = [c.model_dump(mode="json") for c in generate_cases(30, TODAY, seed=4)]
    longer = [c.model_dump(mode="json") for c in generate_cases(40, TODAY, seed=3)]
    assert first == again
    assert first != other
    assert longer[:30] == first  # more cases never change the first ones
    assert mr_g_case(TODAY).model_dump() == mr_g_case(TODAY).model_dump()


def test_ids_are_unique_and_stable(many):
    ids = [c.id for c in many]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "case-0b000000"


def test_mr_g_is_the_case_study():
    case = mr_g_case(TODAY)
    request, plan = case.request, case.plan
    assert case.id == CASE_ID and case.state == "active"
    assert request.practitioner.name == "Mr Gareth Griffiths"
    assert (request.practitioner.grade, request.practitioner.specialty_group) == (
        "consultant", "surgery")
    assert request.plan_type == "both" and set(request.focus) == {"skills", "behaviours"}
    # "Outpatients only" is what it is: a local restriction (two years), not an absence,
    # holding supervision at L3 until the plan lifts it on entry to its last stage.
    assert request.absence is None
    restriction = request.conditions[0]
    assert [c.source for c in request.conditions] == ["local_restriction"]
    assert (restriction.supervision_floor, restriction.lifted_at_stage) == (3, 4)
    assert restriction.imposed_on is not None
    assert (case.created_at.date() - restriction.imposed_on).days >= 2 * 365
    require_ladder_within_floor(case, plan.stages, "plan.stages")
    assert [in_force(restriction, n) for n in (1, 2, 3, 4)] == [True, True, True, False]
    assert [o.domain for o in plan.objectives] == ["clinical_skills", "communication",
                                                   "leadership"]
    kinds = {a.kind for a in plan.activities}
    assert {"clinical_supervision", "CbD", "DOPS", "mini-CEX", "NOTSS", "MSF",
            "supervisor_meetings", "coaching"} <= kinds
    roles = {r.role: r for r in plan.roles}
    for code in ("responsible_officer", "clinical_supervisor", "educational_supervisor",
                 "coach", "case_adviser"):
        assert roles[code].person
    assert all(roles[c].deputy for c in ("clinical_supervisor", "educational_supervisor"))
    assert [s.level for s in plan.stages] == [1, 2, 3, 4]
    assert {"elective_only", "no_complex", "no_on_call"} <= set(plan.stages[0].scope_limits)
    assert plan.stages[-1].scope_limits == []
    reviews = plan.review_points
    assert [rp.due_on for rp in reviews[:3]] == [add_months(plan.start_date, m) for m in (2, 4, 6)]
    assert reviews[-1].is_final and len(reviews) == 4
    first = reviews[0].outcome
    assert first.outcome == "step_down" and (first.level_before, first.level_after) == (1, 2)
    seen = {(e.tool, e.count, e.rating) for e in first.evidence_seen}
    assert ("NOTSS", 1, "3 acceptable") in seen and ("DOPS", 2, "meets expectations") in seen
    assert ("CbD", 2, "meets expectations") in seen
    assert plan.current_stage == 1 and plan.current_level == 2
    assert reviews[1].outcome is None and TODAY <= reviews[1].due_on <= TODAY + timedelta(7)
    assert plan.agreement.fully_signed and plan.consequences
    assert is_confidential(PractitionerDiscussion, "notes")
    assert "GP" in case.discussions.practitioner.notes
    assert "GP" not in case.discussions.organisation.notes


def test_write_demo_into_a_store(store):
    written = write_demo(store, TODAY)
    assert written == 36
    cases, problems = store.load_all()
    assert problems == [] and len(cases) == 36
    by_id = {c.id: c for c in cases}
    assert by_id[CASE_ID].practitioner_name == "Mr Gareth Griffiths"
    assert all(c.revision == 1 for c in cases)
    assert [e.action for e in store.audit(CASE_ID)] == ["create"]
    assert by_id[CASE_ID].plan == mr_g_case(TODAY).plan


def test_write_demo_with_a_count(store):
    assert write_demo(store, TODAY, cases=12, seed=5) == 13
    assert len(store.list_ids()) == 13


def test_a_thousand_cases_cover_everything_with_unique_ids():
    cases = list(generate_cases(1000, TODAY))
    assert len({c.id for c in cases}) == 1000
    assert {c.state for c in cases[14:]} == set(VOCAB["lifecycle_states"].codes)
    assert sum(c.state == "active" for c in cases) > sum(c.state == "paused" for c in cases)


def test_replay_notices_a_stage_that_disagrees_with_the_outcomes():
    case = mr_g_case(TODAY)
    case.plan.current_stage = 2
    assert _replay(case.plan) != case.plan.current_stage
