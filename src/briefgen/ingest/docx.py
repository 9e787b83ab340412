"""Word ``.docx`` files through python-docx: paragraphs in order, heading styles as
sections, table rows as body lines, title and date from the core properties.

A ``.docx`` is a ZIP archive: its declared uncompressed size is checked before
anything is unpacked, so a zip bomb is refused at once (CPython's zipfile never
inflates a member past its declared size).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from briefgen.ingest.text import Block, Metadata

if TYPE_CHECKING:
    from docx.styles.style import ParagraphStyle

MAX_UNZIPPED_BYTES = 200_000_000  # Word documents with pictures are tens of MB
_HEADING_STYLE = re.compile(r"^(?:heading|見出し)\s*(\d)$", re.IGNORECASE)


class NotAWordDocument(ValueError):
    """The file cannot be read as a Word document (the message says why)."""


def docx_blocks(data: bytes) -> tuple[list[Block], Metadata]:
    """The body's headings, paragraphs and table rows in document order, and the
    title and date of its core properties."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise NotAWordDocument(f"is not a readable Word document ({exc})") from None
    unzipped = sum(member.file_size for member in members)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise NotAWordDocument(
            f"unzips to {unzipped // 1_000_000:,} MB, over the "
            f"{MAX_UNZIPPED_BYTES // 1_000_000} MB limit (a zip bomb?)"
        )
    if "word/document.xml" not in {member.filename for member in members}:
        raise NotAWordDocument("is a ZIP archive but not a Word .docx document")

    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[Block] = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                blocks += _table_rows(item)
                continue
            level = _heading_level(item.style)
            kind = "heading" if level else "body" if _is_list(item.style) else "line"
            blocks += [Block(line, kind, level) for line in _lines(item.text)]
        properties = document.core_properties
        moment = properties.modified or properties.created
        meta = Metadata(
            title=(properties.title or "").strip() or None,
            date=moment.date() if moment else None,
        )
    except Exception as exc:
        # A damaged part raises whatever zipfile, zlib, lxml or python-docx meets
        # first (BadZipFile, zlib.error, XMLSyntaxError, KeyError…): one line instead.
        raise NotAWordDocument(f"is a damaged Word document ({type(exc).__name__})") from None
    return blocks, meta


def _heading_level(style: ParagraphStyle | None) -> int:
    """1–6 for Title and Heading N styles, and styles based on them; 0 otherwise."""
    seen = 0
    while style is not None and seen < 10:  # base styles can loop in a hand-edited file
        name = (style.name or "").strip()
        if name.lower() == "title":
            return 1
        if match := _HEADING_STYLE.match(name):
            return min(int(match.group(1)), 6)
        style, seen = style.base_style, seen + 1
    return 0


def _is_list(style: ParagraphStyle | None) -> bool:
    return style is not None and "list" in (style.name or "").lower()


def _table_rows(table: object) -> list[Block]:
    from docx.table import Table

    assert isinstance(table, Table)
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # a merged cell repeats
                cells.append(text)
        if cells:
            rows.append(Block(" | ".join(cells), "body"))
    return rows


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]
