"""The data that flows between the stages: plain, frozen dataclasses.

Character spans are ``(start, end)`` offsets into ``Source.text``, so
``source.text[start:end]`` is always the exact text they name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True)
class Bilingual:
    """A text in the source language and its English translation, kept together.

    ``flags`` name what makes the translation doubtful (``empty``, ``untranslated``,
    ``repetition``, ``length``, ``low confidence``; see :mod:`briefgen.translate.quality`);
    ``confidence`` is the model's geometric-mean token probability (0–1), ``None``
    when there is none (English sources, glossary terms, backends without scores).
    """

    original: str
    english: str
    flags: tuple[str, ...] = ()
    confidence: float | None = None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a source's text and where it is in ``Source.text``."""

    text: str
    span: Span


@dataclass(frozen=True)
class Section:
    """A run of paragraphs under one heading (``None`` for the text before the first)."""

    heading: str | None
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class RelatedLink:
    """A pointer to another article (``【併せて読む】…``): listed, never summarized."""

    label: str
    text: str


@dataclass(frozen=True)
class Source:
    """One ingested document, cleaned and split into sections."""

    id: str
    origin: str
    title: str
    date: dt.date | None
    language: str
    text: str
    sections: tuple[Section, ...]
    related: tuple[RelatedLink, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """One sentence: its id (``s1``, ``s2``… within its source), text, the index of its
    section and of its paragraph (counted over the whole source), and its exact span in
    ``Source.text``."""

    id: str
    text: str
    section: int
    paragraph: int
    span: Span


@dataclass(frozen=True)
class Point:
    """One point of a briefing, with the ids of the sentences it was made from.

    ``label``: ``fact`` (reported as so), ``assessment`` (the author's judgement or
    speculation) or ``quote`` (someone's words); ``speaker``: who, for a quote whose
    speaker the text names; ``paragraph``: the index of its paragraph in the source;
    ``subject``: whom or what the sentence is about when it leaves that out and it is
    not the source's main subject (:mod:`briefgen.summarize.subjects`), else None.
    """

    kind: str  # "lede" | "key_point" | "sentence"
    text: Bilingual
    sentence_ids: tuple[str, ...]
    score: float
    label: str = "fact"
    speaker: Bilingual | None = None
    paragraph: int | None = None
    status: str = ""  # "new", "updated" or "reported" against the desk's state; "" unknown
    sources: tuple[str, ...] = ()  # a point merged across a story: every source's id
    # An updated source's changed sentence: the wording the earlier briefing held
    # (original language); "" for a sentence that is new, or any other point.
    earlier: str = ""
    subject: Bilingual | None = None


@dataclass(frozen=True)
class Event:
    """A dated statement: when, how the date was resolved, and the sentence it dates.

    ``date`` is ISO 8601: ``2024-07-21``, ``2024-07`` (year-month), ``1943`` (year),
    ``2025-08-31/2025-09-03`` (a range), or ``--08-15`` when no year could be found.
    ``resolution``: ``explicit`` (the text gives the year), ``carried`` (from an
    earlier mention: 同年, a nearby year), ``relative`` (from the source's date:
    昨年, or a month-day placed before it), ``unresolved``. ``phrase`` is the date as
    written; ``text`` the sentence, original and English; ``subject``: as a
    :class:`Point`'s, the subject the sentence leaves out when it is not the main one.
    """

    date: str
    resolution: str
    phrase: str
    sentence_id: str
    text: Bilingual
    source_id: str
    subject: Bilingual | None = None

    @property
    def sort_key(self) -> tuple[int, str]:
        """Dated events in date order; events without a year last."""
        return (1 if self.date.startswith("--") else 0, self.date)


@dataclass(frozen=True)
class Actor:
    """A person, place or organization the source names: its name in both languages,
    ``kind`` (``person``, ``place``, ``organization``, ``other``), how many times it is
    mentioned, and the sentence that first mentions it (``"title"`` for an actor that
    only the title names); ``role``: the title the text writes next to a person's name
    (大統領 / President; ``None`` for none); ``salience``: how much it matters to a
    reader (:func:`briefgen.summarize.actors.salience`: mentions, headline, lede, an
    early first mention)."""

    name: Bilingual
    kind: str
    mentions: int
    first_sentence_id: str
    role: Bilingual | None = None
    salience: float = 0.0


@dataclass(frozen=True)
class SectionPoints:
    """The points of one section of a source, under its heading (``None`` for the
    text before the first heading)."""

    heading: Bilingual | None
    points: tuple[Point, ...]


@dataclass(frozen=True)
class RelatedReading:
    """A related-article line, translated: ``label`` is e.g. 併せて読む / Read also."""

    label: Bilingual
    title: Bilingual


@dataclass(frozen=True)
class SourceBriefing:
    """Everything the briefing says about one source."""

    source_id: str
    origin: str
    language: str
    title: Bilingual
    date: dt.date | None
    lede: tuple[Point, ...]
    sections: tuple[SectionPoints, ...]
    full_text: tuple[SectionPoints, ...]
    related: tuple[RelatedReading, ...]
    sentence_count: int
    timeline: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    status: str = ""  # "new", "updated" or "reported" against the desk's state; "" unknown
    gist: Bilingual | None = None  # the point in one line, within Options.gist_chars
    spoken: bool = False  # a speech: its assessments no one else is named for are the speaker's


@dataclass(frozen=True)
class News:
    """What a briefing holds that earlier ones did not (see :mod:`briefgen.desk.state`):
    sources and points counted as new, updated (a source edited since) or already
    reported; ``since``: the date of the last briefing recorded, None for the first."""

    since: dt.date | None
    new_sources: int = 0
    updated_sources: int = 0
    reported_sources: int = 0
    new_points: int = 0
    updated_points: int = 0
    reported_points: int = 0
    left_out: bool = False  # --only-new: what was already reported is not in the briefing

    @property
    def nothing_new(self) -> bool:
        return not (self.new_sources or self.updated_sources or self.new_points)

    def text(self) -> str:
        """One line for the cover and stderr."""
        since = f" since {self.since.isoformat()}" if self.since else ""
        if self.since is None:
            return "first briefing of this desk: everything is new"
        if self.nothing_new:
            return f"nothing new{since}"
        sources = f"{self.new_sources} new, {self.updated_sources} updated, " + (
            f"{self.reported_sources} already reported source(s)"
        )
        points = f"{self.new_points + self.updated_points} new point(s), " + (
            f"{self.reported_points} already reported"
        )
        left = " (already reported left out)" if self.left_out else ""
        return f"{sources}; {points}{since}{left}"


@dataclass(frozen=True)
class Story:
    """Sources that report the same event or topic (see :mod:`briefgen.desk.stories`):
    a one-line ``gist`` (its best point), the ids of its sources, and their key points
    with points that say the same thing merged (each names every source it came from)."""

    gist: Bilingual
    source_ids: tuple[str, ...]
    points: tuple[Point, ...]


@dataclass(frozen=True)
class SkippedSource:
    """A source that could not be used, and why (one line, naming the file)."""

    origin: str
    reason: str


@dataclass(frozen=True)
class BriefingMetadata:
    """How a briefing was made: the translator(s) used, briefgen's version, seconds taken
    (in all, and translating), how many translations carry quality flags, and whether
    it was translated (``summarize_sources`` without a model leaves English empty)."""

    translator: str
    briefgen_version: str
    seconds: float = 0.0
    flagged: int = 0
    translation_seconds: float = 0.0
    translated: bool = True


@dataclass(frozen=True)
class Briefing:
    """A whole briefing: its title and date, one :class:`SourceBriefing` per source
    used (in the order given), how it was made, the sources left out and why, a
    classification or distribution line for its cover and page headers, and the author
    its documents name ("" for none of either).

    The data alone: the briefing :func:`~briefgen.make_briefing` returns is a
    :class:`briefgen.briefing.Briefing`, which adds the ways to write it out."""

    title: str
    date: dt.date
    sources: tuple[SourceBriefing, ...]
    metadata: BriefingMetadata
    skipped: tuple[SkippedSource, ...] = field(default=())
    classification: str = ""
    author: str = ""
    news: News | None = None
    stories: tuple[Story, ...] = ()

    @property
    def timeline(self) -> tuple[Event, ...]:
        """Every source's events in one list, in date order (each names its source)."""
        events = [e for source in self.sources for e in source.timeline]
        return tuple(sorted(events, key=lambda e: e.sort_key))


@dataclass(frozen=True)
class Dated:
    """A resolved date of one sentence: ISO text, how it was resolved, its sentence,
    its span within it, the date as written and the clause that carries it (what a
    timeline row shows: the whole sentence when it has one date)."""

    date: str  # "2024-07-21", "2024-07", "1943", "2025-08-31/2025-09-03", "--08-15"
    resolution: str  # explicit | carried | relative | unresolved
    sentence_id: str
    span: tuple[int, int]
    phrase: str = ""
    clause: str = ""


@dataclass(frozen=True)
class Found:
    """An actor as the summarizer found it, before translation: ``role`` is the title
    written next to a person's name (大統領; "" for none, see
    :data:`briefgen.summarize.actors.ROLES`), ``sentence_ids`` every sentence that
    mentions it (``"title"`` for the title), once each, in the order met."""

    name: str
    kind: str  # person | place | organization | other
    mentions: int
    first_sentence_id: str
    role: str = ""
    sentence_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    """Which sentences of a source a briefing shows, before translation.

    ``key_points[i]`` holds the ids chosen from ``source.sections[i]``, in
    document order; ``scores`` holds every sentence's score (0–1).
    """

    source: Source
    sentences: tuple[Sentence, ...]
    lede: tuple[str, ...]
    key_points: tuple[tuple[str, ...], ...]
    scores: dict[str, float]
    events: tuple[Dated, ...] = ()
    gist: str = ""  # the point in one line, compressed (summarize.gist)
    spoken: bool = False  # a speech (a question or answer in an assembly, an address)
    labels: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    actors: tuple[Found, ...] = ()
    words: dict[str, list[str]] = field(default_factory=dict)  # content words per sentence
    # The subject a sentence carries over from another name than the main ones.
    subjects: dict[str, str] = field(default_factory=dict)
