"""Sentence segmentation, for Japanese and other CJK text and for languages with spaces.

A sentence ends at 。！？ (or their ASCII / full-width forms) unless the mark
is inside a matched pair of quotes or brackets: 「彼は『行く。』と言った。」 is
one sentence. Closing marks that follow the terminator (」, ）, more ！？)
belong to the sentence. A full-width period ends a sentence unless it
sits between digits (３．５); an ASCII period only when white space or the end of
the paragraph follows it, so "D.C." and "3.5" stay whole, and not after a lone
letter or dotted letters ("J. Smith", "U.S. Army"), before a lower-case word ("etc.
and"), after one of the language's abbreviations ("Dr.", "z. B.", "г.") or after a
day before a month name ("am 14. Juli"). Sentences never cross paragraphs, and each
keeps its span in the source text.
"""

from __future__ import annotations

import re

from briefgen.model import Sentence, Source, Span
from briefgen.text.languages import RULES, WordRules

_TERMINATORS = frozenset("。！？!?｡")
_PAIRS = {
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "“": "”",
    "【": "】",
    "〈": "〉",
    "《": "》",
    "［": "］",
    "[": "]",
    "｛": "｝",
    "〔": "〕",
}
_OPENER = {close: open_ for open_, close in _PAIRS.items()}
_CLOSERS = frozenset(_PAIRS.values()) | {'"'}
_QUOTE_OPENERS = frozenset("「『“《〈")
_TRAILING = (_TERMINATORS | _CLOSERS | frozenset("…‥．")) - {'"'}


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges (open, close) of properly matched brackets and quotes.

    Unmatched marks (typos, a quote that runs past the paragraph) are ignored,
    so one stray 「 cannot swallow the rest of a paragraph.
    """
    ranges: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    open_count: dict[str, int] = dict.fromkeys(_PAIRS, 0)
    ascii_quote: int | None = None
    for i, ch in enumerate(text):
        if ch == '"':
            if ascii_quote is None:
                ascii_quote = i
            else:
                ranges.append((ascii_quote, i))
                ascii_quote = None
        elif ch in _PAIRS:
            stack.append((ch, i))
            open_count[ch] += 1
        elif ch in _CLOSERS and open_count[_OPENER[ch]]:
            # Pop to the matching opener; openers skipped over were unmatched.
            while stack:
                opener, start = stack.pop()
                open_count[opener] -= 1
                if opener == _OPENER[ch]:
                    ranges.append((start, i))
                    break
    return ranges


def _inside(text: str, ranges: list[tuple[int, int]]) -> list[bool]:
    """For each character, whether it lies strictly inside some matched pair."""
    depth_change = [0] * (len(text) + 1)
    for start, end in ranges:
        depth_change[start + 1] += 1
        depth_change[end] -= 1
    inside, depth = [], 0
    for change in depth_change[:-1]:
        depth += change
        inside.append(depth > 0)
    return inside


def _ends_sentence(text: str, i: int, rules: WordRules | None) -> bool:
    ch = text[i]
    following = text[i + 1 : i + 2]
    if (
        ch in "?!"
        and following.isascii()
        and (following.isalnum() or following in "=&/%#_")
        and text[i - 1 : i].isascii()
    ):
        return False  # example.org/path?x=1, Yahoo!Japan: the mark is inside a word
    if ch in _TERMINATORS:
        return True
    if ch == "．":
        return not (text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit())
    if ch == ".":
        following = text[i + 1 : i + 2]
        if following and not following.isspace():
            return False  # 3.5, U.S., example.com
        # The word before the period, looked for in a short window: searching back from
        # the paragraph's start would make a long paragraph quadratic.
        word = _WORD_BEFORE.search(text, max(0, i - 40), i)
        before = word.group(0) if word else ""
        # "J. Smith", "z. B.", "U.S. Army": a lone letter, or single letters with
        # periods between them, make an abbreviation (not "3.5." or "example.com.").
        if (len(before) == 1 and before.isalpha()) or _DOTTED_LETTERS.fullmatch(before):
            return False
        after = _WORD_AFTER.match(text, i + 1)
        next_word = after.group(1) if after else ""
        if next_word[:1].islower():
            return False  # "etc. and", "z. B. die": a sentence starts with a capital
        if rules is None:
            return True
        if before.lower() in rules.abbreviations:
            return False  # Dr. Smith, Nr. 5
        if before.isdigit() and len(before) <= 3:
            # "am 14. Juli", "im 19. Jahrhundert", "zum 3. Mal": an ordinal, no sentence end.
            months = {form for forms in rules.months for form in forms}
            if next_word.lower() in months:
                return False
            previous = _WORD_BEFORE.search(text, max(0, i - len(before) - 40), i - len(before))
            if previous and previous.group(0).lower() in rules.ordinal_words:
                return False
        return True
    return False


# \uf0a7 and \uf0b7: Word's Symbol-font bullets as PDF text layers give them.
_BULLET = re.compile(r"[・•●○◦▪◆◇■□▼▽★☆※▶►\uf0a7\uf0b7]\s*|[-*–—]\s+")
_WORD_BEFORE = re.compile(r"[\w.\-]+(?=\s*$)")
_DOTTED_LETTERS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_WORD_AFTER = re.compile(r"\s+[\"“„«(]?(\w+)")


def _closes_quoted_sentence(text: str, i: int) -> bool:
    """「全部だ。」「次も。」: a quote that ends like a sentence, then another starts.
    A bracket after the quote annotates it (「番組名!」(月〜金)で…): the sentence goes on."""
    if text[i] not in _CLOSERS or i == 0 or text[i - 1] not in _TERMINATORS:
        return False
    following = text[i + 1 : i + 2]
    return bool(following) and (following in _QUOTE_OPENERS or following.isspace())


def split_sentences(
    text: str, offset: int = 0, language: str | None = None
) -> list[tuple[str, Span]]:
    """Split one paragraph into sentences: ``(text, (start, end))`` pairs.

    Spans are offsets into the paragraph plus ``offset`` (the paragraph's start
    in its source); leading and trailing white space is not part of a sentence.
    ``language`` names the abbreviations an ASCII period does not end a sentence
    after (:mod:`briefgen.text.languages`).
    """
    rules = RULES.get(language or "")
    ranges = _quoted_ranges(text)
    inside = _inside(text, ranges)
    closing = {end for _, end in ranges}
    pieces: list[tuple[int, int]] = []
    start = 0
    i = 0
    while i < len(text):
        if not inside[i] and _closes_quoted_sentence(text, i):
            pieces.append((start, i + 1))
            start = i = i + 1
            continue
        if not inside[i] and _ends_sentence(text, i, rules):
            end = i + 1
            # Closing marks and repeated terminators belong to the sentence; a '"'
            # only when it closes a quote (otherwise it opens the next one).
            while end < len(text) and (text[end] in _TRAILING or end in closing):
                end += 1
            pieces.append((start, end))
            start = i = end
            continue
        i += 1
    pieces.append((start, len(text)))

    sentences: list[tuple[str, Span]] = []
    for begin, end in pieces:
        chunk = text[begin:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        s = offset + begin + lead
        sentences.append((stripped, (s, s + len(stripped))))
    return sentences


def segment_source(source: Source) -> list[Sentence]:
    """All sentences of a source, in order, with ids ``s1``, ``s2``, ..."""
    sentences: list[Sentence] = []
    paragraph_index = 0
    for section_index, section in enumerate(source.sections):
        for paragraph in section.paragraphs:
            # A list item's bullet is no part of its sentence (・金融庁は…).
            bullet = _BULLET.match(paragraph.text)
            start = bullet.end() if bullet else 0
            for text, span in split_sentences(
                paragraph.text[start:], offset=paragraph.span[0] + start, language=source.language
            ):
                sentences.append(
                    Sentence(
                        id=f"s{len(sentences) + 1}",
                        text=text,
                        section=section_index,
                        paragraph=paragraph_index,
                        span=span,
                    )
                )
            paragraph_index += 1
    return sentences
