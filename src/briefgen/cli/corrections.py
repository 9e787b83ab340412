"""``briefgen corrections``: the user's own English for source sentences
(:mod:`briefgen.translate.memory` keeps them)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefgen.cli._common import EXIT_OK, Commands, Parser, usage_error
from briefgen.errors import BriefgenError


def stored_corrections() -> dict[str, str]:
    from briefgen.translate.memory import stored_corrections

    return stored_corrections()


def add_corrections(commands: Commands[Parser]) -> None:
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
    actions = corrections.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
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


def _run_corrections_add(args: argparse.Namespace) -> int:
    from briefgen.translate.memory import add_corrections, is_name, store_path

    try:
        add_corrections([(args.source, args.english)])
    except ValueError as exc:
        return usage_error(f"corrections add: {exc}")
    kind = " (a name: it joins the glossary)" if is_name(args.source) else ""
    print(f"briefgen: {len(stored_corrections())} correction(s) in {store_path()}{kind}",
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


def _run_corrections_import(args: argparse.Namespace) -> int:
    from briefgen.translate.memory import add_corrections, read_corrections, store_path

    try:
        changed = add_corrections(read_corrections(args.file))
    except BriefgenError as exc:
        return usage_error(str(exc))
    except ValueError as exc:
        return usage_error(f"{args.file}: {exc}")
    print(f"briefgen: {changed} correction(s) added or changed; "
          f"{len(stored_corrections())} in {store_path()}", file=sys.stderr)  # fmt: skip
    return EXIT_OK


def _run_corrections_list(args: argparse.Namespace) -> int:
    for source, english in stored_corrections().items():
        print(f"{source}\t{english}")
    return EXIT_OK


def _run_corrections_remove(args: argparse.Namespace) -> int:
    from briefgen.translate.memory import remove_correction

    if not remove_correction(args.source):
        return usage_error(f"corrections remove: no correction for {args.source!r}")
    return EXIT_OK
