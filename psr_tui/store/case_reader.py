"""Reading the case files: paths, locks, records, briefs, the audit trail, change stamps.

CaseStore (case_store.py) adds every write on top of this. The lists read digests
(plain json, store/case_digests.py), so the models (pydantic) are imported where a whole
case or audit event is read: the start-up of a list screen does not pay for them.
"""

from __future__ import annotations

import gc
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.access import AUDIT_READ, INSIGHTS, Identity, in_insights, in_scope, require
from . import migrations
from .atomic_storage import parse_json, read_bytes, read_json
from .audit_key import load_key
from .case_briefs import brief_doc, read_brief, stamp_of, write_brief
from .disk_errors import storage_failure
from .errors import CaseNotFound, UnreadableFile
from .file_lock import exclusive_lock

if TYPE_CHECKING:
    from pydantic import ValidationError

    from ..domain.audit import AuditEvent
    from ..domain.case import Case
    from ..domain.case_digest import CaseDigest
    from ..domain.plan_facts import PlanFacts
    from ..domain.vocabulary import Vocabularies

CASE_DOC_ID = 1
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")
# A case file's name, one per line of the listing joined: the ids in one pass of the regex
# engine (a match per name was 17 ms of the listing's 32 at 20,000 files).
_CASE_FILE_LINE = re.compile(rf"^({_SAFE_ID.pattern})\.json$", re.MULTILINE)

Clock = Callable[[], datetime]
# A cases folder missing or unreadable lists no case (as pathlib's glob did).
_NO_FOLDER = (FileNotFoundError, NotADirectoryError, PermissionError)


def _case_id_of(file_name: str) -> str:
    """The case id a file in cases/ holds, or "" (temp files, other names)."""
    return file_name[:-5] if file_name.endswith(".json") and _SAFE_ID.fullmatch(
        file_name[:-5]) else ""


@dataclass
class DigestBatch:
    """One step of CaseReader.iter_digests: digests read, files refused, progress."""

    digests: list[CaseDigest]
    problems: list[UnreadableFile]
    done: int
    total: int


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def current_user() -> str:
    if user := os.environ.get("PSR_TUI_USER"):
        return user
    import getpass  # only without $PSR_TUI_USER (it brings termios)

    return getpass.getuser()


def format_validation_error(exc: ValidationError) -> str:
    """One line naming the first bad field: 'request.received_on: Input should be a valid date'."""
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "(record)"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{loc}: {err['msg']}{more}"


class CaseReader:
    def __init__(
        self,
        root: Path,
        user: str | None = None,
        clock: Clock = _utcnow,
        identity: Identity | None = None,
    ) -> None:
        self.root = Path(root)
        # Without an identity the store is the administrator's own tool (tests, scripts on
        # one's own database): an adviser with every right. The CLI always passes one.
        self.identity = identity or Identity(user or current_user(), admin=True)
        self.user = self.identity.name
        self.clock = clock
        self.cases_dir = self.root / "cases"
        self.locks_dir = self.root / "locks"
        self.briefs_dir = self.root / "briefs"
        self._dir_stamp: int | None = None  # the folder's stamp the fingerprint was read at
        self._kept_ids: tuple[int, list[str]] | None = None  # (folder stamp, sorted ids)
        self._last_fingerprint: dict[str, tuple[int, int, int]] = {}
        self._audit_key: bytes | None = None

    # ---- locking and transactions --------------------------------------
    def _lock(self, name: str) -> AbstractContextManager[None]:
        return exclusive_lock(self.locks_dir / f"{name}.lock", name)

    def _path(self, case_id: str) -> Path:
        return Path(self._file_name(case_id))

    def _file_name(self, case_id: str) -> str:
        """The case's file as a plain string (no Path made: `check` reads every file)."""
        if not _SAFE_ID.fullmatch(case_id):
            raise CaseNotFound(case_id)
        return f"{self.cases_dir}/{case_id}.json"

    # ---- reading -------------------------------------------------------
    def list_ids(self) -> list[str]:
        """Ids of the case files (temp files and names no case id can have are not cases).
        The sorted list is kept while the folder's stamp holds (see `_folder_settled`):
        every screen that opens lists the folder again (15 ms at 20,000 files)."""
        try:
            stamp = os.stat(self.cases_dir).st_mtime_ns
        except _NO_FOLDER:
            return []
        kept = self._kept_ids
        if kept is not None and kept[0] == stamp:
            return list(kept[1])
        settled = _folder_settled(stamp)
        # Names, not pathlib: a Path per file was twice the listing's time at 5,000 cases.
        try:
            names = os.listdir(self.cases_dir)
        except _NO_FOLDER:
            return []
        listing = "\n".join(names)
        if listing.count("\n") != len(names) - 1:  # a name holding a line break
            ids = sorted(case_id for case_id in map(_case_id_of, names) if case_id)
        else:
            ids = sorted(_CASE_FILE_LINE.findall(listing))
        self._kept_ids = (stamp, ids) if settled else None
        return list(ids)

    def has_cases(self) -> bool:
        """Whether there is any case file: stops at the first (the app asks at start)."""
        try:
            with os.scandir(self.cases_dir) as entries:
                return any(_case_id_of(entry.name) for entry in entries)
        except _NO_FOLDER:
            return False

    def exists(self, case_id: str) -> bool:
        return self._path(case_id).exists()

    def get(self, case_id: str) -> Case:
        """The case as the acting identity may see it: CaseNotFound outside its scope,
        confidential fields blanked unless its role sees them (domain/access.py)."""
        return self._as_seen(self._read(case_id))

    def _read(self, case_id: str) -> Case:
        """The whole record, unscoped: for the store's own writes and checks only."""
        path = self._path(case_id)
        data = read_json(path)
        if data is None:
            raise CaseNotFound(case_id)
        return self._case_from(data, path)

    def _as_seen(self, case: Case) -> Case:
        if not in_scope(self.identity, case):
            raise CaseNotFound(case.id)  # not even its existence is told
        if self.identity.sees_confidential:
            return case
        from ..domain.confidentiality import redact_for

        brief = case.is_brief
        seen = redact_for(case, self.identity.audience)
        if brief:
            seen.mark_brief()
        return seen

    def _case_from(self, data: dict, path: Path) -> Case:
        from pydantic import ValidationError

        from ..domain.case import Case

        doc = case_doc(data, path)
        try:
            return Case.model_validate(doc)
        except ValidationError as exc:
            raise UnreadableFile(path, format_validation_error(exc)) from exc

    def load_all(self) -> tuple[list[Case], list[UnreadableFile]]:
        """Every readable case, and a report of each file that could not be read."""
        cases: list[Case] = []
        problems: list[UnreadableFile] = []
        with _gc_paused():
            for case_id in self.list_ids():
                try:
                    cases.append(self.get(case_id))
                except UnreadableFile as exc:
                    problems.append(exc)
                except CaseNotFound:
                    continue  # deleted between listing and reading
        return cases, problems

    def get_brief(self, case_id: str) -> Case:
        """A cut-down copy for lists (store/case_briefs.py); rebuilt when stale."""
        path = self._path(case_id)
        brief = read_brief(self.briefs_dir, case_id, path)
        if brief is None:
            from ..domain.case import Case
            from .case_digests import write_digest

            stamp = stamp_of(path)
            case = self._read(case_id)
            write_brief(self.briefs_dir, case_id, case.model_dump(mode="json"), stamp)
            write_digest(self.briefs_dir, case, stamp)
            brief = Case.model_validate(brief_doc(case.model_dump(mode="json")))
            brief.mark_brief()
        return self._as_seen(brief)

    def load_briefs(
        self, progress: Callable[[int, int], None] | None = None, every: int = 500
    ) -> tuple[list[Case], list[UnreadableFile]]:
        """Every readable case as a brief, and a report of each file that could not be read.

        `progress(done, total)` is called every `every` cases (for a loading line).
        """
        cases: list[Case] = []
        problems: list[UnreadableFile] = []
        ids = self.list_ids()
        with _gc_paused():
            for n, case_id in enumerate(ids, start=1):
                try:
                    cases.append(self.get_brief(case_id))
                except UnreadableFile as exc:
                    problems.append(exc)
                except CaseNotFound:
                    continue
                if progress and n % every == 0:
                    progress(n, len(ids))
        return cases, problems

    # ---- digests: what the lists hold (store/case_digests.py) ---------------------------
    def get_digest(self, case_id: str) -> CaseDigest:
        """One case's digest, for the acting identity: CaseNotFound outside its scope
        (a digest holds nothing confidential, so there is nothing to redact)."""
        path = self._path(case_id)
        return self._digest_in_scope(case_id, stamp_of(path))

    def _digest_in_scope(self, case_id: str, stamp: list[int] | None) -> CaseDigest:
        # Here, not at the top: `dump` and `check` read no digest.
        from .case_digests import read_digest, write_digest

        digest = read_digest(self.briefs_dir, case_id, stamp)
        if digest is None:  # missing or stale: from the case file (and stored for next time)
            case = self._read(case_id)
            stamp = stamp_of(self._path(case_id))
            write_brief(self.briefs_dir, case_id, case.model_dump(mode="json"), stamp)
            digest = write_digest(self.briefs_dir, case, stamp)
        if not in_scope(self.identity, digest):
            raise CaseNotFound(case_id)  # not even its existence is told
        return digest

    def iter_digests(self, batch: int = 500, first: int | None = None) -> Iterator[DigestBatch]:
        """Every case's digest in the identity's scope, `batch` case files at a time (a
        list fills as they come; the `first` batch may be smaller, a screenful, so the
        first rows come sooner), with each file that could not be read."""
        ids = self.list_ids()  # names only: each file's stamp is read with its batch, so
        done = 0               # the first rows do not wait for 20,000 stats
        starts = [0, *range(first, len(ids), batch)] if first else range(0, len(ids), batch)
        ends = [*starts[1:], len(ids)]
        for start, end in zip(starts, ends, strict=True):
            found = DigestBatch([], [], 0, len(ids))
            with _gc_paused():
                for case_id in ids[start:end]:
                    try:
                        found.digests.append(
                            self._digest_in_scope(case_id, stamp_of(self._path(case_id))))
                    except UnreadableFile as exc:
                        found.problems.append(exc)
                    except CaseNotFound:
                        continue  # out of scope, or deleted since the scan
            done += len(ids[start:end])
            found.done = done
            yield found

    def load_digests(self) -> tuple[list[CaseDigest], list[UnreadableFile]]:
        digests: list[CaseDigest] = []
        problems: list[UnreadableFile] = []
        for found in self.iter_digests():
            digests += found.digests
            problems += found.problems
        return digests, problems

    def plan_facts(self, vocab: Vocabularies) -> tuple[list[PlanFacts], list[UnreadableFile]]:
        """The facts of every plan in the acting identity's insight scope (AccessRefused
        unless it may see insights), and each case file that could not be read."""
        from ..domain.plan_facts import PlanFacts, facts_of
        from . import plan_facts_files as facts_files

        require(self.identity, INSIGHTS)
        folder = self.root / facts_files.FOLDER
        found: list[PlanFacts] = []
        problems: list[UnreadableFile] = []
        # Plain string paths: pathlib's joins were a third of the time over 10,000 plans.
        cases, facts_dir = str(self.cases_dir), str(folder)
        with _gc_paused():
            for case_id in self.list_ids():
                facts_path = f"{facts_dir}/{case_id}.json"
                try:
                    st = os.stat(f"{cases}/{case_id}.json")
                except FileNotFoundError:
                    continue  # deleted between listing and reading
                stamp = [st.st_ino, st.st_mtime_ns, st.st_size]  # as case_briefs.stamp_of
                facts = facts_files.read_facts(facts_path, stamp)
                if facts is None:
                    try:
                        case = self._read(case_id)
                    except UnreadableFile as exc:
                        problems.append(exc)
                        continue
                    except CaseNotFound:
                        continue
                    made = facts_of(case, vocab)
                    facts_files.write_facts(Path(facts_path), made, stamp)
                    facts = made or facts_files.NO_PLAN
                if isinstance(facts, PlanFacts) and in_insights(
                        self.identity, facts.organisation, facts.practitioner_user,
                        facts.supervisor_users):
                    found.append(facts)
        return found, problems

    def audit(self, case_id: str) -> list[AuditEvent]:
        path = self._path(case_id)
        data = read_json(path)
        if data is None:
            raise CaseNotFound(case_id)
        require(self.identity, AUDIT_READ, self._case_from(data, path))
        return audit_events(data, path)

    def with_audit(self, case_id: str) -> tuple[Case, list[AuditEvent]]:
        """The case as seen and its audit trail from one read of its file (`check`)."""
        from .case_file_json import validated_file

        name = self._file_name(case_id)
        raw = read_bytes(name)
        if raw is None:
            raise CaseNotFound(case_id)
        # One pass of pydantic-core over the bytes for a valid current file; any other is
        # parsed, migrated and validated as `get` does, and its problem worded the same.
        found = validated_file(raw)
        if found is None:
            path = Path(name)
            data = parse_json(raw, path)
            found = self._case_from(data, path), audit_events(data, path)
        case, audit = found
        require(self.identity, AUDIT_READ, case)
        return self._as_seen(case), audit

    @property
    def audit_key(self) -> bytes:
        """The database's audit key (store/audit_seal.py), read once."""
        if self._audit_key is None:
            self._audit_key = load_key(self.root)
        return self._audit_key

    def stamp(self, case_id: str) -> tuple[int, int, int] | None:
        """One case file's (inode, mtime_ns, size), as in `fingerprint`; None if it is gone."""
        found = stamp_of(self._path(case_id))
        return (found[0], found[1], found[2]) if found is not None else None

    def fingerprint(self) -> dict[str, tuple[int, int, int]]:
        """(inode, mtime_ns, size) of every case file: cheap polling for changes by other users.

        Every write renames a file into cases/, which changes the folder's mtime: when
        that has not moved, nothing has, and 5,000 stats (about 40 ms) are skipped.
        """
        try:
            dir_stamp = self.cases_dir.stat().st_mtime_ns
        except FileNotFoundError:
            dir_stamp = None
        except OSError as exc:
            raise storage_failure(exc, self.cases_dir, "listing the cases",
                                  reading=True) from exc
        if dir_stamp is not None and dir_stamp == self._dir_stamp:
            return dict(self._last_fingerprint)
        settled = dir_stamp is not None and _folder_settled(dir_stamp)
        out: dict[str, tuple[int, int, int]] = {}
        try:
            # 20,000 new stamps: with the collector on, they set off collections that held
            # the UI thread (and every other) 80-130 ms, each poll after a save at 20,000
            # cases; once it is back on, its next young collection stops tracking them.
            with _gc_paused(), os.scandir(self.cases_dir) as it:
                for entry in it:
                    if entry.name.endswith(".json") and _SAFE_ID.fullmatch(entry.name[:-5]):
                        try:
                            st = entry.stat()
                        except FileNotFoundError:
                            continue  # deleted since the listing
                        # The inode too: every save is a new file, even in one clock tick.
                        out[entry.name[:-5]] = (st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError as exc:
            raise storage_failure(exc, self.cases_dir, "listing the cases",
                                  reading=True) from exc
        # Kept only when read from a settled folder: a stamp read within its clock tick
        # could be shared by a change made after the read, which would then go unseen.
        self._dir_stamp, self._last_fingerprint = (dir_stamp if settled else None), out
        return dict(out)


def _folder_settled(stamp: int) -> bool:
    """Whether a folder's mtime is old enough to be trusted as "nothing changed since".
    Timestamps tick coarsely: a folder changed in the last 2 s may change again within
    the same tick, keeping its stamp; one older than that gets a new stamp on any change."""
    return time.time_ns() - stamp > 2_000_000_000


def case_doc(data: dict, path: Path) -> dict:
    """A case file's record as stored, brought to the current schema; not validated
    (the dump streams it as it is: `check` and import validate)."""
    table = data.get("case")
    doc = table.get(str(CASE_DOC_ID)) if isinstance(table, dict) else None
    if not isinstance(doc, dict):
        raise UnreadableFile(path, "no case record in it")
    version, target = migrations.file_schema_version(data), migrations.SCHEMA_VERSION
    if version > target:
        raise UnreadableFile(path, f"written by a newer psr-tui (schema {version})")
    if version < target:
        try:  # a file the bulk migration skipped (unreadable then, repaired since)
            doc = migrations.migrate_case_doc(dict(doc), version, target)
        except ValueError as exc:
            raise UnreadableFile(path, str(exc)) from exc
    return doc


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Thousands of small parses: the cyclic GC adds over half the time and frees nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def audit_events(data: dict, path: Path) -> list[AuditEvent]:
    """A case file's audit trail in the order it was written (TinyDB's document ids)."""
    from pydantic import ValidationError

    from ..domain.audit import AuditEvent

    table = data.get("audit") or {}
    if not isinstance(table, dict):
        raise UnreadableFile(path, "the audit table is not a TinyDB table")
    try:
        rows = sorted(table.items(), key=lambda item: int(item[0]))
        return [AuditEvent.model_validate(e) for _doc_id, e in rows]
    except ValueError as exc:  # ValidationError is a ValueError; so is a key not a number
        reason = (format_validation_error(exc) if isinstance(exc, ValidationError)
                  else "a document id is not a number")
        raise UnreadableFile(path, f"audit: {reason}") from exc
