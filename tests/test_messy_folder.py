"""A folder as users have it, through the real CLI: every kind of file, some unusable."""

from __future__ import annotations

import os
import random
import subprocess
from pathlib import Path

from conftest import DEMO_MODEL
from docx_text import docx_text
from sample_files import write_docx, write_news_html, write_scanned_pdf, write_text_pdf


def test_mixed_folder_makes_a_briefing_of_the_usable_four_and_exits_3(tmp_path: Path) -> None:
    folder = tmp_path / "今朝の資料 (inbox)"  # spaces and non-ASCII in the path
    folder.mkdir()
    archive = (
        "date 2025-09-11 北極海の協力\n\n"
        "ロシアと中国は北極海で協力を強化している。専門家は警戒を強めている。\n"
    )
    (folder / "古い記事.txt").write_bytes(archive.encode("shift_jis"))
    write_news_html(folder / "news page.html")
    write_docx(folder / "memo.docx")
    write_text_pdf(folder / "report.pdf")
    write_scanned_pdf(folder / "scan.pdf")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.txt").write_bytes(random.Random(1).randbytes(4096))
    out = tmp_path / "briefing.docx"

    done = subprocess.run(
        ["briefgen", "make", str(folder), "--model", str(DEMO_MODEL), "-o", str(out), "-q"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )

    assert done.returncode == 3, done.stderr  # written, with sources left out
    assert "Traceback" not in done.stderr
    problems = sorted(done.stderr.splitlines())
    assert problems == [
        f"briefgen: error: {folder / 'empty.txt'}: is empty",
        f"briefgen: error: {folder / 'notes.txt'}: looks like a binary file, not text",
        f"briefgen: error: {folder / 'scan.pdf'}: has no extractable text (scanned PDF?)",
    ]
    text = docx_text(out)
    titles = ("北極海の協力", "防衛費増額を閣議決定", "北海道で新港湾計画")
    titles += ("Port Plan for the North",)
    for title in titles:
        assert title in text
    assert "ロシアと中国は北極海で協力を強化している。" in text  # the Shift_JIS text, decoded
    appendix = text[text.index("Not included") :]
    for name in ("empty.txt", "notes.txt", "scan.pdf"):
        assert name in appendix
