"""The processes the tests start: none may outlive the test run.

:func:`become_subreaper` makes the pytest process adopt the orphans of the processes
it starts (a wrapper killed before its child, a daemon's double fork), so
:func:`running_descendants` sees every process the tests started, at any depth; the
check at the end of the run (``pytest_sessionfinish`` in ``conftest.py``) fails the
run if any is left. :func:`run_group` runs a program that starts children of its own
(LibreOffice, Chromium) so that all of them are stopped, whatever happens.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PR_SET_CHILD_SUBREAPER = 36  # <linux/prctl.h>


def become_subreaper() -> None:
    """Orphaned descendants of this process are reparented to it instead of to init
    (Linux only; elsewhere, orphans escape the check)."""
    if sys.platform != "linux":
        return
    import ctypes

    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def reap_exited() -> None:
    """Collect the exit status of every child that has exited: as a subreaper this
    process adopts orphans, and what nobody reaps stays a zombie (until init takes it)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:  # no children left
            return
        if pid == 0:  # children, none exited
            return


def _process_table() -> list[tuple[int, int, str]]:
    """(pid, parent pid, state) of every process: from /proc, else from ``ps``."""
    proc = Path("/proc")
    if (proc / "self" / "stat").exists():
        table = []
        for entry in proc.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # exited meanwhile
                continue
            # "pid (command) state ppid ...": the command may hold spaces and parentheses.
            state, ppid = stat[stat.rindex(")") + 2 :].split()[:2]
            table.append((int(entry.name), int(ppid), state))
        return table
    try:
        listing = subprocess.run(
            ["ps", "-A", "-o", "pid=", "-o", "ppid=", "-o", "stat="],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return []  # no way to look: the check passes
    rows = [line.split() for line in listing.splitlines() if line.strip()]
    return [(int(pid), int(ppid), state[0]) for pid, ppid, state, *_ in rows]


def command_line(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        return raw.rstrip(b"\0").replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        done = subprocess.run(["ps", "-o", "args=", "-p", str(pid)], capture_output=True, text=True)
        return done.stdout.strip() or "?"


def running_descendants(pid: int) -> dict[int, str]:
    """The processes below ``pid`` (children, their children…) that are still running
    (exited ones waiting to be reaped, zombies, are not): pid → command line."""
    children: dict[int, list[tuple[int, str]]] = {}
    for child, parent, state in _process_table():
        children.setdefault(parent, []).append((child, state))
    found: dict[int, str] = {}
    todo = [pid]
    while todo:
        for child, state in children.get(todo.pop(), []):
            if state not in ("Z", "X"):
                found[child] = command_line(child)
            todo.append(child)
    return found


def leftover_processes(pid: int, grace: float = 5.0) -> dict[int, str]:
    """:func:`running_descendants`, after up to ``grace`` seconds for those just
    stopped to exit."""
    deadline = time.monotonic() + grace
    while (left := running_descendants(pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def run_group(
    command: list[str], *, timeout: float, **options: Any
) -> subprocess.CompletedProcess[Any]:
    """:func:`subprocess.run` with output captured, for a program that starts children of
    its own (LibreOffice's soffice → oosplash → soffice.bin, Chromium's zygote and
    renderers): it runs in a process group of its own, and whatever of that group is
    still there when the program ends, overruns ``timeout`` or the test is interrupted
    is killed."""
    with subprocess.Popen(
        command, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **options
    ) as process:
        try:
            out, err = process.communicate(timeout=timeout)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
    return subprocess.CompletedProcess(command, process.returncode, out, err)


@contextlib.contextmanager
def started(command: list[str], **options: Any) -> Iterator[subprocess.Popen[Any]]:
    """A process for the ``with`` block: when the block ends, however it ends, the
    process is killed if it still runs, its pipes closed and its exit reaped."""
    with subprocess.Popen(command, **options) as process:
        try:
            yield process
        finally:
            process.kill()  # nothing to do once it has exited and been reaped
