"""What the desk reports is what was delivered: state recorded only after delivery, a
retry after a failed one, no smaller briefing over a bigger one, previews that record
nothing, quiet days, and briefgen's mark on everything it writes."""

from __future__ import annotations

import email
import email.policy
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, ROOT

import briefgen
from briefgen._mark import read_mark
from briefgen.cli import main
from briefgen.desk import DeskConfig, run_desk
from briefgen.desk.state import DeskState, default_path
from briefgen.errors import DeliveryError

aiosmtpd = pytest.importorskip("aiosmtpd", reason="needs the test extra: pip install -e '.[test]'")
from smtp_server import Mailbox as Handler  # noqa: E402
from smtp_server import running_mailbox  # noqa: E402

DESK = ROOT / "tests" / "desk"


@pytest.fixture
def smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Handler, int]]:
    with running_mailbox(monkeypatch) as running:
        yield running


def desk(tmp_path: Path, port: int, *extra: str) -> Path:
    """A desk config over two sources of tests/desk, sending to ``port``."""
    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    for name in ("rates.txt", "port-a.txt"):
        shutil.copy(DESK / name, sources / name)
    config = tmp_path / "desk.toml"
    config.write_text(
        f'sources = ["sources/"]\noutput = "out/b-{{date}}.docx"\nmodel = "{DEMO_MODEL}"\n'
        'state = "state.sqlite"\nonly_new = true\n' + "".join(f"{line}\n" for line in extra) +
        f'[email]\nto = ["desk@example.org"]\nsmtp = "127.0.0.1:{port}"\nsecurity = "none"\n'
        'eml = "out/b-{date}.eml"\n'
    )  # fmt: skip
    return config


def reported(state: Path) -> list[tuple[str, ...]]:
    """What the state records as reported (sources, briefings, deliveries)."""
    if not state.exists():
        return []
    with sqlite3.connect(state) as db:
        return [
            *db.execute("SELECT origin, content FROM sources ORDER BY origin"),
            *db.execute("SELECT sources, points FROM briefings"),
            *db.execute("SELECT output, digest FROM deliveries"),
        ]


def attachment(raw: bytes) -> bytes:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    (part,) = message.iter_attachments()
    data: bytes = part.get_content()
    return data


def only_docx(folder: Path) -> Path:
    (docx,) = folder.glob("*.docx")
    return docx


def test_a_failed_send_records_nothing_and_the_next_run_resends_the_same_briefing(
    smtp: tuple[Handler, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    handler, port = smtp
    handler.failures = 1  # the server is down for the first run
    config = desk(tmp_path, port)
    state = tmp_path / "state.sqlite"
    DeskState(state).record(briefgen.make_briefing(DESK / "football.txt", model=DEMO_MODEL))
    before = state.read_bytes()

    assert main(["make", "--config", str(config)]) == 4
    err = capsys.readouterr().err
    assert "delivery failed (temporary failure)" in err and "451" in err
    docx = only_docx(tmp_path / "out")
    kept = docx.read_bytes()
    assert read_mark(docx) is not None and read_mark(docx).sources == 2  # type: ignore[union-attr]
    assert state.read_bytes() == before  # nothing recorded as reported
    assert handler.received == []

    assert main(["make", "--config", str(config)]) == 0
    err = capsys.readouterr().err
    (retry,) = [line for line in err.splitlines() if "retry" in line]
    assert retry == (
        f"briefgen: {docx} was written by an earlier run but never delivered: this run is a retry"
    )
    assert "nothing new" not in err  # the same briefing, not an empty one
    assert only_docx(tmp_path / "out") == docx and docx.read_bytes() == kept
    ((raw,),) = [handler.received]
    assert attachment(raw) == kept  # the same sources, the same bytes, sent
    marked = DeskState(state).mark(briefgen.make_briefing(tmp_path / "sources", model=DEMO_MODEL))
    assert marked.news is not None and marked.news.nothing_new  # recorded once it was sent
    assert DeskState(state).undelivered(docx) is False


def test_run_desk_records_only_after_the_send_too(
    smtp: tuple[Handler, int], tmp_path: Path
) -> None:
    handler, port = smtp
    handler.failures = 1
    config = DeskConfig.load(desk(tmp_path, port))
    state = tmp_path / "state.sqlite"
    with pytest.raises(DeliveryError) as caught:
        run_desk(config)
    assert caught.value.kind == "temporary failure"
    assert reported(state) == []
    docx = only_docx(tmp_path / "out")
    kept = docx.read_bytes()
    again = run_desk(config)
    assert again.retry and again.docx == docx and docx.read_bytes() == kept
    assert again.sent_to == ("desk@example.org",)
    assert attachment(handler.received[0]) == kept
    assert len(reported(state)) == 2 + 1 + 1  # two sources, one briefing, one delivery


def test_a_smaller_briefing_never_replaces_a_bigger_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.docx"
    model = ["--model", str(DEMO_MODEL), "-q", "--date", "2026-11-28"]
    assert main(["make", str(DESK / "rates.txt"), str(DESK / "port-a.txt"), "-o", str(out),
                 *model]) == 0  # fmt: skip
    bigger = out.read_bytes()
    assert main(["make", str(DESK / "rates.txt"), "-o", str(out), *model]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"briefgen: {out} holds 2 source(s), this briefing 1: writing b-2.docx instead of "
        "replacing it"
    ]
    assert out.read_bytes() == bigger
    assert read_mark(tmp_path / "b-2.docx").sources == 1  # type: ignore[union-attr]
    # The same number of sources (or more) replaces it, as before.
    assert main(["make", str(DESK / "football.txt"), str(DESK / "rates.txt"), "-o", str(out),
                 *model]) == 0  # fmt: skip
    assert capsys.readouterr().err == ""
    assert out.read_bytes() != bigger and read_mark(out).sources == 2  # type: ignore[union-attr]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b-2.docx", "b.docx"]


def test_a_renamed_briefing_is_no_source_of_a_desk_run(tmp_path: Path) -> None:
    config = DeskConfig(output="briefing-{date}.docx", folder=tmp_path)
    for name in ("briefing-2026-11-28.docx", "briefing-2026-11-28-2.docx", "notes.docx"):
        (tmp_path / name).write_bytes(b"")
    assert sorted(Path(p).name for p in config.earlier_outputs()) == [
        "briefing-2026-11-28-2.docx",
        "briefing-2026-11-28.docx",
    ]


def test_a_preview_reads_the_desk_state_and_leaves_it_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    state = default_path()
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(DESK / "rates.txt", sources)
    model = ["--model", str(DEMO_MODEL), "-q"]
    # A bare --only-new with no state yet creates none.
    assert main(["make", str(sources), "-o", str(tmp_path / "p0.docx"), "--only-new", *model]) == 0
    assert not state.exists()
    assert main(["make", str(sources), "-o", str(tmp_path / "1.docx"), "--state", str(state),
                 *model]) == 0  # fmt: skip
    before, mtime = state.read_bytes(), state.stat().st_mtime_ns
    shutil.copy(DESK / "football.txt", sources)

    preview = tmp_path / "preview.docx"
    assert main(["make", str(sources), "-o", str(preview), "--only-new", *model]) == 0
    assert read_mark(preview).sources == 1  # type: ignore[union-attr]  # the new one
    assert state.read_bytes() == before and state.stat().st_mtime_ns == mtime
    assert list(state.parent.iterdir()) == [state]  # no journal, nothing set aside

    # The desk still sees football as new: the preview reported nothing.
    desk_run = tmp_path / "2.docx"
    assert main(["make", str(sources), "-o", str(desk_run), "--only-new", "--state",
                 str(state), *model]) == 0  # fmt: skip
    assert read_mark(desk_run).sources == 1  # type: ignore[union-attr]
    assert state.read_bytes() != before
    capsys.readouterr()


def test_nothing_new_writes_and_sends_nothing(
    smtp: tuple[Handler, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    handler, port = smtp
    config = desk(tmp_path, port)
    assert main(["make", "--config", str(config), "-q", "--date", "2026-11-28"]) == 0
    assert len(handler.received) == 1
    capsys.readouterr()
    recorded = reported(tmp_path / "state.sqlite")

    assert main(["make", "--config", str(config), "-q", "--date", "2026-11-29"]) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("briefgen: nothing new since ")
    assert line.endswith(": no briefing written, nothing sent")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "b-2026-11-28.docx",
        "b-2026-11-28.eml",
    ]
    assert len(handler.received) == 1
    assert reported(tmp_path / "state.sqlite") == recorded


def test_send_when_empty_sends_a_short_notice_without_an_attachment(
    smtp: tuple[Handler, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    handler, port = smtp
    config = desk(tmp_path, port, "send_when_empty = true", 'title = "Desk"')
    assert main(["make", "--config", str(config), "-q", "--date", "2026-11-28"]) == 0
    capsys.readouterr()
    assert main(["make", "--config", str(config), "-q", "--date", "2026-11-29"]) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("briefgen: nothing new since ") and "sending a short notice" in line
    assert not list((tmp_path / "out").glob("*2026-11-29*"))
    notice = email.message_from_bytes(handler.received[1], policy=email.policy.default)
    assert "nothing new since" in notice["Subject"] and notice["Subject"].startswith("Desk")
    assert list(notice.iter_attachments()) == []
    assert "Nothing new since" in notice.get_content()
    assert notice["X-Generator"].startswith("briefgen ")


@pytest.mark.parametrize("suffix", [".docx", ".html", ".md", ".txt"])
def test_every_output_carries_the_mark(tmp_path: Path, suffix: str) -> None:
    briefing = briefgen.make_briefing([DESK / "rates.txt", DESK / "port-a.txt"], model=DEMO_MODEL)
    # Briefing.save, as a Python user writes it: the renderers put the mark in.
    path = briefing.save(tmp_path / f"b{suffix}")
    mark = read_mark(path)
    assert mark is not None and mark.version == briefgen.__version__ and mark.sources == 2
    if suffix == ".docx":
        assert briefing.save(tmp_path / "again.docx").read_bytes() == path.read_bytes()
        eml = briefing.to_email(path)
        assert eml["X-Generator"] == f"briefgen {briefgen.__version__}; sources=2"
    else:  # the mark is one line before the briefing's own text
        text = path.read_text(encoding="utf-8")
        assert text.count(f"briefgen {briefgen.__version__}; sources=2") == 1
        assert briefing.title in text


def test_a_mark_quoted_inside_an_article_is_not_a_mark(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("An article\n\nIt quotes briefgen 1.0; sources=3 in its text.\n")
    assert read_mark(text) is None


def test_briefgen_never_reads_its_own_output_back_whatever_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "self"
    folder.mkdir()
    shutil.copy(DESK / "rates.txt", folder)
    model = ["--model", str(DEMO_MODEL), "--date", "2026-11-28"]
    assert main(["make", str(folder), "-o", str(folder / "briefing.docx"), "-q", *model]) == 0
    assert main(["make", str(folder), "-o", str(folder / "briefing.html"), *model]) == 0
    err = capsys.readouterr().err.splitlines()
    assert "briefgen: reading 1 source file(s)" in err
    assert (
        f"briefgen: warning: {folder / 'briefing.docx'} is a briefing made by briefgen; "
        "not read as a source"
    ) in err
    assert read_mark(folder / "briefing.html").sources == 1  # type: ignore[union-attr]
    for made in ("notes.md", "plain.txt"):
        assert main(["make", str(folder / "rates.txt"), "-o", str(folder / made), "-q",
                     *model]) == 0  # fmt: skip
    # Renamed, an earlier output is still no source.
    (folder / "briefing.docx").rename(folder / "yesterday.docx")
    (folder / "briefing.html").rename(folder / "page.html")
    capsys.readouterr()
    assert main(["make", str(folder), "-o", str(tmp_path / "again.docx"), *model]) == 0
    err = capsys.readouterr().err.splitlines()
    assert "briefgen: reading 1 source file(s)" in err
    skipped = sorted(line.split()[2] for line in err if "made by briefgen" in line)
    assert skipped == sorted(str(folder / n) for n in ("notes.md", "page.html", "plain.txt",
                                                        "yesterday.docx"))  # fmt: skip
    assert read_mark(tmp_path / "again.docx").sources == 1  # type: ignore[union-attr]
