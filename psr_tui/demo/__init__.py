"""Demo data: the seed 004 case study (Mr G) and varied generated cases, via the store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..domain.case import Case
from ..store.case_store import CaseStore
from .case_study import mr_g_case
from .generator import generate_cases
from .users import DEMO_USERS, write_demo_users

DEFAULT_CASES = 35


def write_demo(
    store: CaseStore, today: date, cases: int | None = None, seed: int = 7
) -> int:
    """Write Mr G plus `cases` generated cases (35 by default); returns how many were written."""
    count = DEFAULT_CASES if cases is None else cases

    def every_case() -> Iterator[Case]:
        yield mr_g_case(today)
        yield from generate_cases(count, today, seed)

    # One bulk write: create() deep-copies and fsyncs the folder per case, too slow for 10,000.
    written = store.create_many(every_case(), "demo data")
    write_demo_users(store.root, store.user)  # after the cases: a refused write adds no one
    return written


__all__ = ["DEMO_USERS", "generate_cases", "mr_g_case", "write_demo"]
