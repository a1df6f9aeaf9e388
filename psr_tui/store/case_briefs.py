"""Case briefs: small copies of each case for lists and dashboards.

Home, the dashboard and the quick review need a few fields of every case, not
the whole record (a running plan with its frozen versions is 25-50 KB). Each
write also leaves `briefs/<id>.json`: the case without its long texts and
version copies, stamped with the (inode, mtime_ns, size) of the case file it was made
from. A brief whose stamp no longer matches is rebuilt from the case file, so a
crash between the two writes, or an older psr-tui, cannot show stale data.
A brief is never saved back: CaseStore.save refuses one.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic_storage import FILE_MODE, read_json, write_file_atomic
from .disk_errors import storage_failure
from .errors import UnreadableFile

if TYPE_CHECKING:
    from ..domain.case import Case

Doc = dict[str, Any]


# Long texts and copies lists never show, left out for size (confidentiality is not
# decided here: `without_confidential` drops every field the schema marks confidential).
_REQUEST_TEXTS_LISTS_NEVER_SHOW = (
    "concerns", "development_areas", "excluded_concerns", "documents", "expected_outcomes",
    "role_change_detail", "reasonable_adjustments", "local_support",
)


def brief_doc(doc: Doc) -> Doc:
    """The case document without what lists never show, and without anything confidential."""
    from ..domain.base import without_confidential  # the models: not on a list's start-up
    from ..domain.case import Case

    out: Doc = without_confidential(Case, doc)
    request = dict(out.get("request") or {})
    for key in _REQUEST_TEXTS_LISTS_NEVER_SHOW:
        request.pop(key, None)
    out["request"] = request
    plan = out.get("plan")
    if isinstance(plan, dict):
        plan = dict(plan)
        plan.pop("activities", None)
        plan.pop("consequences", None)
        plan["objectives"] = [{"id": o.get("id"), "domain": o.get("domain")}
                              for o in plan.get("objectives") or []]
        # A version's content is a whole plan as it stood, typed as a plain mapping.
        plan["versions"] = [{k: v for k, v in version.items() if k != "content"}
                            for version in plan.get("versions") or []]
        out["plan"] = plan
    return out


def stamp_of(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise storage_failure(exc, path.parent, f"reading {path.name}", reading=True) from exc
    # Every save is a new file (temp + rename), so the inode tells saves apart even
    # when two land in the same clock tick with the same size.
    return [st.st_ino, st.st_mtime_ns, st.st_size]


def write_brief(briefs_dir: Path, case_id: str, doc: Doc, stamp: list[int] | None) -> None:
    """Best effort, no fsync: a lost or stale brief is rebuilt from the case file."""
    if stamp is None:
        return
    path = briefs_dir / f"{case_id}.json"
    payload = json.dumps({"stamp": stamp, "case": brief_doc(doc)}, ensure_ascii=False,
                         separators=(",", ":")).encode("utf-8")
    with contextlib.suppress(OSError):  # write_file_atomic leaves no temp file behind
        write_file_atomic(path, payload, FILE_MODE, durable=False)


def read_brief(briefs_dir: Path, case_id: str, case_path: Path) -> Case | None:
    """The brief if it still matches the case file; None when it must be rebuilt."""
    stamp = stamp_of(case_path)
    try:
        data = read_json(briefs_dir / f"{case_id}.json")
    except UnreadableFile:
        return None
    if not data or data.get("stamp") != stamp:
        return None
    from pydantic import ValidationError

    from ..domain.case import Case

    try:
        case = Case.model_validate(data.get("case"))
    except ValidationError:
        return None
    case.mark_brief()
    return case
