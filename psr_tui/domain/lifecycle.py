"""The lifecycle of a case: decision, drafting, signing, delivery and completion.

Every function mutates the Case it is given (the store calls it inside its locked
update) and raises RuleError when the PSR rules refuse, so nothing is written.
States and outcomes are codes from data/vocabularies (lifecycle_states, decision_outcomes,
completion_outcomes).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from .case import Case, Completion, RequestDecision, Resumption, Withdrawal
from .deadlines import nation_of
from .errors import RuleError
from .evidence import final_review_gaps
from .objective_progress import checked_progress, latest_progress
from .plan import ObjectiveProgress, Plan, PlanVersion, Signature
from .plan_templates import PlanTemplate, apply_template
from .review import latest_recorded, open_review_points
from .schedule import add_months, generate_review_points, generate_stages
from .signatories import signatory_name
from .suggested_items import mark_suggested
from .suggestions import suggest_objectives
from .supervision import (
    MAX_LEVEL,
    FloorAt,
    condition_name,
    current_stage_number,
    floor_at,
    in_force,
    level_label,
    require_ladder_within_floor,
)
from .vocabulary import Vocabularies, default_vocabularies

Party = Literal["organisation", "practitioner"]
PARTIES: tuple[Party, ...] = ("organisation", "practitioner")

DECIDABLE_STATES = frozenset({"request", "further_information"})
DRAFTING_STATES = frozenset({"draft", "issued"})
RUNNING_STATES = frozenset({"active", "extended", "paused"})
# A new plan steps from close supervision to full scope (the 004 case study's sliding scale).
DEFAULT_STAGE_LEVELS = [2, 3, 4, 5]
CLOSED_STATES = frozenset(
    {"declined", "completed", "completed_with_conditions", "not_completed", "withdrawn"}
)
# Review effects that leave nothing to account for before completion is signed off.
REASSURING_EFFECTS = frozenset({"step_down", "stay", "shorten"})


def _vocab(vocab: Vocabularies | None) -> Vocabularies:
    return vocab if vocab is not None else default_vocabularies()


def _plan(case: Case) -> Plan:
    if case.plan is None:
        raise RuleError("This case has no plan yet.", "plan")
    return case.plan


def _require_state(case: Case, allowed: frozenset[str] | set[str], action: str) -> None:
    if case.state not in allowed:
        label = default_vocabularies()["lifecycle_states"].label(case.state)
        raise RuleError(f"Cannot {action} while the case is '{label}'.", "state")


def decide_request(
    case: Case,
    outcome: str,
    user: str,
    today: date,
    reason: str = "",
    alternative: str = "",
    vocab: Vocabularies | None = None,
) -> None:
    """Accept, ask for further information, or decline (with reason and alternative, 000 4.5)."""
    term = _vocab(vocab)["decision_outcomes"].term(outcome)
    if term is None:
        raise RuleError(f"Unknown decision '{outcome}'.", "decision.outcome")
    _require_state(case, DECIDABLE_STATES, "decide on the request")
    reason, alternative = reason.strip(), alternative.strip()
    if outcome == "declined":
        if not reason:
            raise RuleError("A declined request needs the reason.", "decision.reason")
        if not alternative:
            raise RuleError(
                "A declined request needs the alternative service offered (000 4.5).",
                "decision.alternative_offered",
            )
    if outcome == "further_information" and not reason:
        raise RuleError("Say what further information is needed.", "decision.reason")
    case.decision = RequestDecision(
        outcome=outcome,
        decided_on=today,
        decided_by=user,
        reason=reason,
        alternative_offered=alternative,
    )
    case.state = str(term.get("state", outcome))


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
    _require_state(case, {"accepted"}, "start a plan")
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
    _suggested_content(case, plan, _vocab(vocab), template)
    case.state = "draft"
    return plan


def issue_draft(case: Case, user: str, today: date) -> PlanVersion:
    """Freeze the current content and send it to both parties at once."""
    plan = _plan(case)
    if plan.status == "agreed":
        raise RuleError(
            f"Version {plan.version} is already agreed: start a new version to change it.",
            "plan.status",
        )
    _require_state(case, DRAFTING_STATES, "issue the plan")
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


def _check_party(party: str) -> Party:
    if party not in PARTIES:
        raise RuleError(f"Unknown party '{party}': organisation or practitioner.", "party")
    return party  # narrowed to Party by the membership test above


def signing_open(case: Case) -> bool:
    """Whether the issued version can be signed now: either party signs, or corrects the
    signature they gave, until both have signed and the version is agreed (then frozen)."""
    plan = case.plan
    if plan is None or plan.status != "issued" or case.state != "issued":
        return False
    return any(v.version == plan.version and v.status == "issued" for v in plan.versions)


def _not_after_today(signed_on: date, today: date, path: str) -> None:
    if signed_on > today:
        raise RuleError(
            f"{signed_on.isoformat()} is in the future: a signature is dated today "
            f"({today.isoformat()}) or earlier.",
            path,
        )


def sign(
    case: Case, party: str, name: str, role: str, signed_on: date, today: date, *,
    recorded_by: str,
) -> None:
    """One party signs the issued version, or corrects their signature while the other has
    not signed yet; when both have, the plan is agreed (000 7.4) and frozen.

    `recorded_by` is the acting user: the signatory themself, or an adviser entering a
    signature given on paper (the export then says "recorded by X for Y")."""
    plan = _plan(case)
    party = _check_party(party)
    if not signing_open(case):
        if plan.status == "agreed":
            raise RuleError(
                f"Version {plan.version} is agreed by both: its signatures are final.",
                f"plan.agreement.{party}",
            )
        raise RuleError(
            f"Version {plan.version} has not been issued: issue it before signing.", "plan.status"
        )
    at = f"plan.agreement.{party}"
    name = signatory_name(name, f"{at}.name", "The signature needs a name.")
    _not_after_today(signed_on, today, f"{at}.signed_on")
    # A condition may have been added since the version was issued: nobody signs up to
    # a ladder that breaches it.
    require_ladder_within_floor(case, plan.stages, "plan.stages")
    setattr(plan.agreement, party, Signature(name=name, role=role, signed_on=signed_on,
                                             recorded_by=recorded_by))
    if plan.agreement.fully_signed:
        plan.status = "agreed"
        case.state = "agreed"
        plan.versions.append(
            PlanVersion(
                version=plan.version,
                status="agreed",
                issued_on=signed_on,
                issued_by=name,
                content=plan.content(),
            )
        )


def is_frozen(case: Case) -> bool:
    """An agreed plan may not be edited in place: a new version or an amendment is needed."""
    return case.plan is not None and case.plan.status == "agreed"


def begin_new_version(case: Case, user: str, today: date) -> Plan:
    """Reopen a signed plan that has not started yet as the next draft version.

    Only before the plan starts (state 'agreed'): once it is running, changes to its
    duration or content are amendments that both parties agree (000 8.3), which keep
    the plan running and its review history intact.
    """
    plan = _plan(case)
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


def activate(case: Case, today: date) -> None:
    """The agreed plan starts."""
    plan = _plan(case)
    _require_state(case, {"agreed"}, "start the plan")
    if plan.status != "agreed":
        raise RuleError("Only a signed plan can start.", "plan.status")
    # 000 8.3: consequences of insufficient progress are explained before commencement.
    if not plan.consequences.strip():
        raise RuleError(
            "Explain the consequences of insufficient progress before the plan starts.",
            "plan.consequences",
        )
    if plan.start_date is None:
        plan.start_date = today
    case.state = "active"


def resume(case: Case, today: date, *, advice: str, user: str) -> Resumption:
    """A paused plan (referred for advice) continues on the advice received, which is
    recorded with who resumed it; extended if its end moved later."""
    plan = _plan(case)
    _require_state(case, {"paused"}, "resume the plan")
    if not advice.strip():
        raise RuleError("Record the advice received before the plan resumes.",
                        "resumption.advice")
    resumption = Resumption(advice=advice.strip(), resumed_on=today, resumed_by=user)
    case.resumptions.append(resumption)
    case.state = "extended" if end_moved_later(plan) else "active"
    return resumption


def end_moved_later(plan: Plan) -> bool:
    """Whether the end date is later than in the version both parties signed before the
    plan started (later agreed versions come from amendments)."""
    amended = {a.applied_in_version for a in plan.amendments if a.status == "agreed"}
    signed = [v for v in plan.versions if v.status == "agreed" and v.version not in amended]
    agreed_end = signed[-1].content.get("end_date") if signed else None
    if plan.end_date is None or not agreed_end:
        return False
    return plan.end_date > date.fromisoformat(agreed_end)


def _completion_state(outcome: str, vocab: Vocabularies) -> str:
    term = vocab["completion_outcomes"].term(outcome)
    if term is None:
        raise RuleError(f"Unknown completion outcome '{outcome}'.", "completion.outcome")
    return str(term.get("state", outcome))


def _conditions_in_force(case: Case, vocab: Vocabularies) -> list[str]:
    """Conditions that stand against a return to full scope: a regulator's, or any that caps
    supervision below full scope. A confidential one is not described."""
    sources = vocab["condition_sources"]
    names = []
    stage = current_stage_number(case)
    for condition in case.request.conditions:
        if not in_force(condition, stage):
            continue  # lifted: it stands against nothing
        term = sources.term(condition.source)
        regulatory = bool(term and term.get("regulatory"))
        capped = condition.supervision_floor is not None and condition.supervision_floor < MAX_LEVEL
        if regulatory or capped:
            names.append(condition_name(case, condition, vocab))
    return names


def completion_outstanding(
    case: Case, outcome: str, vocab: Vocabularies | None = None
) -> list[str]:
    """What still stands against signing off `outcome` (e.g. "2 review points not yet
    held"), for the director to confirm before signing; empty when nothing does.

    'Not completed' escalates a plan that failed: its open reviews are no reason to wait.
    Only a return to full scope needs the supervision level and the conditions behind it.
    """
    vocab = _vocab(vocab)
    state = _completion_state(outcome, vocab)
    plan = case.plan
    if plan is None or state == "not_completed":
        return []
    items = []
    still_open = len(open_review_points(plan))
    if still_open:
        items.append(f"{still_open} review point{'s' if still_open != 1 else ''} not yet held")
    last = latest_recorded(plan)
    if last is not None and last.outcome is not None:
        term = vocab["review_outcomes"].term(last.outcome.outcome)
        if term is None or term.get("effect") not in REASSURING_EFFECTS:
            label = vocab["review_outcomes"].label(last.outcome.outcome)
            items.append(f"last outcome: {label[:1].lower()}{label[1:]}")
    items += final_review_gaps(plan, vocab["wba_types"])
    if state == "completed":
        level = plan.current_level
        if level is not None and level < MAX_LEVEL:
            items.append(f"supervision now {level_label(level, vocab)}, "
                         f"not {level_label(MAX_LEVEL, vocab)}")
        items += [f"{name} still applies" for name in _conditions_in_force(case, vocab)]
    return items


def sign_off_completion(
    case: Case,
    outcome: str,
    name: str,
    role: str,
    signed_on: date,
    follow_up: str,
    *,
    today: date,
    vocab: Vocabularies | None = None,
    objective_progress: list[ObjectiveProgress] | None = None,
) -> None:
    """The responsible director signs off the extent of completion and follow-up (seed 003).

    The date is the day it was signed: not ahead of today, nor before the plan started.
    The final position against each objective is `objective_progress`, or (None) each
    objective's latest rating at the reviews.
    """
    state = _completion_state(outcome, _vocab(vocab))
    _require_state(case, RUNNING_STATES, "sign off completion")
    name = signatory_name(
        name, "completion.signed_by", "The responsible director must sign off completion."
    )
    _not_after_today(signed_on, today, "completion.signed_on")
    start = case.plan.start_date if case.plan else None
    if start is not None and signed_on < start:
        raise RuleError(
            f"{signed_on.isoformat()} is before the plan started ({start.isoformat()}).",
            "completion.signed_on",
        )
    if not follow_up.strip():
        raise RuleError(
            "Agree the follow-up arrangements with the practitioner.", "completion.follow_up"
        )
    plan = _plan(case)
    final = (list(latest_progress(plan).values()) if objective_progress is None
             else checked_progress(plan, objective_progress, "completion.objective_progress",
                                   vocab))
    case.completion = Completion(
        outcome=outcome,
        signed_by=name,
        role=role,
        signed_on=signed_on,
        follow_up=follow_up.strip(),
        objective_progress=final,
    )
    case.state = state


def withdraw(case: Case, reason: str, user: str, today: date) -> None:
    """Close a case before completion, recording why."""
    if case.state in CLOSED_STATES:
        raise RuleError("This case is already closed.", "state")
    if not reason.strip():
        raise RuleError("Give the reason for withdrawing the case.", "withdrawal.reason")
    case.withdrawal = Withdrawal(reason=reason.strip(), withdrawn_on=today, withdrawn_by=user)
    case.state = "withdrawn"
