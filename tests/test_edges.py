"""Edge cases found by a second reader of the desk, readers and backends."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, ROOT
from sample_files import text_pdf

import briefgen
from briefgen.desk import DeskConfig
from briefgen.desk.state import DeskState
from briefgen.ingest import read_source
from briefgen.text.detect import sentence_language
from briefgen.translate.libretranslate import _batches

DESK = ROOT / "tests" / "desk"


def test_stories_with_no_points_at_all() -> None:
    done = subprocess.run(
        ["briefgen", "summarize", str(DESK), "--lede", "0", "--points", "0", "--format", "json"],
        capture_output=True, text=True, env=os.environ.copy(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_batches_count_the_text_as_sent() -> None:
    texts = ["あ" * 50, "A&B社" + "い" * 44]  # 99 characters, 103 once "&" is "&amp;"
    assert _batches(texts, 100) == [[texts[0]], [texts[1]]]
    assert _batches(["a"] * 70, 10**9) == [["a"] * 64, ["a"] * 6]


def test_a_locked_state_file_is_not_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "state.sqlite"
    state = DeskState(path)
    briefing = briefgen.make_briefing(DESK / "rates.txt", model=DEMO_MODEL)
    state.record(briefing)
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr("briefgen.desk.state.TIMEOUT", 0.1)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            state.mark(briefing)
    finally:
        holder.rollback()
        holder.close()
    assert not list(tmp_path.glob("*.corrupt-*"))
    assert state.mark(briefing).news.nothing_new  # type: ignore[union-attr]


def test_pages_sharing_one_canonical_url_are_told_apart(tmp_path: Path) -> None:
    for name, body in (("a", "政府は新しい政策を発表した。"), ("b", "日銀は金利を据え置いた。")):
        (tmp_path / f"{name}.html").write_text(
            '<html><head><link rel="canonical" href="https://news.example.jp/"></head>'
            f"<body><article><p>{body}専門家は影響を注視している。</p></article></body></html>",
            encoding="utf-8",
        )
    state = DeskState(tmp_path / "state.sqlite")
    state.record(briefgen.make_briefing(tmp_path, model=DEMO_MODEL))
    again = state.mark(briefgen.make_briefing(tmp_path, model=DEMO_MODEL))
    assert again.news is not None and again.news.nothing_new


def test_output_patterns_exclude_only_earlier_briefings(tmp_path: Path) -> None:
    config = DeskConfig(folder=tmp_path / "desk [2]")
    pattern = config.glob_of("briefing-{date}.txt")
    (tmp_path / "desk [2]").mkdir()
    for name in ("briefing-2026-11-28.txt", "briefing-boj-rates.txt"):
        (tmp_path / "desk [2]" / name).write_text("x")
    import glob

    assert [Path(p).name for p in glob.glob(pattern)] == ["briefing-2026-11-28.txt"]
    nested = config.glob_of("src/{date}/briefing.docx")
    assert nested.endswith("src/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]/briefing.docx")
    (tmp_path / "desk [2]" / "a.txt").write_text("本文。")
    globbed = DeskConfig(sources=("*.txt",), folder=tmp_path / "desk [2]").source_paths()
    assert [Path(p).name for p in globbed] == [
        "a.txt",
        "briefing-2026-11-28.txt",
        "briefing-boj-rates.txt",
    ]


def test_a_two_line_pdf_page_keeps_its_heading(tmp_path: Path) -> None:
    path = tmp_path / "short.pdf"
    path.write_bytes(
        text_pdf([["Local Reaction", "Fishing cooperatives asked the ministry to study it."]])
    )
    source = read_source(path)
    assert source.title == "Local Reaction"  # not glued to the line below it
    (section,) = source.sections
    assert [p.text for p in section.paragraphs] == [
        "Fishing cooperatives asked the ministry to study it."
    ]


def test_half_width_katakana_is_not_english() -> None:
    assert sentence_language("ｿﾆｰ ｸﾞﾙｰﾌﾟ ｼﾝｾｲﾋﾝ ﾊｯﾋﾟｮｳ", "ja") == "ja"


def test_a_correction_whose_english_is_a_header_word_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path))
    run = ["briefgen", "corrections"]
    subprocess.run([*run, "add", "英語", "English"], check=True, env=env, capture_output=True)
    listed = subprocess.run([*run, "list"], env=env, capture_output=True, text=True)
    assert listed.stdout == "英語\tEnglish\n"


def test_a_pdf_title_that_is_a_file_name_is_not_the_title(tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    path.write_bytes(
        text_pdf(
            [["Port Plan for the North", "The ministry published a new plan on Tuesday."]],
            title="Microsoft Word - Document1.docx",
        )
    )
    assert read_source(path).title == "Port Plan for the North"


def test_opus_mt_three_letter_languages() -> None:
    from briefgen.translate.families import _differs

    assert not _differs("jpn", "ja") and not _differs("ja", "ja") and not _differs("mul", "ja")
    assert _differs("deu", "ja") and _differs("de", "ja")
