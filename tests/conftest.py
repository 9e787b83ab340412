from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = next(SEEDS.glob("*.txt"))
DEMO_MODEL = ROOT / "demo-model" / "translate-ja_en-demo.argosmodel"
CORPUS = ROOT / "demo-model" / "corpus.tsv"

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session", autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the user's Argos packages and briefgen cache out of the tests (and subprocesses)."""
    saved = {k: os.environ.get(k) for k in ("BRIEFGEN_CACHE_DIR", "ARGOS_PACKAGES_DIR")}
    os.environ["BRIEFGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["ARGOS_PACKAGES_DIR"] = str(tmp_path_factory.mktemp("argos-packages"))
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def read_corpus() -> list[tuple[str, str]]:
    pairs = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ja, en = line.split("\t")
            pairs.append((ja, en))
    return pairs


@pytest.fixture(scope="session")
def seed_briefing():  # type: ignore[no-untyped-def]
    import briefgen

    return briefgen.make_briefing([SEEDS], model=DEMO_MODEL)
