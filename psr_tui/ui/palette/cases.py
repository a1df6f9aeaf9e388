"""The palette finds cases by practitioner or organisation and opens them (ctrl+p, then a
name): over the store's case digests, so only the cases the acting identity may see (a
digest holds nothing confidential), and opened where home's Enter opens them for that
role."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from rich.style import Style
from rich.text import Text
from textual.command import Hit, Hits, Provider

from ...domain.access import READ, may
from ...domain.safe_text import visible
from ...store.errors import StoreError
from ..screens.case_rows import matches
from ..screens.opening import open_case
from ..wording import in_markup

if TYPE_CHECKING:
    from ...app import PsrApp
    from ...store import CaseStore

MAX_HITS = 50  # a name typed in part can match hundreds: the best first, the rest unsaid
_MATCHED = Style(reverse=True)  # the matched words read without colour too


@dataclass(frozen=True)
class CaseEntry:
    case_id: str
    title: str  # "Case: Mr G Griffiths · Northmoor Hospitals ...", controls made visible
    about: str  # the id and state, for the line under the title
    words: str  # what a query is matched against: practitioner and organisation, the id


def case_entries(store: CaseStore, state_label: Callable[[str], str]) -> list[CaseEntry]:
    """One entry per case the store shows its identity (it scopes the digests);
    unreadable files are left to home and `psr-tui check` to report."""
    digests, _unreadable = store.load_digests()
    entries = []
    for case in digests:
        practitioner = visible(case.practitioner_name) or "(practitioner not named)"
        organisation = visible(case.organisation_name)
        title = f"Case: {practitioner}" + (f" · {organisation}" if organisation else "")
        state = state_label(case.state)
        entries.append(CaseEntry(case.id, title, f"{case.id} · {state}",
                                 f"{practitioner} {organisation} {case.id}".lower()))
    entries.sort(key=lambda e: e.title.casefold())
    return entries


class CaseFinder(Provider):
    """Search only (no discovery list): the palette's first page stays the actions."""

    entries: list[CaseEntry]

    @property
    def psr(self) -> PsrApp:
        return cast("PsrApp", self.app)

    async def startup(self) -> None:
        self.entries = []
        if not may(self.psr.identity, READ):
            return  # a role with no case access: no names, not even a search over them
        labels = self.psr.vocab["lifecycle_states"].label
        try:
            # Off the event loop: thousands of digests must not freeze the palette's typing.
            self.entries = await asyncio.to_thread(case_entries, self.psr.store, labels)
        except StoreError as exc:
            self.psr.notify(f"Cases cannot be searched just now: {exc}", severity="error")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = [e for e in self.entries if matches(e.words, query)]
        scored = sorted(((max(matcher.match(e.title), 0.01), e) for e in found),
                        key=lambda pair: -pair[0])
        for score, entry in scored[:MAX_HITS]:
            yield Hit(score, _highlighted(entry.title, query),
                      partial(open_case, self.psr, entry.case_id), text=entry.title,
                      # Help is markup to Textual: the stored text in it is escaped.
                      help=in_markup(entry.about))


def _highlighted(title: str, query: str) -> Text:
    """The title as plain text (never markup: it holds stored names), each query word
    marked where it first appears."""
    text = Text(title, no_wrap=True, overflow="ellipsis")
    lowered = title.lower()
    for word in query.lower().split():
        at = lowered.find(word)
        if at >= 0:
            text.stylize(_MATCHED, at, at + len(word))
    return text
