"""Progress against each objective: recorded at a review point and as the final position at
completion (000 8.1, seed 003 "Monitoring of progress" and "Finish").

Optional at a review (the quick review's four keys still record the outcome alone): an
objective left unrated is simply not recorded there.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .errors import RuleError
from .plan import ObjectiveProgress, Plan, ReviewPoint
from .safe_text import refusal
from .vocabulary import Vocabularies, default_vocabularies

VOCABULARY = "objective_progress"


def checked_progress(
    plan: Plan, progress: Sequence[ObjectiveProgress], path: str,
    vocab: Vocabularies | None = None,
) -> list[ObjectiveProgress]:
    """The entries worth keeping (a rating or a note), in the plan's objective order;
    refuses an objective not in the plan, an unknown rating, a note without a rating,
    control characters, or one objective twice."""
    ratings = (vocab or default_vocabularies())[VOCABULARY]
    by_objective: dict[str, ObjectiveProgress] = {}
    for entry in progress:
        objective = plan.objective(entry.objective_id)
        if objective is None:
            raise RuleError(f"No objective '{entry.objective_id}' in this plan.", path)
        number = plan.objectives.index(objective) + 1
        note = entry.note.strip()
        if problem := refusal(f"Objective {number}'s note", note):
            raise RuleError(problem, path)
        if not entry.rating and not note:
            continue
        if entry.rating not in ratings:
            raise RuleError(
                f"Objective {number}: rate its progress ("
                + ", ".join(t.label.lower() for t in ratings.terms) + ").", path)
        if entry.objective_id in by_objective:
            raise RuleError(f"Objective {number} is rated twice.", path)
        by_objective[entry.objective_id] = ObjectiveProgress(
            objective_id=entry.objective_id, rating=entry.rating, note=note)
    return [by_objective[o.id] for o in plan.objectives if o.id in by_objective]


def held_in_order(plan: Plan) -> list[ReviewPoint]:
    """Review points held, in the order they were held (else due)."""
    def when(rp: ReviewPoint) -> date:
        held = rp.outcome.held_on if rp.outcome else None
        return held or rp.due_on or date.min

    return sorted((rp for rp in plan.review_points if rp.outcome is not None), key=when)


def latest_progress(plan: Plan) -> dict[str, ObjectiveProgress]:
    """Each objective's most recent rating across the reviews held: what the next review's
    form starts from, and the final position when completion records none of its own."""
    latest: dict[str, ObjectiveProgress] = {}
    for rp in held_in_order(plan):
        assert rp.outcome is not None
        for entry in rp.outcome.objective_progress:
            latest[entry.objective_id] = entry
    return latest
