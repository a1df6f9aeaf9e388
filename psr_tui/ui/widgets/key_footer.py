"""The footer of every screen: Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its keys (removes and mounts a widget per key) each time the
screen says its bindings may have changed: each focus change, each `refresh_bindings()`.
Opening a list screen said so six or seven times, about 10-15 ms a rebuild on a 2-core
host, most of it before the first rows were drawn. This footer waits for the next refresh,
once however often it is told, and rebuilds only when what it would show differs from
what it shows.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

# What one key in the footer shows: key, its display, description, action, enabled, tooltip.
ShownKey = tuple[str, str, str, str, bool, str]


def shown_keys(screen: Screen[object], with_palette: bool) -> tuple[ShownKey, ...]:
    """The keys Textual's Footer would show for the screen, in its order: the first shown
    binding of each action, then the command palette's key."""
    app = screen.app
    active = screen.active_bindings

    def shown(binding: Binding, enabled: bool, tooltip: str) -> ShownKey:
        return (binding.key, app.get_key_display(binding), binding.description,
                binding.action, enabled, tooltip or "")

    first: dict[str, ShownKey] = {}
    for _node, binding, enabled, tooltip in active.values():
        if binding.show and binding.action not in first:
            first[binding.action] = shown(binding, enabled, tooltip)
    palette = active.get(app.COMMAND_PALETTE_BINDING) if with_palette else None
    return (*first.values(), *([shown(*palette[1:])] if palette is not None else []))


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[ShownKey, ...] | None = None  # what the last composition showed
        self._waiting = False  # a check is queued for the next refresh

    def compose(self) -> ComposeResult:
        self._shown = self._keys() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._waiting:
            self._waiting = True
            self.call_after_refresh(self._follow_bindings)

    async def _follow_bindings(self) -> None:
        self._waiting = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def _keys(self) -> tuple[ShownKey, ...]:
        return shown_keys(self.screen,
                          self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE)
