"""`psr-tui ssh-session NAME`: the only thing an SSH key pinned to NAME can run.

With a terminal and no $SSH_ORIGINAL_COMMAND it opens the app as NAME. With one, the
command is split like a shell would (shlex, nothing executed) and only an allow-list is
run, each command checked against NAME's role as any CLI command is: no shell, no other
program, no file transfer, no way to name another user or database. Anything else is one
line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import os
import shlex

from ..domain.access import SUPERVISOR, Identity
from .parser import Parser, add_case_commands
from .usage import UsageError

ALLOWED = ("list", "export", "reviews", "due", "calendar", "insights", "audit", "whoami")


class _ForcedParser(Parser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)  # no "see --help": there is no help under a forced command


def _allow_list_parser() -> argparse.ArgumentParser:
    parser = _ForcedParser(prog="psr-tui ssh-session", add_help=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_ForcedParser,
                                required=True)
    add_case_commands(sub, common=False)  # no --db, --as, -o: they are not in the grammar
    return parser


def _shown(text: str) -> str:
    """A client's word as it goes into our one line: quoted, short, no control codes."""
    return repr(text[:60] + ("..." if len(text) > 60 else ""))


def allowed_command(identity: Identity, requested: str) -> argparse.Namespace:
    """The parsed allow-listed command, or UsageError naming what was refused."""
    who = f"ssh-session {identity.name}"
    try:
        words = shlex.split(requested)
    except ValueError as exc:
        raise UsageError(f"{who}: refused {_shown(requested)}: {exc}") from exc
    if not words:
        raise UsageError(f"{who}: an empty command")
    if words[0] not in ALLOWED:
        raise UsageError(f"{who}: {_shown(words[0])} is not allowed here "
                         f"(allowed: {', '.join(ALLOWED)})")
    try:
        args = _allow_list_parser().parse_args(words)
    except UsageError as exc:
        raise UsageError(f"{who}: refused {_shown(requested)}: {exc}") from exc
    except SystemExit as exc:  # argparse's own --help: not for a forced command
        raise UsageError(f"{who}: refused {_shown(requested)}") from exc
    return args


def run_session(args: argparse.Namespace) -> int:
    from .commands import COMMANDS

    identity: Identity = args.identity
    requested = os.environ.get("SSH_ORIGINAL_COMMAND")
    if not requested:  # as needs_terminal() decided: no command means the app
        from .app_launch import run_app

        args.demo = False
        start = "review" if identity.role == SUPERVISOR else "home"
        return run_app(args, start=start, identity=identity)
    inner = allowed_command(identity, requested)
    inner.db, inner.identity, inner.user = args.db, identity, None
    return COMMANDS[inner.command](inner)
