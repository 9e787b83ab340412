"""CPU against GPU on the Transformer-base-size package, through briefgen's engine.

    python benchmarks/base_model.py     # once: the random Transformer-base package
    python benchmarks/gpu.py [--sentences 2000]

Translates the same distinct Japanese sentences (../shared/eval, as translation.py)
with ``ArgosTranslator`` on ``cpu`` and on ``cuda`` (compute type as briefgen picks it:
the model's own on CPU, CTranslate2's fastest on the GPU), after a warm-up batch that
loads the model. Without a CUDA GPU it says so and measures the CPU alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from base_model import OUT as PACKAGE  # noqa: E402
from translation import sentences  # noqa: E402

from briefgen.translate.argos import ArgosTranslator, compute_type, cuda_available  # noqa: E402


def rate(device: str, texts: list[str]) -> float:
    translator = ArgosTranslator.from_path(PACKAGE, device=device, beam_size=2)
    translator.translate(texts[:8])  # load the model
    started = time.perf_counter()
    translator.translate(texts)
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=2000)
    args = parser.parse_args()
    if not Path(PACKAGE).exists():
        sys.exit(f"{PACKAGE}: run benchmarks/base_model.py first")
    texts = sentences(args.sentences)
    cpu = rate("cpu", texts)
    print(f"cpu  ({compute_type('cpu')}): {cpu:8.1f} sentences/s")
    if not cuda_available():
        print("cuda: CTranslate2 sees no CUDA GPU on this machine; nothing to compare")
        return
    gpu = rate("cuda", texts)
    print(f"cuda ({compute_type('cuda')}): {gpu:8.1f} sentences/s  ({gpu / cpu:.1f}x the CPU)")


if __name__ == "__main__":
    main()
