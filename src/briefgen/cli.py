"""The ``briefgen`` command: parses flags, calls the public API, reports errors.

Every :class:`~briefgen.errors.BriefgenError` becomes one line on stderr; nothing
here knows how a briefing is made. The pipeline is imported only once the flags
have been checked, so a usage error costs no start-up time.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import re
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from briefgen._version import __version__
from briefgen.errors import BriefgenError
from briefgen.options import Options

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_UNDELIVERED = 4

OUTPUT_SUFFIXES = (".docx", ".html", ".md", ".txt")

EXIT_STATUS_HELP = """\
exit status:
  0  the briefing was written and holds every source (and was delivered, if
     asked), or --only-new found nothing new and nothing was written
  1  failed: nothing was written (no usable source, no model, bad template,
     output not writable)
  2  usage error: bad flags or arguments, found before any work
  3  partial: the briefing was written, but some sources were left out
     (each one is named on stderr and on the briefing's title page)
  4  the briefing was written, but delivering it (SMTP) failed
"""

TOP_EPILOG = (
    """\
examples:
  briefgen make seeds/ --model demo-model/translate-ja_en-demo.argosmodel -o briefing.docx
  briefgen models install ja        # the real Japanese model, once
  briefgen make ~/press/today/ -o today.docx
  briefgen init && briefgen make --config desk.toml   # the daily desk

"""
    + EXIT_STATUS_HELP
)

SHORT_USAGE = """\
usage: briefgen COMMAND [OPTIONS]

commands:
  make      make a .docx briefing from sources
  summarize print the structured points (JSON, YAML, Markdown), no briefing
  models    list, install and remove translation models
  templates list the Word templates, or copy one to restyle
  cache     show or clear the translation cache
  init      write a commented desk.toml to run the daily briefing from
  corrections  your own English for source sentences, used before the model
Run 'briefgen COMMAND --help' for a command's options, e.g. 'briefgen make --help'.
"""

MAKE_DESCRIPTION = """\
Summarize each source into a lede and key points per section, translate them
to English offline with an Argos Translate package, and write a Word briefing
with the original and the English side by side.

Sources are text, Markdown, saved web pages (.html), Word (.docx) and PDF
files, told apart by their content (text in UTF-8, Shift_JIS, EUC-JP…: detected,
or name it with --encoding), or folders of them. A first line like
"date 2025-09-11 <title>" gives a text its date and title ("date unknown
<title>" a title alone).

With --config DESK.toml (see 'briefgen init'), sources, output ({date}: the day
of the run), template, email and options come from the file; flags given here
win, and sources or --to given here replace the file's. A desk run records
what the briefing held (or any run given --state), so the next one marks what
is new; it records only once the briefing was delivered (sent, where SMTP is
asked; else written), so a failed send is retried by the next run. A briefing
never replaces an earlier one holding more sources: it is written as
NAME-2.docx (-3…) instead, and a line says so. With --only-new and nothing
new, nothing is written or sent (exit 0, one line; a config's
send_when_empty = true sends a short "nothing new since …" email instead).
"""

MAKE_EPILOG = (
    """\
examples:
  briefgen make seeds/ --model demo-model/translate-ja_en-demo.argosmodel -o briefing.docx
  briefgen make a.txt b.md --title "Japan press, week 37" -o week37.docx
  briefgen make seeds/ --template compact -o short.docx
  briefgen make seeds/ -o preview.html     # one self-contained HTML page (also .md, .txt)
  briefgen make notes/ -o out.docx        # uses the installed ja→en Argos package
  briefgen make notes/ -o out.docx --glossary names.tsv --eml out.eml --draft --to desk@example.org
  briefgen make --config desk.toml --only-new   # the daily desk: only what is new

translation model:
  Without --model, briefgen uses the installed Argos package for the source
  language → English (Argos's packages folder, or $ARGOS_PACKAGES_DIR), the
  same packages 'argospm' installs. Install the real Japanese one once with:
    briefgen models install ja      (or: argospm install translate-ja_en)

"""
    + EXIT_STATUS_HELP
)

SUMMARIZE_DESCRIPTION = """\
Print each source's structured points without making a briefing: the lede, the
key points of each section (each labelled fact, assessment or quote, with its
speaker and the ids of its sentences), a dated timeline, and the people, places
and organizations it names. Nothing is translated unless you ask (--translate,
--model), so no model is needed.
"""

SUMMARIZE_EPILOG = """\
examples:
  briefgen summarize seeds/                          # JSON on standard output
  briefgen summarize seeds/ --format md              # to read
  briefgen summarize a.txt --points 5 -o a.yaml      # five key points, as YAML
  briefgen summarize seeds/ --model demo-model/translate-ja_en-demo.argosmodel

The JSON follows the versioned schema "briefgen.summary/1" (see the README):
fields keep their names and meanings within /1.

exit status:
  0  the summary was written and holds every source
  1  failed: nothing was written (no usable source, no model, output not writable)
  2  usage error: bad flags or arguments, found before any work
  3  partial: the summary was written, but some sources were left out (each one
     is named on stderr and in the summary's "skipped")
"""

MODELS_DESCRIPTION = """\
Manage the Argos Translate packages briefgen translates with. They live in
Argos's own packages folder ($ARGOS_PACKAGES_DIR, else
~/.local/share/argos-translate/packages), so packages installed with 'argospm'
appear here and the other way round.
"""

MODELS_EPILOG = """\
examples:
  briefgen models list
  briefgen models available                 # from Argos's package index
  briefgen models install ja                # download ja→en, check it, install it
  briefgen models install ./translate-ja_en-1_1.argosmodel   # offline, from a file
  briefgen models remove ja

The index is Argos's ($ARGOS_PACKAGE_INDEX + index.json, else Argos's GitHub
index); --index URL reads another. exit status: 0 done, 1 failed, 2 usage error.
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser(make_defaults: dict[str, Any] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefgen",
        description="Offline bilingual Word briefings from foreign-language sources.",
        epilog=TOP_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"briefgen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_make(commands, make_defaults)
    _add_summarize(commands)
    _add_models(commands)
    _add_templates(commands)
    _add_cache(commands)
    _add_init(commands)
    _add_corrections(commands)
    return parser


def _add_make(
    commands: argparse._SubParsersAction[_Parser], make_defaults: dict[str, Any] | None
) -> None:
    make = commands.add_parser(
        "make",
        help="make a .docx briefing from sources",
        description=MAKE_DESCRIPTION,
        epilog=MAKE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    make.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT.docx",
        help="where to write the briefing: .docx, or .html / .md / .txt for a preview "
        "(its folder must exist; replaced atomically)",
    )
    make.add_argument(
        "--config",
        type=Path,
        metavar="DESK.toml",
        help="read sources, output, template, email and options from this file "
        "(see 'briefgen init'); flags given here win over it",
    )
    make.add_argument(
        "--format",
        choices=("docx", "html", "md", "txt"),
        help="what to write; must match the -o suffix, which decides by default",
    )
    make.add_argument(
        "--model",
        metavar="PATH",
        help="model to translate with: an Argos .argosmodel file or unpacked folder, or a "
        "CTranslate2 folder converted from OPUS-MT, NLLB-200 or M2M-100 (default: the "
        "installed Argos package for each source's language)",
    )
    make.add_argument("--title", help='briefing title (default: "Briefing")')
    make.add_argument(
        "--classification",
        default="",
        metavar="TEXT",
        help="a classification or distribution line for the cover and every page's "
        'header, e.g. "Internal: press desk only"',
    )
    make.add_argument(
        "--author",
        default="",
        metavar="NAME",
        help="the author the Word file's properties name (default: briefgen)",
    )
    make.add_argument(
        "--date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="briefing date (default: the newest source date, else today)",
    )
    make.add_argument(
        "--template",
        metavar="NAME|PATH",
        help="a shipped template (briefing, compact, parallel: see 'briefgen templates') "
        "or a Word .docx with Jinja2 tags (default: briefing)",
    )
    _add_summary_flags(make)
    speed = make.add_argument_group("translation")
    speed.add_argument(
        "--beam",
        type=_positive_int,
        default=Options.beam_size,
        metavar="N",
        help="beam width: wider is slower and sometimes better (default: 2)",
    )
    speed.add_argument(
        "--fast", action="store_const", const=1, dest="beam", help="greedy decoding (--beam 1)"
    )
    speed.add_argument(
        "--translator",
        choices=("argos", "libretranslate"),
        default=Options.translator,
        help="argos: a model on this machine (default); libretranslate: the server(s) "
        "given with --url, API key from BRIEFGEN_LIBRETRANSLATE_KEY or "
        "~/.config/briefgen/libretranslate.key",
    )
    speed.add_argument(
        "--url",
        action="append",
        default=[],
        dest="servers",
        metavar="URL",
        help="a LibreTranslate server (repeat for several: batches are shared out, and "
        "one that is down is skipped)",
    )
    speed.add_argument(
        "--device",
        choices=("auto", "cpu", "cuda"),
        default=Options.device,
        help="where the model runs (default: auto, a CUDA GPU when CTranslate2 sees one)",
    )
    speed.add_argument(
        "--glossary",
        type=Path,
        metavar="FILE",
        help="terms that must come out as given: 'term<TAB>English' per line (or CSV)",
    )
    speed.add_argument(
        "--no-cache",
        action="store_false",
        dest="cache",
        help="translate everything afresh, without the translation cache",
    )
    speed.add_argument(
        "--corrections",
        type=Path,
        metavar="FILE",
        help="your own English for source sentences ('sentence<TAB>English' per line): "
        "used before the model, and kept by 'briefgen corrections import'",
    )
    news = make.add_argument_group(
        "what is new",
        "A desk run (--config) remembers what each briefing held (sources by content, "
        "points by text) and marks sources and points new, updated or already reported.",
    )
    news.add_argument(
        "--state",
        type=Path,
        metavar="FILE",
        help="where to remember; with --config, by default desk-state.sqlite in your data "
        "folder (without --config and --state, nothing is remembered: --only-new alone "
        "is a preview that reads the default state and never writes it)",
    )
    news.add_argument("--no-state", action="store_true", help="neither read nor record what is new")
    news.add_argument(
        "--only-new",
        action="store_true",
        help="leave out sources and points that earlier briefings already reported; "
        "with nothing new, write and send nothing",
    )
    mail = make.add_argument_group(
        "email",
        "Write the briefing as an email (.eml, opens in any mail client) and/or send it. "
        "SMTP credentials come from BRIEFGEN_SMTP_USER and BRIEFGEN_SMTP_PASSWORD.",
    )
    mail.add_argument("--eml", type=Path, metavar="OUT.eml", help="write the email here")
    mail.add_argument(
        "--draft", action="store_true", help="mark the .eml as a draft (Outlook opens it to edit)"
    )
    mail.add_argument("--to", action="append", default=[], metavar="ADDR", help="recipient")
    mail.add_argument("--cc", action="append", default=[], metavar="ADDR", help="copy to")
    mail.add_argument(
        "--bcc", action="append", default=[], metavar="ADDR", help="blind copy (sent only)"
    )
    mail.add_argument("--from", dest="sender", metavar="ADDR", help="sender address")
    mail.add_argument("--subject", help="default: the briefing's title and date")
    mail.add_argument("--smtp", metavar="HOST[:PORT]", help="send through this SMTP server")
    tls = mail.add_mutually_exclusive_group()
    tls.add_argument(
        "--starttls",
        action="store_const",
        const="starttls",
        dest="security",
        help="upgrade the connection with STARTTLS (the default; port 587)",
    )
    tls.add_argument(
        "--ssl",
        action="store_const",
        const="ssl",
        dest="security",
        help="TLS from the start (port 465)",
    )
    tls.add_argument(
        "--no-tls",
        action="store_const",
        const="none",
        dest="security",
        help="plain SMTP, for a relay on this machine or network only",
    )
    mail.add_argument(
        "--smtp-timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="connection and send timeout (default: 30)",
    )
    make.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    make.set_defaults(run=_run_make, security="starttls", send_when_empty=False)
    if make_defaults:  # from a --config file
        make.set_defaults(**make_defaults)


def _add_summary_flags(parser: argparse.ArgumentParser) -> None:
    """The sources, and the flags that read them and choose the points: make and
    summarize share them."""
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="text (.txt), Markdown (.md), saved web pages (.html), Word (.docx) or PDF "
        "files, told apart by their content; folders (walked); - for stdin",
    )
    parser.add_argument(
        "--lang",
        type=str.lower,
        metavar="CODE",
        help="source language, e.g. ja (default: detected per source)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1, nothing written) when any source cannot be used, instead of "
        "leaving it out (exit 3)",
    )
    parser.add_argument(
        "--from-file",
        type=Path,
        metavar="LIST",
        help="also read the sources listed in this file, one path per line (# comments)",
    )
    parser.add_argument(
        "--glob",
        metavar="PATTERN",
        help="read only files whose names match, from source folders (e.g. '*.md')",
    )
    parser.add_argument(
        "--encoding",
        type=_encoding,
        metavar="NAME",
        help="the sources' text encoding, e.g. cp932 or euc_jp (default: detected: UTF-8, "
        "UTF-16, Shift_JIS, EUC-JP, ISO-2022-JP, GB18030, Big5, EUC-KR…)",
    )
    parser.add_argument(
        "--points",
        type=_points,
        default=Options.key_point_ratio,
        metavar="N|SHARE",
        help="key points: a number in all (--points 8; 0 for the lede alone), or at most a "
        "share of each section's sentences (--points 25%%, or 0.25; default: 33%%)",
    )
    parser.add_argument(
        "--lede",
        type=int,
        choices=(0, 1, 2),
        default=Options.lede_sentences,
        help="sentences in the lede (default: 2)",
    )


def _add_summarize(commands: argparse._SubParsersAction[_Parser]) -> None:
    summarize = commands.add_parser(
        "summarize",
        help="print the structured points (JSON, YAML, Markdown) without a briefing",
        description=SUMMARIZE_DESCRIPTION,
        epilog=SUMMARIZE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    summarize.add_argument(
        "--format",
        choices=("json", "yaml", "md"),
        help="json (the default; schema briefgen.summary/1), yaml, or md (Markdown to read); "
        "default: from the -o suffix, else json",
    )
    summarize.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write here (atomically) instead of to standard output",
    )
    summarize.add_argument(
        "--translate",
        action="store_true",
        help="add English with the installed Argos package for each source's language",
    )
    summarize.add_argument(
        "--model",
        metavar="PATH",
        help="add English with this Argos package (.argosmodel file or folder); "
        "implies --translate",
    )
    summarize.add_argument("--title", help='title of the whole (default: "Briefing")')
    summarize.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="date of the whole")
    _add_summary_flags(summarize)
    summarize.add_argument(
        "--no-cache",
        action="store_false",
        dest="cache",
        help="translate everything afresh, without the translation cache",
    )
    summarize.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    summarize.set_defaults(run=_run_summarize)


def _add_corrections(commands: argparse._SubParsersAction[_Parser]) -> None:
    corrections = commands.add_parser(
        "corrections",
        help="your own English for source sentences, used before the model",
        description="Fix an English line once: briefgen uses your English whenever the "
        "same source text comes again (a text differing only in spaces or punctuation "
        "reuses it, marked 'near-match correction'), and a corrected name joins the "
        "glossary. The corrections are a TSV file you may edit: "
        "$XDG_DATA_HOME/briefgen/corrections.tsv.",
    )
    corrections.set_defaults(run=_run_corrections_list)
    actions = corrections.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    add = actions.add_parser("add", help="add or replace one correction")
    add.add_argument("source", metavar="SOURCE_TEXT")
    add.add_argument("english", metavar="ENGLISH")
    add.set_defaults(run=_run_corrections_add)
    load = actions.add_parser("import", help="add every 'source<TAB>English' line of a file")
    load.add_argument("file", type=Path, metavar="FILE")
    load.set_defaults(run=_run_corrections_import)
    actions.add_parser("list", help="print them, one per line").set_defaults(
        run=_run_corrections_list
    )
    remove = actions.add_parser("remove", help="forget one")
    remove.add_argument("source", metavar="SOURCE_TEXT")
    remove.set_defaults(run=_run_corrections_remove)


def _stored_corrections() -> dict[str, str]:
    from briefgen.translate.memory import read_corrections, store_path

    return dict(read_corrections(store_path())) if store_path().exists() else {}


def _run_corrections_add(args: argparse.Namespace) -> int:
    from briefgen.translate.memory import is_name, save_corrections

    if not args.source.strip() or not args.english.strip():
        return _usage_error("corrections add: give the source text and its English")
    pairs = _stored_corrections()
    pairs[args.source.strip()] = args.english.strip()
    try:
        path = save_corrections(pairs)
    except ValueError as exc:
        return _usage_error(f"corrections add: {exc}")
    kind = " (a name: it joins the glossary)" if is_name(args.source) else ""
    print(f"briefgen: {len(pairs)} correction(s) in {path}{kind}", file=sys.stderr)
    return EXIT_OK


def _run_corrections_import(args: argparse.Namespace) -> int:
    from briefgen.translate.memory import read_corrections, save_corrections

    try:
        new = read_corrections(args.file)
    except BriefgenError as exc:
        return _usage_error(str(exc))
    pairs = _stored_corrections()
    changed = sum(1 for source, english in new if pairs.get(source) != english)
    pairs.update(new)
    path = save_corrections(pairs)
    print(f"briefgen: {changed} correction(s) added or changed; {len(pairs)} in {path}",
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


def _run_corrections_list(args: argparse.Namespace) -> int:
    for source, english in _stored_corrections().items():
        print(f"{source}\t{english}")
    return EXIT_OK


def _run_corrections_remove(args: argparse.Namespace) -> int:
    from briefgen.translate.memory import save_corrections

    pairs = _stored_corrections()
    if pairs.pop(args.source.strip(), None) is None:
        return _usage_error(f"corrections remove: no correction for {args.source!r}")
    save_corrections(pairs)
    return EXIT_OK


def _add_init(commands: argparse._SubParsersAction[_Parser]) -> None:
    init = commands.add_parser(
        "init",
        help="write a commented desk.toml to run the daily briefing from",
        description="Write an example briefing config, every key explained. Edit its "
        "sources line, then: briefgen make --config desk.toml",
    )
    init.add_argument(
        "path", nargs="?", type=Path, default=Path("desk.toml"), metavar="FILE",
        help="where to write it (default: desk.toml; - for standard output); an existing "
        "file is never replaced",
    )  # fmt: skip
    init.set_defaults(run=_run_init)


def _run_init(args: argparse.Namespace) -> int:
    from briefgen._io import write_atomic
    from briefgen.desk.config import EXAMPLE

    if args.path.exists():
        return _usage_error(f"{args.path}: already exists; give another file name")
    if problem := _folder_problem(args.path):
        return _usage_error(f"{args.path}: {problem}")
    if str(args.path) == "-":
        sys.stdout.write(EXAMPLE)
        return EXIT_OK
    try:
        write_atomic(args.path, EXAMPLE.encode("utf-8"))
    except OSError as exc:
        print(f"briefgen: error: {args.path}: cannot be written ({exc.strerror or exc})",
              file=sys.stderr)  # fmt: skip
        return EXIT_FAILED
    print(f"wrote {args.path}: edit its sources line, then run", file=sys.stderr)
    print(f"  briefgen make --config {args.path}", file=sys.stderr)
    return EXIT_OK


def _add_templates(commands: argparse._SubParsersAction[_Parser]) -> None:
    templates = commands.add_parser(
        "templates",
        help="list the shipped Word templates, or copy one to restyle",
        description="The Word templates briefgen ships; 'briefgen make --template NAME' uses "
        "one. To make your own, copy one, restyle it in Word (keep the {{ }} and {%% %%} tags "
        "whole), and pass its path: 'briefgen make … --template my/briefing.docx'. The "
        "variables a template can use are listed in the README.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    templates.set_defaults(run=_run_templates_list)
    actions = templates.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.add_parser("list", help="name, description and file of each").set_defaults(
        run=_run_templates_list
    )
    copy = actions.add_parser("copy", help="copy a shipped template into a folder")
    copy.add_argument("name", metavar="NAME")
    copy.add_argument("folder", type=Path, metavar="FOLDER")
    copy.set_defaults(run=_run_templates_copy)


def _run_templates_list(args: argparse.Namespace) -> int:
    from briefgen.render.templates import SHIPPED

    for template in SHIPPED:
        print(f"{template.name:<13} {template.description}\n{'':<13} {template.path}")
    return EXIT_OK


def _run_templates_copy(args: argparse.Namespace) -> int:
    from briefgen.render.templates import copy_template

    print(copy_template(args.name, args.folder))
    return EXIT_OK


def _add_cache(commands: argparse._SubParsersAction[_Parser]) -> None:
    cache = commands.add_parser(
        "cache",
        help="show or clear the translation cache",
        description="briefgen keeps every translation in a SQLite file in your cache folder "
        "($BRIEFGEN_CACHE_DIR, else $XDG_CACHE_HOME/briefgen, else ~/.cache/briefgen), keyed "
        "by model, decoding options and text, so a rerun on unchanged sources translates "
        "nothing. It is capped at $BRIEFGEN_CACHE_MB megabytes (default 200); the least "
        "recently used translations go first.",
    )
    cache.set_defaults(run=_run_cache_info)
    actions = cache.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.add_parser("info", help="where the cache is, and its size").set_defaults(
        run=_run_cache_info
    )
    actions.add_parser("clear", help="delete every cached translation").set_defaults(
        run=_run_cache_clear
    )


def _add_models(commands: argparse._SubParsersAction[_Parser]) -> None:
    models = commands.add_parser(
        "models",
        help="list, install and remove translation models",
        description=MODELS_DESCRIPTION,
        epilog=MODELS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    models.set_defaults(run=_run_models_list)  # bare 'briefgen models' lists them
    actions = models.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    listing = actions.add_parser("list", help="installed packages: pair, version, size, path")
    listing.set_defaults(run=_run_models_list)
    available = actions.add_parser("available", help="packages the index offers")
    available.add_argument("--index", metavar="URL", help="read this index instead of Argos's")
    available.add_argument(
        "--refresh", action="store_true", help="fetch the index again (default: Argos's copy)"
    )
    available.set_defaults(run=_run_models_available)
    install = actions.add_parser(
        "install",
        help="install from the index (ja, translate-ja_en) or a file or folder",
        description="Install a package from the index (downloaded, checked, then moved into "
        "place) or from an .argosmodel file or unpacked package folder (offline). A package "
        "that fails the checks leaves nothing behind.",
    )
    install.add_argument("package", metavar="CODE|NAME|PATH")
    install.add_argument("--index", metavar="URL", help="read this index instead of Argos's")
    install.add_argument("--refresh", action="store_true", help="fetch the index again first")
    install.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    install.set_defaults(run=_run_models_install)
    remove = actions.add_parser(
        "remove", help="remove an installed package by language code, argospm name or folder"
    )
    remove.add_argument("package", metavar="CODE|NAME")
    remove.add_argument("--all", action="store_true", help="remove every package the name matches")
    remove.set_defaults(run=_run_models_remove)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def _sources(args: argparse.Namespace) -> list[str] | str:
    """The sources named on the command line and in --from-file, or why there are none."""
    sources = list(args.sources)
    if args.from_file is not None:
        try:
            lines = args.from_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            return f"--from-file {args.from_file}: cannot be read ({exc})"
        sources += [
            line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")
        ]
    if not sources:
        return "no sources: name files or folders, - for standard input, or --from-file LIST"
    return sources


def _encoding(text: str) -> str:
    import codecs

    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an encoding Python knows (e.g. utf-8, cp932, euc_jp, gb18030)"
        ) from None


def _points(text: str) -> float | int:
    """--points: a number in all, or a share (:func:`briefgen.options.parse_points`)."""
    from briefgen.options import parse_points

    try:
        return parse_points(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _output_problem(output: Path) -> str | None:
    """Why the briefing could not be written to ``output``, checked before any work."""
    if output.suffix.lower() not in OUTPUT_SUFFIXES:
        return "the output must be a .docx file (or .html, .md, .txt for a preview)"
    return _folder_problem(output)


def _folder_problem(output: Path) -> str | None:
    """Why no file could be written at ``output`` (a folder, a missing folder...)."""
    if output.is_dir():
        return f"is a folder; give a file name, e.g. {output / ('briefing' + output.suffix)}"
    folder = output.parent
    if not folder.exists():
        return f"folder {folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"folder {folder} is not writable"
    return None


def _usage_error(message: str) -> int:
    print(f"briefgen: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _run_make(args: argparse.Namespace) -> int:
    # Everything named on the command line is checked before any work is done.
    if args.output is None:
        return _usage_error("no output: give -o OUT.docx (or output = in a --config file)")
    sources = _sources(args)
    if isinstance(sources, str):
        return _usage_error(sources)
    if problem := _output_problem(args.output) or _named_as_source(args.output, sources):
        return _usage_error(f"-o {args.output}: {problem}")
    output_format = args.output.suffix.lower().lstrip(".")
    if args.format is not None and args.format != output_format:
        return _usage_error(
            f"--format {args.format} and -o {args.output} disagree: name the file "
            f"….{args.format}, or leave --format out"
        )
    if args.model is not None and not Path(args.model).exists():
        return _usage_error(f"--model {args.model}: no such file or folder")
    if args.template is not None and output_format == "docx":
        from briefgen.render.templates import find_template

        try:
            template = find_template(args.template)
        except BriefgenError as exc:
            return _usage_error(f"--template {exc}")
        if not zipfile.is_zipfile(template):
            return _usage_error(f"--template {args.template}: not a Word .docx file")
        from briefgen.render.docx import check_word_template

        try:
            check_word_template(template)
        except BriefgenError as exc:
            return _usage_error(f"--template {exc}")
    elif args.template is not None:
        from briefgen.render.text import check_text_template

        try:
            check_text_template(args.template, output_format)
        except BriefgenError as exc:
            return _usage_error(f"--template {exc}")
    if output_format != "docx" and (args.eml or args.smtp):
        return _usage_error("--eml and --smtp attach the Word briefing: -o must be a .docx")
    if problem := _email_problem(args):
        return _usage_error(problem)
    glossary = None
    if args.glossary is not None:
        from briefgen.translate.glossary import Glossary

        try:
            glossary = Glossary.load(args.glossary)
        except BriefgenError as exc:
            return _usage_error(f"--glossary {exc}")
    if args.translator == "libretranslate" and not args.servers:
        return _usage_error("--translator libretranslate needs --url URL (one per server)")
    if args.servers and args.translator != "libretranslate":
        return _usage_error("--url is for --translator libretranslate")
    if args.servers and args.model:
        return _usage_error("--model is for --translator argos; LibreTranslate uses its own")
    for url in args.servers:
        if not url.startswith(("http://", "https://")):
            return _usage_error(f"--url {url}: give the server as http://HOST:PORT")
    if args.corrections is not None:
        from briefgen.translate.memory import read_corrections

        try:
            read_corrections(args.corrections)
        except BriefgenError as exc:
            return _usage_error(f"--corrections {exc}")
    if args.only_new and args.no_state:
        return _usage_error("--only-new needs the desk's state: leave out --no-state")
    try:
        options = _options(
            args,
            beam_size=args.beam,
            device=args.device,
            use_cache=args.cache,
            glossary=glossary,
            translator=args.translator,
            servers=tuple(args.servers),
            corrections=args.corrections,
        )
    except ValueError as exc:
        return _usage_error(str(exc).replace("beam_size", "--beam"))
    progress = _Progress(args.quiet)

    from briefgen.pipeline import make_briefing

    briefing = make_briefing(
        sources,
        args.model,
        title=args.title,
        date=args.date,
        options=options,
        progress=progress,
        classification=args.classification,
        author=args.author,
        # A briefing written into a source folder is no source (nor are earlier days').
        exclude=[args.output, *getattr(args, "earlier_outputs", ())],
    )
    progress.done()
    if _left_out(args, briefing):
        return EXIT_FAILED
    from briefgen.desk.carry import carry_out

    done = carry_out(
        briefing,
        _destination(args, output_format),
        _desk_state(args),
        report=progress,
        notice=lambda message: print(f"briefgen: {message}", file=sys.stderr),
    )
    if done.failure is not None:
        message = re.sub(r"\s*\n\s*", " ", str(done.failure))
        print(f"briefgen: error: delivery failed ({done.failure.kind}): {message}",
              file=sys.stderr)  # fmt: skip
        kept = ", ".join(str(p) for p in (done.output, done.eml) if p is not None)
        print(f"briefgen: kept {kept or 'nothing'}; nothing recorded as delivered",
              file=sys.stderr)  # fmt: skip
        return EXIT_UNDELIVERED
    if briefing.skipped:
        progress(f"left out {len(briefing.skipped)} source(s): see the errors above")
        return EXIT_PARTIAL
    return EXIT_OK


def _destination(args: argparse.Namespace, output_format: str) -> Any:
    """Where the briefing goes, from the flags (a --config file's values merged in)."""
    from briefgen.desk.carry import Destination, Mail

    sent_at = None
    if args.date is not None:  # a fixed date makes the message reproducible
        sent_at = dt.datetime.combine(args.date, dt.time(), tzinfo=dt.timezone.utc)
    mail = Mail(
        to=tuple(args.to),
        cc=tuple(args.cc),
        bcc=tuple(args.bcc),
        sender=args.sender,
        subject=args.subject,
        draft=args.draft,
        eml=args.eml,
        smtp=args.smtp,
        security=args.security,
        timeout=args.smtp_timeout,
        sent_at=sent_at,
    )
    return Destination(
        output=args.output,
        format=output_format,
        template=args.template,
        mail=mail,
        only_new=args.only_new,
        send_when_empty=args.send_when_empty,
    )


def _options(args: argparse.Namespace, **translation: Any) -> Options:
    """The options of the shared flags (sources, points), plus ``translation``'s."""
    points = (
        {"key_points": args.points}
        if isinstance(args.points, int)
        else {"key_point_ratio": args.points}
    )
    return Options(
        language=args.lang,
        encoding=args.encoding,
        glob=args.glob,
        lede_sentences=args.lede,
        **points,
        **translation,
    )


def _left_out(args: argparse.Namespace, briefing: Any) -> bool:
    """Name each source left out; with --strict, say that nothing will be written."""
    _print_skipped(briefing.skipped)
    if args.strict and briefing.skipped:
        print(
            f"briefgen: error: --strict: {len(briefing.skipped)} source(s) could not be used; "
            "nothing was written",
            file=sys.stderr,
        )
        return True
    return False


def _named_as_source(output: Path, sources: list[str]) -> str | None:
    """Why ``output`` cannot be written: it is one of the sources named."""
    target = output.resolve()
    if any(source != "-" and Path(source).resolve() == target for source in sources):
        return "is also one of the sources; write the briefing to another file"
    return None


def _desk_state(args: argparse.Namespace) -> Any:
    """The desk's state: recorded in by desk runs (--config) and where --state names
    it; a bare --only-new (a preview) reads the default one and records nothing."""
    if args.no_state or not (args.config or args.state or args.only_new):
        return None
    from briefgen.desk.state import DeskState

    return DeskState(
        args.state,
        warn=lambda m: print(f"briefgen: warning: {m}", file=sys.stderr),
        read_only=not (args.config or args.state),
    )


def _run_summarize(args: argparse.Namespace) -> int:
    from briefgen.render.summary import format_of

    sources = _sources(args)
    if isinstance(sources, str):
        return _usage_error(sources)

    output: Path | None = args.output
    format = args.format
    if output is not None:
        format = format or format_of(output)
        if format is None:
            return _usage_error(
                f"-o {output}: give a .json, .yaml or .md file, or say which with --format"
            )
        if problem := _folder_problem(output) or _named_as_source(output, sources):
            return _usage_error(f"-o {output}: {problem}")
    if args.model is not None and not Path(args.model).exists():
        return _usage_error(f"--model {args.model}: no such file or folder")
    options = _options(args, use_cache=args.cache)
    progress = _Progress(args.quiet)

    from briefgen.pipeline import summarize_sources
    from briefgen.render.summary import format_summary, write_summary

    briefing = summarize_sources(
        sources,
        args.model,
        translate=args.translate or args.model is not None,
        title=args.title,
        date=args.date,
        options=options,
        progress=progress,
        exclude=[output] if output else [],
    )
    progress.done()
    if _left_out(args, briefing):
        return EXIT_FAILED
    if output is None:
        sys.stdout.write(format_summary(briefing, format or "json"))
        sys.stdout.flush()
    else:
        write_summary(briefing, output, format)
        progress(f"wrote {output} ({len(briefing.sources)} source(s))")
    return EXIT_PARTIAL if briefing.skipped else EXIT_OK


def _email_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the email flags, before any work."""
    recipients = [*args.to, *args.cc, *args.bcc]
    if not (recipients or args.sender or args.subject or args.draft or args.eml or args.smtp):
        return None  # no email asked for: nothing to check, nothing to import
    from briefgen.deliver.message import parse_address

    if (recipients or args.sender or args.subject or args.draft) and not (args.eml or args.smtp):
        return "--to, --cc, --bcc, --from, --subject and --draft need --eml or --smtp"
    if args.draft and not args.eml:
        return "--draft marks an .eml file: add --eml OUT.eml"
    if args.smtp and not recipients:
        return "--smtp needs at least one --to (or --cc, --bcc)"
    for flag, values in (("--to", args.to), ("--cc", args.cc), ("--bcc", args.bcc)):
        for value in values:
            try:
                parse_address(value, what="address")
            except BriefgenError as exc:
                return f"{flag} {exc}"
    sender = args.sender or os.environ.get("BRIEFGEN_SMTP_FROM")
    if sender and (args.eml or args.smtp):
        try:
            parse_address(sender, what="address")
        except BriefgenError as exc:
            return f"{'--from' if args.sender else 'BRIEFGEN_SMTP_FROM'} {exc}"
    try:
        float(os.environ.get("BRIEFGEN_EMAIL_WARN_MB", "10"))
    except ValueError:
        return "BRIEFGEN_EMAIL_WARN_MB must be a number of megabytes"
    if args.eml is not None:
        if args.eml.suffix.lower() != ".eml":
            return f"--eml {args.eml}: the email file must end in .eml"
        if problem := _folder_problem(args.eml):
            return f"--eml {args.eml}: {problem}"
    if args.smtp:
        from briefgen.deliver.smtp import is_loopback, parse_server

        try:
            host, _ = parse_server(args.smtp, args.security)
        except BriefgenError as exc:
            return f"--smtp {exc}"
        if (
            args.security == "none"
            and os.environ.get("BRIEFGEN_SMTP_USER")
            and not is_loopback(host)
        ):
            return "--no-tls would send the SMTP password unencrypted to " + host

    if args.smtp_timeout <= 0:
        return "--smtp-timeout must be above 0"
    return None


class _Progress:
    """Stage messages on stderr, and a translation progress bar that appears only when
    translating takes over two seconds (and stderr is a terminal)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self._bar: Any = None

    def __call__(self, message: str) -> None:
        self.done()
        if not self.quiet:
            print(f"briefgen: {message}", file=sys.stderr, flush=True)

    def advance(self, done: int, total: int) -> None:
        if self.quiet:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total, desc="briefgen: translating", unit=" texts", delay=2,
                disable=None, leave=False,
            )  # fmt: skip
        self._bar.update(done - self._bar.n)

    def done(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _run_cache_info(args: argparse.Namespace) -> int:
    from briefgen.translate.cache import TranslationCache

    info = TranslationCache().info()
    print(f"{info.path}: {info.entries:,} translations, {_size(info.bytes)} "
          f"(capped at {_size(info.max_bytes)})")  # fmt: skip
    return EXIT_OK


def _run_cache_clear(args: argparse.Namespace) -> int:
    from briefgen.translate.cache import TranslationCache

    cache = TranslationCache()
    print(f"{cache.path}: deleted {cache.clear():,} translations", file=sys.stderr)
    return EXIT_OK


def _run_models_list(args: argparse.Namespace) -> int:
    from briefgen.translate.locations import argos_packages_dir
    from briefgen.translate.packages import installed_packages

    packages = installed_packages()
    if not packages:
        print(
            f"no packages installed in {argos_packages_dir()}; "
            "install one with 'briefgen models install ja'",
            file=sys.stderr,
        )
        return EXIT_OK
    rows = [
        (
            p.path.name,
            f"{p.from_code}→{p.to_code}",
            p.version or "-",
            _size(p.size_bytes()),
            str(p.path),
        )
        for p in packages
    ]
    _print_table(("PACKAGE", "PAIR", "VERSION", "SIZE", "PATH"), rows)
    return EXIT_OK


def _run_models_available(args: argparse.Namespace) -> int:
    from briefgen.translate.index import available_packages
    from briefgen.translate.packages import installed_packages, version_key

    entries = available_packages(args.index, refresh=args.refresh)
    installed = {(p.from_code, p.to_code, p.version) for p in installed_packages()}
    rows = [
        (
            e.name,
            f"{e.from_code}→{e.to_code}",
            e.version or "-",
            f"{e.from_name} → {e.to_name}",
            "installed" if (e.from_code, e.to_code, e.version) in installed else "",
        )
        for e in sorted(entries, key=lambda e: (e.from_code, e.to_code, version_key(e.version)))
    ]
    _print_table(("PACKAGE", "PAIR", "VERSION", "LANGUAGES", ""), rows)
    return EXIT_OK


def _run_models_install(args: argparse.Namespace) -> int:
    from briefgen.translate import install

    target = args.package
    if Path(target).exists() or os.sep in target or target.endswith(".argosmodel"):
        package = install.install_path(target)
    else:
        with _download_bar(args.quiet) as bar:
            package = install.install_from_index(
                target, index_url=args.index, refresh=args.refresh, progress=bar
            )
    print(
        f"installed {package.path.name} ({package.from_code}→{package.to_code} "
        f"{package.version}) in {package.path}",
        file=sys.stderr,
    )
    return EXIT_OK


def _run_models_remove(args: argparse.Namespace) -> int:
    from briefgen.translate import install

    for package in install.remove(args.package, every=args.all):
        print(f"removed {package.path.name} ({package.path})", file=sys.stderr)
    return EXIT_OK


@contextlib.contextmanager
def _download_bar(quiet: bool) -> Iterator[Callable[[int, int | None], None] | None]:
    """A byte progress bar on stderr (drawn only on a terminal), closed even on error."""
    if quiet:
        yield None
        return
    from tqdm import tqdm

    with tqdm(
        desc="briefgen: downloading", unit="B", unit_scale=True, disable=None, leave=False
    ) as bar:

        def advance(done: int, total: int | None) -> None:
            if total is not None and bar.total != total:
                bar.reset(total=total)
                bar.update(done)
            else:
                bar.update(done - bar.n)

        yield advance


def _size(n: int) -> str:
    if n < 1000:
        return f"{n} B"
    value = float(n)
    for unit in ("KB", "MB", "GB"):
        value /= 1000
        if value < 1000 or unit == "GB":
            break
    return f"{value:.1f} {unit}"


def _print_table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _log_warnings_to_stderr() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("briefgen: warning: %(message)s"))
    handler.set_name("briefgen-stderr")
    logger = logging.getLogger("briefgen")
    for earlier in [h for h in logger.handlers if h.get_name() == "briefgen-stderr"]:
        logger.removeHandler(earlier)  # main() called again in one process: one line each
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def _print_skipped(skipped: Sequence[Any]) -> None:
    for source in skipped:
        print(f"briefgen: error: {source.origin}: {source.reason}", file=sys.stderr)


# Flags that collect several values: given on the command line, they replace the
# config's list rather than add to it.
_LIST_FLAGS = ("sources", "to", "cc", "bcc", "servers")


def _with_config(argv: Sequence[str] | None, args: argparse.Namespace) -> argparse.Namespace:
    """``args`` with the --config file's values wherever no flag was given."""
    from briefgen.desk.config import ConfigError, DeskConfig

    config = DeskConfig.load(args.config)
    run_date = args.date or dt.date.today()  # a daily desk's briefing is the day's
    email = config.email
    defaults: dict[str, Any] = {
        "date": run_date,
        # Earlier days' briefings, written where the sources are, are no sources.
        "earlier_outputs": config.earlier_outputs(),
        "send_when_empty": config.send_when_empty,
        "sources": config.source_paths(),
        "output": config.path(config.output, run_date),
        "title": config.title,
        "template": config.template_path(),
        "glossary": config.path(config.glossary) if config.glossary else None,
        "corrections": config.path(config.corrections) if config.corrections else None,
        "model": str(config.path(config.model)) if config.model else None,
        "translator": config.translator,
        "servers": list(config.urls),
        "classification": config.classification,
        "author": config.author,
        "lang": config.lang,
        "encoding": config.encoding,
        "glob": config.glob,
        "lede": config.lede,
        "beam": config.beam,
        "device": config.device,
        "cache": config.cache,
        "strict": config.strict,
        "state": config.path(config.state) if config.state else None,
        "only_new": config.only_new,
        "eml": config.path(email.eml, run_date) if email.eml else None,
        "to": list(email.to),
        "cc": list(email.cc),
        "bcc": list(email.bcc),
        "sender": email.sender,
        "subject": email.subject,
        "smtp": email.smtp,
        "security": email.security,
        "draft": email.draft,
    }
    if config.points is not None:
        try:
            defaults["points"] = _points(str(config.points))
        except argparse.ArgumentTypeError as exc:
            raise ConfigError(f"{args.config}: points: {exc}") from None
    configured = build_parser(make_defaults=defaults).parse_args(argv)
    for flag in _LIST_FLAGS:
        if getattr(args, flag):  # given on the command line
            setattr(configured, flag, getattr(args, flag))
    for name in ("output", "eml", "state"):  # the config's own folders are made for it
        path = getattr(configured, name)
        if path is not None and path == defaults[name]:
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConfigError(
                    f"{args.config}: {name}: cannot make {Path(path).parent} "
                    f"({exc.strerror or exc})"
                ) from None
    return configured


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``briefgen`` command with ``argv`` (default: ``sys.argv[1:]``); the exit status."""
    args = build_parser().parse_args(argv)
    if getattr(args, "config", None) is not None:
        try:
            args = _with_config(argv, args)
        except BriefgenError as exc:
            return _usage_error(str(exc))
    if args.command is None:
        print(SHORT_USAGE, end="", file=sys.stderr)
        return EXIT_USAGE
    _log_warnings_to_stderr()
    try:
        status: int = args.run(args)
        return status
    except BriefgenError as exc:
        skipped = getattr(exc, "skipped", None)  # NoUsableSources: one line per source
        if skipped is not None:
            _print_skipped(skipped)
            print("briefgen: error: no usable source; nothing was written", file=sys.stderr)
            return EXIT_FAILED
        message = re.sub(r"\s*\n\s*", " ", str(exc))  # one line, whatever a library said
        print(f"briefgen: error: {message}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("briefgen: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (briefgen summarize … | head): nothing left to say.
        # Python would complain again at exit while flushing stdout; point it at devnull.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as exc:  # a bug: still one line, unless asked for the traceback
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        print(
            f"briefgen: internal error: {type(exc).__name__}: {exc} "
            "(set BRIEFGEN_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
        return EXIT_FAILED
