"""`dump` streams: one case a line, each file read once, and nothing written when a case
file cannot be read (never a dump silently missing a case)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from psr_tui.cli import main
from psr_tui.store import CaseStore
from psr_tui.store.interchange import dump_text, parse


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PSR_TUI_TODAY", "2026-11-23")
        assert main(["demo", "--db", str(db)]) == 0
    return db


def test_a_dump_is_one_case_a_line_and_parses(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "dump.json"
    assert main(["dump", "--db", str(demo_db), "-o", str(out)]) == 0
    text = out.read_text()
    ids = CaseStore.open(demo_db, create=False).list_ids()
    lines = text.splitlines()
    assert len(lines) == len(ids) + 2  # the header line, one line per case, the end
    assert [json.loads(line.rstrip(","))["case"]["id"] for line in lines[1:-1]] == ids
    assert len(parse(text.encode()).cases) == len(ids)


def test_each_case_file_is_read_once(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from psr_tui.store import interchange

    reads: list[Path] = []
    real = interchange.read_json

    def counting(path: Path):  # type: ignore[no-untyped-def]
        reads.append(path)
        return real(path)

    monkeypatch.setattr(interchange, "read_json", counting)
    store = CaseStore.open(demo_db, create=False)
    "".join(dump_text(store))
    assert sorted(p.stem for p in reads) == store.list_ids()


def test_an_unreadable_case_file_leaves_no_dump(demo_db: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "db"
    shutil.copytree(demo_db, broken)
    victim = sorted((broken / "cases").glob("*.json"))[-1]
    victim.write_text("{not json")
    out = tmp_path / "dump.json"
    assert main(["dump", "--db", str(broken), "-o", str(out)]) != 0
    assert not out.exists() and not list(tmp_path.glob(".dump.json.*"))
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and victim.name in err[0] and "Traceback" not in err[0]
