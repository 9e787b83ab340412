"""Reading back the record of a Word briefing's bilingual pairs (written by
:mod:`briefgen.render.record`, whose docstring describes it): plain data for
:mod:`briefgen.postedit`. Kept apart from the writer so that making a briefing never
defines these classes (start-up)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefgen.render.record import NAMESPACE, PART_NAME


@dataclass(frozen=True)
class Pair:
    """One bilingual pair: ``id``, the ``original`` exactly as it was translated, the
    ``english`` the briefing printed, and the id of the ``source`` it came from."""

    id: str
    original: str
    english: str
    source: str


@dataclass(frozen=True)
class Piece:
    """Part of a paragraph: ``kind`` ``text`` (literal ``value``), or ``english`` /
    ``original`` of the pair whose id is ``value``."""

    kind: str
    value: str


@dataclass(frozen=True)
class Line:
    """A non-empty paragraph as briefgen wrote it: its text's ``digest``, and its
    ``pieces`` when it holds a pair (empty otherwise)."""

    digest: str
    pieces: tuple[Piece, ...] = ()


@dataclass(frozen=True)
class RecordSource:
    """A source of the briefing: its id, origin (path or URL) and language."""

    id: str
    origin: str
    language: str


@dataclass(frozen=True)
class Record:
    """What a Word briefing held: see the module's docstring."""

    generator: str
    translator: str
    title: str
    date: str
    sources: tuple[RecordSource, ...]
    pairs: tuple[Pair, ...]
    lines: tuple[Line, ...]


def parse_record(xml: bytes) -> Record | None:
    """The record in a custom XML part's bytes, or None when it is not briefgen's."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        return None
    if root.tag != f"{{{NAMESPACE}}}briefing":
        return None
    ns = f"{{{NAMESPACE}}}"
    kinds = {ns + "t": "text", ns + "e": "english", ns + "o": "original"}
    return Record(
        generator=root.get("generator", ""),
        translator=root.get("translator", ""),
        title=root.get("title", ""),
        date=root.get("date", ""),
        sources=tuple(
            RecordSource(s.get("id", ""), s.get("origin", ""), s.get("language", ""))
            for s in root.iter(ns + "source")
        ),
        pairs=tuple(
            Pair(
                p.get("id", ""),
                p.findtext(ns + "o") or "",
                p.findtext(ns + "e") or "",
                p.get("source", ""),
            )
            for p in root.iter(ns + "pair")
        ),
        lines=tuple(
            Line(
                line.get("h", ""),
                tuple(
                    Piece(kinds[c.tag], (c.text or "") if c.tag == ns + "t" else c.get("p", ""))
                    for c in line
                    if c.tag in kinds
                ),
            )
            for line in root.iter(ns + "l")
        ),
    )


def read_record(archive: Any) -> Record | None:
    """The record in an open :class:`zipfile.ZipFile` of a .docx, or None."""
    for name in archive.namelist():
        if PART_NAME.fullmatch(name):
            record = parse_record(archive.read(name))
            if record is not None:
                return record
    return None
