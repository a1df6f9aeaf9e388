"""The log between reviews (issue 10, seed 000 8.1 "Monitoring of progress"): supervisor
meetings, workplace-based assessments with their ratings and MSF rounds, each dated and
attributed. Entries are only ever added (the store's audit keeps who entered each); the
review outcome form starts from what was logged since the last review.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from .case import Case
from .errors import RuleError
from .plan import AssessmentSeen, LogEntry, Plan, ReviewPoint
from .review import RECORDABLE_STATES
from .safe_text import refusal
from .signatories import signatory_name
from .vocabulary import Vocabularies, default_vocabularies

KINDS = "log_entry_kinds"
ACTION = "review.log"  # a review-point update: access.REVIEW_RECORD
# The log follows a plan in delivery; a paused plan still meets and assesses.
LOGGABLE_STATES = RECORDABLE_STATES | {"paused"}
MAX_COUNT = 99


def entry_tool(kind: str, tool: str, vocab: Vocabularies) -> str:
    """The assessment tool an entry counts as: its kind's own (an MSF round is MSF), the
    one chosen for a workplace-based assessment, or "" for a meeting."""
    term = vocab[KINDS].term(kind)
    if term is None or term.get("tool") is None:
        return ""
    return str(term.get("tool")) or tool


def add_log_entry(
    case: Case, *, kind: str, held_on: date, by: str, user: str, now: datetime,
    today: date, tool: str = "", count: int = 1, rating: str = "", note: str = "",
    vocab: Vocabularies | None = None,
) -> LogEntry:
    """Append one entry to the plan's log; refuses what the form cannot have meant (an
    unknown kind or tool, a rating off the tool's scale, a date ahead of today or before
    the plan started, no one named)."""
    vocab = vocab or default_vocabularies()
    plan = case.plan
    if plan is None or case.state not in LOGGABLE_STATES:
        raise RuleError("The log is kept while a plan is in delivery.", "plan.log")
    kind_term = vocab[KINDS].term(kind)
    if kind_term is None:
        raise RuleError("Choose what is logged: a supervisor meeting, an assessment or an "
                        "MSF round.", "log.kind")
    tool = entry_tool(kind, tool, vocab)
    if kind_term.get("tool") is not None:  # an assessment: a tool, a count, its rating
        tool_term = vocab["wba_types"].term(tool)
        if tool_term is None:
            raise RuleError("Choose the assessment tool.", "log.tool")
        scale = [str(r) for r in tool_term.get("ratings", [])]
        if rating and rating not in scale:
            raise RuleError(f"'{rating}' is not on the {tool} scale: {', '.join(scale)}.",
                            "log.rating")
        if not 1 <= count <= MAX_COUNT:
            raise RuleError(f"How many: 1 to {MAX_COUNT}.", "log.count")
    else:
        count, rating = 1, ""
    if held_on > today:
        raise RuleError(f"{held_on.isoformat()} is in the future: log what has happened.",
                        "log.held_on")
    if plan.start_date is not None and held_on < plan.start_date:
        raise RuleError(f"{held_on.isoformat()} is before the plan started "
                        f"({plan.start_date.isoformat()}).", "log.held_on")
    by = signatory_name(by, "log.by", "Name who held it or did the assessment.")
    note = note.strip()
    for label, text, path in (("The name", by, "log.by"), ("The note", note, "log.note")):
        if problem := refusal(label, text):
            raise RuleError(problem, path)
    entry = LogEntry(kind=kind, held_on=held_on, by=by, tool=tool, count=count, rating=rating,
                     note=note, recorded_by=user, recorded_at=now)
    plan.log.append(entry)
    return entry


def in_date_order(entries: Sequence[LogEntry]) -> list[LogEntry]:
    """Oldest first; entries of one day in the order they were entered."""
    return sorted(entries, key=lambda e: e.held_on or date.min)


def since_last_review(plan: Plan, rp: ReviewPoint) -> list[LogEntry]:
    """The entries a review at `rp` has not yet seen: held after the latest review held
    before it (every entry, before the first), up to its own due date or today."""
    held = [p.outcome.held_on for p in plan.review_points
            if p.id != rp.id and p.outcome is not None and p.outcome.held_on is not None
            and (rp.due_on is None or p.outcome.held_on <= rp.due_on)]
    after = max(held) if held else None
    return [e for e in in_date_order(plan.log)
            if e.held_on is not None and (after is None or e.held_on > after)]


def logged_assessments(entries: Sequence[LogEntry]) -> list[AssessmentSeen]:
    """The entries' assessments, one per tool: how many in all and the latest rating (what
    the outcome form's checklist starts from)."""
    by_tool: dict[str, AssessmentSeen] = {}
    for entry in in_date_order(entries):
        if not entry.tool:
            continue
        seen = by_tool.setdefault(entry.tool, AssessmentSeen(tool=entry.tool, count=0))
        seen.count += max(entry.count, 1)
        seen.rating = entry.rating or seen.rating
    return list(by_tool.values())


def logged_summary(entries: Sequence[LogEntry], vocab: Vocabularies | None = None) -> str:
    """'2 supervisor meetings, CbD x2, MSF x1' (counts, in the vocabulary's order)."""
    vocab = vocab or default_vocabularies()
    meetings = sum(1 for e in entries if not e.tool)
    parts = [f"{meetings} supervisor meeting{'s' if meetings != 1 else ''}"] if meetings else []
    parts += [f"{seen.tool} x{seen.count}" for seen in logged_assessments(entries)]
    return ", ".join(parts) or "nothing"
