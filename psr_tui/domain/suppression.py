"""Small-number suppression for insight tables, so no practitioner can be recognised.

Primary: a count of 1 to 4 plans is shown as `<5` and its percentage withheld (an empty
category, 0, identifies no one and is left out of the tables).
Secondary: in a table whose cells add up to a total that is shown, a suppressed cell
could be worked out from the total and the other cells. The next smallest cell is then
withheld too (shown `*`), until no withheld cell's value follows from the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

THRESHOLD = 5
PRIMARY = "primary"
SECONDARY = "secondary"

RULE_TEXT = (
    f"Counts of 1 to {THRESHOLD - 1} plans are shown as <{THRESHOLD} and their percentage "
    "withheld; where such a count could be worked out from the total and the other cells, "
    "the next smallest is withheld too (shown *)."
)


@dataclass(frozen=True)
class Shown:
    """One cell as published: the count, or why it is withheld."""

    count: int
    suppressed: str = ""  # "", PRIMARY or SECONDARY

    @property
    def text(self) -> str:
        if self.suppressed == PRIMARY:
            return f"<{THRESHOLD}"
        if self.suppressed == SECONDARY:
            return "*"
        return str(self.count)


def primary(count: int) -> bool:
    return 0 < count < THRESHOLD


def suppress(counts: Mapping[str, int], total_shown: bool = True) -> dict[str, Shown]:
    """Each cell of a one-way table as shown. `total_shown`: the cells add up to a total
    the reader sees (single-answer tables); a multi-answer table (a plan with several
    objective domains) has none, so only primary suppression applies."""
    withheld = {key: PRIMARY for key, n in counts.items() if primary(n)}
    if total_shown:
        while withheld and _recoverable(counts, withheld):
            candidates = [(n, key) for key, n in counts.items() if n > 0 and key not in withheld]
            if not candidates:
                break
            withheld[min(candidates)[1]] = SECONDARY
    return {key: Shown(n, withheld.get(key, "")) for key, n in counts.items()}


def _recoverable(counts: Mapping[str, int], withheld: Mapping[str, str]) -> bool:
    """Whether a reader who knows the total, the shown cells and the rule could pin down
    any withheld cell: its smallest and largest possible values meet."""
    hidden_sum = sum(counts[key] for key in withheld)
    bounds = {key: (1, THRESHOLD - 1) if kind == PRIMARY else (THRESHOLD, hidden_sum)
              for key, kind in withheld.items()}
    for key, (low, high) in bounds.items():
        others_low = sum(b[0] for k, b in bounds.items() if k != key)
        others_high = sum(b[1] for k, b in bounds.items() if k != key)
        least = max(low, hidden_sum - others_high)
        most = min(high, hidden_sum - others_low)
        if least >= most:
            return True
    return False


def percent(count: int, denominator: int) -> int | None:
    """A whole percentage, rounded half up as seed 004 gives them (61%, 81%); None for an
    empty denominator."""
    if denominator <= 0:
        return None
    return (200 * count + denominator) // (2 * denominator)
