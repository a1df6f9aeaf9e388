"""What home lists (ui/screens/home_listing.py), without the screen: order, the filter's
matches, `m`, and the count line."""

from __future__ import annotations

import random
from datetime import date, timedelta
from operator import itemgetter

from psr_tui.domain.access import Identity
from psr_tui.domain.status import CaseSummary
from psr_tui.ui.screens.home_listing import HomeListing, merged, no_own_cases, ranked_batch
from psr_tui.ui.widgets.capped_rows import SHOWN_ROWS

ANN = Identity("abell", display_name="Dr Ann Bell")


def _summary(case_id: str, *, overdue: int = 0, breached: bool = False,
             adviser: str = "Someone Else", due: date | None = None,
             name: str = "") -> CaseSummary:
    return CaseSummary(
        id=case_id, practitioner=name or f"Dr {case_id}", profession="doctor",
        organisation="Trust", plan_type="remediation", state="delivery",
        state_label="Delivery", level=2, level_label="L2", next_review_id="",
        next_review_due=due, next_review_status="",
        overdue_reviews=overdue, due_this_week=0, reviewers=(), deadline_name="",
        deadline_days_left=None, deadline_breached=breached, plan_progress="",
        evidence_expected=0, evidence_seen=0, case_adviser=adviser, supervisor_users=())


def _listing(*summaries: CaseSummary) -> HomeListing:
    listing = HomeListing(ANN)
    for s in summaries:
        listing.keep(s, f"{s.practitioner} {s.organisation}".lower())
    return listing


def test_arrival_order_while_loading_then_the_order_sorted_off_the_ui_thread() -> None:
    listing = _listing(_summary("b"), _summary("a"), _summary("c"))
    assert listing.visible_ids("") == ["b", "a", "c"]  # as they arrived
    listing.all_read([("c", "dr c trust"), ("a", "dr a trust"), ("b", "dr b trust")])
    assert listing.loaded and listing.visible_ids("") == ["c", "a", "b"]


def test_a_change_while_loading_is_sorted_here_by_urgency() -> None:
    listing = _listing(_summary("calm"), _summary("late", overdue=2))
    listing.changed_while_loading = True
    listing.all_read([("calm", "x"), ("late", "y")])  # sorted before the change: ignored
    assert listing.visible_ids("") == ["late", "calm"]


def test_a_case_read_again_takes_its_new_place_in_the_order() -> None:
    listing = _listing(_summary("a"), _summary("b"), _summary("c", overdue=1))
    listing.changed_while_loading = True
    listing.all_read([])  # sorted here (reorder)
    assert listing.visible_ids("") == ["c", "a", "b"]
    listing.keep(_summary("b", overdue=3), "dr b trust")  # now overdue: its key again
    listing.keep(_summary("c"), "dr c trust")  # no longer overdue
    listing.reorder()
    assert listing.visible_ids("") == ["b", "a", "c"]
    listing.drop("b")
    listing.reorder()
    assert listing.visible_ids("") == ["a", "c"]


def test_the_filter_keeps_the_order_and_a_narrower_query_filters_the_last_matches() -> None:
    listing = _listing(_summary("zara", overdue=1), _summary("zack"), _summary("amy"))
    listing.all_read([("zara", "dr zara trust"), ("zack", "dr zack trust"),
                      ("amy", "dr amy trust")])
    assert listing.visible_ids("z") == ["zara", "zack"]
    assert listing.visible_ids("za") == ["zara", "zack"]
    assert listing.visible_ids("zac") == ["zack"]
    assert listing.shows("amy", "") and not listing.shows("amy", "z")


def test_my_cases_and_the_count_line() -> None:
    mine = _summary("mine", overdue=2, breached=True, adviser="Dr Ann Bell")
    listing = _listing(mine, _summary("theirs", overdue=1))
    listing.all_read([("mine", "dr mine trust"), ("theirs", "dr theirs trust")])
    assert listing.count_line("") == "2 cases · 3 overdue reviews · 1 deadline breached"
    assert listing.count_line("mine") == ("2 cases · 3 overdue reviews · 1 deadline "
                                          "breached · 1 shown")
    listing.toggle_mine()
    assert listing.visible_ids("") == ["mine"]
    assert listing.count_line("") == ("my cases · 1/2 · 2 overdue reviews · 1 deadline "
                                      "breached")
    listing.drop("mine")
    assert listing.visible_ids("") == [] and listing.count_line("") == no_own_cases(1)


def test_a_case_read_again_moves_in_or_out_of_my_cases() -> None:
    listing = _listing(_summary("x"))
    assert listing.my_ids == set()
    listing.keep(_summary("x", adviser="abell"), "dr x trust")
    assert listing.my_ids == {"x"}
    listing.keep(_summary("x"), "dr x trust")
    assert listing.my_ids == set()


def test_the_count_line_says_how_many_of_the_matches_are_listed() -> None:
    many = [_summary(f"c{n:04d}") for n in range(SHOWN_ROWS + 5)]
    listing = _listing(*many)
    listing.all_read([(s.id, f"dr {s.id} trust") for s in many])
    assert listing.count_line("").endswith(f" · {SHOWN_ROWS}/{SHOWN_ROWS + 5} shown")


def test_batches_merged_are_the_one_stable_sort_of_every_row() -> None:
    """The loading worker sorts each batch and merges them at the end (a sort of every
    row at once held the GIL, and the UI thread, 20-80 ms): the same order, ties (the
    same urgency, the same name) in the order they arrived."""
    from psr_tui.domain.status import urgency_key

    pick = random.Random(9)
    days = [None, *(date(2026, 11, 23) + timedelta(days=d) for d in range(10))]
    rows = [(_summary(f"c{n:05d}", overdue=pick.choice([0, 0, 1]), due=pick.choice(days),
                      name=pick.choice(["Dr A", "Dr B", "Dr C"])), f"text {n}")
            for n in range(1200)]
    runs = [ranked_batch(rows[at:at + 250]) for at in range(0, len(rows), 250)]
    whole = sorted(((urgency_key(s), s.id, text) for s, text in rows), key=itemgetter(0))
    assert merged(runs) == [(case_id, text) for _key, case_id, text in whole]
    assert merged([]) == []
