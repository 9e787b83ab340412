"""Sources that mix languages: English sentences in a Japanese release stay English."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Recording

import briefgen
from briefgen.text.detect import sentence_language

BILINGUAL_RELEASE = """date 2026-04-02 新型観測衛星の打ち上げについて

宇宙機関は2日、新型観測衛星を来月打ち上げると発表した。
The space agency announced on the 2nd that it will launch a new observation satellite next month.
衛星は北極の海氷を毎日観測し、航路の安全に役立てる。
The satellite will observe Arctic sea ice every day to help keep shipping routes safe.
打ち上げ費用は約300億円で、国際共同研究として進める。
The launch will cost about 30 billion yen and is part of a joint international study.
"""


@pytest.mark.parametrize(
    ("text", "source_language", "expected"),
    [
        ("The ministry said the plan is final.", "ja", "en"),
        ("Toyota Motor Corp. reported record profits.", "ja", "en"),  # no common words
        ("宇宙機関は2日、発表した。", "ja", "ja"),
        ("NATO", "ja", "ja"),  # too short to say
        ("Der Minister sagte, dass die Züge wieder fahren.", "ja", "ja"),  # German: not English
        ("Die Regierung will die Pläne bis Montag vorlegen.", "de", "de"),
        ('"We will not give in to the pressure of the market," sagte er.', "de", "en"),
        ("El gobierno presentó el plan en la capital.", "es", "es"),
        ("The minister spoke.", "en", "en"),
        ("Правительство сообщило о новых мерах.", "ru", "ru"),
        ("The government announced new measures on Monday.", "ru", "en"),
    ],
)
def test_sentence_language(text: str, source_language: str, expected: str) -> None:
    assert sentence_language(text, source_language) == expected


def test_english_sentences_of_a_japanese_source_are_kept_and_never_picked_twice(
    tmp_path: Path,
) -> None:
    path = tmp_path / "release.txt"
    path.write_text(BILINGUAL_RELEASE, encoding="utf-8")
    translator = Recording()
    briefing = briefgen.make_briefing(path, translator=translator)
    (brief,) = briefing.sources
    assert brief.language == "ja"

    english_lines = [line for line in BILINGUAL_RELEASE.splitlines()[2:] if line.isascii()]
    assert not set(english_lines) & set(translator.asked)  # never sent to the model
    assert any("宇宙機関" in text for text in translator.asked)

    every = [point for section in brief.full_text for point in section.points]
    kept = [p.text for p in every if p.text.original in english_lines]
    assert [t.english for t in kept] == english_lines and not any(t.flags for t in kept)

    picked = [*brief.lede, *(p for section in brief.sections for p in section.points)]
    assert picked and all(not p.text.original.isascii() for p in picked)
