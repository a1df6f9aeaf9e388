"""The letter to the organisation when a request for an action plan is declined or needs
more information (seed 000 4.5): the decision, why, and what can happen next.

Only the decision and the request's own facts: never the discussions (there were none
yet), health details or anything the schema marks confidential.
"""

from __future__ import annotations

from datetime import date

from ..domain.case import Case
from ..domain.vocabulary import Vocabularies
from .markdown import Document
from .sections import fmt_date, header, label

LETTER_AUDIENCE = "organisation"  # 4.5: the decision goes to the requesting organisation
LETTER_OUTCOMES = ("declined", "further_information")

_NEXT = {
    "declined": (
        "We are not able to support this request for an action plan. The request is now "
        "closed. If the circumstances change, the organisation may make a new request."
    ),
    "further_information": (
        "We need the information above before we can decide whether to support the request. "
        "Please send it to the case adviser; the request will then be considered again, and "
        "the working days for the first draft run from the day it is accepted."
    ),
}


def decision_letter_refusal(case: Case) -> str:
    """Why the case has no decision letter ('' when it has one): only a request declined
    or sent back for more information is written to."""
    if case.decision is None or case.decision.outcome not in LETTER_OUTCOMES:
        return (f"case {case.id} has no decision to decline or ask for more "
                "information (a decision letter is for those)")
    return ""


def decision_letter_markdown(case: Case, vocab: Vocabularies, today: date) -> str:
    """The letter; ValueError (one line) when the request was not declined or sent back."""
    decision = case.decision
    refused = decision_letter_refusal(case)
    if refused or decision is None:  # (no decision is always refused: for the type checker)
        raise ValueError(refused)
    doc = Document()
    header(doc, case, LETTER_AUDIENCE, "Decision on the request for an action plan", today)
    request = case.request
    doc.fields([
        ("Case", case.id),
        ("Organisation's reference", request.case_reference),
        ("Practitioner", request.practitioner.name),
        ("Request received", fmt_date(request.received_on)),
        ("Decision", label(vocab, "decision_outcomes", decision.outcome).split(" (")[0]),
        ("Decided on", fmt_date(decision.decided_on)),
        ("Decided by", decision.decided_by),
    ], blanks=False)
    if decision.outcome == "declined":
        doc.heading(2, "Why we cannot support the request")
    else:
        doc.heading(2, "The information we need")
    doc.paragraph(decision.reason or "Not recorded: ask the case adviser.")
    if decision.outcome == "declined":
        doc.heading(2, "Other ways we can help")
        doc.paragraph(decision.alternative_offered
                      or "The case adviser will discuss other services that may help.")
    doc.heading(2, "What happens next")
    doc.paragraph(_NEXT[decision.outcome])
    doc.fields([("Case adviser", request.case_adviser)], blanks=False)
    return doc.render()
