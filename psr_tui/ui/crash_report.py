"""What an unexpected exception leaves behind: one line on screen, a trace in a private log.

Textual's own crash report is a Rich traceback with every frame's local variables: on a
supervisor's screen that printed practitioners' discussion notes and health details. This
report names the exception's type only; the log and PSR_TUI_DEBUG=1 add where it happened
(files, lines, functions, source lines) but never the exception's message or any local
variable, since both can hold field values.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

from ..locations import error_log_path

LOG_MODE = 0o600
LOG_DIR_MODE = 0o700


def debugging() -> bool:
    return bool(os.environ.get("PSR_TUI_DEBUG"))


def where_it_happened(error: BaseException) -> str:
    """The traceback's frames and the exception's type: no message, no locals."""
    frames = traceback.extract_tb(error.__traceback__)
    lines = ["Traceback (most recent call last):"]
    for frame in frames:
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    lines.append(f"{type(error).__module__}.{type(error).__qualname__} (message withheld: "
                 "it may hold field values)")
    return "\n".join(lines)


def write_error_log(error: BaseException, path: Path | None = None) -> Path | None:
    """Append the trace to the private log (0600 in a 0700 folder); None if it cannot."""
    path = path or error_log_path()
    try:
        path.parent.mkdir(parents=True, mode=LOG_DIR_MODE, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, LOG_MODE)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), LOG_MODE)
            fh.write(f"--- {datetime.now(UTC).isoformat(timespec='seconds')} pid "
                     f"{os.getpid()}\n{where_it_happened(error)}\n")
    except OSError:
        return None
    return path


def crash_line(error: BaseException, log: Path | None) -> str:
    details = f"details in {log} / " if log else ""
    return (f"psr-tui: internal error: {type(error).__name__} "
            f"({details}set PSR_TUI_DEBUG=1)")


def crash_report(error: BaseException) -> str:
    """The text printed when the app stops on `error` (the log written on the way)."""
    line = crash_line(error, write_error_log(error))
    return f"{where_it_happened(error)}\n{line}" if debugging() else line
