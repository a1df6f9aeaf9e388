"""Withholding the plan from the practitioner (seed 000 7.1 note).

Plans go to the organisation and the practitioner at the same time. In exceptional
cases the organisation may ask that the practitioner not have it yet (their ill-health,
or support not yet in place). PSR decides case by case and writes to both with the
decision and its reasons, unless the practitioner is not to be contacted now for their
ill-health or another valid reason.

While the plan is withheld the practitioner's access to the case is withheld too
(access.in_scope), and no practitioner's copy of the plan or its reports is made
(export/reports.py); the letter about the decision is its own report.
"""

from __future__ import annotations

from datetime import date

from .case import Case, PlanWithholding
from .errors import RuleError

# From a draft being written to the end of delivery: a plan exists to withhold.
WITHHOLDABLE_STATES = frozenset({"draft", "issued", "agreed", "active", "extended", "paused"})
# The audit trail's words for a release (the app's `r` and `psr-tui release` alike).
RELEASE_SUMMARY = "plan released to the practitioner"


def decision_summary(withhold: bool, reasons: str) -> str:
    """The audit trail's words for a decision (the app's `h` and `psr-tui withhold` alike).
    The reason the practitioner is not told is left out: the organisation reads the trail
    too, and the letters carry it where it belongs."""
    return f"{'plan withheld' if withhold else 'withholding refused'}: {reasons}"


def is_withheld(case: Case) -> bool:
    """The plan is withheld from the practitioner now."""
    w = case.withholding
    return w is not None and w.withheld and w.released_on is None


def decide_withholding(
    case: Case, *, withhold: bool, requested_by: str, reasons: str, user: str, today: date,
    practitioner_told: bool = True, not_told_reason: str = "",
) -> PlanWithholding:
    """Record PSR's decision on the organisation's request (granted or refused)."""
    if case.plan is None or case.state not in WITHHOLDABLE_STATES:
        raise RuleError("Only a plan being written or in delivery can be withheld.", "state")
    if is_withheld(case):
        raise RuleError("The plan is already withheld; release it first.", "withholding")
    if not requested_by.strip():
        raise RuleError("Say who at the organisation asked.", "withholding.requested_by")
    if not reasons.strip():
        raise RuleError("Give the reasons for the decision: they are written to both.",
                        "withholding.reasons")
    if not practitioner_told and not not_told_reason.strip():
        raise RuleError("Say why the practitioner is not to be contacted now.",
                        "withholding.not_told_reason")
    case.withholding = PlanWithholding(
        requested_by=requested_by.strip(), requested_on=today, withheld=withhold,
        reasons=reasons.strip(), decided_by=user, decided_on=today,
        practitioner_told=practitioner_told,
        not_told_reason="" if practitioner_told else not_told_reason.strip(),
    )
    return case.withholding


def release_plan(case: Case, *, user: str, today: date) -> PlanWithholding:
    """The practitioner may have the plan now; the decision stays on record."""
    if not is_withheld(case):
        raise RuleError("The plan is not withheld.", "withholding")
    assert case.withholding is not None
    case.withholding.released_on, case.withholding.released_by = today, user
    return case.withholding
