"""Insights over 10,000 plans, beside the floor of reading the same case summaries.

    python bench/bench_insights.py [--cases 10000] [--repeat 5] [--db PATH]

Writes (or reuses, with --db) a demo database, then, interleaved so load on the machine
affects both alike:
- floor: `load_briefs()`, the case summaries every list and dashboard reads;
- insights: `plan_facts()` (the per-case facts files) + `build_insights` + the Markdown
  report, as `psr-tui insights` runs them.
The first insights run builds the facts files from the cases and is reported apart (it
happens once per changed case). Target: the median warm report under 1 s. Exits 1 when
missed. Results also go to bench/results/insights.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from psr_tui.demo import write_demo
from psr_tui.domain.insights import build_insights
from psr_tui.domain.vocabulary import default_vocabularies
from psr_tui.export.insights_report import insights_markdown
from psr_tui.store import CaseStore

HERE = Path(__file__).resolve().parent
TARGET_S = 1.0


def report(store: CaseStore) -> tuple[float, int]:
    vocab = default_vocabularies()
    began = time.perf_counter()
    facts, _ = store.plan_facts(vocab)
    insights = build_insights(facts, vocab)
    insights_markdown(insights)
    return time.perf_counter() - began, insights.plans


def floor(store: CaseStore) -> float:
    began = time.perf_counter()
    store.load_briefs()
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or fill, when empty) this database")
    args = parser.parse_args()
    root = args.db or Path(tempfile.mkdtemp(prefix="bench-insights-")) / "db"
    store = CaseStore.open(root)
    if not store.list_ids():
        began = time.perf_counter()
        write_demo(store, date(2026, 11, 23), cases=args.cases - 1)
        print(f"wrote {args.cases} cases in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    floor(store)  # build the briefs once, as the app's first list would
    cold, plans = report(store)
    floors, warms = [], []
    for _ in range(args.repeat):
        floors.append(floor(store))
        warms.append(report(store)[0])
    result = {
        "cases": len(store.list_ids()), "plans": plans, "cold_first_report_s": round(cold, 3),
        "floor_load_briefs_median_s": round(statistics.median(floors), 3),
        "insights_median_s": round(statistics.median(warms), 3),
        "insights_max_s": round(max(warms), 3), "target_s": TARGET_S,
    }
    print(json.dumps(result, indent=1))
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "insights.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0 if result["insights_median_s"] < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
