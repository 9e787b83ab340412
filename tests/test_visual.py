"""Every template, opened by LibreOffice: the seed and a five-source briefing convert
to PDF, and the PDF's text holds the Japanese title and its English translation; page 1
says the point of every source; no heading ends a page without its table.

Pages are kept as PNG files under ``build/visual/`` (or ``$BRIEFGEN_VISUAL_DIR``) to
look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, ROOT, SEED
from processes import run_group

import briefgen

pytestmark = pytest.mark.visual

TEMPLATES = ("briefing", "compact", "parallel")
ARTIFACTS = Path(os.environ.get("BRIEFGEN_VISUAL_DIR", ROOT / "build" / "visual"))

# Four more sources written for this test: news in Japanese, an English note, a
# bullet list, and a source that cannot be used.
EXTRA = {
    "a_news.txt": "date 2025-09-12 北極海の航路\n\n"
    "ロシアと中国は北極海で協力関係を強化している。アメリカは警戒している。\n",
    "b_note.txt": "date 2025-09-10 A note on ramen\n\n"
    "The dish called ramen is popular in Tokyo. People queue for hours, officials said.\n",
    "c_list.txt": "date 2025-09-09 首脳会談の要点\n\n"
    "・アラスカで首脳会談が開かれた。\n\n・ウクライナ問題が話し合われた。\n",
    "d_more.txt": "date 2025-09-08 ロシアと中国\n\n"
    "ロシアと中国の結束は強い。プーチンは満足したとみられる。\n",
    "e_empty.txt": "",
}


def pdf_of(docx: Path) -> tuple[str, int]:
    folder = docx.parent
    done = run_group(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(folder)},  # a profile of its own
    )
    pdf = docx.with_suffix(".pdf")
    assert done.returncode == 0 and pdf.exists(), done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = text.count("\f")
    out = ARTIFACTS / docx.stem
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(out / "page")], check=True)
    return text, pages


@pytest.fixture(scope="module")
def briefings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, briefgen.Briefing]:
    folder = tmp_path_factory.mktemp("five")
    shutil.copy(SEED, folder)
    for name, text in EXTRA.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {
        "seed": briefgen.make_briefing(SEED, model=DEMO_MODEL),
        "five": briefgen.make_briefing(folder, model=DEMO_MODEL, title="Five sources"),
    }


@pytest.mark.parametrize("which", ["seed", "five"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_libreoffice_opens_it(
    template: str, which: str, briefings: dict[str, briefgen.Briefing], tmp_path: Path
) -> None:
    briefing = briefings[which]
    docx = briefing.save_docx(tmp_path / f"{which}-{template}.docx", template=template)
    text, pages = pdf_of(docx)
    squeezed = "".join(text.split())  # the PDF's text breaks lines where it likes
    assert pages >= 1
    assert "結局、プーチンの注文通り" in squeezed  # the Japanese title
    assert "Intheend,justasPutinordered" in squeezed  # and its English
    if which == "five":
        assert len(briefing.sources) == 5 and len(briefing.skipped) == 1
        assert "ramen" in text


def squeeze(text: str) -> str:
    return "".join(text.split())  # the PDF's text breaks lines where it likes


@pytest.mark.parametrize("which", ["seed", "five"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_page_one_says_the_point_of_every_source(
    template: str, which: str, briefings: dict[str, briefgen.Briefing], tmp_path: Path
) -> None:
    from briefgen.render import briefing_context

    briefing = briefings[which]
    docx = briefing.save_docx(tmp_path / f"{which}-{template}-p1.docx", template=template)
    text, _ = pdf_of(docx)
    page_one = squeeze(text.split("\f")[0])
    entries = briefing_context(briefing)["first_page"]
    assert len(entries) == (1 if which == "seed" else 3)  # the five: one story, two alone
    for entry in entries:
        assert squeeze(entry["gist"]["english"] or entry["gist"]["original"]) in page_one
    if which == "seed":
        (entry,) = entries
        assert squeeze(entry["gist"]["original"]) in page_one
        assert "Comingup:nothingdatedafter11September2025" in page_one
        assert "Keyfacts" in page_one and "Assessment,theauthor" in page_one
        assert "Whomatters:Russia(place)" in page_one and "Trump(President)" in page_one
        assert squeeze(entry["facts"][0]["english"]) in page_one
    else:
        assert "Ataglance" in page_one and "Reportedby:" in page_one


@pytest.mark.parametrize("template", ["briefing", "parallel"])
def test_a_heading_stays_with_its_table(
    template: str, briefings: dict[str, briefgen.Briefing], tmp_path: Path
) -> None:
    """Each section heading of the seed is on the page where its table's first row is."""
    from briefgen.render import briefing_context

    briefing = briefings["seed"]
    docx = briefing.save_docx(tmp_path / f"keep-{template}.docx", template=template)
    pages = [squeeze(page) for page in pdf_of(docx)[0].split("\f")]
    (source,) = briefing_context(briefing)["sources"]
    sections = source["full_text" if template == "parallel" else "sections"]
    checked = 0
    for section in sections:
        if not section["heading"]:
            continue
        heading = squeeze(section["heading"]["original"])
        first_row = squeeze(section["points"][0]["original"])[:12]
        where = [n for n, page in enumerate(pages) if heading in page]
        assert where, heading
        assert first_row in pages[where[-1]], f"{heading} ends page {where[-1] + 1}"
        checked += 1
    assert checked == 3


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")
def test_the_html_preview_on_a_phone(
    briefings: dict[str, briefgen.Briefing], tmp_path: Path
) -> None:
    page = briefings["five"].save(tmp_path / "five.html")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "five-html-phone.png"
    shot.unlink(missing_ok=True)
    run_group(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--window-size=412,915", f"--screenshot={shot}", page.as_uri()],
        timeout=120, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert shot.exists() and shot.stat().st_size > 10_000  # a page was drawn, not a blank
    text = page.read_text(encoding="utf-8")
    assert 'name="viewport"' in text and "<style>" in text and "http" not in text.split("<body>")[0]


def test_an_edited_row_as_libreoffice_shows_it(tmp_path: Path) -> None:
    """The README's picture of post-editing: a briefing's English cell edited as a
    person would, shown by LibreOffice (build/visual/edited-row/), then imported."""
    from docx import Document

    from briefgen.corrections import import_corrections

    docx = briefgen.make_briefing(SEED, model=DEMO_MODEL).save_docx(
        tmp_path / "edited-row.docx", template="parallel"
    )
    document = Document(str(docx))
    old, new = "Alaska as the venue was China", "Alaska for the summit was, above all, China"
    runs = [
        run
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if old in run.text
    ]
    assert runs
    runs[0].text = runs[0].text.replace(old, new)
    document.save(str(docx))
    text, _ = pdf_of(docx)
    page = next(i for i, p in enumerate(text.split("\f"), 1) if "above all" in " ".join(p.split()))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
         str(docx.with_suffix(".pdf")), str(ARTIFACTS / "edited-row" / "shown")],
        check=True,
    )  # fmt: skip
    result = import_corrections(docx, store=tmp_path / "corrections.tsv")
    (correction,) = result.corrections  # the one sentence of the cell that changed
    assert correction.english.endswith(new + ".") and correction.english in runs[0].text
