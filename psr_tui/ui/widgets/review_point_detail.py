"""Text for a plan's review points: status marks, evidence seen against expected, amendments.

Text marks carry the meaning (✓ done, ! overdue, • due, · upcoming; [x] seen, [ ] not
seen) so the view reads the same with NO_COLOR.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from ...domain.amendment_content import amendment_diff
from ...domain.amendments import end_date_change
from ...domain.plan import Plan, ReviewOutcome, ReviewPoint
from ...domain.review import review_status
from ...domain.vocabulary import Vocabularies
from ..dialogs.amendment_agreement import agreement_state
from ..wording import clipped, in_markup

STATUS_MARK = {"done": "✓ done", "overdue": "! OVERDUE", "due": "• due", "upcoming": "· upcoming"}


def evidence_counts(rp: ReviewPoint) -> tuple[int, int, int]:
    """(expected items seen, expected items, other assessments seen)."""
    seen = rp.outcome.evidence_seen if rp.outcome else []
    tools = {a.tool for a in seen}
    matched = sum(1 for text in rp.expected_evidence if text in tools)
    others = sum(a.count for a in seen if a.tool not in rp.expected_evidence)
    return matched, len(rp.expected_evidence), others


def review_row(rp: ReviewPoint, today: date, vocab: Vocabularies) -> tuple[Text | str, ...]:
    status = review_status(rp, today)
    outcome = vocab["review_outcomes"].label(rp.outcome.outcome) if rp.outcome else ""
    if not outcome and rp.history:
        outcome = f"rescheduled ×{len(rp.history)}"
    matched, expected, others = evidence_counts(rp)
    evidence = f"{matched}/{expected}" + (f" +{others} WBA" if others else "") if rp.outcome else ""
    return (
        Text(STATUS_MARK[status], style="bold" if status == "overdue" else ""),
        rp.due_on.strftime("%d %b %y") if rp.due_on else "--",
        clipped(rp.title, 22),
        clipped(outcome, 18),
        evidence,
    )


def _outcome_lines(o: ReviewOutcome, vocab: Vocabularies) -> list[str]:
    levels = vocab["supervision_levels"]
    held = o.held_on.isoformat() if o.held_on else "?"
    lines = [f"Outcome: {in_markup(vocab['review_outcomes'].label(o.outcome))} · held {held} "
             f"by {in_markup(o.recorded_by)}"]
    if o.level_before is not None and o.level_after is not None:
        lines.append(f"Supervision: {levels.label(str(o.level_before))} → "
                     f"{levels.label(str(o.level_after))}")
    if o.note:
        lines.append(f"Note: {in_markup(o.note)}")
    if o.amendment_id:
        lines.append(f"Proposed amendment: {in_markup(o.amendment_id)}")
    return lines


def detail_text(rp: ReviewPoint, today: date, vocab: Vocabularies) -> str:
    """Expected evidence ticked against what was seen, the outcome, earlier reschedules."""
    status = review_status(rp, today)
    lines = [f"[b]{in_markup(rp.title)}[/b] · {STATUS_MARK[status]}"
             + (f" · reviewer {in_markup(rp.reviewer)}" if rp.reviewer else "")]
    seen = rp.outcome.evidence_seen if rp.outcome else []
    tools = {a.tool for a in seen}
    lines.append("Expected evidence:")
    for text in rp.expected_evidence or ["(none listed)"]:
        mark = "[x]" if text in tools else "[ ]"
        lines.append(f"  {in_markup(mark)} {in_markup(text)}")
    assessments = [a for a in seen if a.tool not in rp.expected_evidence]
    if assessments:
        shown = ", ".join(
            in_markup(a.tool)
            + (f" ×{a.count}" if a.count > 1 else "")
            + (f" ({in_markup(a.rating)})" if a.rating else "")
            for a in assessments
        )
        lines.append(f"Assessments seen: {shown}")
    if rp.outcome:
        lines += _outcome_lines(rp.outcome, vocab)
    for missed in rp.history:
        new = missed.reschedule_to.isoformat() if missed.reschedule_to else "?"
        reason = in_markup(missed.reason)
        lines.append(f"Not held {missed.held_on or '?'}: moved to {new} ({reason})")
    for fixed in rp.corrections:  # the outcome first recorded is never hidden
        was = in_markup(vocab["review_outcomes"].label(fixed.original.outcome))
        lines.append(f"Corrected from '{was}' (recorded by {in_markup(fixed.original.recorded_by)})"
                     f" by {in_markup(fixed.corrected_by)}: {in_markup(fixed.reason)}")
    return "\n".join(lines)


def amendments_text(plan: Plan) -> str:
    if not plan.amendments:
        return "Amendments: none proposed."
    lines = ["[b]Amendments[/b]"]
    for a in plan.amendments:
        # An imported amendment may have no description: its first line is then empty.
        first = in_markup(a.headline)
        if a.status == "proposed":
            lines.append(f"  ⧗ proposed {a.proposed_on or ''}: {first}")
        elif a.status == "agreed":
            lines.append(f"  ✓ agreed (version {a.applied_in_version}): {first}")
        else:
            lines.append(f"  ✗ {in_markup(a.status)}: {first}")
        change = end_date_change(plan, a)
        if change is not None:
            # The description is free text: the date is what actually changes.
            lines.append(f"      {change.describe()}")
        else:
            lines += [f"      {in_markup(line)}" for line in amendment_diff(plan, a)]
        if a.status == "proposed":
            lines.append(f"      {in_markup(agreement_state(a))}")
    return "\n".join(lines)
