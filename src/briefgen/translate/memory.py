"""Corrections that stick: an analyst's English for a source text, used before the model.

The corrections live in a tab-separated file anyone can read and edit
(``$XDG_DATA_HOME/briefgen/corrections.tsv``; ``briefgen corrections add|import|list|
remove|export``): the source text and its English, then where the correction came
from (source document, briefing, when, language; :class:`Correction`). A desk may
name one more file of its own (``corrections`` in its
config, ``--corrections FILE``). When translating, a text found there exactly is never
sent to the model; one that differs only in spaces, width or punctuation reuses the
correction and is flagged ``near-match correction`` for a second look. A correction of
a name (a short text that is not a sentence) also joins the glossary, so the name
comes out right inside every sentence too.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Correction:
    """One correction and where it came from: the ``original`` (source text) and the
    ``english`` to use for it; the ``source`` document it was found in (file name or
    URL), the ``briefing`` it was edited in (its file name; "" for one added by hand),
    when it was ``added`` (UTC, ``2025-09-12T08:30:00Z``) and the original's
    ``language``; each "" when unknown."""

    original: str
    english: str
    source: str = ""
    briefing: str = ""
    added: str = ""
    language: str = ""

    @property
    def context(self) -> tuple[str, str, str, str]:
        return (self.source, self.briefing, self.added, self.language)


_HEADER = (
    "# briefgen corrections: source text<TAB>English, then (optional) source document"
    "<TAB>briefing<TAB>added (UTC)<TAB>language; edit freely"
)


def now_text(when: dt.datetime | None = None) -> str:
    """``when`` (default: now) as the store writes it: UTC, to the second."""
    when = (when or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def read_entries(path: str | Path) -> list[Correction]:
    """The corrections of a file, with their context where its lines have more than
    two tab-separated cells (as the store and ``corrections export --format tsv``)."""
    from briefgen.ingest.decode import decode

    pairs = read_corrections(path)  # every check, with the file and line named
    context: dict[str, list[str]] = {}
    for line in decode(Path(path).read_bytes())[0].lstrip("\ufeff").splitlines():
        cells = line.split("\t")
        if len(cells) > 2 and not line.lstrip().startswith("#"):
            context[cells[0].strip()] = [cell.strip() for cell in cells[2:6]]
    return [
        Correction(original, english, *context.get(original, ())) for original, english in pairs
    ]


def load_store(path: Path | None = None) -> dict[str, Correction]:
    """The user's corrections by original (the store at :func:`store_path`, or ``path``)."""
    path = path or store_path()
    return {c.original: c for c in read_entries(path)} if path.exists() else {}


def store_lines(corrections: Iterable[Correction]) -> str:
    """The store's text: a header, then one correction a line, sorted."""
    lines = [_HEADER]
    for c in sorted(corrections, key=lambda c: c.original):
        if any(ch in text for ch in "\t\r\n" for text in (c.original, c.english)):
            raise ValueError("a correction cannot hold a tab or a line break")
        context = [" ".join(text.split()) for text in c.context]
        while context and not context[-1]:
            context.pop()
        lines.append("\t".join([c.original, c.english, *context]))
    return "\n".join(lines) + "\n"


def save_store(corrections: Iterable[Correction], path: Path | None = None) -> Path:
    """Write ``corrections`` as the store (atomically)."""
    path = path or store_path()
    text = store_lines(corrections)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(path, text.encode("utf-8"))


def stored_corrections(path: Path | None = None) -> dict[str, str]:
    """The user's corrections, original → English."""
    return {original: c.english for original, c in load_store(path).items()}


def record_corrections(
    corrections: Iterable[Correction], path: Path | None = None
) -> tuple[int, int]:
    """Add ``corrections`` to the store (one already there for the same original gets
    the new English and context); how many were new and how many updated. A
    :class:`ValueError` for an empty text or one with a tab or line break, and then
    nothing is written."""
    stored = load_store(path)
    new = updated = 0
    for correction in corrections:
        original, english = correction.original.strip(), correction.english.strip()
        if not original or not english:
            raise ValueError("a correction needs the source text and its English")
        before = stored.get(original)
        if before is not None and before.english == english:
            continue
        new += before is None
        updated += before is not None
        stored[original] = Correction(original, english, *correction.context)
    save_store(stored.values(), path)
    return new, updated


def add_corrections(pairs: Iterable[tuple[str, str]], path: Path | None = None) -> int:
    """Add ``(original, English)`` pairs to the store, added now; how many were added
    or changed (see :func:`record_corrections`)."""
    added = now_text()
    new, updated = record_corrections((Correction(o, e, added=added) for o, e in pairs), path)
    return new + updated


def list_corrections(
    source: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    path: Path | None = None,
) -> list[Correction]:
    """The stored corrections, sorted; only those whose source document's name holds
    ``source`` (any case), and that were added on or after ``since`` and on or before
    ``until`` (a correction with no date matches no date filter)."""
    found = []
    for correction in sorted(load_store(path).values(), key=lambda c: c.original):
        day = correction.added[:10]
        if source is not None and source.casefold() not in correction.source.casefold():
            continue
        if (since or until) and not day:
            continue
        if (since and day < since.isoformat()) or (until and day > until.isoformat()):
            continue
        found.append(correction)
    return found


def remove_correction(source: str, path: Path | None = None) -> bool:
    """Forget the correction of ``source``; False when there was none."""
    stored = load_store(path)
    if stored.pop(source.strip(), None) is None:
        return False
    save_store(stored.values(), path)
    return True
