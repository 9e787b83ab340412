"""briefgen's mark on what it writes: who made a file, and how many sources it holds.

Every briefing a run writes carries ``briefgen <version>; sources=<n>``: in a Word
file as the custom properties ``Generator`` and ``BriefgenSources``, in HTML as
``<meta name="generator">``, in Markdown as a first-line comment, in text as a first
header line, in an email as the ``X-Generator`` header. The mark tells a run that a
file is an earlier briefing (never to be replaced by a smaller one), and it is what a
reader would look for to keep briefgen's output from being read back as a source.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from briefgen._version import __version__

_MARK = re.compile(r"briefgen (?P<version>[^\s;<>\"]+); sources=(?P<sources>\d+)")
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # as the Word renderer writes every entry
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


def stamp(data: bytes, format: str, sources: int) -> bytes:
    """``data`` (a rendered ``docx``, ``html``, ``md`` or ``txt``) carrying the mark."""
    text = mark_text(sources)
    if format == "docx":
        return _stamp_docx(data, text)
    if format == "html":
        meta = f'<meta name="generator" content="{html.escape(text)}">\n'.encode()
        head = re.search(rb"<head[^>]*>\s*", data, re.IGNORECASE)
        at = head.end() if head else 0
        return data[:at] + meta + data[at:]
    if format == "md":  # a comment: invisible wherever the Markdown is shown
        return f"<!-- {text} -->\n\n".encode() + data
    return f"{text}\n\n".encode() + data


def read_mark(path: str | Path) -> Mark | None:
    """The mark of the file at ``path``, or None (not briefgen's, or not readable)."""
    path = Path(path)
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                return _docx_mark(archive.read(_CUSTOM).decode("utf-8", "replace"))
        with path.open("rb") as file:
            head = file.read(_HEAD).decode("utf-8", "replace").lstrip("\ufeff")
    except (OSError, KeyError, zipfile.BadZipFile):
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


def _docx_mark(xml: str) -> Mark | None:
    generator = re.search(r'name="Generator"><vt:lpwstr>([^<]*)</vt:lpwstr>', xml)
    sources = re.search(r'name="BriefgenSources"><vt:i4>(\d+)</vt:i4>', xml)
    if not (generator and sources and generator[1].startswith("briefgen ")):
        return None
    return Mark(html.unescape(generator[1]).removeprefix("briefgen "), int(sources[1]))


def _stamp_docx(data: bytes, text: str) -> bytes:
    """The Word file with the custom properties added (a template's own ones kept)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        parts = {name: source.read(name) for name in names}
        parts[_CUSTOM] = _custom_properties(parts.get(_CUSTOM), text).encode("utf-8")
        if _CUSTOM not in names:
            names.append(_CUSTOM)
            types = parts["[Content_Types].xml"].decode("utf-8")
            parts["[Content_Types].xml"] = types.replace(
                "</Types>",
                f'<Override PartName="/{_CUSTOM}" ContentType="{_CUSTOM_TYPE}"/></Types>',
            ).encode("utf-8")
            rels = parts["_rels/.rels"].decode("utf-8")
            parts["_rels/.rels"] = rels.replace(
                "</Relationships>",
                f'<Relationship Id="rIdBriefgenMark" Type="{_CUSTOM_REL}" '
                f'Target="{_CUSTOM}"/></Relationships>',
            ).encode("utf-8")
        for name in names:  # same order, same fixed timestamps: the same bytes each run
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, parts[name])
    return out.getvalue()


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
        f"<vt:lpwstr>{html.escape(version)}</vt:lpwstr></property>"
        f'<property fmtid="{_PROPERTY_ID}" pid="{pid + 1}" name="BriefgenSources">'
        f"<vt:i4>{sources}</vt:i4></property>"
    )
    return xml.replace("</Properties>", ours + "</Properties>")
