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
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.errors import InputError
from briefgen.translate.base import Translation, Translator

PLACEHOLDER_BASE = 9731
_HEADER_WORDS = {"english", "en", "translation", "target"}


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
    def load(cls, path: str | Path) -> Glossary:
        """Read a TSV or CSV glossary; a bad file is an :class:`InputError` naming it."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InputError(path, "no such glossary file") from None
        except UnicodeDecodeError:
            raise InputError(path, "glossary is not UTF-8 text") from None
        except OSError as exc:
            raise InputError(path, f"cannot read the glossary ({exc.strerror or exc})") from exc
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)]
        lines = [
            (n, line) for n, line in lines if line.strip() and not line.lstrip().startswith("#")
        ]
        delimiter = "\t" if any("\t" in line for _, line in lines) else ","
        pairs = []
        for index, (number, line) in enumerate(lines):
            cells = next(csv.reader(io.StringIO(line), delimiter=delimiter))
            if index == 0 and len(cells) >= 2 and cells[1].strip().lower() in _HEADER_WORDS:
                continue
            if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
                raise InputError(
                    path,
                    f"line {number}: expected 'term{'<TAB>' if delimiter == chr(9) else ','}"
                    f"English', got {line.strip()!r}",
                )
            pairs.append((cells[0], cells[1]))
        if not pairs:
            raise InputError(path, "the glossary has no entries")
        return cls.from_pairs(pairs)

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
        if not self.entries:
            return []
        found: list[tuple[int, int, str, str]] = []
        taken = [False] * len(text)
        for term, english in self.entries:  # longest first
            for match in re.finditer(re.escape(term), text):
                start, end = match.span()
                if not any(taken[start:end]):
                    found.append((start, end, term, english))
                    taken[start:end] = [True] * (end - start)
        return [(term, english) for _, _, term, english in sorted(found)]


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
        inner = str(getattr(self.inner, "identity", None) or self.inner.name)
        return f"{inner}|glossary={self.glossary.digest}"

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
    terms: tuple[tuple[str, str], ...]
    masked: str  # the text with each term replaced by its placeholder
    placeholders: tuple[str, ...]

    @classmethod
    def make(cls, text: str, glossary: Glossary) -> _Plan:
        direct = glossary.english_for(text)
        terms = () if direct is not None else tuple(glossary.terms_in(text))
        masked, placeholders = text, []
        number = PLACEHOLDER_BASE
        for term, _ in dict.fromkeys(terms):
            while str(number) in text:
                number += 1
            masked = masked.replace(term, str(number))
            placeholders.append(str(number))
            number += 1
        return cls(text, direct, terms, masked, tuple(placeholders))

    def model_texts(self) -> list[str]:
        if self.direct is not None:
            return []
        if not self.terms:
            return [self.text]
        return [self.masked, self.text, *(term for term, _ in self.terms)]

    def finish(self, results: Mapping[str, Translation]) -> tuple[Translation, str]:
        if self.direct is not None:
            return Translation(self.direct), "whole text"
        if not self.terms:
            return results[self.text], "no term"
        unique_terms = list(dict.fromkeys(self.terms))
        plain = results[self.text]
        english, missing = plain.english, []
        for term, target in unique_terms:
            rendering = results[term].english.strip().rstrip(".。")
            if target.lower() in english.lower():
                continue
            if rendering and rendering.lower() in english.lower():
                english = re.sub(re.escape(rendering), target, english, flags=re.IGNORECASE)
            else:
                missing.append((term, target))
        if not missing:
            return Translation(english, plain.log_prob), "post-edit"
        masked = results[self.masked]
        if all(masked.english.count(p) == self.masked.count(p) for p in self.placeholders):
            restored = masked.english
            for placeholder, (_, target) in zip(self.placeholders, unique_terms, strict=True):
                restored = restored.replace(placeholder, target)
            return Translation(restored, masked.log_prob), "placeholder"
        notes = " ".join(f"[{term}: {target}]" for term, target in missing)
        return Translation(f"{english} {notes}", plain.log_prob), "note"
