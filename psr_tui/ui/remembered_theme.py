"""The theme, remembered per user (store/user_settings.py): applied at start-up, changed
from the palette ("Theme: ..."), never Textual's own theme command, which forgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.command import CommandPalette

from ..store import StoreError

if TYPE_CHECKING:
    from ..store.user_settings import UserSettings

THEME_COMMAND_HELP = ("Colours: your terminal's own 16 (ansi-dark, ansi-light) or a Textual "
                      "theme, remembered for you")


class RememberedThemeApp(App[None]):
    """PsrApp's part that shows the user's theme; PsrApp sets `settings`."""

    settings: UserSettings

    def apply_remembered_theme(self) -> None:
        try:
            theme = self.settings.load().get("theme")
        except StoreError as exc:
            self.notify(f"Your settings could not be read ({exc}); using the defaults.",
                        severity="warning", timeout=10)
            return
        # A theme this Textual no longer has (or a hand-edited name) falls back quietly.
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    def use_theme(self, name: str) -> None:
        """Show `name` and remember it for this user (palette "Theme: ...")."""
        self.theme = name
        try:
            self.settings.remember("theme", name)
        except StoreError as exc:
            self.notify(f"Theme {name} is used until you quit, but not remembered: {exc}",
                        severity="warning", timeout=10)

    def action_change_theme(self) -> None:
        """Textual's theme action, reachable by its name: our remembered choice instead."""
        from .palette.themes import ThemePicker

        self.push_screen(CommandPalette(providers=[ThemePicker],
                                        placeholder="Search for themes…"))
