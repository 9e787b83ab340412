"""Model management: Argos's folders, installing, removing, the index, downloads.

Downloads are tested against a real HTTP server on 127.0.0.1 (tests/package_server.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEEDS, bpe_package
from package_server import refused_port, serving

from briefgen.cli import main
from briefgen.errors import TranslationError
from briefgen.translate import download, install, locations
from briefgen.translate.index import available_packages, parse_index
from briefgen.translate.packages import find_installed_package, installed_packages

DEMO_BYTES = DEMO_MODEL.read_bytes()


@pytest.fixture
def argos_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean Argos setup and briefgen cache for one test; returns the packages folder."""
    packages = tmp_path / "argos" / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "cache"))
    return packages


def leftovers(packages: Path) -> list[str]:
    """Everything in the packages folder and beside it (where staging happens)."""
    return sorted(p.name for p in packages.parent.rglob("*") if p != packages)


# --- where Argos keeps things ---------------------------------------------------------


def test_locations_follow_argos_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert locations.argos_packages_dir() == tmp_path / "data" / "argos-translate" / "packages"
    assert locations.local_index_path() == tmp_path / "data" / "argos-translate" / "index.json"
    assert locations.package_index_url() == (
        "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
    )
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(
        json.dumps(
            {"ARGOS_PACKAGES_DIR": str(tmp_path / "mine"), "ARGOS_PACKAGE_INDEX": "http://x/"}
        )
    )
    assert locations.argos_packages_dir() == tmp_path / "mine"
    assert locations.package_index_url() == "http://x/index.json"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "env"))  # the environment wins
    assert locations.argos_packages_dir() == tmp_path / "env"
    assert not (tmp_path / "data").exists(), "reading locations must not create folders"


def test_broken_installed_folder_is_passed_over_not_fatal(
    argos_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    install.install_file(DEMO_MODEL)
    (argos_home / "half-copied").mkdir()
    (argos_home / "half-copied" / "metadata.json").write_text("{", encoding="utf-8")
    (argos_home / "not-a-package").mkdir()
    assert [p.path.name for p in installed_packages()] == ["translate-ja_en-demo"]
    assert "half-copied" in caplog.text
    assert find_installed_package("ja").path == argos_home / "translate-ja_en-demo"


# --- installing from a file -------------------------------------------------------------


def test_install_file_then_make_without_model(argos_home: Path, tmp_path: Path) -> None:
    env = os.environ.copy()
    cli = [sys.executable, "-m", "briefgen"]
    done = subprocess.run(
        [*cli, "models", "install", str(DEMO_MODEL)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert f"installed translate-ja_en-demo (ja→en 0.1) in {argos_home}" in done.stderr
    assert leftovers(argos_home) == sorted(
        [
            "translate-ja_en-demo",
            *(p.name for p in (argos_home / "translate-ja_en-demo").rglob("*")),
        ]
    )
    out = tmp_path / "b.docx"
    made = subprocess.run(
        [*cli, "make", str(SEEDS), "-o", str(out), "-q"], env=env, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    assert out.stat().st_size > 10_000
    listed = subprocess.run([*cli, "models", "list"], env=env, capture_output=True, text=True)
    header, row = listed.stdout.splitlines()
    assert header.split() == ["PACKAGE", "PAIR", "VERSION", "SIZE", "PATH"]
    assert row.split()[:3] == ["translate-ja_en-demo", "ja→en", "0.1"]
    assert row.endswith(str(argos_home / "translate-ja_en-demo"))


def test_reinstall_replaces_and_remove_removes(
    argos_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "install", str(DEMO_MODEL)]) == 0
    assert main(["models", "install", str(DEMO_MODEL)]) == 0
    assert [p.path.name for p in installed_packages()] == ["translate-ja_en-demo"]
    capsys.readouterr()
    assert main(["models", "remove", "ja"]) == 0
    assert "removed translate-ja_en-demo" in capsys.readouterr().err
    assert installed_packages() == [] and leftovers(argos_home) == []
    assert main(["models", "remove", "ja"]) == 1
    assert "ja: no such installed package" in capsys.readouterr().err
    assert main(["models", "list"]) == 0
    assert "no packages installed in" in capsys.readouterr().err


def _rezip(tmp_path: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    """A copy of the demo package with ``change(entries)`` applied to its {name: bytes}."""
    with zipfile.ZipFile(DEMO_MODEL) as zipped:
        entries = {i.filename: zipped.read(i) for i in zipped.infolist()}
    change(entries)
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zipped:
        for entry, data in entries.items():
            zipped.writestr(entry, data)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda tmp: _write(tmp / "cut.argosmodel", DEMO_BYTES[: len(DEMO_BYTES) // 2]),
            "cut.argosmodel: not an .argosmodel (zip) file, or a corrupt or truncated one",
        ),
        (
            lambda tmp: _rezip(
                tmp, "slip.argosmodel", lambda e: e.update({"../../evil.txt": b"owned"})
            ),
            "slip.argosmodel: refused: entry '../../evil.txt' would be written outside",
        ),
        (
            lambda tmp: _rezip(
                tmp, "abs.argosmodel", lambda e: e.update({"/tmp/evil.txt": b"owned"})
            ),
            "abs.argosmodel: refused: entry '/tmp/evil.txt'",
        ),
        (
            lambda tmp: _rezip(
                tmp,
                "broken-model.argosmodel",
                lambda e: e.update({"translate-ja_en-demo/model/model.bin": b"\0" * 64}),
            ),
            "broken-model.argosmodel: the package does not translate",
        ),
        (
            lambda tmp: _rezip(
                tmp,
                "no-tokenizer.argosmodel",
                lambda e: e.pop("translate-ja_en-demo/sentencepiece.model"),
            ),
            "no-tokenizer.argosmodel: not an Argos package (no sentencepiece.model or bpe.model)",
        ),
        (
            lambda tmp: _rezip(
                tmp, "no-meta.argosmodel", lambda e: e.pop("translate-ja_en-demo/metadata.json")
            ),
            "no-meta.argosmodel: not an Argos package (no metadata.json)",
        ),
    ],
    ids=["truncated", "dotdot", "absolute", "bad-model", "no-tokenizer", "no-metadata"],
)
def test_bad_package_files_are_refused_leaving_nothing(
    argos_home: Path, tmp_path: Path, make, message: str, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    assert main(["models", "install", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefgen: error: {tmp_path}/") and message in err, err
    assert err.count("\n") == 1
    assert leftovers(argos_home) == []
    assert not (tmp_path.parent / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_package_with_files_at_the_archive_root_gets_a_folder(
    argos_home: Path, tmp_path: Path
) -> None:
    def flatten(entries: dict[str, bytes]) -> None:
        for name in list(entries):
            entries[name.removeprefix("translate-ja_en-demo/")] = entries.pop(name)

    path = _rezip(tmp_path, "flat.argosmodel", flatten)
    package = install.install_file(path)
    assert package.path == argos_home / "flat"
    assert find_installed_package("ja").path == argos_home / "flat"


def test_bpe_package_without_argos_is_one_line(tmp_path: Path) -> None:
    folder = bpe_package(tmp_path / "translate-de_en-old")
    code = (
        "import sys; sys.modules['argostranslate'] = None\n"  # as if the extra were absent
        "from briefgen.translate.argos import ArgosTranslator\n"
        "from briefgen.errors import TranslationError\n"
        "try:\n"
        f"    ArgosTranslator.from_path({str(folder)!r}).translate(['Hallo.'])\n"
        "except TranslationError as e:\n"
        "    print(e)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout == (
        f"{folder}: this package uses the older BPE tokenizer, which needs Argos Translate: "
        "pip install 'briefgen[argos]'\n"
    )


# --- the index and downloads --------------------------------------------------------------


def test_index_parsing_keeps_translation_entries() -> None:
    U = "https://example.org/translate-ja_en-1_1.argosmodel"
    entries = parse_index(
        json.dumps(
            [
                {"from_code": "ja", "to_code": "en", "package_version": "1.1", "links": ["u", U]},
                {"type": "sbd", "code": "sbd-x"},  # no pair: not a translation package
                "junk",
                {"from_code": "de", "to_code": "en", "package_version": None, "links": U},
            ]
        ),
        "index.json",
    )
    assert [(e.name, e.version, e.links) for e in entries] == [
        ("translate-ja_en", "1.1", (U,)),  # a relative link is dropped
        ("translate-de_en", "", (U,)),  # a single link as a string; null version is empty
    ]
    with pytest.raises(TranslationError, match=r"index\.json: not a package index"):
        parse_index(b"{}", "index.json")
    with pytest.raises(TranslationError, match="invalid JSON"):
        parse_index(b"<html>", "index.json")


def test_available_lists_the_index_and_keeps_argos_copy(
    argos_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    with serving({"translate-ja_en-demo.argosmodel": DEMO_BYTES}) as server:
        server.index = [server.entry("translate-ja_en-demo.argosmodel", version="0.1")]
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", server.url + "/")
        assert main(["models", "available"]) == 0
        out = capsys.readouterr().out
        assert out.splitlines()[1].split()[:3] == ["translate-ja_en", "ja→en", "0.1"]
        copy = tmp_path / "data" / "argos-translate" / "index.json"
        assert json.loads(copy.read_text()) == server.index
        # The local copy is used until --refresh.
        assert main(["models", "install", "ja", "-q"]) == 0
        assert main(["models", "available"]) == 0
        assert "installed" in capsys.readouterr().out
        assert [p for p, _ in server.requests].count("/index.json") == 1
        assert main(["models", "available", "--refresh"]) == 0
        assert [p for p, _ in server.requests].count("/index.json") == 2
    assert find_installed_package("ja").version == "0.1"
    assert not (tmp_path / "cache" / "downloads" / "translate-ja_en-demo.argosmodel").exists()


def test_install_from_an_explicit_index_url(
    argos_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving({"demo.argosmodel": DEMO_BYTES}) as server:
        server.index = [server.entry("demo.argosmodel")]
        assert (
            main(["models", "install", "translate-ja_en", "--index", f"{server.url}/index.json"])
            == 0
        )
    assert "installed translate-ja_en-demo" in capsys.readouterr().err
    assert [p.path.name for p in installed_packages()] == ["translate-ja_en-demo"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda s: s.index.append(s.entry("gone.argosmodel")), "/pkg/gone.argosmodel: HTTP 404"),
        (
            lambda s: s.index.append(s.entry("demo.argosmodel", route="cut")),
            f"/cut/demo.argosmodel: download truncated ({len(DEMO_BYTES) // 2:,} of "
            f"{len(DEMO_BYTES):,} bytes); run the same command again to resume",
        ),
        (
            lambda s: s.index.append(s.entry("translate-ja_en-1_1.argosmodel")),
            f"translate-ja_en-1_1.argosmodel: checksum mismatch ({len(DEMO_BYTES):,} bytes",
        ),
    ],
    ids=["404", "truncated", "checksum"],
)
def test_failed_downloads_are_one_line_and_install_nothing(
    argos_home: Path, setup, message: str, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    files = {"demo.argosmodel": DEMO_BYTES, "translate-ja_en-1_1.argosmodel": DEMO_BYTES}
    with serving(files) as server:
        setup(server)
        assert main(["models", "install", "ja", "-q", "--index", f"{server.url}/index.json"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err
    assert installed_packages() == [] and leftovers(argos_home) == []


def test_checksum_mismatch_deletes_the_download(argos_home: Path, tmp_path: Path) -> None:
    with (
        serving({"translate-ja_en-1_1.argosmodel": DEMO_BYTES}) as server,
        pytest.raises(TranslationError, match="expected 117,155,716 bytes, sha256 623e3477959a"),
    ):
        install.download(f"{server.url}/pkg/translate-ja_en-1_1.argosmodel")
    assert list((tmp_path / "cache" / "downloads").iterdir()) == []


def test_unreachable_index_is_one_line(
    argos_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{refused_port()}/index.json"
    assert main(["models", "available", "--index", url]) == 1
    err = capsys.readouterr().err
    assert err == f"briefgen: error: {url}: cannot connect (Connection refused)\n"


def test_interrupted_download_resumes_where_it_stopped(argos_home: Path, tmp_path: Path) -> None:
    with serving({"demo.argosmodel": DEMO_BYTES}) as server:
        server.index = [server.entry("demo.argosmodel", route="flaky")]
        url = f"{server.url}/index.json"
        with pytest.raises(TranslationError, match="run the same command again to resume"):
            install.install_from_index("ja", index_url=url)
        (part,) = (tmp_path / "cache" / "downloads").glob("*-demo.argosmodel.part")
        assert part.stat().st_size == len(DEMO_BYTES) // 2
        seen: list[tuple[int, int | None]] = []
        package = install.install_from_index(
            "ja", index_url=url, progress=lambda done, total: seen.append((done, total))
        )
    assert server.requests[-1] == ("/flaky/demo.argosmodel", f"bytes={len(DEMO_BYTES) // 2}-")
    assert seen[-1] == (len(DEMO_BYTES), len(DEMO_BYTES))
    assert package.from_code == "ja" and not part.exists()


def test_server_without_range_support_restarts_the_download(
    argos_home: Path, tmp_path: Path
) -> None:
    with serving({"demo.argosmodel": DEMO_BYTES}) as server:
        url = f"{server.url}/norange/demo.argosmodel"
        part = download.partial_path(url)
        part.parent.mkdir(parents=True)
        part.write_bytes(DEMO_BYTES[:1000])
        path = install.download(url)
    assert server.requests == [("/norange/demo.argosmodel", "bytes=1000-")]
    assert path.read_bytes() == DEMO_BYTES


def test_unknown_language_in_the_index_says_where_to_look(argos_home: Path) -> None:
    with serving({}) as server:
        server.index = [server.entry("demo.argosmodel")]
        with pytest.raises(TranslationError, match="xx: no such package in the index"):
            available_packages(f"{server.url}/index.json") and install.install_from_index(
                "xx", index_url=f"{server.url}/index.json"
            )


def test_index_from_a_local_file_and_a_broken_local_copy_is_fetched_again(
    argos_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "index.json"
    index.write_text(json.dumps([{"from_code": "ja", "to_code": "en", "links": []}]))
    assert [e.name for e in available_packages(str(index))] == ["translate-ja_en"]
    copy = tmp_path / "data" / "argos-translate" / "index.json"
    copy.parent.mkdir(parents=True)
    copy.write_text('{"x": 1}')
    with serving({}) as server:
        server.index = [server.entry("demo.argosmodel")]
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", server.url + "/")
        assert [e.name for e in available_packages()] == ["translate-ja_en"]
    assert json.loads(copy.read_text()) == server.index


@pytest.mark.parametrize("url", ["nowhere/index.json", "http://[::1/x", "ftp:/x"])
def test_unusable_index_urls_are_one_line(
    argos_home: Path, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "available", "--index", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefgen: error: {url}: ") and err.count("\n") == 1, err


def test_concurrent_installs_of_one_package_all_succeed(argos_home: Path) -> None:
    import contextlib

    from processes import started

    with serving({"demo.argosmodel": DEMO_BYTES}) as server, contextlib.ExitStack() as running:
        server.index = [server.entry("demo.argosmodel", route="slow")]
        command = [sys.executable, "-m", "briefgen", "models", "install", "ja", "-q"]
        command += ["--index", f"{server.url}/index.json"]
        runs = [
            running.enter_context(
                started(command, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
            )
            for _ in range(3)
        ]
        results = [(run.communicate(timeout=120)[1], run.returncode) for run in runs]
    assert [code for _, code in results] == [0, 0, 0], results
    assert [p.path.name for p in installed_packages()] == ["translate-ja_en-demo"]
    # The one package and its files, nothing else: no staging folder, partial copy or
    # second unpacked package beside it.
    package = argos_home / "translate-ja_en-demo"
    assert leftovers(argos_home) == sorted([package.name, *(p.name for p in package.rglob("*"))])


def test_wrong_content_range_on_resume_starts_over(argos_home: Path, tmp_path: Path) -> None:
    with serving({"demo.argosmodel": DEMO_BYTES}) as server:
        url = f"{server.url}/badrange/demo.argosmodel"
        with pytest.raises(TranslationError, match="download truncated"):
            install.download(url)
        with pytest.raises(TranslationError, match="the server answered with the wrong range"):
            install.download(url)
        assert list((tmp_path / "cache" / "downloads").glob("*.part")) == []
        assert install.download(url).read_bytes() == DEMO_BYTES


def test_remove_asks_which_when_a_name_matches_several(
    argos_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def flatten(entries: dict[str, bytes]) -> None:
        for name in list(entries):
            entries[name.removeprefix("translate-ja_en-demo/")] = entries.pop(name)

    install.install_file(DEMO_MODEL)
    install.install_file(_rezip(tmp_path, "second.argosmodel", flatten))
    assert main(["models", "remove", "ja"]) == 1
    assert "ja matches 2 packages (second, translate-ja_en-demo); name one, or use --all" in (
        capsys.readouterr().err
    )
    assert main(["models", "remove", "second"]) == 0
    assert [p.path.name for p in installed_packages()] == ["translate-ja_en-demo"]
    install.install_file(_rezip(tmp_path, "second.argosmodel", flatten))
    assert main(["models", "remove", "translate-ja_en", "--all"]) == 0
    assert installed_packages() == []


def test_removing_a_linked_package_removes_only_the_link(argos_home: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    install.install_file(DEMO_MODEL)
    (argos_home / "translate-ja_en-demo").rename(elsewhere)
    (argos_home / "linked").symlink_to(elsewhere)
    assert [p.path.name for p in install.remove("ja")] == ["linked"]
    assert not (argos_home / "linked").exists() and (elsewhere / "metadata.json").exists()


@pytest.mark.parametrize(
    ("rename", "installed_as"),
    [
        (lambda n: n.replace("translate-ja_en-demo/", ".hidden/"), None),
        (lambda n: n.replace("translate-ja_en-demo/", "model/"), "model"),
        (lambda n: n, "translate-ja_en-demo"),
    ],
    ids=["dot-folder", "folder-named-model", "with-macosx-forks"],
)
def test_odd_archive_layouts(argos_home: Path, tmp_path: Path, rename, installed_as) -> None:  # type: ignore[no-untyped-def]
    def change(entries: dict[str, bytes]) -> None:
        for name in list(entries):
            entries[rename(name)] = entries.pop(name)
        entries["__MACOSX/._metadata.json"] = b"fork"

    archive = _rezip(tmp_path, "odd.argosmodel", change)
    if installed_as is None:
        with pytest.raises(TranslationError, match=r"cannot start with '\.'"):
            install.install_file(archive)
        assert installed_packages() == []
    else:
        assert install.install_file(archive).path == argos_home / installed_as


def test_flat_archive_named_like_a_member(argos_home: Path, tmp_path: Path) -> None:
    def flatten(entries: dict[str, bytes]) -> None:
        for name in list(entries):
            entries[name.removeprefix("translate-ja_en-demo/")] = entries.pop(name)

    package = install.install_file(_rezip(tmp_path, "model.argosmodel", flatten))
    assert package.path == argos_home / "model"


def test_install_an_unpacked_folder(argos_home: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(DEMO_MODEL) as zipped:
        zipped.extractall(tmp_path / "unpacked")
    folder = tmp_path / "unpacked" / "translate-ja_en-demo"
    assert main(["models", "install", str(folder)]) == 0
    assert find_installed_package("ja").path == argos_home / "translate-ja_en-demo"
    assert (folder / "metadata.json").exists()  # the original stays


def test_null_metadata_fields_are_empty_like_in_argos(tmp_path: Path) -> None:
    from briefgen.translate.packages import read_package_dir

    (tmp_path / "model").mkdir()
    (tmp_path / "metadata.json").write_text(
        json.dumps(
            {"from_code": "ja", "to_code": "en", "package_version": None, "target_prefix": None}
        )
    )
    package = read_package_dir(tmp_path)
    assert (package.version, package.target_prefix) == ("", "")
