"""Waiting for what a test came for, not for a number of pauses.

A Pilot pause lets the app handle what is queued, but on a loaded machine a burst of keys,
a focus change and the messages behind them can take more than one or two pauses. Tests
wait for the condition itself, within a deadline generous enough for a busy CI host; a
condition that never holds still fails, after the deadline.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot


async def until(pilot: Pilot[object], holds: Callable[[], bool], *, timeout: float = 10.0,
                what: str = "the condition") -> None:
    deadline = time.monotonic() + timeout
    while not holds():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not hold within {timeout:.0f} s")
        await pilot.pause(0.02)
