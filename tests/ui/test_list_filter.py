"""The lists' text filter: words matched in every row's text, a narrower query looking only
at the last matches, and a wider one (a key deleted) at every row again (issue 9)."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from psr_tui.app import make_app
from psr_tui.domain.case import Case
from psr_tui.store import CaseStore
from psr_tui.ui.screens.case_rows import matching, narrows, query_words
from psr_tui.ui.screens.home import HomeScreen

TODAY = date(2026, 11, 23)
ROWS = [("a", "dr zara bell northshire"), ("b", "mr bob carr southshire"),
        ("c", "ms zoe dunn northshire")]


def test_every_word_must_be_in_the_text_in_any_order() -> None:
    assert [k for k, _t in matching(ROWS, query_words("North ZA"))] == ["a"]
    assert [k for k, _t in matching(ROWS, query_words("z"))] == ["a", "c"]
    assert matching(ROWS, query_words("shire z north")) == [ROWS[0], ROWS[2]]
    assert matching(ROWS, ()) == ROWS
    assert matching(ROWS, query_words("zz")) == []


def test_a_query_narrows_the_last_only_when_each_earlier_word_is_kept() -> None:
    assert narrows(("z",), ("za",))
    assert narrows(("z",), ("north", "z"))
    assert narrows((), ("anything",))
    assert not narrows(("za",), ("z",))  # a key deleted: wider
    assert not narrows(("z", "north"), ("z",))
    assert not narrows(("bob",), ("bell",))


async def test_home_filter_narrows_then_widens_again(store: CaseStore) -> None:
    for name, org in (("Dr Zara Bell", "Northshire"), ("Mr Bob Carr", "Southshire"),
                      ("Ms Zoe Dunn", "Northshire"), ("Dr Zak Moss", "Westshire")):
        case = Case()
        case.request.practitioner.name = name
        case.request.organisation.name = org
        store.create(case)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.loaded
        table = screen.query_one(DataTable)

        def names() -> list[str]:
            return sorted(str(table.get_cell(k, "practitioner")) for k in table.rows)

        await pilot.press("slash", "z")
        await pilot.pause()
        assert names() == ["Dr Zak Moss", "Dr Zara Bell", "Ms Zoe Dunn"]
        await pilot.press("a")
        await pilot.pause()
        assert names() == ["Dr Zak Moss", "Dr Zara Bell"]
        await pilot.press("r")
        await pilot.pause()
        assert names() == ["Dr Zara Bell"]
        await pilot.press("backspace")
        await pilot.pause()
        assert names() == ["Dr Zak Moss", "Dr Zara Bell"]  # wider again: every row looked at
        await pilot.press("backspace", "backspace", *"bob")
        await pilot.pause()
        assert names() == ["Mr Bob Carr"]


async def test_home_filters_in_the_keystrokes_own_step(store: CaseStore) -> None:
    """The list is filtered when the typed text changes, not on the Input.Changed message
    queued after it: no frame can show the key echoed over the old list (issue 9,
    "filter: list after the echo")."""
    from textual.widgets import Input, Static

    for name in ("Dr Zara Bell", "Mr Bob Carr"):
        case = Case()
        case.request.practitioner.name = name
        store.create(case)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.loaded
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        box = screen.query_one("#home-filter", Input)
        box.insert_text_at_cursor("zara")  # what a key does; no message handled after it
        assert table.row_count == 1
        assert "1 shown" in str(screen.query_one("#home-counts", Static).render())
        box.value = ""  # Esc's way: every case again, at once
        assert table.row_count == 2
