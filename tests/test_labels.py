"""Fact, assessment or quote, and the speaker of a quote."""

from __future__ import annotations

import pytest

from briefgen.model import Sentence
from briefgen.summarize.labels import complete_statement, is_question, label, quote_holders


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
        # Another's words reported in the present are a quote; the speaker's own are not.
        ("委員長は審議が足りないと指摘しています。", "ja", ("quote", "委員長")),
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


def test_a_quotation_alone_is_a_quote() -> None:
    # An interview's answer: someone's words, whoever the neighbourhood says.
    assert label("「春には店を開けたい。準備は順調だと思う」", "ja") == ("quote", None)
    assert label("「開ける」と「閉める」は違う言葉だ。", "ja") == ("fact", None)


@pytest.mark.parametrize(
    ("text", "language", "complete"),
    [
        ("港の再開は来月になる見通しだ。", "ja", True),
        ("（ロンドン＝共同）英政府は新たな制裁を発表した。", "ja", True),  # a dateline
        ("市は来月から新しい制度を始めるといえる", "ja", True),  # a predicate, no 。
        ("主な特徴", "ja", False),  # a heading or list label
        ("重量：約3kg", "ja", False),  # a list row
        ("で、市の職員が住民に説明した。", "ja", False),  # the tail of a sentence
        ("（月〜水 9時〜）で、市の職員が説明した。", "ja", False),
        ("と思ってしまう。", "ja", False),
        ("The port will reopen next month.", "en", True),
        ("and the mayor agreed to it.", "en", False),
        ("Key features", "en", False),
    ],
)
def test_complete_statements(text: str, language: str, complete: bool) -> None:
    assert complete_statement(text, language) is complete


@pytest.mark.parametrize(
    ("text", "language", "question", "marked"),
    [
        ("市長はこの計画をどう思う？", "ja", True, True),
        ("再開はいつになるのか。", "ja", True, False),
        ("これは失策ではないか。", "ja", False, False),  # a claim put as a question
        ("Will the port reopen?", "en", True, True),
        ("The port reopened.", "en", False, False),
    ],
)
def test_questions(text: str, language: str, question: bool, marked: bool) -> None:
    assert is_question(text, language) is question
    assert is_question(text, language, marked_only=True) is marked


def _sentences(*texts: str) -> list[Sentence]:
    return [Sentence(f"s{n}", text, 0, n, (0, len(text))) for n, text in enumerate(texts)]


def test_quote_holders_come_from_the_neighbourhood() -> None:
    sentences = _sentences(
        "料理研究家の川村花子氏がラジオ番組に出演し、記者の質問に答えた。",
        "新しい店はいつ開く？",
        "「春には開けたい。準備は順調だと思う」",  # the interviewee's
        "川村さんは今の外食業界をどう見る？",
        "「厳しいが、工夫次第で客は戻る」",  # put to 川村さん
        "「私（川村）は毎朝市場に行く」",  # who says so in brackets
        "会場では多くの客が「おいしい」と話した。",  # a subject of its own: not hers
        "山本市長は記者会見で新しい計画を発表した。",
        "「市民の声を聞いて決めた」と述べた。",  # said, no subject: the mayor
        "地元紙の東西新聞によると、工事は来年始まる。",
        "それによると、費用は十億円を超える。",  # "according to it": the paper
    )
    labels = {s.id: label(s.text, "ja") for s in sentences}
    quote_holders(sentences, labels, "ja", ["川村花子", "山本", "東西新聞"])
    assert labels["s2"] == ("quote", "料理研究家の川村花子")
    assert labels["s4"] == ("quote", "川村")
    assert labels["s5"] == ("quote", "川村")
    assert labels["s6"] == ("quote", None)
    assert labels["s8"] == ("quote", "山本市長")
    assert labels["s10"] == ("quote", "地元紙の東西新聞")


def test_a_question_names_no_speaker_of_the_answer() -> None:
    sentences = _sentences(
        "元社員の田中氏が番組に出演し、質問に答えた。",
        "前社長はどんな人物か？",  # about him, not put to him
        "「穏やかな人だった」",
    )
    labels = {s.id: label(s.text, "ja") for s in sentences}
    quote_holders(sentences, labels, "ja", ["田中", "前社長"])
    assert labels["s2"] == ("quote", "元社員の田中")


# Written for this test: a speech says in the polite style what writing says plainly.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("区は通学路の点検を急ぐべきです。", "assessment"),
        ("学校の耐震化も進めるべきと思います。", "assessment"),
        ("制度の見直しを検討する必要があります。", "assessment"),
        ("利用が伸びない原因は周知の不足にあると考えております。", "assessment"),
        ("事業の効果は大きいと言えます。", "assessment"),
        ("今年度の利用者は三万人でございます。", "fact"),
        ("本年四月に新しい窓口を開設しました。", "fact"),
        ("次回の会合は来月です。", "fact"),
        # What must not be done, and the speaker's own saying of a judgement.
        ("過去の教訓を軽く扱ってはなりません。", "assessment"),
        ("同じ過ちを繰り返してはいけない。", "assessment"),
        ("地域で見守る仕組みが大切です。", "assessment"),
        ("市としても支援を続けるべきと申し添えておきます。", "assessment"),
        ("着工を急ぐべきであると申し上げます。", "assessment"),
        ("入館には身分証の提示が必要である。", "fact"),
        ("予算は昨年度より一割増えたと申し上げておきます。", "fact"),
    ],
)
def test_a_polite_judgement_is_an_assessment(text: str, expected: str) -> None:
    assert label(text, "ja") == (expected, None)
