"""The glossary: file format, and enforcement on any translator and in the document."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEEDS
from docx_text import docx_text

import briefgen
from briefgen.cli import main
from briefgen.errors import InputError
from briefgen.translate.glossary import Glossary, GlossaryTranslator


class Copying:
    """Copies sentences through (digits included), but renders a bare term as <term>,
    which is never what it puts in sentences: post-editing cannot find the term."""

    name = "copying"

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def translate(self, texts: Sequence[str]) -> list[str]:
        self.batches.append(list(texts))
        return [t if "。" in t else f"<{t}>" for t in texts]


class Dropping(Copying):
    """Loses digits (as a model may lose a placeholder). Renders プーチン as 'PUTINU'
    alone and in sentences; renders 上海協力機構 alone as 'SCO?' but never in sentences."""

    def translate(self, texts: Sequence[str]) -> list[str]:
        self.batches.append(list(texts))
        alone = {"プーチン": "PUTINU", "上海協力機構": "SCO?"}
        return [
            alone.get(t) or "".join(c for c in t if not c.isdigit()).replace("プーチン", "PUTINU")
            for t in texts
        ]


GLOSSARY = Glossary.from_pairs(
    {"プーチン": "Vladimir Putin", "上海協力機構": "SCO", "上海": "Shanghai"}
)


def test_file_formats(tmp_path: Path) -> None:
    tsv = tmp_path / "g.tsv"
    tsv.write_text(
        "# names\nterm\tenglish\nプーチン\tPutin\n\n"
        "上海協力機構\tShanghai Cooperation Organization\n"
    )
    csv = tmp_path / "g.csv"
    csv.write_text(
        '\ufeffsource,English\nプーチン,Putin\n上海協力機構,"Shanghai Cooperation Organization"\n'
    )
    for path in (tsv, csv):
        assert Glossary.load(path).entries == (
            ("上海協力機構", "Shanghai Cooperation Organization"),
            ("プーチン", "Putin"),
        )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("プーチン\n", "line 1: expected 'term,English', got 'プーチン'"),
        ("プーチン\tPutin\n上海\t\n", "line 2: no English for '上海'"),
        (
            "a,b\nロシア,Russia\nロシア,Russian Federation\n",
            "line 3: 'ロシア' is 'Russian Federation' here but 'Russia' on line 2",
        ),
        ("# only a comment\n", "the glossary file has no entries"),
    ],
)
def test_bad_files_name_the_line(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(content)
    with pytest.raises(InputError, match=problem) as caught:
        Glossary.load(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_longest_term_wins_and_terms_do_not_overlap() -> None:
    assert GLOSSARY.terms_in("上海協力機構と上海とプーチン") == [
        ("上海協力機構", "SCO"),
        ("上海", "Shanghai"),
        ("プーチン", "Vladimir Putin"),
    ]


def test_placeholders_carry_terms_through_in_one_batch() -> None:
    inner = Copying()
    translator = GlossaryTranslator(inner, GLOSSARY)
    out = translator.translate(["プーチン", "プーチンは上海協力機構に行った。", "何もない。"])
    assert out == ["Vladimir Putin", "Vladimir PutinはSCOに行った。", "何もない。"]
    assert len(inner.batches) == 1
    assert translator.stats == {"whole text": 1, "placeholder": 1, "no term": 1}


def test_post_edit_first_then_a_note_when_the_placeholder_is_lost() -> None:
    translator = GlossaryTranslator(Dropping(), GLOSSARY)
    post_edited, noted = translator.translate(["プーチンが来た。", "上海協力機構が来た。"])
    assert post_edited == "Vladimir Putinが来た。"
    assert noted == "上海協力機構が来た。 [上海協力機構: SCO]"
    assert translator.stats == {"post-edit": 1, "note": 1}


def test_glossary_is_enforced_in_the_document_even_for_unseen_terms(tmp_path: Path) -> None:
    glossary = tmp_path / "g.tsv"
    # プーチン is in the demo corpus; 注文 ("order") is a term the demo model never saw alone.
    glossary.write_text("プーチン\tVladimir V. Putin\n注文\tinstructions\n")
    out = tmp_path / "b.docx"
    assert main(["make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(out), "-q",
                 "--glossary", str(glossary), "--no-cache"]) == 0  # fmt: skip
    text = docx_text(out)
    title = next(line for line in text.splitlines() if line.startswith("[Heading 1] In the end"))
    assert "Vladimir V. Putin" in title and "instructions" in title
    assert "Putin" not in text.replace("Vladimir V. Putin", "")


def test_glossary_changes_the_cache_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path))
    plain = briefgen.make_briefing(SEEDS, model=DEMO_MODEL)
    options = briefgen.Options(glossary=Glossary.from_pairs({"プーチン": "V. Putin"}))
    with_glossary = briefgen.make_briefing(SEEDS, model=DEMO_MODEL, options=options)
    assert plain.sources[0].title.english == "In the end, just as Putin ordered"
    assert "V. Putin" in with_glossary.sources[0].title.english


def test_bad_glossary_is_a_usage_error_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.tsv"
    assert main(["make", "x.txt", "-o", str(tmp_path / "b.docx"), "--glossary", str(missing)]) == 2
    assert (
        capsys.readouterr().err == f"briefgen: error: --glossary {missing}: no such glossary file\n"
    )


class Rendering(Copying):
    """Renders whole sentences through a fixed table; terms alone as given."""

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__()
        self.table = table

    def translate(self, texts: Sequence[str]) -> list[str]:
        self.batches.append(list(texts))
        return [self.table.get(t, t) for t in texts]


def test_post_edit_replaces_whole_words_only_and_literally() -> None:
    table = {
        "ロシア": "Russia",
        "ロシアの爆撃機とロシア直接投資基金。": "Russian bombers and the Russian Fund.",
        "9731の爆撃機と9731直接投資基金。": "Bombers and the fund.",  # placeholders lost
        "ロシアが来た。": "Russia came.",
    }
    glossary = Glossary.from_pairs({"ロシア": r"Russia (\d) C:\temp"})
    translator = GlossaryTranslator(Rendering(table), glossary)
    bombers, came = translator.translate(["ロシアの爆撃機とロシア直接投資基金。", "ロシアが来た。"])
    assert came == r"Russia (\d) C:\temp came."  # backslashes kept as they are
    # "Russia" inside "Russian" is not the term's rendering: the English goes in a note.
    assert bombers == r"Russian bombers and the Russian Fund. [ロシア: Russia (\d) C:\temp]"


def test_latin_terms_do_not_match_inside_longer_words() -> None:
    glossary = Glossary.from_pairs({"AI": "artificial intelligence", "米": "US"})
    assert glossary.terms_in("中国主導のAIIBに参加") == []
    assert glossary.terms_in("AIとAIIB") == [("AI", "artificial intelligence")]


def test_nested_terms_and_digits_next_to_placeholders() -> None:
    glossary = Glossary.from_pairs({"トランプ": "Trump", "トランプ大統領": "President Trump",
                                    "カ国": "countries"})  # fmt: skip
    inner = Copying()
    translator = GlossaryTranslator(inner, glossary)
    out = translator.translate(["トランプと会ったトランプ大統領。", "G7の7カ国。"])
    masked = [t for t in inner.batches[0] if "973" in t]
    assert masked == ["9731と会った9732。", "G7の7 9731。"]
    assert out == ["Trumpと会ったPresident Trump。", "G7の7 countries。"]
