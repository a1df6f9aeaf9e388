"""`psr-tui reviews`: the acting user's due and overdue review points (explicit links)."""

from __future__ import annotations

import argparse
import json
import sys

from ..domain.access import READ, require
from ..domain.my_reviews import my_review_items
from .commands import acting, open_store, today


def cmd_reviews(args: argparse.Namespace) -> int:
    identity = acting(args)
    require(identity, READ)
    cases, problems = open_store(args, create=False).load_all()  # scoped to the identity
    for problem in problems:
        print(f"psr-tui: {problem}", file=sys.stderr)
    items = my_review_items(cases, today(), identity)
    if args.json:
        print(json.dumps([{
            "case_id": i.case_id, "practitioner": i.practitioner,
            "organisation": i.organisation, "review_point_id": i.review_point_id,
            "title": i.title, "due_on": i.due_on.isoformat() if i.due_on else None,
            "status": i.status, "reviewer": i.reviewer,
        } for i in items], indent=1, ensure_ascii=False))
    else:
        for i in items:
            due = i.due_on.isoformat() if i.due_on else "-"
            print(f"{i.status:<8} {due} {i.case_id:<16} {i.practitioner[:24]:<24} {i.title}")
    return 2 if problems else 0
