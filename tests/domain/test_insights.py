"""Insights over a fixture set built to known proportions: every figure asserted,
including primary and secondary suppression and the denominators."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from psr_tui.domain.insights import Insights, Table, build_insights
from psr_tui.domain.plan_facts import PlanFacts
from psr_tui.domain.suppression import PRIMARY, SECONDARY, percent, suppress
from psr_tui.domain.vocabulary import default_vocabularies

VOCAB = default_vocabularies()
BASE = PlanFacts(
    case_id="", organisation="Northmoor", practitioner_user="", supervisor_users=(),
    start=date(2021, 1, 1), profession="doctor", specialty_group="surgery",
    grade="consultant", care_setting="secondary", plan_type="both", absence_reason="",
    restriction_source="", domains=("clinical_skills",), planned_days=None, actual_days=None,
    review_outcomes=(), completion_outcome="", extended=False, paused=False, sex="male",
    age_band="45_54", ethnic_group="", qualification_region="",
)


def plans() -> list[PlanFacts]:
    """40 plans: 20 surgery consultants (secondary), 12 GPs (primary), 6 psychiatry SAS
    (secondary), 2 medicine trainees (secondary). Known domains, absences, demographics."""
    out = []
    for i in range(40):
        if i < 20:
            kind = {"specialty_group": "surgery", "grade": "consultant",
                    "care_setting": "secondary"}
            domains = ["clinical_skills", "communication"] + (["leadership"] if i < 12 else [])
            domains += ["team_working"] if i < 11 else []
        elif i < 32:
            kind = {"specialty_group": "general_practice", "grade": "gp",
                    "care_setting": "primary"}
            domains = ["clinical_skills", "record_keeping"] + (
                ["team_working"] if i < 23 else [])
        elif i < 38:
            kind = {"specialty_group": "psychiatry", "grade": "sas", "care_setting": "secondary"}
            domains = ["clinical_skills", "record_keeping"]
        else:
            kind = {"specialty_group": "medicine", "grade": "trainee",
                    "care_setting": "secondary"}
            domains = ["clinical_skills"]
        out.append(replace(
            BASE, case_id=f"case-{i}", **kind, domains=tuple(sorted(domains)),
            plan_type="remediation" if i % 4 == 0 else "both",  # 10 / 30
            # 16 absences: 11 local restriction, 3 regulator, 2 career break
            absence_reason=("local_restriction" if i < 11 else "regulator_restriction"
                            if i < 14 else "career_break" if i < 16 else ""),
            restriction_source="local" if i < 11 else "regulator" if i < 14 else "",
            sex="female" if i < 13 else "male" if i < 37 else "prefer_not_to_say",
            ethnic_group="white" if i < 30 else "",  # 10 not recorded
            planned_days=180 + i, actual_days=200 if i < 6 else None,
            extended=i < 7, paused=i == 0,
            review_outcomes=("step_down",) if i < 25 else ("concern",) if i < 28 else (),
            completion_outcome="completed" if i < 6 else "",
        ))
    return out


@pytest.fixture(scope="module")
def report() -> Insights:
    return build_insights(plans(), VOCAB)


def rows(report: Insights, title: str) -> list[tuple[str, str, int | None]]:
    return [(r.label, r.shown.text, r.percent) for r in table(report, title).rows]


def table(report: Insights, title: str) -> Table:
    return next(t for t in report.tables if t.title == title)


def test_profession_and_specialty_group(report: Insights) -> None:
    assert report.plans == 40
    assert rows(report, "Profession") == [("Doctor", "40", 100)]
    # Medicine's 2 is primary; 6 (psychiatry) is then the next smallest: secondary.
    assert rows(report, "Specialty group") == [
        ("Surgery", "20", 50),
        ("Medicine (medical and paediatric specialties)", "<5", None),
        ("General practice", "12", 30),
        ("Psychiatry", "*", None),
    ]
    assert table(report, "Specialty group").denominator == (
        "Percentages of the 40 plans with specialty group recorded.")


def test_grade_care_setting_and_consultants_in_secondary_care(report: Insights) -> None:
    assert rows(report, "Grade") == [("Consultant", "20", 50), ("SAS doctor", "*", None),
                                     ("GP", "12", 30), ("Doctor in training", "<5", None)]
    assert rows(report, "Care setting") == [("Primary care", "12", 30),
                                            ("Secondary care", "28", 70)]
    # 20 of the 28 secondary-care plans are consultants: 71% (seed 004: 61%).
    assert rows(report, "Grade among secondary-care plans") == [
        ("Consultant", "20", 71), ("SAS doctor", "*", None), ("Doctor in training", "<5", None)]
    assert table(report, "Grade among secondary-care plans").denominator == (
        "Percentages of the 28 plans with grade among secondary-care plans recorded.")


def test_plan_type_absence_and_restriction_source(report: Insights) -> None:
    assert rows(report, "Plan type") == [("Remediation", "10", 25),
                                         ("Remediation and return to work", "30", 75)]
    assert rows(report, "Reason for absence") == [
        ("Local restriction", "11", 69), ("Regulator restriction", "<5", None),
        ("Career break", "<5", None)]
    assert table(report, "Reason for absence").denominator == (
        "Percentages of the 16 plans with an absence (24 without).")
    # 3 regulator restrictions alone would follow from 14 - 11: 11 is withheld too.
    assert rows(report, "Source of the restriction, among restricted plans") == [
        ("Local", "*", None), ("Regulator", "<5", None)]


def test_objective_domains_overall_and_by_group(report: Insights) -> None:
    assert rows(report, "Objective domains") == [
        ("Clinical skills", "40", 100), ("Communication", "20", 50), ("Team working", "14", 35),
        ("Leadership", "12", 30), ("Record keeping", "18", 45)]
    assert rows(report, "Objective domains: Consultant (grade)") == [
        ("Clinical skills", "20", 100), ("Communication", "20", 100),
        ("Team working", "11", 55), ("Leadership", "12", 60)]
    # Withheld groups (medicine <5, psychiatry *) get no table of their own.
    titles = [t.title for t in report.tables]
    assert "Objective domains: Psychiatry (specialty group)" not in titles
    assert "Objective domains: Medicine (medical and paediatric specialties) (specialty group)" \
        not in titles
    top = table(report, "Most frequent non-clinical domain by specialty group")
    assert [(r.label, r.shown.text, r.percent, r.of) for r in top.rows] == [
        ("Surgery: Communication", "20", 100, 20),
        ("General practice: Record keeping", "12", 100, 12)]
    team = table(report, "Team working: secondary care and general practice")
    assert [(r.label, r.shown.text, r.percent, r.of) for r in team.rows] == [
        ("Secondary care", "11", 39, 28), ("General practice", "<5", None, 12)]


def test_reviews_completion_changes_and_durations(report: Insights) -> None:
    assert rows(report, "Review outcomes recorded") == [
        ("Satisfactory, step down to the next stage", "25", 89),
        ("Concern, enhance supervision", "<5", None)]
    assert table(report, "Review outcomes recorded").denominator == (
        "Percentages of the 28 plans with a review outcome (12 without).")
    assert rows(report, "Completion outcome") == [("Completed: return to full scope", "6", 100)]
    assert rows(report, "Extended or paused") == [("Extended", "7", 18), ("Paused", "<5", None)]
    assert table(report, "Extended or paused").denominator == "Percentages of all 40 plans."
    durations = dict(report.durations)
    assert durations["Planned duration"] == "median 6.6 months, range 5.9 to 7.2 (40 plans)"
    assert durations["Actual duration (completed)"] == (
        "median 6.6 months, range 6.6 to 6.6 (6 plans)")


def test_demographics_leave_out_not_recorded_and_declined(report: Insights) -> None:
    assert rows(report, "Sex") == [("Female", "13", 35), ("Male", "24", 65)]
    assert table(report, "Sex").denominator == (
        "Percentages of the 37 plans with sex recorded (3 not recorded).")
    assert rows(report, "Ethnic group") == [("White", "30", 100)]
    assert rows(report, "Age band") == [("45 to 54", "40", 100)]
    assert rows(report, "Where qualified") == []


def test_period_and_organisation_select_plans() -> None:
    facts = plans()
    facts[0] = replace(facts[0], start=date(2023, 5, 1), organisation="Aire")
    facts[1] = replace(facts[1], start=None)
    assert build_insights(facts, VOCAB).plans == 40
    assert build_insights(facts, VOCAB, date(2021, 1, 1), date(2021, 1, 1)).plans == 38
    assert build_insights(facts, VOCAB, start=date(2022, 1, 1)).plans == 1
    assert build_insights(facts, VOCAB, organisation="aire ").plans == 1


def test_a_small_denominator_is_withheld_too() -> None:
    small = build_insights(plans()[:3], VOCAB)
    assert rows(small, "Profession") == [("Doctor", "<5", None)]
    assert table(small, "Profession").denominator == (
        "Percentages of the fewer than 5 plans with profession recorded.")


def test_secondary_suppression_until_nothing_follows() -> None:
    assert {k: s.suppressed for k, s in suppress({"a": 1, "b": 1, "c": 9, "d": 7}).items()} \
        == {"a": PRIMARY, "b": PRIMARY, "c": "", "d": SECONDARY}  # 1+1 from the total: both 1
    assert {k: s.suppressed for k, s in suppress({"a": 3, "b": 4, "c": 9}).items()} \
        == {"a": PRIMARY, "b": PRIMARY, "c": ""}  # 7 between them: 3+4 or 4+3
    assert {k: s.suppressed for k, s in suppress({"a": 2, "b": 9}, total_shown=False).items()} \
        == {"a": PRIMARY, "b": ""}
    assert suppress({"a": 0, "b": 9})["a"].text == "0"


def test_percent_rounds_half_up_as_seed_004() -> None:
    assert percent(1, 8) == 13 and percent(45, 74) == 61 and percent(1, 3) == 33
    assert percent(3, 0) is None
