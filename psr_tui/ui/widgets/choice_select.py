"""The app's drop-down: Textual's Select, made to keep a burst of keys and its dialog.

Over SSH "Enter c o n Enter" arrives as one burst. Enter opens the overlay, but the overlay
takes the focus only after the keys already queued, so Textual's own type-ahead (in the
overlay) never saw "con", and the last Enter re-opened instead of choosing: a concern was
saved as the first option, "Capability", instead of "Conduct". Keys that reach the Select
while its overlay is open are handled here as the overlay would: printable characters
search the options (case-insensitive, the earliest match first, as Textual does), arrows
move, Enter chooses.

The overlay is drawn over the whole screen below the Select; in a dialog near the bottom
it spilled below the dialog's frame. On opening, it is held to the room left in the
dialog (`.dialog-box`), or above the Select when there is more room there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import events
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import OptionList, Select

from ..wording import in_markup

# Select's keys that open its overlay (its "show_overlay" binding).
OPENING = frozenset({"enter", "down", "space", "up"})
SMALLEST = 3  # options shown at least, even in a cramped dialog


def plain_options(options: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Option labels as plain text: Select reads a label as markup, and labels carry stored
    text (a user's display name, a role's person, a vocabulary's term)."""
    return [(in_markup(label) if isinstance(label, str) else label, value)
            for label, value in options]


class ChoiceSelect(Select[Any]):
    def __init__(self, options: Iterable[tuple[Any, Any]], *args: Any, **kwargs: Any) -> None:
        super().__init__(plain_options(options), *args, **kwargs)
        self._typed = ""
        self._chosen = False

    def set_options(self, options: Iterable[tuple[Any, Any]]) -> None:
        super().set_options(plain_options(options))

    @property
    def overlay(self) -> OptionList:
        return self.query_one(OptionList)  # Textual's SelectOverlay is an OptionList

    def watch_expanded(self, expanded: bool) -> None:
        # Runs after Select's own watcher (which shows the overlay and focuses it).
        self._typed = ""
        self._chosen = False
        if expanded:
            self._fit_in_dialog()

    def on_key(self, event: events.Key) -> None:
        # Select opens on its Enter binding, which Textual runs only once the key has
        # bubbled up to the app: after the keys queued behind it reached this widget with
        # the overlay still closed. So the keys that open it open it here, at once.
        # A key reaches this widget either handed to it by the app (it had the focus when the
        # app read the key: Enter's overlay takes the focus while keys behind Enter are still
        # queued here) or bubbled from the focused overlay, which stops the printable ones
        # itself; what is left (Enter, arrows) is handled here as its bindings would.
        overlay = self.overlay
        if self._chosen or self.app.focused not in (self, overlay):
            return
        if not self.expanded:
            if event.key not in OPENING:
                return
            self.action_show_overlay()
        elif event.character is not None and event.is_printable:
            self._typed += event.character
            match = self.option_matching(self._typed)
            if match is not None:
                overlay.highlighted = match
                overlay.scroll_to_highlight()
        elif event.key in ("down", "up"):
            overlay.action_cursor_down() if event.key == "down" else overlay.action_cursor_up()
        elif event.key == "enter":
            # The choice arrives as a message; keys behind it until then are not searched.
            self._chosen = True
            overlay.action_select()
        else:
            return
        event.stop()
        event.prevent_default()

    def option_matching(self, typed: str) -> int | None:
        """The option whose label holds `typed` earliest (Textual's own rule), or None."""
        best: tuple[int, int] | None = None
        for index, option in enumerate(self.overlay.options):
            at = str(option.prompt).lower().find(typed.lower())
            if at != -1 and (best is None or at < best[0]):
                best = (at, index)
        return best[1] if best else None

    def _fit_in_dialog(self) -> None:
        box = self._dialog_box()
        if box is None:
            return
        inside = box.content_region
        below = inside.bottom - self.region.bottom
        above = self.region.y - inside.y
        overlay = self.overlay
        wanted = min(self.overlay.option_count, 10) + 2  # the options and the overlay's border
        if below >= min(wanted, SMALLEST + 2) or below >= above:
            overlay.styles.max_height = max(below, SMALLEST + 2)
            overlay.styles.offset = (0, 0)
        else:
            height = min(wanted, above)
            overlay.styles.max_height = height
            overlay.styles.offset = (0, -(height + self.region.height))

    def _dialog_box(self) -> Widget | None:
        try:
            return next(a for a in self.ancestors if isinstance(a, Widget)
                        and a.has_class("dialog-box"))
        except (StopIteration, NoMatches):
            return None
