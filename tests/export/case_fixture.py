"""The seed 004 case study (Mr G, consultant surgeon) with fixed ids and dates.

Distinct confidential strings let tests prove where they do and do not appear.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from psr_tui.domain.case import (
    Case,
    Completion,
    Concern,
    Condition,
    Demographics,
    Discussion,
    Discussions,
    Document,
    LocalSupport,
    OccupationalHealth,
    Organisation,
    Practitioner,
    PractitionerDiscussion,
    RequestForm,
)
from psr_tui.domain.plan import (
    Activity,
    Agreement,
    Amendment,
    AssessmentSeen,
    Objective,
    ObjectiveProgress,
    Plan,
    PlanVersion,
    ReviewOutcome,
    ReviewPoint,
    Role,
    Signature,
    SupervisionStage,
)

DISCUSSION_NOTES = "Mr G said the long restriction felt like a punishment and he dreads theatre"
HEALTH_DETAILS = "Treated for anxiety and insomnia during the restriction period"
CONFIDENTIAL_CONDITION = "Monthly occupational health wellbeing appointments"
AGE_BAND = "55_64"  # codes: their labels are what a leak would print
QUALIFICATION_REGION = "eea"
CONFIDENTIAL_STRINGS = (
    DISCUSSION_NOTES, HEALTH_DETAILS, CONFIDENTIAL_CONDITION, AGE_BAND, QUALIFICATION_REGION
)
# What a document prints for them: demographics as their labels.
CONFIDENTIAL_PRINTED = (
    DISCUSSION_NOTES, HEALTH_DETAILS, CONFIDENTIAL_CONDITION, "55 to 64", "EEA graduate"
)
# The adviser's working note on a supplied document: in the adviser's copy only.
DOCUMENT_NOTES = "Section 4 disputed by Mr G; read with his written response"
HOSTILE_NAME = "Dr <b>A</b> | *B* # C"

START, END = date(2026, 3, 2), date(2026, 8, 31)
ORG_SIGNED = Signature(name="Dr Helen Marsh", role="Medical Director", signed_on=date(2026, 2, 20))
PRAC_SIGNED = Signature(name="Mr G", role="Consultant Surgeon", signed_on=date(2026, 2, 23))


def _request(name: str) -> RequestForm:
    return RequestForm(
        received_on=date(2026, 1, 5),
        organisation=Organisation(name="Northshire Hospitals NHS Trust",
                                  contact_name="Dr Helen Marsh", contact_role="Medical Director"),
        case_adviser="Priya Shah", case_reference="PSR-2026-0042",
        practitioner=Practitioner(name=name, profession="doctor", regulator="GMC",
                                  registration_number="1234567", specialty_group="surgery",
                                  grade="consultant", care_setting="secondary"),
        plan_type="both", focus=["skills", "behaviours"],
        concerns=[Concern(id="con-1", description="Concerns about working relationships with "
                          "the surgical team", concern_type="conduct",
                          evidence=["local_investigation"],
                          evidence_detail="Trust investigation report, December 2025")],
        development_areas=["Surgical procedures and inpatient work after two years away",
                           "Communication and leadership style"],
        conditions=[
            # The case study's "outpatients only" as what it is: a local restriction the
            # plan lifts on entry to stage 3 (L4), not an absence.
            Condition(id="cnd-1", source="local_restriction",
                      description="Outpatient work only pending the local investigation",
                      imposed_on=date(2024, 1, 8), review_on=date(2026, 3, 2),
                      supervision_floor=3, lifted_at_stage=3),
            Condition(id="cnd-2", source="other", description=CONFIDENTIAL_CONDITION,
                      confidential=True),
        ],
        role_on_completion="Consultant general surgeon, full scope including complex surgery",
        expected_outcomes="Return to full surgical duties at consultant level",
        occupational_health=OccupationalHealth(involved=True, fit_to_participate="yes",
                                               health_details=HEALTH_DETAILS),
        reasonable_adjustments="Operating lists start no earlier than 08:30 for the first month",
        documents=[
            Document(id="doc-1", title="Trust investigation report", kind="report",
                     received_on=date(2026, 1, 5), notes=DOCUMENT_NOTES),
            Document(id="doc-2", title="Current and proposed job plan", kind="job_plan",
                     received_on=date(2026, 1, 5)),
        ],
        shared_with_practitioner=True,
        local_support=LocalSupport(
            supervisors="Mr Daniel Osei (clinical supervisor), Ms Laura Bennett (deputy)",
            placements="Day surgery unit lists first, then main theatres",
            funding="The Trust funds six coaching sessions",
        ),
        demographics=Demographics(sex="male", age_band=AGE_BAND, ethnic_group="white",
                                  qualification_region=QUALIFICATION_REGION),
    )


def _objectives() -> list[Objective]:
    return [
        Objective(id="obj-clin", domain="clinical_skills",
                  statement="Return to full elective and emergency surgery, with complex cases",
                  achievable="Supervisor and theatre time funded by the Trust",
                  relevant="Investigation found deskilling after two years of outpatient work",
                  measure="DOPS and CbD meet expectations at each stage; NOTSS 3 or above",
                  target_date=date(2026, 8, 28)),
        Objective(id="obj-comm", domain="communication",
                  statement="Communicate respectfully and clearly with the theatre team",
                  measure="MSF at four months raises no concerns from the theatre team",
                  target_date=date(2026, 7, 1)),
        Objective(id="obj-lead", domain="leadership",
                  statement="Lead the surgical team with an inclusive leadership style",
                  measure="NOTSS leadership 3 or above; reflective log reviewed with the coach",
                  target_date=date(2026, 8, 28)),
    ]


def _activities() -> list[Activity]:
    clin, comm, lead = "obj-clin", "obj-comm", "obj-lead"
    return [
        Activity(id="act-sup", kind="clinical_supervision", objective_ids=[clin],
                 description="Sliding scale of supervision back to complex surgery",
                 evidence="Supervisor's report at each review", responsible="role-cs"),
        Activity(id="act-dops", kind="DOPS", objective_ids=[clin], frequency="2 a month",
                 description="Observed procedures", evidence="DOPS forms", responsible="role-cs"),
        Activity(id="act-cbd", kind="CbD", objective_ids=[clin], frequency="monthly",
                 description="Complex case discussions", evidence="CbD forms",
                 responsible="role-cs"),
        Activity(id="act-cex", kind="mini-CEX", objective_ids=[comm], frequency="monthly",
                 description="Observed outpatient consultations", evidence="CEX forms",
                 responsible="role-cs"),
        Activity(id="act-notss", kind="NOTSS", objective_ids=[clin, lead], frequency="monthly",
                 description="Theatre non-technical skills", evidence="NOTSS ratings",
                 responsible="role-cs"),
        Activity(id="act-msf", kind="MSF", objective_ids=[comm, lead],
                 description="Multi-source feedback at four months", evidence="MSF report",
                 responsible="role-ro"),
        Activity(id="act-coach", kind="coaching", objective_ids=[comm, lead],
                 description="Communication, leadership style and reflective practice",
                 evidence="Reflective log", responsible="role-coach", frequency="fortnightly"),
        Activity(id="act-meet", kind="supervisor_meetings", frequency="fortnightly",
                 description="Feedback and support", evidence="Meeting notes",
                 responsible="role-cs"),
    ]


def _roles() -> list[Role]:
    return [
        Role(id="role-ro", role="responsible_officer", person="Dr Helen Marsh",
             contact="helen.marsh@northshire.example", responsibilities="Signs off each stage",
             deputy="Dr Omar Farouk"),
        Role(id="role-cs", role="clinical_supervisor", person="Ms Anna Clarke",
             contact="anna.clarke@northshire.example", deputy="Mr Tom Reid",
             responsibilities="Supervises and assesses; reports at each review",
             stage_responsibilities={"stg-1": "On site for every list",
                                     "stg-3": "Reviews complex cases weekly"}),
        Role(id="role-coach", role="coach", person="Sam Patel",
             responsibilities="Coaching on communication and leadership"),
        Role(id="role-ca", role="case_adviser", person="Priya Shah",
             contact="priya.shah@psr.example", responsibilities="Advice on the plan"),
    ]


def _stages() -> list[SupervisionStage]:
    return [
        SupervisionStage(id="stg-1", level=2, start=START, end=date(2026, 5, 1),
                         entry_criteria="Plan signed; theatre induction done",
                         exit_criteria="DOPS meet expectations on routine lists",
                         scope_limits=["elective_only", "no_complex", "no_on_call"]),
        SupervisionStage(id="stg-2", level=3, start=date(2026, 5, 1), end=date(2026, 7, 1),
                         entry_criteria="Two-month review satisfactory",
                         exit_criteria="CbD and NOTSS meet expectations",
                         scope_limits=["no_complex", "no_on_call"]),
        SupervisionStage(id="stg-3", level=4, start=date(2026, 7, 1), end=END,
                         entry_criteria="Four-month review satisfactory",
                         exit_criteria="Complex cases performed to standard"),
        SupervisionStage(id="stg-4", level=5, start=END,
                         entry_criteria="Summary sign-off by the responsible officer"),
    ]


def _review_points() -> list[ReviewPoint]:
    evidence = ["Supervisor's report", "DOPS and CbD forms", "Reflective log"]
    return [
        ReviewPoint(id="rp-2m", title="Two-month review", due_on=date(2026, 5, 1),
                    expected_evidence=evidence, reviewer="Ms Anna Clarke"),
        ReviewPoint(id="rp-4m", title="Four-month review", due_on=date(2026, 7, 1),
                    expected_evidence=[*evidence, "MSF report"], reviewer="Ms Anna Clarke"),
        ReviewPoint(id="rp-6m", title="Six-month review", due_on=date(2026, 8, 14),
                    expected_evidence=[*evidence, "NOTSS ratings"], reviewer="Ms Anna Clarke"),
        ReviewPoint(id="rp-final", title="Summary sign-off", due_on=END, is_final=True,
                    expected_evidence=["Summary report against every objective"],
                    reviewer="Dr Helen Marsh"),
    ]


def _case(name: str, plan: Plan, state: str) -> Case:
    return Case(
        id="case-mrg", revision=7, state=state, request=_request(name),
        discussions=Discussions(
            practitioner=PractitionerDiscussion(held_on=date(2026, 1, 20), notes=DISCUSSION_NOTES),
            organisation=Discussion(held_on=date(2026, 1, 22), notes="Job plan supports return"),
        ),
        first_draft_issued_on=date(2026, 2, 2), plan=plan,
    )


def draft_case(name: str = "Mr G") -> Case:
    """Version 2 issued after the organisation's comments; nobody has signed yet."""
    plan = Plan(
        version=2, status="issued", start_date=START, end_date=END, objectives=_objectives(),
        activities=_activities(), roles=_roles(), stages=_stages(),
        review_points=_review_points(), condition_ids=["cnd-1", "cnd-2"],
        consequences="If progress is insufficient the plan may be extended once by agreement; "
                     "otherwise the Trust will consider its capability process.",
        template_id="return_after_restriction_surgeon",
    )
    return _case(name, plan, "issued")


def _outcome(code: str, held: date, before: int, after: int, note: str,
             seen: list[AssessmentSeen]) -> ReviewOutcome:
    return ReviewOutcome(outcome=code, held_on=held, recorded_by="Ms Anna Clarke",
                         recorded_at=datetime(held.year, held.month, held.day, 16, 0, tzinfo=UTC),
                         note=note, evidence_seen=seen, level_before=before, level_after=after)


def active_case(name: str = "Mr G") -> Case:
    """Signed; two reviews held; the six-month review moved by an agreed amendment (v2)."""
    case = draft_case(name)
    plan = case.plan
    assert plan is not None
    plan.version, plan.status = 1, "agreed"
    plan.agreement = Agreement(organisation=ORG_SIGNED, practitioner=PRAC_SIGNED)
    plan.versions = [PlanVersion(version=1, status="agreed", issued_on=date(2026, 2, 23),
                                 issued_by="Dr Helen Marsh", content=plan.content())]
    plan.review_points[2].due_on = date(2026, 8, 21)
    plan.amendments = [Amendment(
        id="amd-1", kind="content",
        description="Six-month review a week later: supervisor on leave",
        proposed_by="Dr Helen Marsh", proposed_on=date(2026, 6, 1),
        changes={"review_points": [rp.model_dump(mode="json") for rp in plan.review_points]},
        organisation=Signature(name="Dr Helen Marsh", role="Medical Director",
                               signed_on=date(2026, 6, 2)),
        practitioner=Signature(name="Mr G", role="Consultant Surgeon", signed_on=date(2026, 6, 3)),
        status="agreed", applied_in_version=2,
    )]
    plan.version = 2
    plan.versions.append(PlanVersion(version=2, status="agreed", issued_on=date(2026, 6, 3),
                                     issued_by="Dr Helen Marsh", content=plan.content()))
    plan.review_points[0].outcome = _outcome(
        "step_down", date(2026, 5, 1), 2, 3, "Routine lists performed safely; good rapport",
        [AssessmentSeen(tool="DOPS", count=4, rating="meets expectations"),
         AssessmentSeen(tool="CbD", count=2, rating="meets expectations")])
    plan.review_points[1].outcome = _outcome(
        "step_down", date(2026, 7, 1), 3, 4, "MSF positive; theatre team reports better briefings",
        [AssessmentSeen(tool="MSF", count=1, rating="meets expectations"),
         AssessmentSeen(tool="NOTSS", count=3, rating="3 acceptable")])
    plan.review_points[0].outcome.objective_progress = [
        ObjectiveProgress(objective_id="obj-clin", rating="progressing",
                          note="Routine lists to standard; complex cases not yet"),
        ObjectiveProgress(objective_id="obj-comm", rating="concern", note="Briefings rushed")]
    plan.review_points[1].outcome.objective_progress = [
        ObjectiveProgress(objective_id="obj-clin", rating="progressing"),
        ObjectiveProgress(objective_id="obj-comm", rating="achieved"),
        ObjectiveProgress(objective_id="obj-lead", rating="progressing")]
    plan.current_stage = 2
    case.state = "active"
    return case


def completed_case(name: str = "Mr G") -> Case:
    """All reviews held and the summary signed off: back to full scope in six months."""
    case = active_case(name)
    plan = case.plan
    assert plan is not None
    plan.review_points[2].outcome = _outcome(
        "step_down", date(2026, 8, 21), 4, 5, "Complex cases to standard",
        [AssessmentSeen(tool="NOTSS", count=2, rating="4 good")])
    plan.review_points[3].outcome = _outcome(
        "step_down", END, 5, 5, "All objectives met", [])
    plan.review_points[3].outcome.recorded_by = "Dr Helen Marsh"
    plan.current_stage = 3
    case.completion = Completion(outcome="completed", signed_by="Dr Helen Marsh",
                                 role="Medical Director", signed_on=END,
                                 follow_up="Annual appraisal as usual",
                                 objective_progress=[
                                     ObjectiveProgress(objective_id=o.id, rating="achieved")
                                     for o in plan.objectives])
    case.state = "completed"
    return case
