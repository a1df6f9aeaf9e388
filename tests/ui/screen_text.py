"""Plain-text snapshots of the screen at 80x24.

We compare the screen as text rather than SVG (pytest-textual-snapshot pins an
old syrupy/pytest): stable, readable in a diff, and what a user reads.
Set UPDATE_SNAPSHOTS=1 to rewrite them after checking the change is intended.
"""

from __future__ import annotations

import os
from pathlib import Path

from rich.console import Console
from textual.app import App

SNAPSHOTS = Path(__file__).parent / "snapshots"


def screen_text(app: App[object]) -> str:
    width, height = app.size
    with open(os.devnull, "w") as sink:
        console = Console(width=width, height=height, record=True, file=sink,
                          color_system=None, legacy_windows=False, force_terminal=True)
        console.print(app.screen._compositor.render_update(full=True))
    text = console.export_text(styles=False)
    return "\n".join(line.rstrip() for line in text.splitlines()[:height]) + "\n"


def assert_snapshot(app: App[object], name: str) -> None:
    path = SNAPSHOTS / f"{name}.txt"
    text = screen_text(app)
    if os.environ.get("UPDATE_SNAPSHOTS") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not os.environ.get("UPDATE_SNAPSHOTS"):
            raise AssertionError(f"snapshot {name} did not exist; written, check it and re-run")
        return
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"screen differs from snapshot {path}:\n{text}"
