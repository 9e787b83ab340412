"""What is new since the last briefing: a small SQLite record of what briefings held.

A source is known by where it came from (its path or URL) and its content (a hash of
its title and sentences): unseen → new; seen with other content → updated (edited
since); seen as it is → already reported. A point is known by its original text,
normalized (NFKC, no spaces or punctuation): seen in any earlier briefing → already
reported; otherwise new, or updated when its source is. The record is written only
after a briefing reached its reader (sent, or written where nothing is sent), in one
transaction, with a hash of the file delivered: a briefing file whose hash is not
recorded was never delivered, and the next run is a retry. A state opened
``read_only`` (a preview) is never written, not even created. A state file that
cannot be read is moved aside (``….corrupt-<time>``) and a new one started, never fatal.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import os
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from briefgen.model import Briefing, News, Point, SectionPoints, SourceBriefing, Story

B = TypeVar("B", bound=Briefing)  # marking keeps the kind of briefing it was given

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (origin TEXT PRIMARY KEY, content TEXT NOT NULL,
                                    first_reported TEXT NOT NULL, last_reported TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS points (text_key TEXT PRIMARY KEY, first_reported TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS briefings (date TEXT NOT NULL, recorded_at REAL NOT NULL,
                                      sources INTEGER NOT NULL, points INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS deliveries (output TEXT PRIMARY KEY, digest TEXT NOT NULL,
                                       recorded_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS sentences (origin TEXT NOT NULL, text_key TEXT NOT NULL,
                                      text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sentences_of ON sentences (origin);
"""


TIMEOUT = 30.0  # seconds to wait for another briefgen holding the state


def default_path() -> Path:
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "briefgen" / "desk-state.sqlite"


def point_key(text: str) -> str:
    """A point's text as it is compared: NFKC, lower case, letters and digits, and the
    signs that belong to a number (1.5 is not 15, -0.1 is not 0.1)."""
    from briefgen.translate.memory import near_key

    return near_key(text)


def source_content(source: SourceBriefing) -> str:
    """A hash of what a source says: its title and every sentence, in order."""
    digest = hashlib.sha256(source.title.original.encode())
    for section in source.full_text:
        for point in section.points:
            digest.update(b"\0" + point.text.original.encode())
    return digest.hexdigest()


class DeskState:
    """The record at ``path`` (default: ``desk-state.sqlite`` in the user's data folder).

    ``warn`` is told, in one line, when a corrupt file was set aside. ``read_only``:
    marks what is new but never writes (a missing file is an empty record).
    """

    def __init__(
        self,
        path: str | Path | None = None,
        warn: Callable[[str], None] | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path) if path else default_path()
        self.warn = warn or (lambda message: None)
        self.read_only = read_only

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            return self._connect_read_only()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for attempt in (1, 2):
            connection = sqlite3.connect(self.path, timeout=TIMEOUT)
            try:
                connection.executescript(_SCHEMA)
                connection.execute("SELECT origin, content FROM sources LIMIT 1").fetchall()
                return connection
            except sqlite3.DatabaseError as exc:
                connection.close()
                # Only a file that is not a database is set aside; a locked one waits.
                unreadable = "not a database" in str(exc) or "malformed" in str(exc)
                if attempt == 2 or not unreadable:
                    raise
                aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
                os.replace(self.path, aside)
                self.warn(
                    f"{self.path}: unreadable ({exc}); set aside as {aside.name}, starting anew"
                )
        raise AssertionError("unreachable")

    def _connect_read_only(self) -> sqlite3.Connection:
        """The file as it is (``mode=ro``: SQLite writes nothing), or an empty record
        in memory where there is none yet; tables an older briefgen lacked are added
        in a temporary schema, never to the file."""
        if not self.path.exists():
            connection = sqlite3.connect(":memory:")
            connection.executescript(_SCHEMA)
            return connection
        uri = f"file:{urllib.parse.quote(str(self.path.resolve()))}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=TIMEOUT)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            connection.executescript(
                "".join(
                    statement.replace("CREATE TABLE IF NOT EXISTS ", "CREATE TEMP TABLE ") + ";"
                    for statement in _SCHEMA.split(";")
                    # (an index is no use to a temporary table a preview reads once)
                    if statement.strip()
                    and statement.split()[1] == "TABLE"
                    and statement.split()[5] not in tables
                )
            )
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    @contextlib.contextmanager
    def _database(self, *, reading: bool = False) -> Iterator[sqlite3.Connection]:
        """A connection in one transaction (committed on success), closed after.
        ``reading``: a state not there yet is not created (only recording creates it)."""
        if reading and not self.path.exists():
            connection = self._connect_read_only()
        else:
            connection = self._connect()
        try:
            with connection:
                yield connection
        finally:
            connection.close()

    def mark(self, briefing: B, *, only_new: bool = False) -> B:
        """``briefing`` with each source and point marked new, updated or reported, and
        its :class:`News`; with ``only_new``, without what was already reported."""
        with self._database(reading=True) as db:
            known = dict(db.execute("SELECT origin, content FROM sources").fetchall())
            seen_content = set(known.values())
            last = db.execute("SELECT max(date) FROM briefings").fetchone()[0]

            def seen(point: Point) -> bool:
                key = point_key(point.text.original)
                found = db.execute("SELECT 1 FROM points WHERE text_key = ?", (key,)).fetchone()
                return found is not None

            counts = dict.fromkeys(("new", "updated", "reported"), 0)
            point_counts = dict.fromkeys(("new", "updated", "reported"), 0)
            marked: list[SourceBriefing] = []
            for source in briefing.sources:
                content = source_content(source)
                where = _identity(source)
                if known.get(where) == content or (where not in known and content in seen_content):
                    status = "reported"
                elif where in known:
                    status = "updated"
                else:
                    status = "new"
                counts[status] += 1

                def mark_point(point: Point, source_status: str = status) -> Point:
                    point_status = "reported" if seen(point) else source_status
                    if source_status == "reported":
                        point_status = "reported"
                    return dataclasses.replace(point, status=point_status)

                lede = tuple(mark_point(p) for p in source.lede)
                sections = tuple(
                    SectionPoints(s.heading, tuple(mark_point(p) for p in s.points))
                    for s in source.sections
                )
                if status == "updated":
                    earlier = dict(
                        db.execute(
                            "SELECT text_key, text FROM sentences WHERE origin = ?", (where,)
                        ).fetchall()
                    )
                    sections = _with_changes(source, lede, sections, earlier)
                for point in (*lede, *(p for s in sections for p in s.points)):
                    point_counts[point.status] += 1
                if only_new:
                    if status == "reported":
                        continue
                    lede = tuple(p for p in lede if p.status != "reported")
                    sections = tuple(
                        SectionPoints(
                            s.heading, tuple(p for p in s.points if p.status != "reported")
                        )
                        for s in sections
                    )
                marked.append(
                    dataclasses.replace(source, lede=lede, sections=sections, status=status)
                )
            statuses = {source.source_id: source.status for source in marked}
            stories = []
            for story in briefing.stories:
                ids = tuple(sid for sid in story.source_ids if sid in statuses)
                points = tuple(
                    dataclasses.replace(
                        point,
                        status="reported"
                        if seen(point)
                        else max((statuses.get(s, "reported") for s in point.sources), key=_rank),
                    )
                    for point in story.points
                )
                if only_new:
                    points = _unreported(points)
                if len(ids) > 1 and points:
                    gist = story.gist
                    if only_new and gist.original not in {p.text.original for p in points}:
                        gist = points[0].text
                    stories.append(Story(gist, ids, points))
        news = News(
            since=dt.date.fromisoformat(last) if last else None,
            new_sources=counts["new"],
            updated_sources=counts["updated"],
            reported_sources=counts["reported"],
            new_points=point_counts["new"],
            updated_points=point_counts["updated"],
            reported_points=point_counts["reported"],
            left_out=only_new,
        )
        if news.since is None:  # the first briefing: everything is new, nothing to mark
            marked = [_unmarked(source) for source in marked]
            stories = [
                dataclasses.replace(s, points=tuple(_status(p, "") for p in s.points))
                for s in stories
            ]
        return dataclasses.replace(
            briefing, sources=tuple(marked), news=news, stories=tuple(stories)
        )

    def record(
        self, briefing: Briefing, full: Briefing | None = None, *, delivered: Path | None = None
    ) -> None:
        """Remember what ``full`` (default: ``briefing``) held, once it reached its
        reader; ``delivered``: the file that did (its hash tells a retry apart)."""
        if self.read_only:
            raise sqlite3.OperationalError(f"{self.path}: opened read-only (a preview)")
        whole = full or briefing
        today = dt.date.today().isoformat()  # "since" is when the last briefing was made
        with self._database() as db:
            if delivered is not None:
                db.execute(
                    "INSERT OR REPLACE INTO deliveries VALUES (?, ?, ?)",
                    (_output_key(delivered), file_digest(delivered), time.time()),
                )
            points = 0
            for source in whole.sources:
                db.execute(
                    "INSERT INTO sources VALUES (?, ?, ?, ?) ON CONFLICT(origin) DO UPDATE "
                    "SET content = excluded.content, last_reported = excluded.last_reported",
                    (_identity(source), source_content(source), today, today),
                )
                for point in (*source.lede, *(p for s in source.sections for p in s.points)):
                    points += 1
                    db.execute(
                        "INSERT OR IGNORE INTO points VALUES (?, ?)",
                        (point_key(point.text.original), today),
                    )
                # Every sentence, so that the next version shows what changed.
                db.execute("DELETE FROM sentences WHERE origin = ?", (_identity(source),))
                db.executemany(
                    "INSERT INTO sentences VALUES (?, ?, ?)",
                    [
                        (_identity(source), point_key(p.text.original), p.text.original)
                        for group in source.full_text
                        for p in group.points
                    ],
                )
            db.execute(
                "INSERT INTO briefings VALUES (?, ?, ?, ?)",
                (today, time.time(), len(whole.sources), points),
            )

    def undelivered(self, output: Path) -> bool:
        """Whether ``output`` is a briefing a run wrote but never saw delivered: it
        exists, carries briefgen's mark, and its hash is not the one recorded for it."""
        from briefgen._mark import read_mark

        if not output.is_file() or read_mark(output) is None:
            return False
        with self._database(reading=True) as db:
            row = db.execute(
                "SELECT digest FROM deliveries WHERE output = ?", (_output_key(output),)
            ).fetchone()
        return row is None or row[0] != file_digest(output)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _output_key(path: Path) -> str:
    return str(path.resolve())


# At most this many changed sentences of one updated source become points: a source
# rewritten from top to bottom is better read in full (its appendix) than as a list.
MAX_CHANGED_POINTS = 8
# How alike a changed sentence and a sentence the earlier version lost must be for the
# one to be the other's new wording (difflib's ratio): below it, the sentence is new.
SAME_SENTENCE_RATIO = 0.5


def _with_changes(
    source: SourceBriefing,
    lede: tuple[Point, ...],
    sections: tuple[SectionPoints, ...],
    earlier: dict[str, str],
) -> tuple[SectionPoints, ...]:
    """``sections`` with the updated ``source``'s new and changed sentences added as
    points marked "updated" (each with the wording it replaced, where there is one),
    in document order. ``earlier``: the earlier version's sentences by key; empty
    (a state recorded before sentences were kept) adds nothing."""
    if not earlier:
        return sections
    import difflib

    shown = {point_key(p.text.original) for p in (*lede, *(p for s in sections for p in s.points))}
    order: dict[str, int] = {}
    now: set[str] = set()
    changed: list[tuple[int, Point]] = []
    for index, group in enumerate(source.full_text):
        for point in group.points:
            key = point_key(point.text.original)
            order[point.sentence_ids[0] if point.sentence_ids else key] = len(order)
            now.add(key)
            if key not in earlier and key not in shown:
                changed.append((index, point))
    lost = [text for key, text in earlier.items() if key not in now]
    added: dict[int, list[Point]] = {}
    for index, point in changed[:MAX_CHANGED_POINTS]:
        before = ""
        best = SAME_SENTENCE_RATIO
        for text in lost:
            ratio = difflib.SequenceMatcher(None, point.text.original, text).ratio()
            if ratio >= best:
                before, best = text, ratio
        where = index if index < len(sections) else len(sections) - 1
        added.setdefault(where, []).append(
            dataclasses.replace(point, kind="key_point", status="updated", earlier=before)
        )
    if not added or not sections:
        return sections

    def position(point: Point) -> int:
        return order.get(point.sentence_ids[0], len(order)) if point.sentence_ids else len(order)

    return tuple(
        SectionPoints(s.heading, tuple(sorted((*s.points, *added.get(i, ())), key=position)))
        for i, s in enumerate(sections)
    )


def _identity(source: SourceBriefing) -> str:
    """Where a source came from, and its name: pages sharing one canonical URL (or
    every stdin source) are still told apart."""
    return f"{source.origin}#{source.source_id}"


def _status(point: Point, status: str) -> Point:
    return dataclasses.replace(point, status=status)


def _unmarked(source: SourceBriefing) -> SourceBriefing:
    return dataclasses.replace(
        source,
        lede=tuple(_status(p, "") for p in source.lede),
        sections=tuple(
            SectionPoints(s.heading, tuple(_status(p, "") for p in s.points))
            for s in source.sections
        ),
    )


def _rank(status: str) -> int:
    """new over updated over reported: a point several sources make is as new as its
    newest source."""
    return {"reported": 0, "updated": 1, "new": 2}.get(status, 0)


def _unreported(points: tuple[Point, ...]) -> tuple[Point, ...]:
    return tuple(p for p in points if p.status != "reported")
