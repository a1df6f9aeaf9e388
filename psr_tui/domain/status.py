"""Where each case stands, for the case list, the dashboard and supervisors' review lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .case import Case
from .deadlines import most_urgent
from .plan import Plan, ReviewPoint
from .review import open_review_points, review_status
from .vocabulary import Vocabularies, default_vocabularies

# States in which review points are expected to be held.
RUNNING_STATES = frozenset({"active", "extended"})
DELIVERY_STATES = frozenset({"agreed", "active", "paused", "extended"})
SUPERVISOR_ROLES = ("clinical_supervisor", "educational_supervisor")
# Review effects that mean the practitioner is not progressing as planned.
BEHIND_EFFECTS = frozenset({"extend", "enhance", "refer"})
STATUS_ORDER = {"overdue": 0, "due": 1, "upcoming": 2, "done": 3}


@dataclass(frozen=True)
class CaseSummary:
    id: str
    practitioner: str
    profession: str
    organisation: str
    plan_type: str
    state: str
    state_label: str
    level: int | None
    level_label: str
    next_review_id: str
    next_review_due: date | None
    next_review_status: str
    overdue_reviews: int
    due_this_week: int
    reviewers: tuple[str, ...]
    deadline_name: str
    deadline_days_left: int | None
    deadline_breached: bool
    plan_progress: str
    evidence_expected: int
    evidence_seen: int


@dataclass(frozen=True)
class ReviewItem:
    case_id: str
    practitioner: str
    organisation: str
    review_point_id: str
    title: str
    due_on: date | None
    status: str
    reviewer: str
    level: int | None


def last_outcome_code(plan: Plan) -> str:
    """The outcome code of the review held last ("" when none has been held)."""
    held = [rp.outcome for rp in plan.review_points if rp.outcome is not None]
    held.sort(key=lambda o: (o.held_on or date.min, o.recorded_at is not None))
    return held[-1].outcome if held else ""


def plan_progress(case: Case, today: date, vocab: Vocabularies | None = None) -> str:
    """on track / behind / extended, or "" when no plan is running."""
    plan = case.plan
    if plan is None or case.state not in RUNNING_STATES | {"paused"}:
        return ""
    outcomes = (vocab or default_vocabularies())["review_outcomes"]
    last = outcomes.term(last_outcome_code(plan))
    overdue = any(review_status(rp, today) == "overdue" for rp in plan.review_points)
    if overdue or (last is not None and last.get("effect") in BEHIND_EFFECTS):
        return "behind"
    if case.state == "extended":
        return "extended"
    return "on track"


def plan_supervisors(plan: Plan) -> list[str]:
    """Names of the people who hold reviews: named reviewers, then supervisors' roles."""
    names = [rp.reviewer for rp in plan.review_points]
    names += [r.person for r in plan.roles if r.role in SUPERVISOR_ROLES]
    seen: dict[str, None] = {}
    for name in names:
        if name.strip():
            seen.setdefault(name.strip(), None)
    return list(seen)


def _evidence_counts(plan: Plan) -> tuple[int, int]:
    """Expected-evidence items listed for the reviews held so far, and the number of
    assessments the reviewers recorded seeing at them (two counts, not a ratio: the
    expected items are free text, the assessments are counted by tool)."""
    held = [rp for rp in plan.review_points if rp.outcome is not None]
    expected = sum(len(rp.expected_evidence) for rp in held)
    seen = sum(a.count for rp in held if rp.outcome for a in rp.outcome.evidence_seen)
    return expected, seen


def summarise(case: Case, today: date, vocab: Vocabularies | None = None) -> CaseSummary:
    vocab = vocab or default_vocabularies()
    plan = case.plan
    level = plan.current_level if plan is not None else None
    running = plan is not None and case.state in RUNNING_STATES
    pending = open_review_points(plan) if plan is not None and case.state in DELIVERY_STATES else []
    upcoming = pending[0] if pending else None
    statuses = [review_status(rp, today) for rp in pending] if running else []
    deadline = most_urgent(case, today)
    expected, seen = _evidence_counts(plan) if plan is not None else (0, 0)
    return CaseSummary(
        id=case.id,
        practitioner=case.practitioner_name,
        profession=case.request.practitioner.profession,
        organisation=case.organisation_name,
        plan_type=case.request.plan_type,
        state=case.state,
        state_label=vocab["lifecycle_states"].label(case.state),
        level=level,
        level_label=vocab["supervision_levels"].label(str(level)) if level is not None else "",
        next_review_id=upcoming.id if upcoming else "",
        next_review_due=upcoming.due_on if upcoming else None,
        next_review_status=review_status(upcoming, today) if upcoming else "",
        overdue_reviews=statuses.count("overdue"),
        due_this_week=statuses.count("due"),
        reviewers=tuple(plan_supervisors(plan)) if plan is not None else (),
        deadline_name=deadline.name if deadline else "",
        deadline_days_left=deadline.days_left if deadline else None,
        deadline_breached=deadline.breached if deadline else False,
        plan_progress=plan_progress(case, today, vocab),
        evidence_expected=expected,
        evidence_seen=seen,
    )


def urgency_key(summary: CaseSummary) -> tuple[int, date, int, str]:
    """Sort key: overdue reviews and breached deadlines first, then whatever is due soonest."""
    if summary.overdue_reviews or summary.deadline_breached:
        group = 0
    elif summary.due_this_week:
        group = 1
    else:
        group = 2
    days_left = summary.deadline_days_left if summary.deadline_days_left is not None else 10**6
    return (group, summary.next_review_due or date.max, days_left, summary.practitioner.lower())


def _is_reviewer(plan: Plan, rp: ReviewPoint, reviewer: str) -> bool:
    """A review point with no named reviewer falls to the plan's supervisors."""
    wanted = reviewer.strip().lower()
    if rp.reviewer.strip():
        return rp.reviewer.strip().lower() == wanted
    return any(r.person.strip().lower() == wanted for r in plan.roles if r.role in SUPERVISOR_ROLES)


def review_items(
    cases: Iterable[Case],
    today: date,
    *,
    reviewer: str | None = None,
    organisation: str | None = None,
    statuses: Iterable[str] = ("overdue", "due"),
) -> list[ReviewItem]:
    """Review points to hold on running plans, overdue first then by due date."""
    wanted = set(statuses)
    items: list[ReviewItem] = []
    for case in cases:
        plan = case.plan
        if plan is None or case.state not in RUNNING_STATES:
            continue
        if organisation is not None and case.organisation_name != organisation:
            continue
        for rp in plan.review_points:
            status = review_status(rp, today)
            if status not in wanted:
                continue
            if reviewer is not None and not _is_reviewer(plan, rp, reviewer):
                continue
            items.append(
                ReviewItem(
                    case_id=case.id,
                    practitioner=case.practitioner_name,
                    organisation=case.organisation_name,
                    review_point_id=rp.id,
                    title=rp.title,
                    due_on=rp.due_on,
                    status=status,
                    reviewer=rp.reviewer,
                    level=plan.current_level,
                )
            )
    items.sort(key=lambda i: (STATUS_ORDER.get(i.status, 9), i.due_on or date.max, i.practitioner))
    return items
