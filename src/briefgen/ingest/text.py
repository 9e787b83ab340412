"""Turning text into a Source: header, title, date, sections, related links.

Every reader (plain text, Markdown, HTML, Word, PDF) produces :class:`Block` lines
and :class:`Metadata`; :func:`build_source` makes the :class:`Source` from them. The
layout rules for plain text, taken from the Japanese analysis pieces briefgen was
first built for:

* An optional first line ``date YYYY-MM-DD <title>`` (or ``date unknown <title>``)
  gives the date and title; YAML front matter (``title``, ``date``, ``url``,
  ``lang``) does the same and wins.
* A short line without sentence-final punctuation is a section heading; a line
  with no letters at all (``◇``, ``＊＊＊``, ``---``) is a separator and is dropped.
* ``【併せて読む】…`` style lines point to other articles: kept aside as
  :class:`RelatedLink`, never summarized or translated as points.

``Source.text`` is the cleaned text, one line per block, so every span indexes
into it exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from briefgen.model import Paragraph, RelatedLink, Section, Source
from briefgen.text.detect import detect_language

# "date 2025-09-11 <title>", or "date unknown <title>" for a source without one.
_HEADER = re.compile(
    r"^\s*date\s+(?:(\d{4})-(\d{1,2})-(\d{1,2})|unknown)(?:\s+(.*\S))?\s*$", re.IGNORECASE
)
_RELATED_LABELS = (
    "併せて読む", "あわせて読む", "合わせて読む", "あわせて読みたい", "併せて読みたい",
    "つづきを読む", "続きを読む", "関連記事", "関連", "前編", "後編", "前篇", "後篇",
)  # fmt: skip
_RELATED = re.compile(r"^\s*【(" + "|".join(_RELATED_LABELS) + r")】\s*(.*\S)?\s*$")
# Characters of scripts written without spaces (CJK, kana, Hangul, full width).
CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\uac00-\ud7af"
_CJK_WRAP = re.compile(rf"(?<=[{CJK}])[ \t\r]*\n\s*(?=[{CJK}])")
# A list item's mark: an item is never a heading, however short.
_ITEM = re.compile(r"^\s*(?:[・•●○◦▪\uf0a7\uf0b7]|[-*–—]\s)")
_SENTENCE_END = tuple('。！？!?.．…」』)）"')
MAX_HEADING_CHARS = 40


def unwrap(text: str) -> str:
    """A paragraph's lines as one: a line break between CJK characters is only a wrap
    (no space); any other run of whitespace is one space."""
    return " ".join(_CJK_WRAP.sub("", text).split())


def is_separator(line: str) -> bool:
    return bool(line.strip()) and not any(ch.isalnum() for ch in line)


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence."""
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_HEADING_CHARS and not stripped.endswith(_SENTENCE_END)


def _front_matter(lines: list[str]) -> tuple[Metadata, list[str]]:
    """YAML between a first line ``---`` and the next (``title``, ``date``, ``url``,
    ``lang``), and the lines after it; blank lines keep the offsets."""
    if not lines or lines[0].strip() != "---":
        return Metadata(), lines
    try:
        end = [line.strip() for line in lines[:200]].index("---", 1)
    except ValueError:
        return Metadata(), lines
    import yaml

    try:
        raw = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise ValueError(f"has front matter that is not valid YAML{where}") from None
    if not isinstance(raw, dict):
        return Metadata(), lines
    values = {str(k).lower(): v for k, v in raw.items()}
    meta = Metadata(
        title=_text(values.get("title")),
        date=_date(values["date"]) if values.get("date") else None,
        url=_text(values.get("url")),
        language=_text(values.get("lang") or values.get("language")),
    )
    return meta, [""] * (end + 1) + lines[end + 1 :]


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Block:
    """One line of a source's text as a reader found it.

    ``kind`` says what the reader knows: ``heading`` (``level`` 1–6; a first level-1
    heading is the title), ``body`` (a paragraph, list item, quote or table row: never
    a heading), or ``line`` (plain text: a short line without sentence-final
    punctuation is taken for a heading). ``text`` holds no line breaks.
    """

    text: str
    kind: str = "line"
    level: int = 0


@dataclass
class Metadata:
    """What a file says about itself (front matter, HTML meta tags, Word properties)."""

    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    language: str | None = None


def parse_text(
    text: str,
    *,
    origin: str,
    source_id: str,
    fallback_title: str,
    markdown: bool = False,
    language: str | None = None,
) -> Source:
    """Parse decoded text into a :class:`Source` (spans index into the returned ``text``)."""
    blocks, meta = text_blocks(text, markdown=markdown)
    return build_source(
        blocks,
        meta,
        origin=origin,
        source_id=source_id,
        fallback_title=fallback_title,
        language=language,
    )


def text_blocks(text: str, *, markdown: bool = False) -> tuple[list[Block], Metadata]:
    """Plain text's lines (Markdown's blocks) and its front matter."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, raw_lines = _front_matter(raw_lines)
    if not markdown:
        return [Block(line) for line in raw_lines], meta
    from briefgen.ingest.markdown import markdown_blocks

    return markdown_blocks("\n".join(raw_lines)), meta


def build_source(
    blocks: list[Block],
    meta: Metadata,
    *,
    origin: str,
    source_id: str,
    fallback_title: str,
    language: str | None = None,
) -> Source:
    """The :class:`Source` a reader's blocks make: header line, title, sections, related
    links; ``Source.text`` is the blocks' text, one per line, so spans index into it."""
    if meta.url and meta.url.startswith(("http://", "https://")):
        origin = meta.url  # where the text came from: a link in the briefing
    blocks = [block for block in blocks if not is_separator(block.text)]
    clean_text = "\n".join(block.text for block in blocks)

    lines: list[tuple[Block, int]] = []  # (block, its offset in clean_text)
    offset = 0
    for block in blocks:
        if block.text.strip():
            lines.append((block, offset))
        offset += len(block.text) + 1

    title: str | None = None
    date: dt.date | None = None
    if lines and lines[0][0].kind != "heading" and (header := _HEADER.match(lines[0][0].text)):
        year, month, day, header_title = header.groups()
        try:
            date = dt.date(int(year), int(month), int(day)) if year else None
        except ValueError:
            date = None  # "2025-02-30": keep the source, drop the impossible date
        title = header_title
        lines = lines[1:]
    title = meta.title or title
    date = meta.date or date

    sections: list[Section] = []
    related: list[RelatedLink] = []
    heading: str | None = None
    paragraphs: list[Paragraph] = []

    def close_section() -> None:
        if paragraphs:
            sections.append(Section(heading=heading, paragraphs=tuple(paragraphs)))

    def heading_like(index: int) -> bool:
        block = lines[index][0]
        return block.kind == "line" and is_heading(block.text) and not _ITEM.match(block.text)

    for index, (block, start) in enumerate(lines):
        line = block.text
        if link := _RELATED.match(line):
            related.append(RelatedLink(label=link.group(1), text=(link.group(2) or "").strip()))
            continue
        nothing_yet = not sections and not paragraphs and heading is None
        # A short line heads what follows it, unless what follows is short too: a
        # run of short lines (a list, table rows, an address) is body text.
        guessed = heading_like(index) and (
            nothing_yet or (index + 1 < len(lines) and not heading_like(index + 1))
        )
        if block.kind == "heading" or guessed:
            if nothing_yet and block.level <= 1 and title in (None, line.strip()):
                title = line.strip()  # a first line that is the title is not a section
                continue
            close_section()
            heading, paragraphs = line.strip(), []
            continue
        lead = len(line) - len(line.lstrip())
        stripped = line.strip()
        paragraphs.append(
            Paragraph(text=stripped, span=(start + lead, start + lead + len(stripped)))
        )
    close_section()

    return Source(
        id=source_id,
        origin=origin,
        title=title or fallback_title,
        date=date,
        language=language or meta.language or detect_language(clean_text),
        text=clean_text,
        sections=tuple(sections),
        related=tuple(related),
    )
