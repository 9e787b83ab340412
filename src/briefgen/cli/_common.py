"""What every command shares: exit statuses, the parser class, progress and error
lines on stderr, and the argument types."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_UNDELIVERED = 4

# One rule: 2 is whatever is wrong with what the user typed or configured (flags, the
# config file, files they name: a template, a glossary, the output's folder), found
# before any work; 1 is a run that failed while working. tests/test_exit_status.py
# makes each row happen.
EXIT_STATUS_HELP = """\
exit status:
  0  the briefing was written and holds every source (and was delivered, if
     asked), or --only-new found nothing new and nothing was written
  1  failed while working: nothing was written (no usable source, no model, a
     template that fails while rendering, a write that failed, --strict)
  2  usage error: bad flags, config or named files (a missing template, an
     output folder that does not exist), found before any work
  3  partial: the briefing was written, but some sources were left out
     (each one is named on stderr and on the briefing's title page)
  4  the briefing was written, but delivering it (SMTP) failed
"""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


Commands = argparse._SubParsersAction  # the type add_parser is called on


def usage_error(message: str) -> int:
    print(f"briefgen: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def say(message: str) -> None:
    """A line the user must see even with --quiet (a source left out, a retry)."""
    print(f"briefgen: {message}", file=sys.stderr)


def print_skipped(skipped: Sequence[Any]) -> None:
    for source in skipped:
        print(f"briefgen: error: {source.origin}: {source.reason}", file=sys.stderr)


class Progress:
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


def log_warnings_to_stderr() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("briefgen: warning: %(message)s"))
    handler.set_name("briefgen-stderr")
    logger = logging.getLogger("briefgen")
    for earlier in [h for h in logger.handlers if h.get_name() == "briefgen-stderr"]:
        logger.removeHandler(earlier)  # main() called again in one process: one line each
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def encoding(text: str) -> str:
    import codecs

    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an encoding Python knows (e.g. utf-8, cp932, euc_jp, gb18030)"
        ) from None


def gist_chars(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of characters from 0 to 1000")
    return value


def points(text: str) -> float | int:
    """--points: a number in all, or a share (:func:`briefgen.options.parse_points`)."""
    from briefgen.options import parse_points

    try:
        return parse_points(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def sources(named: Sequence[str], from_file: Path | None) -> list[str] | str:
    """The sources named on the command line and in --from-file, or why there are none."""
    found = list(named)
    if from_file is not None:
        try:
            lines = from_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            return f"--from-file {from_file}: cannot be read ({exc})"
        found += [
            line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")
        ]
    if not found:
        return "no sources: name files or folders, - for standard input, or --from-file LIST"
    return found


def add_source_flags(parser: argparse.ArgumentParser) -> None:
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
        action=argparse.BooleanOptionalAction,
        help="fail (exit 1, nothing written) when any source cannot be used, instead of "
        "leaving it out (exit 3); --no-strict turns a config's strict off",
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
        type=encoding,
        metavar="NAME",
        help="the sources' text encoding, e.g. cp932 or euc_jp (default: detected: UTF-8, "
        "UTF-16, Shift_JIS, EUC-JP, ISO-2022-JP, GB18030, Big5, EUC-KR…)",
    )
    parser.add_argument(
        "--points",
        type=points,
        metavar="N|SHARE",
        help="key points: a number in all (--points 8; 0 for the lede alone), or at most a "
        "share of each section's sentences (--points 25%%, or 0.25; default: 33%%)",
    )
    parser.add_argument(
        "--lede",
        type=int,
        choices=(0, 1, 2),
        help="sentences in the lede (default: 2)",
    )
    parser.add_argument(
        "--gist-chars",
        type=gist_chars,
        metavar="N",
        help="each source's gist, its point in one line, in at most N characters "
        "(whole words in languages written with spaces; 0 for none, and page 1 leads "
        "with the lede; at most 1000; default: 100)",
    )


def size(n: int) -> str:
    if n < 1000:
        return f"{n} B"
    value = float(n)
    for unit in ("KB", "MB", "GB"):
        value /= 1000
        if value < 1000 or unit == "GB":
            break
    return f"{value:.1f} {unit}"


def print_table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
