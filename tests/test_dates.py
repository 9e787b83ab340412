"""The timeline: Japanese date expressions found and their years resolved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import SEED

from briefgen.ingest import read_source
from briefgen.model import Sentence
from briefgen.summarize.dates import dated_mentions, find_dates, timeline
from briefgen.text import segment_source

# What a reader puts on the seed's timeline (benchmarks/gold/seed.toml).
SEED_EVENTS = {
    "1943",
    "2024-07-21",
    "2024-07-25",
    "2024-10-02",
    "2025-08-15",
    "2025-08-18",
    "2025-08-28",
    "2025-08-31/2025-09-03",
}


def sentences(*texts: str, section: int = 0) -> list[Sentence]:
    return [Sentence(f"s{i + 1}", t, section, 0, (0, len(t))) for i, t in enumerate(texts)]


def dates(texts: list[Sentence], source_date: dt.date | None) -> list[tuple[str, str]]:
    return [(e.date, e.resolution) for e in timeline(texts, source_date)]


def dates_of_text(text: str, source_date: str | None) -> list[str]:
    """The dates of a text whose sentences end in 。, read with that article date."""
    texts = sentences(*(part + "。" for part in text.split("。") if part))
    when = dt.date.fromisoformat(source_date) if source_date else None
    return [date for date, _ in dates(texts, when)]


def test_seed_timeline_has_every_event_with_the_right_year() -> None:
    source = read_source(SEED)
    events = timeline(segment_source(source), source.date)
    found = {e.date for e in events}
    assert found >= SEED_EVENTS
    # Nothing else but the article's own year mentions (2025年, 昨年 = 2024).
    assert {e.date for e in events if len(e.date) == 4} == {"1943", "2025", "2024"}


@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        ("2024年7月21日に発表した。", "2025-09-11", [("2024-07-21", "explicit")]),
        (
            "令和7年に始まる。平成元年に終わった。",
            None,
            [("2025", "explicit"), ("1989", "explicit")],
        ),
        ("平成二十八年で四・三％。", None, [("2016", "explicit")]),
        ("２０２４年１０月２日に入った。", None, [("2024-10-02", "explicit")]),
        ("2007年度から開発する。", None, [("2007-04/2008-03", "explicit")]),
        ("2016年の12月に帰還する。", "2006-12-04", [("2016-12", "explicit")]),
        (
            "昨年と先月と来年1月8日。",
            "2007-12-28",
            [("2006", "relative"), ("2007-11", "relative"), ("2008-01-08", "relative")],
        ),
        # A January article speaking of 12月 means last December.
        ("12月28日に合意した。", "2025-01-10", [("2024-12-28", "relative")]),
        # An article of 28 February announcing 三月二日 means the coming one.
        ("三月二日から休校とする。", "2020-02-28", [("2020-03-02", "relative")]),
        ("12月28日〜1月4日は休む。", "2025-12-01", [("2025-12-28/2026-01-04", "relative")]),
        ("見本市は30日〜2日に開かれる。", "2025-09-10", [("2025-09-30/2025-10-02", "relative")]),
        # The next 29 February may be four years on.
        ("2月29日に施行される。", "2025-12-31", [("2028-02-29", "relative")]),
        # A bare day: its month from the same sentence, else the last such day.
        (
            "8月15日に会い、18日に別れた。",
            "2025-09-11",
            [("2025-08-15", "relative"), ("2025-08-18", "carried")],
        ),
        ("18日に発表した。", "2025-09-11", [("2025-08-18", "relative")]),
        # What is still to come is the nearest such day, after the source date too.
        ("日本は25日に第2戦でブラジルと対戦する。", "2026-06-20", [("2026-06-25", "relative")]),
        ("13日にも九州南部に上陸する見通しだ。", "2026-08-12", [("2026-08-13", "relative")]),
        ("会談は2日に開かれる。", "2026-08-30", [("2026-09-02", "relative")]),
        ("大会は28日に開幕する。", "2025-03-02", [("2025-03-28", "relative")]),
        ("5日に開かれた。", "2026-08-30", [("2026-08-05", "relative")]),
        ("10日間続いた。日本では3日目だった。", "2025-09-11", []),
        # Undated sources keep what the text says.
        ("8月15日に会った。", None, [("--08-15", "unresolved")]),
        # Not dates: words with 同年, impossible days, absurd numbers.
        ("同年齢の子どもと同年代の友人。", "2024-03-15", []),
        ("2024年2月30日と2月30日と来月31日に。", "2024-03-15", []),
        ("2024年2月29日に。", "2025-03-15", [("2024-02-29", "explicit")]),
        ("31日に決めた。", "2024-03-15", [("2024-01-31", "relative")]),  # not 2 February
        ("9999年12月31日〜1月2日。0000年1月。", None, [("9999-12-31", "explicit")]),
        ("1" * 5000 + "月に。", None, []),
        # Relative days join into a range like any other (from yesterday until today).
        ("昨日から今日まで。", "2024-03-15", [("2024-03-14/2024-03-15", "relative")]),
        (
            "本日から令和7年が始まった。",
            "2025-01-01",
            [("2025-01-01", "relative"), ("2025", "explicit")],
        ),
    ],
)
def test_forms_and_resolution(
    text: str, source_date: str | None, expected: list[tuple[str, str]]
) -> None:
    when = dt.date.fromisoformat(source_date) if source_date else None
    assert dates(sentences(text), when) == expected


def test_years_carry_to_the_next_sentences_of_a_section_but_not_plans() -> None:
    texts = sentences(
        "2024年7月21日に発表した。",
        "その直後の7月25日に飛行した。",
        "さらに同年10月2日に入った。",
        "2030年に完成する計画だ。",  # a plan: not carried
        "5月に発表した。",
    )
    assert dates(texts, dt.date(2025, 9, 11)) == [
        ("2024-07-21", "explicit"),
        ("2024-07-25", "carried"),
        ("2024-10-02", "carried"),
        ("2030", "explicit"),
        ("2025-05", "relative"),  # not 2030-05, nor 2024 from four sentences back
    ]


def test_a_year_does_not_carry_into_another_section() -> None:
    later = Sentence("s9", "7月25日に飛行した。", 1, 0, (0, 10))
    texts = [*sentences("2024年7月21日に発表した。"), later]
    assert dates(texts, dt.date(2025, 9, 11))[1] == ("2025-07-25", "relative")


def test_spans_point_at_the_text_as_written() -> None:
    text = "さらに同年10 月2 日、今度は"
    (mention,) = find_dates(text)
    assert text[mention.span[0] : mention.span[1]] == "同年10 月2 日"


def test_a_two_digit_year_after_the_full_one() -> None:
    texts = ["1995年に事件が起きた。", "95年の強制捜査の直前だった。", "20年の歴史がある。"]
    sentences = [Sentence(f"s{i}", t, 0, 0, (0, len(t))) for i, t in enumerate(texts, 1)]
    events = timeline(sentences, dt.date(2012, 1, 13))
    assert [(e.date, e.resolution, e.sentence_id) for e in events] == [
        ("1995", "explicit", "s1"),
        ("1995", "carried", "s2"),  # 20年 of history is no date
    ]


def test_durations_are_not_two_digit_years() -> None:
    texts = ["2010年に始まった。", "過去10年で売上が倍増した。", "10年かけて完成した。"]
    sentences = [Sentence(f"s{i}", t, 0, 0, (0, len(t))) for i, t in enumerate(texts, 1)]
    assert [e.date for e in timeline(sentences, dt.date(2020, 1, 1))] == ["2010"]


def test_a_range_takes_the_year_of_its_end() -> None:
    text = "会期は7月3日から2021年7月5日までだった。"
    sentence = Sentence("s1", text, 0, 0, (0, len(text)))
    assert [e.date for e in timeline([sentence], dt.date(2024, 3, 10))] == ["2021-07-03/2021-07-05"]


def test_a_speech_s_own_today_is_no_event() -> None:
    texts = [
        "本日はご遺族の了解も得て、二つの例を紹介いたします。",
        "本日、政府は新しい方針を発表した。",
        "以上で本日の質問を終わります。",
    ]
    sentences = [Sentence(f"s{i}", t, 0, 0, (0, len(t))) for i, t in enumerate(texts, 1)]
    events = timeline(sentences, dt.date(2020, 2, 28))
    assert [(e.date, e.sentence_id) for e in events] == [("2020-02-28", "s2")]


def test_the_same_bare_day_twice_is_the_same_day() -> None:
    texts = sentences(
        "18日にワシントンD.C.で首脳会談が行われた。",
        "そして18日の首脳会談に、欧州の首脳が同行する前代未聞の行動につながった。",
    )
    assert dates(texts, dt.date(2025, 9, 11)) == [
        ("2025-08-18", "relative"),
        ("2025-08-18", "relative"),
    ]


def test_the_seed_briefing_has_one_row_per_event_and_no_repeated_sentence() -> None:
    import briefgen

    (brief,) = briefgen.summarize_sources(SEED).sources
    rows = [(e.date, e.text.original) for e in brief.timeline]
    assert {date for date, _ in rows} >= SEED_EVENTS
    assert len({text for _, text in rows}) == len(rows)  # no sentence repeated
    assert len({date for date, _ in rows}) == len(rows)  # 18日 twice is one row
    # A sentence with two dates gives each its own clause.
    assert ("2025-08-15", "8月15日にアラスカでの米露首脳会談") in rows


def test_undated_articles_carry_the_year_forward_and_roll_into_the_next() -> None:
    texts = sentences(
        "2019年11月に最初の感染者が確認された。",
        "12月には市内で流行が始まった。",
        "1月23日に都市が封鎖された。",
        "3月に封鎖が解かれた。",
        "8月15日に式典が開かれた。",
    )
    assert [e.date for e in timeline(texts, None)] == [
        "2019-11",
        "2019-12",
        "2020-01-23",
        "2020-03",
        "2020-08-15",
    ]


def test_an_undated_article_without_a_year_says_unresolved() -> None:
    texts = sentences("8月15日に会った。", "きのう発表した。", "18日に別れた。")
    assert dates(texts, None) == [("--08-15", "unresolved"), ("--08-18", "unresolved")]


def test_what_the_seed_s_source_folder_holds_is_a_source_not_a_date() -> None:
    # Place names and idioms with numerals.
    texts = sentences("四日市市と十日町市を訪れ、三日坊主にならないよう五月雨式に続けた。")
    assert dates(texts, dt.date(2025, 9, 10)) == []


# The classes of failure the second development set showed (tests/dates_fresh/
# development2.toml), each in sentences written for this test, with the other side of
# the rule beside it: what the rule must leave dated.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # Today's, tomorrow's of what lasts is the present, the future; of what happens, a day.
        ("今日の世界経済は不透明だ。明日の若者に託す。", "2025-09-10", []),
        ("昨日の敵と組んだ。今日の私たちがある。", "2025-09-10", []),
        (
            "今日の会議で決めた。あすの東京の天気は雨。きのうの日本代表の試合は引き分けた。",
            "2025-09-10",
            ["2025-09-10", "2025-09-11", "2025-09-09"],
        ),
        # An amount stressed by も; the 5th is still the 5th when も means "also".
        ("一日も欠かさず練習した。3日も経たずに売り切れた。", "2025-09-10", []),
        ("4日に続き5日も協議した。", "2025-09-10", ["2025-09-04", "2025-09-05"]),
        # A trip's days after its nights, a duration's months after its years.
        ("3泊4日の研修に参加した。懲役1年6月を求刑した。", "2025-09-10", []),
        ("刑期は2年。6月に出所した。", "2025-09-10", ["2025-06"]),
        # What recurs every year, a company's accounting year.
        ("例年の7月は雨が多い。毎年9月に開かれる。3月決算の会社。", "2025-09-10", []),
        # Days counted from an event that is no date; a range's end after its start.
        ("開店から5日で1万人が訪れた。", "2025-09-10", []),
        ("28日から3日まで休む。", "2025-09-10", ["2025-09-28/2025-10-03"]),
        # Weekdays of a routine; a weekday that is one day.
        ("窓口は原則として火曜日と木曜日に開く。", "2025-09-10", []),
        ("首相は木曜日に訪米する。", "2025-09-10", ["2025-09-11"]),
        # A bare day earlier than its sentence's month-day is not that month's.
        ("8月29日に開幕し、2日に閉幕する。", "2025-08-20", ["2025-08-29", "2025-09-02"]),
        (
            "昨年12月20日の事故を受け、国は7日、指針を改めた。",
            "2026-01-09",
            ["2025-12-20", "2026-01-07"],
        ),
        ("7月1日に着工し、20日に完成した。", "2025-09-10", ["2025-07-01", "2025-07-20"]),
        # Looking ahead to a date; a state that lasts until a date, or began on one.
        ("決勝を10月2日に控え、練習に励んでいる。", "2025-09-25", ["2025-10-02"]),
        ("市立図書館は15日まで休館している。", "2025-09-10", ["2025-09-15"]),
        ("市立図書館は5日から休館している。", "2025-09-10", ["2025-09-05"]),
        ("市は3日までに報告書を提出している。", "2025-09-10", ["2025-09-03"]),
        ("展示は28日から3日まで開かれている。", "2025-10-01", ["2025-09-28/2025-10-03"]),
        # The quotative と the dictionary reads as a conditional: the main verb decides.
        ("政府は8日、会合を開くと発表した。", "2025-09-10", ["2025-09-08"]),
        ("組合は29日、5日に集会を開くと発表した。", "2025-12-30", ["2025-12-29", "2026-01-05"]),
        # A quote's relative word counts from the day it was spoken; else from the article's.
        (
            "社長は15日、「きのうの会議で決めた」と語った。",
            "2025-09-17",
            ["2025-09-15", "2025-09-14"],
        ),
        ("社長は「きのうの会議で決めた」と語った。", "2025-09-17", ["2025-09-16"]),
        (
            "社長は31日、「あすから値上げする」と述べた。",
            "2026-01-02",
            ["2025-12-31", "2026-01-01"],
        ),
    ],
)
def test_the_second_development_set_s_classes(
    text: str, source_date: str, expected: list[str]
) -> None:
    when = dt.date.fromisoformat(source_date)
    assert [date for date, _ in dates(sentences(text), when)] == expected


def test_a_quote_spoken_on_a_written_day_counts_from_it_in_an_undated_article() -> None:
    texts = sentences("2019年4月30日、首相は「きのうの式典は感動的だった」と述べた。")
    assert dates(texts, None) == [("2019-04-30", "explicit"), ("2019-04-29", "relative")]


# The classes of failure the third development set showed (tests/dates_fresh/
# development3.toml), each in sentences written for this test, with the other side of
# the rule beside it.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # 同日 and 翌日 count from the last date that named a day, past a month between.
        (
            "組合は12日、来月上旬にストを行うと決めた。委員長は同日午後に会見した。",
            "2025-09-14",
            [("2025-09-12", "relative"), ("2025-10", "relative"), ("2025-09-12", "carried")],
        ),
        (
            "組合は12日にストを行った。委員長は同日午後に会見した。",
            "2025-09-14",
            [("2025-09-12", "relative"), ("2025-09-12", "carried")],
        ),
        # A number of days as a verb's object, a rate, a shift is an amount; not a date
        # after を with a time of day, nor one a day is moved to.
        (
            "休養日を1日挟み、試合は1日数回、1日8往復、1日平均で2割増えた。大会は1日順延された。",
            "2025-09-14",
            [],
        ),
        ("平年より2日遅い。", "2025-09-14", []),
        (
            "臨時閣議を2日午前に開いた。大会は3日に順延された。",
            "2025-09-14",
            [("2025-09-02", "relative"), ("2025-09-03", "relative")],
        ),
        ("会議は5日遅くまで続いた。", "2025-09-14", [("2025-09-05", "relative")]),
        # A two-digit year opening a clause, or with its month, after a year written in
        # full: the one of its century nearest that year; inside a noun or before の, none.
        (
            "1934年に生まれた。62年に賞を受け、戦争末期の45年7月に疎開した。",
            "2025-09-14",
            [("1934", "explicit"), ("1962", "carried"), ("1945-07", "carried")],
        ),
        (
            "2025年の成長率は1％。24年は0.1％だった。",
            "2026-02-16",
            [("2025", "explicit"), ("2024", "carried")],
        ),
        (
            "2010年に創業した。築40年の社屋で、戦後80年の式典を開いた。50年の歴史がある。",
            "2025-09-14",
            [("2010", "explicit")],
        ),
        # After a month-day without its year (an undated text), the next day is unresolved.
        (
            "祭りは8月2日に開かれた。翌日は片付けが行われた。",
            None,
            [("--08-02", "unresolved"), ("--08-03", "unresolved")],
        ),
        (
            "2023年8月2日に開かれた。翌日は片付けが行われた。",
            None,
            [("2023-08-02", "explicit"), ("2023-08-03", "carried")],
        ),
    ],
)
def test_the_third_development_set_s_classes(
    text: str, source_date: str | None, expected: list[tuple[str, str]]
) -> None:
    when = dt.date.fromisoformat(source_date) if source_date else None
    assert dates(sentences(text), when) == expected


# The classes of the third development set the next pass found (its remaining misses),
# in sentences written for this test, each rule stated in the code where it is made.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # "About" qualifies the date: a state lasting until about a day still ends ahead.
        (
            "気象台は、8月4日ごろまで警戒を呼びかけている。",
            "2027-08-01",
            [("2027-08-04", "relative")],
        ),
        # A past verb decides the act, not the end of what it set: the nearest such day.
        ("市は、3月2日まで図書館を休館にした。", "2027-02-25", [("2027-03-02", "relative")]),
        ("県は10日まで外出の自粛を要請した。", "2027-06-08", [("2027-06-10", "relative")]),
        ("組合は4月2日まで抗議を続けた。", "2027-06-08", [("2027-04-02", "relative")]),
        # A date that starts a thing (からの) is the date of a noun, not of the verb.
        (
            "8月30日からの雨量が記録を超えるおそれがある。",
            "2027-09-02",
            [("2027-08-30", "relative")],
        ),
        # The value of a noun that names a day is the day set, not when it was set.
        ("協議会は、竣工日を6月12日に決めた。", "2027-05-20", [("2027-06-12", "relative")]),
        ("協議会は、方針を19日に決めた。", "2027-05-20", [("2027-05-19", "relative")]),
        # A year written earlier carries only into a date a tense places in its past.
        (
            "同社は2019年4月に設立された。申込期限は4月20日。",
            "2027-04-10",
            [("2019-04", "explicit"), ("2027-04-20", "relative")],
        ),
        (
            "同社は2019年4月に設立された。6月には工場を建てた。",
            "2027-04-10",
            [("2019-04", "explicit"), ("2019-06", "carried")],
        ),
        # A year word names the year of the months after it in its sentence.
        (
            "一昨年は5月下旬に開かれたが、今回は秋に開く。",
            "2027-03-10",
            [("2025", "relative"), ("2025-05", "relative")],
        ),
        # Ranges: a two-digit end year in its start's century, a range of fiscal years,
        # an end in next year named by a word, a weekday between, a month only at the end.
        (
            "2021年10月から23年3月までに製造した。",
            "2027-04-10",
            [("2021-10/2023-03", "explicit")],
        ),
        ("2026〜28年度の計画を決めた。", "2025-12-01", [("2026-04/2029-03", "explicit")]),
        (
            "展覧会は11月20日から来年2月8日まで開く。",
            "2027-09-01",
            [("2027-11-20/2028-02-08", "relative")],
        ),
        (
            "大会は14日（金）から16日（日）まで開く。",
            "2027-05-03",
            [("2027-05-14/2027-05-16", "relative")],
        ),
        (
            "調査を8日から11月30日まで実施する。",
            "2027-07-05",
            [("2027-07-08/2027-11-30", "relative")],
        ),
        # A two-digit fiscal year with no year written in full: the nearest the article's.
        ("予算は29年度に倍増する。", "2028-12-01", [("2029-04/2030-03", "carried")]),
        # A month of every year (its normal, its average) is no date.
        ("6月の平年値を上回る雨が降った。", "2027-07-01", []),
    ],
)
def test_the_third_development_set_s_remaining_classes(
    text: str, source_date: str | None, expected: list[tuple[str, str]]
) -> None:
    when = dt.date.fromisoformat(source_date) if source_date else None
    assert dates(sentences(text), when) == expected


def test_an_undated_narrative_rolls_into_the_next_year_only_from_late_to_early() -> None:
    rolled = sentences("2011年12月20日に着工した。", "3月5日に完成した。")
    assert dates(rolled, None)[-1] == ("2012-03-05", "carried")
    looked_back = sentences("1998年の大会は2月7日に開幕した。", "先立つ1月28日、聖火が着いた。")
    assert dates(looked_back, None)[-1] == ("1998-01-28", "carried")


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # The event an anaphora names is the one the text dated, not the last date.
        (
            ("市は3日に式典を開いた。", "県は7日、予算を発表した。", "式典の翌日、視察に出た。"),
            [("2027-06-03", "relative"), ("2027-06-07", "relative"), ("2027-06-04", "carried")],
        ),
        (
            ("大会は15日に開幕し、開幕の前日には前夜祭がある。",),
            [("2027-06-15", "relative"), ("2027-06-14", "carried")],
        ),
        # An event the text never dated gives no day.
        (("会談の前日に電話した。",), []),
    ],
)
def test_a_day_anaphora_counts_from_the_event_it_names(
    texts: tuple[str, ...], expected: list[tuple[str, str]]
) -> None:
    assert dates(sentences(*texts), dt.date(2027, 6, 10)) == expected


# A relative word that reports no day: in a saying or a joke (what the sentence calls
# the quote right after it), or after a supposition's condition; the other side kept.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "社長は「昨日ダイエットを始めて、今日もうやめました」と冗談を飛ばし、会場を沸かせた。",
            [],
        ),
        ("「明日は明日の風が吹く」ということわざがある。", []),
        ("「昨日の我に今日は勝て」という言葉がある。", []),
        ("仮に交渉が決裂すれば、明日にも市場は混乱する。", []),
        ("首相は「あす正式に表明する」と述べた。", ["2027-06-11"]),
        ("関係者によると、「あす決める」という。", ["2027-06-11"]),
        ("組合は、仮に交渉が決裂すれば18日にストを行うと表明した。", ["2027-06-18"]),
    ],
)
def test_sayings_jokes_and_suppositions_date_nothing(text: str, expected: list[str]) -> None:
    found = dates(sentences(text), dt.date(2027, 6, 10))
    assert [date for date, _ in found] == expected


# The classes the fourth development set showed (tests/dates_fresh/development4.toml,
# read after it was scored once), each in sentences written for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # A month-day after を is a date, not an amount of days (only a bare day can be).
        ("運賃を来年4月1日乗車分から改定する。", "2027-10-01", ["2028-04-01"]),
        # A difference from a base, the base of a ratio, a shift's size: no dates.
        ("桜は例年より5日早く咲いた。", "2027-03-20", []),
        ("解除により2007年10月に帰国した。", "2007-12-28", ["2007-10"]),  # により: by
        ("排出を2013年度比で46％減らす。", "2027-03-20", []),
        ("新商品は10日より販売する。", "2027-03-05", ["2027-03-10"]),
        ("試合を1日繰り下げて8日に行う。", "2027-03-05", ["2027-03-08"]),
        # A day set for something is ahead, whatever the tense of setting it.
        ("県は、開館日を10月18日に決めた。", "2027-03-05", ["2027-10-18"]),
        # A range set off by a comma bounds the verb after it; 以来 is since a past day.
        (
            "首相は、5月1日から6日まで、欧州を訪問すると発表した。",
            "2027-04-28",
            ["2027-05-01/2027-05-06"],
        ),
        ("来日は1月以来となる。", "2027-04-28", ["2027-01"]),
        # A year followed by 以来 starts no narration; a year word before の frames nothing.
        (
            "値上げは2023年以来だ。同社は11月末までに説明を終えていた。",
            "2027-12-01",
            ["2023", "2027-11"],
        ),
        ("来年の日程を12月中に決める。", "2027-11-04", ["2028", "2027-12"]),
        # The day before an event named as one word, from the day the text gave it.
        (
            "橋は2月14日に開通する。市は30日、開通日を発表した。開通前日には催しがある。",
            "2027-10-01",
            ["2028-02-14", "2027-09-30", "2028-02-13"],
        ),
        # A relative word and its day are one date.
        ("あす29日に届け出た夫婦に記念証を贈る。", "2028-02-28", ["2028-02-29"]),
        # A place's tomorrow is its future, no day.
        ("明日の北浜市をつくるのは市民だ。", "2027-01-05", []),
        # A month before a suffix names a thing (5月病); before a noun it is the month of
        # that thing (9月総裁選), before a noun of an act when it happens.
        (
            "いわゆる5月病が増えた。9月総裁選は27日に投開票される。",
            "2027-09-01",
            ["2027-09", "2027-09-27"],
        ),
        ("前回の10月会合で利上げが提案された。", "2027-12-17", ["2027-10"]),
    ],
)
def test_the_fourth_development_set_s_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# The fourth development set's remaining classes, in sentences written for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # The month a statistic covers is that month; a kanji day before a noun of an act
        # is a date, before another noun the start of a word.
        ("7月分の統計は8月31日に公表される。", "2027-08-01", ["2027-07", "2027-08-31"]),
        ("町長選は二十日告示される。", "2027-10-15", ["2027-10-20"]),
        ("三日月が見えた。十日町で祭りがある。", "2027-10-15", []),
        # A year is carried only into past narration; a year word ends the narration.
        (
            "市は令和9年度から改修に入る計画で、式典は5月10日に開く。",
            "2025-04-30",
            ["2027-04/2028-03", "2025-05-10"],
        ),
        (
            "2015年に協定が採択された。今年で10年となる。日本は2月に目標を出した。",
            "2025-10-15",
            ["2015", "2025", "2025-02"],
        ),
        # Ranges of fiscal years (their last March), of era years, of months; a start
        # whose year its relative end tells; relative starts and ends.
        ("2026年度から28年度までの計画を示した。", "2026-02-20", ["2026-04/2029-03"]),
        ("令和8〜10年度を対象とする。", "2025-08-27", ["2026-04/2029-03"]),
        ("禁止期間を12月15日から来年2月末までとした。", "2025-11-14", ["2025-12-15/2026-02"]),
        ("今年1〜6月の倒産は多かった。1〜6月期の利益は減った。", "2025-07-01", ["2025-01/2025-06"]),
        ("この冬（昨年12月〜先月）は暖かかった。", "2026-03-02", ["2025-12/2026-02"]),
        ("会議は来月10日から21日まで開かれる。", "2025-10-15", ["2025-11-10/2025-11-21"]),
        # A weekday of the week after the last day told; the same day years before.
        (
            "12月7日にパレードを行い、雨天なら翌週の日曜日に延期する。",
            "2025-11-28",
            ["2025-12-07", "2025-12-14"],
        ),
        ("首相は「80年前のきょう、戦争が終わった」と述べた。", "2025-08-15", ["1945-08-15"]),
        # A four-digit number of years ago is a span, no year; no day before the first year.
        ("「3000年前のきょう」と語った。2025年前半は好調だった。", "2025-08-15", ["2025"]),
        # A saying cited, an idiom, "to this day": no days.
        ("「明日は明日の風が吹く」とは言うものの、不安は残る。", "2025-12-19", []),
        ("明日をも知れぬ時代に始まり、今日まで受け継がれてきた。", "2027-01-15", []),
    ],
)
def test_the_fourth_development_set_s_remaining_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


@pytest.mark.parametrize(
    ("language", "texts", "source_date", "expected"),
    [
        # A weekday written with a month-day chooses the year it agrees with, and a year
        # carried from a target (2030年) that disagrees with it is no year at all.
        ("ja", ("大会は12月12日（日）に開いた。",), "2028-02-01", ["2027-12-12"]),
        ("ja", ("大会は12月12日（日）に開いた。",), "2026-02-01", ["2021-12-12"]),
        ("ja", ("2030年を目標とした。", "12月12日（日）に会見した。"), None, ["2030", "--12-12"]),
        ("fr", ("Il l'a affirmé dimanche 12 décembre.",), "2021-12-14", ["2021-12-12"]),
        (
            "fr",
            ("En 2030, dix lignes.", "Il l'a affirmé dimanche 12 décembre."),
            None,
            ["2030", "--12-12"],
        ),
    ],
)
def test_a_weekday_with_a_month_day_chooses_its_year(
    language: str, texts: tuple[str, ...], source_date: str | None, expected: list[str]
) -> None:
    when = dt.date.fromisoformat(source_date) if source_date else None
    found = timeline(sentences(*texts), when, language)
    assert [event.date for event in found] == expected


# The fifth development set's classes (tests/dates_fresh/development5.toml, read after
# it was scored once), each in sentences written for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # A bare day goes on from a day its sentence wrote only where that month has it,
        # on its weekday; from a month alone it does not go on.
        ("9月1日に合わせ、訓練を31日（日）に行う。", "2025-08-29", ["2025-09-01", "2025-08-31"]),
        ("2024年1月に被災した町で、31日までに退去した。", "2028-03-31", ["2024-01", "2028-03-31"]),
        # A plan's day (16日の予定) and a topic's day said without a verb are to come.
        ("合格発表は16日の予定。", "2028-02-28", ["2028-03-16"]),
        ("投開票は26日。", "2026-07-10", ["2026-07-26"]),
        # A relative day with its month-day is one date.
        ("県は、あす9月1日から制限を強める。", "2028-08-31", ["2028-09-01"]),
        # Ranges from a relative day, to a relative month or fiscal year.
        ("窓口をきょうから来年3月末まで設ける。", "2024-09-02", ["2024-09-02/2025-03"]),
        ("収集をきょう31日から来月3日まで休む。", "2027-12-31", ["2027-12-31/2028-01-03"]),
        ("2026年度から昨年度までの契約を調べる。", "2029-06-04", ["2026-04/2029-03"]),
    ],
)
def test_the_fifth_development_set_s_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # Parts of today and yesterday, ことし, a year's end in words.
        (
            "首相はけさ、官邸に入った。昨夜は雨だった。ことしは暑い。",
            "2028-05-09",
            ["2028-05-09", "2028-05-08", "2028"],
        ),
        ("昨年暮れに始めた。去年の年末にも会った。", "2028-05-09", ["2027-12", "2027-12"]),
        # この日 is the day the text reports on; その翌月, 翌々年 from the date before.
        (
            "市長は8日、会見を開いた。前回は2022年7月10日だった。市長はこの日、謝罪した。",
            "2028-05-09",
            ["2028-05-08", "2022-07-10", "2028-05-08"],
        ),
        ("1955年11月3日に受章し、その翌月に引退した。", None, ["1955-11-03", "1955-12"]),
        ("1972年に入社し、翌々年に結婚した。", None, ["1972", "1974"]),
        # 同年 and 同月 are the year and month the text last named, not a day's.
        (
            "2024年1月の地震で被災した町で、31日までに退去した。ピーク時の同年8月には千人がいた。",
            "2028-03-31",
            ["2024-01", "2028-03-31", "2024-08"],
        ),
        (
            "政府は3月に基本方針をまとめた。法案は5日に閣議決定され、同月中の成立を目指す。",
            "2025-06-10",
            ["2025-03", "2025-06-05", "2025-06"],
        ),
        # Two days 両日, a day of a week told, the same moment in brackets.
        ("例大祭は14、15の両日に開かれる。", "2028-10-13", ["2028-10-14/2028-10-15"]),
        ("来週12日の閣議で決めたい。", "2028-09-04", ["2028-09-12"]),
        ("閉会式は30日（日本時間31日）に行われる。", "2028-07-14", ["2028-07-30", "2028-07-31"]),
        # A quote's relative words count from the day the text reports on.
        (
            "岡部は16日、サヨナラ打を放った。試合後は「きのうの夜、電話があった」と話した。",
            "2024-05-17",
            ["2024-05-16", "2024-05-15"],
        ),
        # Comparisons, an index's base, a duration of years, a day as an object, a poem:
        # no dates; a birth month and a day that bounds something are.
        ("事故は昨年の同じ時期より5件多い。指数（2020年=100）は107.8だった。", "2028-05-09", []),
        ("1916年2月生まれの111歳。", "2027-09-13", ["1916-02"]),
        ("2015年の開始以来、13年にわたり愛された。", "2028-06-30", ["2015"]),
        ("明日を信じて石を積んだ。サービスは本日をもって終了した。", "2028-06-30", ["2028-06-30"]),
        ("俳人は「あすより伸ぶる　ひかりあり」と詠んだ。", "2027-12-20", []),
    ],
)
def test_the_fifth_development_set_s_remaining_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# Found by an adversarial reader of this session's rules, in sentences of their own:
# each construction is ordinary news, and the rule that first broke it now holds it.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        ("昨年12月には、25日に臨時会合を開いた。", "2025-09-10", ["2024-12", "2024-12-25"]),
        ("今年2月の大会では、15日に決勝が行われた。", "2025-09-10", ["2025-02", "2025-02-15"]),
        ("新商品は5月ごろ発売される見通しだ。", "2025-03-10", ["2025-05"]),
        ("同社は4月付で社長が交代した。", "2025-05-10", ["2025-04"]),
        ("与党は7月参院選で過半数を維持した。", "2025-08-10", ["2025-07"]),
        ("男は3日に逮捕され、同日中に送検された。", "2025-09-10", ["2025-09-03", "2025-09-03"]),
        (
            "同施設は2023年3月に開業した。4月の利用者数は約10万人で、当初の見込みを上回った。",
            "2025-09-10",
            ["2023-03", "2023-04"],
        ),
        (
            "昨年12月5日に成立した改正法が1日、施行された。この日、各地の窓口には行列ができた。",
            "2025-04-01",
            ["2024-12-05", "2025-04-01", "2025-04-01"],
        ),
        (
            "首相は2日、記者会見し、15日に訪米すると発表した。この日は首脳会談が予定されている。",
            "2025-09-03",
            ["2025-09-02", "2025-09-15", "2025-09-15"],
        ),
        (
            "2011年3月11日に被害を受けた市では、この日、追悼式が開かれた。",
            "2025-03-11",
            ["2011-03-11", "2025-03-11"],
        ),
        (
            "2019年4月19日に起きた事故の裁判で、地裁は判決を言い渡した。遺族は「きょうの判決で一区切りついた」と語った。",
            "2025-09-10",
            ["2019-04-19", "2025-09-10"],
        ),
        ("九州では、あすを中心に大雨の恐れがある。", "2025-07-10", ["2025-07-11"]),
        ("創立100周年のきょうを迎え、式典が開かれた。", "2025-08-05", ["2025-08-05"]),
        ("男の姿が最後に確認されたのは3日。", "2025-09-10", ["2025-09-03"]),
        ("当初は5日の予定だった着工が、資材不足で遅れている。", "2025-09-10", ["2025-09-05"]),
        ("7月の平均気温は平年を2.8度上回った。", "2025-08-01", ["2025-07"]),
        ("厚生労働省より3日付で通知があった。", "2025-09-10", ["2025-09-03"]),
        ("たとえば、きょう公表された統計では増えた。", "2025-08-01", ["2025-08-01"]),
        ("県もしくは市の発表によれば、あす午前に解除される。", "2025-08-01", ["2025-08-02"]),
        ("催しは20、21両日、市役所前広場で開かれる。", "2025-09-10", ["2025-09-20/2025-09-21"]),
    ],
)
def test_what_an_adversarial_reader_found(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# The sixth development set's classes (tests/dates_fresh/development6.toml, read after it
# was scored once), each in sentences written for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # A plan that was may have come or not (the nearest); one that is, ahead. The day
        # a thing is moved to is no past event.
        (
            "大会は17日に予定されていたが、24日に延期された。委員会が19日、発表した。",
            "2024-08-19",
            ["2024-08-17", "2024-08-24", "2024-08-19"],
        ),
        ("決勝は30日に予定されている。", "2030-02-28", ["2030-03-30"]),
        ("男性は5日に下山する予定だったが、戻らなかった。", "2029-05-07", ["2029-05-05"]),
        # Which weekday a date falls on is no event; a verbless period's end is ahead.
        (
            "1日が土曜日に当たったため、入社式は3日に開かれた。",
            "2028-04-03",
            ["2028-04-01", "2028-04-03"],
        ),
        ("会期は19日まで。", "2027-02-26", ["2027-03-19"]),
        # Someone's tomorrow, tomorrow as a goal, a law's number: no days.
        (
            "明日への希望を語る。日本の明日は地方にある。明日の陽光電機を担うのは皆さんだ。",
            "2028-04-03",
            [],
        ),
        ("予算は平成10年法律第25号に基づく。", "2028-04-03", []),
        # 翌朝; a span with times of day; a move from one day to another is two days.
        ("地震は5日に起きた。翌朝、救助が始まった。", "2024-01-08", ["2024-01-05", "2024-01-06"]),
        ("大雨は29日夜から30日朝にかけて続いた。", "2028-07-31", ["2028-07-29/2028-07-30"]),
        ("試合は4日からきょう5日に順延された。", "2026-10-05", ["2026-10-04", "2026-10-05"]),
        # この日 is the day a date last told, not an anaphora's; an aside in brackets
        # frames no month and is no day reported on; a list shares its verb.
        (
            "準決勝は16日に行われた。前日の試合で敗れたが、この日は逆転した。",
            "2027-05-17",
            ["2027-05-16", "2027-05-15", "2027-05-16"],
        ),
        (
            "大会（3月18日開幕）の抽選会を前に、交流会が28日に開かれた。",
            "2030-02-28",
            ["2030-03-18", "2030-02-28"],
        ),
        ("24日と25日には、音楽イベントが開かれる。", "2028-12-01", ["2028-12-24", "2028-12-25"]),
        (
            "試合は18日（日本時間19日）に行われた。投手は「きょうは良かった」と話した。",
            "2030-05-20",
            ["2030-05-18", "2030-05-19", "2030-05-18"],
        ),
        # A statistic's day takes no year from narration; 今年度分 is the fiscal year's.
        (
            "2005年ごろ、会社は危機にいた。内定率は3月15日時点で92.6％だった。",
            "2028-04-03",
            ["2005", "2028-03-15"],
        ),
        ("今年度分の申請は、あす締め切られる。", "2028-02-28", ["2027-04/2028-03", "2028-02-29"]),
        # 本日をもちまして is a day even said as a speech's act; a remark that made people
        # laugh still dates its tomorrow (from the day the text reports on).
        (
            "店長は「本日をもちまして営業を終了いたします」とあいさつした。",
            "2030-09-30",
            ["2030-09-30"],
        ),
        (
            "鳴海は13日、防衛に成功した。試合後は「あしたは一日中寝ていたい」と笑わせた。",
            "2030-10-14",
            ["2030-10-13", "2030-10-14"],
        ),
    ],
)
def test_the_sixth_development_set_s_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# The seventh development set's classes, in sentences written for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # A chain of verbs (訪れ、…要請する考え) takes its tense from the verb it ends in.
        (
            "市長は15日の会見で、22日に県庁を訪れ、支援を要請する考えを示した。",
            "2029-05-15",
            ["2029-05-15", "2029-05-22"],
        ),
        # A holiday frames no month for the bare days after it.
        (
            "年賀状を元日に届けるには、24日までに出してほしい。",
            "2026-12-14",
            ["2027-01-01", "2026-12-24"],
        ),
        # A verb before よう asked for in the past takes its time from the asking.
        ("市は業者に8日までに報告するよう求めていた。", "2030-07-15", ["2030-07-08"]),
        # A day word that says it is its own is a saying.
        ("監督は「今日は今日の風が吹く」と語った。", "2030-07-15", []),
    ],
)
def test_the_seventh_development_set_s_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# An adversarial reader's sentences against the eighth set's rules, each a regression
# of a first version of them: a thing looked ahead to from a state that was, from
# hearsay or inside a quote is undecided (the nearest); a verbal noun after を N日
# is the amount's own verb.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        (
            "検察側の冒頭陳述によると、被告は6日の株主総会を前に、帳簿の数字を書き換えていた。",
            "2027-07-15",
            ["2027-07-06"],
        ),
        (
            "監督は22日、「18日の決勝を前に、選手には普段通りでいいと伝えた」と振り返った。",
            "2027-08-22",
            ["2027-08-22", "2027-08-18"],
        ),
        (
            "5日に入学式を控えていた女子生徒が、2日に事故で亡くなっていたことが分かった。",
            "2027-04-09",
            ["2027-04-05", "2027-04-02"],
        ),
        (
            "政府は、10日の回答期限に向けて米側と協議を重ねていたが、合意には至らなかった。",
            "2027-02-15",
            ["2027-02-10"],
        ),
        ("男性社員の田中さんは、長女の誕生に合わせて育児休業を5日取得した。", "2027-04-10", []),
        ("劇団は好評を受け、東京公演を3日追加した。", "2027-04-10", []),
        ("県は、橋の補修工事の工期を30日延伸した。", "2027-04-10", []),
        (
            "新制度は4月1日に始まるが、市は15日から申請を受け付けている。",
            "2027-03-20",
            ["2027-04-01", "2027-03-15"],
        ),
    ],
)
def test_an_adversarial_reader_s_sentences_for_the_eighth_set_s_rules(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# The eighth development set's classes, in sentences written for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # A thing looked ahead to (の…に向けた, を前に) from a past act is after that act,
        # which news tells of the last few days: not last month's.
        (
            "知事選は5日告示され、22日の投開票に向けた論戦が始まった。",
            "2027-11-05",
            ["2027-11-05", "2027-11-22"],
        ),
        ("22日の投開票を前に、各候補が最後の訴えを行った。", "2027-11-23", ["2027-11-22"]),
        ("14日の首脳会談を前に、外相が現地入りした。", "2031-02-02", ["2031-02-14"]),
        # After を, a day before the noun of the act done that day is a date; before a
        # verb it is an amount.
        (
            "県選管は知事選を10日告示、27日投開票の日程で行う。",
            "2027-09-01",
            ["2027-09-10", "2027-09-27"],
        ),
        ("工期を5日延ばした。", "2027-09-01", []),
        # A month written before a bare day is not carried where it gives a date its own
        # tense rules out: the day it became known is no later than the article.
        (
            "2月3日に訪日する方向で調整していることが20日、明らかになった。",
            "2030-01-20",
            ["2030-02-03", "2030-01-20"],
        ),
    ],
)
def test_the_eighth_development_set_s_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# An adversarial reader's sentences against the ninth set's first rules, each a
# regression of them (now right): 今回 that tells of the reporting or compares, a
# year's この日 told the day after, a month-day looked ahead to in a past report, a
# month framed by an event clause, この年 (age) and 年金, a quoted 「4月1日開業」.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        (
            "1995年1月17日未明、淡路島北部を震源とする地震が起きた。"
            "今回取材に応じた女性は、2月上旬まで避難所で暮らした。",
            "2025-01-16",
            ["1995-01-17", "1995-02"],
        ),
        (
            "2014年の前回大会は横浜市で開かれた。今回と同じく、9月15日に開幕した。",
            "2025-08-01",
            ["2014", "2014-09-15"],
        ),
        (
            "6日、広島は原爆の日を迎えた。1945年のこの日、米軍機が原爆を投下した。",
            "2025-08-07",
            ["2025-08-06", "1945-08-06"],  # 1945年のこの日: one date
        ),
        (
            "年度末の3月31日を前に、補助金の駆け込み申請が相次いでいたことが、県のまとめで"
            "分かった。",
            "2025-04-08",
            ["2025-03-31"],
        ),
        (
            "2月に開かれた全国大会では、15日の決勝で地元の高校が初優勝した。",
            "2025-06-10",
            ["2025-02", "2025-02-15"],
        ),
        (
            "国民年金は1961年に始まった。この年金制度は、現役世代の保険料で給付を賄う。",
            "2025-06-01",
            ["1961"],
        ),
        ("駅前には「4月1日開業」と書かれた看板が立てられた。", "2025-03-10", ["2025-04-01"]),
        ("与党内では「11月解散」論が浮上している。", "2025-09-10", ["2025-11"]),
    ],
)
def test_an_adversarial_reader_s_sentences_for_the_ninth_set_s_rules(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# The ninth development set's classes (long analysis and commentary), in sentences
# written for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # A quote's relative words count from a day told outside quotes, not from a day
        # inside an earlier quote.
        (
            "町長は「7月12日に避難指示を出した」と振り返り、「来年3月までに復旧させる」と語った。",
            "2029-03-30",
            ["2028-07-12", "2030-03"],
        ),
        # A sentence whose topic is this time (今回は, 今回の選挙は) is back from the
        # background's years.
        (
            "2019年の選挙は混乱した。今回の選挙は4月に告示された。",
            "2027-08-01",
            ["2019", "2027-04"],
        ),
        # A year's この日 is the month-day the text reports on (else the article's) in
        # that year.
        ("1995年のこの日、大きな地震が起きた。", "2026-01-17", ["1995-01-17"]),
        # A range of a thing (にかけての大雨) is no state's end; な tells no time.
        (
            "13日から15日にかけての記録的な大雨で、被害が出ている。",
            "2030-07-16",
            ["2030-07-13/2030-07-15"],
        ),
        # A date looked ahead to by を前に.
        ("4月1日を前に、準備が急ピッチで進んでいる。", "2027-03-20", ["2027-04-01"]),
        # A span of years goes on in its last year; a year word's きょう is this day of
        # that year.
        (
            "同社は2016〜17年に3工場を閉じた。最後の工場は2月に操業を終えた。",
            "2026-05-01",
            ["2016/2017", "2017-02"],
        ),
        ("一昨年のきょう、市は新庁舎を開いた。", "2026-06-01", ["2024", "2024-06-01"]),
        # Elapsed years and anniversaries are counts.
        ("制度は2014年に始まり、10年が過ぎた。", "2024-11-05", ["2014"]),
        ("政権交代の2009年から20年の節目を迎えた。", "2029-01-07", ["2009"]),
        # 同じ日 and その年 are anaphora.
        (
            "法案は28日に成立した。同じ日の本会議では別の法案も可決された。",
            "2030-03-29",
            ["2030-03-28", "2030-03-28"],
        ),
        ("2019年は選挙の年だった。その年の投票率は低かった。", "2031-01-05", ["2019", "2019"]),
        # Names: 週休3日, a weekly programme, a year that opens a quoted name.
        ("市は週休3日制を導入する。", "2029-01-07", []),
        ("日曜討論で各党が議論した。", "2029-01-07", []),
        ("物流の「2030年問題」が懸念される。", "2029-01-07", []),
        ("開業は「2034年以降」とした。", "2029-01-07", ["2034"]),
        # A plan noun as an argument (方針を転換した) tells no plan.
        (
            "町は2016年11月に取り壊しを決めた。町は2月に方針を転換した。",
            None,
            ["2016-11", "2017-02"],
        ),
    ],
)
def test_the_ninth_development_set_s_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# The tenth development set's classes (news of every section), in sentences written
# for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # An event's day is the one before the brackets that tell it another way.
        (
            "大会は10日（日本時間11日未明）の開会式で開幕する。競技は開会式前日の9日に始まる。",
            "2030-02-03",
            ["2030-02-10", "2030-02-11", "2030-02-09", "2030-02-09"],
        ),
        # A plan that stands (予定されている) is ahead.
        ("市内では8日に、合同の防災訓練が予定されている。", "2031-09-02", ["2031-09-08"]),
        # 同月 counts past a day's anaphora, from the month the text wrote.
        (
            "県が20日発表した4月の求人倍率は1.2倍だった。市が同日発表した同月の失業率は2％だった。",
            "2029-05-20",
            ["2029-05-20", "2029-04", "2029-05-20", "2029-04"],
        ),
        # 同日付 is the dictionary's one word for that day's.
        ("知事は1日、新部署を設けた。人事は同日付で発令された。", "2029-04-01", ["2029-04-01"] * 2),
        # What follows a date (に続く) tells no time of it.
        ("市場では、3月に続く利上げを見込む声が多い。", "2030-04-30", ["2030-03"]),
        # A schedule told as held (日程で行われた, 日程のツアーの帰りだった) is no plan; one set
        # (日程で行うことを決めた) is.
        ("バスは27日から2泊3日の日程で巡るツアーの帰りだった。", "2030-04-30", ["2030-04-27"]),
        ("市長選は15日投開票の日程で行われた。", "2031-12-20", ["2031-12-15"]),
        (
            "政府は総選挙を5日公示、17日投開票の日程で行うことを決めた。",
            "2031-11-28",
            ["2031-12-05", "2031-12-17"],
        ),
    ],
)
def test_the_tenth_development_set_s_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# The eleventh development set's classes (the middle and end of political, court and
# policy articles), in sentences written for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # A session named by the month it opens in is a name, not a date.
        ("市議会6月定例会で可決された条例が1日、施行された。", "2025-07-01", ["2025-07-01"]),
        ("9月定例県議会に補正予算案を出す。", "2026-08-20", []),
        # A topic's day told by a copula that goes on: to come, unless the topic is a time
        # gone by (前回) or the same topic goes on in the past (公示は…で、…選挙戦だった).
        ("会期末は7月20日で、与党は法案の成立を急いでいる。", "2026-06-10", ["2026-07-20"]),
        ("前回の選挙は12月20日で、投票率は過去最低だった。", "2026-01-10", ["2025-12-20"]),
        ("告示は6月2日で、17日間の選挙戦だった。", "2026-07-01", ["2026-06-02"]),
        ("会期末は6月22日で、政府は法案の提出を見送った。", "2026-05-20", ["2026-06-22"]),
        # 同日 in a past sentence is a day that has come, not the plan's day before it.
        (
            "政府は28日の閣議で、首相が4月8日から10日までインドを訪問すると決めた。"
            "官房長官は同日の記者会見で日程を説明した。",
            "2025-03-28",
            ["2025-03-28", "2025-04-08/2025-04-10", "2025-03-28"],
        ),
        # 同日 starts no clause: the day before it shares the verb after it.
        (
            "臨時国会は26日に召集され、首相は同日、所信表明演説に臨む。",
            "2026-01-08",
            ["2026-01-26", "2026-01-26"],
        ),
        # A time of the day joined by の is the time of the act, not a thing of the day.
        ("元日の夕方に起きた地震で、町は大きな被害を受けた。", "2025-12-30", ["2025-01-01"]),
        # An anaphora of an event no date tells, beside the day it is.
        (
            "首相は5月1日から4日まで欧州を訪れる。帰国翌日の5日には、国会で成果を報告する予定だ。",
            "2027-04-20",
            ["2027-05-01/2027-05-04", "2027-05-05", "2027-05-05"],
        ),
        (
            "告示翌日の11日から20日まで、期日前投票が行われた。",
            "2027-04-25",
            ["2027-04-11", "2027-04-11/2027-04-20"],
        ),
        # 17日には、: the comma after the particles sets the day to the main verb.
        (
            "首相は17日には、会期末を控えた国会で党首討論に臨む見通しだ。",
            "2026-05-30",
            ["2026-06-17"],
        ),
        # A year a comparison is made with is told of, but the text does not go on in it.
        (
            "投票率は52.1％で、前回2022年を3ポイント上回った。期日前投票は6月26日から11日まで行われた。",
            "2026-07-13",
            ["2022", "2026-06-26/2026-07-11"],
        ),
        # A state (…ており、) is begun, whatever the clause after it tells.
        (
            "条例案は14日に可決されており、市は来月の施行を目指す。",
            "2026-11-02",
            ["2026-10-14", "2026-12"],
        ),
        # A thing the sentence expects on a day: the day is to come.
        (
            "知事選は6月28日の投開票が有力視され、各党が候補者選びを急ぐ。",
            "2027-01-05",
            ["2027-06-28"],
        ),
        # A verb of being tells no plan: the year the sentence wrote goes on in it.
        (
            "2019年の台風の後には、知事が10月15日に現地を視察した例がある。",
            "2026-05-01",
            ["2019", "2019-10-15"],
        ),
        # A schedule's days share its verb, and a month-day may end the list.
        (
            "衆院選は8日公示、同月20日投開票の日程となる。",
            "2031-06-30",
            ["2031-07-08", "2031-07-20"],
        ),
        (
            "党は代表選を3日告示、11月15日投開票の日程で行うと決めた。",
            "2028-10-25",
            ["2028-11-03", "2028-11-15"],
        ),
        # A year told as the start of a time that reaches now (…の就任以来) is not gone on in.
        (
            "現職は2023年4月の就任以来、初めての選挙に臨んだ。9月8日の告示以来、論戦が続いた。",
            "2027-09-30",
            ["2023-04", "2027-09-08"],
        ),
        # A lede's past day set off by a comma is the day its quotes were said.
        (
            "代表は昨年12月20日、本紙の取材に応じた。「来年は正念場になる」と語った。",
            "2027-01-03",
            ["2026-12-20", "2027"],
        ),
        # 前年 is the year before the one told, unless its clause compares with it.
        (
            "堤防は2026年7月4日に決壊した。判決は、県が前年の点検で劣化を把握していたと指摘した。",
            "2030-02-28",
            ["2026-07-04", "2025"],
        ),
        ("訪日客数は4500万人で、前年を11％上回った。", "2028-01-31", []),
        ("入試の不正は12件で、前年の14件を下回った。", "2029-01-15", []),
        ("売上高は前年実績にとどまった。", "2029-01-15", []),
        (
            "2024年に地震があった。前年から続く紛争は収まっていない。",
            "2026-05-01",
            ["2024", "2023"],
        ),
        # 前年度: before the fiscal year the text told, else before the article's.
        ("長官には、前年度まで次官を務めた人物が就いた。", "2030-04-01", ["2029-04/2030-03"]),
        (
            "市は今年度、新しい局を設けた。局は前年度まで二つの部に分かれていた。",
            "2024-06-01",
            ["2024-04/2025-03", "2023-04/2024-03"],
        ),
        # What usually happens names months of any year.
        ("予算案は2月に国会へ出されれば、3月末までに成立するのが通例だ。", "2026-05-01", []),
    ],
)
def test_the_eleventh_development_set_s_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# An adversarial reader's sentences against the eleventh set's rules (110 written for
# the rules, main before 83 right, the first rules 82, narrowed 104): the ones the first
# rules broke, each now right — a time of day is no schedule (12日夜、13日に), what
# usually happens is the sentence's own ending and names months (not 常務, 常任, 常に,
# 一般的, nor a report's day), 同日 with a verb of its own to come is the plan's day, a
# compared year goes on where the text turns to that time (前回は), an expectation must
# be the predicate (予測が難しく is none), a monthly 定例記者会見 is dated, and a day
# joined to an act's noun by の keeps the tense of the clause after it.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        (
            "首相は12日夜、13日に予定していた被災地の視察を延期すると発表した。",
            "2025-07-13",
            ["2025-07-12", "2025-07-13"],
        ),
        (
            "首相は28日午後、29日から米国を訪問すると発表した。",
            "2025-07-29",
            ["2025-07-28", "2025-07-29"],
        ),
        ("4月1日付で、佐藤氏が常務取締役に就任する。", "2025-02-20", ["2025-04-01"]),
        (
            "国連安全保障理事会は5日、緊急会合を開いたが、ロシアが常任理事国として拒否権を行使した。",
            "2025-06-06",
            ["2025-06-05"],
        ),
        (
            "15日に開かれた会合では、委員から「現場が常に人手不足だ」との声が上がった。",
            "2025-05-17",
            ["2025-05-15"],
        ),
        (
            "県警が23日に発表した統計によると、被害者は65歳以上の高齢者であることが多い。",
            "2025-04-25",
            ["2025-04-23"],
        ),
        (
            "総務省が12日に発表した調査で、20代はニュースをSNSで知ることが多いことが分かった。",
            "2025-06-13",
            ["2025-06-12"],
        ),
        (
            "10月1日に始まった新制度では、オンラインでの申請が一般的だ。",
            "2025-10-15",
            ["2025-10-01"],
        ),
        (
            "政府は例年12月に予算案を閣議決定するのが通例で、今回も27日に決定する見通しだ。",
            "2025-12-10",
            ["2025-12-27"],
        ),
        (
            "外務省は9日、首相が20日に訪米すると発表した。同日に大統領と会談することで日米が合意した。",
            "2025-07-10",
            ["2025-07-09", "2025-07-20", "2025-07-20"],
        ),
        (
            "自民党は9日の総務会で、総裁選を10月4日に投開票する日程を決めた。同日に両院議員総会を開くことも確認した。",
            "2025-09-10",
            ["2025-09-09", "2025-10-04", "2025-10-04"],
        ),
        (
            "外務省は5日、首相が15日に訪中すると発表した。同日には国家主席との会談も調整している。",
            "2025-08-06",
            ["2025-08-05", "2025-08-15", "2025-08-15"],
        ),
        (
            "政府は2日、天皇、皇后両陛下が8日から英国を訪問されると発表した。同日には国王夫妻主催の歓迎行事に臨まれることも明らかにした。",
            "2025-06-03",
            ["2025-06-02", "2025-06-08", "2025-06-08"],
        ),
        (
            "投票率は58.85%で、前回2021年を2.92ポイント上回った。前回は10月31日に投開票された。",
            "2025-07-21",
            ["2021", "2021-10-31"],
        ),
        (
            "1日の大雨は予測が難しく、気象庁は警報の発表が遅れたと説明した。",
            "2025-07-05",
            ["2025-07-01"],
        ),
        (
            "市長は4月定例記者会見で、新庁舎の建設計画を見直す考えを示した。",
            "2025-04-25",
            ["2025-04"],
        ),
        (
            "3日閉幕の全国高校総体で優勝した選手が20日、市長を表敬訪問した。",
            "2025-08-21",
            ["2025-08-03", "2025-08-20"],
        ),
    ],
)
def test_an_adversarial_reader_s_sentences_for_the_eleventh_set_s_rules(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# The twelfth development set's classes (society, business, assembly minutes and
# digests), in sentences written for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # A plan noun that makes a compound names a kind of thing, no plan.
        (
            "3日から計画停電を続けていたが、6日に解除された。",
            "2025-07-07",
            ["2025-07-03", "2025-07-06"],
        ),
        # An undated text's year word is back in its own unknown year.
        (
            "初開催は1990年5月3日だった。今年は雨で中止となり、来年の日程を11月中に決める。",
            None,
            ["1990-05-03", "--11"],
        ),
        # 前夜 is the day before the day last told.
        (
            "決勝は5日に行われる。前夜には壮行会が開かれる。",
            "2026-12-30",
            ["2027-01-05", "2027-01-04"],
        ),
        # A topic's own act on a day is no day set for it; a value set still is.
        (
            "審査日程は27日に始まり、28日までに終わった。",
            "2027-03-01",
            ["2027-02-27", "2027-02-28"],
        ),
        ("回答日は18日に設定されている。", "2026-02-20", ["2026-03-18"]),
        ("議論の日程は8月に決まった。", "2026-09-10", ["2026-08"]),
        # 同12日: a day of the month last told, past a year told since.
        (
            "一般公開は5月3日から始まる。昨年は雨に泣いた。最終日の同6日には花火を上げる。",
            "2026-04-20",
            ["2026-05-03", "2025", "2026-05-06"],
        ),
        # An anaphora beside its day is that day.
        (
            "判決は20日に言い渡される。被告の母親は前日の9日、取材に応じた。",
            "2027-07-10",
            ["2027-07-20", "2027-07-09", "2027-07-09"],
        ),
        # A day a clause names, set by the verb after it.
        (
            "組合は28日、交渉が山場を迎える日を3月12日に設定した。",
            "2029-02-28",
            ["2029-02-28", "2029-03-12"],
        ),
        # The weekday a date is (1日が日曜日だった) is no event of its own.
        ("1日が日曜日だったため、2日に式を開いた。", "2029-04-03", ["2029-04-01", "2029-04-02"]),
        # 去る and 来る say whether the date has gone or is coming.
        ("去る九月二十五日から受け付けを始めております。", "2024-09-20", ["2023-09-25"]),
        ("来る十月三日には説明会を開きました。", "2024-09-20", ["2024-10-03"]),
        # A day of every other month, a count over a period: no dates.
        ("年金は偶数月の十五日に支給される。", "2025-04-01", []),
        ("昨年は月間で十日の真夏日を記録した。", "2025-04-01", ["2024"]),
        # A verb of being whose subject a past verb modifies tells of a past act.
        ("男は3月下旬、現金を盗んだ疑いがある。", "2026-02-10", ["2025-03"]),
        # Undated: a written year told of the past is no plan's year, nor a plan's year
        # another's.
        (
            "工場は1985年に操業を始めた。売却先とは9月末までに契約を結ぶ予定だ。",
            None,
            ["1985", "--09"],
        ),
        ("完成は2031年度に。住民説明会は6月5日から。", None, ["2031-04/2032-03", "--06-05"]),
    ],
)
def test_the_twelfth_development_set_s_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


def test_a_month_word_in_a_quote_counts_from_the_month_it_was_said() -> None:
    text = "社長は3月末の説明会で「来月には受注が戻る」と述べていたが、需要は落ち込んだ。"
    assert dates_of_text(text, "2026-07-20") == ["2026-03", "2026-04"]


def test_a_digest_s_headings_are_read_for_dates_and_an_item_with_a_sentence_is_none(
    tmp_path: Path,
) -> None:
    digest = tmp_path / "digest.txt"
    digest.write_text(
        "date 2026-05-29 朝のまとめ\n\n【28日の主な動き】\n・県、新計画を決定\n"
        "◇日銀、27、28日の会合で金利を据え置き。次回は7月\n・市、ごみ袋を値上げ\n",
        encoding="utf-8",
    )
    source = read_source(digest)
    assert [s.heading for s in source.sections] == ["【28日の主な動き】"]
    headings = [section.heading for section in source.sections]
    found = dated_mentions(source.title, segment_source(source), source.date, "ja", None, headings)
    assert [e.date for e in found] == ["2026-05-28", "2026-05-27/2026-05-28", "2026-07"]


# An adversarial reader's sentences against the twelfth set's rules (171 written for the
# rules; main before 99 right, the first rules 146, narrowed 157): the ones the first
# rules broke, each now right — a month that dates a quote only as its occasion or after
# its comma, a quote's 今年 is the speaker's, a topic's day moved or drawing near is set,
# a clause's day is set only by a setting verb, 去る after its subject is the verb — and
# 同N日 in the year its sentence told.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        (
            "5月末に完成した新庁舎について、市長は「来月には業務を始める」と述べた。",
            "2025-09-10",
            ["2025-05", "2025-10"],
        ),
        (
            "2月に就任した学長は「来月から改革に着手する」と語った。",
            "2025-06-10",
            ["2025-02", "2025-07"],
        ),
        ("男性は1992年に「今年は勝負の年だ」と語り、8月に独立した。", None, ["1992", "1992-08"]),
        ("応募の締め切りは20日に延長された。", "2025-03-05", ["2025-03-20"]),
        ("投票日は26日に迫った。", "2025-10-20", ["2025-10-26"]),
        ("買い物客が集中した日は29日だった。", "2026-01-05", ["2025-12-29"]),
        ("低気圧が去る14日以降、作業が本格化する見通しだ。", "2025-09-10", ["2025-09-14"]),
        (
            "市は6月8日に説明会を開いた。昨年は同11日に開催していた。",
            "2025-06-20",
            ["2025-06-08", "2024", "2024-06-11"],
        ),
    ],
)
def test_an_adversarial_reader_s_sentences_for_the_twelfth_set_s_rules(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# The thirteenth development set's classes (political analysis, foreign wires, press
# conferences, schedules of culture and science), in sentences written for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # A quote of several sentences: the one that begins inside it is still quoted,
        # and a day a quote tells is not the day the text reports on.
        (
            "記者「今週で会期が終わります。法案は27日に成立しましたが」"
            "大臣「あすから施行の準備に入ります」",
            "2026-06-30",
            ["2026-06-27", "2026-07-01"],
        ),
        # What ends with its own subject is an event, not the speaker's closing.
        ("本日で受け付けが終わります。", "2026-06-30", ["2026-06-30"]),
        # Elapsed time, a stressed amount, a duration: no dates.
        ("施行から20日たてば効力を失う。", "2026-06-30", []),
        ("知事が辞意を表明してから5日。", "2026-06-30", []),
        ("残る任期は半年で、1日も無駄にできない。", "2026-06-30", []),
        ("前回は集計の確定までに3日かかった。", "2026-06-30", []),
        # A date's weekday as its predicate, nouns an anaphora starts: no events.
        (
            "投票日の7月12日は日曜日のため、前日に集会を開く。",
            "2026-06-30",
            ["2026-07-12", "2026-07-11"],
        ),
        ("与党内には衆参同日選への警戒がある。", "2026-06-30", []),
        ("元日の夜には前日譚の特番を流す。", "2026-12-27", ["2027-01-01"]),
        # An anaphora of an undated text's unresolved day is unresolved too.
        ("新駅は4月1日に開業する。開業前日には式典を開く。", None, ["--04-01", "--03-31"]),
        # A month with a relative year in an undated text: its month, unresolved.
        ("委員会は、選挙を来年6月3日に行うと発表した。", None, ["--06-03"]),
        # What is aimed at, and the occasion it is aimed at in, is ahead.
        ("市長は11月2日の市長選で3選を目指している。", "2026-01-10", ["2026-11-02"]),
        ("同社は20日の株主総会に向け、準備を進めている。", "2026-06-25", ["2026-07-20"]),
        # The day of an act named as a thing takes no tense from the verb after it.
        ("16日投開票の知事選は、投票まで10日を切った。", "2027-01-06", ["2027-01-16"]),
        # An adjective before its noun tells no time.
        (
            "28日に審議が始まり、与野党が激しい攻防を続けている。",
            "2026-06-30",
            ["2026-06-28"],
        ),
        # A season or half of a year before 以来 is told as a base, not carried.
        (
            "議長国を務めるのは2019年上半期以来となる。首相は元日の演説で決意を述べた。",
            "2030-01-02",
            ["2019", "2030-01-01"],
        ),
        # A weekday told with the date that follows it is that date.
        ("来週の火曜日に当たる3月3日に会合を開く。", "2026-02-26", ["2026-03-03", "2026-03-03"]),
        # An anaphora counts from the day told first, not one restated in brackets.
        (
            "会合は現地時間9日夜（日本時間10日朝）に開かれた。外相は同日、声明を出した。",
            "2026-06-10",
            ["2026-06-09", "2026-06-10", "2026-06-09"],
        ),
        # A weekly rule and a weekly slot name no day; a plan that was may have passed.
        ("美術館は火曜日は休館で、会期は6月7日まで。", "2026-05-02", ["2026-06-07"]),
        ("土曜夜の人気番組が秋に終わる。", "2026-05-02", []),
        ("当初は28日に予定していたが、雨で延びていた。", "2026-05-01", ["2026-04-28"]),
        # A weekday of a week told can start a range.
        (
            "来週の木曜日から元日まで窓口を開く。",
            "2030-12-20",
            ["2030-12-26/2031-01-01"],
        ),
        # What follows a condition is ahead; 振り返れば is a way of speaking.
        (
            "識者は「補選で敗れれば、9月の代表選での続投は難しい」とみる。",
            "2027-01-08",
            ["2027-09"],
        ),
        ("振り返れば、3月には市庁舎が全焼した。", "2027-12-28", ["2027-03"]),
    ],
)
def test_the_thirteenth_development_set_s_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# An adversarial reader's sentences against the thirteenth set's rules (179 written for
# the rules; main before 108 right, the rules 160): variants of the ones the first rules
# broke or missed — an aim that was (狙ったが) and an act done ahead of a day (…を前に
# 伝えていたという) tell no future; a stressed adjectival noun is "even one day" only
# for one day; ranges from a day's anaphora; an act's day looked ahead to.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        ("選手は5日の決勝で初優勝を狙ったが、2位に終わった。", "2025-02-12", ["2025-02-05"]),
        ("部長は4日の会議を前に退職の意向を伝えていたという。", "2027-09-10", ["2027-09-04"]),
        ("県は31日も慎重な運転を呼びかけている。", "2025-08-31", ["2025-08-31"]),
        (
            "式典は6月2日に開く。展示は同日から20日までの予定だ。",
            "2026-05-20",
            ["2026-06-02", "2026-06-02/2026-06-20"],
        ),
        ("市場は10月3日から同月9日まで休む。", "2026-09-20", ["2026-10-03/2026-10-09"]),
        (
            "13日投開票の市長選に向けた選挙戦が6日、始まった。",
            "2026-09-08",
            ["2026-09-13", "2026-09-06"],
        ),
    ],
)
def test_an_adversarial_reader_s_sentences_for_the_thirteenth_set_s_rules(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


def test_one_day_told_twice_side_by_side_is_one_timeline_row(tmp_path: Path) -> None:
    import briefgen

    source = tmp_path / "a.txt"
    source.write_text(
        "date 2025-04-02 入学式\n\n入学式は来週の月曜日に当たる4月7日に行われる。"
        "判決は10日に言い渡された。前日の9日には、支援者が集会を開いた。"
        "工事は3月4日に始まり、同日から通行止めとなる。\n",
        encoding="utf-8",
    )
    (briefing,) = briefgen.summarize_sources([source]).sources
    rows = [(e.date, e.phrase) for e in briefing.timeline]
    assert [date for date, _ in rows].count("2025-04-07") == 1
    assert [date for date, _ in rows].count("2025-03-09") == 1
    assert [date for date, _ in rows].count("2026-03-04") == 2  # two acts of one day


# A second reader of the code found these breaks in the thirteenth set's first rules; in
# sentences written for this test: a source or an exception is no condition (…によれば、),
# a past act listed with a future one keeps its own time, an anaphora is a noun's start
# only as that whole word (同日選, not 翌日選出された, 同日代表質問), a polite past aim has
# passed, a weekly slot is one noun phrase (not 水曜の会見を伝えた番組), and これまで is
# no point to count from.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        ("同紙によれば、4日の会議で合意した。", "2026-07-10", ["2026-07-04"]),
        ("工場は2日に停止、9日に再開する予定だ。", "2026-05-04", ["2026-05-02", "2026-05-09"]),
        (
            "委員長は8日に退任した。後任は翌日選出された。",
            "2026-06-18",
            ["2026-06-08", "2026-06-09"],
        ),
        (
            "議会は4日に開会し、同日代表質問が行われた。",
            "2026-06-18",
            ["2026-06-04", "2026-06-04"],
        ),
        ("5日の大会で優勝を目指しましたが、2位でした。", "2026-03-10", ["2026-03-05"]),
        ("知事は、水曜の会見を伝えた番組に出演した。", "2026-06-18", ["2026-06-17"]),
        ("美術館は月曜日は休館し、火曜日に開館する。", "2025-06-18", ["2025-06-24"]),
    ],
)
def test_a_code_reader_s_breaks_of_the_thirteenth_set_s_rules(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


def test_a_day_asked_for_or_counted_before_a_rule_is_still_a_date() -> None:
    assert len(dates_of_text("野党は採決日として20日を要求している。", "2026-03-10")) == 1
    found = dates_of_text("締め切りはこれまで15日だったが、今回は25日に延ばした。", "2026-03-05")
    assert len(found) == 2


# The fourteenth stop's rules, in sentences written for this test: a change measured from
# a year or month word compares, a sentence whose predicate is a future month's event lends
# that month to the next, and an act that is the predicate tells its tense by its copula.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # The base a change is measured from: no date; what began then: a date.
        ("図書館の利用者は昨年度から3割増えた。", "2029-07-15", []),
        ("県の出荷額は先月から5ポイント下落した。", "2029-07-15", []),
        ("来館者は昨年から倍増した。", "2029-07-15", []),
        ("無料の送迎は昨年度から始まった。", "2029-07-15", ["2028-04/2029-03"]),
        # A future month's event as the predicate: the next sentence's bare day is in it.
        (
            "秋の最大の行事は、10月の市民祭りだ。初日は14日に開かれる。",
            "2029-07-15",
            ["2029-10", "2029-10-14"],
        ),
        # Not a plan or a deadline in that month, and not a past month.
        (
            "市は10月までに計画をまとめる。14日に説明会を開く。",
            "2029-07-05",
            ["2029-10", "2029-07-14"],
        ),
        (
            "春の行事は、3月の植樹祭だった。5日に閉会式を開いた。",
            "2029-07-15",
            ["2029-03", "2029-07-05"],
        ),
        # An act that is the predicate: ahead in the present, past in the past.
        ("臨時議会は24日の召集だ。", "2029-07-15", ["2029-07-24"]),
        ("臨時議会は2日の召集と聞いている。", "2029-07-15", ["2029-08-02"]),
        ("臨時議会は2日の召集だった。", "2029-07-15", ["2029-07-02"]),
        ("事故が分かったのは24日のことだ。", "2029-07-25", ["2029-07-24"]),
        # A chain of verbs ending in the past is past throughout; one ending in a state,
        # or a day that draws near, is not.
        (
            "会長は2月に辞意を示し、5月の総会で退任した。",
            "2029-12-20",
            ["2029-02", "2029-05"],
        ),
        (
            "渋滞は28日にピークを迎え、2日に解消すると予測している。",
            "2029-12-20",
            ["2029-12-28", "2030-01-02"],
        ),
        # The act at a past event is the event's time; a thing's report ahead is not.
        ("3月の大会では、地元の高校が初優勝を果たした。", "2029-12-20", ["2029-03"]),
        ("チームは1日の試合で全日程を終えた。", "2029-10-03", ["2029-10-01"]),
        # An act told by its noun alone tells no time (…を求める決議を可決。).
        ("9月には議会が計画の見直しを求める決議を可決。", "2029-12-20", ["2029-09"]),
        # A chronology's months go forward: one placed by no tense lands before the next.
        (
            "町政の1年を振り返る。▽4月　新しい図書館が開館。▽7月　大雨で川が氾濫。▽10月　町長選。",
            "2029-12-27",
            ["2029-04", "2029-07", "2029-10"],
        ),
        # A bare day with its weekday near the article is that one, whatever the tense.
        (
            "12日（月）　与党が、会期末を3日後に控えて協議。",
            "2029-11-17",
            ["2029-11-12"],
        ),
        # Days left are counts; a range from a day of next week is one range.
        ("投票まで残り3日となった。", "2029-11-17", []),
        ("知事は来週20日から23日まで海外を訪れる。", "2029-11-14", ["2029-11-20/2029-11-23"]),
        # A fiscal year lends no month to a bare day in an undated text.
        (
            "財源は2029年度までに確保する。去る十日の会議で工程表を示した。",
            None,
            ["2029-04/2030-03"],
        ),
        # The day of what is supposed; a year counted to from an event.
        ("「当選したら、その日のうちに指示を出す」と訴えた。", "2029-11-17", []),
        ("開港から来年で50年を迎える。", "2029-11-17", ["2030"]),
        # あの日 of a day written with its year is that day; after any other, a memory.
        (
            "初当選は2019年4月7日の選挙だった。「あの日の夜は眠れなかった」と語った。",
            "2029-11-17",
            ["2019-04-07", "2019-04-07"],
        ),
        (
            "80年前のきょう、戦争が終わった。「あの日の空を覚えている」",
            "2025-08-15",
            ["1945-08-15"],
        ),
        # A digest's weekday heading an item: placed by the item's main verb, if past.
        (
            "【月曜】与党は、会期末を2日後に控え、延長しない方針を確認した。",
            "2029-11-17",
            ["2029-11-12"],
        ),
        # A year word in a quote said in a year told: counted from that year.
        (
            "町長は昨年の所信表明演説で「来年中に条例を改める」と述べていた。",
            "2029-10-06",
            ["2028", "2029"],
        ),
        # A year and "this day" joined by の: one date; a change from 当初: a comparison.
        ("1965年のこの日、条約が結ばれた。", "2025-06-22", ["1965-06-22"]),
        ("予算は今年度当初から5千億円増えた。", "2025-12-20", []),
        # A two-digit year listed after a count is a count; after an era year, of that era.
        ("市は開業20年、30年の節目に式典を開いてきた。", "2025-06-22", []),
        ("平成10年、11年と続けて優勝した。", "2025-06-22", ["1998", "1999"]),
        # A law's or notice's number and an edition are named by a year, no date; a rate.
        ("市の告示（令和6年南川市告示第12号）は廃止する。", "2027-03-31", []),
        ("令和9年版の白書を公表した。", "2027-06-10", []),
        ("手当は1日につき3千円とする。", "2027-06-10", []),
        # 同年度 counts from the year told of, not a base a period is counted since.
        (
            "令和7年度の税収は過去最高で、令和元年度以来の伸びだった。同年度末の残高は減った。",
            "2027-06-10",
            ["2025-04/2026-03", "2019-04/2020-03", "2026-03"],
        ),
        # A time of day set off by a comma is the main verb's day, as the day alone.
        ("市長は24日夜、記者に「検討する」と述べるにとどめた。", "2027-06-25", ["2027-06-24"]),
        # Variants of an adversarial reader's sentences: a day drawing near is ahead; an
        # act at an occasion ahead is ahead; since an act is past; a step to another
        # time keeps the lent month out; the day of an event a speech is made on.
        ("申告の期限が17日に迫り、窓口は混雑した。", "2027-06-12", ["2027-06-17"]),
        ("県議会は29日の本会議で、条例案を可決する。", "2027-06-12", ["2027-06-29"]),
        ("5日の就任以来、知事は県内を回っている。", "2027-06-03", ["2027-05-05"]),
        (
            "夏の山場は、8月の市長選だ。これに先立ち、市議会は16日に開会する。",
            "2027-06-03",
            ["2027-08", "2027-06-16"],
        ),
        ("本日、定例会が開会されるにあたり、一言申し上げます。", "2027-06-03", ["2027-06-03"]),
        ("本日はお忙しい中、お集まりいただきありがとうございます。", "2027-06-03", []),
        # A state in progress since a day; words of a quote said at a month's assembly.
        ("国会は24日から閉会中だ。", "2027-07-03", ["2027-06-24"]),
        (
            "社長は2025年6月の株主総会で「来年度に黒字化する」と述べた。",
            "2027-07-03",
            ["2025-06", "2026-04/2027-03"],
        ),
        # A range of era fiscal years whose end leaves its era out.
        ("計画は令和七年度から十一年度までの五年間とする。", "2025-02-28", ["2025-04/2030-03"]),
        # Not past a month a comparison names (前回の12月調査), nor one in brackets.
        (
            "3月の調査で、景況感は前回の12月調査から改善した。",
            "2030-04-02",
            ["2030-03", "2029-12"],
        ),
    ],
)
def test_the_fourteenth_stop_s_rules(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


def test_a_title_naming_one_year_holds_the_months_no_tense_places() -> None:
    # Written for this test: a roundup whose items end in notes of their month.
    body = sentences("▽新庁舎が完成（6月20日）。", "▽町長が3選（9月）。")
    found = dated_mentions("今年の町政5大ニュース", body, dt.date(2029, 12, 30))
    assert [e.date for e in found] == ["2029", "2029-06-20", "2029-09"]
    untitled = dated_mentions("", body, dt.date(2029, 12, 30))
    assert [e.date for e in untitled] == ["2030-06-20", "2029-09"]  # the nearest
    # Not a month of a sentence ahead (a code reader's break of the first version).
    ahead = sentences("県警は、3月の安全週間で啓発を強める。")
    found = dated_mentions("昨年の交通事故死者、過去最少", ahead, dt.date(2030, 1, 8))
    assert [e.date for e in found] == ["2029", "2030-03"]


# A second reader of the code broke the first version of the fourteenth stop's rules on
# ordinary news (114 sentences: base 88, first version 67, narrowed 112). Variants written
# for this test of what each narrowing keeps.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # A chain that ends in a plan is no past chain.
        (
            "町は20日に式典を開き、25日に新館を公開することを2日に決めた。",
            "2027-09-10",
            ["2027-09-20", "2027-09-25", "2027-09-02"],
        ),
        (
            "社長は12日に会見し、15日に新製品を発表すると語った。",
            "2027-09-10",
            ["2027-09-12", "2027-09-15"],
        ),
        # A modifier's past in a chain is no end of it.
        (
            "知事は8月に議会を招集し、復旧費を盛り込んだ予算案を出します。",
            "2027-06-28",
            ["2027-08"],
        ),
        # A deadline that drew near in a past telling: the nearest.
        ("提出期限が25日に迫り、窓口には長い列ができた。", "2027-09-28", ["2027-09-25"]),
        # The act at an event is the first verb after it.
        (
            "20日の会合で決まった方針に沿い、市は来月から補助を始める。",
            "2027-09-03",
            ["2027-08-20", "2027-10"],
        ),
        # A cause or a cleft is no act as predicate.
        ("騒ぎの発端は、市長による2日の発言だ。", "2027-09-10", ["2027-09-02"]),
        ("辞任を表明したのは、6日の会見だ。", "2027-09-10", ["2027-09-06"]),
        # An item's bare day ahead is ahead.
        ("▽26日　市民運動会を開く。", "2027-09-10", ["2027-09-26"]),
        # Not a chronology: a sentence ahead, or of a state that holds.
        (
            "2月の市長選をにらんだ動きが活発になっている。11月には新人が出馬を表明した。",
            "2027-12-06",
            ["2028-02", "2027-11"],
        ),
        # A quote's occasion with a clause of another time before the quote: not its day.
        (
            "遺族は、1985年の事故を語り継ぐ集会で「来年も集まろう」と話した。",
            "2027-08-12",
            ["1985", "2028"],
        ),
        # あの日 a clause defines, あの日差し: no anaphora; 思えば is no condition.
        (
            "店は2020年4月7日に休業した。「客が消えたあの日を忘れない」",
            "2027-04-07",
            ["2020-04-07"],
        ),
        (
            "2011年3月11日、私は東京にいた。思えば、その日は朝から寒かった。",
            "2027-03-11",
            ["2011-03-11", "2011-03-11"],
        ),
        # A change from a word ahead is a start; あと after の is "after".
        ("来月から水道料金が1割上がる。", "2027-06-10", ["2027-07"]),
        ("知事は視察のあと14日に帰庁する予定だ。", "2027-06-10", ["2027-06-14"]),
        # 本日 of an event is a date even before a speech act.
        (
            "本日開通した橋の建設に尽力された皆様に、感謝の意を表します。",
            "2027-06-10",
            ["2027-06-10"],
        ),
        # A month lent only to a sentence that goes on with its event.
        (
            "今年の山場は、7月の参院選だ。首相は20日に施政方針演説に臨む。",
            "2027-01-15",
            ["2027", "2027-07", "2027-01-20"],
        ),
        # A period is no act in progress.
        ("市内の小学校は、21日から夏休み期間中だ。", "2027-07-15", ["2027-07-21"]),
        # A modifier inside a chained clause is not its verb; an act at an occasion told by
        # its noun alone tells no time; 同年度 of a February date is the fiscal year before.
        (
            "議会は22日に条例を改める案を可決し、市は1日に施行する。",
            "2027-12-27",
            ["2027-12-22", "2028-01-01"],
        ),
        ("町議会は29日の本会議で、見直しを求める意見書を可決。", "2027-06-03", ["2027-05-29"]),
        (
            "同社は2026年2月10日に計画を公表し、同年度内の完了を目指した。",
            "2027-06-01",
            ["2026-02-10", "2025-04/2026-03"],
        ),
        # A chain that ends ahead: its bare day still to come this month is ahead; one
        # gone by, or one the chain goes back from (27日に…、3日から), is the nearest.
        (
            "市長選は28日に告示され、来月5日に投開票される。",
            "2027-06-02",
            ["2027-06-28", "2027-07-05"],
        ),
        ("県大会は1日に抽選が行われ、15日に開幕する。", "2027-06-02", ["2027-06-01", "2027-06-15"]),
        (
            "県は27日に対策をまとめ、4日から運用を始める。",
            "2027-06-02",
            ["2027-05-27", "2027-06-04"],
        ),
        # Not under a past main verb: the telling was.
        (
            "県は28日に会見し、来月5日に発売すると発表した。",
            "2027-06-03",
            ["2027-05-28", "2027-07-05"],
        ),
        # A day stressed by も before an adjective not of degree is the day.
        ("県内は12日も厳しい冷え込みとなった。", "2027-01-12", ["2027-01-12"]),
        ("予定より3日も早く完成した。", "2027-01-12", []),
    ],
)
def test_a_code_reader_s_breaks_of_the_fourteenth_stop_s_rules(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


# The sixteenth set's classes (follow-ups, notices, courts, weather, sport, obituaries), in
# sentences written for this test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        # たった after a span of time is the verb: the day after it is a date.
        ("停電は、発生から半日以上たった3日未明に解消した。", "2029-05-03", ["2029-05-03"]),
        ("交渉はたった3日で決着した。", "2029-05-03", []),
        # A normal year's day and a day compared with last year's: no events.
        ("梅雨入りは平年（6月8日ごろ）より2日遅い。", "2029-06-10", []),
        ("開花は昨年と同じ日となった。", "2029-03-20", []),
        # A year that starts a span is no narration for the days after it.
        (
            "1980年から10年間連載した作家が、3月2日に死去した。",
            "2029-03-05",
            ["1980", "2029-03-02"],
        ),
        # A range with its clock times; あす元日 one day; 同月 after a range, the end's month.
        ("5日午後9時から7日午前5時まで通行止めにする。", "2029-10-01", ["2029-10-05/2029-10-07"]),
        ("あす元日の大会を前に、監督が会見した。", "2029-12-31", ["2030-01-01"]),
        (
            "受け付けは28日から来月10日までで、結果は同月下旬に知らせる。",
            "2029-10-25",
            ["2029-10-28/2029-11-10", "2029-11"],
        ),
        # A weekly rule's next day is recurring.
        ("展示は9月1日から10月20日まで。火曜休館（祝日の場合は翌日）。", None, ["unresolved"]),
    ],
)
def test_the_sixteenth_development_set_s_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    found = dates_of_text(text, source_date)
    if expected == ["unresolved"]:
        assert len(found) == 1 and found[0].startswith("--")
    else:
        assert found == expected


# The seventeenth set's classes (political and economic news), in sentences written for
# this test.
SEVENTEENTH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # A schedule's days go forward: a later day is not before an earlier one, in
    # parentheses or not; a schedule in parentheses alone is placed like any other
    # thing's day (the nearest), as an adversarial reader's sentences asked.
    (
        "市長選（9日告示、16日投開票）を前に、現職が5日、出馬を表明した。",
        "2031-11-05",
        ["2031-11-09", "2031-11-16", "2031-11-05"],
    ),
    (
        "県知事選（30日投開票）の投票率は過去最低の35％だった。",
        "2031-04-01",
        ["2031-03-30"],
    ),
    (
        "ラグビー大会（28日閉幕）を終えた代表が3日、来日した。",
        "2031-10-03",
        ["2031-09-28", "2031-10-03"],
    ),
    # Two objects' days that share one verb: the verb after the second day.
    (
        "県は7日、第1期を12日、第2期を26日に受け付ける方針を示した。",
        "2031-11-07",
        ["2031-11-07", "2031-11-12", "2031-11-26"],
    ),
    ("容疑者を19日、送検した。", "2031-11-20", ["2031-11-19"]),
    # A day an act takes effect (N日付で) is the verb's; a date given as a copula's
    # value before a comma is not.
    (
        "部長は15日、退任を発表した。25日付で退任する。",
        "2031-11-15",
        ["2031-11-15", "2031-11-25"],
    ),
    ("辞令は28日付で、本人に伝えられた。", "2031-12-02", ["2031-11-28"]),
]


# The eighteenth set's classes (society, local and international news), in sentences
# written for this test.
EIGHTEENTH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # A list of days shares the predicate after its last day.
    (
        "市は2日、検診を9日、16日、23日の各日に行うと発表した。",
        "2029-07-02",
        ["2029-07-02", "2029-07-09", "2029-07-16", "2029-07-23"],
    ),
    # A year compared with is no event; the time of a clause is.
    ("入場者は昨年を約500人下回った。", "2029-07-02", []),
    ("昨年は目標を上回った。", "2029-07-02", ["2028"]),
    # A schedule kept (the means of a past verb) is no plan.
    ("25日から3日間の日程で開かれていた会議が閉幕した。", "2029-07-02", ["2029-06-25"]),
    # によると is whom the telling is from, no predicate.
    ("港で29日、火災があり、消防によると2人がけがをした。", "2029-07-02", ["2029-06-29"]),
    # A thing's date: 以降の…, から…日間の….
    ("9月以降の利用者を募集している。", "2029-07-02", ["2029-09"]),
    ("店は5日から2週間の営業停止となった。", "2029-07-02", ["2029-07-05"]),
    # 当日 in a clause to come is the last day ahead, not the day of the telling.
    (
        "新しい図書館は8月3日に開館する。市が2日、発表した。当日は記念品を配る。",
        "2029-07-02",
        ["2029-08-03", "2029-07-02", "2029-08-03"],
    ),
    # A lede's day of telling lends 同月 no month.
    (
        "新線は4月20日に開業すると市が30日、発表した。同月末まで運賃を割り引く。",
        "2029-03-30",
        ["2029-04-20", "2029-03-30", "2029-04"],
    ),
    # A moment restated in Japan's time lies within a day of the first.
    (
        "現地時間の来年1月1日午前1時（日本時間31日午後11時）に式典が始まる。",
        "2029-12-30",
        ["2030-01-01", "2029-12-31"],
    ),
    # A leap day named with its year; alone, one of every leap year.
    ("2004年のうるう日に生まれた男性が参加した。", "2029-07-02", ["2004-02-29"]),
    ("うるう日生まれの人は少ない。", "2029-07-02", []),
    # Not even one day.
    ("一日も休んだことはない。", "2029-07-02", []),
    # An act named as a topic with its day alone is past when told done before.
    (
        "署は2日、男を逮捕したと発表した。逮捕は1日。",
        "2029-07-02",
        ["2029-07-02", "2029-07-01"],
    ),
    ("投開票は1日。", "2029-07-02", ["2029-08-01"]),
    # An adversarial reader's sentences, where the rules first overreached.
    ("31日は午後6時に閉店し、1日も営業しない。", "2029-12-20", ["2029-12-31", "2030-01-01"]),
    (
        "同社は8月に第1弾を発売した。第2弾の発売は20日。",
        "2029-09-05",
        ["2029-08", "2029-09-20"],
    ),
    ("30日以降の大雨で、県内の被害が広がった。", "2029-07-15", ["2029-06-30"]),
    ("昨年の値上げを経て売上高が前年を上回った。", "2029-03-10", ["2028"]),
    (
        "市は1日、8日、15日、22日に説明会を開くと発表した。",
        "2029-10-02",
        ["2029-10-01", "2029-10-08", "2029-10-15", "2029-10-22"],
    ),
    (
        "3月1日に引退を表明した横綱は「きょうで土俵を去る」と涙を見せた。",
        "2029-03-03",
        ["2029-03-01", "2029-03-01"],
    ),
]


# The nineteenth set's classes (articles whose dates interact across sentences), in
# sentences written for this test.
NINETEENTH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # The size of a shift is no date.
    ("開花予想は前回から2日早まった。", "2029-02-28", []),
    # 同月 after a range is the month that puts its day in the range.
    (
        "12月27日から1月5日までの利用者は約80万人だった。ピークは同月30日だった。",
        "2030-01-08",
        ["2029-12-27/2030-01-05", "2029-12-30"],
    ),
    # この日 under a past verb, after a day still to come, is the day reported on.
    (
        "知事選は3日、投票日の10日まで1週間となった。候補者はこの日、街頭で訴えた。",
        "2030-05-03",
        ["2030-05-03", "2030-05-10", "2030-05-03"],
    ),
    # …するなど gives an example, no tense: the main verb places it.
    (
        "株価は6月に高値を付けた後、9月上旬に急落するなど、不安定な動きが続いている。",
        "2030-02-01",
        ["2029-06", "2029-09"],
    ),
    # A year word that names the topic frames its sentence's months.
    ("昨年の総会は5月12日に開かれた。", "2030-02-01", ["2029", "2029-05-12"]),
    # The same month a year back, compared with, is no event.
    ("出荷は前年の同じ月の2倍に増えた。", "2030-02-01", []),
    # A clause that is a plan's content keeps its future under a past telling verb.
    (
        "首相は5日、15日に来日する大統領と会談したいとの意向を示した。",
        "2030-02-05",
        ["2030-02-05", "2030-02-15"],
    ),
    # A range may end at a year's anaphora with its month.
    ("男は2021年10月から翌年3月にかけて盗みを重ねた。", "2030-02-05", ["2021-10/2022-03"]),
    # A second adversarial reader's sentences, where these rules first overreached.
    (
        "応募は11月1日から12月20日まで受け付け、同月25日に入賞者を発表する。",
        "2030-11-10",
        ["2030-11-01/2030-12-20", "2030-12-25"],
    ),
    (
        "新作は20日に発売される。ファンの多くがこの日を心待ちにしてきた。",
        "2030-03-05",
        ["2030-03-20", "2030-03-20"],
    ),
    (
        "党は、20日に街頭演説会を開くなど、選挙戦の準備を進めた。",
        "2030-07-10",
        ["2030-07-20"],
    ),
    ("昨年の覇者は3月19日の開幕試合で対戦する。", "2030-03-01", ["2029", "2030-03-19"]),
    (
        "昨年の利用者は約3万人だったが、4月末までに既に2万人を超えた。",
        "2030-05-10",
        ["2029", "2030-04"],
    ),
]


# The twentieth set's classes (news rich in numbers that are no dates), in sentences
# written for this test.
TWENTIETH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # A topic's own act from a day (猛暑日は…から続いており) is no day a noun sets.
    ("同市の真夏日は7月28日から続いており、記録を更新した。", "2030-08-08", ["2030-07-28"]),
    # A topic's day the copula goes on from into another topic's past: the nearest.
    ("梅雨入りは6月5日で、梅雨の期間は40日間だった。", "2030-07-15", ["2030-06-05"]),
    # A month as a category of records (8月としての最高) is no event.
    ("市内では8月としての観測史上最高を更新した。", "2030-08-20", []),
    # A state since a day set off by a comma has begun.
    ("20日以降、地震が1日あたり50回を超える状態が続いている。", "2030-09-25", ["2030-09-20"]),
    ("4月以降も補助を続ける方向で調整している。", "2030-02-28", ["2030-04"]),
    # Days counted from an event (発生から2、3日は) and the present or the future of
    # what lasts (今日の平和, 明日の地球のために) are no days.
    ("特に発生から2、3日は強い揺れに注意してほしい。", "2030-09-06", []),
    ("「今日の平和を次の世代に引き継ぎたい」と語った。", "2030-08-15", []),
    ("「明日の地球のために、できることを続けたい」と話した。", "2030-08-15", []),
    ("「今日の会見で説明する」と述べた。", "2030-08-15", ["2030-08-15"]),
]


# The twenty-first set's classes (what looks like a date and is none), in sentences
# written for this test.
TWENTY_FIRST_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # A saying (ということわざ, とはこのことか) holds no days; hearsay (…という。) does.
    (
        "「今日の友は明日の敵」ということわざがある。与野党は5日、協議を再開した。",
        "2030-06-06",
        ["2030-06-05"],
    ),
    ("「六日の菖蒲」とはこのことか。支援策は10日に決まった。", "2030-06-12", ["2030-06-10"]),
    (
        "関係者によると、同社は近く取締役会を開く。「14日に最終判断する」という。",
        "2030-06-12",
        ["2030-06-14"],
    ),
    # The title of a work is a name; a notice's or a remark's words tell dates.
    ("映画「明日、また会おう」が来月3日に公開される。", "2030-06-12", ["2030-07-03"]),
    ("張り紙「6月30日をもって閉店します」が話題だ。", "2030-06-12", ["2030-06-30"]),
    ("首相は「あすにも決める」と述べた。", "2030-06-12", ["2030-06-13"]),
    # An ordinal weekday of a month, a day of the old calendar: no days.
    ("窓口は第1・第3土曜日にも開く。", "2030-06-12", []),
    ("旧暦7月7日に合わせた祭りが開かれた。", "2030-08-20", []),
    # A range that starts on no date ends on none.
    ("湖は例年6月から9月にかけてにぎわう。", "2030-06-12", []),
    # A difference listed after another: 平年より12日、昨年より5日早い.
    ("平年より10日、昨年より3日早い梅雨明けとなった。", "2030-07-10", []),
    ("国より3日、県より5日に通知が届いた。", "2030-07-10", ["2030-07-03", "2030-07-05"]),
    ("13日夜から14日は大雨に警戒が必要だ。", "2030-07-13", ["2030-07-13/2030-07-14"]),
    # Days and nights counted; 昨日今日 (recently); years counted from a start.
    ("三日三晩、雨が降り続いた。", "2030-07-10", []),
    ("物価高は昨日今日始まった話ではない。", "2030-07-10", []),
    ("きのうきょうと、各地で猛暑日となった。", "2030-07-10", ["2030-07-09", "2030-07-10"]),
    ("2010年の開業から20年になる。", "2030-07-10", ["2010"]),
    # A weekly rule's next day with 休園日.
    ("毎週月曜が休園日（祝日の場合は翌日）となる。", "2030-07-10", []),
    # 8日から続く: what goes on since a day that has come; 正午 in a range.
    ("8日から続く猛暑日は24日連続となった。", "2030-08-31", ["2030-08-08"]),
    ("13日から続く3連休は晴れる見込みだ。", "2030-09-11", ["2030-09-13"]),
    ("20日正午から21日正午まで開かれた。", "2030-05-22", ["2030-05-20/2030-05-21"]),
]


# The twenty-second to twenty-fourth sets' classes (wire news; crime, courts, disasters and
# international news; sports, business and culture), in sentences written for this test.
TWENTY_SECOND_TO_FOURTH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # Hearsay or inference on a past act (…とされる, …という) tells no time of its own.
    ("県警によると、男は14日夜、店に押し入ったとされる。", "2027-03-02", ["2027-02-14"]),
    ("関係者によると、両氏は20日、都内で会ったという。", "2027-03-02", ["2027-02-20"]),
    ("社長は25日、会見するという。", "2027-03-02", ["2027-03-25"]),
    # 翌31日: the first 31st after the day told last.
    (
        "事件は昨年12月30日に起きた。男は翌31日に逮捕された。",
        "2027-03-10",
        ["2026-12-30", "2026-12-31"],
    ),
    ("6月30日に出国し、翌1日に帰国した。", "2027-07-05", ["2027-06-30", "2027-07-01"]),
    # An undated text's plan takes no year of a past act, one told in a clause that
    # modifies a noun too; a quote's 来年4月 tells its month.
    ("1998年に初優勝した選手の引退試合が、11月3日に開かれる。", None, ["1998", "--11-03"]),
    ("監督は「来年4月の開幕に間に合わせたい」と話した。", None, ["--04"]),
    # 15年連続: a count, not the year 2015.
    ("人口は2010年から15年連続で減った。", "2026-01-01", ["2010"]),
    # A range from a month word, or to one.
    ("男は先月上旬から今月にかけて、計5回侵入した。", "2027-06-20", ["2027-05/2027-06"]),
    (
        "男は7月下旬から今月にかけて、元同僚宅の周辺を徘徊するなどした疑い。",
        "2027-08-20",
        ["2027-07/2027-08"],
    ),
    # The clause that names a day tells its tense; a forecast or plan that stands is
    # ahead; a non-past clause under a past act is on or after the act's day.
    (
        "市場では、米国の統計が公表される9日や、会合が開かれる20日が焦点になるとの声が出ている。",
        "2027-05-03",
        ["2027-05-09", "2027-05-20"],
    ),
    ("8日からは帰省客で混雑が予想されている。", "2027-08-05", ["2027-08-08"]),
    ("協会は3日、28日に始まる大会の日程を発表した。", "2027-04-05", ["2027-04-03", "2027-04-28"]),
    # A clock time after a lede's day is its time of day.
    ("14日午後2時ごろ、突風で看板が飛ばされるなどの被害が相次いだ。", "2027-04-15", ["2027-04-14"]),
    # Comparisons, rates and amounts name no date.
    ("市内では3月、空き巣が12件あり、前年同月の3倍となった。", "2027-04-02", ["2027-03"]),
    ("ピーク時には一日に20センチ積もった。", "2027-01-10", []),
    ("1日に2回、見回りをしている。", "2027-01-10", []),
    ("同線の1日の平均利用者は昨年、300人だった。", "2027-05-01", ["2026"]),
    ("少なくとも2、3日は様子を見る必要がある。", "2027-05-01", []),
    ("県内で真夏日となるのは今年初めて。", "2027-05-20", ["2027"]),
    # 2030年の元日 is one date; a weekday in a sentence of another time is not this week's.
    ("2030年の元日に起きた事故だった。", "2032-01-01", ["2030-01-01"]),
    ("事故は2019年8月、お盆の日曜日に起きた。", "2027-05-20", ["2019-08"]),
    # 同日 of what a quote says is to come is the day told last.
    (
        "雨は17日に降り始めた。大雨は20日にかけて続く見込みで、市は同日の朝から休校にすると発表した。",
        "2027-06-19",
        ["2027-06-17", "2027-06-20", "2027-06-20"],
    ),
    # Two topics' days and places share the verb after the second.
    ("初戦は25日に大阪、2戦目は26日に京都で行われる。", "2027-09-03", ["2027-09-25", "2027-09-26"]),
    ("2日に1回の割合で会合を開いている。", "2027-05-10", []),
]

# Where an adversarial reader broke the first versions of those rules (sentences written
# for that reading): each rule as narrowed.
TWENTY_SECOND_TO_FOURTH_NARROWED: list[tuple[str, str | None, list[str]]] = [
    # 翌 counts from a day just before it, not from a quote's or a plan's later day.
    (
        "男は2日に逮捕された。警察は「10日に詳細を発表する」とし、翌3日に送検した。",
        "2027-05-10",
        ["2027-05-02", "2027-05-10", "2027-05-03"],
    ),
    (
        "男性は4月29日、5月3日に予定していた結婚式の準備中に倒れ、翌30日に死亡した。",
        "2027-05-10",
        ["2027-04-29", "2027-05-03", "2027-04-30"],
    ),
    # An undated text's plan keeps the year of a thing named with it.
    ("2031年の大会日程が決まった。開会式は7月24日に行われる。", None, ["2031", "2031-07-24"]),
    ("2032年大会は7月23日に開幕する。", None, ["2032", "2032-07-23"]),
    # A past clause before a day may have set it; a non-past one under a past act is
    # relative to that act.
    ("ストを予告した15日を前に、労使が交渉した。", "2027-05-10", ["2027-05-15"]),
    ("第1戦が行われる8日に現地入りした。", "2027-05-10", ["2027-05-08"]),
    # The day of forecasting is no day forecast.
    (
        "気象庁は9日、関東で12日ごろに梅雨入りすると予想している。",
        "2027-05-10",
        ["2027-05-09", "2027-05-12"],
    ),
    # A non-past clause ending in a noun of time is the act's time.
    ("男性が3日に自宅を出る前に立ち寄った店が分かった。", "2027-05-10", ["2027-05-03"]),
    # A lede's day is not the later date's plan.
    (
        "8日午後3時ごろ、市内の工場で爆発があり、けがをした3人のうち1人は15日に退院する見通しだ。",
        "2027-05-10",
        ["2027-05-08", "2027-05-15"],
    ),
    # A rate is of one day only; a series' next is a day.
    ("9日に10センチの積雪を観測した。", "2027-05-10", ["2027-05-09"]),
    ("1日に2回目の値上げを実施した。", "2027-05-10", ["2027-05-01"]),
    ("1日の平均株価は、前日比300円安だった。", "2027-05-10", ["2027-05-01"]),
    # A far time with its own verb leaves this week's weekday be.
    ("1998年に開業した同店は、土曜日に閉店する。", "2027-05-10", ["1998", "2027-05-15"]),
    # 同日 as the occasion of telling is the day told as past.
    (
        "同社は8日に決算を発表し、15日に新社長が就任すると明らかにした。同日の会見で社長は、来期は増益を目指すと述べた。",
        "2027-05-10",
        ["2027-05-08", "2027-05-15", "2027-05-08"],
    ),
    # Two topics share a verb only when both tell a place, and not a time gone by.
    (
        "運転手は3日に逮捕、同乗者は12日にも書類送検される。",
        "2027-05-10",
        ["2027-05-03", "2027-05-12"],
    ),
    ("前回は3日に東京、今回は12日に大阪で開かれる。", "2027-05-10", ["2027-05-03", "2027-05-12"]),
]


# The twenty-sixth set's classes (analyses, editorials, interviews), in sentences
# written for this test.
TWENTY_SIXTH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # 1945年のその日: the day told last, in that year.
    (
        "東京大空襲から、3月10日で80年となる。1945年のその日、下町一帯が焼けた。",
        "2025-02-20",
        ["2025-03-10", "1945-03-10"],
    ),
    # 当日配送: a kind of service, no day; 14年2か月ぶり: a count; 1日遅く: a shift,
    # but 5日遅く is late on the 5th.
    ("当日配送の見直しが進んでいる。", "2027-05-10", []),
    ("首相の訪韓は2012年10月以来、14年2か月ぶりとなる。", "2026-12-20", ["2012-10"]),
    ("期限の30日が日曜日にあたるため、1日遅くなった。", "2027-05-10", ["2027-05-30"]),
    ("会議は5日遅くまで続いた。", "2027-05-10", ["2027-05-05"]),
    # A period stated with its end may be under way; 使用分 joins a range of months.
    ("申請の受付は4月20日から5月20日までだ。", "2027-05-10", ["2027-04-20/2027-05-20"]),
    ("政府は7月使用分から9月使用分まで、ガス代の補助を続けた。", "2027-10-05", ["2027-07/2027-09"]),
    # 上場の翌年の2019年6月: 翌年 is that year.
    ("社長に就いたのは、上場の翌年の2019年6月だった。", "2027-05-10", ["2019", "2019-06"]),
    # あれから10年: back to the present.
    (
        "――始まったのは。「新制度が施行された2017年4月です。あれから10年がたちます」\u3000――今後は。「6月から、新たな相談窓口を設けます」",
        "2027-05-10",
        ["2017-04", "2027-06"],
    ),
    # An interview's noted day is when its quotes were said; a quote's year frames no
    # month after it.
    (
        "今後の抱負を聞いた。（インタビューは昨年12月18日）「今年は手応えがありました。来年は海外に打って出たい」",
        "2027-01-04",
        ["2026-12-18", "2026", "2027"],
    ),
    (
        "「来年は攻めの一年にしたい」\u3000――会社は8月に新工場を稼働させました。",
        "2027-01-04",
        ["2028", "2026-08"],
    ),
    # 土曜日となったきょう: one day.
    ("初の土曜日となったきょう、会場には長い列ができた。", "2027-05-08", ["2027-05-08"]),
]


# Where a second adversarial reader broke the first versions of the twenty-sixth set's
# rules (sentences written for that reading): each as narrowed.
TWENTY_SIXTH_NARROWED: list[tuple[str, str | None, list[str]]] = [
    # A plan noun under a state is no plan being arranged.
    (
        "気象庁は9日、台風が12日に接近する見通しだとして、警戒を呼びかけている。",
        "2027-05-10",
        ["2027-05-09", "2027-05-12"],
    ),
    ("政府は8月12日前後に、記念式典を開く方向で調整している。", "2027-05-10", ["2027-08-12"]),
    # その日暮らし is no day; 当日 before a time or as an act's day is one.
    ("1946年のその日暮らしの中で、彼は絵を描き続けた。", "2027-05-10", ["1946"]),
    ("説明会は18日に開く。資料は当日配布する。", "2027-05-10", ["2027-05-18", "2027-05-18"]),
    ("投票は20日に行われる。受け付けは当日正午まで。", "2027-05-10", ["2027-05-20", "2027-05-20"]),
    # 5日遅く, late on the 5th, stays a day.
    ("協議は5日遅くなお続いていた。", "2027-05-10", ["2027-05-05"]),
    # A period that was, or of a time named, keeps its tense.
    ("前回の募集期間は7月1日から7月31日までだった。", "2027-05-10", ["2026-07-01/2026-07-31"]),
    ("次回の受付期間は1月10日から2月10日までだ。", "2027-05-10", ["2028-01-10/2028-02-10"]),
    # 使用分から…検針時: two months, no range.
    ("10月使用分から11月検針時に反映される。", "2027-07-20", ["2027-10", "2027-11"]),
    # それから2か月 goes on within the story.
    (
        "2011年3月11日、町は津波にのまれた。それから2か月、6月に仮設住宅へ移った。",
        "2027-05-10",
        ["2011-03-11", "2011-06"],
    ),
    # A quote's year frames the months after it in the same telling.
    (
        "市長は「来年は選挙の年だ」と語り、1月の通常国会に向けた準備を進めている。",
        "2027-05-10",
        ["2028", "2028-01"],
    ),
    # 日曜日の明日香村: no day word.
    ("日曜日の明日香村は観光客でにぎわった。", "2027-05-12", ["2027-05-09"]),
]


# Lookalikes the twenty-first set left (sayings' and products' words, routines), in
# sentences written for this test.
LOOKALIKES_LEFT: list[tuple[str, str | None, list[str]]] = [
    # A way of doing (明日のあり方) lasts; a quote of a month and its noun is a name.
    (
        "政府は来月、新たな指針を示す。明日のあり方をどう描くのか、議論が要る。",
        "2027-05-10",
        ["2027-06"],
    ),
    (
        "菓子メーカーは10日、焼き菓子「九月のマロン」を今月20日に売り出すと発表した。",
        "2027-05-11",
        ["2027-05-10", "2027-05-20"],
    ),
    ("市場では「6月の会合が本命」との見方が強い。", "2027-05-10", ["2027-06"]),
    # A routine"s days in brackets, a month"s nth weekday as a rule, days of a kind, one day only.
    (
        "毎月5の付く日（5日、15日、25日）に開く青空市が、きょう100回目を迎えた。",
        "2027-05-15",
        ["2027-05-15"],
    ),
    (
        "敬老の日は9月の第3月曜日と定められ、今年は20日にあたる。",
        "2027-09-01",
        ["2027", "2027-09-20"],
    ),
    ("第4戦は1日の移動日を挟み、30日に行われる。", "2027-05-27", ["2027-05-30"]),
    ("作品を1日だけ公開する「一日だけの劇場」が、あす開かれる。", "2027-05-10", ["2027-05-11"]),
    # A weekday in a sentence of a day's averages: a routine.
    (
        "町は4月から休日診療を始める。昨年度は土曜日の患者が1日平均30人だった。",
        "2027-03-20",
        ["2027-04", "2025-04/2026-03"],
    ),
    ("会談は金曜夜に開かれた。", "2027-05-10", ["2027-05-07"]),
]


# The twenty-seventh set's classes (local news), in sentences written for this test.
TWENTY_SEVENTH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # A count or a part of a month as a category, a season or a year compared with: no dates.
    (
        "県は30日、感染者が120人に上ったと発表した。1日の報告数としては今年最多。",
        "2027-11-30",
        ["2027-11-30", "2027"],
    ),
    (
        "気象台は3日、山沿いで大雪となったと発表した。12月中旬としては観測史上最も多い。",
        "2029-12-13",
        ["2029-12-03"],
    ),
    ("各地で4月下旬から5月上旬並みの暖かさとなった。", "2028-03-10", []),
    ("異動の規模は約900人で、昨年度とほぼ同じ。", "2029-03-30", []),
    # A state begun since a topic"s day: the day has come.
    (
        "最初の発熱は22日で、学校は同日から学級閉鎖を続けている。",
        "2030-04-30",
        ["2030-04-22", "2030-04-22"],
    ),
    # A profile"s act told by its noun is past: an undated plan takes none of its year.
    ("同店は1975年創業。新店舗は9月1日に開業する予定だ。", None, ["1975", "--09-01"]),
    (
        "画家の山本一郎（1910年生まれ）の回顧展が開かれている。会期は10月5日まで。",
        None,
        ["1910", "--10-05"],
    ),
]


# Where a third adversarial reader broke the first versions of the lookalike and
# twenty-seventh set's rules (sentences written for that reading): each as narrowed.
LOOKALIKES_NARROWED: list[tuple[str, str | None, list[str]]] = [
    ("明日の夕方には雨がやむ見込みだ。", "2027-05-10", ["2027-05-11"]),
    ("首相は「6月の利上げもあり得る」と述べた。", "2027-05-10", ["2027-06"]),
    (
        "毎月恒例の朝市（今月は16日）には、多くの客が訪れる。",
        "2027-05-10",
        ["2027-05", "2027-05-16"],
    ),
    ("総会を6月の第2金曜日に開く。", "2027-05-10", ["2027-06"]),
    ("12日の休養日を挟み、13日に第3戦が行われる。", "2027-05-10", ["2027-05-12", "2027-05-13"]),
    (
        "開業記念の割引は1日だけで、2日以降は通常料金に戻る。",
        "2027-04-26",
        ["2027-05-01", "2027-05-02"],
    ),
    ("日曜投開票の市長選で、新人が初当選を果たした。", "2027-05-12", ["2027-05-09"]),
    ("日経平均は金曜日に大きく下げた。", "2027-05-10", ["2027-05-07"]),
    ("開幕初日の1日の来場者数としては、過去最多となった。", "2027-05-06", ["2027-05-01"]),
    ("完成時期を3月末としての計画だった。", "2027-05-10", ["2027-03"]),
    ("15日から4月上旬並みの暖かさが続く。", "2027-03-10", ["2027-03-15"]),
    (
        "新庁舎の開庁は24日で、市は同日から窓口業務を移す準備を進めている。",
        "2027-05-10",
        ["2027-05-24", "2027-05-24"],
    ),
    ("同社は2031年1月設立。4月に営業を始める。", None, ["2031-01", "2031-04"]),
    ("美術館は1日に開幕した。月曜休館。", "2027-05-03", ["2027-05-01"]),
]


# The twenty-eighth set's classes (political analysis over time), in sentences written
# for this test.
TWENTY_EIGHTH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # A schedule no days are named of is no plan; the clause after a chain"s comma is
    # another"s; a date inside a word is none.
    (
        "臨時国会が17日に閉会し、永田町の関心は年明け以降の政治日程に移った。",
        "2025-12-29",
        ["2025-12-17"],
    ),
    (
        "統一地方選の後半戦が25日に終わり、党内で首相の責任を問う声が上がり始めた。",
        "2027-04-30",
        ["2027-04-25"],
    ),
    ("日本年金機構は年明けから通知を始める。", "2025-10-01", []),
    # 今回、 returns to the present; 前回12月 is past; に続き、 takes the main act"s tense;
    # 翌年12月 ends the year after.
    (
        "第1回は1951年4月に実施された。今回、知事選は4月9日に投票が行われる。",
        None,
        ["1951-04", "--04-09"],
    ),
    ("短観は、前回12月調査から2ポイント低下する見通しだ。", "2031-03-31", ["2030-12"]),
    (
        "日銀は、4月末に続き、今月17日の会合でも利上げした。",
        "2032-12-31",
        ["2032-04", "2032-12-17"],
    ),
    ("前回の任期は2023年1月から翌年12月までの2年間だった。", "2027-05-10", ["2023-01/2024-12"]),
    # A year a time is counted from is a base; a date in a quote opened after a date cuts
    # no clause of it; elapsed days; a schedule"s months go forward.
    (
        "協議会が2022年に骨子をまとめてから2年近くを経て、6月14日に法が成立した。",
        "2024-08-01",
        ["2022", "2024-06-14"],
    ),
    (
        "首相は13日の記者会見で「来月召集の通常国会で改正に取り組む」と述べていた。",
        "2023-12-31",
        ["2023-12-13", "2024-01"],
    ),
    ("総裁選から3日、党役員人事が固まった。", "2030-10-01", []),
    ("党内では「11月解散・12月投開票」が有力視される。", "2032-06-30", ["2032-11", "2032-12"]),
    # This year's topic frames every month of its sentence; a month looked ahead to lends
    # itself to the next sentence's parts of that event.
    ("今年の政局は、9月の総裁選を軸に動く。", "2028-01-04", ["2028", "2028-09"]),
    (
        "政界は4月の統一地方選に向けて走り出した。党は前半戦を12日、後半戦を26日に控え、準備を急ぐ。",
        "2031-01-05",
        ["2031-04", "2031-04-12", "2031-04-26"],
    ),
]


# Where a fourth adversarial reader broke the first versions of the twenty-eighth set's
# rules (sentences written for that reading): each as narrowed.
TWENTY_EIGHTH_NARROWED: list[tuple[str, str | None, list[str]]] = [
    (
        "市は、5日に開幕し、10日間にわたって続く見本市の会場設営を終えた。",
        "2027-05-20",
        ["2027-06-05"],
    ),
    (
        "2019年に来日した。今回、取材に応じた男性によると、6月には職を失った。",
        "2027-05-10",
        ["2019", "2019-06"],
    ),
    ("9月会合では、前回7月会合で示した見通しを点検する。", "2027-05-10", ["2027-09", "2027-07"]),
    (
        "2015年4月に入社してから6か月で退職し、10月に起業した。",
        "2027-05-10",
        ["2015-04", "2015-10"],
    ),
    (
        "市は12日に新施設を開所し、市長は「来月からは利用者を増やしたい」と話す。",
        "2027-05-20",
        ["2027-05-12", "2027-06"],
    ),
    ("県警から6日、男性が見つかったとの連絡があった。", "2027-05-10", ["2027-05-06"]),
    ("今季は4月優勝、2月準優勝と好成績を残した。", "2027-05-10", ["2027-04", "2027-02"]),
    (
        "今年の夏は猛暑となったが、1月は平年並みの寒さになる見込みだ。",
        "2027-09-10",
        ["2027", "2028-01"],
    ),
    (
        "7月の全国大会を控え、練習に熱が入る。県予選の決勝は23日に行われる。",
        "2027-05-10",
        ["2027-07", "2027-05-23"],
    ),
    # The thirtieth set's one false date: a year compared by its same period.
    ("渋滞は計300回に上り、昨年の同じ期間より2割多かった。", "2031-05-07", []),
]


# The twenty-ninth set's classes (political and economic analysis), in sentences written
# for this test.
TWENTY_NINTH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # A new topic"s plan noun after a chain; a date looked ahead to under a state; the start
    # of a count to now.
    (
        "予算案が30日に可決され、野党は審議拒否も辞さない構えを見せていた。",
        "2024-05-31",
        ["2024-05-30"],
    ),
    ("会期末を21日に控え、与党内で延長論が浮上している。", "2026-06-01", ["2026-06-21"]),
    # A fiscal year"s initial budget compared with; two consecutive days of 両日 (not two
    # apart); an anaphora"s month starting a range.
    ("総額は今年度当初を2兆円余り上回った。", "2029-12-27", []),
    ("総額は今年度当初に比べて2.3％少ない。", "2029-02-28", []),
    (
        "本社が11月30日、12月1日の両日に実施した世論調査で、支持率は31％だった。",
        "2024-12-02",
        ["2024-11-30/2024-12-01"],
    ),
    ("同店は8日、15日の両日に限定品を販売する。", "2025-11-03", ["2025-11-08", "2025-11-15"]),
    (
        "2006年9月に発足した内閣では、同年12月から翌年8月までに閣僚4人が辞めた。",
        None,
        ["2006-09", "2006-12/2007-08"],
    ),
    # 同日 of what is to come after a day gone by; 例年、; a month"s figures; an apposed
    # anaphora of a yearless day.
    (
        "知事は1日、辞表を提出した。先週の金曜日には続投を強調していた。後任は同日中に就任する。",
        "2024-04-01",
        ["2024-04-01", "2024-03-29", "2024-04-01"],
    ),
    ("与党は例年、2月中の通過を目標に日程を組む。", None, []),
    (
        "投開票は6月14日で、県選管は前日の13日まで期日前投票を受け付ける。",
        None,
        ["--06-14", "--06-13", "--06-13"],
    ),
]


# Where a fifth adversarial reader broke the first versions of the twenty-ninth set's
# rules (sentences written for that reading): each as narrowed, or taken out (a date a
# count to now starts from; a month's figures as past).
TWENTY_NINTH_NARROWED: list[tuple[str, str | None, list[str]]] = [
    ("改正法は1日に施行され、厚労省は周知を急ぐ方針を明らかにした。", "2027-05-29", ["2027-06-01"]),
    (
        "国会は3日に会期末を迎え、野党は審議拒否も辞さない構えを見せている。",
        "2027-05-29",
        ["2027-06-03"],
    ),
    (
        "首脳会談を21日に控え、18日には外相会談が行われている。",
        "2027-05-25",
        ["2027-05-21", "2027-05-18"],
    ),
    ("9月に着工してから2年での完成を目指す。", "2027-05-10", ["2027-09"]),
    (
        "今年度当初予算は前年度を上回り、過去最大となった。",
        "2027-05-10",
        ["2027-04/2028-03"],
    ),
    ("4月28日、5月1日の両日に催しを開く。", "2027-04-10", ["2027-04-28", "2027-05-01"]),
    (
        "不正は2日に発覚しており、同日付で遡って処分する方針だ。",
        "2027-05-08",
        ["2027-05-02", "2027-05-02"],
    ),
    ("6月分の統計は7月下旬に公表される。", "2027-05-10", ["2027-06", "2027-07"]),
]


# The thirty-first set's classes (political reporting), in sentences written for this
# test.
THIRTY_FIRST_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # A later month listed after a month written with its year takes that year; a ninth
    # adversarial reader broke the first version's reverse lists and clause commas, and
    # the set's other three rules (a deadline aimed at, 同日 after a day told only of a
    # thing, a month with an event ahead framing its sentence), which were taken out.
    ("同社は昨年3月と4月に、それぞれ100万円を寄付していた。", "2025-05-30", ["2024-03", "2024-04"]),
    ("値上げは昨年12月と11月に相次いだ。", "2027-05-25", ["2026-12", "2026-11"]),
    (
        "市は昨年10月、8月の豪雨で被害を受けた農家への支援策をまとめた。",
        "2027-05-25",
        ["2026-10", "2026-08"],
    ),
    ("労組は、10日の解雇撤回を目指す。", "2027-05-25", ["2027-05-10"]),
    (
        "4月には統一地方選が控え、各党は5日から公認作業を本格化させる。",
        "2027-03-03",
        ["2027-04", "2027-03-05"],
    ),
    (
        "首相は18日の閣議後の記者会見で表明していた。官房長官も同日、会見で説明した。",
        "2027-05-20",
        ["2027-05-18", "2027-05-18"],
    ),
]


# The thirty-second (lookalikes of every section) and thirty-third (political analysis)
# sets' classes, in sentences written for this test.
THIRTY_SECOND_AND_THIRD_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # the decimals of a count, and a model named by its year
    ("1人当たりの平均入院日数は12.5日で、前年より短くなった。", "2026-03-10", []),
    ("同社は2028年型の電気自動車を3月に発売する。", "2027-11-20", ["2028-03"]),
    # a chain that ends ahead tells its steps in order, before the next date
    ("新作公演は2月3日に幕を開け、3月末まで各地を巡る。", "2026-06-15", ["2027-02-03", "2027-03"]),
    (
        "改正条例は8日の本会議で可決、成立し、来年4月1日に施行される。",
        "2025-12-20",
        ["2025-12-08", "2026-04-01"],
    ),
    ("5月に着工し、来年3月に完成する見通しだ。", "2026-07-01", ["2026-05", "2027-03"]),
    ("9月1日に合わせ、避難訓練を31日に行う。", "2026-08-25", ["2026-09-01", "2026-08-31"]),
    # a day counted down to, and one a plan is being arranged on, are ahead
    ("会期末の28日まで残り4週間を切った。", "2026-06-01", ["2026-06-28"]),
    ("投票日の28日まであと3日となった。", "2026-06-25", ["2026-06-28"]),
    ("首相の訪米は15日で最終調整に入った。", "2026-05-30", ["2026-06-15"]),
    # hours of every day end the next morning; a night with its day is dated
    ("コールセンターは4月から、受付を午後8時から翌朝6時まで行う。", "2026-03-20", ["2026-04"]),
    ("市道は5日午後9時から翌朝6時まで通行止めとなる。", "2026-03-02", ["2026-03-05", "2026-03-06"]),
    # an event told with its month lends it to the days of its own parts
    (
        "今年は4月に統一地方選が控える。統一地方選の前半戦は12日、後半戦は26日に投開票される。",
        "2031-01-05",
        ["2031", "2031-04", "2031-04-12", "2031-04-26"],
    ),
    (
        "4月の統一地方選に向け、各党は10日に決起集会を開く。",
        "2031-01-05",
        ["2031-04", "2031-01-10"],
    ),
    # a day a forecast stands for is ahead; one forecast in the past is not
    ("最終日の6日は雨の予報が出ている。", "2026-04-16", ["2026-05-06"]),
    ("6日は雨の予報だったが、晴天に恵まれた。", "2026-04-16", ["2026-04-06"]),
    # a schedule's first day before a day of next month
    (
        "政府は衆院選を21日公示、来月3日投開票の日程で行うと決めた。",
        "2031-10-10",
        ["2031-10-21", "2031-11-03"],
    ),
    # weekdays of several things that keep happening; a single act's weekday
    ("窃盗はいずれも日曜の未明に起きている。", "2026-02-10", []),
    ("2人はいずれも日曜日に出頭した。", "2026-02-10", ["2026-02-08"]),
]


# A tenth adversarial reader's sentences against these rules (100 fresh sentences: the
# first versions broke 8 of main's right ones; after narrowing none): a model change and a
# rite of a year, a chain step whose year is written, a night's hours with its day, the
# last day of another topic's session, forecasts missed or acted on; and what the
# narrowed rules still place (a month's event and its first and last days).
THIRTY_SECOND_AND_THIRD_NARROWED: list[tuple[str, str | None, list[str]]] = [
    (
        "同社は、2028年モデルチェンジ予定の主力セダンに新型エンジンを載せる方針だ。",
        "2026-09-18",
        ["2028"],
    ),
    (
        "白浜神社では、2029年式年遷宮に向けた御用材の伐採が始まった。",
        "2026-05-12",
        ["2029"],
    ),
    (
        "新図書館は5月に着工し、再来年3月の完成を目指す。",
        "2027-07-20",
        ["2027-05", "2029-03"],
    ),
    (
        "工事のため、20日は午後9時から翌朝6時まで全面通行止めとなる。",
        "2026-01-15",
        ["2026-01-20", "2026-01-21"],
    ),
    (
        "7月に参院選を控える中、通常国会は最終日の18日に内閣不信任案を採決する。",
        "2028-06-10",
        ["2028-07", "2028-06-18"],
    ),
    (
        "4月に統一地方選を控え、県議会は最終日の19日に当初予算案を採決する。",
        "2027-03-05",
        ["2027-04", "2027-03-19"],
    ),
    (
        "8日は晴れの予報が外れ、各地で雷雨となった。",
        "2026-09-12",
        ["2026-09-08"],
    ),
    (
        "15日は雨の予報を受けて、運動会が延期された。",
        "2026-06-18",
        ["2026-06-15"],
    ),
    (
        "4月には統一地方選があり、前半戦の知事選は11日、後半戦の市町村長選は25日に投開票される。",
        "2027-01-05",
        ["2027-04", "2027-04-11", "2027-04-25"],
    ),
    (
        "6月に全国大会が開かれ、初日の13日には開会式がある。",
        "2026-02-10",
        ["2026-06", "2026-06-13"],
    ),
    (
        "楽団は5月に全国ツアーを行う。ツアー最終日の24日は地元の市民会館で公演する。",
        "2026-03-02",
        ["2026-05", "2026-05-24"],
    ),
    (
        "1日は日本海側を中心に大雪の予報が出ている。",
        "2026-12-29",
        ["2027-01-01"],
    ),
]


# The thirty-fourth (economic news and analysis) and thirty-fifth (spoken and reported
# words) sets' classes, in sentences written for this test.
THIRTY_FOURTH_AND_FIFTH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # a range's start is no change's base; a difference in days; years of a duration
    (
        "販売額は、昨年10月から今年7月までの累計で前年同期比6％増えた。",
        "2027-09-05",
        ["2026-10/2027-07"],
    ),
    ("閏年で営業日が1日多かったことも売り上げを押し上げた。", "2028-03-05", []),
    ("1990年に記録した高値を、35年あまりを経て上回った。", None, ["1990"]),
    # a figure counted as of a day gone by; one forecast for a day ahead
    ("12月末時点の外貨準備高は1兆2000億ドルに上る。", "2026-01-10", ["2025-12"]),
    ("12月末時点の待機児童は50人となる見通しだ。", "2026-01-10", ["2026-12"]),
    ("10月1日現在で日本に住むすべての人が対象となる。", "2025-09-22", ["2025-10-01"]),
    # a schedule's list goes forward; a list going back stays
    (
        "委員会は2月3、4両日で、以降は4月21、22両日に開く。",
        "2026-07-15",
        ["2027-02-03/2027-02-04", "2027-04-21/2027-04-22"],
    ),
    ("販売は3月、2月と2か月連続で減った。", "2026-04-10", ["2026-03", "2026-02"]),
    # a lede of days to come: a later past day is no day the text reports on
    (
        "県は18日から開く説明会の日程を発表した。13日に始まった募集も続く。"
        "担当者は「あすから準備を急ぐ」と話す。",
        "2026-03-16",
        ["2026-03-18", "2026-03-13", "2026-03-17"],
    ),
    # the interviewer's questions count from the interview's day
    (
        "（聞き手・経済部　山田一郎、インタビューは12月20日）――今年の抱負は。「増収を目指す」",
        "2027-01-05",
        ["2026-12-20", "2026"],
    ),
    # 翌 before a month-day, 当日 of an event told, and the same day as an undated event
    (
        "同線は来年3月末で廃止される。翌4月1日からはバスが走る。",
        "2029-06-10",
        ["2030-03", "2030-04-01"],
    ),
    (
        "昨年5月2日に起きた事故の裁判で、被告は事故当日について「眠かった」と述べた。",
        "2026-10-01",
        ["2025-05-02", "2025-05-02"],
    ),
    ("衆院選は秋の知事選と同じ日になる見込みだ。", "2026-08-20", []),
    # an idiom, and a holiday that starts a longer word
    ("元日本代表の選手が3日、引退会見を開く。", "2026-02-02", ["2026-02-03"]),
    ("記者は「一日一日が勝負だ」と話した。", "2026-02-02", []),
    # a plan arranged around a day; an occasion a verb ahead acts on
    ("両政府は首脳会談を1月15日を軸に調整している。", "2027-12-28", ["2028-01-15"]),
    ("知事は「7月の国体を成功させたい」と述べた。", "2030-01-06", ["2030-07"]),
    # a month's figures come out after it
    ("日銀は今月中旬に、10月分の統計を公表する。", "2029-11-02", ["2029-11", "2029-10"]),
]


# An eleventh adversarial reader's sentences against these rules (110 fresh sentences:
# the first versions broke 2 of main's right ones, a criterion's day, 4月1日時点で65歳
# 以上, and a plan that was, 10日を軸に調整されていた; after narrowing none, 94 right
# against main's 72), with three of its classes the rules were widened to (a rate of
# steps, a day a plan is weighed around, a total over a period).
THIRTY_FOURTH_AND_FIFTH_NARROWED: list[tuple[str, str | None, list[str]]] = [
    (
        "新しい補助は、4月1日時点で65歳以上の市民が対象となる。",
        "2026-01-20",
        ["2026-04-01"],
    ),
    (
        "会談は当初、10日を軸に調整されていたが、15日にずれ込んだ。",
        "2027-05-20",
        ["2027-05-10", "2027-05-15"],
    ),
    (
        "一日に1万歩を歩くことを目標にしている。",
        "2025-12-01",
        [],
    ),
    (
        "首相は、臨時国会冒頭の5日を軸に衆院解散を検討している。",
        "2029-09-28",
        ["2029-10-05"],
    ),
    (
        "1月から11月までの累計で、県内の新築住宅着工数は前年同期を12％下回った。",
        "2025-12-31",
        ["2025-01/2025-11"],
    ),
]


# The thirty-sixth (short everyday news) and thirty-seventh (policy news that quotes people)
# sets' classes, and a year looked back on, in sentences written for this test.
THIRTY_SIXTH_AND_SEVENTH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # a day to come is not when a quote was said
    (
        "知事は31日の会見で、あすから始まる新制度について「来年度は相談窓口を増やす」と述べた。",
        "2024-03-31",
        ["2024-03-31", "2024-04-01", "2024-04/2025-03"],
    ),
    # the narration's anaphora counts from its own last date, not a quote's
    (
        "大臣は20日、辞意を表明した。談話では「先週の火曜日に報じられた件で迷惑をかけた」と"
        "した。首相は同日夜、後任を決めた。",
        "2031-05-20",
        ["2031-05-20", "2031-05-13", "2031-05-20"],
    ),
    # an undated text: a quote's year is the speaker's; the same speaker's next quote keeps it
    (
        "町長は「2029年度の開校を目指す」と述べた。町は10月1日から説明会を開く。",
        None,
        ["2029-04/2030-03", "--10-01"],
    ),
    (
        "「昭和20年3月10日の未明です」――その後は。「4月に長野の親類の家に身を寄せました」",
        None,
        ["1945-03-10", "1945-04"],
    ),
    # a year looked back on is not the narration's
    (
        "市長は2010年の市制施行を振り返り、「初心に帰る」と語った。定例会の会期は6月20日までの"
        "18日間。",
        None,
        ["2010", "--06-20"],
    ),
    # a quote's month from the day it was said
    (
        "委員長は30日、大阪市で演説した。演説後、記者団に「きょうで9月も終わる」と語った。",
        "2030-10-01",
        ["2030-09-30", "2030-09-30", "2030-09"],
    ),
    # an act's plan modifying its noun; この日 of a day just before the new year
    (
        "18日に開会予定の臨時議会では、昨年夏から議論が続く条例案を審議する。",
        "2030-01-04",
        ["2030-01-18", "2029"],
    ),
    (
        "帰省ラッシュのピークは12月30日で、この日だけで約5万人が利用した。",
        "2027-01-02",
        ["2026-12-30", "2026-12-30"],
    ),
]


# The thirty-eighth (political analysis with quotes) and thirty-ninth (international news)
# sets' classes, in sentences written for this test.
THIRTY_EIGHTH_AND_NINTH_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # a time reached takes the main verb's time; a supposition's is ahead
    ("6月に入ると、党幹部は周辺に解散論を漏らしていた。", "2029-07-20", ["2029-06"]),
    (
        "幹事長は、採決が9月にずれ込めば「会期延長もやむを得ない」との考えを示している。",
        "2029-06-25",
        ["2029-09"],
    ),
    # a plan told at a dated occasion; an occasion's act then a state that holds
    (
        "代表は26日の党会合で政権を批判し、法案の撤回を求める考えを示した。",
        "2028-12-30",
        ["2028-12-26"],
    ),
    ("4月の市長選で与党系候補は敗れ、党内の空気は重い。", "2030-05-02", ["2030-04"]),
    # an event's parts take the month told in their clause
    (
        "年が明ければ、4月には統一地方選の前半戦が12日、後半戦が26日に予定されている。",
        "2026-12-30",
        ["2027-04", "2027-04-12", "2027-04-26"],
    ),
    # an event's anaphora counts from the date beside its day noun
    (
        "13日投開票の知事選は、告示から初めての週末を迎えた。候補者は告示日の9月26日、"
        "第一声を上げた。期日前投票は告示翌日から始まっている。",
        "2030-10-05",
        ["2030-10-13", "2030-09-26", "2030-09-27"],
    ),
    # the act a time is counted since; a schedule done with; a time of day before の
    ("両首脳の会談は、10月に北京で開いて以来となる。", "2031-12-26", ["2031-10"]),
    (
        "閣僚会議は20日（日本時間21日）、3日間の日程を終えて閉幕した。",
        "2031-04-22",
        ["2031-04-20", "2031-04-21"],
    ),
    (
        "政府は18日夜の段階では、首相が隣国を訪れるとだけ発表していた。",
        "2027-03-22",
        ["2027-03-18"],
    ),
    # 即日 is the day of the act just told; a same-day service is none
    ("町長選は8日投票が行われ、即日開票された。", "2026-11-09", ["2026-11-08", "2026-11-08"]),
    ("同社は即日融資の受け付けを始めた。", "2026-11-09", []),
]


# A thirteenth adversarial reader's sentences against these rules (110 fresh sentences:
# the first versions broke 2 of main's right ones, a quote's 15日になると and what would
# have been, 3月に終わっていれば; after narrowing none, 107 right against main's 90), with
# five of its classes the rules were widened to.
THIRTY_EIGHTH_AND_NINTH_NARROWED: list[tuple[str, str | None, list[str]]] = [
    (
        "大会組織委員会は9日、雨天で順延した決勝は15日になると発表した。",
        "2028-03-10",
        ["2028-03-09", "2028-03-15"],
    ),
    (
        "工事が3月に終わっていれば、観光客の減少は避けられたはずだ。",
        "2025-07-10",
        ["2025-03"],
    ),
    (
        "統一地方選は来年4月に行われ、前半戦が11日、後半戦が25日に投開票される。",
        "2026-12-31",
        ["2027-04", "2027-04-11", "2027-04-25"],
    ),
    (
        "県の新人戦は10月に開催され、初日は4日、最終日は12日の予定だ。",
        "2028-08-20",
        ["2028-10", "2028-10-04", "2028-10-12"],
    ),
    (
        "国土交通省は15日、新線の開通日を3月20日と発表した。沿線の自治体は開通前日に記念式典を開く。",
        "2026-01-16",
        ["2026-01-15", "2026-03-20", "2026-03-19"],
    ),
    (
        "改正法は、1日に施行されて以来初めての大型連休を迎える。",
        "2030-04-28",
        ["2030-04-01"],
    ),
    (
        "27日夕の段階では、市は近く通行止めを解除する見通しを示していた。",
        "2028-02-29",
        ["2028-02-27"],
    ),
]


# The fortieth (short news rich in numbers) and forty-first (features, columns and
# editorials) sets' classes, in sentences written for this test.
FORTIETH_AND_FIRST_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # what a day was; an event's day as a topic, going on in its sentence's tense
    ("御用納めだった28日、役所の窓口は混み合った。", "2029-12-30", ["2029-12-28"]),
    (
        "全国高校総体の最終日は5日、各地で競技が行われ、県勢は3種目で優勝した。",
        "2027-06-06",
        ["2027-06-05"],
    ),
    (
        "大谷さんが28日、死去した。1998年に芸術院会員となった。通夜は5月2日午後6時、"
        "告別式は3日正午から。",
        "2031-04-30",
        ["2031-04-28", "1998", "2031-05-02", "2031-05-03"],
    ),
    # names and rules, counts and categories
    ("町長選は25日投開票された。当日有権者数は1万2000人だった。", "2026-10-26", ["2026-10-25"]),
    ("日本漢字能力検定協会は12日、「今年の漢字」を発表した。", "2030-12-15", ["2030-12-12"]),
    ("敬老の日は9月の第3月曜日に移った。", "2030-09-01", []),
    ("真夏日が30日を超える年も珍しくない。", "2029-09-01", []),
    (
        "昨年の来場者は約200万人で、2018年の約150万人を上回った。12月単月でも約30万人と、"
        "同じ月として過去最多だった。",
        "2027-01-20",
        ["2026", "2018", "2026-12"],
    ),
]


# A fourteenth adversarial reader's sentences against these rules (72 fresh sentences:
# the first versions broke 2 of main's right ones, a day a thing should have happened on,
# 開業するはずだった20日, and a topic's year before a base, 2023年の来場者数は前年を上回る;
# after narrowing none, 62 right against main's 47), with a count the rules were widened to.
FORTIETH_AND_FIRST_NARROWED: list[tuple[str, str | None, list[str]]] = [
    (
        "新駅舎が開業するはずだった20日には、記念式典の代わりに内覧会だけを開く。",
        "2029-04-10",
        ["2029-04-20"],
    ),
    (
        "真夏日は今月に入って既に12日を数えた。",
        "2029-08-14",
        ["2029-08"],
    ),
    (
        "2023年の来場者数は前年を1割上回った。5月の大型連休中が最も多かった。",
        "2025-08-03",
        ["2023", "2023-05"],
    ),
]


# The forty-second (short news) and forty-third (political news analysis) sets' classes,
# in sentences written for this test.
FORTY_SECOND_AND_THIRD_SET_CLASSES: list[tuple[str, str | None, list[str]]] = [
    # a clause on a topic of its own is no step of the chain before it
    (
        "知事の任期は11月末に満了し、県議会は来月上旬にも選挙日程を決める。",
        "2029-06-28",
        ["2029-11", "2029-07"],
    ),
    (
        "本選挙は26日に投開票され、町議補選は19日に告示される。",
        "2030-04-10",
        ["2030-04-26", "2030-04-19"],
    ),
    # the base year of an anniversary is no narration year
    (
        "両国は1978年の条約締結から50年の節目を迎えた。10月23日には記念式典が開かれた。",
        "2028-12-20",
        ["1978", "2028-10-23"],
    ),
]


# Each later set's classes, above, each in sentences written for its test.
@pytest.mark.parametrize(
    ("text", "source_date", "expected"),
    [
        *SEVENTEENTH_SET_CLASSES,
        *EIGHTEENTH_SET_CLASSES,
        *NINETEENTH_SET_CLASSES,
        *TWENTIETH_SET_CLASSES,
        *TWENTY_FIRST_SET_CLASSES,
        *TWENTY_SECOND_TO_FOURTH_SET_CLASSES,
        *TWENTY_SECOND_TO_FOURTH_NARROWED,
        *TWENTY_SIXTH_SET_CLASSES,
        *TWENTY_SIXTH_NARROWED,
        *LOOKALIKES_LEFT,
        *TWENTY_SEVENTH_SET_CLASSES,
        *LOOKALIKES_NARROWED,
        *TWENTY_EIGHTH_SET_CLASSES,
        *TWENTY_EIGHTH_NARROWED,
        *TWENTY_NINTH_SET_CLASSES,
        *TWENTY_NINTH_NARROWED,
        *THIRTY_FIRST_SET_CLASSES,
        *THIRTY_SECOND_AND_THIRD_SET_CLASSES,
        *THIRTY_SECOND_AND_THIRD_NARROWED,
        *THIRTY_FOURTH_AND_FIFTH_SET_CLASSES,
        *THIRTY_FOURTH_AND_FIFTH_NARROWED,
        *THIRTY_SIXTH_AND_SEVENTH_SET_CLASSES,
        *THIRTY_EIGHTH_AND_NINTH_SET_CLASSES,
        *THIRTY_EIGHTH_AND_NINTH_NARROWED,
        *FORTIETH_AND_FIRST_SET_CLASSES,
        *FORTIETH_AND_FIRST_NARROWED,
        *FORTY_SECOND_AND_THIRD_SET_CLASSES,
    ],
)
def test_the_seventeenth_to_forty_third_sets_classes(
    text: str, source_date: str | None, expected: list[str]
) -> None:
    assert dates_of_text(text, source_date) == expected


def test_date_span_is_the_calendar_days_an_iso_date_can_mean() -> None:
    from briefgen.summarize.mentions import date_span

    assert date_span("2028-02") == (dt.date(2028, 2, 1), dt.date(2028, 2, 29))
    assert date_span("2027-02") == (dt.date(2027, 2, 1), dt.date(2027, 2, 28))
    assert date_span("2024") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert date_span("2023-04/2024-03") == (dt.date(2023, 4, 1), dt.date(2024, 3, 31))
    assert date_span("2025-11-30/2025-12-01") == (dt.date(2025, 11, 30), dt.date(2025, 12, 1))
    assert date_span("--09-05") is None
    assert date_span("2025-02-30") is None
