import datetime as dt
from pathlib import Path

import pytest
from conftest import SEED

from briefgen.errors import InputError
from briefgen.ingest import expand_paths, parse_text, read_source


def parse(text: str, markdown: bool = False):  # type: ignore[no-untyped-def]
    return parse_text(text, origin="x.txt", source_id="x", fallback_title="x", markdown=markdown)


def test_seed_header_sections_and_related_links() -> None:
    source = read_source(SEED)
    assert source.title == "結局、プーチンの注文通り"
    assert source.date == dt.date(2025, 9, 11)
    assert source.language == "ja"
    assert [s.heading for s in source.sections] == [
        None,
        "実は欧州抜き、米中露の構図",
        "対日戦勝記念80周年式典で示した結束の意味",
        "ベーリング海には「チャーチル外し」という前例",
    ]
    assert [link.label for link in source.related] == ["併せて読む", "つづきを読む"]
    assert source.related[0].text.startswith("世界はプーチンが優位に立った")
    body = "".join(p.text for s in source.sections for p in s.paragraphs)
    assert "併せて読む" not in body and "つづきを読む" not in body
    for section in source.sections:
        for paragraph in section.paragraphs:
            assert source.text[paragraph.span[0] : paragraph.span[1]] == paragraph.text


@pytest.mark.parametrize(
    "header", ["date 2025-09-11 題名", " date 2025-09-11 題名", "Date 2025-9-1 題名"]
)
def test_header_with_or_without_leading_space(header: str) -> None:
    source = parse(f"{header}\n\n本文です。次の文です。\n")
    assert source.title == "題名"
    assert source.date is not None and source.date.year == 2025


def test_file_without_header_takes_first_short_line_as_title() -> None:
    source = parse("無題の記事\n\n本文です。\n\n見出し\n\n続きです。\n")
    assert source.title == "無題の記事"
    assert source.date is None
    assert [s.heading for s in source.sections] == [None, "見出し"]


def test_the_last_row_of_a_spec_sheet_is_no_heading() -> None:
    # Rows of "field：value" under a list item, then the next item: the last row is
    # part of the run, not the heading of what follows; a marked heading still heads.
    source = parse(
        "date 2024-01-10 案内\n\n"
        "■大きさ\n\n・標準型\n\n昔からある型だ。\n\n"
        "重さ：約2g\n\n厚さ：2.1mm\n\n色：黒\n\n"
        "・小型\n\n携帯電話のために作られた。\n\n"
        "重さ：約1g\n\n厚さ：1.4mm\n\n■速さ\n\n速さは三段階ある。\n"
    )
    assert [s.heading for s in source.sections] == ["■大きさ", "■速さ"]


def test_file_starting_with_prose_falls_back_to_file_name() -> None:
    source = parse("いきなり本文から始まる長い文章で、見出しのような短い行はありません。\n")
    assert source.title == "x"
    assert len(source.sections) == 1


def test_markdown_title_and_headings() -> None:
    source = parse("# 題名\n\n本文です。\n\n## 見出し\n\n続きです。\n", markdown=True)
    assert source.title == "題名"
    assert [s.heading for s in source.sections] == [None, "見出し"]


def test_crlf_and_bom_are_handled(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffdate 2025-01-02 題\r\n\r\n本文です。\r\n".encode())
    source = read_source(path)
    assert source.title == "題"
    assert source.sections[0].paragraphs[0].text == "本文です。"


def test_missing_file_is_an_input_error_in_place(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("本文です。", encoding="utf-8")
    found = expand_paths([tmp_path / "nope.txt", good])
    assert isinstance(found[0], InputError)
    assert str(found[0]) == f"{tmp_path / 'nope.txt'}: no such file or directory"
    assert found[1] == good


def test_directory_reads_supported_files_in_name_order(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", ".hidden.txt", "c.png"):
        (tmp_path / name).write_text("本文。", encoding="utf-8")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.txt", "b.md"]  # type: ignore[union-attr]


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    (found,) = expand_paths([tmp_path])
    assert isinstance(found, InputError)
    assert "no source files (.txt, .md" in str(found)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"  \n\n \t\n", "is empty"),
        (
            b"\x82\xa0\xff",
            "is too short to tell its encoding (tried UTF-8, UTF-16, ISO-2022-JP, Shift_JIS, "
            "EUC-JP, GB18030, Big5, EUC-KR); give --encoding if you know it",
        ),
        (b"abc\x00\x01def", "looks like a binary file"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_source(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


def test_english_with_a_katakana_word_is_english() -> None:
    from briefgen.ingest.text import detect_language

    assert detect_language("The dish called ラーメン is popular in Tokyo. People queue.") == "en"
    assert detect_language(SEED.read_text(encoding="utf-8")) == "ja"


def test_markdown_markup_is_reduced_to_text() -> None:
    source = parse(
        "---\ntitle: meta\n---\n# 題名\n\n本文の **太字** と[リンク](http://x)です。\n\n"
        "## 見出し\n\n- 項目一\n- 項目二\n\n```\ncode\n```\n\n＊＊＊\n\n> 引用です。\n",
        markdown=True,
    )
    assert source.title == "meta"  # the front matter's title wins over the first heading
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in source.sections] == [
        ("題名", ["本文の 太字 とリンクです。"]),
        ("見出し", ["項目一", "項目二", "引用です。"]),
    ]
    for section in source.sections:
        for paragraph in section.paragraphs:
            assert source.text[paragraph.span[0] : paragraph.span[1]] == paragraph.text


def test_separator_lines_are_not_headings_and_only_known_labels_are_links() -> None:
    source = parse("題名\n\n本文です。\n\n◇\n\n【読者の声】よかったです。\n")
    assert [s.heading for s in source.sections] == [None]
    assert [p.text for p in source.sections[0].paragraphs] == [
        "本文です。",
        "【読者の声】よかったです。",
    ]
    assert source.related == ()


def test_a_source_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("本文。", encoding="utf-8")
    found = expand_paths([tmp_path, tmp_path / "a.txt", str(tmp_path) + "/"])
    assert found == [tmp_path / "a.txt"]


def test_unreadable_directory_is_an_error_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()

    def refuse(self: Path):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    found = expand_paths([locked, SEED])
    assert isinstance(found[0], InputError)
    assert str(found[0]) == f"{locked}: cannot be read (Permission denied)"
    assert found[1] == SEED


def test_fifo_is_not_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (found,) = expand_paths([fifo])
    assert isinstance(found, InputError) and "not a regular file" in str(found)


def test_front_matter_gives_title_date_language_and_link(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: 北極海の協力\ndate: 2025-09-12\nurl: https://example.org/a?id=1\n"
        "lang: ja\n---\n\nロシアと中国は北極海で協力を強化している。\n",
        encoding="utf-8",
    )
    source = read_source(path)
    assert (source.title, source.date, source.language) == (
        "北極海の協力",
        dt.date(2025, 9, 12),
        "ja",
    )
    assert source.origin == "https://example.org/a?id=1"
    assert "title:" not in source.text and "ロシアと中国" in source.text
    plain = tmp_path / "plain.txt"
    plain.write_text("---\ntitle: A note\n---\nThe dish called ramen is popular.\n")
    assert read_source(plain).title == "A note"


def test_front_matter_that_is_not_yaml_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\n本文です。\n", encoding="utf-8")
    with pytest.raises(InputError, match="front matter that is not valid YAML"):
        read_source(path)


def test_folders_are_walked_in_order_hidden_ones_skipped_and_names_filtered(
    tmp_path: Path,
) -> None:
    for name in ("b.txt", "a/z.md", "a/deeper/y.txt", ".hidden/x.txt", "a/.secret.txt", "c.png"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("本文です。", encoding="utf-8")
    found = expand_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [  # type: ignore[union-attr]
        "a/deeper/y.txt",
        "a/z.md",
        "b.txt",
    ]
    only_md = expand_paths([tmp_path], "*.md")
    assert [p.name for p in only_md] == ["z.md"]  # type: ignore[union-attr]
    none = expand_paths([tmp_path], "*.html")
    assert "directory has no source files matching *.html (.txt" in str(none[0])


def test_read_source_takes_a_path_given_as_a_string(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("date 2025-09-10 見出し\n\n政府は2日、閣議決定した。\n", encoding="utf-8")
    assert read_source(str(path)).title == read_source(path).title == "見出し"
