"""The Translator protocol: whole batches in, whole batches out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Translator(Protocol):
    """Translates a batch of texts into English, in order.

    Taking whole batches lets a backend use one model call for everything and
    lets a cache sit in front of any translator.
    """

    @property
    def name(self) -> str:
        """What this translator is, for the briefing's metadata."""
        ...

    def translate(self, texts: Sequence[str]) -> list[str]: ...


def translate_unique(translator: Translator, texts: Sequence[str]) -> dict[str, str]:
    """Translate each distinct non-empty text once; map original → English."""
    unique = list(dict.fromkeys(t for t in texts if t.strip()))
    if not unique:
        return {}
    return dict(zip(unique, translator.translate(unique), strict=True))
