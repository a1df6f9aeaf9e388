"""The dashboard across plans: one row per plan, where it stands, and the filters over them.

Pure: built from case digests (domain/case_digest.py: a whole Case is digested first) and
today's date. The screen (ui/screens/plans_dashboard.py) only draws these rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .access import Identity, supervising_users
from .case_digest import CaseDigest, PlanTimes
from .case_digest import case_adviser_of as case_adviser_of  # moved to the digest
from .caseload import is_my_case
from .due import due_status
from .status import BEHIND_EFFECTS, as_digest
from .vocabulary import Vocabularies, default_vocabularies

if TYPE_CHECKING:  # the models are not needed to draw digests: no pydantic on `d` (~0.1 s)
    from .case import Case

COMPLETED_STATES = frozenset({"completed", "completed_with_conditions", "not_completed"})
IN_DELIVERY = frozenset({"active", "extended", "paused"})
COMPLETED_MONTHS = 6  # how far back the "completed" filter looks

# A plan's standing, most pressing first: a row shows the first that applies; the state
# filter matches any that applies. (code, label, short label for 80 columns)
STANDINGS: tuple[tuple[str, str, str], ...] = (
    ("paused", "paused", "paused"),
    ("completion_due", "completion due", "to complete"),
    ("behind", "behind", "behind"),
    ("amendment", "amendment awaiting agreement", "amendment"),
    ("extended", "extended", "extended"),
    ("on_track", "on track", "on track"),
    ("not_started", "signed, not started", "not started"),
    ("completed", "completed", "completed"),
)
STANDING_LABEL = {code: label for code, label, _short in STANDINGS}
STANDING_SHORT = {code: short for code, _label, short in STANDINGS}

# The state filter: "delivery" (the default) is every plan in delivery, "all" every row.
STATE_FILTERS: tuple[tuple[str, str], ...] = (
    ("delivery", "in delivery"),
    *((code, label) for code, label, _short in STANDINGS),
    ("all", "all plans"),
)
STATE_FILTER_CODES = frozenset(code for code, _label in STATE_FILTERS)


@dataclass(frozen=True, slots=True)
class PlanRow:
    case_id: str
    practitioner: str
    organisation: str
    case_adviser: str
    supervisors: tuple[str, ...]
    supervisor_users: tuple[str, ...]  # user names linked to supervising roles
    state: str  # the case's lifecycle state
    standings: tuple[str, ...]  # every STANDINGS code that applies, most pressing first
    stage: int | None  # 1-based number of the current stage
    level: int | None
    ladder: str  # "2[3](4)5": see ladder_bar
    milestone: str  # "Review 2 (4 months)", "stage 3 (L4)", "plan starts"; "" when none
    milestone_on: date | None
    overdue_reviews: int
    last_outcome: str  # its short word ("Step down"), "" before the first review

    @property
    def standing(self) -> str:
        return self.standings[0]

    @property
    def in_delivery(self) -> bool:
        return self.state in IN_DELIVERY

    @property
    def behind(self) -> bool:
        return "behind" in self.standings


def ladder_bar(levels: list[int], current: int | None, planned: int | None) -> str:
    """The plan's stages from the first level to the last, one digit each: the current
    stage in [brackets], and the stage today's date falls in, in (parentheses), when
    the practitioner is not there. Plain characters, so it reads without colour."""
    parts = []
    for n, level in enumerate(levels):
        if n == current:
            parts.append(f"[{level}]")
        elif n == planned:
            parts.append(f"({level})")
        else:
            parts.append(str(level))
    return "".join(parts)


def _planned_stage(times: PlanTimes, today: date) -> int | None:
    """The stage whose dates hold today (the last begun, if the dates leave a gap)."""
    begun = [n for n, (_level, start) in enumerate(times.stages)
             if start is not None and start <= today]
    return begun[-1] if begun else None


def _months_before(day: date, months: int) -> date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    return date(year, month, 28)


def _standings(d: CaseDigest, today: date, overdue: int, vocab: Vocabularies) -> list[str]:
    if d.state in COMPLETED_STATES:
        return ["completed"]
    if d.state == "agreed":
        return ["not_started"]
    times = d.plan_times
    found = []
    if d.state == "paused":
        found.append("paused")
    ended = times.end is not None and today >= times.end
    if d.state != "paused" and (times.final_held or ended):
        found.append("completion_due")
    last = vocab["review_outcomes"].term(d.last_outcome)
    if overdue or (last is not None and last.get("effect") in BEHIND_EFFECTS):
        found.append("behind")
    if times.amendment_proposed:
        found.append("amendment")
    if d.state == "extended":
        found.append("extended")
    return found or ["on_track"]


def _milestone(d: CaseDigest, today: date, standings: list[str]) -> tuple[str, date | None]:
    """The next review point or stage change, whichever comes first."""
    times = d.plan_times
    if d.state == "agreed":
        return "plan starts", times.start
    if "completion_due" in standings:
        return "completion sign-off", times.end
    if d.state not in IN_DELIVERY - {"paused"}:
        return "", None  # a paused plan holds no reviews until it resumes; a closed one none
    found: list[tuple[date, str]] = []
    # Soonest first, undated last; ties keep the plan's order (review.in_date_order).
    pending = sorted(d.open_reviews, key=lambda rp: (rp.due_on is None, rp.due_on or date.max))
    if pending and pending[0].due_on is not None:
        found.append((pending[0].due_on, pending[0].title or "review"))
    following = times.current_stage + 1
    stage = times.stages[following] if following < len(times.stages) else None
    if stage is not None and stage[1] is not None:
        found.append((stage[1], f"stage {following + 1} (L{stage[0]})"))
    if not found:
        return "", None
    when, what = min(found, key=lambda item: item[0])
    return what, when


def plan_row(case: Case | CaseDigest, today: date,
             vocab: Vocabularies | None = None) -> PlanRow | None:
    """The case's row, or None when it has no plan signed (or completed) to show."""
    vocab = vocab or default_vocabularies()
    d = as_digest(case)
    if not d.has_plan or d.state not in IN_DELIVERY | COMPLETED_STATES | {"agreed"}:
        return None
    times = d.plan_times
    running = d.state in {"active", "extended"}
    overdue = sum(due_status(rp.due_on, today) == "overdue" for rp in d.open_reviews) \
        if running else 0
    current = min(times.current_stage, len(times.stages) - 1) if times.stages else None
    levels = [level for level, _start in times.stages]
    planned = _planned_stage(times, today) if d.state in IN_DELIVERY else None
    if d.state in COMPLETED_STATES:
        ladder = "".join(str(level) for level in levels)
    else:
        ladder = ladder_bar(levels, current, planned)
    standings = _standings(d, today, overdue, vocab)
    milestone, when = _milestone(d, today, standings)
    last = vocab["review_outcomes"].term(d.last_outcome)
    return PlanRow(
        case_id=d.id,
        practitioner=d.practitioner,
        organisation=d.organisation,
        case_adviser=d.case_adviser,
        supervisors=d.supervisors,
        supervisor_users=tuple(supervising_users(d)),
        state=d.state,
        standings=tuple(standings),
        stage=current + 1 if current is not None else None,
        level=d.level,
        ladder=ladder,
        milestone=milestone,
        milestone_on=when,
        overdue_reviews=overdue,
        last_outcome=str(last.get("short", last.label)) if last is not None else "",
    )


def plan_rows(cases: Iterable[Case | CaseDigest], today: date,
              vocab: Vocabularies | None = None,
              completed_months: int = COMPLETED_MONTHS) -> list[PlanRow]:
    """A row for each plan in delivery, signed and not started, or completed within the
    last `completed_months` months, in dashboard order (see `order_key`)."""
    vocab = vocab or default_vocabularies()
    since = _months_before(today, completed_months)
    rows = []
    for case in cases:
        d = as_digest(case)
        if d.state in COMPLETED_STATES and (d.closed_on is None or d.closed_on < since):
            continue
        row = plan_row(d, today, vocab)
        if row is not None:
            rows.append(row)
    rows.sort(key=order_key)
    return rows


_GROUP = {"completion_due": 2, "amendment": 3, "not_started": 5, "completed": 6}


def order_key(row: PlanRow) -> tuple[int, date, str]:
    """Overdue reviews first, then plans behind, then completion due, amendments to agree,
    the rest of delivery, not started, completed; within each, the soonest milestone."""
    if row.overdue_reviews:
        group = 0
    elif row.behind:
        group = 1
    else:
        group = min((_GROUP.get(s, 4) for s in row.standings), default=4)
    return (group, row.milestone_on or date.max, row.practitioner.casefold())


@dataclass(frozen=True)
class PlanFilter:
    """The dashboard's filters, combined (all must match). Text filters match part of a
    name, ignoring case; `mine` (the user asking for "my cases") keeps their caseload
    (domain/caseload.is_my_case)."""

    organisation: str = ""
    supervisor: str = ""
    case_adviser: str = ""
    state: str = "delivery"
    mine: Identity | None = None

    def matches(self, row: PlanRow) -> bool:
        if self.organisation.strip().casefold() not in row.organisation.casefold():
            return False
        wanted = self.supervisor.strip().casefold()
        if wanted and not any(wanted in s.casefold() for s in row.supervisors):
            return False
        if self.case_adviser.strip().casefold() not in row.case_adviser.casefold():
            return False
        if self.mine is not None and not is_my_case(self.mine, row.case_adviser,
                                                     row.supervisor_users):
            return False
        return state_matches(self.state, row)

    @property
    def narrowed(self) -> bool:
        """Whether anything beyond the default view is filtered out."""
        return bool(self.organisation.strip() or self.supervisor.strip()
                    or self.case_adviser.strip() or self.mine is not None
                    or self.state != "delivery")


def state_matches(state: str, row: PlanRow) -> bool:
    if state == "all":
        return True
    if state == "delivery":
        return row.in_delivery
    return state in row.standings


def count_line(rows: list[PlanRow]) -> str:
    """'14 plans in delivery · 3 behind · 2 overdue reviews' (of the rows shown)."""
    delivery = sum(r.in_delivery for r in rows)
    behind = sum(r.behind for r in rows)
    overdue = sum(r.overdue_reviews for r in rows)
    parts = [f"{delivery} plan{'' if delivery == 1 else 's'} in delivery",
             f"{behind} behind",
             f"{overdue} overdue review{'' if overdue == 1 else 's'}"]
    others = len(rows) - delivery
    if others:
        parts.append(f"{others} other{'' if others == 1 else 's'}")
    return " · ".join(parts)
