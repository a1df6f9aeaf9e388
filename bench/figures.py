"""Each figure of issue 9, measured as a user sees it, and its floor.

Every function starts the program afresh and returns seconds (or MB). The floors:
hello_textual.py for the screens (first rows drawn, memory), and reading every case
file once with the same json module for the commands.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from databases import ENV, PSR
from hello_textual import ROW_NAME
from screens import row_check
from tmux_frame import POLL, Pane

HERE = Path(__file__).resolve().parent
LOADED = re.compile(r"\d+ cases? · ")  # home's count line once every case is read
MR_G = frozenset({"Mr Gareth G"})
AFTER_SAVE = 2.0  # seconds after a save's confirmation still counted as "after a save"
READ_ALL = ("import json, os, sys\n"
            "d = os.path.join(sys.argv[1], 'cases')\n"
            "for n in os.listdir(d):\n"
            "    if n.endswith('.json'):\n"
            "        with open(os.path.join(d, n), 'rb') as f: json.loads(f.read())\n")


def hello() -> tuple[float, float]:
    """The floor app: seconds to its rows, and its peak RSS in MB."""
    with Pane(f"{sys.executable} {HERE / 'hello_textual.py'}", ENV) as pane:
        seconds = pane.wait_text(ROW_NAME)
        time.sleep(0.3)  # settled, as psr-tui is measured once loaded
        return seconds, pane.peak_rss_mb()


def home(db: Path, prefixes: frozenset[str]) -> tuple[float, float]:
    """Home: seconds until a case row is drawn; peak RSS (MB) once every case is loaded."""
    with Pane(f"{PSR} --db {db}", ENV) as pane:
        seconds = pane.wait(row_check(prefixes))
        pane.wait(lambda screen: LOADED.search(screen) is not None, timeout=300)
        return seconds, pane.peak_rss_mb()


def review(db: Path) -> float:
    """`psr-tui review` as Mr G's supervisor: seconds until his review row is drawn."""
    with Pane(f"{PSR} --db {db} --as dosei review", ENV) as pane:
        return pane.wait(row_check(MR_G))


def filter_keystroke(db: Path, prefixes: frozenset[str]) -> tuple[float, float]:
    """Home, all loaded, a key typed into the filter: seconds until the key shows in the
    filter box (the floor: tmux and the terminal's own delay), and until the list is
    filtered (the count line changes to "· N shown")."""
    with Pane(f"{PSR} --db {db}", ENV) as pane:
        pane.wait(lambda screen: LOADED.search(screen) is not None, timeout=300)
        pane.keys("/")
        time.sleep(0.3)
        counts = pane.screen().splitlines()[1]
        sent = pane.keys("z", literal=True)
        echo = filtered = 0.0
        while not (echo and filtered) and time.perf_counter() - sent < 30:
            lines = pane.screen().splitlines()
            now = time.perf_counter()
            if not echo and "z" in lines[2]:
                echo = now
            if not filtered and lines[1] != counts:
                filtered = now
            time.sleep(POLL)
        if not (echo and filtered):
            raise TimeoutError(f"the filter did not answer:\n{pane.screen()}")
        return echo - sent, filtered - sent


def saves(db: Path, prefixes: frozenset[str], count: int,
          pause_log: Path | None = None) -> tuple[list[float], list[float], list[float]]:
    """Review outcomes recorded from the quick review (all due points, `a`), `count` times
    in one session, once every digest is read: seconds from the saving Enter to "Review
    recorded" on screen, and to the case file renamed into place (the cases folder's
    mtime moves); with `pause_log`, the longest UI pause from each Enter until
    `AFTER_SAVE` seconds after its confirmation (the app's own log: bench/pauses.py)."""
    from pauses import read_log, worst  # the pause log's reader (bench/pauses.py)

    on_screen: list[float] = []
    on_disk: list[float] = []
    windows: list[tuple[float, float]] = []
    cases = db / "cases"
    env = {**ENV, "PSR_TUI_PAUSE_LOG": str(pause_log)} if pause_log else ENV
    with Pane(f"{PSR} --db {db} review", env) as pane:
        pane.wait_text("Due or overdue")
        pane.keys("a")
        pane.wait(lambda screen: "loading" not in screen and row_check(prefixes)(screen),
                  timeout=300)
        for n in range(count):
            pane.wait(row_check(prefixes), timeout=300)
            time.sleep(0.5)  # the list settled (the previous save's refresh)
            pane.keys("Enter")
            pane.wait_text("Satisfactory")
            pane.keys("2")
            pane.wait_text("Outcome: (2)")
            pane.keys(f"bench save {n}", literal=True)
            pane.wait_text(f"bench save {n}")
            before = cases.stat().st_mtime_ns
            wall = time.time()
            sent = pane.keys("Enter")
            screen_at = disk_at = 0.0
            while not (screen_at and disk_at) and time.perf_counter() - sent < 60:
                if not disk_at and cases.stat().st_mtime_ns != before:
                    disk_at = time.perf_counter()
                if not screen_at and "Review recorded" in pane.screen():
                    screen_at = time.perf_counter()
                time.sleep(POLL)
            if not (screen_at and disk_at):
                raise TimeoutError(f"save {n} not confirmed:\n{pane.screen()}")
            on_screen.append(screen_at - sent)
            on_disk.append(disk_at - sent)
            windows.append((wall, wall + (screen_at - sent) + AFTER_SAVE))
            pane.wait(lambda screen: "Review recorded" not in screen, timeout=30)
        if pause_log:
            from pauses import quit_app

            quit_app(pane)
    entries = read_log(pause_log) if pause_log else []
    pauses = [worst(entries, start, end) for start, end in windows] if pause_log else []
    return on_screen, on_disk, pauses


def command(args: list[str]) -> tuple[float, float]:
    """A command's wall time and peak RSS (MB), its output thrown away."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as sink:
        proc = subprocess.Popen(args, stdout=sink, stderr=subprocess.DEVNULL,
                                env={**os.environ, **ENV})
        _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({status})")
    return seconds, usage.ru_maxrss / 1024


def read_all(db: Path) -> tuple[float, float]:
    return command([sys.executable, "-c", READ_ALL, str(db)])


def psr(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "psr_tui", "--db", str(db), *args]
