"""Translation throughput: raw CTranslate2 (the floor), briefgen's engine, and Argos.

    python benchmarks/base_model.py            # once: the random Transformer-base package
    pip install -e '.[argos]'                  # for the Argos rows (torch: see README)
    python benchmarks/translation.py [--sentences N] [--argos-sentences N]

Every row runs in its own process (so each start-up and peak memory is its own) on
the same distinct Japanese sentences, cut by briefgen's segmenter from the texts in
../shared/eval, plus each pair of neighbouring sentences joined, for more distinct
inputs. Rows at "briefgen settings" decode with beam 2; rows at "Argos settings"
with Argos 1.11's defaults (beam 4, length penalty 0.2, 32-example batches).
Argos translates paragraphs of three sentences, the way users call it, on a smaller
sample (it is slow); its rate is still sentences per second.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from base_model import OUT as PACKAGE  # noqa: E402
from corpus import japanese_sentences  # noqa: E402

ARGOS_DECODING = {"beam_size": 4, "length_penalty": 0.2, "max_batch_size": 32}
OURS_DECODING = {"beam_size": 2, "max_batch_size": 64}


def sentences(limit: int) -> list[str]:
    """``limit`` distinct sentences; past what the texts hold, numbered variants."""
    single = japanese_sentences()
    pairs = [a + b for a, b in itertools.pairwise(single)]
    found = list(dict.fromkeys(single + pairs))
    variant = 1
    while len(found) < limit:
        found += [f"{s}（{variant}）" for s in found[: limit - len(found)]]
        variant += 1
    return found[:limit]


def unpacked(tmp: Path) -> Path:
    with zipfile.ZipFile(PACKAGE) as zipped:
        zipped.extractall(tmp)
    return next(tmp.iterdir())


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- one row, in its own process --------------------------------------------------------


def run_raw(package: Path, texts: list[str], settings: str) -> dict[str, float]:
    """The floor: CTranslate2 over all sentences, tokenized up front, sorted by length."""
    started = time.perf_counter()
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    model = ctranslate2.Translator(str(package / "model"), inter_threads=2, intra_threads=1)
    ready = time.perf_counter()
    tokens = [sp.encode(t, out_type=str) for t in texts]
    order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
    decoding = ARGOS_DECODING if settings == "argos" else OURS_DECODING
    results = model.translate_batch([tokens[i] for i in order], max_decoding_length=250, **decoding)
    english = [""] * len(texts)
    for i, result in zip(order, results, strict=True):
        english[i] = sp.decode(result.hypotheses[0])
    done = time.perf_counter()
    return {"startup": ready - started, "seconds": done - ready, "pieces": _pieces(results)}


def run_briefgen(package: Path, texts: list[str], settings: str) -> dict[str, float]:
    started = time.perf_counter()
    from briefgen.translate.argos import ArgosTranslator
    from briefgen.translate.packages import open_package

    beam = ARGOS_DECODING["beam_size"] if settings == "argos" else OURS_DECODING["beam_size"]
    translator = ArgosTranslator(open_package(package), beam_size=beam, device="cpu")
    translator._load()  # start-up: import and model load, as the first text would pay it
    ready = time.perf_counter()
    translator.translate(texts)
    done = time.perf_counter()
    return {"startup": ready - started, "seconds": done - ready, "pieces": 0}


def run_argos(package_file: Path, texts: list[str], settings: str) -> dict[str, float]:
    started = time.perf_counter()
    import argostranslate.package
    import argostranslate.translate

    argostranslate.package.install_from_path(package_file)
    argostranslate.translate.translate(texts[0], "ja", "en")  # loads the model
    ready = time.perf_counter()
    paragraphs = ["".join(texts[i : i + 3]) for i in range(0, len(texts), 3)]
    for paragraph in paragraphs:
        argostranslate.translate.translate(paragraph, "ja", "en")
    done = time.perf_counter()
    return {"startup": ready - started, "seconds": done - ready, "pieces": 0}


def _pieces(results: list) -> float:  # type: ignore[type-arg]
    lengths = [len(r.hypotheses[0]) for r in results]
    return sum(lengths) / len(lengths)


# --- the table --------------------------------------------------------------------------


def argos_environment(tmp: Path, tuned: bool) -> dict[str, str]:
    """An offline Argos setup: a blank spaCy sentencizer inside a copy of the package."""
    import spacy

    package_dir = tmp / "pkg"
    if not package_dir.exists():
        with zipfile.ZipFile(PACKAGE) as zipped:
            zipped.extractall(package_dir)
        root = next(package_dir.iterdir())
        spacy.blank("zh").to_disk(root / "spacy")
        archive = tmp / "with-spacy.argosmodel"
        with zipfile.ZipFile(archive, "w") as out:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    out.write(path, f"{root.name}/{path.relative_to(root).as_posix()}")
    (tmp / "xdg-cache" / "argos-translate" / "spacy" / "senter" / "model").mkdir(
        parents=True, exist_ok=True
    )
    env = {
        **os.environ,
        "ARGOS_CHUNK_TYPE": "SPACY",
        "ARGOS_PACKAGES_DIR": str(tmp / f"argos-packages-{tuned}"),
        "XDG_CACHE_HOME": str(tmp / "xdg-cache"),
        "XDG_DATA_HOME": str(tmp / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp / "xdg-config"),
        "ARGOS_DEVICE_TYPE": "cpu",
        "BENCHMARK_ARGOS_PACKAGE": str(tmp / "with-spacy.argosmodel"),
    }
    if tuned:
        env.update({"ARGOS_INTER_THREADS": "1", "ARGOS_INTRA_THREADS": "1"})
    return env


def row(
    label: str, mode: str, settings: str, count: int, env: dict[str, str] | None = None
) -> dict[str, object]:
    command = [sys.executable, __file__, "--row", mode, "--settings", settings]
    command += ["--sentences", str(count)]
    done = subprocess.run(
        command, capture_output=True, text=True, env=env or os.environ.copy(), check=False
    )
    if done.returncode != 0:
        sys.exit(f"{label}: failed\n{done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result.update(label=label, sentences=count, rate=count / result["seconds"])
    print(
        f"{label:<44} {result['rate']:6.1f} sent/s  peak {result['peak_mb']:6.0f} MB  "
        f"start-up {result['startup']:5.2f} s  ({count} sentences)",
        flush=True,
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=1400)
    parser.add_argument("--argos-sentences", type=int, default=150)
    parser.add_argument("--skip-argos", action="store_true")
    parser.add_argument(
        "--memory",
        type=int,
        metavar="N",
        help="only the briefgen row, on N sentences (numbered variants past the texts)",
    )
    parser.add_argument("--row", choices=("raw", "briefgen", "argos"), help=argparse.SUPPRESS)
    parser.add_argument("--settings", default="briefgen", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not PACKAGE.exists():
        sys.exit(f"{PACKAGE}: missing; run python benchmarks/base_model.py first")

    if args.row:
        texts = sentences(args.sentences)
        with tempfile.TemporaryDirectory() as tmp_name:
            if args.row == "argos":
                archive = Path(os.environ["BENCHMARK_ARGOS_PACKAGE"])
                result = run_argos(archive, texts, args.settings)
            else:
                package = unpacked(Path(tmp_name))
                runner = run_raw if args.row == "raw" else run_briefgen
                result = runner(package, texts, args.settings)
        result["peak_mb"] = peak_mb()
        print(json.dumps(result))
        return

    if args.memory:
        row("briefgen engine, briefgen settings", "briefgen", "briefgen", args.memory)
        return
    count = len(sentences(args.sentences))
    rows = []
    print(f"{count} distinct sentences; {os.cpu_count()} cores")
    rows.append(row("raw CTranslate2, briefgen settings (floor)", "raw", "briefgen", count))
    rows.append(row("briefgen engine, briefgen settings", "briefgen", "briefgen", count))
    rows.append(row("raw CTranslate2, Argos settings (floor)", "raw", "argos", count))
    rows.append(row("briefgen engine, Argos settings", "briefgen", "argos", count))
    if not args.skip_argos:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            for tuned in (False, True):
                env = argos_environment(tmp, tuned)
                label = "argostranslate, " + ("ARGOS_INTRA_THREADS=1" if tuned else "defaults")
                rows.append(row(label, "argos", "argos", args.argos_sentences, env))
    (HERE / "build").mkdir(exist_ok=True)
    (HERE / "build" / "translation.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
