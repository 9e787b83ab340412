"""The gist against NTCIR-14 QA Lab-PoliInfo's summaries, with the task's own scorer.

    apt-get install -y libxml-dom-perl          # the scorer's ROUGE-1.5.5 needs it
    pip install sumy                            # the LexRank baseline
    python benchmarks/gist_poliinfo.py --split development
    python benchmarks/gist_poliinfo.py --split held-back

Reads ``../shared/eval/poliinfo/train.jsonl`` (524 assembly speeches with the
assembly newsletter's summary and its character limit) and runs its ``score.py``
(MeCab + UniDic tokens, ROUGE-1.5.5 as the task ran it; over-limit scores zero).

The rules of :mod:`briefgen.summarize.gist` and the features of its model were
written while reading the items of the first two sittings of 2012 (``development``,
331 items); the items of the third and fourth sittings and the two without a sitting
(``held-back``, 193 items) were not read, and are scored only as totals. Folds by
sitting, as the task's README asks: one sitting's speeches never sit on both sides.
The gist's sentence model is never scored on what it was trained on: on
``development`` each sitting's items get a model trained on the other sitting
(``scripts/train_gist_model.py --meeting``), on ``held-back`` a model trained on the
two development sittings. (The shipped model is trained on all 524 items.)

Systems, each at the item's character limit: briefgen's gist (``make_gist``, the
limit as ``gist_chars``, with the fold's model); first-N characters; whole opening
sentences while they fit (``lead-sent``); briefgen's lede cut at the limit (before
the gist existed, the briefing's opening); briefgen's lede and key points (``points``),
in the text's order, grown until they reach the limit and cut there; LexRank (sumy, on
briefgen's words) cut at the limit.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval" / "poliinfo"
DEVELOPMENT = ("平成24年第１回定例会", "平成24年第２回定例会")

sys.path.insert(0, str(HERE.parent / "scripts"))
import train_gist_model  # noqa: E402

from briefgen.ingest.text import parse_text  # noqa: E402
from briefgen.model import Sentence, Source  # noqa: E402
from briefgen.options import Options  # noqa: E402
from briefgen.summarize import gist as gist_module  # noqa: E402
from briefgen.summarize import summarize  # noqa: E402
from briefgen.summarize.extractive import _polite_share  # noqa: E402
from briefgen.summarize.gist import make_gist  # noqa: E402
from briefgen.summarize.gist_model import GistModel  # noqa: E402
from briefgen.text import segment_source  # noqa: E402
from briefgen.text.tokenize import content_words  # noqa: E402


def lexrank(sentences: list, limit: int) -> str:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.summarizers.lex_rank import LexRankSummarizer

    class Words:
        def to_words(self, text: str) -> list[str]:
            return content_words(text, "ja")

    tokenizer = Words()
    document = ObjectDocumentModel(
        [Paragraph([SumySentence(s.text, tokenizer) for s in sentences])]  # type: ignore[arg-type]
    )
    # Best first: a summarizer's call returns its best k in document order, so the
    # k-th best is the one its best k adds to its best k - 1.
    summarizer = LexRankSummarizer()
    ranked: list[str] = []
    for k in range(1, len(sentences) + 1):
        best = [str(s) for s in summarizer(document, k)]
        ranked += [s for s in best if s not in ranked]
        if len("".join(ranked)) >= limit:
            break
    return "".join(ranked)[:limit]


def fold_models(items: list[dict], split: str) -> dict[str, GistModel]:
    """Each sitting's model, trained on development items of other sittings only."""
    development = [item for item in items if item["meeting"] in DEVELOPMENT]

    def trained(meetings: set[str]) -> GistModel:
        return train_gist_model.train_model([i for i in development if i["meeting"] in meetings])

    if split == "held-back":
        model = trained(set(DEVELOPMENT))
        return {item["meeting"]: model for item in items}
    return {held: trained(set(DEVELOPMENT) - {held}) for held in DEVELOPMENT}


def systems(item: dict, model: GistModel, only: str | None = None) -> dict[str, str]:
    limit = item["limit"]
    lines = item["lines"]
    text = "\n".join(lines) or "。"
    source = parse_text(text, origin=item["id"], source_id="s", fallback_title="", language="ja")
    sentences = segment_source(source)
    # A speech's lede is chosen by the gist's model too: the fold's, never the
    # shipped one, which was trained on every item.
    with mock.patch.object(gist_module, "shipped_model", lambda: model):
        summary = summarize(source, sentences, Options(gist_chars=limit))
    # The gist as summarize makes it (all these sentences are Japanese), with the
    # fold's model instead of the shipped one.
    gist = make_gist(
        sentences,
        summary.scores,
        "ja",
        limit,
        lede=() if _polite_share(sentences) >= 0.6 else summary.lede,
        words=summary.words,
        model=model,
    )
    lead_sent = ""
    for line in lines:
        if len(lead_sent) + len(line) > limit:
            break
        lead_sent += line
    return {
        "briefgen-gist": gist,
        "first-N": "".join(lines)[:limit],
        "lead-sent": lead_sent or "".join(lines)[:limit],
        "briefgen-lede": "".join(s.text for s in sentences if s.id in summary.lede)[:limit],
        "briefgen-points": _points(source, sentences, model, limit)
        if _wanted("briefgen-points", only)
        else "",
        # The slowest (sumy's graph, again for each k): only when it is scored.
        "LexRank": lexrank(list(sentences), limit)
        if sentences and _wanted("LexRank", only)
        else "",
    }


def _wanted(name: str, only: str | None) -> bool:
    return only is None or name in only.split(",")


def _points(source: Source, sentences: Sequence[Sentence], model: GistModel, limit: int) -> str:
    """briefgen's lede and key points as a briefing lists them (in the text's order),
    a point more each time until they reach ``limit`` characters, cut there."""
    text = ""
    for count in range(1, len(sentences) + 1):
        with mock.patch.object(gist_module, "shipped_model", lambda: model):
            summary = summarize(
                source, sentences, Options(lede_sentences=1, key_points=count - 1, gist_chars=limit)
            )
        picked = set(summary.lede) | {sid for ids in summary.key_points for sid in ids}
        text = "".join(s.text for s in sentences if s.id in picked)
        if len(text) >= limit:
            break
    return text[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("development", "held-back"), required=True)
    parser.add_argument("--only", help="systems, e.g. briefgen-gist,briefgen-lede (default: all)")
    parser.add_argument("--keep", type=Path, help="keep each system's summaries in this folder")
    args = parser.parse_args()
    if not (EVAL / "train.jsonl").exists():
        sys.exit(f"{EVAL}: missing (the public evaluation data stays outside the repository)")
    items = [json.loads(line) for line in (EVAL / "train.jsonl").open(encoding="utf-8")]
    wanted = [
        item for item in items if (item["meeting"] in DEVELOPMENT) == (args.split == "development")
    ]
    models = fold_models(items, args.split)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        outputs: dict[str, list[str]] = {}
        for item in wanted:
            for name, summary in systems(item, models[item["meeting"]], args.only).items():
                if args.only and name not in args.only.split(","):
                    continue
                record = json.dumps({"id": item["id"], "summary": summary}, ensure_ascii=False)
                outputs.setdefault(name, []).append(record)
        files = []
        for name, records in outputs.items():
            path = Path(args.keep or work) / f"{name}.jsonl"
            path.write_text("\n".join(records) + "\n", encoding="utf-8")
            files.append(str(path))
        ids = Path(work) / "ids.txt"
        ids.write_text("\n".join(item["id"] for item in wanted) + "\n", encoding="utf-8")
        print(f"{args.split}: {len(wanted)} items", flush=True)
        subprocess.run(
            [sys.executable, str(EVAL / "score.py"), *files, "--ids", str(ids)], check=True
        )


if __name__ == "__main__":
    main()
