"""Build a random Argos ja→en package of realistic size, for translation benchmarks.

    pip install -e '.[demo-model]'      # transformers + torch (CPU), dev only
    python benchmarks/base_model.py     # → benchmarks/build/translate-ja_en-base-random.argosmodel

Transformer-base shape (6+6 layers, d_model 512, 8 heads, FFN 2048), a ~32k
vocabulary, int8: the size and speed of a real Argos package, with random weights.
The vocabulary is an 8k SentencePiece model trained on the Japanese texts of
``../shared/eval`` padded to 32k with pieces biased far down (never generated), and
``</s>`` is biased up (``--eos-bias``) so that outputs stop at realistic lengths
instead of repeating one piece up to the length cap. The script prints the output
length distribution at beam 2 so the bias can be checked.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import japanese_sentences  # noqa: E402

NAME = "translate-ja_en-base-random"
OUT = HERE / "build" / f"{NAME}.argosmodel"
VOCAB = 32_000


def train_sentencepiece(sentences: list[str], folder: Path, size: int) -> Path:
    import sentencepiece as spm

    text = folder / "spm.txt"
    text.write_text("\n".join(sentences) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(text),
        model_prefix=str(folder / "sentencepiece"),
        vocab_size=size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        pad_id=-1,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        num_threads=2,
        minloglevel=2,
    )
    return folder / "sentencepiece.model"


def build_marian(sp_model: Path, hf_dir: Path, eos_bias: float) -> None:
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel

    torch.manual_seed(0)
    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    real = sp.get_piece_size()
    pad = VOCAB - 1  # the converter drops the last entry as <pad>
    config = MarianConfig(
        vocab_size=VOCAB,
        d_model=512,
        encoder_layers=6,
        decoder_layers=6,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        max_position_embeddings=512,
        activation_function="swish",
        pad_token_id=pad,
        eos_token_id=2,
        forced_eos_token_id=2,
        decoder_start_token_id=pad,
        share_encoder_decoder_embeddings=True,
        scale_embedding=True,
    )
    model = MarianMTModel(config).eval()
    with torch.no_grad():
        model.get_input_embeddings().weight[pad].zero_()
        bias = model.final_logits_bias
        bias[0, real:] = -1e4  # padding pieces: never generated
        bias[0, 2] = eos_bias
    model.save_pretrained(hf_dir)
    vocab = {sp.id_to_piece(i): i for i in range(real)}
    vocab.update({f"<unused{i}>": i for i in range(real, pad)})
    vocab["<pad>"] = pad
    (hf_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    shutil.copy(sp_model, hf_dir / "source.spm")
    shutil.copy(sp_model, hf_dir / "target.spm")
    (hf_dir / "tokenizer_config.json").write_text(
        json.dumps({"source_lang": "ja", "target_lang": "en", "model_max_length": 512}),
        encoding="utf-8",
    )


def package(hf_dir: Path, sp_model: Path, folder: Path) -> None:
    import ctranslate2

    ctranslate2.converters.TransformersConverter(str(hf_dir)).convert(
        str(folder / "model"), quantization="int8", force=True
    )
    shutil.copy(sp_model, folder / "sentencepiece.model")
    metadata = {
        "package_version": "0.0",
        "argos_version": "1.9.0",
        "from_code": "ja",
        "from_name": "Japanese",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "package_name": "random Transformer-base ja→en (benchmark only)",
    }
    (folder / "metadata.json").write_text(json.dumps(metadata, ensure_ascii=False, indent=2))
    OUT.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_STORED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{NAME}/{path.relative_to(folder).as_posix()}")


def length_report(folder: Path, sentences: list[str]) -> None:
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(folder / "model"), inter_threads=2, intra_threads=1)
    sample = sentences[:: max(1, len(sentences) // 200)]
    results = translator.translate_batch(
        [sp.encode(s, out_type=str) for s in sample],
        beam_size=2,
        max_batch_size=32,
        max_decoding_length=250,
    )
    lengths = [len(r.hypotheses[0]) for r in results]
    capped = sum(n >= 249 for n in lengths)
    mean = statistics.mean(lengths)
    print(
        f"output pieces over {len(sample)} sentences at beam 2: mean {mean:.1f}, "
        f"median {statistics.median(lengths)}, max {max(lengths)}, at the 250 cap: {capped}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eos-bias", type=float, default=2.25)
    args = parser.parse_args()
    sentences = japanese_sentences()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sp_model = train_sentencepiece(sentences, tmp, 8000)
        hf_dir = tmp / "hf"
        build_marian(sp_model, hf_dir, args.eos_bias)
        folder = tmp / NAME
        folder.mkdir()
        package(hf_dir, sp_model, folder)
        length_report(folder, sentences)
    print(f"{OUT}: {OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
