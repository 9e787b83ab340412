"""`briefgen summarize` and `briefgen.summarize_sources`: the structured points as data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import DEMO_MODEL, SEED, SEEDS

import briefgen
from briefgen.cli import main


def summarize(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["summarize", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_follows_the_schema_without_translating(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = summarize(capsys, str(SEED), "-q")
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == "briefgen.summary/1"
    [source] = data["sources"]
    assert source["id"] == SEED.stem and source["language"] == "ja"
    assert source["title"] == "結局、プーチンの注文通り" and source["title_english"] is None
    assert source["date"] == "2025-09-11"
    points = source["lede"] + [p for s in source["sections"] for p in s["points"]]
    assert {"text", "english", "label", "speaker", "sentence_ids"} <= points[0].keys()
    assert all(p["english"] is None for p in points)
    assert {p["label"] for p in points} <= {"fact", "assessment", "quote"}
    assert "assessment" in {p["label"] for p in points}
    sentences = {p["sentence_ids"][0] for p in points}
    assert len(sentences) == len(points)  # nothing said twice
    dates = {e["date"] for e in source["timeline"]}
    assert {"1943", "2024-07-21", "2025-08-31/2025-09-03"} <= dates
    assert all(
        {"date", "resolution", "text", "sentence_id"} <= e.keys() for e in source["timeline"]
    )
    actors = {a["name"]: a for a in source["actors"]}
    assert actors["キリル・ドミトリエフ"]["kind"] == "person"
    assert actors["プーチン"]["first_sentence_id"].startswith("s")
    assert data["timeline"] == sorted(
        data["timeline"], key=lambda e: (e["date"].startswith("--"), e["date"])
    )
    assert all(e["source"] == SEED.stem for e in data["timeline"])


def test_a_model_adds_english_to_every_point_and_actor(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = summarize(capsys, str(SEED), "--model", str(DEMO_MODEL), "-q")
    assert code == 0, err
    [source] = json.loads(out)["sources"]
    assert source["title_english"] == "In the end, just as Putin ordered"
    points = source["lede"] + [p for s in source["sections"] for p in s["points"]]
    assert all(p["english"] for p in points)
    assert all(a["english"] for a in source["actors"])
    assert all(e["english"] for e in source["timeline"])


def test_yaml_and_markdown(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, as_json, _ = summarize(capsys, str(SEED), "-q")
    code, as_yaml, _ = summarize(capsys, str(SEED), "--format", "yaml", "-q")
    assert code == 0 and yaml.safe_load(as_yaml) == json.loads(as_json)
    out = tmp_path / "points.md"
    code, stdout, err = summarize(capsys, str(SEED), "-o", str(out))
    assert code == 0 and stdout == "" and f"wrote {out}" in err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Briefing\n")
    assert "## 結局、プーチンの注文通り" in text and "### Timeline" in text
    assert "*(assessment)*" in text and "### People, places and organizations" in text


def test_output_suffix_and_bad_sources(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = summarize(capsys, str(SEED), "-o", str(tmp_path / "x.txt"))
    assert code == 2 and "give a .json, .yaml or .md file, or say which with --format" in err
    code, _, err = summarize(capsys, str(SEED), "-o", str(tmp_path / "no" / "x.json"))
    assert code == 2 and "does not exist" in err
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    code, out, err = summarize(capsys, str(SEED), str(bad), "-q")
    assert code == 3 and f"briefgen: error: {bad}:" in err
    assert [s["id"] for s in json.loads(out)["sources"]] == [SEED.stem]
    assert json.loads(out)["skipped"][0]["origin"] == str(bad)
    code, out, err = summarize(capsys, str(bad), "-q")
    assert code == 1 and out == "" and "nothing was written" in err


def test_the_same_data_on_the_python_api() -> None:
    briefing = briefgen.summarize_sources(SEEDS, date=None)
    assert briefing.metadata.translator == "none (not translated)"
    data = briefing.to_summary()
    assert data["schema"] == "briefgen.summary/1"
    [source] = briefing.sources
    assert [p.sentence_ids[0] for p in source.lede] == [
        p["sentence_ids"][0] for p in data["sources"][0]["lede"]
    ]
    assert all(not p.text.flags for s in source.full_text for p in s.points)


def test_a_closed_pipe_ends_quietly() -> None:
    import subprocess

    done = subprocess.run(
        f"briefgen summarize {SEED} -q --format md | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert done.stdout == "# Briefing" and done.stderr == ""


def test_the_output_file_is_never_read_as_a_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = folder / "summary.md"
    for _ in range(2):  # the second run finds the first one's summary.md in the folder
        code, _, err = summarize(capsys, str(folder), "-o", str(out), "-q")
        assert code == 0, err
    assert out.read_text(encoding="utf-8").count("\n## ") == 1


def test_the_lede_alone(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = summarize(capsys, str(SEED), "--points", "0", "-q")
    [source] = json.loads(out)["sources"]
    assert code == 0 and len(source["lede"]) == 2
    assert all(not s["points"] for s in source["sections"])


def test_an_untranslated_briefing_makes_no_word_file(tmp_path: Path) -> None:
    briefing = briefgen.summarize_sources(SEEDS)
    with pytest.raises(briefgen.RenderError, match="not translated"):
        briefing.save_docx(tmp_path / "x.docx")
    assert not list(tmp_path.iterdir())
