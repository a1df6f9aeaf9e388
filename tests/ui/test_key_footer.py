"""The footer (ui/widgets/key_footer.py): rebuilt only when the keys it shows change, and
then showing them as Textual's own footer would."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from psr_tui.ui.widgets.key_footer import KeyFooter, shown_keys

from .waiting import until


class Counted(KeyFooter):
    rebuilt = 0

    async def recompose(self) -> None:
        Counted.rebuilt += 1
        await super().recompose()


class Listing(Screen[None]):
    BINDINGS = [Binding("o", "open", "Open"), Binding("n", "new", "New case"),
                Binding("x", "hidden", "Hidden", show=False)]
    can_open = False

    def compose(self) -> ComposeResult:
        yield DataTable()
        yield Counted()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open" and not self.can_open:
            return None  # shown, disabled: as the lists' Open before their first row
        return True


class FooterApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Listing())


def _keys(screen: Screen[object]) -> list[tuple[str, str, bool]]:
    return [(k.key, k.description, k.has_class("-disabled")) for k in screen.query(FooterKey)]


async def test_the_footer_is_rebuilt_only_when_its_keys_change() -> None:
    app = FooterApp()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, Listing)
        await until(pilot, lambda: bool(_keys(screen)), what="the footer's keys")
        assert ("o", "Open", True) in _keys(screen)
        built = Counted.rebuilt
        widgets = list(screen.query(FooterKey))
        for _ in range(5):  # as a list screen says on each batch and focus change
            screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert Counted.rebuilt == built, "rebuilt with nothing changed"
        assert list(screen.query(FooterKey)) == widgets

        screen.can_open = True
        screen.refresh_bindings()
        screen.refresh_bindings()
        await until(pilot, lambda: ("o", "Open", False) in _keys(screen),
                    what="Open enabled in the footer")
        assert Counted.rebuilt == built + 1, "one change, one rebuild"


async def test_the_footer_shows_what_textuals_footer_would() -> None:
    app = FooterApp()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await until(pilot, lambda: bool(_keys(screen)), what="the footer's keys")
        footer = screen.query_one(KeyFooter)
        expected = shown_keys(screen, footer.show_command_palette)
        shown = [(k.key, k.description, not k.has_class("-disabled"))
                 for k in screen.query(FooterKey)]
        assert shown == [(key, description, enabled)
                         for key, _display, description, _action, enabled, _tip in expected]
        assert ("x", "Hidden", True) not in shown  # show=False stays out


def test_every_screen_uses_the_key_footer() -> None:
    """One footer: a screen that yields Textual's own rebuilds it on every focus change."""
    import ast
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "psr_tui" / "ui"
    offenders = []
    for path in ui.rglob("*.py"):
        if path.name == "key_footer.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual")
                    and any(alias.name == "Footer" for alias in node.names)):
                offenders.append(str(path.relative_to(ui)))
    assert offenders == []
