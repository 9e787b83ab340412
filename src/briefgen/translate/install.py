"""Installing and removing Argos packages in Argos's own packages folder.

Installation is atomic: the archive is checked and unpacked into a staging folder
on the same disk as the packages folder (:mod:`briefgen.translate.archives`: entry
count, paths, links, sizes, zip bombs, disk space), checked again (``metadata.json``,
``model/``, a tokenizer, one test translation), and only then renamed into place. A
corrupt, truncated or hostile archive leaves nothing behind. Downloads are
resumable and capped, from ``https://`` unless allowed otherwise
(:mod:`briefgen.translate.download`), and one install at a time holds a lock per
package name, so two processes installing the same package do not collide.

:func:`clean` removes what interrupted downloads, unpacks and installs left
behind (``briefgen models clean``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import TranslationError, one_line, reason
from briefgen.translate.archives import is_stale, staging_folder, sweep_staging, unpack_checked
from briefgen.translate.download import DownloadProgress, download
from briefgen.translate.index import IndexEntry, available_packages
from briefgen.translate.locations import argos_packages_dir, cache_dir
from briefgen.translate.locks import lock, try_lock
from briefgen.translate.packages import (
    STAGING_PREFIX,
    UNPACK_PREFIX,
    ArgosPackage,
    installed_packages,
    read_package_dir,
    unpacked_dir,
    version_key,
)


def install_path(path: str | Path) -> ArgosPackage:
    """Install an ``.argosmodel`` file or an unpacked package folder.

    A package of the same folder name is replaced; a refused package changes nothing.
    """
    path = Path(path)
    if path.is_dir():
        return install_folder(path)
    if not path.is_file():
        raise TranslationError(f"{path}: no such package file or folder")
    return install_file(path)


def install_file(archive: str | Path) -> ArgosPackage:
    """Install an ``.argosmodel`` file; returns the installed package."""
    archive = Path(archive)
    if not archive.is_file():
        raise TranslationError(f"{archive}: no such package file")
    with _staging(argos_packages_dir()) as staging:
        root = unpack_checked(archive, staging)
        return _finish(archive, root, staging)


def install_folder(folder: str | Path) -> ArgosPackage:
    """Install an unpacked package folder (copied; the original stays)."""
    folder = Path(folder)
    if not (folder / "metadata.json").is_file():
        raise TranslationError(f"{folder}: not an Argos package (no metadata.json)")
    with _staging(argos_packages_dir()) as staging:
        root = staging / folder.resolve().name
        try:
            shutil.copytree(folder, root, symlinks=False)
        except (OSError, shutil.Error) as exc:
            raise TranslationError(f"{folder}: cannot copy ({one_line(exc)})") from exc
        return _finish(folder, root, staging)


def _finish(origin: Path, root: Path, staging: Path) -> ArgosPackage:
    if root.name.startswith("."):
        raise TranslationError(f"{origin}: refused: a package folder name cannot start with '.'")
    _validate(origin, root)
    target = argos_packages_dir() / root.name
    _move_into_place(root, target, staging)
    return read_package_dir(target)


@contextlib.contextmanager
def _staging(packages_dir: Path) -> Iterator[Path]:
    """A fresh folder on the packages folder's disk, removed afterwards."""
    try:
        packages_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TranslationError(
            f"{packages_dir}: cannot create the packages folder ({reason(exc)}); "
            "set ARGOS_PACKAGES_DIR to a writable folder"
        ) from exc
    for parent in (packages_dir.parent, packages_dir):
        sweep_staging(parent, STAGING_PREFIX)  # left by an install or remove that died
    # Beside the packages folder, not in it: Argos lists every folder in there as a
    # package and fails on one without metadata.json. Inside it only when the
    # parent is on another disk (a mounted volume) or not writable.
    with contextlib.ExitStack() as stack:
        for parent in (packages_dir.parent, packages_dir):
            try:
                if parent.stat().st_dev != packages_dir.stat().st_dev:
                    continue
                staging = stack.enter_context(staging_folder(parent, STAGING_PREFIX))
                break
            except OSError:
                continue
        else:
            raise TranslationError(
                f"{packages_dir}: cannot install packages there (not writable); "
                "set ARGOS_PACKAGES_DIR to a writable folder"
            )
        yield staging


def _validate(origin: Path, root: Path) -> None:
    def named(exc: Exception) -> str:
        # Name the file inside the package, not the staging folder that is about to go.
        return str(exc).replace(str(root), root.name)

    try:
        package = read_package_dir(root)
    except TranslationError as exc:
        raise TranslationError(f"{origin}: not an Argos package ({named(exc)})") from exc
    if package.tokenizer == "none":
        raise TranslationError(
            f"{origin}: not an Argos package (no sentencepiece.model or bpe.model)"
        )
    from briefgen.translate.argos import ArgosTranslator

    try:
        (english,) = ArgosTranslator(package, beam_size=1, threads=1).translate(["Test."])
    except TranslationError as exc:
        raise TranslationError(f"{origin}: the package does not translate ({named(exc)})") from exc
    if not english.strip():
        raise TranslationError(f"{origin}: the package does not translate (empty output)")


def _move_into_place(root: Path, target: Path, staging: Path) -> None:
    old = staging / "replaced"
    try:
        if target.is_symlink():
            target.unlink()
        elif target.exists():
            target.rename(old)
        try:
            root.rename(target)
        except OSError:
            if old.exists():
                old.rename(target)  # put the previous version back
            raise
    except OSError as exc:
        raise TranslationError(f"{target}: cannot install ({reason(exc)})") from exc


def remove(name: str, *, every: bool = False) -> list[ArgosPackage]:
    """Remove installed packages by folder name (``translate-ja_en-1_1``), argospm
    name (``translate-ja_en``) or source language (``ja``: its → English packages).

    A name that matches several packages removes them only with ``every=True``.
    """
    matches = [p for p in installed_packages() if name in _names(p)]
    exact = [p for p in matches if p.path.name == name]
    if not matches:
        raise TranslationError(f"{name}: no such installed package (see 'briefgen models list')")
    if len(matches) > 1 and not exact and not every:
        folders = ", ".join(p.path.name for p in matches)
        raise TranslationError(
            f"{name} matches {len(matches)} packages ({folders}); name one, or use --all"
        )
    doomed = exact or matches
    for package in doomed:
        _remove_folder(package.path)
    return doomed


def _remove_folder(path: Path) -> None:
    if path.is_symlink():  # a package linked in from elsewhere: remove the link only
        try:
            path.unlink()
        except OSError as exc:
            raise TranslationError(f"{path}: cannot remove ({reason(exc)})") from exc
        return
    with _staging(path.parent) as trash:
        try:
            path.rename(trash / path.name)  # gone from Argos's view at once
        except OSError as exc:
            raise TranslationError(f"{path}: cannot remove ({reason(exc)})") from exc


def _names(package: ArgosPackage) -> set[str]:
    names = {package.path.name, f"{package.type}-{package.from_code}_{package.to_code}"}
    if package.to_code == "en":
        names.add(package.from_code)
    return names


def choose_from_index(code: str, entries: list[IndexEntry]) -> IndexEntry:
    """The newest entry for ``code``: a language (``ja`` → English) or an argospm name."""
    matches = [
        e
        for e in entries
        if e.name == code or (e.type == "translate" and e.from_code == code and e.to_code == "en")
    ]
    if not matches:
        raise TranslationError(
            f"{code}: no such package in the index (see 'briefgen models available', "
            "or add --refresh to fetch the index again)"
        )
    return max(matches, key=lambda e: version_key(e.version))


def install_from_index(
    code: str,
    *,
    index_url: str | None = None,
    refresh: bool = False,
    progress: DownloadProgress | None = None,
    allow_insecure_index: bool = False,
) -> ArgosPackage:
    """Download the newest package for ``code`` from the index, check it, install it.

    The index and the package come from ``https://`` (or this machine) only, unless
    ``allow_insecure_index`` also accepts ``http://`` and ``file:`` URLs; the download
    stops at the size the index entry gives, never over
    :data:`~briefgen.translate.download.MAX_PACKAGE_BYTES`.
    """
    entries = available_packages(
        index_url, refresh=refresh, allow_insecure_index=allow_insecure_index
    )
    entry = choose_from_index(code, entries)
    if not entry.links:
        raise TranslationError(f"{entry.name}: the index gives no download link")
    errors = []
    with _install_lock(entry.name):
        for link in entry.links:
            try:
                archive = download(
                    link,
                    progress=progress,
                    max_bytes=entry.size,
                    allow_insecure=allow_insecure_index,
                )
            except TranslationError as exc:
                errors.append(str(exc))
                continue
            try:
                return install_file(archive)
            finally:
                archive.unlink(missing_ok=True)
    raise TranslationError("; ".join(errors))


def downloads_dir() -> Path:
    """Where packages are downloaded (``.part`` files while they come in)."""
    return cache_dir() / "downloads"


@contextlib.contextmanager
def _install_lock(name: str) -> Iterator[None]:
    """One download + install of ``name`` at a time, across processes (where flock exists)."""
    folder = downloads_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(folder / f"{name}{LOCK_SUFFIX}", os.O_CREAT | os.O_RDWR, 0o644)
    except OSError as exc:
        raise TranslationError(f"{folder}: cannot download there ({reason(exc)})") from exc
    try:
        lock(handle)
        yield
    finally:
        os.close(handle)


@dataclass(frozen=True)
class Cleaned:
    """What :func:`clean` removed (``bytes`` in all), and what it left because a
    briefgen running now is using it."""

    removed: tuple[Path, ...]
    bytes: int
    in_use: tuple[Path, ...]


def clean() -> Cleaned:
    """Remove what interrupted work left behind: partial downloads (``.part``) and
    downloaded archives, the unpacked copies of ``--model`` archives (unpacked again
    when next used), and staging folders of installs, removals and unpacks that died.

    What a running briefgen holds is left alone: a download being written, the files
    of an install under way, a staging folder in use (or made less than a minute
    ago). An unpacked copy that a briefing being made right now has not loaded yet
    would be missed by it: run this when no briefing is being made.
    """
    candidates: list[tuple[Path, bool]] = []  # (path, nobody is using it)
    downloads = _children(downloads_dir())
    installing = any(p.name.endswith(LOCK_SUFFIX) and not _free(p) for p in downloads)
    for path in downloads:
        # A .part file is held by its own download; any other file may be the finished
        # download of an install under way.
        candidates.append((path, _free(path) and (path.suffix == ".part" or not installing)))
    for path in _children(unpacked_dir()):
        candidates.append((path, not path.name.startswith(UNPACK_PREFIX) or is_stale(path)))
    packages_dir = argos_packages_dir()
    for parent in (packages_dir.parent, packages_dir):
        for path in _children(parent):
            if path.name.startswith(STAGING_PREFIX):
                candidates.append((path, is_stale(path)))
    removed: list[Path] = []
    in_use: list[Path] = []
    size = 0
    for path, unused in candidates:
        if not unused:
            in_use.append(path)
            continue
        size += _bytes_in(path)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
        if not os.path.lexists(path):
            removed.append(path)
    return Cleaned(tuple(removed), size, tuple(in_use))


LOCK_SUFFIX = ".lock"


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def _free(path: Path) -> bool:
    """Whether nobody holds a lock on the file ``path`` (always, where there are no locks)."""
    try:
        handle = os.open(path, os.O_RDWR)
    except OSError:
        return not path.exists()
    try:
        return try_lock(handle) is not False
    finally:
        os.close(handle)


def _bytes_in(path: Path) -> int:
    try:
        if path.is_dir() and not path.is_symlink():
            return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        return path.lstat().st_size
    except OSError:
        return 0
