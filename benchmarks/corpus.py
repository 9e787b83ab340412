"""Benchmark inputs read from ../shared/eval (public texts that stay out of the repo)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def japanese_sentences() -> list[str]:
    """Distinct Japanese sentences of the eval texts and summary pairs, in file order,
    cut by briefgen's own segmenter (as ``briefgen make`` would send them)."""
    if not EVAL.is_dir():
        sys.exit(f"{EVAL}: the shared evaluation texts are not there")
    from briefgen.text import split_sentences

    paragraphs: list[str] = []
    for path in sorted((EVAL / "ja").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()[1:]  # the header line
        paragraphs += [line for line in lines if line.strip()]
    pairs = EVAL / "summaries" / "poliinfo_pairs.jsonl"
    for line in pairs.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for field in ("text", "summary"):
            paragraphs += [p for p in record[field].splitlines() if p.strip()]
    sentences = (s for p in paragraphs for s, _ in split_sentences(p))
    return list(dict.fromkeys(s.strip() for s in sentences if s.strip()))


if __name__ == "__main__":
    found = japanese_sentences()
    print(f"{len(found)} distinct sentences, {sum(map(len, found))} characters")


def japanese_paragraphs() -> list[str]:
    """Every paragraph of the Japanese eval texts (after their header line) and of the
    PoliInfo speeches, in file order."""
    found: list[str] = []
    for path in sorted((EVAL / "ja").glob("*.txt")):
        found += [p for p in path.read_text(encoding="utf-8").splitlines()[1:] if p.strip()]
    for line in (EVAL / "summaries" / "poliinfo_pairs.jsonl").read_text("utf-8").splitlines():
        found += [p for p in json.loads(line)["text"].splitlines() if p.strip()]
    return found
