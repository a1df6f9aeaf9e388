"""Home: the case list at 80x24, urgent cases first, filter, open, new case."""

from __future__ import annotations

import json
from datetime import date

from textual.widgets import DataTable, Input

from psr_tui.app import make_app
from psr_tui.demo import write_demo
from psr_tui.domain.archive import split_archive
from psr_tui.domain.case import Case
from psr_tui.domain.status import summarise
from psr_tui.store import CaseStore
from psr_tui.ui.screens.case_rows import URGENT_MARK, is_urgent
from psr_tui.ui.screens.home import HomeScreen
from psr_tui.ui.screens.intake import IntakeScreen
from tests.ui.screen_text import assert_snapshot, screen_text

TODAY = date(2026, 11, 23)


async def loaded(app, pilot) -> HomeScreen:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, HomeScreen) and screen.loaded
    return screen


def row_ids(screen: HomeScreen) -> list[str]:
    table = screen.query_one("#home-cases", DataTable)
    return [str(key.value) for key in table.rows]


async def test_overdue_first_marked_and_counted(store: CaseStore) -> None:
    write_demo(store, TODAY)
    working, _archived = split_archive(store.load_all()[0], TODAY)
    cases = {c.id: c for c in working}
    urgent = {i for i, c in cases.items() if is_urgent(summarise(c, TODAY))}
    assert urgent, "the demo data should have overdue reviews or breached deadlines"
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        ids = row_ids(screen)
        assert len(ids) == len(cases)
        assert set(ids[: len(urgent)]) == urgent  # every urgent case above the others
        table = screen.query_one("#home-cases", DataTable)
        for case_id in ids:
            mark = str(table.get_cell(case_id, "mark"))
            assert (mark == URGENT_MARK) == (case_id in urgent)
        summaries = [summarise(c, TODAY) for c in cases.values()]
        overdue = sum(s.overdue_reviews for s in summaries)
        breached = sum(s.deadline_breached for s in summaries)
        assert (f"{len(cases)} cases · {overdue} overdue reviews · {breached} deadlines "
                "breached") in screen_text(app)


async def test_filter_narrows_rows_and_esc_clears(store: CaseStore) -> None:
    for name, org in (("Dr Ann Bell", "Northshire"), ("Mr Bob Carr", "Southshire"),
                      ("Ms Cat Dunn", "Northshire")):
        case = Case()
        case.request.practitioner.name = name
        case.request.organisation.name = org
        store.create(case)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        assert len(row_ids(screen)) == 3
        await pilot.press("slash", *"north")
        await pilot.pause()
        names = [str(screen.query_one(DataTable).get_cell(i, "practitioner"))
                 for i in row_ids(screen)]
        assert sorted(names) == ["Dr Ann Bell", "Ms Cat Dunn"]
        await pilot.press(*" cat")
        await pilot.pause()
        assert len(row_ids(screen)) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert len(row_ids(screen)) == 3


async def test_enter_opens_the_right_case(store: CaseStore) -> None:
    ids = []
    for name in ("Dr Ann Bell", "Mr Bob Carr", "Ms Cat Dunn"):
        case = Case()
        case.request.practitioner.name = name
        ids.append(store.create(case).id)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        order = row_ids(screen)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        assert app.screen.case_id == order[1]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_n_creates_a_case_received_today(store: CaseStore) -> None:
    store.create(Case(id="case-held"))  # an empty database opens on the welcome instead
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        (case_id,) = set(store.list_ids()) - {"case-held"}
        case = store.get(case_id)
        assert case.request.received_on == TODAY
        assert case.state == "request"
        assert app.screen.case_id == case_id
        assert store.audit(case_id)[0].action == "create"
        await pilot.press("escape")  # nothing typed: leaves without asking, leaves no row
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.list_ids() == ["case-held"]
        assert row_ids(app.screen) == ["case-held"]


async def test_a_new_case_with_typing_asks_before_discarding(store: CaseStore) -> None:
    store.create(Case(id="case-held"))
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        (case_id,) = set(store.list_ids()) - {"case-held"}
        await pilot.press(*"Half an org")  # typed into the first field, step still invalid
        await pilot.press("escape")
        await pilot.pause()
        assert "Discard" in screen_text(app)
        await pilot.press("n")  # stay
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and case_id in store.list_ids()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and store.list_ids() == ["case-held"]


async def test_unreadable_file_is_reported_by_name(store: CaseStore) -> None:
    store.create(Case(id="case-good"))
    bad = store.cases_dir / "case-bad.json"
    bad.write_text(json.dumps({"case": {"1": {"revision": "not a number"}}}))
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        assert row_ids(screen) == ["case-good"]
        messages = [n.message for n in app._notifications]
        assert any("case-bad.json" in m for m in messages)


async def test_other_users_change_refreshes_the_row(store: CaseStore) -> None:
    created = store.create(Case())
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        store.update(created.id, lambda c: setattr(c.request.practitioner, "name", "Dr New"),
                     "edit")
        screen.cases_changed(frozenset({created.id}))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(screen.query_one(DataTable).get_cell(created.id, "practitioner")) == "Dr New"


async def test_home_snapshot_with_demo_data(store: CaseStore) -> None:
    write_demo(store, TODAY)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        assert_snapshot(app, "home_demo")


async def test_palette_lists_the_screens_actions_not_widget_keys(store: CaseStore) -> None:
    """Enter "Open" is the table's key too: the palette still offers it, and runs it."""
    store.create(Case(id="case-pal"))
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        commands = {c.title: c for c in app.get_system_commands(screen)}
        for title in ("Cases: Open", "Cases: New case", "Cases: Filter", "Cases: Help"):
            assert title in commands, sorted(commands)
        assert not any("Cursor" in t or "Copy selected" in t for t in commands)
        await commands["Cases: Open"].callback()  # what the palette runs
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)


async def test_help_says_how_to_close_and_lists_the_screens_keys(store: CaseStore) -> None:
    from textual.widgets import Markdown

    from psr_tui.ui.dialogs.help import HelpScreen

    store.create(Case(id="case-help"))
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Esc or F1 closes" in screen_text(app)  # visible without scrolling
        source = app.screen.query_one(Markdown).source
        assert "| `enter` | Open |" in source and "| `n` | New case |" in source
        assert "Cursor" not in source
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_p_opens_progress_of_a_plan_nothing_is_due_on(store: CaseStore) -> None:
    """Completion sign-off and amendments live in the progress view: reachable from home."""
    from psr_tui.domain.status import review_items
    from psr_tui.ui.screens.plan_progress import PlanProgressScreen

    write_demo(store, TODAY)
    cases, _archived = split_archive(store.load_all()[0], TODAY)  # home lists these
    quiet = next(c for c in cases if c.state in ("active", "extended", "completed")
                 and not review_items([c], TODAY))
    draft = next(c for c in cases if c.state == "draft")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        table = screen.query_one("#home-cases", DataTable)
        table.move_cursor(row=row_ids(screen).index(draft.id))
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is screen  # a draft has no progress yet: told, not opened
        table.move_cursor(row=row_ids(screen).index(quiet.id))
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanProgressScreen)
        assert app.screen.case_id == quiet.id
        assert quiet.practitioner_name in screen_text(app)


async def test_no_color_shows_the_focused_input_in_reverse(store: CaseStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    store.create(Case(id="case-held"))
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.press("n")  # a new case: the intake, focus in the empty Organisation field
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        focused = app.focused
        assert isinstance(focused, Input)
        assert focused.styles.text_style.reverse
        await pilot.press("tab")
        await pilot.pause()
        assert not focused.styles.text_style.reverse


async def test_footer_offers_progress_once_the_cases_have_loaded(store: CaseStore) -> None:
    store.create(Case(id="case-foot"))
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.pause()
        assert "p Progress" in screen_text(app).splitlines()[-1]


async def test_a_save_made_deeper_in_this_session_shows_on_home(store: CaseStore) -> None:
    """Home hears of this session's own saves too, not only of other users' (a case opened
    from the dashboard, not from home, stayed stale until a restart)."""
    from psr_tui.domain.status import review_items
    from psr_tui.ui.dialogs.review_outcome import ReviewOutcomeDialog
    from psr_tui.ui.screens.plan_progress import PlanProgressScreen

    write_demo(store, TODAY)
    item = review_items(store.load_all()[0], TODAY)[0]
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await loaded(app, pilot)
        before = home.summaries[item.case_id].next_review_id
        assert before == item.review_point_id
        app.push_screen(PlanProgressScreen(item.case_id, review_point_id=item.review_point_id))
        await pilot.pause()
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewOutcomeDialog)
        await pilot.press("2", *"steady", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is home
        stored = summarise(store.get(item.case_id), TODAY)
        assert stored.next_review_id != before
        assert home.summaries[item.case_id].next_review_id == stored.next_review_id


async def test_no_color_keeps_urgent_rows_and_problems_readable(
        store: CaseStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """NO_COLOR greys colours by brightness: red on dark became near-invisible. Urgent rows
    and messages under fields use the text colour and bold instead."""
    monkeypatch.setenv("NO_COLOR", "1")
    write_demo(store, TODAY)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await loaded(app, pilot)
        first = home.table.get_row_at(0)
        assert first[0].plain == URGENT_MARK and str(first[1].style) == "bold"
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+n")  # an empty first step: refused, messages under fields
        await pilot.pause()
        errors = [w for w in app.screen.query(".field-error") if not w.has_class("-empty")]
        assert errors
        assert all(e.styles.text_style.bold for e in errors)
        foreground = app.current_theme.foreground
        assert all(e.styles.color.hex.lower() == str(foreground).lower() for e in errors)


async def test_my_cases_and_the_case_adviser_filter_remembered_per_user(tmp_path) -> None:
    from psr_tui.domain.access import Identity
    from tests.domain.plan_states import fill_every_state

    fill_every_state(CaseStore.open(tmp_path / "db", user="tester"))
    helen = Identity("hmarsden", display_name="Dr Helen Marsden")

    def app_as(identity: Identity):
        return make_app(CaseStore.open(tmp_path / "db", identity=identity),
                        today=lambda: TODAY, poll=False)

    app = app_as(helen)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        every = set(row_ids(screen))
        assert {"paused", "amendment", "on-track"} <= every
        await pilot.press("slash", *"tom reed", "enter")  # the case adviser's name
        await pilot.pause()
        assert set(row_ids(screen)) == {"paused", "amendment"}
        await pilot.press("escape", "m")
        await pilot.pause()
        mine = set(row_ids(screen))
        # Dr Helen Marsden's, one typed in small letters; Mr Tom Reed's are not hers
        assert mine == every - {"paused", "amendment"} and "on-track" in mine
        assert f"my cases · {len(mine)}/{len(every)} · " in screen_text(app)
        assert_snapshot(app, "home_my_cases")
        stored = json.loads((tmp_path / "db" / "settings" / "hmarsden.json").read_text())
        assert stored["home"] == {"mine": "yes"}
        await pilot.press("slash", *"tom reed")  # mine and Tom Reed's: none
        await pilot.pause()
        assert row_ids(screen) == []
    again = app_as(helen)
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await loaded(again, pilot)
        assert screen.mine and set(row_ids(screen)) == mine  # remembered
        await pilot.press("m")
        await pilot.pause()
        assert set(row_ids(screen)) == every
        assert "my cases" not in screen_text(again)
    other = app_as(Identity("treed", display_name="Mr Tom Reed"))
    async with other.run_test(size=(80, 24)) as pilot:
        screen = await loaded(other, pilot)
        assert not screen.mine  # her choice is not his
        await pilot.press("m")
        await pilot.pause()
        assert set(row_ids(screen)) == {"paused", "amendment"}
        assert "my cases · 2/" in screen_text(other)


async def test_my_cases_with_none_of_mine_says_why_the_list_is_empty(tmp_path) -> None:
    """`m` for a user who is no case's adviser or supervisor: the empty table is explained
    on the count line, not left blank."""
    from psr_tui.domain.access import Identity
    from psr_tui.ui.screens.home_listing import no_own_cases
    from tests.domain.plan_states import fill_every_state

    fill_every_state(CaseStore.open(tmp_path / "db", user="tester"))
    stranger = Identity("nobody", display_name="Ms Nobody Here")
    app = make_app(CaseStore.open(tmp_path / "db", identity=stranger),
                   today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        every = len(row_ids(screen))
        assert every
        await pilot.press("m")
        await pilot.pause()
        assert row_ids(screen) == []
        text = screen_text(app)
        assert no_own_cases(every) in text
        assert "none is yours as case adviser or supervisor" in text
        await pilot.press("m")  # back to every case: the ordinary count line
        await pilot.pause()
        assert len(row_ids(screen)) == every and "none is yours" not in screen_text(app)
