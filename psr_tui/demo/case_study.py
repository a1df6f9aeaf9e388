"""The Insight report's case study (seed 004) as a full demo case: "Mr G".

An experienced consultant surgeon restricted to outpatient work for two years pending a
local investigation (a local restriction, lifted as a planned step on entry to stage 4);
deskilled and less confident. The investigation found no clinical
concerns but that working relationships could improve. The plan: return to full surgical
duties on a sliding scale of supervision, plus communication and leadership objectives,
with reviews at 2, 4 and 6 months and a summary sign-off. Shown mid-plan: the 2-month
review is done (step down) and the 4-month review is due this week.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from ..domain.case import Case, Concern, Condition, Document, RequestDecision
from ..domain.deadlines import add_working_days as wd
from ..domain.plan import AssessmentSeen, Plan, Signature, SupervisionStage
from ..domain.schedule import add_months
from ..domain.vocabulary import default_vocabularies
from . import delivery
from .case_study_content import (
    activities,
    discussions,
    objectives,
    request_form,
    review_points,
    roles,
)

CASE_ID = "case-004-mr-g"
NAME = "Mr Gareth Griffiths"
RO = "Dr Anita Rao"
SUPERVISOR_LOGIN = "dosei"
FULL_SCOPE_STAGE = 4  # stg-g4: no scope limits; the outpatients-only restriction ends here
ADVISER_LOGIN = "hmarsden"
CONSEQUENCES = (
    "If progress is insufficient at a review point, supervision stays at, or returns to, a "
    "closer stage and the plan may be extended once with the agreement of both parties. If the "
    "objectives are not met by the end of the plan (including any agreed extension), the Trust "
    "will seek PSR advice and consider its capability procedure under Maintaining High "
    "Professional Standards, and the responsible officer will consider whether a referral to the "
    "GMC is needed. Mr Griffiths will be told in writing before any such step and may be "
    "accompanied by his representative."
)


def _stages(start: date, reviews: list[date], end: date) -> list[SupervisionStage]:
    two, four, six = reviews
    day = timedelta(days=1)
    return [
        SupervisionStage(
            id="stg-g1", level=1, start=start, end=two - day,
            entry_criteria="Plan signed; two supervised elective lists a week in the job plan; "
            "induction to theatres and the electronic record",
            exit_criteria="Routine elective cases performed safely with the supervisor scrubbed; "
            "CbD and DOPS meet expectations",
            scope_limits=["elective_only", "no_complex", "no_on_call"],
        ),
        SupervisionStage(
            id="stg-g2", level=2, start=two, end=four - day,
            entry_criteria="Review 1 agrees safe routine elective practice",
            exit_criteria="Intermediate cases and inpatient care managed independently with the "
            "supervisor on site; NOTSS 3 (acceptable) or better",
            scope_limits=["elective_only", "no_complex", "no_on_call"],
        ),
        SupervisionStage(
            id="stg-g3", level=3, start=four, end=six - day,
            entry_criteria="Review 2 agrees safe practice at close supervision",
            exit_criteria="Complex major cases performed safely with the supervisor reachable by "
            "phone; MSF at month 5 shows no themes of concern",
            scope_limits=["no_on_call"],
        ),
        SupervisionStage(
            id="stg-g4", level=4, start=six, end=end,
            entry_criteria="Review 3 agrees safe complex practice; return to the on-call rota",
            exit_criteria="Summary sign-off by the responsible officer: return to full scope "
            "(L5) as a Consultant General Surgeon",
            scope_limits=[],
        ),
    ]


def _timeline(today: date) -> dict[str, date]:
    """The 4-month review falls two days after `today`."""
    review_two = today + timedelta(days=2)
    start = add_months(review_two, -4)
    start = start.replace(day=min(start.day, 28))
    signed = start - timedelta(days=10)
    issued = wd(signed, -8)
    organisation_talk = wd(issued, -7)
    practitioner_talk = wd(organisation_talk, -1)
    decided = wd(practitioner_talk, -6)
    return {
        "start": start, "signed": signed, "issued": issued, "practitioner_talk":
        practitioner_talk, "organisation_talk": organisation_talk, "decided": decided,
        "received": wd(decided, -3),
    }


def mr_g_case(today: date) -> Case:
    t = _timeline(today)
    start = t["start"]
    reviews = [add_months(start, 2), add_months(start, 4), add_months(start, 6)]
    end = reviews[-1] + timedelta(days=14)
    request = request_form(t["received"])
    request.concerns = [
        Concern(
            id="con-g1", concern_type="capability",
            description="Concerns about clinical competence in complex surgery, raised "
            "anonymously over two years.",
            evidence=["local_investigation", "soft_information"],
            evidence_detail="Trust investigation report: no clinical concerns substantiated.",
        ),
        Concern(
            id="con-g2", concern_type="conduct",
            description="Behaviour and communication with the surgical team, raised by a member "
            "of his immediate team.",
            evidence=["local_investigation"],
            evidence_detail="Investigation found working relationships with surgical team "
            "colleagues could be improved.",
        ),
    ]
    request.conditions = [outpatient_restriction(t["received"], end)]
    request.documents = [
        Document(id=f"doc-g{n}", title=title, kind=kind, received_on=t["received"])
        for n, (title, kind) in enumerate(
            (("Local investigation report and outcome letter", "report"),
             ("Letter restricting practice to outpatient work", "letter"),
             ("Current and proposed job plan", "job_plan")), start=1)
    ]
    plan_roles = roles()
    plan_objectives = objectives(start, end)
    plan = Plan(
        version=1, status="draft", start_date=start, end_date=end,
        objectives=plan_objectives,
        activities=activities(plan_objectives, plan_roles),
        roles=list(plan_roles.values()),
        stages=_stages(start, reviews, end),
        review_points=review_points([*reviews, end], plan_roles["clinical_supervisor"].person),
        consequences=CONSEQUENCES, condition_ids=["cnd-g1"],
    )
    delivery.issue(plan, t["issued"], ADVISER_LOGIN)
    delivery.sign_both(
        # Signed on paper at the agreement meeting; the case adviser entered both.
        plan, Signature(name=RO, role="Medical Director and Responsible Officer",
                        signed_on=t["signed"], recorded_by=ADVISER_LOGIN),
        Signature(name=NAME, role="Practitioner", signed_on=t["signed"] - timedelta(days=2),
                  recorded_by=ADVISER_LOGIN),
    )
    first = plan.review_points[0]
    held = reviews[0] + timedelta(days=1)
    delivery.record(
        plan, first, "step_down", held,
        datetime.combine(held, time(17, 10), UTC), SUPERVISOR_LOGIN,
        [
            AssessmentSeen(tool="CbD", count=2, rating="meets expectations"),
            AssessmentSeen(tool="DOPS", count=2, rating="meets expectations"),
            AssessmentSeen(tool="NOTSS", count=1, rating="3 acceptable"),
        ],
        default_vocabularies(),
        note="Safe and increasingly confident in routine elective cases with me scrubbed. Team "
        "brief and debrief now on every list. Step down to close supervision agreed with Mr "
        "Griffiths; complex cases and on-call stay out of scope.",
    )
    return Case(
        id=CASE_ID, state="active", request=request,
        created_at=datetime.combine(t["received"], time(11, 5), UTC), created_by=ADVISER_LOGIN,
        decision=RequestDecision(
            outcome="accepted", decided_on=t["decided"], decided_by="Dr Helen Marsden",
            reason="Return to work after a two-year restriction, with development needs in "
            "communication and leadership: both remediation and reskilling.",
        ),
        discussions=discussions(t["practitioner_talk"], t["organisation_talk"]),
        first_draft_issued_on=t["issued"], plan=plan,
    )


__all__ = ["CASE_ID", "NAME", "mr_g_case"]


def outpatient_restriction(received: date, review_on: date | None) -> Condition:
    """What it is: a local restriction on his scope (not an absence: he kept working in
    outpatients), holding supervision at L3 until the plan lifts it as a planned step on
    entry to the stage with no scope limits."""
    return Condition(
        id="cnd-g1", source="local_restriction",
        description="Restricted to outpatient work pending the local investigation; "
        "operating and inpatient work only under the supervision this plan sets.",
        supervision_floor=3, imposed_on=received - timedelta(days=2 * 365 + 30),
        review_on=review_on, lifted_at_stage=FULL_SCOPE_STAGE,
    )
