"""The translation cache: keys, reuse across runs and processes, eviction, failure."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEEDS
from processes import started

import briefgen
from briefgen.translate.base import Translation, translate_unique
from briefgen.translate.cache import CachedText, TranslationCache


class Counting:
    """A translator that upper-cases, counting what it is asked."""

    def __init__(self, name: str = "counting") -> None:
        self.name = name
        self.identity = f"test:{name}"
        self.asked: list[str] = []

    def translate(self, texts: Sequence[str]) -> list[str]:
        self.asked += texts
        return [t.upper() for t in texts]


def test_second_run_asks_the_translator_nothing(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "c.sqlite3")
    first = Counting()
    assert translate_unique(first, ["a", "b", "a", " "], cache) == {
        "a": Translation("A"),
        "b": Translation("B"),
    }
    assert first.asked == ["a", "b"]
    second = Counting()
    assert translate_unique(second, ["b", "c"], cache) == {
        "b": Translation("B"),
        "c": Translation("C"),
    }
    assert second.asked == ["c"]
    other_model = Counting("another model")
    translate_unique(other_model, ["a"], cache)
    assert other_model.asked == ["a"]  # the key includes the translator's identity
    anonymous = Counting()
    del anonymous.identity
    translate_unique(anonymous, ["a"], cache)
    assert anonymous.asked == ["a"]  # no identity, no caching: a name is not enough


def test_a_rerun_of_make_does_not_load_the_model(tmp_path: Path) -> None:
    env = {**os.environ, "BRIEFGEN_CACHE_DIR": str(tmp_path / "cache")}
    code = (
        "import sys, time, briefgen\n"
        "import briefgen.translate.argos as argos\n"
        "loads = []\n"
        "real = argos._load_model\n"
        "argos._load_model = lambda *a: loads.append(a) or real(*a)\n"
        f"b = briefgen.make_briefing({str(SEEDS)!r}, model={str(DEMO_MODEL)!r})\n"
        "print(len(loads), 'ctranslate2' in sys.modules, b.sources[0].title.english)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert runs[0].stdout == "1 True In the end, just as Putin ordered\n", runs[0].stderr
    assert runs[1].stdout == "0 False In the end, just as Putin ordered\n", runs[1].stderr


def test_no_cache_option_translates_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path))
    briefgen.make_briefing(SEEDS, model=DEMO_MODEL, options=briefgen.Options(use_cache=False))
    assert not (tmp_path / "translations.sqlite3").exists()


def test_least_recently_used_rows_go_past_the_cap(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "c.sqlite3", max_bytes=1000)
    for n in range(10):
        cache.put("m", [(f"text {n}", CachedText("x" * 100, -0.5))])
        time.sleep(0.001)
        cache.get("m", ["text 0"])  # keep the first one in use
    info = cache.info()
    assert info.bytes <= 1000 and 0 < info.entries < 10
    kept = cache.get("m", [f"text {n}" for n in range(10)])
    assert "text 0" in kept and "text 9" in kept and "text 1" not in kept
    assert kept["text 0"] == CachedText("x" * 100, -0.5)


def test_concurrent_processes_share_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    code = (
        "import logging, sys\n"
        "logging.basicConfig()  # a warning that the cache gave up reaches stderr\n"
        "from briefgen.translate.cache import TranslationCache, CachedText\n"
        "c = TranslationCache(sys.argv[1])\n"
        "for i in range(200):\n"
        "    c.put('m', [(f'{sys.argv[2]}-{i}', CachedText('e', None))])\n"
        "    c.get('m', [f'0-{i}', f'1-{i}'])\n"
    )
    with contextlib.ExitStack() as running:
        runs = [
            running.enter_context(
                started([sys.executable, "-c", code, str(path), str(n)], stderr=subprocess.PIPE)
            )
            for n in range(3)
        ]
        errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], errors
    assert errors == [b"", b"", b""]  # no "unusable" warnings: nobody gave up on a lock
    assert TranslationCache(path).info().entries == 600


def test_a_broken_cache_file_never_fails_the_briefing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path))
    (tmp_path / "translations.sqlite3").write_bytes(b"this is not a database" * 100)
    briefing = briefgen.make_briefing(SEEDS, model=DEMO_MODEL)
    assert briefing.sources[0].title.english == "In the end, just as Putin ordered"
    assert "translation cache" in caplog.text and "continuing without it" in caplog.text


def test_cache_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from briefgen.cli import main

    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path))
    TranslationCache().put("m", [("a", CachedText("A", None)), ("b", CachedText("B", None))])
    assert main(["cache", "info"]) == 0
    assert capsys.readouterr().out.startswith(
        f"{tmp_path / 'translations.sqlite3'}: 2 translations"
    )
    assert main(["cache", "clear"]) == 0
    assert "deleted 2 translations" in capsys.readouterr().err
    assert main(["cache"]) == 0
    assert ": 0 translations" in capsys.readouterr().out
    with sqlite3.connect(tmp_path / "translations.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_cache_corrupted_after_use_warns_and_clear_deletes_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
    caplog,  # type: ignore[no-untyped-def]
) -> None:
    from briefgen.cli import main

    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path))
    path = tmp_path / "translations.sqlite3"
    cache = TranslationCache()
    cache.put("m", [(f"text {n}", CachedText("x" * 500, None)) for n in range(200)])
    cache.close()
    data = bytearray(path.read_bytes())
    data[8192:] = b"\xff" * (len(data) - 8192)  # the header survives, the pages do not
    path.write_bytes(bytes(data))
    briefing = briefgen.make_briefing(SEEDS, model=DEMO_MODEL)
    assert briefing.sources[0].title.english == "In the end, just as Putin ordered"
    assert "continuing without it" in caplog.text
    assert main(["cache", "info"]) == 0
    assert main(["cache", "clear"]) == 0
    assert not path.exists()
    assert TranslationCache().info().entries == 0


def test_a_rebuilt_package_is_a_new_cache_identity(tmp_path: Path) -> None:
    import shutil

    from briefgen.translate.argos import ArgosTranslator
    from briefgen.translate.packages import open_package

    folder = tmp_path / "pkg"
    shutil.copytree(open_package(DEMO_MODEL).path, folder)
    before = ArgosTranslator.from_path(folder).identity
    weights = folder / "model" / "model.bin"
    data = weights.read_bytes()
    time.sleep(0.01)
    weights.write_bytes(data[:-4] + data[-4:][::-1])  # same size, other bytes
    assert ArgosTranslator.from_path(folder).identity != before
    assert (
        ArgosTranslator.from_path(folder, beam_size=1).identity
        != ArgosTranslator.from_path(folder).identity
    )


def test_a_cache_being_created_by_another_process_is_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Processes creating the file at once: switching it to WAL can fail with "database
    # is locked" at once (seen about once in 100 races of four processes), without
    # SQLite's busy timeout. The cache tries again instead of giving up on the run.
    from briefgen.translate import cache as cache_module

    real_connect = sqlite3.connect
    failures = [2]  # the first two opens meet the lock

    class Locked:
        def __init__(self, connection: sqlite3.Connection) -> None:
            self.connection = connection

        def execute(self, sql: str, *args: object) -> object:
            if sql.startswith("PRAGMA journal_mode") and failures[0]:
                failures[0] -= 1
                raise sqlite3.OperationalError("database is locked")
            return self.connection.execute(sql, *args)

        def __getattr__(self, name: str) -> object:
            return getattr(self.connection, name)

    monkeypatch.setattr(
        cache_module.sqlite3, "connect", lambda *a, **k: Locked(real_connect(*a, **k))
    )
    cache = TranslationCache(tmp_path / "c.sqlite3")
    with caplog.at_level("WARNING", logger="briefgen"):
        cache.put("m", [("text", CachedText("english", None))])
        assert cache.get("m", ["text"])["text"].english == "english"
    assert failures == [0]
    assert "unusable" not in caplog.text
