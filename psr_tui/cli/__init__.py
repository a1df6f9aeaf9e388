"""The command line: `psr-tui` opens the app; subcommands script every operation.

Exit status: 0 success; 1 `check` found problems; 2 a user error (bad input,
unknown case, unreadable file), reported as one line on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from ..store import StoreError
from .commands import COMMANDS, LATEST_RECORDED, run_app
from .usage import UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts read stderr.
        raise UsageError(f"{message} (see {self.prog} --help)")


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="database folder (default: $PSR_TUI_DB, else the user data dir)")
    parser.add_argument("--as", dest="user", metavar="USER", default=default,
                        help="act as this user (default: $PSR_TUI_USER, else your login)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="psr-tui", description="PSR action plans in the terminal.")
    _common(parser, suppress=False)
    parser.add_argument("--demo", action="store_true",
                        help="open on demo data (a temporary database unless --db is given)")
    parser.add_argument("--no-mouse", action="store_true",
                        help="leave the mouse to the terminal (keeps text selection)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _common(p, suppress=True)
        return p

    p = add("review", "open the supervisor's quick update on your due and overdue reviews")
    # SUPPRESS: `psr-tui --demo review` and `psr-tui review --demo` both count.
    p.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help="use demo data")
    p.add_argument("--no-mouse", action="store_true", default=argparse.SUPPRESS)
    p = add("demo", "write the demo data into a database")
    p.add_argument("--cases", type=int, metavar="N", help="N generated cases (for benchmarks)")
    p.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    p = add("dump", "write the whole database as JSON")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p = add("import", "read a dump into the database (conflicts are refused, not overwritten)")
    p.add_argument("file", metavar="FILE", help="a file written by `psr-tui dump` (- for stdin)")
    add("schema", "print the JSON Schema of the dump format")
    p = add("list", "list cases, most urgent first")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    p = add("export", "write a plan or report as Markdown")
    p.add_argument("case_id", metavar="CASE_ID")
    p.add_argument("--audience", choices=["adviser", "organisation", "practitioner"],
                   default="organisation", help="who the copy is for (default: organisation)")
    p.add_argument("--report", choices=["plan", "progress", "review-sheet", "supervisor-sheet"],
                   default="plan", help="which document (default: plan)")
    p.add_argument("--review-point", metavar="ID", nargs="?", const=LATEST_RECORDED,
                   help="for progress / review-sheet: one review point; without an ID, the "
                        "latest recorded (progress) or the next to hold (review-sheet); "
                        "not given: the progress summary / the next review")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    add("check", "check every record's integrity and schema")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        command = args.command
        if command in (None, "review"):
            return run_app(args, start="review" if command == "review" else "home")
        return COMMANDS[command](args)
    except (UsageError, StoreError) as exc:
        print(f"psr-tui: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`psr-tui list | head`): as any Unix filter, stop quietly.
        # stdout is pointed at devnull so the interpreter's final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # a bug: still one line for scripts, the traceback on request
        if os.environ.get("PSR_TUI_DEBUG"):
            raise
        print(f"psr-tui: internal error: {type(exc).__name__}: {exc} "
              "(set PSR_TUI_DEBUG=1 for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
