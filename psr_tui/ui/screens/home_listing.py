"""What home lists, apart from how it is drawn: each case's summary and filter text, the
urgency order once every case is read, the user's own cases (`m`), the filter's matches
and the count line. No widget here: home's screen (home.py) files its rows from this.
"""

from __future__ import annotations

import heapq
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING

from ...domain.caseload import is_my_case
from ...domain.status import CaseSummary, urgency_key
from ..widgets.capped_rows import SHOWN_ROWS
from ..wording import count_of
from .case_rows import matching, narrows, query_words

if TYPE_CHECKING:
    from ...domain.access import Identity


# (urgency key, case id, filter text): a row as home's loading worker ranks it.
Ranked = tuple[tuple[int, date, int, str], str, str]
_KEY = itemgetter(0)


def ranked_batch(rows: list[tuple[CaseSummary, str]]) -> list[Ranked]:
    """One batch's rows, most urgent first (ties in arrival order), as the worker reads it."""
    return sorted(((urgency_key(s), s.id, text) for s, text in rows), key=_KEY)


def merged(runs: list[list[Ranked]]) -> list[tuple[str, str]]:
    """Every batch's rows in one urgency order, ties in arrival order, as (id, filter text):
    the sorted batches merged, not sorted again. One sort of 20,000 rows is one C call that
    holds the GIL 20-80 ms; the UI thread waited it out at the end of loading (a pause of
    up to 186 ms at 20,000 cases). A merge is Python steps the UI thread can come in between."""
    return [(case_id, text) for _key, case_id, text in heapq.merge(*runs, key=_KEY)]


def no_own_cases(listed: int) -> str:
    """Home's count line when `m` finds none of the user's cases among `listed`."""
    return f"my cases · 0/{listed} · none is yours as case adviser or supervisor · m: all"


class HomeListing:
    """Every case home holds, and which of them a query and `m` show, in which order."""

    def __init__(self, identity: Identity) -> None:
        self.identity = identity
        self.summaries: dict[str, CaseSummary] = {}
        self.search: dict[str, str] = {}  # id -> the lowercase text a query scans
        self.order: list[str] = []  # ids, most urgent first, once all are loaded
        self.loaded = False
        self.mine = False  # `m`: only the identity's caseload (domain/caseload.py)
        self.my_ids: set[str] = set()
        self.changed_while_loading = False  # another user's save before all were read
        # The last query's words and matches (a narrower query filters only those);
        # dropped whenever the cases or their order change.
        self._last_match: tuple[tuple[str, ...], list[tuple[str, str]]] | None = None
        self._ordered_text: list[tuple[str, str]] = []  # (id, filter text), in `order`
        # Cases counted (all, or mine), overdue reviews, deadlines breached.
        self._totals: tuple[int, int, int] | None = None

    # ---- what is held ------------------------------------------------------------------
    def keep(self, s: CaseSummary, text: str) -> None:
        """A case read, or read again, with its filter text."""
        self.summaries[s.id] = s
        self.search[s.id] = text
        self._totals = None
        if is_my_case(self.identity, s.case_adviser, s.supervisor_users):
            self.my_ids.add(s.id)
        else:
            self.my_ids.discard(s.id)

    def drop(self, case_id: str) -> None:
        """A case gone (deleted, archived, or out of the user's scope)."""
        self.summaries.pop(case_id, None)
        self.search.pop(case_id, None)
        self.my_ids.discard(case_id)
        self._totals = None

    def all_read(self, ordered: list[tuple[str, str]]) -> None:
        """Every case read: `ordered` is (id, filter text), most urgent first, sorted off
        the UI thread; sorted here instead if another user's save came meanwhile."""
        if self.changed_while_loading:
            self.reorder()
        else:
            self.order = [case_id for case_id, _text in ordered]
            self._ordered_text, self._last_match = ordered, None
        self.loaded = True

    def reorder(self) -> None:
        """Most urgent first, each id with its filter text (what a query scans)."""
        self.order = sorted(self.summaries, key=lambda i: urgency_key(self.summaries[i]))
        self._ordered_text = [(i, self.search[i]) for i in self.order]
        self._last_match = None

    def toggle_mine(self) -> None:
        self.mine = not self.mine
        self._totals = None

    # ---- what is shown -----------------------------------------------------------------
    def shows(self, case_id: str, query: str) -> bool:
        return (not self.mine or case_id in self.my_ids) and \
            bool(matching([(case_id, self.search[case_id])], query_words(query)))

    def visible_ids(self, query: str) -> list[str]:
        ids = self._matching_ids(query)
        return [i for i in ids if i in self.my_ids] if self.mine else ids

    def _matching_ids(self, query: str) -> list[str]:
        """Matching ids, most urgent first (in arrival order while still loading): the
        filter runs over precomputed lowercase text, the order is kept, not re-sorted.
        A query that narrows the last one ("z", then "za") looks only at its matches."""
        words = query_words(query)
        if not words:
            return list(self.order if self.loaded else self.summaries)
        last = self._last_match
        if last is not None and self.loaded and narrows(last[0], words):
            rows = last[1]
        else:
            search = self.search
            rows = self._ordered_text if self.loaded else list(search.items())
        found = matching(rows, words)
        self._last_match = (words, found) if self.loaded else None
        return [case_id for case_id, _text in found]

    def count_line(self, query: str, shown: int | None = None) -> str:
        """Home's count line: cases (all, or mine of all), overdue reviews, deadlines
        breached, and how many are shown when a query or the cap narrows the list."""
        if self._totals is None:  # once per change of the cases or of `m`, not per key
            counted = [self.summaries[i] for i in self.my_ids] if self.mine \
                else list(self.summaries.values())
            self._totals = (len(counted), sum(s.overdue_reviews for s in counted),
                            sum(1 for s in counted if s.deadline_breached))
        cases, overdue, breached = self._totals
        if self.mine and not cases and self.summaries:
            # An empty table with no word why reads as a fault: say that none is theirs.
            return no_own_cases(len(self.summaries))
        # "my cases · 12/340": how many of all the cases listed are the user's own.
        whose = f"my cases · {cases}/{len(self.summaries)}" if self.mine \
            else count_of(cases, "case")
        text = (f"{whose} · {count_of(overdue, 'overdue review')} · "
                f"{count_of(breached, 'deadline')} breached")
        listed = len(self.visible_ids(query)) if shown is None else shown
        if listed > SHOWN_ROWS:  # the most urgent listed; the filter reaches the rest
            text += f" · {SHOWN_ROWS}/{listed} shown"
        elif query:
            text += f" · {listed} shown"
        return text
