"""``briefgen make``: the flags become a plan (:func:`briefgen.desk.plan.plan_make`,
with a ``--config`` file's values under them), the plan is carried out
(:func:`briefgen.desk.plan.run_plan`), and the outcome becomes an exit status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from briefgen.cli._common import (
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_STATUS_HELP,
    EXIT_UNDELIVERED,
    Commands,
    Parser,
    Progress,
    add_source_flags,
    iso_date,
    positive_int,
    say,
    sources,
    usage_error,
)
from briefgen.errors import BriefgenError, one_line

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


def add_make(commands: Commands[Parser]) -> None:
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
        metavar="TEXT",
        help="a classification or distribution line for page 1 and every page's "
        'header, e.g. "Internal: press desk only"',
    )
    make.add_argument(
        "--author",
        metavar="NAME",
        help="the author the Word file's properties name (default: briefgen)",
    )
    make.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="briefing date (default: the newest source date, else today)",
    )
    make.add_argument(
        "--template",
        metavar="NAME|PATH",
        help="a shipped template (briefing, compact, parallel: see 'briefgen templates') "
        "or a Word .docx with Jinja2 tags (default: briefing)",
    )
    add_source_flags(make)
    speed = make.add_argument_group("translation")
    beam = speed.add_mutually_exclusive_group()  # --beam 4 --fast: say so, not the last wins
    beam.add_argument(
        "--beam",
        type=positive_int,
        metavar="N",
        help="beam width: wider is slower and sometimes better (default: 2)",
    )
    beam.add_argument(
        "--fast", action="store_const", const=1, dest="beam", help="greedy decoding (--beam 1)"
    )
    speed.add_argument(
        "--translator",
        choices=("argos", "libretranslate"),
        help="argos: a model on this machine (default); libretranslate: the server(s) "
        "given with --url, API key from BRIEFGEN_LIBRETRANSLATE_KEY or "
        "~/.config/briefgen/libretranslate.key",
    )
    speed.add_argument(
        "--url",
        action="append",
        dest="urls",
        metavar="URL",
        help="a LibreTranslate server (repeat for several: batches are shared out, and "
        "one that is down is skipped)",
    )
    speed.add_argument(
        "--allow-insecure-key",
        action="store_true",
        help="send the LibreTranslate API key even over plain http:// to another machine "
        "(refused by default: anyone on the way could read it)",
    )
    speed.add_argument(
        "--device",
        choices=("auto", "cpu", "cuda"),
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
        action=argparse.BooleanOptionalAction,
        help="leave out sources and points that earlier briefings already reported; "
        "with nothing new, write and send nothing (--no-only-new: a config's only_new off)",
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
    mail.add_argument("--to", action="append", metavar="ADDR", help="recipient")
    mail.add_argument("--cc", action="append", metavar="ADDR", help="copy to")
    mail.add_argument("--bcc", action="append", metavar="ADDR", help="blind copy (sent only)")
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
        help="plain SMTP, for a relay on this machine or network only (port 25)",
    )
    mail.add_argument(
        "--smtp-timeout",
        type=float,
        metavar="SECONDS",
        help="connection and send timeout (default: 30)",
    )
    make.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    # The flags carry no defaults: a flag that is absent leaves the config's value or
    # the library's default (briefgen.desk.plan.DEFAULTS) in place.
    for action in make._actions:
        if action.dest not in ("help", "config", "quiet", "from_file"):
            action.default = argparse.SUPPRESS
    make.set_defaults(run=run_make)


def run_make(args: argparse.Namespace) -> int:
    from briefgen.desk.plan import DEFAULTS, FLAGS, plan_make, run_plan

    given: dict[str, Any] = {k: v for k, v in vars(args).items() if k in DEFAULTS}
    if given.get("sources") or args.from_file is not None:
        named = sources(given.get("sources", []), args.from_file)
        if isinstance(named, str):
            return usage_error(named)
        given["sources"] = named
    else:
        given.pop("sources", None)  # none named: the config's, if any
    try:
        config = None
        if args.config is not None:
            from briefgen.desk.config import DeskConfig

            config = DeskConfig.load(args.config)
        plan = plan_make(given, config, origins={name: FLAGS[name] for name in given})
    except BriefgenError as exc:
        return usage_error(str(exc))

    progress = Progress(args.quiet)
    try:
        result = run_plan(plan, progress=progress, notice=say)
    finally:
        progress.done()
    outcome = result.outcome
    if outcome.failure is not None:
        message = one_line(outcome.failure)
        print(f"briefgen: error: delivery failed ({outcome.failure.kind}): {message}",
              file=sys.stderr)  # fmt: skip
        kept = ", ".join(str(p) for p in (outcome.output, outcome.eml) if p is not None)
        print(f"briefgen: kept {kept or 'nothing'}; nothing recorded as delivered",
              file=sys.stderr)  # fmt: skip
        return EXIT_UNDELIVERED
    if result.briefing.skipped:
        progress(f"left out {len(result.briefing.skipped)} source(s): see the errors above")
        return EXIT_PARTIAL
    return EXIT_OK
