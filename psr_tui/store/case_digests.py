"""Case digests on disk: `briefs/<id>.digest`, one small JSON line per case.

Beside each brief (case_briefs.py) the store keeps the case's digest
(domain/case_digest.py), stamped like the brief with the (inode, mtime_ns, size) of the
case file it was made from. Lists read digests with the plain json module, no pydantic:
reading 20,000 of them is a few seconds, not the minute whole cases take. A digest whose
stamp no longer matches is rebuilt from the case file by the reader (case_reader.py).
The name cannot meet a brief's: brief files end in `.json`, digests in `.digest`.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.case_digest import CaseDigest, digest_of, from_json, to_json
from .atomic_storage import FILE_MODE, write_file_atomic

if TYPE_CHECKING:
    from ..domain.case import Case

SUFFIX = ".digest"


def digest_path(briefs_dir: Path, case_id: str) -> Path:
    return briefs_dir / f"{case_id}{SUFFIX}"


def write_digest(briefs_dir: Path, case: Case, stamp: list[int] | None) -> CaseDigest:
    """Best effort, no fsync, like the brief: a lost or stale digest is rebuilt."""
    digest = digest_of(case)
    if stamp is not None:
        payload = json.dumps({"stamp": stamp, "digest": to_json(digest)}, ensure_ascii=False,
                             separators=(",", ":")).encode("utf-8")
        with contextlib.suppress(OSError):  # write_file_atomic leaves no temp file behind
            write_file_atomic(digest_path(briefs_dir, case.id), payload, FILE_MODE,
                              durable=False)
    return digest


def read_digest(briefs_dir: Path, case_id: str, stamp: list[int] | None) -> CaseDigest | None:
    """The stored digest if it was made from the case file with `stamp`; None when it
    must be rebuilt (missing, stale, unreadable or of another shape)."""
    if stamp is None:
        return None
    try:
        with open(digest_path(briefs_dir, case_id), "rb") as handle:
            data = json.loads(handle.read())
        if data.get("stamp") != stamp:
            return None
        digest = from_json(data["digest"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return digest if digest.id == case_id else None
