"""Recording what a review point concluded, and what that does to the plan (000 8.1-8.4).

Each outcome in data/vocabularies/review_outcomes.toml carries an `effect`:
step_down, stay, extend, enhance, shorten, refer or reschedule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from .amendments import propose_amendment
from .case import Case
from .due import DUE_WINDOW_DAYS as DUE_WINDOW_DAYS
from .due import due_status
from .errors import AlreadyRecorded, RuleError
from .objective_progress import checked_progress
from .plan import AssessmentSeen, ObjectiveProgress, Plan, ReviewOutcome, ReviewPoint
from .schedule import add_months
from .supervision import condition_name, supervision_floor
from .vocabulary import Vocabularies, default_vocabularies

RECORDABLE_STATES = frozenset({"active", "extended"})
DEFAULT_EXTENSION_MONTHS = 2


def review_status(rp: ReviewPoint, today: date) -> str:
    """done / overdue / due (within a week) / upcoming."""
    return "done" if rp.outcome is not None else due_status(rp.due_on, today)


def in_date_order(points: Iterable[ReviewPoint]) -> list[ReviewPoint]:
    """Soonest first, undated last; ties keep their order (a final review stays last)."""
    return sorted(points, key=lambda rp: (rp.due_on is None, rp.due_on or date.max))


def open_review_points(plan: Plan) -> list[ReviewPoint]:
    """Review points not yet held, soonest first (undated ones last)."""
    return in_date_order(rp for rp in plan.review_points if rp.outcome is None)


def recording_refusal(case: Case) -> str:
    """Why no review outcome can be recorded on this case now; "" when one can. The screens
    ask before opening the outcome form, so nobody fills it in only to be refused."""
    if case.plan is None:
        return "This case has no plan."
    if case.state in RECORDABLE_STATES:
        return ""
    state = case.state.replace("_", " ")
    return f"This plan is {state}: reviews are recorded only on an active or extended plan."


def latest_recorded(plan: Plan) -> ReviewPoint | None:
    """The review point whose outcome was recorded last (by the date it was held, else its
    due date): what a progress report is about when nobody chose a review point."""
    recorded = [(i, rp) for i, rp in enumerate(plan.review_points) if rp.outcome is not None]
    if not recorded:
        return None

    def when(item: tuple[int, ReviewPoint]) -> tuple[date, int]:
        i, rp = item
        held = rp.outcome.held_on if rp.outcome else None
        return (held or rp.due_on or date.min, i)

    return max(recorded, key=when)[1]


def _already_recorded(rp: ReviewPoint, outcome: ReviewOutcome) -> str:
    when = f" at {outcome.recorded_at:%Y-%m-%d %H:%M}" if outcome.recorded_at else ""
    return f"'{rp.title}' was already recorded by {outcome.recorded_by or 'someone'}{when}."


def _append_note(outcome: ReviewOutcome, text: str) -> None:
    outcome.note = f"{outcome.note}\n{text}".strip()


def _step_down(case: Case, plan: Plan, outcome: ReviewOutcome) -> None:
    if not plan.stages or plan.current_stage >= len(plan.stages) - 1:
        # Satisfactory progress is still worth recording; there is just nowhere to go.
        _append_note(outcome, "Already at the last supervision stage: no further step down.")
        return
    target = plan.stages[plan.current_stage + 1]
    # The conditions in force at the stage stepped into: one lifted on entry to it no
    # longer holds supervision back, one lifted by a recorded decision never does.
    floor = supervision_floor(case, plan.current_stage + 2)
    if floor is not None and target.level > floor[0]:
        level, condition = floor
        raise RuleError(
            f"Cannot step down to level {target.level}: {condition_name(case, condition)} "
            f"allows at most level {level}.",
            "plan.current_stage",
        )
    plan.current_stage += 1


def stage_move(plan: Plan, effect: str) -> tuple[int, int] | None:
    """(level now, level after) for an outcome's effect that moves the ladder ("step_down",
    "enhance"), so the move is shown before it is confirmed; None when it moves nothing."""
    if not plan.stages:
        return None
    now = min(plan.current_stage, len(plan.stages) - 1)
    target = {"step_down": now + 1, "enhance": now - 1}.get(effect)
    if target is None or not 0 <= target < len(plan.stages):
        return None
    return plan.stages[now].level, plan.stages[target].level


def _enhance(plan: Plan, outcome: ReviewOutcome) -> None:
    if plan.current_stage > 0:
        plan.current_stage -= 1
    else:
        _append_note(outcome, "Already at the closest supervision stage.")


def _due_dates(plan: Plan) -> list[date]:
    return sorted(rp.due_on for rp in plan.review_points if rp.due_on is not None)


def _review_interval(plan: Plan, rp: ReviewPoint) -> timedelta | None:
    """The gap between this review point and its neighbour in the schedule."""
    dates = _due_dates(plan)
    if rp.due_on is None or len(dates) < 2:
        return None
    later = [d for d in dates if d > rp.due_on]
    earlier = [d for d in dates if d < rp.due_on]
    if later:
        return later[0] - rp.due_on
    if earlier:
        return rp.due_on - earlier[-1]
    return None


def _duration_change_pending(plan: Plan, outcome: ReviewOutcome) -> bool:
    """A second change of duration waits for the first to be agreed or withdrawn; the
    review outcome is still recorded."""
    pending = any(a.kind == "duration" and a.status == "proposed" for a in plan.amendments)
    if pending:
        _append_note(outcome, "A change of duration is already awaiting agreement.")
    return pending


def _propose_extension(
    case: Case, plan: Plan, rp: ReviewPoint, outcome: ReviewOutcome, user: str, today: date
) -> str:
    if _duration_change_pending(plan, outcome):
        return ""
    if plan.end_date is None:
        raise RuleError("The plan has no end date to extend.", "plan.end_date")
    interval = _review_interval(plan, rp)
    new_end = (
        plan.end_date + interval
        if interval
        else add_months(plan.end_date, DEFAULT_EXTENSION_MONTHS)
    )
    amendment = propose_amendment(
        case,
        "duration",
        f"Extend the plan to {new_end.isoformat()} (insufficient progress at '{rp.title}').",
        {"end_date": new_end.isoformat()},
        user,
        today,
    )
    return amendment.id


def _propose_shortening(
    case: Case, plan: Plan, rp: ReviewPoint, outcome: ReviewOutcome, user: str, today: date
) -> str:
    upcoming = [
        r.due_on
        for r in plan.review_points
        if r.id != rp.id and r.outcome is None and r.due_on is not None and r.due_on > today
    ]
    if _duration_change_pending(plan, outcome):
        return ""
    new_end = min(upcoming, default=None)
    if new_end is None or (plan.end_date is not None and new_end >= plan.end_date):
        _append_note(outcome, "No later review point to shorten to: consider signing off.")
        return ""
    amendment = propose_amendment(
        case,
        "duration",
        f"Shorten the plan to end on {new_end.isoformat()} (ahead of plan at '{rp.title}').",
        {"end_date": new_end.isoformat()},
        user,
        today,
    )
    return amendment.id


def _check_new_date(
    plan: Plan, rp: ReviewPoint, new: date | None, today: date, path: str
) -> None:
    """A review not held moves to a date still ahead (today at the earliest), later than
    the one missed, and inside the plan: past its end it needs a duration amendment."""
    if new is None:
        raise RuleError("Give the new date for the review.", path)
    if new < today:
        raise RuleError(
            f"{new.isoformat()} is in the past: give today ({today.isoformat()}) or later.", path
        )
    if rp.due_on is not None and new <= rp.due_on:
        raise RuleError(f"Give a new date after the missed one ({rp.due_on.isoformat()}).", path)
    if plan.end_date is not None and new > plan.end_date:
        raise RuleError(
            f"The plan ends on {plan.end_date.isoformat()}: move the review to that date or "
            "earlier, or first agree an amendment that extends the plan.",
            path,
        )


def record_review(
    case: Case,
    review_point_id: str,
    outcome_code: str,
    *,
    user: str,
    now: datetime,
    held_on: date,
    note: str = "",
    evidence_seen: Sequence[AssessmentSeen] = (),
    objective_progress: Sequence[ObjectiveProgress] = (),
    reschedule_to: date | None = None,
    reason: str = "",
    vocab: Vocabularies | None = None,
) -> ReviewOutcome:
    """Record the outcome of a review point and apply its effect to the plan; progress
    against each objective is optional (a review not held records none)."""
    plan = case.plan
    if plan is None:
        raise RuleError("This case has no plan.", "plan")
    rp = plan.review_point(review_point_id)
    if rp is None:
        raise RuleError(f"Unknown review point '{review_point_id}'.", "plan.review_points")
    path = f"plan.review_points[{plan.review_points.index(rp)}]"
    if rp.outcome is not None:
        raise AlreadyRecorded(_already_recorded(rp, rp.outcome), f"{path}.outcome")
    refusal = recording_refusal(case)
    if refusal:
        raise RuleError(refusal, "state")
    term = (vocab or default_vocabularies())["review_outcomes"].term(outcome_code)
    if term is None:
        raise RuleError(f"Unknown review outcome '{outcome_code}'.", f"{path}.outcome")
    if held_on > now.date():
        raise RuleError("A review cannot be recorded before it is held.", f"{path}.held_on")
    effect = str(term.get("effect", "stay"))
    progress = checked_progress(plan, objective_progress, f"{path}.outcome.objective_progress",
                                vocab)
    outcome = ReviewOutcome(
        outcome=outcome_code,
        held_on=held_on,
        recorded_by=user,
        recorded_at=now,
        note=note.strip(),
        evidence_seen=list(evidence_seen),
        objective_progress=progress,
        level_before=plan.current_level,
        reason=reason.strip(),
    )
    today = now.date()
    if effect == "reschedule":
        _check_new_date(plan, rp, reschedule_to, today, f"{path}.due_on")
        if not outcome.reason:
            raise RuleError("Say why the review was not held.", f"{path}.reason")
        outcome.reschedule_to = reschedule_to
        outcome.objective_progress = []  # not held: nothing was assessed
        outcome.level_after = plan.current_level
        rp.history.append(outcome)
        rp.due_on = reschedule_to
        return outcome
    apply_effect(case, rp, outcome, effect, user=user, today=today, path=path)
    rp.outcome = outcome
    return outcome


def apply_effect(
    case: Case, rp: ReviewPoint, outcome: ReviewOutcome, effect: str, *,
    user: str, today: date, path: str,
) -> None:
    """What a held review's outcome does to the plan (not 'reschedule': a review not held
    only moves); sets `outcome.level_after`. Shared by recording and correcting."""
    plan = case.plan
    assert plan is not None
    if effect == "step_down":
        _step_down(case, plan, outcome)
    elif effect == "enhance":
        _enhance(plan, outcome)
    elif effect == "extend":
        outcome.amendment_id = _propose_extension(case, plan, rp, outcome, user, today)
    elif effect == "shorten":
        outcome.amendment_id = _propose_shortening(case, plan, rp, outcome, user, today)
    elif effect == "refer":
        if not outcome.note:
            raise RuleError("Say why the plan is no longer appropriate.", f"{path}.note")
        case.state = "paused"
    outcome.level_after = plan.current_level
