"""PDF files through pypdf's text layer, with wrapped lines joined back into paragraphs.

pypdf, pdfminer.six and pypdfium2 all keep the reading order of a Japanese
document exported from Word or LibreOffice; pypdf was chosen as the smallest
(4 MB, pure Python; pdfminer.six brings 28 MB, pypdfium2 9 MB of native code).
A PDF lays text out in lines: a line that runs to the page's text width without
ending a sentence continues on the next (joined with no space between CJK
characters), a shorter one ends its paragraph, and a line repeated on most pages
(a running header, a page number) is dropped. A PDF of over ``MAX_PAGES`` pages is
refused before extraction, and extraction stops with an error after ``MAX_SECONDS``;
pypdf itself caps how far a compressed stream may inflate (75 MB).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import time
import unicodedata
import warnings
from collections import Counter
from typing import TYPE_CHECKING

from briefgen.ingest.blocks import CJK, Block, Metadata

if TYPE_CHECKING:
    from pypdf import PdfReader

MAX_SECONDS = 30.0
MAX_PAGES = 2_000  # an article has a few pages, a long report a few hundred
_SENTENCE_END = tuple("。！？!?.．…」』:：")
# pypdf puts a space after a digit run set in a Latin font ("14 日"): not in the text.
_DIGIT_SPACE = re.compile(rf"(?<=[0-9]) (?=[{CJK}])")
_CJK_CHAR = re.compile(rf"[{CJK}]")
_PRODUCER_TITLE = re.compile(
    r"^Microsoft (?:Word|PowerPoint|Excel) - |\.(?:docx?|pptx?|xlsx?|rtf|odt)$", re.IGNORECASE
)
# Japanese fonts' text layers give the spaces of "High Speed Bus" as U+3000.
_LATIN_SPACE = re.compile(r"(?<=[A-Za-z0-9])\u3000(?=[A-Za-z0-9])")


class NotReadablePdf(ValueError):
    """The PDF cannot be read, or has no text layer (the message says which)."""


def pdf_blocks(data: bytes, max_seconds: float = MAX_SECONDS) -> tuple[list[Block], Metadata]:
    """The paragraphs of a PDF's text layer, and its title and creation date."""
    import pypdf

    # pypdf logs what it repairs ("EOF marker not found"): not the user's concern.
    logging.getLogger("pypdf").addHandler(logging.NullHandler())
    started = time.monotonic()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _read(pypdf.PdfReader(io.BytesIO(data)), started, max_seconds)
    except NotReadablePdf:
        raise
    except getattr(pypdf.errors, "LimitReachedError", ()) as exc:  # pypdf's own limits
        raise NotReadablePdf(f"went over a limit of pypdf's ({exc}); a zip bomb?") from None
    except Exception as exc:
        # A damaged PDF fails wherever pypdf first meets the damage, with any exception.
        raise NotReadablePdf(f"is not a readable PDF ({type(exc).__name__})") from None


def _read(reader: PdfReader, started: float, max_seconds: float) -> tuple[list[Block], Metadata]:
    if reader.is_encrypted and not reader.decrypt(""):
        raise NotReadablePdf("is an encrypted PDF (save a copy without a password)")
    if len(reader.pages) > MAX_PAGES:
        raise NotReadablePdf(f"has {len(reader.pages):,} pages, over the {MAX_PAGES:,} limit")
    pages = []
    for number, page in enumerate(reader.pages, 1):
        pages.append(page.extract_text() or "")
        if time.monotonic() - started > max_seconds:
            raise NotReadablePdf(
                f"took over {max_seconds:.0f} s to read ({number} of "
                f"{len(reader.pages)} pages); not an article"
            )
    if not any(ch.isalnum() for text in pages for ch in text):
        raise NotReadablePdf("has no extractable text (scanned PDF?)")
    info = reader.metadata
    title = str(info.title).strip() if info and info.title else None
    if title and _PRODUCER_TITLE.search(title):
        title = None  # "Microsoft Word - Document1.docx": the file's name, not a title
    created = _creation_date(info)
    return _paragraphs(pages), Metadata(title=title, date=created.date() if created else None)


def _creation_date(info: object) -> dt.datetime | None:
    try:
        return getattr(info, "creation_date", None)
    except ValueError:  # a date pypdf cannot parse ("D:20261129045631Z'") is no date
        return None


def _paragraphs(pages: list[str]) -> list[Block]:
    page_lines = [[line.strip() for line in text.split("\n")] for text in pages]
    repeated: set[str] = set()
    if len(pages) >= 3:
        counts = Counter(line for lines in page_lines for line in set(lines) if line)
        repeated = {line for line, n in counts.items() if n > len(pages) / 2}
    blocks: list[Block] = []
    paragraph = ""  # carried over a page break when the page's last line wraps
    for lines in page_lines:
        lines = [_LATIN_SPACE.sub(" ", line) for line in lines if line and line not in repeated]
        if not lines:
            continue
        # The text width: nearly the widest line (one odd wide line must not set it).
        widths = sorted(_width(line) for line in lines)
        full = widths[int(0.9 * (len(widths) - 1))] if len(widths) >= 10 else widths[-1]
        for line in lines:
            paragraph = _join(paragraph, line) if paragraph else line
            if _width(line) < 0.85 * full or line.endswith(_SENTENCE_END):
                blocks.append(Block(_DIGIT_SPACE.sub("", paragraph)))
                paragraph = ""
    if paragraph:
        blocks.append(Block(_DIGIT_SPACE.sub("", paragraph)))
    return blocks


def _join(left: str, right: str) -> str:
    if _CJK_CHAR.match(left[-1]) or _CJK_CHAR.match(right[0]):
        return left + right
    return left + " " + right


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
