"""Page 1 read alone: its key facts state, its quotes keep their speakers, and a fact
about another subject than the source's says whose it is."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import briefgen
from briefgen.model import Bilingual, Point, SectionPoints
from briefgen.render.context import briefing_context

# Written for these tests: a radio interview (bare questions, answers in 「」) and a
# report that turns to a rival's plan for two sentences.
INTERVIEW = """date 2024-05-20 元選手が語る、新監督の素顔

20日に放送されたラジオ番組「朝の広場!」(月〜金 7時)で、元選手の森田健二氏が出演した。

記者の大野真理からの質問に答える形で、森田氏は、新監督の指導方針や人柄について語った。

新監督の練習はどう変わった？

「走る量が倍になった。選手は最初は戸惑ったと思うが、今は慣れている」

新監督はどんな人物か？

「厳しいが、選手の話をよく聞く人だ。ベテランにも若手にも同じように接していると思う」

森田さんは今季の優勝をどう見る？

「十分に狙えると思う。守備が安定すれば、上位は間違いないだろう」
"""

REPORT = """date 2024-03-01 北山大学、月探査機の開発計画を発表

北山大学は1日、小型の月探査機「つきかげ」の開発計画を発表した。

打ち上げは2027年の予定で、月の裏側を撮影する。

一方、南海工科大学は月面車「ハマナス」の計画を先月公表した。

車体の重さは20キロで、太陽電池で動く。

2029年に月面に着く予定だ。

「つきかげ」の開発費は約30億円となる。

北山大学の研究チームによると、国の審査は夏に終わる見通しだ。
"""


def _page_one(tmp_path: Path, name: str, text: str) -> dict:  # type: ignore[type-arg]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    briefing = briefgen.summarize_sources([path], options=briefgen.Options(key_points=6))
    (entry,) = briefing_context(briefing)["first_page"]
    return entry  # type: ignore[no-any-return]


def test_an_interview_shows_statements_and_the_interviewee_as_speaker(tmp_path: Path) -> None:
    entry = _page_one(tmp_path, "interview.txt", INTERVIEW)
    for fact in entry["facts"]:
        text = fact["original"]
        assert not text.endswith(("？", "か。")), text  # a question states nothing
        assert not text.startswith(("(", "で、")), text  # nor does a sentence's tail
    judged = entry["assessments"]
    assert judged and all(p["label"] == "quote" for p in judged)
    # The answers are the interviewee's, never the author's.
    assert {p["holder"] for p in judged} == {"森田"}
    assert "？" not in entry["gist"]["original"]


def test_a_rival_subject_is_named_before_its_facts(tmp_path: Path) -> None:
    entry = _page_one(tmp_path, "report.txt", REPORT)
    rival = [f for f in entry["facts"] if "20キロ" in f["original"]]
    assert rival and all(f["original"].startswith("南海工科大学：") for f in rival)
    assert rival[0]["subject"]["original"] == "南海工科大学"
    coming = {e["date"]: e for e in entry["coming_up"]}
    assert coming["2029"]["original"].startswith("南海工科大学：")
    assert coming["2027"]["subject"] is None  # the source's own plan
    assert coming["2027"]["original"].startswith("打ち上げ")
    # Nor is the rival's plan the gist of the source.
    assert "20キロ" not in entry["gist"]["original"]
    # What Coming up tells is not a key fact as well.
    shown = {e["original"].split("：")[-1] for e in entry["coming_up"]}
    assert not any(f["original"].split("：")[-1] in shown for f in entry["facts"])


def test_a_text_under_headings_shows_its_main_parts(tmp_path: Path) -> None:
    path = tmp_path / "guide.txt"
    path.write_text("date 2024-01-10 案内\n\n案内の本文である。\n", encoding="utf-8")
    briefing = briefgen.summarize_sources([path])

    ids = iter(range(1000))

    def point(text: str, score: float) -> Point:
        return Point("key_point", Bilingual(text, ""), (f"s{next(ids)}",), score)

    def section(heading: str, texts: list[tuple[str, float]], size: int) -> SectionPoints:
        points = tuple(point(t, s) for t, s in texts)
        filler = tuple(point(f"{heading}の補足{n}である。", 0.01) for n in range(size))
        return SectionPoints(Bilingual(heading, ""), points + filler)

    # The best three facts are all in one short part; two long parts have lesser ones.
    parts = (
        section("大きさ", [("大きさは三種類ある。", 0.5)], 12),
        section("容量", [("容量は最大で二テラバイトだ。", 0.6)], 10),
        section(
            "例",
            [("例の一は速い。", 0.9), ("例の二は安い。", 0.8), ("例の三は軽い。", 0.7)],
            0,
        ),
    )
    source = dataclasses.replace(
        briefing.sources[0],
        lede=(),
        sections=tuple(SectionPoints(s.heading, s.points[:1]) for s in parts[:2]) + parts[2:],
        full_text=parts,
        gist=Bilingual("案内。", ""),
    )
    (entry,) = briefing_context(dataclasses.replace(briefing, sources=(source,)))["first_page"]
    shown = [f["original"] for f in entry["facts"]]
    # One from each part, the longest parts first: not the one short part three times.
    assert shown == ["大きさは三種類ある。", "容量は最大で二テラバイトだ。", "例の一は速い。"]


# Written for this test: a member's question in the polite style, with an ordinal that
# only names its next part.
QUESTION = """date 2024-06-12 港北区議会 一般質問

初めに、通学路の安全について伺います。

区内の通学路では、昨年度、児童が巻き込まれる事故が十二件発生しております。

特に、幹線道路の抜け道となっている生活道路で事故が多く起きております。

区は、ガードレールの設置を急ぐべきです。

第二は、子ども食堂への支援であります。

子ども食堂は区内に四十か所ありますが、その多くが食材の確保に苦労しております。

区として、食材の寄付を仲介する仕組みを設ける必要があります。

以上、区長の見解を伺います。
"""


def test_a_speech_states_facts_and_holds_its_demands_as_assessments(tmp_path: Path) -> None:
    entry = _page_one(tmp_path, "question.txt", QUESTION)
    facts = [fact["original"] for fact in entry["facts"]]
    judged = [p["original"] for p in entry["assessments"]]
    assert not any(text.startswith("第二は") for text in facts + judged)  # a signpost
    assert not any(text.endswith(("べきです。", "必要があります。")) for text in facts)
    # The demands are the point: in the gist, or held as assessments, never said twice.
    gist = entry["gist"]["original"]
    assert "ガードレールの設置を急ぐべき" in gist
    assert "以上" not in gist + "".join(judged)  # an ask of nothing it says
    said = [gist, *judged]
    assert sum("仲介する仕組みを設ける必要" in text for text in said) == 1


# Written for this test: an answer in an assembly that judges more than its gist holds.
ANSWER = """date 2031-03-04 市長答弁

初めに、防災についてお答えいたします。

昨年の大雨では、三つの地区で避難の呼びかけが遅れました。

情報を早く届ける仕組みが、何より重要であると考えております。

市といたしましては、来年度に新しい防災無線を整備いたします。

次に、通学路の安全についてでございます。

通学路の点検は、今年度は半分の学校で行いました。

全ての学校で点検を行うことが望ましいと考えております。

地域の見守り活動も、大きな役割を果たしていると認識しております。
"""


def test_a_speech_s_own_judgements_are_the_speaker_s(tmp_path: Path) -> None:
    entry = _page_one(tmp_path, "answer.txt", ANSWER)
    judged = entry["assessments"]
    assert judged and {p["holder_text"] for p in judged} == {"Assessment, the speaker"}
