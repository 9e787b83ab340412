"""Japanese and Chinese date expressions: what the text writes, left to right, as
date mentions (:func:`find_japanese_dates`); :mod:`briefgen.summarize.resolve_dates`
places them on the calendar, and :mod:`briefgen.summarize.dates` states the model and
makes the timeline.

Forms found: ``2024年7月21日``, ``2024年7月``, ``1943年``, ``7月25日``, ``18日``,
``十六日``, ranges (``8月31日〜9月3日``, ``3〜5日``, ``3、4日``), era years (``令和7年``),
fiscal years (``2025年度`` → April to March, ``今年度末``), relative days, weeks, months
and years in kanji and kana, ``大みそか``/``元日``, weekdays, full-width digits and stray
spaces (``10 月2 日``). Chinese shares them (2021年11月11日, 去年, 明年, 昨天…).

**What makes a number a date**: it names a point on the calendar. It is not one when it is counted
(``約3日``, ``延べ5日``, ``一日も早い``, ``月間で13日``), a frequency or an ordinal (``週2日``,
``毎月1日``, ``偶数月の15日``, ``第3日``, ``3日目``), a duration or a rate (``3日間``, ``3日連続``,
``1日あたり``, ``1日につき``, ``1日に3回``, ``一日に10センチ``, ``1日の平均利用者``, ``15年連続``,
``少なくとも2、3日``, ``2日に1回``, ``12年4か月ぶり``, ``1日遅くなった``, ``1日だけ``,
``1日の移動日を挟み``, ``1日の報告数としては``, ``総裁選から3日、``, ``10日以内``,
``3日後``, ``3日ぶり``, ``1日2回``, ``2泊3日``,
``週休3日``, ``残り2日``, ``あと3日で``,
``懲役2年6月``, ``発売から10日で``, ``表明してから3日。``, ``投票まで10日を切った``,
``判明までに4日かかった``, ``発生から2、3日は``, ``1日も無駄にできない``,
``一日も忘れたことがない``, ``1日早まった``, ``10年が過ぎた``,
``20年の節目``), what recurs
every year or week (``毎年8月``, ``平年の8月``, a bare weekday in a sentence that tells a routine:
``毎週``, ``原則``), a fiscal period's name (``3月期``, ``12月決算``), a difference from a base or a
ratio's base (``平年より3日遅く``, ``2013年度比``), the size of a shift (``1日繰り下げ``), the start
of a longer word (``四日市``, ``五月雨``, ``三日坊主``, ``三日月``: Japanese word boundaries come
from the dictionary tokenizer), or a month before a suffix or a kanji day before a noun, which name
a thing (``5月病``, ``十日町``), an ordinal weekday (``第2・第4土曜日``), a day of the old
calendar (``旧暦8月15日``), days and nights counted (``三日三晩``), ``昨日今日`` (recently), the
end of a range whose start is no date (``例年7月から8月``), and so does a month that names
one of a yearly series
(``6月定例会``, ``11月場所``); another month before a noun is that thing's month (``9月総裁選``), a
kanji day before a noun of an act when it happens (``十九日告示``), and ``6月分``, ``今年度分`` are
that month's, that year's. A year that numbers a law or a notice (``平成10年法律第25号``,
``令和7年北川県告示第88号``) or an edition (``令和15年版``), a two-digit year listed after a
count (``戦後50年、60年``; after an era year it is of that era: ``昭和62年、63年``), a normal
year's day (``平年（6月7日ごろ）``) or one compared with last year's (``昨年と同じ日``,
``前年同月の2倍``, ``昨年度とほぼ同じ``, ``昨年の同じ期間より``, ``今年度当初を上回った``), a
routine's month after ``例年、`` (``例年、2月中の通過を目標に``), a month's part as a category
(``12月上旬としては``), a
season compared with (``3月下旬から4月上旬並み``), a date inside a word (``日本年金機構``'s
``本年``), a
weekly rule's next day (``月曜休館（祝日の場合は翌日）``), a year or
month word a change is measured from (``昨年度から2割増えた``, ``今年度当初から1兆円増えた``;
not ``昨年度から始まった``) or compared with (``昨年を約2000人上回った``, ``昨年1年間の患者数を
上回った``, ``昨年超え``; not ``昨年は目標を上回った``), a leap day named without its year
(``うるう日生まれ``; ``1996年のうるう日`` is a date), a year that opens a
quoted name (``「2024年問題」``, ``「55年体制」``; not ``「2034年以降」``), a weekday that names a
weekly column or programme (``日曜コラム``, ``日曜討論``) or its slot (``日曜朝の情報番組``), a
weekly rule (``月曜日は休館``), a weekly closing written as one word (``月曜休館``), a weekday in a
sentence of a day's averages (``土曜日の利用は1日平均40人``), a routine's days listed in brackets
(``毎月4の付く日（4日、14日、24日）``), the bare weekdays of several things that keep
happening (``いずれも土曜の深夜から…起きている``), a difference in days (``1日多かった``), years
of a duration (``34年あまり``), counts (``20日を超える年``, ``12日を数えた``), names
(``当日有権者数``, ``「今年の漢字」``), a rule that moved (``10月の第2月曜日に移った``),
``同じ月として`` (a category),
``一日一日``, ``元日`` starting a longer word (``元日銀理事``), the
same day as what no date tells (``夏の参院選と同じ日``), the decimals of a count (``平均9.2日``), a
year that names a model (``2027年モデル``, ``2019年式の``), the next morning that ends hours
from a clock time with no day (``午後7時から翌朝7時まで``), a month's nth weekday as a rule
(``1月の第2月曜日と定められ``), a quote of a month and its noun alone (``「八月のレモン」``,
``「5月の風フェス」``; not ``「4月の会合が本命」``), the weekday a date falls on
(``15日が土曜日にあたる``, ``1日が日曜日だった``, ``6月22日は日曜日のため``; but
``来週の月曜日に当たる4月7日`` is that date) and a noun an anaphora starts (``衆参同日選``,
``同年代``, ``前日譚``, ``当日配送``, ``当日券``) are no events.

A day word is no day when it means the present, the future or the past of what lasts
rather than happens (``今日の国際社会``, ``明日の日本``, ``明日の働き方``, ``昨日の敵は今日の友``,
``明日の北浜市``, ``明日の陽光電機を担う``), someone's (``日本の明日は``), a goal (``明日への
希望``), as the object of a verb of hope or making (``明日を信じて``, ``明日を担う``,
``明日をも知れぬ``; ``本日をもって``, ``あすを中心に`` are days), as "to this day" (``今日まで受け
継がれてきた``), or when it is supposed (``仮にあす…``, ``仮に決裂すれば、明日にも…``);
the timeline also drops one in a quote the sentence calls a saying or a joke, and one that
says it is its own (``明日は明日の風が吹く``). A month
of every year (``平年の8月``, ``7月の平年``) is no date either.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence

from briefgen.summarize.mentions import DateMention
from briefgen.summarize.mentions import valid_date as _valid
from briefgen.text.tokenize import Token, tokenize_ja

_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                 "七": 7, "八": 8, "九": 9}  # fmt: skip
_KANJI_NUMBER = "〇零一二三四五六七八九十百千"
_NUMBER = rf"[0-9]{{1,4}}|[{_KANJI_NUMBER}]{{1,8}}|元"
_DAY_NUMBER = rf"[0-9]{{1,2}}|[{_KANJI_NUMBER}]{{1,4}}"
SPACES = r"[ \u3000]*"  # stray spaces, as in 10 月2 日
DASH = r"[〜～~\-–—]"

_ERA = "|".join(_ERAS)
# Relative words, kanji and kana, with their offsets from the article date.
_DAY_WORDS = {
    "一昨日": -2, "おととい": -2, "昨日": -1, "きのう": -1, "今日": 0, "きょう": 0,
    "本日": 0, "明日": 1, "あす": 1, "あした": 1, "明後日": 2, "あさって": 2,
    "今朝": 0, "けさ": 0, "今夜": 0, "今晩": 0, "今夕": 0, "昨夜": -1, "昨晩": -1,
    "明朝": 1,
    "しあさって": 3, "昨天": -1, "今天": 0, "明天": 1, "前天": -2, "后天": 2,
}  # fmt: skip
_YEAR_WORDS = {
    "一昨年": -2, "おととし": -2, "昨年": -1, "去年": -1, "今年": 0, "本年": 0,
    "ことし": 0,
    "来年": 1, "明年": 1, "再来年": 2,
}  # fmt: skip
_MONTH_WORDS = {
    "先々月": -2, "先月": -1, "今月": 0, "本月": 0, "来月": 1, "再来月": 2,
    "上个月": -1, "下个月": 1,
}  # fmt: skip
_WEEK_WORDS = {"先々週": -2, "先週": -1, "今週": 0, "来週": 1, "再来週": 2}
# Anaphora count from the date last mentioned: the same one, the next, the one before.
# 同じ日, この日, その日 and あの日 are the same day too, その年 and あの年 (a word of its
# own: その年の…, not その年金) the same year; 翌々年 two on.
_ANAPHORA = {
    "同": 0, "同じ": 0, "当": 0, "即": 0, "翌": 1, "前": -1, "この": 0, "その": 0, "あの": 0,
    "翌々": 2,
}  # fmt: skip
_WEEKDAYS = "月火水木金土日"
_FIXED_DAYS = {"大みそか": (12, 31), "大晦日": (12, 31), "元日": (1, 1), "元旦": (1, 1)}
# The leap day of a year named with it (1996年のうるう日); alone (うるう日生まれの人) it
# is one of every leap year, no date.
_DAYS_OF_A_YEAR = {"うるう日": (2, 29), "閏日": (2, 29)} | _FIXED_DAYS  # 2024年の元日 too


def _alternatives(words: Mapping[str, object] | Sequence[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def _day_part(tag: str) -> str:
    """A day, or two joined into a range (3〜5日, 3日〜5日, 3、4日)."""
    return (
        rf"(?P<day{tag}>{_DAY_NUMBER})"
        rf"(?:{SPACES}(?:日{SPACES}{DASH}|{DASH}|[、・]){SPACES}(?P<day_end{tag}>{_DAY_NUMBER}))?"
        rf"{SPACES}(?:[日号]|(?<=[0-9{_KANJI_NUMBER}])の?両日)"  # 17、18の両日: a range
    )


def _month_part(tag: str) -> str:
    """A month, or two joined into a range of months (1〜6月), with a part or a day."""
    return (
        rf"(?P<month{tag}>{_NUMBER})(?:{SPACES}{DASH}{SPACES}(?P<month_end{tag}>{_NUMBER}))?"
        rf"{SPACES}月"
        rf"(?:{SPACES}(?:(?P<part{tag}>末|上旬|中旬|下旬|初め(?!て))|{_day_part(tag)}))?"
    )


_PERIOD = r"(?P<period{0}>末|初め(?!て)|初頭|暮れ|の暮れ|の年末)"  # 昨年暮れ: its December


@functools.cache
def japanese_forms() -> re.Pattern[str]:
    """The Japanese and Chinese date forms, compiled on first use (6 ms: start-up
    pays it only for a source that needs it)."""
    return re.compile(
        "|".join(
            [
                # 同日, 翌日, 同月28日, 同月末, 同年10月2日, 同年度, 翌年, 翌週の日曜日
                rf"(?P<ana>翌々|同じ|[同当翌前即]|この(?=日)|[そあ]の(?=日|年(?:の|は|、|に(?!な))))"
                rf"(?:(?P<ana_day>日|(?<=翌)朝|(?<=前)夜)(?!本|比|間|常|差|々)"
                rf"|(?P<ana_week>週)の?{SPACES}(?P<weekday_a>[{_WEEKDAYS}])曜(?:日)?"
                rf"|(?<![前])(?P<ana_month>月)(?!比|間)(?:{SPACES}(?:(?P<ana_part>末|上旬|中旬|下旬)|{_day_part('_a')}))?"
                # 同12日: a day of the month last told (同月12日 without its 月)
                rf"|(?<=同)(?P<ana_month_day>)(?=[0-9０-９{_KANJI_NUMBER}]){_day_part('_c')}(?!間)"
                rf"|(?P<ana_year>年)(?![齢代輩比間]|同期|並)(?P<ana_fiscal>度)?"
                rf"(?:{_PERIOD.format('_a')}|の?{SPACES}{_month_part('_ay')})?)",
                rf"(?P<day_word>{_alternatives(_DAY_WORDS)})",
                rf"(?P<year_word>{_alternatives(_YEAR_WORDS)})(?P<year_word_fiscal>度)?"
                rf"(?:{_PERIOD.format('_w')}|の?{SPACES}(?P<fixed_w>{_alternatives(_FIXED_DAYS)})"
                rf"|の?{SPACES}{_month_part('_w')})?",
                rf"(?P<month_word>{_alternatives(_MONTH_WORDS)})"
                rf"(?:の?{SPACES}(?:(?P<month_word_part>末|上旬|中旬|下旬)|{_day_part('_m')}))?",
                rf"(?:(?P<week>{_alternatives(_WEEK_WORDS)})の?{SPACES})?(?P<weekday>[{_WEEKDAYS}])曜(?:日)?",
                # 来週12日: a day of a week told
                rf"(?P<week_k>{_alternatives(_WEEK_WORDS)})の?{SPACES}(?P<day_k>{_DAY_NUMBER}){SPACES}日",
                rf"(?P<fixed>{_alternatives(_FIXED_DAYS)})",
                # 2024年7月21日, 令和7年, 2007年度, 95年 (a year already written in full)
                rf"(?:(?P<era>{_ERA}){SPACES}(?P<era_year>{_NUMBER})"
                rf"(?:{SPACES}{DASH}{SPACES}(?P<era_year_end>{_NUMBER}))?"  # 令和8〜10年度
                rf"|(?P<year>[0-9]{{4}}|[〇一二三四五六七八九]{{4}})"
                rf"(?:{SPACES}{DASH}{SPACES}(?P<year_end>[0-9]{{4}}|[0-9]{{2}}))?"  # 2025〜30年度
                rf"|(?<![0-9過約こ])(?P<short_year>[0-9]{{2}})(?=年(?![間前後目来半以余近ぶでほ経たぐ分越]|あまり|連続|[0-9]+[かカヶケ]月|か(?!ら)|が[過すた経]|の節目))"
                rf")年(?![齢代輩間]|前(?!半))(?P<fiscal>度)?(?:{_PERIOD.format('_y')}"
                rf"|の?{SPACES}(?P<fixed_y>{_alternatives(_DAYS_OF_A_YEAR)})"
                rf"|の?{SPACES}{_month_part('_y')})?",
                _month_part(""),
                rf"(?<![0-9{_KANJI_NUMBER}月年]){_day_part('_b')}",
            ]
        )
    )


# What stands before a number that is counted, not a point on the calendar: an
# ordinal, a frequency, an amount (第3日, 週2日, 約3日, 第2・第4土曜日), a day of another
# calendar (旧暦8月15日), the days of a trip after its
# nights (2泊3日), a count over a period (月間で13日), a day of every other month
# (偶数月の15日), or a day or month of every year (毎年8月, 例年の8月, 平年（6月7日ごろ）).
_COUNTED_BEFORE = re.compile(
    r"(?:第|第[0-9一二三四五]|旧暦|週|週休|毎|約|計|延べ|各|ここ|この|わずか|最長|最短|最大|たった|数|およそ|泊"
    r"|(?:毎年|例年|平年)[の（(、，]?|(?:偶数|奇数)月の?|(?:年間|月間|週間|期間中?)(?:で|に)?)$"
)
# A digit and a decimal point before a number: its decimals (平均9.2日), no date.
_DECIMAL_BEFORE = re.compile(r"[0-9][.．]$")
# What makes a year the name of a model (2027年モデル, 2020年式の車, 2025年型): a kind of
# product, not a time told of (2028年モデルチェンジ, 2029年式年遷宮 are events of a year).
_MODEL_YEAR = re.compile(r"(?:モデル(?!チェンジ)|型(?!破)|式(?=[のでがをはも、。]))")
# A day's average count of people or things (1日の平均利用者数, 1日の平均乗車人員).
_A_DAY_S_AVERAGE = re.compile(r"の平均[一-龯ァ-ヶー]{0,6}(?:者|数|人員|客)")
_PER_DAY = re.compile(
    rf"に(?:[0-9{_KANJI_NUMBER}.万]+|数)(?:回|食|錠|杯|時間|往復|便|センチ|ミリ|キロ|メートル|度|歩)(?!目)"
)
# Days in brackets after a routine they list (毎月4の付く日（4日、14日、24日）).
_RECURRING_LIST = re.compile(
    rf"(?:[0-9{_KANJI_NUMBER}]の(?:付|つ)く日|毎月[^（(、。]{{0,8}}|毎週[^（(、。]{{0,8}})"
    rf"[（(](?:[0-9{_KANJI_NUMBER}]+日[、・])*$"
)  # (not 毎月恒例の朝市（今月は16日）: this month's)
# A day's count as a category (1日の報告数としては今シーズン最多).
_A_DAY_S_COUNT = re.compile(r"の[一-龯ァ-ヶー]{0,6}数として")
_AS_A_CATEGORY = re.compile(r"としては")  # (完成時期を3月末としての計画: taking it as)
# A range whose end is compared with (3月下旬から4月上旬並み): a season, no dates.
_COMPARED_RANGE_END = re.compile(
    rf"から[0-9{_KANJI_NUMBER}]+月(?:上旬|中旬|下旬|末|初め)?(?:並|と同じ|ごろ並)"
)
_DAY_PAIRS = ("昨日", "今日", "明日", "一昨日", "おととい", "きのう", "きょう", "あす")
# An event days are counted from (総裁選から, 震災から, 発生から, 就任から).
_EVENT_BEFORE_FROM = re.compile(
    r"(?:選|式|戦|災|事故|事件|発生|発表|就任|開幕|公示|告示|投開票)から$"
)
# Days of a kind counted (1日の移動日を挟み, 2日の休養日).
_DAYS_OF_A_KIND = re.compile(r"の(?:移動日|休養日|休息日|予備日)を挟")
_ONLY = re.compile(r"だけ(?![でだ])")  # (休館は1日だけで、2日から: the 1st)
# The nth weekday of a month, as a rule (1月の第2月曜日, 8月の第1土曜日).
_NTH_WEEKDAY_OF = re.compile(
    rf"の第[0-9{_KANJI_NUMBER}][月火水木金土日]曜日?(?:と(?:定め|さ|決ま|決め|な)|に移)"
)  # (…10月の第2月曜日に移った: the rule moved; not 総会を6月の第2金曜日に開く, this year's)
_YEAR_WORD_BEFORE = re.compile(r"(?:年|今年|来年|昨年|本年)の?$")
# Two neighbouring numbers of days after a word of amount (少なくとも2、3日, 今後1、2日):
# "two or three days", a count, not a list of days.
_ABOUT_SO_MANY = re.compile(r"(?:少なくとも|最低でも|最低|今後|向こう|ここ)$")
_NEIGHBOURS = re.compile(r"([1-9][0-9]?)、([1-9][0-9]?)日")
_WITHIN_DAYS = re.compile(r"(?:中に|中には|のうちに)")  # 2、3日中に: within two or three days
# What a weekly rule closes on (月曜日は休館, 月曜休館（祝日の場合は翌日）).
_CLOSED = r"(?:休館|休業|休園|休診|定休|休み)"
# A clock time with no day of its own, the start of hours that end the next day (午後7時
# から翌朝7時まで: hours of every day; 3日午後7時から翌朝 is a night with its day).
_HOURS_FROM = re.compile(
    r"(?<![0-9日午前後夜朝])(?:午前|午後|夜|朝)?[0-9]{1,2}時(?:[0-9]{1,2}分|半)?から$"
)
# A day the hours are of, with no comma between (20日は午後9時から翌朝6時まで): a night.
_DAY_OF_HOURS = re.compile(r"(?:[0-9]日|同日|当日|きょう|今日|あす|明日)[^、，。]*$")
# A note to a weekly rule, whose anaphora is a day of every week (祝日の場合は翌日).
_WEEKLY_RULE_NOTE = re.compile(rf"曜日?[はが]?{_CLOSED}日?[（(][^）)]*$")  # 毎週月曜が休園日（祝日
# A base a day is compared with (昨年と同じ日): no day told.
_SAME_AS_BEFORE = re.compile(r"(?:昨年|去年|前年|例年|平年|一昨年)と$")
# たった after a span of time is the verb (丸一日以上たった1日未明: the 1st), not "only".
_ELAPSED_VERB = re.compile(r"(?:日|年|月|週間|時間|以上|余り)たった$")
# A date followed by 以来 or 以降 starts a period that reaches the present (2023年
# 以来、3年ぶり): the text does not go on to tell of that time.
_SINCE_AFTER = re.compile(
    r"(?:(?:上半期|下半期|前半|後半|春|夏|秋|冬|初頭|末)?(?:以来|以降)"
    r"|に[^、。「」]{0,20}?て以来|の[一-龯ァ-ヶー]{1,6}以来"
    # …年に骨子をまとめてから2年近くを経て, …年2月に…とされてから、3年余り
    rf"|に[^。]{{0,30}}?てから[、，]?(?:約|ほぼ)?(?:[0-9{_KANJI_NUMBER}]+|数)(?:年|か月|カ月)"
    r"(?:余り|近く|以上|あまり)?(?:を経|が(?:たつ|経|過ぎ|たっ)|ぶり|余り|での)"
    rf"|から(?:[0-9{_KANJI_NUMBER}]+|数)(?:年間|か月間|カ月間|年にわた)"
    # 1972年の国交正常化から60年の節目: the base of an anniversary
    rf"|の[一-龯ァ-ヶー]{{1,8}}から(?:[0-9{_KANJI_NUMBER}]+|数)(?:年|周年)(?:の|を|に|と|、))"
)  # …年に掲げられて以来, 2025年10月の就任以来, 2016年下半期以来, 1975年から12年間
# Between a year and この日 or きょう that are its day (1945年（昭和20年）のこの日).
_OF_THE_YEAR = re.compile(r"[）)]?(?:[（(][^）)]{1,12}[）)])?の")
# A year word that is its sentence's topic or time (昨年は, 今年も, 来年、) frames the
# months after it; one that modifies a noun (来年の開催日程) does not.
# A year word that is its sentence's topic or time (昨年は, 昨年には、), or names the year of
# the topic (昨年の党大会は3月9日に開かれ) frames the months after it.
_FRAMES_AFTER = re.compile(r"(?:は|も|、|，|に[は、]|の[一-龯ァ-ヶー]{1,8}(?:は|も)(?![ないく]))")
# A month that is its sentence's time or topic (昨年12月には、, 今年2月の大会では、) frames
# the bare days after it; one in a clause that modifies a noun (1月の地震で被災した町で、)
# does not.
_FRAMES_MONTH = re.compile(r"[^、。「」]{0,12}?(?:には|では|は|も)[、，]")
_EVERY_YEAR_AFTER = re.compile(r"の?(?:平年|例年)")  # 7月の平均気温 is this July's
# A month after a number of years that is no date is the rest of a duration (懲役2年6月:
# two years and six months); a year that is a date is part of the date's own match.
_YEARS_BEFORE = re.compile(rf"[0-9{_KANJI_NUMBER}]年")
# What follows a number of days or months that are a quantity, rate or period's name
# (3月期, 12月決算: a company's accounting year, not a month of the calendar).
_RANGE_TO = re.compile(rf"(?:から|{DASH})")
# A date, perhaps with its time of day, then から: the number after is a range's end
# (28日から30日まで, 13日夜から14日は), not days counted since an event.
_RANGE_START_BEFORE = re.compile(
    r"(?:[（(][^）)]{1,6}[）)])?(?:夜|朝|昼|夕方?|未明|早朝|深夜|午前|午後|正午)?(?:[0-9]{1,2}時)?から"
)
_DAYS_AND_NIGHTS = re.compile(rf"[{_KANJI_NUMBER}0-9]+(?:晩|夜)")
_COUNTED_AFTER = re.compile(
    r"(?:間|連続|あたり|当たり|以内|以上|未満|目|後|前(?!後)|ぶり|振り|おき|置き|ごと|毎|分|程度"
    r"|ほど|程|余り|あまり|足らず|弱|強|超|近く|がかり|掛かり|期|決算|中間|遅れ|遅い|遅く(?=なった|なる(?!と)|なり)|早く|早い|越し"
    r"|平均|順延|延期|延長|短縮|繰り下げ|繰り上げ|繰下げ|繰上げ|前倒し|先送り|ずれ込|として[はの]"
    r"|早ま|延び|縮ま"  # 1日早まった, 2日延びた: the size of a shift
    r"|多[くいかけ]|少な[くいかけ]"  # 日数が1日多かった: a difference in days
    r"|を超える(?=[一-龯ァ-ヶ])"  # 20日を超える年も: a count (not 期限の20日を超えて)
    r"|を数え"  # 真夏日は既に12日を数えた: a count
    r"|かか[らりるっ]|掛か|を要(?:し|する|した)"  # 4日かかった, 20日を要した: a duration
    r"|につき"  # 1日につき2時間: a rate
    r"|に[1一](?:回|度)(?![目戦])"  # 2日に1回: every two days
    rf"|(?:[0-9{_KANJI_NUMBER}]+|数)(?:回|食|錠|杯|本|時間|人|件|往復|便|台|個|枚|万|千|百))"
)
# A number of days as the object of a verb or of a verbal noun (移動日を1日挟み, 期限を
# 3日延ばす, 休暇を5日取得) is an amount; a date after を takes a particle, a time of day
# (会議を2日午前に開く), or heads a schedule: the noun of an act, a comma and the next
# day (衆院選を16日公示、28日投開票の日程で; 22日告示、10月4日投開票; 19日公示、来月1日投開票).
_OBJECT_BEFORE = "を"
_SCHEDULE_GOES_ON = re.compile(
    rf"[一-龯ァ-ヶー]+、(?:同月|来月|翌月|(?:{_DAY_NUMBER}){SPACES}月)?{SPACES}(?:{_DAY_NUMBER}){SPACES}日"
)
_VERB_AFTER = re.compile(r"(?![午朝昼夜夕未早深以付現頃前後])[一-龯ぁ-ゖ](?<![にのかまはもで])")
# Days counted from an event that is no date (発売から10日で, 開幕から3日が過ぎた): elapsed
# time. After a date (28日から30日まで) the number is the end of a range.
# Days left before an event (投票まで10日を切った, 開幕まで3日に迫った): the same.
_LEFT = ("残り", "あと", "残すところ")  # days left (残り2日): a count, like 10日を切った
_UNTIL_NOW = ("これまで", "それまで", "今まで", "いままで", "あれまで")
_ELAPSED_AFTER = re.compile(
    r"(?:で|が|は|にな|を経|経|たっ|たて|たつ|たち|過ぎ|。|を切|を割|に迫|と迫|を残)"
)
# Today's, tomorrow's, yesterday's of what lasts rather than happens — a country, a
# people, a society, an age (今日の国際社会, 明日の日本, 昨日の敵は今日の友, 明日の私たち) —
# is the present, the future or the past, no day. The head noun of what follows の
# decides: きょうの日本代表の試合 is a match and あすの東京の天気 a forecast, both dated.
_LASTING = frozenset(
    ["社会", "世界", "国", "時代", "世代", "友", "敵", "若者", "子供", "子供達", "人々", "経済",
     "政治", "地球", "未来", "事", "こと", "平和", "繁栄", "発展", "豊かさ", "暮らし", "生活",
     "姿", "礎", "文化", "地域", "働き方", "生き方", "在り方", "あり方"]
)  # fmt: skip
# Nouns of form that head nothing of their own (明日の地球のために: the earth's future).
_FORMAL_NOUNS = frozenset(["ため", "為", "よう", "もの", "物"])
_PLACE_SUFFIXES = frozenset(["県", "市", "町", "村", "区", "府", "都", "道", "州", "国"])
# A year that opens a quote holding nothing but a noun after it names a thing; a word
# of time after it keeps it a date (「2034年以降」); a month-day keeps it too (「4月1日開業」).
_QUOTED_NAME_TAIL = re.compile(
    r"(?!以|末|初|中|前|後|頃|時点|現在|上旬|中旬|下旬)[一-龯ァ-ヶー]{1,8}」"
)
# A quote that holds only a month and a noun in kanji or katakana (「5月の風フェス」,
# 「八月のレモン」): a name (not 「4月の会合が本命」, 「7月の参院選は正念場」).
_QUOTED_MONTH_NAME = re.compile(r"の[一-龯ァ-ヶー]{1,10}」")
# What a short weekday (日曜, 月曜) names as a weekly paper's or programme's part, not a
# day (金曜発表の統計 is this Friday's).
_WEEKLY_MEDIA = frozenset(["版", "朝刊", "夕刊", "コラム", "論説", "社説", "討論", "特集", "番組"])
# A time of a weekday that names a weekly programme's slot: 日曜朝の長寿番組.
_WEEKLY_SLOT = re.compile(
    r"日?(?:朝|夜|昼|夕方|午前|午後|深夜|夜間)?の[一-龯ァ-ヶー]{0,10}(?:番組|放送枠|コラム|連載)"
)
# Which weekday a date is, not a day: 15日が土曜日にあたる, or a date as the subject and
# its weekday as the predicate (1日が日曜日だった, 6月22日は日曜日のため); not
# 来週の月曜日に当たる4月7日, where the weekday is a date told twice.
_WEEKDAY_OF_A_DATE = re.compile(rf"に(?:あた|当た)(?:る(?!{SPACES}(?:{_NUMBER}))|り|っ)")
_DATE_AS_SUBJECT = re.compile(rf"[0-9{_KANJI_NUMBER}]日[がは]$")
_COPULA_AFTER = re.compile(r"(?:だ|で|です|でし|でござい|であ|のため|。)")
# Nouns an anaphora's word starts: 同日選 (elections on one day; not 同日選出された),
# 同年代, 同年齢 (of one age; not 同年代表), 前日譚 (a prequel).
# その日 as a time (1923年のその日、…), not その日暮らし or その日その日.
_THAT_DAY_AS_A_TIME = re.compile(r"その日(?=[、，にはもの])(?!の(?:うち|暮らし))")
_ANAPHORA_NOUN = re.compile(
    r"同日選(?:挙)?(?![出任定考抜手])|同年(?:代(?!表)|齢|輩)|前日譚"
    # 当日配送, 当日券, 当日有権者数: a kind of thing (not 当日正午, 当日以降, 当日発表する)
    r"|当日(?=[一-龯ァ-ヶ]{1,5}(?![一-龯ァ-ヶー]|する|し|さ|す))"
    r"(?!正午|以降|以前|以後|夜|朝|昼|夕|午前|午後|未明|深夜|早朝|明け|中|付)"
    # 即日配送, 即日融資: a same-day service (not 即日開票された, 即日控訴した: that day)
    r"|即日(?=配送|発送|配達|融資|払い|発行|審査|入会|仕上げ|対応|受け取り|交付|入居)"
)
# A law's or a notice's number, named by its year and its issuer (令和7年法律第48号,
# 令和7年北川県告示第88号), or an edition (令和15年版): no date.
_LAW_NUMBER = re.compile(
    r"(?:[一-龯ァ-ヶー]{0,8}?(?:法律|条例|政令|省令|規則|告示|訓令|通達|通知)第|版)"
)
# 今年度分, 今月中, 同日付: the dictionary's words of a date
_PART_OF = frozenset(["分", "中", "付", "付け"])
_SHORT_WEEKDAY = re.compile(rf"[（(]([{_WEEKDAYS}])(?:・[祝休])?[）)]")
_YEARS_BEFORE_TODAY = re.compile(rf"({_NUMBER})年前の$")
# A day word as the object of a verb (明日を信じて, 明日を担う, 明日をも知れぬ命) and
# 今日 as "to this day" (今日まで…受け継がれてきた: what has lasted until now), no days.
_FIGURATIVE_VERBS = (
    r"(?:も(?!って|ち)|信じ|担|拓|切り開|切りひら|見据|見つめ|生き|創|つく|築|夢見|願|照ら)"
)
# A day that bounds something stays a day: 本日をもって, あすを中心に, きょうを迎え.
_FIGURATIVE_AFTER = re.compile(rf"を{_FIGURATIVE_VERBS}|への")  # 明日への希望
# Someone's tomorrow or today (日本の明日は, 地方の今日に): a future, a present, no day.
_POSSESSED = re.compile(r"の(?:明日|今日|昨日)[はにがを]")
_TO_THIS_DAY = re.compile(r"(?:に至る)?まで[^。、]{0,40}?(?:てきた|できた|続いている|残っている)")
# A day word that says it is its own (明日は明日の風が吹く, 今日は今日の): a saying.
_SAYING = re.compile(r"(明日|今日|昨日|あす|きょう)は\1の")
# A sentence that tells how things recur names weekdays of every week (毎週金曜日を在宅
# 勤務の日とし、月曜日から木曜日は出社を原則とする), not days: its bare weekdays are no event.
_RECURRING = re.compile(
    r"毎週|隔週|毎月|毎日|毎朝|毎晩|原則|定休|[1一]日平均"
)  # (利用は1日平均40人)
# Several things told at once as what keeps happening (不審火はいずれも土曜の深夜から
# 日曜の未明にかけて起きている): their bare weekdays are of many weeks, no day.
_SEVERAL_TIMES = re.compile(r"いずれも[^。]*て(?:いる|います)[。」]?$")
# A bare weekday a place is closed on (月曜日は休館): a weekly rule, no day.
_CLOSED_ON = re.compile(rf"日?は?{_CLOSED}")  # (月曜休館, 日曜定休)
# A sentence that ends telling what usually happens (1月に召集されれば、会期末は6月下旬と
# なるのが通例だ; 4月以降が取りざたされることが多い) names months of any year: a month or
# month-day it gives without a year is no event (a day of a report in it still is).
_HABITUAL = re.compile(
    r"(?:ことが多い|ことが少なくない|のが(?:通例|慣例|常)(?:だ|である|となっている))[。」]?$"
)
# A kanji after a date written in kanji numerals makes it part of a word (三日坊主,
# 五月雨), unless it starts a time of day or a limit (十六日夜, 二十七日午後, 三日以降).
_KANJI_WORD = re.compile(r"(?![午朝昼夜夕未早深以付現頃前後])[一-龯々]")
# A year, month or day word that is the base of a comparison (昨年より14日早い,
# 前年を上回った, 昨年を約2000人上回った, 昨年1年間の患者数を上回った, 昨年超え) dates
# nothing; the time of the clause is not (昨年は目標を上回った).
_COMPARED = re.compile(
    r"(?:当初(?:予算)?(?:を[^。、「」]{0,12}?(?:上回|下回|超え)|[にと]比べ|比)"
    # 今年度当初を2兆円余り上回った, 今年度当初に比べて: a base (not 今年度当初は…)
    r"|より|比|並|に比べ|と比べ|と(?:ほぼ|ほとんど)?同じ|同期|の同じ(?:時期|期間)|の同時期|超え"
    r"|(?:[0-9０-９一二三四五六七八九十]+年間)?(?:の[^。、「」はがをにでともへ]{1,12})?"
    r"を[^。、「」はがを]{0,10}?(?:上回|下回|超え|超す|超し))"
)
# A year or month word the clause measures a change from (昨年度から2割増えた, 今年度当初
# から1兆円近く増えた, 先月から3ポイント下がった, 昨年から倍増した) is the base of a
# comparison too; one it tells what
# began from is not (昨年度から始まった, 昨年から10万人が訪れた).
_CHANGED_FROM = re.compile(
    # (not a range's start: 昨年8月から今年6月までの累計で9％減った)
    r"(?:当初|実績|末)?から(?![今昨来先同翌前]?(?:年度?)?[0-9０-９一二三四五六七八九十]*[月日])"
    r"(?:倍増|半減|[^。、]{0,15}?(?:[0-9０-９.]+|[一二三四五六七八九十百千数]+)"
    r"(?:割|％|%|ポイント|倍|人|件|円|億|万|兆|台|社|校)[^。、]{0,6}?"
    r"(?:増|減|伸び|上が|下が|上昇|下落|低下|拡大|縮小|改善|悪化|上回|下回|高|安))"
)
# 前年 (前年度) is the year before the one told, unless its clause compares with it: a
# statistic's base (前年を5％上回った, 前年の14件を下回った, 前年度当初比2.1％増, 前年実績に
# とどまった); 前年から続く紛争 is that year.
# A measure against a base (前年同月の2倍, 前年同月比; not 昨年同月にも同じ交差点で事故があり).
_MEASURE_WORDS = r"上回|下回|比|並|増|減|倍|半分|割|ポイント|[％%]|実績|水準"
_MEASURED = re.compile(_MEASURE_WORDS)
_COMPARES = re.compile(_MEASURE_WORDS + r"|同じ|同月|同日")
# A date written out is the base of a comparison after 比 or 比べ (より after a date
# is the formal "from": 10日より販売する).
# 平年より12日、昨年より5日早い (not 国より3日、県より5日に届いた: from whom)
_COMPARED_ON = re.compile(r"、[^。、]{1,8}より[^。、]{1,8}?(?:早|遅|多|少|長|短)")
_COMPARATIVE_AFTER = re.compile(r"(?:ほど|程度|以上)?(?:早|遅|多|少|長|短|前|後)")
# A year a comparison is made with (前回2020年を6.5ポイント上回った) is told of, but the
# text does not go on in it: the comparison is made from the present.
_BASE_OF_COMPARISON = re.compile(
    r"(?:の?(?:実績|水準|結果)?を(?:[^。、]{0,12})?(?:上回|下回)|に比べ|と比べ"
    # 2019年の約3190万人を上回った (not 2023年の来場者数は前年を上回る: the topic's year)
    r"|の[^。、をは]{1,12}を(?:[^。、]{0,6})?(?:上回|下回))"
)
_RATIO_BASE = re.compile(r"(?:比|並み|に比べ|と比べ|[=＝]100)")  # 2020年=100: an index's base
# A relative day in a supposition (仮に明日…としても) is no day on the calendar; a date
# written out still is (もし2010年の帰還が実現すれば).
_RELATIVE_KINDS = frozenset(["day_word", "week", "weekday", "month_word", "year_word"])
# So is one in what follows the supposition (仮に交渉が決裂すれば、明日にも…): the
# condition, then the date, within one sentence or quote.
_SUPPOSED = re.compile(r"(?:仮に|もし|たとえ|万一|万が一)$")
_IF = r"(?:仮に|もし(?!くは|も)|たとえ(?!ば)|万一|万が一)"  # not もしくは (or), たとえば
_CONDITION_CHARS = 120  # how far back a condition is looked for: bounded work per date
_AFTER_IF = re.compile(r"(?:たら|れば|なら)[、，]?$")  # an anaphora right after a condition
# …ば that is a way of speaking, no condition (振り返れば, 思えば, 考えてみれば, 今にして思えば)
_WAY_OF_SPEAKING = re.compile(r"(?:振り返れ|思え|考えてみれ|言え|みれ|遡れ|さかのぼれ)ば[、，]?$")
_SUPPOSED_BEFORE = re.compile(rf"{_IF}[^。「」『』]*(?:ば|たら|なら|ても|でも)[、，]?$")
# A speaker's own act, said as it is done (本日は…紹介いたします): no event to date; what
# ends or begins with its own subject (年度が終わります) is an event, not the speaker's act.
SPEECH_ACT = re.compile(
    r"(?:いたし|申し上げ|伺い|(?<!が)(?:終わり|始め)|質問し|紹介し|説明し|報告し|述べ|表し"
    r"|ありがとうござい)ます"
    r"(?=[。！」』]|$)"
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


def find_japanese_dates(
    text: str, language: str = "ja", tokens: Sequence[Token] | None = None
) -> list[DateMention]:
    """The Japanese (or Chinese) date expressions of ``text``, left to right.
    ``tokens`` (``tokenize_ja(text)``) give the word boundaries; without them Japanese
    text is tokenized here."""
    # NFKC turns full-width digits into ASCII one for one, so spans stay valid.
    normalized = "".join(
        unicodedata.normalize("NFKC", ch) if "０" <= ch <= "９" else ch for ch in text
    )
    words: dict[int, Token] | None = None
    if language == "ja" and japanese_forms().search(normalized):
        words = {t.span[0]: t for t in (tokens or tokenize_ja(text))}
    word_starts = sorted(words) if words is not None else []
    recurring = _RECURRING.search(normalized) is not None or bool(
        _SEVERAL_TIMES.search(normalized.rstrip())
    )
    habitual = _HABITUAL.search(normalized.rstrip()) is not None
    found: list[DateMention] = []
    uncounted_from: int | None = None  # where the last counted number ended
    for match in japanese_forms().finditer(normalized):
        start, end = match.span()
        if (
            words is not None
            and start in words
            and words[start].span[1] > end
            and normalized[end : words[start].span[1]] not in _PART_OF
        ):
            continue  # the start of a longer word: 四日市, 五月雨, 三日坊主, きょうだい
        if (
            words is not None
            and start not in words
            and not normalized[start].isdigit()
            and (inside := _word_around(words, word_starts, start)) is not None
            and not inside.surface.startswith(_DAY_PAIRS)
        ):
            continue  # inside a word: 日本年金機構's 本年 (昨日今日 is two days)
        if (
            words is not None
            and match.group("fixed") is not None
            and (ending := _word_around(words, word_starts, end)) is not None
            and normalized[end : ending.span[1]] not in _PART_OF
        ):
            continue  # ending inside a word: 元日銀理事's 元日
        if normalized.startswith(normalized[start:end], end) or normalized.endswith(
            normalized[start:end], 0, start
        ):
            continue  # 一日一日を大切に: a day after a day, no date
        if _DECIMAL_BEFORE.search(normalized, max(0, start - 2), start):
            continue  # 9.2日: the decimals of a count, never a day of the calendar
        if match.group(0).endswith("年") and _MODEL_YEAR.match(normalized, end):
            continue  # 2027年モデル, 2020年式: the name of a model, not a year told of
        counted = _COUNTED_BEFORE.search(normalized[max(0, start - 5) : start])
        if counted and not _ELAPSED_VERB.search(normalized, 0, start):
            uncounted_from = end
            continue
        if normalized[start:end] in ("1日", "一日") and (
            _A_DAY_S_AVERAGE.match(normalized, end)
            or _PER_DAY.match(normalized, end)
            or (
                _A_DAY_S_COUNT.match(normalized, end)
                and not normalized.endswith(("の", "た", "る", "だ"), 0, start)
            )
        ):
            # 1日の平均乗車人員, 1日に3回, 一日に10センチ: a rate (1日の平均株価 is the
            # 1st's, 1日に3人が死亡 a day, 1日に2回目の値上げ one of a series)
            continue
        if (
            normalized[end - 1] in "旬末"
            and _AS_A_CATEGORY.match(normalized, end)
            and not normalized.endswith("を", 0, start)
        ):
            continue  # 12月上旬としては観測史上最多: a part of every year's month, a category
        if normalized.startswith(("同じ月として", "同月として"), start):
            continue  # 12月単月でも…、同じ月として過去最多だった: the month as a category
        if match.group("month") and _COMPARED_RANGE_END.match(normalized, end):
            continue  # 3月下旬から4月上旬並みの暖かさ: a season compared with, both ends
        if normalized[end - 1] == "日" and _RECURRING_LIST.search(normalized, 0, start):
            continue  # 毎月4の付く日（4日、14日、24日）: the days of a routine, none of them a date
        if normalized[start:end] in ("1日", "一日") and _DAYS_OF_A_KIND.match(normalized, end):
            continue  # 1日の移動日を挟み, 2日の休養日: a number of such days
        if normalized[start:end] in ("1日", "一日") and _ONLY.match(normalized, end):
            continue  # 1日だけ展示する, 「一日だけの美術館」: one day, a count
        neighbours = _NEIGHBOURS.fullmatch(normalized, start, end)
        if (
            neighbours
            and int(neighbours[2]) == int(neighbours[1]) + 1
            and (
                _ABOUT_SO_MANY.search(normalized[max(0, start - 5) : start])
                or _WITHIN_DAYS.match(normalized, end)
            )
        ):
            continue  # 少なくとも2、3日は戻れない: two or three days, an amount
        if uncounted_from is not None and _RANGE_TO.fullmatch(normalized, uncounted_from, start):
            uncounted_from = end
            continue  # 例年7月から8月にかけて: a range that starts on no date ends on none
        if (
            normalized[end - 1] in "日月"
            and _COUNTED_AFTER.match(normalized, end)
            and not normalized.startswith("月分", end - 1)  # 6月分の統計: June's
        ):
            continue
        if (
            normalized[end - 1] == "日"
            and match.group("day_b") is not None
            and normalized.endswith(_OBJECT_BEFORE, 0, start)
            and _VERB_AFTER.match(normalized, end)
            and not (_noun_after(words, end) and _SCHEDULE_GOES_ON.match(normalized, end))
        ):
            continue
        if match.group("month") and _YEARS_BEFORE.fullmatch(normalized, start - 2, start):
            continue
        if (
            normalized.endswith("から", 0, start)
            and normalized.startswith("、", end)
            and normalized[end - 1] == "日"
            and _EVENT_BEFORE_FROM.search(normalized, 0, start)
        ):
            continue  # 総裁選から3日、: days since an event (not 県警から6日、連絡があった)
        left = next((w for w in _LEFT if normalized.endswith(w, 0, start)), None)
        adverb = normalized[start - 3 : start - 2] in ("", "、", "は", "も", "。") or (
            normalized.endswith("まであと", 0, start)  # 17日まであと3日となった
        )
        if left and (left != "あと" or adverb):
            # 投開票まで残り2日, 投票まであと3日: days left, no date (会談のあと12日に is a day)
            continue
        if (
            normalized.endswith(("から", "まで"), 0, start)
            and match.group("year_word") is None  # 震災から来年で20年: next year
            and not normalized.endswith(_UNTIL_NOW, 0, start)  # これまで10日が原則だった
            and not (found and _RANGE_START_BEFORE.fullmatch(normalized, found[-1].span[1], start))
            and _ELAPSED_AFTER.match(normalized, end)
        ):
            continue
        if (
            words is not None
            and normalized[end - 1] == "日"
            and _stressed(words, end, normalized[start:end])
        ):
            continue
        if (
            _KANJI_WORD.match(normalized, end)
            and normalized[end - 2] in _KANJI_NUMBER
            and (
                words is None
                or _names_a_thing(
                    words,
                    end,
                    _MONTH_TIME_WORDS if normalized[end - 1] == "月" else _DAY_TIME_WORDS,
                )
            )
        ):
            continue  # kanji numerals run into the word they begin: 三日月, 十日町
        if normalized[end - 1] == "日" and _DAYS_AND_NIGHTS.match(normalized, end):
            continue  # 三日三晩: days and nights, counted

        if (
            words is not None
            and end < len(normalized)  # a headline's or digest's 次回は7月 ends on it
            and normalized[end - 1] == "月"
            and normalized[end - 2] in _DIGITS_AND_KANJI
            and _names_a_thing(words, end, _MONTH_TIME_WORDS, arabic=True)
        ):
            continue  # 5月病, 11月場所, 6月定例会: a thing named by its month
        if normalized.startswith("同じ日", start) and _SAME_AS_BEFORE.search(
            normalized, max(0, start - 4), start
        ):
            continue  # 昨年と同じ日の開花: a comparison, no day told
        if _ANAPHORA_NOUN.match(normalized, start):
            continue  # 衆参同日選, 同年代の若者, 前日譚: a noun the word starts, no date
        if language == "ja" and normalized[end - 1] == "号":
            continue  # 号 is Chinese for 日; in Japanese it numbers things (台風5号)
        mention = _mention(match, text)
        if mention is None:
            continue
        era_end = _ERA_RANGE_END.match(normalized, end)
        era = era_end and next((e for e in _ERAS if normalized.startswith(e, start)), None)
        if (
            era_end
            and era
            and mention.year is not None
            and mention.fiscal
            and mention.month is None
            and mention.year_end is None
            and (told_end := _number(era_end["year"])) is not None
            and _ERAS[era] + told_end > mention.year
        ):
            # 令和五年度から九年度まで: the range's end, its era left out, is in the start's
            mention = dataclasses.replace(
                mention, span=(start, era_end.end("year") + 2), year_end=_ERAS[era] + told_end
            )
            end = mention.span[1]
        listed = _LISTED_AFTER.search(normalized, max(0, start - 6), start)
        short = mention.short_year
        if short is not None and mention.month is None and listed:
            previous = found[-1] if found and found[-1].span[1] == listed.end(1) else None
            if previous is None:
                continue  # 戦後50年、60年、70年の節目: a count listed after one, no year
            told = _number(listed[1][:-1])
            if previous.short_year is not None:
                # 戦後50年、60年: listed after one, a two-digit year is what that one is
                mention = dataclasses.replace(mention, short_year_leads=previous.short_year_leads)
            elif told is not None and told < 100 and previous.year and previous.year > 1000:
                # 昭和62年、63年: a year of the era the one before it is in
                base = previous.year - told
                mention = dataclasses.replace(mention, year=base + short, short_year=None)
        if (
            mention.kind == "anaphora"
            and mention.unit == "year"
            and mention.offset == -1
            and _COMPARES.search(re.split(r"[、。]", normalized[end:], maxsplit=1)[0])
        ):
            continue  # 前年を5％上回った, 前年の14件を下回った: a comparison's base
        if mention.kind == "anaphora" and (
            (
                normalized.endswith(("前年の", "昨年の", "去年の", "前年度の"), 0, start)
                and _COMPARES.search(re.split(r"[、。]", normalized[end:], maxsplit=1)[0])
            )
            or (
                normalized.endswith(("前年", "昨年", "去年", "前年度"), 0, start)
                and _MEASURED.search(re.split(r"[、。]", normalized[end:], maxsplit=1)[0])
            )
        ):
            # 前年の同じ月の約4倍, 前年同月の2倍: the same month a year back, a
            # comparison's base
            continue
        if mention.kind in _RELATIVE_KINDS and (
            _SUPPOSED.search(normalized[max(0, start - 4) : start])
            or _SUPPOSED_BEFORE.search(normalized[max(0, start - _CONDITION_CHARS) : start])
        ):
            continue
        if mention.kind == "anaphora" and _WEEKLY_RULE_NOTE.search(
            normalized, max(0, start - 20), start
        ):
            continue  # 月曜休館（祝日の場合は翌日）: a weekly rule's day, recurring
        if (
            mention.kind == "anaphora"
            and (mention.offset or 0) > 0
            and (hours := _HOURS_FROM.search(normalized, max(0, start - 12), start))
            and not _DAY_OF_HOURS.search(normalized, 0, hours.start())
        ):
            continue  # 受付時間を午後7時から翌朝7時までに: hours of every day, no date
        if (
            mention.kind == "anaphora"
            and normalized.startswith(("その", "あの", "この"), start)
            and _AFTER_IF.search(normalized, max(0, start - 4), start)
            and not _WAY_OF_SPEAKING.search(normalized, max(0, start - 8), start)
        ):
            # 就任したら、その日のうちに: the day of what is supposed, no date (雨天なら翌週
            # の日曜日に延期する counts from a day told: a date)
            continue
        changed_from = _CHANGED_FROM.match(normalized, end) and not (mention.offset or 0) > 0
        if mention.kind in ("year_word", "month_word", "anaphora") and (
            _COMPARED.match(normalized, end) or changed_from
        ):
            continue
        if normalized.endswith("より", 0, start) and (
            _COMPARATIVE_AFTER.match(normalized, end) or _COMPARED_ON.match(normalized, end)
        ):
            # 平年より3日遅く, 平年より12日、昨年より5日早い: a difference (厚労省より3日付で:
            # a sender's day)
            continue
        if _LAW_NUMBER.match(normalized, end):
            continue  # 平成10年法律第25号: a law's number, named by its year
        if mention.kind == "calendar" and _RATIO_BASE.match(normalized, end):
            continue  # 13年度比60％減, 2024年に比べ: the base of a comparison
        if habitual and mention.kind == "calendar" and mention.year is None and mention.month:
            continue  # 1月に召集されれば…のが通例だ: a month of any year
        if (
            mention.kind == "calendar"
            and mention.year is None
            and mention.day is None
            and _EVERY_YEAR_AFTER.match(normalized, end)
        ):
            continue  # 7月の平年の雨量: a month of every year, like 平年の7月
        demonstrative = normalized[max(0, start - 2) : start] in ("その", "この") or (
            normalized[start : start + 2] in ("その", "この")
        )  # その翌月, この日
        if (
            mention.kind == "anaphora"
            and mention.unit == "day"
            and normalized[start - 1 : start] == "の"
            and not demonstrative
        ):
            # 会談の前日: the day before what it names, not before the last date; the
            # timeline looks for the date the text gave that event (none: no event).
            anchor = _anchor(words, start - 1) if words is not None else None
            if anchor is None:
                continue
            mention = dataclasses.replace(mention, anchor=anchor)
        elif (
            mention.kind == "anaphora"
            and mention.unit == "day"
            and (mention.offset or normalized.startswith("当", start))
        ):
            # 開通前日, 事件翌日, 事件当日: the same, written as one word
            anchor = _anchor(words, start) if words is not None else None
            if anchor is not None:
                mention = dataclasses.replace(mention, anchor=anchor)
        if (
            mention.kind == "anaphora"
            and normalized.startswith("同じ", start)
            and normalized.endswith("と", 0, start)
            and not any(
                found_date.span[0] >= _clause_start(normalized, start) for found_date in found
            )
        ):
            # 夏の参院選と同じ日: the day of what its clause names, which no date tells
            # (7月21日の参院選と同じ日 is that day)
            continue
        if _SINCE_AFTER.match(normalized, end):
            mention = dataclasses.replace(mention, since=True)
        if mention.year is not None and _BASE_OF_COMPARISON.match(normalized, end):
            mention = dataclasses.replace(mention, compared=True)
        if normalized.startswith(("時点", "現在"), end):
            mention = dataclasses.replace(mention, as_of=True)
        framing = _FRAMES_MONTH if mention.month is not None else _FRAMES_AFTER
        frames = framing if mention.kind in ("year_word", "calendar") else None
        if frames is not None and frames.match(normalized, end):
            mention = dataclasses.replace(mention, frames_sentence=True)
        if mention.kind == "weekday" and found and _annotates(normalized, found[-1], start):
            # 19日（火曜日）: the weekday of the date before it, which its year must agree with
            if mention.offset is None:
                found[-1] = dataclasses.replace(found[-1], weekday=mention.weekday)
            continue
        named_year = mention.kind == "calendar" and mention.month is None
        if (
            named_year
            and normalized.endswith("「", 0, start)
            and _QUOTED_NAME_TAIL.match(normalized, end)
        ):
            continue  # 「2024年問題」, 「55年体制」: a name in quotes, no date told
        if (
            (
                (mention.kind == "calendar" and mention.year is None and mention.day is None)
                or (mention.kind == "year_word" and mention.month is None)
            )
            and normalized.endswith("「", 0, start)
            and _QUOTED_MONTH_NAME.match(normalized, end)
        ):
            # 「5月の風フェス」, 「八月のレモン」, 「今年の漢字」: a name of a month's or a
            # year's thing
            continue
        if (
            mention.kind == "calendar"
            and mention.year is None
            and mention.day is None
            and _NTH_WEEKDAY_OF.match(normalized, end)
            and not _YEAR_WORD_BEFORE.search(normalized, max(0, start - 3), start)
        ):
            continue  # 成人の日は1月の第2月曜日と定められ: a rule of the calendar, no date
        if (
            mention.kind == "weekday"
            and normalized[end - 1] == "曜"
            and words is not None
            and end in words
            and words[end].surface in _WEEKLY_MEDIA
        ):
            continue  # 日曜コラム, 日曜討論: a weekly column's or programme's name, no day
        if (
            mention.kind == "weekday"
            and mention.offset is None
            and _WEEKLY_SLOT.match(normalized, end)
        ):
            continue  # 日曜朝の情報番組: a weekly slot, no day
        if mention.kind == "weekday" and (
            _WEEKDAY_OF_A_DATE.match(normalized, end)
            or (
                mention.offset is None
                and _DATE_AS_SUBJECT.search(normalized, 0, start)
                and _COPULA_AFTER.match(normalized, end)
            )
        ):
            continue  # 15日が土曜日にあたるため, 1日が日曜日だった: which weekday a date is
        if (
            mention.kind == "weekday"
            and mention.offset is None
            and (recurring or _CLOSED_ON.match(normalized, end))
        ):
            continue  # 毎週金曜日を在宅勤務の日とし, 月曜日は休館: a routine, no day
        short_weekday = _SHORT_WEEKDAY.match(normalized, end)
        if mention.kind == "calendar" and mention.day is not None and short_weekday:
            weekday = _WEEKDAYS.index(short_weekday.group(1))  # 12月12日（日）
            mention = dataclasses.replace(mention, weekday=weekday)
        if mention.kind == "day_word" and words is not None and _lasting(words, end):
            continue
        years_before = (
            _YEARS_BEFORE_TODAY.search(normalized, max(0, start - 12), start)
            if mention.kind == "day_word"
            else None
        )
        if years_before is not None:
            count = _number(years_before.group(1))
            if count:  # 80年前のきょう: the same day, so many years back
                span = (years_before.start(), end)
                mention = dataclasses.replace(mention, span=span, years_before=count)
        if mention.kind == "day_word" and (
            _SAYING.match(normalized, start)
            or (start >= 3 and _SAYING.match(normalized, start - 3))
        ):
            continue  # 明日は明日の風が吹く
        if mention.kind == "day_word" and _recently(normalized, start, end):
            continue  # 昨日今日始まった話ではない: "recently", an idiom
        if mention.kind == "day_word" and _POSSESSED.match(normalized, start - 1):
            continue  # 日本の明日は: a country's future
        if mention.kind == "day_word" and _FIGURATIVE_AFTER.match(normalized, end):
            continue  # 明日をも知れぬ: an idiom
        if match.group() == "今日" and _TO_THIS_DAY.match(normalized, end):
            continue  # 今日まで受け継がれてきた: "to this day", no day
        if (
            mention.kind in ("calendar", "fixed")
            and mention.year is None
            and mention.day is not None
            and found
            and found[-1].kind == "day_word"
            and found[-1].span[1] == start
        ):
            # あす29日, きょう15日, あす9月1日, あす元日: one day, said twice; from the
            # article date
            found[-1] = dataclasses.replace(found[-1], span=(found[-1].span[0], end))
            continue
        this_day = mention.demonstrative or (mention.kind == "day_word" and mention.offset == 0)
        # 1923年のその日: the day told, in that year, as 1945年のこの日
        this_day = this_day or (
            mention.kind == "anaphora"
            and mention.unit == "day"
            and _THAT_DAY_AS_A_TIME.match(normalized, start) is not None
            and bool(found)
            and normalized[found[-1].span[1] : start] == "の"
        )
        year = found[-1] if found and found[-1].month is None and not found[-1].fiscal else None
        if this_day and year and _OF_THE_YEAR.fullmatch(normalized, year.span[1], start):
            # 1945年（昭和20年）のこの日, 昨年のきょう: this month-day of that year
            in_year = year.year if year.kind == "calendar" else None
            back = -year.offset if year.kind == "year_word" and year.offset else None
            if in_year is not None or back is not None:
                mention = dataclasses.replace(
                    mention,
                    kind="day_word",
                    offset=0,
                    unit=None,
                    # その日: the day told last, not the one reported on
                    demonstrative=normalized.startswith("その日", start),
                    in_year=in_year,
                    years_before=back,
                )
            if in_year is not None and normalized[year.span[1] : start] == "の":
                # 1945年のこの日: one date, told as one phrase (1945年（昭和20年）のこの日
                # tells the year apart, in brackets)
                found.pop()
                mention = dataclasses.replace(mention, span=(year.span[0], end))
        found.append(mention)
    return found


# Words after a month that keep it a time: within it, its parts, up to or from it.
_MONTH_TIME_WORDS = frozenset(
    ["中", "末", "内", "頃", "ごろ", "付", "付け", "頭", "終わり", "明け", "入り", "分", "時点",
     "現在", "以降", "以来", "以前", "以後", "上旬", "生まれ", "生",
     "中旬", "下旬", "初め", "初旬", "半ば", "前半", "後半", "期", "限り", "一杯", "いっぱい"]
)  # fmt: skip


_DIGITS_AND_KANJI = "0123456789" + _KANJI_NUMBER

# An assembly's regular sessions and sumo's tournaments are named by the month they
# open in, every year: 2月定例会 (which runs on into March), 9月定例県議会, 11月場所
# name one of the series; they date nothing (what the session did has its own day).
_SERIES_BY_MONTH = frozenset(["定例会", "場所"])


# After a day: its times and limits (一日中 is "all day", no date).
_DAY_TIME_WORDS = frozenset(["時点", "現在", "以降", "以来", "以前", "以後", "限り", "付"])


def _names_a_thing(
    words: Mapping[int, Token], end: int, time_words: frozenset[str], arabic: bool = False
) -> bool:
    """Whether a month (or a day in kanji) runs straight into a word it names: a
    month in digits before a suffix (5月病), a kanji day before a noun (三日月, 十日町)
    — a thing, not a point on the calendar. A month before a noun is the month of
    that thing (9月総裁選, 6月株主総会), a kanji day before a noun of an act (十九日
    告示: the dictionary's サ変) when it happens."""
    following = words.get(end)
    if following is None:
        return True  # no word starts there: the date is the start of a longer one
    if following.pos[0] not in ("名詞", "接尾辞"):
        return False
    if following.surface in time_words or following.pos[1] == "数詞":
        return False
    if following.surface == "定例":  # 9月定例県議会, not 4月定例記者会見 (a monthly one)
        after = words.get(following.span[1])
        return after is not None and after.surface.endswith("議会")
    if following.surface in _SERIES_BY_MONTH or following.surface.endswith("議会"):
        return True  # 2月定例会, 9月議会, 11月場所: one of a yearly series, by name
    if arabic:  # 5月病: a suffix makes a name; 9月総裁選 is an event of September
        return following.pos[0] == "接尾辞"
    return following.pos[2] != "サ変可能"


def _anchor(words: Mapping[int, Token], particle: int) -> str | None:
    """The event an anaphora names before its の, as written: the whole compound
    (地震の翌日: 地震; プーチン・ウィトコフ会談の前日: all of it, not a 会談 of another
    day), without a last 日 (告示日の翌日: 告示); two characters or more."""
    by_end = {t.span[1]: t for t in words.values()}
    nouns: list[Token] = []
    noun = by_end.get(particle)
    while noun is not None and (noun.pos[0] == "名詞" or noun.surface in "・･"):
        nouns.insert(0, noun)
        noun = by_end.get(noun.span[0])
    if nouns and nouns[-1].surface == "日":  # 告示|日: the event is the noun before
        nouns.pop()
    while nouns and nouns[0].surface in "・･":
        nouns.pop(0)
    anchor = "".join(t.surface for t in nouns)
    return anchor if len(anchor) > 1 else None


def _noun_after(words: Mapping[int, Token] | None, end: int) -> bool:
    """Whether the dictionary's word at ``end`` is a noun (unknown without words)."""
    following = words.get(end) if words is not None else None
    return following is not None and following.pos[0] == "名詞"


def _stressed(words: Mapping[int, Token], end: int, days: str) -> bool:
    """Whether ``days`` (the number of days ending at ``end``) is an amount stressed by も before
    an adjective or a negative (一日も早い復興, 一日も欠かさず): "even one day", not the
    first of the month (5日も協議を続けた is still the 5th); before an adjectival noun
    or an adjective not of degree only one day is (1日も無駄にできない; 30日も厳重な警戒を,
    8日も厳しい暑さ are the 30th and the 8th)."""
    particle = words.get(end)
    if particle is None or particle.surface != "も":
        return False
    following = words.get(particle.span[1])
    if following is None:
        return False
    one = days in ("1日", "一日")
    adjectival = following.pos[0] == "形状詞" or following.pos[2] == "形状詞可能"
    # an adjective of degree stresses any number (3日も早く); any other only one day
    # (8日も厳しい暑さとなり is the 8th)
    degree = following.pos[0] == "形容詞" and (one or following.normalized in _DEGREE)
    return (
        degree
        or (one and adjectival)
        or following.form.startswith("未然形")
        # 一日も忘れたことがない, in the idiom's spelling (1日も営業しない: the 1st)
        or (days == "一日" and _denied(words, following))
    )


def _denied(words: Mapping[int, Token], token: Token) -> bool:
    """Whether the clause that starts at ``token`` ends in a negative (一日も忘れたことが
    ない, 一日も休んだことはありません): "not even one day"."""
    seen: Token | None = token
    for _ in range(8):
        if seen is None or seen.surface in "、。，「」":
            return False
        negative = seen.normalized in ("ない", "無い", "ず", "ぬ", "ん")
        if negative and seen.pos[0] in ("助動詞", "形容詞"):
            return True
        seen = words.get(seen.span[1])
    return False


_DEGREE = frozenset(["早い", "遅い", "長い", "多い", "少ない", "短い"])


def _recently(text: str, start: int, end: int) -> bool:
    """Whether the day word at ``start`` is part of 昨日今日 (きのうきょう) meaning
    "recently" (昨日今日始まった話ではない), not the two days (きのうきょうと、, 昨日今日の
    2日間)."""
    if text.startswith("昨日今日", start):
        after = start + 4
    elif text.startswith("きのうきょう", start):
        after = start + 6
    elif text.endswith(("昨日", "きのう"), 0, start) and text.startswith(("今日", "きょう"), start):
        after = end
    else:
        return False
    return not _TWO_DAYS_TOLD.match(text, after)


_TWO_DAYS_TOLD = re.compile(r"(?:と|、|の(?:[0-9一二]|両))")


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding ``at`` starts: after the last comma or full stop."""
    return max(text.rfind(mark, 0, at) for mark in "、，。") + 1


def _word_around(words: Mapping[int, Token], starts: Sequence[int], at: int) -> Token | None:
    """The word ``at`` falls strictly inside, by the words' sorted ``starts``."""
    index = bisect.bisect_right(starts, at) - 1
    if index < 0:
        return None
    word = words[starts[index]]
    return word if word.span[0] < at < word.span[1] else None


def _lasting(words: Mapping[int, Token], end: int) -> bool:
    """Whether the day word ending at ``end`` is followed by の and a noun of what lasts."""
    particle = words.get(end)
    if particle is None or particle.surface != "の":
        return False
    head: Token | None = None
    named = False  # a proper noun in the phrase: 南雲県, 日本
    following = words.get(particle.span[1])
    while following is not None and following.pos[0] in ("名詞", "代名詞"):
        if head is not None and following.normalized in _FORMAL_NOUNS:
            break
        head = following  # the head is the last noun: 国際社会, 日本代表, 東京の天気
        named = named or following.pos[1] == "固有名詞"
        following = words.get(following.span[1])
        if following is not None and following.surface == "の":
            following = words.get(following.span[1])
    if head is None:
        return False
    if following is not None and following.surface == "を":  # 明日の陽光電機を担う
        rest = words.get(following.span[1])
        if rest is not None and re.match(_FIGURATIVE_VERBS, rest.surface):
            return True
    country = head.pos[:4] == ("名詞", "固有名詞", "地名", "国")
    # a place that lasts: 明日の南雲県, 今日の北浜市 (the head a place's suffix)
    place = named and head.surface in _PLACE_SUFFIXES
    return country or place or head.pos[0] == "代名詞" or head.normalized in _LASTING


def _annotates(text: str, before: DateMention, start: int) -> bool:
    return (
        before.day is not None and re.fullmatch(r"[（(]?", text[before.span[1] : start]) is not None
    )


# A two-digit year that opens a clause (。62年にデビューし、51年公開の…) is the subject of
# the clause, a year; inside a noun (築40年, 戦後80年) or before の (50年の歴史) it is
# more often an age or a count; one with its month (末期の45年7月) is a date anywhere.
_CLAUSE_OPENS = "。、「『（("
# The end of a range of era years that leaves the era out (令和五年度から九年度まで).
_ERA_RANGE_END = re.compile(rf"から(?P<year>[0-9]{{1,2}}|[{_KANJI_NUMBER}]{{1,3}})年度(?=まで|の)")
# A number of years just before a two-digit year in a list (50年、60年): what it continues.
_LISTED_AFTER = re.compile(rf"([0-9{_KANJI_NUMBER}]+年)[、・]$")
_NOT_A_YEAR_AFTER = re.compile(r"年(?:の|に一度|に1度|にわた|に及|越し|がかり)")


def _leads_clause(text: str, span: tuple[int, int]) -> bool:
    start = span[0]
    before = text[start - 1] if start else "。"
    return before in _CLAUSE_OPENS and not _NOT_A_YEAR_AFTER.match(text, start + 2)


def _mention(match: re.Match[str], text: str) -> DateMention | None:
    parts = {k: v for k, v in match.groupdict().items() if v is not None}
    span = match.span()

    def get(*names: str) -> str | None:
        return next((parts[n] for n in names if n in parts), None)

    month_text = get("month", "month_y", "month_ay", "month_w")
    month_end_text = get("month_end", "month_end_y", "month_end_ay", "month_end_w")
    day_text = get("day", "day_y", "day_ay", "day_w", "day_a", "day_m", "day_b", "day_k", "day_c")
    end_text = get(
        "day_end", "day_end_y", "day_end_ay", "day_end_w", "day_end_a", "day_end_m", "day_end_c",
        "day_end_b",
    )  # fmt: skip
    month = _number(month_text) if month_text else None
    month_end = _number(month_end_text) if month_end_text else None
    if month_end is not None and (day_text is not None or not 1 <= month_end <= 12):
        return None  # 1〜6月5日: no date this reader can tell
    if month_end is not None and month_end == month:
        return None
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
    fields["month_end"] = month_end
    period = get("period_a", "period_w", "period_y")
    if period:
        fields["period"] = "end" if period in ("末", "暮れ", "の暮れ", "の年末") else "start"
    part = get("part", "part_y", "part_ay", "part_w", "ana_part", "month_word_part")
    if part == "末":
        fields["period"] = "end"
    if "ana" in parts:
        month_told = "ana_month" in parts or "ana_month_day" in parts
        unit = "day" if "ana_day" in parts else "month" if month_told else "year"
        if "ana_week" in parts:
            unit = "week"
            fields["weekday"] = _WEEKDAYS.index(parts["weekday_a"])
        fields.update(kind="anaphora", unit=unit, offset=_ANAPHORA[parts["ana"]])
        fields["demonstrative"] = parts["ana"] == "この" and unit == "day"
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
    elif "week_k" in parts:
        fields.update(kind="week_day", offset=_WEEK_WORDS[parts["week_k"]])
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
            fields["short_year_leads"] = month_text is not None or _leads_clause(text, span)
            fields["short_year_told"] = month_text is not None or "fiscal" in parts
        elif "era" in parts:
            era_year = _number(parts["era_year"])
            if era_year is None:
                return None
            fields["year"] = _ERAS[parts["era"]] + era_year
            if "era_year_end" in parts:
                era_end = _number(parts["era_year_end"])
                if era_end is None or era_end <= era_year or month_text is not None:
                    return None
                fields["year_end"] = _ERAS[parts["era"]] + era_end
        else:
            fields["year"] = _number(parts["year"])
            if "year_end" in parts and month_text is None:
                start, end = int(parts["year"]), int(parts["year_end"])
                if end < 100:  # 2025〜30年度: the end in the start's century
                    end += start - start % 100
                if end <= start:
                    return None
                fields["year_end"] = end
            elif "year_end" in parts:
                return None  # 2024〜25年3月: not a range this reader can tell
        if "fixed_y" in parts and "fiscal" not in parts and "year_end" not in fields:
            fields["month"], fields["day"] = _DAYS_OF_A_YEAR[parts["fixed_y"]]
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
