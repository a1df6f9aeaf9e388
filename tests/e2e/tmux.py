"""Drive the real program in tmux: send keys, read the screen, count keystrokes."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Sequence
from typing import Any

import pytest

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

# A tmux server of this test process's own (as the bench's, bench/tmux_frame.py): the user's
# own sessions are never touched, and parallel test workers (pytest-xdist) never share one.
SOCKET = f"psr-e2e-{os.getpid()}"
_server_kept = False


def tmux(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """One tmux command on this process's server."""
    _keep_server()
    return subprocess.run(["tmux", "-L", SOCKET, *args], text=True, **kwargs)


def _keep_server() -> None:
    """One idle session for the whole run keeps the server up: a server exiting with its
    last session would race the next test's new-session."""
    global _server_kept
    if not _server_kept:
        _server_kept = True
        subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", "keep",
                        "sleep 86400"], check=True)


def stop_server() -> None:
    """The end of the test session (tests/e2e/conftest.py): the server and any pane left."""
    global _server_kept
    if _server_kept:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
        _server_kept = False


class Terminal:
    """One tmux session at 80x24 running a command."""

    def __init__(self, command: str, env: dict[str, str], width: int = 80, height: int = 24):
        self.name = f"psr-e2e-{uuid.uuid4().hex[:8]}"
        self.keystrokes = 0  # navigation keys (press)
        self.typed = 0  # characters of literal text (type)
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
             f"export {exports}; {command}; echo EXITED $?; sleep 30", check=True)
        tmux("set-option", "-t", self.name, "escape-time", "0", capture_output=True)

    def screen(self) -> str:
        return tmux("capture-pane", "-p", "-t", self.name, capture_output=True).stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} not on screen after {timeout}s:\n{screen}")

    def press(self, *keys: str) -> None:
        """Named keys (Enter, Escape, Down, C-s, F5 ...), each counted as one keystroke."""
        for key in keys:
            tmux("send-keys", "-t", self.name, key, check=True)
            self.keystrokes += 1
            time.sleep(0.05)

    def type(self, text: str) -> None:
        """Literal text (a note, a name): counted as typed characters, not navigation."""
        self.typed += len(text)
        tmux("send-keys", "-t", self.name, "-l", text, check=True)
        time.sleep(0.05)

    def close(self) -> None:
        tmux("kill-session", "-t", self.name, capture_output=True)


def run_in_terminal(command: str, env: dict[str, str]) -> Terminal:
    return Terminal(command, env)


def keys(seq: Sequence[str]) -> list[str]:
    return list(seq)
