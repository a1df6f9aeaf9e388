"""What is left of a purged case (store/purge.py; the periods: domain/archive.py)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from .audit import AuditEvent
from .base import Record


class PurgeStub(Record):
    """What is left of a case `psr-tui purge` erased: ids, dates and who, nothing personal
    (no name, organisation, reason or note). Its own audit trail is one sealed event whose
    `prev` is the digest of the erased trail's last event (`trail_end`), so the stub is
    the continuation of that trail, verifiable with the database's key."""

    case_id: str
    received_on: date | None = None
    closed_as: str = ""  # the closed state: withdrawn, declined, completed...
    closed_on: date
    retained_until: date
    purged_by: str
    purged_at: datetime
    trail_events: int = 0  # how many audit events were erased with the case
    trail_end: str = ""
    audit: list[AuditEvent] = Field(default_factory=list)
