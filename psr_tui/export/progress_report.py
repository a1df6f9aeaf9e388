"""Progress against the plan: one review point's report, and the whole plan's summary (000 8)."""

from __future__ import annotations

from datetime import date

from ..domain.case import Case
from ..domain.plan import Plan, ReviewOutcome, ReviewPoint
from ..domain.review import review_status
from ..domain.vocabulary import Vocabularies
from .audience import check_audience, redact_for
from .corrections import corrections_section, resumptions_section, withdrawal_section
from .markdown import BLANK, Document, bullets, fields
from .objective_progress import every_review, expected_checklist, progress_by_objective
from .plan_changes import amendment_text
from .progress_log import log_section
from .sections import (
    assessments_seen,
    evidence_seen_table,
    fmt_date,
    header,
    label,
    level_text,
    objectives_table,
    scope_text,
    vocabularies,
)

BLANK_ROWS = 3  # empty assessment rows to fill in by hand


def _shown(
    case: Case, audience: str, vocab: Vocabularies | None
) -> tuple[Case, Plan, Vocabularies]:
    check_audience(audience)
    shown = redact_for(case, audience)
    if shown.plan is None:
        raise ValueError(f"case {case.id} has no plan")
    return shown, shown.plan, vocabularies(vocab)


def _review_point(plan: Plan, review_point_id: str) -> ReviewPoint:
    rp = plan.review_point(review_point_id)
    if rp is None:
        raise ValueError(f"no review point {review_point_id!r} in this plan")
    return rp


def _level_change(vocab: Vocabularies, o: ReviewOutcome) -> str:
    before, after = level_text(vocab, o.level_before), level_text(vocab, o.level_after)
    return f"{before} → {after}" if before or after else ""


def _recorded(doc: Document, rp: ReviewPoint, o: ReviewOutcome, vocab: Vocabularies) -> None:
    doc.fields([
        ("Outcome", label(vocab, "review_outcomes", o.outcome)),
        ("Held on", fmt_date(o.held_on)),
        ("Recorded by", o.recorded_by),
        ("Supervision before", level_text(vocab, o.level_before)),
        ("Supervision after", level_text(vocab, o.level_after)),
        ("Rescheduled to", fmt_date(o.reschedule_to)),
        ("Reason", o.reason),
    ], blanks=False)
    doc.heading(3, "Assessments seen")
    if assessments_seen(o, rp.expected_evidence):
        doc.add(evidence_seen_table(o, vocab, rp.expected_evidence))
    else:
        doc.paragraph("No assessments recorded.")
    doc.heading(3, "Note")
    doc.paragraph(o.note or "None recorded.")


def _blank_outcome(doc: Document, plan: Plan, vocab: Vocabularies) -> None:
    doc.paragraph("Not yet recorded: to be completed at the review meeting.")
    doc.fields([
        ("Outcome", ""),
        ("Held on", ""),
        ("Recorded by", ""),
        ("Supervision before", level_text(vocab, plan.current_level)),
        ("Supervision after", ""),
    ])
    doc.heading(3, "Assessments seen")
    doc.table(("Assessment", "Number seen", "Rating"), [(BLANK, "", "")] * BLANK_ROWS)
    doc.heading(3, "Note")
    doc.fields([("Note", "")])


def progress_report_markdown(
    case: Case, review_point_id: str, audience: str, vocab: Vocabularies | None = None,
    today: date | None = None,
) -> str:
    """The progress report for one review point, filled in or with blanks to fill."""
    shown, plan, vocab = _shown(case, audience, vocab)
    rp = _review_point(plan, review_point_id)
    today = today or date.today()
    doc = Document()
    header(doc, shown, audience, f"Progress report: {rp.title or 'review point'}", today,
           version=plan.version)
    doc.fields([
        ("Review point", rp.title),
        ("Due on", fmt_date(rp.due_on)),
        ("Status", review_status(rp, today).capitalize()),
        ("Reviewer", rp.reviewer),
    ])
    doc.heading(2, "Objectives")
    doc.add(objectives_table(plan, vocab, with_evidence=True))
    due = [o for o in plan.objectives if o.target_date and rp.due_on and o.target_date <= rp.due_on]
    if due:
        doc.paragraph("Objectives due to be met by this review: "
                      + ", ".join(str(plan.objectives.index(o) + 1) for o in due) + ".")
    doc.heading(2, "Evidence expected by this review")
    if not rp.expected_evidence:
        doc.paragraph("None listed in the plan.")
    elif rp.outcome is not None:  # ticked: met by what was seen at the review
        doc.add(expected_checklist(rp, vocab))
    else:
        doc.add(bullets(rp.expected_evidence))
    doc.heading(2, "Outcome")
    if rp.outcome is not None:
        _recorded(doc, rp, rp.outcome, vocab)
    else:
        _blank_outcome(doc, plan, vocab)
    if rp.history:
        doc.heading(2, "Earlier attempts")
        doc.table(("Date", "Outcome", "Rescheduled to", "Reason"), [
            (fmt_date(h.held_on), label(vocab, "review_outcomes", h.outcome),
             fmt_date(h.reschedule_to), h.reason)
            for h in rp.history
        ])
    corrections_section(doc, [rp], vocab)
    return doc.render()


def _current_stage(doc: Document, plan: Plan, vocab: Vocabularies) -> None:
    if not plan.stages:
        return
    n = min(plan.current_stage, len(plan.stages) - 1)
    stage = plan.stages[n]
    doc.heading(2, "Current supervision stage")
    doc.fields([
        ("Stage", f"{n + 1} of {len(plan.stages)}"),
        ("Supervision", level_text(vocab, stage.level)),
        ("Since", fmt_date(stage.start)),
        ("Scope limits", scope_text(vocab, stage)),
        ("Exit criteria", stage.exit_criteria),
    ], blanks=False)


def _amendments(doc: Document, plan: Plan) -> None:
    if not plan.amendments:
        return
    doc.heading(2, "Amendments")
    doc.table(("Proposed on", "Kind", "Amendment", "Status", "Version"), [
        (fmt_date(a.proposed_on), a.kind.capitalize(), amendment_text(plan, a),
         a.status.capitalize(), str(a.applied_in_version or ""))
        for a in plan.amendments
    ])


def progress_summary_markdown(
    case: Case, audience: str, vocab: Vocabularies | None = None, today: date | None = None
) -> str:
    """Every review point with its status and outcome, each objective across the reviews,
    every review's notes and assessments, the log between reviews, the current stage,
    amendments, completion."""
    shown, plan, vocab = _shown(case, audience, vocab)
    today = today or date.today()
    doc = Document()
    header(doc, shown, audience, "Progress summary", today, version=plan.version)
    doc.fields([
        ("Plan state", label(vocab, "lifecycle_states", shown.state)),
        ("Start", fmt_date(plan.start_date)),
        ("End", fmt_date(plan.end_date)),
    ])
    doc.heading(2, "Review points")
    ordered = sorted(plan.review_points, key=lambda r: (r.due_on is None, r.due_on))
    doc.table(("Due", "Review point", "Status", "Outcome", "Held on", "Supervision"), [
        (fmt_date(rp.due_on), rp.title, review_status(rp, today).capitalize(),
         label(vocab, "review_outcomes", rp.outcome.outcome) if rp.outcome else "",
         fmt_date(rp.outcome.held_on) if rp.outcome else "",
         _level_change(vocab, rp.outcome) if rp.outcome else "")
        for rp in ordered
    ])
    progress_by_objective(doc, shown, plan, vocab)
    every_review(doc, plan, vocab)
    log_section(doc, plan, vocab)
    if shown.completion is None:
        _current_stage(doc, plan, vocab)
    corrections_section(doc, ordered, vocab)
    resumptions_section(doc, shown)
    _amendments(doc, plan)
    withdrawal_section(doc, shown)
    doc.heading(2, "Completion")
    c = shown.completion
    if c is None or not c.outcome:
        doc.paragraph("Not yet signed off.")
    else:
        doc.add(fields([
            ("Outcome", label(vocab, "completion_outcomes", c.outcome)),
            ("Signed off by", ", ".join(p for p in (c.signed_by, c.role) if p)),
            ("Date", fmt_date(c.signed_on)),
            ("Follow-up", c.follow_up),
        ], blanks=False))
    return doc.render()
