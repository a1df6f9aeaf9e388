"""A list kept in order as batches arrive: the lists' rows while their cases are read.

Re-sorting the whole list for each batch of 500 cost the UI thread 15-30 ms a batch at
20,000 cases (the sort key worked out again for every row), and the rows behind it were
filtered and counted again too (issue 9). Here each item's key is worked out once, when
it arrives; a batch is sorted on its own and slotted in by bisection over the kept keys,
so merging costs the batch, not the list.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class RankedList(Generic[T]):
    """`items` in order of `key` (ties keep their arrival order)."""

    def __init__(self, key: Callable[[T], Any], items: Iterable[T] = ()) -> None:
        self.key = key
        self.items: list[T] = []
        self._keys: list[Any] = []
        self.merge(items)

    def __len__(self) -> int:
        return len(self.items)

    def merge(self, new: Iterable[T]) -> int:
        """Slot `new` in; returns the first position whose item changed (len when none),
        so a list showing only its first rows can tell whether they moved."""
        key = self.key
        ranked = sorted(((key(item), n, item) for n, item in enumerate(new)),
                        key=lambda entry: (entry[0], entry[1]))
        if not ranked:
            return len(self.items)
        items, keys = self.items, self._keys
        out_items: list[T] = []
        out_keys: list[Any] = []
        start = 0
        first = bisect_right(keys, ranked[0][0])
        for item_key, _n, item in ranked:
            at = bisect_right(keys, item_key, start)
            out_items += items[start:at]
            out_keys += keys[start:at]
            out_items.append(item)
            out_keys.append(item_key)
            start = at
        out_items += items[start:]
        out_keys += keys[start:]
        self.items, self._keys = out_items, out_keys
        return first

    def where(self, keep: Callable[[T], bool]) -> RankedList[T]:
        """The items for which `keep` is true, as a list of their own (no key worked out
        again: a filter over 16,000 rows)."""
        kept = RankedList(self.key)
        pairs = [(k, item) for k, item in zip(self._keys, self.items, strict=True) if keep(item)]
        kept._keys = [k for k, _item in pairs]
        kept.items = [item for _k, item in pairs]
        return kept

    def drop(self, leaving: Callable[[T], bool]) -> None:
        """Every item for which `leaving` is true leaves the list."""
        kept = [(k, item) for k, item in zip(self._keys, self.items, strict=True)
                if not leaving(item)]
        self._keys = [k for k, _item in kept]
        self.items = [item for _k, item in kept]

    def remove(self, leaving: Iterable[T]) -> list[T]:
        """These items leave, each found by bisection over the kept keys (equal items);
        returns those found. A save's one or two items out of 16,000 cost a pass with a
        test per item, two or three times over, 10-20 ms of the save's confirmation."""
        key, keys, items = self.key, self._keys, self.items
        found: list[T] = []
        for item in leaving:
            item_key = key(item)
            at = bisect_left(keys, item_key)
            while at < len(keys) and keys[at] == item_key and items[at] != item:
                at += 1
            if at < len(keys) and keys[at] == item_key:
                del keys[at], items[at]
                found.append(item)
        return found

    def clear(self) -> None:
        self.items, self._keys = [], []


def items_gone(before: Iterable[T], after: Iterable[T],
               identity: Callable[[T], Hashable]) -> list[T] | None:
    """A changed case's items that left (a review recorded: its due point goes), or None
    when `after` brings one `before` lacked, which must be merged into the list instead."""
    kept = {identity(item) for item in after}
    held = {identity(item): item for item in before}
    if not kept <= held.keys():
        return None
    return [item for ident, item in held.items() if ident not in kept]
