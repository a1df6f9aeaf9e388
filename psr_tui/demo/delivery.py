"""Moving a demo plan through issue, signature and review points, as the lifecycle would.

Each recorded outcome applies its vocabulary `effect` to the plan's current stage
(step_down +1, enhance -1, everything else stays), and carries the levels before and
after, so the demo's review history always agrees with `current_stage`.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from ..domain.plan import (
    Amendment,
    AssessmentSeen,
    Plan,
    PlanVersion,
    ReviewOutcome,
    ReviewPoint,
    Signature,
)
from ..domain.schedule import add_months
from ..domain.vocabulary import Vocabularies
from .plan_content import IdMaker

NOTES = {
    "step_down": "Satisfactory progress against every objective; supervisor and practitioner "
    "agree the next stage.",
    "remain": "Progress is satisfactory but more evidence is needed at this level before a step "
    "down.",
    "insufficient": "Assessments show progress below the plan's expectations; more time needed "
    "at this stage.",
    "concern": "Two assessments raised minor concerns about decision-making; closer supervision "
    "agreed until the next review.",
    "ahead": "Evidence is ahead of the plan; both parties asked to consider shortening it.",
    "refer": "The supervisor no longer considers the plan appropriate to the concerns now "
    "identified; PSR advice sought and the plan paused.",
}


def at_work(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(9, 16), rng.choice((0, 15, 30, 45))), UTC)


def issue(plan: Plan, on: date, by: str) -> None:
    plan.status = "issued"
    plan.versions.append(
        PlanVersion(version=plan.version, status="issued", issued_on=on, issued_by=by,
                    content=plan.content())
    )


def sign_both(plan: Plan, organisation: Signature, practitioner: Signature) -> None:
    plan.agreement.organisation = organisation
    plan.agreement.practitioner = practitioner
    plan.status = "agreed"
    signed_on = max(d for d in (organisation.signed_on, practitioner.signed_on) if d)
    plan.versions.append(
        PlanVersion(version=plan.version, status="agreed", issued_on=signed_on,
                    issued_by=organisation.name, content=plan.content())
    )


def evidence_seen(
    rng: random.Random, tools: tuple[str, ...], good: bool, vocab: Vocabularies
) -> list[AssessmentSeen]:
    """What the reviewer saw: the tool's best-but-one or best rating when all is well."""
    seen = []
    for tool in tools[:3]:
        term = vocab["wba_types"].term(tool)
        ratings = list(term.get("ratings", [])) if term else []
        if not ratings:
            continue
        rating = ratings[-1] if good else ratings[max(0, len(ratings) - 3)]
        if tool == "NOTSS" and good:
            rating = rng.choice(ratings[-2:])
        seen.append(AssessmentSeen(tool=tool, count=rng.randint(1, 3), rating=rating))
    return seen


def record(
    plan: Plan, rp: ReviewPoint, code: str, held_on: date, recorded_at: datetime, by: str,
    evidence: list[AssessmentSeen], vocab: Vocabularies, note: str = "",
) -> ReviewOutcome:
    """Record an outcome on a review point and apply its effect on the stage."""
    term = vocab["review_outcomes"].term(code)
    effect = str(term.get("effect", "stay")) if term else "stay"
    before = plan.current_level
    if effect == "step_down" and plan.current_stage < len(plan.stages) - 1:
        plan.current_stage += 1
    elif effect == "enhance" and plan.current_stage > 0:
        plan.current_stage -= 1
    outcome = ReviewOutcome(
        outcome=code, held_on=held_on, recorded_by=by, recorded_at=recorded_at,
        note=note or NOTES.get(code, ""), evidence_seen=evidence, level_before=before,
        level_after=plan.current_level,
    )
    rp.outcome = outcome
    return outcome


def not_held(
    plan: Plan, rp: ReviewPoint, on: date, recorded_at: datetime, by: str, reason: str,
    new_date: date,
) -> None:
    """A missed review: kept in its history, the point moves to a new date."""
    rp.history.append(
        ReviewOutcome(
            outcome="not_held", held_on=on, recorded_by=by, recorded_at=recorded_at,
            reason=reason, reschedule_to=new_date, level_before=plan.current_level,
            level_after=plan.current_level,
        )
    )
    rp.due_on = new_date


def extend(
    plan: Plan, rp: ReviewPoint, months: int, organisation: Signature, practitioner: Signature,
    proposed_by: str, make_id: IdMaker,
) -> Amendment:
    """An agreed extension: new end date, an extra review point, a new agreed version."""
    assert plan.end_date is not None and rp.outcome is not None
    new_end = add_months(plan.end_date, months)
    amendment = Amendment(
        id=make_id("amd"), kind="duration",
        description=f"Extend the plan to {new_end.isoformat()} (insufficient progress at "
        f"'{rp.title}').",
        proposed_by=proposed_by, proposed_on=rp.outcome.held_on,
        changes={"end_date": new_end.isoformat()}, organisation=organisation,
        practitioner=practitioner, status="agreed",
    )
    final = next(r for r in plan.review_points if r.is_final)
    extra = final.model_copy(deep=True)
    extra.id, extra.is_final = make_id("rp"), False
    extra.title = "Review after extension"
    final.due_on = new_end
    plan.review_points.insert(plan.review_points.index(final), extra)
    plan.end_date = new_end
    if plan.stages:
        plan.stages[-1].end = new_end
    rp.outcome.amendment_id = amendment.id
    plan.version += 1
    amendment.applied_in_version = plan.version
    plan.amendments.append(amendment)
    signed_on = practitioner.signed_on or organisation.signed_on
    plan.versions.append(
        PlanVersion(version=plan.version, status="agreed", issued_on=signed_on,
                    issued_by=organisation.name, content=plan.content())
    )
    return amendment


def held_date(rng: random.Random, due: date, today: date) -> date:
    """Reviews are held around their due date, never after today."""
    return min(due + timedelta(days=rng.randint(-2, 4)), today - timedelta(days=1))
