"""``briefgen make --config`` and ``run_desk`` are one run: every config key, given to
each, has the same outcome (exit status or exception, files written, state recorded,
email sent). Each case runs in two copies of one folder, one per way in."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, ROOT
from docx_text import docx_text

from briefgen.cli import main
from briefgen.desk import DeskConfig, PlanError, StrictError, run_desk
from briefgen.desk.config import ConfigError
from briefgen.errors import BriefgenError, DeliveryError

aiosmtpd = pytest.importorskip("aiosmtpd", reason="needs the test extra: pip install -e '.[test]'")
from smtp_server import Mailbox, running_mailbox  # noqa: E402

DATE = "2025-09-12"
BASE = f'sources = ["sources/"]\nmodel = "{DEMO_MODEL}"\nstate = "state.sqlite"\n'
SMTP = '[email]\nsmtp = "127.0.0.1:{port}"\nsecurity = "none"\n'


@pytest.fixture
def mailbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Mailbox, int]]:
    with running_mailbox(monkeypatch) as running:
        yield running


# Every key of desk.toml (the [email] table's as email.KEY), with a value that makes
# it matter, and some values that are wrong. The text is added to BASE (a key given
# again replaces BASE's); {port} is the test SMTP server's.
CASES: dict[str, str] = {
    "sources": 'sources = ["sources/rates.txt", "sources/missing.txt"]',
    "title": 'title = "Morning"',
    "output": 'output = "out/b-{date}.docx"',
    "template": 'template = "compact"',
    "template (missing)": 'template = "nowhere.docx"',
    "glossary": 'glossary = "terms.tsv"',
    "corrections": 'corrections = "corrections.tsv"',
    "model (missing)": 'model = "nowhere.argosmodel"',
    "translator": 'translator = "libretranslate"',
    "urls": 'urls = ["http://127.0.0.1:9"]',
    "classification": 'classification = "Internal: desk only"',
    "author": 'author = "The desk"',
    "lang": 'lang = "ja"',
    "encoding": 'encoding = "cp932"',
    "glob": 'glob = "r*.txt"',
    "points": "points = 2",
    "points (wrong)": 'points = "lots"',
    "lede": "lede = 1",
    "gist_chars": "gist_chars = 40",
    "gist_chars (wrong)": "gist_chars = 5000",
    "lede (wrong)": "lede = 5",
    "beam": "beam = 1",
    "device": 'device = "cpu"',
    "cache": "cache = false",
    "strict": 'strict = true\nsources = ["sources/", "sources/missing.txt"]',
    "state": 'state = "elsewhere/state.sqlite"',
    "only_new": "only_new = true",
    "send_when_empty": "only_new = true\nsend_when_empty = true\n" + SMTP + 'to = ["a@x.org"]',
    "unknown key": "colour = 3",
    "email.to": SMTP + 'to = ["a@x.org"]',
    "email.cc": SMTP + 'cc = ["c@x.org"]',
    "email.bcc": SMTP + 'bcc = ["b@x.org"]',
    "email.from": '[email]\neml = "b.eml"\nfrom = "desk@x.org"',
    "email.from (wrong)": '[email]\neml = "b.eml"\nfrom = "not an address"',
    "email.subject": '[email]\neml = "b.eml"\nsubject = "Today"',
    "email.smtp (down)": '[email]\nsmtp = "127.0.0.1:9"\nsecurity = "none"\nto = ["a@x.org"]',
    "email.smtp (no one)": SMTP,
    "email.security": SMTP + 'to = ["a@x.org"]\nsecurity = "ssl"',
    "email.eml": '[email]\neml = "out/b-{date}.eml"',
    "email.draft": '[email]\neml = "b.eml"\ndraft = true',
    "email.draft (no eml)": "[email]\ndraft = true",
}
# Two runs, one after the other: what the second does depends on the first.
TWICE = {"only_new", "send_when_empty", "email.to"}


def _folder(where: Path, case: str, port: int) -> Path:
    where.mkdir()
    (where / "sources").mkdir()
    for name in ("rates.txt", "football.txt"):
        shutil.copy(ROOT / "tests" / "desk" / name, where / "sources" / name)
    (where / "terms.tsv").write_text("日本銀行\tthe BOJ\n", encoding="utf-8")
    (where / "corrections.tsv").write_text("", encoding="utf-8")
    extra = CASES[case].replace("{port}", str(port))
    keys = {line.split("=")[0].strip() for line in extra.split("[email]")[0].splitlines()}
    base = [line for line in BASE.splitlines() if line.split("=")[0].strip() not in keys]
    (where / "desk.toml").write_text("\n".join([*base, extra]) + "\n", encoding="utf-8")
    return where / "desk.toml"


def _by_cli(config: Path) -> str:
    status = main(["make", "--config", str(config), "--date", DATE, "-q"])
    return {0: "done", 1: "failed", 2: "refused", 3: "partial", 4: "undelivered"}[status]


def _by_python(config: Path) -> str:
    import datetime as dt

    try:
        run = run_desk(DeskConfig.load(config), date=dt.date.fromisoformat(DATE))
    except (PlanError, ConfigError):
        return "refused"
    except DeliveryError:
        return "undelivered"
    except (StrictError, BriefgenError):
        return "failed"
    return "partial" if run.briefing.skipped else "done"


def _what_is_there(where: Path, box: Mailbox) -> dict[str, object]:
    """The files written (Word files as their text), the state's rows and the mail
    received, with the folder's own path taken out."""
    files: dict[str, str] = {}
    for path in sorted(where.rglob("*")):
        name = str(path.relative_to(where))
        if path.is_dir() or name.startswith("sources/") or path.suffix == ".sqlite":
            continue
        if path.suffix == ".docx":
            files[name] = docx_text(path).replace(str(where), "<folder>")
        elif path.suffix != ".toml" and path.suffix != ".tsv":
            files[name] = "present"
    state: list[tuple[object, ...]] = []
    for db in sorted(where.rglob("*.sqlite")):
        with sqlite3.connect(db) as connection:
            for (table,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            ):
                rows = connection.execute(f"SELECT * FROM {table}").fetchall()
                state.append((db.name, table, len(rows)))
    mail = [message.split(b"\r\n\r\n")[0] for message in box.received]
    subjects = sorted(
        line for message in mail for line in message.split(b"\r\n") if line.startswith(b"Subject")
    )
    return {"files": files, "state": state, "mail": subjects}


@pytest.mark.parametrize("case", list(CASES))
def test_make_config_and_run_desk_agree_on_every_key(
    case: str, tmp_path: Path, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    outcomes = []
    for way, run in (("cli", _by_cli), ("python", _by_python)):
        config = _folder(tmp_path / way, case, port)
        box.received.clear()
        statuses = [run(config) for _ in range(2 if case in TWICE else 1)]
        outcomes.append((statuses, _what_is_there(tmp_path / way, box)))
    (cli_status, cli_left), (python_status, python_left) = outcomes
    assert cli_status == python_status
    assert cli_left == python_left


def test_the_cases_cover_every_config_key() -> None:
    from dataclasses import fields

    from briefgen.desk.config import EmailSettings

    keys = {f.name for f in fields(DeskConfig)} - {"email", "folder", "where"}
    keys |= {"email." + ("from" if f.name == "sender" else f.name) for f in fields(EmailSettings)}
    covered = {case.split(" (")[0] for case in CASES}
    assert keys - covered == set()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("title", ["done"]),
        ("sources", ["partial"]),
        ("template (missing)", ["refused"]),
        ("strict", ["failed"]),
        ("email.smtp (down)", ["undelivered"]),
        ("only_new", ["done", "done"]),
        ("unknown key", ["refused"]),
    ],
)
def test_the_outcomes_are_the_ones_each_key_asks_for(
    case: str, expected: list[str], tmp_path: Path, mailbox: tuple[Mailbox, int]
) -> None:
    """The comparison above could agree on a wrong outcome: a few keys' outcomes, as
    the README promises them."""
    config = _folder(tmp_path / "desk", case, mailbox[1])
    assert [_by_python(config) for _ in expected] == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"pointz": 3}, "pointz: no such setting; did you mean 'points'?"),
        ({"date": "2025-09-12"}, "date: '2025-09-12' is not a datetime.date"),
        ({"strict": "yes"}, "strict: 'yes' is not True or False"),
        ({"encoding": "nonsense"}, "encoding = 'nonsense': not an encoding Python knows"),
        ({"beam": 99}, "beam = '99': must be from 1 to 32"),
    ],
)
def test_python_settings_are_checked_and_named_as_given(
    given: dict[str, object], message: str, tmp_path: Path
) -> None:
    from briefgen.desk import plan_make

    with pytest.raises(PlanError) as refused:
        plan_make({"sources": ["x.txt"], "output": tmp_path / "b.docx", **given})
    assert str(refused.value).startswith(message)


def test_an_output_given_for_the_run_takes_the_configs_email_with_it(tmp_path: Path) -> None:
    from briefgen.desk import plan_make

    (tmp_path / "desk.toml").write_text('sources = ["s/"]\n[email]\neml = "mail/{date}.eml"\n')
    config = DeskConfig.load(tmp_path / "desk.toml")
    plan = plan_make({"output": tmp_path / "extra.docx"}, config, origins={"output": "-o"})
    assert plan.destination.mail.eml == tmp_path / "extra.eml"
    plan = plan_make({}, config)
    assert plan.destination.mail.eml is not None and plan.destination.mail.eml.parent.name == "mail"


def test_a_desk_run_dates_its_email_when_it_is_made(tmp_path: Path) -> None:
    import datetime as dt
    import email
    import email.utils

    shutil.copy(ROOT / "tests" / "desk" / "rates.txt", tmp_path / "rates.txt")
    (tmp_path / "desk.toml").write_text(
        f'sources = ["rates.txt"]\nmodel = "{DEMO_MODEL}"\nstate = "s.sqlite"\n'
        '[email]\neml = "b-{date}.eml"\n'
    )
    run = run_desk(DeskConfig.load(tmp_path / "desk.toml"))  # the day's date, not given
    assert run.eml is not None
    sent = email.utils.parsedate_to_datetime(email.message_from_bytes(run.eml.read_bytes())["Date"])
    assert abs(sent - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)


def test_a_flag_turns_a_configs_switch_off(tmp_path: Path) -> None:
    """--no-strict over strict = true: the partial briefing is written (exit 3)."""
    config = _folder(tmp_path / "desk", "strict", port=9)  # no mail in this case
    assert _by_cli(config) == "failed"
    status = main(["make", "--config", str(config), "--date", DATE, "-q", "--no-strict"])
    assert status == 3
