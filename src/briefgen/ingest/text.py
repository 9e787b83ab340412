"""Turning plain text into a Source: header, title, date, sections, related links.

Each non-empty line is a paragraph. The layout rules, taken from the Japanese
analysis pieces briefgen was first built for:

* An optional first line ``date YYYY-MM-DD <title>`` gives the date and title.
* A short line without sentence-final punctuation is a section heading.
* ``【併せて読む】…`` style lines point to other articles: kept aside as
  :class:`RelatedLink`, never summarized or translated as points.
* In Markdown, ``#`` lines are the title (level 1) or headings.
"""

from __future__ import annotations

import datetime as dt
import re

from briefgen.model import Paragraph, RelatedLink, Section, Source

_HEADER = re.compile(r"^\s*date\s+(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(.*\S))?\s*$", re.IGNORECASE)
_RELATED = re.compile(r"^\s*【([^】]*(?:読|関連|記事|参考|リンク|続き)[^】]*)】\s*(.*\S)?\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SENTENCE_END = tuple('。！？!?.．…」』)）"')
MAX_HEADING_CHARS = 40


def detect_language(text: str) -> str:
    """A language code from the scripts the text is written in.

    Kana means Japanese; otherwise the most frequent script decides. This is
    enough to pick a translation model; ``--lang`` overrides it.
    """
    counts = {"ja": 0, "zh": 0, "ko": 0, "ru": 0, "en": 0}
    for ch in text:
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF or 0xFF66 <= o <= 0xFF9F:
            counts["ja"] += 1
        elif 0x4E00 <= o <= 0x9FFF:
            counts["zh"] += 1
        elif 0xAC00 <= o <= 0xD7AF:
            counts["ko"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["ru"] += 1
        elif ch.isascii() and ch.isalpha():
            counts["en"] += 1
    if counts["ja"]:
        return "ja"
    return max(counts, key=lambda k: counts[k])


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence."""
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_HEADING_CHARS and not stripped.endswith(_SENTENCE_END)


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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[tuple[str, int]] = []  # (line, offset of its first character)
    offset = 0
    for line in text.split("\n"):
        lines.append((line, offset))
        offset += len(line) + 1

    title: str | None = None
    date: dt.date | None = None
    body = [(line, start) for line, start in lines if line.strip()]
    if body and (header := _HEADER.match(body[0][0])):
        year, month, day, header_title = header.groups()
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            date = None
        title = header_title
        body = body[1:]

    sections: list[Section] = []
    related: list[RelatedLink] = []
    heading: str | None = None
    paragraphs: list[Paragraph] = []

    def close_section() -> None:
        if paragraphs or heading is not None:
            sections.append(Section(heading=heading, paragraphs=tuple(paragraphs)))

    for line, start in body:
        if link := _RELATED.match(line):
            related.append(RelatedLink(label=link.group(1), text=(link.group(2) or "").strip()))
            continue
        md = _MD_HEADING.match(line) if markdown else None
        if md:
            level, heading_text = len(md.group(1)), md.group(2)
            if level == 1 and title is None and not sections and not paragraphs:
                title = heading_text
                continue
            close_section()
            heading, paragraphs = heading_text, []
            continue
        if (
            title is None
            and not sections
            and not paragraphs
            and heading is None
            and (is_heading(line))
        ):
            title = line.strip()
            continue
        if is_heading(line):
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
        language=language or detect_language(text),
        text=text,
        sections=tuple(s for s in sections if s.paragraphs),
        related=tuple(related),
    )
