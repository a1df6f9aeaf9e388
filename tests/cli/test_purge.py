"""`psr-tui purge [--dry-run]`: only archived cases past retention, only the administrator,
a stub with ids and dates and nothing personal, sealed so `check` can verify it."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from psr_tui.cli import main
from psr_tui.domain.access import AccessRefused, Identity
from psr_tui.domain.archive import load_record_life, retained_until
from psr_tui.store import CaseStore
from psr_tui.store.purge import PURGED_DIR, due_for_purge, purge_case

WITHDRAWN = "case-0700001b"  # withdrawn 2026-11-22 in the demo: kept until 2032-11-22
OLDEST = "case-07000019"  # completed 2026-03-03: kept until 2032-03-03
LATER = "2032-06-01"  # past OLDEST's retention, not WITHDRAWN's


@pytest.fixture
def db(users_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "db"
    shutil.copytree(users_db, copy)
    return copy


def owner(db: Path) -> CaseStore:
    return CaseStore.open(db, identity=Identity("owner", admin=True), create=False,
                          clock=lambda: datetime(2032, 6, 1, 9, 0))


def test_dry_run_lists_what_is_past_retention_and_erases_nothing(db, capsys, monkeypatch):
    monkeypatch.setenv("PSR_TUI_TODAY", LATER)
    before = sorted(p.name for p in (db / "cases").iterdir())
    assert main(["--db", str(db), "purge", "--dry-run"]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert any(line.startswith(f"would purge {OLDEST} (completed_with_conditions, closed "
                               "2026-03-03, kept until 2032-03-03)") for line in lines)
    assert not any(WITHDRAWN in line for line in lines)  # still within retention
    assert "nothing erased (dry run)" in out.err
    assert sorted(p.name for p in (db / "cases").iterdir()) == before
    assert not (db / PURGED_DIR).exists()


def test_nothing_is_due_on_the_last_day_of_retention(db) -> None:
    store = owner(db)
    case = store.get(OLDEST)
    last_day = retained_until(case, load_record_life())
    assert last_day == date(2032, 3, 3)
    due = {c.case_id for c in due_for_purge(store, last_day, load_record_life())}
    assert OLDEST not in due
    assert OLDEST in {c.case_id for c in due_for_purge(store, date(2032, 3, 4),
                                                       load_record_life())}


def test_purge_leaves_a_stub_with_nothing_personal(db, capsys, monkeypatch) -> None:
    monkeypatch.setenv("PSR_TUI_TODAY", LATER)
    case = owner(db).get(OLDEST)
    personal = [case.practitioner_name, case.request.organisation.name,
                case.request.practitioner.registration_number]
    assert main(["--db", str(db), "purge"]) == 0
    assert f"purged {OLDEST}" in capsys.readouterr().out
    assert not (db / "cases" / f"{OLDEST}.json").exists()
    assert not (db / "briefs" / f"{OLDEST}.json").exists()
    stub_text = (db / PURGED_DIR / f"{OLDEST}.json").read_text()
    for value in filter(None, personal):
        assert value not in stub_text
    stub = json.loads(stub_text)
    assert set(stub) == {"case_id", "received_on", "closed_as", "closed_on", "retained_until",
                         "purged_by", "purged_at", "trail_events", "trail_end", "audit"}
    assert (stub["case_id"], stub["closed_on"]) == (OLDEST, "2026-03-03") and stub["purged_by"]
    assert stub["audit"][0]["action"] == "case.purge" and stub["audit"][0]["seal"]
    assert (db / PURGED_DIR / f"{OLDEST}.json").stat().st_mode & 0o777 == 0o600
    # check verifies the stub; list --archived shows it to the administrator and advisers
    assert main(["--db", str(db), "check"]) == 0
    assert "purged case(s)" in capsys.readouterr().out
    assert main(["--db", str(db), "--as", "hmarsden", "list", "--archived", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[OLDEST]["state"] == "purged" and rows[OLDEST]["practitioner"] is None
    assert main(["--db", str(db), "--as", "arao", "list", "--archived", "--json"]) == 0
    assert OLDEST not in {r["id"] for r in json.loads(capsys.readouterr().out)}


@pytest.mark.parametrize("user", ["hmarsden", "dosei", "arao", "ggriffiths"])
def test_purge_is_refused_to_every_user_and_erases_nothing(db, user, monkeypatch,
                                                           one_line) -> None:
    monkeypatch.setenv("PSR_TUI_TODAY", LATER)
    assert main(["--db", str(db), "--as", user, "purge"]) == 2
    assert "administrators only" in one_line()
    assert (db / "cases" / f"{OLDEST}.json").exists()
    store = CaseStore.open(db, identity=Identity(user, "adviser"), create=False)
    with pytest.raises(AccessRefused):  # the store refuses too, not only the CLI
        purge_case(store, OLDEST, date(2032, 6, 1), load_record_life())


def test_a_case_no_longer_due_when_read_afresh_is_left_alone(db) -> None:
    store = owner(db)
    # Re-dated since the dry run (as if its closure were corrected): not past retention.
    store.update(OLDEST, lambda c: setattr(c.completion, "signed_on", date(2032, 1, 1)),
                 "completion.correct", "date corrected")
    assert purge_case(store, OLDEST, date(2032, 6, 1), load_record_life()) is None
    assert store.exists(OLDEST)


def test_check_finds_an_edited_stub_and_an_interrupted_purge(db, capsys) -> None:
    store = owner(db)
    case_file = (db / "cases" / f"{OLDEST}.json").read_bytes()
    assert purge_case(store, OLDEST, date(2032, 6, 1), load_record_life()) is not None
    stub_path = db / PURGED_DIR / f"{OLDEST}.json"
    stub = json.loads(stub_path.read_text())
    stub["closed_on"] = "2031-01-01"  # as if it had been kept less long than it was
    stub_path.write_text(json.dumps(stub))
    assert main(["--db", str(db), "check"]) == 1
    assert "seal does not verify" in capsys.readouterr().out
    # A crash after the stub, before the case file went: check says so, purge finishes.
    stub["closed_on"] = "2026-03-03"
    stub_path.write_text(json.dumps(stub))
    (db / "cases" / f"{OLDEST}.json").write_bytes(case_file)
    assert main(["--db", str(db), "check"]) == 1
    assert "interrupted purge" in capsys.readouterr().out
    assert purge_case(store, OLDEST, date(2032, 6, 1), load_record_life()) is not None
    assert main(["--db", str(db), "check"]) == 0
