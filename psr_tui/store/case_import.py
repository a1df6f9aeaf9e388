"""Writing an import: all the new cases or none of them.

Each new case file is first written in full beside the others as a staging file
(`cases/.import-<token>.<id>.tmp`, which no reader takes for a case and which the
temp-file sweep removes if the import is killed). Only when every one is on disk is each
published, under its case lock, with a hard link that never overwrites (a case someone
created meanwhile is a conflict). If anything fails (a full disk, a conflict), the staging
files and every case this import published are removed: nothing of it is left.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.access import IMPORT, require
from ..domain.audit import AuditEvent
from ..domain.case import Case
from .atomic_storage import _fsync_dir, write_json_atomic
from .audit_seal import adopt_imported
from .case_briefs import stamp_of, write_brief
from .case_digests import write_digest
from .case_store import CaseStore, append_sealed
from .errors import ConflictError, StoreError
from .tinydb_storage import TransactionStorage


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def write_new_cases(store: CaseStore, entries: list[tuple[Case, list[AuditEvent]]],
                    source: str) -> list[str]:
    """Write cases that do not exist yet, all or none; returns their ids."""
    require(store.identity, IMPORT)
    token = secrets.token_hex(4)
    staged: list[tuple[str, Path]] = []
    published: list[tuple[Path, int]] = []
    try:
        for case, audit in entries:
            staging = store.cases_dir / f".import-{token}.{case.id}.tmp"
            staged.append((case.id, staging))
            _stage(store, staging, case, audit, source)
        for case_id, staging in staged:
            final = store._path(case_id)
            with store._lock(case_id):
                try:
                    os.link(staging, final)  # never replaces: a case made meanwhile wins
                except FileExistsError as exc:
                    raise ConflictError(f"case {case_id} was created by someone else during "
                                        "the import; nothing was imported") from exc
                published.append((final, os.stat(final).st_ino))
        _fsync_dir(store.cases_dir)
    except OSError as exc:
        _roll_back(staged, published)
        raise StoreError(f"import stopped: cannot write to {store.cases_dir}: "
                         f"{exc.strerror or exc}; nothing was imported") from exc
    except BaseException:
        _roll_back(staged, published)
        raise
    for _case_id, staging in staged:
        staging.unlink(missing_ok=True)
    for case, _audit in entries:
        _brief(store, case)
    return [case.id for case, _audit in entries]


def _stage(store: CaseStore, staging: Path, case: Case, audit: list[AuditEvent],
           source: str) -> None:
    storage = TransactionStorage(staging)
    db = store._write_case(storage, case.model_dump(mode="json"))
    events, verified = adopt_imported(store.audit_key, audit)
    table = db.table("audit")
    for event in events:
        table.insert(event.model_dump(mode="json"))
    foreign = len(events) - verified
    summary = (
        f"imported from {source} by {store.user}: {verified} audit event(s) verified as "
        f"recorded here, {foreign} from elsewhere (marked imported, unverified); "
        f"created by {case.created_by or '?'!r}, updated by {case.updated_by or '?'!r} and "
        f"revision {case.revision} are as the file gives them"
    )
    append_sealed(db, store.audit_key, AuditEvent(
        case_id=case.id, at=store.clock(), user=store.user, action="import",
        summary=summary, revision=case.revision,
    ))
    write_json_atomic(staging, storage.read() or {})


def _roll_back(staged: list[tuple[str, Path]], published: list[tuple[Path, int]]) -> None:
    for final, inode in published:
        try:
            if os.stat(final).st_ino == inode:  # still ours: nobody has saved over it
                final.unlink()
        except FileNotFoundError:
            continue
    for _case_id, staging in staged:
        staging.unlink(missing_ok=True)


def _brief(store: CaseStore, case: Case) -> None:
    # Best effort (write_brief, write_digest): a missing one is rebuilt from the case file.
    path = store._path(case.id)
    stamp = stamp_of(path)
    write_brief(store.briefs_dir, case.id, case.model_dump(mode="json"), stamp)
    write_digest(store.briefs_dir, case, stamp)
