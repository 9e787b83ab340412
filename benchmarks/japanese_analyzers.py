"""Japanese morphological analyzers compared: start-up, tokens/s, proper-noun tags.

    python benchmarks/japanese_analyzers.py     # installs each into its own venv under build/

For SudachiPy + sudachidict-core, fugashi + unidic-lite and Janome: the size each
adds to a new venv's site-packages, its pip install time (no pip cache), the time to
import it and tokenize one sentence (start-up), tokens per second over the Japanese
texts of ../shared/eval, and the part of speech each gives プーチン (a name the
actors need as a proper noun).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import EVAL  # noqa: E402

ANALYZERS = {
    "sudachipy": ["sudachipy", "sudachidict-core"],
    "fugashi": ["fugashi", "unidic-lite"],
    "janome": ["janome"],
}

RUN = r"""
import sys, time, json
started = time.perf_counter()
kind, path = sys.argv[1], sys.argv[2]
if kind == "sudachipy":
    from sudachipy import Dictionary, SplitMode
    tokenizer = Dictionary().create()
    run = lambda s: [
        (m.surface(), m.part_of_speech()[1]) for m in tokenizer.tokenize(s, SplitMode.C)
    ]
elif kind == "fugashi":
    import fugashi
    tagger = fugashi.Tagger()
    run = lambda s: [(w.surface, w.feature.pos2) for w in tagger(s)]
else:
    from janome.tokenizer import Tokenizer
    tokenizer = Tokenizer()
    run = lambda s: [(t.surface, t.part_of_speech.split(",")[1]) for t in tokenizer.tokenize(s)]
first = run("プーチン大統領はアラスカで会談した。")
ready = time.perf_counter()
count = sum(len(run(p)) for p in open(path, encoding="utf-8").read().split("\n") if p.strip())
done = time.perf_counter()
print(json.dumps({"startup": ready - started, "tokens_per_s": count / (done - ready),
                  "putin": first[0][1]}, ensure_ascii=False))
"""


def site_packages_mb(venv: Path) -> float:
    folder = next(venv.glob("lib/python3*/site-packages"))
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    text = HERE / "build" / "ja-eval.txt"
    text.parent.mkdir(exist_ok=True)
    parts = [
        p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted((EVAL / "ja").glob("*.txt"))
    ]
    for line in (
        (EVAL / "summaries" / "poliinfo_pairs.jsonl").read_text(encoding="utf-8").splitlines()
    ):
        parts.append(json.loads(line)["text"])
    text.write_text("\n".join(parts), encoding="utf-8")
    print(f"{'analyzer':<12} {'adds':>8} {'install':>8} {'start-up':>9} {'tokens/s':>9}  プーチン")
    for name, packages in ANALYZERS.items():
        venv = HERE / "build" / f"venv-{name}"
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        before = site_packages_mb(venv)
        started = time.perf_counter()
        pip = [str(venv / "bin" / "pip"), "install", "-q", "--no-cache-dir", *packages]
        subprocess.run(pip, check=True)
        install = time.perf_counter() - started
        runs = [
            json.loads(subprocess.run([str(venv / "bin" / "python"), "-c", RUN, name, str(text)],
                                      check=True, capture_output=True, text=True).stdout)
            for _ in range(3)
        ]  # fmt: skip
        startup = sorted(r["startup"] for r in runs)[1]
        speed = sorted(r["tokens_per_s"] for r in runs)[1]
        print(f"{name:<12} {site_packages_mb(venv) - before:6.0f} MB {install:7.1f} s "
              f"{startup:8.3f} s {speed:9,.0f}  {runs[0]['putin']}")  # fmt: skip


if __name__ == "__main__":
    main()
