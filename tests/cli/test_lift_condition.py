"""`psr-tui lift-condition`: a condition lifted through the acting identity (hazard H02)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from psr_tui.cli import main
from psr_tui.demo.case_study import CASE_ID
from psr_tui.store import CaseStore

CONDITION = "cnd-g1"  # Mr G's local restriction
LIFT = ["--by", "organisation", "--on", "2026-11-20", "--evidence", "Medical director letter"]


@pytest.fixture
def db(users_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "db"
    shutil.copytree(users_db, copy)
    return copy


def run(db: Path, user: str, *args: str) -> int:
    return main(["--db", str(db), "--as", user, "lift-condition", CASE_ID, *args])


def condition(db: Path):
    case = CaseStore.open(db, user="test").get(CASE_ID)
    return next(c for c in case.request.conditions if c.id == CONDITION)


def test_the_responsible_officer_lifts_it_as_themselves(db: Path, capsys) -> None:
    assert run(db, "arao", CONDITION, *LIFT) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{CASE_ID}: lifted ") and "2026-11-20 (Dr Anita Rao)" in out
    lifted = condition(db)
    assert lifted.lifted is not None
    assert (lifted.lifted.by, lifted.lifted.decided_by, lifted.lifted.recorded_by) == (
        "organisation", "Dr Anita Rao", "arao")
    assert lifted.lifted.evidence == "Medical director letter"
    event = CaseStore.open(db, user="test").audit(CASE_ID)[-1]
    assert (event.action, event.user) == ("condition.lift", "arao")
    # Lifted once: a second lifting is refused in one line.
    assert run(db, "hmarsden", CONDITION, *LIFT, "--decided-by", "Dr Helen Marsden") == 2
    assert "already lifted on 2026-11-20" in capsys.readouterr().err


@pytest.mark.parametrize(("user", "says"), [
    ("dosei", "may not record that a condition was lifted"),
    ("ggriffiths", "may not record that a condition was lifted"),
    ("kmensah", f"no case with id {CASE_ID!r}"),
])
def test_other_roles_are_refused_and_nothing_changes(db, user, says, one_line) -> None:
    assert run(db, user, CONDITION, *LIFT) == 2
    assert says in one_line()
    assert condition(db).lifted is None


@pytest.mark.parametrize(("args", "says"), [
    (["--by", "organisation", "--on", "20/11/2026", "--evidence", "x"], "is not a date"),
    (["--by", "organisation", "--on", "2026-11-24", "--evidence", "x"], "in the future"),
    (["--by", "someone", "--on", "2026-11-20", "--evidence", "x"], "Say who lifted it"),
    (["--by", "organisation", "--on", "2026-11-20", "--evidence", " "], "on what evidence"),
    (["--by", "organisation", "--on", "2026-11-20", "--evidence", "x", "--decided-by", "1"],
     "is not a name"),
])
def test_bad_input_is_one_line_and_nothing_is_written(db, args, says, one_line) -> None:
    assert run(db, "hmarsden", CONDITION, *args) == 2
    assert says in one_line()
    assert condition(db).lifted is None


def test_an_unknown_condition_is_named_in_one_line(db, one_line) -> None:
    assert run(db, "hmarsden", "cnd-none", *LIFT) == 2
    assert "No condition 'cnd-none' on this case" in one_line()
