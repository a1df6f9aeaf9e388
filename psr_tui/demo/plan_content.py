"""Wording for demo objectives, activities and roles, fitted to a practice profile.

Objectives are written SMART: a specific statement, a measure, why it is achievable here,
why it is relevant, and a target date. Activities name the objectives they serve, the
evidence they produce and the role responsible for them (004, 000 section 6).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from ..domain.plan import Activity, Objective, Role
from .practice_profiles import PracticeProfile

STANDARDS = {
    "GMC": "Good Medical Practice",
    "GDC": "the GDC Standards for the Dental Team",
    "GPhC": "the GPhC Standards for pharmacy professionals",
}

IdMaker = Callable[[str], str]


def objective(
    domain: str, profile: PracticeProfile, regulator: str, target: date, why: str,
    make_id: IdMaker,
) -> Objective:
    """A SMART objective in one of the objective_domains."""
    standard = STANDARDS.get(regulator, "professional standards")
    tool = profile.wbas[0]
    texts: dict[str, tuple[str, str, str]] = {
        "clinical_skills": (
            f"Return to independent practice in {profile.clinical_work} at the level expected "
            f"of a {profile.job_title}.",
            f"At least six {tool} and four DOPS on {profile.procedures} rated 'meets "
            "expectations' by the last review; clinical supervisor reports no patient safety "
            "concerns at any review.",
            "Graded supervision with a named supervisor and deputy; protected sessions in the job "
            "plan for assessed work.",
        ),
        "communication": (
            "Communicate clearly, courteously and consistently with colleagues, patients and "
            "relatives, including when under pressure.",
            "MSF from at least 12 colleagues (including nursing staff) with no themes of concern; "
            "no new complaints about communication during the plan.",
            "Coaching sessions and supervisor feedback after observed consultations.",
        ),
        "team_working": (
            "Work as an effective member of the multidisciplinary team, sharing decisions and "
            "escalating concerns through agreed routes.",
            "MSF team-working domain rated 'meets expectations'; attendance at 90% of team "
            "meetings and huddles recorded.",
            "Team meetings are in the job plan; the supervisor sees team interactions weekly.",
        ),
        "leadership": (
            "Lead the clinical team in a way that is inclusive and open to challenge, setting "
            "clear expectations and giving constructive feedback.",
            "NOTSS or MSF leadership items rated acceptable or better on two occasions; "
            "reflective account of leadership style discussed with the coach.",
            "A coach is funded for six sessions and the supervisor observes team briefings.",
        ),
        "record_keeping": (
            f"Keep contemporaneous, complete and legible records that meet {standard}.",
            "Monthly audit of 20 sets of records shows at least 90% compliance with the "
            "local record-keeping standard by the last review.",
            "Audit tool and protected administrative time agreed with the clinical lead.",
        ),
        "education": (
            "Supervise and teach junior colleagues safely, giving timely and specific feedback.",
            "Feedback from at least five trainees or students rated 'meets expectations'; two "
            "observed teaching sessions.",
            "Teaching sessions already in the department's timetable.",
        ),
    }
    statement, measure, achievable = texts[domain]
    return Objective(
        id=make_id("obj"), domain=domain, statement=statement, measure=measure,
        achievable=achievable, relevant=why, target_date=target,
    )


# Objective domains each assessment tool gives evidence for.
WBA_DOMAINS: dict[str, tuple[str, ...]] = {
    "CbD": ("clinical_skills", "record_keeping"),
    "dental-CbD": ("clinical_skills", "record_keeping"),
    "DOPS": ("clinical_skills",),
    "PBA": ("clinical_skills",),
    "mini-CEX": ("clinical_skills", "communication"),
    "COT": ("clinical_skills", "communication"),
    "MRCF": ("clinical_skills", "communication"),
    "ACAT": ("clinical_skills", "leadership", "team_working"),
    "CAT": ("record_keeping", "clinical_skills"),
    "NOTSS": ("leadership", "team_working", "communication"),
    "MSF": ("communication", "team_working", "leadership"),
    "PSQ": ("communication",),
    "ADEPT": ("communication", "team_working"),
    "MCR": ("clinical_skills", "team_working"),
}


def _linked(objectives: list[Objective], domains: tuple[str, ...] | None) -> list[str]:
    if domains is None:
        return [o.id for o in objectives]
    return [o.id for o in objectives if o.domain in domains]


def activities(
    rng: random.Random, profile: PracticeProfile, objectives: list[Objective],
    roles: dict[str, Role], make_id: IdMaker,
) -> list[Activity]:
    """Activities that together cover every objective, each with evidence and an owner."""
    cs = roles["clinical_supervisor"].id
    es = roles.get("educational_supervisor", roles["clinical_supervisor"]).id
    practitioner = roles["practitioner"].id
    found: list[Activity] = [
        Activity(
            id=make_id("act"), kind="clinical_supervision",
            description=f"Supervised practice in {profile.clinical_work}, stepped down stage by "
            "stage as agreed at review points.",
            objective_ids=_linked(objectives, ("clinical_skills", "record_keeping")),
            evidence="Supervisor's log of sessions and a written report before each review",
            responsible=cs, frequency="every working session (closeness set by the stage)",
        ),
    ]
    for tool in profile.wbas[: rng.randint(3, len(profile.wbas))]:
        linked = _linked(objectives, WBA_DOMAINS.get(tool, ("clinical_skills",)))
        if not linked:
            continue
        found.append(
            Activity(
                id=make_id("act"), kind=tool,
                description=f"{tool} assessments on {profile.procedures}"
                if tool in ("DOPS", "PBA") else f"{tool} with the supervisor or a trained assessor",
                objective_ids=linked,
                evidence=f"Completed {tool} forms, rated on the tool's own scale",
                responsible=cs,
                frequency="once, at months 2 and 5" if tool in ("MSF", "PSQ") else "two a month",
            )
        )
    found.append(
        Activity(
            id=make_id("act"), kind="supervisor_meetings",
            description="Regular meetings to review progress against every objective and agree "
            "next steps.",
            objective_ids=_linked(objectives, None),
            evidence="Signed meeting notes with agreed actions", responsible=es,
            frequency="fortnightly",
        )
    )
    behavioural = _linked(objectives, ("communication", "leadership", "team_working"))
    if behavioural and "coach" in roles:
        found.append(
            Activity(
                id=make_id("act"), kind="coaching",
                description="Coaching on communication, leadership style and reflective practice.",
                objective_ids=behavioural,
                evidence="Coach's attendance record (content stays confidential) and the "
                "practitioner's reflective summary",
                responsible=roles["coach"].id, frequency="six sessions over the plan",
            )
        )
    extra = rng.choice(tuple(EXTRA_ACTIVITY))
    found.append(
        Activity(
            id=make_id("act"), kind=extra, description=EXTRA_ACTIVITY[extra],
            objective_ids=_linked(objectives, None)[:2],
            evidence="Written record discussed at a supervisor meeting",
            responsible=practitioner, frequency="monthly",
        )
    )
    return found


EXTRA_ACTIVITY = {
    "reflective_practice": "Written reflections on cases and feedback, using a structured model.",
    "course": "A recognised course relevant to the objectives, with a reflective note on learning.",
    "audit_qip": "A small audit of own practice against a local standard, presented to the team.",
    "sea": "A significant event analysis of an incident in the practitioner's own practice.",
    "self_directed_learning": "Reading and e-learning on current guidance in the specialty.",
}

ROLE_DUTIES = {
    "responsible_officer": "Oversees the plan, agrees amendments and signs off completion.",
    "clinical_supervisor": "Supervises clinical work at the agreed level and reports at reviews.",
    "educational_supervisor": "Holds regular meetings on progress against the objectives.",
    "coach": "Delivers coaching sessions; content is confidential to the practitioner.",
    "mentor": "Offers confidential support and career guidance outside the line of management.",
    "case_adviser": "PSR Case Adviser: advice on the plan; not involved in delivery.",
    "occupational_health": "Advises on fitness to take part and on adjustments.",
    "hr_lead": "Coordinates job plan changes, funding and HR process.",
    "practitioner": "Takes part in every activity and keeps the evidence portfolio.",
}
