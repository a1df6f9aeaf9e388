"""CLI failures: `check` tells a save in progress from a leftover and cleans leftovers; a
missing meta.json says what to do; a refused import creates no database; a bug is one
line without its message."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from psr_tui.cli import commands, main
from psr_tui.store import CaseStore
from psr_tui.store.file_lock import exclusive_lock
from tests.store.sample_cases import small_case


@pytest.fixture
def db(tmp_path: Path) -> Path:
    root = tmp_path / "db"
    CaseStore.open(root, user="tester").create(small_case())
    return root


def temp_of(db: Path, name: str = "case-0001") -> Path:
    path = db / "cases" / f".{name}.json.{os.getpid()}.abc123.tmp"
    path.write_text("{half a record")
    return path


def test_check_cleans_a_leftover_and_passes(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    leftover = temp_of(db)
    assert main(["check", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert not leftover.exists()
    assert f"{leftover}: leftover of an interrupted save, cleaned" in err
    assert out.startswith("ok: 1 cases")


def test_check_leaves_a_save_in_progress_alone(db: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    in_progress = temp_of(db)
    with exclusive_lock(db / "locks" / "case-0001.lock", "case-0001"):  # a live writer
        assert main(["check", "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert in_progress.exists()
    assert f"{in_progress}: a save in progress (left alone)" in err


def test_a_missing_meta_says_what_to_do(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (db / "meta.json").unlink()
    assert main(["check", "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "restore meta.json from a backup" in err and "run `psr-tui check`" not in err


def test_a_refused_import_creates_no_database(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source"
    CaseStore.open(source, user="tester").create(small_case())
    dump = tmp_path / "dump.json"
    assert main(["dump", "--db", str(source), "-o", str(dump)]) == 0
    data = json.loads(dump.read_text())
    data["cases"].append(data["cases"][0])  # the same case twice: refused by the import
    dump.write_text(json.dumps(data))
    target = tmp_path / "new-db"
    assert main(["import", "--db", str(target), str(dump)]) == 2
    assert not target.exists()


def test_an_internal_error_is_one_line_without_its_message(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def bug(_args: object) -> int:
        secret = "PRACTITIONER-HEALTH-MARKER"
        raise KeyError(secret)

    monkeypatch.setitem(commands.COMMANDS, "list", bug)
    monkeypatch.setenv("PSR_TUI_LOG", str(db.parent / "log" / "errors.log"))
    monkeypatch.delenv("PSR_TUI_DEBUG", raising=False)
    assert main(["list", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "MARKER" not in err
    assert err.strip().splitlines() == [
        f"psr-tui: internal error: KeyError (details in {db.parent / 'log' / 'errors.log'} / "
        "set PSR_TUI_DEBUG=1)"
    ]
