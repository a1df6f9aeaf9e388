"""The benchmark suite: `python -m bench` (from the repository root).

Builds (once, cached in bench/.cache) databases of 50, 5,000 and 20,000 cases, measures
each figure of issue 9 with its floor in the same run, interleaved, `--repeat` times,
prints a table (median, spread, ratio, target, pass/fail) and writes
docs/benchmarks.md. `--quick` runs 50 cases once (CI's smoke test: that it works, not
how fast); `--no-write` leaves docs/benchmarks.md alone; `--sizes 5000,20000` and
`--figures commands,large-case` run a part (with --no-write: docs/benchmarks.md is the
whole suite). Exits 1 when a target is missed.
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

import bench_insights  # noqa: E402
import figures  # noqa: E402
import large_case  # noqa: E402
from databases import database, practitioner_names  # noqa: E402
from report import Result, Sample, markdown, table  # noqa: E402
from screens import name_prefixes  # noqa: E402

SIZES = (50, 5000, 20000)
# The groups of figures `--figures` chooses from (all by default).
GROUPS = ("startup", "commands", "insights", "large-case", "filter", "saves")
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
    groups = set(args.figures)
    if groups & {"startup", "filter", "saves"} and shutil.which("tmux") is None:
        print("python -m bench: needs tmux (apt-get install tmux)", file=sys.stderr)
        return 2
    if not args.no_write and (args.sizes or args.figures != GROUPS):
        print("python -m bench: --sizes and --figures measure a part: add --no-write "
              "(docs/benchmarks.md is the whole suite)", file=sys.stderr)
        return 2
    sizes = args.sizes or ((50,) if args.quick else SIZES)
    repeat = 1 if args.quick else args.repeat
    saves = 1 if args.quick else args.saves
    load_before = os.getloadavg()
    dbs = {n: database(n) for n in sizes}
    prefixes = {n: name_prefixes(practitioner_names(db)) for n, db in dbs.items()} \
        if groups & {"startup", "filter", "saves"} else {}
    s = Sample()
    with tempfile.TemporaryDirectory() as work:
        large_db = large_case.prepare(dbs[sizes[0]], Path(work)) \
            if "large-case" in groups else None
        for _ in range(repeat):  # interleaved: the machine's load falls on floor and figure
            for n, db in dbs.items():
                if "startup" in groups:
                    screen_figures(s, n, db, prefixes[n])
                if "commands" in groups:
                    command_figures(s, n, db)
                if "insights" in groups:
                    insights_figures(s, n, db)
            if large_db is not None:
                large_case_figures(s, sizes[0], large_db)
    for n, db in dbs.items():
        for _ in range(repeat if "filter" in groups else 0):
            echo, filtered = figures.filter_keystroke(db, prefixes[n])
            s.add("filter: key echoed in the box", n, echo)
            s.add("filter: key to list filtered", n, filtered)
            s.add("filter: list after the echo", n, max(filtered - echo, 0.0))
        if "saves" not in groups:
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
    print(machine)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if not args.no_write:
        docs = HERE.parent / "docs" / "benchmarks.md"
        docs.write_text(markdown(results, machine, when, repeat, sizes,
                                 (HERE / "capacity.md").read_text()))
        print(f"wrote {docs}")
    return 0 if all(r.passed is not False for r in results) else 1


def screen_figures(s: Sample, n: int, db: Path, prefixes: frozenset[str]) -> None:
    seconds, rss = figures.hello()
    s.add("hello: first rows", n, seconds)
    s.add("hello: memory", n, rss)
    seconds, rss = figures.home(db, prefixes)
    s.add("home: first case rows", n, seconds)
    s.add("home: memory, all loaded", n, rss)
    s.add("hello: first rows (review)", n, figures.hello()[0])
    s.add("review: first case row", n, figures.review(db))


def command_figures(s: Sample, n: int, db: Path) -> None:
    """`list --json`, `check` and `dump -o`, each right after its floor: a fresh
    `python -c` reading every case file once with json (figures.READ_ALL)."""
    for name, argv in (("list --json", figures.psr(db, "list", "--json")),
                       ("check", figures.psr(db, "check"))):
        s.add("read every case file", n, figures.read_all(db)[0])
        s.add(name, n, figures.command(argv)[0])
    with tempfile.TemporaryDirectory() as tmp:
        s.add("read every case file (dump)", n, figures.read_all(db)[0])
        seconds, rss = figures.command(figures.psr(db, "dump", "-o", f"{tmp}/d.json"))
        s.add("dump -o", n, seconds)
        s.add("dump: memory", n, rss)


def insights_figures(s: Sample, n: int, db: Path) -> None:
    """The insights report with its facts files warm (bench/bench_insights.py)."""
    _briefs, report = bench_insights.measure(db)
    s.add("insights: report, facts warm", n, report)


def large_case_figures(s: Sample, n: int, db: Path) -> None:
    """Plan builder and intake: a case with 200 objectives and a 1 MB note against the
    ordinary Mr G (bench/large_case.py); `n` is only where the table shows them."""
    for kind in large_case.KINDS:
        for name, value in large_case.figures(db, kind).items():
            s.add(f"{name} ({kind} case)", n, value)


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not numbers of cases: {text!r}") from None
    unknown = [n for n in sizes if n not in FIRST_ROWS_TARGET]
    if unknown or not sizes:
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
    out: list[Result | None] = []
    for n in sizes:
        out.append(s.ratio("home: first case rows", n, "hello: first rows", n,
                           FIRST_ROWS_TARGET[n], "s"))
        out.append(s.ratio("review: first case row", n, "hello: first rows (review)", n,
                           FIRST_ROWS_TARGET[n], "s"))
        out.append(s.ratio("home: memory, all loaded", n, "hello: memory", n,
                           MEMORY_TARGET[n], "MB"))
        out.append(s.ratio("list --json", n, "read every case file", n, 3.0, "s"))
        out.append(s.ratio("check", n, "read every case file", n, 1.5, "s"))
        out.append(s.ratio("dump -o", n, "read every case file (dump)", n, 2.0, "s"))
        out.append(s.absolute("dump: memory", n, 100.0, "MB"))
        out.append(s.absolute("filter: key to list filtered", n, 1.0, "s"))
        out.append(s.absolute("filter: list after the echo", n, 0.05, "s"))
        out.append(s.absolute("insights: report, facts warm", n, bench_insights.TARGET_S,
                              "s"))
        for name in ("builder: open", "builder: save", "intake: open", "intake: save"):
            out.append(s.ratio(f"{name} (large case)", n, f"{name} (ordinary case)", n, 1.5,
                               "s"))
    small, large = sizes[0], sizes[-1]
    for name in ("save: Enter to 'Review recorded'", "save: Enter to the file on disk"):
        out.append(s.ratio(name, large, name, small, 1.5, "s"))
    return [r for r in out if r is not None]  # figures not measured in this run are left out


if __name__ == "__main__":
    sys.exit(main())
