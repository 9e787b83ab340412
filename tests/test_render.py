import dataclasses
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx_text import docx_text

import briefgen
from briefgen.errors import RenderError
from briefgen.model import Bilingual
from briefgen.render import briefing_context, render_docx

JAPANESE = ("\u3040", "\u30ff")


TEMPLATES = ("briefing", "compact", "parallel")


@pytest.mark.parametrize("name", TEMPLATES)
def test_document_text_regression(
    name: str, seed_briefing, tmp_path: Path, file_regression
) -> None:  # type: ignore[no-untyped-def]
    path = seed_briefing.save_docx(tmp_path / "seed.docx", template=name)
    file_regression.check(docx_text(path), basename=f"seed_{name}", extension=".txt")


def test_template_context_regression(seed_briefing, data_regression) -> None:  # type: ignore[no-untyped-def]
    """The variables every template sees (documented in the README)."""

    def rounded(value: object) -> object:  # model scores vary in their last digits
        if isinstance(value, float):
            return round(value, 2)
        if isinstance(value, dict):
            return {k: rounded(v) for k, v in value.items()}
        if isinstance(value, list):
            return [rounded(v) for v in value]
        return value

    data_regression.check(rounded(briefing_context(seed_briefing)))


@pytest.mark.parametrize("name", TEMPLATES)
def test_same_input_gives_the_same_bytes(name: str, seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    again = briefgen.make_briefing([Path(seed_briefing.sources[0].origin)], model=_model())
    again = dataclasses.replace(again, metadata=seed_briefing.metadata)
    first = render_docx(seed_briefing, name)
    second = render_docx(again, name)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def _model() -> Path:
    from conftest import DEMO_MODEL

    return DEMO_MODEL


def test_japanese_text_gets_an_east_asian_font(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = Document(str(seed_briefing.save_docx(tmp_path / "fonts.docx")))
    styles = document.styles.element
    default_fonts = styles.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert default_fonts.get(qn("w:eastAsia"))
    japanese = [
        p for p in document.paragraphs if any(JAPANESE[0] <= ch <= JAPANESE[1] for ch in p.text)
    ]
    japanese += [
        p
        for t in document.tables
        for row in t.rows
        for p in row.cells[0].paragraphs
        if any(JAPANESE[0] <= ch <= JAPANESE[1] for ch in p.text)
    ]
    assert any(p.style.name == "Original" for p in japanese)
    for paragraph in japanese:
        rpr = paragraph.style.element.find(qn("w:rPr"))
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if paragraph.style.name in ("Original", "Original Under Bullet"):
            assert fonts.get(qn("w:eastAsia")) == "Yu Gothic"
        # Elsewhere (a name shown as written, ペンダゴン) the document's default applies.
        assert fonts is None or not fonts.get(qn("w:eastAsiaTheme"))  # a theme font would win
    assert {lang.get(qn("w:eastAsia")) for lang in styles.iter(qn("w:lang"))} - {None} == {"ja-JP"}


def test_chinese_sources_mark_east_asian_text_as_chinese(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chinese = dataclasses.replace(seed_briefing.sources[0], language="zh")
    briefing = dataclasses.replace(seed_briefing, sources=(chinese,))
    styles = Document(str(briefing.save_docx(tmp_path / "zh.docx"))).styles.element
    assert {lang.get(qn("w:eastAsia")) for lang in styles.iter(qn("w:lang"))} - {None} == {"zh-CN"}
    fonts = {f.get(qn("w:eastAsia")) for f in styles.iter(qn("w:rFonts"))} - {None}
    assert fonts == {"Microsoft YaHei"}


def test_source_text_is_escaped_not_evaluated(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nasty = '{{ 7*7 }} {% if true %}x{% endif %} <b>&amp; "q"'
    first = seed_briefing.sources[0]
    source = dataclasses.replace(first, title=Bilingual(nasty, nasty))
    briefing = dataclasses.replace(seed_briefing, sources=(source,), title="A & B <c>")
    text = docx_text(briefing.save_docx(tmp_path / "nasty.docx"))
    assert nasty in text
    assert "A & B <c>" in text
    assert "49" not in text


def test_failed_render_leaves_the_old_file(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "briefing.docx"
    out.write_bytes(b"old briefing")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a docx")
    with pytest.raises(RenderError, match=r"bad\.docx"):
        seed_briefing.save_docx(out, template=bad)
    assert out.read_bytes() == b"old briefing"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.docx", "briefing.docx"]


def one_line_template(folder: Path, line: str) -> Path:
    template = folder / "t.docx"
    document = Document()
    document.add_paragraph(line)
    document.save(str(template))
    return template


def test_template_with_an_unknown_variable_is_a_render_error(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = one_line_template(tmp_path, "{{ no_such_thing }}")
    with pytest.raises(RenderError, match="no_such_thing"):
        seed_briefing.save_docx(tmp_path / "x.docx", template=template)


def test_failing_template_expression_is_a_render_error(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = one_line_template(tmp_path, "{{ 1/0 }}")
    with pytest.raises(RenderError, match="ZeroDivisionError"):
        seed_briefing.save_docx(tmp_path / "x.docx", template=template)


def test_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    from briefgen._io import write_atomic

    out = tmp_path / "briefing.docx"
    out.write_bytes(b"old briefing")
    with pytest.raises(TypeError):
        write_atomic(out, "not bytes")  # type: ignore[arg-type]  # fails mid-write
    assert out.read_bytes() == b"old briefing"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.docx"]
    write_atomic(out, b"new briefing")
    assert out.read_bytes() == b"new briefing"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.docx"]


def test_a_named_pipe_is_written_to_never_replaced(tmp_path: Path) -> None:
    import os
    import threading

    from briefgen._io import write_atomic

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, b"summary")
    reader.join(timeout=10)
    assert received == [b"summary"]
    assert fifo.is_fifo()  # still the pipe, not a file put in its place


def test_a_control_character_in_a_source_loses_no_text(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # One U+0001 once made docxtpl's recovering parser drop every escaped < and >.
    first = seed_briefing.sources[0]
    title = Bilingual("見出し\x01 x < y", "Title\x01 x < y & z")
    source = dataclasses.replace(first, title=title)
    briefing = dataclasses.replace(seed_briefing, sources=(source,))
    text = docx_text(briefing.save_docx(tmp_path / "control.docx"))
    assert "Title x < y & z" in text and "見出し x < y" in text
    assert "\x01" not in text


def test_a_template_cannot_reach_python(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = one_line_template(tmp_path, "{{ title.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(RenderError, match=r"t\.docx"):
        seed_briefing.save_docx(tmp_path / "x.docx", template=template)
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("Intro {% for x in %} outro", "in {% for x in %}:"),
        ("{{ title }} and {{ sources[0].nope }}", "in {{ sources[0].nope }}:"),
    ],
)
def test_a_broken_template_names_its_tag(
    line: str, named: str, seed_briefing, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    template = one_line_template(tmp_path, line)
    with pytest.raises(RenderError) as raised:
        seed_briefing.save_docx(tmp_path / "x.docx", template=template)
    assert str(raised.value).startswith(f"{template}: template error {named}")
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("format", ["html", "md", "txt"])
def test_previews_regression(format: str, seed_briefing, tmp_path: Path, file_regression) -> None:  # type: ignore[no-untyped-def]
    path = seed_briefing.save(tmp_path / f"seed.{format}")
    file_regression.check(
        path.read_text(encoding="utf-8"), basename="seed_preview", extension=f".{format}"
    )


@pytest.mark.parametrize("format", ["html", "md"])
def test_previews_escape_source_text(format: str, seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nasty = "<script>alert(1)</script> [link](http://x.example) *stars* {{ 7*7 }}"
    first = seed_briefing.sources[0]
    source = dataclasses.replace(first, title=Bilingual(nasty, nasty))
    briefing = dataclasses.replace(seed_briefing, sources=(source,))
    text = briefing.save(tmp_path / f"nasty.{format}").read_text(encoding="utf-8")
    assert "<script>" not in text and "49" not in text
    if format == "html":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    else:
        assert "[link](http" not in text  # escaped: \[link\](http is no link
        assert r"\<script\>" in text and r"\[link\]" in text and r"\*stars\*" in text


def test_an_untranslated_briefing_makes_no_preview(tmp_path: Path) -> None:
    from conftest import SEEDS

    with pytest.raises(RenderError, match="not translated"):
        briefgen.summarize_sources(SEEDS).save(tmp_path / "x.html")


def test_a_classification_line_on_the_cover_and_every_page(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    briefing = dataclasses.replace(
        seed_briefing, classification="Internal: press desk only", author="Press desk"
    )
    path = briefing.save_docx(tmp_path / "c.docx")
    document = Document(str(path))
    assert document.sections[0].header.paragraphs[0].text.startswith("Internal: press desk only · ")
    assert "[Normal] Internal: press desk only" in docx_text(path)
    assert document.core_properties.category == "Internal: press desk only"
    assert document.core_properties.keywords == "briefing; Japanese"
    assert document.core_properties.author == "Press desk"
    plain = Document(str(seed_briefing.save_docx(tmp_path / "p.docx")))
    assert plain.sections[0].header.paragraphs[0].text.startswith("Briefing · ")


def test_a_timeline_picture_with_alt_text(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from briefgen.render.chart import timeline_png

    path = seed_briefing.save_docx(tmp_path / "t.docx")
    with zipfile.ZipFile(path) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
        xml = archive.read("word/document.xml").decode("utf-8")
    assert len(images) == 1
    assert 'descr="Timeline of 10 dated events, from 1943 to 31 August 2025' in xml
    png = timeline_png(seed_briefing.timeline)
    assert png and png.startswith(b"\x89PNG") and png == timeline_png(seed_briefing.timeline)


def _overlapping(boxes: list[tuple[str, tuple[float, float, float, float]]]) -> list[str]:
    return [
        f"{a!r} and {b!r}"
        for n, (a, first) in enumerate(boxes)
        for b, second in boxes[n + 1 :]
        if first[0] < second[2] and second[0] < first[2] and first[1] < second[3]
        and second[1] < first[3]
    ]  # fmt: skip


def test_the_timeline_pictures_texts_never_overlap(seed_briefing) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from briefgen.model import Event
    from briefgen.render.chart import MAX_LABELS, text_boxes
    from briefgen.render.context import event_date_text

    seed = text_boxes(seed_briefing.timeline)
    assert {"1943", "21 July 2024", "2 October 2024", "Sep 2025"} <= {t for t, _ in seed}
    assert _overlapping(seed) == []
    # Forty events eleven days apart, a far-off one, a range and two on one day: a
    # crowded axis and more dates than can be labelled.
    days = [dt.date(2024, 1, 3) + dt.timedelta(days=11 * k) for k in range(40)]
    dates = [d.isoformat() for d in days] + ["1990-05-01", "2024-03-01/2024-09-30"]
    events = [
        Event(date, "explicit", date, f"s{n}", Bilingual(date, date), "x")
        for n, date in enumerate([*dates, dates[5]])
    ]
    crowded = text_boxes(events)
    assert _overlapping(crowded) == []
    labels = {t for t, _ in crowded} & {event_date_text(d) for d in dates}
    assert 3 <= len(labels) <= MAX_LABELS
    assert {event_date_text("1990-05-01"), event_date_text(dates[39])} <= labels  # the ends
    assert event_date_text(dates[5]) in labels  # the busiest date
    ticks = {t for t, _ in crowded} - labels
    assert len(ticks) >= 4  # the axis still says when


def test_no_picture_and_no_pillow_for_a_short_timeline(tmp_path: Path) -> None:
    import subprocess
    import sys

    from conftest import DEMO_MODEL

    source = tmp_path / "short.txt"
    source.write_text("date 2025-01-02 会談\n\n2024年7月21日に会談した。\n", encoding="utf-8")
    out = tmp_path / "short.docx"
    code = (
        "import sys, briefgen; "
        f"b = briefgen.make_briefing({str(source)!r}, model={str(DEMO_MODEL)!r}); "
        f"b.save_docx({str(out)!r}); print('PIL' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
    with zipfile.ZipFile(out) as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]


def test_a_broken_tag_in_a_full_template_is_the_one_named(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from briefgen.render import copy_template

    copy = copy_template("briefing", tmp_path)
    document = Document(str(copy))
    document.add_paragraph("{{ title|uppr }}")  # no such filter, after tags holding &gt;
    document.save(str(copy))
    with pytest.raises(RenderError) as raised:
        seed_briefing.save_docx(tmp_path / "x.docx", template=copy)
    assert "template error in {{ title|uppr }}:" in str(raised.value)


def test_control_characters_in_the_title_and_classification(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    briefing = dataclasses.replace(seed_briefing, title="Weekly\x07", classification="Internal\x0c")
    document = Document(str(briefing.save_docx(tmp_path / "c.docx")))
    assert document.core_properties.title == "Weekly"
    assert document.core_properties.category == "Internal"


@pytest.mark.parametrize("format", ["html", "md", "txt"])
def test_previews_carry_the_classification(format: str, seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    briefing = dataclasses.replace(seed_briefing, classification="Internal: press desk")
    text = briefing.save(tmp_path / f"c.{format}").read_text(encoding="utf-8")
    body = text.split("<body>")[-1]
    assert body.index("Internal: press desk") < body.index("Briefing")


def test_a_source_from_a_url_links_to_it(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = "https://example.org/news?id=1&lang=ja"
    source = dataclasses.replace(seed_briefing.sources[0], origin=url)
    briefing = dataclasses.replace(seed_briefing, sources=(source,))
    path = briefing.save_docx(tmp_path / "link.docx")
    document = Document(str(path))
    targets = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert targets == [url]
    assert f"11 September 2025 · {url}" in docx_text(path)
    plain = seed_briefing.save_docx(tmp_path / "plain.docx")
    assert "· 000_e2ded19dbb0f8d00.txt" in docx_text(plain)


def test_page_one_says_the_point_of_the_seed(seed_briefing) -> None:  # type: ignore[no-untyped-def]
    source = seed_briefing.sources[0]
    (entry,) = briefing_context(seed_briefing)["first_page"]
    assert entry["gist"]["original"] == source.gist.original
    assert entry["title"]["original"] == source.title.original and entry["sources_text"] == ""
    facts, judged = entry["facts"], entry["assessments"]
    assert 1 <= len(facts) <= 3 and {p["label"] for p in facts} == {"fact"}
    assert 1 <= len(judged) <= 2 and {p["label"] for p in judged} <= {"assessment", "quote"}
    assert {p["holder_text"] for p in judged} == {"Assessment, the author"}
    # The best-scored facts of the source's points, in the text's order.
    points = [*source.lede, *(p for s in source.sections for p in s.points)]
    texts = [p.text.original for p in points]
    shown = [texts.index(p["original"]) for p in facts]
    assert shown == sorted(shown)
    left_out = [p for p in points if p.label == "fact" and p.text.original not in
                {f["original"] for f in facts}]  # fmt: skip
    better = [p.text.original for p in left_out if p.score > min(f["score"] for f in facts)]
    # Only the gist's own sentence (a run of it is in the gist) beats a fact shown.
    assert len(better) == 1
    assert any(better[0][k : k + 10] in source.gist.original for k in range(len(better[0])))
    assert entry["coming_up"] == []  # every event of the seed is before 11 September 2025
    # Who matters: six, by salience, no more than three places; roles from titles.
    who = entry["actors"]
    assert len(who) == 6 and sum(a["kind"] == "place" for a in who) == 3
    assert [a["original"] for a in who][:3] == ["ロシア", "アメリカ", "中国"]
    assert {"プーチン", "トランプ"} <= {a["original"] for a in who}
    assert "Trump (President)" in entry["actors_text"]


def test_coming_up_holds_what_is_dated_after_the_briefing(tmp_path: Path) -> None:
    source = tmp_path / "talks.txt"
    source.write_text(
        "date 2025-10-03 防衛相会談\n\n"
        "防衛相は2日、東京で米国防長官と会談した。"
        "陸上自衛隊と米海兵隊は11月10日から沖縄県で共同訓練を実施する。"
        "首相は来月、ワシントンで大統領と会談する方向で調整している。"
        "両政府は10月に協議を開く予定だ。\n",
        encoding="utf-8",
    )
    briefing = briefgen.summarize_sources([source])
    context = briefing_context(briefing)
    coming = [e["date"] for e in context["first_page"][0]["coming_up"]]
    assert coming == ["2025-11", "2025-11-10"]  # not the 2nd, not October (it began)
    assert [e["date"] for e in context["sources"][0]["coming_up"]] == coming
    later = dataclasses.replace(briefing, date=briefing.date.replace(month=12))
    assert briefing_context(later)["first_page"][0]["coming_up"] == []
    assert context["first_page"][0]["coming_up_more"] == 0


def test_page_one_s_coming_up_is_the_soonest_and_says_how_many_more(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    days = [f"{month}月{day}日" for month, day in ((11, 3), (11, 20), (12, 1), (12, 9), (12, 24))]
    plans = "".join(f"委員会は{when}に会合を開く予定だ。" for when in [*days, "1月15日", "2月2日"])
    source.write_text(f"date 2025-10-03 計画\n\n{plans}\n", encoding="utf-8")
    context = briefing_context(briefgen.summarize_sources([source]))
    entry = context["first_page"][0]
    assert [e["date"] for e in entry["coming_up"]] == [
        "2025-11-03", "2025-11-20", "2025-12-01", "2025-12-09", "2025-12-24"
    ]  # fmt: skip
    assert entry["coming_up_more"] == 2
    assert len(context["sources"][0]["coming_up"]) == 7  # the timeline keeps them all


def test_a_story_is_one_entry_of_page_one(seed_briefing) -> None:  # type: ignore[no-untyped-def]
    from briefgen.model import Story

    first = seed_briefing.sources[0]
    second = dataclasses.replace(first, source_id="copy", title=Bilingual("写し", "A copy"))
    points = tuple(
        dataclasses.replace(p, sources=(first.source_id, "copy"))
        for p in (*first.lede, *(p for section in first.sections for p in section.points))
    )
    story = Story(first.lede[0].text, (first.source_id, "copy"), points)
    briefing = dataclasses.replace(seed_briefing, sources=(first, second), stories=(story,))
    (entry,) = briefing_context(briefing)["first_page"]
    assert entry["sources_text"] == f"{first.title.english}; A copy"
    assert entry["gist"]["original"] == first.gist.original
    assert {p["original"] for p in entry["facts"]} <= {p.text.original for p in points}
    assert first.lede[0].text.original not in {p["original"] for p in entry["facts"]}
    assert entry["assessments"][0]["holder"] == f"the author of {first.title.english}"
    russia = next(a for a in entry["actors"] if a["original"] == "ロシア")
    assert russia["mentions"] == 2 * 13  # one actor across the story's sources


def test_who_matters_leaves_out_the_press_and_names_one_actor_once() -> None:
    from briefgen.model import Actor
    from briefgen.render.context import _who_matters

    def actor(name: str, kind: str, salience: float, mentions: int = 3) -> Actor:
        return Actor(Bilingual(name, ""), kind, mentions, "s1", salience=salience)

    actors = [
        actor("毎日新聞", "organization", 9.0),  # reports the story
        actor("平田", "place", 8.0),  # the same man, read as a place
        actor("平田信", "person", 7.0),
        actor("パキスタン", "place", 6.0),
        actor("竹芝", "place", 5.5, mentions=1),  # where something happened, named once
        actor("世界標準", "other", 5.2, mentions=1),  # a thing named once
        actor("パキスタン人民党", "organization", 5.0),  # another actor
        actor("時事通信", "organization", 4.0),
        actor("山田", "person", 3.0, mentions=1),  # a person named once still acts
    ]
    names = [a.name.original for a in _who_matters(actors)]
    assert names == ["平田", "パキスタン", "パキスタン人民党", "山田"]


def test_who_matters_keeps_the_office_a_speech_asks() -> None:
    from briefgen.model import Actor
    from briefgen.render.context import WHO_MATTERS, _who_matters
    from briefgen.summarize.actors import ASKED

    actors = [
        Actor(Bilingual(f"名前{n}", ""), "person", 5, "s1", salience=9.0 - n)
        for n in range(WHO_MATTERS)
    ]
    asked = Actor(
        Bilingual("知事", "Governor"), "person", 1, "s9", Bilingual(ASKED, "asked"), salience=0.5
    )
    chosen = _who_matters([*actors, asked])
    assert len(chosen) == WHO_MATTERS
    assert chosen[-1] is asked and actors[-1] not in chosen


def test_page_one_says_what_the_text_concludes_beside_what_others_said(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(
        "date 2027-03-10 港湾計画\n\n"
        "北浦県は9日、港の拡張計画を正式に決めた。"
        "知事は「港は県の将来を左右する」と述べた。"
        "漁協の組合長は「漁場への影響が心配だ」と語った。"
        "岸壁の延長は約300メートルで、総事業費は約120億円となる。"
        "工事は来年度に始まり、5年で終える計画だ。"
        "ただ、資材の高騰が続けば、事業費はさらに膨らむとみられる。\n",
        encoding="utf-8",
    )
    entry = briefing_context(briefgen.summarize_sources([source]))["first_page"][0]
    said = [a["original"] for a in entry["assessments"]]
    # The text's own conclusion is said once: in the gist, or as the last assessment.
    concluded = "資材の高騰が続けば、事業費はさらに膨らむ"
    in_gist = concluded in entry["gist"]["original"]
    assert in_gist != any(concluded in text for text in said)
    assert in_gist or said[-1].startswith("ただ、資材の高騰が続けば")
    assert len(said) <= 2
