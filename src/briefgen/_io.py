"""Writing output files atomically: a crash leaves the old file, never half a new one."""

from __future__ import annotations

import os
import stat
import tempfile
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
