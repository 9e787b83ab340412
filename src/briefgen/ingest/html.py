"""Saved web pages: the article's text through readability-lxml, its metadata from the page.

readability-lxml (a port of the Readability algorithm behind Firefox's reader view)
finds the main content and drops navigation, scripts, ads and "related" lists;
briefgen then reads that content's headings as sections and its paragraphs, list
items and table rows as body lines. Title, date and canonical URL come from the
whole page's metadata (Open Graph, ``article:published_time``, ``<time>``,
JSON-LD, ``<link rel=canonical>``). trafilatura extracts slightly better but adds
70 MB of dependencies (dateparser, babel, regex); readability-lxml adds 14 MB.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from briefgen.ingest.blocks import Block, Metadata, unwrap
from briefgen.ingest.decode import XML_DECLARATION

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BODY = {"p", "li", "dt", "dd", "blockquote", "figcaption", "pre", "caption"}
_CONTAINERS = {"div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody",
               "thead", "tfoot", "figure", "header", "footer", "aside", "nav", "form",
               "center", "details", "summary", "body", "html"}  # fmt: skip
_BLOCK = _HEADINGS | _BODY | _CONTAINERS | {"tr", "td", "th", "hr", "br"}
_SKIP = {"script", "style", "noscript", "template", "svg", "button", "select", "iframe"}
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "dc.date.issued", "dc.date", "dcterms.date", "sailthru.date",
    "parsely-pub-date", "article:modified_time",
)  # fmt: skip
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')
_BR = "\u2028"  # a <br>: a line break; "\n" in the page's source is only whitespace


class NotReadable(ValueError):
    """The page has no text that readability could find."""


def html_blocks(text: str) -> tuple[list[Block], Metadata]:
    """The main content's headings and body lines, and the page's metadata."""
    import lxml.html
    from lxml.etree import ParserError
    from readability import Document
    from readability.readability import Unparseable

    text = XML_DECLARATION.sub("", text, count=1)  # lxml refuses str with a declaration
    try:
        page = lxml.html.document_fromstring(text)
        content = Document(text).summary(html_partial=True)
        main = lxml.html.fragment_fromstring(content, create_parent="div")
        meta = _metadata(page)
        blocks: list[Block] = []
        _walk(main, blocks)
    except (ParserError, Unparseable) as exc:
        raise NotReadable(f"is HTML without readable text ({exc})") from None
    except Exception as exc:
        # lxml and readability meet broken markup with whatever fails first
        # (AssertionError, XMLSyntaxError, TypeError…): one line, never a traceback.
        raise NotReadable(f"is HTML briefgen cannot read ({type(exc).__name__})") from None
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        meta.title = blocks.pop(0).text  # the article's own heading over og:title
    return blocks, meta


def _walk(element: HtmlElement, blocks: list[Block]) -> None:
    """Blocks for ``element``'s children: one per paragraph-like element; a container's
    loose text (``<div>text<br>text</div>``) makes body lines of its own."""
    loose: list[str] = [element.text or ""]

    def flush() -> None:
        for line in "".join(loose).split(_BR):
            if cleaned := _clean(line):
                blocks.append(Block(cleaned, "line"))
        loose.clear()

    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _SKIP or not tag:
            loose.append(child.tail or "")
            continue
        if tag == "br":
            loose.append(_BR + (child.tail or ""))
            continue
        if tag not in _BLOCK:  # inline: <a>, <b>, <span>…
            loose.append(_inline(child) + (child.tail or ""))
            continue
        flush()
        if tag in _HEADINGS:
            if heading := _clean(_inline(child)):
                blocks.append(Block(heading, "heading", int(tag[1])))
        elif tag == "tr":
            cells = [_clean(_inline(cell)) for cell in child if cell.tag in ("td", "th")]
            if any(cells):
                blocks.append(Block(" | ".join(cell for cell in cells if cell), "body"))
        elif tag in _BODY and not any(
            isinstance(d.tag, str) and d.tag in _BLOCK - {"br"} for d in child.iterdescendants()
        ):
            # <p><b>Background</b></p> is how many pages write a subheading.
            kind = "line" if _bold_only(child) else "body"
            for line in _inline(child).split(_BR):
                if cleaned := _clean(line):
                    blocks.append(Block(cleaned, kind))
        else:
            _walk(child, blocks)
        loose.append(child.tail or "")
    flush()


def _bold_only(element: HtmlElement) -> bool:
    return (
        len(element) == 1
        and element[0].tag in ("b", "strong")
        and not (element.text or "").strip()
        and not (element[0].tail or "").strip()
    )


def _inline(element: HtmlElement) -> str:
    """The text of an inline run, ``<br>`` as a line break, scripts left out."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            parts.append(_BR)
        elif tag and tag not in _SKIP:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str) -> str:
    """Whitespace collapsed; a source line break between CJK characters is no space."""
    return unwrap(text)


def _metadata(page: HtmlElement) -> Metadata:
    meta = Metadata()
    named: dict[str, str] = {}
    for tag in page.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        if key and tag.get("content") and key not in named:
            named[key] = tag.get("content", "").strip()
    titles = page.findtext(".//title")
    meta.title = named.get("og:title") or _clean(titles or "") or None
    for link in page.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            meta.url = link.get("href", "").strip()
            break
    meta.url = meta.url or named.get("og:url")
    candidates = [named[key] for key in _DATE_META if key in named]
    candidates += [t.get("datetime", "") for t in page.iter("time")]
    candidates += [
        m.group(1)
        for script in page.iter("script")
        if (script.get("type") or "").lower() == "application/ld+json"
        for m in [_LD_DATE.search(script.text or "")]
        if m
    ]
    for value in candidates:
        try:
            meta.date = dt.date.fromisoformat(value.strip()[:10])
            break
        except ValueError:
            continue
    return meta
