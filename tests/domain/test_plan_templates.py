"""Plan templates: chosen from the intake's facts, filling ladder, reviews, roles,
objectives and assessments; an organisation's own file works without code, a bad one is
refused naming the file and the field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from case_builders import TODAY, valid_request_case

from psr_tui.domain import plan_drafting
from psr_tui.domain.case import Absence, Case, Condition, RequestDecision
from psr_tui.domain.plan_templates import (
    choose_template,
    load_plan_templates,
    shipped_plan_templates,
    template_label,
)
from psr_tui.domain.vocabulary import VocabularyError, default_vocabularies

VOCAB = default_vocabularies()


def _accepted(case: Case) -> Case:
    case.decision = RequestDecision(outcome="accepted", decided_on=TODAY, decided_by="a")
    case.state = "accepted"
    return case


def _chosen(case: Case) -> str:
    template = choose_template(case, shipped_plan_templates(VOCAB), VOCAB)
    return template.code if template else ""


def test_every_shipped_template_loads() -> None:
    codes = {t.code for t in shipped_plan_templates(VOCAB)}
    assert {"return_after_restriction", "return_after_absence", "remediation_clinical",
            "remediation_behaviour"} <= codes


def test_chosen_from_the_facts() -> None:
    surgeon = valid_request_case()
    surgeon.request.absence = Absence(reason="local_restriction")
    assert _chosen(surgeon) == "return_after_restriction_surgeon"
    surgeon.request.practitioner.specialty_group = "medicine"
    assert _chosen(surgeon) == "return_after_restriction"
    parent = valid_request_case()
    parent.request.absence = Absence(reason="parental_leave")
    assert _chosen(parent) == "return_after_absence"
    behaviour = valid_request_case()
    behaviour.request.absence = None
    behaviour.request.plan_type, behaviour.request.focus = "remediation", ["behaviours"]
    assert _chosen(behaviour) == "remediation_behaviour"
    behaviour.request.focus = ["skills", "behaviours"]
    assert _chosen(behaviour) == "remediation_clinical"  # clinical safety first
    behaviour.request.practitioner.profession = "dentist"
    assert _chosen(behaviour) == "remediation_clinical_dentist"
    behaviour.request.plan_type, behaviour.request.focus = "return_to_work", []
    assert _chosen(behaviour) == ""  # nothing fits: the default ladder and suggestions


def test_the_case_study_plan_from_its_template() -> None:
    case = _accepted(valid_request_case())
    case.request.absence = Absence(reason="local_restriction")
    template = choose_template(case, shipped_plan_templates(VOCAB), VOCAB)
    plan = plan_drafting.start_plan(case, date(2026, 7, 1), 8, TODAY, VOCAB, template)
    assert [s.level for s in plan.stages] == [1, 2, 3, 5]  # not the default 2-3-4-5
    assert [(s.start, s.end) for s in plan.stages] == [
        (date(2026, 7, 1), date(2026, 8, 31)), (date(2026, 9, 1), date(2026, 10, 31)),
        (date(2026, 11, 1), date(2026, 12, 31)), (date(2027, 1, 1), date(2027, 3, 1))]
    assert plan.stages[0].scope_limits == ["elective_only", "no_complex", "no_on_call"]
    assert [o.domain for o in plan.objectives] == ["clinical_skills", "communication",
                                                   "leadership"]
    # The template's own wording replaces the starter's (no patient questionnaire here).
    assert "NOTSS" in plan.objectives[1].measure
    roles = {r.role: r for r in plan.roles}
    assert roles["practitioner"].person == "Mr John Smith"
    assert roles["case_adviser"].person == "Sam Patel"
    dops = next(a for a in plan.activities if a.kind == "DOPS")
    assert (dops.count, dops.per) == (2, "review")
    assert dops.responsible == roles["clinical_supervisor"].id
    assert dops.objective_ids == [plan.objectives[0].id]
    assert len(plan.review_points) == 4 and plan.review_points[-1].is_final
    assert "DOPS x2" in plan.review_points[0].expected_evidence
    assert "MSF x1" in plan.review_points[0].expected_evidence  # two over the plan


def test_the_plan_records_the_template_it_came_from() -> None:
    case = _accepted(valid_request_case())
    case.request.absence = Absence(reason="local_restriction")
    template = choose_template(case, shipped_plan_templates(VOCAB), VOCAB)
    assert template is not None
    plan = plan_drafting.start_plan(case, date(2026, 7, 1), 8, TODAY, VOCAB, template)
    assert plan.template_id == template.code
    assert template_label(plan.template_id, VOCAB) == template.label
    # Where the plan came from is not content the parties agree to.
    assert "template_id" not in plan.content()
    # A template whose file has gone is still named, by its code.
    assert template_label("withdrawn_template", VOCAB) == "withdrawn_template"


def test_a_condition_floor_caps_the_template_ladder() -> None:
    case = _accepted(valid_request_case())
    case.request.absence = Absence(reason="local_restriction")
    case.request.conditions = [Condition(source="interim_order", supervision_floor=2)]
    template = choose_template(case, shipped_plan_templates(VOCAB), VOCAB)
    plan = plan_drafting.start_plan(case, date(2026, 7, 1), 8, TODAY, VOCAB, template)
    assert [s.level for s in plan.stages] == [1, 2]
    assert plan.stages[-1].end == plan.end_date


def test_a_short_plan_drops_the_stages_past_its_end() -> None:
    case = _accepted(valid_request_case())
    case.request.absence = Absence(reason="local_restriction")
    template = choose_template(case, shipped_plan_templates(VOCAB), VOCAB)
    plan = plan_drafting.start_plan(case, date(2026, 7, 1), 3, TODAY, VOCAB, template)
    assert [s.level for s in plan.stages] == [1, 2]
    assert plan.stages[-1].end == plan.end_date


OWN = """
code = "our_own"
label = "Our own return to practice"
roles = ["clinical_supervisor"]
[when]
plan_types = ["return_to_work"]
priority = 99
[[stage]]
level = 3
[review]
every_months = 3
[[objective]]
domain = "clinical_skills"
statement = "Our wording"
[[activity]]
kind = "COT"
domains = ["clinical_skills"]
count = 1
per = "month"
"""


def test_an_organisation_adds_its_own_without_code(tmp_path: Path) -> None:
    (tmp_path / "own.toml").write_text(OWN, encoding="utf-8")
    templates = load_plan_templates(tmp_path, VOCAB)
    case = _accepted(valid_request_case())
    case.request.plan_type = "return_to_work"
    template = choose_template(case, templates, VOCAB)
    assert template is not None and template.label == "Our own return to practice"
    plan = plan_drafting.start_plan(case, date(2026, 7, 1), 6, TODAY, VOCAB, template)
    assert [s.level for s in plan.stages] == [3]
    assert plan.objectives[0].statement == "Our wording"
    assert plan.review_points[0].due_on == date(2026, 10, 1)
    assert "COT x3" in plan.review_points[0].expected_evidence


@pytest.mark.parametrize(("change", "named"), [
    (("level = 3", "level = 9"), "level must be 1 to 5"),
    (('kind = "COT"', 'kind = "juggling"'), "kind 'juggling'"),
    (('per = "month"', 'per = "fortnight"'), "per 'fortnight'"),
    (('roles = ["clinical_supervisor"]', 'roles = ["wizard"]'), "role 'wizard'"),
    (('plan_types = ["return_to_work"]', 'plan_type = ["return_to_work"]'), "plan_type"),
    (("every_months = 3", "every_months = 0"), "every_months"),
    (("count = 1", "count = 0"), "count must be"),
    (("[review]", "[review"), "own.toml"),
])
def test_a_bad_template_is_refused_naming_file_and_field(
        tmp_path: Path, change: tuple[str, str], named: str) -> None:
    (tmp_path / "own.toml").write_text(OWN.replace(*change), encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"own\.toml") as raised:
        load_plan_templates(tmp_path, VOCAB)
    assert named in str(raised.value)


def test_no_template_keeps_the_default_ladder() -> None:
    case = _accepted(valid_request_case())
    plan = plan_drafting.start_plan(case, date(2026, 7, 1), 6, TODAY, VOCAB)
    assert [s.level for s in plan.stages] == plan_drafting.DEFAULT_STAGE_LEVELS
    assert plan.template_id == "" and template_label(plan.template_id, VOCAB) == ""
