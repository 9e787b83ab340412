"""CTranslate2 models converted from Hugging Face: OPUS-MT (Marian), NLLB-200, M2M-100.

A user converts a model once (the README has the commands), e.g.::

    ct2-transformers-converter --model facebook/nllb-200-distilled-600M \\
        --quantization int8 --output_dir nllb --copy_files tokenizer.json \\
        sentencepiece.bpe.model tokenizer_config.json special_tokens_map.json

and gives the folder to ``--model``. The family is told from the folder alone:
OPUS-MT has ``source.spm`` and ``target.spm``; NLLB and M2M-100 share
``sentencepiece.bpe.model`` and differ in their language tokens (``jpn_Jpan`` /
``__ja__``), which only the vocabulary reliably holds. Source tokens are the
SentencePiece pieces (never its ids: the models' vocabularies number pieces their own
way) plus ``</s>``, after the source language token for NLLB and M2M-100, whose
output then starts with the target language token given as the target prefix.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.errors import TranslationError
from briefgen.translate.argos import (
    BATCH_HYPOTHESES,
    MAX_PIECES,
    TranslationProgress,
    load_model,
    run_model,
)
from briefgen.translate.base import Translation

# NLLB-200's codes for the languages briefgen reads.
NLLB_CODES = {
    "ja": "jpn_Jpan", "zh": "zho_Hans", "ko": "kor_Hang", "ru": "rus_Cyrl",
    "de": "deu_Latn", "fr": "fra_Latn", "es": "spa_Latn", "it": "ita_Latn",
    "pt": "por_Latn", "nl": "nld_Latn", "en": "eng_Latn",
}  # fmt: skip
FAMILY_NAMES = {"opus-mt": "OPUS-MT (Marian)", "nllb": "NLLB-200", "m2m100": "M2M-100"}
_SPECIAL = frozenset({"<s>", "</s>", "<pad>", "<unk>", "<mask>"})
_COPY_FILES = (
    "convert it with ct2-transformers-converter --copy_files: source.spm target.spm "
    "(OPUS-MT), or sentencepiece.bpe.model (NLLB-200, M2M-100)"
)


@dataclass(frozen=True)
class ModelFolder:
    """A converted model folder and what it is."""

    path: Path
    family: str  # "opus-mt", "nllb" or "m2m100"
    source_spm: Path
    target_spm: Path
    vocabulary: frozenset[str]
    languages: tuple[str | None, str | None] = (None, None)  # OPUS-MT's, when it says

    def language_token(self, code: str) -> str | None:
        """The token that names language ``code`` (None for OPUS-MT, one pair a model)."""
        if self.family == "nllb":
            return NLLB_CODES.get(code, f"{code}_?")
        if self.family == "m2m100":
            return f"__{code}__"
        return None


def is_model_folder(path: str | Path) -> bool:
    """A CTranslate2 model folder, not an Argos package (which has metadata.json)."""
    folder = Path(path)
    return (folder / "model.bin").is_file() and not (folder / "metadata.json").exists()


def open_model_folder(path: str | Path) -> ModelFolder:
    """The folder's family and files; one line naming what is missing otherwise."""
    folder = Path(path)
    if not (folder / "model.bin").is_file():
        raise TranslationError(f"{folder}: no model.bin; not a CTranslate2 model folder")
    vocabulary = _vocabulary(folder)
    if (folder / "source.spm").is_file() and (folder / "target.spm").is_file():
        return ModelFolder(
            folder,
            "opus-mt",
            folder / "source.spm",
            folder / "target.spm",
            vocabulary,
            _opus_languages(folder),
        )
    spm = folder / "sentencepiece.bpe.model"
    if spm.is_file():
        for family, token in (("nllb", "eng_Latn"), ("m2m100", "__en__")):
            if token in vocabulary:
                return ModelFolder(folder, family, spm, spm, vocabulary)
        raise TranslationError(
            f"{folder}: has sentencepiece.bpe.model but neither NLLB's (eng_Latn) nor "
            "M2M-100's (__en__) language tokens: not a model briefgen knows"
        )
    raise TranslationError(f"{folder}: no SentencePiece files; {_COPY_FILES}")


def _vocabulary(folder: Path) -> frozenset[str]:
    for name in ("shared_vocabulary.json", "target_vocabulary.json"):
        if (folder / name).is_file():
            with contextlib.suppress(OSError, ValueError):
                tokens = json.loads((folder / name).read_text(encoding="utf-8"))
                if isinstance(tokens, list):
                    return frozenset(str(t) for t in tokens)
            raise TranslationError(f"{folder / name}: not a vocabulary (a JSON list)")
    for name in ("shared_vocabulary.txt", "target_vocabulary.txt"):  # CTranslate2 3.x
        with contextlib.suppress(OSError):
            text = (folder / name).read_text(encoding="utf-8")
            return frozenset(text.splitlines())
    raise TranslationError(f"{folder}: no shared_vocabulary.json; not a CTranslate2 model")


def _opus_languages(folder: Path) -> tuple[str | None, str | None]:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
        return config.get("source_lang"), config.get("target_lang")
    return None, None


class ModelFolderTranslator:
    """Translates ``source``→``target`` with a converted OPUS-MT, NLLB or M2M-100 model,
    with the same batching, threads, device choice and scores as the Argos engine."""

    def __init__(
        self,
        folder: ModelFolder,
        source: str,
        target: str = "en",
        *,
        beam_size: int = 2,
        threads: int = 0,
        device: str = "auto",
        progress: TranslationProgress | None = None,
    ) -> None:
        self.folder, self.source, self.target = folder, source, target
        self.beam_size = beam_size
        self.threads = threads or min(4, os.cpu_count() or 1)
        self.device = device
        self.batch_size = max(1, BATCH_HYPOTHESES // beam_size)
        self.progress = progress
        self.source_token = folder.language_token(source)
        self.target_token = folder.language_token(target)
        kind = FAMILY_NAMES[folder.family]
        for code, token in ((source, self.source_token), (target, self.target_token)):
            if token is not None and token not in folder.vocabulary:
                raise TranslationError(
                    f"{folder.path}: this {kind} model has no {token} token: "
                    f"it does not translate {code}"
                )
        said_source, said_target = folder.languages
        if _differs(said_source, source) or _differs(said_target, target):
            raise TranslationError(
                f"{folder.path}: this {kind} model translates {said_source}→{said_target}, "
                f"not {source}→{target}"
            )
        self._model: Any = None
        self._source_sp: Any = None
        self._target_sp: Any = None

    @property
    def name(self) -> str:
        kind = FAMILY_NAMES[self.folder.family]
        return f"ct2:{kind} {self.source}-{self.target} {self.folder.path.name}"

    @property
    def identity(self) -> str:
        """The folder's files (name, size, time), the languages and the beam."""
        parts = [self.name, f"beam={self.beam_size}", f"max={MAX_PIECES}"]
        with contextlib.suppress(OSError):
            for file in sorted(self.folder.path.iterdir()):
                if file.is_file():
                    stat = file.stat()
                    parts.append(f"{file.name}:{stat.st_size}:{stat.st_mtime_ns}")
        return hashlib.sha256("|".join(parts).encode()).hexdigest()

    def _load(self) -> None:
        if self._model is not None:
            return
        import sentencepiece

        try:
            self._source_sp = sentencepiece.SentencePieceProcessor(
                model_file=str(self.folder.source_spm)
            )
            self._target_sp = sentencepiece.SentencePieceProcessor(
                model_file=str(self.folder.target_spm)
            )
        except (OSError, RuntimeError) as exc:
            raise TranslationError(
                f"{self.folder.path}: cannot load the tokenizer ({exc})"
            ) from exc
        self._model = load_model(self.folder.path, self.device, self.threads)

    def source_tokens(self, text: str) -> list[str]:
        """What the encoder reads: [language token] + pieces + </s>."""
        self._load()
        pieces = list(self._source_sp.encode(text.strip(), out_type=str))
        head = [self.source_token] if self.source_token else []
        return head + pieces[: MAX_PIECES - len(head) - 1] + ["</s>"]

    def detokenize(self, pieces: Sequence[str]) -> str:
        """The text of output pieces, without special and language tokens."""
        kept = [
            p
            for p in pieces
            if p not in _SPECIAL
            and not p.startswith("madeupword")
            and not _is_language_token(p, self.folder.family)
        ]
        # Pieces the target model lacks come back verbatim, word marks included.
        return str(self._target_sp.decode(kept)).replace("\u2581", " ").strip()

    def translate(self, texts: Sequence[str]) -> list[str]:
        return [t.english for t in self.translate_scored(texts)]

    def translate_scored(self, texts: Sequence[str]) -> list[Translation]:
        if not texts:
            return []
        tokens = [self.source_tokens(text) for text in texts]
        results = run_model(
            self._model,
            tokens,
            self.target_token,
            beam_size=self.beam_size,
            batch_size=self.batch_size,
            threads=self.threads,
            progress=self.progress,
            where=self.folder.path,
        )
        return [Translation(self.detokenize(pieces), score) for pieces, score in results]


# ISO 639-3 codes some OPUS-MT configs give, for the languages briefgen reads.
_THREE_LETTER = {"jpn": "ja", "jap": "ja", "zho": "zh", "kor": "ko", "rus": "ru",
                 "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es",
                 "ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "eng": "en"}  # fmt: skip


def _differs(said: str | None, code: str) -> bool:
    """Whether an OPUS-MT tokenizer_config language ("ja", "jpn", "mul") rules ``code`` out."""
    if not isinstance(said, str) or said in ("mul", ""):
        return False
    return _THREE_LETTER.get(said.lower(), said.lower()[:2]) != code


def _is_language_token(piece: str, family: str) -> bool:
    if family == "nllb":
        return len(piece) == 8 and piece[3] == "_" and piece[:3].islower()
    if family == "m2m100":
        return piece.startswith("__") and piece.endswith("__") and len(piece) <= 9
    return False
