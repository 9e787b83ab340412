"""What every reader hands on: the lines of a source (:class:`Block`), what a file
says about itself (:class:`Metadata`), and how a wrapped paragraph is joined."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Characters of scripts written without spaces (CJK, kana, Hangul, full width).
CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\uac00-\ud7af"
_CJK_WRAP = re.compile(rf"(?<=[{CJK}])[ \t\r]*\n\s*(?=[{CJK}])")


def unwrap(text: str) -> str:
    """A paragraph's lines as one: a line break between CJK characters is only a wrap
    (no space); any other run of whitespace is one space."""
    return " ".join(_CJK_WRAP.sub("", text).split())


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
