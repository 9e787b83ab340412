"""Turning plain text into a Source: header, title, date, sections, related links.

Each non-empty line is a paragraph. The layout rules, taken from the Japanese
analysis pieces briefgen was first built for:

* An optional first line ``date YYYY-MM-DD <title>`` gives the date and title.
* A short line without sentence-final punctuation is a section heading; a line
  with no letters at all (``◇``, ``＊＊＊``, ``---``) is a separator and is dropped.
* ``【併せて読む】…`` style lines point to other articles: kept aside as
  :class:`RelatedLink`, never summarized or translated as points.
* In Markdown, ``#`` lines are the title (level 1) or headings; front matter and
  code fences are dropped; list and quote markers and inline markup
  (``**bold**``, ``[text](url)``, ```code```) are reduced to their text.

``Source.text`` is the cleaned text, one line per kept line, so every span
indexes into it exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefgen.model import Paragraph, RelatedLink, Section, Source

# "date 2025-09-11 <title>", or "date unknown <title>" for a source without one.
_HEADER = re.compile(
    r"^\s*date\s+(?:(\d{4})-(\d{1,2})-(\d{1,2})|unknown)(?:\s+(.*\S))?\s*$", re.IGNORECASE
)
_RELATED_LABELS = (
    "併せて読む", "あわせて読む", "合わせて読む", "あわせて読みたい", "併せて読みたい",
    "つづきを読む", "続きを読む", "関連記事", "関連", "前編", "後編", "前篇", "後篇",
)  # fmt: skip
_RELATED = re.compile(r"^\s*【(" + "|".join(_RELATED_LABELS) + r")】\s*(.*\S)?\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_INLINE = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url), images
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
)
_SENTENCE_END = tuple('。！？!?.．…」』)）"')
MAX_HEADING_CHARS = 40


def detect_language(text: str) -> str:
    """A language code from the scripts the text is written in.

    Japanese needs a real share of kana (a loanword in katakana does not make an
    English text Japanese); otherwise the most frequent script decides, and among
    languages written in Latin letters, their commonest words. This is enough to pick
    a translation model; ``--lang`` overrides it.
    """
    counts = {"ja": 0, "zh": 0, "ko": 0, "ru": 0, "en": 0}
    for ch in text:
        o = ord(ch)
        if (0x3041 <= o <= 0x30FA) or 0xFF66 <= o <= 0xFF9D:  # kana, not ・ or ー
            counts["ja"] += 1
        elif 0x4E00 <= o <= 0x9FFF:
            counts["zh"] += 1
        elif 0xAC00 <= o <= 0xD7AF:
            counts["ko"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["ru"] += 1
        elif ch.isascii() and ch.isalpha():
            counts["en"] += 1
    total = sum(counts.values())
    if counts["ja"] and counts["ja"] * 10 >= total:
        return "ja"
    counts["ja"] = 0
    script = max(counts, key=lambda k: counts[k])
    return _latin_language(text) if script == "en" else script


def _latin_language(text: str) -> str:
    """Which language written in Latin letters: the one whose commonest words
    (``text.languages.RULES``) the text uses most; English when none stands out."""
    from briefgen.text.languages import RULES

    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    hits = {
        code: sum(1 for w in words if w in rules.stop_words)
        for code, rules in RULES.items()
        if code != "ru"
    }
    best = max(hits, key=lambda code: (hits[code], code == "en"))
    return best if hits[best] > hits["en"] else "en"


def is_separator(line: str) -> bool:
    return bool(line.strip()) and not any(ch.isalnum() for ch in line)


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence."""
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_HEADING_CHARS and not stripped.endswith(_SENTENCE_END)


def _front_matter(lines: list[str]) -> tuple[dict[str, Any], list[str]]:
    """YAML between a first line ``---`` and the next (``title``, ``date``, ``url``,
    ``lang``, ``source``), and the lines after it; blank lines keep the offsets."""
    if not lines or lines[0].strip() != "---":
        return {}, lines
    try:
        end = [line.strip() for line in lines[:200]].index("---", 1)
    except ValueError:
        return {}, lines
    import yaml

    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise ValueError(f"has front matter that is not valid YAML{where}") from None
    if not isinstance(meta, dict):
        return {}, lines
    return {str(k).lower(): v for k, v in meta.items()}, [""] * (end + 1) + lines[end + 1 :]


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


def _clean_markdown(lines: list[str]) -> list[tuple[str, bool]]:
    """Lines with Markdown reduced to text; the flag marks lines that cannot be headings."""
    cleaned: list[tuple[str, bool]] = []
    in_fence = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        body = line
        if _MD_HEADING.match(line):
            cleaned.append((line, False))
            continue
        is_item = bool(_MD_LIST.match(body) or _MD_QUOTE.match(body))
        body = _MD_QUOTE.sub("", _MD_LIST.sub("", body, count=1), count=1)
        for pattern, replacement in _MD_INLINE:
            body = pattern.sub(replacement, body)
        cleaned.append((body, is_item))
    return cleaned


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
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, raw_lines = _front_matter(raw_lines)
    if isinstance(meta.get("url"), str) and meta["url"].startswith(("http://", "https://")):
        origin = meta["url"]  # where the text came from: a link in the briefing
    language = language or _text(meta.get("lang") or meta.get("language"))
    marked = _clean_markdown(raw_lines) if markdown else [(line, False) for line in raw_lines]
    marked = [(line, body_only) for line, body_only in marked if not is_separator(line)]
    clean_text = "\n".join(line for line, _ in marked)

    lines: list[tuple[str, int, bool]] = []  # (line, offset in clean_text, never a heading)
    offset = 0
    for line, body_only in marked:
        if line.strip():
            lines.append((line, offset, body_only))
        offset += len(line) + 1

    title: str | None = None
    date: dt.date | None = None
    if lines and (header := _HEADER.match(lines[0][0])):
        year, month, day, header_title = header.groups()
        try:
            date = dt.date(int(year), int(month), int(day)) if year else None
        except ValueError:
            date = None  # "2025-02-30": keep the source, drop the impossible date
        title = header_title
        lines = lines[1:]

    if meta.get("title"):
        title = _text(meta["title"])
    if meta.get("date"):
        date = _date(meta["date"])

    sections: list[Section] = []
    related: list[RelatedLink] = []
    heading: str | None = None
    paragraphs: list[Paragraph] = []

    def close_section() -> None:
        if paragraphs:
            sections.append(Section(heading=heading, paragraphs=tuple(paragraphs)))

    for line, start, body_only in lines:
        if link := _RELATED.match(line):
            related.append(RelatedLink(label=link.group(1), text=(link.group(2) or "").strip()))
            continue
        md = _MD_HEADING.match(line) if markdown else None
        nothing_yet = not sections and not paragraphs and heading is None
        if md:
            level, heading_text = len(md.group(1)), md.group(2)
            if level == 1 and title is None and nothing_yet:
                title = heading_text
                continue
            close_section()
            heading, paragraphs = heading_text, []
            continue
        if not body_only and is_heading(line):
            if title is None and nothing_yet:
                title = line.strip()
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
        language=language or detect_language(clean_text),
        text=clean_text,
        sections=tuple(sections),
        related=tuple(related),
    )
