"""How a list screen reads its cases: the store's digests in batches, off the UI thread.

The plans dashboard, the review dashboard and the quick review load the same way
(issue 9). The first batch, a screenful, is read in a thread while the screen's
`on_mount` awaits it: keys typed meanwhile wait for the first rows (Enter typed ahead
still opens the first item), and the UI thread draws and answers. Read beside the
screen's first layout instead, it took the GIL in turns with it and the first rows came
0.3 s after the key at 20,000 cases. The rest is read in a thread worker, each batch's
rows made there too; the UI thread only merges them.

A screen's `make` turns a batch's digests into its rows (off the UI thread); its
`arrived` takes each `Arrival` on the UI thread. Loading again (a reload) drops the
batches of the load before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Generic, TypeVar

from textual.worker import get_current_worker

from ...domain.case_digest import CaseDigest
from ..widgets.capped_rows import after_next_frame

if TYPE_CHECKING:
    from ...store.case_reader import DigestBatch
    from .base import PsrScreen

R = TypeVar("R")
LOAD_BATCH = 500  # case digests read per step
FIRST_BATCH = 50  # the first step: a screenful, so the first rows show at once
REDRAW_EVERY = 4  # batches between redraws of a list's first rows while loading


@dataclass(frozen=True)
class Arrival(Generic[R]):
    """One batch, for the UI thread."""

    made: R  # what the screen's `make` made of the batch's digests
    digests: list[CaseDigest]
    problems: int  # case files in the batch that could not be read
    progress: str  # "5000/20000" while more are to come; "" with the last batch
    redraw: bool  # every few batches, and with the first and last: redraw the list

    @property
    def last(self) -> bool:
        return not self.progress


@dataclass(frozen=True)
class HeldDigests:
    """Digests a screen below already holds (PsrScreen.due_digests), for a list that needs
    no others: its rows are made from them, no case file read again."""

    digests: list[CaseDigest]
    problems: int  # case files that could not be read when they were loaded


class BatchLoader(Generic[R]):
    """Loads `screen`'s digests; `group` names its worker (one at a time per group)."""

    def __init__(self, screen: PsrScreen, group: str,
                 make: Callable[[list[CaseDigest]], R],
                 arrived: Callable[[Arrival[R]], None]) -> None:
        self.screen = screen
        self.group = group
        self.make = make
        self.arrived = arrived
        self._generation = 0

    async def start(self, held: HeldDigests | None = None) -> None:
        """The first batch, awaited; then the rest in a worker. Returns with the first
        rows handed to `arrived` (or with nothing when the screen has gone meanwhile).
        With `held`, those digests in the same batches, none read: rows made of all 4,400
        at once came 170 ms after `d` at 20,000 cases, against 100 ms for a screenful."""
        self._generation += 1
        generation = self._generation
        batches = (held_batches(held) if held is not None else
                   self.screen.psr.store.iter_digests(batch=LOAD_BATCH, first=FIRST_BATCH))
        first = await asyncio.to_thread(self._next, batches, 0)
        if not self.screen.is_live() or generation != self._generation:
            return  # left, or loading again, meanwhile
        if first is not None and held is not None and held.problems:
            first = replace(first, problems=first.problems + held.problems)
        if first is None:
            self.arrived(Arrival(self.make([]), [], 0, "", True))
            return
        self.arrived(first)
        # Other sessions' saves watched from now: the first stamps, read beside the first
        # batch, held its rows back (ui/change_poll.py).
        self.screen.call_after_refresh(self.screen.psr.start_polling)
        if not first.last:
            self.screen.run_worker(partial(self._rest, batches, generation), thread=True,
                                   exclusive=True, group=self.group)

    def _next(self, batches: Iterator[DigestBatch], n: int) -> Arrival[R] | None:
        """Off the UI thread: the next batch, made into rows (None when none is left)."""
        batch = next(batches, None)
        if batch is None:
            return None
        last = batch.done == batch.total
        return Arrival(self.make(batch.digests), batch.digests, len(batch.problems),
                       "" if last else f"{batch.done}/{batch.total}",
                       last or n % REDRAW_EVERY == 0)

    def _rest(self, batches: Iterator[DigestBatch], generation: int) -> None:
        worker = get_current_worker()
        after_next_frame(self.screen)  # the first rows drawn before reading on
        n = 1
        while (found := self._next(batches, n)) is not None:
            if worker.is_cancelled or generation != self._generation:
                return  # loading again: this load's batches are not wanted
            if not self.screen.from_worker(self._hand_over, generation, found):
                return  # the screen is gone: stop reading
            n += 1

    def _hand_over(self, generation: int, found: Arrival[R]) -> None:
        if generation == self._generation:  # else a batch of an earlier load
            self.arrived(found)


def held_batches(held: HeldDigests) -> Iterator[DigestBatch]:
    """Held digests in the store's batch sizes, as if read (the files they could not read
    are the holder's count, not repeated here)."""
    from ...store.case_reader import DigestBatch

    digests, total = held.digests, len(held.digests)
    done, size = 0, FIRST_BATCH
    while True:
        batch = digests[done:done + size]
        done += len(batch)
        yield DigestBatch(batch, [], done, total)
        if done >= total:
            return
        size = LOAD_BATCH
