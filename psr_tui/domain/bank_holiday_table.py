"""The nations' bank holidays, as the `holidays` package gives them, kept as data.

Importing `holidays` and asking it for the United Kingdom costs 0.2-0.3 s of CPU (the
package loads all of its 250 countries' modules), and home's first rows need working days
(a request's deadlines). So the years psr-tui works in are kept in
data/bank_holidays.json, made by this module from the package
(`python -m psr_tui.domain.bank_holiday_table`), and read with plain json; a year outside
the file (or no file: PSR_TUI_DATA pointing at a copy without it) asks the package.
tests/domain/test_bank_holiday_table.py fails when the file and the installed package
disagree about any day, name included: regenerate the file then.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from datetime import date
from functools import cache
from types import MappingProxyType

TABLE_FILE = "bank_holidays.json"
FIRST_YEAR, LAST_YEAR = 2010, 2050
# The `holidays` package's GB subdivisions (vocabulary: nations); domain/deadlines.py.
TABLE_NATIONS = ("ENG", "NIR", "SCT", "WLS")

Holidays = Mapping[date, str]


def package_holidays(year: int, nation: str) -> Holidays:
    """The nation's bank holidays in `year` from the `holidays` package, by date, with
    their names ("Boxing Day"; "Boxing Day, observed")."""
    import holidays  # only here: the first use costs 0.2-0.3 s

    found = holidays.country_holidays("GB", subdiv=nation, years=year)
    # "Boxing Day (observed)" reads better inside a message's brackets as "..., observed".
    return MappingProxyType({day: str(name).replace(" (observed)", ", observed")
                             for day, name in sorted(found.items())})


def shipped_holidays(year: int, nation: str) -> Holidays | None:
    """The year's holidays from data/bank_holidays.json; None when the file lacks it."""
    return _table().get((year, nation))


@cache
def _table() -> dict[tuple[int, str], Holidays]:
    from ..locations import data_dir

    try:
        raw = json.loads((data_dir() / TABLE_FILE).read_text(encoding="utf-8"))
        return {(int(year), nation): MappingProxyType(
                    {date.fromisoformat(day): str(name) for day, name in days.items()})
                for nation, years in raw["nations"].items()
                for year, days in years.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # no usable file: every year is asked of the package


def table_text(first: int = FIRST_YEAR, last: int = LAST_YEAR) -> str:
    """data/bank_holidays.json's text, from the installed `holidays` package."""
    from importlib.metadata import version

    nations = {nation: {str(year): {day.isoformat(): name
                                    for day, name in package_holidays(year, nation).items()}
                        for year in range(first, last + 1)}
               for nation in TABLE_NATIONS}
    return json.dumps({"made_from": f"holidays {version('holidays')}", "nations": nations},
                      indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    from ..locations import data_dir

    path = data_dir() / TABLE_FILE
    path.write_text(table_text(), encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)
