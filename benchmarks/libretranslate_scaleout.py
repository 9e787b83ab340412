"""One LibreTranslate server against two behind HAProxy, on one large batch.

    python benchmarks/libretranslate_scaleout.py [--texts 2000]

Starts real LibreTranslate servers on 127.0.0.1 with the demo package, exactly as the
tests do (tests/libretranslate_servers.py: their own venv, offline), and HAProxy
(Debian's package) in front of two of them. Translates the same batch of distinct
Japanese texts (pairs of the demo corpus's sentences, which the demo model knows)
through briefgen's LibreTranslate backend: once against one server, once against the
balancer, once with ``--url`` naming both servers directly. Best of two runs each.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from libretranslate_servers import LoadBalancer, Server  # noqa: E402

from briefgen.translate.libretranslate import LibreTranslateTranslator  # noqa: E402

DEMO = ROOT / "demo-model" / "translate-ja_en-demo.argosmodel"


def texts(count: int) -> list[str]:
    rows = (ROOT / "demo-model" / "corpus.tsv").read_text(encoding="utf-8").splitlines()
    japanese = [r.split("\t")[0] for r in rows if "\t" in r and not r.startswith("#")]
    pairs = itertools.permutations(japanese, 2)
    return [a + b for a, b in itertools.islice(pairs, count)]


def timed(urls: list[str], batch: list[str]) -> float:
    best = float("inf")
    for _ in range(2):
        translator = LibreTranslateTranslator(urls, "ja")
        started = time.perf_counter()
        english = translator.translate(batch)
        best = min(best, time.perf_counter() - started)
        assert len(english) == len(batch) and all(english)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=2000)
    args = parser.parse_args()
    batch = texts(args.texts)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first = Server(folder / "a", DEMO)
        second = Server(folder / "b", DEMO)
        balancer = LoadBalancer(folder, [first, second])
        try:
            chars = sum(map(len, batch))
            print(f"{len(batch)} texts, {chars:,} characters")
            one = timed([first.url], batch)
            print(f"one server:                      {one:.2f} s")
            two = timed([balancer.url], batch)
            print(f"two servers behind HAProxy:      {two:.2f} s  ({one / two:.2f}x)")
            direct = timed([first.url, second.url], batch)
            print(f"two servers, --url each:         {direct:.2f} s  ({one / direct:.2f}x)")
        finally:
            balancer.stop()
            first.stop()
            second.stop()


if __name__ == "__main__":
    main()
