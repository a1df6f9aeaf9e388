"""A very long note shown by its start until the adviser asks to edit it (issue 9).

Textual's TextArea wraps its whole text when it is made and again on every resize and
scrollbar change while the step is laid out: about 1.5 s of a 1 MB note's 2.5 s opening
on this 2-core machine, paid even by an adviser who only reads the step and goes on. A
note longer than LONG_NOTE opens as its first lines with a line saying so; Enter (or a
click) puts the whole text in a TextArea, edited like any other. Until then `text` is the
stored text unchanged, so Next saves it as it was: nothing is lost and nothing is
truncated.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from ....domain.safe_text import visible
from ...widgets.note_area import NoteArea

# Characters from which a note opens by its start: ~100 KB wraps in about 0.1 s here,
# while typed discussion notes are a few KB.
LONG_NOTE = 100_000
SHOWN_START = 2_000  # characters drawn from the note's start: more than 5 lines hold


def note_editor(text: str, widget_id: str | None = None) -> TextArea:
    """The text area a note is edited in (the intake's one way to make it)."""
    area = NoteArea(text, id=widget_id, soft_wrap=True, show_line_numbers=False)
    area.cursor_blink = False
    return area


def note_field(text: str, widget_id: str) -> TextArea | LongNote:
    """A TextArea for a note of ordinary length, a LongNote past LONG_NOTE characters."""
    return LongNote(text, id=widget_id) if len(text) > LONG_NOTE else note_editor(text,
                                                                                 widget_id)


class LongNote(Vertical, can_focus=True):
    """The start of a long note; Enter or a click opens the whole note for editing."""

    DEFAULT_CSS = """
    LongNote { height: 5; border: tall $border-blurred; }
    LongNote:focus { border: tall $border; }
    LongNote.-editing { border: none; }
    LongNote > .long-note-start { height: 1fr; overflow: hidden hidden; }
    LongNote > .long-note-hint { height: 1; color: $text-muted; }
    /* Its scrollbar from the start: one appearing later re-wraps the whole note. */
    LongNote > TextArea { height: 1fr; overflow-y: scroll; }
    """
    BINDINGS = [Binding("enter", "edit", "Edit the note")]

    def __init__(self, text: str, *, id: str) -> None:
        super().__init__(id=id)
        self.stored = text
        self.editor: TextArea | None = None

    def compose(self) -> ComposeResult:
        # Stored text: drawn as typed (no markup), its control characters made visible.
        yield Static(visible(self.stored[:SHOWN_START], multiline=True), markup=False,
                     classes="long-note-start")
        # Whole in the 50 columns the field has at 80: the start above, this line below.
        yield Static(f"A long note ({len(self.stored):,} characters): Enter edits it",
                     classes="long-note-hint", markup=False)

    @property
    def text(self) -> str:
        """The note as it stands: as edited once opened, else as stored."""
        return self.editor.text if self.editor is not None else self.stored

    def action_edit(self) -> None:
        if self.editor is not None:
            return
        # Said before the wrapping work, which holds the screen for a moment.
        self.query_one(".long-note-hint", Static).update("Opening the whole note…")
        self.call_after_refresh(self.open_editor)

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_edit()

    async def open_editor(self) -> None:
        if self.editor is not None:
            return
        # Made empty and given the note once mounted: a TextArea made with its text wraps
        # all of it three times over before it has a width, then again at its width.
        editor = note_editor("")
        self.editor = editor
        await self.remove_children()
        self.add_class("-editing")
        self.can_focus = False  # Tab goes to the editor, not to this frame around it
        await self.mount(editor)
        editor.load_text(self.stored)
        editor.focus()
