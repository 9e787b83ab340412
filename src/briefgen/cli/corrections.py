"""``briefgen corrections``: the user's own English for source sentences
(:mod:`briefgen.corrections`; the store is :mod:`briefgen.translate.memory`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefgen.cli._common import EXIT_OK, Commands, Parser, iso_date, usage_error
from briefgen.errors import BriefgenError


def add_corrections(commands: Commands[Parser]) -> None:
    corrections = commands.add_parser(
        "corrections",
        help="your own English for source sentences, used before the model",
        description="Fix an English line once: briefgen uses your English whenever the "
        "same source text comes again (a text differing only in spaces or punctuation "
        "reuses it, marked 'near-match correction'), and a corrected name joins the "
        "glossary. Fix it in the Word briefing itself and import the file, or add it here. "
        "The corrections are a TSV file you may edit: "
        "$XDG_DATA_HOME/briefgen/corrections.tsv.",
    )
    corrections.set_defaults(run=_run_list, from_source=None, since=None, until=None, long=False)
    actions = corrections.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    add = actions.add_parser("add", help="add or replace one correction")
    add.add_argument("source", metavar="SOURCE_TEXT")
    add.add_argument("english", metavar="ENGLISH")
    add.set_defaults(run=_run_add)
    load = actions.add_parser(
        "import",
        help="add the English you changed in a Word briefing briefgen made, or a TMX "
        "file's units, or a file's 'source<TAB>English' lines",
        description="A .docx: every English text you changed in a briefing briefgen made "
        "(in Word or LibreOffice) becomes a correction; a pair whose original you changed "
        "too is skipped. A .tmx: its units into English. Else: 'source<TAB>English' lines.",
    )
    load.add_argument("file", type=Path, metavar="FILE")
    load.set_defaults(run=_run_import)
    show = actions.add_parser("list", help="print them, one 'source<TAB>English' per line")
    _add_filters(show)
    show.add_argument(
        "-l", "--long", action="store_true",
        help="add where each came from: source, briefing, when (UTC), language",
    )  # fmt: skip
    show.set_defaults(run=_run_list)
    export = actions.add_parser("export", help="write them as TSV or TMX 1.4b")
    export.add_argument("--format", choices=("tsv", "tmx"), default="tsv")
    export.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="the file to write (default: standard output)")  # fmt: skip
    _add_filters(export)
    export.set_defaults(run=_run_export)
    remove = actions.add_parser("remove", help="forget one")
    remove.add_argument("source", metavar="SOURCE_TEXT")
    remove.set_defaults(run=_run_remove)


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", dest="from_source", metavar="TEXT",
                        help="only those from a source document whose name holds TEXT")  # fmt: skip
    parser.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD",
                        help="only those added on or after this day (UTC)")  # fmt: skip
    parser.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD",
                        help="only those added on or before this day (UTC)")  # fmt: skip


def _run_add(args: argparse.Namespace) -> int:
    from briefgen.translate.memory import add_corrections, is_name, store_path, stored_corrections

    try:
        add_corrections([(args.source, args.english)])
    except ValueError as exc:
        return usage_error(f"corrections add: {exc}")
    kind = " (a name: it joins the glossary)" if is_name(args.source) else ""
    print(f"briefgen: {len(stored_corrections())} correction(s) in {store_path()}{kind}",
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


def _run_import(args: argparse.Namespace) -> int:
    from briefgen.corrections import import_corrections

    try:
        result = import_corrections(args.file)
    except BriefgenError as exc:
        return usage_error(str(exc))
    for line in result.summary():
        print(f"briefgen: {line}", file=sys.stderr)
    return EXIT_OK


def _run_list(args: argparse.Namespace) -> int:
    from briefgen.translate.memory import list_corrections

    for c in list_corrections(args.from_source, args.since, args.until):
        context = [c.source, c.briefing, c.added, c.language] if args.long else []
        print("\t".join([c.original, c.english, *context]))
    return EXIT_OK


def _run_export(args: argparse.Namespace) -> int:
    from briefgen._io import write_atomic
    from briefgen.corrections import export_corrections

    data = export_corrections(
        args.format, source=args.from_source, since=args.since, until=args.until
    )
    if args.output is None:
        sys.stdout.buffer.write(data)
        return EXIT_OK
    try:
        write_atomic(args.output, data)
    except OSError as exc:
        return usage_error(f"{args.output}: cannot write ({exc.strerror or exc})")
    return EXIT_OK


def _run_remove(args: argparse.Namespace) -> int:
    from briefgen.translate.memory import remove_correction

    if not remove_correction(args.source):
        return usage_error(f"corrections remove: no correction for {args.source!r}")
    return EXIT_OK
