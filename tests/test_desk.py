"""The daily desk: a config file, stories across sources, what is new since yesterday."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, ROOT
from docx_text import docx_text

import briefgen
from briefgen.desk import ConfigError, DeskConfig
from briefgen.desk.config import EXAMPLE
from briefgen.desk.state import DeskState

DESK = ROOT / "tests" / "desk"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["briefgen", *args], capture_output=True, text=True, env=env or os.environ.copy()
    )


def test_the_example_config_parses_and_unknown_keys_are_named(tmp_path: Path) -> None:
    config = DeskConfig.from_dict(__import__("tomllib").loads(EXAMPLE), folder=tmp_path)
    assert config.sources == ("sources/",)
    assert config.path(config.output, dt.date(2026, 11, 28)) == (
        tmp_path / "briefings" / "briefing-2026-11-28.docx"
    )
    bad = tmp_path / "desk.toml"
    bad.write_text('sources = ["a"]\ntitel = "x"\n')
    with pytest.raises(ConfigError) as caught:
        DeskConfig.load(bad)
    assert str(caught.value) == f"{bad}: unknown key 'titel'; did you mean 'title'?"
    bad.write_text('sources = ["a"]\n[email]\nto = "desk@example.org"\ncopy = true\n')
    with pytest.raises(ConfigError, match=r"desk.toml \[email\]: unknown key 'copy'"):
        DeskConfig.load(bad)
    bad.write_text("points = true\n")
    with pytest.raises(ConfigError, match=r"points must be a number"):
        DeskConfig.load(bad)
    bad.write_text("title = [\n")
    with pytest.raises(ConfigError, match=r"desk.toml: not valid TOML"):
        DeskConfig.load(bad)


def test_a_bad_config_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "desk.toml"
    bad.write_text("titel = 'x'\n")
    done = run("make", "--config", str(bad))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"briefgen: error: {bad}: unknown key 'titel'; did you mean 'title'?"
    ]


def test_init_writes_an_example_that_runs_after_editing_its_sources(tmp_path: Path) -> None:
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(tmp_path / "packages"))
    assert run("models", "install", str(DEMO_MODEL), env=env).returncode == 0
    desk = tmp_path / "desk"
    desk.mkdir()
    config = desk / "desk.toml"
    done = run("init", str(config))
    assert done.returncode == 0 and config.read_text() == EXAMPLE
    assert run("init", str(config)).returncode == 2  # never replaced
    config.write_text(EXAMPLE.replace('sources = ["sources/"]', f'sources = ["{DESK}/*.txt"]'))
    done = run("make", "--config", str(config), "-q", env=env)
    assert done.returncode == 0, done.stderr
    (written,) = (desk / "briefings").glob("briefing-*.docx")
    assert written.name == f"briefing-{dt.date.today().isoformat()}.docx"
    assert "[Title] Morning briefing" in docx_text(written)


def test_examples_desk_toml_makes_the_briefing_and_the_email(tmp_path: Path) -> None:
    out, eml = tmp_path / "b.docx", tmp_path / "b.eml"
    done = run("make", "--config", str(ROOT / "examples" / "desk.toml"), "-o", str(out),
               "--eml", str(eml), "--state", str(tmp_path / "state.sqlite"), "-q")  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = docx_text(out)
    assert "[Title] Japan press briefing" in text and "Internal: press desk only" in text
    message = eml.read_text()
    assert "To: desk@example.org" in message and "Subject: Japan press briefing" in message


def test_flags_win_over_the_config(tmp_path: Path) -> None:
    config = tmp_path / "desk.toml"
    config.write_text(
        f'sources = ["{DESK}/rates.txt"]\ntitle = "From the file"\n'
        f'output = "file.docx"\nmodel = "{DEMO_MODEL}"\n'
    )
    out = tmp_path / "flag.docx"
    done = run("make", "--config", str(config), str(DESK / "football.txt"), "--title",
               "From the flag", "-o", str(out), "-q", "--no-state")  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = docx_text(out)
    assert "[Title] From the flag" in text and " · 1 source" in text
    assert "サッカー" in text and "日銀" not in text  # the sources named replace the file's
    assert not (tmp_path / "file.docx").exists()


def test_stories_group_the_same_events_and_merged_points_name_both_sources() -> None:
    briefing = briefgen.make_briefing(DESK, model=DEMO_MODEL)
    assert [story.source_ids for story in briefing.stories] == [
        ("port-a", "port-b"),
        ("typhoon-a", "typhoon-b"),
    ]
    for story in briefing.stories:
        merged = [p for p in story.points if len(p.sources) == 2]
        assert merged, f"{story.source_ids}: no point said by both"
        assert story.gist.original in [p.text.original for p in story.points]


def test_page_one_is_organized_by_story(tmp_path: Path) -> None:
    briefing = briefgen.make_briefing(DESK, model=DEMO_MODEL)
    text = docx_text(briefing.save_docx(tmp_path / "b.docx"))
    page_one = text[: text.index("[Heading 1]")]
    titles = {s.source_id: s.title.english for s in briefing.sources}
    # Four entries: two stories, two lone sources, each with its gist once.
    assert page_one.count("[Heading 2] ") == 4 and page_one.count("[Gist] ") == 4
    assert page_one.count("Reported by: ") == 2
    assert f"Reported by: {titles['port-a']}; {titles['port-b']}" in page_one
    # A story's key facts come from its merged points, whichever source said them.
    merged = {p.text.english for story in briefing.stories for p in story.points}
    stories = [e for e in page_one.split("[Heading 2] ")[1:] if "Reported by: " in e]
    assert len(stories) == 2
    for entry in stories:
        facts = entry.split("[Lead-in] Key facts\n")[1].split("[Lead-in]")[0]
        lines = [line.removeprefix("[List Bullet] ") for line in facts.splitlines()]
        assert lines and set(lines) <= merged


def test_what_is_new_across_three_runs(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(DESK, sources)
    state = DeskState(tmp_path / "state.sqlite")

    def run_desk(**options: bool) -> briefgen.Briefing:
        made = state.mark(briefgen.make_briefing(sources, model=DEMO_MODEL), **options)
        state.record(made)
        return made

    first = run_desk()
    assert first.news is not None and first.news.since is None
    assert first.news.text() == "first briefing of this desk: everything is new"
    assert {s.status for s in first.sources} == {"new"}

    second = run_desk()
    assert second.news is not None and second.news.nothing_new
    assert second.news.text() == f"nothing new since {dt.date.today().isoformat()}"

    (sources / "ferry.txt").write_text(
        "date 2026-08-14 離島航路に新型フェリー\n\n"
        "長崎県は14日、五島列島を結ぶ航路に新型フェリーを導入すると発表した。\n"
        "運航は来年4月に始まる予定だ。\n",
        encoding="utf-8",
    )
    edited = sources / "port-b.txt"
    edited.write_text(
        edited.read_text(encoding="utf-8")
        + "国土交通省は、来月にも地元で説明会を開く方針を明らかにした。\n",
        encoding="utf-8",
    )
    third = run_desk()
    status = {s.source_id: s.status for s in third.sources}
    assert status == {
        "ferry": "new", "port-b": "updated", "port-a": "reported",
        "typhoon-a": "reported", "typhoon-b": "reported", "rates": "reported",
        "football": "reported",
    }  # fmt: skip
    news = third.news
    assert news is not None
    assert (news.new_sources, news.updated_sources, news.reported_sources) == (1, 1, 5)
    for source in third.sources:
        points = [*source.lede, *(p for s in source.sections for p in s.points)]
        if source.status == "reported":
            assert {p.status for p in points} == {"reported"}
        if source.source_id == "ferry":
            assert {p.status for p in points} == {"new"}
    port_b = next(s for s in third.sources if s.source_id == "port-b")
    port_b_points = [*port_b.lede, *(p for s in port_b.sections for p in s.points)]
    for point in port_b_points:  # known sentences stay reported; the rest is updated
        expected = "updated" if "説明会" in point.text.original else "reported"
        assert point.status == expected
    assert "updated" in {p.status for p in port_b_points}

    only = state.mark(briefgen.make_briefing(sources, model=DEMO_MODEL), only_new=True)
    assert only.sources == ()  # everything in it was recorded by the third run
    assert only.news is not None and only.news.nothing_new and only.news.left_out


def test_only_new_leaves_out_what_was_reported(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    sources = tmp_path / "sources"
    shutil.copytree(DESK, sources)
    args = ("make", str(sources), "--model", str(DEMO_MODEL), "--state", str(state))
    assert run(*args, "-o", str(tmp_path / "1.docx"), "-q").returncode == 0
    (sources / "rates.txt").write_text(
        (DESK / "rates.txt").read_text(encoding="utf-8")
        + "円相場は一時1ドル140円台まで上昇した。\n",
        encoding="utf-8",
    )
    done = run(*args, "-o", str(tmp_path / "2.docx"), "--only-new")
    assert done.returncode == 0, done.stderr
    assert "what is new: 0 new, 1 updated, 5 already reported source(s)" in done.stderr
    text = docx_text(tmp_path / "2.docx")
    assert " · 1 source · what is new: 0 new, 1 updated, 5 already reported source(s)" in text


def test_a_corrupt_state_file_is_set_aside_and_the_run_goes_on(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    state.write_bytes(b"this is not a database" * 100)
    done = run("make", str(DESK / "rates.txt"), "--model", str(DEMO_MODEL), "--state",
               str(state), "-o", str(tmp_path / "b.docx"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "unreadable" in warnings[0] and "set aside as" in warnings[0]
    assert len(list(tmp_path.glob("state.sqlite.corrupt-*"))) == 1
    assert "first briefing of this desk" in done.stderr


def test_run_desk_from_python_with_the_config_names(tmp_path: Path) -> None:
    from briefgen.desk import EmailSettings, run_desk

    config = DeskConfig(
        sources=(str(DESK),),
        title="Desk",
        output=str(tmp_path / "briefing-{date}.docx"),
        model=str(DEMO_MODEL),
        points="25%",
        state=str(tmp_path / "state.sqlite"),
        email=EmailSettings(eml=str(tmp_path / "briefing-{date}.eml"), to=("desk@example.org",)),
    )
    first = run_desk(config, date=dt.date(2026, 11, 28))
    assert first.docx == tmp_path / "briefing-2026-11-28.docx" and first.docx.exists()
    assert first.eml is not None and "To: desk@example.org" in first.eml.read_text()
    assert len(first.briefing.stories) == 2
    assert first.briefing.news is not None and first.briefing.news.since is None
    second = run_desk(config, date=dt.date(2026, 11, 29))
    assert second.briefing.news is not None and second.briefing.news.nothing_new
    assert "what is new: nothing new since" in docx_text(second.docx)


def test_a_changed_figure_is_new_and_marked_new_in_the_document(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    rates = sources / "rates.txt"
    body = (DESK / "rates.txt").read_text(encoding="utf-8")
    rates.write_text(body, encoding="utf-8")
    state = DeskState(tmp_path / "state.sqlite")
    state.record(briefgen.make_briefing(sources, model=DEMO_MODEL))
    rates.write_text(body.replace("0.5%", "0.75%"), encoding="utf-8")
    marked = state.mark(briefgen.make_briefing(sources, model=DEMO_MODEL))
    (source,) = marked.sources
    points = [*source.lede, *(p for s in source.sections for p in s.points)]
    changed = [p for p in points if "0.75%" in p.text.original]
    assert changed and all(p.status == "updated" for p in changed)  # not "already reported"
    text = docx_text(marked.save_docx(tmp_path / "b.docx"))
    assert "Updated" in text


def test_config_values_are_checked_like_flags(tmp_path: Path) -> None:
    config = tmp_path / "desk.toml"
    for line, problem in (
        ("lede = 5", "lede = '5': must be 0, 1 or 2"),
        ("beam = 1000000", "beam = '1000000': must be from 1 to 32"),
        ('device = "tpu"', "device = 'tpu': must be auto, cpu or cuda"),
        ('output = "out-{dat}.docx"', "output has {dat}; the only placeholder is {date}"),
        ('points = "abc"', "points: 'abc' is neither a whole number"),
    ):
        config.write_text(f'sources = ["x"]\n{line}\n')
        done = run("make", "--config", str(config))
        assert done.returncode == 2, line
        assert done.stderr.startswith(f"briefgen: error: {config}: {problem}"), done.stderr
    config.write_text('points = 0.25\nsources = ["x"]\n')
    assert DeskConfig.load(config).points == 0.25
    done = run("make", str(DESK), "-o", str(tmp_path / "b.docx"), "--beam", "100000")
    assert done.returncode == 2 and "--beam 100000: must be from 1 to 32" in done.stderr
    done = run("make", str(DESK), "-o", str(tmp_path / "b.docx"), "--only-new", "--no-state")
    assert done.returncode == 2 and "--only-new needs the desk's state" in done.stderr


def test_earlier_briefings_in_the_sources_folder_are_not_sources(tmp_path: Path) -> None:
    shutil.copy(DESK / "rates.txt", tmp_path / "rates.txt")
    config = tmp_path / "desk.toml"
    config.write_text(
        f'sources = ["."]\noutput = "briefing-{{date}}.docx"\nmodel = "{DEMO_MODEL}"\n'
        'state = "state.sqlite"\n'
    )
    for day in ("2026-11-28", "2026-11-29"):
        done = run("make", "--config", str(config), "--date", day)
        assert done.returncode == 0, done.stderr
        assert "reading 1 source file(s)" in done.stderr
    assert len(list(tmp_path.glob("briefing-*.docx"))) == 2


def test_only_new_keeps_only_new_points_in_the_stories(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(DESK, sources)
    state = DeskState(tmp_path / "state.sqlite")
    state.record(briefgen.make_briefing(sources, model=DEMO_MODEL))
    edited = sources / "typhoon-b.txt"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "鉄道各社も13日の計画運休を発表した。\n",
        encoding="utf-8",
    )
    only = state.mark(briefgen.make_briefing(sources, model=DEMO_MODEL), only_new=True)
    assert [s.source_id for s in only.sources] == ["typhoon-b"]
    assert only.stories == ()  # one source left: no story, and no point reported before


@pytest.mark.parametrize("suffix", [".md", ".txt", ".html"])
def test_previews_list_the_stories_first(tmp_path: Path, suffix: str) -> None:
    briefing = briefgen.make_briefing(DESK, model=DEMO_MODEL)
    text = briefing.save(tmp_path / f"p{suffix}").read_text(encoding="utf-8")
    assert text.count("Reported by: ") == 2
    # The page-1 entries (stories with who reported them) come before any source.
    assert text.rindex("Reported by: ") < text.index(briefing.sources[0].title.original)
    assert text.index("Coming up") < text.index(briefing.sources[0].title.original)


def test_an_updated_source_shows_its_changed_and_new_sentences(tmp_path: Path) -> None:
    """Whatever the summary would pick, the sentences that changed since the last
    briefing are its points, marked updated, each with the wording it replaced."""
    sentences = [
        "北川市は5日、来年度の当初予算案を発表した。",
        "一般会計の総額は過去最大の820億円となった。",
        "子育て支援の拡充に重点を置いた。",
        "市長は記者会見で「将来への投資だ」と述べた。",
        "防災対策として避難所の改修費も盛り込んだ。",
        "市税収入は前年度並みを見込む。",
        "予算案は来月の市議会に提出される。",
        "財源不足は基金の取り崩しで補う。",
    ]
    source = tmp_path / "sources" / "budget.txt"
    source.parent.mkdir()
    source.write_text("date 2026-03-06 北川市予算案\n\n" + "".join(sentences), encoding="utf-8")
    state = DeskState(tmp_path / "state.sqlite")
    state.record(briefgen.make_briefing(source, model=DEMO_MODEL))

    edited = list(sentences)
    edited[5] = "市税収入は前年度を3%上回ると見込む。"  # a changed sentence, late and minor
    edited.append("市議会の野党会派は基金頼みの編成を批判している。")  # a new one
    source.write_text("date 2026-03-06 北川市予算案\n\n" + "".join(edited), encoding="utf-8")
    marked = state.mark(briefgen.make_briefing(source, model=DEMO_MODEL), only_new=True)
    (brief,) = marked.sources
    assert brief.status == "updated"
    points = [*brief.lede, *(p for s in brief.sections for p in s.points)]
    by_text = {p.text.original: p for p in points}
    assert by_text[edited[5]].status == "updated"
    assert by_text[edited[5]].earlier == sentences[5]
    assert by_text[edited[-1]].status == "updated" and by_text[edited[-1]].earlier == ""
    assert by_text[edited[-1]].text.english  # translated, as every sentence is
    # Nothing that was reported before is shown again.
    assert set(by_text) == {edited[5], edited[-1]}
    text = docx_text(marked.save_docx(tmp_path / "b.docx"))
    assert text.count("Updated") >= 2
