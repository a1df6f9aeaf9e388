"""The benchmark suite: `python -m bench` (from the repository root).

Builds (once, cached in bench/.cache) databases of 50, 5,000 and 20,000 cases, measures
each figure of issue 9 with its floor in the same run, interleaved, `--repeat` times,
prints a table (median, spread, ratio, target, pass/fail) and writes
docs/benchmarks.md. `--quick` runs 50 cases once (CI's smoke test: that it works, not
how fast); `--no-write` leaves docs/benchmarks.md alone. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the bench modules import each other by name

import figures  # noqa: E402
import startup_figures  # noqa: E402
from databases import database, practitioner_names  # noqa: E402
from report import Result, Sample, markdown, table  # noqa: E402
from screens import name_prefixes  # noqa: E402

SIZES = (50, 5000, 20000)
# Groups of figures, to run some only (`--figures startup,dashboards`).
GROUPS = ("startup", "dashboards", "commands", "filter", "saves")
# Startup and memory targets by size (issue 9): ratio to the hello-world app's.
FIRST_ROWS_TARGET = {50: 2.0, 5000: 2.0, 20000: 3.0}
MEMORY_TARGET = {50: 3.0, 5000: 3.0, 20000: 5.0}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="50 cases, once (smoke test)")
    parser.add_argument("--no-write", action="store_true", help="leave docs/benchmarks.md")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--saves", type=int, default=5, help="saves timed per size")
    parser.add_argument("--sizes", type=_sizes, default=None, metavar="N,N",
                        help=f"numbers of cases (default {','.join(map(str, SIZES))})")
    parser.add_argument("--figures", type=_groups, default=GROUPS, metavar="GROUP,GROUP",
                        help=f"which figures (default all: {','.join(GROUPS)})")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("python -m bench: needs tmux (apt-get install tmux)", file=sys.stderr)
        return 2
    if not args.no_write and (args.sizes or args.figures != GROUPS):
        print("python -m bench: --sizes and --figures measure a part: add --no-write "
              "(docs/benchmarks.md is the whole suite)", file=sys.stderr)
        return 2
    sizes = args.sizes or ((50,) if args.quick else SIZES)
    chosen = args.figures
    startup_figures.compile_bytecode()  # as an installed copy is (see its doc)
    repeat = 1 if args.quick else args.repeat
    saves = 1 if args.quick else args.saves
    load_before = os.getloadavg()
    dbs = {n: database(n) for n in sizes}
    prefixes = {n: name_prefixes(practitioner_names(db)) for n, db in dbs.items()}
    s = Sample()
    for _ in range(repeat):  # interleaved: the machine's load falls on floor and figure alike
        for n, db in dbs.items():
            if "dashboards" in chosen:
                dashboards(s, n, db, prefixes[n])
            if "startup" not in chosen:
                continue
            seconds, rss = figures.hello()
            s.add("hello: first rows", n, seconds)
            s.add("hello: memory", n, rss)
            seconds, rss = figures.home(db, prefixes[n])
            s.add("home: first case rows", n, seconds)
            s.add("home: memory, all loaded", n, rss)
            s.add("hello: first rows (review)", n, figures.hello()[0])
            s.add("review: first case row", n, figures.review(db))
        for n, db in dbs.items():
            if "commands" not in chosen:
                continue
            for name, argv in (("list --json", figures.psr(db, "list", "--json")),
                               ("check", figures.psr(db, "check"))):
                s.add("read every case file", n, figures.read_all(db)[0])
                s.add(name, n, figures.command(argv)[0])
            with tempfile.TemporaryDirectory() as tmp:
                s.add("read every case file (dump)", n, figures.read_all(db)[0])
                seconds, rss = figures.command(figures.psr(db, "dump", "-o", f"{tmp}/d.json"))
                s.add("dump -o", n, seconds)
                s.add("dump: memory", n, rss)
    for n, db in dbs.items():
        for _ in range(repeat if "filter" in chosen else 0):
            echo, filtered = figures.filter_keystroke(db, prefixes[n])
            s.add("filter: key echoed in the box", n, echo)
            s.add("filter: key to list filtered", n, filtered)
            s.add("filter: list after the echo", n, max(filtered - echo, 0.0))
        if "saves" not in chosen:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "db"
            # Hard links: every save writes a new file and renames it, so the cached
            # database is never changed by the saves timed here.
            subprocess.run(["cp", "-al", str(db), str(copy)], check=True)
            screen, disk = figures.saves(copy, prefixes[n], saves)
        for value in screen:
            s.add("save: Enter to 'Review recorded'", n, value)
        for value in disk:
            s.add("save: Enter to the file on disk", n, value)
    results = compare(s, sizes)
    load_after = os.getloadavg()
    print(table(results))
    machine = (f"{platform.node()}: {platform.processor() or platform.machine()}, "
               f"{os.cpu_count()} cores, Python {platform.python_version()}, load average "
               f"{load_before[0]:.1f} before and {load_after[0]:.1f} after")
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if not args.no_write:
        docs = HERE.parent / "docs" / "benchmarks.md"
        docs.write_text(markdown(results, machine, when, repeat, sizes,
                                 (HERE / "capacity.md").read_text()))
        print(f"wrote {docs}")
    return 0 if all(r.passed is not False for r in results) else 1


def dashboards(s: Sample, n: int, db: Path, prefixes: frozenset[str]) -> None:
    """The dashboards' first rows, each after its own run of the floor (interleaved)."""
    s.add("hello: key to pushed rows", n, startup_figures.hello_dashboard())
    s.add("plans dashboard: d to first rows", n, startup_figures.plans_dashboard(db, prefixes))
    s.add("hello: key to pushed rows (reviews)", n, startup_figures.hello_dashboard())
    s.add("review dashboard: d to first rows", n,
          startup_figures.review_dashboard(db, prefixes))


def dashboard_results(s: Sample, n: int) -> list[Result]:
    if not s.values.get(("plans dashboard: d to first rows", n)):
        return []
    return [s.ratio("plans dashboard: d to first rows", n, "hello: key to pushed rows", n,
                    FIRST_ROWS_TARGET[n], "s"),
            s.ratio("review dashboard: d to first rows", n,
                    "hello: key to pushed rows (reviews)", n, FIRST_ROWS_TARGET[n], "s")]


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not numbers of cases: {text!r}") from None
    if not sizes or min(sizes) < 2:  # the demo's own case study plus at least one
        raise argparse.ArgumentTypeError(f"at least 2 cases each: {text!r}")
    unknown = [n for n in sizes if n not in FIRST_ROWS_TARGET]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"no targets for {unknown} cases (sizes: {', '.join(map(str, SIZES))})")
    return sizes


def _groups(text: str) -> tuple[str, ...]:
    groups = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [g for g in groups if g not in GROUPS]
    if unknown or not groups:
        raise argparse.ArgumentTypeError(
            f"unknown figures {unknown or text!r} (choose from {', '.join(GROUPS)})")
    return groups


def compare(s: Sample, sizes: tuple[int, ...]) -> list[Result]:
    """Every result whose figure and floor were measured (`--figures` runs some only)."""
    out: list[Result] = []

    def ratio(name: str, n: int, floor: str, floor_n: int, target: float, unit: str) -> None:
        if s.values.get((name, n)) and s.values.get((floor, floor_n)):
            out.append(s.ratio(name, n, floor, floor_n, target, unit))

    def absolute(name: str, n: int, target: float, unit: str) -> None:
        if s.values.get((name, n)):
            out.append(s.absolute(name, n, target, unit))

    for n in sizes:
        ratio("home: first case rows", n, "hello: first rows", n, FIRST_ROWS_TARGET[n], "s")
        ratio("review: first case row", n, "hello: first rows (review)", n,
              FIRST_ROWS_TARGET[n], "s")
        out.extend(dashboard_results(s, n))
        ratio("home: memory, all loaded", n, "hello: memory", n, MEMORY_TARGET[n], "MB")
        ratio("list --json", n, "read every case file", n, 3.0, "s")
        ratio("check", n, "read every case file", n, 1.5, "s")
        ratio("dump -o", n, "read every case file (dump)", n, 2.0, "s")
        absolute("dump: memory", n, 100.0, "MB")
        absolute("filter: key to list filtered", n, 1.0, "s")
        absolute("filter: list after the echo", n, 0.05, "s")
    small, large = sizes[0], sizes[-1]
    for name in ("save: Enter to 'Review recorded'", "save: Enter to the file on disk"):
        ratio(name, large, name, small, 1.5, "s")
    return out


if __name__ == "__main__":
    sys.exit(main())
