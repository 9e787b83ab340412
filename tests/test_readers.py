"""The readers: Markdown, saved web pages, Word and PDF files, and sniffing by content."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import zipfile
from pathlib import Path

import pytest
from sample_files import (
    NEWS_BOILERPLATE,
    PDF_PAGES,
    text_pdf,
    write_docx,
    write_japanese_pdf,
    write_news_html,
    write_scanned_pdf,
    write_text_pdf,
)

from briefgen.errors import InputError
from briefgen.ingest import read_source
from briefgen.ingest.pdf import pdf_blocks
from briefgen.model import Source


def outline(source: Source) -> list[tuple[str | None, list[str]]]:
    return [(s.heading, [p.text for p in s.paragraphs]) for s in source.sections]


def spans_index_the_text(source: Source) -> bool:
    return all(
        source.text[p.span[0] : p.span[1]] == p.text
        for section in source.sections
        for p in section.paragraphs
    )


def test_markdown_through_a_real_parser(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# 港湾計画\n\n"
        "国土交通省は10日、**新たな計画**を[公表](https://example.org/a)した。\n"
        "砕氷船の拠点を整える。\n\n"
        "## Details\n\n"
        "The plan was *published*\non Tuesday with `code` in it.\n\n"
        "- 岸壁の延長\n  - 二期工事\n- 防波堤の改修\n\n"
        "| 年度 | 予算 |\n|---|---|\n| 2026 | 120億円 |\n\n"
        "```\nprint('not text')\n```\n\n<div>raw html</div>\n\n![図](chart.png)\n\n"
        "> 引用された一文です。\n\n**Background**\n\nA short closing paragraph.\n",
        encoding="utf-8",
    )
    source = read_source(path)
    assert source.title == "港湾計画"
    assert outline(source) == [
        (None, ["国土交通省は10日、新たな計画を公表した。砕氷船の拠点を整える。"]),
        (
            "Details",
            [
                "The plan was published on Tuesday with code in it.",
                "岸壁の延長",
                "二期工事",
                "防波堤の改修",
                "年度 | 予算",
                "2026 | 120億円",
                "引用された一文です。",
            ],
        ),
        ("Background", ["A short closing paragraph."]),
    ]
    assert spans_index_the_text(source)


@pytest.mark.parametrize("encoding", ["utf-8", "cp932", "euc_jp"])
def test_saved_news_page_keeps_the_article_and_drops_the_rest(
    tmp_path: Path, encoding: str
) -> None:
    source = read_source(write_news_html(tmp_path / "page.html", encoding))
    assert source.title == "防衛費増額を閣議決定"  # the article's <h1>, not "… | 架空新聞"
    assert source.date == dt.date(2026, 3, 14)
    assert source.origin == "https://news.example.jp/articles/2026/0314/defense"
    assert source.language == "ja"
    assert [heading for heading, _ in outline(source)] == [None, "財源をめぐる議論", "今後の焦点"]
    body = dict(outline(source))
    # A line break in the page's source between Japanese characters is no space.
    assert "決定した。周辺国の軍備増強" in " ".join(body[None])
    items = ["法人税の付加税を導入する", "たばこ税を段階的に引き上げる"]
    assert body["財源をめぐる議論"][1:] == items
    assert body["今後の焦点"][1:] == ["年度 | 防衛費", "2025年度 | 8.7兆円", "2026年度 | 9.0兆円"]
    for boilerplate in NEWS_BOILERPLATE:
        assert boilerplate not in source.text
    assert spans_index_the_text(source)


def test_html_is_recognised_by_its_content_and_a_page_without_text_is_refused(
    tmp_path: Path,
) -> None:
    saved = write_news_html(tmp_path / "saved.txt")  # saved under the wrong name
    assert read_source(saved).title == "防衛費増額を閣議決定"
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title></head><body><script>x()</script></body></html>")
    with pytest.raises(InputError) as caught:
        read_source(empty)
    assert str(caught.value).startswith(f"{empty}: ")


def test_word_document_headings_lists_tables_and_properties(tmp_path: Path) -> None:
    source = read_source(write_docx(tmp_path / "plan.docx"))
    assert (source.title, source.date, source.language) == (
        "北海道で新港湾計画",
        dt.date(2026, 2, 10),
        "ja",
    )
    assert outline(source) == [
        (None, ["国土交通省は10日、北海道の港湾整備に関する新たな計画を公表した。"
                "砕氷船の拠点を整え、北極海航路の利用拡大に備える。"]),
        ("計画の概要", ["計画では2030年までに岸壁を延長し、冬季でも大型船が入港できるようにする。",
                        "岸壁の延長", "防波堤の改修"]),
        ("地元の反応", ["地元の漁業団体は、漁場への影響を慎重に見極める必要があると指摘した。",
                        "2026年度 | 120億円", "2027年度 | 150億円"]),
    ]  # fmt: skip
    assert spans_index_the_text(source)


def test_zip_bomb_docx_is_refused_before_unpacking(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            zeros = bytes(1 << 24)
            for _ in range(13):  # 218 MB of zeros, about 200 kB compressed
                member.write(zeros)
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(InputError, match=r"unzips to 218 MB, over the 200 MB limit \(a zip bomb"):
        read_source(bomb)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("a.docx", b"PK\x03\x04" + bytes(40), "is not a readable Word document"),
        ("b.docx", b"just text, renamed", "is named .docx but is not a Word document"),
        ("c.pdf", b"<html>not a pdf</html>", "is named .pdf but is not a PDF"),
        ("d.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Word .doc"),
        ("e.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), "is a PNG image"),
        ("f.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "is not a readable PDF"),
    ],
)
def test_files_that_are_not_what_they_claim(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem):
        read_source(path)


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "x")
    with pytest.raises(InputError, match=r"ZIP archive but not a Word \.docx"):
        read_source(path)


def test_pdf_lines_are_joined_into_paragraphs_and_running_headers_dropped(
    tmp_path: Path,
) -> None:
    source = read_source(write_text_pdf(tmp_path / "report.pdf"))
    assert source.title == "Port Plan for the North"  # from the PDF's info, not repeated
    assert source.language == "en"
    assert outline(source) == [
        (
            None,
            [
                " ".join(PDF_PAGES[0][2:5]),
                "Officials said the plan would cost about 150 million dollars over four years.",
            ],
        ),
        ("Local Reaction", [" ".join(PDF_PAGES[1][2:4]), PDF_PAGES[2][1]]),
    ]
    assert "Ministry Bulletin" not in source.text


def test_pdf_found_by_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(text_pdf([["A short note about the port plan."]]))
    assert read_source(path).sections[0].paragraphs[0].text == "A short note about the port plan."


def test_scanned_pdf_says_so(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no extractable text \(scanned PDF\?\)"):
        read_source(write_scanned_pdf(tmp_path / "scan.pdf"))


def test_pdf_extraction_stops_at_its_time_cap() -> None:
    data = text_pdf([["Page one."], ["Page two."], ["Page three."]])
    with pytest.raises(ValueError, match=r"took over 0 s to read \(1 of 3 pages\)"):
        pdf_blocks(data, max_seconds=0)


def test_japanese_pdf_exported_by_libreoffice(tmp_path: Path) -> None:
    path = write_japanese_pdf(tmp_path)
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = read_source(path)
    assert source.title == "北海道で新港湾計画"
    # Reading order kept, the wrapped line joined with no space, "10 日" mended.
    assert outline(source) == [
        (None, ["国土交通省は10日、北海道の港湾整備に関する新たな計画を公表した。"
                "砕氷船の拠点を整え、北極海航路の利用拡大に備える。"]),
        ("計画の概要", ["計画では2030年までに岸壁を延長し、冬季でも大型船が入港できるようにする。",
                        "\uf0b7 岸壁の延長", "\uf0b7 防波堤の改修"]),
        ("地元の反応", ["地元の漁業団体は、漁場への影響を慎重に見極める必要があると指摘した。",
                        "2026年度 120億円", "2027年度 150億円"]),
    ]  # fmt: skip


def test_random_bytes_under_every_reader_name_end_as_input_errors(tmp_path: Path) -> None:
    noise = random.Random(7)
    for suffix in (".txt", ".md", ".html", ".docx", ".pdf"):
        for n in range(20):
            path = tmp_path / f"noise{n}{suffix}"
            head = noise.choice([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<html><body>"])
            path.write_bytes(head + noise.randbytes(noise.randrange(1, 3000)))
            with contextlib.suppress(InputError):  # anything else fails the test
                read_source(path)


def test_truncated_real_files_end_as_input_errors(tmp_path: Path) -> None:
    whole = {
        "d.docx": write_docx(tmp_path / "whole.docx").read_bytes(),
        "p.pdf": text_pdf(PDF_PAGES),
    }
    for name, data in whole.items():
        for cut in range(0, len(data), max(1, len(data) // 40)):
            path = tmp_path / f"cut{cut}{name}"
            path.write_bytes(data[:cut])
            with contextlib.suppress(InputError):  # anything else fails the test
                read_source(path)
