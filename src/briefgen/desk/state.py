"""What is new since the last briefing: a small SQLite record of what briefings held.

A source is known by where it came from (its path or URL) and its content (a hash of
its title and sentences): unseen → new; seen with other content → updated (edited
since); seen as it is → already reported. A point is known by its original text,
normalized (NFKC, no spaces or punctuation): seen in any earlier briefing → already
reported; otherwise new, or updated when its source is. The record is written only
after a briefing was written, in one transaction; a state file that cannot be read is
moved aside (``….corrupt-<time>``) and a new one started, never fatal.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from briefgen.model import Briefing, News, Point, SectionPoints, SourceBriefing, Story

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (origin TEXT PRIMARY KEY, content TEXT NOT NULL,
                                    first_reported TEXT NOT NULL, last_reported TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS points (text_key TEXT PRIMARY KEY, first_reported TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS briefings (date TEXT NOT NULL, recorded_at REAL NOT NULL,
                                      sources INTEGER NOT NULL, points INTEGER NOT NULL);
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

    ``warn`` is told, in one line, when a corrupt file was set aside.
    """

    def __init__(
        self, path: str | Path | None = None, warn: Callable[[str], None] | None = None
    ) -> None:
        self.path = Path(path) if path else default_path()
        self.warn = warn or (lambda message: None)

    def _connect(self) -> sqlite3.Connection:
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

    @contextlib.contextmanager
    def _database(self) -> Iterator[sqlite3.Connection]:
        """A connection in one transaction (committed on success), closed after."""
        connection = self._connect()
        try:
            with connection:
                yield connection
        finally:
            connection.close()

    def mark(self, briefing: Briefing, *, only_new: bool = False) -> Briefing:
        """``briefing`` with each source and point marked new, updated or reported, and
        its :class:`News`; with ``only_new``, without what was already reported."""
        with self._database() as db:
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

    def record(self, briefing: Briefing, full: Briefing | None = None) -> None:
        """Remember what ``full`` (default: ``briefing``) held, after it was written."""
        whole = full or briefing
        today = dt.date.today().isoformat()  # "since" is when the last briefing was made
        with self._database() as db:
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
            db.execute(
                "INSERT INTO briefings VALUES (?, ?, ?, ?)",
                (today, time.time(), len(whole.sources), points),
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
