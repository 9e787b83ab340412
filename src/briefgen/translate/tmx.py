"""Corrections as TMX 1.4b, the translation-memory exchange format of CAT tools
(OmegaT, Trados, memoQ, translate-toolkit).

Written with the standard library (``xml.etree``) and read with lxml, which briefgen
already has through python-docx: translate-toolkit would add 7.5 MB and 35 ms of
import for the same (benchmarks/README.md, "TMX"); the tests check with it that both
directions agree. Neither is imported on the way to a briefing.

Each correction is one ``<tu>`` with its ``creationdate`` (when it was added), the
source document and briefing as ``<prop type="x-briefgen-source">`` and
``x-briefgen-briefing``, and two ``<tuv>``: the original (its ``xml:lang``) first,
then the English. Reading takes, from each ``<tu>``, the English variant (``en``,
``en-GB``…) and the one in the header's ``srclang`` (or else the first other one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen._version import __version__
from briefgen.errors import InputError
from briefgen.translate.memory import Correction

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODES = {"bpt", "ept", "it", "ph", "ut", "sub"}  # inline markup: formatting codes, no text
_SOURCE, _BRIEFING = "x-briefgen-source", "x-briefgen-briefing"


@dataclass(frozen=True)
class TmxRead:
    """The corrections of a TMX file, and how many units it held without a pair of
    English and another language."""

    corrections: tuple[Correction, ...]
    left_out: int


def tmx_date(added: str) -> str:
    """``2025-09-12T08:30:00Z`` as TMX writes it: ``20250912T083000Z``."""
    return added.replace("-", "").replace(":", "")


def iso_date(tmx: str) -> str:
    """A TMX date (``20250912T083000Z``) as the store writes it; "" when unreadable."""
    if len(tmx) != 16 or tmx[8] != "T" or not tmx.endswith("Z"):
        return ""
    return f"{tmx[:4]}-{tmx[4:6]}-{tmx[6:8]}T{tmx[9:11]}:{tmx[11:13]}:{tmx[13:15]}Z"


def tmx_bytes(corrections: Sequence[Correction]) -> bytes:
    """``corrections`` as a TMX 1.4b document (the same corrections, the same bytes)."""
    import xml.etree.ElementTree as ET

    from briefgen.text.detect import detect_language

    languages = [c.language or detect_language(c.original) for c in corrections]
    dates = sorted(c.added for c in corrections if c.added)
    header = {
        "creationtool": "briefgen",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "briefgen corrections",
        "adminlang": "en",
        "srclang": languages[0] if len(set(languages)) == 1 else "*all*",
        "datatype": "plaintext",
    }
    if dates:
        header["creationdate"] = tmx_date(dates[-1])
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", header)
    body = ET.SubElement(root, "body")
    for correction, language in zip(corrections, languages, strict=True):
        unit = ET.SubElement(body, "tu", srclang=language)
        if correction.added:
            unit.set("creationdate", tmx_date(correction.added))
        unit.set("creationtool", "briefgen")
        for kind, value in ((_SOURCE, correction.source), (_BRIEFING, correction.briefing)):
            if value:
                ET.SubElement(unit, "prop", type=kind).text = value
        for lang, text in ((language, correction.original), ("en", correction.english)):
            variant = ET.SubElement(unit, "tuv", {_XML_LANG: lang})
            ET.SubElement(variant, "seg").text = text
    ET.indent(root)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        + ET.tostring(root, encoding="unicode").encode("utf-8")
        + b"\n"
    )


def read_tmx(path: str | Path) -> TmxRead:
    """The corrections in the TMX file at ``path`` (any source language into English).

    Raises:
        InputError: the file cannot be read or is not TMX.
    """
    from lxml import etree

    path = Path(path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc})") from None
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"is not a TMX file ({exc})") from None
    if root.tag != "tmx":
        raise InputError(path, f"is not a TMX file (its root is <{root.tag}>, not <tmx>)")
    header = root.find("header")
    srclang = (header.get("srclang") if header is not None else None) or ""
    default_date = (header.get("creationdate") if header is not None else None) or ""
    found: list[Correction] = []
    left_out = 0
    for unit in root.iter("tu"):
        variants = [
            (variant.get(_XML_LANG) or variant.get("lang") or "", _seg_text(variant))
            for variant in unit.findall("tuv")
        ]
        english = next((t for lang, t in variants if _primary(lang) == "en" and t), None)
        others = [(lang, t) for lang, t in variants if _primary(lang) != "en" and t]
        want = unit.get("srclang") or srclang
        others.sort(key=lambda item: _primary(item[0]) != _primary(want))
        if english is None or not others:
            left_out += 1
            continue
        language, original = others[0]
        props = {prop.get("type"): (prop.text or "").strip() for prop in unit.findall("prop")}
        when = unit.get("changedate") or unit.get("creationdate") or default_date
        found.append(
            Correction(
                " ".join(original.split()),
                " ".join(english.split()),
                source=props.get(_SOURCE, ""),
                briefing=props.get(_BRIEFING, ""),
                added=iso_date(when),
                language=_primary(language),
            )
        )
    return TmxRead(tuple(found), left_out)


def _primary(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


def _seg_text(variant: Any) -> str:
    """The text of a ``<tuv>``'s ``<seg>``, without its inline formatting codes."""
    seg = variant.find("seg")
    if seg is None:
        return ""
    out = [seg.text or ""]
    _inline_text(seg, out)
    return "".join(out).strip()


def _inline_text(element: Any, out: list[str]) -> None:
    for child in element:
        if child.tag not in _CODES:  # <hi>: text; <bpt>, <ph>…: codes of the original format
            out.append(child.text or "")
            _inline_text(child, out)
        out.append(child.tail or "")
