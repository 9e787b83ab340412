"""Quality flags: signs that a translation should not be trusted as it stands.

Each check is cheap and model-independent; a flagged translation is still shown,
marked, and counted in the run summary, never passed off as a good one:

- ``empty``: no English for a non-empty original;
- ``untranslated``: the English still holds a run of the source's own script
  (a glossary note ``[term: English]`` does not count);
- ``repetition``: the same word or phrase over and over (a decoding loop);
- ``length``: far shorter or longer than the original's length suggests;
- ``low confidence``: the model's own geometric-mean token probability is under
  :data:`LOW_CONFIDENCE`;
- ``truncated``: the original was too long for the model; only its beginning
  was translated.

Text the user gave (a glossary's English) is never flagged.
"""

from __future__ import annotations

import math
import re

from briefgen.translate.base import Translation

LOW_CONFIDENCE = 0.25  # exp(mean token log-probability); ~ -1.4 nats per piece
MIN_SENTENCE_CHARS = 20

# Runs of each source script that must not survive into English (two or more
# characters: a lone 々 or a stray CJK punctuation mark is not a sentence left over).
_SCRIPT = {
    "ja": r"[\u3041-\u30ff\u4e00-\u9fff]{2,}",
    "zh": r"[\u4e00-\u9fff]{2,}",
    "ko": r"[\uac00-\ud7af]{2,}",
    "ru": r"[\u0400-\u04ff]{3,}",
    "uk": r"[\u0400-\u04ff]{3,}",
    "ar": r"[\u0600-\u06ff]{3,}",
}
# English characters per source character, roughly (news text).
_EXPECTED_RATIO = {"ja": 2.4, "zh": 3.2, "ko": 2.0}
_NOTE = re.compile(r"\[[^\[\]]*: [^\[\]]*\]")


def confidence(translation: Translation) -> float | None:
    """The geometric-mean token probability (0–1), when the backend scored it."""
    if translation.log_prob is None:
        return None
    return math.exp(min(0.0, translation.log_prob))


def flags(original: str, translation: Translation, language: str) -> tuple[str, ...]:
    """The quality flags of one translation, in a fixed order."""
    english = translation.english.strip()
    source = original.strip()
    if translation.memory:
        return (translation.memory,)  # an analyst's correction, for a text that differs
    if not source or translation.exact:
        return ()
    if not english:
        return ("empty",)
    found = []
    script = _SCRIPT.get(language)
    if script and re.search(script, _NOTE.sub("", english)):
        found.append("untranslated")
    if _repeats(english):
        found.append("repetition")
    # Names and headings vary too much in length (北大西洋条約機構 → NATO): sentences only.
    if len(source) >= MIN_SENTENCE_CHARS:
        expected = len(source) * _EXPECTED_RATIO.get(language, 1.1)
        if not expected / 4 <= len(english) <= expected * 4:
            found.append("length")
    score = confidence(translation)
    if score is not None and score < LOW_CONFIDENCE:
        found.append("low confidence")
    if translation.truncated:
        found.append("truncated")
    return tuple(found)


def _repeats(english: str) -> bool:
    # Numbers are left out: 1,000,000,000 is not a loop.
    words = [w for w in re.findall(r"\w+", english.lower()) if not w.isdigit()]
    if len(words) < 6:
        return False
    # The same word six times in a row ("no, no, no, no" is speech, not a loop), or
    # the same two- or three-word phrase four times back to back.
    for n, times in ((1, 6), (2, 4), (3, 4)):
        grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
        for i in range(len(grams) - (times - 1) * n):
            if len({grams[i + k * n] for k in range(times)}) == 1:
                return True
    # one content word making up over a third of a long output
    counts: dict[str, int] = {}
    for word in words:
        if len(word) > 3:
            counts[word] = counts.get(word, 0) + 1
    return len(words) >= 12 and max(counts.values(), default=0) * 3 > len(words)
