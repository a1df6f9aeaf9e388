"""Field-level rules for the action plan: dates, stages, review points, objectives, activities."""

from __future__ import annotations

from datetime import date

from .case import Case
from .field_errors import FieldError, blank, item_path
from .plan import Plan
from .supervision import MAX_LEVEL, MIN_LEVEL
from .vocabulary import Vocabularies


def _outside(d: date, plan: Plan) -> bool:
    return (plan.start_date is not None and d < plan.start_date) or (
        plan.end_date is not None and d > plan.end_date
    )


def _plan_dates(plan: Plan) -> list[FieldError]:
    errors = []
    if plan.start_date is None:
        errors.append(FieldError("plan.start_date", "enter the date the plan starts"))
    if plan.end_date is None:
        errors.append(FieldError("plan.end_date", "enter the date the plan ends"))
    if plan.start_date and plan.end_date and plan.end_date <= plan.start_date:
        errors.append(FieldError("plan.end_date", "the plan must end after it starts"))
    return errors


def _stages(plan: Plan) -> list[FieldError]:
    errors: list[FieldError] = []
    previous = None
    for stage in plan.stages:
        at = item_path("plan.stages", stage.id)
        if not MIN_LEVEL <= stage.level <= MAX_LEVEL:
            errors.append(FieldError(f"{at}.level", "supervision level must be 1 to 5"))
        if stage.start is None:
            errors.append(FieldError(f"{at}.start", "enter the date this stage starts"))
        if stage.end is None:
            errors.append(FieldError(f"{at}.end", "enter the date this stage ends"))
        if stage.start and stage.end and stage.end < stage.start:
            errors.append(FieldError(f"{at}.end", "a stage cannot end before it starts"))
        for field, d in (("start", stage.start), ("end", stage.end)):
            if d is not None and _outside(d, plan):
                errors.append(FieldError(f"{at}.{field}", "stage dates must be inside the plan"))
        if previous is not None:
            if previous.end and stage.start and stage.start <= previous.end:
                errors.append(
                    FieldError(f"{at}.start", "stages must follow one another without overlap")
                )
            if stage.level < previous.level:
                # Supervision steps down (level goes up) as progress is shown, never back:
                # enhancing supervision is a review outcome, not a planned stage.
                errors.append(
                    FieldError(
                        f"{at}.level",
                        f"level {stage.level} after level {previous.level}: "
                        "planned supervision only steps down over time",
                    )
                )
        previous = stage
    return errors


def _review_points(plan: Plan) -> list[FieldError]:
    errors = []
    for point in plan.review_points:
        at = item_path("plan.review_points", point.id, "due_on")
        if point.due_on is None:
            errors.append(FieldError(at, "enter the date this review is due"))
        elif _outside(point.due_on, plan):
            errors.append(FieldError(at, "review points must fall inside the plan dates"))
    return errors


def _objectives_and_activities(plan: Plan) -> list[FieldError]:
    errors = []
    known = {o.id for o in plan.objectives}
    for objective in plan.objectives:
        at = item_path("plan.objectives", objective.id)
        if not any(objective.id in a.objective_ids for a in plan.activities):
            errors.append(FieldError(at, "add at least one activity for this objective"))
        if objective.target_date is not None and _outside(objective.target_date, plan):
            errors.append(
                FieldError(f"{at}.target_date", "the target date must be inside the plan")
            )
    for activity in plan.activities:
        at = item_path("plan.activities", activity.id)
        if blank(activity.kind):
            errors.append(FieldError(f"{at}.kind", "choose the kind of activity"))
        for objective_id in activity.objective_ids:
            if objective_id not in known:
                errors.append(
                    FieldError(f"{at}.objective_ids", f"objective {objective_id} does not exist")
                )
        if activity.objective_ids and blank(activity.evidence):
            errors.append(
                FieldError(f"{at}.evidence", "say what evidence this activity will produce")
            )
    return errors


def validate_plan(case: Case, vocab: Vocabularies) -> list[FieldError]:
    """Structural rules for the plan; an absent plan has nothing to validate (the checker
    reports it as missing)."""
    plan = case.plan
    if plan is None:
        return []
    errors = _plan_dates(plan)
    errors += _stages(plan)
    errors += _review_points(plan)
    errors += _objectives_and_activities(plan)
    # `vocab` is not consulted: activity kinds and scope limits accept an organisation's own
    # terms (shown as typed), and levels are checked against the fixed 1-5 ladder.
    return errors
