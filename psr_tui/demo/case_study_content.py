"""The wording of the Mr G case study (seed 004): request, people, objectives, activities."""

from __future__ import annotations

from datetime import date

from ..domain.case import (
    Demographics,
    Discussion,
    Discussions,
    ExcludedConcern,
    LocalSupport,
    OccupationalHealth,
    Organisation,
    Practitioner,
    PractitionerDiscussion,
    RequestForm,
)
from ..domain.plan import Activity, Objective, ReviewPoint, Role

TRUST = "Northmoor Hospitals NHS Foundation Trust"


def request_form(received: date) -> RequestForm:
    return RequestForm(
        received_on=received,
        organisation=Organisation(
            name=TRUST, contact_name="Dr Anita Rao", contact_role="Medical Director",
            contact_email="anita.rao@nhs.net", contact_phone="01632 960 418",
        ),
        case_adviser="Dr Helen Marsden", case_reference=f"PSR-{received.year}-0417",
        practitioner=Practitioner(
            name="Mr Gareth Griffiths", profession="doctor", regulator="GMC",
            registration_number="4721936", specialty_group="surgery", grade="consultant",
            care_setting="secondary", email="gareth.griffiths@nhs.net", user="ggriffiths",
        ),
        plan_type="both", focus=["skills", "behaviours"],
        development_areas=[
            "Operative and inpatient skills after two years of outpatient-only work",
            "Confidence in complex surgical practice",
            "Communication and working relationships with surgical team colleagues",
            "Leadership style in theatre and on ward rounds",
        ],
        # No absence: he kept working, in outpatients; the restriction is a condition
        # (case_study.py) that the plan lifts on entry to its last stage.
        role_on_completion="Consultant General Surgeon, full scope including complex surgery "
        "and the on-call rota",
        role_changed=False,
        expected_outcomes="Return to full surgical duties at consultant level, with improved "
        "communication and leadership within the surgical team.",
        excluded_concerns=[ExcludedConcern(
            id="exc-g1", description="A disagreement about the allocation of theatre sessions.",
            local_management="Handled by the Clinical Director through job planning.",
        )],
        occupational_health=OccupationalHealth(involved=False, fit_to_participate="yes"),
        shared_with_practitioner=True,
        local_support=LocalSupport(
            supervisors="Mr Daniel Osei (clinical supervisor), Ms Laura Bennett (deputy).",
            placements="Own department: day surgery unit lists first, then main theatres.",
            funding="Trust funds six coaching sessions and NOTSS training for supervisors.",
        ),
        demographics=Demographics(
            sex="male", age_band="45_54", ethnic_group="white",
            qualification_region="uk",
        ),
    )


def roles() -> dict[str, Role]:
    def role(n: int, code: str, who: str, contact: str, duties: str, deputy: str = "",
             user: str = "", deputy_user: str = "") -> Role:
        # `user` / `deputy_user`: the demo's psr-tui users (demo/users.py) these people are.
        return Role(id=f"role-g{n}", role=code, person=who, contact=contact,
                    responsibilities=duties, deputy=deputy, user=user,
                    deputy_user=deputy_user)

    return {
        "responsible_officer": role(
            1, "responsible_officer", "Dr Anita Rao", "anita.rao@nhs.net",
            "Medical Director and Responsible Officer: oversees the plan, agrees any amendment "
            "and gives the summary sign-off.", "Dr Jonathan Pike (Deputy Medical Director)",
            user="arao"),
        "clinical_supervisor": role(
            2, "clinical_supervisor", "Mr Daniel Osei", "daniel.osei@nhs.net",
            "Consultant Colorectal Surgeon: supervises operating and ward work at the agreed "
            "stage, completes WBAs and reports before each review.",
            "Ms Laura Bennett (Consultant Upper GI Surgeon)", user="dosei",
            deputy_user="lbennett"),
        "educational_supervisor": role(
            3, "educational_supervisor", "Miss Fiona Campbell", "fiona.campbell@nhs.net",
            "Surgical Tutor: fortnightly progress meetings, MSF and the evidence portfolio.",
            "Mr Rhys Morgan (Consultant Vascular Surgeon)", user="fcampbell"),
        "coach": role(
            4, "coach", "Ms Catherine Doyle", "Accredited executive coach (external)",
            "Six coaching sessions on communication, leadership style and reflective practice; "
            "content confidential to Mr Griffiths.", "Mr Paul Adeyemi (same practice)"),
        "case_adviser": role(
            5, "case_adviser", "Dr Helen Marsden", "PSR Case Adviser",
            "Drafted the plan; advice to both parties during delivery; not involved in "
            "delivery.", user="hmarsden"),
        "practitioner": role(
            6, "practitioner", "Mr Gareth Griffiths", "gareth.griffiths@nhs.net",
            "Takes part in every activity and keeps the evidence portfolio up to date.",
            user="ggriffiths"),
    }


def objectives(start: date, end: date) -> list[Objective]:
    relevant = "The investigation recommended a return to full surgical duties at consultant "
    return [
        Objective(
            id="obj-g1", domain="clinical_skills",
            statement="Return to full surgical duties as a Consultant General Surgeon, "
            "including complex major surgery, emergency operating and the on-call rota.",
            measure="By the 6-month review: 8 DOPS across elective and emergency procedures and "
            "6 CbD rated 'meets expectations'; NOTSS 3 (acceptable) or better; supervisor's "
            "report confirms safe independent practice in complex cases.",
            achievable="Sliding scale of supervision L1 to L4 with two named supervisors; two "
            "protected supervised lists a week at first.",
            relevant=relevant + "level; two years of outpatient-only work left him deskilled.",
            target_date=end,
        ),
        Objective(
            id="obj-g2", domain="communication",
            statement="Communicate openly and respectfully with surgical team colleagues in "
            "theatre, on ward rounds and in MDT meetings, including when disagreeing.",
            measure="MSF at months 2 and 5 (15+ raters incl. theatre and ward nurses) with no "
            "themes of concern; NOTSS communication and teamwork rated 3 or 4.",
            achievable="Coaching, and supervisor feedback after every observed list.",
            relevant="The investigation found working relationships with surgical team "
            "colleagues could be improved.",
            target_date=end,
        ),
        Objective(
            id="obj-g3", domain="leadership",
            statement="Lead the theatre team inclusively: a structured brief and debrief on "
            "every list, clear expectations and constructive feedback to juniors.",
            measure="NOTSS leadership rated 3 or better on three observed lists by month 6; "
            "brief and debrief recorded on 95% of lists; reflective account of leadership "
            "style reviewed with the coach.",
            achievable="Coach funded; brief/debrief already part of the WHO checklist.",
            relevant=relevant + "level with development in leadership.",
            target_date=end,
        ),
    ]


def activities(objectives: list[Objective], roles: dict[str, Role]) -> list[Activity]:
    clinical, communication, leadership = (o.id for o in objectives)
    cs, es = roles["clinical_supervisor"].id, roles["educational_supervisor"].id
    rows = (
        ("clinical_supervision", "Supervised operating and inpatient care on the sliding scale: "
         "elective lists first, complex cases and on-call later.", [clinical],
         "Supervisor's case log with the level used; report before each review", cs,
         "every list and ward round"),
        ("CbD", "Case-based discussions on operative decisions and inpatient care.", [clinical],
         "6 CbD forms over the plan", cs, "two per review period"),
        ("DOPS", "Direct observation of laparoscopic and open procedures.", [clinical],
         "8 DOPS forms over the plan", cs, "two to three per review period"),
        ("mini-CEX", "Observed outpatient consultations, including consent.",
         [clinical, communication], "mini-CEX forms", cs, "one per review period"),
        ("NOTSS", "Non-technical skills on observed lists: situation awareness, decisions, "
         "communication and teamwork, leadership.", [clinical, communication, leadership],
         "NOTSS forms (1 poor to 4 good)", cs, "one or two per review period"),
        ("MSF", "Multi-source feedback from theatre, ward and MDT colleagues.",
         [communication, leadership], "MSF reports at months 2 and 5", es, "months 2 and 5"),
        ("supervisor_meetings", "Progress meetings against all three objectives.",
         [clinical, communication, leadership], "Signed meeting notes with actions", es,
         "fortnightly"),
        ("coaching", "Coaching on communication, leadership style and reflective practice.",
         [communication, leadership], "Attendance record; content stays confidential",
         roles["coach"].id, "six sessions"),
        ("reflective_practice", "Reflective log after coaching sessions and significant cases.",
         [communication, leadership], "Reflective log discussed at supervisor meetings",
         roles["practitioner"].id, "monthly"),
    )
    return [
        Activity(id=f"act-g{n}", kind=kind, description=text, objective_ids=linked,
                 evidence=evidence, responsible=who, frequency=often)
        for n, (kind, text, linked, evidence, who, often) in enumerate(rows, start=1)
    ]


def review_points(dates: list[date], reviewer: str) -> list[ReviewPoint]:
    evidence = (
        ["Clinical supervisor's report", "CbD x2", "DOPS x2", "NOTSS x1", "Reflective log"],
        ["Clinical supervisor's report", "CbD x2", "DOPS x2", "mini-CEX x1", "NOTSS x2",
         "MSF (month 2) summary", "Coach's attendance record"],
        ["Clinical supervisor's report", "CbD x2", "DOPS x3 including complex cases",
         "NOTSS x2", "MSF (month 5) summary"],
        ["Summary report from the clinical supervisor against all three objectives",
         "All WBAs and both MSF rounds", "Responsible officer's sign-off of full scope"],
    )
    titles = ("Review 1 (2 months)", "Review 2 (4 months)", "Review 3 (6 months)",
              "Summary sign-off")
    return [
        ReviewPoint(id=f"rp-g{n}", title=title, due_on=due, expected_evidence=list(ev),
                    is_final=n == 4, reviewer=reviewer)
        for n, (title, due, ev) in enumerate(zip(titles, dates, evidence, strict=True), start=1)
    ]


def discussions(practitioner_on: date, organisation_on: date) -> Discussions:
    return Discussions(
        practitioner=PractitionerDiscussion(
            held_on=practitioner_on, duration_minutes=55,
            attendees="Mr Griffiths; Dr Helen Marsden (Case Adviser)",
            representative="BMA employment adviser",
            notes="Said the two years felt humiliating and he nearly took early retirement. "
            "Has seen his GP for low mood and poor sleep and does NOT want the Medical Director "
            "told. Believes the anonymous concerns came from a colleague after a row over theatre "
            "lists and would not accept that colleague as supervisor. Keen on coaching.",
        ),
        organisation=Discussion(
            held_on=organisation_on, duration_minutes=30,
            attendees="Dr Anita Rao (Medical Director); Clinical Director for Surgery; HR lead",
            notes="Expects full duties incl. complex surgery and on-call within six months. Job "
            "plan: two supervised lists a week at first. Barrier: theatre capacity. Coaching "
            "funded.",
        ),
    )
