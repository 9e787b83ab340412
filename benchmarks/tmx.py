"""TMX: briefgen's own (stdlib xml.etree to write, lxml to read) vs translate-toolkit.

    python benchmarks/tmx.py [--units 10000] [--runs 5]

Rows: the installed size of each way (the files pip recorded for it and for what it
pulls in that briefgen does not already have), the import time of its TMX module in a
fresh process (``python -X importtime``, median), and the time to write and to read
back ``--units`` corrections (best of three; reading includes getting each unit's
source and English). Needs translate-toolkit
(``pip install -e '.[test]'``).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefgen.translate.memory import Correction
from briefgen.translate.tmx import read_tmx, tmx_bytes


def installed_size(*distributions: str) -> float:
    """MB of the files pip installed for ``distributions``."""
    total = 0
    for name in distributions:
        for file in importlib.metadata.files(name) or ():
            path = Path(str(file.locate()))
            total += path.stat().st_size if path.is_file() else 0
    return total / 1e6


def import_ms(module: str, runs: int) -> float:
    """Median cumulative import time of ``module`` in a fresh interpreter, in ms."""
    times = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                              capture_output=True, text=True, check=True)  # fmt: skip
        line = [row for row in done.stderr.splitlines() if row.rstrip().endswith(f" {module}")]
        times.append(int(re.split(r"\s*\|\s*", line[-1])[1]) / 1000)
    return statistics.median(times)


def best_of_three(work) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from translate.storage import tmx as toolkit

    corrections = [
        Correction(f"その背景を読み解いていく{n}。", f"Let us look at what lies behind it ({n}).",
                   f"seeds/{n % 50}.txt", "monday.docx", "2025-09-12T08:30:00Z", "ja")
        for n in range(args.units)
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        ours = Path(folder) / "briefgen.tmx"
        ours.write_bytes(tmx_bytes(corrections))

        def toolkit_write() -> bytes:
            store = toolkit.tmxfile(sourcelanguage="ja", targetlanguage="en")
            for c in corrections:
                store.addtranslation(c.original, "ja", c.english, "en")
            return bytes(store)

        rows = [
            ("briefgen: xml.etree writes, lxml reads", installed_size(), "xml.etree.ElementTree",
             lambda: tmx_bytes(corrections), lambda: read_tmx(ours)),
            ("translate-toolkit", installed_size("translate-toolkit", "unicode-segmentation-rs"),
             "translate.storage.tmx", toolkit_write,
             lambda: [(u.source, u.target) for u in toolkit.tmxfile.parsefile(str(ours)).units]),
        ]  # fmt: skip
        print(f"| way | install (MB, beyond briefgen's) | import (ms) | write {args.units} "
              f"| read {args.units} |")  # fmt: skip
        print("| --- | ---: | ---: | ---: | ---: |")
        lxml = import_ms("lxml.etree", args.runs)
        for name, size, module, write, read in rows:
            imported = import_ms(module, args.runs)
            if module.startswith("xml."):
                imported = f"{imported:.0f} + {lxml:.0f} (lxml.etree, to read)"
            else:
                imported = f"{imported:.0f}"
            print(f"| {name} | {size:.1f} | {imported} | {best_of_three(write):.2f} s "
                  f"| {best_of_three(read):.2f} s |")  # fmt: skip


if __name__ == "__main__":
    main()
