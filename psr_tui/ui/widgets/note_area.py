"""The text area of notes and long fields, its editing keys kept in order (text_fields.py)."""

from __future__ import annotations

from textual.widgets import TextArea

from .text_fields import KeysInOrder


class NoteArea(KeysInOrder, TextArea):
    """A text area (Textual's TextArea) whose editing keys keep their order."""
