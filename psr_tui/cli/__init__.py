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
    try:
        args = build_parser().parse_args(argv)
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
        if os.environ.get("PSR_TUI_DEBUG"):  # a bug: one line for scripts, details on request
            raise
        print(f"psr-tui: internal error: {type(exc).__name__}: {exc} "
              "(set PSR_TUI_DEBUG=1 for details)", file=sys.stderr)
        return 1


def _refused(exc: Exception) -> int:
    # One line whatever the message holds: a newline in a typed value must not forge a second.
    text = " ".join(str(exc).split())
    print(f"psr-tui: {text}", file=sys.stderr)
    return 2


__all__ = ["LATEST_RECORDED", "build_parser", "main"]

if __name__ == "__main__":
    sys.exit(main())
