from datetime import date

from case_builders import valid_case

from psr_tui.domain.case import Case, Condition
from psr_tui.domain.checker import Finding, check_plan, vague_words_in
from psr_tui.domain.plan import Activity, Objective, ReviewOutcome, ReviewPoint, Role
from psr_tui.domain.vocabulary import default_vocabularies

VOCAB = default_vocabularies()


def by_path(findings: list[Finding]) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in findings:
        out.setdefault(f.path, []).append(f)
    return out


def severities(findings: list[Finding], path: str) -> set[str]:
    return {f.severity for f in findings if f.path == path}


def test_a_good_plan_has_no_findings() -> None:
    case = valid_case()
    assert case.plan is not None
    for activity in case.plan.activities:  # the shared builder names no one responsible
        activity.responsible = "Dr Supervisor"
    assert check_plan(case, VOCAB) == []


def test_no_plan() -> None:
    assert check_plan(Case(), VOCAB) == [Finding("plan", "missing", "no plan has been drafted yet")]


def test_objective_without_activity_measure_or_target() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.objectives.append(
        Objective(id="obj-9", domain="communication", statement="Write discharge letters")
    )
    found = check_plan(case, VOCAB)
    assert severities(found, "plan.objectives[obj-9]") == {"missing"}  # no activity
    assert severities(found, "plan.objectives[obj-9].measure") == {"missing"}
    assert severities(found, "plan.objectives[obj-9].target_date") == {"missing"}
    assert not any(f.path.startswith("plan.objectives[obj-1]") for f in found)


def test_activity_without_evidence() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.activities.append(Activity(id="act-9", kind="coaching", objective_ids=["obj-1"]))
    found = check_plan(case, VOCAB)
    assert severities(found, "plan.activities[act-9].evidence") == {"missing"}


def test_vague_objective_is_weak_unless_measured() -> None:
    vague = Objective(statement="Improve communication with the team", measure="Better feedback")
    # "feedback" is observable: measured, so not vague.
    assert vague_words_in(vague) == []
    vague = Objective(statement="Improve communication", measure="Be more appropriate")
    assert vague_words_in(vague) == ["improve", "appropriate"]
    counted = Objective(statement="Improve communication", measure="No complaints in 6 months")
    assert vague_words_in(counted) == []
    # Whole words only: "awareness" is listed, "unaware" is not a match for "aware".
    assert vague_words_in(Objective(statement="Unawareness noted", measure="x")) == []

    case = valid_case()
    assert case.plan is not None
    case.plan.objectives[0].statement = "Try to understand theatre lists"
    case.plan.objectives[0].measure = "Supervisor is happy"
    found = by_path(check_plan(case, VOCAB))["plan.objectives[obj-1].statement"]
    assert [f.severity for f in found] == ["weak"]
    assert "try" in found[0].message and "understand" in found[0].message


def test_roles_named_required_and_deputies() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.roles = [
        Role(id="role-cs", role="clinical_supervisor", person="Ms Jones"),
        Role(id="role-coach", role="coach"),
    ]
    found = check_plan(case, VOCAB)
    assert severities(found, "plan.roles[role-cs].deputy") == {"weak"}
    assert severities(found, "plan.roles[role-coach].person") == {"missing"}
    missing_roles = [f.message for f in found if f.path == "plan.roles"]
    assert missing_roles == ["no responsible officer / responsible director named"]


def test_consequences_review_points_and_stages() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.consequences = " "
    case.plan.review_points = []
    case.plan.stages = []
    found = check_plan(case, VOCAB)
    assert severities(found, "plan.consequences") == {"missing"}
    assert severities(found, "plan.review_points") == {"missing"}
    assert severities(found, "plan.stages") == {"missing"}


def test_review_point_problems() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.review_points = [
        ReviewPoint(id="rp-out", due_on=date(2027, 1, 4), expected_evidence=["MSF"]),
        ReviewPoint(id="rp-bare", due_on=date(2026, 5, 1)),
    ]
    found = check_plan(case, VOCAB)
    assert severities(found, "plan.review_points[rp-out].due_on") == {"missing"}
    assert severities(found, "plan.review_points[rp-bare].expected_evidence") == {"weak"}
    assert any(f.path == "plan.review_points" and "final" in f.message for f in found)


def test_stage_above_a_condition_floor() -> None:
    case = valid_case()
    case.request.conditions.append(
        Condition(
            id="cnd-io",
            source="interim_order",
            description="Close supervision",
            supervision_floor=2,
        )
    )
    found = by_path(check_plan(case, VOCAB))
    assert "plan.stages[stg-1].level" not in found  # level 2 is allowed
    (finding,) = found["plan.stages[stg-2].level"]
    assert finding.severity == "missing"
    assert "Interim order 'Close supervision' (GMC)" in finding.message


def test_validation_errors_are_reported_once_as_missing() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.end_date = None
    found = check_plan(case, VOCAB)
    assert [f.severity for f in found if f.path == "plan.end_date"] == ["missing"]
    assert len(found) == len(set(found))


def test_remediation_objectives_should_cover_what_the_concerns_point_to() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.objectives = [o for o in case.plan.objectives if o.domain != "team_working"]
    case.plan.activities[0].objective_ids = ["obj-2"]
    found = [f for f in check_plan(case, VOCAB) if f.path == "plan.objectives"]
    assert [f.severity for f in found] == ["weak"]
    assert "team working" in found[0].message
    assert "Working relationships with theatre team" in found[0].message
    case.request.plan_type = "return_to_work"
    assert not any(f.path == "plan.objectives" for f in check_plan(case, VOCAB))


def test_objective_without_activity_is_named_by_number_and_domain() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.objectives.append(
        Objective(id="obj-9", domain="communication", statement="Write discharge letters")
    )
    number = len(case.plan.objectives)  # numbered by stored order, as in the export
    found = [f for f in check_plan(case, VOCAB) if f.path == "plan.objectives[obj-9]"]
    assert [f.message for f in found] == [f"Objective {number} (Communication): no activity yet"]


def test_activity_without_anyone_responsible_is_weak() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.activities.append(
        Activity(id="act-9", kind="coaching", objective_ids=["obj-1"], evidence="Coach report")
    )
    found = check_plan(case, VOCAB)
    assert severities(found, "plan.activities[act-9].responsible") == {"weak"}
    case.plan.activities[-1].responsible = "Dr Coach"
    assert not severities(check_plan(case, VOCAB), "plan.activities[act-9].responsible")


def test_a_review_nobody_holds_is_weak_only_without_a_named_supervisor() -> None:
    case = valid_case()
    assert case.plan is not None
    for activity in case.plan.activities:
        activity.responsible = "Dr Supervisor"
    case.plan.review_points[0].reviewer = ""
    assert check_plan(case, VOCAB) == []  # Ms Jones, the clinical supervisor, holds it
    case.plan.roles = [r for r in case.plan.roles if r.role != "clinical_supervisor"]
    path = "plan.review_points[rp-1].reviewer"
    assert severities(check_plan(case, VOCAB), path) == {"weak"}


def test_a_plan_starting_before_the_discussions_is_weak() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.start_date = date(2026, 3, 10)  # the organisation's discussion was on the 11th
    findings = [f for f in check_plan(case, VOCAB) if f.path == "plan.start_date"]
    assert [f.severity for f in findings] == ["weak"]
    assert "before the discussions were completed on 2026-03-11" in findings[0].message


def test_a_plan_starting_on_the_day_the_discussions_finished_is_not_flagged() -> None:
    case = valid_case()
    assert case.plan is not None
    case.plan.start_date = date(2026, 3, 11)  # the organisation's discussion, the later one
    assert [f for f in check_plan(case, VOCAB) if f.path == "plan.start_date"] == []


def test_a_review_due_on_a_weekend_or_bank_holiday_is_weak_until_recorded() -> None:
    case = valid_case()
    assert case.plan is not None
    saturday, boxing_day_observed = date(2026, 6, 6), date(2026, 8, 31)
    case.plan.review_points[0].due_on = saturday
    case.plan.review_points.append(ReviewPoint(id="rp-hol", title="Summer review",
                                               due_on=boxing_day_observed,
                                               expected_evidence=["MSF"]))
    found = by_path(check_plan(case, VOCAB))
    [weekend] = found["plan.review_points[rp-1].due_on"]
    assert weekend.severity == "weak"
    assert weekend.message == "Review 1 is due on 2026-06-06, which falls on a Saturday"
    [holiday] = found["plan.review_points[rp-hol].due_on"]
    assert holiday.message.endswith("falls on a bank holiday (Late Summer Bank Holiday)")
    # Once held, the date is history: nothing to fix.
    case.plan.review_points[0].outcome = ReviewOutcome(outcome="stay", held_on=saturday,
                                                       recorded_by="sup")
    assert "plan.review_points[rp-1].due_on" not in by_path(check_plan(case, VOCAB))


def test_a_measure_relying_on_evidence_no_activity_arranges_is_missing() -> None:
    """004: a communication measure named a patient questionnaire the plan never set up."""
    case = valid_case()
    assert case.plan is not None
    objective = case.plan.objectives[0]
    objective.measure = "Patient questionnaire shows no major concerns; MSF from 12 colleagues"
    at = f"plan.objectives[{objective.id}].measure"
    case.plan.activities = [a for a in case.plan.activities
                            if a.kind not in ("PSQ", "MSF")]
    case.plan.activities.append(Activity(kind="supervisor_meetings", objective_ids=[objective.id],
                                         evidence="MSF report and reflection",
                                         responsible="Dr Supervisor"))
    found = [f for f in check_plan(case, VOCAB) if f.path == at]
    assert [f.severity for f in found] == ["missing"]
    assert "Patient satisfaction questionnaire (PSQ), which no activity arranges" in \
        found[0].message
    # Arranged by an activity of that kind: nothing to say.
    case.plan.activities.append(Activity(kind="PSQ", objective_ids=[objective.id],
                                         evidence="PSQ summary", responsible="Dr Supervisor"))
    assert not [f for f in check_plan(case, VOCAB) if f.path == at]


def test_tools_offered_as_examples_need_only_one_arranged() -> None:
    case = valid_case()
    assert case.plan is not None
    objective = case.plan.objectives[0]
    objective.measure = "Six assessments (e.g. CbD, DOPS, mini-CEX) meet expectations, and MSF"
    msf = Activity(kind="MSF", objective_ids=[objective.id], evidence="MSF report")
    cbd = Activity(kind="CbD", objective_ids=[objective.id], evidence="CbD forms")

    def missing_tools() -> set[str]:
        return {f.message.split("relies on ")[1].split(", which")[0]
                for f in check_plan(case, VOCAB) if f.path.endswith(".measure")}

    wba = VOCAB["wba_types"]
    case.plan.activities = [msf, cbd]
    assert missing_tools() == set()  # one example arranged is enough
    case.plan.activities = [msf]
    assert missing_tools() == {wba.label(t) for t in ("CbD", "DOPS", "mini-CEX")}
    case.plan.activities = [cbd]
    assert missing_tools() == {wba.label("MSF")}  # named outside the examples: relied on
