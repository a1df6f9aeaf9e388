"""Evidence expected at a review point, matched to what was seen by assessment tool and count.

A plan lists its expected evidence as free text ("CbD x2", "DOPS x3 including complex
cases", "mini-CEX x2 and DOPS x2 since the last review", "Clinical supervisor's report").
An item naming assessment tools is met when, for each tool it names, at least the number
asked for was seen; any other item is met when it was ticked as seen under its own text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from .plan import AssessmentSeen, Plan
from .vocabulary import Vocabulary

# "x2", "×2", "x 2" after the tool; a bare number before it ("2 CbDs").
_COUNT_AFTER = r"\s*[x×]\s*(?P<after>\d{1,2})\b"
_COUNT_BEFORE = r"(?P<before>\d{1,2})\s+"


@dataclass(frozen=True)
class ToolRequirement:
    tool: str  # a wba_types code
    count: int


def _tool_pattern(code: str) -> re.Pattern[str]:
    # Word edges that allow the code's own punctuation ("mini-CEX") and a plural "s".
    return re.compile(
        rf"(?<![\w-])(?:{_COUNT_BEFORE})?{re.escape(code)}s?(?![\w-])(?:{_COUNT_AFTER})?",
        re.IGNORECASE,
    )


@cache
def _tool_patterns(codes: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    # Compiled once per vocabulary: the plan checker asks about every objective's measure.
    return tuple((code, _tool_pattern(code)) for code in codes)


@cache
def _name_patterns(names: tuple[tuple[str, str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((code, re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE))
                 for code, name in names)


def required_tools(text: str, wba: Vocabulary) -> list[ToolRequirement]:
    """The assessment tools an expected item names, with how many (1 when it gives none)."""
    found: dict[str, int] = {}
    for code, pattern in _tool_patterns(tuple(wba.codes)):
        for match in pattern.finditer(text):
            count = int(match.group("after") or match.group("before") or 1)
            found[code] = found.get(code, 0) + count
    return [ToolRequirement(code, count) for code, count in found.items()]


def tools_named(text: str, wba: Vocabulary) -> set[str]:
    """The assessment tools a text relies on: by code ("PSQ", "2 CbDs") or by one of the
    other names the vocabulary gives the tool ("a patient questionnaire")."""
    named = {requirement.tool for requirement in required_tools(text, wba)}
    names = tuple((term.code, name) for term in wba.terms for name in term.get("names", []))
    for code, pattern in _name_patterns(names):
        if code not in named and pattern.search(text):
            named.add(code)
    return named


def seen_counts(seen: Iterable[AssessmentSeen], wba: Vocabulary) -> Counter[str]:
    """How many of each assessment tool were seen (items ticked by their text are not tools)."""
    counts: Counter[str] = Counter()
    for item in seen:
        if item.tool in wba:
            counts[item.tool] += max(item.count, 1)
    return counts


def expected_met(text: str, seen: Sequence[AssessmentSeen], wba: Vocabulary) -> bool:
    """Whether one expected item was met by what was seen."""
    if any(item.tool == text for item in seen):
        return True  # ticked as seen under its own text
    tools = required_tools(text, wba)
    if not tools:
        return False
    counts = seen_counts(seen, wba)
    return all(counts[t.tool] >= t.count for t in tools)


def expected_seen(
    expected: Sequence[str], seen: Sequence[AssessmentSeen], wba: Vocabulary
) -> set[str]:
    """The expected items met, by their text (what a checklist ticks)."""
    return {text for text in expected if expected_met(text, seen, wba)}


def missing_evidence(
    expected: Sequence[str], seen: Sequence[AssessmentSeen], wba: Vocabulary
) -> list[str]:
    """The expected items not met, in the plan's order."""
    met = expected_seen(expected, seen, wba)
    return [text for text in expected if text not in met]


def final_review_gaps(plan: Plan, wba: Vocabulary) -> list[str]:
    """What the final review's record lacks, for the director to see before signing off
    completion: expected items not seen, or no assessment at all."""
    gaps = []
    for rp in plan.review_points:
        if not rp.is_final or rp.outcome is None:
            continue
        seen = rp.outcome.evidence_seen
        missing = missing_evidence(rp.expected_evidence, seen, wba)
        if missing:
            gaps.append(f"evidence expected at '{rp.title}' not seen: " + "; ".join(missing))
        if not seen_counts(seen, wba):
            gaps.append(f"no assessments recorded at '{rp.title}'")
    return gaps
