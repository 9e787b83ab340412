"""Actors: people, places and organizations, counted, with their first mention."""

from __future__ import annotations

from briefgen.model import Sentence
from briefgen.summarize.actors import actors


def sentences(*texts: str) -> list[Sentence]:
    return [Sentence(f"s{i + 1}", t, 0, 0, (0, len(t))) for i, t in enumerate(texts)]


def found(*texts: str) -> dict[str, tuple[str, int, str]]:
    return {
        a.name: (a.kind, a.mentions, a.first_sentence_id) for a in actors(sentences(*texts), "ja")
    }


def test_names_joined_by_a_middle_dot_and_their_short_forms() -> None:
    result = found(
        "窓口役のキリル・ドミトリエフが記事を発信した。",
        "ドミトリエフは会談に同席した。",
    )
    assert result["キリル・ドミトリエフ"] == ("person", 2, "s1")
    assert "ドミトリエフ" not in result and "キリル" not in result


def test_a_dot_between_two_people_who_also_stand_alone_is_two_names() -> None:
    result = found("プーチン・ウィトコフ会談が開かれた。", "プーチンは満足した。")
    assert result["プーチン"] == ("person", 2, "s1")
    assert "プーチン・ウィトコフ" not in result


def test_organizations_are_noun_runs_ending_in_an_organization_word() -> None:
    result = found("上海協力機構首脳会議の前に、ロシア直接投資基金CEOが語った。")
    assert result["上海協力機構"][0] == "organization"
    assert result["ロシア直接投資基金"][0] == "organization"
    assert "上海" not in result  # part of the organization's name here


def test_places_and_counts() -> None:
    result = found("アラスカで会談した。", "アラスカは中国に近い。", "中国は反発した。")
    assert result["アラスカ"] == ("place", 2, "s1")
    assert result["中国"] == ("place", 2, "s2")


def test_other_languages_have_no_actors_yet() -> None:
    assert actors(sentences("Putin met Trump in Alaska."), "en") == []


def test_acronyms_name_organizations() -> None:
    result = found("EUとNATOは協議した。")
    assert result["EU"][0] == "organization" and result["NATO"][0] == "organization"
