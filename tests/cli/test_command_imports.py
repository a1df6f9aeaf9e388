"""Commands import only what they use (issue 9): `list`, `check` and `dump` run in a fresh
interpreter and the modules loaded are asserted, so a stray import at the top of a module
on their path (the app, a renderer, the calendar) shows here rather than as start-up time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from psr_tui.store import CaseStore
from tests.store.sample_cases import small_case

# What none of these commands needs: the app and its terminal libraries, Markdown, the
# calendar and shell-completion libraries, and the renderers of the export package.
NEVER = ("textual", "rich", "markdown_it", "markdown", "mdit_py_plugins", "pygments",
         "icalendar", "shtab", "psr_tui.ui", "psr_tui.app")
# The export package's light modules: the register of reports (`export`'s grammar offers
# its ids: loaded only when `export` is the command) and the one private, atomic document
# writer (`dump -o`).
EXPORT_ALLOWED = {"psr_tui.export", "psr_tui.export.reports", "psr_tui.export.files"}
# Reading needs neither TinyDB (writes) nor the hashing modules (sealing, checking seals).
WRITING = ("tinydb", "psr_tui.store.tinydb_storage")
SEALING = ("hashlib", "hmac", "secrets", "psr_tui.store.audit_seal")
SCANNED = "<pydantic plugins looked for>"  # the scan of every installed package's metadata

RUN = ("import json, sys\n"
       "from psr_tui.cli import main\n"
       "code = main(sys.argv[2:])\n"
       "found = sorted(sys.modules)\n"
       "loader = sys.modules.get('pydantic.plugin._loader')\n"
       f"found += [{SCANNED!r}] if getattr(loader, '_plugins', None) is not None else []\n"
       "with open(sys.argv[1], 'w') as f: json.dump(found, f)\n"
       "sys.exit(code)\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Cases with plans and review points but no statutory deadline open."""
    root = tmp_path_factory.mktemp("imports") / "db"
    store = CaseStore.open(root, user="tester")
    for n in range(3):
        store.create(small_case(f"case-{n}"))
    return root


def modules_of(args: list[str], tmp_path: Path) -> set[str]:
    out = tmp_path / "modules.json"
    env = {**os.environ, "PSR_TUI_TODAY": "2026-11-23"}
    env.pop("PSR_TUI_USER", None)  # the folder's owner: the administrator
    done = subprocess.run([sys.executable, "-c", RUN, str(out), *args], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(out.read_text()))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules
                  if m.split(".")[0] in NEVER or m.startswith(("psr_tui.ui", "psr_tui.app"))
                  or (m.startswith("psr_tui.export") and m not in EXPORT_ALLOWED))


@pytest.mark.parametrize("command", [["list", "--json"], ["list"], ["check"],
                                     ["dump", "-o", "DUMP"]])
def test_list_check_and_dump_import_nothing_they_do_not_use(
        db: Path, tmp_path: Path, command: list[str]) -> None:
    args = [str(tmp_path / "d.json") if a == "DUMP" else a for a in command]
    modules = modules_of([*args, "--db", str(db)], tmp_path)
    assert heavy(modules) == []
    # Bank holidays are read only to count working days to an open deadline (none here).
    assert "holidays" not in modules
    if command[0] != "dump":
        assert "psr_tui.export.files" not in modules
    if command[0] != "check":  # the integrity rules and the process pool are check's
        assert "psr_tui.domain.record_integrity" not in modules
        assert "concurrent.futures" not in modules
    # The register of reports is export's: the grammar adds its options when export runs.
    export = {m for m in modules if m.startswith("psr_tui.export")}
    assert export == ({"psr_tui.export", "psr_tui.export.files"} if command[0] == "dump"
                      else set())
    assert [m for m in WRITING if m in modules] == []
    if command[0] == "check":
        assert SCANNED not in modules  # models validated, no plugin looked for
    else:  # list reads digests, dump copies the text: no pydantic, no hashing
        assert "pydantic" not in modules
        assert [m for m in SEALING if m in modules] == []
    if command[0] == "dump":  # the text as stored: no digest, no vocabulary
        assert "psr_tui.domain.case_digest" not in modules
        assert "tomllib" not in modules


def test_the_check_catches_a_heavy_import(db: Path, tmp_path: Path) -> None:
    """The same assertion on a command that does render Markdown: it must fail there."""
    modules = modules_of(["export", "case-0", "--db", str(db), "-o",
                          str(tmp_path / "p.md")], tmp_path)
    assert "markdown_it" in heavy(modules) or any(m.startswith("psr_tui.export.")
                                                  for m in heavy(modules))
