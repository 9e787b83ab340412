"""Languages other than Japanese: words, sentences, language detection and dates.

Every entry of ``briefgen.text.languages.RULES`` is checked here; adding a language
means adding its entry and a line to ``SAMPLES``.
"""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from briefgen.ingest.text import detect_language
from briefgen.model import Sentence
from briefgen.summarize.dates import find_dates, timeline
from briefgen.text.languages import RULES
from briefgen.text.segment import split_sentences
from briefgen.text.tokenize import content_words

RESOLVABLE = {"一昨日", "昨日", "今日", "明日", "明後日", "先週", "今週", "来週", "昨年", "今年",
              "来年", "先月", "今月", "来月"}  # fmt: skip

# code: (two sentences, the first ending in an abbreviation's period mid-sentence,
#        a date as written in the text, and its ISO form)
SAMPLES = {
    "en": ("Dr. Smith met the ministers of the EU on March 3, 2024. They agreed.",
           "March 3, 2024", "2024-03-03"),
    "de": ("Der Minister hat am 14. Juli 2021 z. B. die Richter kritisiert. Sie schwiegen.",
           "14. Juli 2021", "2021-07-14"),
    "fr": ("M. Dupont a annoncé que les trains de nuit reviendront le 12 décembre 2021. "
           "Il a souri.", "12 décembre 2021", "2021-12-12"),
    "es": ("El Sr. García dijo que los trenes volverán el 5 de mayo de 2023. Nadie lo creyó.",
           "5 de mayo de 2023", "2023-05-05"),
    "it": ("Il sig. Rossi ha detto che i treni torneranno il 9 giugno 2022. Nessuno ci crede.",
           "9 giugno 2022", "2022-06-09"),
    "pt": ("O Sr. Silva disse que os trens vão voltar em 7 de março de 2025. Ninguém acreditou.",
           "7 de março de 2025", "2025-03-07"),
    "nl": ("Dhr. de Vries zei dat de treinen op 2 april 2024 terugkomen. Niemand gelooft het.",
           "2 april 2024", "2024-04-02"),
    "ru": ("В 2021 г. канцлер прибыл в Варшаву 12 декабря 2021 года. Он говорил о газе.",
           "12 декабря 2021", "2021-12-12"),
}  # fmt: skip


def test_every_language_has_a_sample() -> None:
    assert SAMPLES.keys() == RULES.keys()


@pytest.mark.parametrize("code", sorted(RULES))
def test_a_language_entry(code: str) -> None:
    rules = RULES[code]
    text, written, iso = SAMPLES[code]
    assert len(rules.months) == 12 and all(rules.months)
    assert set(rules.relative.values()) <= RESOLVABLE
    # Two sentences: the abbreviation's period (and the date's) ends none.
    cut = text.rindex(". ") + 1
    assert [s for s, _ in split_sentences(text, language=code)] == [text[:cut], text[cut + 1 :]]
    # Stop words out, words stemmed, nothing empty.
    words = content_words(text, code)
    assert words and all(words) and not set(words) & rules.stop_words
    assert detect_language(text) == code
    # The date, resolved the same way as a Japanese one.
    [event] = [e for e in timeline([Sentence("s1", text, 0, 0, (0, len(text)))], None, code)
               if not e.date.isdigit()]  # fmt: skip
    assert event.date == iso and event.resolution == "explicit"
    assert text[event.span[0] : event.span[1]] == written


def test_stems_make_forms_of_a_word_one() -> None:
    assert content_words("the trains", "en") == content_words("a train", "en") == ["train"]
    assert content_words("Richter", "de") == content_words("Richters", "de")


def test_dates_relative_to_the_source_and_carried() -> None:
    text = "Yesterday the minister said that last year was hard, and that on May 2 it ended."
    sentence = Sentence("s1", text, 0, 0, (0, len(text)))
    events = timeline([sentence], dt.date(2024, 1, 10), "en")
    assert [(e.date, e.resolution) for e in events] == [
        ("2024-01-09", "relative"),
        ("2023", "relative"),
        ("2023-05-02", "relative"),  # on or before the source date
    ]
    text = "Seit 2019 gilt das Gesetz, am 3. Oktober kam die Reform."
    sentence = Sentence("s1", text, 0, 0, (0, len(text)))
    assert [e.date for e in timeline([sentence], dt.date(2021, 12, 1), "de")] == [
        "2019",
        "2019-10-03",  # carried from the year just before
    ]
    assert [m.year for m in find_dates("2000 people came in 2000.", "en")] == [2000]


def test_chinese_dates_are_the_japanese_forms() -> None:
    text = "澳门大学于2021年11月11日举行典礼，去年也举行了。"
    sentence = Sentence("s1", text, 0, 0, (0, len(text)))
    assert [e.date for e in timeline([sentence], dt.date(2021, 11, 12), "zh")] == [
        "2021-11-11",
        "2020",
    ]


def test_chinese_and_korean_without_their_extras(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jieba", None)  # import jieba raises ImportError
    assert {"澳门", "大学"} <= set(content_words("澳门大学举行典礼", "zh"))
    from briefgen.text import tokenize

    monkeypatch.setattr(tokenize, "_kiwi", lambda: None)
    assert content_words("서울에서 대통령은 기자들에게 말했다.", "ko") == [
        "서울", "대통령", "기자들", "말했다",
    ]  # fmt: skip


def test_latin_script_languages_are_told_apart() -> None:
    assert detect_language("The minister said the trains would run again.") == "en"
    assert detect_language("NATO") == "en"  # nothing to go on: English
    assert detect_language("Der Minister sagte, dass die Züge wieder fahren.") == "de"


def test_chinese_words_with_jieba() -> None:
    pytest.importorskip("jieba", reason="the zh extra is not installed")
    words = content_words("澳门大学今日举行荣誉学位颁授典礼。", "zh")
    assert "澳门大学" in words and "典礼" in words and "的" not in words


def test_korean_words_with_kiwi() -> None:
    pytest.importorskip("kiwipiepy", reason="the ko extra is not installed")
    words = content_words("서울에서 대통령은 기자들에게 말했다.", "ko")
    assert {"서울", "대통령", "기자"} <= set(words)
    assert "에서" not in words and "은" not in words


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A range takes its year from its end, not from the source's date.
        ("en", "The summit ran from 3 July to 5 July 2021.", ["2021-07-03/2021-07-05"]),
        ("en", "It ran from December 28 to January 4, 2021.", ["2020-12-28/2021-01-04"]),
        ("de", "Er tagte vom 3. Juli bis 5. Juli 2021.", ["2021-07-03/2021-07-05"]),
        # A number after "of" or "after" is a quantity.
        ("en", "A crowd of 2000 people came after 2000 complaints.", []),
        # Morgen is the morning; only "heute" is a date.
        ("de", "Heute Morgen kam er.", ["2024-03-10"]),
        # Curly apostrophes, Russian months in the locative, Chinese 号.
        ("fr", "Aujourd’hui comme l’an dernier.", ["2024-03-10", "2023"]),
        ("ru", "Это было в мае 2021 года.", ["2021-05"]),
        ("zh", "典礼于11月11号举行。", ["2023-11-11"]),
        # English months have capitals: "may" and "march" are verbs.
        ("en", "They may march on May 5.", ["2024-05-05"]),
    ],
)
def test_date_forms(language: str, text: str, expected: list[str]) -> None:
    sentence = Sentence("s1", text, 0, 0, (0, len(text)))
    assert [e.date for e in timeline([sentence], dt.date(2024, 3, 10), language)] == expected
