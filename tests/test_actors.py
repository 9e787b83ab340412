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


def test_languages_without_capitals_or_a_dictionary_have_none() -> None:
    assert actors(sentences("澳门大学今日举行典礼。"), "zh") == []


def spaced(language: str, *texts: str) -> dict[str, tuple[str, int, str]]:
    return {
        a.name: (a.kind, a.mentions, a.first_sentence_id)
        for a in actors(sentences(*texts), language)
    }


def test_names_in_a_language_with_capitals() -> None:
    result = spaced(
        "en",
        "The talks in Geneva were led by Jean-Baptiste Dupont and Ursula von der Leyen.",
        "Officials of NATO and the European Commission watched.",
        "Dupont said Geneva was ready.",
        "Yesterday it rained.",
    )
    assert result["Jean-Baptiste Dupont"] == ("person", 2, "s1")  # with its short form
    assert result["Ursula von der Leyen"][0] == "person"
    assert result["Geneva"] == ("place", 2, "s1")
    assert result["NATO"][0] == result["European Commission"][0] == "organization"
    assert not {"The", "Yesterday", "Officials", "Dupont"} & result.keys()


def test_inflected_names_are_one_actor() -> None:
    result = spaced(
        "ru",
        "Канцлер Германии Олаф Шольц прибыл в Варшаву.",
        "Хотя новый канцлер Шольц устал, он говорил в Варшаве о Германии.",
    )
    assert result["Олаф Шольц"] == ("person", 2, "s1")  # Германии is a name of its own
    assert result["Германии"][1] == 2
    assert result["Варшаву"] == ("place", 2, "s1")
    assert "Хотя Шольц" not in result and "Канцлер" not in result


def test_german_capitalizes_nouns_so_only_acronyms_and_organizations() -> None:
    result = spaced(
        "de",
        "Innenminister Horst Seehofer (CSU) wartet auf ein Urteil des Europäischen "
        "Gerichtshofs, das die Gerichte prüfen.",
        "Die EZB und die Bundesregierung streiten.",
    )
    assert result.keys() == {"CSU", "Europäischen Gerichtshofs", "EZB", "Bundesregierung"}


def test_names_at_the_start_of_a_sentence() -> None:
    result = spaced(
        "en",
        "Angela Merkel met Emmanuel Macron on Tuesday.",
        "NATO and the EU met in July.",
        "In Paris, Bank of America said the United States would act.",
        "Biden spoke.",
        "Hunter Biden and Joe Biden met.",
        '"We rebuild," said Mayor Tom Brown of Riverton.',
    )
    assert result["Angela Merkel"][0] == result["Emmanuel Macron"][0] == "person"
    assert result["NATO"][0] == result["EU"][0] == result["Bank of America"][0] == "organization"
    assert result["Paris"][0] == "place"
    assert result["United States"][0] == "other"  # "the": no person
    assert {"Hunter Biden", "Joe Biden", "Biden"} <= result.keys()  # two Bidens: no merging
    assert {"Tom Brown", "Riverton"} <= result.keys()  # his title is his role, not his name
    assert not {"Tuesday", "July", "In Paris"} & result.keys()


def test_acronyms_name_organizations() -> None:
    result = found("EUとNATOは協議した。")
    assert result["EU"][0] == "organization" and result["NATO"][0] == "organization"


def test_family_and_given_names_are_one_person() -> None:
    result = found("山路徹氏は、松本智津夫死刑囚について語った。")
    assert result["山路徹"][0] == "person" and result["松本智津夫"][0] == "person"
    assert not {"山路", "徹", "松本"} & result.keys()


def test_titles_the_dictionary_keeps_on_a_name_are_dropped() -> None:
    result = found("トランプ大統領は会談した。", "トランプ政権は反発した。")
    assert result["トランプ"] == ("person", 2, "s1")


def test_organizations_without_a_proper_noun_in_front() -> None:
    result = found(
        "警察庁と警視庁は、12月1日付日刊工業新聞の記事を否定した。", "同省は答えなかった。"
    )
    assert {"警察庁", "警視庁", "日刊工業新聞"} <= result.keys()
    assert all(result[n][0] == "organization" for n in ("警察庁", "警視庁", "日刊工業新聞"))
    assert not [n for n in result if n.startswith("日付") or n.startswith("同")]


def test_a_committee_names_its_ministry_too() -> None:
    result = found("計画を文部科学省宇宙開発委員会で報告した。")
    assert result["文部科学省宇宙開発委員会"][0] == "organization"
    assert result["文部科学省"][0] == "organization"


def test_places_keep_the_words_of_their_name() -> None:
    result = found("ベーリング海と北太平洋と阿寒湖の上空を飛んだ。", "埼玉県川口市で起きた。")
    assert {"ベーリング海", "北太平洋", "阿寒湖", "埼玉県", "川口市"} <= result.keys()
    assert not {"ベーリング", "太平洋", "阿寒", "埼玉県川口市"} & result.keys()


def test_foreign_names_the_dictionary_lacks() -> None:
    result = found(
        "ペシャーワルでは道路が封鎖された。",
        "夫とビラワル・バクトワール・アシーファの3人の子供がいる。",
        "ワシフ・アリー・カン氏が語った。",
    )
    assert "ペシャーワル" in result
    assert {"ビラワル", "バクトワール", "アシーファ"} <= result.keys()  # counted: three people
    assert result["ワシフ・アリー・カン"][0] == "person"


def test_eras_and_fragments_are_not_actors() -> None:
    assert not {"平成", "正"} & found("平成12年に、信者の正が語った。").keys()


def test_a_name_only_in_the_title() -> None:
    result = {
        a.name: a.first_sentence_id
        for a in actors(sentences("会談が開かれた。"), "ja", title="プーチンの勝利")
    }
    assert result == {"プーチン": "title"}


def test_a_title_after_a_name_makes_it_a_person() -> None:
    result = found(
        "ルーズベルトはチャーチル英首相を外した。", "ブットー元パキスタン首相が死亡した。"
    )
    assert result["チャーチル"][0] == "person"  # the dictionary's place (Churchill, Manitoba)
    assert result["パキスタン"][0] == "place"  # a country before 首相 stays a country
    assert "梅山" not in found("「梅山」号が入港した。")  # a ship: see test_things_are_not_actors


def test_a_city_before_its_mayor_stays_a_city() -> None:
    result = found("ニューヨーク市長とロンドン市長が会談した。")
    assert result["ニューヨーク"][0] == "place" and result["ロンドン"][0] == "place"


def test_a_named_team_is_an_organization_a_bare_one_is_not() -> None:
    result = found("はやぶさプロジェクトチームが報告した。", "プロジェクトチームを作る。")
    assert result["はやぶさプロジェクトチーム"][0] == "organization"
    assert "プロジェクトチーム" not in result


def test_an_organization_named_after_a_place_stays_whole() -> None:
    result = spaced(
        "en", "Ramen is big in Tokyo.", "Queues grew, the Tokyo Ramen Association said."
    )
    assert result["Tokyo Ramen Association"][0] == "organization"
    assert result["Tokyo"] == ("place", 1, "s1")


def test_things_named_by_their_class_or_model_are_not_actors() -> None:
    result = found(
        "中国海軍の空母「遼寧」が宮古海峡を通過した。",
        "共同訓練「レゾリュート・ドラゴン」を沖縄県で実施する。",
        "ゲーム機「プレイステーション5」と西安H-6戦略爆撃機。",
        "新党「れいわ新選組」が議席を得た。",
        "ロシアは2日に発表した。",
    )
    assert not {"遼寧", "レゾリュート", "レゾリュート・ドラゴン", "プレイステーション", "西安"} & (
        result.keys()
    )
    assert {"中国海軍", "宮古海峡", "沖縄県"} <= result.keys()
    assert "れいわ新選組" in result  # an organization's class keeps its name
    assert result["ロシア"][1] == 1  # 2日 is a date, not a model number


def test_a_title_next_to_a_name_is_the_persons_role() -> None:
    from briefgen.summarize.actors import role_english

    people = {
        a.name: a.role
        for a in actors(
            sentences(
                "トランプ大統領は、スターリン・ソ連首相とルーズベルト米大統領の会談に触れた。",
                "中国外務省の林報道官が批判した。トランプ氏も反論した。",
                "中谷元防衛相とプーチンが会った。",
            ),
            "ja",
        )
    }
    assert people["トランプ"] == "大統領"  # the title written most often
    assert people["スターリン"] == "首相" and people["ルーズベルト"] == "大統領"
    assert people["プーチン"] == ""  # no title in the text: no role
    assert role_english("大統領") == "President" and role_english("首相") == "Prime Minister"
    assert role_english("元防衛相") == "former Defense Minister"
    assert role_english("") == ""


def test_salience_weighs_mentions_the_title_the_lede_and_an_early_first_mention() -> None:
    from briefgen.summarize.actors import Found, salience

    positions = {"s1": 0.0, "s2": 0.5, "s3": 1.0}
    often = Found("ロシア", "place", 3, "s2", sentence_ids=("s2", "s3"))
    headline = Found("プーチン", "person", 2, "title", sentence_ids=("title", "s3"))
    early = Found("アラスカ", "place", 1, "s1", sentence_ids=("s1",))
    assert salience(often, positions) == 3 + 0.5
    assert salience(headline, positions) == 2 + 3 + 0.0
    assert salience(early, positions, lede={"s1"}) == 1 + 1 + 1.0


def test_a_speech_s_addressee_is_the_office_it_asks_most() -> None:
    from briefgen.summarize.actors import ASKED, addressee

    texts = [
        "保育所の整備について伺います。",
        "待機児童の解消に向けた知事の見解を伺います。",
        "学校の耐震化について、教育長にお伺いします。",
        "最後に、財源の確保について知事の所見を伺います。",
    ]
    sentences = [Sentence(f"s{n}", t, 0, 0, (0, len(t))) for n, t in enumerate(texts)]
    found = addressee(sentences)
    assert found is not None
    assert (found.name, found.role, found.mentions, found.sentence_ids) == (
        "知事",
        ASKED,
        2,
        ("s1", "s3"),
    )
    # A report that names a governor asks no one.
    plain = [Sentence("s0", "知事は会見で、来年度の予算案を発表した。", 0, 0, (0, 20))]
    assert addressee(plain) is None
