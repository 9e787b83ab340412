import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def test_there_are_examples() -> None:
    assert EXAMPLES


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(example: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(example)], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    # Where the README says examples write: out/ under the current folder, which git ignores.
    assert list(tmp_path.glob("out/*.docx")), "an example should leave the briefing it made"
    assert list(tmp_path.iterdir()) == [tmp_path / "out"]
    if not (ROOT / ".git").exists():
        return  # not a checkout: nothing to ignore
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "out/briefing-2025-01-01.docx"], cwd=ROOT
    )
    assert ignored.returncode == 0, "git should ignore what the examples write"
