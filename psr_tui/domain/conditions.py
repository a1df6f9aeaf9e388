"""Ending a condition on practice: a decision recorded in the plan, or the regulator's or
the organisation's own, with who decided, when and on what evidence (issue 10, hazard H02).

Once lifted a condition sets no supervision floor (supervision.in_force) and no longer
stands against completion; it stays in the record, and in every copy, as lifted.
"""

from __future__ import annotations

from datetime import date

from .case import Case, Condition, ConditionLifted
from .errors import RuleError
from .field_errors import item_path
from .safe_text import refusal
from .signatories import signatory_name
from .vocabulary import Vocabularies, default_vocabularies

LIFTERS = "condition_lifters"


def _condition(case: Case, condition_id: str,
               sees_confidential: bool) -> tuple[Condition, str]:
    condition = next((c for c in case.request.conditions if c.id == condition_id), None)
    # A confidential (health) condition is not in the organisation's copy: someone who
    # cannot see it is told it is not there, neither that it exists nor its state.
    if condition is None or (condition.confidential and not sees_confidential):
        raise RuleError(f"No condition '{condition_id}' on this case.", "request.conditions")
    return condition, item_path("request.conditions", condition.id)


def lift_condition(
    case: Case, condition_id: str, *, by: str, decided_by: str, lifted_on: date,
    evidence: str, user: str, today: date, vocab: Vocabularies | None = None,
    sees_confidential: bool = True,
) -> Condition:
    """Record that a condition was lifted; refuses one already lifted, a date ahead of
    today or before it was imposed, and a lifting without a decision-maker or evidence.
    `sees_confidential` False (anyone but an adviser): a confidential one is not found."""
    condition, at = _condition(case, condition_id, sees_confidential)
    path = f"{at}.lifted"
    if condition.lifted is not None:
        when = condition.lifted.lifted_on.isoformat() if condition.lifted.lifted_on else "?"
        raise RuleError(f"This condition was already lifted on {when}.", path)
    if by not in (vocab or default_vocabularies())[LIFTERS]:
        raise RuleError("Say who lifted it: a decision in the plan, the regulator or the "
                        "organisation.", f"{path}.by")
    decided_by = signatory_name(decided_by, f"{path}.decided_by",
                                "Name the person who decided to lift it.")
    if lifted_on > today:
        raise RuleError(f"{lifted_on.isoformat()} is in the future: a condition is lifted "
                        f"today ({today.isoformat()}) or earlier.", f"{path}.lifted_on")
    if condition.imposed_on is not None and lifted_on < condition.imposed_on:
        raise RuleError(f"{lifted_on.isoformat()} is before the condition was imposed "
                        f"({condition.imposed_on.isoformat()}).", f"{path}.lifted_on")
    evidence = evidence.strip()
    if not evidence:
        raise RuleError("Say on what evidence it was lifted (a letter, a review's "
                        "outcome).", f"{path}.evidence")
    for label, text in (("The decision-maker", decided_by), ("The evidence", evidence)):
        if problem := refusal(label, text):
            raise RuleError(problem, path)
    condition.lifted = ConditionLifted(by=by, decided_by=decided_by, lifted_on=lifted_on,
                                       evidence=evidence, recorded_by=user)
    return condition


def liftable(case: Case) -> list[Condition]:
    """The conditions a lifting can be recorded for: every one not yet lifted (a planned
    lifting on entry to a stage may still be brought forward by a decision)."""
    return [c for c in case.request.conditions if c.lifted is None]
