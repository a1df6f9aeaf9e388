"""The app's drop-down (widgets/choice_select.ChoiceSelect): a type-ahead typed in one burst
chooses what was typed, and the list stays inside its dialog at 80x24 (issue 12)."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import OptionList

from psr_tui.app import make_app
from psr_tui.store import CaseStore
from psr_tui.ui.dialogs.activity_form import ActivityDialog
from psr_tui.ui.screens.intake import IntakeScreen
from psr_tui.ui.screens.intake.step_form import safe_id
from psr_tui.ui.widgets.choice_select import ChoiceSelect
from tests.conftest import TODAY

from .keys import burst
from .test_intake import STEP, open_intake, stored_case
from .test_plan_builder import make
from .waiting import until

CONCERN_TYPE = f"#input-{safe_id('request.concerns[con-1].concern_type')}"


async def concern_type(app: App[None], pilot: Pilot[None], case_id: str,
                       focused: bool = True) -> tuple[IntakeScreen, ChoiceSelect]:
    """The intake open on the concerns step, its concern type set to Capability (and
    focused, unless not asked)."""
    screen = await open_intake(app, case_id, pilot)
    select = screen.query_one(CONCERN_TYPE, ChoiceSelect)
    select.value = "capability"
    if focused:
        select.focus()
        await until(pilot, lambda: app.focused is select, what="the drop-down focused")
    return screen, select


async def test_concern_type_typed_in_a_burst_is_saved_as_typed(store: CaseStore) -> None:
    """Enter c o n d Enter, all at once: the overlay took the focus only after the keys,
    the letters searched nothing and the last Enter re-opened it; the concern stayed
    'Capability' instead of 'Conduct'."""
    created = stored_case(store, step="concerns")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, select = await concern_type(app, pilot, created.id)
        burst(app, "enter", "c", "o", "n", "d", "enter")
        await until(pilot, lambda: not select.expanded and select.value != "capability",
                    what="the burst's choice")
        assert select.value == "conduct"
        await pilot.press("ctrl+n")
        # The step is saved before it moves on: under load that takes more than a frame.
        await until(pilot, lambda: screen.step == STEP["concerns"] + 1, what="the next step")
    assert store.get(created.id).request.concerns[0].concern_type == "conduct"


async def test_arrow_keys_in_the_same_burst_move_in_the_list(store: CaseStore) -> None:
    created = stored_case(store, step="concerns")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, select = await concern_type(app, pilot, created.id)
        burst(app, "enter", "down", "enter")  # opens on Capability, one down: Conduct
        await until(pilot, lambda: not select.expanded and select.value != "capability",
                    what="the burst's choice")
        assert select.value == "conduct"


async def test_keys_sent_to_the_closed_drop_down_count_after_the_overlay_took_the_focus(
        store: CaseStore) -> None:
    """The app hands each key of a burst to the widget focused when it reads the key: all
    of them to the drop-down. Enter opens the overlay, whose focus lands while the drop-down
    still has the rest to handle; those were dropped (CI: the overlay stayed open on
    Capability). They are handled as the overlay would."""
    created = stored_case(store, step="concerns")
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, select = await concern_type(app, pilot, created.id, focused=False)
        select.action_show_overlay()
        await until(pilot, lambda: app.focused is select.overlay, what="the overlay focused")
        for key in ("c", "o", "n", "d", "enter"):  # as the app forwarded them to the drop-down
            select.post_message(events.Key(key, key if len(key) == 1 else None))
        await until(pilot, lambda: not select.expanded, what="the choice made")
        assert select.value == "conduct"


@pytest.mark.parametrize("field", ["responsible_role", "per"])
async def test_drop_downs_stay_inside_the_activity_dialog(store: CaseStore, field: str) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        select = dialog.query_one(f"#input-{field}", ChoiceSelect)
        select.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        box = dialog.query_one(".dialog-box").region
        overlay = select.query_one(OptionList).region
        assert select.expanded and overlay.height >= 3
        assert box.y <= overlay.y and overlay.bottom <= box.bottom, (box, overlay)


async def test_stored_text_in_an_option_is_shown_as_typed_not_read_as_markup() -> None:
    """A display name or a role's person in a drop-down is stored text: `[link=...]` or
    `[b]` in it stays as typed, and a control character is made visible."""
    from textual.widgets._select import SelectCurrent

    name = "[b]Dr Ann[/b] [link=https://x.test]Lee[/link] \x1b]52;c;SGk=\x07"

    class One(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield ChoiceSelect([(name, "ann")], value="ann")

    app = One()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        select = app.query_one(ChoiceSelect)
        shown = str(select.query_one(SelectCurrent).query_one("#label").render())
        assert "[b]Dr Ann[/b] [link=https://x.test]Lee[/link]" in shown
        assert "\x1b" not in shown and "␛" in shown
        select.set_options([(name, "ann"), ("[i]Other[/i]", "other")])
        await pilot.pause()
        select.value = "other"
        await pilot.pause()
        shown = str(select.query_one(SelectCurrent).query_one("#label").render())
        assert shown == "[i]Other[/i]"  # set_options keeps labels plain too
