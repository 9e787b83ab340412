"""The timeline against a calendar written here, independently of its rules.

Random article dates (month ends, 29 February, 31 December and 1 January weighted in)
× day numbers, months and weekdays × sentences of past reports and of scheduled events.
The oracle walks the calendar one day at a time: a past report names the latest such
day on or before the article date, a scheduled event the earliest on or after it.
The number of examples comes from the hypothesis profile (tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.model import Sentence
from briefgen.summarize.dates import timeline

KANJI_WEEKDAYS = "月火水木金土日"
SPECIAL = [dt.date(2024, 2, 29), dt.date(2025, 12, 31), dt.date(2026, 1, 1),
           dt.date(2025, 1, 31), dt.date(2024, 3, 1), dt.date(2025, 2, 28),
           dt.date(2025, 4, 30), dt.date(2028, 2, 29)]  # fmt: skip
article_dates = st.one_of(
    st.sampled_from(SPECIAL),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
)

PAST = [
    "政府は{d}、新たな経済対策を閣議決定した。",
    "県警は{d}、男を詐欺の疑いで逮捕したと発表した。",
    "首相は{d}、記者団に「全力で取り組む」と述べた。",
    "{d}に開かれた党大会で、新しい代表が選ばれた。",
    "日本銀行は{d}、金融政策決定会合で利上げを決めた。",
]
FUTURE = [
    "大会は{d}に開幕する。",
    "首相は{d}に訪米する予定だ。",
    "新しい制度は{d}から施行される見通しだ。",
    "両国は{d}に首脳会談を開く方針を固めた。",
    "外相は「{d}に現地を訪れる」と述べた。",
]


def dated(text: str, article: dt.date) -> list[str]:
    sentence = Sentence("s1", text, 0, 0, (0, len(text)))
    return [e.date for e in timeline([sentence], article)]


def latest_on_or_before(article: dt.date, matches: object) -> dt.date:
    day = article
    while not matches(day):  # type: ignore[operator]
        day -= dt.timedelta(days=1)
    return day


def earliest_on_or_after(article: dt.date, matches: object) -> dt.date:
    day = article
    while not matches(day):  # type: ignore[operator]
        day += dt.timedelta(days=1)
    return day


@settings(deadline=None)
@given(article_dates, st.integers(1, 31), st.sampled_from(PAST))
def test_a_day_in_a_past_report_is_the_latest_on_or_before(
    article: dt.date, day: int, template: str
) -> None:
    expected = latest_on_or_before(article, lambda d: d.day == day)
    assert dated(template.format(d=f"{day}日"), article) == [expected.isoformat()]


@settings(deadline=None)
@given(article_dates, st.integers(1, 31), st.sampled_from(FUTURE))
def test_a_day_of_a_scheduled_event_is_the_earliest_on_or_after(
    article: dt.date, day: int, template: str
) -> None:
    expected = earliest_on_or_after(article, lambda d: d.day == day)
    assert dated(template.format(d=f"{day}日"), article) == [expected.isoformat()]


def valid_month_days() -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(st.integers(1, 12), st.integers(1, 31)).filter(
        lambda md: md[1] <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][md[0] - 1]
    )


@settings(deadline=None)
@given(article_dates, valid_month_days(), st.booleans())
def test_a_month_day_follows_the_tense_across_year_ends_and_leap_days(
    article: dt.date, month_day: tuple[int, int], past: bool
) -> None:
    month, day = month_day

    def matches(d: dt.date) -> bool:
        return (d.month, d.day) == (month, day)

    phrase = f"{month}月{day}日"
    if past:
        expected = latest_on_or_before(article, matches)
        text = PAST[0].format(d=phrase)
    else:
        expected = earliest_on_or_after(article, matches)
        text = FUTURE[0].format(d=phrase)
    assert dated(text, article) == [expected.isoformat()]


@settings(deadline=None)
@given(article_dates, st.integers(0, 6), st.sampled_from([("先週", -1), ("今週", 0), ("来週", 1)]))
def test_a_weekday_of_last_this_or_next_week(
    article: dt.date, weekday: int, week: tuple[str, int]
) -> None:
    word, offset = week
    monday = article
    while monday.weekday() != 0:
        monday -= dt.timedelta(days=1)
    expected = monday + dt.timedelta(days=7 * offset + weekday)
    text = f"両首脳は{word}{KANJI_WEEKDAYS[weekday]}曜日に会談する。"
    assert dated(text, article) == [expected.isoformat()]


@settings(deadline=None)
@given(
    article_dates,
    st.sampled_from(
        [
            ("おととい", -2),
            ("一昨日", -2),
            ("きのう", -1),
            ("昨日", -1),
            ("きょう", 0),
            ("今日", 0),
            ("あす", 1),
            ("あした", 1),
            ("明日", 1),
            ("あさって", 2),
            ("明後日", 2),
        ]
    ),
)
def test_relative_days_in_kanji_and_kana(article: dt.date, word: tuple[str, int]) -> None:
    text, offset = word
    expected = article + dt.timedelta(days=offset)
    assert dated(f"市長は{text}、記者会見を開いた。", article) == [expected.isoformat()]


@settings(deadline=None)
@given(article_dates, st.integers(1, 28), st.integers(1, 3))
def test_a_range_of_days_keeps_both_ends(article: dt.date, first: int, length: int) -> None:
    last = first + length

    def has_both(d: dt.date) -> bool:  # 27〜30日 names a month that has the 30th
        return d.day == first and (d + dt.timedelta(days=length)).month == d.month

    start = earliest_on_or_after(article, has_both)
    end = start.replace(day=last)
    text = f"見本市は{first}〜{last}日に開かれる予定だ。"
    assert dated(text, article) == [f"{start.isoformat()}/{end.isoformat()}"]
