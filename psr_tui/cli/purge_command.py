"""`psr-tui purge [--dry-run]`: erase archived cases past their retention period
(data/templates/retention.toml, docs/retention.md), leaving an audit stub for each.

The administrator's alone (access.PURGE, checked by `dispatch` and again by the store).
One line per case on stdout, ids and dates only; the count on stderr.
"""

from __future__ import annotations

import argparse
import sys

from ..domain.archive import load_record_life
from ..store.purge import due_for_purge, purge_case
from .commands import acting, open_store, today


def cmd_purge(args: argparse.Namespace) -> int:
    store, now, life = open_store(args, create=False), today(), load_record_life()
    due = due_for_purge(store, now, life)
    done = 0
    for item in due:
        what = (f"{item.case_id} ({item.closed_as}, closed {item.closed_on.isoformat()}, "
                f"kept until {item.retained_until.isoformat()})")
        if args.dry_run:
            print(f"would purge {what}")
            continue
        if purge_case(store, item.case_id, now, life) is None:
            print(f"left {item.case_id}: no longer past retention")
            continue
        done += 1
        print(f"purged {what}")
    if args.dry_run:
        print(f"psr-tui purge: {len(due)} case(s) past retention; nothing erased (dry run)",
              file=sys.stderr)
    else:
        print(f"psr-tui purge: {done} case(s) erased, an audit stub kept for each",
              file=sys.stderr)
    return 0


def stub_rows(args: argparse.Namespace) -> list[dict[str, object]]:
    """`list --archived` / `--all`: the purged cases' stubs, for advisers (who see every
    case; a stub names no organisation, so no narrower scope could be applied)."""
    from ..domain.access import ADVISER
    from ..store.purge import purged_stubs

    if acting(args).role != ADVISER:
        return []
    return [{
        "id": stub.case_id, "practitioner": None, "organisation": None, "state": "purged",
        "next_review": None, "next_review_status": None, "supervision_level": None,
        "plan_type": None, "closed_as": stub.closed_as,
        "closed_on": stub.closed_on.isoformat(), "purged_on": stub.purged_at.date().isoformat(),
        "purged_by": stub.purged_by,
    } for stub in purged_stubs(open_store(args, create=False))]


def stub_line(row: dict[str, object]) -> str:
    return (f"  {row['id']!s:<16} (purged {row['purged_on']} by {row['purged_by']}; "
            f"{row['closed_as']}, closed {row['closed_on']})")
