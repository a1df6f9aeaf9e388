"""Text fields whose editing keys act in the order they were typed.

Textual inserts a typed character in the field's own step, but runs the field's own
bindings (Backspace, Delete, ctrl+u, the arrows, Home, End) only once the key has bubbled
back up to the app. Keys arrive in bursts over SSH (a fast typist, a slow link, ctrl+u and
the new wording sent at once), so in "b Backspace c" the c could be inserted before the
Backspace ran, which then deleted the c; after ctrl+u, the first characters of the new
wording went with the old. These fields run their own bindings in their own step, in turn
with the characters. Every text field in the app is one of these, TextInput here and
NoteArea in note_area.py (apart: TextArea's import is 40 ms of every start-up, and home
has a TextInput) (tests/ui/test_text_fields.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input

if TYPE_CHECKING:
    from textual.widget import Widget

    _Field = Widget
else:
    # Not a Widget at run time: Textual takes a widget's CSS and component classes from
    # its first widget base, which must stay the field's own (Input, TextArea).
    _Field = object


class KeysInOrder(_Field):
    """Mixed into a text field: its own non-priority bindings run in its key step."""

    async def _on_key(self, event: events.Key) -> None:
        # Textual runs each class's _on_key along the MRO; prevent_default skips the
        # field's own (it would insert nothing for these keys anyway), stop keeps the key
        # from bubbling up to run the binding a second time.
        if event.is_printable:
            return
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return


class TextInput(KeysInOrder, Input):
    """A one-line text field (Textual's Input) whose editing keys keep their order."""

