"""Erasing archived cases past retention (`psr-tui purge`), leaving an audit stub.

A purge is the administrator's (access.PURGE) and runs only on what the domain says is
past retention (domain/archive.past_retention), decided again on a fresh read under the
case's lock: a case reopened or re-dated since the dry run is left alone.

Order matters for a crash: the stub (`purged/<id>.json`) is written durably first, then
the case file and its brief are removed. A crash between leaves both; `check` reports it
and a second purge finishes the job. The stub starts a new sealed trail (the old events
name people and reasons, so they go with the case): one `case.purge` event chained, by
`prev`, to the digest of the erased trail's last event, sealed with the database's key.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from ..domain.access import PURGE, require
from ..domain.archive import RecordLife, closed_on, past_retention, retained_until
from ..domain.audit import AuditEvent
from ..domain.purge_stub import PurgeStub
from .atomic_storage import DIR_MODE, read_json, write_json_atomic
from .audit_seal import digest, seal_of
from .case_reader import audit_events
from .case_store import CaseStore
from .disk_errors import storage_failure
from .errors import CaseNotFound, UnreadableFile

PURGED_DIR = "purged"
PURGE_ACTION = "case.purge"


@dataclass(frozen=True)
class PurgeCandidate:
    case_id: str
    closed_as: str
    closed_on: date
    retained_until: date


def purged_dir(store: CaseStore) -> Path:
    return store.root / PURGED_DIR


def due_for_purge(store: CaseStore, today: date, life: RecordLife) -> list[PurgeCandidate]:
    """Archived cases past retention, oldest closure first (what a dry run lists)."""
    require(store.identity, PURGE)
    cases, _problems = store.load_briefs()  # unreadable files are never purged
    found = []
    for case in cases:
        closed, until = closed_on(case), retained_until(case, life)
        if past_retention(case, today, life) and closed and until:
            found.append(PurgeCandidate(case.id, case.state, closed, until))
    return sorted(found, key=lambda c: (c.closed_on, c.case_id))


def purge_case(store: CaseStore, case_id: str, today: date, life: RecordLife) -> PurgeStub | None:
    """Erase one case if, read afresh under its lock, it is past retention; its stub, or
    None when it is no longer due (left as it is)."""
    require(store.identity, PURGE)
    path = store._path(case_id)
    with store._lock(case_id):
        data = read_json(path)
        if data is None:
            raise CaseNotFound(case_id)
        case = store._case_from(data, path)
        closed, until = closed_on(case), retained_until(case, life)
        if not past_retention(case, today, life) or closed is None or until is None:
            return None
        trail = audit_events(data, path)
        last = trail[-1] if trail else None
        stub = PurgeStub(
            case_id=case.id, received_on=case.request.received_on, closed_as=case.state,
            closed_on=closed, retained_until=until, purged_by=store.user,
            purged_at=store.clock(), trail_events=len(trail),
            trail_end=digest(last) if last is not None else "",
        )
        event = AuditEvent(
            case_id=case.id, at=stub.purged_at, user=store.user, action=PURGE_ACTION,
            summary=(f"case erased after its retention period: {case.state}, closed "
                     f"{closed.isoformat()}, kept until {until.isoformat()}; "
                     f"{len(trail)} audit events erased with it"),
            revision=case.revision + 1, prev=stub.trail_end, changes=_facts(stub),
        )
        event.seal = seal_of(store.audit_key, event)
        stub.audit = [event]
        folder = purged_dir(store)
        try:
            folder.mkdir(mode=DIR_MODE, exist_ok=True)
        except OSError as exc:
            raise storage_failure(exc, folder, "making the purged folder") from exc
        write_json_atomic(folder / f"{case.id}.json", stub.model_dump(mode="json"))
        try:
            path.unlink()
            (store.briefs_dir / f"{case.id}.json").unlink(missing_ok=True)
        except OSError as exc:
            raise storage_failure(exc, path.parent, f"removing {path.name}") from exc
    return stub


def purged_stubs(store: CaseStore) -> Iterator[PurgeStub]:
    """Every stub, by case id; UnreadableFile for one that is not a stub."""
    for path in sorted(purged_dir(store).glob("*.json")):
        data = read_json(path)
        try:
            yield PurgeStub.model_validate(data)
        except ValidationError as exc:
            raise UnreadableFile(path, "not a purge stub") from exc


def check_stubs(store: CaseStore) -> tuple[int, list[str]]:
    """(stubs checked, problems) for `check`: a seal that fails, or a case still present."""
    problems: list[str] = []
    key = store.audit_key
    try:
        stubs = list(purged_stubs(store))
    except UnreadableFile as exc:
        return 0, [str(exc)]
    for stub in stubs:
        where = f"purged case {stub.case_id}"
        events = stub.audit
        if len(events) != 1 or events[0].action != PURGE_ACTION:
            problems.append(f"{where}: the stub's audit trail is not one purge event")
            continue
        event = events[0]
        if event.changes != _facts(stub) or event.case_id != stub.case_id or \
                not _verifies_after(key, event, stub.trail_end):
            problems.append(f"{where}: the purge event's seal does not verify "
                            "(edited, forged, or brought in from elsewhere)")
        if store.exists(stub.case_id):
            problems.append(f"{where}: the case file is still there (an interrupted purge: "
                            "run `psr-tui purge` again)")
    return len(stubs), problems


def _facts(stub: PurgeStub) -> list[str]:
    """The stub's facts as the purge event records them: sealed with it, so a stub whose
    dates or counts were edited afterwards no longer matches its event."""
    return [f"{name}={getattr(stub, name)}" for name in (
        "received_on", "closed_as", "closed_on", "retained_until", "purged_by", "trail_events")]


def _verifies_after(key: bytes, event: AuditEvent, trail_end: str) -> bool:
    """The purge event's seal, its link being the erased trail's last digest (the seal
    covers `prev`, so `trail_end` cannot be changed to match an edited event)."""
    return (bool(event.seal) and event.prev == trail_end
            and hmac.compare_digest(event.seal, seal_of(key, event)))
