"""The Argos Translate backend: CTranslate2 + the package's own tokenizer.

briefgen segments sentences itself and sends every sentence of every source to
CTranslate2 as one stream (``translate_iterable``): CTranslate2 sorts it by length
in local windows, cuts it into batches of :data:`BATCH_HYPOTHESES` / beam examples, keeps every
worker busy and yields results in order, so memory stays bounded whatever the input
size. ``argostranslate.translate`` is never imported: it imports stanza and torch,
which would cost seconds at start-up.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import math
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from briefgen.errors import TranslationError
from briefgen.translate.base import Translation
from briefgen.translate.packages import ArgosPackage, open_package

MAX_PIECES = 250
# Examples × beam per batch. Decoding memory grows with batch × beam × output length
# per worker: on a Transformer-base package (benchmarks/README.md) 64 examples at
# beam 2 peaked at 1.1 GB on long sentences, 32 stayed near 0.6 GB at about the
# same throughput; so a batch holds 64 hypotheses, whatever the beam.
BATCH_HYPOTHESES = 64
log = logging.getLogger("briefgen")

TranslationProgress = Callable[[int, int], None]
"""Called with (texts translated so far, texts in all) as results arrive."""

# Loaded models, shared by every translator in the process: a second briefing with
# the same package does not load it again. Keyed by (model folder, device, threads).
_MODELS: dict[tuple[str, str, int], Any] = {}
_MODELS_LOCK = threading.Lock()


def cuda_available() -> bool:
    """Whether CTranslate2 sees a CUDA GPU."""
    linux_without_driver = sys.platform.startswith("linux") and not (
        Path("/proc/driver/nvidia").exists() or Path("/dev/dxg").exists()  # native or WSL2
    )
    if sys.platform == "darwin" or linux_without_driver:
        return False  # no NVIDIA driver: skip CTranslate2's probe (~50 ms of library loading)
    import ctranslate2

    try:
        return int(ctranslate2.get_cuda_device_count()) > 0
    except Exception:  # a CPU-only build or a broken driver: no GPU
        return False


class ArgosTranslator:
    """Translates with one Argos package; loads the model on first use, once per process.

    ``beam_size``: beam width (1 = greedy, fastest). ``device``: ``cpu``, ``cuda`` or
    ``auto`` (CUDA when CTranslate2 sees a GPU). ``threads``: CPU workers (default:
    one per core, at most 4). ``progress``: called as results arrive.
    """

    def __init__(
        self,
        package: ArgosPackage,
        *,
        beam_size: int = 2,
        threads: int = 0,
        device: str = "auto",
        batch_size: int = 0,
        progress: TranslationProgress | None = None,
    ) -> None:
        self.package = package
        self.beam_size = beam_size
        # Data-parallel: each core translates its own batches on one thread. On small
        # and mid-sized models this beats several threads per batch by far.
        self.threads = threads or min(4, os.cpu_count() or 1)
        self.device = device
        self.batch_size = batch_size or max(1, BATCH_HYPOTHESES // beam_size)
        self.progress = progress
        self._translator: Any = None
        self._tokenizer: Any = None

    @classmethod
    def from_path(cls, path: str | Path, **options: Any) -> ArgosTranslator:
        return cls(open_package(path), **options)

    @property
    def name(self) -> str:
        p = self.package
        return f"argos:{p.from_code}-{p.to_code} {p.name} {p.version}".strip()

    @property
    def identity(self) -> str:
        """What makes two translations of a text the same: the package's files (name,
        size, modification time: a rebuilt or reinstalled package is a new one), its
        metadata, and the decoding options. Read without loading the model."""
        parts = [self.name, f"beam={self.beam_size}", f"max={MAX_PIECES}"]
        with contextlib.suppress(OSError):
            for file in sorted(self.package.path.rglob("*")):
                if file.is_file():
                    stat = file.stat()
                    relative = file.relative_to(self.package.path).as_posix()
                    parts.append(f"{relative}:{stat.st_size}:{stat.st_mtime_ns}")
        metadata = self.package.path / "metadata.json"
        with contextlib.suppress(OSError):
            parts.append(hashlib.sha256(metadata.read_bytes()).hexdigest())
        return hashlib.sha256("|".join(parts).encode()).hexdigest()

    def _load(self) -> None:
        if self._translator is not None:
            return
        self._tokenizer = _load_tokenizer(self.package)
        self._translator = load_model(self.package.path / "model", self.device, self.threads)

    def translate(self, texts: Sequence[str]) -> list[str]:
        return [t.english for t in self.translate_scored(texts)]

    def translate_scored(self, texts: Sequence[str]) -> list[Translation]:
        """Translations with their length-normalized log-probabilities, in order."""
        if not texts:
            return []
        self._load()
        tokens = [self._tokenizer.encode(t) for t in texts]
        for text, pieces in zip(texts, tokens, strict=True):
            if len(pieces) > MAX_PIECES:
                log.warning(
                    "a sentence of %d pieces was cut to %d for translation: %s…",
                    len(pieces), MAX_PIECES, text[:30],
                )  # fmt: skip
        prefix = self.package.target_prefix
        results = run_model(
            self._translator,
            tokens,
            prefix,
            beam_size=self.beam_size,
            batch_size=self.batch_size,
            threads=self.threads,
            progress=self.progress,
            where=self.package.path,
        )
        translations = []
        for pieces, score in results:
            if prefix and pieces and pieces[0] == prefix:
                pieces = pieces[1:]
            translations.append(Translation(self._tokenizer.decode(pieces), score))
        return translations


def run_model(
    model: Any,
    tokens: list[list[str]],
    target_prefix: str | None,
    *,
    beam_size: int,
    batch_size: int,
    threads: int,
    progress: TranslationProgress | None,
    where: Path,
) -> list[tuple[list[str], float | None]]:
    """(output pieces, score) for each token list, in order: one stream through
    CTranslate2, which sorts by length in local windows and keeps every worker busy."""
    results: list[tuple[list[str], float | None]] = []
    try:
        stream = model.translate_iterable(
            tokens,
            target_prefix=[[target_prefix]] * len(tokens) if target_prefix else None,
            # Small inputs are split evenly so that every worker has a share.
            max_batch_size=min(batch_size, math.ceil(len(tokens) / threads)),
            beam_size=beam_size,
            # Models converted from Marian have 256 positions; stay inside them
            # rather than fail the whole batch on one run-away sentence.
            max_input_length=MAX_PIECES,
            max_decoding_length=MAX_PIECES,
            return_scores=True,
        )
        for result in stream:
            score = result.scores[0] if result.scores else None
            results.append((list(result.hypotheses[0]), score))
            if progress:
                progress(len(results), len(tokens))
    except (RuntimeError, ValueError) as exc:
        raise TranslationError(f"{where}: translation failed ({exc})") from exc
    return results


def compute_type(device: str) -> str:
    """The model's own type on CPU (an int8 package stays int8, a float32 one exact);
    on a GPU whatever CTranslate2 finds fastest there (float16, int8_float16)."""
    return "auto" if device == "cuda" else "default"


def load_model(model: Path, device: str, threads: int) -> Any:
    """The CTranslate2 model in folder ``model``, loaded once per process."""
    if device == "auto":
        device = "cuda" if cuda_available() else "cpu"
    elif device == "cuda" and not cuda_available():
        raise TranslationError(
            "--device cuda: CTranslate2 sees no CUDA GPU here (no NVIDIA driver, or one "
            "too old for its CUDA runtime); use --device auto or cpu"
        )
    try:  # a package reinstalled in the same place is a different model
        stamp = (model / "model.bin").stat().st_mtime_ns
    except OSError:
        stamp = 0
    key = (f"{model}@{stamp}", device, threads)
    with _MODELS_LOCK:
        if key not in _MODELS:
            _MODELS[key] = _load_model(model, device, threads)
        return _MODELS[key]


def _load_model(model: Path, device: str, threads: int) -> Any:
    import ctranslate2

    try:
        if device == "cuda":
            return ctranslate2.Translator(
                str(model), device="cuda", compute_type=compute_type(device)
            )
        return ctranslate2.Translator(
            str(model),
            device="cpu",
            compute_type=compute_type(device),
            inter_threads=threads,
            intra_threads=1,
        )
    except Exception as exc:  # CTranslate2 raises RuntimeError, ValueError, IndexError...
        raise TranslationError(f"{model}: cannot load the CTranslate2 model ({exc})") from exc


class _SentencePiece:
    def __init__(self, model_file: Path) -> None:
        import sentencepiece

        try:
            self._sp = sentencepiece.SentencePieceProcessor(model_file=str(model_file))
        except (OSError, RuntimeError) as exc:
            raise TranslationError(f"{model_file}: cannot load the tokenizer ({exc})") from exc

    def encode(self, text: str) -> list[str]:
        return list(self._sp.encode(text, out_type=str))

    def decode(self, pieces: list[str]) -> str:
        # Decoded by SentencePiece itself: Argos's decoder turns "_" into spaces.
        return str(self._sp.decode_pieces(pieces))


class _ArgosBPE:
    """Older packages' BPE tokenizer (Moses + subword-nmt), which Argos Translate provides."""

    def __init__(self, model_file: Path, from_code: str, to_code: str) -> None:
        try:
            from argostranslate.tokenizer import BPETokenizer
        except ImportError:
            raise TranslationError(
                f"{model_file.parent}: this package uses the older BPE tokenizer, which "
                "needs Argos Translate: pip install 'briefgen[argos]'"
            ) from None
        self._bpe = BPETokenizer(model_file, from_code, to_code)

    def encode(self, text: str) -> list[str]:
        return list(self._bpe.encode(text))

    def decode(self, pieces: list[str]) -> str:
        return str(self._bpe.decode(pieces))


def _load_tokenizer(package: ArgosPackage) -> _SentencePiece | _ArgosBPE:
    kind = package.tokenizer
    if kind == "sentencepiece":
        return _SentencePiece(package.path / "sentencepiece.model")
    if kind == "bpe":
        return _ArgosBPE(package.path / "bpe.model", package.from_code, package.to_code)
    raise TranslationError(
        f"{package.path}: package has no tokenizer (sentencepiece.model or bpe.model)"
    )
