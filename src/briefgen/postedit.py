"""Post-editing in Word: the English a person changed in a briefing, read back.

A Word briefing carries the record of what briefgen wrote (:mod:`briefgen.render.record`):
every bilingual pair, and the document's layout, one entry per paragraph (a digest of
its text, and for a paragraph that holds pairs, its pieces: literal text and which
pair's English or original). :func:`read_edits` compares an edited copy with it.

How each English text is found again, in any template (the three shipped ones, or one
copied with ``briefgen templates copy`` and restyled): by **alignment of texts**, not by
bookmarks or content controls. Marks placed by template tags would need every
template, including a user's old copies, to carry them, and Word and LibreOffice drop or
move a bookmark when its whole text is retyped or pasted over; the text around an
edit, by contrast, is what a person leaves alone. So:

1. The edited document's paragraphs (table cells' included) are read in order and
   digested as the record's were; a difflib alignment of the two digest sequences
   matches every paragraph nobody touched. Paragraphs a person changed come out as
   "replaced" runs between untouched ones.
2. Within such a run, paragraphs pair up in order when the counts agree (edits in
   place), else each recorded paragraph takes the most similar of the next twenty
   edited ones (0.5 or more, in document order).
3. A paired paragraph is split back into its pieces by a word-level alignment (one
   token per Latin word, per CJK character, per punctuation mark): a word changed
   belongs to the piece it replaced, a word added to the piece beside it (the
   sentence, not a label; after a full stop, the next sentence). Each pair's English
   or original that now reads differently is an edit.

A pair whose original was edited anywhere is skipped: its pairing is no longer known.
A pair whose English was edited two different ways, or deleted, is skipped too. Edits
a person made inside what briefgen printed around a text (a label, a ⚠ check note)
are not corrections and are ignored.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from briefgen.errors import InputError
from briefgen.render.record import digest, normalize, paragraph_texts
from briefgen.render.record_reader import Line, Pair, Record

_TOKEN = re.compile(r"[^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+|\S")
_SENTENCE_END = set(".!?。！？")
_SIMILAR = 0.5
_WINDOW = 20  # edited paragraphs a recorded one is compared with, in a changed run


@dataclass(frozen=True)
class Edit:
    """An English text a person changed: the ``original``, the ``machine`` English the
    briefing held, the ``english`` they wrote, and the pair's ``source`` document and
    ``language``."""

    original: str
    machine: str
    english: str
    source: str
    language: str


@dataclass(frozen=True)
class Skipped:
    """A pair that was edited but gives no correction, and why."""

    original: str
    reason: str


@dataclass(frozen=True)
class Edits:
    """What :func:`read_edits` found: the English texts changed, and the pairs skipped."""

    edits: tuple[Edit, ...]
    skipped: tuple[Skipped, ...]
    record: Record


def read_edits(path: str | Path) -> Edits:
    """The English texts a person changed in ``path``, a Word briefing briefgen made.

    Raises:
        InputError: ``path`` cannot be read, is not a Word file, was not made by
            briefgen, or was made by a version that kept no record of its pairs.
    """
    from briefgen._mark import read_mark
    from briefgen.render.record_reader import read_record

    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            document = archive.read("word/document.xml")
            record = read_record(archive)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc.strerror or exc})") from None
    except (zipfile.BadZipFile, KeyError):
        raise InputError(path, "is not a Word (.docx) file") from None
    mark = read_mark(path)
    if mark is None:
        problem = "was not made by briefgen (it has no briefgen mark): only a briefing "
        raise InputError(path, problem + "briefgen wrote can be imported")
    if record is None:
        problem = f"was made by briefgen {mark.version}, which kept no record of its pairs: "
        raise InputError(path, problem + "make the briefing again and edit that one")
    return compare(record, paragraph_texts(document))


def compare(record: Record, texts: list[str]) -> Edits:
    """The edits of a document whose paragraphs read ``texts`` (normalized) against
    the ``record`` of what briefgen wrote."""
    pairs = {pair.id: pair for pair in record.pairs}
    english: dict[str, list[str]] = {}
    original: dict[str, list[str]] = {}
    expected = [line.digest for line in record.lines]
    found = [digest(text) for text in texts]
    matcher = SequenceMatcher(None, expected, found, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        for line, text in _pair_lines(record.lines[i1:i2], texts[j1:j2], pairs):
            for (kind, pair_id), new in _split(line, text, pairs).items():
                (english if kind == "english" else original).setdefault(pair_id, []).append(new)
    return _results(record, pairs, english, original)


def _line_text(line: Line, pairs: dict[str, Pair]) -> str:
    return "".join(_piece_texts(line, pairs))


def _piece_texts(line: Line, pairs: dict[str, Pair]) -> list[str]:
    return [
        piece.value if piece.kind == "text" else normalize(getattr(pairs[piece.value], piece.kind))
        for piece in line.pieces
    ]


def _pair_lines(
    lines: tuple[Line, ...], texts: list[str], pairs: dict[str, Pair]
) -> list[tuple[Line, str]]:
    """The recorded lines (those holding pairs) of a changed run, each with the edited
    paragraph that took its place."""
    if len(lines) == len(texts):
        return [(line, text) for line, text in zip(lines, texts, strict=True) if line.pieces]
    paired: list[tuple[Line, str]] = []
    start = 0
    for line in lines:
        if not line.pieces or start >= len(texts):
            continue
        want = _line_text(line, pairs)
        window = texts[start : start + _WINDOW]  # bounded: a run may be long
        scores = [_similarity(want, text) for text in window]
        best = max(range(len(scores)), key=scores.__getitem__)
        if scores[best] >= _SIMILAR:
            paired.append((line, window[best]))
            start += best + 1
    return paired


def _similarity(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() >= _SIMILAR else 0.0


def _split(line: Line, text: str, pairs: dict[str, Pair]) -> dict[tuple[str, str], str]:
    """The pieces of ``line`` whose text ``text`` changed: (kind, pair id) → new text."""
    old_texts = _piece_texts(line, pairs)
    old = [(m.group(), k) for k, piece in enumerate(old_texts) for m in _TOKEN.finditer(piece)]
    new = list(_TOKEN.finditer(text))
    owner: list[int] = [0] * len(new)
    matcher = SequenceMatcher(None, [t for t, _ in old], [m.group() for m in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2):
            if tag == "equal":
                owner[j] = old[i1 + j - j1][1]
            elif tag == "replace":  # spread over the pieces it replaced, in proportion
                owner[j] = old[i1 + (j - j1) * (i2 - i1) // (j2 - j1)][1]
            elif tag == "insert":
                owner[j] = _inserted(line, old, i1)
    changed: dict[tuple[str, str], str] = {}
    for k, piece in enumerate(line.pieces):
        if piece.kind == "text":
            continue
        mine = [m for m, o in zip(new, owner, strict=True) if o == k]
        now = normalize(text[mine[0].start() : mine[-1].end()]) if mine else ""
        if now != old_texts[k]:
            changed[(piece.kind, piece.value)] = now
    return changed


def _inserted(line: Line, old: list[tuple[str, int]], at: int) -> int:
    """Which piece words inserted before old token ``at`` belong to."""
    left = old[at - 1][1] if at > 0 else None
    right = old[at][1] if at < len(old) else None
    if left is None or right is None or left == right:
        return next((piece for piece in (left, right) if piece is not None), 0)
    left_text = line.pieces[left].kind == "text"
    right_text = line.pieces[right].kind == "text"
    if left_text != right_text:  # words added beside a label belong to the sentence
        return right if left_text else left
    return right if old[at - 1][0] in _SENTENCE_END else left


def _results(
    record: Record,
    pairs: dict[str, Pair],
    english: dict[str, list[str]],
    original: dict[str, list[str]],
) -> Edits:
    sources = {source.id: source for source in record.sources}
    edits: list[Edit] = []
    skipped: list[Skipped] = []
    for pair_id in sorted({*english, *original}, key=lambda i: int(i) if i.isdigit() else 0):
        pair = pairs[pair_id]
        wanted = list(dict.fromkeys(english.get(pair_id, ())))
        if pair_id in original:
            reason = "its original was edited: the pairing is no longer known"
            skipped.append(Skipped(pair.original, reason))
        elif len(wanted) > 1:
            both = " | ".join(wanted)
            skipped.append(Skipped(pair.original, f"its English was edited two ways ({both})"))
        elif not wanted[0]:
            skipped.append(Skipped(pair.original, "its English was deleted"))
        elif any(ch in pair.original for ch in "\t\r\n"):
            skipped.append(Skipped(pair.original, "the original holds a tab or a line break"))
        else:
            source = sources.get(pair.source)
            origin, language = (source.origin, source.language) if source else ("", "")
            edits.append(Edit(pair.original, pair.english, wanted[0], origin, language))
    return Edits(tuple(edits), tuple(skipped), record)
