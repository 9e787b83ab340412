"""Word files are ZIP archives: the limits briefgen checks before it unpacks one, be it
a source, a Word template, or a file read for briefgen's mark.

CPython's zipfile never inflates a member past the size its header declares, so the
declared sizes are a bound that holds; checking them first refuses a zip bomb at once,
and makes a separate limit on the compression ratio unnecessary. python-docx parses
every XML part of a document into memory and reads paragraphs in Python (a 680 kB
file declaring 190 MB of XML took 2.7 GB and two minutes), so XML has a lower limit
than pictures. Which parts are XML is what ``[Content_Types].xml`` says, not their
names: a part called ``image1.png`` may be declared to be the document.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable

MAX_UNZIPPED_BYTES = 200_000_000  # Word documents with pictures are tens of MB
MAX_XML_BYTES = 20_000_000  # as much as a text source; a 300-page report has a few MB
MAX_MEMBERS = 10_000  # a document has tens of parts, one more per picture
MAX_CONTENT_TYPES_BYTES = 1_000_000  # tens of lines in a real document
_CONTENT_TYPES = "[Content_Types].xml"
_TYPE_ENTRY = re.compile(r"<(?:\w+:)?(Default|Override)\b([^>]*)>")
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def archive_problem(archive: zipfile.ZipFile) -> str | None:
    """Why a Word file is refused before anything in it is unpacked, or None."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        return f"has {len(members):,} parts, over the {MAX_MEMBERS:,} limit"
    unzipped = sum(member.file_size for member in members)
    if unzipped > MAX_UNZIPPED_BYTES:
        return (
            f"unzips to {unzipped // 1_000_000:,} MB, over the "
            f"{MAX_UNZIPPED_BYTES // 1_000_000} MB limit (a zip bomb?)"
        )
    types = {m.filename: m for m in members}.get(_CONTENT_TYPES)
    if types is not None and types.file_size > MAX_CONTENT_TYPES_BYTES:
        return f"has a {_CONTENT_TYPES} of {types.file_size:,} bytes (a zip bomb?)"
    xml_types = _xml_types(archive) if types is not None else _xml_types_by_name
    xml = sum(m.file_size for m in members if xml_types(m.filename))
    if xml > MAX_XML_BYTES:
        return (
            f"holds {xml // 1_000_000:,} MB of XML, over the {MAX_XML_BYTES // 1_000_000} MB "
            "limit (a zip bomb?)"
        )
    return None


def _xml_types(archive: zipfile.ZipFile) -> Callable[[str], bool]:
    """Whether a part is XML, by the content types ``[Content_Types].xml`` gives each
    extension and each named part (read as text: no entity in it is expanded)."""
    text = archive.read(_CONTENT_TYPES).decode("utf-8", "replace")
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for kind, attributes in _TYPE_ENTRY.findall(text):
        values = {name.lower(): a or b for name, a, b in _ATTRIBUTE.findall(attributes)}
        content_type = values.get("contenttype", "").lower()
        if kind == "Default":
            defaults[values.get("extension", "").lower()] = content_type
        else:
            overrides[values.get("partname", "").lstrip("/")] = content_type

    def is_xml(name: str) -> bool:
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        content_type = overrides.get(name, defaults.get(extension, ""))
        return "xml" in content_type or _xml_types_by_name(name)

    return is_xml


def _xml_types_by_name(name: str) -> bool:
    return name.endswith((".xml", ".rels"))
