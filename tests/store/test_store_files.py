"""The store on disk: unreadable files left untouched, schema versions, migrations, modes."""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from psr_tui.domain.case import Case
from psr_tui.store import CaseStore, StoreError, UnreadableFile, migrations

from .sample_cases import small_case

CORRUPT_CASE_FILES: dict[str, bytes] = {
    "garbage bytes": b"\xff\xfe\x00\x81 not json at all \x00",
    "truncated JSON": b'{"case": {"1": {"id": "case-bad", "revision": 3, "st',
    "empty file": b"",
    "a JSON list": b"[1, 2, 3]",
    "case table is a list": b'{"case": [1, 2]}',
    "record is a string": b'{"case": {"1": "hello"}}',
    "no case record": b'{"audit": {}}',
    "wrong field type": json.dumps(
        {"case": {"1": {"id": "case-bad", "revision": "three", "state": "request"}}}
    ).encode(),
    "unknown field": json.dumps({"case": {"1": {"id": "case-bad", "surprise": 1}}}).encode(),
}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_case_bytes(store: CaseStore, case_id: str, raw: bytes) -> Path:
    path = store.root / "cases" / f"{case_id}.json"
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize("kind", sorted(CORRUPT_CASE_FILES))
def test_corrupt_case_file_is_reported_and_left_untouched(store: CaseStore, kind: str) -> None:
    store.create(small_case("case-good"))
    raw = CORRUPT_CASE_FILES[kind]
    path = write_case_bytes(store, "case-bad", raw)

    for attempt in (
        lambda: store.get("case-bad"),
        lambda: store.update("case-bad", lambda c: None, "edit"),
        lambda: store.save(small_case("case-bad")),
    ):
        with pytest.raises(UnreadableFile) as err:
            attempt()
        message = str(err.value)
        assert "\n" not in message and "case-bad.json" in message
        assert "untouched" in message
        assert path.read_bytes() == raw

    cases, problems = store.load_all()
    assert [c.id for c in cases] == ["case-good"]
    assert [Path(str(p.path)).name for p in problems] == ["case-bad.json"]
    assert path.read_bytes() == raw
    assert store.list_ids() == ["case-bad", "case-good"]


def test_corrupt_audit_table_is_reported(store: CaseStore) -> None:
    store.create(small_case("case-1"))
    path = store.root / "cases" / "case-1.json"
    data = json.loads(path.read_bytes())
    data["audit"] = {"1": {"user": 5}}
    raw = json.dumps(data).encode()
    path.write_bytes(raw)
    with pytest.raises(UnreadableFile) as err:
        store.audit("case-1")
    assert "\n" not in str(err.value)
    assert path.read_bytes() == raw


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json", b"[]", b'{"meta": {"1": {}}}', b'{"meta": []}', b"\xff\xfe",
        b'{"meta": {"1": {"schema_version": "two"}}}', b'{"meta": {"1": {"schema_version": 0}}}',
    ],
)
def test_corrupt_meta_is_an_error_and_untouched(tmp_path: Path, raw: bytes) -> None:
    CaseStore.open(tmp_path / "db")
    meta = tmp_path / "db" / "meta.json"
    meta.write_bytes(raw)
    with pytest.raises(UnreadableFile) as err:
        CaseStore.open(tmp_path / "db")
    assert "\n" not in str(err.value)
    assert meta.read_bytes() == raw


def test_schema_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    CaseStore.open(tmp_path / "db").create(small_case())
    meta = tmp_path / "db" / "meta.json"
    raw = json.dumps({"meta": {"1": {"schema_version": migrations.SCHEMA_VERSION + 1}}}).encode()
    meta.write_bytes(raw)
    case_before = (tmp_path / "db" / "cases" / "case-0001.json").read_bytes()
    with pytest.raises(StoreError, match="upgrade psr-tui"):
        CaseStore.open(tmp_path / "db")
    assert meta.read_bytes() == raw
    assert (tmp_path / "db" / "cases" / "case-0001.json").read_bytes() == case_before


def test_missing_meta_with_cases_present_is_refused(tmp_path: Path) -> None:
    CaseStore.open(tmp_path / "db").create(small_case())
    (tmp_path / "db" / "meta.json").unlink()
    with pytest.raises(StoreError, match="missing"):
        CaseStore.open(tmp_path / "db")
    assert not (tmp_path / "db" / "meta.json").exists()


# The mechanism is tested with a made-up step from today's schema to the next.
NOW = migrations.SCHEMA_VERSION


def _rename_practitioner_to_doctor(doc: dict[str, Any]) -> dict[str, Any]:
    # A made-up step to the next schema: moves the practitioner's name, adds a marker.
    doc = dict(doc)
    doc["request"] = dict(doc["request"])
    doc["request"]["practitioner"] = dict(doc["request"]["practitioner"])
    doc["request"]["practitioner"]["name"] = "Migrated " + doc["request"]["practitioner"]["name"]
    doc["state"] = "intake"
    return doc


def _meta_version(root: Path) -> int:
    return json.loads((root / "meta.json").read_bytes())["meta"]["1"]["schema_version"]


def test_open_migrates_an_older_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "db"
    v1 = CaseStore.open(root)
    v1.create(small_case("case-a", "Dr A"))
    v1.create(small_case("case-b", "Dr B"))
    assert _meta_version(root) == NOW

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NOW + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, NOW, _rename_practitioner_to_doctor)
    v2 = CaseStore.open(root)
    assert _meta_version(root) == NOW + 1
    for case_id, name in (("case-a", "Dr A"), ("case-b", "Dr B")):
        case = v2.get(case_id)
        assert case.request.practitioner.name == f"Migrated {name}"
        assert case.state == "intake"
        assert case.revision == 1  # a migration is not an edit

    # Opening again must not run the step a second time.
    CaseStore.open(root)
    assert v2.get("case-a").request.practitioner.name == "Migrated Dr A"


def test_migration_that_drops_a_field_leaves_no_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "db"
    case = small_case("case-a")
    CaseStore.open(root).create(case)
    # Pretend schema 1 had an extra field that schema 2 removed.
    path = root / "cases" / "case-a.json"
    data = json.loads(path.read_bytes())
    data["case"]["1"]["old_field"] = "gone in v2"
    path.write_text(json.dumps(data))

    def drop_old_field(doc: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in doc.items() if k != "old_field"}

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NOW + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, NOW, drop_old_field)
    assert CaseStore.open(root).get("case-a").id == "case-a"


def test_missing_migration_step_is_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "db"
    CaseStore.open(root).create(small_case())
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NOW + 1)
    monkeypatch.delitem(migrations.MIGRATIONS, NOW, raising=False)
    with pytest.raises(StoreError, match="migration"):
        CaseStore.open(root)
    assert _meta_version(root) == NOW


def test_files_are_private(make_store: Callable[..., CaseStore]) -> None:
    store = make_store()
    store.create(small_case("case-1"))
    store.update("case-1", lambda c: None, "edit")
    root = store.root
    for folder in (root, root / "cases", root / "locks"):
        assert mode(folder) == 0o700, folder
    files = [root / "meta.json", root / "cases" / "case-1.json", *root.glob("locks/*.lock")]
    assert {p.name for p in root.glob("locks/*.lock")} >= {"meta.lock", "case-1.lock"}
    for path in files:
        assert mode(path) == 0o600, path


def test_files_are_private_under_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        store = CaseStore.open(tmp_path / "db", user="tester")
        store.create(small_case("case-1"))
    finally:
        os.umask(old)
    root = store.root
    assert {mode(p) for p in (root, root / "cases", root / "locks")} == {0o700}
    assert {mode(p) for p in [root / "meta.json", *root.rglob("*.json"), *root.rglob("*.lock")]} \
        == {0o600}


def test_db_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "psr.json"
    not_a_folder.write_text("{}")
    with pytest.raises(StoreError, match="folder"):
        CaseStore.open(not_a_folder)
    assert not_a_folder.read_text() == "{}"
    with pytest.raises(StoreError):
        CaseStore.open(not_a_folder / "db")


def test_missing_db_without_create_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        CaseStore.open(tmp_path / "nowhere", create=False)
    assert not (tmp_path / "nowhere").exists()


def test_leftover_temp_files_are_not_cases(store: CaseStore) -> None:
    store.create(small_case("case-1"))
    cases = store.root / "cases"
    (cases / ".case-1.json.999.abcdef.tmp").write_bytes(b'{"case": {"1": {"id": "x"')
    (cases / ".case-2.json").write_text("{}")
    (cases / "notes.txt").write_text("hello")
    (cases / "not a case id.json").write_text("{}")
    assert store.list_ids() == ["case-1"]
    assert set(store.fingerprint()) == {"case-1"}
    loaded, problems = store.load_all()
    assert [c.id for c in loaded] == ["case-1"] and problems == []


def test_old_temp_files_are_swept_on_open(store: CaseStore) -> None:
    store.create(small_case("case-1"))
    cases = store.root / "cases"
    old = cases / ".case-1.json.4242.aaaaaa.tmp"
    fresh = cases / ".case-1.json.4243.bbbbbb.tmp"
    old_meta = store.root / ".meta.json.4242.cccccc.tmp"
    for path in (old, fresh, old_meta):
        path.write_bytes(b"{half a wri")
    an_hour_ago = time.time() - 3600
    for path in (old, old_meta):
        os.utime(path, (an_hour_ago, an_hour_ago))
    case_bytes = (cases / "case-1.json").read_bytes()
    os.utime(cases / "case-1.json", (an_hour_ago, an_hour_ago))

    CaseStore.open(store.root)
    assert not old.exists() and not old_meta.exists()
    assert fresh.exists()  # may belong to a write in progress
    assert (cases / "case-1.json").read_bytes() == case_bytes


def test_case_written_by_the_store_is_plain_tinydb_json(store: CaseStore) -> None:
    created = store.create(small_case("case-1"))
    data = json.loads((store.root / "cases" / "case-1.json").read_bytes())
    assert set(data) >= {"case", "audit"}
    assert Case.model_validate(data["case"]["1"]) == created


def test_interrupted_migration_does_not_run_a_step_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "db"
    v1 = CaseStore.open(root)
    v1.create(small_case("case-a", "Dr A"))
    v1.create(small_case("case-b", "Dr B"))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NOW + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, NOW, _rename_practitioner_to_doctor)
    CaseStore.open(root)
    # A crash after the case files but before meta.json: meta still says 1.
    (root / "meta.json").write_text(json.dumps({"meta": {"1": {"schema_version": NOW}}}))
    store = CaseStore.open(root)
    assert _meta_version(root) == NOW + 1
    assert store.get("case-a").request.practitioner.name == "Migrated Dr A"
    assert store.get("case-b").request.practitioner.name == "Migrated Dr B"


def test_unreadable_file_does_not_stop_a_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "db"
    v1 = CaseStore.open(root)
    v1.create(small_case("case-a", "Dr A"))
    v1.create(small_case("case-b", "Dr B"))
    path_b = root / "cases" / "case-b.json"
    good_b = path_b.read_bytes()
    path_b.write_bytes(b"{broken")

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NOW + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, NOW, _rename_practitioner_to_doctor)
    store = CaseStore.open(root)
    assert path_b.read_bytes() == b"{broken"
    assert store.get("case-a").request.practitioner.name == "Migrated Dr A"
    cases, problems = store.load_all()
    assert [c.id for c in cases] == ["case-a"] and len(problems) == 1

    # Repaired from a backup (still schema 1): read and written at schema 2.
    path_b.write_bytes(good_b)
    assert store.get("case-b").request.practitioner.name == "Migrated Dr B"
    store.update("case-b", lambda c: None, "edit")
    data = json.loads(path_b.read_bytes())
    assert data["meta"]["1"]["schema_version"] == NOW + 1
    assert CaseStore.open(root).get("case-b").request.practitioner.name == "Migrated Dr B"


def test_case_file_from_a_newer_schema_is_unreadable(store: CaseStore) -> None:
    store.create(small_case("case-1"))
    path = store.root / "cases" / "case-1.json"
    data = json.loads(path.read_bytes())
    data["meta"]["1"]["schema_version"] = migrations.SCHEMA_VERSION + 1
    raw = json.dumps(data).encode()
    path.write_bytes(raw)
    with pytest.raises(UnreadableFile, match="newer"):
        store.get("case-1")
    with pytest.raises(UnreadableFile):
        store.update("case-1", lambda c: None, "edit")
    assert path.read_bytes() == raw


def test_case_ids_are_the_case_files_names_only(store: CaseStore) -> None:
    # The app asks has_cases at start (an empty database opens on the welcome screen).
    assert store.list_ids() == [] and not store.has_cases()
    for other in (".import-abc.case-1.tmp", "notes.txt", "-bad.json", "case.json.tmp"):
        (store.cases_dir / other).write_text("{}")
    assert store.list_ids() == [] and not store.has_cases()
    store.create(small_case("case-0002"))
    store.create(small_case("case-0001"))
    assert store.list_ids() == ["case-0001", "case-0002"] and store.has_cases()


def test_no_cases_folder_lists_no_case(tmp_path: Path) -> None:
    store = CaseStore.open(tmp_path / "db", user="tester")
    store.cases_dir.rmdir()
    assert store.list_ids() == [] and not store.has_cases()
