"""Timeline precision and recall against the hand-written gold in benchmarks/gold/.

    python benchmarks/timeline.py

An event counts as found when briefgen dates the same phrase with the same ISO
date (each gold event matched at most once). Precision: found / briefgen's events;
recall: found / gold events. The texts are the seed and public texts read from
../shared/eval (named in each gold file).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

from briefgen.ingest import read_source  # noqa: E402
from briefgen.summarize.dates import timeline  # noqa: E402
from briefgen.text import segment_source  # noqa: E402


def score(gold_file: Path) -> tuple[int, int, int, list[str]]:
    gold = tomllib.loads(gold_file.read_text(encoding="utf-8"))
    path = (ROOT / gold["text"]).resolve()
    if not path.exists():
        sys.exit(f"{path}: the annotated text is missing")
    source = read_source(path)
    source_date = dt.date.fromisoformat(gold["source_date"])
    sentences = segment_source(source)
    by_id = {s.id: s for s in sentences}
    predicted = Counter(
        (by_id[e.sentence_id].text[e.span[0] : e.span[1]], e.date)
        for e in timeline(sentences, source_date)
    )
    expected = Counter((e["phrase"], e["date"]) for e in gold["events"])
    found = sum((predicted & expected).values())
    wrong = [f"briefgen {p} {d}" for (p, d), n in (predicted - expected).items() for _ in range(n)]
    wrong += [f"missed   {p} {d}" for (p, d), n in (expected - predicted).items() for _ in range(n)]
    return found, sum(predicted.values()), sum(expected.values()), wrong


def main() -> None:
    totals = [0, 0, 0]
    print(f"{'text':<48} {'precision':>9} {'recall':>7}")
    for gold_file in sorted((HERE / "gold").glob("*.toml")):
        found, predicted, expected, wrong = score(gold_file)
        totals = [totals[0] + found, totals[1] + predicted, totals[2] + expected]
        print(f"{gold_file.stem:<48} {found / predicted:9.2f} {found / expected:7.2f}")
        for line in wrong:
            print(f"    {line}")
    found, predicted, expected = totals
    print(f"{'all':<48} {found / predicted:9.2f} {found / expected:7.2f}")


if __name__ == "__main__":
    main()
