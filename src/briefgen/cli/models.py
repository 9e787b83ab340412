"""``briefgen models``: list, install and remove the Argos packages briefgen translates
with (:mod:`briefgen.translate.install`)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from briefgen.cli._common import EXIT_OK, Commands, Parser, print_table, size

MODELS_DESCRIPTION = """\
Manage the Argos Translate packages briefgen translates with. They live in
Argos's own packages folder ($ARGOS_PACKAGES_DIR, else
~/.local/share/argos-translate/packages), so packages installed with 'argospm'
appear here and the other way round.
"""

MODELS_EPILOG = """\
examples:
  briefgen models list
  briefgen models available                 # from Argos's package index
  briefgen models install ja                # download ja→en, check it, install it
  briefgen models install ./translate-ja_en-1_1.argosmodel   # offline, from a file
  briefgen models remove ja
  briefgen models clean                     # what interrupted downloads left behind

The index is Argos's ($ARGOS_PACKAGE_INDEX + index.json, else Argos's GitHub
index); --index URL (or a path) reads another. The index and packages come over
https:// (plain http:// only from this machine) unless --allow-insecure-index;
a package download stops at the size the index gives, and at 1 GB at most.
exit status: 0 done, 1 failed, 2 usage error.
"""


def add_models(commands: Commands[Parser]) -> None:
    models = commands.add_parser(
        "models",
        help="list, install and remove translation models",
        description=MODELS_DESCRIPTION,
        epilog=MODELS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    models.set_defaults(run=_run_models_list)  # bare 'briefgen models' lists them
    actions = models.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    listing = actions.add_parser("list", help="installed packages: pair, version, size, path")
    listing.set_defaults(run=_run_models_list)
    available = actions.add_parser("available", help="packages the index offers")
    available.add_argument("--index", metavar="URL", help="read this index instead of Argos's")
    available.add_argument(
        "--refresh", action="store_true", help="fetch the index again (default: Argos's copy)"
    )
    _add_insecure_index_flag(available)
    available.set_defaults(run=_run_models_available)
    install = actions.add_parser(
        "install",
        help="install from the index (ja, translate-ja_en) or a file or folder",
        description="Install a package from the index (downloaded, checked, then moved into "
        "place) or from an .argosmodel file or unpacked package folder (offline). A package "
        "that fails the checks leaves nothing behind.",
    )
    install.add_argument("package", metavar="CODE|NAME|PATH")
    install.add_argument("--index", metavar="URL", help="read this index instead of Argos's")
    install.add_argument("--refresh", action="store_true", help="fetch the index again first")
    install.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _add_insecure_index_flag(install)
    install.set_defaults(run=_run_models_install)
    remove = actions.add_parser(
        "remove", help="remove an installed package by language code, argospm name or folder"
    )
    remove.add_argument("package", metavar="CODE|NAME")
    remove.add_argument("--all", action="store_true", help="remove every package the name matches")
    remove.set_defaults(run=_run_models_remove)
    actions.add_parser(
        "clean",
        help="remove partial downloads, unpacked --model copies and staging folders "
        "left by interrupted work",
    ).set_defaults(run=_run_models_clean)


def _add_insecure_index_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-insecure-index",
        action="store_true",
        help="also fetch the index and packages over plain http:// from other machines, "
        "or from file: URLs (default: https://, or http:// on this machine only)",
    )


def _run_models_list(args: argparse.Namespace) -> int:
    from briefgen.translate.locations import argos_packages_dir
    from briefgen.translate.packages import installed_packages

    packages = installed_packages()
    if not packages:
        print(
            f"no packages installed in {argos_packages_dir()}; "
            "install one with 'briefgen models install ja'",
            file=sys.stderr,
        )
        return EXIT_OK
    rows = [
        (
            p.path.name,
            f"{p.from_code}→{p.to_code}",
            p.version or "-",
            size(p.size_bytes()),
            str(p.path),
        )
        for p in packages
    ]
    print_table(("PACKAGE", "PAIR", "VERSION", "SIZE", "PATH"), rows)
    return EXIT_OK


def _run_models_available(args: argparse.Namespace) -> int:
    from briefgen.translate.index import available_packages
    from briefgen.translate.packages import installed_packages, version_key

    entries = available_packages(
        args.index, refresh=args.refresh, allow_insecure_index=args.allow_insecure_index
    )
    installed = {(p.from_code, p.to_code, p.version) for p in installed_packages()}
    rows = [
        (
            e.name,
            f"{e.from_code}→{e.to_code}",
            e.version or "-",
            f"{e.from_name} → {e.to_name}",
            "installed" if (e.from_code, e.to_code, e.version) in installed else "",
        )
        for e in sorted(entries, key=lambda e: (e.from_code, e.to_code, version_key(e.version)))
    ]
    print_table(("PACKAGE", "PAIR", "VERSION", "LANGUAGES", ""), rows)
    return EXIT_OK


def _run_models_install(args: argparse.Namespace) -> int:
    from briefgen.translate import install

    target = args.package
    if Path(target).exists() or os.sep in target or target.endswith(".argosmodel"):
        package = install.install_path(target)
    else:
        with _download_bar(args.quiet) as bar:
            package = install.install_from_index(
                target, index_url=args.index, refresh=args.refresh, progress=bar,
                allow_insecure_index=args.allow_insecure_index,
            )  # fmt: skip
    print(
        f"installed {package.path.name} ({package.from_code}→{package.to_code} "
        f"{package.version}) in {package.path}",
        file=sys.stderr,
    )
    return EXIT_OK


def _run_models_remove(args: argparse.Namespace) -> int:
    from briefgen.translate import install

    for package in install.remove(args.package, every=args.all):
        print(f"removed {package.path.name} ({package.path})", file=sys.stderr)
    return EXIT_OK


def _run_models_clean(args: argparse.Namespace) -> int:
    from briefgen.translate import install

    cleaned = install.clean()
    print(
        f"removed {len(cleaned.removed)} partial downloads, unpacked copies and "
        f"staging folders ({size(cleaned.bytes)})"
        + (f"; {len(cleaned.in_use)} in use left alone" if cleaned.in_use else ""),
        file=sys.stderr,
    )
    return EXIT_OK


@contextlib.contextmanager
def _download_bar(quiet: bool) -> Iterator[Callable[[int, int | None], None] | None]:
    """A byte progress bar on stderr (drawn only on a terminal), closed even on error."""
    if quiet:
        yield None
        return
    from tqdm import tqdm

    with tqdm(
        desc="briefgen: downloading", unit="B", unit_scale=True, disable=None, leave=False
    ) as bar:

        def advance(done: int, total: int | None) -> None:
            if total is not None and bar.total != total:
                bar.reset(total=total)
                bar.update(done)
            else:
                bar.update(done - bar.n)

        yield advance
