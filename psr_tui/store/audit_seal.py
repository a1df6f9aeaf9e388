"""A tamper-evident audit trail: each event chained to the one before and sealed.

Every event carries `prev`, the SHA-256 of the previous event of its case (all fields,
its seal too; "" for the first), and `seal`, an HMAC-SHA256 of the event's canonical
JSON (every field but the seal, so `prev` and `imported` are covered) keyed with
`<db>/audit.key`: 32 random bytes made with the database, mode 0600, readable only by
the database's owner and never put in a dump. Editing, removing, reordering or copying
in an event breaks a seal or a link, and nobody without the key can seal it anew.

Events recorded before this code existed carry no seal. When the key is made for a
database that already holds cases, `audit.legacy.json` records (sealed) a digest of each
case's unsealed events: `check` notes them once as legacy, not as failures, and reports
any that changed since, or any unsealed event that was not there then.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic_storage import FILE_MODE, write_json_atomic
from .audit_key import KEY_BYTES, KEY_FILE
from .errors import StoreError

if TYPE_CHECKING:
    from ..domain.audit import AuditEvent

LEGACY_FILE = "audit.legacy.json"


def canonical(event: AuditEvent, *, with_seal: bool) -> bytes:
    doc = event.model_dump(mode="json", exclude=None if with_seal else {"seal"})
    return _encoded(doc)


def _encoded(doc: dict) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _both_forms(event: AuditEvent) -> tuple[bytes, bytes]:
    """canonical(event, with_seal=True) and (..., with_seal=False) from one model_dump:
    `check` verifies every event of every case."""
    doc = event.model_dump(mode="json")
    whole = _encoded(doc)
    del doc["seal"]
    return whole, _encoded(doc)


def digest(event: AuditEvent) -> str:
    return hashlib.sha256(canonical(event, with_seal=True)).hexdigest()


def seal_of(key: bytes, event: AuditEvent) -> str:
    return hmac.new(key, canonical(event, with_seal=False), hashlib.sha256).hexdigest()


def sealed(key: bytes, event: AuditEvent, previous: AuditEvent | None) -> AuditEvent:
    """`event` chained after `previous` and sealed (changed in place, and returned)."""
    event.prev = digest(previous) if previous is not None else ""
    event.seal = seal_of(key, event)
    return event


def verifies(key: bytes, event: AuditEvent, previous: AuditEvent | None) -> bool:
    expected_prev = digest(previous) if previous is not None else ""
    return (bool(event.seal) and event.prev == expected_prev
            and hmac.compare_digest(event.seal, seal_of(key, event)))


# ---- the key -----------------------------------------------------------------------


def ensure_key(root: Path, trails: Iterable[tuple[str, list[AuditEvent]]]) -> None:
    """Make the key if the database has none (call under the meta lock). `trails` is read
    only then: every existing case's events, so their unsealed ones are recorded."""
    path = root / KEY_FILE
    if path.exists():
        return
    key = secrets.token_bytes(KEY_BYTES)
    legacy = {cid: legacy_digest(events) for cid, events in trails
              if events and not events[0].seal}
    if legacy:  # before the key: a key without it would make old events look stripped
        _write_legacy(root, key, legacy)
    tmp = path.with_name(f".{KEY_FILE}.{secrets.token_hex(3)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# ---- legacy (unsealed) events ------------------------------------------------------


def unsealed_prefix(events: list[AuditEvent]) -> list[AuditEvent]:
    n = 0
    while n < len(events) and not events[n].seal:
        n += 1
    return events[:n]


def legacy_digest(events: list[AuditEvent]) -> str:
    h = hashlib.sha256()
    for event in unsealed_prefix(events):
        h.update(canonical(event, with_seal=True) + b"\n")
    return h.hexdigest()


def _legacy_payload(legacy: dict[str, str]) -> bytes:
    return json.dumps(legacy, sort_keys=True, separators=(",", ":")).encode()


def _write_legacy(root: Path, key: bytes, legacy: dict[str, str]) -> None:
    mac = hmac.new(key, _legacy_payload(legacy), hashlib.sha256).hexdigest()
    write_json_atomic(root / LEGACY_FILE, {"cases": legacy, "seal": mac})


def load_legacy(root: Path, key: bytes) -> dict[str, str]:
    """{case id: digest of its unsealed events} as recorded when the key was made."""
    path = root / LEGACY_FILE
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read {path}: the record of legacy audit events") from exc
    legacy = data.get("cases") if isinstance(data, dict) else None
    mac = data.get("seal") if isinstance(data, dict) else None
    if not isinstance(legacy, dict) or not isinstance(mac, str) or not hmac.compare_digest(
        mac, hmac.new(key, _legacy_payload(legacy), hashlib.sha256).hexdigest()
    ):
        raise StoreError(f"{path} was edited: its seal does not verify")
    return legacy


# ---- checking a trail --------------------------------------------------------------


@dataclass
class TrailReport:
    problems: list[str] = field(default_factory=list)
    legacy: int = 0  # unsealed events from before sealing began, unchanged since
    imported: int = 0  # events brought in by an import, sealed here as imported


def verify_trail(key: bytes, case_id: str, events: list[AuditEvent],
                 legacy: dict[str, str]) -> TrailReport:
    report = TrailReport()
    old = unsealed_prefix(events)
    if old:
        if legacy.get(case_id) != legacy_digest(events):
            report.problems.append(
                f"case {case_id}: {len(old)} unsealed audit event(s) at the start of the trail "
                "that were not there, or not so, when sealing began (edited or forged)")
        else:
            report.legacy = len(old)
    # As `verifies` on each event, each dumped once: its form without the seal is what
    # its seal covers, its whole form is what the next event's `prev` hashes.
    expected_prev = digest(old[-1]) if old else ""
    for event in events[len(old):]:
        whole, unsealed = _both_forms(event)
        own_seal = bool(event.seal) and hmac.compare_digest(
            event.seal, hmac.new(key, unsealed, hashlib.sha256).hexdigest())
        if not (own_seal and event.prev == expected_prev):
            # The seal covers `prev`: a valid seal with the wrong link is a moved event.
            what = ("its link to the event before is broken (an event was removed, inserted "
                    "or reordered)" if own_seal else
                    "its seal does not verify (edited, forged, or brought in from elsewhere)")
            report.problems.append(
                f"case {case_id}: audit event {event.id} ({event.action} by {event.user} at "
                f"{event.at:%Y-%m-%d %H:%M}): {what}")
        report.imported += event.imported
        expected_prev = hashlib.sha256(whole).hexdigest()
    return report


def adopt_imported(key: bytes, events: list[AuditEvent]) -> tuple[list[AuditEvent], int]:
    """An imported trail as it will be stored, and how many of its events verified.

    Events this database sealed (a dump restored where it came from) are kept as they are,
    as long as the chain holds; from the first that does not verify, every event is kept
    but marked imported and sealed anew, so it cannot pass as history recorded here and
    later tampering still shows.
    """
    out: list[AuditEvent] = []
    previous: AuditEvent | None = None
    verified = 0
    for event in events:
        if len(out) == verified and verifies(key, event, previous):
            verified += 1
        else:
            event = sealed(key, event.model_copy(update={"imported": True}), previous)
        out.append(event)
        previous = event
    return out, verified
