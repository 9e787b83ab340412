"""Sources in the encodings old archives use: read right, or refused, never mojibake."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import SEED

from briefgen.errors import InputError
from briefgen.ingest import read_source
from briefgen.ingest.decode import decode

JAPANESE = (
    "date 2025-01-02 北極海の協力\n\n"
    "ロシアと中国は北極海で協力を強化している。アメリカは警戒する。\n"
)
CHINESE = (
    "date 2025-01-02 澳门大学典礼\n\n"
    "澳门大学今日举行荣誉学位颁授典礼，向七位杰出人士颁授荣誉博士学位。\n"
)
TRADITIONAL = (
    "date 2025-01-02 澳門大學典禮\n\n"
    "澳門大學今日舉行榮譽學位頒授典禮，向七位傑出人士頒授榮譽博士學位。\n"
)
KOREAN = (
    "date 2025-01-02 서울 회의\n\n"
    "대통령은 서울에서 기자들에게 새로운 경제 정책을 발표했다고 말했다.\n"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (JAPANESE, "shift_jis"),
        (JAPANESE, "cp932"),
        (JAPANESE, "euc_jp"),
        (JAPANESE, "iso2022_jp"),
        (JAPANESE, "utf-16"),  # with its byte-order mark
        (JAPANESE, "utf-16-le"),  # without one
        (JAPANESE, "utf-8-sig"),
        (CHINESE, "gb18030"),
        (TRADITIONAL, "big5"),
        (KOREAN, "euc_kr"),
    ],
)
def test_a_source_in_a_legacy_encoding_reads_right(
    text: str, encoding: str, tmp_path: Path
) -> None:
    path = tmp_path / "source.txt"
    path.write_bytes(text.encode(encoding))
    source = read_source(path)
    assert source.text.strip() == text.strip()
    assert source.title == text.split(" ", 2)[2].split("\n")[0]


def test_short_japanese_is_not_guessed_as_something_else() -> None:
    for word in ("ロシア。", "中国とみる。", "会談は続く。"):
        for encoding in ("cp932", "euc_jp"):
            assert decode(word.encode(encoding))[0] == word


def test_the_seed_in_shift_jis(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("cp932"))
    # CP932 reads 〜 (WAVE DASH) back as ～ (FULLWIDTH TILDE), as Windows does.
    assert read_source(path).text.replace("～", "〜") == read_source(SEED).text


def test_random_bytes_are_refused_with_a_reason(tmp_path: Path) -> None:
    generator = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(generator.randrange(256) for _ in range(4000)))
    with pytest.raises(InputError) as raised:
        read_source(path)
    assert raised.value.problem in (
        "looks like a binary file, not text",
        "is not text in an encoding briefgen can tell (tried UTF-8, UTF-16, ISO-2022-JP, "
        "Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR); give --encoding if you know it",
    )


def test_a_named_encoding_is_used_strictly(tmp_path: Path) -> None:
    path = tmp_path / "source.txt"
    path.write_bytes(JAPANESE.encode("euc_jp"))
    assert read_source(path, encoding="euc_jp").title == "北極海の協力"
    with pytest.raises(InputError, match=r"is not utf-8 text \(byte 0x"):
        read_source(path, encoding="utf-8")
