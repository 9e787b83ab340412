"""How summarizing grows with the length of a Japanese document.

    python benchmarks/summarize_scaling.py [--sizes 10000,100000,1000000]

Documents of about 10k, 100k and 1M characters are made from the Japanese paragraphs
of ../shared/eval (texts and PoliInfo speeches, in file order, repeated as needed),
with a heading every 12 paragraphs. Timed after imports and after the dictionary is
loaded: segmenting plus ``summarize`` (tokenizing, ranking, timeline, labels,
actors), best of three runs (one for 1M). ``time / (n log n)`` staying flat or
falling means the growth is no faster than n·log n.
"""

from __future__ import annotations

import argparse
import math
import time

from corpus import japanese_paragraphs

from briefgen.ingest.text import parse_text
from briefgen.options import Options
from briefgen.summarize import summarize
from briefgen.text import segment_source
from briefgen.text.tokenize import tokenize_ja


def document(size: int) -> str:
    lines = ["date 2020-02-28 長い文書", ""]
    pool, k, total = japanese_paragraphs(), 0, 0
    while total < size:
        if k % 12 == 0:
            lines += [f"第{k // 12 + 1}節", ""]
        text = pool[k % len(pool)]
        lines += [text, ""]
        total += len(text)
        k += 1
    return "\n".join(lines)


def timed(text: str, runs: int) -> tuple[float, int]:
    best = math.inf
    for _ in range(runs):
        started = time.perf_counter()
        source = parse_text(text, origin="long.txt", source_id="long", fallback_title="")
        sentences = segment_source(source)
        summarize(source, sentences, Options())
        best = min(best, time.perf_counter() - started)
    return best, len(sentences)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    tokenize_ja("辞書を読み込む。")  # the dictionary loads once per process
    print("| characters | sentences | seconds | µs per character | seconds / (n log n) × 10⁷ |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        text = document(size)
        seconds, sentences = timed(text, 1 if size >= 1_000_000 else 3)
        n = len(text)
        print(
            f"| {n:,} | {sentences:,} | {seconds:.2f} | {seconds / n * 1e6:.1f} "
            f"| {seconds / (n * math.log(n)) * 1e7:.2f} |"
        )


if __name__ == "__main__":
    main()
