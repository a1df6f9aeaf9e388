"""The optional demographics as codes: their vocabularies, and reading older free text.

Before schema 2 the four fields were free text. `code_for` maps such a value onto a
vocabulary code by its code, label or one of its `aliases` (case, spacing and hyphen
spacing ignored); anything else is "" (not recorded), never a guess.
"""

from __future__ import annotations

import re

from .vocabulary import Vocabularies, Vocabulary

# Demographics field -> its vocabulary (data/vocabularies/<name>.toml).
VOCABULARY_OF_FIELD: dict[str, str] = {
    "sex": "sexes",
    "age_band": "age_bands",
    "ethnic_group": "ethnic_groups",
    "qualification_region": "qualification_regions",
}
LABELS = {
    "sex": "Sex",
    "age_band": "Age band",
    "ethnic_group": "Ethnic group",
    "qualification_region": "Where qualified",
}


def _normal(text: str) -> str:
    text = re.sub(r"\s*-\s*", "-", text.strip().casefold())
    return re.sub(r"\s+", " ", text)


def code_for(vocabulary: Vocabulary, text: str) -> str:
    """The code `text` names in `vocabulary`, or "" when it names none."""
    wanted = _normal(text)
    if not wanted:
        return ""
    for term in vocabulary.terms:
        names = [term.code, term.label, *term.get("aliases", [])]
        if any(_normal(str(name)) == wanted for name in names):
            return term.code
    return ""


def coded_demographics(free_text: dict[str, object], vocab: Vocabularies) -> dict[str, str]:
    """A schema-1 demographics record (free text, `qualification_country`) as codes."""
    source = {**free_text, "qualification_region": free_text.get("qualification_country", "")}
    return {name: code_for(vocab[vocab_name], str(source.get(name) or ""))
            for name, vocab_name in VOCABULARY_OF_FIELD.items()}


def declined(vocabulary: Vocabulary, code: str) -> bool:
    """A 'prefer not to say' answer: counted with "not recorded"."""
    term = vocabulary.term(code)
    return term is not None and bool(term.get("declined"))
