"""Hostile and oversized model packages, downloads and index URLs.

One checked unpacking path serves ``models install`` and ``--model``: a zip bomb,
a path-traversal entry and a symbolic link are refused by both, with nothing left
on disk. Downloads run against a real HTTP server on 127.0.0.1
(tests/package_server.py) and stop at their cap.
"""

from __future__ import annotations

import fcntl
import json
import os
import stat
import time
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DEMO_MODEL, SEEDS
from package_server import serving

from briefgen.cli import main
from briefgen.errors import TranslationError
from briefgen.translate import archives, download, install
from briefgen.translate.index import available_packages
from briefgen.translate.packages import installed_packages, open_package

DEMO_BYTES = DEMO_MODEL.read_bytes()
with zipfile.ZipFile(DEMO_MODEL) as _zipped:
    DEMO_ENTRIES = {i.filename: _zipped.read(i) for i in _zipped.infolist()}
DEMO_UNPACKED = sum(len(data) for data in DEMO_ENTRIES.values())


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean Argos setup and briefgen cache; returns the folder holding both."""
    home = tmp_path / "home"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "argos" / "packages"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(home / "cache"))
    return home


def files_under(folder: Path) -> list[str]:
    """Every file (not folder) under ``folder``, relative to it."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir())


def demo_with(tmp_path: Path, name: str, extra: dict[str | zipfile.ZipInfo, bytes]) -> Path:
    """The demo package re-zipped (deflated) with ``extra`` entries added."""
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a duplicate name: some tests want one
        for entry, data in [*DEMO_ENTRIES.items(), *extra.items()]:
            zipped.writestr(entry, data)
    return path


def link_entry(name: str, target: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix, where the mode bits say "symbolic link"
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "zip-bomb": (
        # 50 MB of zeros deflate to about 50 KB: a thousand times smaller.
        lambda tmp: demo_with(
            tmp, "bomb.argosmodel", {"translate-ja_en-demo/zeros.bin": bytes(50_000_000)}
        ),
        "bomb.argosmodel: refused: entry 'translate-ja_en-demo/zeros.bin' unpacks to ",
    ),
    "path-traversal": (
        lambda tmp: demo_with(tmp, "slip.argosmodel", {"../../../evil.txt": b"owned"}),
        "slip.argosmodel: refused: entry '../../../evil.txt' would be written outside the "
        "package folder",
    ),
    "symlink": (
        lambda tmp: demo_with(
            tmp,
            "link.argosmodel",
            {link_entry("translate-ja_en-demo/evil", "/etc/passwd"): b"/etc/passwd"},
        ),
        "link.argosmodel: refused: entry 'translate-ja_en-demo/evil' is a symbolic link",
    ),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_model_file_is_refused_with_nothing_left_on_disk(
    homes: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, message = HOSTILE[kind]
    archive = make(tmp_path)
    out = tmp_path / "briefing.docx"
    assert main(["make", str(SEEDS), "--model", str(archive), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefgen: error: {tmp_path}/{message}"), err
    assert err.count("\n") == 1, err
    assert not out.exists()
    assert files_under(homes) == []
    assert not (tmp_path.parent / "evil.txt").exists()
    assert not list(tmp_path.parent.parent.glob("evil.txt"))


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_package_is_refused_by_models_install_too(
    homes: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, message = HOSTILE[kind]
    assert main(["models", "install", str(make(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1, err
    assert files_under(homes) == [] and installed_packages() == []


def test_member_count_cap_at_the_limit(
    homes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archives, "MAX_MEMBERS", len(DEMO_ENTRIES))
    assert open_package(DEMO_MODEL).from_code == "ja"
    monkeypatch.setattr(archives, "MAX_MEMBERS", len(DEMO_ENTRIES) - 1)
    with pytest.raises(TranslationError) as caught:
        install.install_file(DEMO_MODEL)
    assert str(caught.value) == (
        f"{DEMO_MODEL}: refused: {len(DEMO_ENTRIES):,} entries, more than the "
        f"{len(DEMO_ENTRIES) - 1:,} a package may have"
    )


def test_unpacked_size_cap_at_the_limit(
    homes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archives, "MAX_UNPACKED_BYTES", DEMO_UNPACKED)
    assert install.install_file(DEMO_MODEL).from_code == "ja"
    monkeypatch.setattr(archives, "MAX_UNPACKED_BYTES", DEMO_UNPACKED - 1)
    copy = tmp_path / "copy.argosmodel"
    copy.write_bytes(DEMO_BYTES)
    with pytest.raises(TranslationError, match=f"unpacks to {DEMO_UNPACKED:,} bytes, more than"):
        open_package(copy)
    assert not list((homes / "cache" / "packages").iterdir())


def test_compression_ratio_cap_at_the_limit(
    homes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    zeros = "translate-ja_en-demo/zeros.bin"
    bomb = demo_with(tmp_path, "bomb.argosmodel", {zeros: bytes(2_000_000)})
    with pytest.raises(TranslationError, match="times its packed size"):
        open_package(bomb)
    with zipfile.ZipFile(bomb) as zipped:
        info = zipped.getinfo(zeros)
    ratio = info.file_size / info.compress_size
    assert ratio > archives.MAX_RATIO  # zeros deflate about a thousandfold
    monkeypatch.setattr(archives, "MAX_RATIO", ratio)  # exactly at the limit: allowed
    assert open_package(bomb).from_code == "ja"
    # Small entries may compress better: the ratio counts from RATIO_MIN_BYTES up.
    monkeypatch.setattr(archives, "MAX_RATIO", 100)
    small = demo_with(tmp_path, "small.argosmodel", {zeros: bytes(archives.RATIO_MIN_BYTES)})
    assert open_package(small).from_code == "ja"
    over = demo_with(tmp_path, "over.argosmodel", {zeros: bytes(archives.RATIO_MIN_BYTES + 1)})
    with pytest.raises(TranslationError, match="times its packed size"):
        open_package(over)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (lambda: _with_mode("translate-ja_en-demo/tty", stat.S_IFCHR), "is a device, pipe"),
        (lambda: _with_mode("translate-ja_en-demo/fifo", stat.S_IFIFO), "is a device, pipe"),
        (lambda: "translate-ja_en-demo/metadata.json", "appears twice"),
        (lambda: "C:/evil.txt", "would be written outside"),
        (lambda: "/etc/evil.txt", "would be written outside"),
    ],
    ids=["device", "pipe", "duplicate", "drive", "absolute"],
)
def test_other_unsafe_entries_are_refused(homes: Path, tmp_path: Path, entry, problem: str) -> None:  # type: ignore[no-untyped-def]
    archive = demo_with(tmp_path, "odd.argosmodel", {entry(): b"x"})
    with pytest.raises(TranslationError, match=problem):
        open_package(archive)
    assert files_under(homes) == []


def _with_mode(name: str, kind: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (kind | 0o644) << 16
    return info


def test_encrypted_entry_is_refused(homes: Path, tmp_path: Path) -> None:
    archive = demo_with(tmp_path, "locked.argosmodel", {})
    data = bytearray(archive.read_bytes())
    # Set the "encrypted" flag of every entry, in the local and the central headers.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + offset] |= 0x1
            start += 4
    archive.write_bytes(bytes(data))
    with pytest.raises(TranslationError, match="is encrypted"):
        install.install_file(archive)
    assert files_under(homes) == []


def test_full_disk_is_refused_before_unpacking(
    homes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A disk with just too little room, as shutil sees it (a real disk cannot be
    # filled to the byte for a test).
    real = archives.shutil.disk_usage
    free = DEMO_UNPACKED
    monkeypatch.setattr(archives.shutil, "disk_usage", lambda p: real(p)._replace(free=free))
    assert install.install_file(DEMO_MODEL).from_code == "ja"  # exactly enough room
    install.remove("ja")
    free = DEMO_UNPACKED - 1
    with pytest.raises(TranslationError, match=r"needs 2 MB unpacked, only 2 MB free"):
        install.install_file(DEMO_MODEL)
    assert files_under(homes) == []


# --- downloads stop at their cap --------------------------------------------------------


def test_download_stops_at_the_size_the_index_gives(
    homes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving({"demo.argosmodel": DEMO_BYTES}) as server:
        exact = dict(server.entry("demo.argosmodel"), size=len(DEMO_BYTES))
        server.index = [exact]
        assert install.install_from_index("ja", index_url=f"{server.url}/index.json").to_code
        install.remove("ja")
        server.index = [dict(exact, size=len(DEMO_BYTES) - 1)]
        assert main(["models", "install", "ja", "-q", "--index", f"{server.url}/index.json"]) == 1
    err = capsys.readouterr().err
    assert (
        f"/pkg/demo.argosmodel: {len(DEMO_BYTES):,} bytes, larger than {len(DEMO_BYTES) - 1:,} "
        "(the size its index entry gives); not downloaded"
    ) in err
    assert err.count("\n") == 1
    assert installed_packages() == [] and not list((homes / "cache" / "downloads").glob("*.part"))


def test_endless_download_stops_at_the_cap_and_deletes_its_part(
    homes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cap = 3_000_000
    monkeypatch.setattr(download, "MAX_PACKAGE_BYTES", cap)
    with serving({"demo.argosmodel": DEMO_BYTES}) as server:
        url = f"{server.url}/endless/demo.argosmodel"
        with pytest.raises(TranslationError) as caught:
            download.download(url)
        assert str(caught.value) == (
            f"{url}: larger than {cap:,} bytes (briefgen's cap for a package); the download "
            "was stopped there and deleted"
        )
        assert not download.partial_path(url).exists()
        time.sleep(0.5)  # the server notices the hang-up on its next write
        sent = server.sent["/endless/demo.argosmodel"]
    # The server stops once the client hangs up: what it counts as sent is about the
    # cap and what the sockets' buffers took (a write cut short by the hang-up is not
    # counted, so it may be under the cap), nowhere near the gigabyte it would send.
    assert 0 < sent < cap + 64_000_000


def test_index_download_stops_at_its_cap(homes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with serving({}) as server:
        server.index = [server.entry("demo.argosmodel")]
        size = len(json.dumps(server.index).encode())
        monkeypatch.setattr(download, "MAX_INDEX_BYTES", size)
        assert [e.name for e in available_packages(f"{server.url}/index.json")] == [
            "translate-ja_en"
        ]
        monkeypatch.setattr(download, "MAX_INDEX_BYTES", size - 1)
        with pytest.raises(TranslationError, match=f"larger than {size - 1:,} bytes, the most"):
            available_packages(f"{server.url}/index.json")
        index = homes.parent / "index.json"
        index.write_text(json.dumps(server.index))
        with pytest.raises(TranslationError, match=f"{index}: larger than"):
            available_packages(str(index))


# --- which URLs may be fetched ------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "url"),
    [
        (["models", "available", "--index"], "http://mirror.example.org/index.json"),
        (["models", "install", "ja", "--index"], "http://mirror.example.org/index.json"),
        (["models", "available", "--index"], "file:///srv/argos/index.json"),
    ],
)
def test_insecure_index_url_is_refused_by_default(
    homes: Path, command: list[str], url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Refused before any connection: mirror.example.org is never looked up.
    assert main([*command, url]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefgen: error: {url}: refused: ")
    assert err.rstrip().endswith("or pass --allow-insecure-index to accept it")
    assert err.count("\n") == 1


def test_insecure_index_setting_is_refused_too(
    homes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://mirror.example.org/")
    with pytest.raises(TranslationError, match="plain http:// can be read and changed"):
        available_packages(refresh=True)


def test_index_links_are_held_to_the_same_rule(homes: Path, tmp_path: Path) -> None:
    local = DEMO_MODEL.resolve().as_uri()
    with serving({}) as server:
        server.index = [
            dict(server.entry("x"), links=["http://mirror.example.org/demo.argosmodel", local])
        ]
        index = f"{server.url}/index.json"
        with pytest.raises(TranslationError) as caught:
            install.install_from_index("ja", index_url=index)
        assert "http://mirror.example.org/demo.argosmodel: refused: plain http://" in str(
            caught.value
        )
        assert f"{local}: refused: a file: URL reads from this machine's disk" in str(caught.value)
        # Allowed explicitly, the file: link is used.
        server.index = [dict(server.entry("x"), links=[local])]
        package = install.install_from_index("ja", index_url=index, allow_insecure_index=True)
    assert package.path.name == "translate-ja_en-demo"


def test_redirect_to_plain_http_elsewhere_is_refused(homes: Path) -> None:
    with serving({"demo.argosmodel": DEMO_BYTES}) as server:
        server.redirect = "http://mirror.example.org"
        url = f"{server.url}/moved/demo.argosmodel"
        with pytest.raises(TranslationError) as caught:
            download.download(url)
        server.redirect = server.url + "/pkg"  # to this machine: followed
        assert download.download(url).read_bytes() == DEMO_BYTES
    assert str(caught.value).startswith(
        f"{url}: redirected to http://mirror.example.org/demo.argosmodel: refused: plain http://"
    )


def test_loopback_http_is_allowed_as_for_smtp() -> None:
    for url in ("http://127.0.0.1:8/x", "http://localhost/x", "http://[::1]:8/x", "https://a/x"):
        assert download.url_problem(url) is None, url
    for url in ("http://127.example.org/x", "http://10.0.0.1/x", "file:///x", "ftp://a/x"):
        assert download.url_problem(url) is not None, url
    assert download.url_problem("http://10.0.0.1/x", allow_insecure=True) is None
    assert download.url_problem("ftp://a/x", allow_insecure=True) is not None


# --- what interrupted work leaves behind ----------------------------------------------------


def test_models_clean_removes_leftovers_but_not_what_is_in_use(
    homes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    downloads = homes / "cache" / "downloads"
    downloads.mkdir(parents=True)
    (downloads / "abc-demo.argosmodel.part").write_bytes(DEMO_BYTES[:1000])
    busy_part = downloads / "def-other.argosmodel.part"
    busy_part.write_bytes(b"x" * 10)
    unpacked = open_package(DEMO_MODEL).path  # an unpacked copy in the cache
    packages = homes / "argos" / "packages"
    packages.mkdir(parents=True)
    stale = _staging_folder(packages.parent, age_s=3600)
    busy = _staging_folder(packages.parent, age_s=3600)
    with open(busy_part, "rb+") as part, open(busy / archives.LOCK_NAME, "rb+") as held:
        fcntl.flock(part, fcntl.LOCK_EX)  # as a download running now holds it
        fcntl.flock(held, fcntl.LOCK_EX)  # as an install running now holds it
        assert main(["models", "clean"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("removed 3 partial downloads, unpacked copies and staging folders (")
    assert err.endswith("; 2 in use left alone\n")
    assert not (downloads / "abc-demo.argosmodel.part").exists()
    assert not unpacked.exists() and not stale.exists()
    assert busy_part.exists() and busy.exists()
    assert open_package(DEMO_MODEL).path.is_dir()  # unpacked again when next used


def test_stale_staging_folder_is_removed_on_the_next_install(homes: Path) -> None:
    packages = homes / "argos" / "packages"
    packages.mkdir(parents=True)
    stale = _staging_folder(packages.parent, age_s=3600, contents="root/half")
    young = _staging_folder(packages.parent, age_s=0)  # perhaps not locked yet: kept
    install.install_file(DEMO_MODEL)
    assert not stale.exists() and young.exists()
    assert sorted(p.name for p in packages.iterdir()) == ["translate-ja_en-demo"]


def test_stale_unpack_folder_is_removed_on_the_next_unpack(homes: Path, tmp_path: Path) -> None:
    cache_packages = homes / "cache" / "packages"
    cache_packages.mkdir(parents=True)
    stale = cache_packages / ".unpack-dead"
    stale.mkdir()
    (stale / archives.LOCK_NAME).touch()
    os.utime(stale, (time.time() - 3600,) * 2)
    copy = tmp_path / "fresh.argosmodel"
    copy.write_bytes(DEMO_BYTES)
    open_package(copy)
    assert not stale.exists()


def _staging_folder(parent: Path, *, age_s: float, contents: str = "") -> Path:
    """A staging folder as an install makes it (with its lock file), ``age_s`` old."""
    with archives.staging_folder(parent, ".briefgen-staging-") as folder:
        if contents:
            (folder / contents).mkdir(parents=True)
        keep = parent / (folder.name + "-kept")
        folder.rename(keep)  # out of the context manager's reach, as if its process died
    os.utime(keep, (time.time() - age_s,) * 2)
    return keep


def test_a_download_that_never_started_leaves_no_part_file(homes: Path) -> None:
    from package_server import refused_port

    url = f"http://127.0.0.1:{refused_port()}/pkg/demo.argosmodel"
    with pytest.raises(TranslationError, match="cannot connect"):
        download.download(url)
    assert files_under(homes) == []


def test_an_index_may_lower_the_package_cap_but_never_raise_it(
    homes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(download, "MAX_PACKAGE_BYTES", len(DEMO_BYTES) - 1)
    with serving({"demo.argosmodel": DEMO_BYTES}) as server:
        server.index = [dict(server.entry("demo.argosmodel"), size=10**12)]
        with pytest.raises(TranslationError, match=r"\(briefgen's cap for a package\)"):
            install.install_from_index("ja", index_url=f"{server.url}/index.json")
    assert installed_packages() == []
    assert files_under(homes / "cache" / "downloads") == ["translate-ja_en.lock"]  # the install's


def test_too_many_entries_are_refused_from_the_end_record(homes: Path, tmp_path: Path) -> None:
    many = {f"translate-ja_en-demo/empty/{n}": b"" for n in range(archives.MAX_MEMBERS)}
    archive = demo_with(tmp_path, "many.argosmodel", many)  # type: ignore[arg-type]
    total = len(DEMO_ENTRIES) + archives.MAX_MEMBERS
    with pytest.raises(TranslationError) as caught:
        open_package(archive)
    assert str(caught.value) == (
        f"{archive}: refused: {total:,} entries, more than the {archives.MAX_MEMBERS:,} a "
        "package may have"
    )
    assert files_under(homes) == []


def test_a_huge_list_of_entries_is_refused(homes: Path, tmp_path: Path) -> None:
    # 20 entries with 60,000-character names: few entries, but 1.2 MB to list them.
    long = {f"translate-ja_en-demo/{n}{'x' * 60_000}": b"" for n in range(20)}
    archive = demo_with(tmp_path, "long.argosmodel", long)  # type: ignore[arg-type]
    with pytest.raises(TranslationError, match=r"its list of entries takes 1,2\d\d,\d{3} bytes"):
        install.install_file(archive)
    assert files_under(homes) == []


def test_entry_count_is_read_from_a_zip64_end_record(homes: Path, tmp_path: Path) -> None:
    archive = tmp_path / "zip64.argosmodel"
    with zipfile.ZipFile(archive, "w") as zipped:  # over 65,535 entries: Zip64 records
        for n in range(70_000):
            zipped.writestr(f"translate-ja_en-demo/{n}", b"")
    assert archives._declared_directory(archive) is not None
    with pytest.raises(TranslationError, match="refused: 70,000 entries, more than"):
        open_package(archive)
