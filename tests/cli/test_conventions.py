"""What people expect of a command: --version, completion, an example in every --help,
export to standard output without -o (and as HTML with --format html)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from psr_tui.cli import main
from psr_tui.cli.parser import build_parser
from psr_tui.demo.case_study import CASE_ID


def test_version_prints_the_installed_version_on_stdout(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"psr-tui {version('psr-tui')}\n"


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_script_names_every_subcommand(shell: str, tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "psr_tui", "completion", shell],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for word in ("export", "due", "calendar", "review-sheet", "--format"):
        assert word in proc.stdout
    assert not list(tmp_path.iterdir())  # no database made: completion needs none
    if shell == "bash":
        check = subprocess.run(["bash", "-n"], input=proc.stdout, text=True,
                               capture_output=True, timeout=30)
        assert check.returncode == 0, check.stderr


def test_completion_refuses_another_shell_in_one_line(capsys) -> None:
    assert main(["completion", "fish"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def _parsers(parser: argparse.ArgumentParser, path: str = "psr-tui"):  # type: ignore[no-untyped-def]
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


def test_every_subcommands_help_has_an_example() -> None:
    for path, parser in _parsers(build_parser()):
        text = parser.format_help()
        assert "Examples:\n  psr-tui" in text, f"{path} --help has no example"


def test_export_writes_to_stdout_without_o(users_db: Path, capsys) -> None:
    assert main(["--db", str(users_db), "export", CASE_ID]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("# Action plan") and out.err == ""


def test_export_html_to_stdout(users_db: Path, capsys) -> None:
    assert main(["--db", str(users_db), "export", CASE_ID, "--format", "html",
                 "--report", "progress"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and "Copy for: The healthcare organisation" in out


def test_export_refuses_a_second_copy_of_a_one_copy_report(users_db: Path, capsys) -> None:
    assert main(["--db", str(users_db), "export", CASE_ID, "--report", "review-sheet",
                 "--audience", "organisation"]) == 2
    assert "made for one copy only (--audience practitioner)" in capsys.readouterr().err


def test_the_command_lines_lazy_grammar_gives_export_its_whole_help(capsys) -> None:
    """main() adds export's options only when export is the command (cli/parser.py
    `_Subcommands`): its help, choices and refusals are the full grammar's."""
    from psr_tui.export.reports import REPORTS

    with pytest.raises(SystemExit) as done:
        main(["export", "--help"])
    assert done.value.code == 0
    lazy_help = capsys.readouterr().out
    full = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert lazy_help == full.choices["export"].format_help()
    assert "Reports:" in lazy_help and all(report in lazy_help for report in REPORTS)
    assert main(["export", "case-1", "--report", "no-such-report"]) == 2
    assert "invalid choice: 'no-such-report'" in capsys.readouterr().err
