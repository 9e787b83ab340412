"""Downloads over HTTP(S) with the standard library: one-line errors, resumable files.

urllib is enough for two GETs (the index, a package) and keeps the install lean.
"""

from __future__ import annotations

import hashlib
import http.client
import urllib.error
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
    """The body at ``url``, or a one-line :class:`TranslationError` naming the URL."""
    request = urllib.request.Request(url, headers={"User-Agent": "briefgen"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read()
            return body
    except urllib.error.HTTPError as exc:
        raise TranslationError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise TranslationError(f"{url}: cannot connect ({reason(exc.reason)})") from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise TranslationError(f"{url}: download failed ({reason(exc)})") from exc


def reason(error: object) -> str:
    """A short reason for an OS or network error ("Connection refused", not errno noise)."""
    return str(getattr(error, "strerror", None) or error)


def download(url: str, *, progress: DownloadProgress | None = None) -> Path:
    """Download ``url`` into the cache, resuming a ``.part`` left by an earlier try.

    A file the project knows (:data:`KNOWN_PACKAGES`) must match its size and
    SHA-256; a mismatch deletes it and says so.
    """
    file_name = url.rstrip("/").rsplit("/", 1)[-1] or "package.argosmodel"
    folder = cache_dir() / "downloads"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TranslationError(f"{folder}: cannot download there ({exc.strerror or exc})") from exc
    part = folder / f"{file_name}.part"
    _fetch_resuming(url, part, progress)
    known = KNOWN_PACKAGES.get(file_name)
    if known is not None:
        size, sha256 = known
        actual_size = part.stat().st_size
        actual = _sha256(part)
        if (actual_size, actual) != (size, sha256):
            part.unlink(missing_ok=True)
            raise TranslationError(
                f"{url}: checksum mismatch ({actual_size:,} bytes, sha256 {actual[:12]}…; "
                f"expected {size:,} bytes, sha256 {sha256[:12]}…); the download was deleted"
            )
    done = folder / file_name
    part.replace(done)
    return done


def _fetch_resuming(url: str, part: Path, progress: DownloadProgress | None) -> None:
    have = part.stat().st_size if part.exists() else 0
    headers = {"User-Agent": "briefgen"}
    if have:
        headers["Range"] = f"bytes={have}-"
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            length = response.headers.get("Content-Length")
            if have and response.status == 206:
                mode, done = "ab", have
            else:  # the server sends the whole file: start over
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
        raise TranslationError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
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
