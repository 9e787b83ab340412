"""The ``briefgen`` command: one module per command group, each of which parses its
flags, calls the library (for ``make``: builds a plan and runs it, see
:mod:`briefgen.desk.plan`) and reports. Every :class:`~briefgen.errors.BriefgenError`
becomes one line on stderr; nothing here knows how a briefing is made. The library is
imported only once the flags have been checked, so a usage error costs no start-up.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from briefgen._version import __version__
from briefgen.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_STATUS_HELP,
    EXIT_UNDELIVERED,
    EXIT_USAGE,
    Parser,
    log_warnings_to_stderr,
    print_skipped,
)
from briefgen.cli.cache import add_cache
from briefgen.cli.corrections import add_corrections
from briefgen.cli.init import add_init
from briefgen.cli.make import add_make
from briefgen.cli.models import add_models
from briefgen.cli.summarize import add_summarize
from briefgen.cli.templates import add_templates
from briefgen.errors import BriefgenError, one_line

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_STATUS_HELP",
    "EXIT_UNDELIVERED",
    "EXIT_USAGE",
    "build_parser",
    "main",
]

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


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="briefgen",
        description="Offline bilingual Word briefings from foreign-language sources.",
        epilog=TOP_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"briefgen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    add_make(commands)
    add_summarize(commands)
    add_models(commands)
    add_templates(commands)
    add_cache(commands)
    add_init(commands)
    add_corrections(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``briefgen`` command with ``argv`` (default: ``sys.argv[1:]``); the exit status."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        print(SHORT_USAGE, end="", file=sys.stderr)
        return EXIT_USAGE
    log_warnings_to_stderr()
    try:
        status: int = args.run(args)
        return status
    except BriefgenError as exc:
        skipped = getattr(exc, "skipped", None)  # NoUsableSources: one line per source
        if skipped is not None:
            print_skipped(skipped)
            print("briefgen: error: no usable source; nothing was written", file=sys.stderr)
            return EXIT_FAILED
        message = one_line(exc)  # whatever a library said
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
