import json
import os
import re
import subprocess
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEEDS, read_corpus

import briefgen
from briefgen.errors import ModelNotInstalled, TranslationError
from briefgen.translate.argos import ArgosTranslator
from briefgen.translate.packages import find_installed_package, open_package


@pytest.fixture(scope="module")
def demo() -> ArgosTranslator:
    return ArgosTranslator.from_path(DEMO_MODEL)


def test_demo_package_translates_its_whole_corpus(demo: ArgosTranslator) -> None:
    pairs = read_corpus()
    assert demo.translate([ja for ja, _ in pairs]) == [en for _, en in pairs]


def test_demo_package_metadata() -> None:
    package = open_package(DEMO_MODEL)
    assert (package.from_code, package.to_code) == ("ja", "en")
    assert (package.path / "model" / "model.bin").is_file()
    assert (package.path / "sentencepiece.model").is_file()
    with zipfile.ZipFile(DEMO_MODEL) as archive:
        roots = {name.split("/")[0] for name in archive.namelist()}
        metadata = json.loads(archive.read("translate-ja_en-demo/metadata.json"))
    assert roots == {"translate-ja_en-demo"}
    assert metadata["type"] == "translate"
    assert DEMO_MODEL.stat().st_size < 5_000_000


def test_unpacked_folder_works_like_the_file(demo: ArgosTranslator) -> None:
    folder = ArgosTranslator.from_path(open_package(DEMO_MODEL).path)
    assert folder.translate(["プーチン", "アラスカ"]) == ["Putin", "Alaska"]


class Spy:
    """Counts calls of the wrapped CTranslate2 translator, and the batch sizes it used."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.batches: list[int] = []
        self.max_batch_sizes: list[object] = []

    def translate_iterable(self, tokens: Sequence[Sequence[str]], **kwargs: object) -> object:
        self.batches.append(len(tokens))
        self.max_batch_sizes.append(kwargs.get("max_batch_size"))
        return self.inner.translate_iterable(tokens, **kwargs)  # type: ignore[attr-defined]


def test_all_texts_of_all_sources_go_in_one_deduplicated_batch(tmp_path: Path) -> None:
    seed = next(SEEDS.glob("*.txt"))
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed.read_bytes())
    translator = ArgosTranslator.from_path(DEMO_MODEL)
    translator._load()
    spy = Spy(translator._translator)
    translator._translator = spy
    options = briefgen.Options(use_cache=False)
    briefing = briefgen.make_briefing([seed, copy], translator=translator, options=options)
    assert len(briefing.sources) == 2
    # title + 3 headings + 33 sentences + 2 related links with their 2 labels,
    # + the actors' names and the quotes' speakers (ロシア is both), + the timeline's
    # clauses cut from sentences with several dates, + the gist (compressed, so a text
    # of its own), all once
    first = briefing.sources[0]
    names = {a.name.original for a in first.actors}
    names |= {p.speaker.original for s in first.full_text for p in s.points if p.speaker}
    assert {"ロシア", "国営メディア", "キリル・ドミトリエフ"} <= names
    sentences = {p.text.original for s in first.full_text for p in s.points}
    clauses = {e.text.original for e in first.timeline} - sentences
    assert clauses  # 8月15日にアラスカでの米露首脳会談 | 18日に…
    gists = {first.gist.original} - sentences if first.gist else set()
    assert gists  # the gist is compressed: its own text
    assert spy.batches == [1 + 3 + 33 + 4 + len(names) + len(clauses) + len(gists)]
    # Batches hold at most 64 hypotheses (32 texts at beam 2), so memory stays bounded;
    # a small input is split evenly so that every worker gets a share.
    assert spy.max_batch_sizes == [min(32, -(-spy.batches[0] // translator.threads))]


def test_a_package_for_another_language_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "zh-en"
    source = open_package(DEMO_MODEL).path
    (folder / "model").mkdir(parents=True)
    metadata = json.loads((source / "metadata.json").read_text(encoding="utf-8"))
    metadata["from_code"] = "zh"
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    with pytest.raises(TranslationError, match=r"the model .*zh-en translates zh→en, not ja→en"):
        briefgen.make_briefing([SEEDS], model=folder)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"not a zip"), "not an .argosmodel (zip) file"),
        (lambda p: None, "no such model file or folder"),
    ],
)
def test_bad_model_paths(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "broken.argosmodel"
    make(path)
    with pytest.raises(TranslationError, match=re.escape(message)):
        open_package(path)


def test_folder_without_metadata_is_not_a_package(tmp_path: Path) -> None:
    with pytest.raises(TranslationError, match=r"no metadata\.json"):
        open_package(tmp_path)


def test_no_installed_package_names_the_fix() -> None:
    # conftest points ARGOS_PACKAGES_DIR at an empty folder
    with pytest.raises(ModelNotInstalled) as caught:
        find_installed_package("ja")
    message = str(caught.value)
    assert "briefgen models install ja" in message
    assert "argospm install translate-ja_en" in message and "--model" in message
    assert "\n" not in message


def test_text_the_model_never_saw_does_not_break_the_batch() -> None:
    translator = ArgosTranslator.from_path(DEMO_MODEL)
    run_on = "今日は晴れです。明日は雨が降るでしょう。" * 40  # far longer than any corpus line
    english = translator.translate([run_on, "プーチン"])
    assert len(english) == 2
    assert english[1] == "Putin"


def test_archive_without_metadata_names_the_archive(tmp_path: Path) -> None:
    archive = tmp_path / "empty.argosmodel"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("something/readme.txt", "hi")
    with pytest.raises(TranslationError) as caught:
        open_package(archive)
    assert str(caught.value) == f"{archive}: not an Argos package (no metadata.json)"


def test_corrupt_tokenizer_is_a_translation_error(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "pkg"
    shutil.copytree(open_package(DEMO_MODEL).path, folder)
    (folder / "sentencepiece.model").write_bytes(b"garbage")
    with pytest.raises(TranslationError, match="cannot load the tokenizer"):
        ArgosTranslator.from_path(folder).translate(["プーチン"])


def test_newest_installed_version_wins() -> None:
    from briefgen.translate.packages import version_key

    assert max(["1.9", "1.10", "1.2"], key=version_key) == "1.10"


def test_a_source_in_a_language_without_a_model_is_left_out_in_one_sentence(
    tmp_path: Path,
) -> None:
    chinese = tmp_path / "zh.txt"
    chinese.write_text("经济新闻\n\n中国经济增长放缓。政府宣布了新的刺激措施。\n", encoding="utf-8")
    briefing = briefgen.make_briefing([SEEDS, chinese], model=DEMO_MODEL)
    assert [s.language for s in briefing.sources] == ["ja"]
    (skipped,) = briefing.skipped
    assert skipped.origin == str(chinese)
    assert skipped.reason == (
        f"is in Chinese, and the model {DEMO_MODEL} translates ja→en, not zh→en"
    )


def test_cuda_asked_for_where_there_is_none_is_one_line(tmp_path: Path) -> None:
    from briefgen.translate.argos import compute_type, cuda_available

    assert (compute_type("cpu"), compute_type("cuda")) == ("default", "auto")
    if cuda_available():
        pytest.skip("this machine has a CUDA GPU")
    done = subprocess.run(
        ["briefgen", "make", str(SEEDS), "--model", str(DEMO_MODEL), "--device", "cuda",
         "-o", str(tmp_path / "b.docx"), "--no-cache", "-q"],
        capture_output=True, text=True, env=os.environ.copy(),
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "briefgen: error: --device cuda: CTranslate2 sees no CUDA GPU here (no NVIDIA "
        "driver, or one too old for its CUDA runtime); use --device auto or cpu"
    ]
