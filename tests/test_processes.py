"""The check at the end of the test run (tests/conftest.py): a run that leaves a
process running fails, names it and stops it; a run that stops what it started passes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from processes import leftover_processes, run_group, running_descendants, started

TESTS = Path(__file__).resolve().parent

CLEAN = """
import subprocess, sys, pytest

@pytest.fixture(scope="session")
def server():
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)  # fixture"])
    yield process
    process.kill()
    process.wait()

def test_uses_a_server_the_fixture_stops(server):
    assert server.poll() is None
"""

LEAKY = (
    CLEAN
    + """
def test_leaves_a_child_and_an_orphan():
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)  # child"])
    # Its parent exits at once: an orphan, adopted by the pytest process.
    subprocess.run([sys.executable, "-c", "import subprocess, sys; subprocess.Popen("
                    "[sys.executable, '-c', 'import time; time.sleep(300)  # orphan'])"])
"""
)


def pytest_run(folder: Path, test: str) -> subprocess.CompletedProcess[str]:
    """A pytest run of ``test`` with this suite's conftest.py (and so its check)."""
    (folder / "test_it.py").write_text(test)
    command = [sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:cacheprovider"]
    command += ["-W", "ignore::pytest.PytestUnraisableExceptionWarning", str(folder)]
    env = dict(os.environ, PYTHONPATH=str(TESTS))
    with started(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                 cwd=folder) as run:  # fmt: skip
        output, _ = run.communicate(timeout=120)
    return subprocess.CompletedProcess(command, run.returncode, output)


@pytest.mark.skipif(sys.platform != "linux", reason="orphans are adopted on Linux only")
def test_a_run_that_leaves_processes_fails_names_them_and_stops_them(tmp_path: Path) -> None:
    (tmp_path / "clean").mkdir()
    (tmp_path / "leaky").mkdir()
    clean = pytest_run(tmp_path / "clean", CLEAN)
    assert clean.returncode == 0, clean.stdout
    assert "still running" not in clean.stdout

    leaky = pytest_run(tmp_path / "leaky", LEAKY)
    assert leaky.returncode == pytest.ExitCode.TESTS_FAILED, leaky.stdout
    assert "2 passed" in leaky.stdout
    report = leaky.stdout[leaky.stdout.index("processes the tests started are still running") :]
    assert "# child" in report and "# orphan" in report
    assert "# fixture" not in report  # stopped by its fixture before the check
    # And stopped: had the inner run left them, this process would have adopted them.
    assert not [c for c in running_descendants(os.getpid()).values() if "time.sleep(300)" in c]


GRANDCHILD = (
    "import subprocess, sys, time\n"
    "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)  # grandchild'],\n"
    "                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "time.sleep({wait})\n"
)


@pytest.mark.parametrize("wait", [0, 300])
def test_run_group_leaves_nothing_of_what_the_program_started(wait: int) -> None:
    command = [sys.executable, "-c", GRANDCHILD.format(wait=wait)]
    if wait:
        with pytest.raises(subprocess.TimeoutExpired):
            run_group(command, timeout=3)
    else:
        assert run_group(command, timeout=60).returncode == 0
    left = leftover_processes(os.getpid()).values()
    assert not [command for command in left if "# grandchild" in command]
