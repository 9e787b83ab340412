"""Installing and removing Argos packages in Argos's own packages folder.

Installation is atomic: the archive is unpacked into a staging folder beside the
packages folder, checked (``metadata.json``, ``model/``, a tokenizer, one test
translation), and only then renamed into place, so a corrupt, truncated or hostile
archive leaves nothing behind. Downloads go to ``<cache>/downloads/NAME.part`` and
resume from there when the server allows it (:mod:`briefgen.translate.download`).
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from briefgen.errors import TranslationError
from briefgen.translate.download import DownloadProgress, download, reason
from briefgen.translate.index import IndexEntry, available_packages
from briefgen.translate.locations import argos_packages_dir
from briefgen.translate.packages import (
    ArgosPackage,
    installed_packages,
    read_package_dir,
    version_key,
)


def install_file(archive: str | Path) -> ArgosPackage:
    """Install an ``.argosmodel`` file; returns the installed package.

    A package of the same folder name is replaced; a refused archive changes nothing.
    """
    archive = Path(archive)
    if not archive.is_file():
        raise TranslationError(f"{archive}: no such package file")
    packages_dir = argos_packages_dir()
    staging = _staging_folder(packages_dir)
    try:
        root = _extract_checked(archive, staging)
        _validate(archive, root)
        target = packages_dir / root.name
        _move_into_place(root, target, staging)
        return read_package_dir(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _staging_folder(packages_dir: Path) -> Path:
    try:
        packages_dir.mkdir(parents=True, exist_ok=True)
        # Beside the packages folder, not in it: Argos lists every folder in there
        # as a package and fails on one without metadata.json.
        return Path(tempfile.mkdtemp(prefix=".briefgen-install-", dir=packages_dir.parent))
    except OSError as exc:
        raise TranslationError(
            f"{packages_dir}: cannot install packages there ({exc.strerror or exc}); "
            "set ARGOS_PACKAGES_DIR to a writable folder"
        ) from exc


def _extract_checked(archive: Path, staging: Path) -> Path:
    """Unpack into ``staging``; the folder holding metadata.json."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            for member in zipped.infolist():
                _refuse_unsafe(archive, member)
            zipped.extractall(staging)
    except zipfile.BadZipFile as exc:
        raise TranslationError(
            f"{archive}: corrupt or truncated package, not installed ({exc})"
        ) from exc
    except (OSError, EOFError) as exc:
        raise TranslationError(f"{archive}: cannot unpack ({reason(exc)})") from exc
    if (staging / "metadata.json").exists():
        # Files at the archive's root: give them a folder named after the archive.
        root = staging / archive.stem
        root.mkdir()
        for item in list(staging.iterdir()):
            if item != root:
                item.rename(root / item.name)
        return root
    folders = [p for p in staging.iterdir() if p.is_dir()]
    if len(folders) == 1 and (folders[0] / "metadata.json").exists():
        return folders[0]
    raise TranslationError(f"{archive}: not an Argos package (no metadata.json)")


def _refuse_unsafe(archive: Path, member: zipfile.ZipInfo) -> None:
    name = PurePosixPath(member.filename.replace("\\", "/"))
    is_link = (member.external_attr >> 16) & 0o170000 == 0o120000
    if name.is_absolute() or ".." in name.parts or ":" in member.filename or is_link:
        raise TranslationError(
            f"{archive}: refused: entry {member.filename!r} would be written outside "
            "the package folder"
        )


def _validate(archive: Path, root: Path) -> None:
    try:
        package = read_package_dir(root)
    except TranslationError as exc:
        raise TranslationError(f"{archive}: not an Argos package ({exc})") from exc
    if package.tokenizer == "none":
        raise TranslationError(
            f"{archive}: not an Argos package (no sentencepiece.model or bpe.model)"
        )
    from briefgen.translate.argos import ArgosTranslator

    try:
        (english,) = ArgosTranslator(package, beam_size=1, threads=1).translate(["Test."])
    except TranslationError as exc:
        raise TranslationError(f"{archive}: the package does not translate ({exc})") from exc
    if not english.strip():
        raise TranslationError(f"{archive}: the package does not translate (empty output)")


def _move_into_place(root: Path, target: Path, staging: Path) -> None:
    old = staging / "replaced"
    try:
        if target.exists():
            target.rename(old)
        try:
            root.rename(target)
        except OSError:
            if old.exists():
                old.rename(target)  # put the previous version back
            raise
    except OSError as exc:
        raise TranslationError(f"{target}: cannot install ({exc.strerror or exc})") from exc


def remove(name: str) -> list[ArgosPackage]:
    """Remove installed packages by folder name (``translate-ja_en-1_1``), argospm
    name (``translate-ja_en``) or source language (``ja``: its → English packages)."""
    matches = [p for p in installed_packages() if name in _names(p)]
    if not matches:
        raise TranslationError(f"{name}: no such installed package (see 'briefgen models list')")
    for package in matches:
        trash = package.path.with_name(f".briefgen-remove-{package.path.name}")
        try:
            package.path.rename(trash)  # gone from Argos's view at once
        except OSError as exc:
            problem = exc.strerror or exc
            raise TranslationError(f"{package.path}: cannot remove ({problem})") from exc
        shutil.rmtree(trash, ignore_errors=True)
    return matches


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
            f"{code}: no such package in the index (see 'briefgen models available')"
        )
    return max(matches, key=lambda e: version_key(e.version))


def install_from_index(
    code: str,
    *,
    index_url: str | None = None,
    progress: DownloadProgress | None = None,
) -> ArgosPackage:
    """Download the newest package for ``code`` from the index, check it, install it."""
    entry = choose_from_index(code, available_packages(index_url))
    if not entry.links:
        raise TranslationError(f"{entry.name}: the index gives no download link")
    errors = []
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
