"""Tiny random translation models of three CTranslate2 families, built by the tests.

OPUS-MT (Marian), NLLB-200 and M2M-100: SentencePiece models trained on the sentences
below (written for these tests), Hugging Face folders laid out like the real hub
repositories (Helsinki-NLP/opus-mt-ja-en, facebook/nllb-200-distilled-600M,
facebook/m2m100_418M), random weights, then converted exactly as a user converts a
real model (``ct2-transformers-converter --copy_files ...``). Translations are
garbage; the files, vocabularies and tokenization rules are real. Deterministic.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

# --------------------------------------------------------------------------------------
# Corpus (written for these tests)
# --------------------------------------------------------------------------------------

JA_SUBJ = ["私", "彼", "彼女", "先生", "学生", "友達", "母", "父", "子供たち", "会社の人"]
EN_SUBJ = [
    "I",
    "He",
    "She",
    "The teacher",
    "The student",
    "My friend",
    "My mother",
    "My father",
    "The children",
    "People at the company",
]
JA_VP = [
    "コーヒーを飲みます",
    "本を読みます",
    "日本語を勉強します",
    "駅まで歩きます",
    "手紙を書きます",
    "音楽を聞きます",
    "映画を見ます",
    "料理を作ります",
    "写真を撮ります",
    "電車に乗ります",
    "会議に出ます",
    "報告書を送ります",
]
EN_VP = [
    "drink coffee",
    "read a book",
    "study Japanese",
    "walk to the station",
    "write a letter",
    "listen to music",
    "watch a movie",
    "cook dinner",
    "take photos",
    "ride the train",
    "attend the meeting",
    "send the report",
]
JA_TIME = ["毎朝", "今日", "明日", "昨日", "週末に", "夜に", "午後三時に"]
EN_TIME = [
    "every morning",
    "today",
    "tomorrow",
    "yesterday",
    "on weekends",
    "at night",
    "at three in the afternoon",
]

JA_FIXED = [
    "東京は日本の首都です。",
    "今日は天気がいいです。",
    "明日は雨が降るでしょう。",
    "新しい計画について説明します。",
    "この資料は来週までに完成させてください。",
    "会議は午後三時に始まります。",
    "売上は前年より十パーセント増えました。",
    "駅の近くに新しい店ができました。",
    "この問題について意見を聞かせてください。",
    "市場の動きを毎日確認しています。",
    "政府は新しい政策を発表しました。",
    "研究チームは実験の結果を公開しました。",
    "来月、大阪で展示会が開かれます。",
    "価格は二千円です。",
    "詳細はウェブサイトをご覧ください。",
    "briefgen は PDF と Word の資料を作ります。",
    "AI の技術は急速に進歩しています。",
    "二〇二四年の報告書を読みました。",
    "山田さんは東京大学の教授です。",
    "ご質問があれば、お気軽にお問い合わせください。",
]
EN_FIXED = [
    "Tokyo is the capital of Japan.",
    "The weather is nice today.",
    "It will probably rain tomorrow.",
    "I will explain the new plan.",
    "Please finish this document by next week.",
    "The meeting starts at three.",
    "Sales increased by ten percent from last year.",
    "A new shop opened near the station.",
    "Please tell me your opinion on this issue.",
    "We check the market every day.",
    "The government announced a new policy.",
    "The research team published the results of the experiment.",
    "An exhibition will be held in Osaka next month.",
    "The price is 2,000 yen.",
    "See the website for details.",
    "briefgen creates PDF and Word documents.",
    "AI technology is advancing rapidly.",
    "I read the 2024 report.",
    "Mr. Yamada is a professor at the University of Tokyo.",
    "If you have any questions, feel free to contact us.",
]


def make_corpus() -> tuple[list[str], list[str]]:
    rng = random.Random(1234)
    ja, en = list(JA_FIXED), list(EN_FIXED)
    combos = [
        (t, s, v)
        for t in range(len(JA_TIME))
        for s in range(len(JA_SUBJ))
        for v in range(len(JA_VP))
    ]
    rng.shuffle(combos)
    for t, s, v in combos[:260]:
        ja.append(f"{JA_TIME[t]}、{JA_SUBJ[s]}は{JA_VP[v]}。")
        en.append(f"{EN_SUBJ[s]} {EN_VP[v]} {EN_TIME[t]}.")
    return ja, en


# --------------------------------------------------------------------------------------
# SentencePiece helpers
# --------------------------------------------------------------------------------------


def train_spm(lines: list[str], path: Path, vocab_size: int, model_type: str) -> None:
    import sentencepiece as spm

    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = str(path.with_suffix(""))
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_prefix=prefix,
        vocab_size=vocab_size,
        model_type=model_type,
        character_coverage=1.0,
        hard_vocab_limit=False,
        num_threads=2,
        minloglevel=2,
        # ids like the real models' spm files: <unk>=0, <s>=1, </s>=2 (sentencepiece default)
    )
    os.replace(prefix + ".model", path)
    Path(prefix + ".vocab").unlink(missing_ok=True)


def spm_pieces(path: Path) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(path))
    return [
        sp.id_to_piece(i)
        for i in range(sp.get_piece_size())
        if not (sp.is_control(i) or sp.is_unknown(i))
    ]


def permuted(tokens: list[str], seed: int) -> list[str]:
    """Deterministic shuffle: vocab.json ids must NOT equal sentencepiece ids (as in the
    real Marian / M2M-100 repos), so a loader that feeds spm ids to the model is caught."""
    out = list(tokens)
    random.Random(seed).shuffle(out)
    return out


def write_json(path: Path, obj, indent=2) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=indent) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------
# Model folders
# --------------------------------------------------------------------------------------

TINY = dict(
    d_model=32,
    encoder_layers=1,
    decoder_layers=1,
    encoder_attention_heads=4,
    decoder_attention_heads=4,
    encoder_ffn_dim=64,
    decoder_ffn_dim=64,
    max_position_embeddings=512,
    dropout=0.0,
    attention_dropout=0.0,
    activation_dropout=0.0,
    init_std=0.2,
)


def save_random_model(model_cls, config, out: Path, seed: int) -> None:
    import torch

    torch.manual_seed(seed)
    model = model_cls(config)
    model.eval()
    model.save_pretrained(out)


def save_m2m100(hf: Path, vocab_size: int, seed: int) -> None:
    """NLLB-200 and M2M-100 share the M2M100 architecture and fairseq's special ids."""
    from transformers import M2M100Config, M2M100ForConditionalGeneration

    config = M2M100Config(
        vocab_size=vocab_size,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        scale_embedding=True,
        activation_function="relu",
        **TINY,
    )
    save_random_model(M2M100ForConditionalGeneration, config, hf, seed)


def build_marian(hf: Path, ja: list[str], en: list[str]) -> list[str]:
    """Helsinki-NLP/opus-mt-ja-en layout: config.json, model weights, source.spm,
    target.spm, vocab.json (joint Marian vocab, NOT spm ids), tokenizer_config.json."""
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    hf.mkdir(parents=True, exist_ok=True)
    # source side: Japanese plus some Latin text (real ja corpora contain Latin script)
    train_spm(ja + en[::4], hf / "source.spm", 300, "unigram")
    train_spm(en, hf / "target.spm", 300, "unigram")
    pieces = sorted(set(spm_pieces(hf / "source.spm")) | set(spm_pieces(hf / "target.spm")))
    # Marian vocab: </s>=0, <unk>=1, pieces (frequency order in real models), <pad> last.
    vocab = ["</s>", "<unk>", *permuted(pieces, 11), "<pad>"]
    write_json(hf / "vocab.json", {t: i for i, t in enumerate(vocab)})
    # the real repo file is 42 bytes: {"target_lang": "en", "source_lang": "ja"}
    write_json(hf / "tokenizer_config.json", {"target_lang": "en", "source_lang": "ja"}, None)
    n = len(vocab)
    cfg = MarianConfig(
        vocab_size=n,
        decoder_vocab_size=n,
        pad_token_id=n - 1,
        decoder_start_token_id=n - 1,
        eos_token_id=0,
        forced_eos_token_id=0,
        bos_token_id=None,
        scale_embedding=True,
        activation_function="swish",
        share_encoder_decoder_embeddings=True,
        **TINY,
    )
    save_random_model(MarianMTModel, cfg, hf, 1)
    tok = MarianTokenizer.from_pretrained(str(hf))  # sanity: real class loads the folder
    assert len(tok) == n, (len(tok), n)
    return ["source.spm", "target.spm", "vocab.json", "tokenizer_config.json"]


def build_nllb(hf: Path, ja: list[str], en: list[str]) -> list[str]:
    """facebook/nllb-200-distilled-600M layout: sentencepiece.bpe.model (BPE spm),
    tokenizer.json (fairseq-offset ids, 202 language codes as added special tokens),
    tokenizer_config.json + special_tokens_map.json as in the hub repo."""
    from transformers import NllbTokenizer
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    hf.mkdir(parents=True, exist_ok=True)
    mixed = [line for line in ja if any(c.isascii() and c.isalpha() for c in line)]
    train_spm(ja + en + mixed, hf / "sentencepiece.bpe.model", 400, "bpe")
    # Build the fast tokenizer from the spm file only (tokenizer_config names the class),
    # then overwrite the config files with the hub repo's versions.
    write_json(hf / "tokenizer_config.json", {"tokenizer_class": "NllbTokenizer"})
    tok = NllbTokenizer.from_pretrained(
        str(hf), additional_special_tokens=list(FAIRSEQ_LANGUAGE_CODES)
    )
    tmp = hf / "_tok"
    tok.save_pretrained(str(tmp))
    shutil.move(str(tmp / "tokenizer.json"), hf / "tokenizer.json")
    shutil.rmtree(tmp)
    # Hub repo tokenizer_config.json (564 bytes): note there are NO language codes in it.
    write_json(
        hf / "tokenizer_config.json",
        {
            "additional_special_tokens": None,
            "bos_token": "<s>",
            "cls_token": "<s>",
            "eos_token": "</s>",
            "mask_token": {
                "__type": "AddedToken",
                "content": "<mask>",
                "lstrip": True,
                "normalized": True,
                "rstrip": False,
                "single_word": False,
            },
            "model_max_length": 1024,
            "name_or_path": "facebook/nllb-200-distilled-600M",
            "pad_token": "<pad>",
            "sep_token": "</s>",
            "sp_model_kwargs": {},
            "special_tokens_map_file": None,
            "src_lang": None,
            "tgt_lang": None,
            "tokenizer_class": "NllbTokenizer",
            "unk_token": "<unk>",
        },
    )
    write_json(
        hf / "special_tokens_map.json",
        {
            "additional_special_tokens": list(FAIRSEQ_LANGUAGE_CODES),
            "bos_token": "<s>",
            "cls_token": "<s>",
            "eos_token": "</s>",
            "mask_token": {
                "content": "<mask>",
                "lstrip": True,
                "normalized": True,
                "rstrip": False,
                "single_word": False,
            },
            "pad_token": "<pad>",
            "sep_token": "</s>",
            "unk_token": "<unk>",
        },
    )
    tok = NllbTokenizer.from_pretrained(str(hf))  # reload from the final files
    assert tok.convert_tokens_to_ids("jpn_Jpan") != tok.unk_token_id
    # Real NLLB: config.vocab_size (256206) = len(tokenizer) (256204) + 2; ctranslate2 pads
    # the vocabulary with "madeupword0/1". Mimic that.
    n = len(tok) + 2
    save_m2m100(hf, n, seed=2)
    return [
        "tokenizer.json",
        "sentencepiece.bpe.model",
        "tokenizer_config.json",
        "special_tokens_map.json",
    ]


def build_m2m100(hf: Path, ja: list[str], en: list[str]) -> list[str]:
    """facebook/m2m100_418M layout: vocab.json (fairseq dict order, NOT spm ids),
    sentencepiece.bpe.model, tokenizer_config.json (no tokenizer_class, no language
    codes), special_tokens_map.json (100 __xx__ language tokens)."""
    from transformers import M2M100Tokenizer
    from transformers.models.m2m_100.tokenization_m2m_100 import FAIRSEQ_LANGUAGE_CODES

    hf.mkdir(parents=True, exist_ok=True)
    mixed = [line for line in ja if any(c.isascii() and c.isalpha() for c in line)]
    train_spm(ja + en + mixed, hf / "sentencepiece.bpe.model", 400, "bpe")
    vocab = [
        "<s>",
        "<pad>",
        "</s>",
        "<unk>",
        *permuted(spm_pieces(hf / "sentencepiece.bpe.model"), 13),
    ]
    write_json(hf / "vocab.json", {t: i for i, t in enumerate(vocab)})
    codes = FAIRSEQ_LANGUAGE_CODES["m2m100"]
    # Hub repo tokenizer_config.json (272 bytes) verbatim in structure.
    write_json(
        hf / "tokenizer_config.json",
        {
            "src_lang": None,
            "tgt_lang": None,
            "bos_token": "<s>",
            "eos_token": "</s>",
            "sep_token": "</s>",
            "unk_token": "<unk>",
            "pad_token": "<pad>",
            "special_tokens_map_file": "m2m_100_1.2B_v2/special_tokens_map.json",
            "tokenizer_file": None,
            "name_or_path": "m2m_100_1.2B_v2/",
        },
        None,
    )
    write_json(
        hf / "special_tokens_map.json",
        {
            "bos_token": "<s>",
            "eos_token": "</s>",
            "unk_token": "<unk>",
            "sep_token": "</s>",
            "pad_token": "<pad>",
            "additional_special_tokens": [f"__{c}__" for c in codes],
        },
        None,
    )
    # vocab_size = len(vocab.json) + 100 language tokens + 8 "madeupword"s (128112 for 418M)
    n = len(vocab) + len(codes) + 8
    save_m2m100(hf, n, seed=3)
    tok = M2M100Tokenizer.from_pretrained(str(hf))
    assert tok.convert_tokens_to_ids("__ja__") == len(vocab) + codes.index("ja")
    return [
        "vocab.json",
        "sentencepiece.bpe.model",
        "tokenizer_config.json",
        "special_tokens_map.json",
    ]


def convert(hf: Path, out: Path, copy_files: list[str], quantization: str | None) -> None:
    import ctranslate2

    ctranslate2.converters.TransformersConverter(str(hf), copy_files=copy_files).convert(
        str(out), quantization=quantization, force=True
    )


FAMILIES = {"marian": build_marian, "nllb": build_nllb, "m2m100": build_m2m100}
REAL = {
    "marian": "Helsinki-NLP/opus-mt-ja-en",
    "nllb": "facebook/nllb-200-distilled-600M",
    "m2m100": "facebook/m2m100_418M",
}


def build_all(out: Path) -> dict[str, Path]:
    """The three converted folders under ``out`` (family name → folder)."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import transformers

    transformers.logging.set_verbosity_error()
    ja, en = make_corpus()
    folders = {}
    for name, build in FAMILIES.items():
        hf, ct2 = out / "hf" / name, out / "ct2" / name
        convert(hf, ct2, build(hf, ja, en), None)
        folders[name] = ct2
    return folders
