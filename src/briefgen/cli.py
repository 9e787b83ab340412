"""The ``briefgen`` command: parses flags, calls the public API, reports errors.

Every :class:`~briefgen.errors.BriefgenError` becomes one line on stderr; nothing
here knows how a briefing is made.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from briefgen._version import __version__
from briefgen.errors import BriefgenError, InputError
from briefgen.options import Options
from briefgen.pipeline import make_briefing

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INPUT = 2

MAKE_DESCRIPTION = """\
Summarize each source into a lede and key points per section, translate them
to English offline with an Argos Translate package, and write a Word briefing
with the original and the English side by side.

Sources are .txt or .md files (UTF-8) or directories of them. A first line like
"date 2025-09-11 <title>" gives a source its date and title.
"""

MAKE_EPILOG = """\
examples:
  briefgen make seeds/ --model demo-model/translate-ja_en-demo.argosmodel -o briefing.docx
  briefgen make a.txt b.md --title "Japan press, week 37" -o week37.docx
  briefgen make notes/ -o out.docx        # uses the installed ja→en Argos package

translation model:
  Without --model, briefgen uses the installed Argos package for the source
  language → English (Argos's packages folder, or $ARGOS_PACKAGES_DIR). Install
  the real Japanese one once with:
    argospm update && argospm install translate-ja_en

exit status:
  0  briefing written from every source
  1  failed (no model, template problem, cannot write the output)
  2  usage error, or a source could not be used (unreadable, or no model for
     its language); the briefing is still written from the others
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_INPUT, f"{self.prog}: error: {message}\n(see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefgen",
        description="Offline bilingual Word briefings from foreign-language sources.",
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    make = commands.add_parser(
        "make",
        help="make a .docx briefing from sources",
        description=MAKE_DESCRIPTION,
        epilog=MAKE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    make.add_argument("sources", nargs="+", metavar="SOURCE", help="files or directories")
    make.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="OUT.docx",
        help="where to write the briefing (replaced atomically)",
    )
    make.add_argument(
        "--model",
        metavar="PATH",
        help="Argos package to translate with: an .argosmodel file or an unpacked folder",
    )
    make.add_argument("--title", help='briefing title (default: "Briefing")')
    make.add_argument(
        "--date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="briefing date (default: the newest source date, else today)",
    )
    make.add_argument(
        "--template",
        type=Path,
        metavar="PATH.docx",
        help="Word template with Jinja2 tags (default: the shipped one)",
    )
    make.add_argument(
        "--lang",
        type=str.lower,
        metavar="CODE",
        help="source language, e.g. ja (default: detected per source)",
    )
    make.add_argument(
        "--points",
        type=float,
        default=Options.key_point_ratio,
        metavar="RATIO",
        help="at most this share of a section's sentences become key points (default: 0.33)",
    )
    make.add_argument(
        "--lede",
        type=int,
        choices=(0, 1, 2),
        default=Options.lede_sentences,
        help="sentences in the lede (default: 2)",
    )
    make.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    return parser


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def _run_make(args: argparse.Namespace) -> int:
    # Files named on the command line are checked before any work is done.
    for flag, path in (("--template", args.template), ("--model", args.model)):
        if path is not None and not Path(path).exists():
            print(f"briefgen: error: {flag} {path}: no such file or folder", file=sys.stderr)
            return EXIT_INPUT
    try:
        options = Options(language=args.lang, lede_sentences=args.lede, key_point_ratio=args.points)
    except ValueError as exc:
        print(f"briefgen: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    started = time.perf_counter()

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"briefgen: {message}", file=sys.stderr, flush=True)

    briefing = make_briefing(
        args.sources,
        args.model,
        title=args.title,
        date=args.date,
        options=options,
        progress=progress,
    )
    for skipped in briefing.skipped:
        print(f"briefgen: error: {skipped.origin}: {skipped.reason}", file=sys.stderr)
    path = briefing.save_docx(args.output, template=args.template)
    progress(
        f"wrote {path} ({len(briefing.sources)} source(s), {time.perf_counter() - started:.1f} s)"
    )
    return EXIT_INPUT if briefing.skipped else EXIT_OK


def _log_warnings_to_stderr() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("briefgen: warning: %(message)s"))
    logger = logging.getLogger("briefgen")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _log_warnings_to_stderr()
    try:
        if args.command == "make":
            return _run_make(args)
    except InputError as exc:
        print(f"briefgen: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BriefgenError as exc:
        print(f"briefgen: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("briefgen: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still one line, unless asked for the traceback
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        print(
            f"briefgen: internal error: {type(exc).__name__}: {exc} "
            "(set BRIEFGEN_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    return EXIT_FAILED
