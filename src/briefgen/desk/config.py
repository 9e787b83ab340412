"""The daily desk's briefing config: one TOML file instead of a long command line.

``briefgen make --config desk.toml`` reads it; flags given on the command line win
over it. Paths in it are relative to the file's own folder; ``{date}`` in ``output``
and ``email.eml`` is the run's date (``2026-11-28``). Unknown keys and wrong types are
errors that name the key and the file. :data:`EXAMPLE` is what ``briefgen init``
writes; the README and ``examples/desk.toml`` show the same keys.
"""

from __future__ import annotations

import datetime as dt
import difflib
import glob
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from briefgen.errors import BriefgenError

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


class ConfigError(BriefgenError):
    """The config file cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class EmailSettings:
    """The ``[email]`` table: where the briefing goes (credentials only from the
    environment: ``BRIEFGEN_SMTP_USER``, ``BRIEFGEN_SMTP_PASSWORD``)."""

    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    sender: str | None = None  # "from" in the file
    subject: str | None = None
    smtp: str | None = None
    security: str = "starttls"
    eml: str | None = None
    draft: bool = False


@dataclass(frozen=True)
class DeskConfig:
    """A desk's briefing, as ``desk.toml`` describes it (the same names as its keys)."""

    sources: tuple[str, ...] = ()
    title: str | None = None
    output: str = "briefing-{date}.docx"
    template: str | None = None
    glossary: str | None = None
    corrections: str | None = None
    model: str | None = None
    translator: str = "argos"
    urls: tuple[str, ...] = ()
    classification: str = ""
    author: str = ""
    lang: str | None = None
    encoding: str | None = None
    glob: str | None = None
    points: int | float | str | None = None
    lede: int = 2
    gist_chars: int = 100
    beam: int = 2
    device: str = "auto"
    cache: bool = True
    strict: bool = False
    state: str | None = None
    only_new: bool = False
    send_when_empty: bool = False  # with only_new and nothing new: a short notice by SMTP
    email: EmailSettings = field(default_factory=EmailSettings)
    folder: Path = Path(".")  # where relative paths start: the config file's folder
    where: str = "config"  # how messages name it: the file's path

    @classmethod
    def load(cls, path: str | Path) -> DeskConfig:
        """Read and check ``path``; :class:`ConfigError` names the key at fault."""
        path = Path(path)
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from None
        return cls.from_dict(data, where=str(path), folder=path.resolve().parent)

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], where: str = "config", folder: Path = Path(".")
    ) -> DeskConfig:
        values = _checked(data, cls, where, skip={"email", "folder", "where"})
        email = data.get("email", {})
        if not isinstance(email, Mapping):
            raise ConfigError(f"{where}: email must be a table ([email])")
        renamed = {("sender" if k == "from" else k): v for k, v in email.items()}
        settings = EmailSettings(**_checked(renamed, EmailSettings, f"{where} [email]"))
        config = cls(**values, email=settings, folder=folder, where=where)
        config.check(where)
        return config

    def check(self, where: str = "config") -> None:
        """What only the file can get wrong: its paths' placeholders. The values' ranges
        are checked where flags' are, once, by :func:`briefgen.desk.plan.plan_make`."""
        if self.state and "{" in self.state:
            raise ConfigError(f"{where}: state is one file for every day: no {{date}} in it")
        for key, value in (("output", self.output), ("email.eml", self.email.eml or "")):
            unknown = set(_PLACEHOLDER.findall(value)) - {"{date}"}
            if unknown or value.count("{") != value.count("}"):
                shown = ", ".join(sorted(unknown)) or "an unclosed {"
                raise ConfigError(f"{where}: {key} has {shown}; the only placeholder is {{date}}")

    def path(self, value: str, date: dt.date | None = None) -> Path:
        """``value`` (``~`` expanded, ``{date}`` filled in) from the config's folder."""
        if date is not None:
            value = value.replace("{date}", date.isoformat())
        return self.folder / Path(value).expanduser()

    def template_path(self) -> str | None:
        """A shipped template's name as it is; a file from the config's folder."""
        if not self.template:
            return None
        local = self.path(self.template)
        return str(local) if local.exists() or "/" in self.template else self.template

    def glob_of(self, pattern: str) -> str:
        """A glob for every file ``pattern`` named on any day (``{date}``: a date)."""
        day = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
        full = glob.escape(str(self.folder)) + "/" + glob.escape(pattern)
        return full.replace(glob.escape("{date}"), day).replace("{date}", day)

    def earlier_outputs(self) -> list[str]:
        """Every briefing and email this desk wrote on any day, renamed ones included
        (``briefing-<date>-2.docx``: see :mod:`briefgen.desk.carry`): never sources."""
        found: list[str] = []
        for pattern in (self.output, self.email.eml):
            if pattern:
                every_day = Path(self.glob_of(pattern))
                numbered = every_day.with_name(f"{every_day.stem}-[0-9]*{every_day.suffix}")
                found += glob.glob(str(every_day)) + glob.glob(str(numbered))
        return found

    def source_paths(self) -> list[str]:
        """The sources, globs expanded (in name order); a glob matching nothing is kept
        as it is, so that it is reported as a missing source."""
        found: list[str] = []
        for source in self.sources:
            if source == "-":
                found.append(source)
                continue
            full = str(self.path(source))
            if any(ch in source for ch in "*?["):
                pattern = glob.escape(str(self.folder)) + "/" + str(Path(source).expanduser())
                if Path(source).expanduser().is_absolute():
                    pattern = str(Path(source).expanduser())
                found += sorted(glob.glob(pattern, recursive=True)) or [full]
            else:
                found.append(full)
        return found


def _checked(
    data: Mapping[str, Any], kind: type, where: str, skip: frozenset[str] | set[str] = frozenset()
) -> dict[str, Any]:
    """``data``'s keys, each known to ``kind`` and of its type (lists become tuples)."""
    known = {f.name: f for f in fields(kind) if f.name not in skip}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "email" and key in skip:  # a table of its own, checked by the caller
            continue
        if key not in known:
            close = difflib.get_close_matches(key, [*known, "email"], n=1, cutoff=0.75)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ConfigError(f"{where}: unknown key {key!r}{hint}")
        expected = str(known[key].type)
        if "tuple" in expected:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: {key} must be a list of strings")
            value = tuple(value)
        elif expected == "bool":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: {key} must be true or false")
        elif expected == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                raise ConfigError(f"{where}: {key} must be a whole number")
        elif key == "points":
            if not isinstance(value, int | float | str) or isinstance(value, bool):
                raise ConfigError(f'{where}: points must be a number (8) or a share ("25%")')
        elif not isinstance(value, str):
            raise ConfigError(f"{where}: {key} must be a string")
        values[key] = value
    return values


EXAMPLE = """\
# briefgen desk config: run it with
#   briefgen make --config desk.toml
# Flags on the command line win over this file. Relative paths start from this
# file's folder; {date} is the day of the run (as 2026-11-28), which is also the
# briefing's date.

# What to read: files, folders (walked) and globs. Edit this line.
sources = ["sources/"]

title = "Morning briefing"
# Where the briefing goes (the folder is created if missing).
output = "briefings/briefing-{date}.docx"

# template = "briefing"            # or compact, parallel, or a .docx of your own
# glossary = "terms.tsv"           # term<TAB>English: names that must come out right
# corrections = "corrections.tsv"  # source sentence<TAB>your English: used before the model
# model = "~/models/nllb-200"      # default: the installed Argos package per language
# translator = "libretranslate"    # with urls = ["https://mt.example.org"]
# classification = "Internal: press desk only"
# points = 8                       # key points in all, or a share: "25%"
# gist_chars = 100                 # each source's point in one line, at most this long
# lede = 2                         # sentences in each source's lede (0, 1 or 2)
# encoding = "cp932"               # the sources' encoding (default: detected)
# glob = "*.txt"                   # only these files from source folders
# author = "Press desk"            # the author the Word file's properties name
# beam = 2                         # translation beam (1 is fastest)
# device = "auto"                  # auto, cpu or cuda
# cache = true                     # keep translations for the next run
# strict = false                   # true: a source that cannot be used fails the run
# lang = "ja"                      # default: detected per source

# What is new since the last briefing is kept in your data folder (or here):
# state = "desk-state.sqlite"
# only_new = true                  # leave out what earlier briefings reported
# send_when_empty = true           # nothing new: email a short "nothing new since …"

[email]
# eml = "briefings/briefing-{date}.eml"   # an email with the briefing attached
# to = ["desk@example.org"]
# from = "briefgen@example.org"
# smtp = "smtp.example.org:587"    # credentials: BRIEFGEN_SMTP_USER / _PASSWORD
# security = "starttls"            # or "ssl" (port 465), "none" (a relay here, port 25)
# cc = ["chief@example.org"]
# bcc = ["archive@example.org"]    # sent only, never written into the message
# subject = "Morning briefing"     # default: title, date and (one source) its gist
# draft = true                     # the .eml opens as a draft in Outlook
"""
