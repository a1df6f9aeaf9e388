"""Running plans with fixed ids and dates, for the review screens' tests and snapshots.

Today in the tests is 2026-11-23: review 2 (16 Nov) is overdue, review 3 (27 Nov) is due.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from psr_tui.domain.case import Case, Condition, Organisation, Practitioner, RequestForm
from psr_tui.domain.plan import (
    Activity,
    Agreement,
    AssessmentSeen,
    Plan,
    PlanVersion,
    ReviewOutcome,
    ReviewPoint,
    Role,
    Signature,
    SupervisionStage,
)
from psr_tui.store import CaseStore

START, END = date(2026, 6, 1), date(2027, 6, 1)
STAGES = [
    (2, date(2026, 6, 1), date(2026, 8, 31)),
    (3, date(2026, 9, 1), date(2026, 11, 30)),
    (4, date(2026, 12, 1), date(2027, 2, 28)),
    (5, date(2027, 3, 1), date(2027, 6, 1)),
]
EXPECTED = ["Clinical supervisor's report", "Reflective notes"]


def review_points(prefix: str, reviewer: str = "") -> list[ReviewPoint]:
    done = ReviewOutcome(
        outcome="step_down", held_on=date(2026, 8, 3), recorded_by="asmith",
        recorded_at=datetime(2026, 8, 3, 9, 0, tzinfo=UTC), note="Good start.",
        evidence_seen=[AssessmentSeen(tool="CbD", rating="meets expectations"),
                       AssessmentSeen(tool=EXPECTED[0])],
        level_before=2, level_after=3,
    )
    return [
        ReviewPoint(id=f"{prefix}-1", title="Review 1 (2 months)", due_on=date(2026, 8, 1),
                    expected_evidence=list(EXPECTED), reviewer=reviewer, outcome=done),
        ReviewPoint(id=f"{prefix}-2", title="Review 2 (4 months)", due_on=date(2026, 11, 16),
                    expected_evidence=list(EXPECTED), reviewer=reviewer),
        ReviewPoint(id=f"{prefix}-3", title="Review 3 (6 months)", due_on=date(2026, 11, 27),
                    expected_evidence=list(EXPECTED), reviewer=reviewer),
        ReviewPoint(id=f"{prefix}-4", title="Final sign-off", due_on=END, is_final=True,
                    expected_evidence=list(EXPECTED), reviewer=reviewer),
    ]


def running_case(
    case_id: str,
    practitioner: str,
    organisation: str,
    supervisor: str,
    *,
    contact: str = "",
    deputy: str = "",
    floor: int | None = None,
    user: str = "",
    deputy_user: str = "",
    practitioner_user: str = "",
) -> Case:
    plan = Plan(
        version=1, status="agreed", start_date=START, end_date=END,
        activities=[Activity(id=f"{case_id}-a{i}", kind=k) for i, k in
                    enumerate(["CbD", "DOPS", "MSF"])],
        roles=[
            Role(id=f"{case_id}-cs", role="clinical_supervisor", person=supervisor,
                 contact=contact, deputy=deputy, user=user, deputy_user=deputy_user),
            Role(id=f"{case_id}-rd", role="responsible_officer", person="Dr Rose Director"),
        ],
        stages=[SupervisionStage(id=f"{case_id}-s{i}", level=lv, start=s, end=e)
                for i, (lv, s, e) in enumerate(STAGES)],
        current_stage=1,
        review_points=review_points(f"rp-{case_id}"),
        consequences="Referral to the capability process.",
        agreement=Agreement(
            organisation=Signature(name="Dr Rose Director", role="RO", signed_on=START),
            practitioner=Signature(name=practitioner, role="practitioner", signed_on=START),
        ),
    )
    plan.versions = [PlanVersion(version=1, status="agreed", issued_on=START,
                                 content=plan.content())]
    conditions = []
    if floor is not None:
        conditions.append(Condition(id=f"{case_id}-c", source="regulator_condition",
                                    description="Practise under indirect supervision",
                                    supervision_floor=floor))
    request = RequestForm(
        organisation=Organisation(name=organisation),
        practitioner=Practitioner(name=practitioner, profession="doctor",
                                  user=practitioner_user),
        conditions=conditions,
    )
    return Case(id=case_id, state="active", request=request, plan=plan)


def demo_cases() -> list[Case]:
    return [
        # Users are linked explicitly (Role.user / deputy_user, Practitioner.user): asmith
        # supervises case-g and deputises on case-p; cwhite supervises case-k.
        running_case("case-g", "Mr David Green", "Northshire NHS Trust", "Dr Anna Smith",
                     contact="asmith@northshire.nhs.uk", user="asmith",
                     practitioner_user="dgreen"),
        running_case("case-p", "Ms Priya Patel", "Eastfield PCN", "Dr Bob Jones",
                     contact="bjones", deputy="Dr Anna Smith", user="bjones",
                     deputy_user="asmith", practitioner_user="ppatel"),
        running_case("case-k", "Dr Ravi Khan", "Westbury Hospitals", "Dr Carol White",
                     floor=3, user="cwhite", practitioner_user="rkhan"),
    ]


def fill(store: CaseStore) -> list[Case]:
    return [store.create(case) for case in demo_cases()]
