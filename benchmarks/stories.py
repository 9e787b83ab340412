"""How long grouping sources into stories takes, on many sources that share text.

    python benchmarks/stories.py [--files 200,1000]

The folders of ``ingest.py`` (Japanese eval paragraphs cycled, so every file shares
paragraphs with many others: one giant story, the worst case for merging points),
through ``summarize_sources``; the time of ``group_stories`` alone, and of the whole.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import ingest

import briefgen
import briefgen.desk.stories as stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", default="200,1000")
    args = parser.parse_args()
    group = stories.group_stories
    spent: list[float] = []

    def timed(*a, **k):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        result = group(*a, **k)
        spent.append(time.perf_counter() - started)
        return result

    stories.group_stories = timed
    for count in (int(n) for n in args.files.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            ingest.write_folder(Path(tmp), count, 5000)
            started = time.perf_counter()
            briefing = briefgen.summarize_sources(tmp)
            total = time.perf_counter() - started
            largest = max((len(s.source_ids) for s in briefing.stories), default=0)
            print(f"{count} sources: stories {spent[-1]:.2f} s of {total:.1f} s; "
                  f"{len(briefing.stories)} stories, the largest of {largest} sources")  # fmt: skip


if __name__ == "__main__":
    main()
