"""What each CLI subcommand does. Everything here is scriptable and testable without a TTY."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..domain.case import Case
from ..domain.vocabulary import default_vocabularies
from ..locations import default_db_path
from ..store import CaseNotFound, CaseStore, StoreError
from .integrity import check_store
from .usage import UsageError

LATEST_RECORDED = "latest"  # what a bare --review-point means


def today() -> date:
    """Today, or PSR_TUI_TODAY (YYYY-MM-DD) so demos and tests are reproducible."""
    fixed = os.environ.get("PSR_TUI_TODAY")
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError as exc:
        raise UsageError(f"PSR_TUI_TODAY={fixed!r} is not a date (use YYYY-MM-DD)") from exc


def open_store(args: argparse.Namespace, *, create: bool = True) -> CaseStore:
    path = Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()
    return CaseStore.open(path, user=getattr(args, "user", None), create=create)


def _write_output(text: str, output: str | None) -> None:
    if not output or output == "-":
        sys.stdout.write(text)
        return
    path = Path(output).expanduser()
    try:
        from ..export.files import write_document  # lazy: keeps the app's start-up lean

        write_document(path, text)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from exc
    print(f"wrote {path}", file=sys.stderr)


def run_app(args: argparse.Namespace, start: str) -> int:
    temporary = None
    if getattr(args, "demo", False) and not getattr(args, "db", None):
        temporary = args.db = tempfile.mkdtemp(prefix="psr-tui-demo-")
    try:
        return _run_app_on(args, start)
    finally:
        if temporary:  # a demo database nobody asked to keep
            shutil.rmtree(temporary, ignore_errors=True)


def _run_app_on(args: argparse.Namespace, start: str) -> int:
    from ..app import make_app

    store = open_store(args)
    if getattr(args, "demo", False) and not store.list_ids():
        from ..demo import write_demo  # only here: the demo package is large to import

        write_demo(store, today())
    app = make_app(store, today=today, start=start)
    app.run(mouse=not args.no_mouse)
    return app.return_code or 0


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
    print(f"wrote {written} demo cases to {store.root}", file=sys.stderr)
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    from ..store import interchange  # lazy: pydantic's JSON Schema module is slow to load


    data = interchange.dump(open_store(args, create=False))
    _write_output(json.dumps(data, indent=1, ensure_ascii=False) + "\n", args.output)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..store import interchange  # lazy: pydantic's JSON Schema module is slow to load


    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise UsageError(f"cannot read {args.file}: {reason}") from exc
    data = interchange.parse(text)
    result = interchange.import_dump(open_store(args), data)
    print(f"imported {len(result.created)} cases ({len(result.unchanged)} already present "
          "and identical)", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from ..store import interchange  # lazy: pydantic's JSON Schema module is slow to load


    print(json.dumps(interchange.json_schema(), indent=2))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args, create=False)
    from ..domain.status import summarise, urgency_key

    cases, problems = store.load_all()
    for problem in problems:
        print(f"psr-tui: {problem}", file=sys.stderr)
    vocab, now = default_vocabularies(), today()
    summaries = sorted((summarise(c, now, vocab) for c in cases), key=urgency_key)
    if args.json:
        rows = [{
            "id": s.id, "practitioner": s.practitioner, "organisation": s.organisation,
            "state": s.state, "next_review": s.next_review_due.isoformat()
            if s.next_review_due else None,
            "next_review_status": s.next_review_status or None,
            "supervision_level": s.level, "plan_type": s.plan_type,
        } for s in summaries]
        print(json.dumps(rows, indent=1, ensure_ascii=False))
    else:
        for s in summaries:
            due = s.next_review_due.isoformat() if s.next_review_due else "-"
            flag = "!" if s.overdue_reviews or s.deadline_breached else " "
            print(f"{flag} {s.id:<16} {s.practitioner[:24]:<24} {s.organisation[:28]:<28} "
                  f"{s.state:<12} {due}")
    return 2 if problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    from .. import export

    store = open_store(args, create=False)
    try:
        case = store.get(args.case_id)
    except CaseNotFound as exc:
        raise UsageError(str(exc)) from exc
    vocab, now = default_vocabularies(), today()
    text = _render(case, args, vocab, now, export)
    _write_output(text, args.output)
    return 0


def _render(case: Case, args: argparse.Namespace, vocab, now: date, export) -> str:
    if args.report == "plan":
        if case.plan is None:
            raise UsageError(f"case {case.id} has no plan yet (state: {case.state})")
        return export.plan_markdown(case, args.audience, vocab, now)
    if args.report == "supervisor-sheet":
        if case.plan is None:
            raise UsageError(f"case {case.id} has no plan yet")
        return export.supervisor_information_markdown(case, vocab)
    plan = case.plan
    if plan is None:  # progress reports and meeting sheets are about a plan's reviews
        raise UsageError(f"case {case.id} has no plan yet")
    rp_id = args.review_point
    if rp_id == LATEST_RECORDED:  # --review-point without an ID
        if args.report == "progress":
            from ..domain.review import latest_recorded  # imported on use: start-up time

            latest = latest_recorded(plan)
            if latest is None:
                raise UsageError(f"case {case.id} has no review point recorded yet")
            rp_id = latest.id
        else:
            rp_id = None  # the meeting sheet is for the next review to hold
    if rp_id and plan.review_point(rp_id) is None:
        raise UsageError(f"case {case.id} has no review point {rp_id!r}")
    if args.report == "progress":
        if rp_id:
            return export.progress_report_markdown(case, rp_id, args.audience, vocab, now)
        return export.progress_summary_markdown(case, args.audience, vocab, now)
    if not rp_id:
        pending = [r for r in plan.review_points if r.outcome is None]
        if not pending:
            raise UsageError(f"case {case.id} has no review point left to hold")
        rp_id = pending[0].id
    return export.review_meeting_sheet_markdown(case, rp_id, vocab, now)


def cmd_check(args: argparse.Namespace) -> int:
    store = open_store(args, create=False)
    problems, checked = check_store(store)
    for problem in problems:
        print(problem)
    if problems:
        print(f"psr-tui check: {len(problems)} problem(s) in {checked} cases", file=sys.stderr)
        return 1
    print(f"ok: {checked} cases, schema and integrity checked")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "dump": cmd_dump,
    "import": cmd_import,
    "schema": cmd_schema,
    "list": cmd_list,
    "export": cmd_export,
    "check": cmd_check,
}

__all__ = ["COMMANDS", "StoreError", "run_app"]
