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

import functools
import re
import threading
import warnings
from dataclasses import dataclass
from typing import Any

from briefgen.text.languages import RULES

_LOCK = threading.Lock()
_JA: Any = None


@dataclass(frozen=True, slots=True)
class Token:
    """A word as written, its part of speech (most general first), its span, its
    normalized form (見る for み, 為る for し), whether the dictionary lacks it, and
    its conjugation form (``終止形-一般``, ``連用形-一般``…; "" for words that do not
    conjugate): the timeline reads tense from it."""

    surface: str
    pos: tuple[str, ...]
    span: tuple[int, int]
    normalized: str = ""
    unknown: bool = False
    form: str = ""

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

    tokens = []
    for m in _JA.tokenize(text, SplitMode.C):
        pos = m.part_of_speech()
        form = pos[5] if pos[5] != "*" else ""
        tokens.append(
            Token(m.surface(), pos[:4], (m.begin(), m.end()), m.normalized_form(), m.is_oov(), form)
        )
    return tokens


def content_words(text: str, language: str, tokens: list[Token] | None = None) -> list[str]:
    """The words of ``text`` that say what it is about, normalized, with repeats.

    - Japanese: SudachiPy's nouns, verbs and adjectives, normalized (``tokens``:
      ``tokenize_ja(text)`` when the caller has it already);
    - Chinese: jieba's words when the ``zh`` extra is installed, else character
      bigrams; Korean: Kiwi's nouns, verbs and adjectives with the ``ko`` extra, else
      words without their particles;
    - a language of :data:`~briefgen.text.languages.RULES`: words without its stop
      words, Snowball-stemmed; any other: lower-cased words and kanji bigrams.
    """
    if language == "ja":
        return [t.normalized for t in (tokens or tokenize_ja(text)) if t.is_content]
    if language == "zh":
        return _chinese_words(text)
    if language == "ko":
        return _korean_words(text)
    if rules := RULES.get(language):
        words = [w for w in map(str.lower, _WORD.findall(text)) if w not in rules.stop_words]
        return list(_stemmer(rules.snowball).stemWords(words))
    return sorted(terms(text))


@functools.cache
def _stemmer(name: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(name)


# One character each: the commonest function words.
_ZH_STOP_WORDS = frozenset(
    "的了在是和也就都而及与着或等被把这那有为对上中以之其于将从向个我你他她它们并但又还让所由此"
)
_KO_PARTICLES = (
    "에서는", "에게서", "으로는", "에서", "에게", "으로", "까지", "부터", "처럼", "보다",
    "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만",
)  # fmt: skip


def _chinese_words(text: str) -> list[str]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # jieba 0.42 imports the deprecated pkg_resources
            import jieba
    except ImportError:
        return sorted(terms(text))
    jieba.setLogLevel(60)  # no "Building prefix dict" chatter on stderr
    return [
        w.lower()
        for w in jieba.lcut(text)
        if w.strip() and w not in _ZH_STOP_WORDS and any(ch.isalnum() for ch in w)
    ]


@functools.cache
def _kiwi() -> Any:
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        return None
    return Kiwi()


def _korean_words(text: str) -> list[str]:
    kiwi = _kiwi()
    if kiwi is None:
        words = []
        for word in _WORD.findall(text):
            for particle in _KO_PARTICLES:
                if word.endswith(particle) and len(word) > len(particle):
                    word = word[: -len(particle)]
                    break
            words.append(word.lower())
        return words
    return [
        t.form.lower()
        for t in kiwi.tokenize(text)
        if t.tag.startswith(("NN", "VV", "VA", "SL", "SN"))
    ]


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
