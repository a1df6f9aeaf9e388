"""`psr-tui insights`: seed 004's figures over the plans in the acting user's scope, small
numbers suppressed (domain/insights.py); Markdown, or JSON with --json."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from ..domain.access import INSIGHTS, require
from ..domain.insights import build_insights
from ..domain.safe_text import json_escaped
from ..domain.vocabulary import default_vocabularies
from ..export.insights_report import insights_json, insights_markdown
from .commands import acting, open_store, write_output
from .usage import UsageError


def _date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag} {value!r} is not a date (use YYYY-MM-DD)") from None


def cmd_insights(args: argparse.Namespace) -> int:
    identity = acting(args)
    require(identity, INSIGHTS)
    start, end = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if start and end and start > end:
        raise UsageError(f"--from {start.isoformat()} is after --to {end.isoformat()}")
    vocab = default_vocabularies()
    facts, problems = open_store(args, create=False).plan_facts(vocab)  # the identity's scope
    for problem in problems:
        print(f"psr-tui: {problem}", file=sys.stderr)
    insights = build_insights(facts, vocab, start, end, args.organisation or "")
    output = getattr(args, "output", None)  # none under ssh-session: stdout only
    if args.json:
        text = json_escaped(json.dumps(insights_json(insights), indent=1, ensure_ascii=False))
        write_output(text + "\n", output)
    else:
        write_output(insights_markdown(insights), output)
    return 2 if problems else 0
