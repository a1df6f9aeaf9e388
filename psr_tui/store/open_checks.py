"""What opening a database folder checks and repairs before any case is read.

meta.json holds the schema version: newer than this code is refused, older is
migrated case by case (each file records its own version, so an interrupted
migration resumes), and meta.json is bumped last. Temp files left by a killed
writer are swept once they are old enough that no live write can own them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from . import migrations
from .atomic_storage import read_json
from .audit_key import has_key
from .errors import CaseNotFound, StoreError, UnreadableFile

if TYPE_CHECKING:
    from ..domain.audit import AuditEvent
    from .case_store import CaseStore

# A write holds its temp file for milliseconds; ten minutes old means its writer died.
TEMP_MAX_AGE_S = 600.0


def prepare_database(store: CaseStore) -> None:
    meta_path = store.root / "meta.json"
    target = migrations.SCHEMA_VERSION
    with store._lock("meta"):
        data = read_json(meta_path)
        if not has_key(store.root):  # the hashing modules only when a key is to be made
            from .audit_seal import ensure_key

            ensure_key(store.root, _trails(store))
        if data is None:
            if any(store.cases_dir.glob("*.json")):
                raise StoreError(
                    f"{meta_path} is missing but case files exist: restore meta.json from a "
                    "backup of this database (nothing was changed)"
                )
            write_meta(meta_path, target)
            return
        version = _meta_version(meta_path, data)
        if version > target:
            raise StoreError(
                f"{store.root} uses schema {version}; this psr-tui knows up to {target}: "
                "upgrade psr-tui"
            )
        if version < target:
            if gaps := migrations.missing_steps(version, target):
                raise StoreError(
                    f"{store.root} uses schema {version}; no migration from schema {gaps[0]}: "
                    "this psr-tui cannot open it"
                )
            migrate_all(store)
            # Last: a crash before this line re-runs the migration, which skips done files.
            write_meta(meta_path, target)
    sweep_temp_files(store.root)


def _trails(store: CaseStore) -> Iterator[tuple[str, list[AuditEvent]]]:
    """Every readable case's audit trail (read only when the audit key is made)."""
    for case_id in store.list_ids():
        try:
            yield case_id, store.audit(case_id)
        except StoreError:
            continue  # unreadable: check reports the file; its events stay unverified


def _meta_version(meta_path: Path, data: dict) -> int:
    try:
        version = data["meta"]["1"]["schema_version"]
    except (KeyError, TypeError) as exc:
        raise UnreadableFile(meta_path, "no schema_version in it") from exc
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UnreadableFile(meta_path, f"schema_version {version!r} is not a version number")
    return version


def write_meta(path: Path, version: int) -> None:
    from .tinydb_storage import TransactionStorage, tinydb_on

    storage = TransactionStorage(path)
    db = tinydb_on(storage)
    db.table("meta").upsert({"schema_version": version}, lambda _record: True)
    storage.commit()


def migrate_all(store: CaseStore) -> None:
    """Rewrite each case file at the current schema (not an edit: revision unchanged)."""
    from .tinydb_storage import TransactionStorage

    target = migrations.SCHEMA_VERSION
    for case_id in store.list_ids():
        try:
            path = store._path(case_id)
            with store._lock(case_id):
                storage = TransactionStorage(path)
                data = storage.read()
                if data is None or migrations.file_schema_version(data) >= target:
                    continue
                case = store._case_from(data, path)  # migrates the record in memory
                store._write_case(storage, case.model_dump(mode="json"))
                storage.commit()
        except (UnreadableFile, CaseNotFound):
            continue  # left as it is; load_all reports it, get() migrates it once repaired


def sweep_temp_files(root: Path, max_age_s: float = TEMP_MAX_AGE_S) -> list[Path]:
    """Remove abandoned temp files (never a case file); returns what was removed."""
    cutoff = time.time() - max_age_s
    removed: list[Path] = []
    for path in [*root.glob(".*.tmp"), *(root / "cases").glob(".*.tmp")]:
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            continue  # another process swept it first
        except OSError:
            continue  # a read-only folder: left for `psr-tui check` to report
    return removed
