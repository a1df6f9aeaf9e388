"""data/bank_holidays.json: the `holidays` package's answers kept as data (start-up speed)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from psr_tui.domain import bank_holiday_table as table
from psr_tui.domain.deadlines import _bank_holidays, is_working_day, working_day_warning
from psr_tui.locations import data_dir


def shipped_years() -> list[tuple[str, int]]:
    raw = json.loads((data_dir() / table.TABLE_FILE).read_text(encoding="utf-8"))
    return [(nation, int(year)) for nation, years in raw["nations"].items() for year in years]


def test_the_shipped_table_is_what_the_installed_package_says() -> None:
    years = shipped_years()
    assert {n for n, _ in years} == set(table.TABLE_NATIONS)
    assert {y for _, y in years} == set(range(table.FIRST_YEAR, table.LAST_YEAR + 1))
    differ = [(nation, year) for nation, year in years
              if dict(table.shipped_holidays(year, nation) or {})
              != dict(table.package_holidays(year, nation))]
    # A newer `holidays` moved or added a day: `python -m psr_tui.domain.bank_holiday_table`.
    assert not differ, f"data/bank_holidays.json is out of date for {differ[:5]}"


def test_the_shipped_days_are_the_working_day_rules_days() -> None:
    # Boxing Day 2026 is a Saturday: the Monday after is the substitute day (England).
    assert not is_working_day(date(2026, 12, 28), "ENG")
    assert working_day_warning(date(2026, 12, 28), "ENG") == (
        "falls on a bank holiday (Boxing Day, observed)")
    assert not is_working_day(date(2026, 11, 30), "SCT")  # St Andrew's Day, Scotland only
    assert is_working_day(date(2026, 11, 30), "ENG")


def test_a_year_outside_the_table_is_asked_of_the_package() -> None:
    assert table.shipped_holidays(table.LAST_YEAR + 20, "ENG") is None
    far = _bank_holidays(table.LAST_YEAR + 20, "ENG")
    assert date(table.LAST_YEAR + 20, 12, 25) in far
    assert far == table.package_holidays(table.LAST_YEAR + 20, "ENG")


def test_without_the_file_every_year_is_asked_of_the_package(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSR_TUI_DATA", str(tmp_path))  # a data copy without the table
    table._table.cache_clear()
    try:
        assert table.shipped_holidays(2026, "ENG") is None
    finally:
        monkeypatch.undo()
        table._table.cache_clear()
    assert table.shipped_holidays(2026, "ENG") is not None


def test_working_days_in_the_shipped_years_do_not_load_the_package() -> None:
    code = ("import sys\n"
            "from datetime import date\n"
            "from psr_tui.domain.deadlines import working_days_between\n"
            "assert working_days_between(date(2026, 12, 1), date(2027, 1, 31), 'WLS') > 0\n"
            "print('holidays' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
