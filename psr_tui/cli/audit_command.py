"""`psr-tui audit CASE_ID`: every change to a case, with who, when, what and where."""

from __future__ import annotations

import argparse
import json

from ..domain.access import AUDIT_READ, require
from ..store import CaseNotFound
from .commands import acting, open_store
from .usage import UsageError


def cmd_audit(args: argparse.Namespace) -> int:
    identity = acting(args)
    require(identity, AUDIT_READ)
    store = open_store(args, create=False)
    try:
        store.get_brief(args.case_id)  # out of scope: not found, its existence not told
        events = store.audit(args.case_id)
    except CaseNotFound as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        rows = [{"at": e.at.isoformat(), "user": e.user, "action": e.action,
                 "summary": e.summary, "revision": e.revision, "changes": e.changes}
                for e in events]
        print(json.dumps(rows, indent=1, ensure_ascii=False))
        return 0
    for e in events:
        changed = ", ".join(e.changes) if e.changes else "-"
        print(f"{e.at:%Y-%m-%d %H:%M} {e.user:<14} {e.action:<22} r{e.revision:<3} "
              f"{e.summary} [{changed}]")
    return 0
