"""Time to first frame of a terminal program, measured as a user sees it: in tmux."""

from __future__ import annotations

import shlex
import subprocess
import time
import uuid


def time_to_text(command: str, expect: str, *, width: int = 80, height: int = 24,
                 timeout: float = 30.0, env: dict[str, str] | None = None) -> float:
    """Seconds from starting `command` in a fresh tmux session until `expect` is on screen."""
    session = f"bench-{uuid.uuid4().hex[:8]}"
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
    shell = f"{'export ' + exports + '; ' if exports else ''}exec {command}"
    start = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(width), "-y",
                    str(height), shell], check=True)
    try:
        while time.perf_counter() - start < timeout:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                    capture_output=True, text=True).stdout
            if expect in screen:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise TimeoutError(f"{expect!r} did not appear within {timeout}s:\n{screen}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
