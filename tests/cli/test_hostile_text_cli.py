"""Stored text is untrusted: on the command line it never reaches the terminal as a control
code (list, list --json, dump, export, messages), and import refuses it naming the field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from psr_tui.cli import main
from psr_tui.store import CaseStore
from tests.ui.review_cases import running_case

HOSTILE = "Dr \x1b]52;c;SGVsbG8=\x07 \x1b[2J\x9b31m\u202eEvil"
# Written out here, not imported: the test must not share the sanitiser's definition.
DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSR_TUI_TODAY", "2026-11-23")
    monkeypatch.delenv("PSR_TUI_USER", raising=False)  # the folder's owner: admin


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    """A database already holding hostile text (stored before import refused it)."""
    db = tmp_path / "db"
    case = running_case("case-h", HOSTILE, f"Org {HOSTILE}", f"Sup {HOSTILE}")
    assert case.plan is not None
    case.plan.review_points[0].title = f"Review {HOSTILE}"
    CaseStore.open(db, user="tester").create(case)
    return db


def clean(text: str) -> str:
    assert not DANGEROUS.search(text), sorted(set(DANGEROUS.findall(text)))
    return text


def test_list_table_shows_controls_visibly(hostile_db: Path, capsys) -> None:
    assert main(["list", "--db", str(hostile_db)]) == 0
    out = clean(capsys.readouterr().out)
    assert "Dr ␛]52;c;SGVsbG8=␇ ␛[2J" in out


@pytest.mark.parametrize("command", [["list", "--json"], ["dump"]])
def test_json_output_escapes_controls_and_round_trips(hostile_db: Path, capsys,
                                                      command: list[str]) -> None:
    assert main([*command, "--db", str(hostile_db)]) == 0
    out = clean(capsys.readouterr().out)
    assert "\\u009b" in out and "\\u202e" in out
    data = json.loads(out)
    name = data[0]["practitioner"] if command[0] == "list" else \
        data["cases"][0]["case"]["request"]["practitioner"]["name"]
    assert name == HOSTILE


@pytest.mark.parametrize("report", [["--report", "plan"], ["--report", "progress"],
                                    ["--report", "review-sheet"],
                                    ["--report", "supervisor-sheet"]])
def test_export_markdown_shows_controls_visibly(hostile_db: Path, capsys,
                                                report: list[str]) -> None:
    assert main(["export", "case-h", "--db", str(hostile_db), *report]) == 0
    out = clean(capsys.readouterr().out)
    assert "␛" in out


def test_export_to_a_file_shows_controls_visibly(hostile_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    assert main(["export", "case-h", "--db", str(hostile_db), "-o", str(target)]) == 0
    assert "Dr ␛\\]52" in clean(target.read_text("utf-8"))


def test_error_messages_echo_input_visibly(hostile_db: Path, capsys) -> None:
    assert main(["export", f"case-{HOSTILE}", "--db", str(hostile_db)]) == 2
    err = clean(capsys.readouterr().err)
    assert len(err.strip().splitlines()) == 1 and "]52;c;" in err


def test_import_refuses_control_characters_naming_the_field(hostile_db: Path, tmp_path: Path,
                                                            capsys) -> None:
    dump = tmp_path / "dump.json"
    assert main(["dump", "--db", str(hostile_db), "-o", str(dump)]) == 0
    capsys.readouterr()
    target = tmp_path / "fresh"
    assert main(["import", "--db", str(target), str(dump)]) == 2
    err = clean(capsys.readouterr().err).strip()
    assert err.startswith("psr-tui: case case-") and ": case." in err  # the case and field
    assert "control character (ESC)" in err and len(err.splitlines()) == 1
    assert not list(target.glob("cases/*.json"))


def test_import_refuses_a_key_holding_escape(tmp_path: Path, capsys) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps({"format": "psr-tui", "schema_version": 1,
                                "cases": [{"case": {"id": "case-1"}, "bad\x1b[2Jkey": 1}]}))
    assert main(["import", "--db", str(tmp_path / "db"), str(dump)]) == 2
    err = clean(capsys.readouterr().err)
    assert "case case-1: bad␛[2Jkey (a key)" in err
