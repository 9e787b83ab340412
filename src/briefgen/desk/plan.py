"""One run of ``briefgen make``, planned once and carried out one way.

A :class:`Plan` is built by :func:`plan_make` from three layers, each overriding the
one before: briefgen's defaults, a desk config (``desk.toml``, see
:mod:`briefgen.desk.config`), and the values given on the command line (or by a
Python caller). Every setting remembers where it came from, so that the one place
that checks them (:func:`plan_make`, before any work) names the flag (``--beam 40``)
or the config key and file (``desk.toml: beam``) in its :class:`PlanError`.

:func:`run_plan` carries a plan out: read and summarize and translate the sources
(:func:`briefgen.pipeline.make_briefing`), refuse a partial briefing under
``strict``, then :func:`briefgen.desk.carry.carry_out`: write, deliver, record.
``briefgen make`` (with or without ``--config``) and :func:`briefgen.desk.run_desk`
are both these two calls, so they cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from briefgen._io import folder_problem, named_as_source
from briefgen.desk.carry import Destination, Mail, Outcome
from briefgen.errors import BriefgenError
from briefgen.options import Options, split_points

if TYPE_CHECKING:
    from briefgen.briefing import Briefing
    from briefgen.desk.config import DeskConfig
    from briefgen.model import SkippedSource
    from briefgen.pipeline import Progress

OUTPUT_SUFFIXES = (".docx", ".html", ".md", ".txt")
StateMode = Literal["none", "read", "record"]


class PlanError(BriefgenError):
    """A setting cannot be used; the message names the flag, or the config file and
    key, it came from. Found before any work is done."""


class StrictError(BriefgenError):
    """``strict`` is set and some sources could not be used: nothing was written."""

    def __init__(self, message: str, left_out: tuple[SkippedSource, ...]) -> None:
        super().__init__(message)
        self.left_out = left_out


# Every setting of a run, by name, with its default. The names are desk.toml's keys
# (the [email] table's flattened); flags map onto them through FLAGS.
DEFAULTS: dict[str, Any] = {
    "sources": (),
    "output": None,
    "format": None,
    "title": None,
    "date": None,
    "template": None,
    "glossary": None,
    "corrections": None,
    "model": None,
    "translator": "argos",
    "urls": (),
    "allow_insecure_key": False,
    "classification": "",
    "author": "",
    "lang": None,
    "encoding": None,
    "glob": None,
    "points": None,
    "lede": 2,
    "gist_chars": 100,
    "beam": 2,
    "device": "auto",
    "cache": True,
    "strict": False,
    "state": None,
    "no_state": False,
    "only_new": False,
    "send_when_empty": False,
    "to": (),
    "cc": (),
    "bcc": (),
    "sender": None,
    "subject": None,
    "smtp": None,
    "security": "starttls",
    "eml": None,
    "draft": False,
    "smtp_timeout": 30.0,
}

# The command line's name for each setting (for messages).
FLAGS = {
    "sources": "SOURCES",
    "output": "-o",
    "urls": "--url",
    "sender": "--from",
    "cache": "--no-cache",
    "security": "--starttls/--ssl/--no-tls",
    "lede": "--lede",
} | {name: "--" + name.replace("_", "-") for name in DEFAULTS if name not in (
    "sources", "output", "urls", "sender", "cache", "security", "lede")}  # fmt: skip

# desk.toml's name for each setting it can hold.
_EMAIL_KEYS = {
    "to": "to",
    "cc": "cc",
    "bcc": "bcc",
    "sender": "from",
    "subject": "subject",
    "smtp": "smtp",
    "security": "security",
    "eml": "eml",
    "draft": "draft",
}


@dataclass(frozen=True)
class Plan:
    """Everything one run will do, checked: what to read, how to make the briefing,
    where it goes, and what the desk's state does (``none``, ``read`` for a preview
    that marks what is new without recording, ``record``)."""

    sources: tuple[str, ...]
    destination: Destination
    options: Options
    model: str | None = None
    title: str | None = None
    date: dt.date | None = None
    classification: str = ""
    author: str = ""
    strict: bool = False
    state: Path | None = None  # None: the default one in the data folder
    state_mode: StateMode = "none"
    exclude: tuple[str, ...] = ()  # never sources: this run's and earlier runs' outputs
    folders: tuple[Path, ...] = ()  # made before writing (the config's own folders)
    origins: Mapping[str, str] = field(default_factory=dict)

    def where(self, name: str) -> str:
        """Where setting ``name`` came from: ``--beam`` or ``desk.toml: beam``."""
        return self.origins.get(name, FLAGS.get(name, name))


@dataclass(frozen=True)
class _Setting:
    value: Any
    origin: str  # "" for a default, "--flag", or "desk.toml: key"


def config_settings(config: DeskConfig, where: str, date: dt.date) -> dict[str, _Setting]:
    """``config``'s values as settings: paths from the config's folder, ``{date}``
    filled in with the run's ``date``, each named ``where: key``."""
    email = config.email
    values: dict[str, Any] = {
        "sources": tuple(config.source_paths()),
        "output": config.path(config.output, date),
        "title": config.title,
        "template": config.template_path(),
        "glossary": config.path(config.glossary) if config.glossary else None,
        "corrections": config.path(config.corrections) if config.corrections else None,
        "model": str(config.path(config.model)) if config.model else None,
        "translator": config.translator,
        "urls": config.urls,
        "classification": config.classification,
        "author": config.author,
        "lang": config.lang,
        "encoding": config.encoding,
        "glob": config.glob,
        "points": config.points,
        "lede": config.lede,
        "gist_chars": config.gist_chars,
        "beam": config.beam,
        "device": config.device,
        "cache": config.cache,
        "strict": config.strict,
        "state": config.path(config.state) if config.state else None,
        "only_new": config.only_new,
        "send_when_empty": config.send_when_empty,
        "eml": config.path(email.eml, date) if email.eml else None,
        "to": email.to,
        "cc": email.cc,
        "bcc": email.bcc,
        "sender": email.sender,
        "subject": email.subject,
        "smtp": email.smtp,
        "security": email.security,
        "draft": email.draft,
    }
    settings = {}
    for name, value in values.items():
        key = f"email.{_EMAIL_KEYS[name]}" if name in _EMAIL_KEYS else name
        settings[name] = _Setting(value, f"{where}: {key}")
    return settings


def plan_make(
    given: Mapping[str, Any] | None = None,
    config: DeskConfig | None = None,
    *,
    origins: Mapping[str, str] | None = None,
) -> Plan:
    """The plan of one run: the defaults, then ``config``'s values (a desk run: the
    date is today's unless given, the state is recorded, earlier outputs are no
    sources), then ``given`` (named as :data:`DEFAULTS`; ``origins`` says how a
    caller calls each, default the flag). Every check happens here;
    :class:`PlanError` names the setting at fault and where it came from."""
    given = dict(given or {})
    # A Python caller's settings are named by their own names; the CLI passes its flags.
    origins = dict(origins) if origins is not None else {name: name for name in given}
    for name, value in given.items():
        if problem := _wrong_type(name, value):
            raise PlanError(f"{origins.get(name, name)}: {problem}")
    settings = {name: _Setting(value, "") for name, value in DEFAULTS.items()}
    exclude: list[str] = []
    if config is not None:
        date = given.get("date") or dt.date.today()  # a daily desk's briefing is the day's
        settings |= config_settings(config, config.where, date)
        settings["date"] = _Setting(date, settings["date"].origin)
        exclude += config.earlier_outputs()
    for name, value in given.items():
        settings[name] = _Setting(value, origins.get(name, FLAGS[name]))
    if config is not None and "output" in given and "eml" not in given and config.email.eml:
        # An output given for this run takes the config's email with it, beside it: the
        # day's .eml never attaches another file than the day's briefing.
        eml = Path(given["output"]).with_suffix(".eml")
        settings["eml"] = _Setting(eml, origins.get("output", FLAGS["output"]))
    return _checked_plan(settings, from_config=config is not None, exclude=exclude)


def _checked_plan(settings: dict[str, _Setting], *, from_config: bool, exclude: list[str]) -> Plan:
    value = {name: s.value for name, s in settings.items()}

    def fail(name: str, problem: str, show_value: bool = True) -> PlanError:
        """The error, naming the setting as it was given: ``--template x.docx`` or
        ``desk.toml: template = 'x.docx'``."""
        origin = settings[name].origin or FLAGS[name]
        shown = value[name]
        if show_value and shown is not None and not isinstance(shown, bool | tuple | list):
            if settings[name].origin.startswith("-") or not settings[name].origin:
                origin = f"{origin} {shown}"
            else:
                origin = f"{origin} = {str(shown)!r}"
        return PlanError(f"{origin}: {problem}")

    def unreadable(name: str, exc: BriefgenError) -> PlanError:
        """A file the setting names could not be used; ``exc`` names the file."""
        origin = settings[name].origin or FLAGS[name]
        return PlanError(f"{origin} {exc}" if origin.startswith("-") else f"{origin}: {exc}")

    # Folders the config names are made for it; anything else must exist.
    made = {
        name
        for name in ("output", "eml", "state")
        if value[name] is not None
        and settings[name].origin
        and not settings[name].origin.startswith("-")
    }

    output = value["output"]
    if output is None:
        raise PlanError("no output: give -o OUT.docx (or output = in a --config file)")
    sources = tuple(str(s) for s in value["sources"])
    if not sources:
        raise PlanError(
            "no sources: name files or folders, - for standard input, or --from-file LIST"
        )
    output = Path(output)
    if output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise fail("output", "the output must be a .docx file (or .html, .md, .txt for a preview)")
    if problem := (
        folder_problem(output, make="output" in made)
        or named_as_source(output, sources)
        or not_ours(output)
    ):
        raise fail("output", problem)
    output_format = output.suffix.lower().lstrip(".")
    if value["format"] is not None and value["format"] != output_format:
        raise PlanError(
            f"--format {value['format']} and -o {output} disagree: name the file "
            f"….{value['format']}, or leave --format out"
        )
    model = value["model"]
    if model is not None and not Path(model).exists():
        raise fail("model", "no such file or folder")
    if value["template"] is not None:
        _check_template(value["template"], output_format, fail)

    if value["encoding"] is not None:
        import codecs

        try:
            codecs.lookup(value["encoding"])
        except LookupError:
            raise fail(
                "encoding", "not an encoding Python knows (e.g. utf-8, cp932, euc_jp)"
            ) from None
    for name, check in _SIMPLE_CHECKS.items():
        if (problem := check(value[name])) is not None:
            raise fail(name, problem)
    try:
        key_points, key_point_ratio = split_points(value["points"])
    except ValueError as exc:
        raise fail("points", str(exc), show_value=False) from None

    glossary = None
    if value["glossary"] is not None:
        from briefgen.translate.glossary import Glossary

        try:
            glossary = Glossary.load(value["glossary"])
        except BriefgenError as exc:
            raise unreadable("glossary", exc) from None
    urls = tuple(value["urls"])
    if value["translator"] == "libretranslate" and not urls:
        raise fail("translator", "libretranslate needs --url URL (urls = [...]), one per server")
    if urls and value["translator"] != "libretranslate":
        raise fail("urls", "is for --translator libretranslate")
    if urls and model:
        raise fail("model", "is for --translator argos; LibreTranslate uses its own")
    if urls and not value["allow_insecure_key"]:
        from briefgen.translate.libretranslate import api_key, insecure_key_problem

        if problem := insecure_key_problem(urls, api_key()):
            raise PlanError(problem)
    for url in urls:
        if not url.startswith(("http://", "https://")):
            raise PlanError(
                f"{settings['urls'].origin or '--url'} {url}: give the server as http://HOST:PORT"
            )
    corrections = value["corrections"]
    if corrections is not None:
        from briefgen.translate.memory import read_corrections

        try:
            read_corrections(corrections)
        except BriefgenError as exc:
            raise unreadable("corrections", exc) from None
    if value["only_new"] and value["no_state"]:
        raise PlanError("--only-new needs the desk's state: leave out --no-state")
    if value["no_state"] and settings["state"].origin.startswith("-"):
        raise PlanError("--state and --no-state disagree: give one of them")

    # Flags about sending, with nothing to send through, would be silently ignored.
    for name in ("security", "smtp_timeout"):
        if settings[name].origin.startswith("-") and not value["smtp"]:
            raise PlanError(f"{settings[name].origin} is for sending: add --smtp HOST")
    mail = _checked_mail(value, settings, fail, output_format, made)
    try:
        options = Options(
            language=value["lang"],
            encoding=value["encoding"],
            glob=value["glob"],
            lede_sentences=value["lede"],
            gist_chars=value["gist_chars"],
            beam_size=value["beam"],
            device=value["device"],
            use_cache=value["cache"],
            glossary=glossary,
            translator=value["translator"],
            servers=urls,
            allow_insecure_key=value["allow_insecure_key"],
            corrections=Path(corrections) if corrections is not None else None,
            key_points=key_points,
            key_point_ratio=key_point_ratio,
        )
    except ValueError as exc:
        raise PlanError(str(exc)) from None

    state_mode: StateMode = "none"
    if not value["no_state"]:
        if from_config or value["state"] is not None:
            state_mode = "record"
        elif value["only_new"]:
            state_mode = "read"  # a preview: what is new, without recording it
    return Plan(
        sources=sources,
        destination=Destination(
            output=output,
            format=output_format,
            template=value["template"],
            mail=mail,
            only_new=value["only_new"],
            send_when_empty=value["send_when_empty"],
        ),
        options=options,
        model=model,
        title=value["title"],
        date=value["date"],
        classification=value["classification"],
        author=value["author"],
        strict=value["strict"],
        state=Path(value["state"]) if value["state"] is not None else None,
        state_mode=state_mode,
        # A briefing written into a source folder is no source (nor are earlier days').
        exclude=(str(output), *exclude),
        folders=tuple(sorted({Path(value[name]).parent for name in made})),
        origins={name: s.origin for name, s in settings.items() if s.origin},
    )


def _check_template(template: str, output_format: str, fail: Callable[..., PlanError]) -> None:
    if output_format == "docx":
        from briefgen.render.templates import find_template

        try:
            found = find_template(template)
        except BriefgenError as exc:
            raise fail(
                "template", str(exc).removeprefix(f"{template}: "), show_value=True
            ) from None
        if not zipfile.is_zipfile(found):
            raise fail("template", "not a Word .docx file")
        from briefgen.render.docx import check_word_template

        try:
            check_word_template(found)  # within the limits of a Word file, before any work
        except BriefgenError as exc:
            raise fail("template", str(exc).removeprefix(f"{found}: ")) from None
        return
    from briefgen.render.text import check_text_template

    try:
        check_text_template(template, output_format)
    except BriefgenError as exc:
        raise fail("template", str(exc).removeprefix(f"{template}: ")) from None


def _one_of(*allowed: str) -> Callable[[Any], str | None]:
    return lambda v: (
        None if v in allowed else "must be " + ", ".join(allowed[:-1]) + f" or {allowed[-1]}"
    )


_SIMPLE_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "lede": lambda v: None if v in (0, 1, 2) else "must be 0, 1 or 2",
    "gist_chars": lambda v: None if isinstance(v, int) and 0 <= v <= 1000 else "must be 0 to 1000",
    "beam": lambda v: None if isinstance(v, int) and 1 <= v <= 32 else "must be from 1 to 32",
    "device": _one_of("auto", "cpu", "cuda"),
    "translator": _one_of("argos", "libretranslate"),
    "security": _one_of("starttls", "ssl", "none"),
    "smtp_timeout": lambda v: None if v > 0 else "must be above 0",
}


def _checked_mail(
    value: dict[str, Any],
    settings: dict[str, _Setting],
    fail: Callable[..., PlanError],
    output_format: str,
    made: set[str],
) -> Mail:
    """The email settings, checked before any work."""
    recipients = [*value["to"], *value["cc"], *value["bcc"]]
    eml = Path(value["eml"]) if value["eml"] is not None else None
    mail = Mail(
        to=tuple(value["to"]),
        cc=tuple(value["cc"]),
        bcc=tuple(value["bcc"]),
        sender=value["sender"],  # carry_out falls back on BRIEFGEN_SMTP_FROM
        subject=value["subject"],
        draft=value["draft"],
        eml=eml,
        smtp=value["smtp"],
        security=value["security"],
        timeout=value["smtp_timeout"],
        # A date given for the run makes the message reproducible; a desk's own date
        # (today) is no reason to stamp the message midnight: it is sent now.
        sent_at=dt.datetime.combine(value["date"], dt.time(), tzinfo=dt.timezone.utc)
        if value["date"] is not None and settings["date"].origin
        else None,
    )
    asked = recipients or mail.sender or mail.subject or mail.draft or eml or mail.smtp
    if not asked:
        return mail  # no email asked for: nothing to check, nothing to import
    from briefgen.deliver.message import parse_address

    if output_format != "docx" and (eml or mail.smtp):
        raise PlanError("--eml and --smtp attach the Word briefing: -o must be a .docx")
    if not (eml or mail.smtp):
        raise PlanError("--to, --cc, --bcc, --from, --subject and --draft need --eml or --smtp")
    if mail.draft and not eml:
        raise PlanError("--draft marks an .eml file: add --eml OUT.eml")
    if mail.smtp and not recipients:
        origin = settings["smtp"].origin or "--smtp"
        raise PlanError(f"{origin} needs at least one --to (or --cc, --bcc)")
    for name in ("to", "cc", "bcc"):
        for address in value[name]:
            try:
                parse_address(address, what="address")
            except BriefgenError as exc:
                origin = settings[name].origin or FLAGS[name]
                raise PlanError(f"{origin} {exc}") from None
    sender = mail.sender or os.environ.get("BRIEFGEN_SMTP_FROM")
    if sender:
        try:
            parse_address(sender, what="address")
        except BriefgenError as exc:
            origin = (
                (settings["sender"].origin or "--from") if mail.sender else "BRIEFGEN_SMTP_FROM"
            )
            raise PlanError(f"{origin} {exc}") from None
    try:
        float(os.environ.get("BRIEFGEN_EMAIL_WARN_MB", "10"))
    except ValueError:
        raise PlanError("BRIEFGEN_EMAIL_WARN_MB must be a number of megabytes") from None
    if eml is not None:
        if eml.suffix.lower() != ".eml":
            raise fail("eml", "the email file must end in .eml")
        if problem := folder_problem(eml, make="eml" in made) or not_ours(eml):
            raise fail("eml", problem)
    if mail.smtp:
        from briefgen.deliver.smtp import is_loopback, parse_server

        try:
            host, _ = parse_server(mail.smtp, mail.security)
        except BriefgenError as exc:
            raise PlanError(f"{settings['smtp'].origin or '--smtp'} {exc}") from None
        if (
            mail.security == "none"
            and os.environ.get("BRIEFGEN_SMTP_USER")
            and not is_loopback(host)
        ):
            raise fail(
                "security", "would send the SMTP password unencrypted to " + host, show_value=False
            )
    return mail


@dataclass(frozen=True)
class RunResult:
    """What :func:`run_plan` did: the made briefing (as marked) and the outcome of
    carrying it out (file written, email, delivery failure if any)."""

    briefing: Briefing
    outcome: Outcome


def run_plan(
    plan: Plan,
    *,
    progress: Progress | None = None,
    notice: Callable[[str], None] | None = None,
) -> RunResult:
    """Carry ``plan`` out: make the briefing, then write, deliver and record it
    (:func:`~briefgen.desk.carry.carry_out`). ``progress`` gets stage messages;
    ``notice`` the lines a user must see even when quiet (each source left out,
    a retry, a renamed file). Raises :class:`StrictError` under ``strict`` when a
    source was left out (nothing written); a failed delivery is in the result's
    ``outcome.failure``, with the files kept and nothing recorded."""
    from briefgen.desk.carry import carry_out
    from briefgen.pipeline import SourcesLeftOut, make_briefing

    say = notice or (lambda message: None)
    for folder in plan.folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PlanError(f"cannot make {folder} ({exc.strerror or exc})") from None
    try:
        briefing = make_briefing(
            list(plan.sources),
            plan.model,
            title=plan.title,
            date=plan.date,
            options=plan.options,
            progress=progress,
            classification=plan.classification,
            author=plan.author,
            exclude=list(plan.exclude),
            strict=plan.strict,  # stops before translating when a source is unusable
        )
    except SourcesLeftOut as exc:  # unreadable: found before translating
        raise _left_out(plan, exc.left_out, say) from None
    if plan.strict and briefing.skipped:  # a language without a model: found translating
        raise _left_out(plan, briefing.skipped, say)
    for source in briefing.skipped:
        say(f"error: {source.origin}: {source.reason}")
    state = None
    if plan.state_mode != "none":
        from briefgen.desk.state import DeskState

        state = DeskState(
            plan.state,
            warn=lambda message: say(f"warning: {message}"),
            read_only=plan.state_mode == "read",
        )
    outcome = carry_out(briefing, plan.destination, state, report=progress, notice=say)
    return RunResult(outcome.briefing, outcome)


def not_ours(path: Path) -> str | None:
    """Why ``path`` may not be written: a file is there that briefgen did not write
    (it carries no mark, see :mod:`briefgen._mark`). Nothing a user wrote or received
    is ever replaced, even when a folder of sources holds it."""
    if not path.is_file():
        return None
    from briefgen._mark import read_mark

    if read_mark(path) is not None:
        return None
    return "a file is there that briefgen did not write; it is never replaced: give another name"


_BOOLS = ("strict", "cache", "no_state", "only_new", "send_when_empty", "draft",
          "allow_insecure_key")  # fmt: skip
_INTS = ("lede", "beam", "gist_chars")
_LISTS = ("sources", "urls", "to", "cc", "bcc")
_PATHS = ("output", "eml", "state", "template", "glossary", "corrections", "model")


def _wrong_type(name: str, value: Any) -> str | None:
    """Why ``value`` cannot be setting ``name`` (an unknown name, or the wrong type)."""
    if name not in DEFAULTS:
        import difflib

        close = difflib.get_close_matches(name, list(DEFAULTS), n=1, cutoff=0.75)
        return "no such setting" + (f"; did you mean {close[0]!r}?" if close else "")
    if value is None:
        return None if DEFAULTS[name] is None else "must be given a value"
    if name in _BOOLS:
        ok = isinstance(value, bool)
    elif name in _INTS:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif name in _LISTS:
        ok = isinstance(value, list | tuple) and all(isinstance(v, str | Path) for v in value)
    elif name in _PATHS:
        ok = isinstance(value, str | Path)
    elif name == "date":
        ok = isinstance(value, dt.date)
    elif name == "smtp_timeout":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif name == "points":
        ok = isinstance(value, int | float | str) and not isinstance(value, bool)
    else:
        ok = isinstance(value, str)
    return None if ok else f"{value!r} is not {_KIND.get(name, 'a text')}"


_KIND = dict.fromkeys(_BOOLS, "True or False") | dict.fromkeys(_INTS, "a whole number")
_KIND |= dict.fromkeys(_LISTS, "a list of texts") | dict.fromkeys(_PATHS, "a path")
_KIND |= {"date": "a datetime.date", "smtp_timeout": "a number of seconds", "points": "a number"}


def _left_out(
    plan: Plan, sources: Sequence[SkippedSource], say: Callable[[str], None]
) -> StrictError:
    """Each source ``strict`` could not do without, said; the error that ends the run."""
    for source in sources:
        say(f"error: {source.origin}: {source.reason}")
    return StrictError(
        f"{plan.where('strict')}: {len(sources)} source(s) could not be used; nothing was written",
        tuple(sources),
    )
