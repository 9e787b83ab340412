"""Bytes to text: UTF-8 first, then the encodings old archives use, never mojibake.

In order:

1. ``encoding`` when the user names one (``--encoding cp932``): strictly, or an error;
2. a byte-order mark (UTF-8, UTF-16, UTF-32);
3. ISO-2022-JP (its escape sequences), UTF-16 without a mark (zero bytes that decode
   to readable text; other zero bytes mean a binary file);
4. strict UTF-8;
5. **Japanese first**: Shift_JIS (CP932) and EUC-JP decoded strictly, kept when the
   text is plainly Japanese (kana among its letters). Detectors guess short Japanese
   texts wrong; kana never appear by accident in a wrong decoding. (CP932 reads 〜 as
   its full-width tilde ～, as Windows does);
6. charset-normalizer for the rest (GB18030, Big5, EUC-KR, the Latin and Cyrillic
   code pages), kept only when it is confident and has 64 bytes or more to go on;
7. otherwise a clear error that says which encodings were tried: a wrong guess would
   be silent mojibake, which is worse than no source.
"""

from __future__ import annotations

import codecs
import re

# An XML declaration at the start of a page: read past when telling what a file is,
# and taken off before lxml parses the text (it refuses a str that declares one).
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ISO_2022_JP = re.compile(rb"\x1b\$[@B]|\x1b\(J")
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")
_LETTER = re.compile(r"[^\W\d_]")
# charset-normalizer's "chaos" above this is a guess, not a reading.
_MAX_CHAOS = 0.2
# Below this many bytes charset-normalizer guesses; the Japanese check needs no minimum.
_MIN_DETECTED = 64
TRIED = "UTF-8, UTF-16, ISO-2022-JP, Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR"


class DecodeError(ValueError):
    """The bytes are not text in any encoding briefgen could tell; the message says why."""


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, the encoding it was read in); :class:`DecodeError` when none fits."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"is not {encoding} text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                break
    if _ISO_2022_JP.search(data):  # 7-bit: it would pass for UTF-8 too
        try:
            return data.decode("iso2022_jp"), "iso2022_jp"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:  # UTF-16 without a mark, or a binary file
        odd, even = data[1::2].count(0), data[0::2].count(0)
        # UTF-16 puts the zero bytes of its ASCII on one side: little-endian the odd.
        if len(data) % 2 == 0 and max(odd, even) >= 4 and min(odd, even) <= max(odd, even) // 10:
            order = "utf-16-le" if odd > even else "utf-16-be"
            try:
                text = data.decode(order)
            except UnicodeDecodeError:
                text = ""
            if _readable(text):
                return text, order
        raise DecodeError("looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    japanese = []
    for name in ("cp932", "euc_jp"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        letters = len(_LETTER.findall(text)) or 1
        kana = len(_KANA.findall(text))
        if kana >= 2 and kana / letters >= 0.1:
            japanese.append((kana / letters, name == "cp932", name, text))
    if japanese:
        _, _, name, text = max(japanese)  # the more kana wins; on a tie, Shift_JIS
        return text, name
    return _detected(data)


def _readable(text: str) -> bool:
    """Text a person wrote: letters, and next to no control characters."""
    controls = sum(1 for ch in text if ch < " " and ch not in "\n\r\t")
    return controls <= len(text) // 100 and bool(_LETTER.search(text))


def _detected(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    if len(data) < _MIN_DETECTED:
        # Measured: 3–30 bytes of GB18030 or Latin-1 come back as Korean or Baltic.
        raise DecodeError(f"is too short to tell its encoding (tried {TRIED})")
    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise DecodeError(f"is not text in an encoding briefgen can tell (tried {TRIED})")
    return str(best), best.encoding
