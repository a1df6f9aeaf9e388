"""RankedList: batches slotted into order, each key worked out once (issue 9)."""

from __future__ import annotations

import random

from psr_tui.domain.ranked_list import RankedList, items_gone


def by_tens(n: int) -> int:
    return n // 10  # many ties: arrival order must hold among them


def test_batches_merged_equal_one_stable_sort() -> None:
    rng = random.Random(9)
    arrived: list[int] = []
    ranked = RankedList(by_tens)
    for _ in range(40):
        batch = [rng.randrange(1000) for _ in range(rng.randrange(0, 60))]
        arrived += batch
        ranked.merge(batch)
        assert ranked.items == sorted(arrived, key=by_tens)
    assert len(ranked) == len(arrived)


def test_merge_says_where_the_list_first_changed() -> None:
    ranked = RankedList(by_tens, [10, 20, 30, 40])
    assert ranked.merge([35, 50]) == 3  # 35 lands after 30: the first three are as before
    assert ranked.items == [10, 20, 30, 35, 40, 50]
    assert ranked.merge([5]) == 0
    assert ranked.merge([]) == len(ranked)  # nothing moved
    assert ranked.merge([99]) == 7  # after every item: nothing before it moved


def test_each_key_is_worked_out_once() -> None:
    calls: list[int] = []

    def key(n: int) -> int:
        calls.append(n)
        return n

    ranked = RankedList(key, range(100))
    ranked.merge(range(100, 150))
    kept = ranked.where(lambda n: n % 2 == 0)
    kept.merge([151])
    ranked.drop(lambda n: n < 10)
    assert sorted(calls) == [*range(150), 151]  # merge, where and drop reuse the keys
    assert kept.items == [*range(0, 150, 2), 151]
    assert ranked.items[0] == 10


def test_where_and_drop_keep_the_order_and_the_keys_in_step() -> None:
    ranked = RankedList(by_tens, [31, 12, 25, 18, 40])
    kept = ranked.where(lambda n: n % 2 == 0)
    assert kept.items == [12, 18, 40]
    kept.merge([20])
    assert kept.items == [12, 18, 20, 40]
    ranked.drop(lambda n: n > 20)
    ranked.merge([19, 11])
    assert ranked.items == [12, 18, 19, 11]
    ranked.clear()
    assert ranked.items == [] and ranked.merge([3]) == 0


def test_remove_finds_each_item_among_equal_keys_and_says_which_it_found() -> None:
    ranked = RankedList(by_tens, [11, 12, 13, 25, 31])
    calls: list[int] = []
    ranked.key = lambda n: calls.append(n) or by_tens(n)  # type: ignore[method-assign]
    assert ranked.remove([13, 12, 99]) == [13, 12]  # 99 was never listed
    assert ranked.items == [11, 25, 31]
    assert sorted(calls) == [12, 13, 99]  # keys of the leaving items only: no pass
    ranked.merge([14])  # the kept keys still match the items
    assert ranked.items == [11, 14, 25, 31]


def test_items_gone_are_the_lost_ones_or_none_when_one_is_new() -> None:
    def ident(n: int) -> int:
        return n

    assert items_gone([1, 2, 3], [1, 3], ident) == [2]
    assert items_gone([1, 2], [1, 2], ident) == []
    assert items_gone([1, 2], [1, 4], ident) is None  # 4 must be merged in
    assert items_gone([], [], ident) == []
