"""Stored text is untrusted: a case whose names and notes hold terminal control sequences
(as an import from elsewhere could bring) is shown visibly on every screen, and nothing of
it reaches the terminal as a control code."""

from __future__ import annotations

import re
from datetime import date

from textual.app import App
from textual.strip import Strip

from psr_tui.app import make_app
from psr_tui.store import CaseStore
from psr_tui.ui import terminal_guard
from psr_tui.ui.screens.dashboard import DashboardScreen
from psr_tui.ui.screens.home import HomeScreen
from psr_tui.ui.screens.plan_progress import PlanProgressScreen
from psr_tui.ui.screens.plans_dashboard import PlansDashboardScreen
from psr_tui.ui.screens.quick_review import QuickReviewScreen

from .review_cases import running_case
from .screen_text import screen_text

TODAY = date(2026, 11, 23)
# OSC 52 (write the clipboard), clear screen, the one-byte CSI, a right-to-left override.
HOSTILE = "Dr \x1b]52;c;SGVsbG8=\x07 \x1b[2J\x9b31m\u202eEvil"
# Written out here, not imported: the test must not share the sanitiser's definition.
DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What Textual itself writes: SGR and cursor moves, and OSC 8 links closed by ST.
TEXTUALS_OWN = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\]8;[^\x1b]*\x1b\\")


def hostile_store(store: CaseStore) -> CaseStore:
    # The store's user is linked as the supervisor: their quick review lists case-h.
    case = running_case("case-h", HOSTILE, f"Org {HOSTILE}", f"Sup {HOSTILE}", user=store.user)
    assert case.plan is not None
    for rp in case.plan.review_points:
        rp.title, rp.reviewer = f"Review {HOSTILE}", store.user
    first = case.plan.review_points[0].outcome
    assert first is not None
    first.note = f"Note {HOSTILE}\nsecond line"
    case.plan.objectives = []
    store.create(case)
    return store


def terminal_bytes(app: App[object]) -> str:
    """What Textual writes to the terminal for the whole screen."""
    update = app.screen._compositor.render_update(full=True)
    return update.render_segments(app.console)


def assert_safe(app: App[object], where: str) -> None:
    shown = screen_text(app)
    assert "␛]52" in shown, f"{where}: the hostile name is not shown visibly:\n{shown}"
    assert not DANGEROUS.search(shown), f"{where}: {DANGEROUS.findall(shown)}"
    written = terminal_bytes(app)
    assert "\x1b]52" not in written and "\x1b[2J" not in written, where
    rest = TEXTUALS_OWN.sub("", written)
    assert not DANGEROUS.search(rest), f"{where}: {sorted(set(DANGEROUS.findall(rest)))}"


async def test_every_screen_shows_hostile_text_visibly(store: CaseStore) -> None:
    app = make_app(hostile_store(store), today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert_safe(app, "home")
        app.push_screen(DashboardScreen())
        await pilot.pause()
        assert_safe(app, "dashboard")
        app.push_screen(PlansDashboardScreen())
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert_safe(app, "plans dashboard")
        app.push_screen(QuickReviewScreen())
        await pilot.pause()
        assert_safe(app, "quick review")
        app.push_screen(PlanProgressScreen("case-h", review_point_id="rp-case-h-1"))
        await pilot.pause()
        assert_safe(app, "plan progress")
        detail = str(app.screen.query_one("#progress-detail").render())
        assert "Note: Note Dr ␛]52" in detail and "second line" in detail and "\x1b" not in detail
        app.notify(f"Saved {HOSTILE}")  # a message echoing stored text
        await pilot.pause()
        written = TEXTUALS_OWN.sub("", terminal_bytes(app))
        assert not DANGEROUS.search(written)


def test_the_guard_makes_a_missed_path_visible_at_the_terminal() -> None:
    """Any widget that shows stored text unsanitised is still caught where lines are
    written: Textual's own codes pass, the stored ESC and CSI do not."""
    from rich.console import Console
    from rich.segment import Segment
    from rich.style import Style

    terminal_guard.install()  # as PsrApp does before its first frame
    console = Console(force_terminal=True, color_system="truecolor")
    written = Strip([Segment(HOSTILE, Style(bold=True))]).render(console)
    assert written.startswith("\x1b[1m") and written.endswith("\x1b[0m")
    assert "␛]52" in written and "\\x9b" in written
    assert not DANGEROUS.search(TEXTUALS_OWN.sub("", written))


# Rich markup as a name: a closing tag that opens nothing made Rich raise (a crash), an
# opening one would restyle the rest. Short enough to show whole in every list's column.
MARKUP = "[/x][b]Dr M"


async def test_markup_in_stored_text_is_shown_as_typed(store: CaseStore) -> None:
    case = running_case("case-m", MARKUP, f"{MARKUP} Org", f"{MARKUP} Sup", user=store.user)
    assert case.plan is not None
    for rp in case.plan.review_points:
        rp.title, rp.reviewer = MARKUP, store.user
    store.create(case)
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(100, 24)) as pilot:
        for name, screen in [("home", None), ("dashboard", DashboardScreen()),
                             ("plans dashboard", PlansDashboardScreen()),
                             ("quick review", QuickReviewScreen()),
                             ("plan progress", PlanProgressScreen("case-m"))]:
            if screen is not None:
                app.push_screen(screen)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown = screen_text(app)
            assert MARKUP in shown, f"{name}: the name is not shown as typed:\n{shown}"
