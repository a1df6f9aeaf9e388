"""Theme choices for the palette ("Theme: ansi-dark"): the terminal's own 16 colours or one
of Textual's themes, chosen here and remembered for the user (PsrApp.use_theme)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from ...app import PsrApp

# Over SSH the colours often drop to 256 or 16 (COLORTERM is not forwarded): these two draw
# with the terminal's own palette, so they look as the user set their terminal up.
TERMINAL_THEMES = {
    "ansi-dark": "your terminal's own 16 colours, dark background",
    "ansi-light": "your terminal's own 16 colours, light background",
}


def theme_title(name: str) -> str:
    return f"Theme: {name}"


class ThemeChoices(Provider):
    """In the main palette: found by typing ("theme", "ansi"), not listed before that, so
    the first page stays the screen's actions."""

    @property
    def psr(self) -> PsrApp:
        return cast("PsrApp", self.app)

    def choices(self) -> Iterator[tuple[str, str]]:
        """(name, what it is): the terminal's own colours first, then Textual's by name."""
        current = self.psr.theme
        names = [*TERMINAL_THEMES, *sorted(n for n in self.psr.available_themes
                                           if n not in TERMINAL_THEMES)]
        for name in names:
            if name not in self.psr.available_themes:
                continue
            about = TERMINAL_THEMES.get(name, "a Textual theme")
            yield name, about + (" (in use)" if name == current else "")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, about in self.choices():
            title = theme_title(name)
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), partial(self.psr.use_theme, name),
                          text=title, help=about)


class ThemePicker(ThemeChoices):
    """The palette the "Theme" command opens: every theme listed at once."""

    async def discover(self) -> Hits:
        for name, about in self.choices():
            yield DiscoveryHit(theme_title(name), partial(self.psr.use_theme, name),
                               text=theme_title(name), help=about)
