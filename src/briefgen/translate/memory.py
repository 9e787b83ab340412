"""Corrections that stick: an analyst's English for a source text, used before the model.

The corrections live in a tab-separated file anyone can read and edit
(``$XDG_DATA_HOME/briefgen/corrections.tsv``; ``briefgen corrections add|import|list|
remove``), and a desk may name one more file of its own (``corrections`` in its
config, ``--corrections FILE``). When translating, a text found there exactly is never
sent to the model; one that differs only in spaces, width or punctuation reuses the
correction and is flagged ``near-match correction`` for a second look. A correction of
a name (a short text that is not a sentence) also joins the glossary, so the name
comes out right inside every sentence too.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from briefgen._io import write_atomic
from briefgen.translate.base import Translation
from briefgen.translate.glossary import Glossary

NEAR = "near-match correction"
_NUMBER_SIGNS = set(".,-+%")
_NAME_MAX_CHARS = 30
_SENTENCE_MARKS = set("。、，,.!?！？；;：:「」")


def store_path() -> Path:
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "briefgen" / "corrections.tsv"


def near_key(text: str) -> str:
    """What two texts share when they differ only in spaces, width or punctuation; the
    signs of a number stay (1.5 is not 15, -0.1 is not 0.1, 3% is not 3)."""
    normal = unicodedata.normalize("NFKC", text).lower()
    return "".join(
        ch
        for i, ch in enumerate(normal)
        if ch.isalnum() or (ch in _NUMBER_SIGNS and _by_digit(normal, i))
    )


def _by_digit(text: str, i: int) -> bool:
    return (i + 1 < len(text) and text[i + 1].isdigit()) or (i > 0 and text[i - 1].isdigit())


def is_name(text: str) -> bool:
    """A short text that is not a sentence: a person, place or organization (a
    headline has particles: more than one hiragana, and it is no name)."""
    stripped = text.strip()
    hiragana = sum(1 for ch in stripped if "\u3041" <= ch <= "\u309f")
    return (
        0 < len(stripped) <= _NAME_MAX_CHARS
        and not (set(stripped) & _SENTENCE_MARKS)
        and hiragana <= 1
    )


class TranslationMemory:
    """Source text → corrected English, exact and near."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self.exact: dict[str, str] = {}
        for source, english in pairs:
            self.exact[source.strip()] = english.strip()
        self.near = {near_key(source): english for source, english in self.exact.items()}

    @classmethod
    def load(cls, *files: str | Path | None) -> TranslationMemory:
        """The user's corrections plus those of ``files`` (later files win); a missing
        store is empty, a bad file an :class:`~briefgen.errors.InputError` naming it."""
        pairs: list[tuple[str, str]] = []
        for path in (store_path(), *files):
            if path is None or (Path(path) == store_path() and not store_path().exists()):
                continue
            pairs += read_corrections(path)
        return cls(pairs)

    def __len__(self) -> int:
        return len(self.exact)

    def lookup(self, text: str) -> Translation | None:
        """The correction for ``text``: exact, or near (flagged), or None."""
        stripped = text.strip()
        if stripped in self.exact:
            return Translation(self.exact[stripped], exact=True)
        key = near_key(stripped)
        if key and key in self.near:
            return Translation(self.near[key], exact=True, memory=NEAR)
        return None

    def names(self) -> list[tuple[str, str]]:
        """The corrections of names, for the glossary."""
        return [(source, english) for source, english in self.exact.items() if is_name(source)]

    def glossary(self, glossary: Glossary | None) -> Glossary | None:
        """``glossary`` with the corrected names added (a correction wins a clash)."""
        names = self.names()
        if not names:
            return glossary
        return Glossary.from_pairs([*(glossary.entries if glossary else ()), *names])


def read_corrections(path: str | Path) -> list[tuple[str, str]]:
    """The pairs of a corrections file (the glossary's format: TSV or CSV, # comments)."""
    from briefgen.errors import InputError

    try:
        return list(Glossary.load(path, "corrections file", "source text").entries)
    except InputError as exc:
        if "has no entries" in exc.problem:
            return []
        raise


def save_corrections(pairs: dict[str, str], path: Path | None = None) -> Path:
    """Write ``pairs`` as the store (atomically), sorted, one ``source<TAB>English`` a line."""
    path = path or store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# briefgen corrections: source text<TAB>English (edit freely)"]
    for source, english in sorted(pairs.items()):
        if "\t" in source or "\n" in source or "\t" in english or "\n" in english:
            raise ValueError("a correction cannot hold a tab or a line break")
        lines.append(f"{source}\t{english}")
    return write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))


def stored_corrections(path: Path | None = None) -> dict[str, str]:
    """The user's corrections (the store at :func:`store_path`, or ``path``)."""
    path = path or store_path()
    return dict(read_corrections(path)) if path.exists() else {}


def add_corrections(pairs: Iterable[tuple[str, str]], path: Path | None = None) -> int:
    """Add ``pairs`` to the store (a source already there gets the new English);
    how many were added or changed. :class:`ValueError` for a text that is empty
    or holds a tab or a line break; nothing is written then."""
    stored = stored_corrections(path)
    changed = 0
    for source, english in pairs:
        source, english = source.strip(), english.strip()
        if not source or not english:
            raise ValueError("a correction needs the source text and its English")
        changed += stored.get(source) != english
        stored[source] = english
    save_corrections(stored, path)
    return changed


def remove_correction(source: str, path: Path | None = None) -> bool:
    """Forget the correction of ``source``; False when there was none."""
    stored = stored_corrections(path)
    if stored.pop(source.strip(), None) is None:
        return False
    save_corrections(stored, path)
    return True
