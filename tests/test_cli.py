import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEED, SEEDS
from docx_text import docx_text

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
    assert "translating 41 texts (ja→en)" in done.stderr
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
        ("シフトJISの本文です。".encode("shift_jis"), "is not UTF-8 text"),
    ],
)
def test_bad_source_beside_a_good_one(tmp_path: Path, content: bytes | None, problem: str) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    out = tmp_path / "b.docx"
    done = run("make", str(bad), str(SEED), "--model", str(DEMO_MODEL), "-o", str(out), "-q")
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"briefgen: error: {bad}: ") and problem in lines[0]
    assert "Traceback" not in done.stderr
    text = docx_text(out)
    assert "In the end, just as Putin ordered" in text
    assert "Not included: " in text and "bad.txt" in text


@pytest.mark.parametrize(
    ("content", "problem"),
    [(None, "no such file or directory"), (b"", "is empty"), (b"\x82\xa0\xff", "is not UTF-8")],
)
def test_only_bad_sources_is_one_line_exit_2(
    tmp_path: Path, content: bytes | None, problem: str
) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    out = tmp_path / "b.docx"
    done = run("make", str(bad), "--model", str(DEMO_MODEL), "-o", str(out))
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and problem in errors[0] and str(bad) in errors[0]
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_missing_model_is_one_line_naming_the_fix(tmp_path: Path) -> None:
    done = run("make", str(SEEDS), "-o", str(tmp_path / "b.docx"), "-q")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "no ja→en translation model installed" in done.stderr
    assert "argospm install translate-ja_en" in done.stderr and "--model" in done.stderr


@pytest.mark.parametrize(
    "args",
    [["make"], ["make", "seeds"], ["frobnicate"], ["make", "x", "-o", "y", "--points", "7"]],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        code = main(args)
        raise SystemExit(code)
    assert exited.value.code == 2
    assert "error" in capsys.readouterr().err


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
        "argospm install translate-ja_en",
        "date 2025-09-11",
    ):
        assert needle in help_text


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "no-such-dir" / "b.docx"
    done = run("make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(out), "-q")
    assert done.returncode == 1
    assert done.stderr.strip().startswith(f"briefgen: error: {out}: cannot write")
    assert "\n" not in done.stderr.strip()


def test_two_runs_give_the_same_bytes_even_undated(tmp_path: Path) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text(SEED.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    outputs = []
    for n in (1, 2):
        out = tmp_path / f"run{n}.docx"
        done = run("make", str(SEED), str(undated), "--model", str(DEMO_MODEL),
                   "--date", "2025-09-12", "-o", str(out), "-q")  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert "12 September 2025" in docx_text(tmp_path / "run1.docx")


def test_missing_template_is_refused_before_any_work(tmp_path: Path) -> None:
    done = run("make", str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(tmp_path / "b.docx"),
               "--template", str(tmp_path / "nope.docx"))  # fmt: skip
    assert done.returncode == 2
    assert (
        done.stderr
        == f"briefgen: error: --template {tmp_path / 'nope.docx'}: no such file or folder\n"
    )


def test_english_source_passes_through_untranslated(tmp_path: Path) -> None:
    english = tmp_path / "note.txt"
    english.write_text("A note on ramen\n\nThe dish called ラーメン is popular. People queue.\n")
    out = tmp_path / "b.docx"
    done = run("make", str(english), "--model", str(DEMO_MODEL), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    assert (
        "The dish called ラーメン is popular. | The dish called ラーメン is popular."
        in docx_text(out)
    )
