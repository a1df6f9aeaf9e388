"""`dump` streams: one case a line, each file read once, and nothing written when a case
file cannot be read (never a dump silently missing a case)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from psr_tui.cli import main
from psr_tui.store import CaseStore
from psr_tui.store.dump_stream import parse_located
from psr_tui.store.interchange import dump_text, parse

# Written out here, not imported: the test must not share the sanitiser's definition.
DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


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
    from psr_tui.store import dump_stream

    reads: list[Path] = []
    real = dump_stream.read_bytes

    def counting(path: Path):  # type: ignore[no-untyped-def]
        reads.append(path)
        return real(path)

    monkeypatch.setattr(dump_stream, "read_bytes", counting)
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


def _entries(text: str) -> dict[str, dict]:
    return {json.loads(line.rstrip(","))["case"]["id"]: json.loads(line.rstrip(","))
            for line in text.split("\n")[1:-2]}  # not splitlines: U+2028 is no line end


def _stored(path: Path) -> dict:
    data = json.loads(path.read_bytes())
    audit = data.get("audit") or {}
    return {"case": data["case"]["1"], "audit": [audit[k] for k in sorted(audit, key=int)]}


def test_a_clean_record_is_written_as_the_text_read(demo_db: Path) -> None:
    """The fast path: each record's stored text itself, not encoded again."""
    store = CaseStore.open(demo_db, create=False)
    lines = "".join(dump_text(store)).splitlines()[1:-1]
    for case_id, line in zip(store.list_ids(), lines, strict=True):
        file_text = (demo_db / "cases" / f"{case_id}.json").read_text("utf-8")
        record = json.dumps(json.loads(file_text)["case"]["1"], ensure_ascii=False,
                            separators=(",", ":"))
        assert record in file_text and record in line  # the compact stored text, verbatim
        assert json.loads(line.rstrip(",")) == _stored(demo_db / "cases" / f"{case_id}.json")


@pytest.mark.parametrize("tamper", [
    "\x7f", "\u009b[2J", "\u202eEvil", "line\u2028sep",
])
def test_a_record_holding_controls_is_escaped_and_keeps_its_values(
        demo_db: Path, tmp_path: Path, tamper: str) -> None:
    """A file edited outside psr-tui to hold raw DEL, CSI or a bidi override (json.dumps
    leaves them raw): never copied as it is; the dump still loads to the same values."""
    db = tmp_path / "db"
    shutil.copytree(demo_db, db)
    victim = sorted((db / "cases").glob("*.json"))[0]
    data = json.loads(victim.read_bytes())
    data["case"]["1"]["request"]["practitioner"]["name"] = f"Dr {tamper}"
    victim.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    text = "".join(dump_text(CaseStore.open(db, create=False)))
    assert not DANGEROUS.search(text), sorted(set(DANGEROUS.findall(text)))
    entry = _entries(text)[victim.stem]
    assert entry == _stored(victim)
    assert entry["case"]["request"]["practitioner"]["name"] == f"Dr {tamper}"


def test_a_pretty_printed_file_still_makes_one_line(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "db"
    shutil.copytree(demo_db, db)
    victim = sorted((db / "cases").glob("*.json"))[0]
    victim.write_text(json.dumps(json.loads(victim.read_bytes()), indent=2), "utf-8")
    text = "".join(dump_text(CaseStore.open(db, create=False)))
    assert len(text.split("\n")) == len(list((db / "cases").glob("*.json"))) + 3
    assert _entries(text)[victim.stem] == _stored(victim)


@pytest.mark.parametrize("text", [
    '{"case": {"1": {"id": "a"}}, "audit": {"2": {"n": 2}, "1": {"n": 1}}}',
    ' { "case" : { "1" : {"id": "a", "x": [1, 2.5, null, true]} } , "meta": {"1": {}} } \n',
    '{"case": {"1": {"id": "a"}, "1": {"id": "b"}}, "case": {"1": {"id": "c"}}}',
    '{"audit": [], "case": "not a table", "v": "\\u00e9\\"q"}',
    '{}',
])
def test_located_parse_is_json_loads_with_the_records_places(text: str) -> None:
    data, spans = parse_located(text)
    assert data == json.loads(text)
    for table, located in spans.items():
        for key, (start, end) in located.items():
            assert json.loads(text[start:end]) == data[table][key]


@pytest.mark.parametrize("text", ['[1]', '{"a": 1} x', '{"a" 1}', '{"a": 1,}', '{"a": }'])
def test_located_parse_refuses_what_json_loads_refuses(text: str) -> None:
    with pytest.raises((ValueError, StopIteration)):
        parse_located(text)
