"""``briefgen summarize``: the structured points of the sources, no briefing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefgen._io import folder_problem, named_as_source
from briefgen.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PARTIAL,
    Commands,
    Parser,
    Progress,
    add_source_flags,
    iso_date,
    print_skipped,
    sources,
    usage_error,
)
from briefgen.options import Options, split_points

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


def add_summarize(commands: Commands[Parser]) -> None:
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
    summarize.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="date of the whole")
    add_source_flags(summarize)
    summarize.add_argument(
        "--no-cache",
        action="store_false",
        dest="cache",
        help="translate everything afresh, without the translation cache",
    )
    summarize.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    summarize.set_defaults(run=run_summarize)


def run_summarize(args: argparse.Namespace) -> int:
    from briefgen.render.summary import format_of

    named = sources(args.sources, args.from_file)
    if isinstance(named, str):
        return usage_error(named)

    output: Path | None = args.output
    format = args.format
    if output is not None:
        suffix_format = format_of(output)
        if format is not None and suffix_format is not None and format != suffix_format:
            return usage_error(
                f"--format {format} and -o {output} disagree: name the file ….{format}, "
                "or leave --format out"
            )
        format = format or suffix_format
        if format is None:
            return usage_error(
                f"-o {output}: give a .json, .yaml or .md file, or say which with --format"
            )
        if problem := folder_problem(output) or named_as_source(output, named):
            return usage_error(f"-o {output}: {problem}")
    if args.model is not None and not Path(args.model).exists():
        return usage_error(f"--model {args.model}: no such file or folder")
    key_points, key_point_ratio = split_points(args.points)
    try:
        options = Options(
            language=args.lang,
            encoding=args.encoding,
            glob=args.glob,
            lede_sentences=2 if args.lede is None else args.lede,
            gist_chars=100 if args.gist_chars is None else args.gist_chars,
            use_cache=args.cache,
            key_points=key_points,
            key_point_ratio=key_point_ratio,
        )
    except ValueError as exc:
        return usage_error(str(exc))
    progress = Progress(args.quiet)

    from briefgen.pipeline import summarize_sources
    from briefgen.render.summary import format_summary, write_summary

    briefing = summarize_sources(
        named,
        args.model,
        translate=args.translate or args.model is not None,
        title=args.title,
        date=args.date,
        options=options,
        progress=progress,
        exclude=[output] if output else [],
    )
    progress.done()
    print_skipped(briefing.skipped)
    if args.strict and briefing.skipped:
        print(
            f"briefgen: error: --strict: {len(briefing.skipped)} source(s) could not be used; "
            "nothing was written",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if output is None:
        sys.stdout.write(format_summary(briefing, format or "json"))
        sys.stdout.flush()
    else:
        write_summary(briefing, output, format)
        progress(f"wrote {output} ({len(briefing.sources)} source(s))")
    return EXIT_PARTIAL if briefing.skipped else EXIT_OK
