"""Start-up: the first screen the app shows, and what start-up built put out of the
garbage collector's way."""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..domain.access import Identity
    from ..store import CaseStore


def first_screen(store: CaseStore, start: str, identity: Identity) -> Screen[None]:
    """The role's start screen (`start` names one), or the welcome on an empty database."""
    from .screens import start_screen

    return start_screen(start, identity, empty=database_empty(store))


def database_empty(store: CaseStore) -> bool:
    """No case file at all (cheap: a folder listing, not a read of every case)."""
    try:
        return not store.has_cases()
    except OSError:
        return False  # the list screens say what is wrong with the folder


def settle() -> None:
    """What start-up built (modules, styles, vocabularies) lives as long as the app: out
    of the collector's sight, so no full collection walks it (70-120 ms each)."""
    gc.freeze()
    if os.environ.get("PSR_TUI_PAUSE_LOG"):  # the bench's pause measure (ui/pause_log.py)
        from .pause_log import start_if_asked

        start_if_asked()
