"""Train the gist's sentence model (src/briefgen/summarize/gist_model.json).

    python scripts/train_gist_model.py                       # the shipped model
    python scripts/train_gist_model.py --meeting 平成24年第１回定例会 --out fold.json

Data: ``../shared/eval/poliinfo/train.jsonl`` (NTCIR-14 QA Lab-PoliInfo,
Summarization training split, 524 items; see its README): one JSON object a line with
``lines`` (a speech, one sentence a line), ``summary`` (the assembly newsletter's
summary of it), ``limit`` (its character limit) and ``meeting`` (the sitting).

Each speech goes through briefgen's own summarizer, as ``briefgen summarize`` reads
it, and each sentence the gist may pick gets its features
(:func:`briefgen.summarize.gist.candidate_features`) and a label: how much of the
summary the sentence's gist alone (compressed, at the item's limit) recalls — ROUGE-1
plus ROUGE-2 recall on SudachiPy's words, punctuation included, as the task's scorer
counts them. The weights maximise, over the speeches, the likelihood of a softmax over
each speech's sentences against the labels' own softmax (ListNet), with an L2
penalty, by plain gradient descent from zero: no randomness, the same file every run.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.ingest.text import parse_text
from briefgen.options import Options
from briefgen.summarize import summarize
from briefgen.summarize.gist import _cut, candidate_features, compress, sentence_role
from briefgen.text import segment_source
from briefgen.text.tokenize import tokenize_ja

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "poliinfo" / "train.jsonl"
OUT = ROOT / "src" / "briefgen" / "summarize" / "gist_model.json"
# Training settings (chosen by cross-validation by sitting on the development sittings;
# benchmarks/README.md): the labels' temperature, the L2 penalty, steps and step size.
TEMPERATURE = 1.0
L2 = 0.05
STEPS = 300
RATE = 0.5
# A summary's point numbers (〔1〕〔2〕…) say where a point stands in a longer answer:
# no sentence holds them, so the labels leave them out.
_POINT_NUMBER = re.compile(r"〔[0-9０-９]+〕")


@dataclass(frozen=True)
class Speech:
    """One item's candidate sentences: their features and labels."""

    features: list[dict[str, float]]
    labels: list[float]


def read_items(path: Path, meetings: Sequence[str] = ()) -> list[dict[str, object]]:
    items = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [item for item in items if not meetings or item["meeting"] in meetings]


def words(text: str) -> list[str]:
    return [t.surface for t in tokenize_ja(text) if t.surface.strip()]


def recall(candidate: list[str], reference: list[str]) -> float:
    """ROUGE-1 plus ROUGE-2 recall of ``candidate`` against ``reference``."""
    total = 0.0
    for n in (1, 2):
        want = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
        got = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
        if want:
            total += sum((want & got).values()) / sum(want.values())
    return total


def speech_of(item: dict[str, object]) -> Speech | None:
    """An item as the gist sees it, or ``None`` where the gist uses no model (a text
    that reads as a report, not a speech)."""
    lines = [str(line) for line in item["lines"]]  # type: ignore[attr-defined]
    limit = int(item["limit"])  # type: ignore[call-overload]
    source = parse_text(
        "\n".join(lines) or "。", origin="item", source_id="s", fallback_title="", language="ja"
    )
    sentences = segment_source(source)
    summary = summarize(source, sentences, Options(gist_chars=limit))
    if summary.lede and not _polite(sentences):  # a report's gist leads with its lede
        return None
    roles = {s.id: sentence_role(s.text) for s in sentences}
    candidates = [s for s in sentences if roles[s.id] not in ("signpost", "greeting")]
    if len(candidates) < 2:
        return None
    features = candidate_features(sentences, summary.scores, roles, summary.words, limit)
    by_id = dict(zip((s.id for s in sentences), features, strict=True))
    reference = words(_POINT_NUMBER.sub("", str(item["summary"])).strip())
    labels = [
        recall(words(_cut(compress(s.text, "ja", limit), limit, "ja")), reference)
        for s in candidates
    ]
    return Speech([by_id[s.id] for s in candidates], labels)


def _polite(sentences: Sequence[object]) -> bool:
    from briefgen.summarize.extractive import _polite_share

    return _polite_share(sentences) >= 0.6  # type: ignore[arg-type]


def _softmax(values: Sequence[float]) -> list[float]:
    top = max(values)
    exps = [math.exp(v - top) for v in values]
    total = sum(exps)
    return [e / total for e in exps]


def train(speeches: Iterable[Speech], steps: int = STEPS) -> dict[str, float]:
    """ListNet weights (see the module docstring), rounded to 4 decimals."""
    speeches = list(speeches)
    names = sorted({name for sp in speeches for f in sp.features for name in f})
    targets = [_softmax([label / TEMPERATURE for label in sp.labels]) for sp in speeches]
    weights = dict.fromkeys(names, 0.0)
    for _ in range(steps):
        gradient = dict.fromkeys(names, 0.0)
        for speech, target in zip(speeches, targets, strict=True):
            scores = [sum(weights[k] * v for k, v in f.items()) for f in speech.features]
            for f, p, t in zip(speech.features, _softmax(scores), target, strict=True):
                for k, v in f.items():
                    gradient[k] += (p - t) * v
        for k in names:
            weights[k] -= RATE * (gradient[k] / len(speeches) + L2 * weights[k])
    return {k: round(w, 4) for k, w in weights.items() if round(w, 4) != 0.0}


def model_file(weights: dict[str, float], data: str, items: int, speeches: int) -> str:
    return (
        json.dumps(
            {
                "about": "briefgen's gist sentence model (scripts/train_gist_model.py)",
                "data": data,
                "items": items,
                "speeches": speeches,
                "settings": {"temperature": TEMPERATURE, "l2": L2, "steps": STEPS, "rate": RATE},
                "weights": dict(sorted(weights.items())),
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--meeting",
        action="append",
        default=[],
        help="train on this sitting only (repeatable; default: all)",
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"{args.data}: missing (the PoliInfo data stays outside the repository)")
    items = read_items(args.data, args.meeting)
    speeches = [sp for sp in map(speech_of, items) if sp is not None]
    weights = train(speeches)
    args.out.write_text(
        model_file(weights, args.data.name, len(items), len(speeches)), encoding="utf-8"
    )
    print(f"{args.out}: {len(weights)} weights from {len(speeches)} speeches")


if __name__ == "__main__":
    main()
