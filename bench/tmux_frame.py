"""A program in a fresh tmux session at 80x24, seen as a user sees it: the screen's text."""

from __future__ import annotations

import atexit
import os
import shlex
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

POLL = 0.005
# A tmux server of the bench's own: other people's tmux sessions are never touched, and
# no server shutting down (its last session killed) races the next session's start.
SOCKET = f"psr-bench-{os.getpid()}"


def tmux(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", "-L", SOCKET, *args], text=True, **kwargs)


class Pane:
    """One tmux session running `command` (exec'd, so the pane's process is the program)."""

    def __init__(self, command: str, env: dict[str, str], width: int = 80, height: int = 24):
        self.name = f"bench-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        self.started = time.perf_counter()
        _keep_server()
        tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
             f"export {exports}; exec {command}", check=True)
        tmux("set-option", "-t", self.name, "escape-time", "0", capture_output=True)
        self.pid = int(tmux("display-message", "-p", "-t", self.name, "#{pane_pid}",
                            capture_output=True, check=True).stdout.strip())

    def screen(self) -> str:
        return tmux("capture-pane", "-p", "-t", self.name, capture_output=True).stdout

    def wait(self, done: Callable[[str], bool], timeout: float = 120.0) -> float:
        """Seconds since the program started until `done(screen)`."""
        screen = ""
        called = time.perf_counter()
        while time.perf_counter() - called < timeout:
            screen = self.screen()
            if done(screen):
                return time.perf_counter() - self.started
            time.sleep(POLL)
        raise TimeoutError(f"not on screen within {timeout}s:\n{screen}")

    def wait_text(self, text: str, timeout: float = 120.0) -> float:
        return self.wait(lambda screen: text in screen, timeout)

    def keys(self, *keys: str, literal: bool = False) -> float:
        """Send keys; returns the moment they were sent (perf_counter)."""
        sent = time.perf_counter()
        tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys, check=True)
        return sent

    def peak_rss_mb(self) -> float:
        """The program's peak resident memory (VmHWM), in MB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError(f"no VmHWM for pid {self.pid}")

    def close(self) -> None:
        tmux("kill-session", "-t", self.name, capture_output=True)

    def __enter__(self) -> Pane:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_server_kept = False


def _keep_server() -> None:
    """One idle session for the whole run keeps the bench's tmux server up."""
    global _server_kept
    if not _server_kept:
        tmux("new-session", "-d", "-s", "keep", "sleep 86400", check=True)
        atexit.register(lambda: tmux("kill-server", capture_output=True))
        _server_kept = True
