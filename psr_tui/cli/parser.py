"""The command line's grammar: every subcommand and flag (argparse), one-line errors.

Light on purpose: no store or domain imports, so `psr-tui` without a terminal is refused
before anything heavy loads.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from .usage import UsageError

LATEST_RECORDED = "latest"  # what a bare --review-point means
AUDIENCES = ["adviser", "organisation", "practitioner"]
REPORTS = ["plan", "progress", "review-sheet", "supervisor-sheet", "supervisor-report"]
ROLE_CHOICES = ["adviser", "supervisor", "organisation_lead", "responsible_officer",
                "practitioner", "analyst"]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts read stderr.
        raise UsageError(f"{message} (see {self.prog} --help)")


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="database folder (default: $PSR_TUI_DB, else the user data dir)")
    parser.add_argument("--as", dest="user", metavar="USER", default=default,
                        help="act as this psr-tui user (the database's administrator, or "
                             "--demo; default: $PSR_TUI_USER)")


def add_case_commands(sub: argparse._SubParsersAction, common: bool) -> None:
    """The commands an SSH key may run as well (ssh_session.py): no -o, no --db, no --as."""

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        # No -h either under a forced command: help is for the administrator's shell.
        p = sub.add_parser(name, help=help_text, description=help_text, add_help=common)
        if common:
            _common(p, suppress=True)
        return p

    p = add("list", "list cases, most urgent first")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    p = add("export", "write a plan or report as Markdown")
    p.add_argument("case_id", metavar="CASE_ID")
    p.add_argument("--audience", choices=AUDIENCES, default=None,
                   help="who the copy is for (default: organisation for advisers, "
                        "else your role's own)")
    p.add_argument("--report", choices=REPORTS, default="plan",
                   help="which document (default: plan)")
    p.add_argument("--review-point", metavar="ID", nargs="?", const=LATEST_RECORDED,
                   help="for progress / review-sheet: one review point; without an ID, the "
                        "latest recorded (progress) or the next to hold (review-sheet); "
                        "not given: the progress summary / the next review")
    if common:
        p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p = add("reviews", "your due and overdue review points")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    p = add("audit", "every change to a case: who, when, what")
    p.add_argument("case_id", metavar="CASE_ID")
    p.add_argument("--json", action="store_true", help="a JSON array instead of lines")
    add("whoami", "who you are acting as: name, role, organisation")


def _user_commands(sub: argparse._SubParsersAction) -> None:
    user = sub.add_parser("user", help="manage the database's users (administrator)",
                          description="manage the database's users (administrator)")
    _common(user, suppress=True)
    users = user.add_subparsers(dest="user_command", metavar="ACTION", parser_class=Parser,
                                required=True)
    p = users.add_parser("add", help="add a user")
    _common(p, suppress=True)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", required=True, choices=ROLE_CHOICES)
    p.add_argument("--organisation", default="", metavar="ORG")
    p.add_argument("--display-name", default="", metavar="TEXT")
    p = users.add_parser("list", help="list the users")
    _common(p, suppress=True)
    p.add_argument("--json", action="store_true")
    p = users.add_parser("remove", help="remove a user")
    _common(p, suppress=True)
    p.add_argument("name", metavar="NAME")
    p = users.add_parser("set-role", help="change a user's role")
    _common(p, suppress=True)
    p.add_argument("name", metavar="NAME")
    p.add_argument("role", metavar="ROLE", choices=ROLE_CHOICES)
    p.add_argument("--organisation", default=None, metavar="ORG")
    p = users.add_parser("key", help="the authorized_keys line pinning a key to a user")
    _common(p, suppress=True)
    p.add_argument("name", metavar="NAME")
    p.add_argument("pubkey_file", metavar="PUBKEY_FILE")
    p.add_argument("--install", action="store_true",
                   help="append it to this account's ~/.ssh/authorized_keys")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="psr-tui", description="PSR action plans in the terminal.")
    _common(parser, suppress=False)
    parser.add_argument("--demo", action="store_true",
                        help="open on demo data (a temporary database unless --db is given)")
    parser.add_argument("--no-mouse", action="store_true",
                        help="leave the mouse to the terminal (keeps text selection)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

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
    add_case_commands(sub, common=True)
    add("check", "check every record's integrity and schema")
    _user_commands(sub)
    p = sub.add_parser("ssh-session", help="the command an authorized_keys line forces",
                       description="run as NAME: the app with a terminal, or the allowed "
                                   "command in $SSH_ORIGINAL_COMMAND")
    p.add_argument("session_user", metavar="NAME")
    return parser
