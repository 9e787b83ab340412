"""Fact, assessment or quote, and the speaker of a quote."""

from __future__ import annotations

import pytest

from briefgen.summarize.labels import label


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("政府は来年度の予算案を閣議決定した。", "ja", ("fact", None)),
        ("首相は「増税はしない」と語った。", "ja", ("quote", "首相")),
        ("外務省報道官は、会談は建設的だったと述べた。", "ja", ("quote", "外務省報道官")),
        ("また、野党の幹事長は法案に反対すると述べた。", "ja", ("quote", "野党の幹事長")),
        ("共同通信によると、会談は二時間に及んだ。", "ja", ("quote", "共同通信")),
        ("これによると、船は昨日入港したという。", "ja", ("quote", None)),
        ("「協議は続ける」と述べた。", "ja", ("quote", None)),
        ("会談は二時間に及んだと国営メディアが報じている。", "ja", ("quote", "国営メディア")),
        ("この動きは市場を動揺させたに違いない。", "ja", ("assessment", None)),
        ("最大の理由は中国とみる。", "ja", ("assessment", None)),
        ("合意は近いだろう。", "ja", ("assessment", None)),
        ("これは変わり目と言っていいもので、注目に値する。", "ja", ("assessment", None)),
        # Words reported in a clause the author's own judgement then answers.
        ("野党は「増税だ」と非難するが、実際は減税でしかない。", "ja", ("assessment", None)),
        ("The cabinet approved the budget.", "en", ("fact", None)),
        (
            '"We will not raise taxes," the prime minister said.',
            "en",
            ("quote", "the prime minister"),
        ),
        ("According to Reuters, the talks lasted two hours.", "en", ("quote", "Reuters")),
        ("The plan may fail.", "en", ("assessment", None)),
        ("Plan ei toimi.", "fi", ("fact", None)),  # no cues for Finnish: all facts
        ("東京では、首相が「辞めない」と述べた。", "ja", ("quote", "首相")),
        ("今日は雨だと伝えた。", "ja", ("quote", None)),
    ],
)
def test_labels(text: str, language: str, expected: tuple[str, str | None]) -> None:
    assert label(text, language) == expected


def test_seed_points_carry_labels(seed_briefing) -> None:  # type: ignore[no-untyped-def]
    (source,) = seed_briefing.sources
    points = [p for section in source.full_text for p in section.points]
    labels = {p.label for p in points}
    assert labels == {"fact", "assessment", "quote"}
    quote = next(p for p in points if p.text.original.startswith("ロシアによると"))
    assert quote.label == "quote" and quote.speaker is not None
    assert (quote.speaker.original, quote.speaker.english) == ("ロシア", "Russia")


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", '"Das muss länger werden", schreibt Seehofer im Brief.', ("quote", "Seehofer")),
        ("de", "Laut Seehofer ist das nötig.", ("quote", "Seehofer")),
        ("de", "Das dürfte teuer werden.", ("assessment", None)),
        ("de", "Der Minister traf die Richter.", ("fact", None)),
        ("fr", '"Je veux plus de trains", a aussi déclaré Jean-Baptiste Djebbari.',
         ("quote", "Jean-Baptiste Djebbari")),
        ("fr", "Selon le ministre, les trains reviendront.", ("quote", "le ministre")),
        ("fr", "Cela pourrait coûter cher.", ("assessment", None)),
        ("fr", "Le train part à huit heures.", ("fact", None)),
        ("es", '"Volverán", dijo García.', ("quote", "García")),
        ("es", "Esto podría costar mucho.", ("assessment", None)),
        ("es", "El tren sale a las ocho.", ("fact", None)),
        ("ru", "Премьер-министр Матеуш Моравецкий заявил, что он против.",
         ("quote", "Премьер-министр Матеуш Моравецкий")),
        ("ru", "Это, вероятно, дорого.", ("assessment", None)),
        ("ru", "Шольц прибыл в Варшаву.", ("fact", None)),
    ],
)  # fmt: skip
def test_other_languages(language: str, text: str, expected: tuple[str, str | None]) -> None:
    assert label(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("en", '"We rebuild," said Mayor Tom Brown of Riverton.', "Mayor Tom Brown of Riverton"),
        ("en", "According to the U.S. Coast Guard, three boats sank.", "the U.S. Coast Guard"),
        ("en", '"The roads are closed," the governor announced.', "the governor"),
        ("de", "Am Montag sagte der Minister, das sei falsch.", "der Minister"),
        ("de", "Heute Morgen sagte Olaf Scholz, er komme.", "Olaf Scholz"),
        ("ru", "«Мы поможем», — заявил глава МЧС Олег Ким.", "глава МЧС Олег Ким"),
    ],
)  # fmt: skip
def test_speakers_after_the_quote(language: str, text: str, speaker: str) -> None:
    assert label(text, language) == ("quote", speaker)


def test_cues_are_whole_words() -> None:
    assert label("Это поможет экономике.", "ru") == ("fact", None)  # может inside поможет
    assert label("Возможности роста ограничены.", "ru") == ("fact", None)
