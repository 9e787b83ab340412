"""PDF text extraction on Japanese documents: pypdf, pdfminer.six, pypdfium2, and
briefgen's PDF reader (pypdf plus its line joining).

    pip install pdfminer.six pypdfium2   # only for this comparison
    python benchmarks/readers.py          # needs LibreOffice (soffice)

The six Japanese texts of ../shared/eval are written to Word documents (one
paragraph per paragraph) and exported to PDF by LibreOffice, as a ministry's or a
colleague's PDF is made. For each extractor:

- order: how much of the text comes back in order (difflib ratio of the text
  without whitespace against the original without whitespace; 1.0 = identical);
- spurious spaces: spaces inside Japanese text that the original does not have
  (pypdf writes "14 日" for 14日), per 1,000 characters;
- paragraphs whole: the share of the original paragraphs found as one line of the
  output (wrapped lines left unjoined break them);
- time for all six files.
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import EVAL

_CJK = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
SPURIOUS = re.compile(rf"(?<=[{_CJK}0-9]) (?=[{_CJK}])|(?<=[{_CJK}]) (?=[{_CJK}0-9])")


def make_pdfs(folder: Path) -> list[tuple[list[str], Path]]:
    import docx

    made = []
    for path in sorted((EVAL / "ja").glob("*.txt")):
        paragraphs = [p.strip() for p in path.read_text("utf-8").splitlines()[1:] if p.strip()]
        document = docx.Document()
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        document.save(str(folder / f"{path.stem}.docx"))
        made.append((paragraphs, folder / f"{path.stem}.pdf"))
    soffice = shutil.which("soffice") or sys.exit("LibreOffice (soffice) is needed")
    docs = [str(folder / f"{p.stem}.docx") for _, p in made]
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *docs],
        check=True,
        capture_output=True,
    )
    return made


def with_pypdf(path: Path) -> list[str]:
    import pypdf

    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return text.split("\n")


def with_pdfminer(path: Path) -> list[str]:
    from pdfminer.high_level import extract_text

    return extract_text(str(path)).split("\n")


def with_pdfium(path: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    text = "\n".join(page.get_textpage().get_text_range() for page in document)
    return text.replace("\r\n", "\n").split("\n")


def with_briefgen(path: Path) -> list[str]:
    from briefgen.ingest.pdf import pdf_blocks

    blocks, _ = pdf_blocks(path.read_bytes())
    return [block.text for block in blocks]


def main() -> None:
    extractors: list[tuple[str, Callable[[Path], list[str]]]] = [
        ("pypdf", with_pypdf),
        ("pdfminer.six", with_pdfminer),
        ("pypdfium2", with_pdfium),
        ("briefgen (pypdf + joining)", with_briefgen),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        made = make_pdfs(Path(tmp))
        print("| extractor | order | spurious spaces / 1,000 chars | paragraphs whole | time |")
        print("|---|---|---|---|---|")
        for name, extract in extractors:
            try:
                started = time.perf_counter()
                outputs = [extract(pdf) for _, pdf in made]
                seconds = time.perf_counter() - started
            except ImportError:
                print(f"| {name} | not installed | | | |")
                continue
            order, spaces, chars, whole, total = 0.0, 0, 0, 0, 0
            for (paragraphs, _), lines in zip(made, outputs, strict=True):
                original = "".join("".join(paragraphs).split())
                got = "".join("".join(lines).split())
                order += difflib.SequenceMatcher(None, original, got, autojunk=False).ratio()
                text = "\n".join(lines)
                spaces += len(SPURIOUS.findall(text)) - sum(
                    len(SPURIOUS.findall(p)) for p in paragraphs
                )
                chars += len(original)
                kept = {line.strip() for line in lines}
                whole += sum(1 for p in paragraphs if p in kept)
                total += len(paragraphs)
            print(
                f"| {name} | {order / len(made):.3f} | {1000 * spaces / chars:.1f} | "
                f"{whole / total:.2f} | {seconds:.2f} s |"
            )


if __name__ == "__main__":
    main()
