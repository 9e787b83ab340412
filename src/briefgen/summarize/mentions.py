"""What a date expression says, as the finders read it: the Japanese and Chinese one
(:mod:`briefgen.summarize.japanese_dates`) and the one for languages written with
spaces (:mod:`briefgen.summarize.spaced_dates`) both make :class:`DateMention`; the
resolver in :mod:`briefgen.summarize.resolve_dates` places them on the calendar."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

# A date's direction from the article date: on or before it, on or after it, or
# (after_act) on or after the day of the past act that looked ahead to it: the day its
# sentence told before it (3日公示され、20日の投開票に向けた選挙戦が始まった: the 20th
# after the 3rd), else three days before the article date (news tells an act of the
# last few days); (chain_ahead) a chain of verbs that ends ahead: a bare day still to come
# this month is ahead, else the nearest; None: the nearest.
Tense = Literal["past", "future", "after_act", "chain_ahead"] | None


@dataclass(frozen=True)
class DateMention:
    """One date expression as written: its span and what it says.

    ``kind``: ``calendar`` (parts written out: ``year``/``month``/``day``, a year given
    by ``short_year`` or not at all; a day without its month may carry its
    ``weekday``: "Tuesday the 19th"), ``day_word`` / ``week_word`` / ``month_word`` /
    ``year_word`` (``offset`` from the article date; a week is Monday to Sunday),
    ``anaphora`` (``offset`` from the date last mentioned, in ``unit``s: ``day``,
    ``month`` or ``year``), ``weekday`` (``weekday`` 0 = Monday; ``offset`` weeks from
    the article's, ``None`` for a bare weekday), ``weekday_step`` ("last Monday":
    ``offset`` -1 the last before the article date, 1 the next after it), ``fixed``
    (大みそか, 元日: ``month`` and ``day`` with no year).
    """

    span: tuple[int, int]
    kind: str = "calendar"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None  # 3〜5日: the range's last day
    month_end: int | None = None  # 1〜6月: the range's last month
    offset: int | None = None
    unit: str | None = None
    weekday: int | None = None
    fiscal: bool = False  # 年度: Japan's fiscal year, April to March
    period: str | None = None  # "end" (末) or "start" (初め) of a year
    short_year: int | None = None  # 95年: a year written with two digits
    # 62年に… opening a clause: a year of the century the text's years are in
    short_year_leads: bool = False
    # 27年度, 24年12月: a two-digit year with its month or fiscal 度, a year anywhere
    short_year_told: bool = False
    year_end: int | None = None  # 2025〜30年度: the last year of a range of years
    years_before: int | None = None  # 80年前のきょう: this day of a year so many before
    in_year: int | None = None  # 1945年のこの日: the article's month-day in that year
    demonstrative: bool = False  # この日: the day last told, back from any background year
    anchor: str | None = None  # 地震の翌日: the event a day anaphora counts from (地震)
    since: bool = False  # 2023年以来: the start of a period up to now, not a time told of
    compared: bool = False  # 前回2020年を上回った: a comparison's base, no time told in
    as_of: bool = False  # 3月15日時点で: a statistic's day, near the article's, no narration
    frames_sentence: bool = False  # 昨年は, 今年2月の大会では、: its sentence's time

    @property
    def bare_day(self) -> bool:
        return self.kind == "calendar" and self.month is None and self.day is not None

    @property
    def needs_frame(self) -> bool:
        """Whether placing it needs a direction from the tense."""
        return self.kind in ("calendar", "fixed", "weekday") and self.year is None


def date_span(iso: str) -> tuple[dt.date, dt.date] | None:
    """The first and last calendar day an ISO date, year-month, year or range can mean
    (``2014-09`` → 1 to 30 September); ``None`` for a date without a year (``--09-05``)."""
    first, _, last = iso.partition("/")
    if first.startswith("--"):
        return None
    try:
        start = [int(p) for p in first.split("-")]
        stop = [int(p) for p in (last or first).split("-")]
        begin = dt.date(
            start[0], start[1] if len(start) > 1 else 1, start[2] if len(start) > 2 else 1
        )
        if len(stop) == 3:
            return begin, dt.date(*stop)
        year, month = stop[0], stop[1] if len(stop) > 1 else 12
        return begin, dt.date(year, month, calendar.monthrange(year, month)[1])
    except (ValueError, IndexError):
        return None


def valid_date(year: int, month: int | None, day: int | None) -> bool:
    """Whether the date exists in years 1 to 9999."""
    if not 1 <= year <= 9999:
        return False
    if month is None or day is None:
        return month is None or 1 <= month <= 12
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
