"""Turning text into a Source: header, title, date, sections, related links.

Every reader (plain text, Markdown, HTML, Word, PDF) produces :class:`Block` lines
and :class:`Metadata`; :func:`build_source` makes the :class:`Source` from them. The
layout rules for plain text, taken from the Japanese analysis pieces briefgen was
first built for:

* An optional first line ``date YYYY-MM-DD <title>`` (or ``date unknown <title>``)
  gives the date and title; YAML front matter (``title``, ``date``, ``url``,
  ``lang``) does the same and wins (read within limits:
  :mod:`briefgen.ingest.front_matter`).
* A short line without sentence-final punctuation is a section heading, unless
  it is in a run of short lines (a list, table rows, a spec sheet: the line after
  it is short too, or the two before it are), or is a list item; a line marked as a
  heading (``■``, ``◆``, ``【…】``) heads what follows even after a run. A line
  with no letters at all (``◇``, ``＊＊＊``, ``---``) is a separator and is dropped.
* ``【併せて読む】…`` style lines point to other articles: kept aside as
  :class:`RelatedLink`, never summarized or translated as points.

``Source.text`` is the cleaned text, one line per block, so every span indexes
into it exactly.
"""

from __future__ import annotations

import datetime as dt
import re

from briefgen.errors import InputError
from briefgen.ingest.blocks import Block, Metadata
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
# A list item's mark: an item is never a heading, however short.
_ITEM = re.compile(r"^\s*(?:[・•●○◦▪\uf0a7\uf0b7]|[-*–—]\s)")
_SENTENCE_END = tuple('。！？!?.．…」』)）"')
# Marks that make a line a heading wherever it stands.
_HEADING_MARK = re.compile(r"^\s*(?:[■□◆◇▼▽▲△★☆]|【[^】]*】\s*\S)")
MAX_HEADING_CHARS = 40
# markdown-it-py takes 7-11 µs a character on emphasis or table rows made to be slow:
# this many parse in 15-25 s at worst (a book is about a million characters).
MAX_MARKDOWN_CHARS = 2_000_000


def is_separator(line: str) -> bool:
    return bool(line.strip()) and not any(ch.isalnum() for ch in line)


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence, nor holds one (``◇日銀、…据え置き。
    次回は9月``: a digest's item)."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= MAX_HEADING_CHARS
        and not stripped.endswith(_SENTENCE_END)
        and "。" not in stripped
    )


def parse_text(
    text: str,
    *,
    origin: str,
    source_id: str,
    fallback_title: str,
    markdown: bool = False,
    language: str | None = None,
) -> Source:
    """Parse decoded text into a :class:`Source` (spans index into the returned ``text``);
    :class:`~briefgen.errors.InputError` naming ``origin`` for front matter it refuses."""
    try:
        blocks, meta = text_blocks(text, markdown=markdown)
    except ValueError as exc:  # front matter that is not YAML or breaks a limit
        raise InputError(origin, str(exc)) from None
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
    meta = Metadata()
    if raw_lines[0].strip() == "---":  # front matter, read within limits
        from briefgen.ingest.front_matter import read_front_matter

        meta, raw_lines = read_front_matter(raw_lines)
    if not markdown:
        return [Block(line) for line in raw_lines], meta
    if len(text) > MAX_MARKDOWN_CHARS:
        raise ValueError(
            f"is Markdown of {len(text):,} characters, over the {MAX_MARKDOWN_CHARS:,} limit "
            "(name it .txt to read it as plain text)"
        )
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

    def row(index: int) -> bool:  # a short line that is no sentence: 互換性：あり（要）
        # A list item is no row: a short line after a list's items ends the list
        # and may head what follows (・岸壁の延長 ・防波堤の改修 地元の反応).
        text = lines[index][0].text.strip()
        short = len(text) <= MAX_HEADING_CHARS and not text.endswith(tuple("。．.!！？?"))
        return short and not _ITEM.match(text)

    for index, (block, start) in enumerate(lines):
        line = block.text
        if link := _RELATED.match(line):
            related.append(RelatedLink(label=link.group(1), text=(link.group(2) or "").strip()))
            continue
        nothing_yet = not sections and not paragraphs and heading is None
        # A short line heads what follows it, unless what follows is short too, or
        # the two lines before it were: a run of short lines (a list, table rows, an
        # address, a spec sheet) is body text, its last row included.
        in_run = index >= 2 and row(index - 1) and row(index - 2)
        guessed = heading_like(index) and (
            nothing_yet
            or (
                index + 1 < len(lines)
                and not heading_like(index + 1)
                and (not in_run or bool(_HEADING_MARK.match(line)))
            )
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
