"""Real LibreTranslate servers on 127.0.0.1 for the tests, loaded with the demo package.

Only when asked: ``BRIEFGEN_TEST_LIBRETRANSLATE=1`` (``.ci/run`` sets it), or
``BRIEFGEN_TEST_LIBRETRANSLATE_VENV`` naming a venv that has LibreTranslate; otherwise
the tests that need a server skip, before starting anything, and say how to ask.
LibreTranslate pins old dependencies, so it lives in a virtual environment of its own
(``BRIEFGEN_TEST_LIBRETRANSLATE_VENV``, else ``~/.cache/briefgen-tests/libretranslate``),
created on first use: ``pip install libretranslate spacy "rich>=12,<13"`` (about a
minute and 800 MB, no torch). Where that cannot be done, the tests skip and say why.

To run offline, each server gets:
- two installed packages (the demo ja→en and a copy declared en→ja): with one, it
  fetches the package index at start-up;
- a blank spaCy pipeline in each package's ``spacy/`` folder and a marker in its cache,
  with ``ARGOS_CHUNK_TYPE=SPACY``: its default sentence splitter downloads a model.
  The pipeline splits only after 。！？ (a character-per-token ``zh`` pipeline
  would split inside "D.C." and "3.5");
- HOME and the XDG folders inside the test's temporary folder, so nothing else is
  touched; ``ARGOS_INTRA_THREADS=1`` (all cores per request is far slower here).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

VENV = Path.home() / ".cache" / "briefgen-tests" / "libretranslate"
REQUIREMENTS = ["libretranslate", "spacy", "rich>=12,<13"]
ASKED = "BRIEFGEN_TEST_LIBRETRANSLATE"
NOT_ASKED = (
    f"starts LibreTranslate servers: set {ASKED}=1 to run it (the first run pip-installs "
    "LibreTranslate into ~/.cache/briefgen-tests: about 800 MB, a minute, needs the internet)"
)

_PREPARE = r"""
import json, shutil, sys, zipfile
from pathlib import Path
import spacy
from spacy.util import compile_infix_regex

model, packages, cache = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])

def blank():
    nlp = spacy.blank("xx")
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        list(nlp.Defaults.infixes) + [r"[。！？]"]).finditer
    return nlp

unpacked = packages.parent / "unpacked"
with zipfile.ZipFile(model) as archive:
    archive.extractall(unpacked)
source = next(p.parent for p in unpacked.rglob("metadata.json"))
meta = json.loads((source / "metadata.json").read_text())
forward, backward = packages / "translate-ja_en-demo", packages / "translate-en_ja-demo"
shutil.copytree(source, forward)
shutil.copytree(source, backward)
reverse = dict(meta, from_code=meta["to_code"], from_name=meta["to_name"],
               to_code=meta["from_code"], to_name=meta["from_name"])
(backward / "metadata.json").write_text(json.dumps(reverse))
for package in (forward, backward):
    blank().to_disk(package / "spacy")
senter = cache / "argos-translate" / "spacy"
senter.mkdir(parents=True, exist_ok=True)
blank().to_disk(senter)
(senter / "senter" / "model").mkdir(parents=True, exist_ok=True)
"""


def libretranslate_venv() -> Path:
    """The venv with LibreTranslate, created if missing; skips the test if it cannot be,
    or if nobody asked for it."""
    if given := os.environ.get("BRIEFGEN_TEST_LIBRETRANSLATE_VENV"):
        if not (Path(given) / "bin" / "libretranslate").exists():
            pytest.skip(f"BRIEFGEN_TEST_LIBRETRANSLATE_VENV={given} has no libretranslate")
        return Path(given)
    if os.environ.get(ASKED) != "1":
        pytest.skip(NOT_ASKED)
    complete = VENV / ".briefgen-complete"
    if complete.exists():
        return VENV
    shutil.rmtree(VENV, ignore_errors=True)
    try:
        subprocess.run(
            [sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True, timeout=120
        )
        subprocess.run(
            [str(VENV / "bin" / "pip"), "install", "-q", *REQUIREMENTS],
            check=True,
            capture_output=True,
            text=True,
            timeout=900,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        shutil.rmtree(VENV, ignore_errors=True)
        detail = str(getattr(exc, "stderr", "") or exc).strip()
        pytest.skip(f"LibreTranslate cannot be installed here: {detail[-300:]}")
    complete.touch()
    return VENV


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """One LibreTranslate process on 127.0.0.1:``port``."""

    def __init__(self, folder: Path, model: Path, *extra: str, port: int | None = None) -> None:
        venv = libretranslate_venv()
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.folder = folder
        state = folder / "state"
        packages = state / "packages"
        if not packages.exists():
            packages.mkdir(parents=True)
            subprocess.run(
                [str(venv / "bin" / "python"), "-W", "ignore", "-c", _PREPARE,
                 str(model), str(packages), str(state / "cache")],
                check=True,
                capture_output=True,
                timeout=120,
            )  # fmt: skip
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(state / "home"),
            "XDG_DATA_HOME": str(state / "data"),
            "XDG_CONFIG_HOME": str(state / "config"),
            "XDG_CACHE_HOME": str(state / "cache"),
            "ARGOS_PACKAGES_DIR": str(packages),
            "ARGOS_CHUNK_TYPE": "SPACY",
            "ARGOS_DEVICE_TYPE": "cpu",
            "ARGOS_INTRA_THREADS": "1",
            "LT_UPDATE_MODELS": "false",
            "HF_HUB_OFFLINE": "1",
            "PYTHONUNBUFFERED": "1",
        }
        workdir = folder / f"run-{self.port}"
        workdir.mkdir(parents=True, exist_ok=True)
        self.log = workdir / "server.log"
        self.stopped = False
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [str(venv / "bin" / "libretranslate"), "--host", "127.0.0.1",
                 "--port", str(self.port), "--disable-files-translation",
                 "--load-only", "ja,en", *extra],
                cwd=workdir,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        try:
            self.wait_ready()
        except BaseException:  # not started in time, or the run interrupted: not left behind
            self.stop()
            raise

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"LibreTranslate exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/languages", timeout=2) as answer:
                    json.load(answer)
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"LibreTranslate did not start in {timeout:.0f} s")

    def stop(self) -> None:
        """Kill the server's whole process group (it may have exited, its children not);
        once only: a group id is free for reuse after that."""
        if not self.stopped:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
            self.stopped = True


class LoadBalancer:
    """HAProxy on 127.0.0.1, round robin over ``servers`` (Debian's haproxy package)."""

    CONFIG = """
global
    maxconn 256
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    retries 2
    option redispatch
frontend front
    bind 127.0.0.1:{port}
    default_backend translators
backend translators
    balance roundrobin
    option httpchk GET /health
{servers}
"""

    def __init__(self, folder: Path, servers: list[Server]) -> None:
        haproxy = shutil.which("haproxy")
        if haproxy is None:
            pytest.skip("needs HAProxy: apt-get install haproxy")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        lines = "\n".join(
            f"    server lt{n} 127.0.0.1:{s.port} check inter 500ms fall 1 rise 1"
            for n, s in enumerate(servers)
        )
        config = folder / "haproxy.cfg"
        config.write_text(self.CONFIG.format(port=self.port, servers=lines))
        self.process = subprocess.Popen(
            [haproxy, "-db", "-f", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"HAProxy exited with status {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.url + "/languages", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("HAProxy did not start")

    def __enter__(self) -> LoadBalancer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
