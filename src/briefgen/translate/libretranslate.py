"""A LibreTranslate server (or several) as the translation backend.

Texts go in batches (``q`` as a list) sized to the server's character limit (its
``/frontend/settings``), several batches in flight at once so that every server
behind a load balancer works, each request with a timeout and retried with
exponential backoff on 429, 5xx and dropped connections. With several ``urls``, a
batch that fails on one server moves on to the next, so one server down does not
stop the briefing. Every failure that remains ends as one :class:`TranslationError`
line naming the server and what went wrong.

The API key is never a command-line flag (flags show up in ``ps`` and shell
history): it comes from ``BRIEFGEN_LIBRETRANSLATE_KEY`` or the file
``$XDG_CONFIG_HOME/briefgen/libretranslate.key`` (a warning names that file when
other users may read it). It is sent only over ``https://``, or plain ``http://``
to this machine (the rule the SMTP password follows), unless the caller allows it
explicitly (``--allow-insecure-key``, ``allow_insecure_key=True``). It never
appears in an error (a server that echoes it back has it replaced by ``***``), in
a log line, in the translator's name or in the cache's keys.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import random
import stat
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from briefgen._net import is_loopback, url_host
from briefgen.errors import TranslationError

log = logging.getLogger("briefgen")

KEY_VARIABLE = "BRIEFGEN_LIBRETRANSLATE_KEY"
DEFAULT_CHAR_LIMIT = 2000  # when the server does not say (LibreTranslate's default 5000)
MAX_TEXTS_PER_REQUEST = 64
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

TranslationProgress = Callable[[int, int], None]


def key_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "briefgen" / "libretranslate.key"


def api_key() -> str | None:
    """The key from the environment, else from :func:`key_file` (with a warning when
    others may read that file); ``None`` without one."""
    if key := os.environ.get(KEY_VARIABLE, "").strip():
        return key
    path = key_file()
    try:
        key = path.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    warn_if_readable_by_others(path)
    return key or None


_warned: set[Path] = set()


def warn_if_readable_by_others(path: Path) -> bool:
    """Warn (once per file and process) when a file holding a secret may be read by
    its group or by everyone; whether it may."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if os.name != "posix" or not mode & (stat.S_IRWXG | stat.S_IRWXO):
        return False
    if path not in _warned:
        _warned.add(path)
        log.warning("%s holds a secret and other users may read it; run: chmod 600 %s", path, path)
    return True


def insecure_key_problem(urls: Sequence[str], key: str | None) -> str | None:
    """Why ``key`` may not be sent to one of ``urls`` (one line naming it), or ``None``:
    plain ``http://`` to another machine would show the key to anyone on the way."""
    if not key:
        return None
    for url in urls:
        if url.lower().startswith("http://") and not is_loopback(url_host(url)):
            return (
                f"{shown_url(url)}: refusing to send the LibreTranslate API key over plain "
                "http:// to another machine; use https://, or pass --allow-insecure-key"
            )
    return None


def shown_url(url: str) -> str:
    """``url`` with any password in it replaced by ``***``, for messages and names."""
    try:
        parts = urllib.parse.urlsplit(url)
        if parts.password is None:
            return url
    except ValueError:
        return url
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[1]
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


class LibreTranslateTranslator:
    """Translates ``source``→``target`` through LibreTranslate at ``urls``.

    ``key``: the API key (default: :func:`api_key`); it is refused for a plain
    ``http://`` server on another machine unless ``allow_insecure_key``.
    ``in_flight``: requests sent at once (at least one per server); ``timeout``:
    seconds per request; ``retries``: attempts after the first, per batch, spread
    over the servers, waiting ``backoff`` × 2ⁿ seconds (or the server's
    ``Retry-After``) between rounds.
    """

    def __init__(
        self,
        urls: Sequence[str],
        source: str,
        target: str = "en",
        *,
        key: str | None = None,
        in_flight: int = 0,
        timeout: float = 60.0,
        retries: int = 4,
        backoff: float = 0.5,
        progress: TranslationProgress | None = None,
        allow_insecure_key: bool = False,
    ) -> None:
        if not urls:
            raise ValueError("LibreTranslate needs at least one server URL")
        self.urls = [url.rstrip("/") for url in urls]
        self.source, self.target = source, target
        self.key = key if key is not None else api_key()
        if not allow_insecure_key and (problem := insecure_key_problem(self.urls, self.key)):
            raise TranslationError(problem)
        # Never shown: the key, and any password written into a server's URL.
        self._secrets = [self.key or ""]
        self._secrets += [urllib.parse.urlsplit(url).password or "" for url in self.urls]
        self.in_flight = in_flight or max(4, 2 * len(self.urls))
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.progress = progress
        self._pool: Any = None
        self._char_limit: int | None = None
        self._next_server = 0
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        shown = ", ".join(shown_url(url) for url in self.urls)
        return f"libretranslate:{self.source}-{self.target} {shown}"

    @property
    def identity(self) -> str:
        """Cached translations belong to these servers and languages (a server whose
        models change needs ``briefgen cache clear``)."""
        parts = ["libretranslate", self.source, self.target, *sorted(map(shown_url, self.urls))]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()

    def _error(self, message: str) -> TranslationError:
        """A one-line error with every secret taken out (a server may echo the key)."""
        for url in self.urls:
            message = message.replace(url, shown_url(url))
        for secret in self._secrets:
            if secret:
                message = message.replace(secret, "***")
        return TranslationError(message)

    def translate(self, texts: Sequence[str]) -> list[str]:
        if not texts:
            return []
        limit = self._limit()
        for text in texts:
            if len(_escaped(text)) > limit:
                raise self._error(
                    f"{self.urls[0]}: a text of {len(text):,} characters is over the "
                    f"server's limit of {limit:,} (its --char-limit)"
                )
        batches = _batches(list(texts), limit)
        done = 0
        results: list[list[str]] = []
        with ThreadPoolExecutor(min(self.in_flight, len(batches))) as pool:
            for batch, english in zip(
                batches, pool.map(self._translate_batch, batches), strict=True
            ):
                results.append(english)
                done += len(batch)
                if self.progress:
                    self.progress(done, len(texts))
        return [
            _undo_copied_stop(original, english)
            for original, english in zip(texts, (e for r in results for e in r), strict=True)
        ]

    def _limit(self) -> int:
        if self._char_limit is None:
            settings = self._request("GET", "/frontend/settings", None)
            limit = settings.get("charLimit") if isinstance(settings, dict) else None
            # -1 (or nothing) means no limit; batches stay modest all the same.
            self._char_limit = limit if isinstance(limit, int) and limit > 0 else 10**9
        return min(self._char_limit, 10**9)

    def _translate_batch(self, batch: list[str]) -> list[str]:
        # As "html", the text is translated as it is; as "text", LibreTranslate would
        # also copy the source's final punctuation onto the English and upper-case
        # all of it when the source's Latin letters are all capitals (EU, NATO).
        body: dict[str, Any] = {
            "q": [_escaped(text) for text in batch],
            "source": self.source,
            "target": self.target,
            "format": "html",
        }
        if self.key:
            body["api_key"] = self.key
        answer = self._request("POST", "/translate", body)
        english = answer.get("translatedText") if isinstance(answer, dict) else None
        if isinstance(english, str) and len(batch) == 1:
            english = [english]
        if not isinstance(english, list) or len(english) != len(batch):
            raise self._error(
                f"{self.urls[0]}: LibreTranslate answered {len(english or [])} "
                f"translations for {len(batch)} texts"
            )
        return [html.unescape(str(text)) for text in english]

    def _request(self, method: str, path: str, body: dict[str, Any] | None) -> Any:
        """One API call, retried across servers and over time; its JSON answer."""
        import urllib3

        pool = self._connections()
        failure = ""
        start = self._start()
        for attempt in range(self.retries + 1):
            url = self.urls[(start + attempt) % len(self.urls)]
            try:
                response = pool.request(method, url + path, json=body, retries=False)
            except urllib3.exceptions.HTTPError as exc:
                failure = f"{url}: {_connection_problem(exc)}"
            else:
                if response.status == 200:
                    try:
                        return response.json()
                    except ValueError:
                        raise self._error(
                            f"{url}: answered {path} with something that is not JSON; "
                            "is this a LibreTranslate server?"
                        ) from None
                problem = _problem(response, url, self.source, self.target)
                if response.status not in RETRY_STATUSES:
                    raise self._error(problem)
                failure = problem
                wait = _retry_after(response)
                if wait is not None and attempt < self.retries:
                    time.sleep(min(wait, 30.0))
                    continue
            if attempt < self.retries and (attempt + 1) % len(self.urls) == 0:
                # Every server tried this round: wait before the next one.
                round_number = attempt // len(self.urls)
                time.sleep(self.backoff * 2**round_number * (0.5 + random.random() / 2))
        raise self._error(f"{failure} (after {self.retries + 1} attempts)")

    def _start(self) -> int:
        """Servers in turn: each request starts at the next one; its retries move on
        from there (never back to the one that just failed)."""
        with self._lock:
            self._next_server = (self._next_server + 1) % len(self.urls)
            return self._next_server

    def _connections(self) -> Any:
        with self._lock:
            if self._pool is None:
                import urllib3

                self._pool = urllib3.PoolManager(
                    maxsize=self.in_flight,
                    timeout=urllib3.Timeout(connect=min(10.0, self.timeout), read=self.timeout),
                    headers={"User-Agent": "briefgen"},
                )
            return self._pool


def _escaped(text: str) -> str:
    return html.escape(text, quote=False)


def _batches(texts: list[str], limit: int) -> list[list[str]]:
    """Consecutive texts, each batch under ``limit`` characters as sent (escaped)
    and at most 64 texts."""
    batches: list[list[str]] = []
    size = 0
    for text in texts:
        length = len(_escaped(text))
        if batches and size + length <= limit and len(batches[-1]) < MAX_TEXTS_PER_REQUEST:
            batches[-1].append(text)
            size += length
        else:
            batches.append([text])
            size = length
    return batches


def _undo_copied_stop(original: str, english: str) -> str:
    """LibreTranslate's text mode copies a source's final 。 onto the English (briefgen
    asks in html mode, which does not; servers differ): make it a full stop."""
    stripped = english.rstrip()
    if stripped.endswith("。") and original.rstrip().endswith("。"):
        stripped = stripped[:-1].rstrip()
        if not stripped.endswith((".", "!", "?", '"', "'", ")", "”", "’")):
            stripped += "."
        return stripped
    return english


def _problem(response: Any, url: str, source: str, target: str) -> str:
    """One line for a refusal: what the server said, named the way a user acts on it."""
    try:
        said = str(response.json().get("error", "")).strip()
    except (ValueError, AttributeError):
        said = ""
    status = response.status
    if status == 403 or (status == 400 and "api key" in said.lower()):
        how = f"set {KEY_VARIABLE} or write the key to {key_file()}"
        return f"{url}: the server refused the API key ({said or status}); {how}"
    if status == 400 and any(code in said for code in (source, target)):
        return f"{url}: the server cannot translate {source}→{target} ({said})"
    if status == 429:
        return f"{url}: rate limited (429{': ' + said if said else ''})"
    if status >= 500:
        return f"{url}: server error {status}{': ' + said if said else ''}"
    return f"{url}: refused the request ({status}{': ' + said if said else ''})"


def _retry_after(response: Any) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def _connection_problem(exc: Exception) -> str:
    text = str(exc)
    if "Connection refused" in text or "NewConnectionError" in type(exc).__name__ + text:
        return "server down (connection refused)"
    if "timed out" in text.lower() or "Timeout" in type(exc).__name__:
        return "no answer in time (timed out)"
    if "reset" in text.lower() or "RemoteDisconnected" in text or "aborted" in text.lower():
        return "the connection was dropped"
    return f"cannot connect ({type(exc).__name__})"
