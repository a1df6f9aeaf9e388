"""A small valid dump (four demo cases, one with an active plan) for the import tests."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from typing import Any

import pytest

from psr_tui.cli import main


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
