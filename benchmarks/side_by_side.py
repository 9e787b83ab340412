"""Start-up of this checkout against an earlier commit, side by side in one run.

    python benchmarks/side_by_side.py --base 6236e53 [--runs 7]

The earlier commit is checked out into a temporary git worktree and run from its
``src/`` (``PYTHONPATH``) with this venv's packages; the two are timed alternately,
run by run, so that a noisy 2-core machine slows both alike. Rows: ``briefgen -V``,
``briefgen make`` on the seed with the demo model (translation cache warm: what a
rerun costs) and afresh (``--no-cache``). Python writes bytecode caches as on a
user's machine; the first run of each is a warm-up and not counted. Read the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "demo-model" / "translate-ja_en-demo.argosmodel"


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{command}: exit {done.returncode}\n{done.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", required=True, help="the commit to compare with")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        base = Path(work) / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), args.base],
            check=True,
            capture_output=True,
        )
        try:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            env["BRIEFGEN_CACHE_DIR"] = str(Path(work) / "cache")
            trees = {"base": base / "src", "this": ROOT / "src"}
            out = Path(work) / "b.docx"
            seed = str(ROOT / "seeds")
            make = ["-m", "briefgen", "make", seed, "--model", str(MODEL), "-o", str(out), "-q"]
            rows = {
                "briefgen -V": ["-m", "briefgen", "-V"],
                "make seed (cache warm)": make,
                "make seed (--no-cache)": [*make, "--no-cache"],
            }
            print(f"base {args.base}, median of {args.runs} (after a warm-up run each)\n")
            print("| command | base | this | ratio |\n| --- | ---: | ---: | ---: |")
            for name, command in rows.items():
                times: dict[str, list[float]] = {"base": [], "this": []}
                for run in range(args.runs + 1):
                    for which, src in trees.items():
                        elapsed = timed([sys.executable, *command], {**env, "PYTHONPATH": str(src)})
                        if run:
                            times[which].append(elapsed)
                b, t = (statistics.median(times[k]) for k in ("base", "this"))
                print(f"| `{name}` | {b:.3f} s | {t:.3f} s | {t / b:.2f} |")
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)],
                capture_output=True,
            )


if __name__ == "__main__":
    main()
