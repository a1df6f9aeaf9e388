"""The benchmark databases: 50, 5,000 and 20,000 demo cases, built once under bench/.cache."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
TODAY = "2026-11-23"
ENV = {"PSR_TUI_TODAY": TODAY, "TERM": "xterm-256color",
       "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
PSR = f"{sys.executable} -m psr_tui"


def database(cases: int) -> Path:
    """The database of `cases` demo cases (the demo adds Mr G's case study), built once.

    A folder is used only when its build finished (the `built` marker), so a killed
    build is rebuilt, never half-used.
    """
    db = CACHE / f"db-{cases}"
    if (db / "built").exists():
        return db
    shutil.rmtree(db, ignore_errors=True)
    CACHE.mkdir(exist_ok=True)
    subprocess.run([sys.executable, "-m", "psr_tui", "demo", "--db", str(db), "--cases",
                    str(cases - 1)], check=True, env={**os.environ, **ENV},
                   capture_output=True)
    (db / "built").write_text("")
    return db


def practitioner_names(db: Path) -> list[str]:
    """Every practitioner's name in `db` (from `psr-tui list --json`)."""
    out = subprocess.run([sys.executable, "-m", "psr_tui", "--db", str(db), "list", "--json"],
                         check=True, env={**os.environ, **ENV}, capture_output=True, text=True)
    return [row["practitioner"] for row in json.loads(out.stdout) if row["practitioner"]]
