import pytest

from briefgen.text import segment_source, split_sentences


def texts(paragraph: str) -> list[str]:
    return [text for text, _ in split_sentences(paragraph)]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("雨が降った。風も吹いた！本当か？", ["雨が降った。", "風も吹いた！", "本当か？"]),
        # 。 inside quotes and brackets does not end the sentence
        (
            "彼は「行く。もう決めた。」と言った。次だ。",
            ["彼は「行く。もう決めた。」と言った。", "次だ。"],
        ),
        ("『題。副題』と題した記事だ。以上。", ["『題。副題』と題した記事だ。", "以上。"]),
        (
            "試み（かつて。そうだった）には警戒する。終わり。",
            ["試み（かつて。そうだった）には警戒する。", "終わり。"],
        ),
        ('He said "no. never." Then left.', ['He said "no. never." Then left.']),
        # a quoted sentence on its own, closing mark kept with it
        ("「全部だ。」「次も。」", ["「全部だ。」", "「次も。」"]),
        # a bracket after a quoted title annotates it: the sentence goes on
        (
            "番組「朝だ!」(月〜金 8時)で、彼が話した。次。",
            ["番組「朝だ!」(月〜金 8時)で、彼が話した。", "次。"],
        ),
        ("本当か！？」と聞いた。", ["本当か！？」", "と聞いた。"]),
        # ASCII and full-width forms
        ("行く!来る?", ["行く!", "来る?"]),
        ("行く！！そうか？！終わり", ["行く！！", "そうか？！", "終わり"]),
        # ellipses do not end a sentence; the 。 after them does
        ("これによると……。そうだ…だから", ["これによると……。", "そうだ…だから"]),
        # abbreviations and decimals are not sentence ends
        ("ワシントンD.C.での会談。3.5%増えた。", ["ワシントンD.C.での会談。", "3.5%増えた。"]),
        ("The U.S. said so. Then.", ["The U.S. said so.", "Then."]),
        # dates with stray spaces stay inside one sentence
        (
            "さらに同年10 月2 日、今度は入った。次。",
            ["さらに同年10 月2 日、今度は入った。", "次。"],
        ),
        # the seed's typo: a sentence that ends on 初めて。
        ("警戒し初めて。米ペンダゴンが発表した。", ["警戒し初めて。", "米ペンダゴンが発表した。"]),
        # an unmatched opening quote does not swallow the rest of the paragraph
        ("彼は「行く。と言った。次だ。", ["彼は「行く。", "と言った。", "次だ。"]),
        ("終わりのない文", ["終わりのない文"]),
        ("  前後の空白。  ", ["前後の空白。"]),
        ("", []),
    ],
)
def test_split_sentences(paragraph: str, expected: list[str]) -> None:
    assert texts(paragraph) == expected


def test_spans_point_at_the_exact_text() -> None:
    paragraph = "  一つ目。「二つ目。」と言う。 三つ目！"
    for text, (start, end) in split_sentences(paragraph, offset=100):
        assert paragraph[start - 100 : end - 100] == text


def test_seed_sentences_have_exact_spans_and_ids(seed_source) -> None:  # type: ignore[no-untyped-def]
    from briefgen.text import segment_source

    sentences = segment_source(seed_source)
    assert len(sentences) == 33
    assert [s.id for s in sentences] == [f"s{i}" for i in range(1, 34)]
    for s in sentences:
        assert seed_source.text[s.span[0] : s.span[1]] == s.text
    assert sentences[0].text.startswith("8月15日にアラスカ")
    assert sentences[-1].text.endswith("障害でしかないのである。")
    assert [s.section for s in sentences].count(3) == 8


@pytest.fixture
def seed_source():  # type: ignore[no-untyped-def]
    from conftest import SEED

    from briefgen.ingest import read_source

    return read_source(SEED)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # an ASCII quote that opens the next sentence stays with it
        ('彼は去った。"なぜ？"と彼女は聞いた。', ["彼は去った。", '"なぜ？"と彼女は聞いた。']),
        # full-width periods end sentences, except between digits
        ("雨が降った．風も吹いた．３．５だ．", ["雨が降った．", "風も吹いた．", "３．５だ．"]),
        # thousands of unmatched brackets: still split, and quickly
        ("（" * 5000 + "本文。次。" + "」" * 5000, ["（" * 5000 + "本文。", "次。" + "」" * 5000]),
    ],
)
def test_split_sentences_more(paragraph: str, expected: list[str]) -> None:
    assert texts(paragraph) == expected


def test_a_list_item_s_bullet_is_not_part_of_its_sentence() -> None:
    from briefgen.ingest import parse_text

    source = parse_text(
        "date 2025-01-01 注意点\n\n・金融庁は注意を呼びかけた。\n\n- The bank agreed.\n",
        origin="x.txt", source_id="x", fallback_title="x",
    )  # fmt: skip
    sentences = segment_source(source)
    assert [s.text for s in sentences] == ["金融庁は注意を呼びかけた。", "The bank agreed."]
    assert all(source.text[s.span[0] : s.span[1]] == s.text for s in sentences)


def test_a_question_mark_inside_a_url_ends_nothing() -> None:
    text = "See https://example.org/path?x=1&y=2 for more. Then go."
    assert [s for s, _ in split_sentences(text, language="en")] == [
        "See https://example.org/path?x=1&y=2 for more.",
        "Then go.",
    ]
