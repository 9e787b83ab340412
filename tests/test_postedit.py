"""Post-editing in Word (issue 21): English a person changed in a briefing becomes
corrections, the next briefing uses them, and LibreOffice's saving changes nothing."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEEDS
from docx import Document

from briefgen.corrections import import_corrections
from briefgen.render.record import paragraph_texts
from briefgen.render.record_reader import Record, read_record
from briefgen.translate.memory import stored_corrections

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="needs LibreOffice (soffice): apt-get install libreoffice-writer-nogui",
)
# (words the model wrote, the words a person puts instead, whether in a table cell)
EDITS = [
    ("the main reason the US and Russia chose Alaska", "the chief reason Washington and "
     "Moscow picked Alaska", True),
    ("America began to worry", "Washington had begun to fear", True),
    ("The Bering Sea has a precedent", "The Bering Sea already has a precedent", False),
]  # fmt: skip
ORIGINALS = [
    "まず、米露両国にとって会談の場所としてアラスカを選んだ最大の理由は、中国とみる。",
    "アメリカは、ロシアが中国に過度に依存し、その結果、北極圏での中露協力が加速することを警戒し初めて。",
    "ベーリング海には「チャーチル外し」という前例",
]


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def briefgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["briefgen", *args], capture_output=True, text=True, env=os.environ.copy(), timeout=120
    )


def make(out: Path, *flags: str) -> Path:
    done = briefgen("make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(out),
                    "--no-state", "-q", *flags)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out


def paragraphs(document):  # type: ignore[no-untyped-def]
    """Every paragraph of the body and of its table cells, in order."""
    yield from ((p, False) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from ((p, True) for p in cell.paragraphs)


def edit(document, old: str, new: str, in_table: bool) -> None:  # type: ignore[no-untyped-def]
    """Change words inside the run that holds them (the first place), as typing does."""
    for paragraph, in_cell in paragraphs(document):
        for run in paragraph.runs:
            if old in run.text and in_cell == in_table:
                run.text = run.text.replace(old, new)
                return
    raise AssertionError(f"{old!r} is not in the document")


def edited_copy(docx: Path, out: Path, edits: list[tuple[str, str, bool]]) -> Path:
    document = Document(str(docx))
    for old, new, in_table in edits:
        edit(document, old, new, in_table)
    document.save(str(out))
    return out


def libreoffice_round_trip(docx: Path, folder: Path) -> Path:
    """``docx`` opened and saved again as .docx by LibreOffice."""
    folder.mkdir()
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "docx", "--outdir", str(folder), str(docx)],
        capture_output=True, text=True, timeout=180,
        env={**os.environ, "HOME": str(folder)},  # a profile of its own
    )  # fmt: skip
    saved = folder / docx.name
    assert done.returncode == 0 and saved.exists(), done.stderr
    return saved


def record_of(docx: Path) -> Record:
    with zipfile.ZipFile(docx) as archive:
        record = read_record(archive)
    assert record is not None
    return record


def english_by_original(docx: Path) -> dict[str, str]:
    return {pair.original: pair.english for pair in record_of(docx).pairs}


def texts(docx: Path) -> list[str]:
    with zipfile.ZipFile(docx) as archive:
        return paragraph_texts(archive.read("word/document.xml"))


@pytest.mark.parametrize("libreoffice", [False, pytest.param(True, marks=needs_office)])
def test_edits_become_corrections_and_the_next_briefing_uses_exactly_them(
    data_home: Path, tmp_path: Path, libreoffice: bool
) -> None:
    first = make(tmp_path / "b.docx")
    edited = edited_copy(first, tmp_path / "edited.docx", EDITS)
    if libreoffice:
        edited = libreoffice_round_trip(edited, tmp_path / "saved")
    done = briefgen("corrections", "import", str(edited))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[0] == (
        "briefgen: edited.docx: 3 English text(s) changed: 3 new correction(s), 0 updated"
    )
    assert lines[1].startswith("briefgen:   まず、米露両国にとって会談の場所としてアラスカを選")
    assert " → First, I believe the chief reason Washington and Moscow picked" in lines[1]
    assert lines[-1] == f"briefgen: 3 correction(s) in {data_home / 'briefgen/corrections.tsv'}"
    wanted = {
        ORIGINALS[0]: "First, I believe the chief reason Washington and Moscow picked Alaska "
        "as the venue was China.",
        ORIGINALS[1]: "Washington had begun to fear that Russia would depend too much on China "
        "and that China-Russia cooperation in the Arctic would speed up as a result.",
        ORIGINALS[2]: 'The Bering Sea already has a precedent: "leaving out Churchill"',
    }
    assert stored_corrections() == wanted

    second = make(tmp_path / "again.docx")
    before, after = english_by_original(first), english_by_original(second)
    assert before.keys() == after.keys()
    changed = {o: english for o, english in after.items() if english != before[o]}
    assert changed == wanted  # exactly those three, as edited; every other pair byte-identical
    # In the document, only paragraphs that hold one of them differ.
    old_texts, new_texts = texts(first), texts(second)
    assert len(old_texts) == len(new_texts)
    differ = [new for old, new in zip(old_texts, new_texts, strict=True) if old != new]
    assert differ and all(any(english in text for english in wanted.values()) for text in differ)


def test_an_untouched_briefing_records_nothing_even_saved_by_libreoffice(
    data_home: Path, tmp_path: Path
) -> None:
    docx = make(tmp_path / "b.docx")
    result = import_corrections(docx)
    assert (result.corrections, result.skipped, result.total) == ((), (), 0)
    if shutil.which("soffice"):
        saved = libreoffice_round_trip(docx, tmp_path / "saved")
        assert texts(saved) == texts(docx)
        assert import_corrections(saved).corrections == ()


def test_an_edited_original_is_reported_and_skipped(data_home: Path, tmp_path: Path) -> None:
    docx = make(tmp_path / "b.docx")
    document = Document(str(docx))
    # The row of ORIGINALS[1]: its original and its English both changed.
    edit(document, "ロシアが中国に過度に依存し", "ロシアが中国に依存し", True)
    edit(document, *EDITS[1])
    edit(document, *EDITS[2])
    document.save(str(tmp_path / "edited.docx"))
    done = briefgen("corrections", "import", str(tmp_path / "edited.docx"))
    assert done.returncode == 0, done.stderr
    assert "1 English text(s) changed: 1 new correction(s), 0 updated; 1 skipped" in done.stderr
    assert (
        "skipped: アメリカは、ロシアが中国に過度に依存し、その結果、北極圏で… "
        "(its original was edited: the pairing is no longer known)"
    ) in done.stderr
    assert list(stored_corrections()) == [ORIGINALS[2]]


def test_a_word_file_briefgen_did_not_make_is_refused_with_one_line(
    data_home: Path, tmp_path: Path
) -> None:
    other = tmp_path / "letter.docx"
    document = Document()
    document.add_paragraph("A letter nobody made with briefgen.")
    document.save(str(other))
    done = briefgen("corrections", "import", str(other))
    assert done.returncode == 2
    assert done.stderr == (
        f"briefgen: error: {other}: was not made by briefgen (it has no briefgen mark): "
        "only a briefing briefgen wrote can be imported\n"
    )
    # One of briefgen's without the record (an older version's): one line too.
    old = tmp_path / "old.docx"
    with zipfile.ZipFile(make(tmp_path / "b.docx")) as source, zipfile.ZipFile(old, "w") as out:
        for name in source.namelist():
            data = source.read(name)
            out.writestr(name, data.replace(b"urn:briefgen:pairs:1", b"urn:other"))
    done = briefgen("corrections", "import", str(old))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "which kept no record of its pairs: make the briefing again" in done.stderr
    assert not (data_home / "briefgen" / "corrections.tsv").exists()


def restyled_copy(tmp_path: Path) -> Path:
    """The briefing template copied with ``briefgen templates copy`` and restyled as a
    person would in Word: other fonts and sizes, a paragraph of their own on top."""
    (tmp_path / "mine").mkdir()
    done = briefgen("templates", "copy", "briefing", str(tmp_path / "mine"))
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.strip())
    template = Document(str(path))
    from docx.shared import Pt, RGBColor

    for name in ("Normal", "Heading 1", "Heading 3"):
        style = template.styles[name]
        style.font.name, style.font.size = "Georgia", Pt(12)
        style.font.color.rgb = RGBColor(0x80, 0x10, 0x10)
    template.paragraphs[0].insert_paragraph_before("Press desk · restricted")
    template.save(str(path))
    return path


@pytest.mark.parametrize("template", ["compact", "parallel", "restyled"])
def test_every_template_and_a_restyled_copy(data_home: Path, tmp_path: Path, template: str) -> None:
    name = str(restyled_copy(tmp_path)) if template == "restyled" else template
    docx = make(tmp_path / "b.docx", "--template", name)
    # compact: a paragraph; parallel: one sentence of a cell of several; restyled: a cell
    old, new, _ = EDITS[1]
    edited = edited_copy(docx, tmp_path / "edited.docx", [(old, new, template != "compact")])
    result = import_corrections(edited, now=dt.datetime(2025, 9, 12, 8, 30, tzinfo=dt.timezone.utc))
    assert [(c.original, c.english) for c in result.corrections] == [
        (ORIGINALS[1], "Washington had begun to fear that Russia would depend too much on "
         "China and that China-Russia cooperation in the Arctic would speed up as a result.")
    ]  # fmt: skip
    assert result.corrections[0].source.endswith(".txt")
    assert result.corrections[0].briefing == "edited.docx"
    assert result.corrections[0].added == "2025-09-12T08:30:00Z"
    assert result.corrections[0].language == "ja"


def test_an_edit_made_with_track_changes_on(data_home: Path, tmp_path: Path) -> None:
    """Word with Track Changes keeps the old words as a deletion (w:del/w:delText) and
    the new ones as an insertion (w:ins): the English is what the text now reads."""
    from docx.oxml.ns import qn
    from lxml import etree

    document = Document(str(make(tmp_path / "b.docx")))
    old, new, _ = EDITS[1]
    run = next(r for p, _ in paragraphs(document) for r in p.runs if old in r.text)
    before, after = run.text.split(old, 1)
    deleted, inserted, rest = (etree.fromstring(etree.tostring(run._r)) for _ in range(3))
    run.text = before
    deleted.find(qn("w:t")).tag = qn("w:delText")
    deleted.find(qn("w:delText")).text = old
    inserted.find(qn("w:t")).text = new
    rest.find(qn("w:t")).text = after
    marks = {qn("w:id"): "1", qn("w:author"): "Analyst", qn("w:date"): "2025-09-12T08:00:00Z"}
    deletion, insertion = etree.Element(qn("w:del"), marks), etree.Element(qn("w:ins"), marks)
    deletion.append(deleted)
    insertion.append(inserted)
    run._r.addnext(deletion)
    deletion.addnext(insertion)
    insertion.addnext(rest)
    document.save(str(tmp_path / "tracked.docx"))
    result = import_corrections(tmp_path / "tracked.docx")
    assert [(c.original, c.english[:36]) for c in result.corrections] == [
        (ORIGINALS[1], "Washington had begun to fear that Ru")
    ]


def test_a_name_corrected_in_word_joins_the_glossary(data_home: Path, tmp_path: Path) -> None:
    first = make(tmp_path / "b.docx")
    document = Document(str(first))
    # The actors' table: the run that holds the name alone.
    run = next(r for p, _ in paragraphs(document) for r in p.runs if r.text == "Kissinger")
    run.text = "Henry Kissinger"
    document.save(str(tmp_path / "edited.docx"))
    result = import_corrections(tmp_path / "edited.docx")
    assert [(c.original, c.english) for c in result.corrections] == [
        ("キッシンジャー", "Henry Kissinger")
    ]
    again = english_by_original(make(tmp_path / "again.docx"))
    with_name = [english for original, english in again.items() if "キッシンジャー" in original]
    assert len(with_name) > 1 and all("Henry Kissinger" in english for english in with_name)


def test_paragraphs_added_and_removed_around_an_edit(tmp_path: Path) -> None:
    """A note typed under an edited paragraph and a heading deleted elsewhere: the
    runs no longer pair one to one, and the edited paragraph is found by likeness."""
    from briefgen.postedit import compare

    docx = make(tmp_path / "b.docx", "--template", "compact")
    record, lines = record_of(docx), texts(docx)
    at = next(i for i, text in enumerate(lines) if "America began to worry" in text)
    edited = [
        *lines[:at],
        lines[at].replace("America began to worry", "Washington had begun to fear"),
        "Desk note: ask the Moscow office about this.",
        *lines[at + 1 :],
    ]
    del edited[3]  # the first source's title, far from the edit
    found = compare(record, edited)
    assert [(e.original, e.english.split(" that")[0]) for e in found.edits] == [
        (ORIGINALS[1], "Washington had begun to fear")
    ]
    assert found.skipped == ()
