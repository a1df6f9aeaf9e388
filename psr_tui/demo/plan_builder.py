"""A drafted demo plan: objectives, activities, roles, supervision stages, review points."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.case import RequestForm
from ..domain.plan import Plan, ReviewPoint, Role, SupervisionStage
from ..domain.schedule import add_months
from ..domain.templates import load_template
from .people import Person, person
from .plan_content import ROLE_DUTIES, IdMaker, activities, objective
from .practice_profiles import PracticeProfile

REVIEW_EVERY_MONTHS = 2


@dataclass(frozen=True)
class PlanShape:
    start: date
    months: int
    levels: tuple[int, ...]  # supervision level of each stage, closest first


def shape_for(rng: random.Random, start: date, months: int, floor: int | None) -> PlanShape:
    """3-4 stages from L1 or L2; under a condition's floor they work up to exactly the floor."""
    wanted = 3 if months <= 6 else 4
    if floor is not None:
        first = max(1, floor - wanted + 1)
        return PlanShape(start, months, tuple(range(first, floor + 1)))
    first = rng.choice((1, 2))
    levels = tuple(range(first, min(5, first + wanted - 1) + 1))
    return PlanShape(start, months, levels)


def review_dates(shape: PlanShape) -> list[date]:
    """Every two months from the start, then the final sign-off on the end date."""
    end = add_months(shape.start, shape.months)
    dates = []
    n = 1
    while (due := add_months(shape.start, n * REVIEW_EVERY_MONTHS)) < end:
        dates.append(due)
        n += 1
    return [*dates, end]


def _scope_limits(profile: PracticeProfile, level: int) -> list[str]:
    if level <= 2:
        return list(profile.early_limits)
    if level == 3:
        return [c for c in profile.early_limits if c != "no_complex"]
    if level == 4:
        return [c for c in profile.early_limits if c in ("no_locum", "prescribing_agreed")]
    return []


def stages(
    shape: PlanShape, profile: PracticeProfile, make_id: IdMaker, level_label: Callable[[int], str]
) -> list[SupervisionStage]:
    """Stage n starts at review n, so each step down is decided at a review point."""
    dates = review_dates(shape)
    starts = [shape.start, *dates[: len(shape.levels) - 1]]
    end = dates[-1]
    found = []
    for i, level in enumerate(shape.levels):
        last = i == len(shape.levels) - 1
        found.append(
            SupervisionStage(
                id=make_id("stg"), level=level, start=starts[i],
                end=end if last else starts[i + 1] - timedelta(days=1),
                entry_criteria="Supervisor, deputy and induction arranged; plan signed"
                if i == 0 else f"Review point agrees safe practice at {level_label(level - 1)}",
                exit_criteria="Consistent practice at the level expected, signed off by the "
                "responsible officer" if last else f"Supervisor reports safe, consistent practice "
                f"at {level_label(level)}; assessments meet expectations",
                scope_limits=_scope_limits(profile, level),
            )
        )
    return found


def review_points(
    shape: PlanShape, profile: PracticeProfile, reviewer: str, make_id: IdMaker
) -> list[ReviewPoint]:
    wording = load_template("schedule_defaults")["review"]
    dates = review_dates(shape)
    tool = profile.wbas[0]
    found = []
    for n, due in enumerate(dates, start=1):
        final = n == len(dates)
        evidence = [
            "Clinical supervisor's report against each objective",
            f"{tool} x2 and DOPS x2 since the last review",
        ]
        if n == 2 or final:
            evidence.append("MSF summary (at least 12 raters)")
        found.append(
            ReviewPoint(
                id=make_id("rp"),
                title=wording["final_title"] if final else wording["title"].format(
                    n=n, months=f"{n * REVIEW_EVERY_MONTHS} months"
                ),
                due_on=due, expected_evidence=evidence, is_final=final, reviewer=reviewer,
            )
        )
    return found


def roles(
    rng: random.Random, profile: PracticeProfile, practitioner: str, adviser: str,
    org_domain: str, behavioural: bool, health: bool, names: set[str], make_id: IdMaker,
) -> dict[str, Role]:
    """Named people with deputies for every supervising role (000 6.4)."""
    def named(code: str, title: str, who: Person, deputy: Person | None) -> Role:
        return Role(
            id=make_id("role"), role=code, person=who.titled(title),
            contact=who.email(org_domain), responsibilities=ROLE_DUTIES[code],
            deputy=deputy.titled(title) if deputy else "",
        )

    senior = "Dr" if profile.profession != "pharmacist" else "Mr"
    found = {
        "responsible_officer": named("responsible_officer", "Dr", person(rng, names),
                                     person(rng, names)),
        "clinical_supervisor": named("clinical_supervisor", senior, person(rng, names),
                                     person(rng, names)),
        "educational_supervisor": named("educational_supervisor", "Dr", person(rng, names),
                                        person(rng, names)),
    }
    if behavioural:
        coach = person(rng, names)
        found["coach"] = named("coach", coach.plain_title, coach, None)
    if rng.random() < 0.4:
        found["mentor"] = named("mentor", "Dr", person(rng, names), None)
    if health:
        found["occupational_health"] = named("occupational_health", "Dr", person(rng, names),
                                             person(rng, names))
    found["case_adviser"] = Role(
        id=make_id("role"), role="case_adviser", person=adviser, contact="PSR Case Adviser",
        responsibilities=ROLE_DUTIES["case_adviser"],
    )
    found["practitioner"] = Role(
        id=make_id("role"), role="practitioner", person=practitioner,
        responsibilities=ROLE_DUTIES["practitioner"],
    )
    return found


def objective_domains(
    rng: random.Random, request: RequestForm, profile: PracticeProfile
) -> list[str]:
    """Clinical skills always (004); behaviours bring communication and more."""
    domains = ["clinical_skills"]
    if "behaviours" in request.focus:
        domains.append("communication")
        domains.append("leadership" if profile.grade == "consultant" else "team_working")
    if profile.specialty_group in ("general_practice", "psychiatry", "dentistry", "pharmacy"):
        if rng.random() < 0.6:
            domains.append("record_keeping")
    elif "knowledge" in request.focus and rng.random() < 0.3:
        domains.append("education")
    return domains[:4]


def consequences(regulator: str) -> str:
    return (
        "If progress is insufficient at a review point, supervision may be enhanced or the plan "
        "extended once, with the agreement of both parties. If the objectives are still not met "
        "by the end of the plan, the organisation will consider its capability procedure and "
        f"whether a referral to the {regulator} is needed. The practitioner will be told in "
        "writing before any such step and may be accompanied at any meeting."
    )


def draft_plan(
    rng: random.Random, request: RequestForm, profile: PracticeProfile, shape: PlanShape,
    org_domain: str, why: str, make_id: IdMaker, level_label: Callable[[int], str],
) -> Plan:
    names = {request.practitioner.name}
    plan_roles = roles(
        rng, profile, request.practitioner.name, request.case_adviser, org_domain,
        "behaviours" in request.focus,
        request.health_context, names, make_id,
    )
    end = add_months(shape.start, shape.months)
    regulator = request.practitioner.regulator
    objectives = [
        objective(d, profile, regulator, end, why, make_id)
        for d in objective_domains(rng, request, profile)
    ]
    return Plan(
        version=1, status="draft", start_date=shape.start, end_date=end,
        objectives=objectives,
        activities=activities(rng, profile, objectives, plan_roles, make_id),
        roles=list(plan_roles.values()),
        stages=stages(shape, profile, make_id, level_label),
        review_points=review_points(
            shape, profile, plan_roles["clinical_supervisor"].person, make_id
        ),
        consequences=consequences(regulator),
        reasonable_adjustments=request.reasonable_adjustments,
        condition_ids=[c.id for c in request.conditions],
    )
