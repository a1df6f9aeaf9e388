"""The copies a document is made for, and what each is called: the one list.

No imports on purpose: the CLI's grammar (cli/parser.py) reads it before anything heavy
loads. What each audience may see is decided by domain/confidentiality.py.
"""

from __future__ import annotations

ADVISER = "adviser"
ORGANISATION = "organisation"
PRACTITIONER = "practitioner"
AUDIENCES: tuple[str, ...] = (ADVISER, ORGANISATION, PRACTITIONER)

# As the words run in a sentence ("Prepared for: the healthcare organisation (X)").
AUDIENCE_LABELS: dict[str, str] = {
    ADVISER: "PSR Case Adviser",
    ORGANISATION: "the healthcare organisation",
    PRACTITIONER: "the practitioner",
}


def audience_label(audience: str) -> str:
    """The audience's label as a choice or heading: 'The healthcare organisation'."""
    label = AUDIENCE_LABELS.get(audience, audience)
    return label[:1].upper() + label[1:]
