"""How one case looks as a row of the case list: cells, urgency mark and filter text."""

from __future__ import annotations

from rich.text import Text

from ...domain.safe_text import visible
from ...domain.status import CaseSummary
from ...domain.vocabulary import Vocabularies

URGENT_MARK = "!"  # a text mark, so overdue cases stand out without colour (NO_COLOR)
URGENT_STYLE = "bold red"
# With NO_COLOR Textual greys every colour by its brightness: red on the dark background
# turns almost invisible, so urgent rows are bold in the default colour instead.
URGENT_STYLE_NO_COLOR = "bold"

# (key, header, width): fits 80 columns with the table's padding and scrollbar.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("mark", "!", 1),
    ("practitioner", "Practitioner", 13),
    ("organisation", "Organisation", 12),
    ("type", "Type", 7),
    ("state", "State", 9),
    ("level", "Lv", 2),
    ("review", "Review", 9),
    ("deadline", "Deadline", 9),
)


def is_urgent(s: CaseSummary) -> bool:
    return bool(s.overdue_reviews) or s.deadline_breached


def _short(vocab: Vocabularies, name: str, code: str) -> str:
    term = vocab[name].term(code)
    return str(term.get("short", term.label)) if term else code


def deadline_cell(s: CaseSummary) -> str:
    if s.deadline_days_left is None:
        return ""
    which = "draft" if "draft" in s.deadline_name.lower() else "plan"
    return f"{which} {s.deadline_days_left}d"


def row_cells(s: CaseSummary, vocab: Vocabularies, no_color: bool = False) -> list[Text]:
    urgent = is_urgent(s)
    style = (URGENT_STYLE_NO_COLOR if no_color else URGENT_STYLE) if urgent else ""
    review = s.next_review_due.strftime("%d %b %y") if s.next_review_due else ""
    values = [
        URGENT_MARK if urgent else "",
        s.practitioner or "(not named)",
        s.organisation,
        _short(vocab, "plan_types", s.plan_type) if s.plan_type else "",
        _short(vocab, "lifecycle_states", s.state),
        f"L{s.level}" if s.level is not None else "",
        review,
        deadline_cell(s),
    ]
    # Names and organisations are stored text (maybe imported): controls shown visibly.
    cells = [Text(visible(v), style=style, no_wrap=True, overflow="ellipsis") for v in values]
    if s.deadline_breached:
        cells[-1].stylize("reverse")
    return cells


def search_text(s: CaseSummary, vocab: Vocabularies) -> str:
    """What the filter matches: names, organisation, case adviser, type and state words,
    the case id."""
    parts = [s.practitioner, s.organisation, s.case_adviser, s.state_label, s.id,
             vocab["plan_types"].label(s.plan_type) if s.plan_type else "",
             _short(vocab, "lifecycle_states", s.state)]
    if is_urgent(s):
        parts.append("overdue breached urgent")
    return " ".join(parts).lower()


def query_words(query: str) -> tuple[str, ...]:
    """A filter query as the lowercase words every matching row's text holds."""
    return tuple(query.lower().split())


def narrows(before: tuple[str, ...], now: tuple[str, ...]) -> bool:
    """Whether every text matching `now` also matched `before` (each earlier word is part
    of a word typed now: "z" then "za"), so only the earlier matches need looking at."""
    return all(any(old in new for new in now) for old in before)


def matching(rows: list[tuple[str, str]], words: tuple[str, ...]) -> list[tuple[str, str]]:
    """The (key, search text) pairs whose text holds every word, in their order: one pass
    per word, the longest (rarest) first, so 20,000 rows take a few milliseconds."""
    found = rows
    for word in sorted(words, key=len, reverse=True):
        found = [row for row in found if word in row[1]]
    return found


def matches(text: str, query: str) -> bool:
    return all(word in text for word in query_words(query))
