"""Pauses of the UI thread, measured: `PSR_TUI_PAUSE_LOG=path` (bench/, issue 9).

A task on the app's event loop sleeps 20 ms at a time; when it wakes late, the loop was
held that long (a slow handler, a long frame, or a garbage collection, which also stops
the loop when a worker thread triggers it). Each late wake-up of at least `LATE_MS` and
each collection of at least `GC_MS` is appended to the file as one JSON line, with the
wall-clock time it ended (`time.time()`, so the bench can tell loading from saving by its
own clock):

    {"t": 1764700000.123, "kind": "tick", "ms": 143.2, "cpu_ms": 139.0}
    {"t": 1764700000.120, "kind": "gc", "ms": 97.5, "gen": 2}

Lines are written as they happen (a pane killed by the bench loses nothing); on a clean
exit a last line gives the worst of each: {"kind": "worst", "tick_ms": ..., "gc_ms": ...}.
Off unless the variable is set: nothing of this runs or is imported otherwise.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import gc
import json
import os
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

ENV = "PSR_TUI_PAUSE_LOG"
INTERVAL = 0.02  # seconds between wake-ups
LATE_MS = 10.0  # late wake-ups logged from this
GC_MS = 5.0  # collections logged from this
STACK_MS = 40.0  # a wake-up this late has the UI thread's stack sampled, every 20 ms


class PauseLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.worst_tick = 0.0
        self.worst_gc = 0.0
        self._gc_start = 0.0
        self._task: asyncio.Task[None] | None = None
        self._last_wake = time.perf_counter()
        self._ui_thread = 0
        self._stop = threading.Event()
        path.write_text("")  # a fresh log per run

    def _write(self, entry: dict[str, Any]) -> None:
        try:
            with open(self.path, "a", encoding="utf-8") as out:
                out.write(json.dumps(entry) + "\n")
        except OSError:
            pass  # measuring must never break the app

    def start(self) -> None:
        gc.callbacks.append(self._on_gc)
        atexit.register(self.stop)
        self._task = asyncio.get_running_loop().create_task(self._ticks())
        self._ui_thread = threading.get_ident()
        threading.Thread(target=self._sample_stalls, name="pause-log", daemon=True).start()

    def _sample_stalls(self) -> None:
        """Where the UI thread is while a wake-up is late: its innermost frames, so a long
        pause names its cause (the log's "stack" lines)."""
        while not self._stop.wait(INTERVAL):
            late = (time.perf_counter() - self._last_wake - INTERVAL) * 1000
            if late < STACK_MS:
                continue
            frame = sys._current_frames().get(self._ui_thread)
            if frame is None:
                continue
            where = [f"{Path(f.filename).name}:{f.lineno} {f.name}"
                     for f in traceback.extract_stack(frame)[-14:]]
            self._write({"t": time.time(), "kind": "stack", "late_ms": round(late, 1),
                         "stack": where})

    async def _ticks(self) -> None:
        clock, cpu = time.perf_counter, time.thread_time
        while True:
            before, cpu_before = clock(), cpu()
            await asyncio.sleep(INTERVAL)
            self._last_wake = clock()
            late = (clock() - before - INTERVAL) * 1000
            if late >= LATE_MS:
                self.worst_tick = max(self.worst_tick, late)
                # The UI thread's own CPU meanwhile: near `ms` when it was busy, far
                # below when it waited (for the CPU on a loaded host, or for the GIL).
                busy = (cpu() - cpu_before) * 1000
                self._write({"t": time.time(), "kind": "tick", "ms": round(late, 1),
                             "cpu_ms": round(busy, 1)})

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
            return
        took = (time.perf_counter() - self._gc_start) * 1000
        if took >= GC_MS:
            self.worst_gc = max(self.worst_gc, took)
            self._write({"t": time.time(), "kind": "gc", "ms": round(took, 1),
                         "gen": info.get("generation", -1)})

    def stop(self) -> None:
        """Written once, at exit (atexit), or when asked before."""
        atexit.unregister(self.stop)
        self._stop.set()
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
        if self._task is not None:
            with contextlib.suppress(RuntimeError):  # the loop may be closed by now
                self._task.cancel()
            self._task = None
        self._write({"t": time.time(), "kind": "worst", "tick_ms": round(self.worst_tick, 1),
                     "gc_ms": round(self.worst_gc, 1)})


def start_if_asked() -> PauseLog | None:
    """The log the environment asks for, started on the running loop; else None."""
    where = os.environ.get(ENV, "").strip()
    if not where:
        return None
    log = PauseLog(Path(where))
    log.start()
    return log
