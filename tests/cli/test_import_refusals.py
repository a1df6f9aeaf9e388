"""An import is validated whole before anything is written: each refusal is one line on
stderr naming the case and the field, exit 2, and no database (not even an empty one)."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest

from psr_tui.cli import main
from psr_tui.store import case_import, dump_limits
from tests.cli.test_cli import one_error_line, tree_digest


@pytest.fixture(autouse=True)
def fixed_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSR_TUI_TODAY", "2026-11-23")
    monkeypatch.delenv("PSR_TUI_USER", raising=False)  # the folder's owner: admin


def refused(tmp_path: Path, capsys, content: str | dict) -> str:
    """Import `content` into a new database: must be refused, one line, nothing made."""
    source = tmp_path / "in.json"
    source.write_text(content if isinstance(content, str) else json.dumps(content))
    db = tmp_path / "db"
    capsys.readouterr()
    assert main(["import", "--db", str(db), str(source)]) == 2
    line = one_error_line(capsys)
    assert "nothing was imported" in line
    assert "internal error" not in line
    assert not db.exists()
    return line


def plan_case(dump: dict) -> dict:
    return dump["cases"][0]["case"]


CHANGES = {
    "unknown specialty": (
        lambda d: plan_case(d)["request"]["practitioner"].update(specialty_group="astrology"),
        "request.practitioner.specialty_group: 'astrology' is not in the list"),
    "unknown state": (lambda d: plan_case(d).update(state="approved"), "state: 'approved'"),
    "unknown review outcome": (
        lambda d: plan_case(d)["plan"]["review_points"][0]["outcome"].update(outcome="great"),
        ".outcome.outcome: 'great' is not in the list of review outcomes"),
    "unknown plan type": (
        lambda d: plan_case(d)["request"].update(plan_type="holiday"),
        "request.plan_type: 'holiday'"),
    "missing id": (lambda d: plan_case(d).pop("id"), "cases[0].case.id: missing"),
    "id of the wrong shape": (lambda d: plan_case(d).update(id="../../etc/passwd"),
                              "is not a case id"),
    "duplicate id": (lambda d: d["cases"].append(d["cases"][0]), "appears twice in the file"),
    "negative revision": (lambda d: plan_case(d).update(revision=-3), "revision: -3"),
    "revision true": (lambda d: plan_case(d).update(revision=True), "revision: True"),
    "revision as text": (lambda d: plan_case(d).update(revision="7"), "revision: '7'"),
    "schema version true": (lambda d: d.update(schema_version=True), "schema_version True"),
    "schema version 0": (lambda d: d.update(schema_version=0), "schema_version 0"),
    "schema version -5": (lambda d: d.update(schema_version=-5), "schema_version -5"),
    "newer schema version": (lambda d: d.update(schema_version=99), "schema_version 99"),
    "audit event of another case": (
        lambda d: d["cases"][0]["audit"].append(dict(d["cases"][1]["audit"][0])),
        "audit[1].case_id: 'case-07000000': an event of another case"),
    "audit event without id": (lambda d: d["cases"][0]["audit"][0].pop("id"),
                               "audit[0].id: missing"),
    "activity linked to a missing objective": (
        lambda d: plan_case(d)["plan"]["activities"][0].update(objective_ids=["obj-ghost"]),
        "links to missing objective obj-ghost"),
    "role naming a missing stage": (
        lambda d: plan_case(d)["plan"]["roles"][0].update(
            stage_responsibilities={"stg-ghost": "x"}),
        "names missing stage stg-ghost"),
    "duplicate objective ids": (
        lambda d: plan_case(d)["plan"]["objectives"].append(
            plan_case(d)["plan"]["objectives"][0]),
        "appears twice"),
    "a 201-character name": (
        lambda d: plan_case(d)["request"]["practitioner"].update(name="N" * 201),
        "request.practitioner.name: 201 characters (at most 200 here)"),
    "unknown key": (lambda d: plan_case(d).update(approved_by="medical director"),
                    "approved_by: Extra inputs are not permitted"),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_each_refusal_names_the_case_and_field(name, small_dump, tmp_path, capsys) -> None:
    change, expected = CHANGES[name]
    dump = small_dump()
    change(dump)
    line = refused(tmp_path, capsys, dump)
    assert expected in line
    if "case id" not in expected and "cases[0]" not in expected and "schema" not in name:
        assert "case case-004-mr-g" in line


def test_deep_nesting_is_refused_without_a_recursion_error(tmp_path, capsys) -> None:
    deep = '{"format": "psr-tui", "schema_version": 1, "cases": ' + "[" * 100_000 + "]" * 100_000
    assert "nested deeper than 64 levels" in refused(tmp_path, capsys, deep + "}")


def test_nesting_over_the_limit_inside_a_case_names_it(small_dump, tmp_path, capsys) -> None:
    dump = small_dump()
    value: Any = "x"
    for _ in range(70):
        value = [value]
    plan_case(dump)["plan"]["amendments"] = [{"changes": {"end_date": value}}]
    line = refused(tmp_path, capsys, dump)
    assert "case case-004-mr-g: case.plan.amendments[0].changes.end_date[0]" in line
    assert len(line) < 250


def test_a_5000_digit_number_is_refused(small_dump, tmp_path, capsys) -> None:
    text = json.dumps(small_dump()).replace('"revision": 1', '"revision": ' + "9" * 5000, 1)
    assert "9" * 5000 in text
    line = refused(tmp_path, capsys, text)
    assert "a number of 5000 digits (at most 18)" in line


def test_nan_and_infinity_are_refused(small_dump, tmp_path, capsys) -> None:
    text = json.dumps(small_dump()).replace('"revision": 1', '"revision": NaN', 1)
    assert "NaN is not a JSON number" in refused(tmp_path, capsys, text)


def test_an_oversized_note_is_refused(small_dump, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(dump_limits, "MAX_TEXT_CHARS", 1_000)  # stands for 20,000
    dump = small_dump()
    plan_case(dump)["plan"]["review_points"][0]["outcome"]["note"] = "n" * 1_001
    line = refused(tmp_path, capsys, dump)
    assert "plan.review_points[0].outcome.note: 1001 characters (at most 1000 here)" in line


def test_a_dump_over_the_size_limit_is_refused_before_reading(
    small_dump_text, tmp_path, capsys, monkeypatch
) -> None:
    monkeypatch.setattr(dump_limits, "MAX_DUMP_BYTES", 1024 * 1024)
    big = small_dump_text[:-2] + " " * (1024 * 1024) + "}\n"
    reads: list[int] = []
    monkeypatch.setattr(dump_limits, "load_json", lambda *a: reads.append(1))
    assert "is larger than 1 MB" in refused(tmp_path, capsys, big)
    assert not reads


def test_a_disk_that_fills_mid_import_leaves_nothing(
    small_dump_text, tmp_path, capsys, monkeypatch
) -> None:
    real_write = case_import.write_json_atomic
    calls: list[Path] = []

    def fills_up(path: Path, data: dict, **kw: Any) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(path, data, **kw)

    monkeypatch.setattr(case_import, "write_json_atomic", fills_up)
    line = refused(tmp_path, capsys, small_dump_text)
    assert "No space left on device" in line and len(calls) == 3
    # Into a database that exists: its files are as they were, no staging file is left.
    db = tmp_path / "existing"
    assert main(["demo", "--db", str(db), "--cases", "1"]) == 0
    before = tree_digest(db)
    calls.clear()
    source = tmp_path / "in.json"
    dump = json.loads(small_dump_text)
    dump["cases"] = dump["cases"][1:]  # not the demo case study, which `existing` holds
    for entry in dump["cases"]:  # other ids than the ones `existing` holds
        entry["case"]["id"] = entry["case"]["id"].replace("case-07", "case-99")
        for event in entry["audit"]:
            event["case_id"] = entry["case"]["id"]
    source.write_text(json.dumps(dump))
    capsys.readouterr()
    assert main(["import", "--db", str(db), str(source)]) == 2
    assert "No space left on device" in one_error_line(capsys)
    assert {k: v for k, v in tree_digest(db).items() if not k.startswith("briefs")} == {
        k: v for k, v in before.items() if not k.startswith("briefs")}
    assert not list((db / "cases").glob(".*"))


def test_a_case_created_by_someone_else_during_the_import_rolls_it_back(
    small_dump_text, tmp_path, capsys, monkeypatch
) -> None:
    db = tmp_path / "db"
    real_link = case_import.os.link
    linked: list[str] = []

    def racing_link(src: Any, dst: Any) -> None:
        if len(linked) == 2:  # someone saves a case with the third id first
            Path(dst).write_text("{}")
        linked.append(str(dst))
        real_link(src, dst)

    monkeypatch.setattr(case_import.os, "link", racing_link)
    source = tmp_path / "in.json"
    source.write_text(small_dump_text)
    assert main(["import", "--db", str(db), str(source)]) == 2
    assert "was created by someone else during the import" in one_error_line(capsys)
    left = sorted(p.name for p in (db / "cases").iterdir())
    assert left == [Path(linked[2]).name]  # only theirs; the two published first are gone
