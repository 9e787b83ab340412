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
from briefgen.summarize.gist import _clauses, _cut, candidate_features, compress, sentence_role
from briefgen.summarize.gist_model import GistModel, clause_features
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


def clause_rows(item: dict[str, object]) -> list[tuple[dict[str, float], float]]:
    """Each clause of the item's sentences that its summary draws on (a fifth of the
    summary's words or more), with its features and its label: the share of its words
    the summary keeps."""
    limit = int(item["limit"])  # type: ignore[call-overload]
    reference = Counter(words(_POINT_NUMBER.sub("", str(item["summary"])).strip()))
    total = sum(reference.values()) or 1
    rows = []
    for line in item["lines"]:  # type: ignore[attr-defined]
        plain = compress(str(line), "ja", 10_000)  # no clause chosen yet
        if sum((Counter(words(plain)) & reference).values()) / total < 0.2:
            continue
        clauses = _clauses(plain)
        if len(clauses) < 2:
            continue
        for clause, features in zip(clauses, clause_features(clauses, limit), strict=True):
            own = Counter(words(clause.rstrip("、。")))
            if own:
                rows.append((features, sum((own & reference).values()) / sum(own.values())))
    return rows


def train_clauses(rows: Sequence[tuple[dict[str, float], float]]) -> dict[str, float]:
    """Least-squares weights (with the L2 penalty) predicting a clause's label."""
    names = sorted({name for f, _ in rows for name in f})
    weights = dict.fromkeys(names, 0.0)
    for _ in range(STEPS):
        gradient = dict.fromkeys(names, 0.0)
        for f, label in rows:
            error = sum(weights[k] * v for k, v in f.items()) - label
            for k, v in f.items():
                gradient[k] += error * v
        for k in names:
            weights[k] -= RATE * (gradient[k] / len(rows) + L2 * weights[k])
    return {k: round(w, 4) for k, w in weights.items() if round(w, 4) != 0.0}


def speech_of(item: dict[str, object], model: GistModel | None = None) -> Speech | None:
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
        recall(words(_cut(compress(s.text, "ja", limit, model), limit, "ja")), reference)
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


def train_model(items: Sequence[dict[str, object]]) -> GistModel:
    """Both parts of the gist's model from ``items``: the clause weights first, since the
    sentences' labels are the recall of each one as those clauses compress it."""
    clause_weights = train_clauses([row for item in items for row in clause_rows(item)])
    clauses_only = GistModel({}, clause_weights)
    speeches = [sp for item in items if (sp := speech_of(item, clauses_only)) is not None]
    return GistModel(train(speeches), clause_weights)


def model_file(model: GistModel, data: str, items: int) -> str:
    return (
        json.dumps(
            {
                "about": "briefgen's gist model (scripts/train_gist_model.py)",
                "data": data,
                "items": items,
                "settings": {"temperature": TEMPERATURE, "l2": L2, "steps": STEPS, "rate": RATE},
                "weights": dict(sorted(model.weights.items())),
                "clause_weights": dict(sorted(model.clause_weights.items())),
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
    model = train_model(items)
    args.out.write_text(model_file(model, args.data.name, len(items)), encoding="utf-8")
    counts = f"{len(model.weights)} sentence and {len(model.clause_weights)} clause weights"
    print(f"{args.out}: {counts}")


if __name__ == "__main__":
    main()
