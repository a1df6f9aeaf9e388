"""Correcting a recorded review outcome: a mistyped `1` must not step supervision down
for good.

Its recorder, or an adviser, corrects it with a reason. The outcome first recorded is kept
on the review point (`ReviewPoint.corrections`) and every export shows it. What it did to
the plan is undone, and the corrected outcome's effect applied, only where nothing later
depends on it: a review recorded after it, a resumption after the referral, an amendment it
proposed that both parties have since agreed, or a ladder changed since. Otherwise the
outcome is corrected on the record and the ladder is left as it is, saying so.
"""

from __future__ import annotations

from datetime import date, datetime

from .amendments import withdraw_amendment
from .case import Case
from .errors import RuleError
from .lifecycle import end_moved_later
from .plan import OutcomeCorrection, Plan, ReviewOutcome, ReviewPoint
from .review import apply_effect
from .supervision import level_label
from .vocabulary import Vocabularies, default_vocabularies

# A paused plan is corrected too: the referral that paused it may be the mistake.
CORRECTABLE_STATES = frozenset({"active", "extended", "paused"})


def _effect(vocab: Vocabularies, code: str) -> str:
    term = vocab["review_outcomes"].term(code)
    return str(term.get("effect", "stay")) if term else "stay"


def _recorded_after(plan: Plan, rp: ReviewPoint, original: ReviewOutcome) -> list[str]:
    """Titles of the other review points recorded after `original`."""
    when = original.recorded_at
    later = []
    for other in plan.review_points:
        if other is rp or other.outcome is None:
            continue
        other_when = other.outcome.recorded_at
        if when is None or other_when is None or other_when > when:
            later.append(other.title or other.id)
    return later


def later_dependants(case: Case, rp: ReviewPoint, original: ReviewOutcome) -> list[str]:
    """What happened after `original` that builds on its effect, in words; empty when its
    effect can be undone."""
    plan = case.plan
    assert plan is not None
    found = [f"'{title}' was recorded after it" for title in _recorded_after(plan, rp, original)]
    amendment = next((a for a in plan.amendments if a.id == original.amendment_id), None)
    if amendment is not None and amendment.status == "agreed":
        found.append("the amendment it proposed has been agreed by both parties")
    held = original.recorded_at.date() if original.recorded_at else original.held_on
    if held is not None and any(r.resumed_on and r.resumed_on >= held for r in case.resumptions):
        found.append("the plan has resumed since")
    if not found and plan.current_level != original.level_after:
        found.append("the supervision ladder has changed since")
    return found


def _undo(case: Case, original: ReviewOutcome, effect: str, user: str, today: date) -> None:
    """Reverse what `original` did (the caller has checked nothing later depends on it)."""
    plan = case.plan
    assert plan is not None
    moved = original.level_before != original.level_after
    if effect == "step_down" and moved and plan.current_stage > 0:
        plan.current_stage -= 1
    elif effect == "enhance" and moved and plan.current_stage < len(plan.stages) - 1:
        plan.current_stage += 1
    elif effect in ("extend", "shorten") and original.amendment_id:
        proposed = any(a.id == original.amendment_id and a.status == "proposed"
                       for a in plan.amendments)
        if proposed:
            withdraw_amendment(case, original.amendment_id, user, today,
                               reason="the review outcome that proposed it was corrected")
    elif effect == "refer" and case.state == "paused":
        case.state = "extended" if end_moved_later(plan) else "active"


def _ladder_words(before: int | None, after: int | None, vocab: Vocabularies) -> str:
    if before == after or before is None or after is None:
        return "Supervision level unchanged by the correction."
    return (f"Supervision moved from {level_label(before, vocab)} "
            f"to {level_label(after, vocab)} by the correction.")


def correct_outcome(
    case: Case,
    review_point_id: str,
    outcome_code: str,
    *,
    reason: str,
    user: str,
    by_adviser: bool,
    now: datetime,
    note: str | None = None,
    vocab: Vocabularies | None = None,
) -> OutcomeCorrection:
    """Replace the recorded outcome of a review point, keeping the original on record."""
    vocab = vocab or default_vocabularies()
    plan = case.plan
    if plan is None:
        raise RuleError("This case has no plan.", "plan")
    rp = plan.review_point(review_point_id)
    if rp is None:
        raise RuleError(f"Unknown review point '{review_point_id}'.", "plan.review_points")
    path = f"plan.review_points[{plan.review_points.index(rp)}]"
    original = rp.outcome
    if original is None:
        raise RuleError(f"'{rp.title}' has no recorded outcome to correct.", f"{path}.outcome")
    if case.state not in CORRECTABLE_STATES:
        state = vocab["lifecycle_states"].label(case.state)
        raise RuleError(f"Outcomes are corrected only while the plan runs (it is '{state}').",
                        "state")
    if not by_adviser and original.recorded_by.strip().casefold() != user.strip().casefold():
        raise RuleError(
            f"Only {original.recorded_by or 'its recorder'}, who recorded it, or an adviser "
            "can correct this outcome.", "correction.user")
    term = vocab["review_outcomes"].term(outcome_code)
    if term is None:
        raise RuleError(f"Unknown review outcome '{outcome_code}'.", "correction.outcome")
    if outcome_code == original.outcome:
        label = vocab["review_outcomes"].label(outcome_code)
        raise RuleError(f"It is already recorded as '{label}'.", "correction.outcome")
    new_effect = _effect(vocab, outcome_code)
    if new_effect == "reschedule":
        raise RuleError("A review that was held cannot be corrected to 'not held': correct "
                        "it to what was concluded.", "correction.outcome")
    if not reason.strip():
        raise RuleError("Say why the outcome is corrected.", "correction.reason")
    corrected = ReviewOutcome(
        outcome=outcome_code, held_on=original.held_on, recorded_by=user, recorded_at=now,
        note=(original.note if note is None else note).strip(),
        evidence_seen=list(original.evidence_seen), level_before=original.level_before,
        reason=original.reason,
    )
    dependants = later_dependants(case, rp, original)
    if dependants:
        corrected.level_after = plan.current_level
        ladder_note = ("Supervision left as it is: " + "; ".join(dependants)
                       + ". Change it at the next review or by an amendment.")
    else:
        level_now = plan.current_level
        _undo(case, original, _effect(vocab, original.outcome), user, now.date())
        apply_effect(case, rp, corrected, new_effect, user=user, today=now.date(), path=path)
        ladder_note = _ladder_words(level_now, plan.current_level, vocab)
    correction = OutcomeCorrection(original=original, corrected_by=user, corrected_at=now,
                                   reason=reason.strip(), ladder_note=ladder_note)
    rp.corrections.append(correction)
    rp.outcome = corrected
    return correction
