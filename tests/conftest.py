from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = next(SEEDS.glob("*.txt"))
DEMO_MODEL = ROOT / "demo-model" / "translate-ja_en-demo.argosmodel"
CORPUS = ROOT / "demo-model" / "corpus.tsv"

sys.path.insert(0, str(Path(__file__).resolve().parent))

from processes import become_subreaper, leftover_processes, reap_exited  # noqa: E402

# Property tests (hypothesis) draw new examples on every run and keep the ones that
# failed in .hypothesis/examples, where the next run tries them first. The "fuzz"
# profile (BRIEFGEN_HYPOTHESIS_PROFILE=fuzz; a step of .ci/run) tries many more.
# Both say derandomize=False and build on "default": where CI is set, hypothesis
# would otherwise load its "ci" profile, which tries the same examples forever.
EXAMPLES = DirectoryBasedExampleDatabase(ROOT / ".hypothesis" / "examples")
for name, budget in (("dev", 200), ("fuzz", 1000)):
    settings.register_profile(
        name,
        parent=settings.get_profile("default"),
        max_examples=budget,
        derandomize=False,
        database=EXAMPLES,
        print_blob=True,  # a failure prints the line that reproduces it
    )
settings.load_profile(os.environ.get("BRIEFGEN_HYPOTHESIS_PROFILE", "dev"))


def pytest_configure(config: pytest.Config) -> None:
    become_subreaper()  # orphans of the tests' processes come here, where the check sees them


@pytest.hookimpl(trylast=True)  # after pytest's own, which tears down the session's fixtures
def pytest_sessionfinish(session: pytest.Session) -> None:
    """Fail the run if a process the tests started is still running, and stop it."""
    left = leftover_processes(os.getpid())
    reap_exited()
    if not left:
        return
    lines = [f"{pid}: {command}" for pid, command in sorted(left.items())]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_sep("=", "processes the tests started are still running", red=True)
        for line in lines:
            reporter.write_line(line)
    else:
        print("processes the tests started are still running:", *lines, sep="\n  ")
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    leftover_processes(os.getpid())  # until they have exited
    reap_exited()
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session", autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the user's Argos setup and briefgen cache out of the tests (and subprocesses)."""
    keys = ("BRIEFGEN_CACHE_DIR", "ARGOS_PACKAGES_DIR", "ARGOS_PACKAGE_INDEX")
    keys += ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
    saved = {k: os.environ.get(k) for k in keys}
    os.environ["BRIEFGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["ARGOS_PACKAGES_DIR"] = str(tmp_path_factory.mktemp("argos-packages"))
    # Argos's settings.json, index copy and caches live under these.
    for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[key] = str(tmp_path_factory.mktemp(key.lower()))
    # Nothing may reach the real package index from the tests.
    os.environ["ARGOS_PACKAGE_INDEX"] = "http://127.0.0.1:9/"
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


HAS_ARGOS = importlib.util.find_spec("argostranslate") is not None


HAS_TRANSFORMERS = all(
    importlib.util.find_spec(name) is not None for name in ("transformers", "torch")
)
HAS_OFFICE = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``argos`` need the ``argos`` extra, ``families`` transformers and
    torch, ``visual`` LibreOffice and poppler-utils; without them they skip and say so.
    Hypothesis tests are marked ``property`` (``-m property`` runs them alone)."""
    skips = {
        "argos": None
        if HAS_ARGOS
        else pytest.mark.skip(
            reason="needs Argos Translate (interoperability): pip install -e '.[test,argos]'"
        ),
        "families": None
        if HAS_TRANSFORMERS
        else pytest.mark.skip(
            reason="builds tiny OPUS-MT/NLLB/M2M-100 models with transformers: "
            "pip install torch==2.13.0 -e '.[test,demo-model]'"
        ),
        "visual": None
        if HAS_OFFICE
        else pytest.mark.skip(
            reason="needs LibreOffice and poppler-utils: "
            "apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk"
        ),
    }
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.property)
        for marker, skip in skips.items():
            if skip is not None and marker in item.keywords:
                item.add_marker(skip)


def bpe_package(folder: Path, codes: str = "#version: 0.2\n") -> Path:
    """An (untranslatable) de→en package folder that uses the older BPE tokenizer."""
    import json

    (folder / "model").mkdir(parents=True)
    (folder / "metadata.json").write_text(json.dumps({"from_code": "de", "to_code": "en"}))
    (folder / "bpe.model").write_text(codes, encoding="utf-8")
    return folder


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


class Recording:
    """A translator that says which texts it was asked for (and tags its output)."""

    name = "recording"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def translate(self, texts: Sequence[str]) -> list[str]:
        self.asked += texts
        return [f"EN<{text}>" for text in texts]
