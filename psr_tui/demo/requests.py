"""A demo request form (000 section 4): practitioner, concerns, absence, conditions."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..domain.case import (
    Absence,
    Concern,
    Condition,
    Demographics,
    Document,
    ExcludedConcern,
    LocalSupport,
    OccupationalHealth,
    Organisation,
    Practitioner,
    RequestForm,
)
from ..domain.request_rules import regulator_for
from ..domain.vocabulary import Vocabularies
from .people import (
    AGE_BANDS,
    ETHNIC_GROUPS,
    QUALIFICATION_REGIONS,
    Person,
    person,
    weighted,
)
from .people import (
    Organisation as DemoOrganisation,
)
from .plan_content import IdMaker
from .practice_profiles import PracticeProfile, registration_number

# (concern type, description, evidence sources): wording a request form would carry.
CONCERNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("capability", "Concerns about clinical decision-making in {work}, raised by two colleagues.",
     ("local_investigation", "soft_information")),
    ("serious_incident", "A serious incident in which a deteriorating patient was not escalated "
     "in time.", ("local_investigation",)),
    ("complaint", "Three complaints in a year about dismissive communication with patients and "
     "relatives.", ("governance",)),
    ("conduct", "Reports of raised voices and belittling remarks to junior staff.",
     ("local_investigation", "ppa_behavioural_assessment")),
    ("never_event", "A never event during {procedures}.", ("local_investigation",
                                                          "royal_college_review")),
    ("significant_event", "Prescribing errors identified in a practice audit.",
     ("governance", "local_assessment")),
    ("capability", "Outcomes in {work} outside the expected range in a departmental review.",
     ("royal_college_review", "ppa_clinical_assessment")),
    ("other", "Poor record keeping found in an appraisal-linked notes review.",
     ("governance", "regulator_report")),
)

ABSENCE_WEIGHTS = (
    ("local_restriction", 6), ("suspension", 2), ("exclusion", 1), ("regulator_restriction", 2),
    ("legal_proceedings", 1), ("ill_health", 2), ("parental_leave", 2), ("career_break", 1),
    ("research", 1), ("carers_leave", 1),
)
RESTRICTIONS = {"local_restriction", "suspension", "exclusion", "regulator_restriction",
                "legal_proceedings"}


def _concerns(rng: random.Random, profile: PracticeProfile, make_id: IdMaker) -> list[Concern]:
    picked = rng.sample(CONCERNS, rng.randint(1, 3))
    return [
        Concern(
            id=make_id("con"), concern_type=kind,
            description=text.format(work=profile.clinical_work, procedures=profile.procedures),
            evidence=list(evidence),
            evidence_detail="Report and witness statements supplied with the request.",
        )
        for kind, text, evidence in picked
    ]


def _conditions(
    rng: random.Random, reason: str | None, profile: PracticeProfile, received: date,
    floor: int | None, make_id: IdMaker,
) -> list[Condition]:
    found = []
    if reason in ("local_restriction", "exclusion", "suspension"):
        found.append(Condition(
            id=make_id("cnd"), source="local_restriction",
            description="No unsupervised practice until the plan's supervision stages allow it.",
            imposed_on=received - timedelta(days=rng.randint(90, 500)),
        ))
    if reason == "regulator_restriction" or floor is not None:
        source = rng.choice(("regulator_condition", "interim_order", "regulator_undertaking"))
        found.append(Condition(
            id=make_id("cnd"), source=source,
            description="Must work under supervision; no locum work; notify every employer.",
            supervision_floor=floor or rng.choice((3, 4)),
            imposed_on=received - timedelta(days=rng.randint(60, 400)),
            review_on=received + timedelta(days=rng.randint(120, 360)),
        ))
    performer = profile.care_setting == "primary" and profile.profession != "pharmacist"
    if performer and rng.random() < 0.5:
        found.append(Condition(
            id=make_id("cnd"), source="performers_list",
            description="Practise only in a practice approved by the commissioner, with a named "
            "clinical supervisor.", imposed_on=received - timedelta(days=rng.randint(30, 200)),
        ))
    if reason == "ill_health":
        found.append(Condition(
            id=make_id("cnd"), source="other", confidential=True,
            description="Remain under the care of occupational health and follow its advice.",
        ))
    return found


def request_form(
    rng: random.Random, vocab: Vocabularies, profile: PracticeProfile, plan_type: str,
    practitioner: Person, org: DemoOrganisation, received: date, reference: str,
    case_adviser: str, floor: int | None, make_id: IdMaker,
) -> RequestForm:
    remediation = plan_type in ("remediation", "both")
    reskilling = plan_type in ("return_to_work", "both")
    reason = weighted(rng, ABSENCE_WEIGHTS) if reskilling else None
    if reason == "regulator_restriction" and floor is None:
        floor = rng.choice((3, 4))
    focus = ["skills"]
    if remediation or reason in RESTRICTIONS:
        focus.append("behaviours")
    if reskilling and rng.random() < 0.5:
        focus.insert(0, "knowledge")
    absence = None
    if reason is not None:
        start = received - timedelta(days=rng.randint(100, 800))
        ended = reason not in RESTRICTIONS or rng.random() < 0.5
        absence = Absence(
            reason=reason, start=start,
            end=received - timedelta(days=rng.randint(7, 60)) if ended else None,
            detail=f"{vocab['absence_reasons'].label(reason)}; no clinical work in "
            f"{profile.clinical_work} since it began.",
        )
    contact = person(rng)
    health = reason == "ill_health"
    shared = rng.random() < 0.85
    return RequestForm(
        received_on=received,
        organisation=Organisation(
            name=org.name, contact_name=contact.titled(rng.choice(("Dr", contact.plain_title))),
            contact_role=rng.choice(("Medical Director", "Deputy Medical Director",
                                     "Associate Medical Director", "Head of Professional "
                                     "Standards")),
            contact_email=contact.email(org.domain),
            contact_phone=f"0{rng.randint(1132, 2920)} {rng.randint(100000, 999999)}",
        ),
        case_adviser=case_adviser, case_reference=reference,
        practitioner=Practitioner(
            name=practitioner.titled(profile.title_for(practitioner.sex)),
            profession=profile.profession,
            regulator=regulator_for(vocab, profile.profession),
            registration_number=registration_number(rng, profile.profession),
            specialty_group=profile.specialty_group, grade=profile.grade,
            care_setting=profile.care_setting, email=practitioner.email(org.domain),
        ),
        plan_type=plan_type, focus=focus, health_context=health,
        concerns=_concerns(rng, profile, make_id) if remediation else [],
        development_areas=[f"Confidence and currency in {profile.clinical_work}"]
        + (["Working relationships within the team"] if "behaviours" in focus else []),
        absence=absence,
        conditions=_conditions(rng, reason, profile, received, floor, make_id),
        role_on_completion=f"{profile.job_title}, full scope",
        expected_outcomes="Safe, independent practice at the full scope of the role, with "
        "sustained improvement in the areas identified.",
        excluded_concerns=[ExcludedConcern(
            id=make_id("exc"), description="An unrelated employment dispute about job planning.",
            local_management="Handled through the trust's grievance procedure.",
        )] if rng.random() < 0.2 else [],
        occupational_health=OccupationalHealth(
            involved=health, fit_to_participate="yes" if health else "unknown",
            health_details="Phased return after treatment; fatigue in long sessions."
            if health else "",
        ),
        reasonable_adjustments="No sessions longer than four hours for the first stage."
        if health else "",
        documents=[
            Document(id=make_id("doc"), title=title, kind=kind,
                     received_on=received - timedelta(days=rng.randint(0, 5)))
            for title, kind in (("Investigation report", "report"), ("Job plan", "job_plan"))
            if remediation or kind == "job_plan"
        ],
        shared_with_practitioner=shared,
        not_shared_reason="" if shared else "Practitioner on leave; will be shared on return.",
        local_support=LocalSupport(
            supervisors="Two senior colleagues willing to supervise, one as deputy.",
            placements="Own workplace" if rng.random() < 0.7 else "A neighbouring site",
            funding="Coaching and course fees funded by the organisation.",
        ),
        demographics=Demographics(
            sex=practitioner.sex, age_band=weighted(rng, AGE_BANDS),
            ethnic_group=weighted(rng, ETHNIC_GROUPS),
            qualification_region=weighted(rng, QUALIFICATION_REGIONS),
        ) if rng.random() < 0.7 else Demographics(),
    )
