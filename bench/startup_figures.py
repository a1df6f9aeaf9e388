"""Start-up figures beyond home and the quick review: the dashboards' first rows, and the
bytecode every start-up figure assumes.

The dashboards cannot be started from the command line: each is a key away from a start
screen (`d` on home: the plans dashboard; `d` on the quick review: the review-point
dashboard). Each is timed from that key, the start screen settled, to the first case row
of the dashboard drawn (a practitioner's name under the dashboard's own column header, not
the start screen's rows and not its "Loading…" line); the floor is the hello-world app's
`d`, which pushes a screen of rows, timed the same way.
"""

from __future__ import annotations

import compileall
import sys
import time
from collections.abc import Callable
from pathlib import Path

from databases import ENV, PSR
from figures import LOADED
from hello_textual import PUSHED_ROW_NAME, ROW_NAME
from screens import case_row_drawn
from tmux_frame import POLL, Pane

HERE = Path(__file__).resolve().parent
HELLO = HERE / "hello_textual.py"
SETTLE = 0.3  # the start screen idle before the key, for psr-tui and the floor alike
# Column headers only the dashboard draws: its rows, not the start screen's, stop the clock.
PLANS_HEADER = "Ladder"
REVIEWS_HEADER = "Supervisor"


def compile_bytecode() -> None:
    """psr-tui's modules as `pip install` leaves them: compiled to bytecode.

    The floor's Textual was compiled when pip installed it; a checkout run with
    PYTHONDONTWRITEBYTECODE set (as on the project's machines) would otherwise compile
    every psr-tui module from source at each start, about 0.2 s of CPU that no installed
    copy pays.
    """
    compileall.compile_dir(str(HERE.parent / "psr_tui"), quiet=1)


def dashboard_row(prefixes: frozenset[str], header: str,
                  before: str = "") -> Callable[[str], bool]:
    """The dashboard's header on screen and a practitioner's row among the lines that were
    not on screen before the key (`before`): tmux may capture a frame half redrawn, the
    new header above the start screen's old rows."""
    old = frozenset(before.splitlines())

    def drawn(screen: str) -> bool:
        new = "\n".join(line for line in screen.splitlines() if line not in old)
        return header in screen and case_row_drawn(new, prefixes)

    return drawn


def hello_dashboard() -> float:
    """The floor: the hello-world app's `d` to its pushed screen's rows."""
    with Pane(f"{sys.executable} {HELLO}", ENV) as pane:
        pane.wait_text(ROW_NAME)
        time.sleep(SETTLE)
        return _key_to(pane, "d", lambda _before: lambda screen: PUSHED_ROW_NAME in screen)


def plans_dashboard(db: Path, prefixes: frozenset[str]) -> float:
    """`d` on home, every case loaded, to the plans dashboard's first plan row."""
    with Pane(f"{PSR} --db {db}", ENV) as pane:
        pane.wait(lambda screen: LOADED.search(screen) is not None, timeout=300)
        time.sleep(SETTLE)
        return _key_to(pane, "d", lambda before: dashboard_row(prefixes, PLANS_HEADER, before))


def review_dashboard(db: Path, prefixes: frozenset[str]) -> float:
    """`d` on the quick review (the database's administrator, an adviser) to the review
    dashboard's first row."""
    with Pane(f"{PSR} --db {db} review", ENV) as pane:
        pane.wait(lambda screen: "Due or overdue" in screen and "loading" not in screen,
                  timeout=300)
        time.sleep(SETTLE)
        return _key_to(pane, "d", lambda before: dashboard_row(prefixes, REVIEWS_HEADER, before))


def _key_to(pane: Pane, key: str, check: Callable[[str], Callable[[str], bool]],
            timeout: float = 300) -> float:
    """Seconds from `key` until `check(screen before the key)(screen)` holds."""
    done = check(pane.screen())
    sent = pane.keys(key)
    while time.perf_counter() - sent < timeout:
        screen = pane.screen()
        if done(screen):
            return time.perf_counter() - sent
        time.sleep(POLL)
    raise TimeoutError(f"not on screen within {timeout}s of {key!r}:\n{pane.screen()}")

