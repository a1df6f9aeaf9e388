"""Completion: what still stands against signing off an outcome, and the responsible
director's sign-off of the extent of completion and the follow-up (seed 003).
"""

from __future__ import annotations

from datetime import date

from .case import Case, Completion
from .errors import RuleError
from .evidence import final_review_gaps
from .lifecycle import RUNNING_STATES, plan_of, require_state
from .objective_progress import checked_progress, latest_progress
from .plan import ObjectiveProgress
from .review import latest_recorded, open_review_points
from .signatories import check_signed_on, signatory_name
from .supervision import MAX_LEVEL, condition_name, current_stage_number, in_force, level_label
from .vocabulary import Vocabularies, default_vocabularies

# Review effects that leave nothing to account for before completion is signed off.
REASSURING_EFFECTS = frozenset({"step_down", "stay", "shorten"})


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
    vocab = vocab if vocab is not None else default_vocabularies()
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
    state = _completion_state(outcome, vocab if vocab is not None else default_vocabularies())
    require_state(case, RUNNING_STATES, "sign off completion")
    name = signatory_name(
        name, "completion.signed_by", "The responsible director must sign off completion."
    )
    check_signed_on(signed_on, today, "completion.signed_on")
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
    plan = plan_of(case)
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


