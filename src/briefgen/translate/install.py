"""Installing and removing Argos packages in Argos's own packages folder.

Installation is atomic: the archive's file list is checked first (no entry may
leave the package folder, ``metadata.json`` must be there, the unpacked size must
fit on the disk), then it is unpacked into a staging folder on the same disk as
the packages folder, checked again (``metadata.json``, ``model/``, a tokenizer, one
test translation), and only then renamed into place. A corrupt, truncated or
hostile archive leaves nothing behind. Downloads are resumable
(:mod:`briefgen.translate.download`), and one install at a time holds a lock per
package name, so two processes installing the same package do not collide.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from briefgen.errors import TranslationError
from briefgen.translate.download import DownloadProgress, download, one_line, reason
from briefgen.translate.index import IndexEntry, available_packages
from briefgen.translate.locations import argos_packages_dir, cache_dir
from briefgen.translate.packages import (
    STAGING_PREFIX,
    ArgosPackage,
    installed_packages,
    read_package_dir,
    version_key,
)

IGNORED_TOP_LEVEL = ("__MACOSX",)  # resource forks that macOS's zip adds


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
        root = _extract_checked(archive, staging)
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
    _sweep_stale(packages_dir)
    staging = None
    # Beside the packages folder, not in it: Argos lists every folder in there as a
    # package and fails on one without metadata.json. Inside it only when the
    # parent is on another disk (a mounted volume) or not writable.
    for parent in (packages_dir.parent, packages_dir):
        try:
            if parent.stat().st_dev != packages_dir.stat().st_dev:
                continue
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))
            break
        except OSError:
            continue
    if staging is None:
        raise TranslationError(
            f"{packages_dir}: cannot install packages there (not writable); "
            "set ARGOS_PACKAGES_DIR to a writable folder"
        )
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _sweep_stale(packages_dir: Path) -> None:
    """Remove staging folders that a killed install or remove left behind a day ago."""
    cutoff = time.time() - 86_400
    for parent in (packages_dir.parent, packages_dir):
        with contextlib.suppress(OSError):
            for stale in parent.glob(f"{STAGING_PREFIX}*"):
                if stale.stat().st_mtime < cutoff:
                    shutil.rmtree(stale, ignore_errors=True)


def _extract_checked(archive: Path, staging: Path) -> Path:
    """Check the archive's file list, unpack it; the folder holding metadata.json."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = [
                m
                for m in zipped.infolist()
                if PurePosixPath(m.filename.replace("\\", "/")).parts[:1] != IGNORED_TOP_LEVEL
            ]
            for member in members:
                _refuse_unsafe(archive, member)
            names = {m.filename.rstrip("/") for m in members}
            if "metadata.json" in names:
                # Files at the archive's root: give them a folder named after the archive.
                root = staging / "root" / archive.stem
            else:
                tops = {PurePosixPath(n).parts[0] for n in names}
                if len(tops) != 1 or f"{next(iter(tops))}/metadata.json" not in names:
                    raise TranslationError(f"{archive}: not an Argos package (no metadata.json)")
                root = staging / "root" / next(iter(tops))
            needed = sum(m.file_size for m in members)
            free = shutil.disk_usage(staging).free
            if needed > free:
                raise TranslationError(
                    f"{archive}: needs {needed / 1e6:,.0f} MB unpacked, "
                    f"only {free / 1e6:,.0f} MB free"
                )
            target = root if "metadata.json" in names else root.parent
            zipped.extractall(target, members=members)
    except zipfile.BadZipFile as exc:
        raise TranslationError(
            f"{archive}: corrupt or truncated package, not installed ({exc})"
        ) from exc
    except (OSError, EOFError, RuntimeError) as exc:  # RuntimeError: encrypted entries
        raise TranslationError(f"{archive}: cannot unpack ({reason(exc)})") from exc
    return root


def _refuse_unsafe(archive: Path, member: zipfile.ZipInfo) -> None:
    name = PurePosixPath(member.filename.replace("\\", "/"))
    is_link = (member.external_attr >> 16) & 0o170000 == 0o120000
    if name.is_absolute() or ".." in name.parts or ":" in member.filename:
        problem = "would be written outside the package folder"
    elif is_link:
        problem = "is a symbolic link"
    else:
        return
    raise TranslationError(f"{archive}: refused: entry {member.filename!r} {problem}")


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
) -> ArgosPackage:
    """Download the newest package for ``code`` from the index, check it, install it."""
    entry = choose_from_index(code, available_packages(index_url, refresh=refresh))
    if not entry.links:
        raise TranslationError(f"{entry.name}: the index gives no download link")
    errors = []
    with _install_lock(entry.name):
        for link in entry.links:
            try:
                archive = download(link, progress=progress)
            except TranslationError as exc:
                errors.append(str(exc))
                continue
            try:
                return install_file(archive)
            finally:
                archive.unlink(missing_ok=True)
    raise TranslationError("; ".join(errors))


@contextlib.contextmanager
def _install_lock(name: str) -> Iterator[None]:
    """One download + install of ``name`` at a time, across processes (where flock exists)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; concurrent installs are unusual there
        yield
        return
    folder = cache_dir() / "downloads"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(folder / f"{name}.lock", os.O_CREAT | os.O_RDWR, 0o644)
    except OSError as exc:
        raise TranslationError(f"{folder}: cannot download there ({reason(exc)})") from exc
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)
