"""The end of a record's life: when a closed case leaves the working lists (archived) and
when its retention period has run out (an administrator may purge it).

Both periods come from data/templates/retention.toml (docs/retention.md says where the
retention default comes from). The one predicate every list asks is `is_archived`; the
one the purge asks is `past_retention`. Both take the case (a list's brief will do: the
dates they read are kept in briefs) so no list has to know how a case closes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .case_digest import CaseDigest
from .vocabulary import VocabularyError

if TYPE_CHECKING:  # not imported to split a list of digests: home's start-up
    from .case import Case

# What a list holds: a whole Case (or its brief) or its digest (domain/case_digest.py
# keeps the closing day as `closed_on`), so every list splits off its archive alike.
Closable = TypeVar("Closable", "Case", "CaseDigest")

DEFAULT_ARCHIVE_AFTER_DAYS = 90
DEFAULT_RETENTION_YEARS = 6


@dataclass(frozen=True)
class RecordLife:
    """How long a closed case stays in the working lists, and in the database at all."""

    archive_after_days: int = DEFAULT_ARCHIVE_AFTER_DAYS
    retention_years: int = DEFAULT_RETENTION_YEARS


def load_record_life(folder: Path | None = None) -> RecordLife:
    """The periods in retention.toml; VocabularyError naming the file and field when one
    is not a whole number in range (a typo must not shorten retention to nothing)."""
    from .templates import load_template

    raw = load_template("retention", folder)
    after = raw.get("archive", {}).get("after_days", DEFAULT_ARCHIVE_AFTER_DAYS)
    years = raw.get("retention", {}).get("years", DEFAULT_RETENTION_YEARS)
    if isinstance(after, bool) or not isinstance(after, int) or not 0 <= after <= 3650:
        raise VocabularyError(f"retention.toml: archive.after_days must be 0 to 3650, "
                              f"not {after!r}")
    if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= 100:
        raise VocabularyError(f"retention.toml: retention.years must be 1 to 100, not {years!r}")
    return RecordLife(after, years)


def closed_on(case: Case | CaseDigest) -> date | None:
    """The day the case closed: withdrawn, completion signed off, or the request declined.
    None while it is open, or closed without a date (then it is never archived or purged:
    a record is not erased on a guess). A digest keeps the day it worked out."""
    if isinstance(case, CaseDigest):
        return case.closed_on
    from .lifecycle import CLOSED_STATES  # a whole Case: the models are loaded already

    if case.state not in CLOSED_STATES:
        return None
    if case.state == "withdrawn":
        return case.withdrawal.withdrawn_on if case.withdrawal else None
    if case.state == "declined":
        return case.decision.decided_on if case.decision else None
    return case.completion.signed_on if case.completion else None


def is_archived(case: Case | CaseDigest, today: date, life: RecordLife) -> bool:
    """Closed at least `archive_after_days` ago: out of the working lists, in the archive."""
    closed = closed_on(case)
    return closed is not None and today >= closed + timedelta(days=life.archive_after_days)


def retained_until(case: Case, life: RecordLife) -> date | None:
    """The last day the record must be kept (None: not closed, so kept)."""
    closed = closed_on(case)
    if closed is None:
        return None
    try:
        return closed.replace(year=closed.year + life.retention_years)
    except ValueError:  # 29 February into a common year: the day after, never before
        return date(closed.year + life.retention_years, 3, 1)


def past_retention(case: Case, today: date, life: RecordLife) -> bool:
    """Archived and kept for the whole retention period: `psr-tui purge` may erase it."""
    until = retained_until(case, life)
    return until is not None and today > until and is_archived(case, today, life)


def split_archive(cases: Iterable[Closable], today: date,
                  life: RecordLife | None = None) -> tuple[list[Closable], list[Closable]]:
    """(working list, archive): the one split every list of cases (or digests) makes."""
    life = life if life is not None else load_record_life()
    working: list[Closable] = []
    archived: list[Closable] = []
    for case in cases:
        (archived if is_archived(case, today, life) else working).append(case)
    return working, archived
