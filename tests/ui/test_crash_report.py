"""An unexpected exception ends the app with one line: its type and where the log is; never
Textual's traceback with local variables, never a field value, even with PSR_TUI_DEBUG=1."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from textual import events
from textual.binding import Binding
from textual.screen import Screen

from psr_tui.app import PsrApp
from psr_tui.store import CaseStore

MARKER = "HEALTH-NOTE-MARKER-4417"


class Boom(RuntimeError):
    pass


class CrashingScreen(Screen[None]):
    BINDINGS = [Binding("x", "crash", "Crash")]

    def action_crash(self) -> None:
        discussion_notes = f"practitioner said: {MARKER}"  # a local Textual would print
        raise Boom(discussion_notes)


class CrashingApp(PsrApp):
    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()
        self.push_screen(CrashingScreen())


async def crash(store: CaseStore) -> CrashingApp:
    app = CrashingApp(store, poll=False)
    with pytest.raises(Boom):  # Pilot re-raises the app's first exception for the test
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("x")
            await pilot.pause()
    return app


@pytest.fixture
def log_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "logs" / "errors.log"
    monkeypatch.setenv("PSR_TUI_LOG", str(path))
    monkeypatch.delenv("PSR_TUI_DEBUG", raising=False)
    return path


async def test_a_crash_prints_one_line_and_no_field_value(
    store: CaseStore, log_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = await crash(store)
    out, err = capsys.readouterr()
    assert app.return_code == 1
    assert MARKER not in out + err
    assert "Traceback" not in out + err and "discussion_notes" not in out + err
    assert err.strip() == (f"psr-tui: internal error: Boom (details in {log_path} / "
                           "set PSR_TUI_DEBUG=1)")
    logged = log_path.read_text()
    assert "action_crash" in logged and MARKER not in logged
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_path.parent.stat().st_mode) == 0o700


async def test_debug_shows_the_frames_without_locals_or_message(
    store: CaseStore, log_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PSR_TUI_DEBUG", "1")
    await crash(store)
    err = capsys.readouterr().err
    assert "Traceback (most recent call last):" in err
    assert "in action_crash" in err
    assert MARKER not in err
    assert err.strip().splitlines()[-1].startswith("psr-tui: internal error: Boom")
