"""A glossary: source terms that must come out as given English, wherever they appear.

File format (``--glossary FILE``): one ``term<TAB>English`` per line (or
``term,English`` as CSV when no line has a tab); ``#`` starts a comment line; a
first line whose second cell is ``english``/``en``/``translation``/``target`` is a
header. Longer terms win over shorter ones they contain.

How a term is enforced, in order (the order chosen by measurement, see
``benchmarks/README.md``: post-edit found the term in 80 % of the seed's term
occurrences, placeholders in none, with the models available here):

1. **whole text**: a title, heading or name that *is* a term gets the glossary's
   English directly, without the model;
2. **post-edit**: the sentence is translated as it is, and the model's own
   rendering of the term (the term translated alone) is replaced by the English;
   the translation is otherwise untouched;
3. **placeholder**: where that rendering is not in the output, the sentence is also
   translated with the term replaced by a number the model may copy through
   (``9731``…), and the English put back where the number comes out;
4. **note**: if neither works, the English is added after the sentence as
   ``[term: English]``, so the reader still sees it.

All the texts these steps need go to the model in the same single batch.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from briefgen.errors import InputError
from briefgen.translate.base import Translation, Translator

PLACEHOLDER_BASE = 9731
_SOURCE_HEADER_WORDS = {"term", "source", "original", "japanese", "ja", "text", "原文", "用語",
                        "日本語", "見出し語"}  # fmt: skip
_HEADER_WORDS = {"english", "en", "translation", "target", "英語", "英訳", "訳語", "翻訳"}
# Letters and digits of Latin scripts: where words need boundaries. (Japanese and
# Chinese have none: a term is found wherever it occurs.)
_LATIN = re.compile("[0-9A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True)
class Glossary:
    """Source term → English pairs, longest term first."""

    entries: tuple[tuple[str, str], ...]

    @classmethod
    def from_pairs(cls, pairs: Mapping[str, str] | Iterable[tuple[str, str]]) -> Glossary:
        items = pairs.items() if isinstance(pairs, Mapping) else pairs
        cleaned = {term.strip(): english.strip() for term, english in items}
        ordered = sorted(
            ((t, e) for t, e in cleaned.items() if t and e), key=lambda te: (-len(te[0]), te[0])
        )
        return cls(tuple(ordered))

    @classmethod
    def load(cls, path: str | Path, what: str = "glossary file", left: str = "term") -> Glossary:
        """Read a TSV or CSV glossary; a bad file is an :class:`InputError` naming it
        (``what`` the file is and ``left`` its first column, for the corrections too)."""
        from briefgen.ingest.decode import DecodeError, decode

        path = Path(path)
        try:
            # UTF-8, or what a spreadsheet saves: UTF-16, Shift_JIS… (as sources are read)
            text = decode(path.read_bytes())[0].lstrip("\ufeff")
        except FileNotFoundError:
            raise InputError(path, f"no such {what}") from None
        except DecodeError as exc:
            raise InputError(path, f"the {what} {exc}") from None
        except OSError as exc:
            raise InputError(path, f"cannot read the {what} ({exc.strerror or exc})") from exc
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)]
        lines = [
            (n, line) for n, line in lines if line.strip() and not line.lstrip().startswith("#")
        ]
        tsv = any("\t" in line for _, line in lines)
        pairs: dict[str, tuple[int, str]] = {}
        for index, (number, line) in enumerate(lines):
            # Tab-separated, quotes are part of the text; CSV follows CSV's quoting.
            cells = line.split("\t") if tsv else next(csv.reader(io.StringIO(line)))
            header = len(cells) >= 2 and cells[1].strip().lower() in _HEADER_WORDS
            if index == 0 and header and cells[0].strip().lower() in _SOURCE_HEADER_WORDS:
                continue
            separator = "<TAB>" if tsv else ","
            if len(cells) < 2 or not cells[0].strip():
                expected = f"'{left}{separator}English'"
                raise InputError(path, f"line {number}: expected {expected}, got {line.strip()!r}")
            term, english = cells[0].strip(), cells[1].strip()
            if not english:
                raise InputError(path, f"line {number}: no English for {term!r}")
            if term in pairs and pairs[term][1] != english:
                first, other = pairs[term]
                raise InputError(
                    path,
                    f"line {number}: {term!r} is {english!r} here but {other!r} on line {first}",
                )
            pairs.setdefault(term, (number, english))
        if not pairs:
            raise InputError(path, f"the {what} has no entries")
        return cls.from_pairs((term, english) for term, (_, english) in pairs.items())

    @property
    def digest(self) -> str:
        """Changes whenever an entry does (part of the cache key)."""
        return hashlib.sha256(repr(self.entries).encode()).hexdigest()[:16]

    def english_for(self, text: str) -> str | None:
        """The English when ``text`` is exactly a term (ignoring surrounding spaces)."""
        stripped = text.strip()
        return next((e for t, e in self.entries if t == stripped), None)

    def terms_in(self, text: str) -> list[tuple[str, str]]:
        """The (term, English) pairs occurring in ``text``, left to right, never overlapping."""
        return [(term, english) for _, _, term, english in self.find(text)]

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """Each occurrence as (start, end, term, English): leftmost first, the longest
        term at a place winning; a term that begins or ends with a letter or digit
        matches only where the text has none next to it (AI is not in AIIB)."""
        if not self.entries:
            return []
        english = dict(self.entries)
        return [
            (m.start(), m.end(), m.group(), english[m.group()])
            for m in self._pattern.finditer(text)
        ]

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(_bounded(term) for term, _ in self.entries))  # longest first


def _bounded(term: str) -> str:
    """``term`` as a pattern that will not match inside a longer word."""
    pattern = re.escape(term)
    if _LATIN.match(term[:1]):
        pattern = f"(?<!{_LATIN.pattern})" + pattern  # no Latin letter or digit before
    if _LATIN.match(term[-1:]):
        pattern += f"(?!{_LATIN.pattern})"
    return pattern


def contains_word(text: str, word: str) -> bool:
    """Whether ``word`` is in ``text`` as a whole word (any case)."""
    return re.search(_bounded(word), text, flags=re.IGNORECASE) is not None


def replace_word(text: str, word: str, replacement: str) -> str:
    """``text`` with each whole-word ``word`` (any case) replaced, literally."""
    return re.sub(_bounded(word), lambda _: replacement, text, flags=re.IGNORECASE)


@dataclass
class GlossaryTranslator:
    """A :class:`~briefgen.Translator` that enforces a glossary on another one."""

    inner: Translator
    glossary: Glossary
    stats: Counter[str] = field(default_factory=Counter)

    @property
    def name(self) -> str:
        return f"{self.inner.name} + glossary ({len(self.glossary.entries)} terms)"

    @property
    def identity(self) -> str:
        """The inner translator's identity and the glossary's; empty (not cached) when
        the inner translator has none."""
        inner = str(getattr(self.inner, "identity", None) or "")
        return f"{inner}|glossary={self.glossary.digest}" if inner else ""

    def translate(self, texts: Sequence[str]) -> list[str]:
        return [t.english for t in self.translate_scored(texts)]

    def translate_scored(self, texts: Sequence[str]) -> list[Translation]:
        plans = [_Plan.make(text, self.glossary) for text in texts]
        wanted = list(dict.fromkeys(t for plan in plans for t in plan.model_texts()))
        results = dict(zip(wanted, _translate(self.inner, wanted), strict=True))
        out = []
        for plan in plans:
            translation, how = plan.finish(results)
            self.stats[how] += 1
            out.append(translation)
        return out


def _translate(translator: Translator, texts: list[str]) -> list[Translation]:
    if not texts:
        return []
    scored = getattr(translator, "translate_scored", None)
    if scored is not None:
        return list(scored(texts))
    return [Translation(english) for english in translator.translate(texts)]


@dataclass(frozen=True)
class _Plan:
    text: str
    direct: str | None
    terms: tuple[tuple[str, str], ...]  # distinct (term, English) pairs, in order
    masked: str  # the text with each occurrence replaced by its term's placeholder
    placeholders: tuple[str, ...]  # one per distinct term

    @classmethod
    def make(cls, text: str, glossary: Glossary) -> _Plan:
        direct = glossary.english_for(text)
        found = [] if direct is not None else glossary.find(text)
        terms = tuple(dict.fromkeys((term, english) for _, _, term, english in found))
        numbers: dict[str, str] = {}
        number = PLACEHOLDER_BASE
        for term, _ in terms:
            while str(number) in text:
                number += 1
            numbers[term] = str(number)
            number += 1
        # Built from the spans found, so that a shorter term never eats into a longer
        # one; a space keeps a placeholder apart from digits next to it (G7の79731).
        pieces, last = [], 0
        for start, end, term, _ in found:
            before = " " if start > 0 and text[start - 1].isdigit() else ""
            after = " " if end < len(text) and text[end].isdigit() else ""
            pieces += [text[last:start], before, numbers[term], after]
            last = end
        pieces.append(text[last:])
        masked = "".join(pieces)
        return cls(text, direct, terms, masked, tuple(numbers[t] for t, _ in terms))

    def model_texts(self) -> list[str]:
        if self.direct is not None:
            return []
        if not self.terms:
            return [self.text]
        return [self.masked, self.text, *(term for term, _ in self.terms)]

    def finish(self, results: Mapping[str, Translation]) -> tuple[Translation, str]:
        if self.direct is not None:
            return Translation(self.direct, exact=True), "whole text"
        if not self.terms:
            return results[self.text], "no term"
        plain = results[self.text]
        english, missing = plain.english, []
        for term, target in self.terms:
            rendering = results[term].english.strip().rstrip(".。")
            if contains_word(english, target):
                continue
            if rendering and contains_word(english, rendering):
                english = replace_word(english, rendering, target)
            else:
                missing.append((term, target))
        if not missing:
            return replace(plain, english=english), "post-edit"
        masked = results[self.masked]
        if all(masked.english.count(p) == self.masked.count(p) for p in self.placeholders):
            restored = masked.english
            for placeholder, (_, target) in zip(self.placeholders, self.terms, strict=True):
                restored = restored.replace(placeholder, target)
            return replace(masked, english=restored), "placeholder"
        notes = " ".join(f"[{term}: {target}]" for term, target in missing)
        return replace(plain, english=f"{english} {notes}"), "note"
