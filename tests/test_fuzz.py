"""Fuzzing: random bytes, random text and mutated real files through every reader,
the segmenter and the summarizer. Each ends as a Source (and a summary) or as a
BriefgenError naming the problem; never another exception, never a hang."""

from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import BriefgenError
from briefgen.ingest import read_source
from briefgen.ingest.decode import DecodeError, decode
from briefgen.options import Options
from briefgen.summarize import summarize
from briefgen.text import segment_source

FUZZ = settings(
    max_examples=150,
    deadline=5000,  # ms per example: a hang fails the test
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same examples on every run: CI stays reproducible
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


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md"]))
def test_random_bytes(data: bytes, suffix: str) -> None:
    through_everything(data, suffix)


@FUZZ
@given(st.text(max_size=2000), st.sampled_from([".txt", ".md"]))
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
