"""Every row of the exit-status table (``briefgen --help``, the README) made to happen,
with the rule that separates 1 from 2: what the user typed or configured, including
the files they name, is checked before any work (2); a run that fails while working
exits 1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, ROOT, SEED, SEEDS
from package_server import refused_port

from briefgen.cli import EXIT_STATUS_HELP, main

DESK = ROOT / "tests" / "desk"


def make(*args: str) -> int:
    return main(["make", *args, "-q"])


def test_the_table_has_the_rows_these_tests_make() -> None:
    statuses = [line.split()[0] for line in EXIT_STATUS_HELP.splitlines()[1:] if line[:3].strip()]
    assert statuses == ["0", "1", "2", "3", "4"]


def test_0_written_with_every_source(tmp_path: Path) -> None:
    assert make(str(SEEDS), "--model", str(DEMO_MODEL), "-o", str(tmp_path / "b.docx")) == 0
    assert (tmp_path / "b.docx").exists()


def test_0_nothing_new_writes_nothing(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    args = (str(SEEDS), "--model", str(DEMO_MODEL), "--state", str(state))
    assert make(*args, "-o", str(tmp_path / "1.docx")) == 0
    assert make(*args, "-o", str(tmp_path / "2.docx"), "--only-new") == 0
    assert not (tmp_path / "2.docx").exists()


@pytest.mark.parametrize(
    "case",
    ["no usable source", "no model installed", "strict with a source left out"],
)
def test_1_failed_while_working(case: str, tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    model = ("--model", str(DEMO_MODEL))
    args = {
        "no usable source": (str(empty), *model),
        "no model installed": (str(SEEDS),),  # the tests' Argos folder is empty
        "strict with a source left out": (str(SEEDS), str(empty), *model, "--strict"),
    }[case]
    assert make(*args, "-o", str(out)) == 1
    assert not out.exists()


@pytest.mark.parametrize(
    "case",
    [
        "a missing template",
        "an output folder that does not exist",
        "an output that is a folder",
        "a missing glossary",
        "a bad config key",
        "a flag out of range",
        "an output over a file briefgen did not write",
        "an encoding Python does not know, in a config",
        "a sending flag with nothing to send through",
        "--state and --no-state together",
        "--beam and --fast together",
    ],
)
def test_2_what_was_typed_or_named_is_checked_before_any_work(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "desk.toml"
    config.write_text('sources = ["x.txt"]\ncolour = "blue"\n')
    encoding = tmp_path / "enc.toml"
    encoding.write_text('sources = ["x.txt"]\nencoding = "nonsense"\n')
    shutil.copy(SEED, tmp_path / "a.txt")
    notes = tmp_path / "notes.md"  # the user's own, in the source folder
    notes.write_text("my notes\n")
    out = str(tmp_path / "b.docx")
    args = {
        "a missing template": (str(SEEDS), "-o", out, "--template", "nowhere.docx"),
        "an output folder that does not exist": (str(SEEDS), "-o", str(tmp_path / "no" / "b.docx")),
        "an output that is a folder": (str(SEEDS), "-o", str(tmp_path)),
        "a missing glossary": (str(SEEDS), "-o", out, "--glossary", str(tmp_path / "g.tsv")),
        "a bad config key": ("--config", str(config)),
        "a flag out of range": (str(SEEDS), "-o", out, "--gist-chars", "100000"),
        "an output over a file briefgen did not write": (str(tmp_path), "-o", str(notes)),
        "an encoding Python does not know, in a config": ("--config", str(encoding)),
        "a sending flag with nothing to send through": (str(SEEDS), "-o", out, "--ssl"),
        "--state and --no-state together": (
            *(str(SEEDS), "-o", out),
            *("--state", str(tmp_path / "s"), "--no-state"),
        ),
        "--beam and --fast together": (str(SEEDS), "-o", out, "--beam", "4", "--fast"),
    }[case]
    argparse_refuses = case in ("a flag out of range", "--beam and --fast together")
    with pytest.raises(SystemExit) if argparse_refuses else _no_exit() as exited:
        status = make(*args)
    if exited is not None:
        status = exited.value.code
    assert status == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("briefgen")
    assert not Path(out).exists()
    assert notes.read_text() == "my notes\n"


class _no_exit:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


def test_3_written_without_the_sources_it_could_not_use(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "b.docx"
    assert make(str(SEEDS), str(empty), "--model", str(DEMO_MODEL), "-o", str(out)) == 3
    assert out.exists()


def test_4_written_but_not_delivered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefgen.deliver.smtp.RETRY_DELAYS_S", ())
    for key in ("BRIEFGEN_SMTP_USER", "BRIEFGEN_SMTP_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    sources = tmp_path / "sources"
    shutil.copytree(DESK, sources)
    out = tmp_path / "b.docx"
    status = make(str(sources / "rates.txt"), "--model", str(DEMO_MODEL), "-o", str(out),
                  "--smtp", f"127.0.0.1:{refused_port()}", "--no-tls", "--to", "a@example.org",
                  "--smtp-timeout", "2")  # fmt: skip
    assert status == 4
    assert out.exists()


def test_strict_stops_before_anything_is_translated(tmp_path: Path) -> None:
    import briefgen

    class Refuses:
        name = "refuses"

        def translate(self, texts: list[str]) -> list[str]:
            raise AssertionError("translated although a source could not be used")

    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(briefgen.SourcesLeftOut) as stopped:
        briefgen.make_briefing([SEED, empty], translator=Refuses(), strict=True)  # type: ignore[arg-type]
    assert [s.origin for s in stopped.value.left_out] == [str(empty)]
