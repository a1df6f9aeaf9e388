"""A printable sheet for a review meeting: tick boxes and blanks to fill in by hand."""

from __future__ import annotations

from datetime import date

from ..domain.case import Case
from ..domain.plan import Plan
from ..domain.vocabulary import Vocabularies
from .audience import redact_for
from .markdown import BLANK, Document, checklist, fields
from .sections import (
    fmt_date,
    level_text,
    objectives_table,
    signature_block,
    vocabularies,
)

# The sheet is read by the supervisor and the practitioner together: nothing confidential.
SHEET_AUDIENCE = "practitioner"


def _assessment_rows(plan: Plan, vocab: Vocabularies) -> list[tuple[str, str, str, str]]:
    """One row per assessment tool the plan uses, with that tool's own rating scale."""
    tools = vocab["wba_types"]
    used = [a.kind for a in plan.activities if a.kind in tools]
    rows = []
    for code in dict.fromkeys(used):
        term = tools.term(code)
        scale = " / ".join(term.get("ratings", [])) if term else ""
        rows.append((tools.label(code), scale, "", ""))
    return rows


def review_meeting_sheet_markdown(
    case: Case, review_point_id: str, vocab: Vocabularies | None = None, today: date | None = None
) -> str:
    """Expected evidence and outcome options as tick boxes; ratings, note and signatures blank."""
    vocab = vocabularies(vocab)
    shown = redact_for(case, SHEET_AUDIENCE)
    plan = shown.plan
    if plan is None:
        raise ValueError(f"case {case.id} has no plan")
    rp = plan.review_point(review_point_id)
    if rp is None:
        raise ValueError(f"no review point {review_point_id!r} in this plan")
    today = today or date.today()
    doc = Document()
    doc.heading(1, f"Review meeting: {rp.title or 'review point'}")
    doc.fields([
        ("Practitioner", shown.request.practitioner.name),
        ("Organisation", shown.request.organisation.name),
        ("Prepared for", "the review meeting (reviewer and practitioner)"),
        ("Prepared on", fmt_date(today)),
        ("Plan version", str(plan.version)),
        ("Due on", fmt_date(rp.due_on)),
        ("Reviewer", rp.reviewer),
        ("Current supervision", level_text(vocab, plan.current_level)),
        ("Meeting held on", ""),
        ("Present", ""),
    ])
    doc.heading(2, "Objectives")
    doc.add(objectives_table(plan, vocab))
    doc.heading(2, "Expected evidence")
    doc.add(checklist(rp.expected_evidence or ["Evidence as agreed in the plan"]))
    doc.heading(2, "Assessments seen")
    rows = [*_assessment_rows(plan, vocab), (BLANK, "", "", "")]
    doc.table(("Assessment", "Rating scale", "Number seen", "Rating"), rows)
    doc.heading(2, "Progress against each objective")
    doc.table(("No.", "Progress seen", "Rating"), [
        (str(n), "", "") for n in range(1, len(plan.objectives) + 1)
    ])
    doc.heading(2, "Outcome")
    doc.paragraph("Tick one.")
    doc.add(checklist(label for label, _code in vocab["review_outcomes"].options()))
    doc.fields([("If not held: new date and reason", "")])
    doc.heading(2, "Supervision after this review")
    doc.add(checklist(label for label, _code in vocab["supervision_levels"].options()))
    doc.heading(2, "Note")
    doc.add(fields([("Note", ""), ("Actions agreed", "")]))
    doc.heading(2, "Signatures")
    doc.add(signature_block("Reviewer", None))
    doc.add(signature_block("Practitioner", None))
    return doc.render()
