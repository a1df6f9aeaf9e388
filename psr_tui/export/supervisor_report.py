"""The educational supervisor's report to the responsible director (seed 003, "Monitoring
of progress" and "Finish"): where the practitioner stands against each objective, what
every review found, the supervision now, and what the director is asked to decide."""

from __future__ import annotations

from datetime import date

from ..domain.case import Case
from ..domain.evidence import final_review_gaps
from ..domain.review import open_review_points
from ..domain.vocabulary import Vocabularies
from .audience import check_audience, redact_for
from .markdown import Document
from .objective_progress import every_review, progress_by_objective
from .sections import fmt_date, header, label, level_text, signature_block, vocabularies

SUPERVISOR_ROLE = "educational_supervisor"
DIRECTOR_ROLE = "responsible_officer"


def _addressee(case: Case, role_code: str, vocab: Vocabularies) -> str:
    """'Dr Helen Marsh (Responsible officer ...)', or the role alone when nobody holds it."""
    plan = case.plan
    role = next((r for r in plan.roles if r.role == role_code), None) if plan else None
    title = label(vocab, "roles", role_code)
    return f"{role.person} ({title})" if role and role.person else title


def educational_supervisor_report_markdown(
    case: Case, audience: str, vocab: Vocabularies | None, now: date
) -> str:
    """The report, for `audience`'s copy (the organisation's for the director)."""
    check_audience(audience)
    shown = redact_for(case, audience)
    plan = shown.plan
    if plan is None:
        raise ValueError(f"case {case.id} has no plan")
    vocab = vocabularies(vocab)
    doc = Document()
    header(doc, shown, audience, "Educational supervisor's report", now, version=plan.version)
    doc.fields([
        ("To", _addressee(shown, DIRECTOR_ROLE, vocab)),
        ("From", _addressee(shown, SUPERVISOR_ROLE, vocab)),
        ("Plan", f"{fmt_date(plan.start_date)} to {fmt_date(plan.end_date)}"),
        ("Plan state", label(vocab, "lifecycle_states", shown.state)),
        ("Supervision now", level_text(vocab, plan.current_level)),
    ])
    progress_by_objective(doc, shown, plan, vocab)
    every_review(doc, plan, vocab)
    doc.heading(2, "Still to do")
    still_open = open_review_points(plan)
    gaps = final_review_gaps(plan, vocab["wba_types"])
    if still_open or gaps:
        doc.bullets([f"{rp.title}: due {fmt_date(rp.due_on)}" for rp in still_open] + gaps)
    else:
        doc.paragraph("Every review point has been held with its evidence.")
    doc.heading(2, "Educational supervisor's assessment and recommendation")
    doc.fields([("Assessment", ""), ("Recommendation to the responsible director", "")])
    doc.heading(2, "Signed")
    supervisor = next((r for r in plan.roles if r.role == SUPERVISOR_ROLE), None)
    doc.add(signature_block(label(vocab, "roles", SUPERVISOR_ROLE), None))
    if supervisor is None:
        doc.paragraph("The plan names no educational supervisor.")
    return doc.render()
