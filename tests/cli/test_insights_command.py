"""`psr-tui insights`: every role over its own scope, the analyst over every plan and
nothing else, bad input one line and exit 2, Markdown and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from psr_tui.cli import main


def _json(db: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    assert main(["insights", "--db", str(db), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def analyst_db(users_db: Path) -> Path:
    assert main(["user", "add", "tanalyst", "--role", "analyst", "--db", str(users_db)]) == 0
    return users_db


def test_roles_see_insights_over_their_scope(analyst_db: Path, capsys) -> None:
    everything = _json(analyst_db, capsys)
    assert everything["plans"] > 5
    assert everything["suppression"].startswith("Counts of 1 to 4 plans are shown as <5")
    assert _json(analyst_db, capsys, "--as", "tanalyst")["plans"] == everything["plans"]
    lead = _json(analyst_db, capsys, "--as", "arao")  # Northmoor's responsible officer
    # Northmoor has 1 to 4 plans: the total is withheld like any small cell.
    assert lead["plans"] is None and lead["plans_shown"] == "<5"
    own = _json(analyst_db, capsys, "--as", "ggriffiths")  # the practitioner: one plan
    assert own["plans"] is None and own["plans_shown"] == "<5"
    assert everything["plans_shown"] == str(everything["plans"])
    profession = next(t for t in own["tables"] if t["title"] == "Profession")
    assert profession["rows"] == [{"label": "Doctor", "shown": "<5", "count": None,
                                   "percent": None, "of": None}]


def test_analyst_sees_nothing_but_insights(analyst_db: Path, capsys,
                                           one_line: Callable[[], str]) -> None:
    assert main(["list", "--db", str(analyst_db), "--as", "tanalyst"]) == 2
    assert "may not read cases" in one_line()


def test_period_filters_and_markdown_file(analyst_db: Path, tmp_path: Path, capsys) -> None:
    assert _json(analyst_db, capsys, "--from", "2999-01-01")["plans"] == 0
    out = tmp_path / "insights.md"
    assert main(["insights", "--db", str(analyst_db), "--organisation",
                 "Northmoor Hospitals NHS Foundation Trust", "-o", str(out)]) == 0
    text = out.read_text()
    assert text.startswith("# PSR action plans: insights")
    assert "Northmoor Hospitals NHS Foundation Trust." in text and "## Objective domains" in text
    assert "Percentages of the" in text and "shown as \\<5" in text


@pytest.mark.parametrize(("args", "words"), [
    (["--from", "2026-02-30"], "--from '2026-02-30' is not a date"),
    (["--from", "2026-05-01", "--to", "2026-01-01"], "is after --to"),
])
def test_bad_dates_are_one_line_and_exit_2(analyst_db: Path, args: list[str], words: str,
                                           one_line: Callable[[], str]) -> None:
    assert main(["insights", "--db", str(analyst_db), *args]) == 2
    assert words in one_line()
