"""Issue 11's conventions: the palette finds cases by practitioner or organisation and opens
them where home would; the theme is chosen in the palette and remembered per psr-tui user;
an empty database opens on a welcome (advisers) or "nothing for you yet" (other roles)."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from rich.text import Text
from textual.command import CommandPalette, Hit

from psr_tui.app import PsrApp, make_app
from psr_tui.domain.access import ADVISER, ORGANISATION_LEAD, SUPERVISOR, Identity
from psr_tui.domain.case import Case
from psr_tui.store import CaseStore
from psr_tui.ui.palette.cases import CaseFinder
from psr_tui.ui.palette.themes import ThemeChoices, ThemePicker
from psr_tui.ui.screens.home import HomeScreen
from psr_tui.ui.screens.intake import IntakeScreen
from psr_tui.ui.screens.nothing_here import NothingHereScreen
from psr_tui.ui.screens.plan_builder import PlanBuilderScreen
from psr_tui.ui.screens.plan_progress import PlanProgressScreen
from psr_tui.ui.screens.welcome import WelcomeScreen

from .review_cases import demo_cases
from .screen_text import assert_snapshot, screen_text

TODAY = date(2026, 11, 23)
ADVISER_ID = Identity("jadviser", ADVISER)
SUP = Identity("asmith", SUPERVISOR, "Northshire NHS Trust")
LEAD = Identity("nlead", ORGANISATION_LEAD, "Northshire NHS Trust")
HOSTILE = "[@click=app.quit]Dr Evil[/] \x1b]52;c;aGk=\x07"


def filled(tmp_path: Path) -> Path:
    admin = CaseStore.open(tmp_path / "db", user="admin")
    for case in demo_cases():
        admin.create(case)
    request = Case(id="case-r")
    request.request.practitioner.name = "Ms Rose Request"
    request.request.organisation.name = "Northshire NHS Trust"
    admin.create(request)
    return tmp_path / "db"


def app_as(db: Path, who: Identity, poll: bool = False) -> PsrApp:
    return make_app(CaseStore.open(db, identity=who), today=lambda: TODAY, poll=poll)


async def hits(app: PsrApp, query: str, provider: type = CaseFinder) -> list[Hit]:
    finder = provider(app.screen)
    await finder.startup()
    return [hit async for hit in finder.search(query) if isinstance(hit, Hit)]


async def run(app: PsrApp, hit: Hit) -> None:
    """Run a hit's command as the palette does: on the app's own loop."""
    app.call_later(hit.command)
    await app.workers.wait_for_complete()


def ids_of(found: list[Hit]) -> list[str]:
    return [str(hit.help).split(" · ")[0] for hit in found]


# ---- the palette finds cases ------------------------------------------------------------
async def test_palette_finds_cases_by_practitioner_or_organisation(tmp_path: Path) -> None:
    app = app_as(filled(tmp_path), ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert ids_of(await hits(app, "patel")) == ["case-p"]
        assert sorted(ids_of(await hits(app, "northshire"))) == ["case-g", "case-r"]
        assert ids_of(await hits(app, "green northshire")) == ["case-g"]  # every word
        assert await hits(app, "nobody-by-that-name") == []
        (hit,) = await hits(app, "khan")
        assert str(hit.text) == "Case: Dr Ravi Khan · Westbury Hospitals"


async def test_a_found_case_opens_where_homes_enter_opens_it(tmp_path: Path) -> None:
    app = app_as(filled(tmp_path), ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (request,) = await hits(app, "rose request")
        await run(app, request)
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and app.screen.case_id == "case-r"
        await pilot.press("escape")
        await pilot.pause()
        (running,) = await hits(app, "green")
        await run(app, running)
        await pilot.pause()
        assert isinstance(app.screen, PlanBuilderScreen)  # an adviser edits a running plan


async def test_the_palette_typed_into_opens_the_case(tmp_path: Path) -> None:
    """The whole way a user goes: ctrl+p, part of a name, Enter."""
    app = app_as(filled(tmp_path), SUP)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"patel")
        for _ in range(50):  # the palette searches in a worker, after a short delay
            await pilot.pause(0.05)
            if "Ms Priya Patel" in screen_text(app):
                break
        assert "Case: Ms Priya Patel · Eastfield PCN" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        # A supervisor reads and records on plan progress, as from home.
        assert isinstance(app.screen, PlanProgressScreen) and app.screen.case_id == "case-p"


async def test_the_palette_finds_only_the_cases_in_scope(tmp_path: Path) -> None:
    db = filled(tmp_path)
    for who, expected in ((SUP, ["case-g", "case-p"]), (LEAD, ["case-g", "case-r"])):
        app = app_as(db, who)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert sorted(ids_of(await hits(app, "case"))) == expected
            assert await hits(app, "khan") == []  # Westbury's practitioner: not theirs


async def test_a_hostile_name_is_plain_text_in_the_palette(tmp_path: Path) -> None:
    store = CaseStore.open(tmp_path / "db", user="admin")
    case = Case(id="case-x")
    case.request.practitioner.name = HOSTILE
    case.request.organisation.name = "Org [b]bold"
    store.create(case)
    app = app_as(tmp_path / "db", ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (hit,) = await hits(app, "evil")
        assert isinstance(hit.prompt, Text)  # never parsed as markup: no click action
        assert "[@click=app.quit]Dr Evil[/]" in hit.prompt.plain
        assert "\x1b" not in hit.prompt.plain and "␛" in hit.prompt.plain
        assert "Org [b]bold" in hit.prompt.plain


# ---- the theme, remembered per user -----------------------------------------------------
async def choose(app: PsrApp, name: str) -> None:
    (hit,) = [h for h in await hits(app, f"theme {name}", ThemeChoices)
              if h.text == f"Theme: {name}"]
    await run(app, hit)


async def test_a_theme_chosen_in_the_palette_is_remembered_for_that_user(
    tmp_path: Path,
) -> None:
    db = filled(tmp_path)
    app = app_as(db, ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        await choose(app, "ansi-dark")
        await pilot.pause()
        assert app.theme == "ansi-dark"
    settings = db / "settings"
    assert stat.S_IMODE(settings.stat().st_mode) == 0o700
    assert stat.S_IMODE((settings / "jadviser.json").stat().st_mode) == 0o600
    again = app_as(db, ADVISER_ID)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "ansi-dark"
    # Over SSH everyone is the one service account: the choice is this user's alone.
    other = app_as(db, SUP)
    async with other.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert other.theme == "textual-dark"


async def test_one_theme_command_opens_the_terminal_colours_first(tmp_path: Path) -> None:
    app = app_as(filled(tmp_path), ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        themes = [c for c in app.get_system_commands(app.screen) if c.title == "Theme"]
        assert len(themes) == 1 and "ansi-dark" in themes[0].help  # Textual's is replaced
        app.call_later(themes[0].callback)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        picker = ThemePicker(app.screen)
        listed = [str(hit.text) async for hit in picker.discover()]
        assert listed[:2] == ["Theme: ansi-dark", "Theme: ansi-light"]
        assert "Theme: nord" in listed
        # The main palette lists no theme before something is typed.
        listed_first = [h async for h in ThemeChoices(app.screen).discover()]
        assert [h for h in listed_first if h is not NotImplemented] == []


async def test_a_damaged_settings_file_opens_on_the_defaults_and_says_so(
    tmp_path: Path,
) -> None:
    db = filled(tmp_path)
    (db / "settings").mkdir(mode=0o700)
    (db / "settings" / "jadviser.json").write_text("{not json")
    app = app_as(db, ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("settings could not be read" in n.message for n in app._notifications)
        await choose(app, "ansi-light")  # a new choice replaces the damaged file
        await pilot.pause()
    assert app_as(db, ADVISER_ID).settings.load() == {"theme": "ansi-light"}


async def test_a_theme_that_cannot_be_kept_is_used_and_the_reason_shown(
    tmp_path: Path,
) -> None:
    db = filled(tmp_path)
    (db / "settings").write_text("a file where the folder should be")
    app = app_as(db, ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await choose(app, "ansi-dark")
        await pilot.pause()
        assert app.theme == "ansi-dark"
        assert any("not remembered" in n.message for n in app._notifications)


# ---- an empty database ------------------------------------------------------------------
async def test_an_empty_database_welcomes_an_adviser_with_how_to_start(
    tmp_path: Path,
) -> None:
    app = app_as(tmp_path / "db", ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        text = screen_text(app)
        for how in ("n ", "psr-tui --demo", "psr-tui import FILE"):
            assert how in text
        assert_snapshot(app, "welcome_empty")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        assert app.screen.case_id in app.store.list_ids()
        await pilot.press("escape")  # left blank: discarded, and still nothing to list
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and app.store.list_ids() == []


async def test_the_welcome_gives_way_to_the_cases_once_one_exists(tmp_path: Path) -> None:
    app = app_as(tmp_path / "db", ADVISER_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("n")
        await pilot.pause()
        # A colleague's case arrives while the intake is open: the intake stays on top.
        CaseStore.open(tmp_path / "db", user="admin").create(demo_cases()[0])
        app._post_changes({"case-g"})
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("escape")  # the welcome was replaced, not left below
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_other_roles_with_nothing_yet_get_a_plain_line(tmp_path: Path) -> None:
    db = tmp_path / "db"
    app = app_as(db, LEAD)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NothingHereScreen)
        text = screen_text(app)
        assert "Nothing for you yet: no case names you" in text
        assert "psr-tui --demo" not in text and "New case" not in text
        admin = CaseStore.open(db, user="admin")
        admin.create(demo_cases()[2])  # Westbury's: not in Northshire's lead's scope
        app._post_changes({"case-k"})
        await pilot.pause()
        assert isinstance(app.screen, NothingHereScreen)
        admin.create(demo_cases()[0])  # Northshire's: theirs
        app._post_changes({"case-g"})
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_home_says_nothing_yet_when_no_case_is_in_scope(tmp_path: Path) -> None:
    db = tmp_path / "db"
    CaseStore.open(db, user="admin").create(demo_cases()[2])  # Westbury's only
    app = app_as(db, LEAD)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Nothing for you yet: no case names you" in text and "0 cases" not in text
