"""``briefgen cache``: where the translation cache is, its size, and clearing it."""

from __future__ import annotations

import argparse
import sys

from briefgen.cli._common import EXIT_OK, Commands, Parser, size


def add_cache(commands: Commands[Parser]) -> None:
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
    actions = cache.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    actions.add_parser("info", help="where the cache is, and its size").set_defaults(
        run=_run_cache_info
    )
    actions.add_parser("clear", help="delete every cached translation").set_defaults(
        run=_run_cache_clear
    )


def _run_cache_info(args: argparse.Namespace) -> int:
    from briefgen.translate.cache import TranslationCache

    info = TranslationCache().info()
    print(f"{info.path}: {info.entries:,} translations, {size(info.bytes)} "
          f"(capped at {size(info.max_bytes)})")  # fmt: skip
    return EXIT_OK


def _run_cache_clear(args: argparse.Namespace) -> int:
    from briefgen.translate.cache import TranslationCache

    cache = TranslationCache()
    print(f"{cache.path}: deleted {cache.clear():,} translations", file=sys.stderr)
    return EXIT_OK
