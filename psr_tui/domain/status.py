"""Where each case stands, for the case list, the dashboard and supervisors' review lists.

Worked out from a case digest (domain/case_digest.py) for the day asked; a whole Case is
digested first. `plan_supervisors` lives with the digest and is re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .access import supervising_users
from .case_digest import SUPERVISOR_ROLES, CaseDigest, OpenReview, digest_of, plan_supervisors
from .case_digest import last_outcome_code as last_outcome_code  # plan_overview.py asks here
from .deadlines import most_urgent
from .due import due_status
from .vocabulary import Vocabularies, default_vocabularies

if TYPE_CHECKING:  # lists work from digests: no models (pydantic) at their start-up
    from .case import Case

# States in which review points are expected to be held.
RUNNING_STATES = frozenset({"active", "extended"})
DELIVERY_STATES = frozenset({"agreed", "active", "paused", "extended"})
# Review effects that mean the practitioner is not progressing as planned.
BEHIND_EFFECTS = frozenset({"extend", "enhance", "refer"})
STATUS_ORDER = {"overdue": 0, "due": 1, "upcoming": 2, "done": 3}
__all__ = ["CaseSummary", "ReviewItem", "item_order", "plan_supervisors", "review_items",
           "summarise", "urgency_key"]


@dataclass(frozen=True, slots=True)
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
    case_adviser: str  # case_digest.case_adviser_of
    supervisor_users: tuple[str, ...]  # access.supervising_users: with it, "my cases"


@dataclass(frozen=True, slots=True)
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

    @property
    def key(self) -> str:
        """One review point of one case: "case-id/rp-id" (a list row's key)."""
        return f"{self.case_id}/{self.review_point_id}"


def plan_progress(case: Case | CaseDigest, today: date, vocab: Vocabularies | None = None) -> str:
    """on track / behind / extended, or "" when no plan is running."""
    d = as_digest(case)
    if not d.has_plan or d.state not in RUNNING_STATES | {"paused"}:
        return ""
    outcomes = (vocab or default_vocabularies())["review_outcomes"]
    last = outcomes.term(d.last_outcome)
    overdue = any(due_status(rp.due_on, today) == "overdue" for rp in d.open_reviews)
    if overdue or (last is not None and last.get("effect") in BEHIND_EFFECTS):
        return "behind"
    if d.state == "extended":
        return "extended"
    return "on track"


def as_digest(case: Case | CaseDigest) -> CaseDigest:
    return case if isinstance(case, CaseDigest) else digest_of(case)


def summarise(case: Case | CaseDigest, today: date,
              vocab: Vocabularies | None = None) -> CaseSummary:
    vocab = vocab or default_vocabularies()
    d = as_digest(case)
    running = d.has_plan and d.state in RUNNING_STATES
    pending = sorted(d.open_reviews, key=lambda rp: (rp.due_on is None, rp.due_on or date.max)) \
        if d.has_plan and d.state in DELIVERY_STATES else []
    upcoming = pending[0] if pending else None
    statuses = [due_status(rp.due_on, today) for rp in pending] if running else []
    deadline = most_urgent(d.deadlines, today, d.nation) if d.deadlines else None
    return CaseSummary(
        id=d.id,
        practitioner=d.practitioner,
        profession=d.profession,
        organisation=d.organisation,
        plan_type=d.plan_type,
        state=d.state,
        state_label=vocab["lifecycle_states"].label(d.state),
        level=d.level,
        level_label=vocab["supervision_levels"].label(str(d.level)) if d.level is not None
        else "",
        next_review_id=upcoming.id if upcoming else "",
        next_review_due=upcoming.due_on if upcoming else None,
        next_review_status=due_status(upcoming.due_on, today) if upcoming else "",
        overdue_reviews=statuses.count("overdue"),
        due_this_week=statuses.count("due"),
        reviewers=d.supervisors,
        deadline_name=deadline.name if deadline else "",
        deadline_days_left=deadline.days_left if deadline else None,
        deadline_breached=deadline.breached if deadline else False,
        plan_progress=plan_progress(d, today, vocab),
        evidence_expected=d.evidence_expected,
        evidence_seen=d.evidence_seen,
        case_adviser=d.case_adviser,
        supervisor_users=tuple(supervising_users(d)),
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


def _is_reviewer(d: CaseDigest, rp: OpenReview, reviewer: str) -> bool:
    """A review point with no named reviewer falls to the plan's supervisors."""
    wanted = reviewer.strip().lower()
    if rp.reviewer.strip():
        return rp.reviewer.strip().lower() == wanted
    return any(r.person.strip().lower() == wanted for r in d.links
               if r.role in SUPERVISOR_ROLES)


def review_items(
    cases: Iterable[Case | CaseDigest],
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
        d = as_digest(case)
        if not d.has_plan or d.state not in RUNNING_STATES:
            continue
        if organisation is not None and d.organisation != organisation:
            continue
        for rp in d.open_reviews:
            status = due_status(rp.due_on, today)
            if status not in wanted:
                continue
            if reviewer is not None and not _is_reviewer(d, rp, reviewer):
                continue
            items.append(ReviewItem(
                case_id=d.id, practitioner=d.practitioner, organisation=d.organisation,
                review_point_id=rp.id, title=rp.title, due_on=rp.due_on, status=status,
                reviewer=rp.reviewer, level=d.level,
            ))
    items.sort(key=item_order)
    return items


def item_order(item: ReviewItem) -> tuple[int, date, str]:
    """Review items' order: overdue first, then by due date, then practitioner."""
    return (STATUS_ORDER.get(item.status, 9), item.due_on or date.max, item.practitioner)
