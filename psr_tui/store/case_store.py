"""The case store: one TinyDB JSON file per case, safe for many SSH users at once.

Layout of a database folder:
    meta.json            schema version (TinyDB table "meta")
    cases/<id>.json      one case: table "case" (the record) and table "audit"
    locks/<id>.lock      one lock per case file, plus meta.lock

One file per case keeps a save the same cost at 50 or 5,000 cases; every
read-modify-write happens under that case's lock on a fresh read, and every
write is an atomic replace, so a crash leaves the old or the new file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.access import CREATE, PLAN_EDIT, Identity, operation_of, require
from . import migrations
from .atomic_storage import DIR_MODE, _fsync_dir, read_json, write_json_atomic
from .case_briefs import stamp_of
from .case_reader import (
    CASE_DOC_ID,
    CaseReader,
    Clock,
    _utcnow,
    format_validation_error,
)
from .disk_errors import storage_failure
from .errors import CaseNotFound, ConflictError, StoreError
from .open_checks import prepare_database
from .users import UserRecord, UserRegistry

if TYPE_CHECKING:
    from tinydb import TinyDB

    from ..domain.audit import AuditEvent
    from ..domain.case import Case
    from .tinydb_storage import TransactionStorage


class CaseStore(CaseReader):
    # ---- opening -------------------------------------------------------
    @classmethod
    def open(
        cls,
        root: Path,
        user: str | None = None,
        clock: Clock = _utcnow,
        create: bool = True,
        identity: Identity | None = None,
    ) -> CaseStore:
        """Open (and if asked create) a database folder; refuses anything it cannot read."""
        root = Path(root).expanduser()
        if root.exists() and not root.is_dir():
            raise StoreError(
                f"{root} is a file; --db takes a folder (psr-tui keeps one file per case)"
            )
        if not root.exists() and not create:
            raise StoreError(f"no database at {root}")
        store = cls(root, user, clock, identity)
        try:
            for folder in (root, store.cases_dir, store.locks_dir, store.briefs_dir):
                folder.mkdir(parents=True, mode=DIR_MODE, exist_ok=True)
        except OSError as exc:
            raise storage_failure(exc, root, f"creating the database at {root}") from exc
        store._prepare()
        return store

    def _prepare(self) -> None:
        prepare_database(self)

    def _write_case(self, storage: TransactionStorage, doc: dict) -> TinyDB:
        """Put the whole record and its schema version on a fresh TinyDB.

        Fresh, never cached: TinyDB's ids and data may be stale. Replaced, not
        merged: a key a migration dropped must not survive.
        """
        from tinydb import Query

        from .tinydb_storage import tinydb_on

        db = tinydb_on(storage)
        table = db.table("case")
        if table.contains(doc_id=CASE_DOC_ID):
            table.update(lambda old: _replace_doc(old, doc), doc_ids=[CASE_DOC_ID])
        else:
            table.insert(doc)
        db.table(migrations.FILE_META_TABLE).upsert(
            {"schema_version": migrations.SCHEMA_VERSION}, Query().noop()  # the one record
        )
        return db

    def _digest_after_write(self, case: Case, path: Path) -> None:
        """The lists' copy of the case just written: its digest, so the next list reads
        it without the case file. Not its brief (the archive's and purge's copy, rebuilt
        when they find it stale): on a plan of 200 objectives and a 1 MB note, writing
        the brief was 40-75 ms of every save."""
        from .case_digests import write_digest  # here: reading commands need no digest

        write_digest(self.briefs_dir, case, stamp_of(path))

    # ---- writing -------------------------------------------------------
    def create(self, case: Case, summary: str = "case created") -> Case:
        require(self.identity, CREATE)
        path = self._path(case.id)
        with self._lock(case.id):
            if path.exists():
                raise ConflictError(f"a case with id {case.id} already exists")
            now = self.clock()
            new = case.model_copy(deep=True)
            new.revision = 1
            new.created_at = new.created_at or now
            new.created_by = new.created_by or self.user
            new.updated_at, new.updated_by = now, self.user
            storage = _transaction(path)
            db = self._write_case(storage, new.model_dump(mode="json"))
            self._append_audit(db, new, "create", summary, ["(new)"])
            storage.commit()
            self._digest_after_write(new, path)
        return new

    def create_many(self, cases: Iterable[Case], summary: str = "case created") -> int:
        """Write many new cases quickly (demo data, loading a new database); returns the count.

        Each file has create()'s layout and is written atomically (temp file, os.replace),
        but without per-case locks or fsyncs: one directory fsync at the end. A crash
        mid-load can leave files that load_all reports as unreadable; load again into a
        fresh folder. Not for racing other writers: an id that already exists raises
        ConflictError (earlier cases stay written).
        """
        require(self.identity, CREATE)
        written = 0
        try:
            for case in cases:
                path = self._path(case.id)
                if path.exists():
                    raise ConflictError(f"a case with id {case.id} already exists")
                now = self.clock()
                # The caller's case is not kept, so a shallow copy is enough (create() deep-copies).
                new = case.model_copy(update={
                    "revision": 1, "created_at": case.created_at or now,
                    "created_by": case.created_by or self.user, "updated_at": now,
                    "updated_by": self.user,
                })
                storage = _transaction(path)
                db = self._write_case(storage, new.model_dump(mode="json"))
                self._append_audit(db, new, "create", summary, ["(new)"])
                write_json_atomic(path, storage.read() or {}, durable=False)
                self._digest_after_write(new, path)
                written += 1
        finally:
            if written:
                _fsync_dir(self.cases_dir)
        return written

    def discard_new(self, case_id: str, is_blank: Callable[[Case], bool]) -> bool:
        """Remove a case never saved into since it was created, when `is_blank` says it holds
        nothing (a 'new case' left at once). Decided under the lock on a fresh read; any
        other record is kept (False): records are never deleted otherwise.
        """
        from .case_digests import digest_path

        require(self.identity, CREATE)
        path = self._path(case_id)
        with self._lock(case_id):
            data = read_json(path)
            if data is None:
                return False
            case = self._case_from(data, path)
            if case.revision != 1 or not is_blank(case):
                return False
            try:
                path.unlink()
                (self.briefs_dir / f"{case_id}.json").unlink(missing_ok=True)
                digest_path(self.briefs_dir, case_id).unlink(missing_ok=True)
            except OSError as exc:
                raise storage_failure(exc, self.cases_dir, f"removing case {case_id}") from exc
        return True

    def save(self, case: Case, summary: str = "", action: str = "update") -> Case:
        """Write a whole case edited elsewhere: refused if someone saved since it was read."""
        if case.is_brief:
            raise StoreError(f"case {case.id}: a list's brief copy cannot be saved; open the case")
        if not self.identity.sees_confidential:
            # Their copy has the confidential fields blanked: saving it whole would erase them.
            raise StoreError(f"case {case.id}: a redacted copy cannot be saved whole")
        return self.update(
            case.id, lambda fresh: _replace_with(fresh, case), action, summary,
            expected_revision=case.revision,
        )

    def update(
        self,
        case_id: str,
        change: Callable[[Case], object],
        action: str,
        summary: str = "",
        expected_revision: int | None = None,
    ) -> Case:
        """Apply `change` to a fresh copy of the case, under its lock, and save it.

        `change` may mutate the copy in place or return a new Case; it may raise
        (a domain rule refusing the change) and then nothing is written.
        """
        # The models on the first write, not when the store opens (lists read digests).
        from pydantic import ValidationError

        from ..domain.audit import changed_paths
        from ..domain.case import Case

        path = self._path(case_id)
        with self._lock(case_id):
            storage = _transaction(path)  # the one read of this update
            data = storage.read()
            if data is None:
                raise CaseNotFound(case_id)
            current = self._case_from(data, path)
            require(self.identity, operation_of(action), current)
            if expected_revision is not None and current.revision != expected_revision:
                raise ConflictError(
                    f"case {case_id} was changed by {current.updated_by or 'someone'} at "
                    f"{_hhmm(current.updated_at)} (revision {current.revision}, yours "
                    f"{expected_revision}); reload to see their change; nothing was overwritten"
                )
            before = current.model_dump(mode="json")
            kept = (current.id, current.revision, current.created_at, current.created_by)
            # `current` is private to this call, `before` and `kept` are its snapshot:
            # no deep copy needed (it was a third of an update's CPU time).
            result = change(current)
            # A rule may return what it made (a snapshot, a plan): only a Case replaces.
            new = result if isinstance(result, Case) else current
            try:
                new = Case.model_validate(new.model_dump())
            except ValidationError as exc:
                raise StoreError(f"not saved: {format_validation_error(exc)}") from exc
            new.id, new.revision, new.created_at, new.created_by = kept
            new.revision += 1
            new.updated_at, new.updated_by = self.clock(), self.user
            after = new.model_dump(mode="json")
            paths = changed_paths(
                {k: v for k, v in before.items() if k not in _BOOKKEEPING},
                {k: v for k, v in after.items() if k not in _BOOKKEEPING},
            )
            db = self._write_case(storage, after)
            self._append_audit(db, new, action, summary, paths)
            storage.commit()
            self._digest_after_write(new, path)
        return self._as_seen(new)

    def registered_users(self) -> list[UserRecord]:
        """The database's users (users.json), for an adviser choosing who holds a plan's
        roles; [] before any is added. UnreadableFile for a damaged users file."""
        require(self.identity, PLAN_EDIT)
        return UserRegistry(self.root, self.user).list()

    def _append_audit(
        self, db: TinyDB, case: Case, action: str, summary: str, paths: list[str]
    ) -> None:
        from ..domain.audit import AuditEvent

        event = AuditEvent(
            case_id=case.id, at=self.clock(), user=self.user, action=action,
            summary=summary, revision=case.revision, changes=paths,
        )
        append_sealed(db, self.audit_key, event)


def append_sealed(db: TinyDB, key: bytes, event: AuditEvent) -> None:
    """Chain `event` after the last one in the file and seal it: one HMAC per write."""
    from ..domain.audit import AuditEvent
    from .audit_seal import sealed

    table = (db.storage.read() or {}).get("audit") or {}
    last = table[max(table, key=int)] if table else None
    previous = AuditEvent.model_validate(last) if last is not None else None
    db.table("audit").insert(sealed(key, event, previous).model_dump(mode="json"))


_BOOKKEEPING = {"revision", "updated_at", "updated_by"}


def _transaction(path: Path) -> TransactionStorage:
    # TinyDB is imported by the first write, not when the store opens (reading needs none).
    from .tinydb_storage import TransactionStorage

    return TransactionStorage(path)


def _replace_doc(old: MutableMapping[str, Any], new: dict[str, Any]) -> None:
    old.clear()
    old.update(new)


def _replace_with(fresh: Case, edited: Case) -> Case:
    return edited.model_copy(deep=True)


def _hhmm(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d %H:%M") if when else "an unknown time"
