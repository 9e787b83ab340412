"""Unpacking ``.argosmodel`` files safely, in staging folders that never outlive a crash.

One path for every archive briefgen unpacks, whether ``briefgen models install``
puts it in Argos's packages folder or ``--model FILE.argosmodel`` unpacks it into
the cache. Before a byte is written, the archive's file list is checked:

- at most :data:`MAX_MEMBERS` entries, each name once (the count and size that the
  zip's end record declares are checked before the list of entries is read);
- no name that is absolute, has a drive (``C:``) or a ``..`` part;
- regular files and folders only: an entry marked as a symbolic link, a device, a
  pipe or a socket is refused (a zip cannot express a hard link, and every entry
  is written as a new regular file, never as a link);
- no encrypted entries;
- at most :data:`MAX_UNPACKED_BYTES` unpacked in all, and no entry over
  :data:`RATIO_MIN_BYTES` that unpacks to more than :data:`MAX_RATIO` times its
  packed size (a zip bomb; model weights barely compress);
- room on the disk for all of it.

Entries are then written one at a time as new files under a staging folder,
counting the bytes as they come, so an archive whose headers lie stops at the
same cap. A refused or broken archive leaves nothing behind: the staging folder
goes, whatever happened.

A staging folder holds a lock (:mod:`briefgen.translate.locks`) while it is in
use; one whose lock nobody holds was left by a process that died, and the next
install or unpack (and ``briefgen models clean``) removes it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from briefgen.errors import TranslationError, reason
from briefgen.translate.locks import lock, try_lock

MAX_MEMBERS = 1_000  # an Argos package has about 15 files
DIRECTORY_BYTES_PER_MEMBER = 1_024  # the zip's list of entries: a name, dates, sizes
MAX_UNPACKED_BYTES = 2_000_000_000  # the largest Argos packages unpack to well under 1 GB
MAX_RATIO = 100  # unpacked / packed size of one entry; CTranslate2 weights compress ~1.1×
RATIO_MIN_BYTES = 1_000_000  # small files (JSON, vocabularies) may compress better
IGNORED_TOP_LEVEL = ("__MACOSX",)  # resource forks that macOS's zip adds
LOCK_NAME = ".lock"
GRACE_S = 60.0  # a staging folder younger than this may not hold its lock yet
STALE_UNLOCKED_S = 86_400.0  # without locks (Windows, an older briefgen): a day old is stale
_CHUNK = 1 << 20
_END_RECORD = 22  # bytes of a zip's end-of-central-directory record, comment excluded
_ALLOWED_TYPES = (0, stat.S_IFREG, stat.S_IFDIR)


def unpack_checked(archive: Path, staging: Path) -> Path:
    """Check ``archive`` (see the module docstring) and unpack it under ``staging``.

    Returns the folder holding ``metadata.json``: ``staging/root/<folder>``, where
    ``<folder>`` is the archive's one top folder, or the archive's name when its files
    are at its root. Raises a one-line :class:`TranslationError` naming the archive.
    """
    try:
        _check_directory(archive)
        with zipfile.ZipFile(archive) as zipped:
            _check_count(archive, len(zipped.infolist()))
            members = [m for m in zipped.infolist() if _parts(m)[:1] != IGNORED_TOP_LEVEL]
            _check_members(archive, members)
            names = {"/".join(_parts(m)) for m in members}
            if "metadata.json" in names:
                root = staging / "root" / archive.stem
                target = root
            else:
                tops = {_parts(m)[0] for m in members}
                if len(tops) != 1 or f"{next(iter(tops))}/metadata.json" not in names:
                    raise TranslationError(f"{archive}: not an Argos package (no metadata.json)")
                root = staging / "root" / next(iter(tops))
                target = root.parent
            _check_space(archive, members, staging)
            _write_members(archive, zipped, members, target)
    except zipfile.BadZipFile as exc:
        raise TranslationError(
            f"{archive}: not an .argosmodel (zip) file, or a corrupt or truncated one ({exc})"
        ) from exc
    except (zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        raise TranslationError(f"{archive}: corrupt or truncated package ({reason(exc)})") from exc
    except OSError as exc:
        raise TranslationError(f"{archive}: cannot unpack ({reason(exc)})") from exc
    return root


def _parts(member: zipfile.ZipInfo) -> tuple[str, ...]:
    return PurePosixPath(member.filename.replace("\\", "/")).parts


def _check_directory(archive: Path) -> None:
    """Refuse an archive whose end record declares too many entries or too large a
    list of them, before zipfile reads that list into memory (one object per entry)."""
    declared = _declared_directory(archive)
    if declared is None:
        return  # no readable end record: zipfile says what is wrong
    count, size = declared
    _check_count(archive, count)
    if size > MAX_MEMBERS * DIRECTORY_BYTES_PER_MEMBER:
        raise TranslationError(
            f"{archive}: refused: its list of entries takes {size:,} bytes, more than "
            f"{MAX_MEMBERS * DIRECTORY_BYTES_PER_MEMBER:,} for the {MAX_MEMBERS:,} entries "
            "a package may have"
        )


def _check_count(archive: Path, count: int) -> None:
    if count > MAX_MEMBERS:
        raise TranslationError(
            f"{archive}: refused: {count:,} entries, more than the {MAX_MEMBERS:,} "
            "a package may have"
        )


def _declared_directory(archive: Path) -> tuple[int, int] | None:
    """(entries, bytes of the central directory) as the zip's end record gives them
    (the Zip64 record's when the classic one overflows); ``None`` without one."""
    with archive.open("rb") as data:
        size = data.seek(0, os.SEEK_END)
        data.seek(max(0, size - (_END_RECORD + 0xFFFF)))  # the record, then a comment
        tail = data.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < _END_RECORD:
            return None
        count = int.from_bytes(tail[at + 10 : at + 12], "little")
        directory = int.from_bytes(tail[at + 12 : at + 16], "little")
        if count != 0xFFFF and directory != 0xFFFFFFFF:
            return count, directory
        locator = tail[at - 20 : at] if at >= 20 else b""
        if not locator.startswith(b"PK\x06\x07"):
            return None
        data.seek(int.from_bytes(locator[8:16], "little"))
        record = data.read(56)
        if len(record) < 56 or not record.startswith(b"PK\x06\x06"):
            return None
        return (
            int.from_bytes(record[32:40], "little"),
            int.from_bytes(record[40:48], "little"),
        )


def _check_members(archive: Path, members: list[zipfile.ZipInfo]) -> None:
    seen: set[str] = set()
    total = 0
    for member in members:
        problem = _member_problem(member)
        if problem is None:
            name = "/".join(_parts(member))
            if name in seen:
                problem = "appears twice"
            seen.add(name)
        if problem is not None:
            raise TranslationError(f"{archive}: refused: entry {member.filename!r} {problem}")
        total += member.file_size
        if member.file_size > RATIO_MIN_BYTES and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            ratio = member.file_size / max(member.compress_size, 1)
            raise TranslationError(
                f"{archive}: refused: entry {member.filename!r} unpacks to {ratio:,.0f} times "
                f"its packed size (at most {MAX_RATIO}× is allowed; a zip bomb?)"
            )
    if total > MAX_UNPACKED_BYTES:
        raise TranslationError(
            f"{archive}: refused: unpacks to {total:,} bytes, more than the "
            f"{MAX_UNPACKED_BYTES:,} a package may have"
        )


def _member_problem(member: zipfile.ZipInfo) -> str | None:
    name = member.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if not parts or name.startswith("/") or ".." in parts or ":" in name or "\0" in name:
        return "would be written outside the package folder"
    kind = stat.S_IFMT(member.external_attr >> 16)
    if kind == stat.S_IFLNK:
        return "is a symbolic link"
    if kind not in _ALLOWED_TYPES:
        return "is a device, pipe or socket, not a file"
    if member.flag_bits & 0x1:
        return "is encrypted"
    return None


def _check_space(archive: Path, members: list[zipfile.ZipInfo], staging: Path) -> None:
    needed = sum(m.file_size for m in members)
    free = shutil.disk_usage(staging).free
    if needed > free:
        raise TranslationError(
            f"{archive}: needs {needed / 1e6:,.0f} MB unpacked, only {free / 1e6:,.0f} MB free"
        )


def _write_members(
    archive: Path, zipped: zipfile.ZipFile, members: list[zipfile.ZipInfo], target: Path
) -> None:
    """Each entry as a new folder or regular file under ``target``, bytes counted."""
    written = 0
    for member in members:
        path = target.joinpath(*_parts(member))
        if member.is_dir():
            path.mkdir(parents=True, exist_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        # "x": a new file, never one that is there already (nor through a link).
        with zipped.open(member) as data, path.open("xb") as out:
            while chunk := data.read(_CHUNK):
                written += len(chunk)
                if written > MAX_UNPACKED_BYTES:
                    raise TranslationError(
                        f"{archive}: refused: unpacks to more than the "
                        f"{MAX_UNPACKED_BYTES:,} bytes a package may have"
                    )
                out.write(chunk)


@contextlib.contextmanager
def staging_folder(parent: Path, prefix: str) -> Iterator[Path]:
    """A fresh folder in ``parent``, locked while in use and removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        handle = os.open(folder / LOCK_NAME, os.O_CREAT | os.O_RDWR, 0o600)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        lock(handle)
        yield folder
    finally:
        os.close(handle)
        shutil.rmtree(folder, ignore_errors=True)


def stale_staging(parent: Path, prefix: str) -> list[Path]:
    """The staging folders in ``parent`` that nobody is using."""
    try:
        candidates = sorted(parent.glob(f"{prefix}*"))
    except OSError:
        return []
    return [folder for folder in candidates if folder.is_dir() and is_stale(folder)]


def sweep_staging(parent: Path, prefix: str) -> list[Path]:
    """Remove the staging folders in ``parent`` that nobody is using; those removed."""
    swept = stale_staging(parent, prefix)
    for folder in swept:
        shutil.rmtree(folder, ignore_errors=True)
    return swept


def is_stale(folder: Path) -> bool:
    """Whether the staging ``folder`` was left behind: its lock is free (or, where there
    are no locks, it is a day old), and it is older than :data:`GRACE_S`."""
    try:
        age = time.time() - folder.stat().st_mtime
    except OSError:
        return False
    if age < GRACE_S:
        return False
    try:
        handle = os.open(folder / LOCK_NAME, os.O_RDWR)
    except FileNotFoundError:
        return age > STALE_UNLOCKED_S  # left by a briefgen from before staging locks
    except OSError:
        return False
    try:
        free = try_lock(handle)
    finally:
        os.close(handle)
    return age > STALE_UNLOCKED_S if free is None else free
