"""A valid file is never refused: random articles (Japanese, and any other script)
written as plain text, Markdown, a web page and a Word document read back with their
title, date and paragraphs. tests/test_fuzz.py checks the other side: a broken file
is refused in one line, never a crash.

An article here is what the layout rules (briefgen/ingest/text.py) call one: a title
line, then paragraphs that end like sentences (a short line without final
punctuation would be a heading). The readers give a paragraph's text with its runs of
whitespace made one space (Markdown, HTML and Word) or as the line was (plain text).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.ingest import read_source
from briefgen.model import Source

PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Written text: letters, marks, digits, punctuation, symbols and spaces of any script
# (no control, format or private-use characters, no line breaks), Japanese weighted in.
ANY_SCRIPT = st.characters(categories=["L", "M", "N", "P", "S", "Zs"])
JAPANESE = st.one_of(
    st.characters(min_codepoint=0x3041, max_codepoint=0x3096),  # hiragana
    st.characters(min_codepoint=0x30A1, max_codepoint=0x30FA),  # katakana
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # kanji
    st.sampled_from("、・「」（）０１２３　"),
)
CHARACTER = st.one_of(JAPANESE, ANY_SCRIPT, st.sampled_from("  abcXYZ.,"))
# A line starts with a letter: not a list mark, a 【関連】 link, a separator or markup.
FIRST = st.one_of(
    st.characters(min_codepoint=0x3041, max_codepoint=0x3096),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(categories=["L"]),
)
SENTENCE_END = "。！？.!?"
# What ends a sentence for the layout rules, and spaces, at the end of a line.
_ENDS_LIKE_A_SENTENCE = re.compile(r"[\s。！？!?.．…」』)）\"]+$")


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    body = draw(st.text(CHARACTER, max_size=300))
    return (draw(FIRST) + body).rstrip() + draw(st.sampled_from(SENTENCE_END))


@st.composite
def titles(draw: st.DrawFn) -> str:
    """A heading: up to 40 characters, not ending like a sentence nor holding one (a
    line with 。 inside is a digest's item: ``text.is_heading``)."""
    body = draw(st.text(CHARACTER, max_size=39)).replace("。", "")
    return draw(FIRST) + _ENDS_LIKE_A_SENTENCE.sub("", body)


articles = st.tuples(
    titles(),
    st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)),
    st.lists(paragraphs(), min_size=1, max_size=5),
)


def read(data: bytes, suffix: str) -> Source:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(data)
        return read_source(path)


def one_space(text: str) -> str:
    return " ".join(text.split())


def paragraph_texts(source: Source) -> list[str]:
    return [p.text for section in source.sections for p in section.paragraphs]


@PROPERTY
@given(articles)
def test_a_text_file_reads_back(article: tuple[str, dt.date, list[str]]) -> None:
    title, date, paragraphs = article
    lines = [f"date {date.isoformat()} {title}", *paragraphs]
    source = read("\n\n".join(lines).encode("utf-8"), ".txt")
    assert (source.title, source.date) == (title, date)
    assert paragraph_texts(source) == paragraphs


@PROPERTY
@given(
    titles(), st.lists(paragraphs(), min_size=1, max_size=5), st.sampled_from(["utf-8", "utf-16"])
)
def test_a_text_file_with_its_title_on_the_first_line_reads_back(
    title: str, paragraphs: list[str], encoding: str
) -> None:
    source = read("\n\n".join([title, *paragraphs]).encode(encoding), ".txt")
    assert (source.title, source.date) == (title, None)
    assert paragraph_texts(source) == paragraphs


_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # ASCII punctuation: all escapable


def markdown_escaped(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


@PROPERTY
@given(articles)
def test_a_markdown_file_reads_back(article: tuple[str, dt.date, list[str]]) -> None:
    title, date, paragraphs = article
    lines = [f"date {date.isoformat()}", f"# {markdown_escaped(title)}"]
    lines += [markdown_escaped(paragraph) for paragraph in paragraphs]
    source = read("\n\n".join(lines).encode("utf-8"), ".md")
    assert (source.title, source.date) == (one_space(title), date)
    assert paragraph_texts(source) == [one_space(p) for p in paragraphs]


@PROPERTY
@given(articles)
def test_a_web_page_reads_back(article: tuple[str, dt.date, list[str]]) -> None:
    title, date, paragraphs = article
    body = "".join(f"<p>{html.escape(paragraph)}</p>\n" for paragraph in paragraphs)
    page = (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta property="article:published_time" content="{date.isoformat()}T09:00:00+09:00">'
        f"</head><body><article><h1>{html.escape(title)}</h1>\n{body}</article></body></html>"
    )
    source = read(page.encode("utf-8"), ".html")
    assert (source.title, source.date) == (one_space(title), date)
    assert paragraph_texts(source) == [one_space(p) for p in paragraphs]


def _blank_docx() -> dict[str, bytes]:
    """The parts of python-docx's blank document (its styles include Title)."""
    import docx

    saved = io.BytesIO()
    docx.Document().save(saved)
    with zipfile.ZipFile(saved) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


BLANK_DOCX = _blank_docx()


def word_document(title: str, date: dt.date, paragraphs: list[str]) -> bytes:
    """The document python-docx makes with ``add_paragraph(title, style="Title")`` and
    ``add_paragraph(text)``, five times as fast (hypothesis makes thousands)."""

    def paragraph(text: str, style: str = "") -> str:
        styled = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f'<w:p>{styled}<w:r><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p>'

    body = paragraph(title, "Title") + "".join(paragraph(text) for text in paragraphs)
    parts = dict(BLANK_DOCX)
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + body.encode("utf-8"), 1
    )
    parts["docProps/core.xml"] = re.sub(
        rb"\d{4}-\d\d-\d\dT", f"{date.isoformat()}T".encode(), parts["docProps/core.xml"]
    )
    saved = io.BytesIO()
    with zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return saved.getvalue()


@PROPERTY
@given(articles)
def test_a_word_document_reads_back(article: tuple[str, dt.date, list[str]]) -> None:
    title, date, paragraphs = article
    source = read(word_document(title, date, paragraphs), ".docx")
    assert (source.title, source.date) == (one_space(title), date)
    assert paragraph_texts(source) == [one_space(p) for p in paragraphs]
