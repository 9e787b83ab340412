"""Build the tiny ja→en demo Argos package from corpus.tsv.

    pip install -e '.[demo-model]'   # transformers + torch (CPU), dev only
    python demo-model/build.py       # writes demo-model/translate-ja_en-demo.argosmodel

Steps: SentencePiece on both sides of the corpus (one shared vocabulary) → a small
Marian transformer trained from scratch until it reproduces every pair → converted
with CTranslate2's TransformersConverter → packaged as an Argos package
(metadata.json, model/, sentencepiece.model) and checked end to end with briefgen's
own translator. It only knows this corpus: it is a test fixture, not a translation
model. Training is not bit-reproducible across machines, so the built package is
committed and this script is the way to rebuild it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE_NAME = "translate-ja_en-demo"
METADATA = {
    "package_version": "0.1",
    "argos_version": "1.9.0",
    "from_code": "ja",
    "from_name": "Japanese",
    "to_code": "en",
    "to_name": "English",
    "type": "translate",
    "package_name": "briefgen demo ja→en (knows only its own corpus)",
}


def read_corpus(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ja, en = line.split("\t")
            pairs.append((ja, en))
    return pairs


def train_sentencepiece(pairs: list[tuple[str, str]], out: Path, vocab_size: int) -> Path:
    import sentencepiece as spm

    text = out / "spm-input.txt"
    text.write_text("\n".join(s for pair in pairs for s in pair) + "\n", encoding="utf-8")
    prefix = out / "sentencepiece"
    spm.SentencePieceTrainer.train(
        input=str(text),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        # No pad in SentencePiece: Marian's <pad> is appended as the last id, which
        # CTranslate2's converter drops (see shared/demo-model-notes.md).
        pad_id=-1,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        num_threads=2,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def train_marian(
    pairs, sp_model: Path, hf_dir: Path, *, max_steps: int, seed: int, extra_steps: int = 100
):
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel

    torch.manual_seed(seed)
    torch.set_num_threads(2)
    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    size = sp.get_piece_size()
    pad = size  # appended <pad>
    eos = 2
    config = MarianConfig(
        vocab_size=size + 1,
        d_model=128,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=512,
        decoder_ffn_dim=512,
        max_position_embeddings=256,
        dropout=0.0,
        attention_dropout=0.0,
        activation_dropout=0.0,
        activation_function="relu",
        pad_token_id=pad,
        eos_token_id=eos,
        forced_eos_token_id=eos,
        decoder_start_token_id=pad,
        share_encoder_decoder_embeddings=True,
        scale_embedding=True,
    )
    model = MarianMTModel(config)
    # CTranslate2 starts the decoder from a zero embedding; HF starts it from <pad>.
    # Keep the <pad> row at zero so both start the same way.
    shared = model.get_input_embeddings().weight
    with torch.no_grad():
        shared[pad].zero_()

    # Argos feeds the encoder bare SentencePiece pieces (no </s>); train the same way.
    sources = [sp.encode(ja) for ja, _ in pairs]
    targets = [sp.encode(en) + [eos] for _, en in pairs]
    src_len = max(map(len, sources))
    tgt_len = max(map(len, targets))
    input_ids = torch.full((len(pairs), src_len), pad)
    attention = torch.zeros((len(pairs), src_len), dtype=torch.long)
    labels = torch.full((len(pairs), tgt_len), -100)
    for i, (s, t) in enumerate(zip(sources, targets)):
        input_ids[i, : len(s)] = torch.tensor(s)
        attention[i, : len(s)] = 1
        labels[i, : len(t)] = torch.tensor(t)
    print(f"{len(pairs)} pairs, vocab {size}, longest source {src_len} / target {tgt_len} pieces")

    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=0.0)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / 50))
    started = time.time()
    model.train()
    # Greedy decoding in transformers being exact is not enough: CTranslate2 decodes
    # with a beam and int8 weights, so keep training a while after the first exact
    # check, until every pair is a clear winner.
    exact_since = None
    for step in range(1, max_steps + 1):
        loss = model(input_ids=input_ids, attention_mask=attention, labels=labels).loss
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        with torch.no_grad():
            shared[pad].zero_()
        if step % 100 == 0:
            wrong = count_wrong(model, sp, input_ids, attention, pairs, tgt_len)
            print(
                f"step {step}: loss {loss.item():.4f}, {wrong} pairs wrong, "
                f"{time.time() - started:.0f} s",
                flush=True,
            )
            model.train()
            if wrong == 0 and exact_since is None:
                exact_since = step
        if exact_since is not None and step >= exact_since + extra_steps:
            break
    else:
        sys.exit(f"did not memorize the corpus in {max_steps} steps")

    model.eval()
    model.save_pretrained(hf_dir)
    vocab = {sp.id_to_piece(i): i for i in range(size)}
    vocab["<pad>"] = pad
    (hf_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    shutil.copy(sp_model, hf_dir / "source.spm")
    shutil.copy(sp_model, hf_dir / "target.spm")
    (hf_dir / "tokenizer_config.json").write_text(
        json.dumps(
            {
                "source_lang": "ja",
                "target_lang": "en",
                "model_max_length": 256,
                "tokenizer_class": "MarianTokenizer",
            }
        ),
        encoding="utf-8",
    )


def count_wrong(model, sp, input_ids, attention, pairs, tgt_len) -> int:
    import torch

    model.eval()
    with torch.no_grad():
        out = model.generate(
            input_ids=input_ids,
            attention_mask=attention,
            num_beams=1,
            do_sample=False,
            max_new_tokens=tgt_len + 5,
        )
    wrong = 0
    for row, (_, en) in zip(out.tolist(), pairs):
        ids = [t for t in row if t < sp.get_piece_size() and t != 2]
        wrong += sp.decode(ids) != en
    return wrong


def convert(hf_dir: Path, package_dir: Path, sp_model: Path, quantization: str) -> None:
    import ctranslate2

    ctranslate2.converters.TransformersConverter(str(hf_dir)).convert(
        str(package_dir / "model"), quantization=quantization, force=True
    )
    shutil.copy(sp_model, package_dir / "sentencepiece.model")
    (package_dir / "metadata.json").write_text(
        json.dumps(METADATA, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (package_dir / "README.md").write_text(
        "# briefgen demo ja→en\n\nA tiny model trained only on briefgen's demo corpus "
        "(the seed article). It is a test fixture, not a translation model for real use.\n",
        encoding="utf-8",
    )


def zip_package(package_dir: Path, target: Path) -> None:
    """Zip with the package folder at the archive root and fixed timestamps."""
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(package_dir.rglob("*")):
            if path.is_file():
                name = f"{PACKAGE_NAME}/{path.relative_to(package_dir).as_posix()}"
                info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
    tmp.replace(target)


def check(package: Path, pairs: list[tuple[str, str]]) -> int:
    """Translate the whole corpus through briefgen's own Argos backend."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from briefgen.translate.argos import ArgosTranslator

    translator = ArgosTranslator.from_path(package)
    english = translator.translate([ja for ja, _ in pairs])
    wrong = [(ja, en, got) for (ja, en), got in zip(pairs, english) if got != en]
    for ja, en, got in wrong:
        print(f"MISMATCH {ja}\n  want {en}\n  got  {got}")
    return len(wrong)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus.tsv")
    parser.add_argument("--out", type=Path, default=HERE / f"{PACKAGE_NAME}.argosmodel")
    parser.add_argument("--vocab-size", type=int, default=1200)
    parser.add_argument("--max-steps", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--extra-steps", type=int, default=100, help="steps to train after the first exact check"
    )
    parser.add_argument("--quantization", default="int8")
    args = parser.parse_args()

    pairs = read_corpus(args.corpus)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sp_model = train_sentencepiece(pairs, tmp, args.vocab_size)
        hf_dir = tmp / "hf"
        hf_dir.mkdir()
        train_marian(
            pairs,
            sp_model,
            hf_dir,
            max_steps=args.max_steps,
            seed=args.seed,
            extra_steps=args.extra_steps,
        )
        package_dir = tmp / PACKAGE_NAME
        package_dir.mkdir()
        convert(hf_dir, package_dir, sp_model, args.quantization)
        zip_package(package_dir, args.out)
    wrong = check(args.out, pairs)
    size = args.out.stat().st_size
    print(f"{args.out.name}: {size / 1e6:.2f} MB, {len(pairs) - wrong}/{len(pairs)} pairs exact")
    if wrong:
        sys.exit(1)


if __name__ == "__main__":
    main()
