"""Progress against each objective across the reviews, and what every review recorded:
the sections the progress summary and the educational supervisor's report share."""

from __future__ import annotations

from ..domain.case import Case
from ..domain.evidence import expected_seen
from ..domain.objective_progress import held_in_order
from ..domain.plan import ObjectiveProgress, Plan, ReviewPoint
from ..domain.vocabulary import Vocabularies
from .markdown import Document, Markup, checklist
from .sections import assessments_seen, evidence_seen_table, fmt_date, label, level_text

FINAL_COLUMN = "Completion"


def _rating(vocab: Vocabularies, entries: list[ObjectiveProgress], objective_id: str) -> str:
    entry = next((e for e in entries if e.objective_id == objective_id), None)
    return label(vocab, "objective_progress", entry.rating) if entry else ""


def progress_by_objective(doc: Document, case: Case, plan: Plan, vocab: Vocabularies) -> None:
    """A table: each objective (row) by each review held (column), the final position last."""
    doc.heading(2, "Progress against each objective")
    held = held_in_order(plan)
    completion = case.completion.objective_progress if case.completion else None
    if not plan.objectives:
        doc.paragraph("The plan has no objectives.")
        return
    if not held and completion is None:
        doc.paragraph("No review held yet.")
        return
    columns = [rp.outcome.objective_progress if rp.outcome else [] for rp in held]
    headers = ["No.", "Objective", *(rp.title for rp in held)]
    if completion is not None:
        columns.append(completion)
        headers.append(FINAL_COLUMN)
    doc.table(headers, [
        (str(n), o.statement, *(_rating(vocab, column, o.id) for column in columns))
        for n, o in enumerate(plan.objectives, start=1)
    ])


def expected_checklist(rp: ReviewPoint, vocab: Vocabularies) -> Markup:
    """The review's expected evidence, ticked where what was seen meets it (by tool and
    count: two CbDs seen tick "CbD x2")."""
    seen = rp.outcome.evidence_seen if rp.outcome else []
    return checklist(rp.expected_evidence,
                     expected_seen(rp.expected_evidence, seen, vocab["wba_types"]))


def _objective_notes(plan: Plan, entries: list[ObjectiveProgress], vocab: Vocabularies
                     ) -> list[str]:
    notes = []
    for entry in entries:
        objective = plan.objective(entry.objective_id)
        if objective is None:
            continue
        number = plan.objectives.index(objective) + 1
        rating = label(vocab, "objective_progress", entry.rating)
        notes.append(f"Objective {number}: {rating}" + (f". {entry.note}" if entry.note else ""))
    return notes


def every_review(doc: Document, plan: Plan, vocab: Vocabularies) -> None:
    """Each review held, in the order held: outcome, who recorded it, the note, each
    objective's note, the evidence expected and the assessments seen."""
    doc.heading(2, "Reviews held")
    held = held_in_order(plan)
    if not held:
        doc.paragraph("No review held yet.")
        return
    for rp in held:
        o = rp.outcome
        assert o is not None
        doc.heading(3, f"{rp.title} ({fmt_date(o.held_on)})")
        doc.fields([
            ("Outcome", label(vocab, "review_outcomes", o.outcome)),
            ("Recorded by", o.recorded_by),
            ("Supervision after", level_text(vocab, o.level_after)),
            ("Note", o.note),
        ], blanks=False)
        notes = _objective_notes(plan, o.objective_progress, vocab)
        if notes:
            doc.bullets(notes)
        if rp.expected_evidence:
            doc.paragraph("Evidence expected:")
            doc.add(expected_checklist(rp, vocab))
        if assessments_seen(o, rp.expected_evidence):
            doc.add(evidence_seen_table(o, vocab, rp.expected_evidence))
        else:
            doc.paragraph("No assessments recorded.")
