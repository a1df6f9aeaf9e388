"""A list screen opened and closed leaves nothing behind (issue 9).

The lists froze what they loaded out of the garbage collector's sight (gc.freeze), so full
collections would not walk it; but a freeze takes everything alive, the screen too, and a
frozen screen is never collected: every dashboard visited outlived its pop with all it had
loaded (6.5 MB a visit at 5,000 cases, measured). Only the start screen, which lives as
long as the app, may freeze what it loaded.
"""

from __future__ import annotations

import gc
import weakref
from datetime import date

import pytest
from textual.screen import Screen

from psr_tui.app import make_app
from psr_tui.demo import write_demo
from psr_tui.store import CaseStore
from psr_tui.ui.screens.dashboard import DashboardScreen
from psr_tui.ui.screens.home import HomeScreen
from psr_tui.ui.screens.plans_dashboard import PlansDashboardScreen
from psr_tui.ui.screens.quick_review import QuickReviewScreen

from .waiting import until

TODAY = date(2026, 11, 23)


def loaded(screen: Screen[None]) -> bool:
    return bool(getattr(screen, "loaded", True)) and not getattr(screen, "load_progress", "")


@pytest.mark.parametrize("opened", [PlansDashboardScreen, DashboardScreen, QuickReviewScreen])
async def test_a_list_screen_closed_is_collected_and_froze_nothing(
        store: CaseStore, opened: type[Screen[None]]) -> None:
    write_demo(store, TODAY)
    app = make_app(store, today=lambda: TODAY, poll=False)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            home = app.screen
            assert isinstance(home, HomeScreen)
            await until(pilot, lambda: home.loaded, what="home loaded")
            frozen = gc.get_freeze_count()
            gone: list[weakref.ref[Screen[None]]] = []
            for _ in range(2):
                screen = opened()
                await app.push_screen(screen)
                await until(pilot, lambda s=screen: loaded(s), what="the list loaded")
                gone.append(weakref.ref(screen))
                del screen
                await pilot.press("escape")
                await until(pilot, lambda: app.screen is home, what="back on home")


            def collected() -> bool:
                gc.collect()  # frees a closed screen unless a freeze holds it for good
                return all(ref() is None for ref in gone)

            # Textual lets go of a popped screen a moment after the pop.
            await until(pilot, collected, what="the closed screens collected")
            assert gc.get_freeze_count() <= frozen  # frozen objects may die, none are added
    finally:
        gc.unfreeze()
