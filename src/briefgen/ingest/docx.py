"""Word ``.docx`` files through python-docx: paragraphs in order, heading styles as
sections, table rows as body lines, title and date from the core properties.

A ``.docx`` is a ZIP archive: its parts and their declared sizes are checked before
anything is unpacked (:mod:`briefgen._zip`), so a zip bomb is refused at once.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import TYPE_CHECKING

from briefgen.ingest.blocks import Block, Metadata

if TYPE_CHECKING:
    from docx.styles.style import ParagraphStyle

_HEADING_STYLE = re.compile(r"^(?:heading|見出し)\s*(\d)$", re.IGNORECASE)


class NotAWordDocument(ValueError):
    """The file cannot be read as a Word document (the message says why)."""


def docx_blocks(data: bytes) -> tuple[list[Block], Metadata]:
    """The body's headings, paragraphs and table rows in document order, and the
    title and date of its core properties."""
    from briefgen._zip import archive_problem

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            problem = archive_problem(archive)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
        raise NotAWordDocument(f"is not a readable Word document ({exc})") from None
    if problem:
        raise NotAWordDocument(problem)
    if "word/document.xml" not in {member.filename for member in members}:
        raise NotAWordDocument("is a ZIP archive but not a Word .docx document")

    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[Block] = []
        # What each paragraph style makes of a paragraph: python-docx looks a style up
        # by scanning every style, 1–3 ms a paragraph (25,000 paragraphs took 90 s).
        kinds: dict[str | None, tuple[str, int]] = {}
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                blocks += _table_rows(item)
                continue
            style_id = item._p.style  # the paragraph's own w:pStyle, None for the default
            if style_id not in kinds:
                level = _heading_level(item.style)
                kinds[style_id] = (
                    "heading" if level else "body" if _is_list(item.style) else "line",
                    level,
                )
            kind, level = kinds[style_id]
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
