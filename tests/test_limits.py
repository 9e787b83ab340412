"""Every limit on input (SECURITY.md, "Limits"), each tested at its limit: one past it is
refused with one line naming the file, and the limit itself is not."""

from __future__ import annotations

import io
import sys
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import DEMO_MODEL
from sample_files import text_pdf, write_docx

from briefgen import _zip
from briefgen.errors import InputError
from briefgen.ingest import expand_paths, files, front_matter, parse_text, pdf, read_source
from briefgen.ingest import text as text_module

BODY = "\n本文です。これは記事の本文で、要点が書かれています。\n"


def nested_aliases(levels: int) -> str:
    """A "billion laughs" front matter: each anchor a list of nine of the one before, and
    the title nine of the last, so ``levels`` levels stand for 9**levels strings."""
    names = "abcdefghijklmnop"
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels - 1):
        name, before = names[level], names[level - 1]
        lines.append(f"{name}: &{name} [{','.join([f'*{before}'] * 9)}]")
    lines.append(f"title: [{','.join([f'*{names[levels - 2]}'] * 9)}]")
    return "\n".join([*lines, "---", BODY])


def test_nested_aliases_are_refused_at_once_in_little_memory(tmp_path: Path) -> None:
    # 9 levels: 387 million strings once expanded (3 GB and 43 s before the limits).
    path = tmp_path / "laughs.md"
    text = nested_aliases(9)
    path.write_text(text + " " * (481 - len(text.encode())), encoding="utf-8")
    assert path.stat().st_size == 481  # as the file in issue 19
    with pytest.raises(InputError):
        read_source(path)  # PyYAML imported, so its import is not what is measured
    started = time.perf_counter()
    with pytest.raises(InputError) as refused:
        read_source(path)
    took = time.perf_counter() - started
    tracemalloc.start()
    try:
        with pytest.raises(InputError):
            read_source(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(refused.value) == (
        f"{path}: has front matter with a YAML alias (*a, line 3); "
        "briefgen reads front matter without aliases"
    )
    assert took < 0.1
    assert peak < 50_000_000


@pytest.mark.parametrize(
    "yaml",
    [
        "title: &t 北極海\nsubtitle: *t",  # one harmless alias is still an alias
        "base: &b {lang: ja}\n<<: *b\ntitle: x",  # a merge key needs one
    ],
)
def test_any_alias_refuses_the_source(yaml: str) -> None:
    with pytest.raises(InputError, match=r"^x\.md: has front matter with a YAML alias"):
        parse_text(f"---\n{yaml}\n---\n{BODY}", origin="x.md", source_id="x", fallback_title="x")


def test_an_anchor_without_alias_and_lists_under_other_keys_are_read() -> None:
    source = parse_text(
        f"---\ntitle: &t 北極海の協力\ntags: [北極, 航路]\nauthor: {{name: 記者}}\n---\n{BODY}",
        origin="x.md",
        source_id="x",
        fallback_title="x",
    )
    assert source.title == "北極海の協力"


@pytest.mark.parametrize("key", ["title", "date", "url", "lang"])
def test_a_key_briefgen_reads_must_be_a_scalar(key: str) -> None:
    with pytest.raises(InputError, match=rf"^x\.md: has front matter whose {key} is a list, not"):
        parse_text(
            f"---\n{key}: [a, b]\n---\n{BODY}", origin="x.md", source_id="x", fallback_title="x"
        )


def test_front_matter_size_at_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    title = "title: "
    fits = title + "x" * (front_matter.MAX_CHARS - len(title))
    path.write_text(f"---\n{fits}\n---\n{BODY}", encoding="utf-8")
    assert read_source(path).title == "x" * (front_matter.MAX_CHARS - len(title))
    path.write_text(f"---\n{fits}x\n---\n{BODY}", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_source(path)
    assert str(refused.value) == (
        f"{path}: has front matter of 4,001 characters, over the 4,000 limit"
    )


def test_front_matter_nesting_at_its_limit() -> None:
    def nested(depth: int) -> str:  # the mapping is one level, each list one more
        return f"---\ntitle: t\ndeep: {'[' * (depth - 1)}{']' * (depth - 1)}\n---\n{BODY}"

    parse_text(nested(front_matter.MAX_DEPTH), origin="x.md", source_id="x", fallback_title="x")
    with pytest.raises(InputError, match=r"^x\.md: has front matter nested over 10 levels deep"):
        parse_text(
            nested(front_matter.MAX_DEPTH + 1), origin="x.md", source_id="x", fallback_title="x"
        )


def test_front_matter_must_close_within_its_first_lines() -> None:
    def closing_on_line(number: int) -> str:  # the file's line number of the second ---
        lines = ["---", "title: 題名", *["# note"] * (number - 3), "---"]
        return "\n".join(lines) + "\n" + BODY

    within = closing_on_line(front_matter.MAX_LINES)
    assert parse_text(within, origin="x", source_id="x", fallback_title="x").title == "題名"
    past = closing_on_line(front_matter.MAX_LINES + 1)  # not front matter: text
    assert parse_text(past, origin="x", source_id="x", fallback_title="x").title != "題名"


def test_an_impossible_date_in_front_matter_is_one_line() -> None:
    with pytest.raises(InputError, match=r"^x\.md: has front matter that is not valid YAML \("):
        parse_text(
            f"---\ndate: 2025-13-45\n---\n{BODY}", origin="x.md", source_id="x", fallback_title="x"
        )


def test_file_size_at_its_limit(tmp_path: Path) -> None:
    over = tmp_path / "over.txt"
    with over.open("wb") as file:  # sparse: no 20 MB written
        file.truncate(files.MAX_BYTES + 1)
    with pytest.raises(InputError) as refused:
        read_source(over)
    assert str(refused.value) == f"{over}: is larger than 20 MB; not an article"
    at = tmp_path / "at.txt"
    with at.open("wb") as file:
        file.truncate(files.MAX_BYTES)
    with pytest.raises(InputError, match="looks like a binary file"):  # read, not refused
        read_source(at)


def test_standard_input_size_at_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    data = BODY.encode()
    monkeypatch.setattr(files, "MAX_BYTES", len(data))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert "本文です" in read_source(files.STDIN).text
    monkeypatch.setattr(files, "MAX_BYTES", len(data) - 1)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    with pytest.raises(InputError, match=r"^stdin: is larger than"):
        read_source(files.STDIN)


def test_markdown_size_at_its_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "note.md"
    path.write_text(BODY, encoding="utf-8")
    monkeypatch.setattr(text_module, "MAX_MARKDOWN_CHARS", len(BODY))
    assert "本文です" in read_source(path).text
    monkeypatch.setattr(text_module, "MAX_MARKDOWN_CHARS", len(BODY) - 1)
    with pytest.raises(InputError) as refused:
        read_source(path)
    assert str(refused.value) == (
        f"{path}: is Markdown of {len(BODY)} characters, over the {len(BODY) - 1} limit "
        "(name it .txt to read it as plain text)"
    )
    plain = path.rename(tmp_path / "note.txt")
    assert "本文です" in read_source(plain).text


def test_word_parts_at_their_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_docx(tmp_path / "a.docx")
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
    monkeypatch.setattr(_zip, "MAX_MEMBERS", len(members))
    read_source(path)
    monkeypatch.setattr(_zip, "MAX_MEMBERS", len(members) - 1)
    with pytest.raises(InputError, match=rf"^{path}: has {len(members)} parts, over the"):
        read_source(path)


def test_word_unzipped_size_at_its_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_docx(tmp_path / "a.docx")
    with zipfile.ZipFile(path) as archive:
        unzipped = sum(member.file_size for member in archive.infolist())
    monkeypatch.setattr(_zip, "MAX_UNZIPPED_BYTES", unzipped)
    read_source(path)
    monkeypatch.setattr(_zip, "MAX_UNZIPPED_BYTES", unzipped - 1)
    with pytest.raises(InputError, match=rf"^{path}: unzips to 0 MB, over the 0 MB limit"):
        read_source(path)


def xml_bomb(path: Path, part: str, size: int, content_types: str = "") -> Path:
    """A .docx whose ``part`` declares ``size`` bytes of blanks (a few kB compressed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", f"<Types>{content_types}</Types>")
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open(part, "w", force_zip64=True) as member:
            for _ in range(size // (1 << 20)):
                member.write(b" " * (1 << 20))
            member.write(b" " * (size % (1 << 20)))
    return path


def test_word_xml_size_at_its_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_docx(tmp_path / "a.docx")
    with zipfile.ZipFile(path) as archive:
        xml = sum(m.file_size for m in archive.infolist() if m.filename.endswith((".xml", ".rels")))
    monkeypatch.setattr(_zip, "MAX_XML_BYTES", xml)
    read_source(path)
    monkeypatch.setattr(_zip, "MAX_XML_BYTES", xml - 1)
    with pytest.raises(InputError, match=rf"^{path}: holds 0 MB of XML, over the 0 MB limit"):
        read_source(path)
    monkeypatch.undo()
    # 21 MB of XML, 21 kB on disk: refused before python-docx parses any of it.
    bomb = xml_bomb(tmp_path / "bomb.docx", "word/styles.xml", 21_000_000)
    with pytest.raises(InputError, match="holds 21 MB of XML, over the 20 MB limit"):
        read_source(bomb)
    # What [Content_Types].xml declares to be XML is XML, whatever its name.
    override = '<Override PartName="/word/media/image1.png" ContentType="application/xml"/>'
    disguised = xml_bomb(tmp_path / "png.docx", "word/media/image1.png", 21_000_000, override)
    with pytest.raises(InputError, match="holds 21 MB of XML, over the 20 MB limit"):
        read_source(disguised)


def test_a_mark_is_never_unpacked_past_its_limit(tmp_path: Path) -> None:
    # Every .docx named as a source is opened for briefgen's mark before it is read:
    # its custom properties declaring 100 MB are not unpacked.
    bomb = xml_bomb(tmp_path / "custom.docx", "docProps/custom.xml", 100_000_000)
    tracemalloc.start()
    try:
        assert expand_paths([bomb]) == [bomb]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000
    with pytest.raises(InputError, match="holds 100 MB of XML"):
        read_source(bomb)


def test_pdf_pages_at_their_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "three.pdf"
    path.write_bytes(text_pdf([["Page one."], ["Page two."], ["Page three."]]))
    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    assert "Page three." in read_source(path).text
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    with pytest.raises(InputError) as refused:
        read_source(path)
    assert str(refused.value) == f"{path}: has 3 pages, over the 2 limit"


def test_pdf_reading_time_at_its_limit() -> None:
    data = text_pdf([["Page one."], ["Page two."]])
    blocks, _ = pdf.pdf_blocks(data, max_seconds=60)
    assert [block.text for block in blocks] == ["Page one.", "Page two."]
    with pytest.raises(ValueError, match=r"^took over 0 s to read \(1 of 2 pages\); not an"):
        pdf.pdf_blocks(data, max_seconds=0)


def test_sentence_length_for_translation_at_its_limit(caplog: pytest.LogCaptureFixture) -> None:
    import sentencepiece

    from briefgen.translate import argos
    from briefgen.translate.packages import open_package

    model = open_package(DEMO_MODEL).path / "sentencepiece.model"
    pieces = sentencepiece.SentencePieceProcessor(model_file=str(model))
    at = "x " * (argos.MAX_PIECES // 2)  # "▁" and "x" for each "x "
    past = at + "a"  # "▁a"
    assert [len(pieces.encode(t)) for t in (at, past)] == [argos.MAX_PIECES, argos.MAX_PIECES + 1]
    translator = argos.ArgosTranslator.from_path(DEMO_MODEL)
    with caplog.at_level("WARNING", logger="briefgen"):
        translator.translate([at])
        assert not caplog.records
        translator.translate([past])
    assert [r.getMessage()[:45] for r in caplog.records] == [
        "a sentence of 251 pieces was cut to 250 for t"
    ]


def pdf_with_stream(content: bytes) -> bytes:
    """A one-page PDF whose page content is ``content``, deflated."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return data + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )


def test_a_pdf_stream_inflates_only_to_pypdfs_limit() -> None:
    shown = b"BT /F1 12 Tf 72 720 Td (Page one.) Tj ET"
    blocks, _ = pdf.pdf_blocks(pdf_with_stream(shown + b" " * 1_000_000))
    assert [block.text for block in blocks] == ["Page one."]
    bomb = pdf_with_stream(shown + b" " * 76_000_000)  # 74 kB
    with pytest.raises(ValueError, match=r"^went over a limit of pypdf's \(.*\); a zip bomb\?$"):
        pdf.pdf_blocks(bomb)


def test_markdown_nesting_at_markdown_its_limit() -> None:
    def quoted(depth: int) -> str:
        return "本文です。\n\n" + ">" * depth + " 引用の本文です。\n"

    source = parse_text(quoted(19), origin="x.md", source_id="x", fallback_title="x", markdown=True)
    assert "引用の本文です。" in source.text
    # markdown-it-py stops at 20 levels, and the text nested deeper is lost (SECURITY.md).
    deeper = parse_text(quoted(20), origin="x.md", source_id="x", fallback_title="x", markdown=True)
    assert "引用の本文です。" not in deeper.text
