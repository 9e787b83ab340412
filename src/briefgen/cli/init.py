"""``briefgen init``: write a commented desk.toml (:data:`briefgen.desk.config.EXAMPLE`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefgen._io import folder_problem
from briefgen.cli._common import EXIT_FAILED, EXIT_OK, Commands, Parser, usage_error


def add_init(commands: Commands[Parser]) -> None:
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
        return usage_error(f"{args.path}: already exists; give another file name")
    if problem := folder_problem(args.path):
        return usage_error(f"{args.path}: {problem}")
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
