"""The timeline on sentences written fresh for issue 17 (``tests/dates_fresh/``), and
the issue's own examples.

``development.toml``, ``development2.toml`` (a second annotator's, reviewed for the
conventions of the first) and ``development3.toml`` (a third's) were read while the
rules were written: the first two must stay right, the third at its measured score.
``heldback.toml`` was written by an annotator who never saw the rules and was not
read while writing them; its score is a floor that cannot drop unnoticed (the
numbers are in benchmarks/README.md, "Timeline").
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from briefgen.cli import main

# The scorer is the benchmark's own, loaded from its file: putting benchmarks/ on
# sys.path would let its script names shadow installed packages for the whole session.
_spec = importlib.util.spec_from_file_location(
    "timeline_fresh", Path(__file__).resolve().parent.parent / "benchmarks" / "timeline_fresh.py"
)
assert _spec is not None and _spec.loader is not None
timeline_fresh = importlib.util.module_from_spec(_spec)
sys.modules["timeline_fresh"] = timeline_fresh  # dataclasses look their module up
_spec.loader.exec_module(timeline_fresh)
FRESH = timeline_fresh.FRESH
score_file = timeline_fresh.score_file
score_case = timeline_fresh.score_case


def test_the_development_sentences_are_all_dated_right() -> None:
    score = score_file(FRESH / "development.toml")
    # One phrase is a year compared with (今年度を3％上回る), which this first annotator
    # dated and the twelfth and eighteenth annotators' headers make no event (昨年を上回
    # った, 昨年を約2000人上回った): briefgen follows the later convention.
    assert score.lines == ["dev-043: missed  今年度 2024-04/2025-03"]
    assert score.right == 112  # of 113 (2010年の大晦日: one phrase, dev-073)


def test_the_second_development_sentences_are_all_dated_right() -> None:
    score = score_file(FRESH / "development2.toml")
    assert score.lines == []
    assert score.right == 118  # main before: 114 right, 4 wrong, 11 false


def test_an_annotated_unresolved_date_is_briefgen_s_unresolved() -> None:
    case = {
        "id": "t",
        "article_date": "",
        "text": "町長選は11月9日に投開票された。",
        "events": [{"phrase": "11月9日", "date": "unresolved"}],
    }
    assert (score_case(case).right, score_case(case).wrong) == (1, 0)
    case["events"] = [{"phrase": "11月9日", "date": "--11-09"}]
    assert score_case(case).right == 1
    case["article_date"] = "2025-11-10"  # now a reader can tell: 2025-11-09
    case["events"] = [{"phrase": "11月9日", "date": "unresolved"}]
    assert score_case(case).wrong == 1


def test_the_held_back_sentences_stay_at_their_measured_score() -> None:
    score = score_file(FRESH / "heldback.toml")
    # After the fourth to seventh sets' rules: 159 of 165 right, 5 wrong, 2 false,
    # 1 missed; the eighth set's first rules 160, 4, 2, 1; as an adversarial reader's
    # sentences made them narrower, 159, 5, 2, 1.
    # Measured after the third development set's rules: 157 of 165 right, 6 wrong,
    # 2 false, 2 missed. After the second's: 156, 6, 2, 3. When issue 17's rules were
    # finished: 155, 7, 3, 3. Main before issue 17: 75 right, 53 wrong, 16 false, 37 missed.
    # After the seventeenth to nineteenth sets' rules and an adversarial reader's
    # narrowing of them: 163 right, 1 wrong, 2 false, 1 missed (from 162, 2, 2, 1).
    assert score.annotated == 165
    assert score.right >= 163
    assert score.wrong <= 1
    assert score.false <= 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("政府は2日、閣議決定した。", ["2025-09-02"]),
        ("日本銀行は19日、金融政策決定会合で利上げを決めた。", ["2025-08-19"]),
        ("1日あたりの感染者は300人で、3日連続で増えた。", []),
        ("市教委は22日までの間休校とすることを決めた。", ["2025-09-22"]),
        ("週2日、10日以内、第3日、五月雨、3月期決算企業。", []),
        (
            "あす、あさって、きのう、おととい、きょう。",
            ["2025-09-11", "2025-09-12", "2025-09-09", "2025-09-08", "2025-09-10"],
        ),
        (
            "来週月曜日と先週の木曜日と今週金曜日に会う。",
            ["2025-09-15", "2025-09-04", "2025-09-12"],
        ),
        ("見本市は3〜5日に開かれる。", ["2025-10-03/2025-10-05"]),
        ("再来年に完成する。", ["2027"]),
        ("今年度末までに決める。", ["2026-03"]),
        ("十六日に開かれる。", ["2025-09-16"]),
    ],
)
def test_the_issue_s_examples_through_the_command(
    text: str, expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    source = tmp_path / "article.txt"
    source.write_text(f"date 2025-09-10 テスト\n\n{text}\n", encoding="utf-8")
    assert main(["summarize", str(source), "-q"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert [e["date"] for e in summary["sources"][0]["timeline"]] == expected


# Each development set an annotator wrote after the first two, at its measured score:
# (file, annotated phrases, at least right, at most wrong, at most false).
@pytest.mark.parametrize(
    ("name", "annotated", "right", "wrong", "false"),
    [
        # A third annotator's longer texts, read while the rules for their classes were
        # written: before them 338 right, 17 wrong, 15 false, 14 missed of 369; after the
        # first session's rules 349, 16, 9, 4; after the second's (ranges, periods' ends,
        # the days a noun sets, carried years only in narration, named anchors, and the
        # fourth set's classes) 366, 3, 3, 1 of 370.
        pytest.param("development3.toml", 370, 367, 2, 3, id="third"),
        # A fourth annotator's articles, scored once before they were read: 361 right, 27
        # wrong, 29 false, 11 missed of 399 at the session's start; 372, 21, 24, 6 with the
        # third set's rules; then read, and its classes given rules: 397, 0, 4, 2; 396, 1,
        # 6, 2 once a month before a noun is that thing's month (6月定例会, 11月場所), which
        # this annotator leaves out and an adversarial reader showed to be ordinary news.
        pytest.param("development4.toml", 399, 397, 0, 3, id="fourth"),
        # A fifth annotator's texts, written as papers print them, scored once before they
        # were read: 436 right, 40 wrong, 24 false, 18 missed of 494 at the session's start;
        # 451, 26, 14, 17 with the third and fourth sets' rules; then read: 483, 8, 1, 3.
        pytest.param("development5.toml", 494, 485, 6, 1, id="fifth"),
        # A sixth annotator's texts, aimed at the middle of real news, scored once before
        # they were read: 480 right, 42 wrong, 39 false, 18 missed of 540 at the session's
        # start; 507, 20, 19, 13 with the earlier sets' rules; then read: 530, 5, 7, 5.
        pytest.param("development6.toml", 540, 531, 5, 1, id="sixth"),
        # A seventh annotator's short texts, imitating the independent evaluation, scored
        # once before they were read: 163 right, 5 wrong, 6 false, 2 missed of 170 at the
        # session's start; 167, 3, 2, 0 with the earlier sets' rules; then read: 170, 0, 0, 0.
        pytest.param("development7.toml", 170, 170, 0, 0, id="seventh"),
        # An eighth annotator's political news and analysis, scored once before it was
        # read: 199 right, 3 wrong, 0 false, 1 missed of 203; then read: 203, 0, 0, 0.
        pytest.param("development8.toml", 203, 203, 0, 0, id="eighth"),
        # A ninth annotator's long analysis, commentary and assembly answers, scored once
        # before it was read: 391 right, 22 wrong, 12 false, 4 missed of 417; then read:
        # 409, 6, 4, 2; 402, 13, 5, 2 once an adversarial reader's sentences took back the
        # rules that broke ordinary news (a 前回 year, a span of years, a past narrative's
        # year, a month framed only by 「X月の大会では」, a yearless month-day as the day
        # reported on). Left: 3月定例会 dated as that session's month against this
        # annotator; 前年 not an anaphora, being mostly a comparison's base.
        # (411 right since a year compared with, 昨年度の63円を上回り, is no event, as the
        # twelfth and later annotators' headers have it.)
        pytest.param("development9.toml", 417, 411, 5, 2, id="ninth"),
        # A tenth annotator's news of every section (obituaries, statistics, sport, abroad),
        # scored once before it was read: 368 right, 9 wrong, 0 false, 3 missed of 380; then
        # read: 373, 5, 0, 2 (left: 平年の6月4日ごろ and 毎年8月15日 are no events here, a
        # statistic's month after a year carried from a later day, この日 after a weekday's
        # aside, 同日 after a future day, an anaphora after a period's name).
        pytest.param("development10.toml", 381, 375, 4, 0, id="tenth"),  # (即日 aligned)
        # An eleventh annotator's middle and end of political, court and policy articles,
        # scored once before it was read: 527 right, 25 wrong, 18 false, 14 missed of 566;
        # then read: 551, 8, 6, 7. Left: a month in a chain of verbs after a past clause
        # (九月に…、十月に衆院選と…続き、…年を越す), a day of a thing before a past
        # relative clause (1日召集の臨時国会で選出された後、…意向を表明した), an interviewer's
        # question (――今年を振り返って) counted from the article, a local day's 翌日, and
        # 前年度 in a comparison annotated as a date here but not in the fifth set.
        pytest.param("development11.toml", 566, 559, 4, 3, id="eleventh"),
        # A twelfth annotator's society and business news, assembly and Diet minutes and
        # digests, scored once before it was read: 412 right, 18 wrong, 5 false, 12 missed
        # of 442; then read: 435, 2, 1, 5, and 434, 3, 1, 5 once an adversarial reader's
        # sentences took back the rule that 4月分の is a thing of that month (8月分の電気代を
        # 滞納していた is a past August). Left: a day in a chain before a future day
        # (26日に告示され、5月3日に投開票される: untold, so the nearest, a month early), an
        # undated follow-up's plan day (20日にも再逮捕する方針) given the month of the act
        # before it, an anaphora of an event named by another word (発災翌日 after 元日に発生
        # した地震) and a tax year (令和六年分). A month with a relative year in an undated
        # text (来年3月末) is now "unresolved" (436, 3, 1, 3), after the thirteenth set.
        pytest.param("development12.toml", 442, 438, 1, 1, id="twelfth"),
        # A thirteenth annotator's political analysis, foreign wires, press-conference
        # transcripts and culture and science schedules, scored once before it was read: 578
        # right, 28 wrong, 14 false, 5 missed of 611; then read: 605, 6, 3, 0. Left: a day in
        # a chain before a future day (23日に召集され、会期末は6月21日となる; 6月の総会で選出
        # され、…務める, read the other way), bare days after a month the sentence before
        # names as its predicate (4月の統一地方選だ。…11日、…25日に投開票), 同日 of an event
        # no date tells (会期は6月21日までの150日間。政府は同日、), 同日 of an earlier
        # topic's day (立法委員選挙が同日に), a Q&A answer's day (「20日の召集と聞いている」),
        # a base of comparison (昨年度から2割増えた) and a year's half (2016年下半期以来).
        # After the fourteenth stop's rules: 608, 3, 2, 0 (a chronology's months, a month
        # a sentence lends the next, 20日の召集と聞いている, 昨年度から2割増えた).
        pytest.param("development13.toml", 612, 611, 1, 2, id="thirteenth"),  # (即日 aligned)
        # A fourteenth annotator's speeches (施政方針演説, 議事録, 街頭演説, 年頭所感),
        # summaries and digests (会見要旨, 今週の政治, year roundups, 経緯), long analysis
        # and government documents (通知, 白書, 告示), scored once before it was read: 567
        # right, 29 wrong, 12 false, 8 missed of 604; then read, and its classes given
        # rules, with an adversarial reader's sentences: 595, 7, 1, 2. Left: an undated
        # quote's 来年4月, a note's start (（10月1日から）) read by the nearest, a legal
        # 施行の日の前日, a general rule's 翌年, and 前半戦の9日 after 4月の統一地方選を終え.
        pytest.param("development14.toml", 604, 597, 6, 1, id="fourteenth"),
        # A fifteenth annotator's short everyday news of every section (wire ledes and
        # follow-ups, politics, economy, society, sport, abroad), imitating the independent
        # evaluation, scored once before it was read: 329 right, 3 wrong, 0 false, 1 missed
        # of 333 (the same at the session's start); then read: 331, 1, 0, 1 (8日も厳しい暑さ
        # is the 8th; a chain that ends ahead, 27日に告示され、来月4日に投開票される, has its
        # bare day this month's while it is still to come; a normal year's day, 平年（3月24
        # 日）, recurring, is no event as the issue counts it, so missed, not wrong). Left: an
        # aside's day of a term's end (任期満了（30日）).
        pytest.param("development15.toml", 333, 331, 1, 0, id="fifteenth"),
        # A sixteenth annotator's short follow-ups, notices, courts, weather, sport and
        # obituaries, scored once before it was read: 338 right, 6 wrong, 4 false, 1 missed
        # of 345 (the same at the session's start); then read: 342, 2, 0, 1. Left: a 翌日 of
        # the event after a sentence that also tells its report day (…29日、…分かり、病院は
        # 1日、…謝罪した。女性は翌日に…), a topic's day the copula goes on from into another
        # topic's past (梅雨入りは5月23日ごろで、期間は…だった), and a normal year's day
        # (平年（6月7日ごろ）), recurring, no event here, annotated as yearless.
        pytest.param("development16.toml", 345, 343, 1, 0, id="sixteenth"),
        # A seventeenth annotator's short political and economic news (the Diet, parties
        # and elections, assemblies, polls, the Bank of Japan, results, personnel, budgets),
        # scored once before it was read: 302 right, 3 wrong, 0 false, 0 missed of 305;
        # then read: 305, 0, 0, 0 (a schedule in parentheses, 総裁選（14日告示、27日投開票）,
        # stands apart from the sentence's verb; two objects' days share the verb after the
        # second, 前半戦を4月13日、後半戦を同27日に投開票する; 30日付で辞職する is the verb's day).
        pytest.param("development17.toml", 305, 305, 0, 0, id="seventeenth"),
        # An eighteenth annotator's short society, local and international news (notices
        # and events, schools, transport, crime, wires with local and Japanese times,
        # anniversaries), scored once before it was read: 339 right, 16 wrong, 7 false,
        # 1 missed of 356; then read: 353, 2, 1, 1. Left: a month-day as of which an age
        # counts, on the day of an event told ahead in the sentence before (大会当日の10月
        # 26日時点で), and 1日の利用者 (a day's users) after another day.
        pytest.param("development18.toml", 356, 353, 2, 1, id="eighteenth"),
        # A nineteenth annotator's medium-length articles (4–7 sentences) whose dates
        # interact across sentences, scored once before it was read: 511 right, 14 wrong,
        # 4 false, 6 missed of 531; then read: 518, 7, 1, 6. Left: 同日 after a background
        # paragraph, a year carried past 前回 in an undated text, 召集が23日と遅い, a day a
        # verb before it modifies (発表される8日), 4月使用分, anaphora an event names.
        pytest.param("development19.toml", 532, 521, 5, 0, id="nineteenth"),  # (即日 aligned)
        # A twentieth annotator's short news rich in numbers that are no dates (sport,
        # statistics, elections, courts, weather, transport, companies), scored once
        # before it was read: 304 right, 3 wrong, 1 false, 2 missed of 309; then read:
        # 307, 0, 0, 2 (left: 享保8年, an era before the modern ones, and 平年 (3月24日)).
        pytest.param("development20.toml", 310, 308, 0, 0, id="twentieth"),  # (即日 aligned)
        # A twenty-first annotator's short news and columns chosen for what looks like a
        # date and is none (sayings, figurative 今日 and 明日, routines, names and titles
        # with numbers, ordinals, comparisons), scored once before it was read: 219 right,
        # 6 wrong, 39 false, 4 missed of 229; then read: 221, 4, 21, 4 (15 false before an
        # adversarial reader showed that hearsay, 「…」という。, and a notice's or a
        # product's words in quotes tell real dates: only a saying's marker and a work's
        # title now hold none).
        # Third session: 222, 3, 9 (明日の働き方 lasts; a quote of a month and its noun,
        # 「八月のレモン」; a routine's days in brackets; 1月の第2月曜日と定められ; 1日の移動日
        # を挟み; 1日だけ; a weekday among a day's averages; 土曜保育 stays, a weekday before
        # a noun being as often a day: 日曜投開票).
        pytest.param("development21.toml", 229, 222, 3, 9, id="twenty-first"),
        # Five more annotators' sets, each scored once before it was read (third session,
        # 2026-12-07); the first figures are right, wrong, false, missed before reading:
        # wire news of every section, 264, 3, 2, 2 of 269; then 267, 1, 0, 1 (left: a
        # normal year's day in brackets).
        pytest.param("development22.toml", 269, 267, 1, 0, id="twenty-second"),
        # Crime, courts, accidents, disasters and international news: 428, 14, 6, 14 of
        # 456; then 438, 4, 1, 14 (left: offsets from a named event, 事件の3日前, その
        # 3日後, and あの夜 of a memory, which this annotator dates and earlier ones do not).
        pytest.param("development23.toml", 456, 438, 4, 1, id="twenty-third"),
        # Sports, business releases and culture: 304, 6, 0, 0 of 310; then 308, 2, 0, 0
        # (left: a year told without a tense before an undated text's plan, 2016年7月の
        # 名古屋場所で新入幕。 — a profile's act told by its noun, 1987年創業。, is past).
        pytest.param("development24.toml", 310, 308, 2, 0, id="twenty-fourth"),
        # Political and economic news, the core genre: 344, 3, 0, 1 of 348; then 345, 2,
        # 0, 1 (left: a bare day within a range told the sentence before, 来月12日から
        # 15日まで来日する。13日には…; the rule that placed it pulled days before and after
        # a range into it and was taken out).
        pytest.param("development25.toml", 348, 345, 2, 0, id="twenty-fifth"),
        # Analyses, editorials, interviews and features of 4–8 sentences: 468, 13, 7, 3
        # of 484; then 478, 3, 1, 3.
        pytest.param("development26.toml", 484, 478, 3, 1, id="twenty-sixth"),
        # Local news around month, year and fiscal-year ends: 298, 6, 4, 2 of 306; then
        # 301, 3, 0, 2 (left: a month word's day and an anaphora's day framing a bare day
        # after them, 来月25日…26日, 同月3日…12日, and 29日までに…人となり、…と発表した).
        pytest.param("development27.toml", 306, 301, 3, 0, id="twenty-seventh"),
        # Political analysis and stories followed over time, the core use: 481, 23, 2, 1
        # of 505; then 501, 3, 0, 1 (left: 10月には…任期満了が迫り, 20日の就任式の後, and
        # a quote's occasion told before a longer clause).
        pytest.param("development28.toml", 505, 501, 3, 0, id="twenty-eighth"),
        # Short news of every section: 287, 0, 1, 4 of 291 before it was read; then 287, 0,
        # 0, 4 (昨年の同じ期間より: a compared year; the four missed are normal years'
        # days in brackets, 平年（5月30日）, and 即日).
        pytest.param("development30.toml", 291, 287, 0, 0, id="thirtieth"),
        # Political and economic analysis again, written after development 28's rules:
        # 487, 11, 8, 1 of 499 before it was read; then 494, 4, 3, 1 (left: a month
        # lent by an event a later sentence names again, 4月の統一地方選…統一地方選は、
        # 前半戦の…が11日; a hypothetical 3月にずれ込むと in an undated text; the start of
        # a count to now, 1月24日に提出してから2か月余りでの成立, and a month's figures,
        # 1月分の介入実績, whose rules an adversarial reader broke and which were taken out;
        # 今年度当初の114兆円は…下回った).
        # (then 497, 1, 3, 1: the event named again lends its month, and 1月分 is the month
        # before its figures come out, fourth session)
        pytest.param("development29.toml", 499, 497, 1, 3, id="twenty-ninth"),
        # Political reporting and analysis again, written after all of the third session's
        # rules: 413, 7, 1, 1 of 421 before it was read; then 414, 6, 1, 1 (only 昨年3月と
        # 4月に stays of its classes: an adversarial reader broke the rules for a deadline
        # aimed at, 同日 after a day told only of a thing and a month with an event ahead
        # framing its sentence, and they were taken out).
        pytest.param("development31.toml", 421, 414, 6, 1, id="thirty-first"),
        # Lookalikes of every section: numbers and words that look like dates beside
        # real ones (fourth session of 2026-12-07): 333, 3, 7, 6 of 342 before it was
        # read; then 337, 0, 2, 5 (left: a month as a class of a record, 12月の投開票は
        # 2014年以来, 2月中の春一番は2年ぶり, which as often names this year's month).
        pytest.param("development32.toml", 342, 337, 0, 2, id="thirty-second"),
        # Political analysis, the core use, written after all earlier rules: 384, 11, 0,
        # 1 of 396 before it was read; then 392, 3, 0, 1.
        pytest.param("development33.toml", 396, 392, 3, 0, id="thirty-third"),
        # Economic and business news and analysis: 378, 12, 3, 0 of 390 before it was
        # read; then 383, 7, 1, 0 (left: records and compared dates lending their year to
        # an undated text, 1987年10月20日の3836円を上回り; a list of days inferred,
        # 4月28日と5月2日の2回とみられる).
        pytest.param("development34.toml", 390, 383, 7, 1, id="thirty-fourth"),
        # Spoken and reported words, press conferences, interviews, speeches, statements:
        # 400, 18, 5, 10 of 428 before it was read; then 406, 12, 1, 10 (left: memories,
        # あの日, あの朝, whose day a later annotator dates; この日 and その日 of the story's
        # day after another day told; a quote said at an occasion told after it).
        # (then 407, 11, 1, 10: a year looked back on is not the narration's)
        pytest.param("development35.toml", 428, 407, 11, 1, id="thirty-fifth"),
        # Short everyday news of every section (the held-back set's genre), written after
        # development 34 and 35's rules: 307, 2, 0, 5 of 314 before it was read; then 308,
        # 1, 0, 5 (left: normal years' days in brackets, 即日, and a day a clause names,
        # 混入のあった日の翌日).
        pytest.param("development36.toml", 314, 308, 1, 0, id="thirty-sixth"),
        # Policy news that quotes people, written after development 34 and 35's rules: 400,
        # 9, 0, 2 of 411 before it was read; then 405, 4, 0, 2 (left: a quote told before
        # its occasion, 「当選したら、来年4月から…」。昨年11月の知事選の期間中…).
        # (then 405, 5, 0, 1: 即日 is the day of the act just told, which fixes eleven
        # phrases across the sets and dates this text's 即日開票 by the campaign's last day)
        pytest.param("development37.toml", 411, 405, 5, 0, id="thirty-seventh"),
        # Political analysis with quotes, the core use, written after development 36 and 37's
        # rules: 531, 17, 1, 1 of 549 before it was read; then 538, 10, 1, 1 (left: この日
        # and 同じ日 meaning the story's day or the day of the same act, a plan's month in a
        # chain that ends in a state, 同年 after a base counted since, 2015年以来).
        pytest.param("development38.toml", 549, 538, 10, 1, id="thirty-eighth"),
        # International and diplomatic news: 356, 4, 1, 4 of 364 before it was read; then
        # 364, 0, 1, 0 (left: a fiscal year restated in brackets, 2032年度（32年4月〜33年3月）,
        # which this annotator dates by the brackets alone).
        pytest.param("development39.toml", 364, 364, 0, 1, id="thirty-ninth"),
        # Short news rich in numbers of every section, written after development 38 and
        # 39's rules: 352, 9, 1, 4 of 365 before it was read; then 356, 5, 0, 4 (left:
        # normal years' days in brackets, a tour's last show after a month told with 来年,
        # and a night's end just after the article date, 8月1日午前1時まで続いた, which the
        # calendar oracle's model places a year back).
        pytest.param("development40.toml", 365, 356, 5, 0, id="fortieth"),
        # Features, columns and editorials: 300, 7, 6, 9 of 316 before it was read; then
        # 302, 5, 2, 9 (left: memories, あの年, あの夜, which this annotator dates; a
        # generic その年 and 元日の朝; a record's year carried in a dated text).
        pytest.param("development41.toml", 316, 302, 5, 2, id="forty-first"),
        # Short news of a national daily's inside pages, written after all of the fourth
        # session's rules: 320, 5, 2, 4 of 329 before it was read (1.5 wrong and 0.6 false
        # in 100), and as it stands: its classes were not worked on.
        pytest.param("development42.toml", 329, 320, 5, 2, id="forty-second"),
        # Political news analysis, written after all of the fourth session's rules: 368,
        # 17, 1, 0 of 385 before it was read; then 371, 14, 1, 0 (a clause on a topic of
        # its own is no step of the chain before it; an anniversary's base year is no
        # narration year; left: an election's parts named by their races, 知事選…が9日,
        # and a chain whose modifier tells a tense of its own).
        pytest.param("development43.toml", 385, 371, 14, 1, id="forty-third"),
    ],
)
def test_a_development_set_stays_at_its_measured_score(
    name: str, annotated: int, right: int, wrong: int, false: int
) -> None:
    score = score_file(FRESH / name)
    assert score.annotated == annotated
    assert score.right >= right
    assert score.wrong <= wrong
    assert score.false <= false
