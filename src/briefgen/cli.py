"""The ``briefgen`` command: parses flags, calls the public API, reports errors.

Every :class:`~briefgen.errors.BriefgenError` becomes one line on stderr; nothing
here knows how a briefing is made.
"""

from __future__ import annotations

import argparse
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
  2  usage error, or a source could not be read; the briefing is still written
     from the sources that could be
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
        "--template",
        type=Path,
        metavar="PATH.docx",
        help="Word template with Jinja2 tags (default: the shipped one)",
    )
    make.add_argument(
        "--lang", metavar="CODE", help="source language, e.g. ja (default: detected per source)"
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


def _run_make(args: argparse.Namespace) -> int:
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
        args.sources, args.model, title=args.title, options=options, progress=progress
    )
    for skipped in briefing.skipped:
        print(f"briefgen: error: {skipped.origin}: {skipped.reason}", file=sys.stderr)
    path = briefing.save_docx(args.output, template=args.template)
    progress(
        f"wrote {path} ({len(briefing.sources)} source(s), {time.perf_counter() - started:.1f} s)"
    )
    return EXIT_INPUT if briefing.skipped else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
    return EXIT_FAILED
