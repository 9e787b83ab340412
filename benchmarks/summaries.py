"""ROUGE of briefgen's key points against human choices, with two baselines.

    pip install rouge-score sumy      # the scorer and the LexRank baseline
    python benchmarks/summaries.py

Two sets of references, both read from outside the repository's code:

- **gold key sentences** (``benchmarks/gold/*.toml``, ``key_sentences``): the
  sentences a developer chose as carrying each text's point (the seed and public texts
  from ``../shared/eval``). Every system picks as many sentences as the gold has.
- **PoliInfo pairs** (``../shared/eval/summaries/poliinfo_pairs.jsonl``): assembly
  speeches with human summaries. Every system adds sentences in its own order until it
  has as many characters as the reference, and is cut there (fixed-length ROUGE).

Systems, all over the same sentences (briefgen's segmenter) and the same words
(briefgen's content words, SudachiPy for Japanese):

- **briefgen**: the lede plus ``key_points`` (Options), as ``briefgen make`` picks them;
- **first-N**: the opening sentences;
- **LexRank** (sumy), given briefgen's words as its tokenizer.

ROUGE-1/2/L F1 from ``rouge-score``, on characters (letters and digits; Japanese has
no spaces, and word-level ROUGE would measure the tokenizer).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PAIRS = ROOT.parent / "shared" / "eval" / "summaries" / "poliinfo_pairs.jsonl"

from rouge_score import rouge_scorer  # noqa: E402
from sumy.models.dom import ObjectDocumentModel, Paragraph  # noqa: E402
from sumy.models.dom import Sentence as SumySentence  # noqa: E402
from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: E402

from briefgen.ingest import read_source  # noqa: E402
from briefgen.ingest.text import parse_text  # noqa: E402
from briefgen.model import Sentence, Source  # noqa: E402
from briefgen.options import Options  # noqa: E402
from briefgen.summarize import summarize  # noqa: E402
from briefgen.text import segment_source  # noqa: E402
from briefgen.text.tokenize import content_words  # noqa: E402


class _Characters:
    """rouge-score's tokenizer interface: letters and digits, one token each."""

    def tokenize(self, text: str) -> list[str]:
        return [ch for ch in text if ch.isalnum()]


SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=_Characters())

System = Callable[[Source, Sequence[Sentence], int], list[Sentence]]


def briefgen(source: Source, sentences: Sequence[Sentence], count: int) -> list[Sentence]:
    lede = min(2, count)
    options = Options(lede_sentences=lede, key_points=count - lede)
    summary = summarize(source, sentences, options)
    picked = set(summary.lede) | {sid for ids in summary.key_points for sid in ids}
    return [s for s in sentences if s.id in picked]


def first_n(source: Source, sentences: Sequence[Sentence], count: int) -> list[Sentence]:
    return list(sentences[:count])


class _Words:
    """sumy's tokenizer interface over briefgen's content words."""

    def __init__(self, language: str) -> None:
        self.language = language

    def to_words(self, text: str) -> list[str]:
        return content_words(text, self.language)


def lexrank(source: Source, sentences: Sequence[Sentence], count: int) -> list[Sentence]:
    words = _Words(source.language)
    document = ObjectDocumentModel([Paragraph([SumySentence(s.text, words) for s in sentences])])
    summarizer = LexRankSummarizer()
    chosen = {str(s) for s in summarizer(document, count)}
    return [s for s in sentences if s.text in chosen][:count]


SYSTEMS: dict[str, System] = {"briefgen": briefgen, "first-N": first_n, "LexRank": lexrank}


def rouge(reference: str, summary: str) -> tuple[float, float, float]:
    scores = SCORER.score(reference, summary)
    return scores["rouge1"].fmeasure, scores["rouge2"].fmeasure, scores["rougeL"].fmeasure


def within_budget(
    system: System, source: Source, sentences: Sequence[Sentence], budget: int
) -> str:
    """The system's summary grown a sentence at a time to ``budget`` characters, cut there."""
    for count in range(1, len(sentences) + 1):
        text = "".join(s.text for s in system(source, sentences, count))
        if len(text) >= budget:
            return text[:budget]
    return "".join(s.text for s in sentences)[:budget]


def gold_rows() -> list[tuple[str, dict[str, tuple[float, float, float, float]]]]:
    rows = []
    for gold_file in sorted((HERE / "gold").glob("*.toml")):
        gold = tomllib.loads(gold_file.read_text(encoding="utf-8"))
        wanted = gold.get("key_sentences", [])
        if not wanted:
            continue
        source = read_source((ROOT / gold["text"]).resolve())
        sentences = segment_source(source)
        reference = "".join(wanted)
        results = {}
        for name, system in SYSTEMS.items():
            picked = system(source, sentences, len(wanted))
            hits = sum(1 for s in picked if any(s.text in w or w in s.text for w in wanted))
            results[name] = (*rouge(reference, "".join(s.text for s in picked)), hits / len(wanted))
        rows.append((gold_file.stem, results))
    return rows


def pair_rows() -> list[tuple[str, dict[str, tuple[float, float, float]]]]:
    if not PAIRS.exists():
        sys.exit(f"{PAIRS}: missing (the public evaluation texts stay outside the repository)")
    rows = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        source = parse_text(
            pair["text"], origin=pair["id"], source_id=pair["id"], fallback_title="", language="ja"
        )
        sentences = segment_source(source)
        budget = len(pair["summary"])
        results = {
            name: rouge(pair["summary"], within_budget(system, source, sentences, budget))
            for name, system in SYSTEMS.items()
        }
        rows.append((pair["id"].removeprefix("public_poliinfo1_"), results))
    return rows


def _table(title: str, rows: list, columns: Sequence[str]) -> None:
    print(f"\n{title}\n")
    print(f"| text | {' | '.join(f'{s} {c}' for s in SYSTEMS for c in columns)} |")
    print(f"| --- | {' | '.join('---:' for _ in SYSTEMS for _ in columns)} |")
    sums = {s: [0.0] * len(columns) for s in SYSTEMS}
    for name, results in rows:
        cells = []
        for s in SYSTEMS:
            for k in range(len(columns)):
                sums[s][k] += results[s][k]
                cells.append(f"{results[s][k]:.3f}")
        print(f"| {name} | {' | '.join(cells)} |")
    means = [f"**{sums[s][k] / len(rows):.3f}**" for s in SYSTEMS for k in range(len(columns))]
    print(f"| mean | {' | '.join(means)} |")


def main() -> None:
    _table(
        "Gold key sentences (F1; 'sent' = share of gold sentences picked)",
        gold_rows(),
        ("R-1", "R-2", "R-L", "sent"),
    )
    _table("PoliInfo pairs, cut at the reference's length (F1)", pair_rows(), ("R-1", "R-2", "R-L"))


if __name__ == "__main__":
    main()
