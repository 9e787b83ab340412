"""The gist: the point of a source in one line, within its budget. Sentences written
for these tests (none from the evaluation data the rules were measured on)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.model import Sentence
from briefgen.summarize.gist import compress, make_gist, sentence_role


def sentences(*texts: str) -> list[Sentence]:
    found, start = [], 0
    for i, text in enumerate(texts):
        found.append(Sentence(f"s{i}", text, (start, start + len(text)), 0, 0))
        start += len(text)
    return found


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("次に、子どもの貧困対策について伺います。", "signpost"),
        ("港湾の整備に関する三点のご質問にお答えいたします。", "signpost"),
        ("まず、財政運営について申し上げます。", "signpost"),
        ("本日はこのような機会をいただき、ありがとうございます。", "greeting"),
        ("この数字の意味を読み解いていく。", "signpost"),
        ("通学路の安全対策について、教育長の見解を伺います。", "ask"),
        ("民間の活力を生かした再開発を進めるべきと考えますが、所見を伺います。", "ask"),
        ("今後は区と連携し、相談窓口の拡充を図ってまいります。", "decision"),
        ("来年度から新たな助成制度を設けることといたしました。", "decision"),
        ("市は3日、新庁舎の設計案を公表した。", "statement"),
        # An ordinal that only names the next part.
        ("第三は、空き家の活用についてであります。", "signpost"),
        ("二点目は、商店街の防犯カメラです。", "signpost"),
        ("以上、市長の見解を伺います。", "signpost"),  # an ask of nothing it says
        # An ordinal before a point is no signpost.
        ("第一に、市の責任で給食費を無償にすべきです。", "ask"),
        ("第三は、交通網の再編が急務だということであります。", "statement"),
        ("第一に、昨年度の来場者は大きく減りました。", "statement"),
        ("第二は、県が示した試算であり、根拠は明らかでないことです。", "statement"),
    ],
)
def test_each_sentence_has_its_role(text: str, role: str) -> None:
    assert sentence_role(text) == role


@pytest.mark.parametrize(
    ("text", "compressed"),
    [
        # openers and a topic signpost go; a polite ending becomes the plain one
        (
            "次に、空き家対策についてでございますが、区と連携し、相談窓口を拡充してまいります。",
            "区と連携し、相談窓口を拡充。",
        ),
        ("引き続き、地域の防犯活動を支援いたします。", "地域の防犯活動を支援。"),
        ("今後、計画の見直しに取り組んでまいります。", "計画の見直しに取り組む。"),
        ("財源の確保が重要でございます。", "財源の確保が重要。"),
        # a question's ask keeps what it asks
        ("保育所の整備をどう進めるのか伺います。", "保育所の整備をどう進めるのか。"),
        ("学校の耐震化を急ぐべきと考えますが、見解を伺います。", "学校の耐震化を急ぐべき。"),
        ("新たな交通計画について、知事の見解を伺います。", "新たな交通計画についての見解は。"),
        # an adverb or the object marker inside the ask is still the ask
        ("駅前の再開発について、改めて市長の見解を伺います。", "駅前の再開発についての見解は。"),
        # what the ask asks for stays, as the assembly's summaries write it
        ("住民投票制度について知事の所見を伺います。", "住民投票制度への所見は。"),
        (
            "直接請求制度に対する知事の基本認識を伺います。",
            "直接請求制度に対する知事の基本認識は。",
        ),
        ("なぜ工事が遅れているのか、お伺いをいたします。", "なぜ工事が遅れているのか。"),
        # an ask of nothing the sentence says is no point
        ("あわせて見解を求めます。", ""),
        # a modifier keeps the noun it modifies
        ("大会の成功に向けた知事の決意を伺います。", "大会の成功に向けた決意は。"),
        # what is asked for before the question is the point
        ("保育料を引き下げることを求めますが、いかがですか。", "保育料を引き下げることを求める。"),
        # a request for an act stays a request
        (
            "計画に防災の視点を加えていただきたいと思います。",
            "計画に防災の視点を加えていただきたい。",
        ),
        # する after its object is the verb, not politeness
        ("被災地の復興を後押しをしております。", "被災地の復興を後押しをする。"),
        ("相談体制の強化をいたします。", "相談体制の強化をする。"),
        # polite forms inside and at the end made plain, in fewer characters
        ("被災地の支援に取り組んでまいりました。", "被災地の支援に取り組んできた。"),
        ("対策はまだ十分ではありません。", "対策はまだ十分ではない。"),
        ("国の動向を踏まえまして、目標を見直します。", "国の動向を踏まえて、目標を見直す。"),
        ("事前の連絡はございませんでした。", "事前の連絡はなかった。"),
        ("これが最も有効な手段となるのでしょうか。", "これが最も有効な手段となるのか。"),
        # the aspect of going on before a wish, duty, need or question goes
        ("図書館の蔵書を充実していきたいと考えております。", "図書館の蔵書を充実したい。"),
        ("住民の声を丁寧に聞いていく必要がございます。", "住民の声を丁寧に聞く必要。"),
        ("防災訓練を毎年実施していくべきであります。", "防災訓練を毎年実施すべき。"),
        ("河川の改修をどのように進めていくのか伺います。", "河川の改修をどのように進めるのか。"),
        # ます inside a sentence is made plain on its verb
        ("市が設けます窓口で相談を受け付けます。", "市が設ける窓口で相談を受け付ける。"),
        (
            "審査に当たりましては、専門家の意見を聞きます。",
            "審査に当たっては、専門家の意見を聞く。",
        ),
        (
            "昨年、料金を改めましたが、利用は伸びていない。",
            "昨年、料金を改めたが、利用は伸びていない。",
        ),
        # a demonstrative before a noun goes; one that makes an adverb stays
        ("こうした支援を通じ、地域の商店街を守ります。", "支援を通じ、地域の商店街を守る。"),
        ("その後、この点について協議を進めます。", "その後、この点について協議を進める。"),
    ],
)
def test_compression_keeps_the_point(text: str, compressed: str) -> None:
    assert compress(text, "ja", 200) == compressed


def test_the_ask_or_decision_is_the_gist_not_the_signpost() -> None:
    speech = sentences(
        "次に、公共交通の維持について伺います。",
        "人口減少が進む地域では、路線バスの撤退が相次いでいます。",
        "高齢者の通院や買い物に支障が出ており、住民の不安は大きいものがあります。",
        "地域の実情に応じた移動手段の確保を都として支援すべきと考えますが、見解を伺います。",
    )
    scores = {s.id: 1.0 - 0.2 * i for i, s in enumerate(speech)}
    gist = make_gist(speech, scores, "ja", 50)
    assert "地域の実情に応じた移動手段の確保を都として支援すべき。" in gist
    assert "伺" not in gist and len(gist) <= 50
    ask = "地域の実情に応じた移動手段の確保を都として支援すべき。"
    assert make_gist(speech, scores, "ja", 30) == ask


def test_room_left_takes_the_next_point() -> None:
    answer = sentences(
        "子育て支援についてでございますが、保育所の定員を来年度までに二千人分ふやします。",
        "あわせて、病児保育の拡充を図ってまいります。",
    )
    gist = make_gist(answer, {"s0": 1.0, "s1": 0.9}, "ja", 60)
    assert gist == "保育所の定員を来年度までに二千人分ふやす。病児保育の拡充を図る。"


POOL = [
    "市は5日、防災計画の改定案を公表した。",
    "改定案では、避難所の数を現在の1.5倍にふやし、備蓄品も見直すとしている。",
    "市長は「命を守るための投資だ」と述べた。",
    "次に、公共交通について伺います。",
    "地域の移動手段の確保に向け、関係機関と協議を進めてまいります。",
    "The council approved the budget on Monday after a long debate.",
    "Critics say the plan does too little for renters in the city centre.",
]


@settings(max_examples=60, deadline=None)
@given(
    picked=st.lists(st.sampled_from(POOL), min_size=1, max_size=6),
    budget=st.integers(min_value=1, max_value=200),
    language=st.sampled_from(["ja", "en"]),
)
def test_the_gist_never_exceeds_its_budget(picked: list[str], budget: int, language: str) -> None:
    chosen = sentences(*picked)
    scores = {s.id: 1.0 / (1 + i) for i, s in enumerate(chosen)}
    gist = make_gist(chosen, scores, language, budget)
    assert len(gist) <= budget
    if language == "en" and gist:
        assert all(word in " ".join(picked).split() for word in gist.split())  # whole words


def test_summarize_gives_the_gist_within_gist_chars() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefgen", "summarize", str(SEEDS), "-q", "--gist-chars", "40"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    (source,) = json.loads(done.stdout)["sources"]
    assert 0 < len(source["gist"]) <= 40
    done = subprocess.run(
        [sys.executable, "-m", "briefgen", "summarize", str(SEEDS), "--gist-chars", "-1"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "--gist-chars" in done.stderr


def test_a_report_leads_with_its_lede_without_who_reported_it() -> None:
    report = sentences(
        "地元紙が報じたところによると、北川市は5日、市立病院の建て替え計画を正式に決めた。",
        "総事業費は約300億円で、2030年度の開院を目指す。",
        "市内では医師不足が長年の課題となっており、病床の再編も議論されてきた。",
    )
    # the ranker prefers the background; the lede says the point
    scores = {"s0": 0.4, "s1": 0.6, "s2": 1.0}
    gist = make_gist(report, scores, "ja", 60, lede=("s0", "s1"))
    assert gist.startswith("北川市は5日、市立病院の建て替え計画を正式に決めた。")


def test_a_question_put_to_someone_is_no_fact() -> None:
    from briefgen.ingest.text import parse_text
    from briefgen.options import Options
    from briefgen.summarize import summarize
    from briefgen.text import segment_source

    source = parse_text(
        "次に、公共交通の維持について伺います。\n"
        "路線バスの撤退が相次いでいます。\n"
        "移動手段の確保を都として支援すべきと考えますが、見解を伺います。\n",
        origin="q.txt", source_id="q", fallback_title="質問", language="ja",
    )  # fmt: skip
    sentences = segment_source(source)
    summary = summarize(source, sentences, Options())
    labels = [summary.labels[s.id][0] for s in sentences]
    assert labels == ["fact", "fact", "assessment"]  # the signpost is no point at all


def test_a_report_s_gist_stays_on_the_event_it_leads_with() -> None:
    texts = [
        "市は9日、新庁舎の建設計画を発表した。",
        "3月には別の計画が撤回されていた。",  # dated to another time: background
        "そこでは多くの市民が反対した。",  # leans on a sentence the gist leaves out
        "総事業費は約80億円になる見通しだ。",
    ]
    sentences = [Sentence(f"s{i}", t, 0, i, (0, len(t))) for i, t in enumerate(texts)]
    scores = {"s0": 1.0, "s1": 0.9, "s2": 0.8, "s3": 0.5}
    dates = {"s0": ["2027-06-09"], "s1": ["2027-03"]}  # the timeline's
    gist = make_gist(sentences, scores, "ja", 60, lede=("s0",), dates=dates)
    assert gist.startswith("市は9日、新庁舎の建設計画を発表した。")
    assert "総事業費" in gist and "3月" not in gist and "そこ" not in gist


# A speech sentence over the budget: its clauses (split at commas outside quotes).
LONG_SPEECH_SENTENCE = (
    "都はこれまで、区市町村と連携し、地域の見守り活動を支えてきましたが、"
    "今後は、高齢者の孤立を防ぐため、相談窓口を増やしてまいります。"
)


def test_a_speech_sentence_over_budget_keeps_its_predicate_and_the_clauses_valued_most() -> None:
    from briefgen.summarize.gist_model import GistModel

    plain = compress(LONG_SPEECH_SENTENCE, "ja", 500)
    assert plain.endswith("相談窓口を増やす。")
    budget = len(plain) - 8
    # A model valuing the first clause keeps it, one valuing the clause before the
    # predicate keeps that one; both keep the predicate, the text's order, the budget.
    first = compress(LONG_SPEECH_SENTENCE, "ja", budget, GistModel({}, {"first": 1.0}))
    near = compress(LONG_SPEECH_SENTENCE, "ja", budget, GistModel({}, {"before_last": 1.0}))
    for kept in (first, near):
        assert kept.endswith("相談窓口を増やす。") and len(kept) <= budget
        assert all(part in plain for part in kept.split("、"))
    assert first.startswith("都はこれまで、")
    assert "高齢者の孤立を防ぐため、相談窓口" in near and not near.startswith("都は")
    # A clause the model values at nothing or less is never kept, room or not.
    bare = compress(LONG_SPEECH_SENTENCE, "ja", budget, GistModel({}, {"bias": -1.0}))
    assert bare == "相談窓口を増やす。"


def test_a_report_sentence_over_budget_loses_its_leading_clauses() -> None:
    from briefgen.summarize.gist_model import shipped_model

    assert shipped_model().clause_weights  # the shipped model chooses a speech's clauses
    report = "大雨の影響で、県内の多くの道路が通行止めとなり、物流に大きな遅れが出ている。"
    kept = compress(report, "ja", 32)  # no clause model: a report's leading clauses go
    assert kept == "県内の多くの道路が通行止めとなり、物流に大きな遅れが出ている。"


def test_a_list_or_a_subject_stays_with_what_follows_it() -> None:
    from briefgen.summarize.gist import _clauses

    # A comma after a bare noun lists; after a noun's が or を the predicate is ahead.
    assert _clauses("市は、悪質、危険性の高い車両を、重点的に取り締まり、公表する。") == [
        "市は、",
        "悪質、危険性の高い車両を、重点的に取り締まり、",
        "公表する。",
    ]
    assert _clauses("知事は、直接民主制が、住民投票について、どう考えるか。") == [
        "知事は、",
        "直接民主制が、住民投票について、",
        "どう考えるか。",
    ]


def test_a_speech_leads_with_its_concrete_ask_not_a_general_one() -> None:
    # Written for this test. The general ask shares the most words with the rest
    # (centrality would pick it); the point of the question is the concrete proposal.
    from briefgen.ingest.text import parse_text
    from briefgen.options import Options
    from briefgen.summarize import summarize
    from briefgen.text import segment_source

    text = (
        "本日は質問の機会をいただき、ありがとうございます。\n"
        "保育士の不足について伺います。\n"
        "都内の認可保育所では、保育士が足りないために定員まで子どもを受け入れられない施設が"
        "増えており、保育士の確保は区市町村の共通の課題であります。\n"
        "保育士の確保について、都の認識を伺います。\n"
        "保育士の宿舎借り上げ支援の対象を、採用から十年目の保育士まで広げるべきと考えますが、"
        "知事の見解を伺います。\n"
    )
    source = parse_text(text, origin="t", source_id="s", fallback_title="", language="ja")
    found = segment_source(source)
    summary = summarize(source, found, Options(lede_sentences=1))
    (lede,) = [s.text for s in found if s.id in summary.lede]
    assert lede.startswith("保育士の宿舎借り上げ支援")


def test_polite_forms_inside_a_sentence_become_plain() -> None:
    # Written for this test: polite joints in the middle of an answer's sentence.
    text = (
        "新しい庁舎は、防災の拠点となるものでございまして、各地区におきまして説明会を"
        "開催いたしまして、来年度に着工いたします。"
    )
    gist = compress(text, "ja", 200)
    assert "ものであり、" in gist and "各地区で説明会を開催し、" in gist
    assert "ござい" not in gist and "おきまして" not in gist
    assert "立ち上げた協議会" in compress("市が立ち上げました協議会で検討いたします。", "ja", 200)
