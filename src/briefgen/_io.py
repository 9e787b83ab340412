"""Writing output files atomically: a crash leaves the old file, never half a new one."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    A symbolic link is followed (the file it points to is replaced, the link stays),
    and a file that already exists keeps its permissions. Something that is not a
    regular file (``/dev/null``, ``/dev/stdout``, a named pipe) is written to as it is,
    never replaced. Returns ``path``.
    """
    path = Path(path)
    if path.exists() and not path.is_file():
        # /dev/null, /dev/stdout, a named pipe: not ours to replace, only to write to.
        with open(path, "wb") as out:
            out.write(data)
        return path
    target = path.resolve() if path.is_symlink() else path
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # what open() would have given a new file
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        tmp.chmod(mode)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def folder_problem(path: Path, make: bool = False) -> str | None:
    """Why no file could be written at ``path`` (a folder, a missing or read-only
    folder...), checked before any work; with ``make``, a missing folder will be
    made, so only the nearest folder that exists must allow it."""
    if path.is_dir():
        return f"is a folder; give a file name, e.g. {path / ('briefing' + path.suffix)}"
    folder = path.parent
    if make:
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
    elif not folder.exists():
        return f"folder {folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"folder {folder} is not writable"
    return None


def named_as_source(output: Path, sources: Sequence[str]) -> str | None:
    """Why ``output`` cannot be written: it is one of the sources named."""
    target = output.resolve()
    if any(source != "-" and Path(source).resolve() == target for source in sources):
        return "is also one of the sources; write the briefing to another file"
    return None
