"""A persistent translation cache: SQLite in the user's cache folder.

Each row is one text translated by one model with one set of decoding options:
the key is a hash of the translator's identity (package metadata, model size,
beam size, ...) and the text, so a new model or new options never reuse old
translations. WAL mode and a busy timeout make it safe for several briefgen
processes at once. The file is capped (``BRIEFGEN_CACHE_MB``, default 200 MB):
past the cap, the least recently used rows go.

The cache never takes a briefing down: if the file cannot be opened or written
(read-only folder, corrupt file, disk full), briefgen warns once and translates
without it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.translate.locations import cache_dir

log = logging.getLogger("briefgen")
DEFAULT_MAX_MB = 200
FILE_NAME = "translations.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations_v2 (
    key BLOB PRIMARY KEY,
    english TEXT NOT NULL,
    log_prob REAL,
    truncated INTEGER NOT NULL DEFAULT 0,
    used REAL NOT NULL,
    size INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS translations_v2_used ON translations_v2 (used);
"""
_TABLE = "translations_v2"


@dataclass(frozen=True)
class CachedText:
    """A cached translation and its length-normalized log-probability (if known)."""

    english: str
    log_prob: float | None
    truncated: bool = False


@dataclass(frozen=True)
class CacheInfo:
    """What ``briefgen cache info`` shows."""

    path: Path
    entries: int
    bytes: int
    max_bytes: int


# How often opening is tried when another process is creating the file (see _db).
_OPEN_TRIES = 5


def default_path() -> Path:
    return cache_dir() / FILE_NAME


def _max_bytes() -> int:
    try:
        return int(float(os.environ.get("BRIEFGEN_CACHE_MB", DEFAULT_MAX_MB)) * 1_000_000)
    except (ValueError, OverflowError):
        return DEFAULT_MAX_MB * 1_000_000


def _row_size(text: str, english: str) -> int:
    """Bytes a row takes, roughly: both texts in UTF-8 plus key and bookkeeping."""
    return len(text.encode()) + len(english.encode()) + 64


def _key(identity: str, text: str) -> bytes:
    return hashlib.sha256(f"{identity}\0{text}".encode()).digest()


class TranslationCache:
    """Look up and store translations for one translator identity at a time.

    Every operation that meets an unusable database (corrupt, locked past the busy
    timeout, read-only, disk full) logs one warning and carries on as if the cache
    were empty; the briefing never fails because of it.
    """

    def __init__(self, path: str | Path | None = None, *, max_bytes: int | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.max_bytes = max_bytes if max_bytes is not None else _max_bytes()
        self._connection: sqlite3.Connection | None = None
        self._broken = False

    def _db(self) -> sqlite3.Connection | None:
        """The open database, or ``None`` once it has failed."""
        if self._broken:
            return None
        for attempt in range(_OPEN_TRIES):
            if self._connection is not None:
                break
            connection: sqlite3.Connection | None = None
            started = time.monotonic()
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.executescript(_SCHEMA)
                self._connection = connection
            except sqlite3.OperationalError as exc:
                if connection is not None:
                    connection.close()
                # Processes that create the file at once: switching it to WAL can
                # meet "database is locked" at once, without the busy timeout; a lock
                # held past the timeout is given up on, as any other failure.
                waited = time.monotonic() - started
                if "locked" not in str(exc) or waited >= 1 or attempt == _OPEN_TRIES - 1:
                    self._give_up(exc)
                    return None
                time.sleep(0.05 * 2**attempt)
            except (sqlite3.Error, OSError) as exc:
                if connection is not None:
                    connection.close()
                self._give_up(exc)
                return None
        return self._connection

    def _give_up(self, exc: Exception) -> None:
        self._broken = True
        self.close()
        log.warning("translation cache %s unusable, continuing without it (%s)", self.path, exc)

    def get(self, identity: str, texts: Sequence[str]) -> dict[str, CachedText]:
        """The cached translations of ``texts`` (those that are cached)."""
        found: dict[str, CachedText] = {}
        db = self._db()
        if db is None or not texts:
            return found
        keys = {_key(identity, t): t for t in texts}
        key_list = list(keys)
        now = time.time()
        try:
            for start in range(0, len(key_list), 500):  # SQLite's variable limit
                chunk = key_list[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, english, log_prob, truncated FROM {_TABLE} "
                    f"WHERE key IN ({marks})",
                    chunk,
                ).fetchall()
                for key, english, log_prob, truncated in rows:
                    found[keys[key]] = CachedText(english, log_prob, bool(truncated))
                if rows:
                    db.executemany(
                        f"UPDATE {_TABLE} SET used = ? WHERE key = ?",
                        [(now, row[0]) for row in rows],
                    )
        except sqlite3.Error as exc:
            self._give_up(exc)
            return {}
        return found

    def put(self, identity: str, items: Iterable[tuple[str, CachedText]]) -> None:
        """Store translations, then evict the least recently used rows past the cap."""
        now = time.time()
        rows = [
            (
                _key(identity, t),
                c.english,
                c.log_prob,
                int(c.truncated),
                now,
                _row_size(t, c.english),
            )
            for t, c in items
        ]
        db = self._db()
        if db is None or not rows:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany(f"INSERT OR REPLACE INTO {_TABLE} VALUES (?, ?, ?, ?, ?, ?)", rows)
                self._evict(db)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            self._give_up(exc)

    def _evict(self, db: sqlite3.Connection) -> None:
        (total,) = db.execute(f"SELECT COALESCE(SUM(size), 0) FROM {_TABLE}").fetchone()
        if total <= self.max_bytes:
            return
        excess = total - int(self.max_bytes * 0.9)  # make room for a while, not one row
        # Oldest first, until the rows deleted add up to the excess.
        db.execute(
            f"DELETE FROM {_TABLE} WHERE key IN (SELECT key FROM ("
            f" SELECT key, SUM(size) OVER (ORDER BY used, key) - size AS before"
            f" FROM {_TABLE}) WHERE before < ?)",
            (excess,),
        )

    def info(self) -> CacheInfo:
        if not self.path.exists():
            return CacheInfo(self.path, 0, 0, self.max_bytes)
        db = self._db()
        try:
            if db is not None:
                entries, size = db.execute(
                    f"SELECT COUNT(*), COALESCE(SUM(size), 0) FROM {_TABLE}"
                ).fetchone()
                return CacheInfo(self.path, entries, size, self.max_bytes)
        except sqlite3.Error as exc:
            self._give_up(exc)
        return CacheInfo(self.path, 0, 0, self.max_bytes)

    def clear(self) -> int:
        """Delete every cached translation; the number deleted. A cache file that
        cannot be read is deleted whole."""
        db = self._db()
        try:
            if db is not None:
                (entries,) = db.execute(f"SELECT COUNT(*) FROM {_TABLE}").fetchone()
                db.execute(f"DELETE FROM {_TABLE}")
                db.execute("VACUUM")
                return int(entries)
        except sqlite3.Error as exc:
            self._give_up(exc)
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        return 0

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
            finally:
                self._connection = None
