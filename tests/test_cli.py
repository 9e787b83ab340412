import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEED, SEEDS
from docx_text import docx_text

import briefgen
from briefgen.cli import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["briefgen", *args], capture_output=True, text=True, cwd=cwd, env=os.environ.copy()
    )


def test_make_end_to_end_in_a_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "briefing.docx"
    done = run(
        "make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(out), "--title", "Japan watch"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert re.search(r"translating \d+ texts \(ja→en\)", done.stderr)
    assert f"wrote {out}" in done.stderr
    text = docx_text(out)
    assert "[Title] Japan watch" in text
    assert "[Heading 1] In the end, just as Putin ordered" in text
    assert "[Original] 結局、プーチンの注文通り" in text
    assert (
        "For the US and Russia, holding the summit in Alaska historically means leaving Europe out."
        in text
    )


def test_python_dash_m_works(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefgen", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout.startswith("briefgen ")


def test_the_version_compiles_no_summarizer() -> None:
    # Start-up: `briefgen -V` (and `import briefgen`) leave the summarizer's rules,
    # hundreds of patterns, until a source is read.
    code = (
        "import sys; from briefgen.cli import main\n"
        "try:\n    main(['-V'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('briefgen.summarize')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_run_path_imports_no_torch_stanza_or_spacy(tmp_path: Path) -> None:
    code = (
        "import sys; from briefgen.cli import main; "
        f"rc = main(['make', {str(SEEDS)!r}, '--model', {str(DEMO_MODEL)!r}, "
        f"'-o', {str(tmp_path / 'x.docx')!r}, '-q']); "
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'torch', 'stanza', 'spacy', 'transformers'} | "
        "{m for m in sys.modules if m == 'argostranslate.translate'}); "
        "print(rc, heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 []"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such file or directory"),
        (b"", "is empty"),
        (bytes(range(256)), "looks like a binary file"),
    ],
)
def test_bad_source_beside_a_good_one(tmp_path: Path, content: bytes | None, problem: str) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    out = tmp_path / "b.docx"
    done = run("make", str(bad), str(SEED), "--model", str(DEMO_MODEL), "-o", str(out), "-q")
    assert done.returncode == 3  # partial: written, with a source left out
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"briefgen: error: {bad}: ") and problem in lines[0]
    assert "Traceback" not in done.stderr
    text = docx_text(out)
    assert "In the end, just as Putin ordered" in text
    assert "Not included: " in text and "bad.txt" in text


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such file or directory"),
        (b"", "is empty"),
        (b"\x82\xa0\xff", "is too short to tell its encoding"),
    ],
)
def test_only_bad_sources_fails_naming_each_source(
    tmp_path: Path, content: bytes | None, problem: str
) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    out = tmp_path / "b.docx"
    done = run("make", str(bad), "--model", str(DEMO_MODEL), "-o", str(out))
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if "error" in line]
    assert errors[0] == f"briefgen: error: {bad}: {errors[0].split(': ', 3)[-1]}"
    assert problem in errors[0]
    assert errors[1:] == ["briefgen: error: no usable source; nothing was written"]
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_missing_model_is_one_line_naming_the_fix(tmp_path: Path) -> None:
    done = run("make", str(SEEDS), "-o", str(tmp_path / "b.docx"), "-q")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "no ja→en translation model installed" in done.stderr
    assert "briefgen models install ja" in done.stderr
    assert "argospm install translate-ja_en" in done.stderr and "--model" in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["make"], "no output: give -o OUT.docx"),
        (["make", "-o", "y.docx"], "no sources: name files or folders, - for standard input"),
        (["make", "seeds"], "no output: give -o OUT.docx"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["make", "x", "-o", "y.docx", "--points", "0%"], "argument --points: '0%' is neither"),
        (["make", "x", "-o", "y.docx", "--points", "1.5"], "argument --points: '1.5' is neither"),
        (["make", "x", "-o", "y.docx", "--points", "-3"], "argument --points: '-3' is neither"),
        (["make", "x", "-o", "y.docx", "--points", "lots"], "argument --points: 'lots'"),
        (["make", "x", "-o", "y.docx", "--date", "2025-13-01"], "argument --date: not a date"),
        (["make", "x", "-o", "y.docx", "--lede", "5"], "argument --lede: invalid choice"),
        (["models", "frob"], "invalid choice: 'frob'"),
    ],
)
def test_usage_errors_exit_2_and_name_the_flag(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        code = main(args)
        raise SystemExit(code)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_points_takes_a_share_or_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    def key_points(*points: str) -> list[int]:
        assert main(["summarize", str(SEEDS), *points, "-q"]) == 0
        data = json.loads(capsys.readouterr().out)
        return [len(s["points"]) for s in data["sources"][0]["sections"]]

    assert sum(key_points("--points", "5")) == 5
    assert sum(key_points("--points", "1")) == 1
    every = key_points("--points", "100%", "--lede", "0")
    assert sum(every) == 32  # every sentence of the seed but its one signpost
    assert key_points("--points", "25%") == key_points("--points", "0.25")


def test_bare_command_prints_a_short_usage_with_the_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: briefgen COMMAND")
    assert "  make " in err and "  models " in err
    assert len(err.splitlines()) < 12


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_flag(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([flag])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"briefgen {briefgen.__version__}\n"


@pytest.mark.parametrize(
    ("output", "problem"),
    [
        ("{tmp}/no/such/dir/b.docx", "folder {tmp}/no/such/dir does not exist"),
        ("{tmp}/notes.pdf", "the output must be a .docx file (or .html, .md, .txt for a preview)"),
        ("{tmp}", "the output must be a .docx file (or .html, .md, .txt for a preview)"),
        (
            "{tmp}/folder.docx",
            "is a folder; give a file name, e.g. {tmp}/folder.docx/briefing.docx",
        ),
        ("{tmp}/file/b.docx", "{tmp}/file is not a folder"),
    ],
)
def test_output_is_checked_before_any_work(tmp_path: Path, output: str, problem: str) -> None:
    (tmp_path / "folder.docx").mkdir()
    (tmp_path / "file").write_text("x")
    output, problem = output.format(tmp=tmp_path), problem.format(tmp=tmp_path)
    # A missing source and model prove that nothing was read before the output was checked.
    done = run("make", str(tmp_path / "missing.txt"), "--model", "nope", "-o", output)
    assert done.returncode == 2
    assert done.stderr == f"briefgen: error: -o {output}: {problem}\n"


def as_ordinary_user() -> list[str]:
    """What to put before a command so that root runs it without root's power to write
    anywhere: CI runs as root. setpriv drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
    (bounding and inheritable sets), so the process is still uid 0 and owns the
    checkout, the venv and tmp_path (nobody could not even reach /tmp/pytest-of-root),
    but the folder's mode bits apply to it, access(2) included, as they do to a user."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")  # util-linux
    if setpriv is None:
        pytest.skip("as root this needs setpriv (util-linux) to give up root's write access")
    prefix = [setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True)
    if probe.returncode != 0:  # a container without CAP_SETPCAP
        pytest.skip(f"root cannot give up its write access here: {probe.stderr.strip()}")
    return prefix


def test_read_only_output_folder_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    command = [*as_ordinary_user(), "briefgen", "make", str(SEEDS), "-o", str(folder / "b.docx")]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy())
    finally:
        folder.chmod(0o700)
    assert done.returncode == 2
    assert (
        done.stderr == f"briefgen: error: -o {folder / 'b.docx'}: folder {folder} is not writable\n"
    )


def test_help_teaches(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["make", "--help"])
    help_text = capsys.readouterr().out
    for needle in (
        "--model",
        "--title",
        "--template",
        "examples:",
        "exit status:",
        "briefgen models install ja",
        "argospm install translate-ja_en",
        "date 2025-09-11",
        "3  partial",
    ):
        assert needle in help_text


def test_output_failing_at_write_time_is_one_line(tmp_path: Path) -> None:
    from briefgen.errors import RenderError

    briefing = briefgen.make_briefing(SEEDS, model=DEMO_MODEL)
    out = tmp_path / "gone" / "b.docx"  # the folder vanished after the CLI's checks
    with pytest.raises(RenderError) as caught:
        briefing.save_docx(out)
    assert str(caught.value).startswith(f"{out}: cannot write")
    assert "\n" not in str(caught.value)


def test_two_runs_give_the_same_bytes_even_undated(tmp_path: Path) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text(SEED.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    outputs = []
    for n in (1, 2):
        out = tmp_path / f"run{n}.docx"
        # --no-state: the second run would rightly say "nothing new since…".
        done = run("make", str(SEED), str(undated), "--model", str(DEMO_MODEL),
                   "--date", "2025-09-12", "-o", str(out), "-q", "--no-state")  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert "12 September 2025" in docx_text(tmp_path / "run1.docx")


def test_missing_template_is_refused_before_any_work(tmp_path: Path) -> None:
    done = run("make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(tmp_path / "b.docx"),
               "--template", str(tmp_path / "nope.docx"))  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        f"briefgen: error: --template {tmp_path / 'nope.docx'}: no such template file "
        "(shipped templates: briefing, compact, parallel)\n"
    )


def test_english_source_passes_through_untranslated(tmp_path: Path) -> None:
    english = tmp_path / "note.txt"
    english.write_text("A note on ramen\n\nThe dish called ラーメン is popular. People queue.\n")
    out = tmp_path / "b.docx"
    done = run("make", str(english), "--model", str(DEMO_MODEL), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    text = docx_text(out)
    # Once, not "English | English", and no "machine-translated" warning.
    assert "[List Bullet] The dish called ラーメン is popular." in text
    # The point, the summary across sources, and the full text.
    assert text.count("The dish called ラーメン is popular.") == 3
    assert "Machine-translated" not in text


def test_template_that_is_not_a_docx_is_refused_before_any_work(tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_text("not a zip")
    done = run("make", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "b.docx"),
               "--template", str(template))  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == f"briefgen: error: --template {template}: not a Word .docx file\n"


def test_output_through_a_link_replaces_the_target_and_keeps_its_mode(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "briefing.docx"  # an earlier briefing (never the user's own file)
    earlier = run("make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(target), "-q")
    assert earlier.returncode == 0
    target.chmod(0o640)
    link = tmp_path / "link.docx"
    link.symlink_to(target)
    done = run("make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(link), "-q")
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and target.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["briefing.docx"]
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["briefing.docx"]


def test_models_alone_lists_and_top_level_help_has_examples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["models"]) == 0
    assert "no packages installed in" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "briefgen models install ja" in out and "3  partial" in out


def test_templates_list_copy_and_use_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["templates"]) == 0
    listing = capsys.readouterr().out
    for name in ("briefing", "compact", "parallel"):
        assert listing.count(f"{name}.docx") == 1 and f"\n{name} " in f"\n{listing}"
    for name in ("briefing.html", "briefing.md", "briefing.txt"):
        assert f"\n{name} " in f"\n{listing}"
    assert main(["templates", "copy", "compact", str(tmp_path)]) == 0
    copy = Path(capsys.readouterr().out.strip())
    assert copy == tmp_path / "compact.docx" and zipfile.is_zipfile(copy)
    assert main(["templates", "copy", "compact", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["templates", "copy", "fancy", str(tmp_path)]) == 1
    assert "no shipped template 'fancy'" in capsys.readouterr().err
    out = tmp_path / "short.docx"
    assert main(["make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(out), "-q",
                 "--template", "compact"]) == 0  # fmt: skip
    assert "[Meta] Who matters: Russia (place)" in docx_text(out)
    assert main(["make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(out), "-q",
                 "--template", str(copy)]) == 0  # fmt: skip


def test_preview_template_and_format_are_checked_before_any_work(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    broken = tmp_path / "broken.html"
    broken.write_text("<h1>{{ title }}</h1>\n{% if sources %}\n", encoding="utf-8")
    cases = [
        (["--format", "html", "-o", str(tmp_path / "x.docx")], "--format html and -o"),
        (["-o", str(tmp_path / "x.html"), "--template", "compact"], "a Word template"),
        (["-o", str(tmp_path / "x.html"), "--template", "nope.html"], "no such template file"),
        (["-o", str(tmp_path / "x.html"), "--template", str(broken)], "template error on line"),
    ]
    for args, message in cases:
        done = run("make", missing, *args)
        assert done.returncode == 2, (args, done.stderr)
        assert message in done.stderr and done.stderr.count("\n") == 1, done.stderr


def test_a_shift_jis_source_and_the_encoding_flag(tmp_path: Path) -> None:
    source = tmp_path / "sjis.txt"
    source.write_bytes(SEED.read_text(encoding="utf-8").encode("cp932"))
    done = run("summarize", str(source), "-q")
    assert done.returncode == 0, done.stderr
    assert '"title": "結局、プーチンの注文通り"' in done.stdout
    forced = run("summarize", str(source), "-q", "--encoding", "utf-8")
    assert forced.returncode == 1 and "is not utf-8 text (byte 0x" in forced.stderr
    bad = run("summarize", str(source), "--encoding", "klingon")
    assert bad.returncode == 2 and "'klingon' is not an encoding Python knows" in bad.stderr


def test_a_source_from_standard_input() -> None:
    done = subprocess.run(
        ["briefgen", "summarize", "-", "-q"],
        input=SEED.read_bytes(),
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["sources"][0]["origin"] == "stdin"
    assert data["sources"][0]["title"] == "結局、プーチンの注文通り"


def test_sources_from_a_list_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# today's sources\n{SEED}\n\n{tmp_path / 'missing.txt'}\n")
    code = main(["summarize", "--from-file", str(listing), "-q"])
    out, err = capsys.readouterr()
    assert code == 3 and "missing.txt: no such file or directory" in err
    assert [s["title"] for s in json.loads(out)["sources"]] == ["結局、プーチンの注文通り"]


def test_strict_fails_when_a_source_is_left_out(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "b.docx"
    done = run("make", str(SEEDS), str(empty), "--model", str(DEMO_MODEL), "-o", str(out),
               "-q", "--strict")  # fmt: skip
    assert done.returncode == 1 and not out.exists()
    assert f"{empty}: is empty" in done.stderr and "--strict: 1 source(s)" in done.stderr


def test_a_preview_written_into_a_source_folder_is_not_read_back(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(SEED, folder)
    out = folder / "preview.md"
    for _ in range(2):  # the second run finds the first one's preview.md in the folder
        done = run("make", str(folder), "--model", str(DEMO_MODEL), "-o", str(out), "-q")
        assert done.returncode == 0, done.stderr
    # One source, not two: its page-1 entry and its points, one heading each.
    assert out.read_text(encoding="utf-8").count("\n## ") == 2


def test_output_that_is_also_a_source_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "memo.md"
    source.write_text("# 題名\n\n本文です。\n", encoding="utf-8")
    before = source.read_bytes()
    for command in ("make", "summarize"):
        done = run(command, str(tmp_path / "." / source.name), "-o", str(source), "-q")
        assert done.returncode == 2
        assert done.stderr.strip().splitlines() == [
            f"briefgen: error: -o {source}: is also one of the sources; write the briefing "
            "to another file"
        ]
        assert source.read_bytes() == before
