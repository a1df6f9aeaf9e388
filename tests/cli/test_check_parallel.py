"""`check` over many cases uses two processes, a half each: the same verdict, the same
problems in the same order as one process, whichever half a damaged file is in."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from psr_tui.cli import integrity, main
from psr_tui.store import CaseStore
from tests.store.sample_cases import small_case

IDS = [f"case-{n}" for n in range(1, 9)]


@pytest.fixture(autouse=True)
def fixed_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSR_TUI_TODAY", "2026-11-23")
    monkeypatch.delenv("PSR_TUI_USER", raising=False)  # the folder's owner: admin


@pytest.fixture
def damaged_db(tmp_path: Path) -> Path:
    """Eight cases: an unknown code in the first half, an edited audit event in the
    second, an unreadable file last."""
    db = tmp_path / "db"
    store = CaseStore.open(db, user="alice")
    for cid in IDS:
        store.create(small_case(cid))
    first = db / "cases" / "case-2.json"
    data = json.loads(first.read_text())
    data["case"]["1"]["state"] = "no-such-state"
    first.write_text(json.dumps(data))
    second = db / "cases" / "case-6.json"
    data = json.loads(second.read_text())
    data["audit"]["1"]["summary"] = "edited afterwards"
    second.write_text(json.dumps(data))
    (db / "cases" / "case-8.json").write_text("{not json")
    return db


def run_check(db: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", "--db", str(db)])
    return code, capsys.readouterr().out


def test_two_processes_find_what_one_finds(damaged_db: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    one = run_check(damaged_db, capsys)
    pids = tmp_path / "pids"
    real = integrity._check_cases

    def noting_pid(*args):  # type: ignore[no-untyped-def]
        with pids.open("a") as f:  # appended by both processes
            f.write(f"{os.getpid()}\n")
        return real(*args)

    monkeypatch.setattr(integrity, "_check_cases", noting_pid)
    monkeypatch.setattr(integrity, "PARALLEL_FROM", 4)
    monkeypatch.setattr(integrity.os, "cpu_count", lambda: 2)
    two = run_check(damaged_db, capsys)
    assert len(set(pids.read_text().split())) == 2  # the second half in another process
    assert two == one
    code, out = two
    lines = out.splitlines()
    assert code == 1 and len(lines) == 3
    assert "case case-2: state:" in lines[0] and "no-such-state" in lines[0]
    assert "case-6" in lines[1] and "case-8.json" in lines[2]


def test_below_the_threshold_one_process_checks_all(damaged_db: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = integrity._check_cases

    def noting(*args):  # type: ignore[no-untyped-def]
        seen.append(len(args[-1]))
        return real(*args)

    monkeypatch.setattr(integrity, "_check_cases", noting)
    assert run_check(damaged_db, capsys)[0] == 1
    assert seen == [len(IDS)]


def test_one_process_per_core_each_with_at_least_half_the_threshold(
        damaged_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Four cores and eight cases, two a process at least: four processes, and the same
    problems in the same order as one process finds them."""
    one = run_check(damaged_db, capsys)
    pids = tmp_path / "pids"
    runs: list[list[str]] = []
    real = integrity._check_cases

    def noting(*args):  # type: ignore[no-untyped-def]
        with pids.open("a") as f:
            f.write(f"{os.getpid()} {' '.join(args[-1])}\n")
        return real(*args)

    monkeypatch.setattr(integrity, "_check_cases", noting)
    monkeypatch.setattr(integrity, "PARALLEL_FROM", 4)
    monkeypatch.setattr(integrity.os, "cpu_count", lambda: 4)
    assert run_check(damaged_db, capsys) == one
    for line in pids.read_text().splitlines():
        runs.append(line.split()[1:])
    assert sorted(runs) == [IDS[0:2], IDS[2:4], IDS[4:6], IDS[6:8]]
    # The first run in this process, the others in the pool's (ProcessPoolExecutor may
    # give an idle worker a second run rather than start another: 2 or 3 of them).
    by_run = {tuple(line.split()[1:]): line.split()[0]
              for line in pids.read_text().splitlines()}
    assert by_run[tuple(IDS[0:2])] == str(os.getpid())
    assert str(os.getpid()) not in {by_run[tuple(IDS[at:at + 2])] for at in (2, 4, 6)}

    monkeypatch.setattr(integrity.os, "cpu_count", lambda: 16)  # more cores than runs of 2
    pids.unlink()
    assert run_check(damaged_db, capsys) == one
    assert len(pids.read_text().splitlines()) == 4
