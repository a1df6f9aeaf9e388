"""A screen's first showing (ui/screens/base.PsrScreen): it keeps the styles its widgets
were given as they mounted, not styled a second time, and looks the same as if it had
been; its layout after the first frame waits for a turn of the event loop."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.app import App
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Input

from psr_tui.app import make_app
from psr_tui.domain.access import Identity
from psr_tui.store import CaseStore
from psr_tui.ui.screens.dashboard import DashboardScreen
from psr_tui.ui.screens.home import HomeScreen
from psr_tui.ui.screens.plans_dashboard import PlansDashboardScreen
from tests.domain.plan_states import ADVISER, TODAY, fill_every_state

from .waiting import until


@pytest.fixture
def db(tmp_path: Path) -> Path:
    fill_every_state(CaseStore.open(tmp_path / "db", user="tester"))
    return tmp_path / "db"


def _app(db: Path):
    identity = Identity("hmarsden", display_name=ADVISER)
    return make_app(CaseStore.open(db, identity=identity), today=lambda: TODAY, poll=False)


def _styled(app: App[object]) -> str:
    """The whole screen as drawn, colours and attributes included."""
    width, height = app.size
    with open(os.devnull, "w") as sink:
        console = Console(width=width, height=height, record=True, file=sink,
                          color_system="truecolor", legacy_windows=False,
                          force_terminal=True)
        console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(styles=True)


async def _restyled_by_hand_looks_the_same(app: App[object], pilot) -> None:
    for field in app.screen.query(Input):
        field.cursor_blink = False  # the cursor's blink would differ between the two
    await pilot.pause()
    before = _styled(app)
    app.screen.update_node_styles(animate=False)  # what Textual's resume would have done
    await pilot.pause()
    assert _styled(app) == before


@pytest.mark.parametrize("keys, shown", [
    ((), HomeScreen),
    (("d",), PlansDashboardScreen),
    (("d", "v"), DashboardScreen),
])
async def test_a_screen_first_shown_looks_as_if_styled_again(
        db: Path, keys: tuple[str, ...], shown: type[Screen[None]]) -> None:
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in keys:
            await pilot.pause()
            await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, shown))
        await app.workers.wait_for_complete()
        await _restyled_by_hand_looks_the_same(app, pilot)


async def test_only_the_first_showing_skips_styling_again(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    styled: list[Screen[None]] = []
    restyle = PlansDashboardScreen.update_node_styles

    def counted(self: Screen[None], animate: bool = True) -> None:
        styled.append(self)
        restyle(self, animate=animate)

    monkeypatch.setattr(PlansDashboardScreen, "update_node_styles", counted)
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, PlansDashboardScreen))
        await pilot.pause()
        assert styled == []  # the push: styled once, as its widgets mounted
        app.screen.post_message(events.ScreenResume())  # resumed again later
        await until(pilot, lambda: styled == [app.screen])


async def test_a_screen_lets_the_event_loop_run_before_laying_out_again(db: Path) -> None:
    app = _app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        turned: list[bool] = []
        asyncio.get_running_loop().call_soon(turned.append, True)
        await screen._turn_before_layout(events.Resize(Size(80, 24), Size(80, 24)))
        assert turned == [True]
