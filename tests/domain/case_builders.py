"""Complete, valid cases built from the models: tests break one field at a time."""

from __future__ import annotations

from datetime import date

from psr_tui.domain.case import (
    Absence,
    Case,
    Concern,
    Condition,
    Document,
    ExcludedConcern,
    RequestDecision,
)
from psr_tui.domain.plan import Activity, Objective, Plan, ReviewPoint, Role, SupervisionStage

TODAY = date(2026, 11, 23)


def valid_request_case() -> Case:
    """The 004 case study as a request: a consultant surgeon returning after restriction."""
    case = Case(id="case-test")
    req = case.request
    req.received_on = date(2026, 3, 2)
    req.organisation.name = "Northshire Hospitals NHS Trust"
    req.organisation.contact_name = "Dr Amy Lee"
    req.organisation.contact_email = "amy.lee@northshire.nhs.uk"
    req.organisation.contact_phone = "0161 496 0000"
    req.case_adviser = "Sam Patel"
    req.case_reference = "PSR-2026-0042"
    p = req.practitioner
    p.name = "Mr John Smith"
    p.profession = "doctor"
    p.regulator = "GMC"
    p.registration_number = "1234567"
    p.specialty_group = "surgery"
    p.grade = "consultant"
    p.care_setting = "secondary"
    req.plan_type = "both"
    req.focus = ["skills", "behaviours"]
    req.concerns = [
        Concern(
            id="con-1",
            description="Working relationships with theatre team could improve",
            concern_type="conduct",
            evidence=["local_investigation"],
        )
    ]
    req.development_areas = ["Complex surgery after two years away"]
    req.absence = Absence(reason="local_restriction", start=date(2024, 2, 1), end=date(2026, 2, 28))
    req.conditions = [
        Condition(id="cnd-1", source="local_restriction", description="Outpatients only")
    ]
    req.role_on_completion = "Consultant general surgeon, full scope"
    req.expected_outcomes = "Return to full surgical duties including on-call"
    req.excluded_concerns = [
        ExcludedConcern(id="exc-1", description="Job plan dispute", local_management="HR")
    ]
    req.documents = [
        Document(id="doc-1", title="Investigation report", received_on=date(2026, 3, 2))
    ]
    req.shared_with_practitioner = True
    req.local_support.supervisors = "Ms Jones (clinical supervisor)"
    case.decision = RequestDecision(
        outcome="accepted", decided_on=date(2026, 3, 4), decided_by="Sam Patel"
    )
    case.discussions.practitioner.held_on = date(2026, 3, 10)
    case.discussions.practitioner.duration_minutes = 55
    case.discussions.organisation.held_on = date(2026, 3, 11)
    case.discussions.organisation.duration_minutes = 30
    return case


def valid_plan() -> Plan:
    start, end = date(2026, 4, 1), date(2026, 9, 30)
    return Plan(
        start_date=start,
        end_date=end,
        objectives=[
            Objective(
                id="obj-1",
                domain="clinical_skills",
                statement="Perform elective laparoscopic cholecystectomy independently",
                measure="5 DOPS rated meets expectations by the clinical supervisor",
                achievable="Weekly elective list with supervisor",
                relevant="Role on completion: full scope consultant",
                target_date=date(2026, 9, 1),
            ),
            Objective(
                id="obj-2",
                domain="communication",
                statement="Communicate respectfully with the theatre team",
                measure="MSF from 12 colleagues with no major concerns",
                target_date=date(2026, 9, 1),
            ),
            Objective(
                id="obj-3",
                domain="team_working",
                statement="Hold a team brief before every list",
                measure="Observed by the supervisor on 5 lists",
                target_date=date(2026, 9, 1),
            ),
        ],
        activities=[
            Activity(
                id="act-2",
                kind="coaching",
                description="Coaching on communication and team working",
                objective_ids=["obj-2", "obj-3"],
                evidence="Coach's summary; MSF at 3 and 6 months",
            ),
            Activity(
                id="act-1",
                kind="wba",
                description="DOPS on elective lists",
                objective_ids=["obj-1"],
                evidence="DOPS forms",
            ),
        ],
        roles=[
            Role(id="role-ro", role="responsible_officer", person="Dr Black"),
            Role(id="role-cs", role="clinical_supervisor", person="Ms Jones", deputy="Mr Green"),
        ],
        stages=[
            SupervisionStage(id="stg-1", level=2, start=start, end=date(2026, 6, 30)),
            SupervisionStage(id="stg-2", level=3, start=date(2026, 7, 1), end=end),
        ],
        review_points=[
            ReviewPoint(
                id="rp-1", title="Review 1", due_on=date(2026, 6, 1), expected_evidence=["DOPS"]
            ),
            ReviewPoint(
                id="rp-2", title="Final", due_on=end, expected_evidence=["Report"], is_final=True
            ),
        ],
        consequences="Referral to the capability process after discussion with both parties",
    )


def valid_case() -> Case:
    case = valid_request_case()
    case.plan = valid_plan()
    return case
