"""What was put right along the way: corrected review outcomes (the original as first
recorded, who corrected it, when and why) and the advice each paused plan resumed on.

A correction never hides what was first recorded: every progress document that shows an
outcome shows the outcomes it replaced.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.case import Case
from ..domain.plan import ReviewPoint
from ..domain.vocabulary import Vocabularies
from .markdown import Document
from .sections import fmt_date, label, level_text


def corrections_section(doc: Document, points: Iterable[ReviewPoint],
                        vocab: Vocabularies) -> None:
    """A table of every corrected outcome of `points` (nothing when none was corrected)."""
    rows = []
    for rp in points:
        for c in rp.corrections:
            o = c.original
            when = f"{c.corrected_at:%Y-%m-%d %H:%M}" if c.corrected_at else ""
            rows.append((
                rp.title,
                f"{label(vocab, 'review_outcomes', o.outcome)} "
                f"(recorded by {o.recorded_by or 'unknown'}, "
                f"supervision {level_text(vocab, o.level_before)} → "
                f"{level_text(vocab, o.level_after)})",
                f"{c.corrected_by} {when}".strip(),
                c.reason,
                c.ladder_note,
            ))
    if not rows:
        return
    doc.heading(2, "Corrected outcomes")
    doc.paragraph("Each outcome below was recorded and later corrected; the outcome shown "
                  "above is the corrected one.")
    doc.table(("Review point", "Originally recorded", "Corrected by", "Reason", "Supervision"),
              rows)


def resumptions_section(doc: Document, case: Case) -> None:
    """When a paused plan resumed and the advice it resumed on."""
    if not case.resumptions:
        return
    doc.heading(2, "Resumed after advice")
    doc.table(("Resumed on", "By", "Advice received"), [
        (fmt_date(r.resumed_on), r.resumed_by, r.advice) for r in case.resumptions
    ])


def withdrawal_section(doc: Document, case: Case) -> None:
    """Why and when a case was withdrawn."""
    w = case.withdrawal
    if w is None:
        return
    doc.heading(2, "Withdrawn")
    doc.fields([
        ("Withdrawn on", fmt_date(w.withdrawn_on)),
        ("Withdrawn by", w.withdrawn_by),
        ("Reason", w.reason),
    ], blanks=False)
