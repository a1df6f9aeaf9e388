"""The UI-pause measure the bench reads (PSR_TUI_PAUSE_LOG, ui/pause_log.py)."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest

from psr_tui.ui import pause_log
from psr_tui.ui.pause_log import PauseLog, start_if_asked


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_off_unless_the_variable_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pause_log.ENV, raising=False)
    assert start_if_asked() is None


async def test_a_held_loop_is_logged_at_least_as_long_as_it_was_held(tmp_path: Path) -> None:
    log = PauseLog(tmp_path / "pauses.log")
    log.start()
    try:
        await asyncio.sleep(0.05)  # the ticking task is running
        time.sleep(0.15)  # the loop held: no tick can run meanwhile
        await asyncio.sleep(0.05)
    finally:
        log.stop()
    entries = lines(tmp_path / "pauses.log")
    ticks = [e for e in entries if e["kind"] == "tick"]
    assert ticks and max(float(e["ms"]) for e in ticks) >= 100  # type: ignore[arg-type]
    assert entries[-1]["kind"] == "worst" and float(entries[-1]["tick_ms"]) >= 100  # type: ignore[arg-type]


def test_a_long_collection_is_logged_and_a_short_one_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = PauseLog(tmp_path / "pauses.log")
    now = [10.0]
    monkeypatch.setattr(pause_log.time, "perf_counter", lambda: now[0])
    log._on_gc("start", {"generation": 2})
    now[0] += 0.120
    log._on_gc("stop", {"generation": 2})
    log._on_gc("start", {"generation": 0})
    now[0] += 0.001
    log._on_gc("stop", {"generation": 0})
    entries = lines(tmp_path / "pauses.log")
    assert [(e["kind"], e["gen"], e["ms"]) for e in entries] == [("gc", 2, 120.0)]
    assert log.worst_gc == pytest.approx(120.0)
