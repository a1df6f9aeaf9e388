"""Keys as a fast SSH link (or a paste) delivers them: all queued before the app handles any.

`Pilot.press` waits for the app to go idle after every key (two idle waits of at least
20 ms each, longer on a busy host): right for a key that moves the focus or opens a screen,
but typing 60 characters of a path that way cost seconds a test. Text typed into one field
goes in one burst here, and the test then waits for the field to show it (waiting.until).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from textual import events
from textual.app import App
from textual.keys import KEY_NAME_REPLACEMENTS
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, TextArea

from .waiting import until


def burst(app: App[Any], *keys: str) -> None:
    """Named keys ("enter", "down", "space") or single characters, queued all at once."""
    for key in keys:
        character = " " if key == "space" else key if len(key) == 1 else None
        app.post_message(events.Key(key, character))


def key_name(character: str) -> str:
    """The key a terminal's typed character arrives as (Textual's input parser: "-" is
    "minus", " " is "space", a letter or digit itself)."""
    if character.isalnum():
        return character
    name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return KEY_NAME_REPLACEMENTS.get(name, name)


def _shown(field: object) -> str:
    if isinstance(field, Input):
        return field.value
    if isinstance(field, TextArea):
        return field.text
    raise AssertionError(f"typing into {field!r}: not a text field")


async def type_text(pilot: Pilot[Any], text: str, into: Widget | None = None) -> None:
    """`text` typed in one burst into the focused field, or `into` (given the focus first);
    returns once the field shows it."""
    if not text:
        return
    app = pilot.app
    if into is not None:
        into.focus()  # queued on the app ahead of the keys: they land in it
    field = into if into is not None else app.focused
    before = _shown(field)
    for character in text:
        app.post_message(events.Key(key_name(character), character))
    await until(pilot, lambda: _shown(field) != before and text in _shown(field),
                what=f"{text!r} typed into {field!r}")
    await pilot.pause()  # what the field's change set off (validation, a save) is handled


async def erase(pilot: Pilot[Any], count: int) -> None:
    """`count` backspaces into the focused field in one burst (the cursor at its end);
    returns once that many characters, or all there were, are gone."""
    field = pilot.app.focused
    left = max(0, len(_shown(field)) - count)
    burst(pilot.app, *["backspace"] * count)
    await until(pilot, lambda: len(_shown(field)) == left, what=f"{count} characters erased")
    await pilot.pause()
