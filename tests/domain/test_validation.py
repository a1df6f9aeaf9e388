from dataclasses import fields as dataclass_fields
from datetime import date

import pytest
from case_builders import TODAY, valid_case, valid_request_case

from psr_tui.domain.case import Absence, Concern, Condition, Demographics, RequestForm
from psr_tui.domain.plan import Activity, Objective, ReviewPoint, SupervisionStage
from psr_tui.domain.validation import (
    INTAKE_STEPS,
    STEP_FIELDS,
    FieldError,
    parse_date,
    validate_plan,
    validate_request,
    validate_step,
)
from psr_tui.domain.vocabulary import default_vocabularies

VOCAB = default_vocabularies()


def paths(errors: list[FieldError]) -> set[str]:
    return {e.path for e in errors}


def step(case, key: str) -> set[str]:
    return paths(validate_step(case, key, VOCAB, TODAY))


def test_the_valid_case_passes_every_step_and_the_plan() -> None:
    case = valid_case()
    assert validate_request(case, VOCAB, TODAY) == []
    assert validate_plan(case, VOCAB) == []


def test_steps_cover_every_request_form_field() -> None:
    assert [k for k, _ in INTAKE_STEPS] == list(STEP_FIELDS)
    covered = {p for step_paths in STEP_FIELDS.values() for p in step_paths}
    for name in RequestForm.model_fields:
        if name in ("organisation", "practitioner"):
            continue  # covered field by field below
        assert f"request.{name}" in covered, name
    for sub in ("organisation", "practitioner"):
        model = RequestForm.model_fields[sub].annotation
        for name in model.model_fields:  # type: ignore[union-attr]
            assert f"request.{sub}.{name}" in covered
    assert "decision" in covered and "discussions" in covered


def test_unknown_step_is_an_error() -> None:
    with pytest.raises(ValueError):
        validate_step(valid_case(), "nope", VOCAB)


def test_empty_case_reports_required_fields() -> None:
    case = valid_request_case().model_copy(update={"request": RequestForm(), "decision": None})
    found = paths(validate_request(case, VOCAB, TODAY))
    for path in [
        "request.organisation.name",
        "request.organisation.contact_email",
        "request.case_adviser",
        "request.received_on",
        "request.practitioner.name",
        "request.practitioner.profession",
        "request.practitioner.registration_number",
        "request.plan_type",
        "request.focus",
        "request.role_on_completion",
        "request.expected_outcomes",
        "request.shared_with_practitioner",
        "decision.outcome",
    ]:
        assert path in found, path


@pytest.mark.parametrize(
    ("regulator", "profession", "number", "ok"),
    [
        ("GMC", "doctor", "1234567", True),
        ("GMC", "doctor", "123456", False),
        ("GMC", "doctor", "12345678", False),
        ("GMC", "doctor", "12345A7", False),
        ("GDC", "dentist", "81234", True),
        ("GDC", "dentist", "1234567", False),
        ("GPhC", "pharmacist", "2071234", True),
        ("GPhC", "pharmacist", "207123", False),
    ],
)
def test_registration_number_format(regulator: str, profession: str, number: str, ok: bool) -> None:
    case = valid_request_case()
    p = case.request.practitioner
    p.regulator, p.profession, p.registration_number = regulator, profession, number
    assert ("request.practitioner.registration_number" not in step(case, "practitioner")) is ok


def test_regulator_must_match_profession() -> None:
    case = valid_request_case()
    case.request.practitioner.profession = "dentist"
    errors = validate_step(case, "practitioner", VOCAB)
    assert [e.message for e in errors if e.path == "request.practitioner.regulator"] == [
        "a dentist is registered with the GDC, not the GMC"
    ]


def test_email_format_and_unknown_codes() -> None:
    case = valid_request_case()
    case.request.organisation.contact_email = "amy.lee at trust"
    case.request.practitioner.email = "john@"
    case.request.practitioner.care_setting = "hospital"
    case.request.practitioner.grade = "Associate specialist"  # local grade: allowed
    assert "request.organisation.contact_email" in step(case, "organisation")
    found = step(case, "practitioner")
    assert {"request.practitioner.email", "request.practitioner.care_setting"} <= found
    assert "request.practitioner.grade" not in found


def test_received_date_cannot_be_in_the_future() -> None:
    case = valid_request_case()
    case.request.received_on = date(2026, 11, 24)
    assert "request.received_on" in step(case, "organisation")
    # Without today there is no clock to compare with.
    assert validate_step(case, "organisation", VOCAB) == []


def test_remediation_needs_a_concern_with_evidence() -> None:
    case = valid_request_case()
    case.request.plan_type = "remediation"
    case.request.concerns = [Concern(id="con-9", description="x", concern_type="capability")]
    assert "request.concerns" in step(case, "concerns")
    case.request.concerns[0].evidence = ["soft_information"]
    assert step(case, "concerns") == set()
    case.request.concerns[0].evidence = ["gossip"]
    assert "request.concerns[con-9].evidence" in step(case, "concerns")


def test_return_to_work_needs_absence_or_development_area() -> None:
    case = valid_request_case()
    case.request.plan_type = "return_to_work"
    case.request.absence = None
    case.request.development_areas = []
    assert "request.absence" in step(case, "absence")
    case.request.development_areas = ["New robotic procedure"]
    assert step(case, "absence") == set()


def test_absence_dates() -> None:
    case = valid_request_case()
    case.request.absence = Absence(
        reason="ill_health", start=date(2026, 5, 1), end=date(2026, 4, 1)
    )
    assert "request.absence.end" in step(case, "absence")
    case.request.absence = Absence(reason="career_break", start=date(2027, 1, 1))
    assert "request.absence.start" in step(case, "absence")
    # A planned return date in the future is fine.
    case.request.absence = Absence(
        reason="sabbatical", start=date(2025, 1, 1), end=date(2027, 1, 1)
    )
    assert step(case, "absence") == set()


def test_conditions_need_a_known_source_and_a_sane_floor() -> None:
    case = valid_request_case()
    case.request.conditions = [Condition(id="cnd-x", source="gossip", supervision_floor=7)]
    found = step(case, "conditions")
    assert {
        "request.conditions[cnd-x].source",
        "request.conditions[cnd-x].description",
        "request.conditions[cnd-x].supervision_floor",
    } <= found


def test_role_changed_needs_detail() -> None:
    case = valid_request_case()
    case.request.role_changed = True
    assert "request.role_change_detail" in step(case, "role")
    case.request.role_change_detail = "Now includes robotic lists"
    assert step(case, "role") == set()


def test_health_context_needs_occupational_health_assurance() -> None:
    case = valid_request_case()
    case.request.health_context = True
    found = step(case, "health")
    assert "request.occupational_health.involved" in found
    assert "request.occupational_health.fit_to_participate" in found
    case.request.occupational_health.involved = True
    case.request.occupational_health.fit_to_participate = "yes"
    assert step(case, "health") == set()


def test_not_shared_needs_a_reason() -> None:
    case = valid_request_case()
    case.request.shared_with_practitioner = False
    assert "request.not_shared_reason" in step(case, "sharing")
    case.request.not_shared_reason = "Practitioner currently unwell"
    assert step(case, "sharing") == set()


def test_demographics_are_optional() -> None:
    case = valid_request_case()
    case.request.demographics = Demographics(sex="prefer not to say")
    assert step(case, "demographics") == set()


def test_declined_needs_reason_and_alternative() -> None:
    case = valid_request_case()
    assert case.decision is not None
    case.decision.outcome = "declined"
    assert {"decision.reason", "decision.alternative_offered"} <= step(case, "decision")
    case.decision.outcome = "further_information"
    found = step(case, "decision")
    assert "decision.reason" in found and "decision.alternative_offered" not in found
    case.decision.reason = "Need the investigation report"
    case.decision.decided_on = date(2026, 3, 1)  # before received
    assert step(case, "decision") == {"decision.decided_on"}


def test_discussion_duration_and_date() -> None:
    case = valid_request_case()
    case.discussions.practitioner.duration_minutes = 0
    case.discussions.organisation.duration_minutes = 300
    case.discussions.organisation.held_on = date(2026, 2, 1)  # before the request
    found = step(case, "discussions")
    assert found == {
        "discussions.practitioner.duration_minutes",
        "discussions.organisation.duration_minutes",
        "discussions.organisation.held_on",
    }


def test_non_engagement_requires_organisation_consulted() -> None:
    case = valid_request_case()
    case.discussions.practitioner_did_not_engage = True
    found = step(case, "discussions")
    assert {"discussions.organisation_consulted", "discussions.non_engagement_note"} <= found
    case.discussions.organisation_consulted = True
    case.discussions.non_engagement_note = "Three calls and two letters unanswered"
    assert step(case, "discussions") == set()


def test_plan_dates_stages_and_review_points() -> None:
    case = valid_case()
    plan = case.plan
    assert plan is not None
    plan.stages[1].start = date(2026, 6, 15)  # overlaps stage 1
    plan.stages.append(SupervisionStage(id="stg-3", level=1, start=date(2026, 9, 1)))
    plan.review_points.append(ReviewPoint(id="rp-9", due_on=date(2026, 12, 1)))
    found = paths(validate_plan(case, VOCAB))
    assert "plan.stages[stg-2].start" in found
    assert "plan.stages[stg-3].level" in found  # steps supervision back up
    assert "plan.stages[stg-3].end" in found  # missing end
    assert "plan.review_points[rp-9].due_on" in found


def test_plan_end_before_start() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.end_date = date(2026, 3, 1)
    found = paths(validate_plan(case, VOCAB))
    assert "plan.end_date" in found
    assert "plan.stages[stg-1].end" in found  # stage now outside the plan


def test_objectives_and_activities_are_linked_with_evidence() -> None:
    case = valid_case()
    plan = case.plan
    assert plan is not None
    plan.objectives.append(Objective(id="obj-9", statement="x", target_date=date(2027, 1, 1)))
    plan.activities.append(Activity(id="act-9", kind="coaching", objective_ids=["obj-404"]))
    found = paths(validate_plan(case, VOCAB))
    assert "plan.objectives[obj-9]" in found
    assert "plan.objectives[obj-9].target_date" in found
    assert "plan.activities[act-9].objective_ids" in found
    assert "plan.activities[act-9].evidence" in found
    assert not any(p.startswith("plan.objectives[obj-1]") for p in found)


def test_field_error_is_a_frozen_value() -> None:
    error = FieldError("a.b", "msg")
    assert [f.name for f in dataclass_fields(error)] == ["path", "message"]
    with pytest.raises(AttributeError):
        error.path = "c"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01", date(2026, 3, 1)),
        ("01/03/2026", date(2026, 3, 1)),
        (" 1/3/2026 ", date(2026, 3, 1)),
    ],
)
def test_parse_date_accepts_both_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "2026/03/01", "03-01-2026", "31/02/2026", "tomorrow"])
def test_parse_date_rejects_with_a_helpful_message(text: str) -> None:
    with pytest.raises(ValueError, match=r"use YYYY-MM-DD or DD/MM/YYYY, e\.g\. 2026-03-01"):
        parse_date(text)


def test_typed_text_with_control_characters_is_refused_naming_the_field() -> None:
    from psr_tui.domain.case import Case, Practitioner, RequestForm
    from psr_tui.domain.validation import control_text_errors, validate_step
    from psr_tui.domain.vocabulary import default_vocabularies

    case = Case(id="case-x", request=RequestForm(
        practitioner=Practitioner(name="Dr \x1b]52;c;SGVsbG8=\x07", profession="doctor")))
    errors = validate_step(case, "practitioner", default_vocabularies())
    refused = [e for e in errors if "control character" in e.message]
    assert [(e.path, e.message) for e in refused] == [(
        "request.practitioner.name", "Name contains a control character (ESC): remove it")]
    case.request.practitioner.name = "Dr Ann\u202eBell"
    assert "U+202E" in control_text_errors(case, "practitioner")[0].message
    case.request.practitioner.name = "Dr Ann Bell"
    assert control_text_errors(case, "practitioner") == []
