"""The subject a Japanese sentence leaves out, carried over from another name."""

from __future__ import annotations

from briefgen.model import Found, Sentence
from briefgen.summarize.subjects import borrowed_subjects, main_actors
from briefgen.text.tokenize import tokenize_ja


def _borrowed(title: str, paragraphs: list[list[str]], actors: list[str]) -> dict[str, str]:
    sentences: list[Sentence] = []
    for index, paragraph in enumerate(paragraphs):
        for text in paragraph:
            sentences.append(Sentence(f"s{len(sentences)}", text, 0, index, (0, len(text))))
    tokens = {s.id: tokenize_ja(s.text) for s in sentences}
    found = borrowed_subjects(sentences, tokens, title, actors)
    return {s.text: found[s.id] for s in sentences if s.id in found}


def test_a_rival_plan_keeps_its_subject() -> None:
    borrowed = _borrowed(
        "北山大学、月探査機の開発計画を発表",
        [
            ["北山大学は1日、小型の月探査機「つきかげ」の開発計画を発表した。"],
            ["打ち上げは2027年の予定だ。"],  # the main subject's
            ["一方、南海工科大学は月面車の計画を先月公表した。"],  # names its own
            ["車体の重さは20キロで、2029年に月面に着く。"],  # the rival's
            ["開発費は約40億円となる。"],  # still the rival's
            ["「つきかげ」は月の裏側を撮影する。"],  # back to the main subject
            ["費用は約30億円だ。"],
        ],
        ["北山大学", "南海工科大学"],
    )
    assert borrowed == {
        "車体の重さは20キロで、2029年に月面に着く。": "南海工科大学",
        "開発費は約40億円となる。": "南海工科大学",
    }


def test_a_list_label_names_what_follows_it() -> None:
    borrowed = _borrowed(
        "色々なカードを解説",
        [
            ["カードには三つの大きさがある。"],
            ["ミニ型"],  # a list item's head
            ["手のひらほどの大きさで、重さは1キロだ。", "電池は一日もつ。"],
            ["主な特徴"],  # a label that names no thing
            ["どれも水に強い。"],
        ],
        [],
    )
    assert borrowed == {
        "手のひらほどの大きさで、重さは1キロだ。": "ミニ型",
        "電池は一日もつ。": "ミニ型",
    }


def test_a_topic_ends_with_its_paragraph_and_at_the_first_person() -> None:
    borrowed = _borrowed(
        "川の調査について",
        [
            [
                "市は今年、川の調査を始めた。",
                "東区の田中一郎さんは長年この川を調べてきた。",
                "水の量は昔の半分になった。",  # what he found
                "私はその記録を読み、驚いた。",  # the writer's own
                "魚の数も減っている。",
            ],
            ["調査は来年まで続く。", "結果は秋に出る。"],  # a new paragraph
        ],
        ["田中一郎"],
    )
    assert borrowed == {"水の量は昔の半分になった。": "東区の田中一郎さん"}


def test_the_main_actors_are_those_mentioned_most() -> None:
    def found(name: str, mentions: int) -> Found:
        return Found(name, "organization", mentions, "s1")

    ranked = [found("北山大学", 6), found("南海工科大学", 1), found("文部省", 3), found("市", 2)]
    assert main_actors(ranked) == ["北山大学", "文部省"]  # 市: under half of 6
    # Named once each, none stands out: every one is the text's own.
    assert main_actors([found("区", 1), found("都", 1)]) == ["区", "都"]
    assert main_actors([]) == []
