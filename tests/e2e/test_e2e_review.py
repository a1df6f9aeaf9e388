"""The supervisor's quick update, driven in the real program in tmux, keystrokes counted.

Issue 4: from the shell prompt to a saved outcome in at most 8 keystrokes plus the note.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from psr_tui.store import CaseStore

from .tmux import Terminal, needs_tmux

# A whole journey in a real terminal: longer than the suite's 300 s default on a busy host.
pytestmark = [needs_tmux, pytest.mark.slow, pytest.mark.timeout(900)]

MAX_KEYSTROKES = 8
NOTE = "Good progress on the ward round; DOPS x2 seen"


def test_quick_update_from_the_shell_prompt(tmp_path: Path) -> None:
    db = tmp_path / "db"
    env = {"PSR_TUI_TODAY": "2026-11-23", "TERM": "xterm-256color", "HOME": str(tmp_path),
           "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
           "PS1": "READY$ "}
    subprocess.run([sys.executable, "-m", "psr_tui", "demo", "--db", str(db)], check=True,
                   env={**os.environ, **env}, capture_output=True, timeout=120)
    term = Terminal("bash --norc --noprofile -i", env)
    try:
        term.wait_for("READY$")
        # Mr G's clinical supervisor, Mr Daniel Osei, signs in as 'dosei'.
        term.type(f"{sys.executable} -m psr_tui --db {db} --as dosei review")
        term.press("Enter")                      # 1: run the command
        screen = term.wait_for("Due or overdue for dosei")
        assert "Griffiths" in screen
        term.press("Enter")                      # 2: pick the first review point
        term.wait_for("Satisfactory, remain")
        term.press("2")                          # 3: outcome 2, remain at this stage
        term.wait_for("Outcome: (2)")            # focus is on the note now
        term.type(NOTE)
        term.wait_for(NOTE[:20])
        term.press("Enter")                      # 4: confirm and save
        term.wait_for("Nothing due or overdue for dosei")
        assert term.keystrokes <= MAX_KEYSTROKES
        term.press("C-q")
        deadline = time.monotonic() + 20
        while term.screen().count("READY$") < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        term.type("echo rc=$?")  # the terminal is back at the prompt and the exit status is 0
        term.press("Enter")
        term.wait_for("rc=0")
    finally:
        term.close()
    case = CaseStore.open(db).get("case-004-mr-g")
    recorded = [rp for rp in case.plan.review_points if rp.outcome is not None]
    latest = max(recorded, key=lambda rp: rp.outcome.recorded_at)
    assert latest.outcome.outcome == "remain"
    assert latest.outcome.note == NOTE
    assert latest.outcome.recorded_by == "dosei"
    audit = CaseStore.open(db).audit(case.id)
    assert audit[-1].user == "dosei" and audit[-1].action.startswith("review")
