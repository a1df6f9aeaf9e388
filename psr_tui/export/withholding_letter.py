"""The letter on a request to withhold the plan from the practitioner (seed 000 7.1 note):
the decision and its reasons, one copy for the organisation and one for the practitioner
(none for them while they are not to be contacted: the reason why is for the
organisation's and the adviser's copies only)."""

from __future__ import annotations

from datetime import date

from ..domain.audiences import PRACTITIONER
from ..domain.case import Case
from .markdown import Document
from .sections import fmt_date, header


def withholding_letter_refusal(case: Case, audience: str) -> str:
    """Why the case has no withholding letter for `audience` ('' when it has): no decision
    yet, or the practitioner is not to be contacted now and this is their copy."""
    w = case.withholding
    if w is None:
        return f"case {case.id} has no decision on withholding the plan"
    if audience == PRACTITIONER and not w.practitioner_told and w.released_on is None:
        return (f"case {case.id}: the practitioner is not to be contacted now; "
                "their letter waits until the plan is released")
    return ""


def withholding_letter_markdown(case: Case, audience: str, today: date) -> str:
    """The letter for `audience`; ValueError (one line) when withholding_letter_refusal
    says why there is none."""
    w = case.withholding
    refused = withholding_letter_refusal(case, audience)
    if refused or w is None:  # (no decision is always refused: for the type checker)
        raise ValueError(refused)
    doc = Document()
    header(doc, case, audience, "Sharing the action plan with the practitioner", today)
    decision = ("The plan is withheld from the practitioner for now." if w.withheld else
                "The request is not agreed: the plan goes to the practitioner as usual.")
    doc.fields([
        ("Case", case.id),
        ("Requested by", w.requested_by),
        ("Requested on", fmt_date(w.requested_on)),
        ("Decided on", fmt_date(w.decided_on)),
        ("Decided by", w.decided_by),
    ], blanks=False)
    doc.heading(2, "Decision")
    doc.paragraph(decision)
    doc.heading(2, "Reasons")
    doc.paragraph(w.reasons)
    if not w.practitioner_told and audience != PRACTITIONER:
        doc.heading(2, "Why the practitioner is not written to now")
        doc.paragraph(w.not_told_reason)
    if w.released_on is not None:
        doc.heading(2, "Released")
        doc.paragraph(f"The plan was released to the practitioner on {fmt_date(w.released_on)}.")
    elif w.withheld:
        doc.heading(2, "What happens next")
        doc.paragraph("The case adviser will release the plan to the practitioner when the "
                      "reasons no longer apply, and write to both again.")
    return doc.render()
