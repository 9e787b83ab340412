"""Word tokenization with parts of speech, per language.

Japanese uses SudachiPy with its core dictionary (chosen by measurement, see
``benchmarks/README.md``: fastest of the three tried, names tagged as proper nouns,
within the install budget). The analyzer is loaded on first use, once per process,
so sources in other languages never pay for it.

:func:`content_words` gives the words that say what a sentence is about, for
ranking and redundancy: Japanese nouns, verbs and adjectives in their normalized
form; in other languages the dictionary-free terms of :func:`terms`.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

_LOCK = threading.Lock()
_JA: Any = None


@dataclass(frozen=True, slots=True)
class Token:
    """A word as written, its part of speech (most general first), its span, its
    normalized form (見る for み, 為る for し), and whether the dictionary lacks it."""

    surface: str
    pos: tuple[str, ...]
    span: tuple[int, int]
    normalized: str = ""
    unknown: bool = False

    @property
    def is_noun(self) -> bool:
        return self.pos[:1] == ("名詞",) or self.pos[:2] == ("接尾辞", "名詞的")

    @property
    def proper_kind(self) -> str | None:
        """``person``, ``place`` or ``name`` for a proper noun, else ``None``."""
        if self.pos[:2] != ("名詞", "固有名詞"):
            return None
        return {"人名": "person", "地名": "place"}.get(self.pos[2], "name")

    @property
    def is_content(self) -> bool:
        """A noun, verb or adjective that carries meaning (not 数詞, not する/ある/いる)."""
        head = self.pos[0]
        if head == "名詞":
            return self.pos[1] != "数詞" and self.surface not in _JA_FORMAL_NOUNS
        if head in ("動詞", "形容詞"):
            return self.pos[1] != "非自立可能"
        return False


# Nouns that only hold a sentence together.
_JA_FORMAL_NOUNS = frozenset(
    [
        "こと",
        "もの",
        "ため",
        "よう",
        "ところ",
        "方",
        "中",
        "等",
        "他",
        "上",
        "下",
        "際",
        "点",
        "件",
        "者",
        "的",
    ]
)


def tokenize_ja(text: str) -> list[Token]:
    """Japanese words of ``text`` (SudachiPy, split mode C: the longest units)."""
    global _JA
    with _LOCK:
        if _JA is None:
            from sudachipy import Dictionary

            _JA = Dictionary().tokenizer()
    from sudachipy import SplitMode

    return [
        Token(
            m.surface(),
            m.part_of_speech()[:4],
            (m.begin(), m.end()),
            m.normalized_form(),
            m.is_oov(),
        )
        for m in _JA.tokenize(text, SplitMode.C)
    ]


def content_words(text: str, language: str, tokens: list[Token] | None = None) -> list[str]:
    """The words of ``text`` that say what it is about, normalized, with repeats.

    ``tokens``: ``tokenize_ja(text)`` when the caller has it already (Japanese).
    """
    if language == "ja":
        return [t.normalized for t in (tokens or tokenize_ja(text)) if t.is_content]
    return sorted(terms(text))


_KATAKANA = re.compile(r"[ァ-ヺー][ァ-ヺー・]*[ァ-ヺー]")
# Words of any alphabet (Latin, Cyrillic, Hangul…): letters and digits, not kana or kanji.
_WORD = re.compile(r"[^\W_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]{2,}")
_KANJI_RUN = re.compile(r"[一-龯々]+")
_LATIN_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "will",
        "with",
    ]
)


def terms(text: str) -> set[str]:
    """Dictionary-free terms: katakana runs (names, loanwords), words of letters and
    digits in other scripts (lower-cased, common English words left out), and kanji
    bigrams, which capture compounds like 北極 / 首脳 / 会談."""
    found = set(_KATAKANA.findall(text))
    found.update(w for w in map(str.lower, _WORD.findall(text)) if w not in _LATIN_STOP_WORDS)
    for run in _KANJI_RUN.findall(text):
        if len(run) == 1:
            continue
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    return found
