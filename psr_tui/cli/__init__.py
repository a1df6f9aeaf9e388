"""The command line: `psr-tui` opens the app; subcommands script every operation.

Exit status: 0 success; 1 `check` found problems; 2 a user error (bad input,
unknown case, unreadable file, a refusal), reported as one line on stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from .parser import LATEST_RECORDED, build_parser
from .usage import UsageError

NO_TERMINAL = "the app needs a terminal (use ssh -t, or a subcommand)"


def needs_terminal(command: str | None) -> bool:
    """The app (and `review`, and an interactive ssh-session) draw on a terminal."""
    if command in (None, "review"):
        return True
    return command == "ssh-session" and not os.environ.get("SSH_ORIGINAL_COMMAND")


def require_terminal() -> None:
    # Without one (ssh -T, scp, </dev/null) Textual would spin forever and outlive its
    # client: refuse at once, before the store and Textual are even imported.
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(NO_TERMINAL)


def main(argv: Sequence[str] | None = None) -> int:
    # No pydantic plugin: one would see every value validated, confidential fields
    # included, and looking for them scans every installed package's metadata (about
    # 20 ms of each command that reads whole cases).
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    try:
        args = build_parser(lazy=True).parse_args(argv)
        if needs_terminal(args.command):
            require_terminal()
        from .commands import dispatch  # the store, pydantic and the domain: after the checks

        return dispatch(args)
    except UsageError as exc:
        return _refused(exc)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`psr-tui list | head`): as any Unix filter, stop quietly.
        # stdout is pointed at devnull so the interpreter's final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        from ..domain.errors import RuleError
        from ..store import StoreError

        if isinstance(exc, (StoreError, RuleError)):  # refusals, access refusals included
            return _refused(exc)
        from ..ui.crash_report import crash_report

        # A bug: one line for scripts, the frames on request; never the message nor locals,
        # either can hold a field value (ui/crash_report.py).
        print(crash_report(exc), file=sys.stderr)
        return 1


def _refused(exc: Exception) -> int:
    # One line whatever the message holds: a newline in a typed value must not forge a second.
    from ..domain.safe_text import visible  # messages echo input: never raw to the terminal

    text = " ".join(visible(str(exc)).split())
    print(f"psr-tui: {text}", file=sys.stderr)
    return 2


__all__ = ["LATEST_RECORDED", "build_parser", "main"]

if __name__ == "__main__":
    sys.exit(main())
