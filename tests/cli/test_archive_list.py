"""`psr-tui list` shows the working list; `--archived` the archive; `--all` both."""

from __future__ import annotations

import json
from pathlib import Path

from psr_tui.cli import main
from psr_tui.domain.access import Identity
from psr_tui.domain.archive import split_archive
from psr_tui.store import CaseStore
from tests.cli.conftest import TODAY


def listed(db: Path, capsys, *flags: str) -> set[str]:  # type: ignore[no-untyped-def]
    assert main(["--db", str(db), "list", "--json", *flags]) == 0
    return {row["id"] for row in json.loads(capsys.readouterr().out)}


def test_list_leaves_archived_cases_out_unless_asked(users_db: Path, capsys) -> None:
    from datetime import date

    store = CaseStore.open(users_db, identity=Identity("o", admin=True), create=False)
    working, archived = split_archive(store.load_all()[0], date.fromisoformat(TODAY))
    assert working and archived
    assert listed(users_db, capsys) == {c.id for c in working}
    assert listed(users_db, capsys, "--archived") == {c.id for c in archived}
    assert listed(users_db, capsys, "--all") == {c.id for c in working + archived}


def test_all_and_archived_together_are_refused_in_one_line(users_db: Path, one_line) -> None:
    assert main(["--db", str(users_db), "list", "--all", "--archived"]) == 2
    assert "not allowed with" in one_line()
