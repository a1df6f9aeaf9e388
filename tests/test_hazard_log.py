"""docs/hazard-log.md names only controls and tests that exist, and every hazard has both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOG = ROOT / "docs" / "hazard-log.md"
HAZARD = re.compile(r"^### (H\d\d) ", re.MULTILINE)
TEST_REF = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")
CONTROL_REF = re.compile(r"`(psr_tui/[\w/]+\.py):([\w.]+)`")


def hazards(text: str) -> dict[str, str]:
    """Each hazard's id and the text of its section."""
    starts = list(HAZARD.finditer(text))
    return {
        m.group(1): text[m.start(): starts[i + 1].start() if i + 1 < len(starts) else len(text)]
        for i, m in enumerate(starts)
    }


def _row(section: str, name: str) -> str:
    found = re.search(rf"^\| {name} \|(.*)$", section, re.MULTILINE)
    return found.group(1) if found else ""


def defines(path: Path, name: str) -> bool:
    """Whether the file defines a function (or method) of that name."""
    return re.search(rf"^\s*(async\s+)?def {re.escape(name)}\(", path.read_text(),
                     re.MULTILINE) is not None


SECTIONS = hazards(LOG.read_text(encoding="utf-8"))


def test_the_log_lists_the_hazards_issue_10_names() -> None:
    assert list(SECTIONS) == [f"H{n:02d}" for n in range(1, len(SECTIONS) + 1)]
    assert len(SECTIONS) >= 8


@pytest.mark.parametrize("hazard", sorted(SECTIONS))
def test_every_hazard_has_a_control_and_a_test(hazard: str) -> None:
    section = SECTIONS[hazard]
    assert CONTROL_REF.search(_row(section, "Controls")), f"{hazard} names no control"
    assert TEST_REF.search(_row(section, "Tests")), f"{hazard} names no test"
    for row in ("Hazard", "Harm", "Causes", "Initial risk", "Residual risk"):
        assert _row(section, row).strip(" |"), f"{hazard} has no {row}"


@pytest.mark.parametrize("hazard", sorted(SECTIONS))
def test_every_named_test_exists(hazard: str) -> None:
    for path, name in TEST_REF.findall(SECTIONS[hazard]):
        file = ROOT / path
        assert file.is_file(), f"{hazard}: no file {path}"
        assert name.startswith("test_") and defines(file, name), f"{hazard}: no {path}::{name}"


@pytest.mark.parametrize("hazard", sorted(SECTIONS))
def test_every_named_control_exists(hazard: str) -> None:
    for path, name in CONTROL_REF.findall(SECTIONS[hazard]):
        file = ROOT / path
        assert file.is_file(), f"{hazard}: no file {path}"
        assert defines(file, name.rsplit(".", 1)[-1]), f"{hazard}: no {path}:{name}"


def test_the_checker_catches_a_test_that_does_not_exist() -> None:
    # The checks above must be able to fail: a made-up name is not found.
    assert not defines(ROOT / "tests/domain/test_review.py", "test_that_was_never_written")
    assert defines(ROOT / "tests/domain/test_review.py", "test_review_status")
