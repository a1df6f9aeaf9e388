"""A condition lifted as a planned step of the ladder caps only the stages before it, when
the ladder is generated (defaults or a template); and the organisation's nation reaches the
dates moved with the plan's end (issue 10, hazard H02/H05)."""

from __future__ import annotations

from datetime import date

from case_builders import TODAY, valid_plan, valid_request_case

from psr_tui.domain import lifecycle, plan_drafting, plan_signing
from psr_tui.domain.amendments import agree_amendment, propose_amendment
from psr_tui.domain.case import Absence, Case, Condition, RequestDecision
from psr_tui.domain.conditions import lift_condition
from psr_tui.domain.plan import ReviewPoint
from psr_tui.domain.plan_templates import choose_template, shipped_plan_templates
from psr_tui.domain.schedule import generate_stages
from psr_tui.domain.supervision import floor_at, require_ladder_within_floor
from psr_tui.domain.timetable import move_timeframe
from psr_tui.domain.vocabulary import default_vocabularies

VOCAB = default_vocabularies()
START, END = date(2026, 1, 1), date(2026, 12, 31)


def _accepted(case: Case) -> Case:
    case.decision = RequestDecision(outcome="accepted", decided_on=TODAY, decided_by="a")
    case.state = "accepted"
    return case


def _restricted(floor: int, lifted_at_stage: int | None) -> Case:
    case = _accepted(valid_request_case())
    case.request.conditions = [Condition(
        id="cnd-local", source="local_restriction", description="Outpatient work only",
        supervision_floor=floor, lifted_at_stage=lifted_at_stage)]
    return case


def test_a_planned_lifting_uncaps_the_stages_from_its_stage_on() -> None:
    case = _restricted(floor=3, lifted_at_stage=4)
    stages = generate_stages(START, END, [1, 2, 3, 4], floor=floor_at(case))
    assert [s.level for s in stages] == [1, 2, 3, 4]
    require_ladder_within_floor(case, stages, "plan.stages")  # the issue check agrees


def test_without_a_planned_lifting_the_floor_caps_the_whole_ladder() -> None:
    case = _restricted(floor=3, lifted_at_stage=None)
    stages = generate_stages(START, END, [1, 2, 3, 4, 5], floor=floor_at(case))
    assert [s.level for s in stages] == [1, 2, 3]
    assert stages[-1].end == END


def test_a_lifting_at_a_stage_the_merged_ladder_never_reaches_keeps_its_floor() -> None:
    # L3 and L4 are held at L2 and merge into stage 2: there is no stage 4 to lift it at.
    case = _restricted(floor=2, lifted_at_stage=4)
    stages = generate_stages(START, END, [1, 2, 3, 4], floor=floor_at(case))
    assert [s.level for s in stages] == [1, 2]
    require_ladder_within_floor(case, stages, "plan.stages")


def test_a_recorded_lifting_uncaps_every_stage() -> None:
    case = _restricted(floor=2, lifted_at_stage=None)
    lifted = case.request.conditions[0]
    lift_condition(case, lifted.id, by="organisation", decided_by="Dr Anita Rao",
                   lifted_on=TODAY, evidence="Letter of the medical director", user="ro",
                   today=TODAY)
    stages = generate_stages(START, END, [1, 2, 3, 4], floor=floor_at(case))
    assert [s.level for s in stages] == [1, 2, 3, 4]


def test_start_plan_default_ladder_honours_the_planned_lifting() -> None:
    case = _restricted(floor=3, lifted_at_stage=4)
    plan = plan_drafting.start_plan(case, date(2026, 7, 1), 8, TODAY, VOCAB)
    # The default levels (2 3 4 5): stage 3 (L4) is held at L3 and merges with stage 2;
    # the ladder never reaches a fourth stage, so the floor stays.
    assert [s.level for s in plan.stages] == [2, 3]
    case = _restricted(floor=4, lifted_at_stage=4)
    plan = plan_drafting.start_plan(case, date(2026, 7, 1), 8, TODAY, VOCAB)
    assert [s.level for s in plan.stages] == [2, 3, 4, 5]


def test_the_template_ladder_honours_the_planned_lifting() -> None:
    case = _restricted(floor=3, lifted_at_stage=4)
    case.request.absence = Absence(reason="local_restriction")  # the case-study template
    template = choose_template(case, shipped_plan_templates(VOCAB), VOCAB)
    assert template is not None
    plan = plan_drafting.start_plan(case, date(2026, 7, 1), 8, TODAY, VOCAB, template)
    assert [s.level for s in plan.stages] == [1, 2, 3, 5]  # stage 4 past the lifting
    capped = _restricted(floor=3, lifted_at_stage=None)
    capped.request.absence = Absence(reason="local_restriction")
    plan = plan_drafting.start_plan(capped, date(2026, 7, 1), 8, TODAY, VOCAB, template)
    assert [s.level for s in plan.stages] == [1, 2, 3]


# St Patrick's Day, Wednesday 17 March 2027: a bank holiday in Northern Ireland only.
PATRICK = date(2027, 3, 17)


def test_a_new_end_moves_the_final_review_off_the_nations_bank_holiday() -> None:
    plan = valid_plan()
    move_timeframe(plan, plan.start_date, PATRICK, "NIR")
    assert plan.review_points[-1].due_on == date(2027, 3, 16)
    plan = valid_plan()
    move_timeframe(plan, plan.start_date, PATRICK, "ENG")
    assert plan.review_points[-1].due_on == PATRICK


def test_an_agreed_extension_uses_the_organisations_nation() -> None:
    case = _accepted(valid_request_case())
    plan_drafting.start_plan(case, date(2026, 9, 1), 6, TODAY, VOCAB)
    assert case.plan is not None
    case.plan.consequences = "Referral to the capability process"
    plan_drafting.issue_draft(case, "ca", TODAY)
    for party, name in (("organisation", "Dr RO"), ("practitioner", "Dr P")):
        plan_signing.sign(case, party, name, party, TODAY, TODAY, recorded_by="ca")
    lifecycle.activate(case, TODAY)
    case.request.organisation.nation = "NIR"
    final = next(rp for rp in case.plan.review_points if rp.is_final)
    assert isinstance(final, ReviewPoint)
    amendment = propose_amendment(case, "duration", "Extend", {"end_date": PATRICK.isoformat()},
                                  "ro", TODAY)
    for party, name in (("organisation", "Dr RO"), ("practitioner", "Dr P")):
        agree_amendment(case, amendment.id, party, name, party, TODAY, recorded_by="ca")
    assert case.plan.end_date == PATRICK
    assert case.plan.review_point(final.id).due_on == date(2027, 3, 16)


def test_a_restriction_entered_as_a_condition_chooses_the_restriction_template() -> None:
    case = _restricted(floor=3, lifted_at_stage=4)
    case.request.absence = None  # the case study as it is: he kept working, in outpatients
    case.request.practitioner.profession = "doctor"
    case.request.practitioner.specialty_group = "surgery"
    template = choose_template(case, shipped_plan_templates(VOCAB), VOCAB)
    assert template is not None and template.code == "return_after_restriction_surgeon"
    for change in ({"source": "interim_order"}, {"lifted_at_stage": None}):
        # A regulator's condition, or a restriction the plan is not to lift: not this one.
        other = case.model_copy(deep=True)
        for key, value in change.items():
            setattr(other.request.conditions[0], key, value)
        template = choose_template(other, shipped_plan_templates(VOCAB), VOCAB)
        assert template is None or template.code != "return_after_restriction_surgeon"
