"""The lifecycle of a case: the states it moves through, the request's decision, the
running plan's start, pause and resumption, and withdrawal.

The plan's own steps have their modules: plan_drafting (start, issue, new version),
plan_signing (both parties sign the issued version), completion (the director's sign-off).
Every function mutates the Case it is given (the store calls it inside its locked
update) and raises RuleError when the PSR rules refuse, so nothing is written.
States and outcomes are codes from data/vocabularies (lifecycle_states, decision_outcomes,
completion_outcomes).
"""

from __future__ import annotations

from datetime import date

from .case import Case, RequestDecision, Resumption, Withdrawal
from .errors import RuleError
from .plan import Plan
from .vocabulary import Vocabularies, default_vocabularies

DECIDABLE_STATES = frozenset({"request", "further_information"})
DRAFTING_STATES = frozenset({"draft", "issued"})
RUNNING_STATES = frozenset({"active", "extended", "paused"})
CLOSED_STATES = frozenset(
    {"declined", "completed", "completed_with_conditions", "not_completed", "withdrawn"}
)


def plan_of(case: Case) -> Plan:
    """The case's plan; a step that needs one is refused before there is one."""
    if case.plan is None:
        raise RuleError("This case has no plan yet.", "plan")
    return case.plan


def require_state(case: Case, allowed: frozenset[str] | set[str], action: str) -> None:
    """Refuse `action` (in words: "start the plan") unless the case is in an allowed state."""
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
    vocab = vocab if vocab is not None else default_vocabularies()
    term = vocab["decision_outcomes"].term(outcome)
    if term is None:
        raise RuleError(f"Unknown decision '{outcome}'.", "decision.outcome")
    require_state(case, DECIDABLE_STATES, "decide on the request")
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


def activate(case: Case, today: date) -> None:
    """The agreed plan starts."""
    plan = plan_of(case)
    require_state(case, {"agreed"}, "start the plan")
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
    plan = plan_of(case)
    require_state(case, {"paused"}, "resume the plan")
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


def withdraw(case: Case, reason: str, user: str, today: date) -> None:
    """Close a case before completion, recording why."""
    if case.state in CLOSED_STATES:
        raise RuleError("This case is already closed.", "state")
    if not reason.strip():
        raise RuleError("Give the reason for withdrawing the case.", "withdrawal.reason")
    case.withdrawal = Withdrawal(reason=reason.strip(), withdrawn_on=today, withdrawn_by=user)
    case.state = "withdrawn"
