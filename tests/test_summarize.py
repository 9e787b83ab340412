import pytest
from conftest import SEED

from briefgen.ingest import read_source
from briefgen.options import Options
from briefgen.summarize import summarize
from briefgen.text import segment_source


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    source = read_source(SEED)
    return source, segment_source(source)


def test_seed_summary_regression(seed, data_regression) -> None:  # type: ignore[no-untyped-def]
    source, sentences = seed
    summary = summarize(source, sentences, Options())
    text = {s.id: s.text for s in sentences}

    def point(i: str) -> dict[str, object]:
        label, speaker = summary.labels[i]
        found = {"id": i, "text": text[i], "score": summary.scores[i], "label": label}
        return {**found, "speaker": speaker} if speaker else found

    data_regression.check(
        {
            "lede": [point(i) for i in summary.lede],
            "sections": [
                {
                    "heading": source.sections[n].heading,
                    "sentences": sum(1 for s in sentences if s.section == n),
                    "key_points": [point(i) for i in ids],
                }
                for n, ids in enumerate(summary.key_points)
            ],
            "quotes": [
                {"id": i, "speaker": speaker}
                for i, (label, speaker) in summary.labels.items()
                if label == "quote"
            ],
            "timeline": [
                {
                    "date": e.date,
                    "resolution": e.resolution,
                    "phrase": text[e.sentence_id][e.span[0] : e.span[1]],
                    "sentence_id": e.sentence_id,
                }
                for e in summary.events
            ],
            "actors": [
                {
                    "name": a.name,
                    "kind": a.kind,
                    "mentions": a.mentions,
                    "first_sentence_id": a.first_sentence_id,
                    **({"role": a.role} if a.role else {}),
                }
                for a in summary.actors
            ],
        }
    )


def test_points_are_in_document_order_and_within_the_ratio(seed) -> None:  # type: ignore[no-untyped-def]
    source, sentences = seed
    for ratio in (0.2, 1 / 3, 0.5):
        summary = summarize(source, sentences, Options(key_point_ratio=ratio))
        order = {s.id: n for n, s in enumerate(sentences)}
        for n, ids in enumerate(summary.key_points):
            in_section = sum(1 for s in sentences if s.section == n)
            assert [order[i] for i in ids] == sorted(order[i] for i in ids)
            assert len(ids) <= max(1, int(in_section * ratio))
            assert all(next(s for s in sentences if s.id == i).section == n for i in ids)


def test_lede_comes_from_the_opening_and_is_not_repeated(seed) -> None:  # type: ignore[no-untyped-def]
    source, sentences = seed
    summary = summarize(source, sentences, Options())
    assert summary.lede[0] == "s1"
    assert len(summary.lede) == 2
    points = {i for ids in summary.key_points for i in ids}
    assert not points & set(summary.lede)
    one = summarize(source, sentences, Options(lede_sentences=1))
    assert len(one.lede) == 1 and one.lede[0] in summary.lede
    assert summarize(source, sentences, Options(lede_sentences=0)).lede == ()


def test_fragments_are_never_key_points(seed) -> None:  # type: ignore[no-untyped-def]
    source, sentences = seed
    summary = summarize(source, sentences, Options(key_point_ratio=0.5))
    chosen = {i for ids in summary.key_points for i in ids}
    fragments = {
        s.id for s in sentences if s.text in ("もう一つある。", "その背景を読み解いていく。")
    }
    assert fragments and not chosen & fragments


def test_two_sentence_lede_when_the_opening_sentence_is_also_the_best() -> None:
    from briefgen.ingest import parse_text

    source = parse_text(
        "date 2025-01-01 ロシアと中国の北極海協力\n\n"
        "ロシアと中国は北極海で協力関係を強化している。天気は良かった。"
        "ロシアと中国の協力は北極海の秩序に影響する。短い。\n",
        origin="x.txt", source_id="x", fallback_title="x",
    )  # fmt: skip
    sentences = segment_source(source)
    summary = summarize(source, sentences, Options())
    assert summary.lede == ("s1", "s3")


def test_a_number_of_points_is_that_many_in_all(seed) -> None:  # type: ignore[no-untyped-def]
    source, sentences = seed
    for count in (1, 4, 8):
        summary = summarize(source, sentences, Options(key_points=count))
        assert sum(len(ids) for ids in summary.key_points) == count
    everything = summarize(source, sentences, Options(key_points=1000, lede_sentences=0))
    # every sentence but the seed's one signpost ("その背景を読み解いていく。")
    assert sum(len(ids) for ids in everything.key_points) == len(sentences) - 1


def test_ranking_is_deterministic(seed) -> None:  # type: ignore[no-untyped-def]
    source, sentences = seed
    first = summarize(source, sentences, Options(key_points=6))
    again = summarize(source, sentences, Options(key_points=6))
    assert (first.lede, first.key_points, first.scores) == (
        again.lede,
        again.key_points,
        again.scores,
    )


def _explainer(body: str) -> tuple:  # type: ignore[type-arg]
    from briefgen.ingest import parse_text

    source = parse_text(body, origin="x.txt", source_id="x", fallback_title="x")
    return source, segment_source(source)


def test_a_bullet_list_does_not_swamp_the_points() -> None:
    bullets = "\n\n".join(
        f"・カードの容量は{n}GBで、転送速度は毎秒{n}MBのカード" for n in range(2, 14)
    )
    source, sentences = _explainer(
        "date 2025-01-01 メモリーカードの選び方\n\n"
        "メモリーカードは容量と転送速度で選ぶのがよい。\n\n"
        f"{bullets}\n\n"
        "動画を撮るなら、容量よりも転送速度を重視してカードを選ぶべきだ。\n\n"
        "写真だけなら、安いカードで十分に間に合う。\n"
    )
    summary = summarize(source, sentences, Options(key_points=3, lede_sentences=1))
    chosen = [s for s in sentences if s.id in {i for ids in summary.key_points for i in ids}]
    assert sum(1 for s in chosen if s.text.startswith("・")) <= 1


def test_the_same_thing_is_not_said_twice() -> None:
    source, sentences = _explainer(
        "date 2025-01-01 北極海の協力\n\n"
        "ロシアと中国は北極海で協力関係を強化している。"
        "ロシアと中国は北極海での協力関係を強化している。"
        "アメリカはロシアと中国の北極海での接近を警戒している。"
        "日本は北極海航路の利用を検討している。\n"
    )
    summary = summarize(source, sentences, Options(key_points=2, lede_sentences=1))
    picked = set(summary.lede) | {i for ids in summary.key_points for i in ids}
    assert not {"s1", "s2"} <= picked


def test_long_and_short_texts_rank_alike(seed) -> None:  # type: ignore[no-untyped-def]
    """The plain-Python graph (short texts) and numpy's (long ones) give the same ranks."""
    from briefgen.summarize import rank
    from briefgen.text.tokenize import content_words

    _, sentences = seed
    words = {s.id: content_words(s.text, "ja") for s in sentences}
    vectors = [v for v in rank._tfidf(sentences, words).values()]
    small = rank._lexrank_small(vectors)
    original, rank.SMALL = rank.SMALL, 0
    try:
        large = rank._lexrank(vectors)
    finally:
        rank.SMALL = original
    assert max(abs(a - b) for a, b in zip(small, large, strict=True)) < 1e-9


def test_boilerplate_far_apart_is_one_point() -> None:
    lines = [f"第{n}回の会合では、議題{n}について委員{n}名が議論した。" for n in range(600)]
    lines[0] = lines[300] = lines[599] = "この記事の無断転載を禁じます。"
    source, sentences = _explainer("date 2025-01-01 長い記録\n\n" + "\n\n".join(lines) + "\n")
    summary = summarize(source, sentences, Options(key_points=40))
    texts = [s.text for s in sentences]
    picked = [texts[int(i[1:]) - 1] for i in (*summary.lede, *sum(summary.key_points, ()))]
    assert len(picked) == len(set(picked))


def test_a_timeline_row_drops_how_the_speech_led_up_to_it() -> None:
    # Written for this test: an answer in an assembly, a topic signpost before the plan.
    source, sentences = _explainer(
        "date 2030-06-12 答弁\n\n"
        "次に、図書館の改修についてでございますが、中央図書館は、来年四月から仮の庁舎で"
        "業務を行う予定でございます。"
        "また、市民の意見を伺いながら、改修の内容を検討してまいります。\n"
    )
    summary = summarize(source, sentences, Options(key_points=2))
    (event,) = summary.events
    assert event.date == "2031-04"
    assert event.clause.startswith("中央図書館は、来年四月から")
