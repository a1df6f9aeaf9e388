"""Messages the app sends to its screens."""

from __future__ import annotations

from textual.message import Message


class CasesChanged(Message):
    """Case files changed on disk: by another user or session, or (`by_me`) by a save made
    in this session, which lists of cases must show too but editors must not call
    someone else's change."""

    def __init__(self, case_ids: frozenset[str], by_me: bool = False) -> None:
        super().__init__()
        self.case_ids = case_ids
        self.by_me = by_me
