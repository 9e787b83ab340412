"""The one place that knows the order of the stages.

::

    ingest      read files, decode, find title / date / sections / related links
    segment     split each source into sentences with their spans
    summarize   choose the lede and each section's key points; date the timeline;
                label facts, assessments and quotes; find the actors
    translate   every title, heading and sentence of every source in one batch per language
    assemble    original and English side by side in a Briefing

Rendering (``Briefing.save_docx``) comes after, and is the caller's choice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen._version import __version__
from briefgen.briefing import Briefing
from briefgen.errors import BriefgenError, InputError, TranslationError
from briefgen.ingest import expand_paths, read_source
from briefgen.ingest.files import STDIN
from briefgen.languages import language_name
from briefgen.model import (
    Actor,
    Bilingual,
    BriefingMetadata,
    Event,
    Found,
    Point,
    RelatedReading,
    SectionPoints,
    SkippedSource,
    Source,
    SourceBriefing,
    Story,
    Summary,
)
from briefgen.options import Options
from briefgen.text import segment_source
from briefgen.text.detect import sentence_language
from briefgen.text.languages import RULES
from briefgen.translate import Translator, quality, translate_unique
from briefgen.translate.base import Translation
from briefgen.translate.cache import TranslationCache
from briefgen.translate.glossary import GlossaryTranslator
from briefgen.translate.memory import TranslationMemory

Progress = Callable[[str], None]
"""A callback that receives one short message (e.g. "translating 41 texts") per stage.

If it also has an ``advance(done, total)`` method, that is called as translations
arrive (the CLI draws its progress bar with it)."""


class SourcesLeftOut(InputError):
    """``strict``: some sources could not be read (``skipped`` says why), so nothing
    was translated or made."""

    def __init__(self, skipped: Sequence[SkippedSource]) -> None:
        self.left_out = tuple(skipped)
        super().__init__(", ".join(s.origin for s in self.left_out), "could not be used")


class NoUsableSources(InputError):
    """Not one source could be used; ``skipped`` says why for each.

    ``str(error)`` is one line that names every source and its problem; the CLI
    prints ``skipped`` one source per line instead.
    """

    def __init__(self, skipped: Sequence[SkippedSource]) -> None:
        self.skipped = tuple(skipped)
        self.origin = ", ".join(s.origin for s in self.skipped)
        self.problem = "no usable source"
        reasons = "; ".join(f"{s.origin}: {s.reason}" for s in skipped)
        BriefgenError.__init__(
            self, f"no usable source ({reasons})" if reasons else "no sources given"
        )


@dataclass(frozen=True)
class _Job:
    """A source on its way through the stages."""

    source: Source
    summary: Summary


def make_briefing(
    sources: str | Path | Iterable[str | Path],
    model: str | Path | None = None,
    *,
    title: str | None = None,
    date: dt.date | None = None,
    options: Options | None = None,
    translator: Translator | None = None,
    progress: Progress | None = None,
    exclude: Iterable[str | Path] = (),
    classification: str = "",
    author: str = "",
    strict: bool = False,
) -> Briefing:
    """Make a bilingual briefing from files and directories of sources.

    Runs the stages in order: ingest, segment, summarize, translate (one batch per
    source language), assemble. Render the result with :meth:`Briefing.save_docx`.

    Args:
        sources: a path or a list of paths: ``.txt``/``.md`` files (UTF-8, or an
            encoding detected or named in ``options.encoding``), or
            directories, whose supported files are read in name order.
        model: the Argos package to translate with, an ``.argosmodel`` file or an
            unpacked package folder. ``None`` uses the installed Argos package for
            each source's language → English (``briefgen models install ja``).
        title: the briefing's title; ``None`` gives "Briefing".
        date: the briefing's date; ``None`` takes the newest source date, else
            today. Pass it when the output must not change from day to day.
        options: how to summarize and translate (:class:`~briefgen.Options`);
            ``None`` uses the defaults.
        translator: any :class:`~briefgen.Translator` to use instead of an Argos
            package (``model`` is then ignored); English sources are never translated.
        progress: called with one short message as each stage starts, e.g. to
            print it; ``None`` reports nothing. If it has an ``advance(done, total)``
            method, that is called as translations arrive.
        exclude: files never read as sources, even when a source directory holds
            them (the output of an earlier run, say).
        classification: a classification or distribution line ("Internal — press
            desk only") for the cover and every page's header; "" for none.
        author: the author the Word file's properties name ("" gives "briefgen").
        strict: a source that cannot be read stops the run there, before anything
            is translated (:class:`SourcesLeftOut`), instead of being left out.

    Returns:
        A :class:`~briefgen.Briefing`. A source that cannot be used (unreadable,
        empty, no model for its language) is left out and listed in
        ``Briefing.skipped`` with its reason.

    Raises:
        NoUsableSources: not one source could be used.
        TranslationError: the translation model is missing or failed (with one
            source language; with several, that language's sources are skipped).
    """
    briefing = _build(
        sources, model, title, date, options, translator, progress, exclude,
        translate=True, strict=strict,
    )  # fmt: skip
    return dataclasses.replace(briefing, classification=classification, author=author)


def summarize_sources(
    sources: str | Path | Iterable[str | Path],
    model: str | Path | None = None,
    *,
    translate: bool | None = None,
    title: str | None = None,
    date: dt.date | None = None,
    options: Options | None = None,
    translator: Translator | None = None,
    progress: Progress | None = None,
    exclude: Iterable[str | Path] = (),
) -> Briefing:
    """The structured points of each source (lede, key points, timeline, actors, labels),
    translated only when asked.

    The same stages and arguments as :func:`make_briefing`; ``translate`` says whether
    to translate (``None``: only when ``model`` or ``translator`` is given). Untranslated,
    every ``Bilingual.english`` is ``""`` and no model is needed. Write the result with
    :meth:`Briefing.to_summary` (the ``briefgen.summary/1`` schema) or
    :func:`briefgen.render.write_summary` (JSON, YAML or Markdown).
    """
    if translate is None:
        translate = model is not None or translator is not None
    return _build(
        sources, model, title, date, options, translator, progress, exclude, translate=translate
    )


def _build(
    sources: str | Path | Iterable[str | Path],
    model: str | Path | None,
    title: str | None,
    date: dt.date | None,
    options: Options | None,
    translator: Translator | None,
    progress: Progress | None,
    exclude: Iterable[str | Path],
    *,
    translate: bool,
    strict: bool = False,
) -> Briefing:
    options = options or Options()
    remote = translate and translator is None and options.translator == "libretranslate"
    if remote and not options.allow_insecure_key:
        from briefgen.translate.libretranslate import api_key, insecure_key_problem

        # Before any work, not once per language (where it would only skip sources).
        if problem := insecure_key_problem(options.servers, api_key()):
            raise TranslationError(problem)
    report = progress or (lambda message: None)
    started = time.perf_counter()
    skipped: list[SkippedSource] = []
    if isinstance(sources, str | Path):
        sources = [sources]

    excluded = {Path(p).resolve() for p in exclude}
    paths = [
        p
        for p in expand_paths(list(sources), options.glob)
        if not (isinstance(p, Path) and p.resolve() in excluded)
    ]
    files = [p for p in paths if isinstance(p, Path)]
    report(f"reading {len(files)} source file(s)")
    used_ids: set[str] = set()
    work = [(path, _unique_id(path.stem or "stdin", used_ids), options) for path in files]
    jobs: list[_Job] = []
    skipped += [SkippedSource(p.origin, p.problem) for p in paths if isinstance(p, InputError)]
    for item in _read_all(work):
        if isinstance(item, SkippedSource):
            skipped.append(item)
        else:
            jobs.append(item)
    if not jobs:
        raise NoUsableSources(skipped)
    if strict and skipped:  # before the long part: translating
        raise SourcesLeftOut(skipped)

    translations: dict[str, dict[str, Translation] | None] = {}
    translator_names: list[str] = []
    languages = sorted({job.source.language for job in jobs})
    cache = TranslationCache() if options.use_cache and translate else None
    memory = TranslationMemory.load(options.corrections) if translate else None
    glossary_terms = memory.glossary(options.glossary) if memory else options.glossary
    translating = time.perf_counter()
    for language in languages:
        group = [job for job in jobs if job.source.language == language]
        texts = [text for job in group for text in _texts_to_translate(job)]
        if language == "en":
            translations[language] = {t: Translation(t) for t in texts}
            continue
        if not translate:
            translations[language] = None
            continue
        try:
            backend = translator or _translator_for(language, model, options, report)
            glossary = GlossaryTranslator(backend, glossary_terms) if glossary_terms else None
            backend = glossary or backend
            # The analyst's corrections come before the cache and the model.
            corrected = {t: c for t in set(texts) if memory and (c := memory.lookup(t))}
            if corrected:
                report(f"corrections used: {len(corrected)}")
            texts = [text for text in texts if text not in corrected]
            report(f"translating {len(set(texts))} texts ({language}→en) with {backend.name}")
            translations[language] = {**translate_unique(backend, texts, cache), **corrected}
            translator_names.append(backend.name)
            if glossary and (used := _glossary_summary(glossary)):
                report(f"glossary terms enforced: {used}")
        except TranslationError as exc:
            if len(languages) == 1:
                raise
            reason = f"is in {language_name(language)}, and {_lower_first(exc)}"
            skipped.extend(SkippedSource(job.source.origin, reason) for job in group)
            jobs = [job for job in jobs if job.source.language != language]
    if cache is not None:
        cache.close()
    translation_seconds = time.perf_counter() - translating
    if not jobs:
        raise NoUsableSources(skipped)

    report("assembling the briefing")
    briefs = tuple(_assemble(job, translations[job.source.language]) for job in jobs)
    flagged = _flagged_texts(briefs)
    if flagged:
        kinds = Counter(flag for text in flagged for flag in text.flags)
        detail = ", ".join(f"{n} {flag}" for flag, n in sorted(kinds.items()))
        report(
            f"quality: {len(flagged)} translated text(s) flagged ({detail}); marked in the briefing"
        )
    dates = [b.date for b in briefs if b.date]
    date = date or (max(dates) if dates else dt.date.today())
    stories: tuple[Story, ...] = ()
    if len(briefs) > 1:
        from briefgen.desk.stories import group_stories

        stories = group_stories(briefs, {job.source.id: job.summary.words for job in jobs})
    return Briefing(
        title=title or "Briefing",
        date=date,
        sources=briefs,
        metadata=BriefingMetadata(
            translator=", ".join(translator_names)
            or ("none (English sources)" if translate else "none (not translated)"),
            briefgen_version=__version__,
            seconds=round(time.perf_counter() - started, 3),
            flagged=len(flagged),
            translation_seconds=round(translation_seconds, 3),
            translated=translate or all(job.source.language == "en" for job in jobs),
        ),
        skipped=tuple(skipped),
        stories=stories,
    )


# Reading and summarizing are per file: from this many files on, they run in worker
# processes, one per core (benchmarks/ingest.py: 2.0x on two cores for 1,000 files).
# A forked worker starts in milliseconds, but a summary takes ~50 ms: below a few
# files there is nothing to share out.
PARALLEL_FROM = 8


def _read_all(work: list[tuple[Path, str, Options]]) -> list[_Job | SkippedSource]:
    """:func:`_read_one` for every file, in order; in worker processes where it pays.

    Workers are forked, which starts them at once and, unlike "spawn", never runs the
    caller's script again (a script without ``if __name__ == "__main__"`` would
    start over in each worker). Forking is only safe without other threads, and
    only Linux forks safely at all: elsewhere, and with threads running, files are
    read in this process.
    """
    import threading

    forkable = sys.platform == "linux" and threading.active_count() == 1
    cores = len(os.sched_getaffinity(0)) if forkable else 1
    if len(work) < PARALLEL_FROM or cores < 2 or any(path == STDIN for path, _, _ in work):
        return [_read_one(*item) for item in work]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(min(cores, 8), mp_context=context) as pool:
        chunk = max(1, len(work) // (8 * cores))
        return list(pool.map(_read_one_packed, work, chunksize=chunk))


def _read_one_packed(item: tuple[Path, str, Options]) -> _Job | SkippedSource:
    return _read_one(*item)


def _read_one(path: Path, source_id: str, options: Options) -> _Job | SkippedSource:
    """One file read, segmented and summarized; a file that cannot be is skipped."""
    # Imported here: the summarizer's rules (hundreds of patterns) are compiled only
    # when a source is read, not for `import briefgen`, `briefgen -V` or `--help`.
    from briefgen.summarize import summarize

    try:
        source = read_source(
            path, source_id=source_id, language=options.language, encoding=options.encoding
        )
        sentences = segment_source(source)
        if not sentences:
            raise InputError(path, "has no sentences to summarize")
        return _Job(source, summarize(source, sentences, options))
    except InputError as exc:
        return SkippedSource(exc.origin, exc.problem)


def _unique_id(stem: str, used: set[str]) -> str:
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}"
    used.add(candidate)
    return candidate


def _translator_for(
    language: str, model: str | Path | None, options: Options, report: Progress
) -> Translator:
    if options.translator == "libretranslate":
        from briefgen.translate.libretranslate import LibreTranslateTranslator

        return LibreTranslateTranslator(
            options.servers,
            language,
            progress=getattr(report, "advance", None),
            allow_insecure_key=options.allow_insecure_key,
        )
    from briefgen.translate.families import is_model_folder

    if model and is_model_folder(model):
        from briefgen.translate.families import ModelFolderTranslator, open_model_folder

        return ModelFolderTranslator(
            open_model_folder(model),
            language,
            beam_size=options.beam_size,
            device=options.device,
            progress=getattr(report, "advance", None),
        )
    from briefgen.translate.argos import ArgosTranslator
    from briefgen.translate.packages import find_installed_package, open_package

    package = open_package(model) if model else find_installed_package(language, "en")
    if (package.from_code, package.to_code) != (language, "en"):
        raise TranslationError(
            f"the model {model or package.path} translates {package.from_code}→"
            f"{package.to_code}, not {language}→en"
        )
    return ArgosTranslator(
        package,
        beam_size=options.beam_size,
        device=options.device,
        progress=getattr(report, "advance", None),
    )


def _flagged_texts(briefs: Sequence[SourceBriefing]) -> list[Bilingual]:
    """Each distinct translated text that carries a quality flag, once."""
    texts: dict[str, Bilingual] = {}
    for brief in briefs:
        texts[brief.title.original] = brief.title
        for group in brief.full_text:
            if group.heading:
                texts[group.heading.original] = group.heading
            for point in group.points:
                texts[point.text.original] = point.text
        for link in brief.related:
            texts[link.title.original] = link.title
    return [text for text in texts.values() if text.flags]


def _glossary_summary(glossary: GlossaryTranslator) -> str:
    counts = {k: v for k, v in glossary.stats.items() if k != "no term"}
    return ", ".join(f"{n} by {how}" for how, n in sorted(counts.items()))


def _lower_first(error: Exception) -> str:
    text = str(error)
    return text[:1].lower() + text[1:]


def _texts_to_translate(job: _Job) -> list[str]:
    """Every text of the source that needs English: English sentences of a source in
    another language are kept as they are, never sent through its model."""
    source = job.source
    texts = [source.title]
    texts += [s.heading for s in source.sections if s.heading]
    texts += [s.text for s in job.summary.sentences]
    texts += [speaker for _, speaker in job.summary.labels.values() if speaker]
    texts += list(job.summary.subjects.values())
    texts += [actor.name for actor in job.summary.actors]
    texts += [dated.clause for dated in job.summary.events]  # a timeline row's clause
    if job.summary.gist:
        texts.append(job.summary.gist)
    for link in source.related:
        texts += [link.label, link.text]
    if source.language == "en":
        return texts
    return [text for text in texts if sentence_language(text, source.language) != "en"]


def _assemble(job: _Job, english: dict[str, Translation] | None) -> SourceBriefing:
    """The source's points, original and English (``english`` is ``None`` when the
    source is not translated: every English text is then ``""``, with no flags)."""
    source, summary = job.source, job.summary

    def bi(text: str) -> Bilingual:
        if english is None:
            return Bilingual(text, "")
        if source.language != "en" and sentence_language(text, source.language) == "en":
            return Bilingual(text, text)
        translation = english.get(text) or Translation("")
        if source.language == "en":
            return Bilingual(text, translation.english)
        return Bilingual(
            text,
            translation.english,
            flags=quality.flags(text, translation, source.language),
            confidence=quality.confidence(translation),
        )

    by_id = {s.id: s for s in summary.sentences}

    def point(sentence_id: str, kind: str) -> Point:
        text = by_id[sentence_id].text
        label, speaker = summary.labels.get(sentence_id, ("fact", None))
        return Point(
            kind,
            bi(text),
            (sentence_id,),
            summary.scores[sentence_id],
            label=label,
            speaker=bi(speaker) if speaker else None,
            paragraph=by_id[sentence_id].paragraph,
            subject=subject(sentence_id),
        )

    def subject(sentence_id: str) -> Bilingual | None:
        name = summary.subjects.get(sentence_id)
        return bi(name) if name else None

    def heading(index: int) -> Bilingual | None:
        text = source.sections[index].heading
        return bi(text) if text else None

    sections = tuple(
        SectionPoints(heading(i), tuple(point(sid, "key_point") for sid in ids))
        for i, ids in enumerate(summary.key_points)
    )
    full_text = tuple(
        SectionPoints(
            heading(i),
            tuple(point(s.id, "sentence") for s in summary.sentences if s.section == i),
        )
        for i in range(len(source.sections))
    )
    events = tuple(
        Event(
            date=d.date,
            resolution=d.resolution,
            phrase=d.phrase,
            sentence_id=d.sentence_id,
            text=bi(d.clause),
            source_id=source.id,
            subject=subject(d.sentence_id),
        )
        for d in summary.events
    )
    return SourceBriefing(
        source_id=source.id,
        origin=source.origin,
        language=source.language,
        title=bi(source.title),
        date=source.date,
        lede=tuple(point(sid, "lede") for sid in summary.lede),
        sections=sections,
        full_text=full_text,
        related=tuple(RelatedReading(bi(r.label), bi(r.text)) for r in source.related),
        sentence_count=len(summary.sentences),
        timeline=events,
        actors=_actors(summary, bi),
        gist=bi(summary.gist) if summary.gist else None,
        spoken=summary.spoken,
    )


def _actors(summary: Summary, bi: Callable[[str], Bilingual]) -> tuple[Actor, ...]:
    """The summary's actors, translated, each with its role and salience."""
    from briefgen.summarize.actors import ASKED, role_english, salience  # see _read_one

    last = max(len(summary.sentences) - 1, 1)
    positions = {s.id: n / last for n, s in enumerate(summary.sentences)}
    lede = set(summary.lede)

    def name(actor: Found) -> Bilingual:
        # An office a speech asks (知事) is named by its title's English (Governor), which
        # a model given the word alone may miss.
        office = role_english(actor.name) if actor.role == ASKED else ""
        return Bilingual(actor.name, office) if office else _name(bi(actor.name))

    return tuple(
        Actor(
            name(a),
            a.kind,
            a.mentions,
            a.first_sentence_id,
            role=Bilingual(a.role, role_english(a.role)) if a.role else None,
            salience=round(salience(a, positions, lede), 3),
        )
        for a in summary.actors
    )


_FUNCTION_WORDS = RULES["en"].stop_words | {"the", "of", "for", "a", "an", "to", "and", "or"}


def _name(name: Bilingual) -> Bilingual:
    """A name whose English is only function words ("For the": a model's guess at a
    word it does not know) is shown as written, flagged untranslated."""
    words = re.findall(r"[^\W\d_]+", name.english.lower())
    if not words or any(word not in _FUNCTION_WORDS for word in words):
        return name
    return Bilingual(name.original, name.original, ("untranslated",), name.confidence)


__all__ = ["NoUsableSources", "Progress", "make_briefing", "summarize_sources"]
