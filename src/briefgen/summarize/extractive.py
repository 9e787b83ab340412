"""A deterministic extractive summarizer for Japanese analysis pieces.

Sentences are scored by how central their terms are to the whole source
(terms shared with other sentences, the title and their section's heading),
with small adjustments an editor would make: a section's opening sentence and
the author's conclusions ("…と見る", "…に違いない") count for more; fragments and
sentences that lean on the previous one ("これによると…") count for less.

Terms need no dictionary: katakana runs (names, loanwords), Latin words and
numbers, and kanji bigrams, which capture compounds like 北極 / 首脳 / 会談.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from briefgen.model import Sentence, Source, Summary
from briefgen.options import Options
from briefgen.summarize.actors import actors
from briefgen.summarize.dates import timeline
from briefgen.summarize.labels import label

_KATAKANA = re.compile(r"[ァ-ヺー][ァ-ヺー・]*[ァ-ヺー]")
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*[A-Za-z0-9]")
_KANJI_RUN = re.compile(r"[一-龯々]+")

# The author's own judgement: what a briefing reader most wants.
_CONCLUSION_CUES = (
    "と見る",
    "とみる",
    "に違いない",
    "明確",
    "象徴",
    "証左",
    "注目に値する",
    "言うまでもない",
    "と考えている",
    "でしかない",
    "受け取れる",
)
# Openings that only make sense after the previous sentence.
_DEPENDENT_OPENINGS = ("これによると", "また、", "この", "その", "そして", "とすれば", "因みに")
_MIN_CHARS = 20
_DUPLICATE_OVERLAP = 0.5


def terms(text: str) -> set[str]:
    found = set(_KATAKANA.findall(text)) | {w.lower() for w in _LATIN.findall(text)}
    for run in _KANJI_RUN.findall(text):
        if len(run) == 1:
            continue
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    return found


def score_sentences(source: Source, sentences: Sequence[Sentence]) -> dict[str, float]:
    """Every sentence's score, scaled so the best in the source is 1."""
    sentence_terms = {s.id: terms(s.text) for s in sentences}
    document_frequency: Counter[str] = Counter()
    for found in sentence_terms.values():
        document_frequency.update(found)
    title_terms = terms(source.title)
    heading_terms = [terms(section.heading or "") for section in source.sections]
    first_in_section: dict[int, str] = {}
    for s in sentences:
        first_in_section.setdefault(s.section, s.id)

    raw: dict[str, float] = {}
    for s in sentences:
        found = sentence_terms[s.id]
        if not found:
            raw[s.id] = 0.0
            continue
        # A term seen in only one sentence says nothing about centrality.
        weight = sum(math.log(document_frequency[t]) for t in found)
        score = weight / math.sqrt(len(found))
        # Share of the title's and the heading's terms the sentence carries.
        score += 1.5 * _coverage(found, title_terms) + 1.5 * _coverage(
            found, heading_terms[s.section]
        )
        if first_in_section[s.section] == s.id:
            score *= 1.25
        if any(cue in s.text for cue in _CONCLUSION_CUES):
            score *= 1.3
        if s.text.startswith(_DEPENDENT_OPENINGS):
            score *= 0.8
        if len(s.text) < _MIN_CHARS:
            score *= 0.3
        raw[s.id] = score
    best = max(raw.values(), default=0.0) or 1.0
    return {sid: round(value / best, 4) for sid, value in raw.items()}


def _coverage(found: set[str], wanted: set[str]) -> float:
    return len(found & wanted) / len(wanted) if wanted else 0.0


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def summarize(source: Source, sentences: Sequence[Sentence], options: Options) -> Summary:
    """Pick the lede and each section's key points (see the module docstring)."""
    scores = score_sentences(source, sentences)
    by_section: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_section.setdefault(s.section, []).append(s)

    def ranked(candidates: Sequence[Sentence]) -> list[Sentence]:
        # Ties go to the earlier sentence, so the result never depends on dict order.
        return sorted(candidates, key=lambda s: (-scores[s.id], s.span[0]))

    lede: list[Sentence] = []
    opening = by_section.get(0, [])
    if options.lede_sentences == 1 and opening:
        lede = ranked(opening)[:1]
    elif options.lede_sentences == 2 and opening:
        # The opening sentence sets the scene; the best of the rest says what matters.
        lede = [opening[0], *ranked(opening[1:])[:1]]
    lede_ids = {s.id for s in lede}

    chosen_terms = [terms(s.text) for s in lede]
    key_points: list[tuple[str, ...]] = []
    for index in range(len(source.sections)):
        section = by_section.get(index, [])
        quota = max(1, math.floor(len(section) * options.key_point_ratio))
        quota -= sum(1 for s in section if s.id in lede_ids)
        picked: list[Sentence] = []
        for s in ranked([s for s in section if s.id not in lede_ids]):
            if len(picked) >= quota:
                break
            found = terms(s.text)
            if any(_overlap(found, other) > _DUPLICATE_OVERLAP for other in chosen_terms):
                continue
            picked.append(s)
            chosen_terms.append(found)
        key_points.append(tuple(s.id for s in sorted(picked, key=lambda s: s.span[0])))

    return Summary(
        source=source,
        sentences=tuple(sentences),
        lede=tuple(s.id for s in sorted(lede, key=lambda s: s.span[0])),
        key_points=tuple(key_points),
        scores=scores,
        events=tuple(timeline(sentences, source.date)) if source.language == "ja" else (),
        labels={s.id: label(s.text, source.language) for s in sentences},
        actors=tuple(actors(sentences, source.language)),
    )
