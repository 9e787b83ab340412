"""Downloads over HTTP(S) with the standard library: one-line errors, resumable files.

urllib is enough for two GETs (the index, a package) and keeps the install lean.
"""

from __future__ import annotations

import hashlib
import http.client
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from briefgen.errors import TranslationError
from briefgen.translate.locations import cache_dir

# Packages whose bytes the project has checked: file name → (size, sha256).
KNOWN_PACKAGES = {
    "translate-ja_en-1_1.argosmodel": (
        117_155_716,
        "623e3477959a815eb0a5ef53e09079ae8f1f9d3bbcd230473baf28c03fb83335",
    ),
}
CHUNK = 1 << 16
TIMEOUT_S = 30.0

DownloadProgress = Callable[[int, int | None], None]
"""Called with (bytes so far, total bytes or ``None`` when the server does not say)."""


def fetch(url: str, *, timeout: float = TIMEOUT_S) -> bytes:
    """The body at ``url`` (http, https or file), or a one-line :class:`TranslationError`."""
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "briefgen"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read()
            return body
    except urllib.error.HTTPError as exc:
        raise TranslationError(f"{url}: HTTP {exc.code} {one_line(exc.reason)}") from exc
    except urllib.error.URLError as exc:
        raise TranslationError(f"{url}: cannot connect ({reason(exc.reason)})") from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise TranslationError(f"{url}: download failed ({reason(exc)})") from exc


def one_line(error: object) -> str:
    """An error's text on one line (some servers' and libraries' messages span several)."""
    return " ".join(str(error).split())


def reason(error: object) -> str:
    """A short reason for an OS or network error ("Connection refused", not errno noise)."""
    return one_line(getattr(error, "strerror", None) or error)


def download(url: str, *, progress: DownloadProgress | None = None) -> Path:
    """Download ``url`` into the cache, resuming a ``.part`` left by an earlier try.

    A file the project knows (:data:`KNOWN_PACKAGES`) must match its size and
    SHA-256; a mismatch deletes it and says so. Returns the downloaded file.
    """
    file_name = _file_name(url)
    part = partial_path(url)
    done = part.with_suffix("")
    try:
        part.parent.mkdir(parents=True, exist_ok=True)
        _fetch_resuming(url, part, progress)
        known = KNOWN_PACKAGES.get(file_name)
        if known is not None:
            _check_known(url, part, *known)
        part.replace(done)
    except OSError as exc:
        raise TranslationError(f"{part}: cannot save the download ({reason(exc)})") from exc
    return done


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


def _fetch_resuming(url: str, part: Path, progress: DownloadProgress | None) -> None:
    have = part.stat().st_size if part.exists() else 0
    headers = {"User-Agent": "briefgen"}
    if have:
        headers["Range"] = f"bytes={have}-"
    total = None
    done = 0
    try:
        request = urllib.request.Request(url, headers=headers)
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            length = response.headers.get("Content-Length")
            resumed = response.headers.get("Content-Range", "")
            if have and response.status == 206 and resumed.startswith(f"bytes {have}-"):
                mode, done = "ab", have
            else:  # the whole file (or a range we did not ask for): start over
                if response.status == 206:
                    part.unlink(missing_ok=True)
                    raise TranslationError(
                        f"{url}: the server answered with the wrong range ({resumed!r}); "
                        "run the same command again to download from the start"
                    )
                mode, done = "wb", 0
            total = done + int(length) if length and length.isdigit() else None
            with part.open(mode) as out:
                while chunk := response.read(CHUNK):
                    out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:  # asked to resume past the end: start over next time
            part.unlink(missing_ok=True)
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
