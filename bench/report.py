"""Samples, their medians and spreads, ratios to their floors, and the printed table."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Result:
    figure: str
    cases: int
    median: float
    spread: tuple[float, float]  # lowest and highest sample
    unit: str
    floor: str  # what it is compared with ("" for an absolute target)
    floor_median: float | None
    ratio: float | None
    target: float
    passed: bool | None  # None: not measurable this run
    bound: float | None = None  # judged by this many seconds, the ratio shown beside it
    every_run: bool = False  # judged by its worst run (the spread's top), not its median

    @property
    def target_text(self) -> str:
        if self.bound is not None:
            return f"< {self.bound * 1000:g} ms (start-up)"
        if self.every_run:
            return f"< {self.target * 1000:g} ms, every run"
        if self.floor:
            return f"<= {self.target:g}x"
        if self.unit == "s":
            return f"< {self.target * 1000:g} ms"
        return f"< {self.target:g} {self.unit}"


class Sample:
    def __init__(self) -> None:
        self.values: dict[tuple[str, int], list[float]] = defaultdict(list)

    def add(self, name: str, cases: int, value: float) -> None:
        self.values[(name, cases)].append(value)

    def has(self, name: str, cases: int) -> bool:
        return bool(self.values.get((name, cases)))

    def ratio(self, name: str, cases: int, floor: str, floor_cases: int, target: float,
              unit: str) -> Result | None:
        """None when the figure or its floor was not measured in this run."""
        values, base = self.values.get((name, cases)), self.values.get((floor, floor_cases))
        if not values or not base:
            return None
        median, floor_median = statistics.median(values), statistics.median(base)
        ratio = median / floor_median
        label = floor if floor != name else f"the same at {floor_cases} cases"
        return Result(name, cases, median, (min(values), max(values)), unit, label,
                      floor_median, ratio, target, ratio <= target)

    def start_up_bound(self, name: str, cases: int, floor: str, target: float,
                       bound: float) -> Result | None:
        """A command where starting Python and importing what it works with is most of
        the time (a small database): the ratio shown, the median held to `bound` s."""
        found = self.ratio(name, cases, floor, cases, target, "s")
        if found is None:
            return None
        return replace(found, bound=bound, passed=found.median < bound)

    def absolute(self, name: str, cases: int, target: float, unit: str) -> Result | None:
        values = self.values.get((name, cases))
        if not values:
            return None
        median = statistics.median(values)
        return Result(name, cases, median, (min(values), max(values)), unit, "", None, None,
                      target, median < target)

    def every_run(self, name: str, cases: int, target: float, unit: str) -> Result | None:
        """Judged by the worst run, not the median: "no pause over 100 ms" (issue 9) is
        about every time, and a tail in one run of five is one a user meets."""
        found = self.absolute(name, cases, target, unit)
        if found is None:
            return None
        return replace(found, every_run=True, passed=found.spread[1] < target)


def _value(value: float, unit: str) -> str:
    return f"{value * 1000:.0f} ms" if unit == "s" else f"{value:.0f} {unit}"


def rows(results: list[Result]) -> list[list[str]]:
    out = []
    for r in results:
        spread = f"{_value(r.spread[0], r.unit)}-{_value(r.spread[1], r.unit)}"
        floor = f"{r.floor} {_value(r.floor_median, r.unit)}" if r.floor_median is not None \
            else "-"
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
        verdict = "pass" if r.passed else "FAIL" if r.passed is False else "n/a"
        out.append([r.figure, f"{r.cases:,}", _value(r.median, r.unit), spread, floor, ratio,
                    r.target_text, verdict])
    return out


HEADERS = ["figure", "cases", "median", "spread", "floor (median)", "ratio", "target",
           "result"]


def table(results: list[Result]) -> str:
    body = [HEADERS, *rows(results)]
    widths = [max(len(row[i]) for row in body) for i in range(len(HEADERS))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
                     for row in body)


def markdown(results: list[Result], machine: str, when: str, repeat: int,
             sizes: tuple[int, ...], capacity: str) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `python -m bench` (bench/__main__.py); do not edit the tables by hand.",
        f"Measured {when} on {machine}; {repeat} interleaved runs of each figure and its "
        f"floor at {', '.join(f'{n:,}' for n in sizes)} cases (saves: two or more in "
        "one session per size in each run). Ratios are against a floor measured in the "
        "same run, so load from other work on the machine falls on both.",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
        *("| " + " | ".join(row) + " |" for row in rows(results)),
        "",
    ]
    return "\n".join(lines) + "\n" + capacity
