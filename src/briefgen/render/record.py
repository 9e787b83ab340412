"""The record of a Word briefing's bilingual pairs, kept inside the .docx itself.

Every Word briefing carries a custom XML part (``customXml/itemN.xml``, namespace
:data:`NAMESPACE`) that says what briefgen wrote, so that a copy a person edited in
Word or LibreOffice can be compared with it (:mod:`briefgen.postedit`):

- the translator (model identity), briefgen's version, the briefing's title and date,
  and its sources (id, origin, language);
- each bilingual pair once: an id, the original exactly as translated, the English the
  briefing printed (the model's, or a correction's), and the source it came from;
- the document's layout: one entry per non-empty paragraph or table-cell paragraph, in
  document order. A paragraph that holds no pair is a short digest of its text; one
  that holds pairs is its pieces: literal text and references to a pair's English or
  original (``Assessment · `` + English of pair 12 + `` ⚠ check: low confidence``).

The pieces are found in the rendered text itself, not in the template, so any template
(shipped, or copied and restyled) gets a layout: at each word boundary the longest
English or original of a pair that starts there is taken. An English shared by two
pairs goes to the one whose original is nearest. The part is written deterministically
(same briefing, same bytes); custom XML parts are kept by Word and by LibreOffice when
they save (see tests/test_postedit.py). Reading it back: :mod:`briefgen.render.record_reader`.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefgen.model import Bilingual, Briefing

NAMESPACE = "urn:briefgen:pairs:1"
PART_NAME = re.compile(r"customXml/item(\d+)\.xml")
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_BOUNDARY = re.compile(r"\W")
_HEAD = 4  # texts are looked up by their first characters
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PROPS_ID = "{8C4E2B5A-1F0D-4B7E-9A21-B41EF6E0D0C5}"  # the itemID of briefgen's part


def normalize(text: str) -> str:
    """Text as paragraphs are compared: NFC, runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFC", _NOT_XML.sub("", text)).split())


def digest(text: str) -> str:
    return hashlib.blake2s(text.encode("utf-8"), digest_size=5).hexdigest()


def paragraph_texts(document_xml: bytes) -> list[str]:
    """The normalized text of each non-empty paragraph of ``word/document.xml``, table
    cells' included, in document order (a text box's paragraphs after the one holding
    it; tracked deletions and LibreOffice's fallback copies of shapes left out)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    root = etree.fromstring(document_xml, parser)
    # XSLT runs in C: three times as fast as walking the tree in Python.
    text = str(_paragraphs_xslt()(root))
    return [line for line in map(normalize, text.split(_END)) if line]


_END = "\ue000"  # a private-use character: never in a briefing's text
_PARAGRAPHS_XSLT = f"""<xsl:stylesheet version="1.0"
 xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
 xmlns:w="{_W_NS}" xmlns:mc="{_MC_NS}">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
 <xsl:for-each select="//w:p[not(ancestor::mc:Fallback|ancestor::w:del|ancestor::w:moveFrom)]">
  <xsl:apply-templates mode="text"/><xsl:text>{_END}</xsl:text>
 </xsl:for-each>
</xsl:template>
<xsl:template mode="text" match="w:t"><xsl:value-of select="."/></xsl:template>
<xsl:template mode="text" match="w:tab|w:br|w:cr"><xsl:text> </xsl:text></xsl:template>
<xsl:template mode="text" match="w:noBreakHyphen"><xsl:text>-</xsl:text></xsl:template>
<xsl:template mode="text" match="w:p|mc:Fallback|w:del|w:moveFrom"/>
<xsl:template mode="text" match="*"><xsl:apply-templates mode="text" select="*"/></xsl:template>
</xsl:stylesheet>"""


@functools.cache
def _paragraphs_xslt() -> Any:
    from lxml import etree

    return etree.XSLT(etree.XML(_PARAGRAPHS_XSLT.encode("utf-8")))


def record_xml(briefing: Briefing, document_xml: bytes) -> bytes:
    """The record of ``briefing`` as rendered into ``document_xml``: the bytes of its
    custom XML part (the same briefing, the same bytes)."""
    pairs = _pairs(briefing)
    finder = _Finder(pairs)
    found = [(text, finder.pieces(text)) for text in paragraph_texts(document_xml)]
    near = _original_lines(found)

    def a(text: str) -> str:
        return _escape(text, attribute=True)

    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f'<briefing xmlns="{NAMESPACE}" generator="briefgen '
        f'{a(briefing.metadata.briefgen_version)}" translator="{a(briefing.metadata.translator)}"'
        f' title="{a(briefing.title)}" date="{briefing.date.isoformat()}">',
    ]
    out += [
        f'<source id="{a(s.source_id)}" origin="{a(s.origin)}" language="{a(s.language)}"/>'
        for s in briefing.sources
    ]
    out += [
        f'<pair id="{pair_id}" source="{a(source)}"><o>{_escape(original)}</o>'
        f"<e>{_escape(english)}</e></pair>"
        for pair_id, original, english, source in pairs
    ]
    for index, (text, pieces) in enumerate(found):
        inner = "".join(
            f"<t>{_escape(value)}</t>"
            if kind == "text"
            else f'<{kind[0]} p="{_choose(value, index, near)}"/>'
            for kind, value in pieces
        )
        out.append(f'<l h="{digest(text)}">{inner}</l>' if inner else f'<l h="{digest(text)}"/>')
    out.append("</briefing>\n")
    return "".join(out).encode("utf-8")


_Pair = tuple[str, str, str, str]  # id, original, English, source id


def _pairs(briefing: Briefing) -> list[_Pair]:
    """Each translated text of the briefing once, in the order a reader meets them."""
    seen: dict[str, _Pair] = {}
    for source in briefing.sources:
        texts: list[Bilingual] = [source.title]
        for group in source.full_text:
            texts += [group.heading] if group.heading else []
            for point in group.points:
                texts += [point.text, *([point.speaker] if point.speaker else [])]
        texts += [event.text for event in source.timeline]
        texts += [actor.name for actor in source.actors]
        texts += [text for link in source.related for text in (link.label, link.title)]
        for text in texts:
            original, english = _NOT_XML.sub("", text.original), _NOT_XML.sub("", text.english)
            if english.strip() and original.strip() != english.strip() and original not in seen:
                seen[original] = (str(len(seen) + 1), original, english, source.source_id)
    return list(seen.values())


class _Finder:
    """Finds pairs' English and originals in a paragraph's text (see the module)."""

    def __init__(self, pairs: list[_Pair]) -> None:
        targets: dict[tuple[str, str], list[str]] = {}
        for pair_id, original, english, _ in pairs:
            targets.setdefault((normalize(english), "english"), []).append(pair_id)
            targets.setdefault((normalize(original), "original"), []).append(pair_id)
        self.whole = {text: (kind, ids) for (text, kind), ids in reversed(targets.items())}
        self.heads: dict[str, list[tuple[str, str, list[str]]]] = {}
        for (text, kind), ids in targets.items():
            self.heads.setdefault(text[:_HEAD], []).append((text, kind, ids))
        for entries in self.heads.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        self.short = sorted({len(text) for text, _ in targets if len(text) < _HEAD})

    def pieces(self, text: str) -> list[tuple[str, Any]]:
        """``text`` as literal pieces and (kind, candidate pair ids); [] with no pair.
        A pair may start at a word boundary, or right where the one before it ends
        (Japanese sentences joined without a space)."""
        if text in self.whole:  # most paragraphs: one pair's text, nothing else
            return [self.whole[text]]
        starts = sorted({0, *(m.end() for m in _BOUNDARY.finditer(text))})
        pieces: list[tuple[str, Any]] = []
        done = at = 0
        while at < len(text):
            match = self._match(text, at)
            if match is None:
                next_start = bisect.bisect_right(starts, at)
                at = starts[next_start] if next_start < len(starts) else len(text)
                continue
            length, kind, ids = match
            if at > done:
                pieces.append(("text", text[done:at]))
            pieces.append((kind, ids))
            at = done = at + length
        if not any(kind != "text" for kind, _ in pieces):
            return []
        if done < len(text):
            pieces.append(("text", text[done:]))
        return pieces

    def _match(self, text: str, at: int) -> tuple[int, str, list[str]] | None:
        keys = [text[at : at + _HEAD], *(text[at : at + n] for n in self.short)]
        for key in keys:
            for candidate, kind, ids in self.heads.get(key, ()):
                end = at + len(candidate)
                if text.startswith(candidate, at) and (
                    end == len(text) or not (candidate[-1].isalnum() and text[end].isalnum())
                ):
                    return len(candidate), kind, ids
        return None


def _original_lines(found: list[tuple[str, list[tuple[str, Any]]]]) -> dict[str, list[int]]:
    """Pair id → the lines that hold its original, in order."""
    near: dict[str, list[int]] = {}
    for index, (_, pieces) in enumerate(found):
        for kind, ids in pieces:
            if kind == "original":
                near.setdefault(ids[0], []).append(index)
    return near


def _choose(ids: list[str], index: int, near: dict[str, list[int]]) -> str:
    """The pair an English or original found at line ``index`` belongs to: when several
    pairs share that English, the one whose original is printed nearest."""
    if len(ids) == 1:
        return ids[0]

    def distance(pair_id: str) -> int:
        lines = near.get(pair_id, ())
        at = bisect.bisect_left(lines, index)
        return min(abs(lines[i] - index) for i in (at - 1, at) if 0 <= i < len(lines))

    return min((i for i in ids if i in near), key=distance, default=ids[0])


def _escape(text: str, attribute: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\r", "&#13;")
    if attribute:
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
    return text


def add_record(parts: dict[str, bytes], briefing: Briefing) -> dict[str, bytes]:
    """A Word file's parts (name → bytes, in order) with the record of ``briefing``
    added as a custom XML part the main document refers to."""
    number = 1 + max((int(m[1]) for name in parts if (m := PART_NAME.fullmatch(name))), default=0)
    item, props = f"customXml/item{number}.xml", f"customXml/itemProps{number}.xml"
    out = dict(parts)
    out[item] = record_xml(briefing, parts["word/document.xml"])
    out[props] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem '
        f'ds:itemID="{_PROPS_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs>'
        "</ds:datastoreItem>"
    ).encode()
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
    out[f"customXml/_rels/item{number}.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
        f'Id="rId1" Type="{rel}Props" Target="itemProps{number}.xml"/></Relationships>'
    ).encode()
    types = out["[Content_Types].xml"].decode("utf-8")
    overrides = (
        f'<Override PartName="/{props}" ContentType="application/vnd.openxmlformats-'
        'officedocument.customXmlProperties+xml"/>'
    )
    if 'Extension="xml"' not in types:
        overrides += f'<Override PartName="/{item}" ContentType="application/xml"/>'
    out["[Content_Types].xml"] = types.replace("</Types>", overrides + "</Types>").encode()
    rels_name = "word/_rels/document.xml.rels"
    out[rels_name] = (
        out[rels_name]
        .decode("utf-8")
        .replace(
            "</Relationships>",
            f'<Relationship Id="rIdBriefgenPairs" Type="{rel}" Target="../{item}"/>'
            "</Relationships>",
        )
        .encode("utf-8")
    )
    return out
