"""Lists at scale: home fills as digests arrive, the loaded heap leaves the collector's
sight, and a save re-reads only its own case (issue 9)."""

from __future__ import annotations

import gc
from datetime import date
from typing import Any

import pytest
from textual.widgets import DataTable, Static

from psr_tui.app import make_app
from psr_tui.demo import write_demo
from psr_tui.domain.archive import is_archived, load_record_life
from psr_tui.domain.case import Case
from psr_tui.store import CaseStore
from psr_tui.ui.screens import home as home_module
from psr_tui.ui.screens.home import HomeScreen
from psr_tui.ui.widgets.row_table import RowTable

from .waiting import until

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(store: CaseStore) -> CaseStore:
    write_demo(store, TODAY)
    return store


async def test_home_shows_rows_before_every_case_is_read(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(home_module, "LOAD_BATCH", 10)
    monkeypatch.setattr(home_module, "FIRST_BATCH", 10)
    seen: list[tuple[bool, int, str]] = []
    arrived = HomeScreen._arrived

    def watch(self: HomeScreen, *args: object) -> None:
        arrived(self, *args)  # type: ignore[arg-type]
        counts = str(self.query_one("#home-counts", Static).render())
        seen.append((self.loaded, self.query_one(DataTable).row_count, counts))

    monkeypatch.setattr(HomeScreen, "_arrived", watch)
    app = make_app(demo, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        ids = demo.list_ids()
        total = len(ids)
        # Archived cases never arrive (the archive has its own view): the first batch's
        # rows are its ten cases less those archived.
        life = load_record_life()
        archived = {c.id for c in demo.load_all()[0] if is_archived(c, TODAY, life)}
        first = sum(1 for i in ids[:10] if i not in archived)
        assert seen[0] == (False, first, f"Loading cases… 10/{total} (sorted by urgency "
                                         "when all are read)")
        assert len(seen) == -(-total // 10)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.loaded
        assert screen.query_one(DataTable).row_count == total - len(archived)
    gc.unfreeze()


async def test_the_loaded_list_is_frozen_out_of_collections(demo: CaseStore) -> None:
    gc.unfreeze()
    app = make_app(demo, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert gc.get_freeze_count() > 0
    gc.unfreeze()


async def test_a_save_reads_one_stamp_not_the_whole_folder(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(demo, today=lambda: TODAY, poll=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        case_id = "case-004-mr-g"
        for _ in range(100):  # the first stamps are read by a worker, then handed over
            if app._fingerprint:
                break
            await pilot.pause(0.02)
        assert app._fingerprint.get(case_id) == demo.stamp(case_id)

        def whole_folder() -> None:
            raise AssertionError("a save scanned every case file")

        monkeypatch.setattr(demo, "fingerprint", whole_folder)
        demo.update(case_id, lambda case: None, "intake", "touched")
        app.note_own_write(case_id)
        assert app._fingerprint[case_id] == demo.stamp(case_id)
    gc.unfreeze()


async def test_a_recorded_review_removes_its_row_without_refilling_the_list(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from psr_tui.ui.screens.quick_review import QuickReviewScreen

    app = make_app(demo, today=lambda: TODAY, start="review", poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")  # every due review point: an adviser is linked to none
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuickReviewScreen) and len(screen.items) >= 2
        table = screen.query_one(DataTable)
        before = [str(k.value) for k in table.rows]
        clears: list[int] = []
        monkeypatch.setattr(table, "clear", lambda *a, **k: clears.append(1))
        await pilot.press("enter", "2", *"fine", "enter")
        await pilot.pause()
        assert clears == []  # the list was not rebuilt
        assert [str(k.value) for k in table.rows] == before[1:]
        assert [f"{i.case_id}/{i.review_point_id}" for i in screen.items] == before[1:]
    gc.unfreeze()


async def test_a_worker_result_for_a_screen_already_gone_is_dropped(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """A re-read that finishes after its screen has left (or while the app quits) once
    crashed the app: its result went to a table already removed (NoMatches)."""
    import threading

    from psr_tui.ui.screens.nothing_here import NothingHereScreen

    release, started = threading.Event(), threading.Event()
    app = make_app(demo, today=lambda: TODAY, poll=False)
    get_digest = app.store.get_digest  # the signed-in user's scoped store

    def slow_digest(case_id: str) -> object:
        started.set()
        release.wait(10)
        return get_digest(case_id)

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        home = app.screen
        assert isinstance(home, HomeScreen) and home.loaded
        applied: list[object] = []
        monkeypatch.setattr(home, "_apply_changes", lambda *a: applied.append(a))
        handed: list[bool] = []
        from_worker = home.from_worker

        def hand_over(*args: object) -> bool:
            handed.append(from_worker(*args))  # type: ignore[arg-type]
            return handed[-1]

        monkeypatch.setattr(home, "from_worker", hand_over)
        monkeypatch.setattr(app.store, "get_digest", slow_digest)
        worker = home.reread(["case-004-mr-g"])
        await until(pilot, started.is_set)  # the thread starts from the app's loop
        await app.switch_screen(NothingHereScreen())  # home leaves the stack
        await pilot.pause()
        assert not home.is_live()
        release.set()  # the screen's workers were cancelled; a thread runs on regardless
        await until(pilot, lambda: bool(handed))
        assert worker.is_cancelled and handed == [False]
        assert applied == []  # dropped, not applied to a removed table
        assert app._exception is None and app.is_running
    gc.unfreeze()


@pytest.mark.parametrize("start", ["review", "dashboard"])
async def test_no_list_reads_a_case_file_on_the_ui_thread(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    """The quick review and the review dashboard once read their first 50 digests (and
    listed every case file) on the UI thread before their first frame: 0.1-0.2 s held at
    20,000 cases. Every batch is read off it now, and the list is still whole. (The
    dashboard is opened over home here: over the quick review it reads nothing.)"""
    import threading

    from psr_tui.ui.screens.dashboard import DashboardScreen
    from psr_tui.ui.screens.quick_review import QuickReviewScreen

    app = make_app(demo, today=lambda: TODAY, start=start if start == "review" else "home",
                   poll=False)
    iter_digests = app.store.iter_digests
    threads: list[threading.Thread] = []

    def watched(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for batch in iter_digests(*args, **kwargs):  # type: ignore[arg-type]
            threads.append(threading.current_thread())
            yield batch

    monkeypatch.setattr(app.store, "iter_digests", watched)
    async with app.run_test(size=(80, 24)) as pilot:
        if start == "dashboard":
            await app.workers.wait_for_complete()
            threads.clear()
            await app.push_screen(DashboardScreen())
            await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        else:
            await pilot.press("a")  # every due review point: an adviser is linked to none
            await app.workers.wait_for_complete()
        await until(pilot, lambda: bool(threads) and not app.screen.load_progress)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DashboardScreen if start == "dashboard" else QuickReviewScreen)
        assert threads and threading.main_thread() not in threads
        assert screen.items and screen.query_one(DataTable).row_count == len(screen.items)
    gc.unfreeze()


async def test_home_lists_rows_as_they_come_near_never_in_the_background(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    # Home added all its 500 rows after each frame once loaded or filtered, a second of
    # UI work at 20,000 cases: `d` pressed meanwhile waited for it. Rows are added only as
    # the view or the cursor comes near them.
    monkeypatch.setattr(home_module, "FIRST_ROWS", 5)
    monkeypatch.setattr(home_module, "CHUNK_ROWS", 5)
    app = make_app(demo, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        home = app.screen
        assert isinstance(home, HomeScreen)
        await until(pilot, lambda: home.loaded)
        for _ in range(10):
            await pilot.pause(0.02)
        table = home.query_one(RowTable)
        listed = len(home.visible_ids())
        height = table.scrollable_content_region.height
        # The view filled, and a screenful below it, no more.
        assert 2 * height <= table.row_count < 2 * height + 5 < listed
        before = table.row_count
        for _ in range(before - height):
            await pilot.press("down")  # less than a screenful left below the cursor
        await pilot.pause()
        assert table.row_count > before  # the cursor came near the last rows
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.row_count == listed  # every listed row, the cursor on the last
        assert table.cursor_row == listed - 1
    gc.unfreeze()


@pytest.mark.parametrize("start", ["home", "review"])
async def test_other_sessions_are_watched_once_the_first_rows_are_drawn(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    """The first stamps (every case file's) are read after the start screen's first batch
    is on screen, not beside it: they held its rows back (40 ms at 5,000 cases)."""
    from psr_tui.ui.screens.quick_review import QuickReviewScreen

    arrivals: list[str] = []
    for screen_class in (HomeScreen, QuickReviewScreen):
        def arrived(self: object, *args: object, _was: Any = screen_class._arrived) -> None:
            _was(self, *args)
            arrivals.append(type(self).__name__)

        monkeypatch.setattr(screen_class, "_arrived", arrived)
    from psr_tui.ui import change_poll

    # Only the first rows start it here (the fallback, for a busy host's slow load, is
    # the next test's).
    monkeypatch.setattr(change_poll, "POLL_START_LATEST", 60.0)
    at_first_stamps: list[tuple[int, int]] = []
    app = make_app(demo, today=lambda: TODAY, start=start, poll=True)
    fingerprint = demo.fingerprint

    def watched() -> dict[str, tuple[int, int, int]]:
        if not at_first_stamps:
            rows = app.screen.query_one(RowTable).row_count
            at_first_stamps.append((len(arrivals), rows))
        return fingerprint()

    monkeypatch.setattr(demo, "fingerprint", watched)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(app._fingerprint), what="the first stamps read")
        arrived_then, rows_then = at_first_stamps[0]
        assert arrived_then >= 1, "the stamps were read before the first batch was shown"
        if start == "home":
            assert rows_then > 0
        assert app._fingerprint == fingerprint()
    gc.unfreeze()


async def test_a_start_screen_without_a_list_still_watches_other_sessions(
        store: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from psr_tui.ui import change_poll

    monkeypatch.setattr(change_poll, "POLL_START_LATEST", 0.05)
    app = make_app(store, today=lambda: TODAY, poll=True)  # empty: the welcome screen
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app._polling, what="polling started")
        other = CaseStore.open(store.root, user="tester")
        created = other.create(Case(id="case-elsewhere"))
        posted: list[set[str]] = []
        monkeypatch.setattr(app, "_post_changes", lambda ids, by_me=False: posted.append(ids))
        app._check_for_changes()  # as the next poll does
        assert posted == [{created.id}]
    gc.unfreeze()


async def test_the_screen_d_opens_is_imported_once_the_list_is_whole(
        demo: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from psr_tui.ui.screens import base

    imported: list[tuple[str, bool]] = []  # the module, and whether the list was whole
    app = make_app(demo, today=lambda: TODAY, poll=False)
    monkeypatch.setattr(base, "import_module", lambda module: imported.append(
        (module, isinstance(app.screen, HomeScreen) and app.screen.loaded)))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(imported), timeout=base.IMPORT_AFTER + 10,
                    what="the plans dashboard imported")
        assert imported == [("psr_tui.ui.screens.plans_dashboard", True)]
    gc.unfreeze()
