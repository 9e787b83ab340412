"""briefgen's mark on what it writes: who made a file, and how many sources it holds.

Every briefing a run writes carries ``briefgen <version>; sources=<n>``: in a Word
file as the custom properties ``Generator`` and ``BriefgenSources``, in HTML as
``<meta name="generator">``, in Markdown as a first-line comment, in text as a first
header line, in an email as the ``X-Generator`` header. The mark tells a run that a
file is an earlier briefing (never to be replaced by a smaller one), and it is what a
reader would look for to keep briefgen's output from being read back as a source.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from briefgen._version import __version__

_MARK = re.compile(r"briefgen (?P<version>[^\s;<>\"]+); sources=(?P<sources>\d+)")
_HEAD = 256_000  # a mark sits in a file's first lines (an HTML page's <head>)
_CUSTOM = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_PROPERTY_ID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one every custom property uses


@dataclass(frozen=True)
class Mark:
    """A file's mark: the briefgen version that wrote it, and its number of sources."""

    version: str
    sources: int


def mark_text(sources: int) -> str:
    return f"briefgen {__version__}; sources={sources}"


def stamp_text(rendered: str, format: str, sources: int) -> str:
    """A rendered ``html``, ``md`` or ``txt`` briefing carrying the mark."""
    text = mark_text(sources)
    if format == "html":
        meta = f'<meta name="generator" content="{_escape(text)}">\n'
        head = re.search(r"<head[^>]*>\s*", rendered, re.IGNORECASE)
        at = head.end() if head else 0
        return rendered[:at] + meta + rendered[at:]
    if format == "md":  # a comment: invisible wherever the Markdown is shown
        return f"<!-- {text} -->\n\n{rendered}"
    return f"{text}\n\n{rendered}"


def read_mark(path: str | Path) -> Mark | None:
    """The mark of the file at ``path``, or None (not briefgen's, or not readable)."""
    path = Path(path)
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                custom = archive.getinfo(_CUSTOM)
                if custom.file_size > _HEAD:  # a few hundred bytes; more is a zip bomb
                    return None
                return _docx_mark(archive.read(custom).decode("utf-8", "replace"))
        with path.open("rb") as file:
            head = file.read(_HEAD).decode("utf-8", "replace").lstrip("\ufeff")
    except (OSError, KeyError, EOFError, zipfile.BadZipFile, zlib.error):
        return None
    # Where each format puts it, never anywhere in the text: an article may quote one.
    header = re.split(r"\r?\n\r?\n", head, maxsplit=1)[0]  # an email's headers
    for where, text in zip(_WHERE, (head, head, head, header), strict=True):
        if found := where.search(text):
            return Mark(found["version"], int(found["sources"]))
    return None


_WHERE = tuple(
    re.compile(pattern.replace("MARK", _MARK.pattern), flags)
    for pattern, flags in (
        (r"\AMARK\r?\n", 0),  # text: the first line
        (r"\A<!-- MARK -->", 0),  # Markdown: a first-line comment
        (r'<meta name="generator" content="MARK">', re.IGNORECASE),  # HTML
        (r"^X-Generator: MARK\r?$", re.MULTILINE),  # email: a header
    )
)


def _escape(text: str) -> str:
    """XML/HTML escaping without importing html (start-up: its entity table)."""
    for raw, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")):
        text = text.replace(raw, escaped)
    return text


def _docx_mark(xml: str) -> Mark | None:
    generator = re.search(r'name="Generator">\s*<vt:lpwstr>([^<]*)</vt:lpwstr>', xml)
    # LibreOffice saves the number back as a double (<vt:r8>1</vt:r8>).
    sources = re.search(r'name="BriefgenSources">\s*<vt:(?:i4|i8|r8|lpwstr)>(\d+)(?:\.0*)?<', xml)
    if not (generator and sources and generator[1].startswith("briefgen ")):
        return None
    import html

    return Mark(html.unescape(generator[1]).removeprefix("briefgen "), int(sources[1]))


def stamp_docx_parts(parts: dict[str, bytes], sources: int) -> dict[str, bytes]:
    """A Word file's parts (name → bytes, in order) with the mark's custom properties
    added (a template's own ones kept); the renderer writes them in its one zip pass."""
    text = mark_text(sources)
    marked = dict(parts)
    marked[_CUSTOM] = _custom_properties(parts.get(_CUSTOM), text).encode("utf-8")
    if _CUSTOM not in parts:
        types = parts["[Content_Types].xml"].decode("utf-8")
        marked["[Content_Types].xml"] = types.replace(
            "</Types>",
            f'<Override PartName="/{_CUSTOM}" ContentType="{_CUSTOM_TYPE}"/></Types>',
        ).encode("utf-8")
        rels = parts["_rels/.rels"].decode("utf-8")
        marked["_rels/.rels"] = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdBriefgenMark" Type="{_CUSTOM_REL}" '
            f'Target="{_CUSTOM}"/></Relationships>',
        ).encode("utf-8")
    return marked


def _custom_properties(existing: bytes | None, text: str) -> str:
    version, _, sources = text.partition("; sources=")
    xml = (
        existing.decode("utf-8")
        if existing
        else '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes"></Properties>'
    )
    pid = max((int(n) for n in re.findall(r'pid="(\d+)"', xml)), default=1) + 1
    ours = (
        f'<property fmtid="{_PROPERTY_ID}" pid="{pid}" name="Generator">'
        f"<vt:lpwstr>{_escape(version)}</vt:lpwstr></property>"
        f'<property fmtid="{_PROPERTY_ID}" pid="{pid + 1}" name="BriefgenSources">'
        f"<vt:i4>{sources}</vt:i4></property>"
    )
    return xml.replace("</Properties>", ours + "</Properties>")
