"""The translation cache: the same briefing made twice, each in a fresh process.

    python benchmarks/base_model.py     # once
    python benchmarks/cache.py

Sources: the Japanese texts of ../shared/eval; model: the random Transformer-base
package (realistic model size and speed). The first run starts with an empty cache;
the second finds every text in it. Reported: time spent translating (the
pipeline's own measure), whole-process wall time, and whether the model was loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from base_model import OUT as PACKAGE  # noqa: E402
from corpus import EVAL  # noqa: E402

RUN = """
import json, sys, briefgen
import briefgen.translate.argos as argos
loads = []
real = argos._load_model
argos._load_model = lambda *a: loads.append(1) or real(*a)
b = briefgen.make_briefing(sys.argv[1], model=sys.argv[2], options=briefgen.Options(device="cpu"))
print(json.dumps({"translation_seconds": b.metadata.translation_seconds,
                  "model_loads": len(loads), "sources": len(b.sources)}))
"""


def main() -> None:
    if not PACKAGE.exists():
        sys.exit(f"{PACKAGE}: missing; run python benchmarks/base_model.py first")
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "BRIEFGEN_CACHE_DIR": cache}
        results = []
        for label in ("first run (empty cache)", "second run (unchanged sources)"):
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", RUN, str(EVAL / "ja"), str(PACKAGE)],
                env=env, capture_output=True, text=True, check=True,
            )  # fmt: skip
            wall = time.perf_counter() - started
            result = json.loads(done.stdout)
            results.append(result)
            seconds, loads = result["translation_seconds"], result["model_loads"]
            print(
                f"{label:<32} translating {seconds:7.3f} s   "
                f"whole process {wall:6.2f} s   model loaded {loads}x"
            )
    ratio = results[0]["translation_seconds"] / max(results[1]["translation_seconds"], 1e-6)
    print(f"translation time, first / second: {ratio:,.0f}x")


if __name__ == "__main__":
    main()
