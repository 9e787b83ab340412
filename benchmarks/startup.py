"""Whole-process wall time of `briefgen make` on the seed vs. plain Argos's start-up.

    python benchmarks/startup.py [--runs 5]

The baseline is what a user of plain Argos pays before translating anything:
`python -c "import argostranslate.translate"` (it imports stanza and torch).
Timings on shared 2-core machines are noisy: read the ratio, and the medians.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "demo-model" / "translate-ja_en-demo.argosmodel"


def wall_times(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    briefgen = shutil.which("briefgen") or sys.exit("briefgen is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.docx"
        make = [briefgen, "make", str(ROOT / "seeds"), "--model", str(MODEL), "-o", str(out), "-q"]
        subprocess.run(make, check=True)  # warm: unpacks the model into the cache once
        ours = wall_times(make, args.runs)
    argos = wall_times([sys.executable, "-c", "import argostranslate.translate"], args.runs)
    ours_median, argos_median = statistics.median(ours), statistics.median(argos)
    print(
        f"briefgen make seeds/ (whole process): median {ours_median:.3f} s  "
        f"runs {[round(t, 3) for t in ours]}"
    )
    print(
        f"import argostranslate.translate:       median {argos_median:.3f} s  "
        f"runs {[round(t, 3) for t in argos]}"
    )
    print(f"ratio briefgen / argos import: {ours_median / argos_median:.2f}")
    print(f"demo package: {MODEL.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
