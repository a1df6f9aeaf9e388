"""Shared CLI fixtures: a fixed today, no inherited identity, a demo database with users."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

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
