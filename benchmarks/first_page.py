"""Page 1 and the length of the seed's briefing, as LibreOffice lays it out.

    python benchmarks/first_page.py [--out build/first_page]

Renders the seed (demo model) with each shipped template, converts it to PDF with
LibreOffice (``soffice``) and counts its pages, in all and before the appendix (the
first page that starts "Names and links:" or "Full text:"; compact and parallel have
none), and writes page 1 of each as a PNG (``pdftoppm``) into ``--out`` to look at.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

import briefgen

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
MODEL = ROOT / "demo-model" / "translate-ja_en-demo.argosmodel"
APPENDIX = ("Names and links:", "Full text:")


def pages_of(docx: Path) -> list[str]:
    """The text of each page of the PDF LibreOffice makes of ``docx``."""
    env = {**os.environ, "HOME": str(docx.parent)}  # a LibreOffice profile of its own
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        check=True, capture_output=True, env=env, timeout=300,
    )  # fmt: skip
    pdf = docx.with_suffix(".pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    return text.stdout.split("\f")[:-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "first_page")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    briefing = briefgen.make_briefing(SEED, model=MODEL)
    print("| template | pages | before the appendix |")
    print("| --- | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for template in ("briefing", "compact", "parallel"):
            docx = briefing.save_docx(Path(folder) / f"{template}.docx", template=template)
            pages = pages_of(docx)
            # The line after the page header ("Briefing · 11 September 2025").
            heads = [([line for line in page.splitlines() if line.strip()] + ["", ""])[1]
                     for page in pages]  # fmt: skip
            starts = [n for n, head in enumerate(heads) if head.startswith(APPENDIX)]
            body = starts[0] if starts else len(pages)
            print(f"| {template} | {len(pages)} | {body} |")
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                 str(docx.with_suffix(".pdf")), str(args.out / f"seed-{template}-page1")],
                check=True,
            )  # fmt: skip
    print(f"\npage 1 of each: {args.out}/seed-<template>-page1.png")


if __name__ == "__main__":
    main()
