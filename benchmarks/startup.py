"""Whole-process wall time of `briefgen make` on the seed vs. plain Argos's start-up.

    python benchmarks/startup.py [--runs 5]

Rows: `briefgen make` translating afresh (`--no-cache`), the same with the
translation cache warm (a rerun), and a usage error found before any work
(`-o` into a folder that does not exist). The baseline is what a user of plain
Argos pays before translating anything: `python -c "import argostranslate.translate"`
(it imports stanza and torch; skipped without the argos extra). Python may write
bytecode caches, as on a user's machine. Timings on shared 2-core machines are
noisy: read the ratio, and the medians.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "demo-model" / "translate-ja_en-demo.argosmodel"


def wall_times(command: list[str], runs: int, env: dict[str, str], ok: int = 0) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
        if done.returncode != ok:
            sys.exit(f"{command}: exit {done.returncode}\n{done.stderr.decode()}")
    return times


def report(label: str, times: list[float]) -> float:
    median = statistics.median(times)
    print(f"{label:<46} median {median:.3f} s  runs {[round(t, 3) for t in times]}")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    briefgen = shutil.which("briefgen") or sys.exit("briefgen is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BRIEFGEN_CACHE_DIR": tmp}
        # As on a user's machine: Python keeps compiled bytecode between runs.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        out = Path(tmp) / "x.docx"
        make = [briefgen, "make", str(ROOT / "seeds"), "--model", str(MODEL), "-o", str(out), "-q"]
        subprocess.run(make, check=True, env=env)  # unpacks the model, fills the cache
        fresh = report(
            "briefgen make seeds/ --no-cache", wall_times([*make, "--no-cache"], args.runs, env)
        )
        report("briefgen make seeds/ (cache warm)", wall_times(make, args.runs, env))
        bad = [briefgen, "make", str(ROOT / "seeds"), "-o", "/no/such/dir/b.docx"]
        report("briefgen make -o /no/such/dir/b.docx (exit 2)", wall_times(bad, args.runs, env, 2))
    if importlib.util.find_spec("argostranslate") is None:
        print("import argostranslate.translate: skipped (no argos extra)")
        return
    argos = report(
        "import argostranslate.translate",
        wall_times([sys.executable, "-c", "import argostranslate.translate"], args.runs, env),
    )
    print(f"ratio briefgen (--no-cache) / argos import: {fresh / argos:.2f}")
    print(f"demo package: {MODEL.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
