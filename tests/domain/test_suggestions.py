from datetime import date

from case_builders import valid_request_case

from psr_tui.domain.case import Case, Concern
from psr_tui.domain.plan import Objective, Plan
from psr_tui.domain.suggestions import suggest_objectives
from psr_tui.domain.vocabulary import default_vocabularies

VOCAB = default_vocabularies()


def domains(objectives: list[Objective]) -> list[str]:
    return [o.domain for o in objectives]


def test_clinical_skills_always_even_for_an_empty_request() -> None:
    suggested = suggest_objectives(Case(), VOCAB)
    assert domains(suggested) == ["clinical_skills"]
    objective = suggested[0]
    assert objective.statement and objective.measure and objective.achievable
    assert objective.target_date is None
    assert " by " not in objective.statement  # no end written into the wording


def test_case_study_suggests_communication_team_and_leadership() -> None:
    case = valid_request_case()  # consultant; "working relationships"; conduct; behaviours
    found = domains(suggest_objectives(case, VOCAB))
    assert found[0] == "clinical_skills"
    assert {"communication", "team_working", "leadership"} <= set(found)
    assert "record_keeping" not in found and "education" not in found


def test_leadership_follows_the_consultant_grade() -> None:
    case = Case()
    case.request.practitioner.grade = "sas"
    assert "leadership" not in domains(suggest_objectives(case, VOCAB))
    case.request.practitioner.grade = "consultant"
    assert "leadership" in domains(suggest_objectives(case, VOCAB))


def test_keywords_match_at_word_start_only() -> None:
    case = Case()
    case.request.concerns = [Concern(description="Misleading statements to a tribunal")]
    assert "leadership" not in domains(suggest_objectives(case, VOCAB))
    case.request.concerns = [Concern(description="Poor Record-keeping in clinic letters")]
    assert "record_keeping" in domains(suggest_objectives(case, VOCAB))


def test_wording_names_the_role_and_uses_plan_end() -> None:
    case = valid_request_case()
    case.plan = Plan(start_date=date(2026, 4, 1), end_date=date(2026, 9, 30))
    suggested = suggest_objectives(case, VOCAB)
    for objective in suggested:
        assert "Consultant general surgeon, full scope" in objective.statement
        assert objective.target_date == date(2026, 9, 30)
        # The date lives in target_date only: amending the end leaves no stale wording.
        assert "2026" not in objective.statement + objective.measure + objective.relevant
        assert "{" not in objective.statement + objective.measure + objective.relevant
    communication = next(o for o in suggested if o.domain == "communication")
    assert "Working relationships with theatre team could improve" in communication.relevant


def test_role_falls_back_to_grade_label() -> None:
    case = Case()
    case.request.practitioner.grade = "gp"
    (clinical,) = suggest_objectives(case, VOCAB)
    assert "(GP)" in clinical.statement


def test_domains_already_in_the_plan_are_not_suggested_again() -> None:
    case = valid_request_case()
    case.plan = Plan(objectives=[Objective(domain="clinical_skills", statement="mine")])
    found = domains(suggest_objectives(case, VOCAB))
    assert "clinical_skills" not in found and "communication" in found


def test_each_suggestion_is_a_new_objective() -> None:
    suggested = suggest_objectives(valid_request_case(), VOCAB)
    assert len({o.id for o in suggested}) == len(suggested) > 1


def _clinical_measure(profession: str) -> str:
    case = Case()
    case.request.practitioner.profession = profession
    (clinical,) = suggest_objectives(case, VOCAB)
    return clinical.measure


def test_measures_fit_the_profession() -> None:
    doctor = _clinical_measure("doctor")
    assert all(tool in doctor for tool in ("CbD", "DOPS", "mini-CEX"))
    pharmacist = _clinical_measure("pharmacist")
    assert "MRCF" in pharmacist and "MSF" in pharmacist
    assert "DOPS" not in pharmacist and "mini-CEX" not in pharmacist
    dentist = _clinical_measure("dentist")
    assert "dental CbD" in dentist and "ADEPT" in dentist and "mini-CEX" not in dentist
    unknown = _clinical_measure("")
    assert "mini-CEX" not in unknown and "workplace-based assessments" in unknown


def test_surgical_leadership_wording_is_for_doctors_only() -> None:
    case = Case()
    case.request.practitioner.grade = "consultant"
    case.request.practitioner.profession = "pharmacist"
    leadership = next(o for o in suggest_objectives(case, VOCAB) if o.domain == "leadership")
    assert "NOTSS" not in leadership.measure and "theatre" not in leadership.statement
    case.request.practitioner.profession = "doctor"
    leadership = next(o for o in suggest_objectives(case, VOCAB) if o.domain == "leadership")
    assert "NOTSS" in leadership.measure
