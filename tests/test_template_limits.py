"""A user's template that fails, or goes over a limit of the sandbox, is one line naming
the template (and its line, or its tag in a Word template), exit 1, nothing written;
the Python API raises TemplateError. Each limit of the sandbox tested at its limit."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEED
from docx import Document

from briefgen.cli import main
from briefgen.errors import RenderError, TemplateError
from briefgen.render import sandbox
from briefgen.render import text as text_render
from briefgen.render.sandbox import BoundedSandbox

FAILING = {
    "1/0": ("{{ 1/0 }}", "division by zero (ZeroDivisionError)"),
    "a*10**9": (
        "{{ 'a' * 10**9 }}",
        "stopped: str * 1,000,000,000 would make 1,000,000,000 characters "
        "(the limit is 50,000,000)",
    ),
}


def word_template(folder: Path, line: str) -> Path:
    template = folder / "t.docx"
    document = Document()
    document.add_paragraph("{{ title }}")
    document.add_paragraph(line)
    document.save(str(template))
    return template


def text_template(folder: Path, suffix: str, line: str) -> Path:
    template = folder / f"t.{suffix}"
    template.write_text(f"{{{{ title }}}}\n{line}\n", encoding="utf-8")
    return template


@pytest.mark.parametrize("case", FAILING)
@pytest.mark.parametrize("suffix", ["txt", "md", "html", "docx"])
def test_a_failing_template_is_one_line_exit_1_nothing_written(
    case: str, suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line, problem = FAILING[case]
    if suffix == "docx":
        template, where = word_template(tmp_path, line), ""
    else:
        template, where = text_template(tmp_path, suffix, line), " on line 2"
    out = tmp_path / f"out.{suffix}"
    started = time.perf_counter()
    status = main(["make", str(SEED), "--model", str(DEMO_MODEL), "-q", "-o", str(out),
                   "--template", str(template)])  # fmt: skip
    assert time.perf_counter() - started < 10
    assert status == 1
    err = capsys.readouterr().err
    assert err == f"briefgen: error: {template}: template error{where}: {problem}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [template.name]


@pytest.mark.parametrize("case", FAILING)
@pytest.mark.parametrize("suffix", ["txt", "html", "docx"])
def test_the_api_raises_template_error(
    case: str, suffix: str, seed_briefing, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    line, problem = FAILING[case]
    if suffix == "docx":
        template, where = word_template(tmp_path, line), None
    else:
        template, where = text_template(tmp_path, suffix, line), 2
    tracemalloc.start()
    try:
        with pytest.raises(TemplateError) as raised:
            seed_briefing.save(tmp_path / f"out.{suffix}", template=template)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    error = raised.value
    assert isinstance(error, RenderError)
    assert (error.template, error.line, error.problem) == (str(template), where, problem)
    assert not isinstance(error.__cause__, MemoryError)
    assert peak < 100_000_000
    assert not (tmp_path / f"out.{suffix}").exists()


def test_a_word_template_error_names_its_tag(seed_briefing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = word_template(tmp_path, "{{ sources[0].nope }}")
    with pytest.raises(TemplateError) as raised:
        seed_briefing.save_docx(tmp_path / "x.docx", template=template)
    assert raised.value.tag == "{{ sources[0].nope }}"
    assert str(raised.value).startswith(f"{template}: template error in {{{{ sources[0].nope }}}}:")


def render(source: str, **context: object) -> str:
    env = BoundedSandbox(max_seconds=float(context.pop("max_seconds", sandbox.MAX_SECONDS)))  # type: ignore[arg-type]
    return str(env.from_string(source).render(title="Japan watch", **context))


EXACT = [  # what they make is n long: rendered at the limit, refused one past it
    ("{{ 'a'|center(n) }}", "the center filter would make 1,001 characters"),
    ("{{ 'a'.ljust(n) }}", "str.ljust() would make 1,001 characters"),
    ("{{ 'a'.zfill(n) }}", "str.zfill() would make 1,001 characters"),
    ("{{ 'x' * n }}", "str * 1,001 would make 1,001 characters"),
    ("{{ (['x'] * n)|length }}", "list * 1,001 would make 1,001 items"),
    ("{{ ['ab', 'x' * (n - 3)]|join('y') }}", "the join filter would make 1,001 characters"),
    ("{{ ('x' * (n - 1)) ~ 'y' }}", "~ would make 1,001 characters"),
    ("{% for i in range(n) %}x{% endfor %}", "its output is over 1,000 characters"),
]
ESTIMATED = [  # what they make is at most n long: refused one past the limit
    ("{{ ('%0' ~ n ~ 'd') % 1 }}", "%-formatting would make"),
    ("{{ ('{:>' ~ n ~ '}').format(1) }}", "str.format() would make"),
    ("{{ ('x' * 100).replace('x', 'y' * (n // 100)) }}", "str.replace() would make"),
    ("{{ 'a'|indent(n, true) }}", "the indent filter would make"),
    ("{{ [1]|batch(n, 0)|list|length }}", "the batch filter would make"),
    ("{{ [1]|slice(n)|list|length }}", "the slice filter would make"),
    ("{{ ('x' * 100)|wordwrap(1, wrapstring='y' * (n // 100)) }}", "the wordwrap filter would"),
]


@pytest.mark.parametrize(("source", "problem"), EXACT)
def test_exact_limits_on_what_a_template_makes(
    source: str, problem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "MAX_OUTPUT_CHARS", 1_000)
    made = render(source, n=1_000)
    assert made == "1000" or len(made) == 1_000  # its |length, or itself
    with pytest.raises(sandbox.TemplateLimit, match=re.escape(problem)):
        render(source, n=1_001)


@pytest.mark.parametrize(("source", "problem"), ESTIMATED)
def test_estimated_limits_on_what_a_template_makes(
    source: str, problem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "MAX_OUTPUT_CHARS", 1_000)
    render(source, n=500)
    with pytest.raises(sandbox.TemplateLimit, match=re.escape(problem)):
        render(source, n=1_001)


def test_lipsum_at_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_OUTPUT_CHARS", 1_200)  # n paragraphs of max words
    render("{{ lipsum(1, false, 20, 100) }}")
    with pytest.raises(sandbox.TemplateLimit, match=r"lipsum\(\) would make 2,400 characters"):
        render("{{ lipsum(2, false, 20, 100) }}")


def test_powers_at_their_limit() -> None:
    assert render(f"{{{{ (2 ** {sandbox.MAX_POWER_BITS}) > 0 }}}}") == "True"
    with pytest.raises(sandbox.TemplateLimit, match="2 \\*\\* 100001 is over 100,000 bits"):
        render(f"{{{{ 2 ** {sandbox.MAX_POWER_BITS + 1} }}}}")


def test_json_indent_at_its_limit() -> None:
    render(f"{{{{ {{'a': 1}}|tojson({sandbox.MAX_JSON_INDENT}) }}}}")
    with pytest.raises(sandbox.TemplateLimit, match="tojson indents by at most 16"):
        render(f"{{{{ {{'a': 1}}|tojson({sandbox.MAX_JSON_INDENT + 1}) }}}}")


def test_a_loop_that_runs_too_long_is_stopped_on_its_line() -> None:
    source = (
        "{{ title }}\n{% for i in range(100000) %}{% for j in range(100000) %}\n"
        "{% endfor %}{% endfor %}"
    )
    started = time.perf_counter()
    with pytest.raises(sandbox.TemplateLimit, match=r"it ran for over 0\.3 s") as raised:
        render(source, max_seconds=0.3)
    assert time.perf_counter() - started < 3
    assert sandbox.template_line(raised.value) in (2, 3)
    assert render("{% for i in range(1000) %}{% endfor %}done", max_seconds=10) == "done"


def test_a_loop_that_takes_too_much_memory_is_stopped() -> None:
    # In a process of its own: the limit is on growth past the process's peak so far.
    script = (
        "from briefgen.render import sandbox\n"
        "sandbox.MAX_MEMORY_BYTES = 100_000_000\n"
        "source = '{% set ns = namespace(kept=[]) %}{% for i in range(100000) %}'"
        " '{% set ns.kept = ns.kept + [(\"x\" * 1000000) ~ i] %}{% endfor %}'\n"
        "try:\n"
        "    sandbox.BoundedSandbox().from_string(source).render()\n"
        "except sandbox.TemplateLimit as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.stdout == "it took over 100 MB of memory\n", done.stderr


def test_text_template_size_at_its_limit(
    seed_briefing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    template = text_template(tmp_path, "txt", "plain text")
    monkeypatch.setattr(text_render, "MAX_TEMPLATE_BYTES", template.stat().st_size)
    assert "plain text" in seed_briefing.save(tmp_path / "out.txt", template=template).read_text()
    monkeypatch.setattr(text_render, "MAX_TEMPLATE_BYTES", template.stat().st_size - 1)
    with pytest.raises(RenderError, match=rf"^{template}: is larger than 0 MB; not a template$"):
        seed_briefing.save(tmp_path / "out.txt", template=template)


def test_a_word_template_that_is_a_zip_bomb_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "bomb.docx"
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/styles.xml", "w") as member:
            for _ in range(21):
                member.write(b" " * 1_000_000)
    status = main(["make", str(SEED), "-o", str(tmp_path / "x.docx"), "--template", str(template)])
    assert status == 2
    assert capsys.readouterr().err == (
        f"briefgen: error: --template {template}: holds 21 MB of XML, over the 20 MB limit "
        "(a zip bomb?)\n"
    )


def test_range_at_jinjas_limit() -> None:
    from jinja2.sandbox import MAX_RANGE

    assert render(f"{{{{ range({MAX_RANGE})|length }}}}") == str(MAX_RANGE)
    with pytest.raises(OverflowError, match="Range too big"):
        render(f"{{{{ range({MAX_RANGE + 1})|length }}}}")


def test_a_word_template_cannot_read_files_through_xml_entities(
    seed_briefing, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    template = word_template(tmp_path, "entity: &e;")
    with zipfile.ZipFile(template) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    doctype = f'<!DOCTYPE w:document [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
    xml = parts["word/document.xml"].decode().replace("&amp;e;", "&e;")
    parts["word/document.xml"] = re.sub(r"^(<\?xml[^>]*\?>)", rf"\1{doctype}", xml).encode()
    assert doctype.encode() in parts["word/document.xml"]
    with zipfile.ZipFile(template, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    out = seed_briefing.save_docx(tmp_path / "out.docx", template=template)
    with zipfile.ZipFile(out) as archive:
        document = archive.read("word/document.xml").decode()
    assert "entity: " in document and "SECRET-CONTENT" not in document


def test_the_checked_filters_keep_their_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [{"title": {"english": "A"}, "text": "x" * 600}, {"title": {"english": "B"}}]
    made = render(
        "{{ sources|join(d=', ', attribute='title.english') }}|{{ [1, 2]|join(d='-') }}|"
        "{{ 'ab-cd'|wordwrap(3, break_on_hyphens=false) }}|{{ 'a'|indent(width=2, first=true) }}",
        sources=sources,
    )
    assert made == "A, B|1-2|ab-\ncd|  a"
    monkeypatch.setattr(sandbox, "MAX_OUTPUT_CHARS", 1_000)
    with pytest.raises(sandbox.TemplateLimit, match="the join filter would make 1,200"):
        render("{{ (sources * 2)|join(attribute='text') }}", sources=sources[:1])
