"""Shared fixtures: a temporary store with a fixed clock, and a fixed 'today'."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from psr_tui.store import CaseStore

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def export_folder(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's export folder (locations.export_dir), per test: never ~/Documents."""
    folder = tmp_path_factory.mktemp("home") / "exports"
    monkeypatch.setenv("PSR_TUI_EXPORTS", str(folder))
    return folder


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    return CaseStore.open(tmp_path / "db", user="tester", clock=lambda: NOW)


@pytest.fixture
def make_store(tmp_path: Path):
    """Several stores on one folder, as several users/processes would see it."""

    def make(user: str = "tester") -> CaseStore:
        return CaseStore.open(tmp_path / "db", user=user, clock=lambda: NOW)

    return make
