"""The Argos Translate backend: CTranslate2 + the package's own tokenizer.

briefgen segments sentences itself and sends every sentence of every source to
CTranslate2 in one ``translate_batch`` call. ``argostranslate.translate`` is never
imported: it imports stanza and torch, which would cost seconds at start-up.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefgen.errors import TranslationError
from briefgen.translate.packages import ArgosPackage, open_package

MAX_PIECES = 250
log = logging.getLogger("briefgen")


class ArgosTranslator:
    """Translates with one Argos package. Loads the model on first use."""

    def __init__(self, package: ArgosPackage, *, beam_size: int = 2, threads: int = 0) -> None:
        self.package = package
        self.beam_size = beam_size
        # Data-parallel: each core translates its share of the batch on one thread.
        # On small and mid-sized models this beats several threads per batch by far
        # (measured: 0.06 s vs 0.8 s for the seed on 2 cores with the demo model).
        self.threads = threads or min(4, os.cpu_count() or 1)
        self._translator: Any = None
        self._tokenizer: Any = None

    @classmethod
    def from_path(cls, path: str | Path, **options: Any) -> ArgosTranslator:
        return cls(open_package(path), **options)

    @property
    def name(self) -> str:
        p = self.package
        return f"argos:{p.from_code}-{p.to_code} {p.name} {p.version}".strip()

    def _load(self) -> None:
        if self._translator is not None:
            return
        import ctranslate2

        self._tokenizer = _load_tokenizer(self.package)
        try:
            self._translator = ctranslate2.Translator(
                str(self.package.path / "model"),
                device="cpu",
                inter_threads=self.threads,
                intra_threads=1,
            )
        except Exception as exc:  # CTranslate2 raises RuntimeError, ValueError, IndexError...
            raise TranslationError(
                f"{self.package.path / 'model'}: cannot load the CTranslate2 model ({exc})"
            ) from exc

    def translate(self, texts: Sequence[str]) -> list[str]:
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
        try:
            results = self._translator.translate_batch(
                tokens,
                beam_size=self.beam_size,
                # Models converted from Marian have 256 positions; stay inside them
                # rather than fail the whole batch on one run-away sentence.
                max_input_length=MAX_PIECES,
                max_decoding_length=MAX_PIECES,
                # Split into one sub-batch per worker; CTranslate2 sorts them by length.
                max_batch_size=math.ceil(len(tokens) / self.threads),
                target_prefix=[[prefix]] * len(tokens) if prefix else None,
            )
        except (RuntimeError, ValueError) as exc:
            raise TranslationError(f"{self.package.path}: translation failed ({exc})") from exc
        english = []
        for result in results:
            pieces = result.hypotheses[0]
            if prefix and pieces and pieces[0] == prefix:
                pieces = pieces[1:]
            english.append(self._tokenizer.decode(pieces))
        return english


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
