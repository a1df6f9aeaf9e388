"""The audit trail is tamper-evident: `check` reports any event edited, removed, reordered,
forged or brought in from elsewhere; a restored dump verifies; imported history is marked."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from psr_tui.cli import main
from psr_tui.cli.identity import account_name
from psr_tui.store import CaseStore
from psr_tui.store.audit_seal import KEY_BYTES, KEY_FILE, LEGACY_FILE

from .sample_cases import small_case


@pytest.fixture(autouse=True)
def fixed_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSR_TUI_TODAY", "2026-11-23")
    monkeypatch.delenv("PSR_TUI_USER", raising=False)  # the folder's owner: admin


def new_store(folder: Path, *ids: str, updates: int = 2) -> CaseStore:
    store = CaseStore.open(folder, user="alice")
    for cid in ids:
        store.create(small_case(cid))
        for n in range(updates):
            store.update(cid, lambda c, n=n: c.request.practitioner.__setattr__(
                "grade", f"grade {n}"), "update", f"edit {n}")
    return store


def case_file(db: Path, cid: str) -> dict[str, Any]:
    return json.loads((db / "cases" / f"{cid}.json").read_text())


def put_case_file(db: Path, cid: str, data: dict[str, Any]) -> None:
    (db / "cases" / f"{cid}.json").write_text(json.dumps(data))


def check(db: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", "--db", str(db)])
    return code, capsys.readouterr().out


def test_the_key_is_made_with_the_database_owner_only_and_never_dumped(tmp_path, capsys):
    db = tmp_path / "db"
    new_store(db, "case-1")
    key = db / KEY_FILE
    assert len(key.read_bytes()) == KEY_BYTES
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert main(["dump", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert key.read_bytes().hex() not in out and "audit.key" not in out
    assert check(db, capsys) == (0, "ok: 1 cases, schema, integrity and audit seals checked\n")


def test_a_forged_approval_dated_2001_is_caught(tmp_path, capsys):
    db = tmp_path / "db"
    new_store(db, "case-1")
    data = case_file(db, "case-1")
    events = data["audit"]
    last = events[max(events, key=int)]
    forged = {**last, "id": "evt-forged", "at": "2001-01-01T09:00:00Z",
              "user": "medical.director", "action": "approve",
              "summary": "approved by the medical director"}
    data["audit"][str(len(events) + 1)] = forged
    put_case_file(db, "case-1", data)
    code, out = check(db, capsys)
    assert code == 1
    assert "audit event evt-forged (approve by medical.director at 2001-01-01 09:00)" in out


def _edit(data: dict) -> None:
    data["audit"]["2"]["summary"] = "nothing happened"


def _remove(data: dict) -> None:
    del data["audit"]["2"]


def _reorder(data: dict) -> None:
    a = data["audit"]
    a["2"], a["3"] = a["3"], a["2"]


def _unseal(data: dict) -> None:  # posing as a legacy event
    for event in data["audit"].values():
        event["seal"] = event["prev"] = ""


@pytest.mark.parametrize("tamper", [_edit, _remove, _reorder, _unseal])
def test_edited_removed_reordered_or_unsealed_events_are_reported(tamper, tmp_path, capsys):
    db = tmp_path / "db"
    new_store(db, "case-1")
    assert check(db, capsys)[0] == 0
    data = case_file(db, "case-1")
    tamper(data)
    put_case_file(db, "case-1", data)
    code, out = check(db, capsys)
    assert code == 1 and "case case-1:" in out


def test_an_event_brought_in_from_another_database_is_reported(tmp_path, capsys):
    here, there = tmp_path / "here", tmp_path / "there"
    new_store(here, "case-1")
    new_store(there, "case-1")
    data = case_file(here, "case-1")
    data["audit"]["2"] = case_file(there, "case-1")["audit"]["2"]
    put_case_file(here, "case-1", data)
    code, out = check(here, capsys)
    assert code == 1 and "its seal does not verify" in out


def test_a_dump_restored_into_its_own_database_verifies(tmp_path, capsys):
    db = tmp_path / "db"
    new_store(db, "case-1", "case-2")
    dump = tmp_path / "dump.json"
    assert main(["dump", "--db", str(db), "-o", str(dump)]) == 0
    for cid in ("case-1", "case-2"):
        (db / "cases" / f"{cid}.json").unlink()
    assert main(["import", "--db", str(db), str(dump)]) == 0
    store = CaseStore.open(db)
    audit = store.audit("case-1")
    assert not any(e.imported for e in audit)
    assert audit[-1].action == "import" and "3 audit event(s) verified" in audit[-1].summary
    code, out = check(db, capsys)
    assert code == 0 and "note:" not in out


def test_history_from_elsewhere_is_kept_marked_imported_and_stays_sealed(tmp_path, capsys):
    there, here = tmp_path / "there", tmp_path / "here"
    new_store(there, "case-1")
    dump_file = tmp_path / "dump.json"
    assert main(["dump", "--db", str(there), "-o", str(dump_file)]) == 0
    dump = json.loads(dump_file.read_text())
    dump["cases"][0]["audit"].insert(0, {
        "id": "evt-forged", "case_id": "case-1", "at": "2001-01-01T09:00:00Z",
        "user": "medical.director", "action": "approve", "revision": 0,
        "summary": "approved by the medical director"})
    dump["cases"][0]["case"]["created_by"] = "medical.director"
    dump_file.write_text(json.dumps(dump))
    assert main(["import", "--db", str(here), str(dump_file)]) == 0
    audit = CaseStore.open(here).audit("case-1")
    assert audit[0].id == "evt-forged" and all(e.imported for e in audit[:-1])
    own = audit[-1]
    assert (own.action, own.user, own.imported) == ("import", account_name(), False)
    assert str(dump_file.resolve()) in own.summary
    assert "0 audit event(s) verified" in own.summary and "4 from elsewhere" in own.summary
    assert "created by 'medical.director'" in own.summary
    code, out = check(here, capsys)
    assert code == 0
    assert "note: 4 audit event(s) in 1 case(s) came from an import" in out
    # The mark cannot be taken off without breaking the seal.
    data = case_file(here, "case-1")
    data["audit"]["1"]["imported"] = False
    put_case_file(here, "case-1", data)
    assert check(here, capsys)[0] == 1


def test_legacy_unsealed_events_are_noted_once_and_guarded_from_then_on(tmp_path, capsys):
    db = tmp_path / "db"
    new_store(db, "case-1", "case-2")
    for cid in ("case-1", "case-2"):  # as an older psr-tui wrote them
        data = case_file(db, cid)
        for event in data["audit"].values():
            for k in ("prev", "seal", "imported"):
                event.pop(k)
        put_case_file(db, cid, data)
    (db / KEY_FILE).unlink()
    store = CaseStore.open(db, user="bob")  # the owner opens it: key and legacy record made
    assert (db / LEGACY_FILE).exists()
    store.update("case-1", lambda c: None, "update", "after sealing")
    code, out = check(db, capsys)
    assert code == 0
    assert "note: 6 unsealed legacy audit event(s) in 2 case(s)" in out
    data = case_file(db, "case-2")
    data["audit"]["1"]["user"] = "someone.else"
    put_case_file(db, "case-2", data)
    code, out = check(db, capsys)
    assert code == 1 and "case case-2: 3 unsealed audit event(s)" in out
