"""How long reading a large folder of sources takes, serial and in parallel.

    python benchmarks/ingest.py [--files 1000] [--chars 5000] [--workers 1,2]

Writes ``--files`` text files of about ``--chars`` characters each (Japanese
paragraphs of ../shared/eval, in file order, cycled; half UTF-8 and half Shift_JIS,
so decoding is exercised) into a temporary folder, then times ``expand_paths`` +
``read_source`` over the folder (the ingest stage), and ingest + segmenting, each
with the worker counts given (best of three, after one warm-up that loads the
imports and the page cache); then ``summarize_sources`` (read, segment, summarize:
everything ``briefgen make`` does before translating) in one process and in
briefgen's own worker processes (best of two).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from corpus import japanese_paragraphs

from briefgen.ingest import expand_paths, read_source
from briefgen.text import segment_source


def write_folder(folder: Path, files: int, chars: int) -> None:
    pool = japanese_paragraphs()
    k = 0
    for n in range(files):
        lines = [f"date 2025-01-{n % 28 + 1:02d} 文書{n}", ""]
        size = 0
        while size < chars:
            lines.append(pool[k % len(pool)])
            size += len(lines[-1])
            k += 1
        text = "\n".join(lines) + "\n"
        encoding = "utf-8" if n % 2 else "cp932"
        (folder / f"{n:05d}.txt").write_bytes(text.encode(encoding, errors="replace"))


def ingest_one(path: Path) -> int:
    return len(read_source(path).text)


def ingest_and_segment(path: Path) -> int:
    return len(segment_source(read_source(path)))


def run(folder: Path, job: object, workers: int) -> float:
    started = time.perf_counter()
    paths = [p for p in expand_paths([folder]) if isinstance(p, Path)]
    if workers == 1:
        results = [job(p) for p in paths]  # type: ignore[operator]
    else:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(job, paths, chunksize=32))  # type: ignore[arg-type]
    assert len(results) == len(paths) and all(results)
    return time.perf_counter() - started


def pipeline(folder: Path, parallel: bool) -> float:
    """summarize_sources over the folder: read, segment, summarize (no translation)."""
    import briefgen.pipeline

    briefgen.pipeline.PARALLEL_FROM = 8 if parallel else 10**9
    started = time.perf_counter()
    briefing = briefgen.pipeline.summarize_sources(folder)
    assert briefing.sources and not briefing.skipped
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=5000)
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_folder(folder, args.files, args.chars)
        run(folder, ingest_one, 1)  # warm-up
        print(f"{args.files} files of ~{args.chars} characters")
        for name, job in (("ingest", ingest_one), ("ingest + segment", ingest_and_segment)):
            for workers in (int(w) for w in args.workers.split(",")):
                best = min(run(folder, job, workers) for _ in range(3))
                print(f"{name:18s} workers={workers}: {best:.2f} s")
        for parallel in (False, True):
            best = min(pipeline(folder, parallel) for _ in range(2))
            how = "in worker processes" if parallel else "in one process"
            print(f"summarize_sources {how}: {best:.2f} s")


if __name__ == "__main__":
    main()
