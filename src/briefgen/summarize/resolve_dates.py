"""Placing a date mention on the calendar, as :mod:`briefgen.summarize.dates` states
the model: the tense of the predicate a Japanese date belongs to
(:func:`predicate_tense`; Chinese: :func:`chinese_tense`), the :class:`Frame` a source
is read in (its date, the date last mentioned, the years written), and the placement
itself (:func:`resolve_range`): relative words and anaphora from their frame, a
written year carried, and the candidates of the calendar chosen by the tense.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from briefgen.summarize.mentions import DateMention, Tense
from briefgen.summarize.mentions import valid_date as _valid
from briefgen.text.tokenize import Token

CARRY_SENTENCES = 2  # how far a written year carries to a later month-day (dated text)
_NEW_YEAR_STEP = 6  # months back that mean the next year, not a look back


# ---------------------------------------------------------------------------------------
# Tense: the predicate a date belongs to.

_OPENING = "「『（(【〔［“"
_CLOSING = "」』）)】〕］”"
_SENTENCE_END = "。！？!?"
# Nouns that make what they follow a plan or a forecast.
_PLAN_NOUNS = frozenset(
    ["予定", "方針", "見通し", "見込み", "計画", "意向", "構え", "公算", "見込", "日程", "考え"]
)
# What is planned or foreseen, said as standing (…が予定されている, …が予想されている).
_FORESEEN = _PLAN_NOUNS | frozenset(["予想", "予測", "想定", "懸念", "予報"])
# A plan noun followed by a case particle is an argument of another verb, not the plan
# the sentence tells (方針を転換した, 計画が決まった).
_ARGUMENT_PARTICLES = frozenset(["を", "が", "は", "も", "に", "へ", "の"])
_STATE_VERBS = frozenset(["居る", "おる", "有る", "在る"])  # …ている, …てある: a state
_BEING = frozenset(["有る", "在る", "無い"])  # …した疑いがある, …した形跡はない
# Verbs that look ahead to the date they govern (10月3日に控え, 22日に向け, 5日に先立ち):
# the date is later than the time of the main verb, like a plan's.
# Verbs of aiming (2030年の達成を目指す; 11月5日の大統領選で再選を目指す): what they aim
# at, and the occasion they aim at it in, is ahead.
_AIMING_VERBS = frozenset(["目指す", "狙う"])
_AHEAD_VERBS = frozenset(["控える", "向ける", "先立つ"]) | _AIMING_VERBS
_FINITE = ("終止形", "連体形")


# What a predicate says of time before the date is known: a state (…ている) has begun
# by the article date, unless the date is when it lasts until (settled in _tense).
Said = Literal["past", "future", "state"] | None


def predicate_tense(
    tokens: Sequence[Token],
    span: tuple[int, int],
    next_date: int | None,
    single: bool = True,
    done: Collection[str] = (),
) -> Tense:
    """The tense of the predicate the date at ``span`` belongs to (module docstring);
    ``single``: a date, not the end of a range (28日から3日まで開かれている has begun);
    ``done``: the acts the text told as done before (:func:`acts_done`).
    Where that tells nothing, a date in what follows a condition (統一選で負ければ、9月の
    総裁選での再選は危うい) is ahead: a condition's outcome is yet to come."""
    tense = _predicate_tense(tokens, span, next_date, single, done)
    if tense is None and _after_condition([t for t in tokens if t.span[1] <= span[0]]):
        return "future"
    return tense


_NO_TIME_VERBS = frozenset(["当たる", "成る", "続く", "因る", "よる"])


def _arranging(after: Sequence[Token]) -> bool:
    """Whether the clause tells a plan being arranged: a non-past verb, then 方向で調整
    (or 検討) (…記念行事を開く方向で調整している); not any plan noun under a state
    (…接近する見通しだとして、警戒を呼びかけている: the lede's day is of the calling)."""
    return any(
        token.normalized == "方向"
        and 0 < index < len(after) - 2
        and after[index - 1].pos[0] in ("動詞", "助動詞")
        and after[index - 1].form.startswith("連体形")
        and after[index - 1].normalized != "た"
        and after[index + 1].surface == "で"
        and after[index + 2].normalized in ("調整", "検討", "最終")
        for index, token in _clause(after)
    )


def _being_arranged(after: Sequence[Token]) -> bool:
    """Whether the date is what a plan is being arranged on: ``で`` then ``調整`` (or
    ``最終調整``), right after it or after one noun of the act (…21日で調整している,
    21日の訪米で最終調整に入った); not an arranging that ended (…で調整を終えた)."""
    skip = 2 if len(after) > 2 and after[0].surface == "の" and after[1].pos[0] == "名詞" else 0
    rest = [t.normalized for t in after[skip : skip + 10]]
    around = rest[:3] in (["を", "軸", "に"], ["を", "中心", "に"])
    if around:
        rest = ["で", *rest[3:]]  # 首脳会談を1月13日を軸に調整している
    if rest[:1] != ["で"]:
        return False
    words = rest[2:] if rest[1:2] == ["最終"] else rest[1:]
    arranging = ("調整", "検討") if around else ("調整",)  # 5日を軸に解散を検討している
    if around and words[:1] != ["調整"]:
        words = words[words.index("検討") :] if "検討" in words else []
    was = any(words[k : k + 3] in (["て", "居る", "た"], ["で", "居る", "た"]) for k in range(5))
    return (
        words[:1] in ([w] for w in arranging)
        and not any(w.startswith(("終", "済")) for w in words[1:])
        and not was  # 当初、10日を軸に調整されていたが: a plan that was
    )


def _modifies_before_comma(before: Sequence[Token], after: Sequence[Token]) -> bool:
    """Whether a non-past verb modifies a noun in the date's own clause (24日に開かれる
    大会の代表を発表した; 5日に開幕し、10日間続く見本市の…: a chain that modifies the
    noun too); not after a comma when the date's verb has a subject of its own before it
    (後半戦が25日に終わり、…責任を問う声が上がった: the clause after the comma is
    another's)."""
    own_subject = any(t.surface == "が" and t.pos[0] == "助詞" for t in before[-6:])
    for index, token in enumerate(after[:-1]):
        if token.surface in "、，" and (own_subject or not _chain_before(after, index)):
            return False
        if (
            token.pos[0] in ("動詞", "助動詞")
            and token.form.startswith("連体形")
            and token.normalized != "た"
            and after[index + 1].pos[0] == "名詞"
        ):
            return True
    return False


def _chain_before(tokens: Sequence[Token], comma: int) -> bool:
    """Whether the comma at ``comma`` ends a verb's continuative form (開幕し、)."""
    return comma > 0 and tokens[comma - 1].form.startswith("連用形")


def _past_state(tokens: Sequence[Token]) -> bool:
    """Whether the clause's main verb is a state that was (…構えを見せていた), not a
    simple past telling (…方針を明らかにした) or a state that holds (…見せている)."""
    said, at = _main_predicate_at(tokens)
    return said == "past" and at > 0 and tokens[at - 1].normalized in _STATE_VERBS


def _time_of_the_act(after: Sequence[Token]) -> bool:
    """Whether a non-past clause after the date ends in a noun of time (3日に自宅を出る
    前に立ち寄った, 5日に訪問する際に使った): its time is the main act's, not ahead."""
    return any(
        token.surface in _TIME_NOUNS
        and index > 0
        and after[index - 1].pos[0] in ("動詞", "助動詞")
        and after[index - 1].normalized != "た"
        for index, token in enumerate(after)
    )


_TIME_NOUNS = frozenset(["前", "際", "時", "とき", "間", "うち", "直前", "途中", "最中", "まで"])


def act_tense(tokens: Sequence[Token], span: tuple[int, int]) -> Tense:
    """The tense of the act a date is the time of (``に`` or ``で`` right after it), even
    in a clause that modifies a noun (2028年10月に稼働した工場, 1976年に亡くなった画家:
    past), or of a profile's act told by its noun alone (1987年創業。); None for the
    date of a thing (2031年の大会)."""
    after = [t for t in tokens if t.span[0] >= span[1]]
    after_act = after[1:] if after and after[0].surface == "に" else after
    if (
        len(after_act) > 1
        and after_act[0].normalized in _PROFILE_ACTS
        and after_act[1].surface in ("。", "）", ")", "、")
    ):
        return "past"  # 1987年創業。, （1901年生まれ）: a profile's acts have happened
    if not after or after[0].surface not in ("に", "で"):
        return None
    told = _first_tense(after)
    return told if told in ("past", "future") else None


# The acts a profile dates by their noun alone (1987年創業。, 1998年初当選。, （1901年
# 生まれ））: a founding, a birth, a first election or appearance, all gone by.
_PROFILE_ACTS = frozenset(
    ["創業", "創立", "生まれ", "生まれる", "初当選", "新入幕", "初土俵", "没", "死去", "建立"]
)  # fmt: skip (設立, 入社: may be planned, 2031年1月設立。4月に営業を始める)


def _modifier_tense(before: Sequence[Token], after: Sequence[Token]) -> Tense:
    """The tense of a clause that ends right before the date and modifies it: a verb's
    plain non-past is ahead (雇用統計が発表される8日…が焦点になる, 大型連休後半が始まる
    3日からは), unless the main verb is past, which the clause's time is relative to
    (第1戦が行われる8日に現地入りした). Not a past clause (ストを予告した15日: a day set
    before), one that modifies a thing the date is of (同日発表した12月の失業率: the
    rate's month), a verb of being, of corresponding, of cause or of looking ahead
    (…ている3日, …にあたる3日, …による7日の発射, 演説に先立つ22日), or a quote's verb
    (…とされる3日), which tell no time of the day."""
    if len(before) < 2 or (after and after[0].surface == "の"):
        return None
    last = before[-1]
    if last.pos[0] not in ("動詞", "助動詞") or not last.form.startswith("連体形"):
        return None
    if (
        last.normalized == "た"
        and _copula(before[-2])
        and len(before) > 2
        and before[-3].normalized not in _PLAN_NOUNS | {"筈", "はず"}
    ):
        # 官公庁の仕事納めだった27日、: what the day was, gone by (not 開かれる予定だった
        # 12日には, 開業するはずだった20日には: a day planned for, perhaps still to come)
        return "past"
    if last.normalized == "た":
        return None  # ストを予告した15日, 当初予定した12日: a day set before, of any time
    if last.normalized in _STATE_VERBS | _AHEAD_VERBS or last.normalized in _NO_TIME_VERBS:
        return None
    if _main_predicate(after) == "past":
        return None  # 第1戦が行われる8日に現地入りした: the clause's time is the act's
    if any(t.surface == "と" and t.pos[1] == "格助詞" for t in before[-3:]):
        return None  # …とされる3日, …とみられる3日: hearsay, no time of its own
    return "future"


def _clock_time(after: Sequence[Token]) -> int:
    """How many words right after a date tell its time of day (夜, 午後3時半ごろ,
    午前10時15分すぎ); 0 when none do."""
    at = 1 if after and after[0].surface in _TIME_OF_DAY else 0
    clock = at
    while clock < len(after) and (
        after[clock].pos[1:2] == ("数詞",) or after[clock].surface in _CLOCK_WORDS
    ):
        clock += 1
    told = any(t.surface in ("時", "時半") for t in after[at:clock])
    return clock if told else at


_CLOCK_WORDS = frozenset(["時", "時半", "分", "半", "ごろ", "頃", "すぎ", "過ぎ", "前"])


def _thing_of_the_day(after: Sequence[Token], parts: tuple[str, ...]) -> int:
    """Where the noun a date is joined to by の ends (6月の|市長選|では, 20日の|召集|だ):
    the index after its last word of ``parts``; 0 when the date is not so joined."""
    if len(after) < 3 or after[0].surface != "の":
        return 0
    end = 1
    while end < len(after) and after[end].pos[0] in parts:
        end += 1
    return end if end > 1 else 0


def _at_the_event(after: Sequence[Token]) -> int:
    """Where the place of an act starts when the date is that of an event a past act
    happened at (6月の市長選では…果たした, 9日の会合で…合意した), or of an occasion a
    verb ahead acts on (10月の記念式典を成功させたい): the act's time is the event's; 0
    when it is not."""
    end = _thing_of_the_day(after, ("名詞", "接尾辞", "接頭辞"))
    if end and end + 2 < len(after) and after[end].surface == "を":
        # 10月の記念式典を成功させたい: an occasion a verb ahead acts on at once
        verb = after[end + 1].pos[0] == "動詞" or (
            after[end + 1].pos[0] == "名詞" and after[end + 2].pos[0] in ("動詞", "助動詞")
        )
        phrase = []
        for token in after[end + 1 :]:
            if token.surface in "、，。」":
                break
            phrase.append(token)
        # its verb ends the clause, not past (not 10月の衆院選を経て、…: gone through)
        finite = bool(phrase) and phrase[-1].form.startswith(_FINITE)
        finite = finite and phrase[-1].normalized != "た"
        occasion = _OCCASION.search("".join(t.surface for t in after[1:end]))
        if verb and finite and occasion and _first_tense(after[end:]) == "future":
            return end
        return 0
    if not end or end >= len(after) or after[end].surface not in ("で", "において"):
        return 0
    # A past act; one ahead only at an occasion (28日の本会議で…可決する): a thing ahead
    # may be a period's report (5月の統計では…が焦点となる). The act is the first verb
    # after the place (28日の会合で決まった方針に沿い、…始める: it was decided).
    rest = after[end:]
    first = _first_tense(rest)
    if _simple_past(rest) or first == "past":
        return end
    occasion = _OCCASION.search("".join(t.surface for t in after[1:end]))
    said, at = _main_predicate_at(rest)
    # (not a state that holds now, told by an adjective: 4月の統一地方選で…敗れ、党内の
    # 空気は重い: the election was)
    adjective = 0 <= at < len(rest) and rest[at].pos[0] == "形容詞"
    ahead = first == "future" and said == "future" and not adjective
    ahead = ahead and not _ends_on_act_noun(rest)
    return end if occasion and ahead else 0  # (…求める決議を可決。 tells no time)


# Nouns of an occasion things are done at (会合, 本会議, 総会, 首脳会談, 投開票, 式典).
_OCCASION = re.compile(r"(?:会|会議|会合|会談|選|選挙|式|式典|祭|集会|会見|審議|投開票|公判|試合)$")


# Topics whose value is a past act named by its day: a cleft (…したのは、25日の会見だ) or a
# cause (発端は、3日の発表だ).
_CAUSE_OR_CLEFT = re.compile(r"(?:のは|発端は|きっかけは|原因は|理由は|契機は|始まりは)")


def _act_as_predicate(after: Sequence[Token]) -> Tense:
    """The tense of an act the date is the day of when that act is the predicate
    (臨時国会は20日の召集だ, 20日の投開票となる, 20日の召集と聞いている): its copula's
    or its verb of becoming or hearing, non-past ahead, past (だった, となった) past. A
    thing that is no act (10日のことだ, 3日の新聞だ) is not told so."""
    end = _thing_of_the_day(after, ("名詞", "接尾辞"))
    if not end or after[end - 1].pos[2] != "サ変可能" or end >= len(after):
        return None
    rest = after[end : end + 5]
    if rest[0].normalized == "だ" or rest[0].surface in ("です", "である"):
        pass  # 20日の召集だ, …です, …であった
    elif not (
        len(rest) > 1
        and rest[0].surface in ("と", "に")
        and rest[1].normalized in ("成る", "聞く", "見る", "見込む")
    ):
        return None
    was = any(t.normalized == "た" for t in rest)
    return "past" if was else "future"


def _after_condition(before: Sequence[Token]) -> bool:
    """Whether the words before a date, back to its sentence's or quote's start, hold a
    condition set off by a comma (…負ければ、, …決まったら、, …なら、)."""
    for i in range(len(before) - 1, 0, -1):
        if before[i].surface in _OPENING or before[i].surface in _SENTENCE_END:
            return False
        if before[i].surface in "、，" and before[i - 1].normalized in ("ば", "たら", "なら"):
            # 振り返れば、思えば、言えば: a way of speaking, no condition
            spoken = i > 1 and before[i - 2].normalized in _WAYS_OF_SPEAKING
            return before[i - 1].pos[0] in ("助詞", "助動詞") and not spoken
    return False


# …ば that is no condition: a way of speaking (振り返れば, 思えば), a source (関係者に
# よれば) or an exception (…を除けば).
_WAYS_OF_SPEAKING = frozenset(
    ["振り返る", "思う", "言う", "考える", "見る", "顧みる", "遡る", "よる", "因る", "依る",
     "除く", "言い換える"]
)  # fmt: skip


def acts_done(tokens: Sequence[Token]) -> set[str]:
    """The acts a sentence tells as done, by their nouns: …を逮捕した, 逮捕された, 発表
    していた (逮捕, 発表); not one in a plan or a condition (逮捕する方針)."""
    acts = set()
    for i, token in enumerate(tokens):
        if token.pos[2] != "サ変可能" or i + 2 >= len(tokens):
            continue
        verb = tokens[i + 1]
        if verb.normalized != "為る":
            continue
        rest = [t.normalized for t in tokens[i + 2 : i + 5]]
        if rest[:1] == ["た"] or (rest[:2] in (["れる", "た"], ["て", "居る"]) and "た" in rest):
            acts.add(token.normalized)
    return acts


def _predicate_tense(
    tokens: Sequence[Token],
    span: tuple[int, int],
    next_date: int | None,
    single: bool,
    done: Collection[str],
) -> Tense:
    after = [t for t in tokens if t.span[0] >= span[1]]
    before = [t for t in tokens if t.span[1] <= span[0]]
    if (
        before
        and before[-1].normalized in ("前回", "先回")
        and not any(t.surface == "月" for t in before[:-1])
    ):
        # 前回12月調査から: the time before, gone by (not 9月会合では、前回7月会合で: the
        # one before the meeting the sentence tells)
        return "past"
    formal = before and before[-1].surface in _GONE_OR_COMING
    if formal and not (len(before) > 1 and before[-2].pos[0] == "助詞"):
        # 去る9月20日, 来る8月: said with the date (台風が去る12日以降: the verb)
        return _GONE_OR_COMING[before[-1].surface]
    modified = _modifier_tense(before, after)
    if modified is not None:
        return modified  # 雇用統計が発表される8日や…: the clause that names the day tells
    if len(after) > 1 and after[0].surface == "の" and after[1].surface in ("各日", "両日"):
        after = after[2:]  # 14日、21日の各日、開く: each day of the list, the verb's
    elif len(after) > 1 and after[0].surface == "の" and (span_of := _span_of_time(after[1:])):
        after = after[1 + span_of :]  # 5日、12日、19日の3日間、運行する
    while after and after[0].surface in _ABOUT:
        after = after[1:]  # 3日ごろまで: "about" qualifies the date, not the predicate
    if len(after) > 1 and after[0].surface == "まで" and after[1].surface in _LEFT_UNTIL:
        return "future"  # 会期末の17日まで残り2週間となった: a day counted down to
    clock = _clock_time(after)
    if len(after) > clock and clock and after[clock].surface in "、，":
        # 24日夜、…述べるにとどめた, 30日午後3時ごろ、…: as 24日、 (the main verb's day)
        after = after[clock:]
    elif len(after) > clock + 1 and clock and after[clock].surface == "の":
        after = after[clock:]  # 20日夜の段階では、…: as 20日の段階 (a thing's day)
    if (
        len(after) > 2
        and after[0].surface == "の"
        and after[1].surface in _TIME_OF_DAY
        and after[2].surface == "に"
    ):
        after = after[2:]  # 元日の夕方に起きた: the time of the act, not a thing of the day
    if (
        len(after) > 2
        and after[0].surface == "に"
        and after[1].normalized == "入る"
        and after[2].surface == "と"
        and after[2].pos[1] == "接続助詞"
    ):
        # 5月に入ると周辺に漏らしていた: when that time came, the main verb's (not
        # 15日になると発表した, a quote's と)
        said = _main_predicate(after)
        return "past" if said in ("past", "state") else None
    if _being_arranged(after):
        return "future"  # 演説は21日で調整している, 21日の訪米で最終調整に入った: a plan
    if len(after) > 1 and after[0].surface == "の" and after[1].normalized in _PLAN_NOUNS:
        # 16日の予定, 20日の見通し: a plan's day; 当初は5日の予定だった: one that was
        was = any(t.normalized == "た" for t in after[2:5])
        return None if was else "future"
    if _example(after):
        return None  # 8月上旬に急落するなど、…続いている: an example, no tense of its own
    aimed = _occasion_aimed_at(after)
    if aimed is not None:
        return aimed
    if _looked_ahead_to(after):
        # 3日公示され、20日の投開票に向けて…始まった: a thing ahead of a past act (not a
        # quote's: 監督は22日、「18日の決勝を前に…」); one looked ahead to now
        # (11月5日の大統領選で再選を目指しており, 「17日の会談に向け…調整している」) is to come
        quoted = _quoted(before)
        if _simple_past(after):
            return None if quoted else "after_act"
        # …を前に辞意を伝えていたという: what was done ahead of it tells nothing; a look
        # ahead that names a thing (27日召集の国会に向けた準備を本格化させる) is no past
        ahead_now = _first_tense(after) in ("future", "state") or _aims_a_noun(after)
        return "future" if ahead_now and _main_predicate(after) in ("future", "state") else None
    if _forecast_of(after) or _forecast_for(after):
        # 9日の投開票が有力視され: the day a thing is expected on; 4日は雪の予報も出て
        # いる: a day a forecast is for
        return "future"
    cleft = _CAUSE_OR_CLEFT.search("".join(t.surface for t in before))
    act = None if cleft else _act_as_predicate(after)
    if act is not None:
        return act  # 国会は20日の召集だ (と聞いている): the act is what the sentence says
    if len(after) > 2 and after[0].surface == "の" and any(t.surface == "以来" for t in after[2:4]):
        return "past"  # 30日の召集以来: since an act that has happened
    if _since_its_act(after):
        return "past"  # 9月に東京で開いて以来となる: since an act that has happened
    if (
        len(after) > 2
        and after[0].surface in ("付", "付け")
        and after[1].surface == "で"
        and after[2].surface not in "、，"
    ):
        # 30日付で辞職する: the day the act takes effect, the verb's (決定は10日付で、…
        # 確定する: the copula of a thing's date)
        after = after[1:]
    at_event = _at_the_event(after)
    if at_event:
        after = after[at_event:]  # 6月の市長選では…再選を果たした: as 6月には…果たした
    elif after and after[0].surface in ("の", "付", "付け"):
        return None  # 18日の首脳会談, 1日付の新聞: a date of a thing, not of a verb
    if not at_event and _act_as_topic(after):
        return None  # 15日投開票の総統選は: the day of an act named as the topic
    if (
        not single
        and len(after) > 2
        and after[0].surface == "まで"
        and _copula(after[1])
        and after[2].surface in _SENTENCE_END
        and not any(t.normalized in _BEFORE_NOW | _AHEAD_TOPICS for t in before)
    ):
        # 受付期間は2月16日から3月16日までだ: a period stated may be under way (not one
        # that was, …までだった, nor 前回の…, 次回の…)
        return None
    if not at_event and _announces(before, after):
        # 投開票は26日。: a topic's day, said without a verb, is to come; a clause made
        # the topic (確認されたのは3日。) tells its own tense, and so does a sentence
        # the copula goes on into (会期末は22日で、…探っている; 前回は4日で、…下落した)
        if len(before) > 2 and before[-2].surface == "の" and before[-3].normalized == "た":
            return "past"
        if _told_before(before):
            return "past"
        if len(before) == 2 and before[0].normalized in done and _ends_on_day(after):
            # …を逮捕したと発表した。逮捕は30日。: the day of an act told done (not another
            # of its kind: 第2弾の発売は20日, 次回の実施は20日)
            return "past"
        # …公示は22日で、18日間の選挙戦だった: the same topic goes on, in the main verb's
        # tense; 会期末は22日で、政府は…見送った: another topic's verb tells nothing of it
        goes_on = after[2:] if after and after[0].surface == "で" else []
        if after and after[0].surface in "、，":
            goes_on = after[1:]  # 最終日は4日、…で行われ、…初優勝した
        another_topic = any(t.surface == "は" and t.pos[1] == "係助詞" for t in goes_on)
        if goes_on and not another_topic and _main_predicate(after) == "past":
            return "past"
        if goes_on and _main_predicate(after) == "state" and _since_that_day(goes_on):
            # 最初の発症は24日で、施設は同日から面会を制限している: a state since that day
            # has begun, so the day has come
            return "past"
        if goes_on and another_topic and next_date is None and _main_predicate(after) == "past":
            # 梅雨入りは6月7日で、期間は41日間だった: another topic's past tells nothing
            # of this one's day, nor that it is to come: the nearest
            return None
        return "future"
    thing_at = 1 + _span_of_time(after[1:])
    # 30日以降の大雨で、30日から3日間の停電で、…被害が出た: a thing the verb's act
    # came of, at the verb's time
    caused = bool(after) and (thing_at > 1 or after[0].pos[0] != "助詞")
    caused = caused and _cause(after[thing_at + 1 :])
    if (
        len(after) > thing_at
        and (after[0].pos[0] == "助詞" or after[0].surface in ("以降", "以後", "以前"))
        and after[thing_at].surface == "の"
        and not caused
    ):
        # 29日からの雨量, 1日からの新制度, 10月以降の入居者, 11日から3日間の業務停止:
        # the date of a thing too
        return None
    if (
        after
        and after[0].surface == "から"
        and _IN_PROGRESS.search("".join(t.surface for _, t in _clause(after)))
    ):
        return "past"  # 国会は22日から閉会中だ: a state in progress since a day that has come
    if len(after) > 1 and after[0].surface == "に" and after[1].normalized in _NEARS:
        # 期限が15日に迫っている: the day draws near, ahead; one that drew near in a
        # past telling (15日に迫った14日夜、…合意した; 15日に迫り、…列を作った) was the nearest
        drew = _main_predicate(after) == "past" or (len(after) > 2 and after[2].normalized == "た")
        return None if drew else "future"
    if len(after) > 1 and after[0].surface == "に" and after[1].normalized in _SHIFTS:
        return None  # 24日に延期された: the day moved to, not when it was moved
    if _names_a_set_day(before, after):
        return "future"  # 開業日を23日に決めた: a day set for what is to come
    if after and after[0].surface == "以来":
        return "past"  # 1月以来: since a day that has passed
    if (
        len(after) > 1
        and after[0].surface == "から"
        and after[1].normalized == "続く"
        and _main_predicate(after) == "past"
    ):
        # 8日から続く猛暑日は24日連続となった: what has gone on since a day that has come
        # (13日から続く3連休は…なりそうだ, 26日から続く連休を前に…混雑している: ahead)
        return "past"
    if (
        len(after) > 1
        and after[0].surface == "以降"
        and after[1].surface in "、，"
        and _main_predicate(after) == "state"
    ):
        # 26日以降、…状態が続いている: a state since a day that has come (not 4月以降も
        # 続ける方向で調整している: a plan under way)
        return "past"
    # 19日、 and 19日に、 belong to the main verb; 6日まで、 and 1日から、 bound the
    # period of the verb that follows them.
    particles = 0  # 19日、 19日に、 19日には、
    while particles < min(2, len(after)) and after[particles].pos[0] == "助詞":
        particles += 1
    comma_set = (
        len(after) > particles
        and after[particles].surface in "、，"
        and not any(t.surface in ("まで", "から") for t in after[:particles])
        # 前半戦を4月13日、後半戦を同27日に投開票する: an object's day, whose verb comes
        # after the next object's, not the main verb's day
        and not (before and before[-1].surface == "を")
    )
    until = single and _lasts_until(after)
    said = _main_predicate(after)
    main = _settled(said, until)
    if comma_set:
        if said == "state" and _arranging(after):
            return "future"  # 8月12日前後に、記念行事を開く方向で調整している: a plan under way
        if main == "future" and next_date is not None:
            # 8日午後3時ごろ、…爆発があり、…1人は15日に退院する見通しだ: the verb ahead is
            # the later date's; the lede's day is the nearest
            return None
        return main
    first = _first_predicate(after, next_date, bool(at_event))
    if first == "main":
        return main
    if first == "chain":
        return "past"  # 3月に表明し、6月に再選を果たした
    if first == "chain_ahead":
        # 27日に告示され、来月4日に投開票される (see _placed); not under a past main verb
        # (28日に会見し、5日に発売すると発表した: the telling was)
        return None if said == "past" else "chain_ahead"
    if isinstance(first, tuple) and first[0] == "ahead":  # 22日に向け: later than the main verb
        if first[1] == "past":
            return None  # 5日に入学式を控えていた: looked ahead to from some time before
        if main == "past" and (said != "state" or next_date is not None):
            # (首脳会談を21日に控え、18日には外相会談が行われている: a state of acts done)
            return "after_act" if _simple_past(after) and not _quoted(before) else None
        return "future"  # 会期末を21日に控え、延長論が浮上している: ahead of a state now
    if isinstance(first, tuple):  # a clause that modifies a noun: relative to the main verb
        relative = _settled(first[1], until)
        # A main state holds now (…を控え、準備が大詰めを迎えている), so the clause keeps
        # its own tense; after a past main verb a non-past clause decides nothing, nor
        # before an act told by its noun alone (…再開を求める決議を可決。), whose time
        # the sentence leaves untold.
        if _ends_on_act_noun(after):
            return None
        if relative == "future" and _plan_content(after) == "future":
            return "future"  # 20日に就任する大統領と会談に臨みたいとの意向を示した
        if (
            relative == "future"
            and not at_event  # 27日の大雨で…運休が続く区間: the event's day, not the clause's
            and _modifies_before_comma(before, after)
            and not _time_of_the_act(after)
            and _simple_past(after)
            and not _quoted(before)
        ):
            # 1日、24日に開かれる大会の代表を発表した: ahead of the telling, on or after
            # the day of the act that told it
            return "after_act"
        return relative if main is None or main == relative or said == "state" else None
    return _settled(first, until)


def _plan_content(after: Sequence[Token]) -> Said:
    """The tense of what a plan says when the date's clause is its content (…臨みたい
    との意向を示した, …訪問するとの見通しを明らかにした): the content's own main
    predicate, before ``との``; ``None`` when there is none."""
    for i, token in _clause(after):
        if (
            token.surface == "と"
            and i + 2 < len(after)
            and after[i + 1].surface == "の"
            and after[i + 2].normalized in _PLAN_NOUNS
        ):
            return _main_predicate(after[:i])
    return None


def _example(after: Sequence[Token]) -> bool:
    """Whether the first verb after the date gives an example (…に急落するなど、
    …20日に演説会を開くなど、): its form says no time, and the main verb's may not be
    the example's (a plan among past preparations), so the date's tense is untold."""
    for i, token in _clause(after):
        if token.pos[0] == "動詞" and token.form.startswith(_FINITE):
            return i + 1 < len(after) and after[i + 1].surface == "など"
        if token.pos[0] == "動詞" or token.surface in "、，":
            return False
    return False


def _cause(tokens: Sequence[Token]) -> bool:
    """Whether ``tokens`` start with a noun phrase that is a cause or a means (…停電で、
    …大雨により)."""
    i = 0
    while i < len(tokens) and tokens[i].pos[0] in ("名詞", "接尾辞"):
        i += 1
    if i == 0 or i >= len(tokens):
        return False
    return tokens[i].surface == "で" or (
        tokens[i].surface == "に" and i + 1 < len(tokens) and tokens[i + 1].normalized == "よる"
    )


def _span_of_time(tokens: Sequence[Token]) -> int:
    """How many words at the start of ``tokens`` tell a span of time (3日間, 2週間,
    1か月間): 0 when they do not."""
    if len(tokens) < 3 or tokens[0].pos[1] != "数詞" or tokens[1].surface not in _SPANS:
        return 0
    return 3 if tokens[2].surface == "間" else 2


_SPANS = frozenset(["日間", "週間", "か月", "カ月", "ヶ月", "ケ月", "箇月", "年間", "時間"])


def _ends_on_act_noun(after: Sequence[Token]) -> bool:
    """Whether the date's clause ends its sentence on the noun of an act, with no verb
    (…決議を可決。, 子ども家庭局が発足。): a digest's or a chronology's way of telling."""
    last = _last_word(after)
    return last is not None and last.pos[2] == "サ変可能"


def ends_on_noun(tokens: Sequence[Token] | None) -> bool:
    """Whether a sentence ends on a noun, with no verb to tell its time (…が会談。)."""
    last = _last_word(tokens or ())
    return last is not None and last.pos[0] in ("名詞", "接尾辞")


def _last_word(tokens: Sequence[Token]) -> Token | None:
    """The last word of the clause ``tokens`` start, past its sentence-ending marks."""
    words = [t for _, t in _clause(tokens)]
    while words and (words[-1].surface in _SENTENCE_END or words[-1].pos[0] == "空白"):
        words.pop()
    return words[-1] if words else None


_ABOUT = frozenset(["ごろ", "頃", "前後"])
_LEFT_UNTIL = frozenset(["残り", "あと", "後"])  # 17日まで残り2週間: time left before it
# 閉会中だ, 休業中: an act in progress (not a period: 夏休み期間中だ, 年間中)
_IN_PROGRESS = re.compile(r"(?<![間み])中(?:だ|です|である)?。?$")
# The formal words before a date that say whether it has gone or is coming.
_GONE_OR_COMING: dict[str, Tense] = {"去る": "past", "来る": "future", "きたる": "future"}
# Words that expect what they are said of (有力視される, 見込まれる, 予想されている).
_FORECAST = frozenset(["有力", "見込む", "予想", "想定", "予測", "確実"])


def _since_its_act(after: Sequence[Token]) -> bool:
    """Whether the date's clause is the act a time is counted since (9月に東京で開いて
    以来): its first verb, before any comma, goes on in て then 以来."""
    for k, token in enumerate(after):
        if token.surface in "、，。「」":
            return False
        since = after[k + 1 : k + 2]
        if token.surface in ("て", "で") and since and since[0].surface == "以来":
            return True  # (1日に施行されて以来: the verb may be a noun's する)
    return False


def _forecast_for(after: Sequence[Token]) -> bool:
    """Whether the date is the topic of a forecast that stands as its sentence's end
    (4日は雪の予報も出ている, 1日は日本海側を中心に大雪の予報だ; not 4日は雪の予報だった
    が, 8日は晴れの予報が外れ、, 15日は雨の予報を受けて…延期された)."""
    if not after or after[0].surface != "は":
        return False
    text = "".join(t.surface for t in after[1:])
    return bool(_STANDING_FORECAST.search(text))


# A forecast that is the sentence's predicate and stands: …の予報が出ている, …の予想だ.
_STANDING_FORECAST = re.compile(
    r"^[^、，。]*の(?:予報|予想)(?:が|も)?(?:出ている|出ています|だ|です|となっている|となっています)?。?$"
)


def _forecast_of(after: Sequence[Token]) -> bool:
    """Whether the date's thing is the subject of an expectation not told as past
    (9日の投開票が有力視され、; 5日の開票が見込まれる): then the day is to come."""
    if len(after) < 4 or after[0].surface != "の" or after[1].pos[0] != "名詞":
        return False
    if after[2].surface not in ("が", "は") or after[3].normalized not in _FORECAST:
        return False
    if len(after) < 5 or after[4].normalized not in ("視", "為る", "れる", "られる"):
        return False  # 1日の大雨は予測が難しく: the expectation is no predicate of it
    rest = []
    for token in after[5:]:
        if token.surface in "、，。":
            break
        rest.append(token.normalized)
    return "た" not in rest


_TIME_OF_DAY = frozenset(
    ["朝", "昼", "夜", "夕", "夕方", "夕刻", "未明", "早朝", "深夜", "午前", "午後", "明け方", "晩"]
)
_SHIFTS = frozenset(["延期", "順延", "変更", "繰り下げ", "繰り上げ", "前倒し", "先送り", "移す"])
# Nouns that name a day (開業日, 投票日, 期限, 日程): a date given as their value — the
# object or topic right before it (開業日を5月23日に決めた, 期限は13日) — is the day set,
# which the tense of setting it does not place.
_DAY_NOUNS = frozenset(["期限", "期日", "日程", "日取り", "締め切り", "締切", "初日", "最終日"])
# Words that set a day as a value (回答日は18日に設定されている); not 決まる, which may
# tell when it was decided (日程は8月に決まり).
_SETTING = frozenset(
    ["設定", "指定", "変更", "定める", "なる", "成る", "迫る", "延長", "短縮", *_SHIFTS]
)
_SETTING_AS_OBJECT = _SETTING | {"決める", "決定"}  # 開業日を23日に決めた


def _simple_past(after: Sequence[Token]) -> bool:
    """Whether the main verb after the date tells a past act (…始まった), not a state
    that was (…協議していた, …控えていた) or hearsay (…したという): news tells an act
    of the last few days, a state or hearsay of any time before."""
    said, at = _main_predicate_at(after)  # 協議を重ねていたが、…: the clause ends at が
    return (
        said == "past"
        and at > 0
        and after[at - 1].normalized not in _STATE_VERBS
        # …渡した疑いがある: a suspicion of an act, of any time, like hearsay
        and after[at].normalized not in _BEING
    )


def _quoted(before: Sequence[Token]) -> bool:
    """Whether the date (``before``: its sentence's words before it) is inside a quote,
    whose acts are not the day its sentence tells (監督は22日、「18日の決勝を前に…」)."""
    depth = 0
    for token in before:
        if token.surface in _OPENING:
            depth += 1
        elif token.surface in _CLOSING:
            depth = max(0, depth - 1)
    return depth > 0


def _past_nouns(tokens: Sequence[Token], i: int) -> int:
    """The index of the first word from ``i`` on that is no part of a noun phrase."""
    while i < len(tokens) and tokens[i].pos[0] in ("名詞", "接尾辞", "接頭辞"):
        i += 1
    return i


def _act_as_topic(after: Sequence[Token]) -> bool:
    """Whether the date (``after``: its sentence's words after it) is the day of an act
    that names the sentence's topic (15日投開票の総統選は、…切った): the verb is the
    topic's, not the act's. A schedule (15日投開票の日程) is a plan's, and a thing in the
    verb's own clause (3日閉幕の総体で優勝した) takes the verb's time."""
    if len(after) < 4 or after[0].pos[:3] != ("名詞", "普通名詞", "サ変可能"):
        return False
    if after[1].surface != "の" or after[2].normalized in _PLAN_NOUNS:
        return False
    i = _past_nouns(after, 2)
    return i > 2 and i < len(after) and after[i].surface == "は"


def _occasion_aimed_at(after: Sequence[Token]) -> Tense:
    """The tense of a date of an occasion something is aimed at in (11月5日の大統領選で
    再選を目指している: ahead; 9日の試合で連勝を狙ったが、敗れた: the aiming, and the
    occasion, were): the aiming verb's own; ``None`` for any other date."""
    if len(after) < 5 or after[0].surface != "の":
        return None
    i = _past_nouns(after, 1)
    if i == 1 or i >= len(after) or after[i].surface != "で":
        return None
    j = _past_nouns(after, i + 1)
    if j == i + 1 or j + 1 >= len(after) or after[j].surface != "を":
        return None
    if after[j + 1].normalized not in _AIMING_VERBS:
        return None
    # its endings: 狙った, 狙っていた, 目指しました, 目指していました
    endings = itertools.takewhile(
        lambda t: t.pos[0] == "助動詞" or t.normalized in ("て", "居る"), after[j + 2 : j + 7]
    )
    return "past" if any(t.normalized == "た" for t in endings) else "future"


def _looked_ahead_to(after: Sequence[Token]) -> bool:
    """Whether the date (``after``: its sentence's words after it) is of a thing the
    sentence looks ahead to: ``の``, the thing's nouns, then ``に向け``, ``を控え``,
    ``に先立ち`` or ``を前に`` — or the date itself (``4月1日を前に``)."""
    if not after:
        return False
    if len(after) > 1 and after[0].pos[:3] == ("名詞", "普通名詞", "サ変可能"):
        after = after[1:]  # 20日投開票の参院選に向けた: the day of the act looked ahead to
    if after[0].surface == "を":
        i = 0  # 4月1日を前に, 5日を控え
    elif after[0].surface == "の":
        i = _past_nouns(after, 1)
        if i == 1:
            return False
    else:
        return False
    if i + 1 >= len(after) or after[i].surface not in ("に", "を"):
        return False
    following = after[i + 1]
    if after[i].surface == "を" and following.surface == "前":
        return i + 2 < len(after) and after[i + 2].surface == "に"
    return following.pos[0] == "動詞" and following.normalized in _AHEAD_VERBS


def _aims_a_noun(after: Sequence[Token]) -> bool:
    """Whether the first verb that looks ahead in ``after`` modifies a noun (…に向けた
    準備, …を控えた週末): the noun's time is its sentence's, not the verb's past."""
    for i, token in enumerate(after[:-2]):
        if token.pos[0] == "動詞" and token.normalized in _AHEAD_VERBS:
            was = after[i + 1].normalized == "た"
            return was and after[i + 2].pos[0] == "名詞"
    return False


def _announces(before: Sequence[Token], after: Sequence[Token]) -> bool:
    """Whether the date (``before`` and ``after``: its sentence's words around it) ends
    its sentence after a topic with no verb (投開票は26日。, 控訴期限は三月十三日。): how
    news announces what is to come."""
    if after and after[0].surface in ("まで", "から", "に"):
        after = after[1:]  # 会期は19日まで。; 完成は2032年度に (a headline's ellipsis)
    ends = not after or after[0].surface in _SENTENCE_END
    # 会期末は22日で、…: the copula's continuative form goes on into another clause
    goes_on = len(after) > 1 and after[0].surface == "で" and after[1].surface in "、，"
    # 最終日は4日、…で行われ, 通夜は6月3日午後6時、葬儀は…: a day's topic that names an
    # event's day, set off by a comma (not 県は3日、…発表した: who acts)
    named_day = (
        bool(after)
        and after[0].surface in "、，"
        and len(before) > 1
        and before[-2].surface.endswith(_DAY_TOPIC_ENDS)
    )
    return (ends or goes_on or named_day) and bool(before) and before[-1].surface == "は"


# How a topic that names an event's day ends (最終日, 初日, 通夜, 告別式, 葬儀, 決勝戦).
_DAY_TOPIC_ENDS = ("日", "夜", "式", "儀", "戦")


# Topics of a time to come (次回の受付期間は…): their day is ahead.
_AHEAD_TOPICS = frozenset(["次回", "来年", "来年度", "来期", "次期", "今後"])
# Topics of a time gone by (前回は12月20日で、…): their day has passed.
_BEFORE_NOW = frozenset(["前回", "前年", "昨年", "去年", "先月", "当時", "前年度", "昨年度"])


_PREPARING = re.compile(r"準備|検討|予定|計画|調整|整え|ことになって|見込")


def _since_that_day(tokens: Sequence[Token]) -> bool:
    """Whether the words hold an anaphora of the day as a start (同日から, その日以降) and
    tell no plan or preparation for it (…同日から移す準備を進めている, …を予定している)."""
    if _PREPARING.search("".join(t.surface for t in tokens)):
        return False
    return any(
        token.surface in ("同日", "当日", "その日")
        and index + 1 < len(tokens)
        and tokens[index + 1].surface in ("から", "以降", "以来")
        for index, token in enumerate(tokens)
    )


def _ends_on_day(after: Sequence[Token]) -> bool:
    """Whether the date ends its sentence (逮捕は30日。), with nothing said after it."""
    return not after or after[0].surface in _SENTENCE_END


def _told_before(before: Sequence[Token]) -> bool:
    return any(t.normalized in _BEFORE_NOW for t in before[-5:])


def _names_a_set_day(before: Sequence[Token], after: Sequence[Token]) -> bool:
    before = [t for t in before if t.surface not in "、，"]
    if len(before) < 2 or before[-1].surface not in ("を", "は"):
        return False
    if (
        before[-1].surface == "は"
        and len(after) > 1
        and after[0].surface in ("に", "から")
        and after[1].normalized not in _SETTING
    ):
        # 日程は25日に始まり, 猛暑日は7月30日から続いており: the topic's own act on or
        # from that day, not its value (which 回答日は18日に設定されている sets)
        return False
    noun = before[-2]
    if noun.pos[0] != "名詞":
        return False
    if noun.surface == "日":
        if len(before) < 3:
            return False
        modifier = before[-3]
        if modifier.pos[0] == "名詞":
            return True  # 開業|日: a compound
        # 回答が集中する日を14日に設定した: a day a clause names, set by the verb after it
        # (集中した日は30日だった tells when it was)
        return (
            modifier.pos[0] in ("動詞", "助動詞")
            and modifier.form.startswith("連体形")
            and before[-1].surface == "を"
            and len(after) > 1
            and after[0].surface == "に"
            and after[1].normalized in _SETTING_AS_OBJECT
        )
    # 投票日, 開業日; a word of two (来日, 毎日, 平日) is rarely a day's name
    return noun.normalized in _DAY_NOUNS or (noun.surface.endswith("日") and len(noun.surface) > 2)


def _lasts_until(after: Sequence[Token]) -> bool:
    """Whether the date is the end of a span (22日まで, 9日にかけて), not a deadline
    reached (5日までに)."""
    if after and after[0].surface == "まで":
        return len(after) < 2 or after[1].surface != "に"
    then = [t.surface for t in after[2:4]]
    if then[:1] == ["の"] or then == ["て", "の"]:
        return False  # 28日から30日にかけての大雨: the period of a thing, not a state's end
    return len(after) > 1 and after[0].surface == "に" and after[1].surface in ("かけ", "掛け")


def _settled(said: Said, until: bool) -> Tense:
    """A state is past (19日から休校している, 28日から3日まで開かれている: begun by the
    article date) unless a single date is when it lasts until (22日まで休校している,
    9日にかけて警戒を呼びかけている): then it ends on or after the article date."""
    if said == "state":
        return "future" if until else "past"
    if said == "past" and until:
        return None  # 3日まで閉鎖にした: deciding it is past, not the end of what it decided
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


Told = Said | Literal["main", "chain", "chain_ahead"] | tuple[Literal["relative", "ahead"], Said]


def _finite(tokens: Sequence[Token], i: int) -> Told | Literal["none"]:
    """What the token at ``i`` says of tense: ``"none"`` when it is no finite predicate;
    ``"main"`` for a verb that ends its clause without tense (開き、 shares the main
    verb's); ``("relative", tense)`` for a clause that modifies a noun."""
    token = tokens[i]
    head = token.pos[0]
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    # 方針を転換し, 計画を発表した: an argument, no plan; 3日公示、20日投開票の日程が有力だ:
    # a schedule is its days' plan whatever its case
    argument = following is not None and following.surface in _ARGUMENT_PARTICLES
    if (
        following is not None
        and following.surface == "の"
        and i > 0
        and tokens[i - 1].pos[2:3] == ("サ変可能",)
    ):
        argument = False  # 25日に召集予定の通常国会: an act's plan, modifying its noun
    # 計画運休, 予定地: a plan noun that makes a compound names a kind of thing
    compound = following is not None and following.pos[0] == "名詞" and following.pos[1] != "数詞"
    # (全日程を終えた: all of one, told as a whole, is no plan; 関心は政治日程に移った: a
    # schedule no days are named of, before its の)
    schedule = token.normalized == "日程" and i > 0 and tokens[i - 1].surface == "の"
    # 2日間の日程で開かれていた: a schedule that was kept, told by the past verb it is
    # the means of (…の日程で行うことを決めた is a plan)
    means = (
        schedule
        and following is not None
        and following.surface == "で"
        and _first_tense(tokens[i + 2 :]) == "past"
    )
    # (2日間の日程を終えて閉幕した: a schedule done with)
    done_with = (
        schedule
        and following is not None
        and following.surface == "を"
        and i + 2 < len(tokens)
        and tokens[i + 2].normalized in ("終える", "終了", "消化", "こなす")
    )
    tells_plan = (not argument or schedule) and not compound and not means and not done_with
    if head == "名詞" and token.normalized in _PLAN_NOUNS and tells_plan:
        return _plan(tokens, i)  # …する予定だ
    if head == "動詞" and token.normalized == "続く" and i > 0 and tokens[i - 1].surface == "に":
        if (
            token.form.startswith("連用形")
            and following is not None
            and following.surface in "、，"
        ):
            return "main"  # 4月末に続き、今月17日にも引き上げた: before the main act, its tense
        return ("relative", None)  # 6月に続く利下げ: what follows it tells no time of it
    if head == "動詞" and token.normalized in _AHEAD_VERBS:
        # later than the main verb's time, unless the looking ahead itself was (控えていた)
        following_words = [t.normalized for t in tokens[i + 1 : i + 4]]
        was = following_words[:1] == ["た"] or following_words == ["て", "居る", "た"]
        return ("ahead", "past" if was else "future")
    if (
        head in ("動詞", "助動詞")
        and token.form.startswith("仮定形")
        and following is not None
        and following.surface == "ば"
        and not (token.normalized == "居る" and i > 0 and tokens[i - 1].surface in ("て", "で"))
    ):
        # 召集が10月にずれ込めば…: a supposition, of what may come (not 3月に終わって
        # いれば…はずだ: what would have been)
        return "future"
    if head in ("動詞", "助動詞") and token.form.startswith("連用形"):
        if following is not None and following.surface in "、，":
            if token.normalized in _STATE_VERBS and i > 0 and tokens[i - 1].surface in ("て", "で"):
                return "state"  # 24日に決定されており、…: a state, whatever comes next
            return "main"
        return "none"
    if head not in ("動詞", "形容詞", "助動詞") or not token.form.startswith(_FINITE):
        return "none"
    if token.normalized in ("よる", "因る", "依る") and i > 0 and tokens[i - 1].surface == "に":
        return "none"  # 当局によると: whom the telling is from, no predicate of it
    if (_copula(token) or head == "形容詞") and token.form.startswith("連体形"):
        return "none"  # 記録的な大雨, 激しい舌戦: an adjective before its noun tells no time
    tense: Said = "future"
    if head == "助動詞" and token.normalized == "た":
        tense = "past"
    elif token.normalized in _STATE_VERBS and i > 0 and tokens[i - 1].surface in ("て", "で"):
        tense = "state"  # 19日から休校している, 22日まで休校している
        planned = [t.normalized for t in tokens[max(0, i - 4) : i - 1]]
        expected = planned[-2:] == ["見込む", "れる"]
        if len(planned) == 3 and planned[0] in _FORESEEN and planned[1:] == ["為る", "れる"]:
            expected = True
        if expected:
            # 6日に訓練が予定されている, 3日から渋滞が予想されている: a plan or a forecast
            # that stands, told of what is expected (not 日銀は9日、…と予想している: the
            # day of the forecasting)
            tense = "future"
    elif following is not None and following.pos[0] == "助動詞":
        return "none"  # the auxiliary after it decides (開か-れる, し-ます)
    # A verb before a noun, or before よう/ため (回答するよう求めていた), modifies it.
    if following is not None and following.pos[0] in ("名詞", "形状詞"):
        if following.normalized in _PLAN_NOUNS and tense != "past":
            # 下山する予定だ(った); 決まった方針 is a plan made, which tells its making
            return _plan(tokens, i + 1)
        return ("relative", tense)
    return tense


def _plan(tokens: Sequence[Token], i: int) -> Said:
    """A plan's tense: ahead, unless the plan was (予定されていた, する予定だった), which
    may have come or not."""
    rest = [t.normalized for t in tokens[i + 1 : i + 6]]
    passive = rest[:2] in (["為る", "れる"], ["為る", "られる"])
    if (passive or rest[:1] in (["だ"], ["です"])) and "た" in rest:
        return None
    if rest[:1] == ["為る"] and "た" in rest[1:4]:
        return None  # 当初は27日に予定していた: a plan that was
    if tokens[i].normalized == "日程" and _ends_past(tokens[i + 1 :]):
        return None  # 4日投開票の日程で行われた, 2泊3日の日程で巡るツアーの帰りだった
    return "future"


def _ends_past(tokens: Sequence[Token]) -> bool:
    """Whether the schedule these words follow is told as held: its clause's first past
    is a passive's or a copula's (…日程で行われた, …日程のツアーの帰りだった), not an
    act of setting it (…日程で行うことを決めた) or a quote's (…日程だと発表した)."""
    before = None
    for _, token in _clause(tokens):
        if token.surface == "と" and token.pos[:2] == ("助詞", "格助詞"):
            return False
        if token.normalized == "た" and token.pos[0] == "助動詞":
            return before in ("れる", "られる", "だ")
        before = token.normalized
    return False


def _main_predicate(tokens: Sequence[Token]) -> Said:
    """The tense of the date's main verb: the last predicate of its clause, which ends
    at the sentence's (or quote's) end or at a conjunction after a finite verb
    (実施しているが、…). A copula (…した事実だ) has no tense of its own: the clause
    before its noun decides."""
    return _main_predicate_at(tokens)[0]


def _main_predicate_at(tokens: Sequence[Token]) -> tuple[Said, int]:
    """:func:`_main_predicate`'s tense and the index of the word that tells it (-1)."""
    decided: Said = None
    at = -1
    for i, token in _clause(tokens):
        found = _finite(tokens, i)
        if isinstance(found, tuple):
            found = found[1]
        if found == "future" and _being_of_a_past_act(tokens, i):
            found = "past"  # …をだまし取った疑いがある: what there is tells of a past act
        if found == "future" and decided == "past" and _hearsay(tokens, i):
            continue  # …殺害したとされる, …開いたという: the act told is past
        if found in ("past", "future", "state") and not _copula(token):
            decided, at = found, i
        finite_before = i > 0 and tokens[i - 1].form.startswith(_FINITE)
        conjunction = token.pos[:2] == ("助詞", "接続助詞") and not _quotative(tokens, i)
        if conjunction and decided is not None and finite_before:
            break
    return decided, at


def _first_tense(tokens: Sequence[Token]) -> Said:
    """The tense of the first predicate in ``tokens`` that tells one (a modifier's too,
    not a verb that looks ahead): 出発する方向で調整している → future; 伝えていたという
    → past."""
    for i, _ in _clause(tokens):
        found = _finite(tokens, i)
        if isinstance(found, tuple) and found[0] == "relative":
            found = found[1]
        if found in ("past", "future", "state"):
            return found
    return None


def _hearsay(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word at ``i`` ends a predicate of hearsay or inference on what the
    quote before it tells (…したという, …したとされる, …したとみられる, …したと考えられる):
    it tells no time of its own."""
    told = "".join(t.surface for t in tokens[max(0, i - 3) : i + 1])
    return _HEARSAY.search(told) is not None


_HEARSAY = re.compile(
    r"と(?:も)?(?:いう|言う|さ(?:れる)?|み(?:られる)?|見(?:られる)?|考え(?:られる)?|思わ(?:れる)?|推定さ(?:れる)?|推測さ(?:れる)?)$"
)


def _quoted_tense(tokens: Sequence[Token], start: int) -> Said:
    """The tense of what a quote from ``start`` up to its quoting と says (…を見合わせる
    可能性があると発表した: future); None when no と quotes it."""
    after = [t for t in tokens if t.span[0] >= start]
    for i, token in enumerate(after):
        if token.surface == "と" and _quotative(after, i):
            return _main_predicate(after[:i])
    return None


def _being_of_a_past_act(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word at ``i`` is a verb of being whose subject is a noun a past verb
    modifies (…した疑いがある, …した可能性もある, …した形跡はない)."""
    return (
        tokens[i].normalized in _BEING
        and i >= 3
        and tokens[i - 1].surface in ("が", "も", "は")
        and tokens[i - 2].pos[0] == "名詞"
        and tokens[i - 3].normalized == "た"
    )


def _tells_plan(tokens: Sequence[Token] | None) -> bool:
    """Whether a sentence's main verb is to come: not past, and no verb of being
    (2016年の選挙の後、11月17日に会談した前例がある: what there is, told of then)."""
    if not tokens:
        return False
    said, at = _main_predicate_at(tokens)
    return said == "future" and tokens[at].normalized not in _STATE_VERBS


def as_of_tense(tense: Tense, tokens: Sequence[Token] | None) -> Tense:
    """The tense of a statistic's day (``9月末時点の現預金は約330兆円に上る``): a figure
    is counted as of a day gone by, whatever the verb's tense, unless the sentence tells
    a plan or a forecast of it (``3月末時点の待機児童は…となる見通しだ``); a day that is no
    figure's (``10月1日現在で住む人が対象となる``) keeps its tense."""
    words = tokens or ()
    figure = any(
        t.pos[1] == "数詞"
        and k + 1 < len(words)
        and words[k + 1].pos[0] in ("名詞", "接尾辞")
        and words[k + 1].normalized not in _TIME_UNITS
        for k, t in enumerate(words)
    )
    if tense == "future" and figure and not any(t.normalized in _FORESEEN for t in words):
        return "past"
    return tense


# The units of a time, not of an amount a statistic counts (330兆円, 1兆ドル, 214件).
_TIME_UNITS = frozenset(["年", "月", "日", "時", "分", "秒", "年度", "週", "期", "世紀"])


def tells_past(tokens: Sequence[Token] | None) -> bool:
    """Whether a sentence's main verb tells a past act or state that was (…表明した), not
    a state that holds (…なっている)."""
    return bool(tokens) and _main_predicate(tokens or ()) == "past"


def main_tense(tokens: Sequence[Token] | None) -> Tense:
    """The tense of a sentence's main verb (a state is past: it has begun); read only
    where a carried year needs it, not for every sentence with a date."""
    return _settled(_main_predicate(tokens), until=False) if tokens else None


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


def _chain_end(tokens: Sequence[Token], i: int) -> Said:
    """The tense of the first verb after the chained one at ``i`` that tells one: a
    modifier's (…公開することを, …提出する方針) is not past, whatever the main verb."""
    for j in range(i + 1, len(tokens)):
        found = _finite(tokens, j)
        if isinstance(found, tuple):
            if found[1] == "past":
                continue  # …を盛り込んだ補正予算案を提出します: a modifier, not the chain
            return found[1]  # …公開することを決めた: a plan the chain ends in
        if found in ("past", "future", "state"):
            return found
    return None


# Verbs whose day is what draws near, ahead of any act told after them.
_NEARS = frozenset(["迫る", "近付く", "近づく"])
_DRAWS_NEAR = _NEARS | {"控える"}


def _first_predicate(
    tokens: Sequence[Token], next_date: int | None, at_occasion: bool = False
) -> Told:
    chained = False
    for i, token in _clause(tokens):
        if next_date is not None and token.span[0] >= next_date:
            return None  # the next date starts a clause of its own: this one is untold
        found = _finite(tokens, i)
        if found == "main" and next_date is not None:
            # 18日に抽選が行われ、5日に開幕する: each clause has its own day, but a
            # chain whose next verb is past is past throughout (3月に表明し、6月に再選を
            # 果たした; not 25日に式典を開き、30日に公開することを決めた, whose chain ends
            # in a plan), unless the day is what draws near (期限が15日に迫り、…混雑した)
            if token.normalized in _DRAWS_NEAR:
                return None
            ends = _chain_end(tokens, i)
            return "chain" if ends == "past" else ("chain_ahead" if ends == "future" else None)
        if found == "main":
            chained = True  # 21日に訪れ、…要望する考えだ: the chain's verb tells
            continue
        if (
            isinstance(found, tuple)
            and found[0] == "relative"
            and found[1] != "past"  # 28日の会合で決まった方針に沿い、: the act was
            and next_date is not None
            and _chained_before(tokens, i, next_date)
        ):
            continue  # 25日に…改定する条例案を可決し、1日に施行する: the chain's verb is its own
        if (
            chained
            and isinstance(found, tuple)
            and found[0] == "ahead"
            and _aims_a_noun([t for _, t in _clause(tokens[i:])])
        ):
            continue  # 3月9日に開かれ、選挙に向けた方針を採択した: a noun's modifier
        plan_noun = tokens[i] if tokens[i].pos[0] == "名詞" else tokens[min(i + 1, len(tokens) - 1)]
        if (
            chained
            and found == "future"
            and plan_noun.normalized in _PLAN_NOUNS
            and any(
                t.surface == "は"
                and t.pos[1] == "係助詞"
                and k > 0
                and tokens[k - 1].pos[0] == "名詞"
                for k, t in enumerate(tokens[:i])
            )
            and _past_state(tokens)
        ):
            # 報告書が27日に公表され、市議会は…辞さない構えを見せていた: after the chain, a
            # new topic's plan noun is no end of it; the main verb tells (not 21日に訪れ、
            # …要望する考えを明らかにした, the same speaker's plan)
            return _main_predicate(tokens)
        if at_occasion and chained and found == "future" and _plan_told(tokens, i):
            # 27日の記者会見で批判し、…求める考えを示した: told at the occasion (not 2日に
            # 訪米し、…求める考えを示した: the visit is the plan's)
            return "main"
        if found != "none":
            return found
    return "main" if chained else None


def _plan_told(tokens: Sequence[Token], i: int) -> bool:
    """Whether the verb at ``i`` names a plan that a past verb tells as its object
    (…組み替えを求める考えを示した, …出馬する意向を伝えた): the telling is the act."""
    if i + 2 >= len(tokens) or tokens[i + 1].normalized not in _PLAN_NOUNS:
        return False
    return tokens[i + 2].surface in ("を", "が") and _first_tense(tokens[i + 3 :]) == "past"


def _chained_before(tokens: Sequence[Token], i: int, next_date: int) -> bool:
    """Whether a chained verb (…可決し、; not the copula: …33％で、) follows the word at
    ``i`` before the next date."""
    return any(
        _finite(tokens, j) == "main" and not _copula(tokens[j])
        for j in range(i + 1, len(tokens))
        if tokens[j].span[0] < next_date
    )


_ZH_PAST = re.compile(r"了|过|曾")
_ZH_FUTURE = re.compile(r"将|要|计划|预计|拟|准备|即将")


def chinese_tense(text: str, span: tuple[int, int]) -> Tense:
    """Tense without a tokenizer: the clause after a Chinese date."""
    clause = re.split(r"[，。！？；]", text[span[1] :], maxsplit=1)[0]
    if _ZH_PAST.search(clause):
        return "past"
    return "future" if _ZH_FUTURE.search(clause) else None


# ---------------------------------------------------------------------------------------
# Resolution


Parts = tuple[int | None, int | None, int | None]  # year, month, day


@dataclass
class Frame:
    """What dates are placed from: the article's date, where the reading is (the
    sentence's section and position), and what the text has said so far: the date
    last mentioned, the month of this sentence, and the years written."""

    source_date: dt.date | None
    section: int = 0
    position: int = 0
    last: tuple[int | None, int | None, int | None] | None = None  # year, month, day
    # for 同月: the last date that told a month, past a day's anaphora (5月の失業率…同日…
    # 同月の求人倍率) and a year (3月14日に設定…昨年の春闘では…同15日)
    last_month: Parts | None = None
    # the range that named it last (昨年12月28日から元日まで…同月29日: the month in it)
    last_range: tuple[Parts, Parts] | None = None
    last_day: tuple[int | None, int | None, int | None] | None = None  # the last that had one
    told_day: Parts | None = None  # the last day a date told, not an anaphora (for この日)
    past_day: tuple[int, int, int] | None = None  # the last day not after the article's
    ahead_day: tuple[int, int, int] | None = None  # the last day after the article's
    fiscal_year: int | None = None  # the last fiscal year a date told (2025年度, 今年度)
    compared_year: tuple[int, int, int] | None = None  # 前回2021年を上回った (as written_year)
    sentence_month: Parts | None = None  # the month (and day) this sentence wrote
    sentence_day: tuple[int, int, int] | None = None  # the last day this sentence placed
    sentence_year: int | None = None  # the year a year word of this sentence named (昨年は)
    sentence_year_end: int = 0  # where that word ends in the sentence
    year_only: int | None = None  # a year this sentence told without a month (昨年は同12日に)
    named_year: int | None = None  # the year the text last named: written, carried or a word
    sentence_words: Sequence[Token] | None = None  # the sentence's words (Japanese)
    report_day: dt.date | None = None  # the day it reports on (see resolve_range)
    interview_day: dt.date | None = None  # （インタビューは12月22日）: when its words were said
    report_position: int | None = None  # the sentence that gave it
    written_year: tuple[int, int, int] | None = None  # (year, section, position)
    written_tense: Tense = None  # the tense of the date that wrote it
    written_years: list[int] = dataclasses.field(default_factory=list)  # for 95年
    bare_days: dict[int, tuple[int | None, int | None]] = dataclasses.field(default_factory=dict)
    spoken: dt.date | None = None  # the day a quote was spoken, for its relative words


def resolve_range(
    mention: DateMention,
    end: DateMention,
    frame: Frame,
    tense: Tense,
    shares_month: bool = True,
) -> tuple[str, str] | None:
    if (
        end is not mention
        and mention.bare_day
        and end.month
        and end.day
        and mention.day
        and (shares_month or mention.day > end.day)
    ):
        # "del 19 al 22 de mayo", 30日から9月2日: the start is in the end's month, or
        # in the month before when its day is later. A Japanese range that names the
        # month only at its end (14日から12月31日) starts in another month: the start is
        # placed like any bare day.
        start_year, start_month = end.year, end.month
        if mention.day > end.day:
            start_year, start_month = _add_months(start_year, start_month, -1)
        mention = dataclasses.replace(mention, year=start_year, month=start_month, weekday=None)
    relative_end = end is not mention and end.kind in ("year_word", "month_word")
    counted_from = frame.spoken or frame.source_date
    if relative_end and mention.month and not mention.year and counted_from:
        # 12月15日から来年2月末, 8月下旬から今月: the start is the last such month
        # before the end
        end_year, end_month, _ = _relative_parts(end, counted_from)
        if end_year is not None and end_month is not None:
            across = mention.month > end_month
            start_year = end_year - 1 if across else end_year
            start = (start_year, mention.month, mention.day)
            if mention.day is None or _valid(start_year, mention.month, mention.day):
                stop = _range_end(start, end, counted_from)
                frame.last = start
                if mention.day is not None:
                    frame.last_day = start
                return f"{iso_date(*start)}/{iso_date(*stop)}", "relative"
    elif end is not mention and end.year and not mention.year:
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
    if mention.month_end is not None:  # 1〜6月, 11〜2月
        end_parts = _range_end(start_parts, DateMention(mention.span, month=mention.month_end))
    elif mention.day_end is not None:
        last_day = DateMention(mention.span, day=mention.day_end)  # 3〜5日, 30日〜2日
        end_parts = _range_end(start_parts, last_day)
        if not _valid(end_parts[0] or 2000, end_parts[1], end_parts[2]):
            return None
    elif end is not mention:
        end_parts = _range_end(start_parts, end, frame.spoken or frame.source_date)
    # A fiscal year tells no month its April could lend (令和十年度までに…去る十五日)
    whole_year = mention.fiscal and mention.month is None
    frame.last = (year, None, None) if whole_year else start_parts
    if (
        month is not None
        and not whole_year
        and not (mention.kind == "anaphora" and mention.unit == "day")
        # 3月15日に開業すると県が28日、発表した。…同月末: 同月 is a month the text
        # told of, not the one a lede's bare day of telling is placed in (法案は5日に
        # 閣議決定され、同月中の成立を目指す: the 5th's month)
        and not (mention.bare_day and _word_after(end, frame.sentence_words) in ("、", "，"))
    ):
        frame.last_month = start_parts
        frame.last_range = None
        names_month = end.month is not None or end.kind == "month_word"
        if end is not mention and names_month and end_parts is not None:
            # きょう31日から来月14日まで…同月下旬: the month named last is the end's
            frame.last_month = end_parts
            frame.last_range = (start_parts, end_parts)
    elif year is not None and mention.kind in ("calendar", "year_word") and not mention.fiscal:
        frame.year_only = year
    if year is not None and month is not None and day is not None:
        frame.sentence_day = (year, month, day)
        if frame.source_date is not None and dt.date(year, month, day) <= frame.source_date:
            frame.past_day = (year, month, day)
        elif frame.source_date is not None and mention.kind != "anaphora":
            frame.ahead_day = (year, month, day)
    if day is not None:
        frame.last_day = start_parts
        if mention.kind != "anaphora":
            frame.told_day = start_parts
    if (
        frame.source_date is not None
        and year
        and month
        and day
        and (
            mention.bare_day
            or (
                _word_after(end, frame.sentence_words) in ("、", "，")
                and (tense or main_tense(frame.sentence_words)) == "past"
            )
        )
    ):
        # 岡部は16日、…; 1日に誕生した市で、…2日、初登庁した: the day the text reports on is
        # the latest bare day of the first sentence that has one, not after the article,
        # or a lede's past day set off by a comma (代表は昨年12月26日、…インタビューに応じた)
        when = dt.date(year, month, day)
        first = frame.report_position in (None, frame.position)
        if first and when <= frame.source_date and (frame.report_day or when) <= when:
            frame.report_day, frame.report_position = when, frame.position
        elif first and mention.bare_day and frame.report_day is None:
            # 日銀は18、19両日に開く会合で…。連合が12日に公表した…: a lede of days to come
            # reports on the article's day, not on a later sentence's background
            frame.report_position = frame.position
    if mention.fiscal and year is not None and mention.kind != "anaphora" and not mention.since:
        frame.fiscal_year = year if month is None or month >= 4 else year - 1
    names_year = mention.year is not None or mention.short_year is not None
    named = names_year or mention.kind == "year_word" or how == "carried"
    if year is not None and named and not mention.since:
        frame.named_year = year  # (not a base: ピークの令和2年度以来の水準…同年度末)
    framing = mention.kind != "fixed"  # 元日に届けるには25日までに: a holiday frames no month
    if (
        mention.month is not None
        and month is not None
        and framing
        and (day or mention.frames_sentence)
    ):
        frame.sentence_month = (year, month, day)  # a day the sentence wrote, or its time
    if mention.bare_day and mention.day is not None:
        frame.bare_days.setdefault(mention.day, (year, month))
    if mention.kind == "year_word" and frame.source_date is not None:
        frame.written_year = None  # 今年で10年: the text is back from the year it told of
    if mention.kind == "year_word" and mention.month is None and mention.frames_sentence:
        frame.sentence_year = year if end is mention else None
        frame.sentence_year_end = mention.span[1]
    if year is not None and how == "explicit":
        frame.written_years.append(year)
        # A span of years (2020〜21年の冬…1月9日には) goes on in its last year.
        told = mention.year_end or (end.year if end is not mention and end.year else year)
        if (frame.source_date is None or told <= frame.source_date.year) and not mention.since:
            if mention.compared:
                frame.compared_year = (told, frame.section, frame.position)
            else:
                frame.written_year = (told, frame.section, frame.position)
                frame.written_tense = tense
    text = iso_date(*start_parts)
    if end_parts is not None and _valid(end_parts[0] or 2000, end_parts[1], end_parts[2]):
        text = f"{text}/{iso_date(*end_parts)}"
    return text, how


def _word_after(date: DateMention, words: Sequence[Token] | None) -> str:
    """The word right after the date (``の`` in 同日の記者会見, ``、`` in a lede), or ""."""
    return next((t.surface for t in words or () if t.span[0] == date.span[1]), "")


def _ends(value: Parts | tuple[Parts, Parts]) -> tuple[Parts, Parts | None]:
    """A resolved value's start and end (``None`` for a single date)."""
    first = value[0]
    if isinstance(first, tuple):
        return first, value[1]  # type: ignore[return-value]
    return value, None  # type: ignore[return-value]


def _range_end(start: Parts, end: DateMention, frame_date: dt.date | None = None) -> Parts:
    year, month, _ = start
    if end.kind == "weekday" and year and month and start[2]:  # Monday to Friday: the next
        when = dt.date(year, month, start[2]) + dt.timedelta(days=1)
        while when.weekday() != end.weekday:
            when += dt.timedelta(days=1)
        return when.year, when.month, when.day
    end_year = end.year or year
    end_month = end.month if end.month is not None or end.fiscal else month
    if end.short_year is not None and year is not None:  # 2023年6月から24年12月: its century
        end_year = year - year % 100 + end.short_year
        end_year += 100 if end_year < year else 0
    elif end.kind in ("year_word", "month_word", "day_word") and frame_date is not None:
        # 10月11日から来年1月12日, 昨年12月〜先月, 2026年度から昨年度まで (its March)
        first, last = _ends(_relative(end, frame_date))
        return last or first
    elif end.kind == "anaphora" and end.unit == "year" and end.offset and year is not None:
        end_year = year + end.offset  # 2023年1月から翌年12月まで: the year after the start's
    elif end.year is None and end_month is not None and month is not None and end_month < month:
        end_year = year + 1 if year else None  # 12月28日〜1月4日
    elif end.year is None and end.month is None and end.day and start[2] and end.day < start[2]:
        end_year, end_month = _add_months(year, month, 1)  # 30日〜2日
    if end.fiscal and end.month is None and end_year is not None:
        return end_year + 1, 3, None  # 2026年度から28年度: to the last one's March
    return end_year, end_month, end.day


def _relative_parts(mention: DateMention, counted_from: dt.date) -> Parts:
    """A relative word's date; a range's start for one that names a range of its own
    (来年度) is taken."""
    return _ends(_relative(mention, counted_from))[0]


def _add_months(year: int | None, month: int | None, months: int) -> tuple[int | None, int]:
    if year is None or month is None:
        return year, ((month or 1) - 1 + months) % 12 + 1
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


Resolved = tuple[Parts | tuple[Parts, Parts], str]


def _resolve(
    mention: DateMention,
    frame: Frame,
    tense: Tense,
) -> Resolved | None:
    source_date = frame.source_date
    kind = mention.kind
    if kind == "anaphora":
        return _resolve_anaphora(mention, frame, tense)
    if kind in ("day_word", "week_word", "week_day", "year_word", "month_word", "weekday_step") or (
        kind == "weekday" and mention.offset is not None
    ):
        counted_from = frame.spoken or source_date
        if mention.in_year is not None:
            counted_from = frame.report_day or source_date  # 6日…。1945年のこの日: the 6th's
            told = frame.told_day
            if mention.demonstrative and told is not None and None not in told:
                counted_from = dt.date(*told)  # type: ignore[arg-type]  # 9月1日…1923年のその日
        if counted_from is None:
            return None  # きのう in an undated text: nobody can tell
        return _relative(mention, counted_from), "relative"
    if mention.year is not None:
        return _year_parts(mention, mention.year), "explicit"
    if mention.short_year is not None:
        # 95年: the year already written in full that ends in 95; else no date
        # (二十年 of history is a duration).
        full = [y for y in frame.written_years if y % 100 == mention.short_year]
        if full:
            return _year_parts(mention, full[-1]), "carried"
        if mention.short_year_told and not frame.written_years and source_date is not None:
            # 27年度 with no year written in full: the one nearest the article's year
            base = source_date.year - source_date.year % 100
            nearest = min(
                (base + step + mention.short_year for step in (-100, 0, 100)),
                key=lambda year: abs(year - source_date.year),
            )
            return _year_parts(mention, nearest), "carried"
        if not (mention.short_year_leads and frame.written_years):
            return None
        # One opening a clause (。62年に…) after a year written in full is the one of
        # its century nearest that year (1934年…62年: 1962; 2025年…24年: 2024).
        written = frame.written_years[-1]
        century = written - written % 100
        nearest = min(
            (century + step + mention.short_year for step in (-100, 0, 100)),
            key=lambda year: abs(year - written),
        )
        return _year_parts(mention, nearest), "carried"
    if mention.month is None and mention.day is None and kind != "weekday":
        return None
    return _placed(mention, frame, tense)


def _year_parts(mention: DateMention, year: int) -> Parts | tuple[Parts, Parts]:
    """A year's parts: a fiscal year is April to March; 末 its last month."""
    if mention.month is not None:
        return year, mention.month, mention.day
    if mention.year_end is not None and mention.fiscal:  # 2025〜30年度: April to March
        return (year, 4, None), (mention.year_end + 1, 3, None)
    if mention.year_end is not None:
        return (year, None, None), (mention.year_end, None, None)
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
        back = when.year - (mention.years_before or 0)  # 80年前のきょう
        back = mention.in_year or back  # 1945年のこの日
        if back < 1:
            return None, None, None  # 3000年前のきょう: before the calendar's first year
        if not _valid(back, when.month, when.day):
            return back, when.month, None  # 29 February of a year without one
        return back, when.month, when.day
    if mention.kind == "weekday":
        assert mention.weekday is not None
        monday = source_date - dt.timedelta(days=source_date.weekday())
        when = monday + dt.timedelta(days=7 * offset + mention.weekday)
        return when.year, when.month, when.day
    if mention.kind == "week_day":  # 来週12日: the 12th that is in next week
        monday = source_date - dt.timedelta(days=source_date.weekday() - 7 * offset)
        days = [monday + dt.timedelta(days=i) for i in range(7)]
        found = [d for d in days if d.day == mention.day]
        if not found:
            return None, None, None
        return found[0].year, found[0].month, found[0].day
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


_BACKGROUND_DAYS = 60  # a day told of a year before, more than two months back: background


def _days_before(told: Parts, present: dt.date) -> int:
    """How many days ``told`` (a full date) lies before ``present``."""
    year, month, day = told
    if year is None or month is None or day is None:
        return 0
    return (present - dt.date(year, month, day)).days


def _resolve_anaphora(mention: DateMention, frame: Frame, tense: Tense) -> Resolved | None:
    """同日, 翌日, 同月28日, 同月末, 同年10月2日, 同年度: from the date last mentioned."""
    offset = mention.offset or 0
    if mention.unit == "year" and mention.fiscal and offset < 0 and frame.source_date is not None:
        # 前年度まで…務めた: the fiscal year before the one the text told, else before
        # the article's (a calendar year's month tells no fiscal year)
        base = frame.fiscal_year
        if base is None:
            base = frame.source_date.year - (1 if frame.source_date.month < 4 else 0)
        return _year_parts(mention, base + offset), "carried"
    if frame.last is None:
        if mention.unit == "year" and mention.month:
            return (None, mention.month, mention.day), "unresolved"
        return None
    year, month, day = frame.last
    if mention.unit == "month" and frame.last_month is not None:
        # 5月の失業率…同日発表した同月の求人倍率: a month counts past a day's anaphora;
        # in the year its sentence told (5月10日に開いた。昨年は同12日に開いていた)
        year, month, day = frame.last_month
        year = frame.year_only if frame.year_only is not None else year
        if (
            frame.last_range is not None
            and mention.day is not None
            and year is not None
            and month is not None
            and frame.source_date is not None
            and _valid(year, month, mention.day)
            and dt.date(year, month, mention.day) > frame.source_date
            and _main_predicate(frame.sentence_words or ()) == "past"
        ):
            # 12月28日から元日まで…下りのピークは同月29日で、…上回った: a day told as past
            # is not the end's month's still to come, but the start's, within the range
            start, end = frame.last_range
            y, m, _ = start
            inside = y is not None and m is not None and _valid(y, m, mention.day)
            if inside and _calendar_order(start) <= (y, m, mention.day) <= _calendar_order(end):
                year, month = y, m
    if mention.unit == "week":  # 翌週の日曜日: that weekday of the week after the last day's
        if frame.last_day is None or None in frame.last_day:
            return None
        year, month, day = frame.last_day
        assert year is not None and month is not None and day is not None
        last = dt.date(year, month, day)
        monday = last - dt.timedelta(days=last.weekday())
        when = monday + dt.timedelta(days=7 * offset + (mention.weekday or 0))
        return (when.year, when.month, when.day), "carried"
    present = frame.report_day or frame.source_date
    told = frame.told_day
    if mention.demonstrative and told is not None and None not in told:
        # この日 is the day a date last told (16日、…。前日の第2戦で敗れたが、この日は…:
        # the 16th, not the 前日), back in the text's present: after a background year
        # (前回2022年7月10日…市長はこの日) the day it reports on, or the article's
        if present is not None and (
            (told[0] or 0) < present.year - 1
            or ((told[0] or 0) < present.year and _days_before(told, present) > _BACKGROUND_DAYS)
        ):
            # (出国のピークは12月29日で、この日だけで…, told on 1 January: that day)
            return (present.year, present.month, present.day), "carried"
        if (
            present is not None
            and frame.source_date is not None
            and dt.date(*told) > frame.source_date  # type: ignore[arg-type]
            and _main_predicate(frame.sentence_words or ()) == "past"
            # as the time of the act (この日、この日は), not what it is done for or to
            # (この日に向けて, この日を心待ちに, この日の人出)
            and _word_after(mention, frame.sentence_words) in ("、", "，", "は", "も")
        ):
            # 14日、投開票日の20日まで1週間を切った。…この日、…演説を重ねた: what was done
            # was done on the day reported on, not on a day still to come
            return (present.year, present.month, present.day), "carried"
        return told, "carried"
    if mention.unit == "day":
        # A day counts from the last date that named a day (30日…来月下旬…同日夜: the
        # 30th); from a month-day without its year (an undated text) it is unresolved
        # too, with the month-day it tells, where leap years do not change it.
        if frame.last_day is None:
            return None
        year, month, day = frame.last_day
        if (
            offset == 0
            and frame.past_day is not None
            and None not in frame.last_day
            and frame.source_date is not None
            and dt.date(year, month, day) > frame.source_date  # type: ignore[arg-type]
            and _main_predicate(frame.sentence_words or ()) == "past"
            and (
                tense == "past"
                or (
                    _word_after(mention, frame.sentence_words) == "の"
                    # 同日の始発から運転を見合わせると発表した: the act told is to come (not
                    # the occasion of telling it: 同日の会見で…目指すと述べた)
                    and (
                        _quoted_tense(frame.sentence_words or (), mention.span[1]) != "future"
                        or _at_the_event(
                            [t for t in frame.sentence_words or () if t.span[0] >= mention.span[1]]
                        )
                        > 0
                    )
                )
            )
        ):
            # 31日の閣議で…12日から訪問することを了解した。同日の会見で…述べた: what has
            # been done was done on a day that has come, not on the plan's (同日に会談する
            # ことで合意した: the plan's day, its own verb to come)
            year, month, day = frame.past_day
        elif (
            offset == 0
            and frame.ahead_day is not None
            and None not in frame.last_day
            and frame.source_date is not None
            and dt.date(year, month, day) <= frame.source_date  # type: ignore[arg-type]
            and tense == "future"
            and _main_predicate(frame.sentence_words or ()) == "future"
        ):
            # 6月10日に開業する。市が31日、発表した。当日は…配る: what is still to come
            # happens on a day to come, the last one told, not on the day of the telling
            year, month, day = frame.ahead_day
        if (
            offset == 0
            and tense == "future"
            and frame.report_day is not None
            and frame.sentence_day is None  # (不正は2日に発覚しており、同日付で…: the 2nd)
            and None not in (year, month, day)
            and dt.date(year, month, day) < frame.report_day  # type: ignore[arg-type]
        ):
            # 1日、辞表を提出した。…先週の金曜日に…。後任は同日中に就任する: what is still to
            # come is not on a day gone by before the one reported on
            year, month, day = (
                frame.report_day.year,
                frame.report_day.month,
                frame.report_day.day,
            )
        if month is None or day is None:
            return None
        if year is None:
            days = {
                dt.date(y, month, day) + dt.timedelta(days=offset)
                for y in (2000, 2001)
                if _valid(y, month, day)
            }
            moved = {(d.month, d.day) for d in days}
            if len(moved) != 1:
                return None
            ((month, day),) = moved
            return (None, month, day), "unresolved"
        when = dt.date(year, month, day) + dt.timedelta(days=offset)
        return (when.year, when.month, when.day), "carried"
    if mention.unit == "month":
        if month is None:
            return None
        year, month = _add_months(year, month, offset)
        return (year, month, mention.day), "carried" if year else "unresolved"
    # 同年, 翌年: the year the text last named (2024年1月の地震…31日までに…同年8月: 2024),
    # not one a later day took from the article date
    year = frame.named_year if frame.named_year is not None else year
    if year is None:
        return ((None, mention.month, mention.day), "unresolved") if mention.month else None
    if mention.fiscal and month is not None and month < 4 and year == frame.last[0]:
        year -= 1  # 2025年2月10日に…同年度内: the fiscal year February 2025 is in (2024)
    return _year_parts(mention, year + offset), "carried"


def _placed(
    mention: DateMention,
    frame: Frame,
    tense: Tense,
) -> Resolved | None:
    """A month, month-day, bare day or weekday with no year: from the sentence's month,
    a year the text wrote, or the article date and the tense; in a quote, from the day it
    was said when that is before the article's (31日、…記者団に「きょうで7月も終わる」と語っ
    た, on 1 August: this July)."""
    source_date = frame.source_date
    said = frame.spoken
    if mention.kind == "calendar" and mention.month is not None and said and source_date:
        source_date = min(said, source_date)
    month, day = mention.month, mention.day
    # A bare day looked ahead to is placed from the act's day below; a month-day by the
    # nearest (年度末の3月31日を前に…相次いでいたことが分かった, told in April)
    looked_ahead, act = tense == "after_act" and mention.bare_day, frame.sentence_day
    if tense == "after_act":
        tense = None
    if tense == "chain_ahead":
        # A chain that ends ahead (27日に告示され、来月4日に投開票される): its bare day is
        # this month's while that is still to come; one gone by may be a past first step
        # (18日に抽選が行われ、5日に開幕する, on the 20th): the nearest
        ahead = mention.bare_day and source_date is not None and (day or 0) >= source_date.day
        tense = "future" if ahead else None
    if mention.bare_day and day is not None:
        if frame.sentence_month is not None and _goes_on(frame.sentence_month, day, frame):
            year, month, _ = frame.sentence_month  # 8月15日に会い、18日に別れた
            if _agrees(year, month, day, mention.weekday) and _allows(
                tense, (year, month, day), source_date
            ):
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
    if frame.sentence_year is not None and month is not None:
        # 昨年は8月上旬の開催だった: the year its sentence named by a word
        return (frame.sentence_year, month, day), "relative"
    carried = _carried_year(mention, frame, tense, source_date)
    if carried is not None:
        return (carried, month, day), "carried"
    if source_date is None:
        return ((None, month, day), "unresolved") if month else None
    candidates = _candidates(mention, source_date)
    if looked_ahead:
        # On or after the day of the act that looked ahead to it: the day its sentence
        # told before it, else one of the last few days (three) before the article.
        first = act or (source_date - dt.timedelta(days=3)).timetuple()[:3]
        later = [c for c in candidates if _calendar_order(c) >= first]
        if later:
            return min(later, key=_calendar_order), "relative"
    return _choose(candidates, source_date, tense), "relative"


def _agrees(year: int | None, month: int | None, day: int, weekday: int | None) -> bool:
    """Whether the day exists in that month (9月31日 does not), on its weekday if one
    was written (31日（日）)."""
    if not _valid(year or 2000, month, day):
        return False
    return weekday is None or year is None or dt.date(year, month or 1, day).weekday() == weekday


def _allows(tense: Tense, when: Parts, source_date: dt.date | None) -> bool:
    """Whether a month carried to a day gives a date its own tense allows: a day told
    as past is not after the article date (1月8日に来日する方向で調整していることが
    18日、分かった, in a December article: the 18th it became known is December's)."""
    year, month, day = when
    if source_date is None or year is None or month is None or day is None:
        return True
    told = (year, month, day)
    today = (source_date.year, source_date.month, source_date.day)
    if tense == "past":
        return told <= today
    if tense == "future":
        return told >= today
    return True


def _goes_on(written: Parts, day: int, frame: Frame) -> bool:
    """Whether a bare day takes the month its sentence wrote: when it is that day or
    later (8月15日に会い、18日に別れた; 1月17日と18日), the story going on in that month. An
    earlier day is not that month's (昨年12月26日の障害を巡り、総務省は5日…; 8月31日に
    開幕し、3日に閉幕する) and is placed like any other, from the article date (an
    undated text has nothing else to place it by)."""
    return written[2] is None or day >= written[2] or frame.source_date is None


def _carried_year(
    mention: DateMention,
    frame: Frame,
    tense: Tense,
    source_date: dt.date | None,
) -> int | None:
    """The year the text wrote, carried to this month-day when it is near (a dated
    text) or anywhere before (an undated one), rolled into the next year when the
    months go back, and only when the date agrees with the tense (``source_date``: the
    day it is placed from)."""
    written = frame.written_year
    if frame.compared_year is not None and any(
        t.normalized == "前回" for t in frame.sentence_words or ()
    ):
        written = frame.compared_year  # 前回2021年を上回った。前回は10月31日に…: that time's
    if mention.month is None or written is None or mention.as_of:
        return None
    year, section, where = written
    if source_date is not None and (
        section != frame.section or frame.position - where > CARRY_SENTENCES
    ):
        return None
    last = frame.last
    if last is not None and last[0] is not None and last[0] >= year and last[1] is not None:
        year = last[0]
        if last[1] - mention.month >= _NEW_YEAR_STEP:
            # A narrative moving on from late in a year to early in the next (12月…1月);
            # a smaller step back is a look back within the year (10月10日…先立つ10月1日).
            year += 1
    if (
        mention.weekday is not None
        and mention.day is not None
        and (
            not _valid(year, mention.month, mention.day)
            or dt.date(year, mention.month, mention.day).weekday() != mention.weekday
        )
    ):
        return None  # dimanche 12 décembre: not of a year whose 12 December is no Sunday
    if source_date is None and (
        frame.written_tense == "future"
        or (
            tense == "future"
            and frame.written_tense == "past"
            and main_tense(frame.sentence_words) != "past"
        )
    ):
        # 1972年に操業を始め…9月30日までに結ぶ予定だ: an undated text's plan is after its
        # own unknown time, not in a year it told a past act of (1976年に亡くなった画家の
        # 回顧展が、7月19日から開かれる; a plan told as said then,
        # 当時「10月に着工する」と説明していた, is of that time); and a plan's year is no
        # narration (完成は2032年度に。…10月1日から)
        return None
    if source_date is not None:
        if not _allows(tense, (year, mention.month, mention.day or 1), source_date):
            return None
        if year > source_date.year:
            return None  # a plan's year is no narration: 令和9年度から改修し、式典は5月10日に
        if tense is None and _tells_plan(frame.sentence_words):
            return None  # a sentence that tells a plan does not narrate that year
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
    # 29 February: four years; a weekday's month-day comes back within eleven
    around = 11 if mention.weekday is not None else 4
    years = range(source_date.year - around, source_date.year + around + 1)
    month, day = mention.month, mention.day
    found: list[Parts] = [(y, month, day) for y in years if _valid(y, month, day)]
    if mention.weekday is not None and day is not None:  # Sunday 12 December
        agreeing = [p for p in found if dt.date(p[0] or 1, month, day).weekday() == mention.weekday]
        return agreeing or found
    return found


def chain_step_tense(
    mention: DateMention, step: DateMention, source_date: dt.date
) -> Tense | Literal["unknown"]:
    """The direction of a date in a chain of verbs that ends ahead, told before the
    chain's next date ``step``, which is on or after the article date (``1月2日に初日を
    迎え、2月まで全国を回る``; ``27日に告示され、来月4日に投開票される``; ``10日に可決、
    成立し、来年1月1日に施行される``, in late December: the 10th of December). A chain
    tells its steps in order and close together, so the date is the latest before
    ``step``; but a step whose year is written (``来年10月``, ``2027年2月``) sets itself
    apart from a date without one, which is the nearest (``4月に着工し、来年10月に完成
    する``: this April) unless that is after the step. A month before a bare day is no
    step (``6月に大会が開かれ、初日の13日には``: the 13th is June's).
    ``"unknown"`` where either is not a day or month the calendar places (a weekday, a
    date with its year, a range), or ``step`` is before the article date (``6日に会見に
    臨み、昨年末に閣議決定した予算案の意義を訴える``: no step of the chain)."""
    if mention.kind != "calendar" or mention.year is not None or mention.day_end is not None:
        return "unknown"
    if mention.month is None and mention.day is None:
        return "unknown"
    if mention.day is None and step.bare_day:
        return "unknown"  # 6月に大会が開かれ、初日の13日には…: a day of that month, no step
    placed: Parts | tuple[Parts, Parts] | None
    year_written = step.year is not None or step.kind == "year_word"
    if step.kind == "calendar" and step.year is not None:
        placed = _year_parts(step, step.year)
    elif step.kind in ("day_word", "month_word", "year_word") and step.offset is not None:
        placed = _relative(step, source_date)
    elif step.kind == "calendar" and (step.month is not None or step.bare_day):
        placed = _choose(_candidates(step, source_date), source_date, "future")
    else:
        return "unknown"
    first, last = _ends(placed)
    if first[0] is None or (last or first)[0] is None:
        return "unknown"
    today = (source_date.year, source_date.month, source_date.day)
    if _calendar_order(first) < (today[0], today[1], today[2] if first[2] else 0):
        return "unknown"
    year = (last or first)[0]
    assert year is not None
    # Not after the step's first day; a month-day may share a month step's month (2月1日に
    # 始まり、2月末まで), a bare day not (8日に続き、来月にも: the 8th is this month's)
    start = _calendar_order(first)
    limit = start if first[2] or mention.month is None else (start[0], start[1], 31)
    candidates = _candidates(mention, source_date)
    before = [c for c in candidates if _calendar_order(c) < limit or _calendar_order(c) == start]
    if not before:
        return "unknown"
    latest = max(before, key=_calendar_order)
    if year_written and _choose(candidates, source_date, None) in before:
        return None  # 5月に着工し、再来年3月の完成を目指す: the May just gone
    since = (today[0], today[1], today[2] if latest[2] else 0)
    return "future" if _calendar_order(latest) >= since else "past"


def _calendar_order(parts: Parts) -> tuple[int, int, int]:
    """A candidate's place on the calendar (a month's before its days)."""
    return (parts[0] or 0, parts[1] or 0, parts[2] or 0)


def _choose(candidates: list[Parts], source_date: dt.date, tense: Tense) -> Parts:
    """Past: the latest on or before the article date; future: the earliest on or after
    it; undecided: the nearest, the earlier on a tie."""
    key = _calendar_order
    today = (source_date.year, source_date.month, source_date.day if candidates[0][2] else 0)
    before = [c for c in candidates if key(c) <= today]
    if tense == "past" and before:
        return max(before, key=key)
    after = [c for c in candidates if key(c) >= today]
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


def iso_date(year: int | None, month: int | None, day: int | None) -> str:
    """ISO 8601 of what is known: ``2024-07-21``, ``2024-07``, ``2024``, or a month(-day)
    without its year, ``--07-21``, ``--07``."""
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"
