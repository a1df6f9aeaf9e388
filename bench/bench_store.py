"""One review-point update at 50 and 5,000 plans, against a raw atomic write, in one run.

    python bench/bench_store.py [--sizes 50 5000] [--repeat 100]

Targets: the median update costs under 20 ms at every size, and the median at the
largest size is within 1.5x the median at the smallest (a save must not grow with
the number of cases). The floor is json.dumps + write + fsync + os.replace of an
~8 KB document in the same folder, measured interleaved with the updates so load
on the machine affects both alike. Exits 1 when a target is missed. Results also
go to bench/results/store.json.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from psr_tui.domain.case import Case, Concern
from psr_tui.domain.plan import (
    Activity,
    Objective,
    Plan,
    ReviewOutcome,
    ReviewPoint,
    Role,
    SupervisionStage,
)
from psr_tui.store import CaseStore

HERE = Path(__file__).resolve().parent
TARGET_MS = 20.0
TARGET_GROWTH = 1.5
WORDS = (
    "supervised", "practice", "clinical", "record", "keeping", "history", "examination",
    "prescribing", "communication", "handover", "escalation", "reflection", "case", "based",
    "discussion", "audit", "consent", "team", "working", "patient", "safety", "feedback",
    "colleagues", "portfolio", "evidence", "weekly", "review",
)
START = date(2026, 9, 1)
# Codes from data/vocabularies (objective_domains, activity_types).
DOMAINS = ("clinical_skills", "communication", "record_keeping", "team_working")
ACTIVITIES = ("clinical_supervision", "wba", "supervisor_meetings", "reflective_practice")


def prose(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def build_case(n: int, rng: random.Random) -> Case:
    """A plausible case with an issued plan: about 8 KB of JSON."""
    case = Case(id=f"case-{n:05d}", state="active")
    req = case.request
    req.received_on = START - timedelta(days=60)
    req.practitioner.name = f"Dr {rng.choice(WORDS).title()} {n}"
    req.practitioner.profession = "doctor"
    req.organisation.name = f"{rng.choice(WORDS).title()} NHS Trust"
    req.concerns = [Concern(description=prose(rng, 12), concern_type="capability")
                    for _ in range(2)]
    req.development_areas = [prose(rng, 4) for _ in range(3)]
    req.expected_outcomes = prose(rng, 12)
    objectives = [
        Objective(domain=rng.choice(DOMAINS), statement=prose(rng, 14), measure=prose(rng, 8),
                  achievable=prose(rng, 6), relevant=prose(rng, 6),
                  target_date=START + timedelta(weeks=8 * (i + 1)))
        for i in range(4)
    ]
    stages = [SupervisionStage(level=i + 1, start=START + timedelta(weeks=8 * i),
                               end=START + timedelta(weeks=8 * (i + 1)),
                               entry_criteria=prose(rng, 10), exit_criteria=prose(rng, 10))
              for i in range(3)]
    case.plan = Plan(
        status="agreed", start_date=START, end_date=START + timedelta(weeks=24),
        objectives=objectives,
        activities=[Activity(kind=rng.choice(ACTIVITIES), description=prose(rng, 10),
                             objective_ids=[objectives[i % 4].id], evidence=prose(rng, 6),
                             frequency="weekly") for i in range(5)],
        roles=[Role(role=r, person=f"Dr {rng.choice(WORDS).title()}",
                    responsibilities=prose(rng, 12))
               for r in ("clinical_supervisor", "educational_supervisor", "case_adviser",
                         "responsible_officer")],
        stages=stages,
        review_points=[ReviewPoint(title=f"Review {i + 1}", is_final=i == 3,
                                   due_on=START + timedelta(weeks=6 * (i + 1)),
                                   expected_evidence=[prose(rng, 5)], reviewer="Dr Supervisor")
                       for i in range(4)],
        consequences=prose(rng, 14),
    )
    return case


def build_database(root: Path, size: int, seed: int) -> tuple[CaseStore, int]:
    """A database of `size` cases; returns the store and the bytes of one case record.

    The first case goes through CaseStore.create; the rest copy its file layout
    and are written directly (setup only: thousands of fsyncs would take minutes).
    """
    rng = random.Random(seed)
    store = CaseStore.open(root, user="bench")
    store.create(build_case(0, rng))
    template = json.loads((root / "cases" / "case-00000.json").read_bytes())
    variants = [build_case(n, rng).model_dump(mode="json") for n in range(1, 21)]
    for n in range(1, size):
        doc = copy.deepcopy(variants[n % len(variants)])
        doc.update(id=f"case-{n:05d}", revision=1,
                   created_at=template["case"]["1"]["created_at"], created_by="bench",
                   updated_at=template["case"]["1"]["updated_at"], updated_by="bench")
        data = {**template, "case": {"1": doc}}
        data["audit"] = {"1": {**template["audit"]["1"], "case_id": doc["id"]}}
        (root / "cases" / f"{doc['id']}.json").write_text(json.dumps(data))
        os.chmod(root / "cases" / f"{doc['id']}.json", 0o600)
    record_bytes = len(json.dumps(template["case"]["1"]).encode())
    return store, record_bytes


def record_outcome(index: int, note: str) -> Any:
    def change(case: Case) -> None:
        assert case.plan is not None
        case.plan.review_points[index].outcome = ReviewOutcome(
            outcome="remain", held_on=START + timedelta(weeks=6), recorded_by="Dr Supervisor",
            note=note,
        )

    return change


def timed_update(store: CaseStore, case_id: str, n: int) -> float:
    t0 = time.perf_counter()
    store.update(case_id, record_outcome(n % 4, f"bench {n}"), "record_review", "bench")
    return time.perf_counter() - t0


def timed_floor(folder: Path, doc: dict[str, Any]) -> float:
    """The least an atomic save can cost: serialise, write, fsync, rename."""
    path, tmp = folder / "floor.json", folder / "floor.json.tmp"
    t0 = time.perf_counter()
    payload = json.dumps(doc).encode()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, payload)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    return time.perf_counter() - t0


def summary_ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "min_ms": ordered[0] * 1000}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 5000])
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    sizes = sorted(set(args.sizes))
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        stores: dict[int, CaseStore] = {}
        record_bytes = 0
        t0 = time.perf_counter()
        for size in sizes:
            stores[size], record_bytes = build_database(Path(tmp) / f"db{size}", size, args.seed)
        setup_s = time.perf_counter() - t0
        floor_doc = json.loads((Path(tmp) / f"db{sizes[0]}" / "cases" / "case-00001.json")
                               .read_bytes())
        updates: dict[int, list[float]] = {size: [] for size in sizes}
        fingerprints: dict[int, list[float]] = {size: [] for size in sizes}
        floor: list[float] = []
        for n in range(args.repeat):  # interleaved, so load on the machine hits all alike
            for size in sizes:
                case_id = f"case-{rng.randrange(size):05d}"
                updates[size].append(timed_update(stores[size], case_id, n))
                if n % 10 == 0:
                    t1 = time.perf_counter()
                    stores[size].fingerprint()
                    fingerprints[size].append(time.perf_counter() - t1)
            floor.append(timed_floor(Path(tmp), floor_doc))

    floor_stats = summary_ms(floor)
    result: dict[str, Any] = {
        "repeat": args.repeat, "case_record_bytes": record_bytes,
        "case_file_bytes": len(json.dumps(floor_doc)), "setup_s": round(setup_s, 2),
        "floor": floor_stats, "sizes": {},
        "target_median_ms": TARGET_MS, "target_growth": TARGET_GROWTH,
    }
    for size in sizes:
        stats = summary_ms(updates[size])
        stats["vs_floor"] = stats["median_ms"] / floor_stats["median_ms"]
        stats["fingerprint_ms"] = statistics.median(fingerprints[size]) * 1000
        result["sizes"][str(size)] = stats
    small, large = result["sizes"][str(sizes[0])], result["sizes"][str(sizes[-1])]
    result["growth"] = large["median_ms"] / small["median_ms"]
    ok_speed = all(s["median_ms"] < TARGET_MS for s in result["sizes"].values())
    ok_growth = result["growth"] <= TARGET_GROWTH
    result["passed"] = ok_speed and ok_growth

    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "store.json").write_text(json.dumps(result, indent=2))
    print(f"case record {record_bytes / 1024:.1f} KB, case file "
          f"{result['case_file_bytes'] / 1024:.1f} KB, {args.repeat} repeats, "
          f"setup {setup_s:.1f} s")
    print(f"{'':28}{'median':>9}{'p95':>9}{'x floor':>9}{'poll':>9}")
    print(f"{'floor (dumps+fsync+replace)':28}{floor_stats['median_ms']:7.2f}ms"
          f"{floor_stats['p95_ms']:7.2f}ms")
    for size in sizes:
        s = result["sizes"][str(size)]
        print(f"{f'update, {size} plans':28}{s['median_ms']:7.2f}ms{s['p95_ms']:7.2f}ms"
              f"{s['vs_floor']:8.1f}x{s['fingerprint_ms']:7.1f}ms")
    print(f"growth {sizes[-1]}/{sizes[0]}: {result['growth']:.2f}x (target <= {TARGET_GROWTH}); "
          f"median under {TARGET_MS:.0f} ms: {'yes' if ok_speed else 'NO'}")
    print("PASS" if result["passed"] else "FAIL")
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
