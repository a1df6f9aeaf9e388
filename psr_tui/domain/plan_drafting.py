"""Drafting a plan: the first draft of an accepted request, issuing it to both parties,
and reopening a signed plan that has not started as the next version.

Each function mutates the Case it is given and raises RuleError when the rules refuse.
"""

from __future__ import annotations

from datetime import date

from .case import Case
from .deadlines import nation_of
from .errors import RuleError
from .lifecycle import DRAFTING_STATES, RUNNING_STATES, plan_of, require_state
from .plan import Plan, PlanVersion
from .plan_templates import PlanTemplate, apply_template
from .schedule import add_months, generate_review_points, generate_stages
from .suggested_items import mark_suggested
from .suggestions import suggest_objectives
from .supervision import FloorAt, floor_at, require_ladder_within_floor
from .vocabulary import Vocabularies, default_vocabularies

# A new plan steps from close supervision to full scope (the 004 case study's sliding scale).
DEFAULT_STAGE_LEVELS = [2, 3, 4, 5]


def _suggested_content(case: Case, plan: Plan, vocab: Vocabularies,
                       template: PlanTemplate | None) -> None:
    """Fill a new plan from its template, or (none fits) with suggested objectives, the
    default ladder and review points."""
    floor = floor_at(case)  # a condition lifted on entry to a stage caps the stages before it
    if template is not None:
        apply_template(template, case, plan, vocab, floor)
    else:
        _default_content(case, plan, vocab, floor)
    mark_suggested(plan)  # until the adviser accepts, edits or drops each


def _default_content(case: Case, plan: Plan, vocab: Vocabularies, floor: FloorAt) -> None:
    plan.objectives = suggest_objectives(case, vocab)  # reads case.plan for target dates
    assert plan.start_date is not None and plan.end_date is not None
    plan.stages = generate_stages(
        plan.start_date,
        plan.end_date,
        DEFAULT_STAGE_LEVELS,
        floor=floor,
        vocab=vocab,
    )
    plan.review_points = generate_review_points(plan.start_date, plan.end_date,
                                                nation=nation_of(case))


def start_plan(
    case: Case, start: date, months: int, today: date, vocab: Vocabularies | None = None,
    template: PlanTemplate | None = None,
) -> Plan:
    """Create the first draft (version 1) of the plan for an accepted request, filled from
    `template` (plan_templates.choose_template picks the one the intake's facts fit)."""
    require_state(case, {"accepted"}, "start a plan")
    if case.plan is not None:
        raise RuleError("This case already has a plan.", "plan")
    if months < 1:
        raise RuleError("A plan runs for at least one month.", "plan.end_date")
    plan = Plan(
        version=1,
        status="draft",
        start_date=start,
        end_date=add_months(start, months),
        reasonable_adjustments=case.request.reasonable_adjustments,
        condition_ids=[c.id for c in case.request.conditions],
    )
    case.plan = plan
    vocab = vocab if vocab is not None else default_vocabularies()
    _suggested_content(case, plan, vocab, template)
    case.state = "draft"
    return plan


def issue_draft(case: Case, user: str, today: date) -> PlanVersion:
    """Freeze the current content and send it to both parties at once."""
    plan = plan_of(case)
    if plan.status == "agreed":
        raise RuleError(
            f"Version {plan.version} is already agreed: start a new version to change it.",
            "plan.status",
        )
    require_state(case, DRAFTING_STATES, "issue the plan")
    # The checker only reports a ladder past a condition's floor (one added after the
    # ladder was built, say); a plan that steps down past it is never sent out.
    require_ladder_within_floor(case, plan.stages, "plan.stages")
    # Re-issuing the same version after edits replaces its issued copy, and any
    # signature given to the earlier copy no longer stands.
    plan.versions = [
        v for v in plan.versions if not (v.version == plan.version and v.status == "issued")
    ]
    snapshot = PlanVersion(
        version=plan.version,
        status="issued",
        issued_on=today,
        issued_by=user,
        content=plan.content(),
    )
    plan.versions.append(snapshot)
    plan.agreement.organisation = None
    plan.agreement.practitioner = None
    plan.status = "issued"
    if case.first_draft_issued_on is None:
        case.first_draft_issued_on = today
    case.state = "issued"
    return snapshot


def is_frozen(case: Case) -> bool:
    """An agreed plan may not be edited in place: a new version or an amendment is needed."""
    return case.plan is not None and case.plan.status == "agreed"


def begin_new_version(case: Case, user: str, today: date) -> Plan:
    """Reopen a signed plan that has not started yet as the next draft version.

    Only before the plan starts (state 'agreed'): once it is running, changes to its
    duration or content are amendments that both parties agree (000 8.3), which keep
    the plan running and its review history intact.
    """
    plan = plan_of(case)
    if case.state in RUNNING_STATES:
        raise RuleError(
            "The plan is running: propose an amendment instead of a new version.", "plan"
        )
    if plan.status != "agreed" or case.state != "agreed":
        raise RuleError("Only a signed plan needs a new version; edit the draft.", "plan.status")
    plan.version += 1
    plan.status = "draft"
    plan.agreement.organisation = None
    plan.agreement.practitioner = None
    case.state = "draft"
    return plan


