"""Downloads over HTTPS with the standard library: one-line errors, resumable files,
size caps and one rule for which URLs may be fetched.

urllib is enough for two GETs (the index, a package) and keeps the install lean.

Which URLs: ``https://``, and ``http://`` to this machine (a loopback address, the
same rule as for the SMTP password: :func:`briefgen._net.is_loopback`). A package
is code that briefgen loads, so ``http://`` to another host (readable and
changeable on the way) and ``file:`` (a path on this machine that a remote index
should never name) are refused unless the caller allows them explicitly
(``--allow-insecure-index``, ``allow_insecure=True``); a redirect is held to the
same rule. Other schemes are never fetched.

Size caps: an index is read up to :data:`MAX_INDEX_BYTES`; a package up to the size
of a package the project knows, else the size its index entry gives, never over
:data:`MAX_PACKAGE_BYTES`. A download that passes its cap stops there and its
partial file is deleted.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from briefgen._net import is_loopback, url_host
from briefgen.errors import TranslationError, one_line, reason
from briefgen.translate.locations import cache_dir
from briefgen.translate.locks import lock, same_file

# Packages whose bytes the project has checked: file name → (size, sha256).
KNOWN_PACKAGES = {
    "translate-ja_en-1_1.argosmodel": (
        117_155_716,
        "623e3477959a815eb0a5ef53e09079ae8f1f9d3bbcd230473baf28c03fb83335",
    ),
}
CHUNK = 1 << 16
TIMEOUT_S = 30.0
MAX_INDEX_BYTES = 10_000_000  # Argos's index is about 100 KB
MAX_PACKAGE_BYTES = 1_000_000_000  # Argos's packages are 50-400 MB
INSECURE_FLAG = "--allow-insecure-index"

DownloadProgress = Callable[[int, int | None], None]
"""Called with (bytes so far, total bytes or ``None`` when the server does not say)."""


def url_problem(url: str, *, allow_insecure: bool = False) -> str | None:
    """Why ``url`` may not be fetched (one line, naming it), or ``None`` when it may."""
    try:
        scheme = urllib.parse.urlsplit(url).scheme.lower()
    except ValueError as exc:
        return f"{url}: not a valid URL ({one_line(exc)})"
    if scheme == "https" or (scheme == "http" and is_loopback(url_host(url))):
        return None
    if scheme == "http":
        why = (
            "plain http:// can be read and changed on the way, and a package is code "
            "briefgen loads; use https://"
        )
    elif scheme == "file":
        why = "a file: URL reads from this machine's disk, not from the index's server"
    else:
        return f"{url}: not a download URL (use https://)"
    if allow_insecure:
        return None
    return f"{url}: refused: {why}, or pass {INSECURE_FLAG} to accept it"


def check_url(url: str, *, allow_insecure: bool = False) -> None:
    """Raise a one-line :class:`TranslationError` when ``url`` may not be fetched."""
    if problem := url_problem(url, allow_insecure=allow_insecure):
        raise TranslationError(problem)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to a URL that could have been asked for directly."""

    def __init__(self, allow_insecure: bool) -> None:
        self.allow_insecure = allow_insecure

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
        headers: Any, newurl: str,
    ) -> urllib.request.Request | None:  # fmt: skip
        if problem := url_problem(newurl, allow_insecure=self.allow_insecure):
            fp.close()  # the redirect's own body: not read, as it is not followed
            raise TranslationError(f"{req.full_url}: redirected to {problem}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _open(
    url: str, headers: dict[str, str], allow_insecure: bool, timeout: float = TIMEOUT_S
) -> Any:
    """The response to a GET of ``url``; a URL or redirect that may not be fetched is
    refused before anything is sent."""
    check_url(url, allow_insecure=allow_insecure)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_insecure))
    request = urllib.request.Request(url, headers={"User-Agent": "briefgen", **headers})
    return opener.open(request, timeout=timeout)


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT_S,
    max_bytes: int | None = None,
    allow_insecure: bool = False,
) -> bytes:
    """The body at ``url``, at most ``max_bytes`` (default :data:`MAX_INDEX_BYTES`), or a
    one-line :class:`TranslationError`."""
    if max_bytes is None:
        max_bytes = MAX_INDEX_BYTES
    too_big = f"{url}: larger than {max_bytes:,} bytes, the most an index may be; not read"
    try:
        with _open(url, {}, allow_insecure, timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise TranslationError(too_big)
            body: bytes = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise TranslationError(too_big)
            return body
    except urllib.error.HTTPError as exc:
        raise TranslationError(f"{url}: HTTP {exc.code} {one_line(exc.reason)}") from exc
    except urllib.error.URLError as exc:
        raise TranslationError(f"{url}: cannot connect ({reason(exc.reason)})") from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise TranslationError(f"{url}: download failed ({reason(exc)})") from exc


def read_index_file(path: Path) -> bytes:
    """A local index file's bytes, at most :data:`MAX_INDEX_BYTES`."""
    try:
        with path.open("rb") as data:
            body = data.read(MAX_INDEX_BYTES + 1)
    except OSError as exc:
        raise TranslationError(f"{path}: cannot read the package index ({reason(exc)})") from exc
    if len(body) > MAX_INDEX_BYTES:
        raise TranslationError(
            f"{path}: larger than {MAX_INDEX_BYTES:,} bytes, the most an index may be; not read"
        )
    return body


def download(
    url: str,
    *,
    progress: DownloadProgress | None = None,
    max_bytes: int | None = None,
    allow_insecure: bool = False,
) -> Path:
    """Download ``url`` into the cache, resuming a ``.part`` left by an earlier try.

    At most the size of a package the project knows (:data:`KNOWN_PACKAGES`, whose
    SHA-256 must match too), else ``max_bytes`` (the size the index entry gives), else
    :data:`MAX_PACKAGE_BYTES`, which ``max_bytes`` may lower but never raise: past
    that, the download stops and its partial file is deleted. ``allow_insecure``:
    fetch ``http://`` and ``file:`` URLs too (see the module docstring). Returns the
    downloaded file.
    """
    check_url(url, allow_insecure=allow_insecure)
    file_name = _file_name(url)
    known = KNOWN_PACKAGES.get(file_name)
    if known is not None:
        cap = _Cap(known[0], "the size of this known package")
    elif max_bytes is not None and max_bytes <= MAX_PACKAGE_BYTES:
        cap = _Cap(max_bytes, "the size its index entry gives")
    else:  # an index may lower the cap, never raise it
        cap = _Cap(MAX_PACKAGE_BYTES, "briefgen's cap for a package")
    part = partial_path(url)
    done = part.with_suffix("")
    try:
        part.parent.mkdir(parents=True, exist_ok=True)
        try:
            with _locked_part(part) as out:
                try:
                    _fetch_resuming(url, out, progress, cap, allow_insecure, part.parent)
                except TranslationError:
                    if os.fstat(out.fileno()).st_size == 0:  # nothing to resume: no .part
                        with suppress(OSError):
                            part.unlink()
                    raise
        except _StartOver:
            part.unlink(missing_ok=True)
            raise
        if known is not None:
            _check_known(url, part, *known)
        part.replace(done)
    except OSError as exc:
        raise TranslationError(f"{part}: cannot save the download ({reason(exc)})") from exc
    return done


@dataclass(frozen=True)
class _Cap:
    """The most bytes a download may have, and whose figure that is."""

    size: int
    why: str


class _StartOver(TranslationError):
    """A download whose partial file is of no use: it is deleted before this is raised on."""


@contextmanager
def _locked_part(part: Path) -> Iterator[IO[bytes]]:
    """The partial download open for reading and writing, locked (where the platform
    locks files) for as long as it is written, so ``models clean`` leaves it alone."""
    while True:
        handle = os.fdopen(os.open(part, os.O_RDWR | os.O_CREAT, 0o644), "r+b")
        try:
            lock(handle.fileno())
        except BaseException:
            handle.close()
            raise
        if same_file(handle.fileno(), part):
            break
        handle.close()  # removed or finished while we waited for it: open it anew
    try:
        yield handle
    finally:
        handle.close()


def _file_name(url: str) -> str:
    name = urllib.parse.unquote(url.rstrip("/").rsplit("/", 1)[-1])
    if not name or name in (".", "..") or "/" in name or "\\" in name:
        return "package.argosmodel"
    return name


def partial_path(url: str) -> Path:
    """Where the download of ``url`` collects. It is named after the whole URL, so two
    URLs ending in the same file name never resume into each other."""
    url_key = hashlib.sha256(url.encode()).hexdigest()[:12]
    return cache_dir() / "downloads" / f"{url_key}-{_file_name(url)}.part"


def _check_known(url: str, part: Path, size: int, sha256: str) -> None:
    actual_size = part.stat().st_size
    actual = _sha256(part)
    if (actual_size, actual) != (size, sha256):
        part.unlink(missing_ok=True)
        raise TranslationError(
            f"{url}: checksum mismatch ({actual_size:,} bytes, sha256 {actual[:12]}…; "
            f"expected {size:,} bytes, sha256 {sha256[:12]}…); the download was deleted"
        )


def _fetch_resuming(
    url: str,
    out: IO[bytes],
    progress: DownloadProgress | None,
    cap: _Cap,
    allow_insecure: bool,
    folder: Path,
) -> None:
    have = os.fstat(out.fileno()).st_size
    if have > cap.size:
        raise _StartOver(f"{url}: the partial download is over {cap.size:,} bytes; deleted")
    headers = {"Range": f"bytes={have}-"} if have else {}
    total = None
    done = 0
    try:
        with _open(url, headers, allow_insecure) as response:
            length = response.headers.get("Content-Length")
            resumed = response.headers.get("Content-Range", "")
            if have and response.status == 206 and resumed.startswith(f"bytes {have}-"):
                done = have
                out.seek(have)
            else:  # the whole file (or a range we did not ask for): start over
                if response.status == 206:
                    raise _StartOver(
                        f"{url}: the server answered with the wrong range ({resumed!r}); "
                        "run the same command again to download from the start"
                    )
                out.seek(0)
                out.truncate()
            total = done + int(length) if length and length.isdigit() else None
            if total is not None and total > cap.size:
                raise _StartOver(
                    f"{url}: {total:,} bytes, larger than {cap.size:,} ({cap.why}); not downloaded"
                )
            free = shutil.disk_usage(folder).free
            if total is not None and total - done > free:
                raise TranslationError(
                    f"{url}: needs {(total - done) / 1e6:,.0f} MB, only {free / 1e6:,.0f} MB "
                    "free in the cache folder"
                )
            while chunk := response.read(CHUNK):
                if done + len(chunk) > cap.size:
                    raise _StartOver(
                        f"{url}: larger than {cap.size:,} bytes ({cap.why}); the download "
                        "was stopped there and deleted"
                    )
                out.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:  # asked to resume past the end: start over next time
            raise _StartOver(f"{url}: HTTP {exc.code} {one_line(exc.reason)}") from exc
        raise TranslationError(f"{url}: HTTP {exc.code} {one_line(exc.reason)}") from exc
    except urllib.error.URLError as exc:
        raise TranslationError(f"{url}: cannot connect ({reason(exc.reason)})") from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise TranslationError(
            f"{url}: download interrupted ({reason(exc)}); run the same command again to resume"
        ) from exc
    if total is not None and done < total:
        raise TranslationError(
            f"{url}: download truncated ({done:,} of {total:,} bytes); run the same command "
            "again to resume"
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        while chunk := data.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
