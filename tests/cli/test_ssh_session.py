"""`psr-tui ssh-session NAME`: only the allow-list runs, as NAME; and no app without a terminal."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from psr_tui.cli import main
from psr_tui.demo.case_study import CASE_ID
from psr_tui.store import CaseStore


def session(db: Path, name: str, command: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("SSH_ORIGINAL_COMMAND", command)
    return main(["--db", str(db), "ssh-session", name])


@pytest.mark.parametrize(("command", "needle"), [
    ("bash", "'bash' is not allowed"),
    ("/bin/sh -c id", "'/bin/sh' is not allowed"),
    ("scp -t /tmp", "'scp' is not allowed"),
    ("internal-sftp", "'internal-sftp' is not allowed"),
    ("sftp", "'sftp' is not allowed"),
    ("dump", "'dump' is not allowed"),
    ("user list", "'user' is not allowed"),
    ("ssh-session hmarsden", "'ssh-session' is not allowed"),
    ("--as hmarsden list", "'--as' is not allowed"),
    ("list --as hmarsden", "refused"),
    ("list --db /tmp/other", "refused"),
    ("list; rm -rf /", "'list;' is not allowed"),
    ("list && id", "refused"),
    ("export X -o /tmp/x.md", "refused"),
    ("export X --help", "refused"),
    ("insights -o /tmp/insights.md", "refused"),
    ("insights --db /tmp/other", "refused"),
    ("list 'unbalanced", "refused"),
    ("   ", "an empty command"),
    ("list\nrm -rf /", "refused"),
])
def test_anything_off_the_allow_list_is_one_line_and_exit_2(users_db, command, needle,
                                                            monkeypatch, one_line) -> None:
    assert session(users_db, "dosei", command, monkeypatch) == 2
    line = one_line()
    assert line.startswith("psr-tui: ssh-session dosei: ") and needle in line


def test_allowed_commands_run_as_the_keys_user(users_db, monkeypatch, capsys) -> None:
    assert session(users_db, "dosei", "whoami", monkeypatch) == 0
    assert capsys.readouterr().out.startswith("Mr Daniel Osei · Supervisor")
    assert session(users_db, "dosei", "list --json", monkeypatch) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [CASE_ID]
    assert session(users_db, "dosei", "reviews", monkeypatch) == 0
    assert CASE_ID in capsys.readouterr().out
    assert session(users_db, "dosei", f"export {CASE_ID} --report progress", monkeypatch) == 0
    assert "progress" in capsys.readouterr().out.lower()
    assert session(users_db, "arao", f"audit {CASE_ID}", monkeypatch) == 0
    assert "create" in capsys.readouterr().out


def test_export_is_at_most_the_roles_own_copy(users_db, monkeypatch, capsys, one_line) -> None:
    secret = CaseStore.open(users_db).get(CASE_ID).discussions.practitioner.notes[:40]
    assert session(users_db, "dosei", f"export {CASE_ID}", monkeypatch) == 0
    copy = capsys.readouterr().out
    assert "Prepared for:** the healthcare organisation" in copy and secret not in copy
    assert session(users_db, "dosei", f"export {CASE_ID} --audience adviser", monkeypatch) == 2
    assert "may export only the organisation's copy" in one_line()
    assert session(users_db, "ggriffiths", f"export {CASE_ID}", monkeypatch) == 0
    assert "Prepared for:** the practitioner" in capsys.readouterr().out
    assert session(users_db, "kmensah", f"export {CASE_ID}", monkeypatch) == 2
    assert "no case" in one_line()


def test_insights_run_over_the_keys_users_scope_on_stdout(users_db, monkeypatch,
                                                            capsys) -> None:
    """The analyst's only command over SSH; Markdown or JSON to stdout (no -o: a forced
    command writes no file on the host)."""
    assert session(users_db, "jlloyd", "insights --json", monkeypatch) == 0
    everything = json.loads(capsys.readouterr().out)
    assert everything["plans"] > 5
    assert session(users_db, "arao", "insights --from 2000-01-01", monkeypatch) == 0
    text = capsys.readouterr().out
    assert text.startswith("# PSR action plans: insights")
    # Northmoor's responsible officer: their own plans only, 1 to 4, so not how many.
    assert "\n\n\\<5 plans; plans starting (or first issued) from 2000-01-01" in text
    assert session(users_db, "jlloyd", "list", monkeypatch) == 2  # insights, nothing else


def test_the_environment_never_changes_who_the_key_is(users_db, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PSR_TUI_USER", "hmarsden")
    monkeypatch.setenv("USER", "hmarsden")
    assert session(users_db, "dosei", "whoami", monkeypatch) == 0
    assert capsys.readouterr().out.startswith("Mr Daniel Osei")


def test_a_key_for_a_removed_user_gets_nothing(users_db, monkeypatch, one_line) -> None:
    assert session(users_db, "ghost", "list", monkeypatch) == 2
    assert one_line() == "psr-tui: no psr-tui user ghost; ask the administrator"


def test_interactive_session_without_a_terminal_is_refused(users_db, monkeypatch,
                                                           one_line) -> None:
    monkeypatch.delenv("SSH_ORIGINAL_COMMAND", raising=False)
    assert main(["--db", str(users_db), "ssh-session", "dosei"]) == 2
    assert one_line() == "psr-tui: the app needs a terminal (use ssh -t, or a subcommand)"


@pytest.mark.parametrize("args", [[], ["review"], ["--demo"]])
def test_the_app_without_a_terminal_exits_2_within_a_second(tmp_path: Path, args) -> None:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "psr_tui", "--db", str(tmp_path / "db"), *args],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode == 2
    assert proc.stderr == "psr-tui: the app needs a terminal (use ssh -t, or a subcommand)\n"
    assert elapsed < 1.0, f"took {elapsed:.2f} s"
    assert not (tmp_path / "db").exists()  # refused before anything was written


def test_the_refusal_loads_neither_the_store_nor_textual(tmp_path: Path) -> None:
    """Why it is fast whatever the machine's load: nothing heavy is imported first."""
    code = ("import sys; from psr_tui.cli import main; rc = main(['--db', sys.argv[1]]); "
            "print(rc, sorted(m for m in ('psr_tui.store', 'textual', 'pydantic') "
            "if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "db")],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert proc.stdout.strip() == "2 []"
