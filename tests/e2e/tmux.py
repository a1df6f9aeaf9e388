"""Drive the real program in tmux: send keys, read the screen, count keystrokes."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Sequence

import pytest

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """One tmux session at 80x24 running a command."""

    def __init__(self, command: str, env: dict[str, str], width: int = 80, height: int = 24):
        self.name = f"psr-e2e-{uuid.uuid4().hex[:8]}"
        self.keystrokes = 0  # navigation keys (press)
        self.typed = 0  # characters of literal text (type)
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
             f"export {exports}; {command}; echo EXITED $?; sleep 30"],
            check=True,
        )
        subprocess.run(["tmux", "set-option", "-t", self.name, "escape-time", "0"],
                       capture_output=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name],
                              capture_output=True, text=True).stdout

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
            subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)
            self.keystrokes += 1
            time.sleep(0.05)

    def type(self, text: str) -> None:
        """Literal text (a note, a name): counted as typed characters, not navigation."""
        self.typed += len(text)
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)
        time.sleep(0.05)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def run_in_terminal(command: str, env: dict[str, str]) -> Terminal:
    return Terminal(command, env)


def keys(seq: Sequence[str]) -> list[str]:
    return list(seq)
