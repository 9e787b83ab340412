"""Word tokenization with parts of speech, per language.

Japanese uses SudachiPy with its core dictionary (chosen by measurement, see
``benchmarks/README.md``: fastest of the three tried, names tagged as proper nouns,
within the install budget). The analyzer is loaded on first use, once per process,
so sources in other languages never pay for it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

_LOCK = threading.Lock()
_JA: Any = None


@dataclass(frozen=True)
class Token:
    """A word as written, its part of speech (most general first) and its span."""

    surface: str
    pos: tuple[str, ...]
    span: tuple[int, int]

    @property
    def is_noun(self) -> bool:
        return self.pos[:1] == ("名詞",) or self.pos[:2] == ("接尾辞", "名詞的")

    @property
    def proper_kind(self) -> str | None:
        """``person``, ``place`` or ``name`` for a proper noun, else ``None``."""
        if self.pos[:2] != ("名詞", "固有名詞"):
            return None
        return {"人名": "person", "地名": "place"}.get(self.pos[2], "name")


def tokenize_ja(text: str) -> list[Token]:
    """Japanese words of ``text`` (SudachiPy, split mode C: the longest units)."""
    global _JA
    with _LOCK:
        if _JA is None:
            from sudachipy import Dictionary

            _JA = Dictionary().tokenizer()
    from sudachipy import SplitMode

    return [
        Token(m.surface(), tuple(m.part_of_speech()[:4]), (m.begin(), m.end()))
        for m in _JA.tokenize(text, SplitMode.C)
    ]
