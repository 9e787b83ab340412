"""Which language a text, or one sentence of it, is written in.

Scripts decide between Japanese, Chinese, Korean, Russian and Latin letters; among
languages written in Latin letters, their commonest words decide
(``text.languages.RULES``). ``benchmarks/language_id.py`` compares this with
py3langid on single sentences.
"""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]+")
_CJK_OR_CYRILLIC = re.compile(
    r"[\u3041-\u30fa\u3400-\u9fff\uf900-\ufaff\uff66-\uff9d\uac00-\ud7af\u0400-\u04ff]"
)


def detect_language(text: str) -> str:
    """A language code from the scripts the text is written in.

    Japanese needs a real share of kana (a loanword in katakana does not make an
    English text Japanese); otherwise the most frequent script decides, and among
    languages written in Latin letters, their commonest words. This is enough to pick
    a translation model; ``--lang`` overrides it.
    """
    counts = {"ja": 0, "zh": 0, "ko": 0, "ru": 0, "en": 0}
    for ch in text:
        o = ord(ch)
        if (0x3041 <= o <= 0x30FA) or 0xFF66 <= o <= 0xFF9D:  # kana, not ・ or ー
            counts["ja"] += 1
        elif 0x4E00 <= o <= 0x9FFF:
            counts["zh"] += 1
        elif 0xAC00 <= o <= 0xD7AF:
            counts["ko"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["ru"] += 1
        elif ch.isascii() and ch.isalpha():
            counts["en"] += 1
    total = sum(counts.values())
    if counts["ja"] and counts["ja"] * 10 >= total:
        return "ja"
    counts["ja"] = 0
    script = max(counts, key=lambda k: counts[k])
    return latin_language(text) if script == "en" else script


def latin_language(text: str) -> str:
    """Which language written in Latin letters: the one whose commonest words
    (``text.languages.RULES``) the text uses most; English when none stands out."""
    from briefgen.text.languages import RULES

    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    hits = {
        code: sum(1 for w in words if w in rules.stop_words)
        for code, rules in RULES.items()
        if code != "ru"
    }
    best = max(hits, key=lambda code: (hits[code], code == "en"))
    return best if hits[best] > hits["en"] else "en"


def sentence_language(text: str, source_language: str) -> str:
    """``en`` for an English sentence inside a source in another language (a bilingual
    press release, a quoted statement), else ``source_language``.

    In a source in Japanese, Chinese, Korean or Russian, a sentence with none of that
    script and at least three words in Latin letters is English unless the common
    words of another Latin-script language stand out. In a source in another
    Latin-script language it takes three English common words, and three times as
    many as of the source's own.
    """
    if source_language == "en" or _CJK_OR_CYRILLIC.search(text):
        return source_language
    words = _LETTERS.findall(text.lower())
    if len(words) < 3:
        return source_language
    from briefgen.text.languages import RULES

    english = sum(1 for w in words if w in RULES["en"].stop_words)
    if source_language in ("ja", "zh", "ko", "ru"):
        return "en" if latin_language(text) == "en" else source_language
    own = RULES.get(source_language)
    if own is None:
        return source_language
    native = sum(1 for w in words if w in own.stop_words)
    return "en" if english >= 3 and english >= 3 * native else source_language
