"""The log between reviews in the progress summary: every supervisor meeting, assessment
and MSF round, dated and attributed, oldest first (domain/progress_log.py)."""

from __future__ import annotations

from ..domain.plan import Plan
from ..domain.progress_log import KINDS, in_date_order
from ..domain.vocabulary import Vocabularies
from .markdown import Document
from .sections import fmt_date, label


def log_section(doc: Document, plan: Plan, vocab: Vocabularies) -> None:
    """Nothing when nothing was logged (older plans, a plan not yet in delivery)."""
    if not plan.log:
        return
    doc.heading(2, "Log between reviews")
    doc.table(("Date", "What", "Assessment", "Rating", "By", "Note"), [
        (fmt_date(e.held_on), label(vocab, KINDS, e.kind),
         f"{e.tool} x{e.count}" if e.tool else "", e.rating, e.by, e.note)
        for e in in_date_order(plan.log)
    ])
