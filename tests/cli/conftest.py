"""Shared CLI fixtures: a fixed today, no inherited identity, a demo database with users,
and a small valid dump (demo cases, one with an active plan) for the import tests."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from psr_tui.cli import main

TODAY = "2026-11-23"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSR_TUI_TODAY", TODAY)
    for name in ("PSR_TUI_USER", "PSR_TUI_DB", "SSH_ORIGINAL_COMMAND"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def users_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo (Mr G plus 35 cases) and its users, written by the folder's owner."""
    db = tmp_path_factory.mktemp("users") / "db"
    os.environ["PSR_TUI_TODAY"] = TODAY
    assert main(["demo", "--db", str(db)]) == 0
    return db


@pytest.fixture
def one_line(capsys: pytest.CaptureFixture[str]) -> Callable[[], str]:
    """The one line a refused command wrote on stderr."""
    def read() -> str:
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1, err
        assert err[0].startswith("psr-tui: ") and "Traceback" not in err[0]
        return err[0]
    return read


@pytest.fixture(scope="session")
def small_dump_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("small")
    saved = os.environ.get("PSR_TUI_TODAY")
    os.environ["PSR_TUI_TODAY"] = "2026-11-23"
    try:
        assert main(["demo", "--db", str(folder / "db"), "--cases", "3"]) == 0
        assert main(["dump", "--db", str(folder / "db"), "-o", str(folder / "dump.json")]) == 0
    finally:
        if saved is None:
            os.environ.pop("PSR_TUI_TODAY", None)
        else:
            os.environ["PSR_TUI_TODAY"] = saved
    return (folder / "dump.json").read_text()


@pytest.fixture
def small_dump(small_dump_text: str) -> Callable[[], dict[str, Any]]:
    """A fresh copy of the dump to change (cases[0] is case-004-mr-g, with a plan)."""
    parsed = json.loads(small_dump_text)
    return lambda: copy.deepcopy(parsed)
