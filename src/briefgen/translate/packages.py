"""Finding Argos packages: installed ones, or an explicit file or folder.

An Argos package is a folder with ``metadata.json``, a CTranslate2 ``model/`` and a
tokenizer (``sentencepiece.model`` or ``bpe.model``); an ``.argosmodel`` file is
that folder zipped. briefgen reads them itself (no ``argostranslate`` import), from
the folders Argos uses (:mod:`briefgen.translate.locations`). A file given with
``--model`` is unpacked once into the cache (keyed by its size and modification
time) instead of being installed, so using a model never changes the user's setup;
it is checked and unpacked the way ``briefgen models install`` does it
(:mod:`briefgen.translate.archives`), and ``briefgen models clean`` removes the
unpacked copies.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import ModelNotInstalled, TranslationError
from briefgen.translate.locations import argos_package_dirs, cache_dir

log = logging.getLogger("briefgen")
STAGING_PREFIX = ".briefgen-staging-"  # briefgen's own folders while installing or removing
UNPACK_PREFIX = ".unpack-"  # a --model archive being unpacked into the cache


@dataclass(frozen=True)
class ArgosPackage:
    """An unpacked Argos package on disk, as its ``metadata.json`` describes it.

    ``name`` is the package's own name (``package_name``), else ``from→to``;
    ``version`` is ``package_version`` ("" when the package has none);
    ``target_prefix`` is a token some multilingual models expect first on the target
    side; ``type`` is ``translate`` for translation packages.
    """

    path: Path
    from_code: str
    to_code: str
    name: str
    version: str
    target_prefix: str = ""
    type: str = "translate"
    from_name: str = ""
    to_name: str = ""

    @property
    def tokenizer(self) -> str:
        """``sentencepiece``, ``bpe`` (needs the ``argos`` extra), or ``none``."""
        if (self.path / "sentencepiece.model").exists():
            return "sentencepiece"
        if (self.path / "bpe.model").exists():
            return "bpe"
        return "none"

    def size_bytes(self) -> int:
        """Bytes on disk, all files of the package folder together."""
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())


def read_package_dir(path: Path) -> ArgosPackage:
    metadata_file = path / "metadata.json"
    try:
        metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TranslationError(f"{path}: not an Argos package (no metadata.json)") from None
    except (OSError, ValueError) as exc:
        raise TranslationError(f"{metadata_file}: unreadable package metadata ({exc})") from exc
    if not (path / "model").is_dir():
        raise TranslationError(f"{path}: not an Argos package (no model/ folder)")
    if (
        not isinstance(metadata, dict)
        or not metadata.get("from_code")
        or not metadata.get("to_code")
    ):
        raise TranslationError(f"{metadata_file}: from_code/to_code missing")
    from_code, to_code = metadata["from_code"], metadata["to_code"]
    return ArgosPackage(
        path=path,
        from_code=str(from_code),
        to_code=str(to_code),
        name=str(metadata.get("package_name") or f"{from_code}→{to_code}"),
        # Argos treats a missing or null field as empty: so does briefgen.
        version=str(metadata.get("package_version") or ""),
        target_prefix=str(metadata.get("target_prefix") or ""),
        type=str(metadata.get("type") or "translate"),
        from_name=str(metadata.get("from_name") or ""),
        to_name=str(metadata.get("to_name") or ""),
    )


def _unpack(archive: Path) -> Path:
    from briefgen.translate.archives import staging_folder, sweep_staging, unpack_checked

    stat = archive.stat()
    key = hashlib.sha256(
        f"{archive.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()
    ).hexdigest()[:16]
    target = unpacked_dir() / f"{archive.stem}-{key}"
    if (target / "metadata.json").exists():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep_staging(target.parent, UNPACK_PREFIX)
        # Unpacked beside the target and renamed, so an interrupted unpack is never used.
        with staging_folder(target.parent, UNPACK_PREFIX) as staging:
            root = unpack_checked(archive, staging)
            try:
                root.rename(target)
            except OSError:
                if not (target / "metadata.json").exists():  # not a lost race: a real failure
                    raise
    except OSError as exc:
        raise TranslationError(
            f"{archive}: cannot unpack into {target.parent} ({exc.strerror or exc}); "
            "set BRIEFGEN_CACHE_DIR to a writable folder"
        ) from exc
    return target


def unpacked_dir() -> Path:
    """Where packages given as ``--model FILE.argosmodel`` are unpacked (in the cache)."""
    return cache_dir() / "packages"


def _package_root(folder: Path) -> Path:
    """The folder holding metadata.json: ``folder`` itself or its only subfolder."""
    if (folder / "metadata.json").exists():
        return folder
    children = [p for p in folder.iterdir() if p.is_dir()]
    if len(children) == 1 and (children[0] / "metadata.json").exists():
        return children[0]
    raise TranslationError(f"{folder}: not an Argos package (no metadata.json)")


def open_package(path: str | Path) -> ArgosPackage:
    """An Argos package from an ``.argosmodel`` file or an unpacked package folder."""
    path = Path(path)
    if path.is_dir():
        return read_package_dir(_package_root(path))
    if path.is_file():
        return read_package_dir(_unpack(path))
    raise TranslationError(f"{path}: no such model file or folder")


def install_hint(from_code: str, to_code: str = "en") -> str:
    return (
        f"install it once with 'briefgen models install {from_code}' "
        f"(or 'argospm install translate-{from_code}_{to_code}'), "
        "or pass a package with --model PATH.argosmodel"
    )


def installed_packages() -> list[ArgosPackage]:
    """Every package in Argos's package folders, in folder order then name order.

    A folder that is not a readable package is passed over with a warning, so one
    broken package never hides the others.
    """
    packages = []
    for folder in argos_package_dirs():
        try:
            children = sorted(p for p in folder.iterdir() if p.is_dir())
        except OSError:
            continue  # no packages folder yet: nothing installed
        for child in children:
            if child.name.startswith(STAGING_PREFIX):
                continue
            try:
                packages.append(read_package_dir(child))
            except TranslationError as exc:
                log.warning("skipping installed package %s", exc)
    return packages


def find_installed_package(from_code: str, to_code: str = "en") -> ArgosPackage:
    """The newest installed Argos package for ``from_code`` → ``to_code``.

    Looks where Argos looks (``ARGOS_PACKAGES_DIR``, else Argos's data folder).
    """
    candidates = [
        p
        for p in installed_packages()
        if (p.from_code, p.to_code, p.type) == (from_code, to_code, "translate")
    ]
    if not candidates:
        raise ModelNotInstalled(from_code, to_code, install_hint(from_code, to_code))
    return max(candidates, key=lambda p: version_key(p.version))


def version_key(version: str) -> tuple[int, ...]:
    """Numeric sort key, so that version 1.10 sorts after 1.9."""
    return tuple(int(part) for part in re.findall(r"\d+", version))
