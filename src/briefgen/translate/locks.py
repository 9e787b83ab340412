"""Advisory file locks (``flock``), so that a file being written is known to be in use.

A download holds a lock on its ``.part`` file, and an install or unpack on a
``.lock`` file in its staging folder, for as long as it works there. Whatever can
be locked without waiting is nobody's: ``briefgen models clean`` and the next
install remove it. Where the platform has no ``flock`` (Windows), :func:`try_lock`
says "not known" and callers fall back on a file's age.
"""

from __future__ import annotations

import os

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

HAVE_LOCKS = fcntl is not None


def lock(fd: int) -> None:
    """Hold an exclusive lock on the open file ``fd``, waiting for it; released when
    ``fd`` is closed. Does nothing without ``flock``."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)


def try_lock(fd: int) -> bool | None:
    """Take an exclusive lock on ``fd`` without waiting: ``True`` when taken (nobody
    else holds it), ``False`` when another process holds it, ``None`` without ``flock``."""
    if fcntl is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None  # a file system without locks: not known
    return True


def same_file(fd: int, path: os.PathLike[str] | str) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (not removed or replaced
    while we waited for its lock)."""
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)
