"""The options of one run, with the defaults a first-time user gets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.translate.glossary import Glossary


@dataclass(frozen=True)
class Options:
    """How a briefing is made.

    ``language``: source language code, or ``None`` to detect it per source.
    ``encoding``: the sources' text encoding (``cp932``…), or ``None`` to detect it.
    ``glob``: only files whose names match (``*.md``) are read from source directories.
    ``lede_sentences``: 1 or 2 sentences of lede (0 for none).
    ``gist_chars``: each source's gist, its point in one line, is at most this many
    characters (whole words in languages written with spaces; 0 for none).
    ``key_point_ratio``: at most this share of a section's sentences become key points
    (at least one per section).
    ``key_points``: this many key points in all, wherever they are in the text, instead
    of a share per section (``None``: use ``key_point_ratio``).
    ``beam_size``: beam width of the translator (1, greedy, is fastest).
    ``device``: where the model runs: ``cpu``, ``cuda``, or ``auto`` (CUDA when
    CTranslate2 sees a GPU).
    ``use_cache``: look translations up in (and add them to) the translation cache
    in the user's cache folder, so unchanged text is never translated twice.
    ``glossary``: source terms that must come out as the given English
    (:class:`~briefgen.Glossary`), in names, titles, headings and sentences alike.
    ``corrections``: a file of the desk's own corrections (``source<TAB>English``),
    used with the user's (:mod:`briefgen.translate.memory`) before the model.
    ``translator``: ``argos`` (a model on this machine) or ``libretranslate`` (the
    servers at ``servers``, tried in turn; the API key comes from the environment).
    ``allow_insecure_key``: send the LibreTranslate API key even over plain ``http://``
    to another machine (refused by default: anyone on the way could read it).
    """

    language: str | None = None
    encoding: str | None = None
    glob: str | None = None
    lede_sentences: int = 2
    gist_chars: int = 100
    key_point_ratio: float = 1 / 3
    key_points: int | None = None
    beam_size: int = 2
    device: str = "auto"
    use_cache: bool = True
    glossary: Glossary | None = None
    translator: str = "argos"
    servers: tuple[str, ...] = ()
    corrections: Path | None = None
    allow_insecure_key: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.lede_sentences <= 2:
            raise ValueError("lede_sentences must be 0, 1 or 2")
        if not 0 <= self.gist_chars <= 1000:
            raise ValueError("gist_chars must be from 0 to 1000")
        if not 0 < self.key_point_ratio <= 1:
            raise ValueError("key_point_ratio must be in (0, 1]")
        if self.key_points is not None and self.key_points < 0:
            raise ValueError("key_points must be at least 0 (or None)")
        if not 1 <= self.beam_size <= 32:
            raise ValueError("beam_size must be from 1 to 32")
        if self.device not in ("auto", "cpu", "cuda"):
            raise ValueError("device must be 'auto', 'cpu' or 'cuda'")
        if self.translator not in ("argos", "libretranslate"):
            raise ValueError("translator must be 'argos' or 'libretranslate'")
        if self.translator == "libretranslate" and not self.servers:
            raise ValueError("the libretranslate translator needs servers (their URLs)")
        for url in self.servers:
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"{url}: a server URL starts with http:// or https://")


def parse_points(text: str) -> int | float:
    """``8`` → 8 key points in all (``0``: the lede alone); ``25%`` or ``0.25`` → at most
    that share of each section's sentences. :class:`ValueError` says what is accepted."""
    text = str(text).strip()
    if text.isdigit():
        return int(text)
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1:
        raise ValueError(
            f"{text!r} is neither a whole number of points (like 8, or 0 for the lede alone) "
            "nor a share of each section's sentences above 0 and at most 1 (like 25% or 0.25)"
        )
    return value


def split_points(value: int | float | str | None) -> tuple[int | None, float]:
    """:class:`Options`' ``key_points`` and ``key_point_ratio`` for a ``--points``
    value (``None``: the defaults); :class:`ValueError` as :func:`parse_points`."""
    if value is None:
        return None, Options.key_point_ratio
    points = parse_points(str(value))
    return (points, Options.key_point_ratio) if isinstance(points, int) else (None, points)
