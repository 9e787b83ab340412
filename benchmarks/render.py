"""Rendering a 50-source briefing with each shipped template.

    python benchmarks/render.py [--sources 50]

The sources are the seed and the Japanese texts of ../shared/eval, repeated under
new names until there are 50, translated once with the demo model (through the
translation cache, outside the timing). Timed: ``render_docx`` alone, best of three;
and whether two renders give the same bytes.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from corpus import EVAL

import briefgen
from briefgen.render import render_docx

ROOT = Path(__file__).resolve().parent.parent
DEMO_MODEL = ROOT / "demo-model" / "translate-ja_en-demo.argosmodel"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=50)
    count = parser.parse_args().sources
    texts = [ROOT / "seeds" / "000_e2ded19dbb0f8d00.txt", *sorted((EVAL / "ja").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as folder:
        for n in range(count):
            shutil.copyfile(texts[n % len(texts)], Path(folder) / f"{n:03d}.txt")
        briefing = briefgen.make_briefing(folder, model=DEMO_MODEL)
    sentences = sum(s.sentence_count for s in briefing.sources)
    print(f"{len(briefing.sources)} sources, {sentences} sentences")
    print("| template | seconds (best of 3) | size | same bytes twice |")
    print("| --- | ---: | ---: | --- |")
    for name in ("briefing", "compact", "parallel"):
        times, outputs = [], []
        for _ in range(3):
            started = time.perf_counter()
            outputs.append(render_docx(briefing, name))
            times.append(time.perf_counter() - started)
        same = len(set(outputs)) == 1
        print(f"| {name} | {min(times):.2f} | {len(outputs[0]) / 1e6:.1f} MB | {same} |")


if __name__ == "__main__":
    main()
