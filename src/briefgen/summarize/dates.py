"""A dated timeline: find date expressions, resolve their years.

Finding (:func:`find_dates`) knows ``2024年7月21日``, ``2024年7月``, ``1943年``,
``7月25日``, ``18日``, ``同年10月2日``, ranges (``8月31日〜9月3日``), era years
(``令和7年``, ``平成28年``, ``平成元年``), fiscal years (``2007年度``, and
``昨年度`` counted from April), relative days, years and months (``昨日``,
``昨年``, ``今年元日``, ``来年``, ``先月``, ``今月``, ``来月``),
full-width digits, kanji numerals (``十月``, ``平成四年``) and stray spaces
(``10 月2 日``).

Resolving (:func:`timeline`), in reading order, each date gets a year and says how:

- ``explicit``: the text gives the year (or an era year);
- ``carried``: ``同年…``, ``95年`` after ``1995年`` (a two-digit year is a date
  only when the text has written the year in full), a bare ``18日`` after a month in
  the same sentence, or a month-day up to :data:`CARRY_SENTENCES` sentences after an
  explicit year in the same section (a year after the source's own, a plan, is not
  carried);
- ``relative``: from the source's date: ``昨年``, ``先月``…; a month-day with no
  earlier year in its section takes the year that puts it on or before the source
  date (an article of 10 January speaking of 12月 means last December), unless it
  falls within the next 60 days (an article of 28 February announcing 三月二日);
  a bare ``18日`` with no month in its sentence is the last 18th on or before the
  source date;
- ``unresolved``: no year can be found (an undated source): the date keeps only
  what the text says (``--08-15``, ISO 8601's form without a year).

A speaker's ``本日`` in a sentence that performs the speech itself (本日は…紹介いたします,
本日の質問を終わります) dates nothing and is left out.

Chinese shares the Japanese forms (2021年11月11日, 去年, 明年, 昨天…). Languages
written with spaces find ``14. Juli 2021``, ``12 décembre``, ``July 21, 2024``,
``December 2021``, ``2024-07-21``, a year after a word like "in" or "seit", and
relative words ("yesterday", "l'an dernier", "в прошлом году"), all from their
entry in :data:`briefgen.text.languages.RULES`; resolving is shared.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.model import Sentence
from briefgen.text.languages import RULES

CARRY_SENTENCES = 2  # how far an explicit year carries to a later month-day
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                 "七": 7, "八": 8, "九": 9}  # fmt: skip
_NUMBER = r"[0-9]{1,4}|[〇零一二三四五六七八九十百千]{1,8}|元"
_S = r"[ \u3000]*"  # stray spaces, as in 10 月2 日

_ERA = "|".join(_ERAS)
_YEAR = (
    rf"(?:(?P<era>{_ERA}){_S}(?P<era_year>{_NUMBER})"
    rf"|(?P<year>[0-9]{{4}}|[〇一二三四五六七八九]{{4}})|(?P<same>同)"
    rf"|(?<![0-9過約こ])(?P<short_year>[0-9]{{2}})"
    rf"(?=年(?![間前後目来半以余近ぶでかほ経たぐ分越]))"
    rf")年(?![齢代輩])(?:度)?"
)
_RELATIVE = (
    r"(?P<relative>一昨年|昨年|今年|来年|先月|今月|来月|去年|明年|上个月|本月|下个月)"
    r"(?P<fiscal>度)?"
)
_RELATIVE_DAY = r"(?P<relative_day>一昨日|昨日|今日|本日|明日|昨天|今天|明天|前天)"
# Chinese words for the same, as the Japanese ones the resolver knows.
_CHINESE = {"去年": "昨年", "明年": "来年", "上个月": "先月", "本月": "今月", "下个月": "来月",
            "昨天": "昨日", "今天": "今日", "明天": "明日", "前天": "一昨日"}  # fmt: skip
_NEW_YEAR = r"(?P<new_year>元日|元旦)"


def _month(tag: str) -> str:
    return rf"(?P<month{tag}>{_NUMBER}){_S}月"


def _day(tag: str) -> str:
    return rf"(?P<day{tag}>{_NUMBER}){_S}[日号]"  # 号: Chinese 11月11号


# One alternative per form; Python wants distinct group names, hence the tags.
_DATE = re.compile(
    rf"{_RELATIVE_DAY}"
    rf"|{_RELATIVE}(?:{_S}{_NEW_YEAR}|(?:{_S}{_month('_r')})?(?:{_S}{_day('_r')})?)"
    rf"|{_YEAR}(?:の?{_S}{_month('_y')}(?:{_S}{_day('_y')})?)?"
    rf"|{_month('')}(?:{_S}{_day('')})?"
    rf"|(?<![0-9月年])(?P<bare_day>[0-9]{{1,2}}){_S}日(?![本間目前後])"
    rf"|(?<![年月今昨来]){_NEW_YEAR.replace('new_year', 'bare_new_year')}"
)
# A speaker's own act, said as it is done (本日は…紹介いたします): no event to date.
_SPEECH_ACT = re.compile(
    r"(?:いたし|申し上げ|伺い|終わり|始め|質問し|紹介し|説明し|報告し|述べ)ます[。！]?$"
)
_RANGE = re.compile(
    rf"{_S}[〜～~\-–—]{_S}|から|至|到|\s+(?:to|until|bis|au|à|al|a|tot|по|до)\s+(?:the\s+)?"
)


@dataclass(frozen=True)
class DateMention:
    """One date expression as written: its span in the text and the parts it gives."""

    span: tuple[int, int]
    year: int | None = None
    month: int | None = None
    day: int | None = None
    same_year: bool = False  # 同年
    relative: str | None = None  # 昨年, 先月, 昨日...
    fiscal: bool = False  # 昨年度: Japan's fiscal year, April to March
    bare_day: bool = False  # 18日 alone
    short_year: int | None = None  # 95年: a year written with two digits


@dataclass(frozen=True)
class Dated:
    """A resolved date of one sentence: ISO text, how it was resolved, its sentence."""

    date: str  # "2024-07-21", "2024-07", "1943", "2025-08-31/2025-09-03", "--08-15"
    resolution: str  # explicit | carried | relative | unresolved
    sentence_id: str
    span: tuple[int, int]  # within the sentence


def _number(text: str) -> int | None:
    text = unicodedata.normalize("NFKC", text)
    if text.isdigit():
        return int(text)
    if text == "元":
        return 1
    if all(ch in _KANJI_DIGITS for ch in text) and len(text) > 1:
        return int("".join(str(_KANJI_DIGITS[ch]) for ch in text))  # 二〇三〇: digit by digit
    total, current = 0, 0
    for ch in text:
        if ch in _KANJI_DIGITS:
            current = _KANJI_DIGITS[ch]
        elif ch in "十百千":
            total += (current or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            current = 0
        else:
            return None
    return total + current


def find_dates(text: str, language: str = "ja") -> list[DateMention]:
    """The date expressions of ``text``, left to right: Japanese and Chinese forms, or
    those of a language with month names in :data:`briefgen.text.languages.RULES`."""
    if language not in ("ja", "zh"):
        return _find_spaced_dates(text, language)
    # NFKC turns full-width digits into ASCII one for one, so spans stay valid.
    normalized = "".join(
        unicodedata.normalize("NFKC", ch) if "０" <= ch <= "９" else ch for ch in text
    )
    found = []
    for match in _DATE.finditer(normalized):
        parts = match.groupdict()
        month_text = parts["month_r"] or parts["month_y"] or parts["month"]
        day_text = parts["day_r"] or parts["day_y"] or parts["day"] or parts["bare_day"]
        month = _number(month_text) if month_text else None
        day = _number(day_text) if day_text else None
        if parts["new_year"] or parts["bare_new_year"]:
            month, day = 1, 1
        if month is not None and not 1 <= month <= 12:
            continue
        if day is not None and not 1 <= day <= 31:
            continue
        year = None
        if parts["year"]:
            year = _number(parts["year"])
        elif parts["era"]:
            era_year = _number(parts["era_year"])
            if era_year is None:
                continue
            year = _ERAS[parts["era"]] + era_year
        if year is not None and not 1 <= year <= 9999:
            continue
        if day is not None and month is not None and not _valid(year or 2000, month, day):
            continue  # 2月30日: not a date
        relative = parts["relative"] or parts["relative_day"]
        found.append(
            DateMention(
                span=match.span(),
                year=year,
                month=month,
                day=day,
                same_year=bool(parts["same"]),
                relative=_CHINESE.get(relative, relative) if relative else None,
                fiscal=bool(parts["fiscal"]),
                bare_day=bool(parts["bare_day"]),
                short_year=int(parts["short_year"]) if parts["short_year"] else None,
            )
        )
    return found


@functools.cache
def _spaced_pattern(language: str) -> re.Pattern[str] | None:
    rules = RULES.get(language)
    if rules is None or not rules.months:
        return None
    months = "|".join(
        sorted((re.escape(form) for forms in rules.months for form in forms), key=len, reverse=True)
    )
    relative = "|".join(sorted(map(re.escape, rules.relative), key=len, reverse=True))
    years = "|".join(sorted(map(re.escape, rules.year_words), key=len, reverse=True))
    day = r"(?P<day{0}>[0-3]?[0-9])(?:er|st|nd|rd|th|º)?"
    year = r"(?P<year{0}>[0-9]{{4}})(?![0-9])"
    month = rf"(?P<month{{0}}>{months})\.?"
    forms = [
        r"(?P<iso_year>[0-9]{4})-(?P<iso_month>[0-9]{1,2})-(?P<iso_day>[0-9]{1,2})(?![0-9])",
        # 14. Juli 2021, 12 décembre, 21 July 2024, 12 de diciembre de 2021, 12 декабря 2021
        rf"{day.format(1)}\.?\s+(?:de\s+|of\s+)?{month.format(1)}(?:,?\s+(?:de\s+|del\s+)?{year.format(1)})?",
        # July 21, 2024; July 21
        rf"{month.format(2)}\s+{day.format(2)}(?![0-9])(?:,?\s+{year.format(2)})?",
        # December 2021, diciembre de 2021
        rf"{month.format(3)}\s+(?:de\s+)?{year.format(3)}",
        rf"(?P<relative>{relative})" if relative else "(?!)",
        rf"(?:{years})\s+(?P<bare_year>(?:1[89]|20)[0-9]{{2}})(?![0-9.,]?[0-9])"
        if years
        else "(?!)",
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)", re.IGNORECASE)


_CAPITAL_MONTHS = frozenset(("en", "de"))


def _find_spaced_dates(text: str, language: str) -> list[DateMention]:
    pattern = _spaced_pattern(language)
    if pattern is None:
        return []
    rules = RULES[language]
    month_number = {form: n for n, forms in enumerate(rules.months, 1) for form in forms}
    found = []
    # aujourd’hui is aujourd'hui: the same length, so spans stay valid.
    for match in pattern.finditer(text.replace("’", "'")):
        parts = {k: v for k, v in match.groupdict().items() if v}
        month_word = next((parts[k] for k in ("month1", "month2", "month3") if k in parts), "")
        if month_word[:1].islower() and language in _CAPITAL_MONTHS:
            continue  # "may 5", "march on": English and German write months with a capital
        if "relative" in parts:
            relative = rules.relative[parts["relative"].lower()]
            found.append(DateMention(span=match.span(), relative=relative))
            continue
        if "bare_year" in parts:
            found.append(DateMention(span=match.span("bare_year"), year=int(parts["bare_year"])))
            continue
        year: int | None
        day: int | None
        if "iso_year" in parts:
            year, month, day = (int(parts[f"iso_{k}"]) for k in ("year", "month", "day"))
        else:
            month_text = next(parts[k] for k in ("month1", "month2", "month3") if k in parts)
            month = month_number[month_text.lower().rstrip(".")]
            day_text = parts.get("day1") or parts.get("day2")
            day = int(day_text) if day_text else None
            year_text = parts.get("year1") or parts.get("year2") or parts.get("year3")
            year = int(year_text) if year_text else None
        if not _valid(year or 2000, month, day):
            continue
        found.append(DateMention(span=match.span(), year=year, month=month, day=day))
    return found


def timeline(
    sentences: Sequence[Sentence], source_date: dt.date | None, language: str = "ja"
) -> list[Dated]:
    """Every dated statement of a source, in reading order, with resolved dates."""
    events: list[Dated] = []
    last_year: int | None = None  # the last year resolved, for 同年
    last_month: tuple[int, int | None] | None = None  # (month, year) for a bare 18日
    section_year: dict[int, tuple[int, int]] = {}  # section → (last explicit year, where)
    explicit_years: list[int] = []  # for 95年 after 1995年
    bare_days: dict[int, tuple[int | None, int | None]] = {}  # 18日 → the month it was
    for position, sentence in enumerate(sentences):
        mentions = find_dates(sentence.text, language)
        if source_date is not None:
            last_month = None  # a bare day takes its month from its own sentence only
        index = 0
        while index < len(mentions):
            mention = mentions[index]
            end = mention
            # A range: two dates joined by 〜, ～, -, から
            if index + 1 < len(mentions) and not (mention.relative or mentions[index + 1].relative):
                gap = sentence.text[mention.span[1] : mentions[index + 1].span[0]]
                if _RANGE.fullmatch(gap):
                    end = mentions[index + 1]
                    index += 1
            index += 1
            if mention.relative in ("今日", "本日") and _SPEECH_ACT.search(sentence.text):
                continue  # 本日の質問を終わります: the speech itself, not an event it reports
            is_range = end is not mention
            if is_range and end.year and not (mention.year or mention.relative):
                # "3 July to 5 July 2021", 7月3日から2021年7月5日: the range's year is the start's.
                across = mention.month is not None and end.month is not None
                across = across and (mention.month or 0) > (end.month or 0)
                mention = dataclasses.replace(
                    mention,
                    year=end.year - 1 if across else end.year,
                    same_year=False,
                    short_year=None,
                    bare_day=False,
                )
            carrier = section_year.get(sentence.section)
            recent = carrier[0] if carrier and position - carrier[1] <= CARRY_SENTENCES else None
            first: tuple[int | None, int | None, int | None, str] | None
            if mention.short_year is not None:
                # 95年: the year already written in full that ends in 95; else no date
                # (二十年 of history is a duration).
                full = [y for y in explicit_years if y % 100 == mention.short_year]
                if not full:
                    continue
                mention = dataclasses.replace(mention, year=full[-1], short_year=None)
                first = (full[-1], mention.month, mention.day, "carried")
            else:
                after = sentence.text[mention.span[1] :]
                clause = _CLAUSE_END.split(after, maxsplit=1)[0]
                # "13日の便を欠航とすることを決めた": the date names a thing, not the deed.
                past = not after.startswith("の") and clause.rstrip("」』）) ").endswith(
                    _PAST_ENDINGS
                )
                first = _resolve(mention, source_date, last_year, last_month, recent, past)
                if mention.bare_day and mention.day is not None and first is not None:
                    # The same 18日 twice in one text is the same day.
                    if mention.day in bare_days and first[3] == "relative":
                        year, month = bare_days[mention.day]
                        first = (year, month, mention.day, "relative")
                    bare_days.setdefault(mention.day, (first[0], first[1]))
            if first is None:
                continue
            year, month, day, how = first
            if (year is None and month is None) or not _valid(year or 2000, month, day):
                continue  # nothing to place, or no such day in that month and year
            text = _iso(year, month, day)
            if is_range:
                end_year = end.year or year
                end_month = end.month or month
                if (
                    end.year is None
                    and end_month is not None
                    and month is not None
                    and end_month < month
                    and year
                ):
                    end_year = year + 1  # 12月28日〜1月4日
                if end_month is not None and _valid(end_year or 2000, end_month, end.day):
                    text = f"{text}/{_iso(end_year, end_month, end.day)}"
            events.append(Dated(text, how, sentence.id, (mention.span[0], end.span[1])))
            if year is not None:
                last_year = year
                future = source_date is not None and year > source_date.year
                if how == "explicit" and not future:
                    section_year[sentence.section] = (year, position)
                if how == "explicit":
                    explicit_years.append(year)
            if month is not None:
                last_month = (month, year)
    return events


# A clause ends at a comma or a full stop; one ending in た / 了 tells what was done.
_CLAUSE_END = re.compile(r"[、。，！？]")  # not "." (ワシントンD.C.で)
_PAST_ENDINGS = ("た", "了")  # だった, した, ました; not the copula だ (見通しだ)


def _resolve(
    mention: DateMention,
    source_date: dt.date | None,
    last_year: int | None,
    last_month: tuple[int, int | None] | None,
    recent_year: int | None,
    past: bool = True,
) -> tuple[int | None, int | None, int | None, str] | None:
    month, day = mention.month, mention.day
    if mention.relative:
        if source_date is None:
            return None
        if mention.relative.endswith("日"):
            offset = {"一昨日": -2, "昨日": -1, "今日": 0, "本日": 0, "明日": 1}[mention.relative]
            when = source_date + dt.timedelta(days=offset)
            return when.year, when.month, when.day, "relative"
        if mention.relative.endswith("年"):
            offset = {"一昨年": -2, "昨年": -1, "今年": 0, "来年": 1}[mention.relative]
            base = source_date.year
            if mention.fiscal and source_date.month < 4:
                base -= 1  # January to March belong to the fiscal year begun last April
            return base + offset, month, day, "relative"
        offset = {"先月": -1, "今月": 0, "来月": 1}[mention.relative]
        months = source_date.year * 12 + source_date.month - 1 + offset
        return months // 12, months % 12 + 1, day, "relative"
    if mention.year is not None:
        return mention.year, month, day, "explicit"
    if mention.same_year:
        if last_year:
            return last_year, month, day, "carried"
        return (None, month, day, "unresolved") if month else None
    if mention.bare_day:
        if last_month is not None:
            month, year = last_month
            return (year, month, day, "carried") if year else (None, month, day, "unresolved")
        if source_date is None or day is None:
            return None  # "18日" with nothing to place it by
        # What a clause reports as done (…が行われた) is the last such day on or before
        # the source date; what it tells as still to come (25日に対戦する, in a report
        # of the 20th) the next such day on or after it.
        here = source_date.year * 12 + source_date.month - 1
        candidates = [
            dt.date(m // 12, m % 12 + 1, day)
            for m in (here - 2, here - 1, here, here + 1)
            if _valid(m // 12, m % 12 + 1, day)
        ]
        if past:
            candidates = [d for d in candidates if d <= source_date]
        else:  # still to come (開幕する): on or after the source date
            candidates = [d for d in candidates if d >= source_date] or candidates
        when = min(candidates, key=lambda d: (abs((d - source_date).days), d > source_date))
        return when.year, when.month, when.day, "relative"
    if month is None:
        return None
    if recent_year is not None:
        return recent_year, month, day, "carried"
    if source_date is not None:
        return _nearest_year(month, day, source_date), month, day, "relative"
    return None, month, day, "unresolved"


def _nearest_year(month: int, day: int | None, source_date: dt.date) -> int:
    """The year for a month-day: on or before the source date, unless it falls within
    the 60 days after it (news announces what comes next, not what came 11 months ago)."""
    year = source_date.year
    try:
        this_year = dt.date(year, month, min(day or 1, 28))
    except ValueError:
        return year
    if this_year <= source_date:
        return year
    return year if (this_year - source_date).days <= 60 else year - 1


def _valid(year: int, month: int | None, day: int | None) -> bool:
    """Whether the date exists in years 1 to 9999."""
    if not 1 <= year <= 9999:
        return False
    if month is None or day is None:
        return month is None or 1 <= month <= 12
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _iso(year: int | None, month: int | None, day: int | None) -> str:
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"
