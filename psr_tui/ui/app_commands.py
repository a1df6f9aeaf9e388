"""What the app offers beyond each screen's keys: F1's help, the palette's commands (the
screen's actions, cases by name, themes, Insights), and what it withholds (Textual's
Screenshot, Keys and Theme commands). Every list is only what the role may do here.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import Provider
from textual.dom import DOMNode
from textual.screen import Screen

from ..domain.access import INSIGHTS, may
from .remembered_theme import THEME_COMMAND_HELP

if TYPE_CHECKING:
    from ..domain.access import Identity

# Textual's palette commands psr-tui does not offer: "Screenshot" writes an image of the
# screen, confidential or not, to the account's Downloads folder; "Keys" is a second help
# system beside F1 (one help: F1, which lists only what the role may do); Textual's "Theme"
# is replaced by ours, which remembers the choice for the user.
WITHHELD_SYSTEM_COMMANDS = frozenset({"Screenshot", "Keys", "Theme"})
# Textual's own screen keys (focus moves, copy) and the palette itself: not worth listing.
TEXTUAL_ACTIONS = frozenset(
    {binding.action for binding in Screen.BINDINGS if isinstance(binding, Binding)}
    | {"command_palette"}
)


def _case_finder() -> type[Provider]:
    from .palette.cases import CaseFinder  # imported when the palette first opens

    return CaseFinder


def _theme_choices() -> type[Provider]:
    from .palette.themes import ThemeChoices

    return ThemeChoices


class AppCommands(App[None]):
    """PsrApp's help and palette; PsrApp gives `identity`."""

    # Textual's system commands, plus cases by name and the themes (ui/palette/).
    COMMANDS = App.COMMANDS | {_case_finder, _theme_choices}

    if TYPE_CHECKING:
        @property
        def identity(self) -> Identity: ...

    def action_help(self) -> None:
        from .dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_show_help_panel(self) -> None:
        """Textual's Keys panel, reachable by its action name: F1's help instead."""
        self.action_help()

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """Never write the screen to a file (action_screenshot ends here too)."""
        self.notify("Screenshots are not available in psr-tui.", severity="warning")
        return None

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in WITHHELD_SYSTEM_COMMANDS:
                yield command
        if self._insights_offered(screen):
            yield SystemCommand("Insights", "figures across the plans you may see, no names",
                                self.open_insights)
        yield SystemCommand("Theme", THEME_COMMAND_HELP, self.action_change_theme)
        title = getattr(screen, "TITLE_FOR_PALETTE", "") or type(screen).__name__
        for binding, node in self.actions_of(screen):
            yield SystemCommand(
                f"{title}: {binding.description}",
                f"key {binding.key_display or binding.key}",
                partial(self.run_action, binding.action, node),
            )

    def _insights_offered(self, screen: Screen) -> bool:
        """From any psr-tui screen (a supervisor's quick review has no way to home), not a
        dialog; not where the screen has its own key for it (home's `i`: one entry), nor
        when Insights is open already."""
        from .screens.base import PsrScreen
        from .screens.insights import InsightsScreen

        if not isinstance(screen, PsrScreen) or hasattr(screen, "action_insights"):
            return False
        on_insights = any(isinstance(s, InsightsScreen) for s in self.screen_stack)
        return may(self.identity, INSIGHTS) and not on_insights

    def open_insights(self) -> None:
        from .screens.insights import InsightsScreen

        self.push_screen(InsightsScreen())

    def actions_of(self, screen: Screen) -> list[tuple[Binding, DOMNode]]:
        """The actions that apply on `screen` now, each with the node that runs it (palette, F1).

        The whole binding chain, not active_bindings: there a focused widget's key hides the
        screen's action on the same key (home's Enter "Open" under the table's "Select").
        Textual's own widgets' editing and cursor keys are left out: they are not actions.
        """
        seen: set[str] = set()
        found: list[tuple[Binding, DOMNode]] = []
        for node, bindings in screen._modal_binding_chain:
            if node is not self and node is not screen and not _ours(node):
                continue
            for _key, binding in bindings:
                if not binding.description or binding.action in seen | TEXTUAL_ACTIONS:
                    continue
                if not self._check_action_state(binding.action, node):
                    continue  # hidden (False) or greyed out (None) here and now
                seen.add(binding.action)
                found.append((binding, node))
        return found


def _ours(node: object) -> bool:
    return (type(node).__module__.startswith("psr_tui.")
            and getattr(node, "LISTED_IN_HELP", True))
