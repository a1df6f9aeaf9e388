"""Who a copy is for, and what they may see (DOMAIN.md "Confidentiality").

The practitioner discussion notes, health details and demographics shape the plan but
never reach the organisation's or the practitioner's copy; neither do confidential
conditions. Redaction walks the model tree, so a new field marked confidential
(`base.confidential()`) is covered without touching this file.
"""

from __future__ import annotations

from ..domain.audiences import ADVISER, AUDIENCE_LABELS, AUDIENCES
from ..domain.case import Case
from ..domain.confidentiality import check_audience, confidential_items, redact_for

__all__ = [
    "ADVISER", "AUDIENCES", "AUDIENCE_LABELS", "CONFIDENTIAL_NOTICE", "check_audience",
    "confidential_items", "prepared_for", "recipient", "redact_for",
]
CONFIDENTIAL_NOTICE = (
    "CONFIDENTIAL: this adviser copy contains confidential material (practitioner "
    "discussion notes, health details, confidential conditions, demographics). "
    "Do not circulate it; the organisation and the practitioner receive their own copies."
)


def recipient(case: Case, audience: str) -> str:
    """Who a copy is for, e.g. 'the healthcare organisation (Northshire NHS Trust)'."""
    label = AUDIENCE_LABELS[check_audience(audience)]
    who = {
        "organisation": case.request.organisation.name,
        "practitioner": case.request.practitioner.name,
        ADVISER: case.request.case_adviser,
    }[audience]
    return label + (f" ({who})" if who.strip() else "")


def prepared_for(case: Case, audience: str) -> str:
    """The line every copy carries, naming who it is for."""
    return f"Prepared for: {recipient(case, audience)}"
