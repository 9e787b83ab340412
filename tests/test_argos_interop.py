"""briefgen and Argos Translate see the same packages, index and folders.

These need the ``argos`` extra (argostranslate, which pulls torch through stanza);
without it they skip with that reason. Argos runs in subprocesses, each in its own
clean Argos setup, so its import-time folder creation never touches the user's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEEDS, bpe_package
from package_server import serving

pytestmark = pytest.mark.argos


def argos_setup(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(tmp_path / "packages"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "BRIEFGEN_CACHE_DIR": str(tmp_path / "briefgen-cache"),
    }


def python(code: str, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def briefgen(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *args], env=env, capture_output=True, text=True
    )


def test_package_installed_by_argos_is_used_by_briefgen(tmp_path: Path) -> None:
    env = argos_setup(tmp_path)
    installed = python(
        "import sys, argostranslate.package as p; p.install_from_path(sys.argv[1]); "
        "print([(x.from_code, x.to_code) for x in p.get_installed_packages()])",
        env,
        str(DEMO_MODEL),
    )
    assert "('ja', 'en')" in installed
    listed = briefgen(env, "models", "list")
    assert "translate-ja_en-demo  ja→en" in listed.stdout
    out = tmp_path / "b.docx"
    made = briefgen(env, "make", str(SEEDS), "-o", str(out), "-q")
    assert made.returncode == 0, made.stderr
    assert out.stat().st_size > 10_000


def test_package_installed_by_briefgen_is_listed_and_removed_by_argos(tmp_path: Path) -> None:
    env = argos_setup(tmp_path)
    done = briefgen(env, "models", "install", str(DEMO_MODEL))
    assert done.returncode == 0, done.stderr
    listed = python(
        "import argostranslate.package as p\n"
        "for x in p.get_installed_packages():\n"
        "    print(x.from_code, x.to_code, x.package_version, x.package_path.name)\n"
        "    p.uninstall(x)\n",
        env,
    )
    assert listed == "ja en 0.1 translate-ja_en-demo\n"
    assert "no packages installed" in briefgen(env, "models", "list").stderr


def test_briefgen_and_argos_agree_on_every_location(tmp_path: Path) -> None:
    env = argos_setup(tmp_path)
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/argos/"}))
    # Unset variables fall back to settings.json, then to Argos's defaults.
    for overrides in (
        {"ARGOS_PACKAGE_INDEX": ""},
        {"ARGOS_PACKAGE_INDEX": "", "ARGOS_PACKAGES_DIR": ""},
    ):
        run_env = {k: v for k, v in {**env, **overrides}.items() if v}
        code = (
            "import argostranslate.settings as s\n"
            "from briefgen.translate import locations as l\n"
            "print(s.package_data_dir == l.argos_packages_dir(), "
            "s.local_package_index == l.local_index_path(), "
            "s.remote_package_index == l.package_index_url(), l.package_index_url())\n"
        )
        assert python(code, run_env) == "True True True http://127.0.0.1:9/argos/index.json\n"


def test_index_copies_serve_both_tools(tmp_path: Path) -> None:
    env = argos_setup(tmp_path)
    with serving({"demo.argosmodel": DEMO_MODEL.read_bytes()}) as server:
        server.index = [server.entry("demo.argosmodel", version="0.1")]
        env["ARGOS_PACKAGE_INDEX"] = server.url + "/"
        # argospm's copy of the index is read by briefgen ...
        python("import argostranslate.package as p; p.update_package_index()", env)
        requests_before = len(server.requests)
        available = briefgen(env, "models", "available")
        assert available.returncode == 0, available.stderr
        assert "translate-ja_en  ja→en  0.1" in available.stdout
        assert len(server.requests) == requests_before  # read from Argos's copy
        # ... and the package briefgen downloads from it is Argos's to use.
        assert briefgen(env, "models", "install", "ja", "-q").returncode == 0
        code = (
            "import argostranslate.package as p\n"
            "print([str(x) for x in p.get_available_packages()], "
            "[x.package_version for x in p.get_installed_packages()])"
        )
        assert python(code, env) == "['Japanese → English'] ['0.1']\n"


def test_bpe_tokenizer_comes_from_argos(tmp_path: Path) -> None:
    # subword-nmt codes: merge "h e" then "he l"
    folder = bpe_package(tmp_path / "translate-de_en-old", "#version: 0.2\nh e\nhe l\n")
    code = (
        "import sys\n"
        "from briefgen.translate.argos import _load_tokenizer\n"
        "from briefgen.translate.packages import open_package\n"
        "tok = _load_tokenizer(open_package(sys.argv[1]))\n"
        "pieces = tok.encode('hello world')\n"
        "print(pieces, tok.decode(pieces), 'torch' in sys.modules)\n"
    )
    out = python(code, os.environ.copy(), str(folder))
    pieces, _, rest = out.partition("] ")
    assert "'hel@@'" in pieces
    assert rest == "hello world False\n"
