"""The CLI contract: scriptable, one-line errors with exit status 2, nothing written on error."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from psr_tui.cli import main

TODAY = "2026-11-23"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSR_TUI_TODAY", TODAY)
    monkeypatch.delenv("PSR_TUI_USER", raising=False)  # the account owning tmp_path: admin
    monkeypatch.delenv("PSR_TUI_DB", raising=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "db"
    os.environ["PSR_TUI_TODAY"] = TODAY
    assert main(["demo", "--db", str(db)]) == 0
    return db


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".lock"}


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith("psr-tui: ")
    assert "Traceback" not in err[0]
    return err[0]


def test_list_json_has_the_documented_fields(demo_db: Path, capsys) -> None:
    assert main(["list", "--db", str(demo_db), "--json", "--all"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 31
    for key in ("id", "practitioner", "organisation", "state", "next_review"):
        assert key in rows[0]
    assert any("Griffiths" in r["practitioner"] or r["practitioner"].startswith("Mr G")
               for r in rows)


def test_dump_import_dump_gives_the_same_records(demo_db: Path, tmp_path: Path, capsys) -> None:
    first = tmp_path / "first.json"
    assert main(["dump", "--db", str(demo_db), "-o", str(first)]) == 0
    fresh = tmp_path / "fresh"
    assert main(["import", "--db", str(fresh), str(first)]) == 0
    second = tmp_path / "second.json"
    assert main(["dump", "--db", str(fresh), "-o", str(second)]) == 0
    a = json.loads(first.read_text())
    b = json.loads(second.read_text())
    assert [e["case"] for e in a["cases"]] == [e["case"] for e in b["cases"]]
    seal_fields = {"imported", "prev", "seal"}
    for ea, eb in zip(a["cases"], b["cases"], strict=True):
        # The import adds its own audit entry; everything before it is the same, but
        # marked imported (another database's key sealed it) and sealed anew.
        kept = eb["audit"][: len(ea["audit"])]
        assert [{k: v for k, v in e.items() if k not in seal_fields} for e in kept] == [
            {k: v for k, v in e.items() if k not in seal_fields} for e in ea["audit"]]
        assert all(e["imported"] for e in kept)
        assert [e["action"] for e in eb["audit"][len(ea["audit"]):]] == ["import"]
    assert main(["check", "--db", str(fresh)]) == 0


def test_import_conflict_is_refused_and_nothing_written(demo_db, tmp_path, capsys) -> None:
    dump_file = tmp_path / "dump.json"
    assert main(["dump", "--db", str(demo_db), "-o", str(dump_file)]) == 0
    data = json.loads(dump_file.read_text())
    data["cases"][0]["case"]["request"]["practitioner"]["name"] = "Someone Else"
    dump_file.write_text(json.dumps(data))
    before = tree_digest(demo_db)
    capsys.readouterr()
    assert main(["import", "--db", str(demo_db), str(dump_file)]) == 2
    line = one_error_line(capsys)
    assert "already exists with other content" in line
    assert tree_digest(demo_db) == before


def test_import_bad_json_and_wrong_type(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "psr-tui", "cases": [')
    assert main(["import", "--db", str(db), str(bad)]) == 2
    assert "not valid JSON" in one_error_line(capsys)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": "psr-tui", "schema_version": 1, "cases": [
        {"case": {"id": "case-1", "revision": 1, "request": {"received_on": "not a date"}},
         "audit": []}]}))
    assert main(["import", "--db", str(db), str(wrong)]) == 2
    line = one_error_line(capsys)
    assert "case case-1: case.request.received_on" in line
    assert not db.exists()  # not even an empty database


def test_schema_marks_confidential_fields(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    defs = schema["$defs"]
    assert defs["PractitionerDiscussion"]["properties"]["notes"]["x-confidential"] is True
    assert defs["OccupationalHealth"]["properties"]["health_details"]["x-confidential"] is True
    assert "x-confidential" not in defs["Discussion"]["properties"]["notes"]


def test_export_unknown_case_and_audiences(demo_db: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", "--db", str(demo_db), "no-such-case"]) == 2
    assert "no case" in one_error_line(capsys)
    assert main(["list", "--db", str(demo_db), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    with_plan = [r for r in rows if r["state"] in ("active", "agreed")]
    case_id = with_plan[0]["id"]
    out = tmp_path / "plan.md"
    assert main(["export", "--db", str(demo_db), case_id, "--audience", "organisation",
                 "-o", str(out)]) == 0
    org_copy = out.read_text()
    assert out.stat().st_mode & 0o777 == 0o600  # practitioner data: owner only
    assert "organisation" in org_copy.lower()
    assert main(["export", "--db", str(demo_db), case_id, "--report", "progress"]) == 0
    assert "progress" in capsys.readouterr().out.lower()


def test_confidential_notes_stay_out_of_the_organisation_copy(demo_db, tmp_path, capsys):
    from psr_tui.store import CaseStore

    store = CaseStore.open(demo_db)
    cases, _ = store.load_all()
    noted = [c for c in cases if c.plan and c.discussions.practitioner.notes]
    assert noted, "demo data should have practitioner discussion notes"
    case = noted[0]
    secret = case.discussions.practitioner.notes[:40]
    for audience in ("organisation", "practitioner"):
        assert main(["export", "--db", str(demo_db), case.id, "--audience", audience]) == 0
        assert secret not in capsys.readouterr().out
    assert main(["export", "--db", str(demo_db), case.id, "--audience", "adviser"]) == 0
    assert secret in capsys.readouterr().out


def test_check_passes_on_demo_and_reports_a_corrupt_file(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["check", "--db", str(db)]) == 0
    assert "ok:" in capsys.readouterr().out
    victim = sorted((db / "cases").glob("*.json"))[0]
    victim.write_bytes(b'{"case": {"1": {"id": ')
    before = victim.read_bytes()
    assert main(["check", "--db", str(db)]) == 1
    assert "cannot read" in capsys.readouterr().out
    assert main(["list", "--db", str(db)]) == 2
    assert victim.read_bytes() == before


def test_db_path_that_is_a_file_and_env_default(tmp_path: Path, monkeypatch, capsys) -> None:
    afile = tmp_path / "plans.json"
    afile.write_text("{}")
    assert main(["list", "--db", str(afile)]) == 2
    assert "is a file" in one_error_line(capsys)
    assert afile.read_text() == "{}"
    monkeypatch.setenv("PSR_TUI_DB", str(tmp_path / "envdb"))
    assert main(["demo", "--cases", "3", "--db", str(tmp_path / "envdb")]) == 0
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= 3
    mode = (tmp_path / "envdb" / "meta.json").stat().st_mode & 0o777
    assert mode == 0o600


def test_console_script_errors_are_one_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "psr_tui", "export", "--db", str(tmp_path / "none"), "x"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "Traceback" not in proc.stderr


def test_bare_review_point_means_the_latest_recorded(tmp_path: Path, capsys) -> None:
    from datetime import date

    from psr_tui.store import CaseStore
    from tests.ui.review_cases import fill

    db = tmp_path / "db"
    store = CaseStore.open(db, user="cli-tester")
    fill(store)
    args = ["export", "--db", str(db), "case-g", "--report", "progress", "--review-point"]
    assert main(args) == 0
    assert "Review 1 (2 months)" in capsys.readouterr().out  # the only one recorded

    def hold_second(case):
        first, second = case.plan.review_points[:2]
        second.outcome = first.outcome.model_copy(update={"held_on": date(2026, 11, 16)})

    store.update("case-g", hold_second, "review.record", "second review held")
    assert main(args) == 0
    report = capsys.readouterr().out
    assert "Review 2 (4 months)" in report and "Review 1 (2 months)" not in report
    assert main([*args[:-1], "--review-point", "rp-case-g-1"]) == 0  # an ID still chooses
    assert "Review 1 (2 months)" in capsys.readouterr().out
    assert main(["export", "--db", str(db), "case-g", "--report", "review-sheet",
                 "--review-point"]) == 0
    assert "Review 3 (6 months)" in capsys.readouterr().out  # the next review to hold


def test_bare_review_point_with_nothing_recorded_is_refused(tmp_path: Path, capsys) -> None:
    from psr_tui.store import CaseStore
    from tests.ui.review_cases import fill

    db = tmp_path / "db"
    store = CaseStore.open(db, user="cli-tester")
    fill(store)
    store.update("case-g", lambda c: setattr(c.plan.review_points[0], "outcome", None),
                 "review.record", "outcome cleared for the test")
    assert main(["export", "--db", str(db), "case-g", "--report", "progress",
                 "--review-point"]) == 2
    assert "no review point recorded yet" in one_error_line(capsys)


def test_a_reader_that_stops_early_gets_no_error(demo_db: Path) -> None:
    """`psr-tui list | head`: a closed pipe ends the command quietly, as in any filter.
    `true` reads nothing and exits long before the list is written."""
    proc = subprocess.run(
        f"{sys.executable} -m psr_tui list --db {demo_db} | true",
        shell=True, capture_output=True, text=True, timeout=60,
    )
    assert proc.stderr == ""


def test_review_sheet_is_for_the_soonest_open_review_after_a_reschedule(
        tmp_path: Path, capsys) -> None:
    """Review 2 moved past review 3 (stored order unchanged): the next review to hold is
    review 3, as the app's open_review_points says, not the first open one in the list."""
    from datetime import timedelta

    from psr_tui.store import CaseStore
    from tests.ui.review_cases import fill

    db = tmp_path / "db"
    store = CaseStore.open(db, user="cli-tester")
    fill(store)

    def move_second_after_third(case):
        second, third = case.plan.review_points[1:3]
        second.due_on = third.due_on + timedelta(days=7)

    store.update("case-g", move_second_after_third, "review.record", "rescheduled")
    assert main(["export", "--db", str(db), "case-g", "--report", "review-sheet",
                 "--review-point"]) == 0
    sheet = capsys.readouterr().out
    assert "Review 3 (6 months)" in sheet and "Review 2 (4 months)" not in sheet


def test_supervisor_report_is_exported_for_the_organisation(tmp_path: Path, capsys) -> None:
    from psr_tui.store import CaseStore
    from tests.ui.review_cases import fill

    db = tmp_path / "db"
    fill(CaseStore.open(db, user="cli-tester"))
    assert main(["export", "--db", str(db), "case-g", "--report", "supervisor-report"]) == 0
    report = capsys.readouterr().out
    assert report.startswith("# Educational supervisor's report")
    assert "## Progress against each objective" in report
    assert "Prepared for:** the healthcare organisation" in report
