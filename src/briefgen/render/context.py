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
``english``, ``flag_text``), ``coming_up`` (its events that begin after the briefing's
date), ``actors`` (most mentioned first: ``original``, ``english``, ``kind``,
``mentions``, ``role`` (English: "President", or ""), ``role_original`` (大統領),
``role_text`` (the role, else the kind; "" for ``other``), ``salience``) and
``top_actors`` (the same, the :data:`TOP_ACTORS` most salient). The briefing's own
``timeline`` merges every source's, in date order, each event with ``source_title``.

``first_page``: the briefing read in one minute, one entry per story of several
sources and per source in none, in the order of their first source: ``title`` (TEXT:
the source's title, or "2 sources"), ``sources_text`` (a story's source titles, ""
for one source), ``translated``, ``gist`` (TEXT: the point in one line), ``facts``
(up to :data:`FACTS` points labelled fact, the best scored, in the text's order; not
the gist's own sentence; each a complete sentence that states, no question, heading,
list row or fragment; for a source with headings, the best of each section first, so
page 1 covers its parts; a fact whose subject the text carries over from another name
than the source's main ones says it first, "OSIRIS: …", with ``subject``),
``assessments`` (up to :data:`ASSESSMENTS` assessments and quotes, complete and no
question put; the text's own conclusion, its last assessment that asks nothing, takes a
free place or a quote's, each with ``holder``: the speaker, else "the author" for an assessment
("the speaker" in a speech) and "unnamed" for a quote, and ``holder_text``: "Assessment, the
author"),
``coming_up`` (the :data:`COMING_UP` soonest events after the briefing's date, with
``source_title`` and, as facts, their subject first; empty when none),
``coming_up_more`` (how many more the timeline holds, 0 when none), ``actors`` (who
matters: the :data:`WHO_MATTERS` most salient, at most half of them places) and
``actors_text`` ("Putin (person) · Trump (President)").
A point is ``original``, ``english``, ``kind``, ``score``, ``label`` (fact,
assessment, quote), ``speaker`` (English, or None), ``status`` (new, updated, reported against the
desk's state; "" without one) and ``label_text`` ("New · Quote, Russia"; empty for
facts reported before). Every bilingual text
(point, title, heading, link) also has ``flags`` (list of quality flags),
``flag_text`` ("low confidence; repetition", empty when unflagged) and
``confidence`` (0–1, or None).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from briefgen.languages import language_name
from briefgen.model import (
    Actor,
    Bilingual,
    Briefing,
    Event,
    Point,
    SectionPoints,
    SourceBriefing,
    Story,
)
from briefgen.summarize.actors import ASKED
from briefgen.summarize.gist import sentence_role
from briefgen.summarize.labels import complete_statement, is_question
from briefgen.summarize.mentions import date_span

FACTS = 3  # key facts per entry of the first page
ASSESSMENTS = 2  # assessments and quotes per entry of the first page
WHO_MATTERS = 6  # actors per entry of the first page, at most half of them places
# Events of the first page's Coming up, the soonest: the rest are in the timeline.
COMING_UP = 5
TOP_ACTORS = 8  # actors in a source's main body (the full list goes to the appendix)


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


def _source(source: SourceBriefing, today: dt.date) -> dict[str, Any]:
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
            _actor(a)
            for a in sorted(source.actors, key=lambda a: -a.mentions)  # stable: first mention next
        ],
        "top_actors": [_actor(a) for a in _by_salience(source.actors)[:TOP_ACTORS]],
        "coming_up": [_event(e) for e in _coming_up(source.timeline, today)],
    }


def _actor(actor: Actor) -> dict[str, Any]:
    role = actor.role.english or actor.role.original if actor.role else ""
    return {
        **_bilingual(actor.name),
        "kind": actor.kind,
        "mentions": actor.mentions,
        "role": role,
        "role_original": actor.role.original if actor.role else "",
        # What the reader is told the actor is: its role, else its kind.
        "role_text": role or ("" if actor.kind == "other" else actor.kind),
        "salience": actor.salience,
    }


def _by_salience(actors: tuple[Actor, ...] | list[Actor]) -> list[Actor]:
    """Most salient first; on a tie, the most mentioned, then the first met."""
    return sorted(actors, key=lambda a: (-a.salience, -a.mentions))


def _who_matters(actors: list[Actor]) -> list[Actor]:
    """The :data:`WHO_MATTERS` most salient actors, at most half of them places, so
    the people and organizations who act are not crowded out by where they act, and no
    place or other name named only once (竹芝, 丸の内: where something happened; 安政,
    世界標準: things); not the press that reports the story (毎日新聞, 時事通信: a
    source, not an actor), and a name inside another one chosen (平田 in 平田信,
    宇宙開発委員会 in 文部科学省宇宙開発委員会) only once, as the more salient; the
    office a speech asks (:data:`~briefgen.summarize.actors.ASKED`) always."""
    chosen: list[Actor] = []
    places = 0
    for actor in _by_salience(actors):
        if _PRESS.search(actor.name.original) or any(_same_actor(actor, a) for a in chosen):
            continue
        if actor.kind == "place" and places >= WHO_MATTERS // 2:
            continue
        if actor.kind in ("place", "other") and actor.mentions < 2:
            continue  # named once: where something happened, or a thing, not who acts
        places += actor.kind == "place"
        chosen.append(actor)
        if len(chosen) == WHO_MATTERS:
            break
    # The office a speech asks (知事の見解を伺います) is among them, however seldom named:
    # who must answer matters as much as who asks.
    asked = next((a for a in actors if a.role and a.role.original == ASKED), None)
    if asked is not None and asked not in chosen:
        order = {id(a): n for n, a in enumerate(_by_salience(actors))}
        chosen = sorted([*chosen[: WHO_MATTERS - 1], asked], key=lambda a: order[id(a)])
    return chosen


# A news organization's name: who reports, not who acts.
_PRESS = re.compile(
    r"(?:新聞|新聞社|通信|通信社|日報|放送|テレビ)$|^(?:NHK|共同|時事|ロイター|AP|AFP)$"
)


def _same_actor(one: Actor, other: Actor) -> bool:
    """Whether one name is written inside the other (two characters or more) and they
    are one actor: of one kind, or a person's full name (パキスタン is not パキスタン
    人民党; 平田 is 平田信 whatever kind it was read as)."""
    shorter, longer = sorted((one, other), key=lambda a: len(a.name.original))
    inside = len(shorter.name.original) >= 2 and shorter.name.original in longer.name.original
    return inside and (shorter.kind == longer.kind or longer.kind == "person")


def _first_day(iso: str) -> dt.date | None:
    """The first day an ISO date, year-month, year or range can mean; ``None`` for a
    date without a year."""
    span = date_span(iso)
    return span[0] if span else None


def _coming_up(events: tuple[Event, ...] | list[Event], today: dt.date) -> list[Event]:
    """The events that begin after ``today`` (a month or year only when it begins
    after it: 2025-11 on 3 October 2025, not 2025-10), in date order."""
    later = [e for e in events if (first := _first_day(e.date)) is not None and first > today]
    return sorted(later, key=lambda e: e.sort_key)


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


def _first_page(briefing: Briefing, titles: dict[str, str]) -> list[dict[str, Any]]:
    """Page 1: one entry per story of several sources and per source in none, in the
    order of their first source (see the module docstring)."""
    in_story = {sid: story for story in briefing.stories for sid in story.source_ids}
    by_id = {s.source_id: s for s in briefing.sources}
    entries: list[dict[str, Any]] = []
    done: set[int] = set()
    for source in briefing.sources:
        story = in_story.get(source.source_id)
        if story is None:
            entries.append(_source_entry(source, briefing.date, titles))
        elif id(story) not in done:
            done.add(id(story))
            members = [by_id[sid] for sid in story.source_ids if sid in by_id]
            entries.append(_story_entry(story, members, briefing.date, titles))
    return entries


def _source_entry(source: SourceBriefing, today: dt.date, titles: dict[str, str]) -> dict[str, Any]:
    points = [*source.lede, *(p for section in source.sections for p in section.points)]
    gist = source.gist or (source.lede[0].text if source.lede else source.title)
    # The sentence the gist was made from is not said again as a fact.
    points = [p for p in points if not _same_statement(gist.original, p.text.original)]
    section_of = {
        sid: index
        for index, section in enumerate(source.full_text)
        for p in section.points
        for sid in p.sentence_ids
    }
    conclusion = _conclusion(source)
    if conclusion is not None and _same_statement(gist.original, conclusion.text.original):
        conclusion = None  # the gist says it already
    return _entry(
        conclusion=conclusion,
        title=source.title,
        sources_text="",
        gist=gist,
        translated=source.language != "en",
        points=points,
        language_of=lambda _: source.language,
        part_of=lambda p: section_of.get(p.sentence_ids[0], 0) if p.sentence_ids else 0,
        sizes={index: len(section.points) for index, section in enumerate(source.full_text)},
        holders={},
        spoken={source.source_id} if source.spoken else set(),
        events=[*source.timeline],
        actors=[*source.actors],
        today=today,
        titles=titles,
    )


def _story_entry(
    story: Story, members: list[SourceBriefing], today: dt.date, titles: dict[str, str]
) -> dict[str, Any]:
    # The story's one-line gist: its first source's (made within the budget), else its
    # best point.
    gist = next((s.gist for s in members if s.gist), story.gist)
    points = [
        p
        for p in story.points
        if p.text.original != story.gist.original
        and not _same_statement(gist.original, p.text.original)
    ]
    actors: dict[str, Actor] = {}  # one actor across the story's sources
    for member in members:
        for actor in member.actors:
            known = actors.get(actor.name.original)
            actors[actor.name.original] = (
                actor
                if known is None
                else dataclasses.replace(
                    known,
                    mentions=known.mentions + actor.mentions,
                    salience=known.salience + actor.salience,
                    role=known.role or actor.role,
                )
            )
    languages = {s.source_id: s.language for s in members}
    default = members[0].language if members else "en"
    events: dict[tuple[str, str], Event] = {}
    for member in members:
        for event in member.timeline:
            events.setdefault((event.date, event.text.original), event)
    return _entry(
        title=Bilingual(f"{len(members)} sources", f"{len(members)} sources"),
        sources_text="; ".join(titles.get(s.source_id, s.source_id) for s in members),
        gist=gist,
        translated=any(s.language != "en" for s in members),
        points=points,
        language_of=lambda p: languages.get(p.sources[0] if p.sources else "", default),
        part_of=lambda _: 0,
        sizes={},
        holders={s.source_id: titles.get(s.source_id, s.source_id) for s in members},
        spoken={s.source_id for s in members if s.spoken},
        events=list(events.values()),
        actors=list(actors.values()),
        today=today,
        titles=titles,
    )


def _entry(
    *,
    title: Bilingual,
    sources_text: str,
    gist: Bilingual,
    translated: bool,
    points: list[Point],
    language_of: Callable[[Point], str],
    part_of: Callable[[Point], int],
    sizes: dict[int, int],
    holders: dict[str, str],
    spoken: set[str],
    events: list[Event],
    actors: list[Actor],
    today: dt.date,
    titles: dict[str, str],
    conclusion: Point | None = None,
) -> dict[str, Any]:
    """One entry of page 1: the best facts and assessments (by the ranker's score, shown
    in the text's order; facts one per part first, ``part_of``, the biggest parts
    first, ``sizes``), what is coming up, and who matters. Only a complete sentence
    stands there alone (``language_of`` each point's language), and no signpost or
    greeting: a key fact states, so no question either; an assessment may be an ask
    (…でしょうか。) but no bare question (…？)."""

    def stands_alone(p: Point) -> bool:
        # A signpost (第二は、…であります) or a greeting says nothing of its own.
        language = language_of(p)
        return complete_statement(p.text.original, language) and (
            language != "ja" or sentence_role(p.text.original) not in ("signpost", "greeting")
        )

    upcoming = _coming_up(events, today)
    # A fact Coming up already tells (its event's clause) is not said twice on page 1.
    coming = [e.text.original for e in upcoming[:COMING_UP]]
    facts = _spread(
        [
            p
            for p in points
            if p.label == "fact"
            and stands_alone(p)
            and not is_question(p.text.original, language_of(p))
            and not any(_same_statement(event, p.text.original) for event in coming)
        ],
        FACTS,
        part_of,
        sizes,
    )
    judged = _best(
        [
            p
            for p in points
            if p.label in ("assessment", "quote")
            and stands_alone(p)
            and not is_question(p.text.original, language_of(p), marked_only=True)
        ],
        ASSESSMENTS,
    )
    quotes = [p for p in judged if p.label == "quote"]
    if (
        conclusion is not None
        and all(p.text.original != conclusion.text.original for p in judged)
        and (len(judged) < ASSESSMENTS or quotes)
    ):
        # What the text itself concludes takes a free place, or a quote's: page 1 says
        # what the author concludes, not only what others said.
        keep = [p for p in judged if p is not min(quotes, key=lambda q: q.score, default=None)]
        keep = keep[: ASSESSMENTS - 1]
        order = {p.text.original: i for i, p in enumerate(points)}
        judged = sorted([*keep, conclusion], key=lambda p: order.get(p.text.original, len(order)))
    who = _who_matters(actors)
    return {
        "title": _bilingual(title),
        "sources_text": sources_text,
        "translated": translated,
        "gist": _bilingual(gist),
        "facts": [_with_subject(_point(p), p.subject) for p in facts],
        "assessments": [
            {
                **_point(p),
                "holder": (holder := _holder(p, holders, spoken)),
                "holder_text": f"{'Quote' if p.label == 'quote' else 'Assessment'}, {holder}",
            }
            for p in judged
        ],
        "coming_up": [
            _with_subject(
                {**_event(e), "source_title": titles.get(e.source_id, e.source_id)}, e.subject
            )
            for e in upcoming[:COMING_UP]
        ],
        "coming_up_more": max(0, len(upcoming) - COMING_UP),
        "actors": [_actor(a) for a in who],
        "actors_text": " · ".join(
            (a.name.english or a.name.original)
            + (f" ({role})" if (role := _actor(a)["role_text"]) else "")
            for a in who
        ),
    }


def _conclusion(source: SourceBriefing) -> Point | None:
    """The text's conclusion: its last assessment that stands alone and asks nothing
    (政局は不安定になると見られる, 必要にあわせて買うのがいいだろう); a speech's closing ask
    (…見解を求めます) is one more question, not what it concludes."""
    for section in reversed(source.full_text):
        for p in reversed(section.points):
            if p.label != "assessment":
                continue
            text = p.text.original
            if not complete_statement(text, source.language) or is_question(text, source.language):
                return None
            if source.language == "ja" and sentence_role(text) in ("ask", "signpost", "greeting"):
                return None
            return p
    return None


def _best(points: list[Point], count: int) -> list[Point]:
    """The ``count`` best-scored points, in the order given (the text's)."""
    chosen = {id(p) for p in sorted(points, key=lambda p: -p.score)[:count]}
    return [p for p in points if id(p) in chosen]


def _spread(
    points: list[Point], count: int, part_of: Callable[[Point], int], sizes: dict[int, int]
) -> list[Point]:
    """The ``count`` best-scored points, the best of each part first, the parts the
    text spends most sentences on (``sizes``) first: a text under headings (an
    explainer, a report in chapters) shows its main parts, not its one best part
    three times. In the order given."""
    ranked = sorted(points, key=lambda p: -p.score)
    firsts: dict[int, Point] = {}
    for p in ranked:
        firsts.setdefault(part_of(p), p)
    by_size = sorted(firsts, key=lambda part: (-sizes.get(part, 0), -firsts[part].score))
    chosen = [firsts[part] for part in by_size][:count]
    chosen += [p for p in ranked if all(p is not c for c in chosen)][: count - len(chosen)]
    return [p for p in points if any(p is c for c in chosen)]


# A name written in a script without spaces takes the full-width colon.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _with_subject(entry: dict[str, Any], subject: Bilingual | None) -> dict[str, Any]:
    """A page-1 fact or event that leaves out its subject, carried over from another
    name than the source's main ones, says it first: "OSIRIS: the target is…"."""
    if subject is None:
        return {**entry, "subject": None}
    colon = "：" if _CJK.search(subject.original) else ": "
    english = subject.english or subject.original
    return {
        **entry,
        "original": f"{subject.original}{colon}{entry['original']}",
        "english": f"{english}: {entry['english']}" if entry["english"] else "",
        "subject": _bilingual(subject),
    }


def _holder(point: Point, sources: dict[str, str], spoken: set[str]) -> str:
    """Who holds an assessment or says a quote: the speaker the text names, else the
    author (of which source, in a story; ``sources``: their titles by id, empty for a
    lone source), who of a speech (``spoken``: the ids of the speeches) is its speaker."""
    if point.speaker:
        return point.speaker.english or point.speaker.original
    if point.label == "quote":
        return "unnamed"
    if not sources:
        return "the speaker" if spoken else "the author"
    own = next((s for s in point.sources if s in sources), "")
    who = "the speaker" if own in spoken else "the author"
    return f"{who} of {sources[own]}" if own and len(sources) > 1 else who


def _same_statement(gist: str, text: str) -> bool:
    """Whether ``text`` is the sentence (or one of the sentences) a gist was made
    from: most of one of the gist's sentences' character pairs are in it."""
    pairs_in_text = {text[k : k + 2] for k in range(len(text) - 1)}
    for sentence in re.split(r"(?<=[。.!?！？])\s*", gist):
        pairs = {sentence[k : k + 2] for k in range(len(sentence) - 1)}
        if len(pairs) >= 4 and len(pairs & pairs_in_text) >= 0.6 * len(pairs):
            return True
    return False


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
        "sources": [_source(s, briefing.date) for s in briefing.sources],
        "first_page": _first_page(briefing, titles),
        "summary": _summary(briefing, titles),
        "any_translated": any(s.language != "en" for s in briefing.sources),
        "timeline": [{**_event(e), "source_title": titles[e.source_id]} for e in briefing.timeline],
    }
