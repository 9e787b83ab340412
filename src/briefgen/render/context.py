"""The plain dict a template sees: what each renderer shares.

Template authors get strings and lists only, documented here:

``title``, ``classification`` ("" for none), ``date_text``, ``source_count_text``,
``news_text`` (what is new since the last briefing, "" without the desk's state),
``summary`` (the executive summary: per story of several sources, or per source in
none: ``title`` (a story's gist, or the source's title), ``text`` (a lone source's
lede), ``sources_text`` (the titles of a story's sources), ``points`` (a story's
merged points, each with ``sources_text`` naming its sources when more than one)),
``version``, ``translator``,
``skipped`` (list of "file (reason)"), ``any_translated`` (False when every source is
in English), and ``sources``, each with
``title.original/english``, ``date_text``, ``origin_name`` (file name, or the URL),
``origin_url`` (the URL a source came from, or ""), ``language_name``,
``translated`` (False for a source in English: show its text once),
``lede`` (points), ``sections`` (``heading`` or None, ``points``, and ``paragraphs``:
the points of each source paragraph joined, ``original``/``english``/``flag_text``),
``full_text`` (the same shape, every sentence), ``related`` (``label``, ``original``, ``english``),
``timeline`` (events in date order: ``date_text``, ``date``, ``resolution``, ``original``,
``english``, ``flag_text``), ``actors`` (most mentioned first: ``original``,
``english``, ``kind``, ``mentions``). The briefing's own ``timeline`` merges every source's,
in date order, each event with ``source_title``.
A point is ``original``, ``english``, ``kind``, ``score``, ``label`` (fact,
assessment, quote), ``speaker`` (English, or None), ``status`` (new, updated, reported against the
desk's state; "" without one) and ``label_text`` ("New · Quote, Russia"; empty for
facts reported before). Every bilingual text
(point, title, heading, link) also has ``flags`` (list of quality flags),
``flag_text`` ("low confidence; repetition", empty when unflagged) and
``confidence`` (0–1, or None).
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any

from briefgen.languages import language_name
from briefgen.model import Bilingual, Briefing, Event, Point, SectionPoints, SourceBriefing


def _is_url(origin: str) -> bool:
    return origin.startswith(("https://", "http://"))


def date_text(date: dt.date | None) -> str:
    """``11 September 2025``, or ``undated``."""
    return f"{date.day} {date:%B %Y}" if date else "undated"


def _bilingual(value: Bilingual) -> dict[str, Any]:
    return {
        "original": value.original,
        "english": value.english,
        "flags": list(value.flags),
        "flag_text": "; ".join(value.flags),
        "confidence": value.confidence,
    }


def _point(point: Point) -> dict[str, Any]:
    speaker = point.speaker.english or point.speaker.original if point.speaker else None
    label_text = ""  # facts go unmarked: they are the default
    if point.label == "assessment":
        label_text = "Assessment"
    elif point.label == "quote":
        label_text = f"Quote, {speaker}" if speaker else "Quote"
    # What is new since the last briefing (the desk's state) leads the label.
    status_text = {"new": "New", "updated": "Updated"}.get(point.status, "")
    label_text = " · ".join(text for text in (status_text, label_text) if text)
    return {
        **_bilingual(point.text),
        "kind": point.kind,
        "score": point.score,
        "label": point.label,
        "speaker": speaker,
        "label_text": label_text,
        "status": point.status,
        "earlier": point.earlier,  # an updated sentence's earlier wording, or ""
    }


def _sections(sections: tuple[SectionPoints, ...], language: str) -> list[dict[str, Any]]:
    return [
        {
            "heading": _bilingual(s.heading) if s.heading else None,
            "points": [_point(p) for p in s.points],
            "paragraphs": _paragraphs(s.points, language),
        }
        for s in sections
        if s.points
    ]


def _paragraphs(points: tuple[Point, ...], language: str) -> list[dict[str, Any]]:
    """Consecutive points of one paragraph joined: ``original``, ``english``, ``flags``,
    ``flag_text`` (Japanese and Chinese sentences join without a space)."""
    groups: list[list[Point]] = []
    for point in points:
        if groups and point.paragraph is not None and groups[-1][0].paragraph == point.paragraph:
            groups[-1].append(point)
        else:
            groups.append([point])
    glue = "" if language in ("ja", "zh") else " "
    joined = []
    for group in groups:
        flags = sorted({flag for p in group for flag in p.text.flags})
        joined.append(
            {
                "original": glue.join(p.text.original for p in group),
                "english": " ".join(p.text.english for p in group if p.text.english),
                "flags": flags,
                "flag_text": "; ".join(flags),
            }
        )
    return joined


def event_date_text(date: str) -> str:
    """An ISO date, year-month, year or range as a reader writes it (the ISO text
    itself if it cannot be read)."""
    try:
        return _event_date_text(date)
    except ValueError:
        return date


def _event_date_text(date: str) -> str:
    if "/" in date:
        start, end = date.split("/", 1)
        return f"{event_date_text(start)} – {event_date_text(end)}"
    if date.startswith("--"):
        month, _, day = date[2:].partition("-")
        when = dt.date(2000, int(month), int(day or 1))
        return f"{when.day} {when:%B}, year unknown" if day else f"{when:%B}, year unknown"
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return date_text(dt.date(*parts))
    if len(parts) == 2:
        return f"{dt.date(parts[0], parts[1], 1):%B} {parts[0]}"
    return str(parts[0])


def _event(event: Event) -> dict[str, Any]:
    return {
        **_bilingual(event.text),
        "date": event.date,
        "date_text": event_date_text(event.date),
        "resolution": event.resolution,
        "phrase": event.phrase,
    }


def _source(source: SourceBriefing) -> dict[str, Any]:
    return {
        "id": source.source_id,
        "title": _bilingual(source.title),
        "date_text": date_text(source.date),
        "origin_name": source.origin
        if _is_url(source.origin)
        else PurePath(source.origin).name or source.origin,
        "origin_url": source.origin if _is_url(source.origin) else "",
        "language_name": language_name(source.language),
        # False for a source already in English: its text appears once, not twice.
        "translated": source.language != "en",
        "gist": _bilingual(source.gist) if source.gist else None,
        "lede": [_point(p) for p in source.lede],
        "sections": _sections(source.sections, source.language),
        "full_text": _sections(source.full_text, source.language),
        "related": [
            {**_bilingual(link.title), "label": link.label.english} for link in source.related
        ],
        "timeline": [_event(e) for e in sorted(source.timeline, key=lambda e: e.sort_key)],
        "actors": [
            {**_bilingual(a.name), "kind": a.kind, "mentions": a.mentions}
            for a in sorted(source.actors, key=lambda a: -a.mentions)  # stable: first mention next
        ],
    }


def _summary(briefing: Briefing, titles: dict[str, str]) -> list[dict[str, Any]]:
    """The executive summary: one entry per story of several sources (its gist, who
    reported it, its merged points) and per source in no such story (its lede), in
    the order of their first source."""
    in_story = {sid: story for story in briefing.stories for sid in story.source_ids}
    entries: list[dict[str, Any]] = []
    done: set[int] = set()
    for source in briefing.sources:
        story = in_story.get(source.source_id)
        if story is None:
            entries.append(
                {
                    "title": (source.title.english or source.title.original).rstrip(" .。"),
                    "text": " ".join(p.text.english for p in source.lede if p.text.english),
                    "sources_text": "",
                    "points": [],
                }
            )
        elif id(story) not in done:
            done.add(id(story))
            names = [titles.get(sid, sid) for sid in story.source_ids]
            entries.append(
                {
                    # The template adds the full stop, as after a source's title.
                    "title": (story.gist.english or story.gist.original).rstrip(" .。"),
                    "text": "",
                    "sources_text": "; ".join(names),
                    "points": [
                        {
                            **_point(point),
                            "sources_text": "; ".join(titles.get(s, s) for s in point.sources)
                            if len(point.sources) > 1
                            else "",
                        }
                        for point in story.points
                        if (point.text.english or point.text.original)
                        and point.text.original != story.gist.original
                    ],
                }
            )
    return entries


def briefing_context(briefing: Briefing) -> dict[str, Any]:
    count = len(briefing.sources)
    titles = {s.source_id: s.title.english or s.title.original for s in briefing.sources}
    return {
        "title": briefing.title,
        "classification": briefing.classification,
        "date_text": date_text(briefing.date),
        "source_count_text": f"{count} source{'s' if count != 1 else ''}",
        "news_text": briefing.news.text() if briefing.news else "",
        "version": briefing.metadata.briefgen_version,
        "translator": briefing.metadata.translator,
        "skipped": [f"{s.origin} ({s.reason})" for s in briefing.skipped],
        "sources": [_source(s) for s in briefing.sources],
        "summary": _summary(briefing, titles),
        "any_translated": any(s.language != "en" for s in briefing.sources),
        "timeline": [{**_event(e), "source_title": titles[e.source_id]} for e in briefing.timeline],
    }
