"""What each CLI subcommand does, and the one door they all pass: `dispatch`.

`dispatch` resolves who is acting (cli/identity.py) and applies the access policy
before any command runs; each command then opens the store as that identity, which
scopes and redacts every case it hands out. Everything here is scriptable and testable
without a TTY.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.access import (
    CHECK,
    DEMO,
    DUMP,
    IMPORT,
    PURGE,
    READ,
    USER_ADMIN,
    Identity,
    require,
)
from ..domain.safe_text import json_escaped, visible
from ..domain.vocabulary import default_vocabularies
from ..locations import default_db_path
from ..store import CaseStore, StoreError
from .identity import resolve_identity
from .usage import UsageError

if TYPE_CHECKING:
    from ..domain.archive import Closable

# The administrator's commands: the whole database, or who may reach it.
ADMIN_ONLY = {"dump": DUMP, "import": IMPORT, "check": CHECK, "demo": DEMO, "user": USER_ADMIN,
              "purge": PURGE}


def today() -> date:
    """Today, or PSR_TUI_TODAY (YYYY-MM-DD) so demos and tests are reproducible."""
    fixed = os.environ.get("PSR_TUI_TODAY")
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError as exc:
        raise UsageError(f"PSR_TUI_TODAY={fixed!r} is not a date (use YYYY-MM-DD)") from exc


def db_root(args: argparse.Namespace) -> Path:
    """--db, else $PSR_TUI_DB, else the user data dir; absolute (it goes into key lines)."""
    path = Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()
    return path.absolute()


def acting(args: argparse.Namespace) -> Identity:
    identity: Identity = args.identity  # set by dispatch before any command runs
    return identity


def open_store(args: argparse.Namespace, *, create: bool = True) -> CaseStore:
    return CaseStore.open(db_root(args), identity=acting(args), create=create)


def write_output(text: str | Iterable[str], output: str | None) -> None:
    """To standard output, or atomically to the file `output` (text or its pieces)."""
    if not output or output == "-":
        sys.stdout.writelines([text] if isinstance(text, str) else text)
        return
    path = Path(output).expanduser()
    from ..export.files import DocumentNotWritten, write_document  # lazy: lean start-up

    try:
        write_document(path, text)
    except DocumentNotWritten as exc:
        raise UsageError(str(exc)) from exc
    print(visible(f"wrote {path}"), file=sys.stderr)


def dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command in (None, "review"):
        from .app_launch import run_app

        return run_app(args, start="review" if command == "review" else "home")
    if command == "completion":  # no database, no identity: a script for the shell
        from .completion import cmd_completion

        return cmd_completion(args)
    args.identity = resolve_identity(args, db_root(args))
    if command == "ssh-session":
        from .ssh_session import run_session

        return run_session(args)
    if command in ADMIN_ONLY:
        require(args.identity, ADMIN_ONLY[command])
    return COMMANDS[command](args)


def cmd_demo(args: argparse.Namespace) -> int:
    from ..demo import write_demo

    if not getattr(args, "db", None):
        raise UsageError("demo needs --db PATH (the folder to write the demo database into)")
    if args.cases is not None and not 1 <= args.cases <= 100_000:
        raise UsageError("--cases takes a number from 1 to 100000")
    store = open_store(args)
    if store.list_ids():
        raise UsageError(f"{store.root} already holds cases; demo writes into an empty database")
    written = write_demo(store, today(), cases=args.cases, seed=args.seed)
    print(visible(f"wrote {written} demo cases to {store.root}"), file=sys.stderr)
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    from ..store.dump_stream import dump_text  # lazy: only dump needs it

    # Streamed case by case (store/dump_stream.py): memory stays flat at any size.
    write_output(dump_text(open_store(args, create=False)), args.output)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..store import interchange  # lazy: pydantic's JSON Schema module is slow to load
    from ..store.dump_limits import read_dump

    # Everything is read and validated before the database is opened: a refused import
    # leaves no trace, not even an empty database folder.
    data = interchange.parse(read_dump(args.file, sys.stdin.buffer))
    db = db_root(args)
    made_here = not db.exists()
    source = "standard input" if args.file == "-" else str(Path(args.file).resolve())
    try:
        store = open_store(args)
        result = interchange.import_dump(store, data, source)
    except StoreError:
        if made_here and db.is_dir() and not any((db / "cases").glob("*.json")):
            import shutil  # here: its compression modules are no other command's cost

            shutil.rmtree(db, ignore_errors=True)  # the empty database this import made
        raise
    print(f"imported {len(result.created)} cases ({len(result.unchanged)} already present "
          "and identical)", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from ..store import interchange  # lazy: pydantic's JSON Schema module is slow to load

    print(json.dumps(interchange.json_schema(), indent=2))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    require(acting(args), READ)
    store = open_store(args, create=False)
    from ..domain.status import summarise, urgency_key

    # Digests, not whole cases (store/case_digests.py); only those in the identity's scope.
    digests, problems = store.load_digests()
    for problem in problems:
        print(visible(f"psr-tui: {problem}"), file=sys.stderr)
    vocab, now = default_vocabularies(), today()
    digests = shown_cases(digests, now, args)
    summaries = sorted((summarise(d, now, vocab) for d in digests), key=urgency_key)
    stubs: list[dict[str, object]] = []
    if args.archived or args.all:  # purged cases: archived, as stubs
        from .purge_command import stub_rows

        stubs = stub_rows(args)
    if args.json:
        rows = [{
            "id": s.id, "practitioner": s.practitioner, "organisation": s.organisation,
            "state": s.state, "next_review": s.next_review_due.isoformat()
            if s.next_review_due else None,
            "next_review_status": s.next_review_status or None,
            "supervision_level": s.level, "plan_type": s.plan_type,
        } for s in summaries]
        # One row a line: readable, and json.dumps without indent is the C encoder.
        body = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows + stubs)
        print(json_escaped(f"[\n{body}\n]" if rows or stubs else "[]"))
    else:
        for s in summaries:
            due = s.next_review_due.isoformat() if s.next_review_due else "-"
            flag = "!" if s.overdue_reviews or s.deadline_breached else " "
            # Cut after making controls visible, so the columns stay where they are.
            name, org = visible(s.practitioner)[:24], visible(s.organisation)[:28]
            print(f"{flag} {visible(s.id):<16} {name:<24} {org:<28} {visible(s.state):<12} {due}")
        if stubs:
            from .purge_command import stub_line

            for row in stubs:
                print(visible(stub_line(row)))
    return 2 if problems else 0


def shown_cases(cases: list[Closable], now: date, args: argparse.Namespace) -> list[Closable]:
    """The working list (closed cases leave it once archived), the archive, or all: of
    cases or their digests alike (domain/archive.py reads the closing day of either)."""
    if getattr(args, "all", False):
        return cases
    from ..domain.archive import split_archive

    working, archived = split_archive(cases, now)
    return archived if getattr(args, "archived", False) else working


def cmd_check(args: argparse.Namespace) -> int:
    from .integrity import check_store, tidy_temp_files  # lazy: the models and rules, check's

    store = open_store(args, create=False)
    notes, problems = tidy_temp_files(store)
    for note in notes:
        print(visible(f"psr-tui check: {note}"), file=sys.stderr)
    result = check_store(store)
    problems += result.problems
    for problem in problems:
        print(visible(str(problem)))
    for note in result.notes:
        print(f"note: {visible(str(note))}")
    if problems:
        print(f"psr-tui check: {len(problems)} problem(s) in {result.checked} cases",
              file=sys.stderr)
        return 1
    print(f"ok: {result.checked} cases, schema, integrity and audit seals checked")
    return 0


def _lazy(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """A command from its own module, imported when it runs."""
    def run(args: argparse.Namespace) -> int:
        from importlib import import_module

        command: Callable[[argparse.Namespace], int] = getattr(
            import_module(f"psr_tui.cli.{module}"), name)
        return command(args)
    return run


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "dump": cmd_dump,
    "import": cmd_import,
    "schema": cmd_schema,
    "list": cmd_list,
    "export": _lazy("export_command", "cmd_export"),
    "check": cmd_check,
    "audit": _lazy("audit_command", "cmd_audit"),
    "lift-condition": _lazy("conditions_command", "cmd_lift_condition"),
    "reviews": _lazy("reviews_command", "cmd_reviews"),
    "due": _lazy("reminders_command", "cmd_due"),
    "calendar": _lazy("reminders_command", "cmd_calendar"),
    "insights": _lazy("insights_command", "cmd_insights"),
    "whoami": _lazy("users_commands", "cmd_whoami"),
    "user": _lazy("users_commands", "cmd_user"),
    "resume": _lazy("case_commands", "cmd_resume"),
    "withdraw": _lazy("case_commands", "cmd_withdraw"),
    "purge": _lazy("purge_command", "cmd_purge"),
    "withhold": _lazy("case_commands", "cmd_withhold"),
    "release": _lazy("case_commands", "cmd_release"),
}
