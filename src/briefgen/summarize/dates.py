"""A dated timeline: find date expressions, resolve them on the calendar.

**The resolution model.** A date the text writes in full (``2024年7月21日``, an era
year) is taken as written. Every other date is placed from a frame — the article's
date, or the date last mentioned — and, where the frame leaves a choice (a day
without its month, a month-day without its year, a weekday), the **tense of the
predicate the date belongs to** decides the direction:

- a date set off by a comma (``政府は2日、…した``, the wire-service lede) belongs to
  the sentence's main predicate; any other date to the first predicate after it
  (``25日に開幕する``), skipping quotes and brackets opened after it, so a date inside a
  quote takes the quote's own predicate (``「25日に発表する」と述べた``);
- past (``…た``, and ``…ている``, a state that has begun) → the latest such day **on or
  before** the article date; non-past ending a sentence, a quote or a plan
  (``…する``, ``…すると述べた``, ``予定``, ``方針``, ``見通し``) → the earliest **on or
  after** it; a non-past verb that modifies a noun (``休校とすることを決めた``) takes its
  time from the main verb, and after a past main verb nothing is decided; a verb that
  looks ahead (``10月3〜5日に控え``, ``22日に向け``) is such a non-past verb; a state
  that lasts *until* a single date (``22日まで休校している``, ``9日にかけて…呼びかけて
  いる``) ends on or after the article date;
- when nothing decides (a headline ``11月17日投開票``, a noun phrase, a clause cut off
  by the next date): the **nearest** such day to the article date, the earlier on a tie.

Candidates are real calendar days (this month's, last month's, next year's…), so year
ends, month lengths and 29 February fall out of the calendar. Relative words count
from the article date (``きのう``, ``あさって``, ``来週月曜日``, ``再来年``, ``今年度末``),
or, inside a quote, from the day its sentence says it was spoken (``監督は19日、「きのう
の…」と語った``: the 18th); anaphora from the date last mentioned (``同日``,
``同月28日``, ``同月末``, ``翌日``, ``同年``). A bare day takes the month its sentence
wrote when it is that day or later (``8月15日に会い、18日に別れた``); an earlier one is
placed like any other (``昨年12月26日の障害を巡り、総務省は5日…``). A year the text
wrote carries to the month-days after it (two sentences in a dated article, the whole
text in an undated one, rolling into the next year when the months go back), but
only where the date it gives agrees with the tense. An undated article's month-day
with no year to carry is ``unresolved`` (``--08-15``), and a bare day or a relative
word there is no event. A part of a month (``来月上旬``, ``同月末``) is that month; a
year's end is its December where a year is named (``今年末``, ``同年末``); ``年末`` or
``年明け`` alone names none and is no event.

**What makes a number a date**: it names a point on the calendar. It is not one when
it is counted (``約3日``, ``延べ5日``, ``一日も早い``), a frequency or an ordinal
(``週2日``, ``毎月1日``, ``第3日``, ``3日目``), a duration or a rate (``3日間``,
``3日連続``, ``1日あたり``, ``10日以内``, ``3日後``, ``3日ぶり``, ``1日2回``, ``2泊3日``,
``懲役2年6月``, ``発売から10日で``), what recurs every year or week (``毎年8月``,
``平年の8月``, a bare weekday in a sentence that tells a routine: ``毎週``, ``原則``), a
fiscal period's name (``3月期``, ``12月決算``), or the start of a longer word
(``四日市``, ``五月雨``, ``三日坊主``: Japanese word boundaries come from the dictionary
tokenizer). A day word is no day when it means the present, the future or the past of
what lasts rather than happens (``今日の国際社会``, ``明日の日本``, ``昨日の敵は今日の
友``), or when it is supposed (``仮にあす…``).

Forms found (:func:`find_dates`): ``2024年7月21日``, ``2024年7月``, ``1943年``,
``7月25日``, ``18日``, ``十六日``, ranges (``8月31日〜9月3日``, ``3〜5日``, ``3、4日``),
era years (``令和7年``), fiscal years (``2025年度`` → April to March, ``今年度末``),
relative days, weeks, months and years in kanji and kana, ``大みそか``/``元日``,
weekdays, full-width digits and stray spaces (``10 月2 日``).

Chinese shares the Japanese forms (2021年11月11日, 去年, 明年, 昨天…) with a simpler
tense rule (了 past, 将/计划 future). Languages written with spaces
(:mod:`briefgen.summarize.spaced_dates`) find ``14. Juli 2021``, ``12 décembre``,
``July 21, 2024``, ``2024-07-21``, a year after "in" or "seit", and relative words
("yesterday", "übermorgen", "la semaine dernière": a week is Monday to Sunday);
English, German, French and Spanish also find days without their month (``on the
19th``, ``am Dienstag, dem 19.``, ``le 19``, ``el martes 19``) and weekdays (``on
Monday``; ``last``/``next Monday`` are the last before and the next after the article
date). They are resolved by the same model, the tense being that of the nearest
tense marker in the date's clause (``has approved``, ``wird``, ``a décidé``,
``celebrará``), and a number is a day there only when introduced as one and followed
by no noun (``on the 19th floor``, ``am 3. Tag`` are not).

:func:`timeline` returns every dated mention (with the clause that carries it);
:func:`distinct_events` keeps one per event for the briefing.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from briefgen.model import Dated, Sentence
from briefgen.summarize.mentions import DateMention, Tense
from briefgen.summarize.mentions import valid_date as _valid
from briefgen.text.tokenize import Token, tokenize_ja

CARRY_SENTENCES = 2  # how far a written year carries to a later month-day (dated text)

_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                 "七": 7, "八": 8, "九": 9}  # fmt: skip
_KANJI_NUMBER = "〇零一二三四五六七八九十百千"
_NUMBER = rf"[0-9]{{1,4}}|[{_KANJI_NUMBER}]{{1,8}}|元"
_DAY_NUMBER = rf"[0-9]{{1,2}}|[{_KANJI_NUMBER}]{{1,4}}"
_S = r"[ \u3000]*"  # stray spaces, as in 10 月2 日
_DASH = r"[〜～~\-–—]"

_ERA = "|".join(_ERAS)
# Relative words, kanji and kana, with their offsets from the article date.
_DAY_WORDS = {
    "一昨日": -2, "おととい": -2, "昨日": -1, "きのう": -1, "今日": 0, "きょう": 0,
    "本日": 0, "明日": 1, "あす": 1, "あした": 1, "明後日": 2, "あさって": 2,
    "しあさって": 3, "昨天": -1, "今天": 0, "明天": 1, "前天": -2, "后天": 2,
}  # fmt: skip
_YEAR_WORDS = {
    "一昨年": -2, "おととし": -2, "昨年": -1, "去年": -1, "今年": 0, "本年": 0,
    "来年": 1, "明年": 1, "再来年": 2,
}  # fmt: skip
_MONTH_WORDS = {
    "先々月": -2, "先月": -1, "今月": 0, "本月": 0, "来月": 1, "再来月": 2,
    "上个月": -1, "下个月": 1,
}  # fmt: skip
_WEEK_WORDS = {"先々週": -2, "先週": -1, "今週": 0, "来週": 1, "再来週": 2}
# Anaphora count from the date last mentioned: the same one, the next, the one before.
_ANAPHORA = {"同": 0, "当": 0, "翌": 1, "前": -1}  # 前 only for days: 前年, 前月 are compared
_WEEKDAYS = "月火水木金土日"
_FIXED_DAYS = {"大みそか": (12, 31), "大晦日": (12, 31), "元日": (1, 1), "元旦": (1, 1)}


def _alternatives(words: Mapping[str, object] | Sequence[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def _day_part(tag: str) -> str:
    """A day, or two joined into a range (3〜5日, 3日〜5日, 3、4日)."""
    return (
        rf"(?P<day{tag}>{_DAY_NUMBER})"
        rf"(?:{_S}(?:日{_S}{_DASH}|{_DASH}|[、・]){_S}(?P<day_end{tag}>{_DAY_NUMBER}))?{_S}[日号]"
    )


def _month_part(tag: str) -> str:
    return (
        rf"(?P<month{tag}>{_NUMBER}){_S}月"
        rf"(?:{_S}(?:(?P<part{tag}>末|上旬|中旬|下旬|初め)|{_day_part(tag)}))?"
    )


_PERIOD = r"(?P<period{0}>末|初め|初頭)"


@functools.cache
def _japanese() -> re.Pattern[str]:
    """The Japanese and Chinese date forms, compiled on first use (6 ms: start-up
    pays it only for a source that needs it)."""
    return re.compile(
        "|".join(
            [
                # 同日, 翌日, 同月28日, 同月末, 同年10月2日, 同年度, 翌年
                rf"(?P<ana>[同当翌前])(?:(?P<ana_day>日)(?!本|比|間)"
                rf"|(?<![前])(?P<ana_month>月)(?!比|間)(?:{_S}(?:(?P<ana_part>末|上旬|中旬|下旬)|{_day_part('_a')}))?"
                rf"|(?<![前])(?P<ana_year>年)(?![齢代輩比間]|同期|並)(?P<ana_fiscal>度)?"
                rf"(?:{_PERIOD.format('_a')}|の?{_S}{_month_part('_ay')})?)",
                rf"(?P<day_word>{_alternatives(_DAY_WORDS)})",
                rf"(?P<year_word>{_alternatives(_YEAR_WORDS)})(?P<year_word_fiscal>度)?"
                rf"(?:{_PERIOD.format('_w')}|の?{_S}(?P<fixed_w>{_alternatives(_FIXED_DAYS)})"
                rf"|の?{_S}{_month_part('_w')})?",
                rf"(?P<month_word>{_alternatives(_MONTH_WORDS)})"
                rf"(?:の?{_S}(?:(?P<month_word_part>末|上旬|中旬|下旬)|{_day_part('_m')}))?",
                rf"(?:(?P<week>{_alternatives(_WEEK_WORDS)})の?{_S})?(?P<weekday>[{_WEEKDAYS}])曜(?:日)?",
                rf"(?P<fixed>{_alternatives(_FIXED_DAYS)})",
                # 2024年7月21日, 令和7年, 2007年度, 95年 (a year already written in full)
                rf"(?:(?P<era>{_ERA}){_S}(?P<era_year>{_NUMBER})"
                rf"|(?P<year>[0-9]{{4}}|[〇一二三四五六七八九]{{4}})"
                rf"|(?<![0-9過約こ])(?P<short_year>[0-9]{{2}})(?=年(?![間前後目来半以余近ぶでかほ経たぐ分越]))"
                rf")年(?![齢代輩間])(?P<fiscal>度)?(?:{_PERIOD.format('_y')}|の?{_S}{_month_part('_y')})?",
                _month_part(""),
                rf"(?<![0-9{_KANJI_NUMBER}月年]){_day_part('_b')}",
            ]
        )
    )


# What stands before a number that is counted, not a point on the calendar: an
# ordinal, a frequency, an amount (第3日, 週2日, 約3日), the days of a trip after its
# nights (2泊3日), or a month of every year (毎年8月, 例年の8月, 平年の8月).
_COUNTED_BEFORE = re.compile(
    r"(?:第|週|毎|約|計|延べ|各|ここ|わずか|最長|最短|最大|たった|数|およそ|泊"
    r"|(?:毎年|例年|平年)の?)$"
)
# A month after a number of years that is no date is the rest of a duration (懲役2年6月:
# two years and six months); a year that is a date is part of the date's own match.
_YEARS_BEFORE = re.compile(rf"[0-9{_KANJI_NUMBER}]年")
# What follows a number of days or months that are a quantity, rate or period's name
# (3月期, 12月決算: a company's accounting year, not a month of the calendar).
_COUNTED_AFTER = re.compile(
    r"(?:間|連続|あたり|当たり|以内|以上|未満|目|後|前(?!後)|ぶり|振り|おき|置き|ごと|毎|分|程度"
    r"|ほど|程|余り|あまり|足らず|弱|強|超|近く|がかり|掛かり|期|決算|遅れ|早く|早い|越し"
    rf"|[0-9{_KANJI_NUMBER}]+(?:回|食|錠|杯|本|時間|人|件))"
)
# Days counted from an event that is no date (発売から10日で, 開幕から3日が過ぎた): elapsed
# time. After a date (28日から30日まで) the number is the end of a range.
_ELAPSED_AFTER = re.compile(r"(?:で|が|を経|経|たっ|過ぎ)")
# An amount stressed by も before an adjective or a negative (一日も早い復興, 一日も欠かさず):
# "even one day", not the first of the month (5日も協議を続けた is still the 5th).
_STRESSED_BY = ("形容詞",)
# Today's, tomorrow's, yesterday's of what lasts rather than happens — a country, a
# people, a society, an age (今日の国際社会, 明日の日本, 昨日の敵は今日の友, 明日の私たち) —
# is the present, the future or the past, no day. The head noun of what follows の
# decides: きょうの日本代表の試合 is a match and あすの東京の天気 a forecast, both dated.
_LASTING = frozenset(
    ["社会", "世界", "国", "時代", "世代", "友", "敵", "若者", "子供", "子供達", "人々", "経済",
     "政治"]
)  # fmt: skip
# A sentence that tells how things recur names weekdays of every week (毎週金曜日を在宅
# 勤務の日とし、月曜日から木曜日は出社を原則とする), not days: its bare weekdays are no event.
_RECURRING = re.compile(r"毎週|隔週|毎月|毎日|毎朝|毎晩|原則|定休")
# A kanji after a date written in kanji numerals makes it part of a word (三日坊主,
# 五月雨), unless it starts a time of day or a limit (十六日夜, 二十七日午後, 三日以降).
_KANJI_WORD = re.compile(r"(?![午朝昼夜夕未早深以付現頃前後])[一-龯々]")
# A year, month or day word that is the base of a comparison (昨年より14日早い,
# 前年を上回った) dates nothing.
_COMPARED = re.compile(r"(?:より|比|並|に比べ|と比べ|を上回|を下回|と同じ|同期)")
# A relative day in a supposition (仮に明日…としても) is no day on the calendar; a date
# written out still is (もし2010年の帰還が実現すれば).
_RELATIVE_KINDS = frozenset(["day_word", "week", "weekday", "month_word", "year_word"])
_SUPPOSED = re.compile(r"(?:仮に|もし|たとえ|万一|万が一)$")
# A speaker's own act, said as it is done (本日は…紹介いたします): no event to date.
_SPEECH_ACT = re.compile(
    r"(?:いたし|申し上げ|伺い|終わり|始め|質問し|紹介し|説明し|報告し|述べ)ます(?=[。！」』]|$)"
)
_RANGE = re.compile(
    rf"{_S}{_DASH}{_S}|から|至|到|\s+(?:to|until|bis|au|à|al|a|tot|по|до)\s+(?:the\s+|zum\s+)?"
)


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


def find_dates(
    text: str, language: str = "ja", tokens: Sequence[Token] | None = None
) -> list[DateMention]:
    """The date expressions of ``text``, left to right: Japanese and Chinese forms, or
    those of a language with month names in :data:`briefgen.text.languages.RULES`.
    ``tokens`` (Japanese: ``tokenize_ja(text)``) give the word boundaries; without
    them Japanese text is tokenized here."""
    if language not in ("ja", "zh"):
        from briefgen.summarize.spaced_dates import find_spaced_dates  # loaded only when needed

        return find_spaced_dates(text, language)
    # NFKC turns full-width digits into ASCII one for one, so spans stay valid.
    normalized = "".join(
        unicodedata.normalize("NFKC", ch) if "０" <= ch <= "９" else ch for ch in text
    )
    words: dict[int, Token] | None = None
    if language == "ja" and _japanese().search(normalized):
        words = {t.span[0]: t for t in (tokens or tokenize_ja(text))}
    recurring = _RECURRING.search(normalized) is not None
    found: list[DateMention] = []
    for match in _japanese().finditer(normalized):
        start, end = match.span()
        if words is not None and start in words and words[start].span[1] > end:
            continue  # the start of a longer word: 四日市, 五月雨, 三日坊主, きょうだい
        if _COUNTED_BEFORE.search(normalized[max(0, start - 3) : start]):
            continue
        if normalized[end - 1] in "日月" and _COUNTED_AFTER.match(normalized, end):
            continue
        if match.group("month") and _YEARS_BEFORE.fullmatch(normalized, start - 2, start):
            continue
        if (
            normalized.endswith("から", 0, start)
            and not (found and found[-1].span[1] == start - 2)
            and _ELAPSED_AFTER.match(normalized, end)
        ):
            continue
        if words is not None and normalized[end - 1] == "日" and _stressed(words, end):
            continue
        if _KANJI_WORD.match(normalized, end) and normalized[end - 2] in _KANJI_NUMBER:
            continue  # kanji numerals run into the word they begin: 三日坊主, 三日月
        if language == "ja" and normalized[end - 1] == "号":
            continue  # 号 is Chinese for 日; in Japanese it numbers things (台風5号)
        mention = _mention(match, text)
        if mention is None:
            continue
        if mention.kind in _RELATIVE_KINDS and _SUPPOSED.search(
            normalized[max(0, start - 4) : start]
        ):
            continue
        if mention.kind in ("year_word", "month_word", "anaphora") and _COMPARED.match(
            normalized, end
        ):
            continue
        if mention.kind == "anaphora" and normalized[start - 1 : start] == "の":
            continue  # 会談の前日: the day before what it names, not before the last date
        if mention.kind == "weekday" and found and _annotates(normalized, found[-1], start):
            continue  # 19日（火曜日）: the weekday of the date before it
        if mention.kind == "weekday" and mention.offset is None and recurring:
            continue
        if mention.kind == "day_word" and words is not None and _lasting(words, end):
            continue
        found.append(mention)
    return found


def _stressed(words: Mapping[int, Token], end: int) -> bool:
    """Whether the number of days ending at ``end`` is an amount stressed by も."""
    particle = words.get(end)
    if particle is None or particle.surface != "も":
        return False
    following = words.get(particle.span[1])
    if following is None:
        return False
    return following.pos[0] in _STRESSED_BY or following.form.startswith("未然形")


def _lasting(words: Mapping[int, Token], end: int) -> bool:
    """Whether the day word ending at ``end`` is followed by の and a noun of what lasts."""
    particle = words.get(end)
    if particle is None or particle.surface != "の":
        return False
    head: Token | None = None
    following = words.get(particle.span[1])
    while following is not None and following.pos[0] in ("名詞", "代名詞"):
        head = following  # the head is the last noun: 国際社会, 日本代表, 東京の天気
        following = words.get(following.span[1])
        if following is not None and following.surface == "の":
            following = words.get(following.span[1])
    if head is None:
        return False
    country = head.pos[:4] == ("名詞", "固有名詞", "地名", "国")
    return country or head.pos[0] == "代名詞" or head.normalized in _LASTING


def _annotates(text: str, before: DateMention, start: int) -> bool:
    return (
        before.day is not None and re.fullmatch(r"[（(]?", text[before.span[1] : start]) is not None
    )


def _mention(match: re.Match[str], text: str) -> DateMention | None:
    parts = {k: v for k, v in match.groupdict().items() if v is not None}
    span = match.span()

    def get(*names: str) -> str | None:
        return next((parts[n] for n in names if n in parts), None)

    month_text = get("month", "month_y", "month_ay", "month_w")
    day_text = get("day", "day_y", "day_ay", "day_w", "day_a", "day_m", "day_b")
    end_text = get("day_end", "day_end_y", "day_end_ay", "day_end_w", "day_end_a", "day_end_m")
    end_text = end_text or parts.get("day_end_b")
    month = _number(month_text) if month_text else None
    day = _number(day_text) if day_text else None
    day_end = _number(end_text) if end_text else None
    if month is not None and not 1 <= month <= 12:
        return None
    for value in (day, day_end):
        if value is not None and not 1 <= value <= 31:
            return None
    if day is not None and day_end is not None and day_end == day:
        return None  # 3〜3日: not a range of days (30日〜2日 runs into the next month)
    if day is not None and "日" not in match.group() and "号" not in match.group():
        return None
    fields: dict[str, object] = {"span": span, "month": month, "day": day, "day_end": day_end}
    period = get("period_a", "period_w", "period_y")
    if period:
        fields["period"] = "end" if period == "末" else "start"
    part = get("part", "part_y", "part_ay", "part_w", "ana_part", "month_word_part")
    if part == "末":
        fields["period"] = "end"
    if "ana" in parts:
        unit = "day" if "ana_day" in parts else "month" if "ana_month" in parts else "year"
        fields.update(kind="anaphora", unit=unit, offset=_ANAPHORA[parts["ana"]])
        fields["fiscal"] = "ana_fiscal" in parts
    elif "day_word" in parts:
        fields.update(kind="day_word", offset=_DAY_WORDS[parts["day_word"]])
    elif "year_word" in parts:
        fields.update(kind="year_word", offset=_YEAR_WORDS[parts["year_word"]])
        fields["fiscal"] = "year_word_fiscal" in parts
        if "fixed_w" in parts:
            fields["month"], fields["day"] = _FIXED_DAYS[parts["fixed_w"]]
    elif "month_word" in parts:
        fields.update(kind="month_word", offset=_MONTH_WORDS[parts["month_word"]])
    elif "weekday" in parts:
        week = parts.get("week")
        fields.update(
            kind="weekday",
            weekday=_WEEKDAYS.index(parts["weekday"]),
            offset=_WEEK_WORDS[week] if week else None,
        )
    elif "fixed" in parts:
        fields.update(kind="fixed")
        fields["month"], fields["day"] = _FIXED_DAYS[parts["fixed"]]
    elif "era" in parts or "year" in parts or "short_year" in parts:
        fields["fiscal"] = "fiscal" in parts
        if "short_year" in parts:
            fields["short_year"] = int(parts["short_year"])
        elif "era" in parts:
            era_year = _number(parts["era_year"])
            if era_year is None:
                return None
            fields["year"] = _ERAS[parts["era"]] + era_year
        else:
            fields["year"] = _number(parts["year"])
        year = fields.get("year")
        if isinstance(year, int) and not 1 <= year <= 9999:
            return None
    mention = DateMention(**fields)  # type: ignore[arg-type]
    if (
        mention.day is not None
        and mention.month is not None
        and not _valid(mention.year or 2000, mention.month, mention.day)
    ):
        return None  # 2月30日: not a date
    return mention


# ---------------------------------------------------------------------------------------
# Tense: the predicate a date belongs to.

_OPENING = "「『（(【〔［“"
_CLOSING = "」』）)】〕］”"
_SENTENCE_END = "。！？!?"
# Nouns that make what they follow a plan or a forecast.
_PLAN_NOUNS = frozenset(
    ["予定", "方針", "見通し", "見込み", "計画", "意向", "構え", "公算", "見込", "日程", "考え"]
)
_STATE_VERBS = frozenset(["居る", "おる", "有る", "在る"])  # …ている, …てある: a state
# Verbs that look ahead to the date they govern (10月3日に控え, 22日に向け, 5日に先立ち):
# the date is later than the time of the main verb, like a plan's.
_AHEAD_VERBS = frozenset(["控える", "向ける", "先立つ"])
_FINITE = ("終止形", "連体形")


# What a predicate says of time before the date is known: a state (…ている) has begun
# by the article date, unless the date is when it lasts until (settled in _tense).
Said = Literal["past", "future", "state"] | None


def _tense(
    tokens: Sequence[Token], span: tuple[int, int], next_date: int | None, single: bool = True
) -> Tense:
    """The tense of the predicate the date at ``span`` belongs to (module docstring);
    ``single``: a date, not the end of a range (28日から3日まで開かれている has begun)."""
    after = [t for t in tokens if t.span[0] >= span[1]]
    if after and after[0].surface in ("の", "付", "付け"):
        return None  # 18日の首脳会談, 1日付の新聞: a date of a thing, not of a verb
    comma_set = (bool(after) and after[0].surface in "、，") or (
        len(after) > 1 and after[0].pos[0] == "助詞" and after[1].surface in "、，"
    )
    until = single and _lasts_until(after)
    said = _main_predicate(after)
    main = _settled(said, until)
    if comma_set:
        return main
    first = _first_predicate(after, next_date)
    if first == "main":
        return main
    if isinstance(first, tuple):  # a clause that modifies a noun: relative to the main verb
        relative = _settled(first[1], until)
        # A main state holds now (…を控え、準備が大詰めを迎えている), so the clause keeps
        # its own tense; after a past main verb a non-past clause decides nothing.
        return relative if main is None or main == relative or said == "state" else None
    return _settled(first, until)


def _lasts_until(after: Sequence[Token]) -> bool:
    """Whether the date is the end of a span (22日まで, 9日にかけて), not a deadline
    reached (5日までに)."""
    if after and after[0].surface == "まで":
        return len(after) < 2 or after[1].surface != "に"
    return len(after) > 1 and after[0].surface == "に" and after[1].surface in ("かけ", "掛け")


def _settled(said: Said, until: bool) -> Tense:
    """A state is past (19日から休校している, 28日から3日まで開かれている: begun by the
    article date) unless a single date is when it lasts until (22日まで休校している,
    9日にかけて警戒を呼びかけている): then it ends on or after the article date."""
    if said == "state":
        return "future" if until else "past"
    return said


def _clause(tokens: Sequence[Token]) -> list[tuple[int, Token]]:
    """The tokens at the date's own level up to its sentence's (or quote's) end,
    with their index in ``tokens``: quotes and brackets opened after the date skipped."""
    kept: list[tuple[int, Token]] = []
    depth = 0
    for i, token in enumerate(tokens):
        if token.surface in _OPENING:
            depth += 1
        elif token.surface in _CLOSING:
            if depth == 0:
                break  # the date's own quote ends
            depth -= 1
        elif depth == 0:
            if token.surface in _SENTENCE_END:
                break
            kept.append((i, token))
    return kept


Told = Said | Literal["main"] | tuple[Literal["relative"], Said]


def _finite(tokens: Sequence[Token], i: int) -> Told | Literal["none"]:
    """What the token at ``i`` says of tense: ``"none"`` when it is no finite predicate;
    ``"main"`` for a verb that ends its clause without tense (開き、 shares the main
    verb's); ``("relative", tense)`` for a clause that modifies a noun."""
    token = tokens[i]
    head = token.pos[0]
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if head == "名詞" and token.normalized in _PLAN_NOUNS:
        return "future"
    if head == "動詞" and token.normalized in _AHEAD_VERBS:
        return ("relative", "future")  # later than the main verb's time
    if head in ("動詞", "助動詞") and token.form.startswith("連用形"):
        if following is not None and following.surface in "、，":
            return "main"
        return "none"
    if head not in ("動詞", "形容詞", "助動詞") or not token.form.startswith(_FINITE):
        return "none"
    tense: Said = "future"
    if head == "助動詞" and token.normalized == "た":
        tense = "past"
    elif token.normalized in _STATE_VERBS and i > 0 and tokens[i - 1].surface in ("て", "で"):
        tense = "state"  # 19日から休校している, 22日まで休校している
    elif following is not None and following.pos[0] == "助動詞":
        return "none"  # the auxiliary after it decides (開か-れる, し-ます)
    if following is not None and following.pos[0] == "名詞":
        if following.normalized in _PLAN_NOUNS:
            return "future"
        return ("relative", tense)
    return tense


def _main_predicate(tokens: Sequence[Token]) -> Said:
    """The tense of the date's main verb: the last predicate of its clause, which ends
    at the sentence's (or quote's) end or at a conjunction after a finite verb
    (実施しているが、…). A copula (…した事実だ) has no tense of its own: the clause
    before its noun decides."""
    decided: Said = None
    for i, token in _clause(tokens):
        found = _finite(tokens, i)
        if isinstance(found, tuple):
            found = found[1]
        if found in ("past", "future", "state") and not _copula(token):
            decided = found
        finite_before = i > 0 and tokens[i - 1].form.startswith(_FINITE)
        conjunction = token.pos[:2] == ("助詞", "接続助詞") and not _quotative(tokens, i)
        if conjunction and decided is not None and finite_before:
            break
    return decided


def _quotative(tokens: Sequence[Token], i: int) -> bool:
    """Whether the と at ``i`` quotes what comes before it (…を開くと発表した, …と述べた):
    it runs straight into a verb or a noun that takes する. The dictionary reads a と
    after some verbs as the conditional (…すると、…), which ends a clause."""
    if tokens[i].surface != "と" or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    if following.pos[0] == "動詞":
        return True
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    return (
        following.pos[:3] == ("名詞", "普通名詞", "サ変可能")
        and after is not None
        and after.normalized == "為る"
    )


def _copula(token: Token) -> bool:
    return token.pos[0] == "助動詞" and token.normalized in ("だ", "です", "である")


def _first_predicate(tokens: Sequence[Token], next_date: int | None) -> Told:
    for i, token in _clause(tokens):
        if next_date is not None and token.span[0] >= next_date:
            return None  # the next date starts a clause of its own: this one is untold
        found = _finite(tokens, i)
        if found == "main" and next_date is not None:
            return None  # 18日に抽選が行われ、5日に開幕する: each clause has its own day
        if found != "none":
            return found
    return None


_ZH_PAST = re.compile(r"了|过|曾")
_ZH_FUTURE = re.compile(r"将|要|计划|预计|拟|准备|即将")


def _chinese_tense(text: str, span: tuple[int, int]) -> Tense:
    """Tense without a tokenizer: the clause after a Chinese date."""
    clause = re.split(r"[，。！？；]", text[span[1] :], maxsplit=1)[0]
    if _ZH_PAST.search(clause):
        return "past"
    return "future" if _ZH_FUTURE.search(clause) else None


# ---------------------------------------------------------------------------------------
# Resolution


Parts = tuple[int | None, int | None, int | None]  # year, month, day


@dataclass
class _Frame:
    """What dates are placed from: the article's date, where the reading is (the
    sentence's section and position), and what the text has said so far: the date
    last mentioned, the month of this sentence, and the years written."""

    source_date: dt.date | None
    section: int = 0
    position: int = 0
    last: tuple[int | None, int | None, int | None] | None = None  # year, month, day
    sentence_month: Parts | None = None  # the month (and day) this sentence wrote
    written_year: tuple[int, int, int] | None = None  # (year, section, position)
    written_years: list[int] = dataclasses.field(default_factory=list)  # for 95年
    bare_days: dict[int, tuple[int | None, int | None]] = dataclasses.field(default_factory=dict)
    spoken: dt.date | None = None  # the day a quote was spoken, for its relative words


def timeline(
    sentences: Sequence[Sentence],
    source_date: dt.date | None,
    language: str = "ja",
    tokens: Mapping[str, Sequence[Token]] | None = None,
) -> list[Dated]:
    """Every dated mention of a source, in reading order, resolved (see the module
    docstring). ``tokens``: Japanese words per sentence id, when the caller has them."""
    events: list[Dated] = []
    frame = _Frame(source_date)
    for position, sentence in enumerate(sentences):
        frame.section, frame.position = sentence.section, position
        words = (tokens or {}).get(sentence.id)
        if language == "ja" and words is None and _japanese().search(sentence.text):
            words = tokenize_ja(sentence.text)
        mentions = find_dates(sentence.text, language, words)
        frame.sentence_month = None
        quotes = _quotes(sentence.text) if mentions else []
        index = 0
        dated: list[tuple[DateMention, DateMention, str, str]] = []
        while index < len(mentions):
            mention = end = mentions[index]
            if index + 1 < len(mentions) and _joins(sentence.text, mention, mentions[index + 1]):
                end = mentions[index + 1]
                index += 1
            index += 1
            if (
                mention.kind == "day_word"
                and mention.offset == 0
                and language == "ja"
                and _SPEECH_ACT.search(sentence.text, mention.span[1])
            ):
                continue  # 本日の質問を終わります: the speech itself, not an event it reports
            next_date = mentions[index].span[0] if index < len(mentions) else None
            tense: Tense = None
            if _needs_tense(mention):
                if words is not None:
                    single = end is mention and mention.day_end is None
                    tense = _tense(words, end.span, next_date, single)
                elif language == "zh":
                    tense = _chinese_tense(sentence.text, end.span)
                else:
                    from briefgen.summarize.spaced_dates import spaced_tense

                    spans = [m.span for m in mentions]
                    tense = spaced_tense(sentence.text, end.span, language, spans)
            frame.spoken = _spoken(mention, quotes, dated)
            resolved = _resolve_range(mention, end, frame, tense)
            if resolved is None:
                continue
            text, how = resolved
            dated.append((mention, end, text, how))
        spans = [(mention.span[0], end.span[1]) for mention, end, _, _ in dated]
        clauses = _clauses(sentence.text, spans)
        for (_, _, text, how), span, clause in zip(dated, spans, clauses, strict=True):
            phrase = sentence.text[span[0] : span[1]]
            events.append(Dated(text, how, sentence.id, span, phrase, clause))
    return events


_QUOTE_OPENING = "「『“"
_QUOTE_CLOSING = "」』”"
_QUOTE_MARK = re.compile(f"[{_QUOTE_OPENING}{_QUOTE_CLOSING}]")
_FULL_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_COUNTED_FROM_TODAY = frozenset(
    ["day_word", "week_word", "weekday", "weekday_step", "month_word", "year_word"]
)


def _quotes(text: str) -> list[tuple[int, int]]:
    """The (opening, closing) positions of a sentence's outermost quotes, in order."""
    quotes: list[tuple[int, int]] = []
    opened, depth = 0, 0
    for match in _QUOTE_MARK.finditer(text):
        if match.group() in _QUOTE_OPENING:
            opened = match.start() if depth == 0 else opened
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                quotes.append((opened, match.start()))
    if depth:
        quotes.append((opened, len(text)))
    return quotes


def _spoken(
    mention: DateMention,
    quotes: Sequence[tuple[int, int]],
    dated: Sequence[tuple[DateMention, DateMention, str, str]],
) -> dt.date | None:
    """The day the quote that holds a relative word was spoken: the last day its
    sentence dated before the quote opens (監督は19日、「きのうの…」と語った: the 19th);
    ``None`` outside quotes or when the sentence gives no such day (then the article
    date stands)."""
    if mention.kind not in _COUNTED_FROM_TODAY or not quotes:
        return None
    start = mention.span[0]
    index = bisect.bisect_right(quotes, start, key=lambda quote: quote[0]) - 1
    if index < 0 or not quotes[index][0] < start < quotes[index][1]:
        return None
    # ``dated`` is in reading order: the last date that ends before the quote opens.
    before = bisect.bisect_right(dated, quotes[index][0], key=lambda date: date[1].span[1])
    if before == 0:
        return None
    iso = dated[before - 1][2]
    return dt.date.fromisoformat(iso) if _FULL_DAY.fullmatch(iso) else None


def _needs_tense(mention: DateMention) -> bool:
    return mention.needs_frame or mention.kind == "anaphora"


def _joins(text: str, first: DateMention, second: DateMention) -> bool:
    """Two dates joined into a range: 8月31日〜9月3日, 7月3日から2021年7月5日, "from
    Monday to Friday"."""
    weekdays = first.kind in ("weekday", "weekday_step") and second.kind == "weekday"
    if not weekdays and (
        first.kind not in ("calendar", "fixed") or second.kind not in ("calendar", "fixed")
    ):
        return False
    if first.day_end is not None or second.day_end is not None:
        return False
    return _RANGE.fullmatch(text[first.span[1] : second.span[0]]) is not None


def _resolve_range(
    mention: DateMention,
    end: DateMention,
    frame: _Frame,
    tense: Tense,
) -> tuple[str, str] | None:
    if end is not mention and mention.bare_day and end.month and end.day and mention.day:
        # "del 19 al 22 de mayo", 30日から9月2日: the start is in the end's month, or
        # in the month before when its day is later.
        start_year, start_month = end.year, end.month
        if mention.day > end.day:
            start_year, start_month = _add_months(start_year, start_month, -1)
        mention = dataclasses.replace(mention, year=start_year, month=start_month, weekday=None)
    if end is not mention and end.year and not mention.year:
        # "3 July to 5 July 2021", 7月3日から2021年7月5日: the range's year is the end's.
        across = (mention.month or 0) > (end.month or 99)
        mention = dataclasses.replace(mention, year=end.year - 1 if across else end.year)
    resolved = _resolve(mention, frame, tense)
    if resolved is None:
        return None
    value, how = resolved
    start_parts, end_parts = _ends(value)
    year, month, day = start_parts
    if year is None and month is None:
        return None
    if not _valid(year or 2000, month, day):
        return None
    if mention.day_end is not None:
        last_day = DateMention(mention.span, day=mention.day_end)  # 3〜5日, 30日〜2日
        end_parts = _range_end(start_parts, last_day)
        if not _valid(end_parts[0] or 2000, end_parts[1], end_parts[2]):
            return None
    elif end is not mention:
        end_parts = _range_end(start_parts, end)
    frame.last = start_parts
    if mention.month is not None and month is not None:  # a month the sentence wrote
        frame.sentence_month = (year, month, day)
    if mention.bare_day and mention.day is not None:
        frame.bare_days.setdefault(mention.day, (year, month))
    if year is not None and how == "explicit":
        frame.written_years.append(year)
        if frame.source_date is None or year <= frame.source_date.year:
            frame.written_year = (year, frame.section, frame.position)
    text = _iso(*start_parts)
    if end_parts is not None and _valid(end_parts[0] or 2000, end_parts[1], end_parts[2]):
        text = f"{text}/{_iso(*end_parts)}"
    return text, how


def _ends(value: Parts | tuple[Parts, Parts]) -> tuple[Parts, Parts | None]:
    """A resolved value's start and end (``None`` for a single date)."""
    first = value[0]
    if isinstance(first, tuple):
        return first, value[1]  # type: ignore[return-value]
    return value, None  # type: ignore[return-value]


def _range_end(start: Parts, end: DateMention) -> Parts:
    year, month, _ = start
    if end.kind == "weekday" and year and month and start[2]:  # Monday to Friday: the next
        when = dt.date(year, month, start[2]) + dt.timedelta(days=1)
        while when.weekday() != end.weekday:
            when += dt.timedelta(days=1)
        return when.year, when.month, when.day
    end_year = end.year or year
    end_month = end.month or month
    if end.year is None and end_month is not None and month is not None and end_month < month:
        end_year = year + 1 if year else None  # 12月28日〜1月4日
    elif end.year is None and end.month is None and end.day and start[2] and end.day < start[2]:
        end_year, end_month = _add_months(year, month, 1)  # 30日〜2日
    return end_year, end_month, end.day


def _add_months(year: int | None, month: int | None, months: int) -> tuple[int | None, int]:
    if year is None or month is None:
        return year, ((month or 1) - 1 + months) % 12 + 1
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


Resolved = tuple[Parts | tuple[Parts, Parts], str]


def _resolve(
    mention: DateMention,
    frame: _Frame,
    tense: Tense,
) -> Resolved | None:
    source_date = frame.source_date
    kind = mention.kind
    if kind == "anaphora":
        return _resolve_anaphora(mention, frame)
    if kind in ("day_word", "week_word", "year_word", "month_word", "weekday_step") or (
        kind == "weekday" and mention.offset is not None
    ):
        counted_from = frame.spoken or source_date
        if counted_from is None:
            return None  # きのう in an undated text: nobody can tell
        return _relative(mention, counted_from), "relative"
    if mention.year is not None:
        return _year_parts(mention, mention.year), "explicit"
    if mention.short_year is not None:
        # 95年: the year already written in full that ends in 95; else no date
        # (二十年 of history is a duration).
        full = [y for y in frame.written_years if y % 100 == mention.short_year]
        return (_year_parts(mention, full[-1]), "carried") if full else None
    if mention.month is None and mention.day is None and kind != "weekday":
        return None
    return _placed(mention, frame, tense)


def _year_parts(mention: DateMention, year: int) -> Parts | tuple[Parts, Parts]:
    """A year's parts: a fiscal year is April to March; 末 its last month."""
    if mention.month is not None:
        return year, mention.month, mention.day
    if mention.fiscal:
        if mention.period == "end":
            return year + 1, 3, None
        return (year, 4, None), (year + 1, 3, None)
    if mention.period == "end":
        return year, 12, None
    if mention.period == "start":
        return year, 1, None
    return year, None, None


def _relative(mention: DateMention, source_date: dt.date) -> Parts | tuple[Parts, Parts]:
    offset = mention.offset or 0
    if mention.kind == "day_word":
        when = source_date + dt.timedelta(days=offset)
        return when.year, when.month, when.day
    if mention.kind == "weekday":
        assert mention.weekday is not None
        monday = source_date - dt.timedelta(days=source_date.weekday())
        when = monday + dt.timedelta(days=7 * offset + mention.weekday)
        return when.year, when.month, when.day
    if mention.kind == "week_word":  # last week: its Monday to its Sunday
        monday = source_date - dt.timedelta(days=source_date.weekday() - 7 * offset)
        sunday = monday + dt.timedelta(days=6)
        return (monday.year, monday.month, monday.day), (sunday.year, sunday.month, sunday.day)
    if mention.kind == "weekday_step":  # last Monday: the last before the article date
        step = 1 if offset > 0 else -1
        when = source_date + dt.timedelta(days=step)
        while when.weekday() != mention.weekday:
            when += dt.timedelta(days=step)
        return when.year, when.month, when.day
    if mention.kind == "year_word":
        base = source_date.year
        if mention.fiscal and source_date.month < 4:
            base -= 1  # January to March belong to the fiscal year begun last April
        return _year_parts(mention, base + offset)
    year, month = _add_months(source_date.year, source_date.month, offset)
    return year, month, mention.day


def _resolve_anaphora(mention: DateMention, frame: _Frame) -> Resolved | None:
    """同日, 翌日, 同月28日, 同月末, 同年10月2日, 同年度: from the date last mentioned."""
    offset = mention.offset or 0
    if frame.last is None:
        if mention.unit == "year" and mention.month:
            return (None, mention.month, mention.day), "unresolved"
        return None
    year, month, day = frame.last
    if mention.unit == "day":
        if year is None or month is None or day is None:
            return None
        when = dt.date(year, month, day) + dt.timedelta(days=offset)
        return (when.year, when.month, when.day), "carried"
    if mention.unit == "month":
        if month is None:
            return None
        year, month = _add_months(year, month, offset)
        return (year, month, mention.day), "carried" if year else "unresolved"
    if year is None:
        return ((None, mention.month, mention.day), "unresolved") if mention.month else None
    return _year_parts(mention, year + offset), "carried"


def _placed(
    mention: DateMention,
    frame: _Frame,
    tense: Tense,
) -> Resolved | None:
    """A month, month-day, bare day or weekday with no year: from the sentence's month,
    a year the text wrote, or the article date and the tense."""
    source_date = frame.source_date
    month, day = mention.month, mention.day
    if mention.bare_day and day is not None:
        if frame.sentence_month is not None and _goes_on(frame.sentence_month, day, frame):
            year, month, _ = frame.sentence_month  # 8月15日に会い、18日に別れた
            return (year, month, day), "carried" if year else "unresolved"
        if day in frame.bare_days:  # the same 18日 twice in one text is the same day
            year, month = frame.bare_days[day]
            if month is not None:
                return (year, month, day), "relative" if source_date else "unresolved"
        if source_date is None:
            if frame.last is not None and frame.last[1] is not None:
                year, month = frame.last[0], frame.last[1]
                return (year, month, day), "carried" if year else "unresolved"
            return None  # "18日" with nothing to place it by
    carried = _carried_year(mention, frame, tense)
    if carried is not None:
        return (carried, month, day), "carried"
    if source_date is None:
        return ((None, month, day), "unresolved") if month else None
    when = _choose(_candidates(mention, source_date), source_date, tense)
    return when, "relative"


def _goes_on(written: Parts, day: int, frame: _Frame) -> bool:
    """Whether a bare day takes the month its sentence wrote: when it is that day or
    later (8月15日に会い、18日に別れた; 1月17日と18日), the story going on in that month. An
    earlier day is not that month's (昨年12月26日の障害を巡り、総務省は5日…; 8月31日に
    開幕し、3日に閉幕する) and is placed like any other, from the article date (an
    undated text has nothing else to place it by)."""
    return written[2] is None or day >= written[2] or frame.source_date is None


def _carried_year(
    mention: DateMention,
    frame: _Frame,
    tense: Tense,
) -> int | None:
    """The year the text wrote, carried to this month-day when it is near (a dated
    text) or anywhere before (an undated one), rolled into the next year when the
    months go back, and only when the date agrees with the tense."""
    source_date = frame.source_date
    if mention.month is None or frame.written_year is None:
        return None
    year, section, where = frame.written_year
    if source_date is not None and (
        section != frame.section or frame.position - where > CARRY_SENTENCES
    ):
        return None
    last = frame.last
    if last is not None and last[0] is not None and last[0] >= year and last[1] is not None:
        year = last[0]
        if (mention.month, mention.day or 0) < (last[1], last[2] or 0):
            year += 1  # a narrative moving on from December to January
    if source_date is not None:
        when = (year, mention.month, mention.day or 1)
        today = (source_date.year, source_date.month, source_date.day)
        if (tense == "past" and when > today) or (tense == "future" and when < today):
            return None
        if tense is None and year > source_date.year:
            return None
    return year


def _candidates(mention: DateMention, source_date: dt.date) -> list[Parts]:
    """The calendar's days (or months) the mention could name, around the article date."""
    if mention.kind == "weekday":
        assert mention.weekday is not None
        shift = (mention.weekday - source_date.weekday()) % 7
        days = [source_date + dt.timedelta(days=shift + 7 * k) for k in (-1, 0)]
        return [(d.year, d.month, d.day) for d in days]
    if mention.month is None:  # a bare day: this month's, or one around it
        # 27〜30日: a month that has the 30th (30日〜2日 ends in the next month)
        last = max(mention.day_end or 0, mention.day or 0)
        if mention.weekday is not None:  # Tuesday the 19th: a 19th that is a Tuesday
            months = [_add_months(source_date.year, source_date.month, k) for k in range(-28, 29)]
            named: list[Parts] = [
                (y, m, mention.day)
                for y, m in months
                if _valid(y or 1, m, last)
                and dt.date(y or 1, m, mention.day or 1).weekday() == mention.weekday
            ]
            if named:
                return named
        months = [_add_months(source_date.year, source_date.month, k) for k in range(-3, 4)]
        return [(y, m, mention.day) for y, m in months if _valid(y or 1, m, last)]
    years = range(source_date.year - 4, source_date.year + 5)  # 29 February: four years
    return [(y, mention.month, mention.day) for y in years if _valid(y, mention.month, mention.day)]


def _choose(candidates: list[Parts], source_date: dt.date, tense: Tense) -> Parts:
    """Past: the latest on or before the article date; future: the earliest on or after
    it; undecided: the nearest, the earlier on a tie."""

    def key(parts: Parts) -> tuple[int, int, int]:
        return (parts[0] or 0, parts[1] or 0, parts[2] or 0)

    today = (source_date.year, source_date.month, source_date.day if candidates[0][2] else 0)
    before = [c for c in candidates if key(c) <= today]
    after = [c for c in candidates if key(c) >= today]
    if tense == "past" and before:
        return max(before, key=key)
    if tense == "future" and after:
        return min(after, key=key)

    def distance(parts: Parts) -> tuple[int, bool]:
        year, month, day = parts
        assert year is not None and month is not None
        days = (
            dt.date(year, month, day or 1)
            - source_date.replace(day=1 if not day else source_date.day)
        ).days
        return abs(days), days > 0

    return min(candidates, key=distance)


# ---------------------------------------------------------------------------------------
# Clauses and events


_CLAUSE_BREAK = re.compile(r"[、，,;；]")


def _clauses(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """The clause of each date in a sentence: the whole sentence for one date; with
    several, the sentence cut at the last comma between one date and the next."""
    if len(spans) <= 1:
        return [text] * len(spans)
    cuts = [0]
    for (_, end), (start, _) in itertools.pairwise(spans):
        commas = [m.end() for m in _CLAUSE_BREAK.finditer(text, end, start)]
        cuts.append(commas[-1] if commas else start)
    cuts.append(len(text))
    return [text[cuts[i] : cuts[i + 1]].strip(" 、，,;；") or text for i in range(len(spans))]


TITLE_ID = "title"  # the sentence id of a date found in the source's title


def source_timeline(
    title: str,
    sentences: Sequence[Sentence],
    source_date: dt.date | None,
    language: str = "ja",
    tokens: Mapping[str, Sequence[Token]] | None = None,
    words: Mapping[str, Sequence[str]] | None = None,
) -> list[Dated]:
    """The timeline a briefing shows: the title's dates (a headline's 11月17日投開票)
    and the text's, one per event (:func:`distinct_events`)."""
    return distinct_events(
        dated_mentions(title, sentences, source_date, language, tokens), words or {}
    )


def dated_mentions(
    title: str,
    sentences: Sequence[Sentence],
    source_date: dt.date | None,
    language: str = "ja",
    tokens: Mapping[str, Sequence[Token]] | None = None,
) -> list[Dated]:
    """Every dated mention of the title and the text (:func:`timeline`)."""
    headline = [Sentence(TITLE_ID, title, 0, 0, (0, len(title)))] if title else []
    return timeline([*headline, *sentences], source_date, language, tokens)


def distinct_events(events: Sequence[Dated], words: Mapping[str, Sequence[str]]) -> list[Dated]:
    """One event per row: a later mention of the same date that shares a content word
    with an earlier one (``18日`` and ``8月18日`` of one summit) is the same event and
    is dropped. ``words``: content words per sentence id."""
    kept: list[Dated] = []
    seen: dict[str, list[tuple[str, set[str]]]] = {}  # date → (sentence id, its words)
    for event in events:
        mine = set(words.get(event.sentence_id, ()))
        earlier = seen.setdefault(event.date, [])
        if not any(sid != event.sentence_id and mine & theirs for sid, theirs in earlier):
            kept.append(event)
            earlier.append((event.sentence_id, mine))
    return kept


def _iso(year: int | None, month: int | None, day: int | None) -> str:
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"
