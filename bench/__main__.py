"""The benchmark suite: `python -m bench` (from the repository root).

Builds (once, cached in bench/.cache) databases of 50, 5,000 and 20,000 cases, measures
each figure of issue 9 with its floor in the same run, interleaved, `--repeat` times,
prints a table (median, spread, ratio, target, pass/fail) and writes
docs/benchmarks.md. `--quick` runs 50 cases once (CI's smoke test: that it works, not
how fast); `--no-write` leaves docs/benchmarks.md alone. Exits 1 when a target is missed.
`--figures GROUP,...` and `--sizes N,...` run a part (no docs/benchmarks.md written then):
groups startup, commands, filter, save, pauses.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the bench modules import each other by name

import bench_insights  # noqa: E402
import figures  # noqa: E402
import large_case  # noqa: E402
import pauses  # noqa: E402
import startup_figures  # noqa: E402
from databases import database, practitioner_names  # noqa: E402
from report import Result, Sample, markdown, table  # noqa: E402
from screens import name_prefixes  # noqa: E402

SIZES = (50, 5000, 20000)
# Startup and memory targets by size (issue 9): ratio to the hello-world app's.
FIRST_ROWS_TARGET = {50: 2.0, 5000: 2.0, 20000: 3.0}
MEMORY_TARGET = {50: 3.0, 5000: 3.0, 20000: 5.0}
# Groups of figures, to run some only (`--figures startup,dashboards`).
GROUPS = ("startup", "dashboards", "commands", "insights", "large-case", "filter", "saves",
          "pauses")
# The commands against reading every case file once (issue 9). Below READING_BOUND_FROM
# cases reading is not what takes the time: at 50 the floor is 36 ms, of which 2 ms read
# files and the rest start Python, while every command imports what it checks with (the
# case models alone are 160 ms of `check`). There the ratio is shown and the command is
# held to START_UP_BOUND instead; docs/benchmarks.md says why.
COMMAND_TARGETS = (("list --json", "read every case file", 3.0),
                   ("check", "read every case file", 1.5),
                   ("dump -o", "read every case file (dump)", 2.0))
READING_BOUND_FROM = 1000
START_UP_BOUND = 0.5  # seconds
PAUSE_TARGET = 0.1  # seconds: no pause of the UI thread over 100 ms (issue 9)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="50 cases, once (smoke test)")
    parser.add_argument("--no-write", action="store_true", help="leave docs/benchmarks.md")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--saves", type=int, default=5,
                        help="saves timed per size (at least 2 in each round)")
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
    startup_figures.compile_bytecode()  # as an installed copy is (see its doc)
    repeat = 1 if args.quick else args.repeat
    saves = 1 if args.quick else args.saves
    saves_each = max(1 if args.quick else 2, -(-saves // repeat))  # per session, per round
    only = set(args.figures)
    load_before = os.getloadavg()
    dbs = {n: database(n) for n in sizes}
    prefixes = {n: name_prefixes(practitioner_names(db)) for n, db in dbs.items()}
    s = Sample()
    with tempfile.TemporaryDirectory() as work:
        large_db = large_case.prepare(dbs[sizes[0]], Path(work)) \
            if "large-case" in only else None
        for _ in range(repeat):  # interleaved: load falls on floor and figure alike
            if large_db is not None:
                large_case_figures(s, sizes[0], large_db)
    for _ in range(repeat):  # interleaved: the machine's load falls on floor and figure alike
        for n, db in dbs.items():
            if "insights" in only:
                insights_figures(s, n, db)
            if "dashboards" in only:
                dashboards(s, n, db, prefixes[n])
            if "startup" in only:
                startup(s, n, db, prefixes[n])
            if "commands" in only:
                command_figures(s, n, db)
            if "pauses" in only:
                pause_figures(s, n, db, prefixes[n])
            if "saves" in only or "pauses" in only:
                # Interleaved too: the ratio is 20,000 cases against 50, and saves timed
                # one size after another met different load (the 50-case figure moved
                # from 112 to 166 ms between two runs while 20,000 held at 200 ms).
                save_figures(s, n, db, prefixes[n], saves_each, with_pauses="pauses" in only)
    for n, db in dbs.items():
        if "filter" in only:
            for _ in range(repeat):
                echo, filtered = figures.filter_keystroke(db, prefixes[n])
                s.add("filter: key echoed in the box", n, echo)
                s.add("filter: key to list filtered", n, filtered)
                s.add("filter: list after the echo", n, max(filtered - echo, 0.0))
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


def startup(s: Sample, n: int, db: Path, prefixes: frozenset[str]) -> None:
    seconds, rss = figures.hello()
    s.add("hello: first rows", n, seconds)
    s.add("hello: memory", n, rss)
    seconds, rss = figures.home(db, prefixes)
    s.add("home: first case rows", n, seconds)
    s.add("home: memory, all loaded", n, rss)
    s.add("hello: first rows (review)", n, figures.hello()[0])
    s.add("review: first case row", n, figures.review(db))


def command_figures(s: Sample, n: int, db: Path) -> None:
    for name, argv in (("list --json", figures.psr(db, "list", "--json")),
                       ("check", figures.psr(db, "check"))):
        s.add("read every case file", n, figures.read_all(db)[0])
        s.add(name, n, figures.command(argv)[0])
    with tempfile.TemporaryDirectory() as tmp:
        s.add("read every case file (dump)", n, figures.read_all(db)[0])
        seconds, rss = figures.command(figures.psr(db, "dump", "-o", f"{tmp}/d.json"))
        s.add("dump -o", n, seconds)
        s.add("dump: memory", n, rss)


def pause_figures(s: Sample, n: int, db: Path, prefixes: frozenset[str]) -> None:
    """The longest UI pause while home, the quick review and both dashboards load
    (bench/pauses.py)."""
    with tempfile.TemporaryDirectory() as tmp:
        tick, collection = pauses.loading(db, Path(tmp) / "home.log")
        s.add("UI: longest pause while loading", n, tick)
        s.add("UI: longest collection while loading", n, collection)
        s.add("UI: longest pause while loading (review)", n,
              pauses.review_loading(db, Path(tmp) / "review.log"))
        for which in ("plans", "reviews"):
            s.add("UI: longest pause, hello: d to pushed rows", n,
                  pauses.hello_push(Path(tmp) / f"hello-{which}.log"))
            s.add(f"UI: longest pause while loading ({which} dashboard)", n,
                  pauses.dashboard_loading(db, Path(tmp) / f"{which}.log", which, prefixes))


def save_figures(s: Sample, n: int, db: Path, prefixes: frozenset[str], saves: int,
                 with_pauses: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "db"
        # Hard links: every save writes a new file and renames it, so the cached
        # database is never changed by the saves timed here.
        subprocess.run(["cp", "-al", str(db), str(copy)], check=True)
        log = Path(tmp) / "saves.log" if with_pauses else None
        screen, disk, paused = figures.saves(copy, prefixes, saves, log)
    for value in screen:
        s.add("save: Enter to 'Review recorded'", n, value)
    for value in disk:
        s.add("save: Enter to the file on disk", n, value)
    for value in paused:
        s.add("UI: longest pause after a save", n, value)


def dashboards(s: Sample, n: int, db: Path, prefixes: frozenset[str]) -> None:
    """The dashboards' first rows, each after its own run of the floor (interleaved)."""
    s.add("hello: key to pushed rows", n, startup_figures.hello_dashboard())
    s.add("plans dashboard: d to first rows", n, startup_figures.plans_dashboard(db, prefixes))
    s.add("hello: key to pushed rows (reviews)", n, startup_figures.hello_dashboard())
    s.add("review dashboard: d to first rows", n,
          startup_figures.review_dashboard(db, prefixes))


def insights_figures(s: Sample, n: int, db: Path) -> None:
    """The insights report with its facts files warm (bench/bench_insights.py)."""
    _briefs, report, plans = bench_insights.measure(db)
    s.add("insights: report, facts warm", n, report)
    s.add("insights: plans counted", n, plans)


def large_case_figures(s: Sample, n: int, db: Path) -> None:
    """Opening and saving in the plan builder and intake: 200 objectives and a 1 MB note
    against the ordinary Mr G (bench/large_case.py); `n` is only where the table shows them."""
    for kind in large_case.KINDS:
        for name, value in large_case.figures(db, kind).items():
            s.add(f"{name} ({kind} case)", n, value)


def compare(s: Sample, sizes: tuple[int, ...]) -> list[Result]:
    out: list[Result | None] = []
    for n in sizes:
        if s.has("home: first case rows", n):
            out.append(s.ratio("home: first case rows", n, "hello: first rows", n,
                               FIRST_ROWS_TARGET[n], "s"))
            out.append(s.ratio("review: first case row", n, "hello: first rows (review)", n,
                               FIRST_ROWS_TARGET[n], "s"))
            out.append(s.ratio("home: memory, all loaded", n, "hello: memory", n,
                               MEMORY_TARGET[n], "MB"))
        if s.has("plans dashboard: d to first rows", n):
            out.append(s.ratio("plans dashboard: d to first rows", n,
                               "hello: key to pushed rows", n, FIRST_ROWS_TARGET[n], "s"))
            out.append(s.ratio("review dashboard: d to first rows", n,
                               "hello: key to pushed rows (reviews)", n,
                               FIRST_ROWS_TARGET[n], "s"))
        if s.has("list --json", n):
            for name, floor, target in COMMAND_TARGETS:
                out.append(s.ratio(name, n, floor, n, target, "s") if n >= READING_BOUND_FROM
                           else s.start_up_bound(name, n, floor, target, START_UP_BOUND))
            out.append(s.absolute("dump: memory", n, 100.0, "MB"))
        if s.has("insights: report, facts warm", n):
            plans = int(max(s.values[("insights: plans counted", n)]))
            found = s.absolute("insights: report, facts warm", n,
                               bench_insights.target_seconds(plans), "s")
            if found is not None:  # the plans counted named: the target is per 10,000
                out.append(replace(found, figure=f"{found.figure} ({plans:,} plans)"))
        for name in ("builder: open", "builder: save", "intake: open", "intake: save"):
            if s.has(f"{name} (large case)", n):
                out.append(s.ratio(f"{name} (large case)", n, f"{name} (ordinary case)", n,
                                   1.5, "s"))
        if s.has("filter: key to list filtered", n):
            out.append(s.absolute("filter: key to list filtered", n, 1.0, "s"))
            out.append(s.absolute("filter: list after the echo", n, 0.05, "s"))
        for name in ("UI: longest pause while loading", "UI: longest collection while loading",
                     "UI: longest pause while loading (review)",
                     "UI: longest pause while loading (plans dashboard)",
                     "UI: longest pause, hello: d to pushed rows",
                     "UI: longest pause while loading (reviews dashboard)",
                     "UI: longest pause after a save"):
            if s.has(name, n):
                out.append(s.every_run(name, n, PAUSE_TARGET, "s"))
    small, large = sizes[0], sizes[-1]
    for name in ("save: Enter to 'Review recorded'", "save: Enter to the file on disk"):
        if s.has(name, large) and s.has(name, small) and small != large:
            out.append(s.ratio(name, large, name, small, 1.5, "s"))
        else:  # one size: no ratio to make; its figure, against the bench's own 60 s limit
            out += [s.absolute(name, n, 60.0, "s") for n in sizes if s.has(name, n)]
    return [r for r in out if r is not None]  # figures not measured in this run: left out


def _groups(text: str) -> tuple[str, ...]:
    chosen = tuple(g.strip() for g in text.split(",") if g.strip())
    unknown = [g for g in chosen if g not in GROUPS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"groups are {', '.join(GROUPS)}")
    return chosen


def _sizes(text: str) -> tuple[int, ...]:
    try:
        chosen = tuple(int(n) for n in text.split(",") if n.strip())
    except ValueError:
        raise argparse.ArgumentTypeError("sizes are case counts: 50,5000,20000") from None
    unknown = [n for n in chosen if n not in SIZES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"sizes are {', '.join(map(str, SIZES))}")
    return chosen


if __name__ == "__main__":
    sys.exit(main())
