"""The summary of one source: lede, key points per section, timeline, labels, actors.

Sentences are ranked by :mod:`briefgen.summarize.rank` (LexRank centrality with an
editor's priors) and picked with a redundancy penalty (MMR). The lede is the opening
sentence of the text and the best of the rest of the opening section; key points are
then picked per section (a share of its sentences, ``Options.key_point_ratio``) or
across the whole text (a number, ``Options.key_points``). Japanese text is tokenized
once and the words are shared by ranking and actors.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace

from briefgen.model import Sentence, Source, Summary
from briefgen.options import Options
from briefgen.summarize.actors import actors, addressee
from briefgen.summarize.dates import TITLE_ID, dated_mentions, distinct_events, heading_id
from briefgen.summarize.gist import make_gist, sentence_role, speech_scores, without_lead
from briefgen.summarize.labels import is_question, label, quote_holders
from briefgen.summarize.rank import Picker, rank
from briefgen.summarize.subjects import borrowed_subjects, main_actors
from briefgen.text.detect import sentence_language
from briefgen.text.tokenize import Token, content_words, tokenize_ja


def summarize(source: Source, sentences: Sequence[Sentence], options: Options) -> Summary:
    """Pick the lede and each section's key points (see the module docstring)."""
    language = source.language
    tokens: dict[str, list[Token]] = (
        {s.id: tokenize_ja(s.text) for s in sentences} if language == "ja" else {}
    )
    words = {s.id: content_words(s.text, language, tokens.get(s.id)) for s in sentences}
    labels = {s.id: label(s.text, language) for s in sentences}
    found = actors(sentences, language, tokens, title=source.title)
    # 「…」 alone, or said with no speaker: the speaker its neighbours name.
    quote_holders(sentences, labels, language, [a.name for a in found])
    polite = _polite_share(sentences)
    roles = {s.id: sentence_role(s.text) for s in sentences} if language == "ja" else {}
    # A sentence that leaves out a subject it carries over from another name than the
    # main ones (一方、NASAは… then a sentence about NASA's mission): page 1 names that
    # subject before it. In a speech, the speaker's own ask or decision is the speaker's.
    subjects = {
        sid: name
        for sid, name in borrowed_subjects(
            sentences, tokens, source.title, [a.name for a in found], main_actors(found)
        ).items()
        if polite < 0.6 or roles.get(sid) not in ("ask", "decision")
    }
    # In a report (news, analysis; not a speech, whose point is its asks), neither the
    # lede nor the gist is another subject's sentence, or a question put outright (an
    # interview's: the answer is the point).
    not_the_point = (
        set(subjects) | {s.id for s in sentences if is_question(s.text, language, marked_only=True)}
        if polite < 0.6
        else set()
    )
    ranked = rank(
        source,
        sentences,
        words,
        labels,
        content_words(source.title, language),
        [content_words(section.heading or "", language) for section in source.sections],
    )
    # English sentences of a source in another language (a bilingual release) often
    # say again what the source's own sentences say: they are kept in the text but
    # are never picked, so one statement is never a point twice.
    by_section: dict[int, list[Sentence]] = {}
    for s in sentences:
        if sentence_language(s.text, language) == language:
            by_section.setdefault(s.section, []).append(s)

    # The gist's sentences: in a speech (which ends politely) the model trained on the
    # assembly's own summaries of speeches scores them, for the gist and the lede.
    gist_sentences = [
        s for section in by_section.values() for s in section if s.id not in not_the_point
    ]
    learned = (
        speech_scores(gist_sentences, ranked.scores, roles, words, options.gist_chars or 100)
        if language == "ja" and polite >= 0.6
        else None
    )
    picker = Picker(
        ranked if not learned else replace(ranked, scores=_scaled(learned, ranked.scores))
    )
    lede: list[Sentence] = []
    # A sentence that only announces what follows, or greets, is never the lede.
    opening = [
        s
        for s in by_section.get(0, [])
        if roles.get(s.id) not in ("signpost", "greeting") and s.id not in not_the_point
    ]
    points = [s for s in sentences if roles.get(s.id) in ("ask", "decision")]
    # A question put to someone (an ask) is the asker's position, never a fact.
    for sid, role in roles.items():
        if role == "ask" and labels[sid][0] == "fact":
            labels[sid] = ("assessment", labels[sid][1])
    speech = len(sentences) >= 3 and polite >= 0.6  # fewer cannot tell
    asked = addressee(sentences) if speech and language == "ja" else None
    if asked is not None and all(f.name != asked.name for f in found):
        found = [*found, asked]  # 知事の見解を伺います: the governor must answer
    if options.lede_sentences >= 1 and speech and points:
        # A speech (a question or an answer in the assembly, an address) opens with
        # greetings and background: its point is what it asks or decides, the ask or
        # decision a summary of it is expected to keep (the picker scores by the model).
        lede = picker.pick(points, 1)
        if options.lede_sentences == 2:  # and the occasion: its opening, if it says one
            lede += picker.pick(opening[:1], 1) or picker.pick(points, 1)
    elif options.lede_sentences >= 1 and opening:
        # The opening sentence sets the scene unless it is a fragment; the best of the
        # rest says what matters.
        first = opening[0] if ranked.scores[opening[0].id] >= 0.3 else None
        if options.lede_sentences == 1:
            lede = picker.pick(opening, 1)
        else:
            if first is not None:
                lede = picker.pick([first], 1)
            lede += picker.pick([s for s in opening if s is not first], 2 - len(lede))
    lede_ids = {s.id for s in lede}
    # Nor is one a key point: it says nothing a reader can use on its own.
    rest = [
        s
        for section in by_section.values()
        for s in section
        if s.id not in lede_ids and roles.get(s.id) not in ("signpost", "greeting")
    ]

    picked: set[str] = set()
    if options.key_points is not None:
        picked = {s.id for s in picker.pick(rest, options.key_points)}
    else:
        for index in range(len(source.sections)):
            section = by_section.get(index, [])
            quota = max(1, math.floor(len(section) * options.key_point_ratio))
            quota -= sum(1 for s in section if s.id in lede_ids)
            candidates = [
                s
                for s in section
                if s.id not in lede_ids and roles.get(s.id) not in ("signpost", "greeting")
            ]
            picked.update(s.id for s in picker.pick(candidates, quota))
    key_points = tuple(
        tuple(s.id for s in by_section.get(index, []) if s.id in picked)
        for index in range(len(source.sections))
    )
    headings = [section.heading for section in source.sections]
    mentions = dated_mentions(source.title, sentences, source.date, language, tokens, headings)
    told = {TITLE_ID: content_words(source.title, language)}
    told.update({heading_id(i): content_words(h, language) for i, h in enumerate(headings) if h})
    events = distinct_events(mentions, {**words, **told})
    if language == "ja":  # a row says its event, not how the speech led up to it
        events = [
            replace(e, clause=row) if e.phrase in (row := without_lead(e.clause)) else e
            for e in events
        ]
    dates: dict[str, list[str]] = {}  # every date each sentence tells, for the gist
    for mention in mentions:
        dates.setdefault(mention.sentence_id, []).append(mention.date)
    return Summary(
        source=source,
        sentences=tuple(sentences),
        lede=tuple(s.id for s in sorted(lede, key=lambda s: s.span[0])),
        key_points=key_points,
        scores=ranked.scores,
        events=tuple(events),
        labels=labels,
        actors=tuple(found),
        words=words,
        subjects=subjects,
        spoken=speech,
        gist=make_gist(
            gist_sentences,
            ranked.scores,
            language,
            options.gist_chars,
            # A speech's gist is its ask or decision, however short the speech.
            lede=()
            if polite >= 0.6
            else tuple(s.id for s in sorted(lede, key=lambda s: s.span[0])),
            roles=roles,
            words=words,
            dates=dates,
            learned=learned,
        ),
    )


# The polite endings of speech: ます, です, ございます (and their negatives, questions).
_POLITE_END = ("ます。", "です。", "ません。", "ますか。", "でしょうか。", "ございます。")


def _scaled(learned: dict[str, float], ids: Iterable[str]) -> dict[str, float]:
    """The model's scores from 0 to 1, as the picker weighs them (0 for a sentence the
    model did not score: one in another language)."""
    low, high = min(learned.values(), default=0.0), max(learned.values(), default=1.0)
    return {
        sid: (learned[sid] - low) / ((high - low) or 1.0) if sid in learned else 0.0 for sid in ids
    }


def _polite_share(sentences: Sequence[Sentence]) -> float:
    """The share of ``sentences`` that end politely: most of a speech's do, few of news
    or analysis, written in the plain style."""
    if not sentences:
        return 0.0
    return sum(1 for s in sentences if s.text.rstrip().endswith(_POLITE_END)) / len(sentences)
