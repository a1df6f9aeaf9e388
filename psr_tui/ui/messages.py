"""Messages the app sends to its screens."""

from __future__ import annotations

from textual.message import Message


class CasesChanged(Message):
    """Case files changed on disk (another user, or another of our sessions)."""

    def __init__(self, case_ids: frozenset[str]) -> None:
        super().__init__()
        self.case_ids = case_ids
