"""Corrections as TMX 1.4b: what briefgen writes, translate-toolkit reads, and back."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from briefgen.corrections import export_corrections, import_corrections
from briefgen.translate.memory import Correction, list_corrections, record_corrections

tmx = pytest.importorskip(
    "translate.storage.tmx", reason="needs translate-toolkit: pip install -e '.[test]'"
)

getXMLlang = pytest.importorskip("translate.misc.xml_helpers").getXMLlang

CORRECTIONS = [
    Correction("プーチン", "Vladimir Putin", "seeds/a.txt", "monday.docx",
               "2025-09-12T08:30:00Z", "ja"),
    Correction("その背景を読み解いていく。", "Let us look at what lies behind it & why <now>.",
               "https://example.org/b", "tuesday.docx", "2025-09-13T09:00:05Z", "ja"),
    Correction("习近平", "Xi Jinping", added="2025-09-14T10:00:00Z", language="zh"),
]  # fmt: skip


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_translate_toolkit_reads_what_briefgen_exports(data_home: Path, tmp_path: Path) -> None:
    record_corrections(CORRECTIONS)
    out = tmp_path / "memory.tmx"
    done = subprocess.run(
        ["briefgen", "corrections", "export", "--format", "tmx", "-o", str(out)],
        capture_output=True, text=True, env=os.environ.copy(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    store = tmx.tmxfile.parsefile(str(out))
    read = {(u.source, u.target) for u in store.units}
    assert read == {(c.original, c.english) for c in CORRECTIONS}
    languages = {u.source: tuple(getXMLlang(n) for n in u.getlanguageNodes()) for u in store.units}
    assert languages == {"プーチン": ("ja", "en"), "その背景を読み解いていく。": ("ja", "en"),
                         "习近平": ("zh", "en")}  # fmt: skip
    header = store.document.getroot().find("header")
    assert header.get("creationtool") == "briefgen"
    assert header.get("srclang") == "*all*"  # Japanese and Chinese
    assert header.get("creationdate") == "20250914T100000Z"
    # The same corrections, the same bytes (sorted, dated by themselves).
    assert export_corrections("tmx") == out.read_bytes()


def test_a_tmx_written_by_translate_toolkit_imports(data_home: Path, tmp_path: Path) -> None:
    written = tmx.tmxfile(sourcelanguage="ja", targetlanguage="en-GB")
    written.addtranslation("北極海", "ja", "Arctic Ocean", "en-GB")
    written.addtranslation("米中露の構図", "ja", "the US-China-Russia picture", "en-GB")
    written.addtranslation("単独", "ja", "", "en-GB")  # no English: left out
    file = tmp_path / "from-toolkit.tmx"
    file.write_bytes(bytes(written))
    done = subprocess.run(
        ["briefgen", "corrections", "import", str(file)],
        capture_output=True, text=True, env=os.environ.copy(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(
        "briefgen: from-toolkit.tmx: 2 correction(s) read: 2 new correction(s), 0 updated; "
        "1 skipped\n"
    )
    assert [(c.original, c.english, c.language) for c in list_corrections()] == [
        ("北極海", "Arctic Ocean", "ja"),
        ("米中露の構図", "the US-China-Russia picture", "ja"),
    ]


def test_tmx_and_tsv_keep_the_context(data_home: Path, tmp_path: Path) -> None:
    record_corrections(CORRECTIONS)
    for format in ("tmx", "tsv"):
        file = tmp_path / f"all.{format}"
        file.write_bytes(export_corrections(format))
        other = tmp_path / f"store-{format}.tsv"
        result = import_corrections(file, store=other, now=dt.datetime(2030, 1, 1))
        assert (result.new, result.updated, result.total) == (3, 0, 3)
        assert list_corrections(path=other) == sorted(CORRECTIONS, key=lambda c: c.original)


def test_a_file_that_is_not_tmx_is_one_line(data_home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.tmx"
    bad.write_text("<tmx><body><tu>", encoding="utf-8")
    done = subprocess.run(
        ["briefgen", "corrections", "import", str(bad)],
        capture_output=True, text=True, env=os.environ.copy(),
    )  # fmt: skip
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"briefgen: error: {bad}: is not a TMX file (")
