"""What counts as "drawn": a case row, never just any text.

A list screen says "Loading cases…" before a single case is read; the clock stops only
when a row naming a practitioner of the database is on screen. Names are clipped by the
columns (home shows 13 characters), so the first `PREFIX` characters are looked for, on
a line other than the loading line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

PREFIX = 11  # "Dr Gareth G": longer than any title, shorter than home's column (13)
LOADING_WORDS = ("Loading", "loading")


def name_prefixes(names: Iterable[str]) -> frozenset[str]:
    return frozenset(n[:PREFIX] for n in names if len(n) >= PREFIX)


def case_row_drawn(screen: str, prefixes: frozenset[str]) -> bool:
    """Whether a row naming one of the practitioners is on `screen`."""
    for line in screen.splitlines():
        if any(word in line for word in LOADING_WORDS):
            continue
        # Every window of the line looked up in the set: 20,000 names cost no more than 50.
        if any(line[i:i + PREFIX] in prefixes for i in range(len(line) - PREFIX + 1)):
            return True
    return False


def row_check(prefixes: frozenset[str]) -> Callable[[str], bool]:
    return lambda screen: case_row_drawn(screen, prefixes)
