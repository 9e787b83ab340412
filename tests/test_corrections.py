"""Corrections that stick: the analyst's English before the model, exact and near."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEED, Recording
from docx_text import docx_text

import briefgen
from briefgen.options import Options
from briefgen.translate.memory import NEAR, TranslationMemory

SENTENCE = "その背景を読み解いていく。"


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Corrections of this test only (the store lives in the data folder)."""
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def corrections(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["briefgen", "corrections", *args], capture_output=True, text=True, env=os.environ.copy()
    )


def english_of(briefing: briefgen.Briefing, original: str) -> list[briefgen.Bilingual]:
    return [
        point.text
        for source in briefing.sources
        for section in source.full_text
        for point in section.points
        if point.text.original == original
    ]


def test_add_list_import_remove(data_home: Path, tmp_path: Path) -> None:
    assert corrections("add", SENTENCE, "Let us read what lies behind it.").returncode == 0
    assert corrections("add", "プーチン", "Vladimir Putin").stderr.endswith(
        "(a name: it joins the glossary)\n"
    )
    file = tmp_path / "more.tsv"
    file.write_text("# from the desk\n習近平\tXi Jinping\nプーチン\tVladimir Putin\n")
    done = corrections("import", str(file))
    assert done.returncode == 0
    assert "more.tsv: 2 correction(s) read: 1 new correction(s), 0 updated, 1 already there" in (
        done.stderr
    )
    assert "briefgen: 3 correction(s) in" in done.stderr
    assert corrections("list").stdout.splitlines() == [
        f"{SENTENCE}\tLet us read what lies behind it.",
        "プーチン\tVladimir Putin",
        "習近平\tXi Jinping",
    ]
    assert corrections("remove", "習近平").returncode == 0
    assert corrections("remove", "習近平").returncode == 2
    assert (data_home / "briefgen" / "corrections.tsv").read_text().count("\n") == 3


def test_exact_correction_is_used_and_never_sent_to_the_model(data_home: Path) -> None:
    assert corrections("add", SENTENCE, "Let us read what lies behind it.").returncode == 0
    translator = Recording()
    briefing = briefgen.make_briefing(SEED, translator=translator, options=Options(use_cache=False))
    (text,) = english_of(briefing, SENTENCE)
    assert (text.english, text.flags) == ("Let us read what lies behind it.", ())
    assert SENTENCE not in translator.asked and translator.asked


def test_near_match_is_reused_and_marked(data_home: Path, tmp_path: Path) -> None:
    assert corrections("add", "その背景を、読み解いていく。", "Let us read what lies behind it.")
    memory = TranslationMemory.load()
    near = memory.lookup(SENTENCE)
    assert near is not None and near.memory == NEAR
    briefing = briefgen.make_briefing(SEED, model=DEMO_MODEL, options=Options(use_cache=False))
    (text,) = english_of(briefing, SENTENCE)
    assert text.english == "Let us read what lies behind it."
    assert text.flags == (NEAR,)


def test_a_corrected_name_joins_the_glossary(data_home: Path) -> None:
    assert corrections("add", "プーチン", "Vladimir Putin").returncode == 0
    briefing = briefgen.make_briefing(SEED, model=DEMO_MODEL, options=Options(use_cache=False))
    with_name = [
        point.text
        for source in briefing.sources
        for section in source.full_text
        for point in section.points
        if "プーチン" in point.text.original
    ]
    assert with_name and all("Vladimir Putin" in text.english for text in with_name)


def test_a_desk_corrections_file_from_the_command_line(data_home: Path, tmp_path: Path) -> None:
    desk_file = tmp_path / "desk-corrections.tsv"
    desk_file.write_text(f"{SENTENCE}\tThe desk's own English.\n")
    out = tmp_path / "b.docx"
    done = subprocess.run(
        ["briefgen", "make", str(SEED), "--model", str(DEMO_MODEL), "--corrections",
         str(desk_file), "-o", str(out), "--no-cache", "--no-state"],
        capture_output=True, text=True, env=os.environ.copy(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "corrections used: 1" in done.stderr
    assert "The desk's own English." in docx_text(out)  # in the full text
    bad = tmp_path / "bad.tsv"
    bad.write_text("no tab here\n")
    done = subprocess.run(
        ["briefgen", "make", str(SEED), "--corrections", str(bad), "-o", str(out)],
        capture_output=True, text=True, env=os.environ.copy(),
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith(f"briefgen: error: --corrections {bad}: line 1:")


def test_a_corrections_file_saved_by_a_spreadsheet(data_home: Path, tmp_path: Path) -> None:
    for encoding in ("shift_jis", "utf-16"):
        file = tmp_path / f"fixes-{encoding}.tsv"
        file.write_bytes("原文\t英訳\nプーチン\tVladimir Putin\n".encode(encoding))
        assert corrections("import", str(file)).returncode == 0
    assert corrections("list").stdout == "プーチン\tVladimir Putin\n"


def test_corrections_know_their_context_and_list_filters_by_it(data_home: Path) -> None:
    from briefgen.translate.memory import Correction, record_corrections

    record_corrections([
        Correction("プーチン", "Vladimir Putin", "seeds/monday.txt", "mon.docx",
                   "2025-09-12T08:30:00Z", "ja"),
        Correction(SENTENCE, "Let us look at what lies behind it.", "https://example.org/tue",
                   "tue.docx", "2025-09-13T23:59:59Z", "ja"),
        Correction("習近平", "Xi Jinping"),  # added before corrections knew their context
    ])  # fmt: skip
    assert corrections("list", "--source", "MONDAY").stdout == "プーチン\tVladimir Putin\n"
    assert corrections("list", "--since", "2025-09-13").stdout.splitlines() == [
        f"{SENTENCE}\tLet us look at what lies behind it."
    ]
    assert corrections("list", "--until", "2025-09-12").stdout == "プーチン\tVladimir Putin\n"
    assert corrections("list", "-l", "--source", "example.org").stdout == (
        f"{SENTENCE}\tLet us look at what lies behind it.\thttps://example.org/tue\ttue.docx\t"
        "2025-09-13T23:59:59Z\tja\n"
    )
    assert len(corrections("list").stdout.splitlines()) == 3
    assert corrections("list", "--since", "13 Sept").returncode == 2
    # corrections add dates what it adds
    assert corrections("add", "ロシア", "Russia").returncode == 0
    (added,) = [line for line in corrections("list", "-l").stdout.splitlines() if "Russia" in line]
    assert added.split("\t")[4].endswith("Z") and len(added.split("\t")[4]) == 20


def test_removing_a_correction_gives_the_model_english_back(data_home: Path) -> None:
    def english() -> briefgen.Bilingual:
        (text,) = english_of(briefgen.make_briefing(SEED, model=DEMO_MODEL), SENTENCE)
        return text

    model = english()
    assert corrections("add", SENTENCE, "Let us read what lies behind it.").returncode == 0
    assert english().english == "Let us read what lies behind it." != model.english
    assert corrections("remove", SENTENCE).returncode == 0
    assert english() == model
