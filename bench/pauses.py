"""Pauses of the app's UI thread (garbage collection included), while loading and after a
save: the app's own log (`PSR_TUI_PAUSE_LOG`, psr_tui/ui/pause_log.py) read against the
bench's clock. Target (issue 9): no pause over 100 ms.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from databases import ENV, PSR
from figures import LOADED, MR_G
from hello_textual import PUSHED_ROW_NAME, ROW_NAME
from screens import row_check
from startup_figures import HELLO, PLANS_HEADER, REVIEWS_HEADER, dashboard_row
from startup_figures import SETTLE as KEY_SETTLE
from tmux_frame import Pane

SETTLE = 1.0  # seconds after the list is whole (the sort, the freeze) still counted
QUIT_WAIT = 10.0


def read_log(path: Path) -> list[dict[str, float | str]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue  # a line cut by the pane's end
    return out


def worst(entries: list[dict[str, float | str]], start: float, end: float,
          kind: str = "tick") -> float:
    """The longest pause of `kind` logged between the wall-clock times `start` and `end`
    (seconds; 0 when none reached the log's threshold)."""
    found = [float(e["ms"]) for e in entries
             if e.get("kind") == kind and start <= float(e["t"]) <= end]
    return max(found, default=0.0) / 1000


def quit_app(pane: Pane) -> None:
    """ctrl+q, then wait for the pane's program to end (its log's last line written)."""
    pane.keys("C-q")
    deadline = time.time() + QUIT_WAIT
    while time.time() < deadline and Path(f"/proc/{pane.pid}").exists():
        time.sleep(0.05)


def loading(db: Path, log: Path) -> tuple[float, float]:
    """Home opened until every case is read, and then `SETTLE` seconds: the longest UI
    pause (seconds) and the longest collection among them."""
    env = {**ENV, "PSR_TUI_PAUSE_LOG": str(log)}
    start = time.time()
    with Pane(f"{PSR} --db {db}", env) as pane:
        pane.wait(lambda screen: LOADED.search(screen) is not None, timeout=300)
        time.sleep(SETTLE)
        end = time.time()
        quit_app(pane)
    entries = read_log(log)
    return worst(entries, start, end), worst(entries, start, end, "gc")


def review_loading(db: Path, log: Path) -> float:
    """`psr-tui review` as Mr G's supervisor, every digest read ("loading" gone): the
    longest UI pause (seconds)."""
    env = {**ENV, "PSR_TUI_PAUSE_LOG": str(log)}
    start = time.time()
    with Pane(f"{PSR} --db {db} --as dosei review", env) as pane:
        pane.wait(row_check(MR_G), timeout=300)
        pane.wait(lambda screen: "loading" not in screen, timeout=300)
        time.sleep(SETTLE)
        end = time.time()
        quit_app(pane)
    return worst(read_log(log), start, end)


def dashboard_loading(db: Path, log: Path, which: str, prefixes: frozenset[str]) -> float:
    """`d` on a start screen every case of which is read, until the dashboard's list is
    whole ("loading" gone) and `SETTLE` seconds after: the longest UI pause (seconds).
    `which`: "plans" (`d` on home) or "reviews" (`d` on the quick review, an adviser's)."""
    env = {**ENV, "PSR_TUI_PAUSE_LOG": str(log)}
    command, header = (f"{PSR} --db {db}", PLANS_HEADER) if which == "plans" \
        else (f"{PSR} --db {db} review", REVIEWS_HEADER)
    with Pane(command, env) as pane:
        if which == "plans":
            pane.wait(lambda screen: LOADED.search(screen) is not None, timeout=300)
        else:
            pane.wait(lambda screen: "Due or overdue" in screen and "loading" not in screen,
                      timeout=300)
        time.sleep(KEY_SETTLE)
        drawn = dashboard_row(prefixes, header, pane.screen())
        start = time.time()
        pane.keys("d")
        pane.wait(lambda screen: drawn(screen) and "loading" not in screen, timeout=300)
        time.sleep(SETTLE)
        end = time.time()
        quit_app(pane)
    return worst(read_log(log), start, end)


def hello_push(log: Path) -> float:
    """The floor of the dashboards' pauses: the hello-world app's `d` to its pushed
    screen's rows and `SETTLE` seconds after, its longest UI pause (seconds). What any
    Textual app's pushed screen holds the UI thread for on this machine."""
    env = {**ENV, "PSR_TUI_PAUSE_LOG": str(log),
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}  # psr_tui's pause log
    with Pane(f"{sys.executable} {HELLO}", env) as pane:
        pane.wait_text(ROW_NAME)
        time.sleep(KEY_SETTLE)
        start = time.time()
        pane.keys("d")
        pane.wait_text(PUSHED_ROW_NAME)
        time.sleep(SETTLE)
        end = time.time()
        quit_app(pane)
    return worst(read_log(log), start, end)
