"""Fuzzing: random bytes, random text and mutated real files (text, web page, Word,
PDF) through every reader,
the segmenter and the summarizer. Each ends as a Source (and a summary) or as a
BriefgenError naming the problem; never another exception, never a hang."""

from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_files import PDF_PAGES, text_pdf, write_docx, write_news_html

from briefgen.errors import BriefgenError
from briefgen.ingest import read_source
from briefgen.ingest.decode import DecodeError, decode
from briefgen.options import Options
from briefgen.summarize import summarize
from briefgen.text import segment_source

# New examples on every run, the budget from the profile (tests/conftest.py); an
# example that failed is kept in .hypothesis/ and tried first next time. Not
# derandomized: the same examples forever would stop finding anything new.
FUZZ = settings(
    deadline=5000,  # ms per example: a hang fails the test
    suppress_health_check=[HealthCheck.too_slow],
)
SEED_BYTES = SEED.read_bytes()


def through_everything(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            source = read_source(path)
        except BriefgenError:
            return
        sentences = segment_source(source)
        for sentence in sentences:
            assert source.text[sentence.span[0] : sentence.span[1]] == sentence.text
        if sentences:
            summarize(source, sentences, Options(key_points=3))


SUFFIXES = [".txt", ".md", ".html", ".docx", ".pdf"]
# What sniffing looks at first: random bytes behind each reader's magic reach its parser.
MAGIC = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<!DOCTYPE html><html><body>", b"\xef\xbb\xbf"]


def _real_files() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as folder:
        return {
            ".html": write_news_html(Path(folder) / "a.html", "cp932").read_bytes(),
            ".docx": write_docx(Path(folder) / "a.docx").read_bytes(),
            ".pdf": text_pdf(PDF_PAGES),
        }


REAL_FILES = _real_files()


@FUZZ
@given(st.sampled_from(MAGIC), st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_random_bytes(magic: bytes, data: bytes, suffix: str) -> None:
    through_everything(magic + data, suffix)


@FUZZ
@given(
    st.sampled_from(sorted(REAL_FILES)),
    st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=30),
    st.floats(0.05, 1),
)
def test_mutated_real_files(suffix: str, flips: list[tuple[float, int]], keep: float) -> None:
    """A real page, Word file or PDF with bytes changed and its end cut off."""
    data = bytearray(REAL_FILES[suffix])
    for where, value in flips:
        data[int(where * len(data))] = value
    through_everything(bytes(data[: max(1, int(len(data) * keep))]), suffix)


@FUZZ
@given(st.text(max_size=1500), st.sampled_from(["<p>", "<h2>", "<li>", "<br>", "<table><tr><td>"]))
def test_random_text_in_html(text: str, tag: str) -> None:
    page = f"<html><head><title>{text[:20]}</title></head><body>{tag}{text}</body></html>"
    through_everything(page.encode("utf-8", "surrogatepass"), ".html")


@FUZZ
@given(st.text(max_size=2000), st.sampled_from([".txt", ".md", ".html"]))
def test_random_text(text: str, suffix: str) -> None:
    through_everything(text.encode("utf-8", "surrogatepass"), suffix)


@FUZZ
@given(
    st.lists(
        st.tuples(st.integers(0, len(SEED_BYTES) - 1), st.integers(0, 255)),
        min_size=1,
        max_size=40,
    ),
    st.sampled_from(["utf-8", "cp932", "euc_jp", "utf-16"]),
)
def test_mutated_seed(flips: list[tuple[int, int]], encoding: str) -> None:
    data = bytearray(SEED.read_text(encoding="utf-8").encode(encoding, "replace"))
    for position, value in flips:
        data[position % len(data)] = value
    through_everything(bytes(data), ".txt")


@FUZZ
@given(st.binary(max_size=500))
def test_decode_answers_or_refuses(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except DecodeError:
        return
    assert isinstance(text, str) and encoding
