"""Plan facts on disk: `insights/<id>.json`, the coded facts insights count for one case.

Insights over 10,000 plans cannot read 10,000 whole cases (25-50 KB each, validated);
they read these (about 1 KB, plain JSON, no model validation). Like a brief, each is
stamped with the (inode, mtime_ns, size) of the case file it was made from and rebuilt
from the case when the stamp no longer matches, so it is never stale; a case with no
plan is recorded as such (null) so it is not re-read every time.

They hold demographics codes (confidential on the case), so they live beside the case
files with the same 0600 mode and are read only by `CaseReader.plan_facts`, which hands
them to the access policy's insight scope and nowhere else.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from ..domain.plan_facts import FACTS_VERSION, PlanFacts
from .atomic_storage import DIR_MODE, FILE_MODE, write_file_atomic

FOLDER = "insights"
NO_PLAN = "no plan"  # the cached answer for a case that has no plan yet


def read_facts(path: str, stamp: list[int] | None) -> PlanFacts | str | None:
    """The stored facts (or NO_PLAN) if they still match `stamp`; None to rebuild."""
    try:
        with open(path, "rb") as file:
            data = json.loads(file.read())
    except (OSError, ValueError):
        return None  # missing, unreadable or torn: rebuilt from the case file
    if (not isinstance(data, dict) or data.get("stamp") != stamp
            or data.get("version") != FACTS_VERSION):
        return None
    doc = data.get("facts")
    if doc is None:
        return NO_PLAN
    try:
        return PlanFacts.from_doc(doc)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def write_facts(path: Path, facts: PlanFacts | None, stamp: list[int] | None) -> None:
    """Best effort, no fsync: a lost or stale file is rebuilt from the case file."""
    if stamp is None:
        return
    doc: dict[str, Any] = {"stamp": stamp, "version": FACTS_VERSION,
                           "facts": facts.to_doc() if facts else None}
    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=DIR_MODE, exist_ok=True)
        write_file_atomic(path, json.dumps(doc, separators=(",", ":")).encode(), FILE_MODE,
                          durable=False)
