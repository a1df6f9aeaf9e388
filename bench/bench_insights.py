"""The insights report, a figure of `python -m bench` (bench/__main__.py insights_figures).

    python bench/bench_insights.py DB    # one measurement, printed as JSON

In a fresh process on the benchmark database DB: the case briefs are read once and the
facts files built by a first report (as the app's first list and first report would),
then, timed: `load_briefs()` (the case summaries every list reads, shown beside it) and
`plan_facts()` + `build_insights` + the Markdown report, as `psr-tui insights` runs them.
Target: the warm report under 1 s at 10,000 plans (issue 13); the benchmark databases
hold other counts (about 16,000 plans at 20,000 cases), so the target is that rate:
`target_seconds(plans)`, 1 s at 10,000 plans or fewer, in proportion above.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_S = 1.0
TARGET_PLANS = 10_000


def target_seconds(plans: int) -> float:
    """The issue's 1 s for 10,000 plans, as a rate for a database of `plans` plans."""
    return round(TARGET_S * max(1.0, plans / TARGET_PLANS), 3)


def measure(db: Path) -> tuple[float, float, int]:
    """(seconds to read the briefs, seconds to the warm insights report, plans counted),
    measured in a fresh process."""
    done = subprocess.run([sys.executable, str(Path(__file__)), str(db)], check=True,
                          capture_output=True, text=True, timeout=900,
                          env={**os.environ, "PSR_TUI_TODAY": "2026-11-23"})
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return found["floor_load_briefs_s"], found["insights_s"], int(found["plans"])


def _run(db: Path) -> dict[str, float]:
    sys.path.insert(0, str(HERE.parent))
    from psr_tui.domain.insights import build_insights
    from psr_tui.domain.vocabulary import default_vocabularies
    from psr_tui.export.insights_report import insights_markdown
    from psr_tui.store import CaseStore

    store = CaseStore.open(db, create=False)
    vocab = default_vocabularies()

    plans = 0

    def report() -> float:
        nonlocal plans
        began = time.perf_counter()
        facts, _ = store.plan_facts(vocab)
        insights_markdown(build_insights(facts, vocab))
        plans = len(facts)
        return time.perf_counter() - began

    store.load_briefs()  # built once, as the app's first list would
    cold = report()  # builds the facts files of cases changed since the last report
    began = time.perf_counter()
    store.load_briefs()
    floor = time.perf_counter() - began
    return {"floor_load_briefs_s": floor, "insights_s": report(), "first_report_s": cold,
            "plans": plans}


if __name__ == "__main__":
    print(json.dumps(_run(Path(sys.argv[1]))))
