"""Start-up imports only what the first screen draws (issue 9: first rows within 2x a
hello-world Textual app). A fresh interpreter opens home, or the quick review, on the demo
database, waits for its first case row, and lists what it had imported by then. The same
holds for the dashboards a key away (`d`): they draw digests, so no models either."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from psr_tui.demo import write_demo
from psr_tui.store import CaseStore

# Loaded by a screen, a dialog or a command not yet used, never before the first rows.
NOT_AT_START = (
    "pydantic",  # the lists read digests (plain json): the models come with a whole case
    "holidays",  # working days come from data/bank_holidays.json
    "tree_sitter",  # text areas: the dialogs'
    "psr_tui.ui.dialogs.",
    "psr_tui.export.markdown",
    "psr_tui.demo",
    "icalendar",
    "shtab",
)

FIRST_ROWS = """
import asyncio, json, sys
from datetime import date
from textual.widgets import DataTable
from psr_tui.app import make_app
from psr_tui.store import CaseStore

async def first_rows(app, pilot, screen: str = "") -> None:
    for _ in range(2000):
        tables = app.screen.query(DataTable)
        if tables and tables.first().row_count and type(app.screen).__name__.startswith(screen):
            break
        await pilot.pause(0.01)

async def main(db: str, start: str, user: str, key: str, screen: str) -> None:
    store = CaseStore.open(db, user=user)
    app = make_app(store, today=lambda: date(2026, 11, 23), start=start, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_rows(app, pilot)
        if key:  # then a key away: its screen's first rows
            await pilot.press(key)
            await first_rows(app, pilot, screen)
        rows = app.screen.query_one(DataTable).row_count
        name = type(app.screen).__name__
        loaded = sorted(sys.modules)
    print(json.dumps({"screen": name, "rows": rows, "modules": loaded}))

asyncio.run(main(*sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datetime import date

    root = tmp_path_factory.mktemp("startup") / "db"
    write_demo(CaseStore.open(root, user="tester"), date(2026, 11, 23))
    return root


@pytest.mark.parametrize(("start", "user", "key", "screen"), [
    ("home", "tester", "", "HomeScreen"),
    ("review", "dosei", "", "QuickReviewScreen"),
    ("home", "tester", "d", "PlansDashboardScreen"),  # plan_overview once imported the models
    ("review", "tester", "d", "DashboardScreen"),
])
def test_the_first_rows_import_nothing_the_start_screen_does_not_use(
        demo_db: Path, start: str, user: str, key: str, screen: str) -> None:
    done = subprocess.run([sys.executable, "-c", FIRST_ROWS, str(demo_db), start, user, key,
                           screen], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screen"] == screen and seen["rows"] > 0
    early = [m for m in seen["modules"]
             if any(m == bad.rstrip(".") or m.startswith(bad if bad.endswith(".") else bad + ".")
                    for bad in NOT_AT_START)]
    assert early == []
