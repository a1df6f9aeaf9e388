"""`psr-tui due` (for cron: exit 1 when something is due) and `psr-tui calendar` (iCalendar).

Both list what the acting user is involved in (domain/reminders.py), in their access
scope; `--for USER` shows another user's, for advisers and the administrator only, read
through the store opened as that user (their scope, their copy). A reminder mail and a
calendar name no practitioner: the case id and a neutral title, details in psr-tui.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, time

from ..domain.access import OTHERS_REMINDERS, READ, SUPERVISOR, Identity, require
from ..domain.reminders import REVIEW, Reminder, due_within, reminders
from ..domain.safe_text import json_escaped, visible
from ..store import CaseStore
from ..store.users import UserRegistry
from .commands import acting, db_root, today, write_output
from .usage import UsageError

UID_DOMAIN = "psr-tui"
REVIEW_TITLE = "PSR review meeting"
DEADLINE_TITLE = "PSR deadline"


def _whose(args: argparse.Namespace) -> Identity:
    identity = acting(args)
    wanted = getattr(args, "for_user", None)
    if not wanted or wanted == identity.name:
        return identity
    require(identity, OTHERS_REMINDERS)
    other = UserRegistry(db_root(args), identity.name).get(wanted)
    if other is None:
        raise UsageError(f"no psr-tui user {wanted!r} (see psr-tui user list)")
    return other


def _items(args: argparse.Namespace) -> tuple[Identity, list[Reminder], date]:
    whose = _whose(args)
    require(whose, READ)
    store = CaseStore.open(db_root(args), identity=whose, create=False)
    cases, problems = store.load_all()  # scoped to `whose`
    for problem in problems:
        print(visible(f"psr-tui: {problem}"), file=sys.stderr)
    now = today()
    return whose, reminders(cases, whose, now), now


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(items: list[Reminder], now: date, within: int, whose: Identity) -> str:
    """'2 review points due this week, 1 overdue: run psr-tui review' — counts only."""
    window = "this week" if within == 7 else f"within {_plural(within, 'day')}"
    parts = []
    for kind, word in ((REVIEW, "review point"), ("deadline", "deadline")):
        of_kind = [r for r in items if r.kind == kind]
        if of_kind:
            late = sum(r.overdue(now) for r in of_kind)
            parts.append(f"{_plural(len(of_kind) - late, word)} due {window}"
                         + (f", {late} overdue" if late else ""))
    hint = "psr-tui review" if whose.role == SUPERVISOR else "psr-tui due --detail"
    return "; ".join(parts) + f": run {hint}"


def cmd_due(args: argparse.Namespace) -> int:
    if args.within < 0 or args.within > 366:
        raise UsageError("--within takes a number of days from 0 to 366")
    whose, items, now = _items(args)
    due = due_within(items, now, args.within)
    if args.json:
        rows = [{
            "case_id": r.case_id, "kind": r.kind, "id": r.item_id, "title": r.title,
            "due_on": r.due_on.isoformat(), "overdue": r.overdue(now),
            **({"practitioner": r.practitioner, "organisation": r.organisation}
               if args.detail else {}),
        } for r in due]
        print(json_escaped(json.dumps(rows, indent=1, ensure_ascii=False)))
    elif due:
        print(summary_line(due, now, args.within, whose))
        for r in due if args.detail else []:
            status = "overdue" if r.overdue(now) else "due"
            print(visible(f"{status:<8} {r.due_on.isoformat()} {r.case_id:<16} "
                          f"{r.practitioner[:24]:<24} {r.title}"))
    return 1 if due else 0


def calendar_text(items: list[Reminder], now: date) -> str:
    """One all-day event per item; the UID is the item's key, so a re-import updates it."""
    from icalendar import Calendar, Event  # imported on use: only this command needs it

    cal = Calendar()
    cal.add("prodid", "-//psr-tui//PSR reminders//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "PSR reviews and deadlines")
    stamp = datetime.combine(now, time(), tzinfo=UTC)
    for r in items:
        event = Event()
        event.add("uid", f"{r.key}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", r.due_on)  # a date: an all-day event
        title = REVIEW_TITLE if r.kind == REVIEW else f"{DEADLINE_TITLE}: {r.title}"
        event.add("summary", f"{title}, {r.case_id}")
        event.add("description", f"Case {r.case_id}: details in psr-tui.")
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")


def cmd_calendar(args: argparse.Namespace) -> int:
    _whose_identity, items, now = _items(args)
    write_output(calendar_text(items, now), getattr(args, "output", None))
    return 0
