"""Home's first frame with 5,000 cases against a hello-world Textual app, in one run.

    python bench/bench_startup.py [--cases 5000] [--repeat 5]

Target (issue 3): psr-tui's first frame within 2x the hello-world app's. Both are
started in tmux at 80x24 and timed until their first text is on screen. Exits 1
when the target is missed. Results also go to bench/results/startup.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from tmux_frame import time_to_text

HERE = Path(__file__).parent
TARGET_RATIO = 2.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    env = {"PSR_TUI_TODAY": "2026-11-23", "TERM": "xterm-256color"}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "db"
        subprocess.run([sys.executable, "-m", "psr_tui", "demo", "--db", str(db), "--cases",
                        str(args.cases)], check=True, env={**env, "PATH": "/usr/bin:/bin"})
        py = sys.executable
        hello = f"{py} {HERE / 'hello_textual.py'}"
        app = f"{py} -m psr_tui --db {db}"
        floor, ours = [], []
        for _ in range(args.repeat):  # interleaved, so load affects both alike
            floor.append(time_to_text(hello, "Hello, world", env=env))
            ours.append(time_to_text(app, "cases", env=env))
    result = {
        "cases": args.cases,
        "hello_world_first_frame_s": statistics.median(floor),
        "psr_tui_home_first_frame_s": statistics.median(ours),
    }
    result["ratio"] = result["psr_tui_home_first_frame_s"] / result["hello_world_first_frame_s"]
    result["target_ratio"] = TARGET_RATIO
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "startup.json").write_text(json.dumps(result, indent=2))
    print(f"hello-world Textual app   {result['hello_world_first_frame_s'] * 1000:7.0f} ms")
    print(f"psr-tui home, {args.cases} cases {result['psr_tui_home_first_frame_s'] * 1000:7.0f} ms")
    print(f"ratio {result['ratio']:.2f} (target <= {TARGET_RATIO})")
    return 0 if result["ratio"] <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
