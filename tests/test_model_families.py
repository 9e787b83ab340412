"""OPUS-MT, NLLB-200 and M2M-100 models converted to CTranslate2, through --model DIR.

The models are tiny and random (tests/tiny_models.py): what is checked is what
briefgen controls, token for token against transformers' own tokenizers: the source
tokens (language token, pieces, </s>), the target prefix, and the decoding of output
pieces back to text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SEEDS
from docx_text import docx_text

from briefgen.errors import TranslationError
from briefgen.translate.families import ModelFolderTranslator, open_model_folder

pytestmark = pytest.mark.families
SENTENCES = [
    "政府は新しい政策を発表しました。",
    "価格は二千円です。",
    "AI の技術は急速に進歩しています。",
]


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tiny_models import build_all

    return build_all(tmp_path_factory.mktemp("families"))


def hf_folder(ct2: Path) -> Path:
    return ct2.parent.parent / "hf" / ct2.name


@pytest.mark.parametrize(
    ("name", "family"), [("marian", "opus-mt"), ("nllb", "nllb"), ("m2m100", "m2m100")]
)
def test_family_is_told_from_the_folder(models: dict[str, Path], name: str, family: str) -> None:
    assert open_model_folder(models[name]).family == family


@pytest.mark.parametrize("name", ["marian", "nllb", "m2m100"])
def test_source_tokens_and_decoding_match_transformers(models: dict[str, Path], name: str) -> None:
    from transformers import AutoTokenizer

    hf = AutoTokenizer.from_pretrained(str(hf_folder(models[name])))
    translator = ModelFolderTranslator(open_model_folder(models[name]), "ja", beam_size=2)
    for sentence in SENTENCES:
        if name == "nllb":
            hf.src_lang = "jpn_Jpan"
        elif name == "m2m100":
            hf.src_lang = "ja"
        ids = hf(sentence)["input_ids"]
        expected = hf.convert_ids_to_tokens(ids)
        ours = translator.source_tokens(sentence)
        # Unknown spans are raw text for SentencePiece and <unk> for transformers;
        # the model maps both to <unk>.
        assert [t if t in translator.folder.vocabulary else "<unk>" for t in ours] == [
            t if t in translator.folder.vocabulary else "<unk>" for t in expected
        ]
    prefix = {"marian": None, "nllb": "eng_Latn", "m2m100": "__en__"}[name]
    assert translator.target_token == prefix

    results = translator._model.translate_batch(
        [translator.source_tokens(s) for s in SENTENCES],
        target_prefix=[[prefix]] * len(SENTENCES) if prefix else None,
        beam_size=2,
        max_decoding_length=20,
    )
    for result in results:
        pieces = result.hypotheses[0]
        if prefix:
            assert pieces[0] == prefix  # the output starts with the target language
        output_ids = hf.convert_tokens_to_ids(pieces)
        expected_text = hf.decode(output_ids, skip_special_tokens=True).strip()
        assert translator.detokenize(pieces) == " ".join(expected_text.split())


@pytest.mark.parametrize("name", ["marian", "nllb", "m2m100"])
def test_make_with_a_converted_model_folder(
    models: dict[str, Path], name: str, tmp_path: Path
) -> None:
    out = tmp_path / "b.docx"
    done = subprocess.run(
        ["briefgen", "make", str(SEEDS), "--model", str(models[name]), "-o", str(out), "-q",
         "--no-cache", "--fast"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    kind = {"marian": "OPUS-MT (Marian)", "nllb": "NLLB-200", "m2m100": "M2M-100"}[name]
    text = docx_text(out)
    assert f"translation: ct2:{kind} ja-en {name}" in text
    assert "[Lead-in] Key facts" in text  # page 1 of the briefing, made with this model


def test_a_model_without_the_source_language_says_so(models: dict[str, Path]) -> None:
    with pytest.raises(TranslationError, match=r"has no __xx__ token: it does not translate xx"):
        ModelFolderTranslator(open_model_folder(models["m2m100"]), "xx")
    with pytest.raises(TranslationError, match=r"translates ja→en, not de→en"):
        ModelFolderTranslator(open_model_folder(models["marian"]), "de")


def test_folder_missing_its_tokenizer_names_the_fix(
    models: dict[str, Path], tmp_path: Path
) -> None:
    broken = tmp_path / "nllb"
    shutil.copytree(models["nllb"], broken)
    (broken / "sentencepiece.bpe.model").unlink()
    with pytest.raises(TranslationError) as caught:
        open_model_folder(broken)
    assert str(caught.value) == (
        f"{broken}: no SentencePiece files; convert it with ct2-transformers-converter "
        "--copy_files: source.spm target.spm (OPUS-MT), or sentencepiece.bpe.model "
        "(NLLB-200, M2M-100)"
    )
