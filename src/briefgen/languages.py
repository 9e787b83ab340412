"""Language codes as readers name them, for messages and documents."""

from __future__ import annotations

LANGUAGE_NAMES = {
    "ja": "Japanese",
    "zh": "Chinese",
    "ko": "Korean",
    "ru": "Russian",
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}


def language_name(code: str) -> str:
    """``Japanese`` for ``ja``; an unknown code as it is."""
    return LANGUAGE_NAMES.get(code, code)
