"""The Translator protocol, and translating each distinct text once, through a cache."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from briefgen.translate.cache import TranslationCache


@dataclass(frozen=True)
class Translation:
    """One translated text, and the model's length-normalized log-probability of it
    (``None`` when the backend does not give one). ``truncated``: the source was too
    long for the model and only its beginning was translated. ``exact``: the English
    was given, not translated (a glossary entry, a correction), so no quality check
    applies; ``memory`` names how a correction matched when it was not exactly."""

    english: str
    log_prob: float | None = None
    truncated: bool = False
    exact: bool = False
    memory: str = ""  # a correction reused for a text that only nearly matches it


class Translator(Protocol):
    """Translates a batch of texts into English, in order.

    Taking whole batches lets a backend use one model call for everything and
    lets a cache sit in front of any translator. A backend may also offer
    ``translate_scored(texts) -> list[Translation]`` (scores feed the quality flags)
    and an ``identity`` string that changes whenever its output would: only a
    translator with an ``identity`` is cached, since two translators of the same
    ``name`` may well translate differently.
    """

    @property
    def name(self) -> str:
        """What this translator is, for the briefing's metadata."""
        ...

    def translate(self, texts: Sequence[str]) -> list[str]: ...


def translate_unique(
    translator: Translator,
    texts: Sequence[str],
    cache: TranslationCache | None = None,
) -> dict[str, Translation]:
    """Translate each distinct non-empty text once; map original → translation.

    Texts found in ``cache`` are not sent to the translator at all; when every text
    is cached, the translator is never called (and a model never loaded).
    """
    unique = list(dict.fromkeys(t for t in texts if t.strip()))
    if not unique:
        return {}
    identity = str(getattr(translator, "identity", None) or "")
    if not identity:
        cache = None  # without an identity, a cached translation could be another's
    found = {}
    if cache is not None:
        found = {
            t: Translation(c.english, c.log_prob) for t, c in cache.get(identity, unique).items()
        }
    missing = [t for t in unique if t not in found]
    if missing:
        scored = getattr(translator, "translate_scored", None)
        if scored is not None:
            fresh = list(scored(missing))
        else:
            fresh = [Translation(english) for english in translator.translate(missing)]
        if len(fresh) != len(missing):
            from briefgen.errors import TranslationError

            raise TranslationError(
                f"{translator.name}: returned {len(fresh)} translations for {len(missing)} texts"
            )
        new = dict(zip(missing, fresh, strict=True))
        if cache is not None:
            from briefgen.translate.cache import CachedText

            cache.put(
                identity,
                ((t, CachedText(tr.english, tr.log_prob, tr.truncated)) for t, tr in new.items()),
            )
        found.update(new)
    return {t: found[t] for t in unique}
