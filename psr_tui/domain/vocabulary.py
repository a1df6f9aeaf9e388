"""Vocabularies loaded from editable TOML files in data/vocabularies/."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any


class VocabularyError(Exception):
    """A vocabulary file is missing or malformed."""


@dataclass(frozen=True)
class Term:
    code: str
    label: str
    extra: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.extra.get(key, default)


@dataclass(frozen=True)
class Vocabulary:
    name: str
    terms: tuple[Term, ...]

    @property
    def codes(self) -> list[str]:
        return [t.code for t in self.terms]

    def term(self, code: str) -> Term | None:
        return next((t for t in self.terms if t.code == code), None)

    def label(self, code: str) -> str:
        """The label for a code; an unknown code (an organisation's own term) shows as typed."""
        term = self.term(code)
        return term.label if term else code

    @cached_property
    def _code_set(self) -> frozenset[str]:
        return frozenset(t.code for t in self.terms)

    def __contains__(self, code: object) -> bool:
        # A set, not a scan: `check` asks about every code of every case.
        return isinstance(code, str) and code in self._code_set

    def options(self) -> list[tuple[str, str]]:
        """(label, code) pairs, the shape Textual's Select wants."""
        return [(t.label, t.code) for t in self.terms]


class Vocabularies:
    """All vocabularies in one folder, by file stem: vocab['review_outcomes']."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cache: dict[str, Vocabulary] = {}

    def __getitem__(self, name: str) -> Vocabulary:
        if name not in self._cache:
            self._cache[name] = load_vocabulary(self.folder / f"{name}.toml")
        return self._cache[name]

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.toml"))


def load_vocabulary(path: Path) -> Vocabulary:
    import tomllib  # here: commands that read no vocabulary (dump) do not load the parser

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise VocabularyError(f"vocabulary file not found: {path}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{path}: {exc}") from exc
    items = raw.get("item", [])
    terms = []
    for i, item in enumerate(items):
        if "code" not in item or "label" not in item:
            raise VocabularyError(f"{path}: item {i + 1} needs a code and a label")
        extra = {k: v for k, v in item.items() if k not in ("code", "label")}
        terms.append(Term(str(item["code"]), str(item["label"]), extra))
    return Vocabulary(path.stem, tuple(terms))


@cache
def default_vocabularies() -> Vocabularies:
    from ..locations import vocabulary_dir

    return Vocabularies(vocabulary_dir())
