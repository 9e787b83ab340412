"""Stories: sources that report the same event or topic, grouped, with merged points.

Two sources in the same language are compared by three things the structured points
already hold, each from 0 to 1:

- their content words (every sentence, TF-IDF over the briefing's sources, cosine);
- their actors (people, places, organizations: shared share of the smaller set);
- their dated events (the same way).

``0.6 × words + 0.25 × actors + 0.15 × dates`` at or above :data:`THRESHOLD` links
them; linked sources form a story (single linkage, in source order: deterministic).
Within a story, a key point whose words match an earlier one's (cosine at least
:data:`SAME_POINT`) is the same statement: the two become one point naming both
sources. Limits: sources in different languages are never grouped (their words cannot
be compared before translation); a long-running topic with different events each day
is grouped only as far as its words and actors overlap.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Mapping, Sequence

from briefgen.model import Point, SourceBriefing, Story

THRESHOLD = 0.35
SAME_POINT = 0.5
TOP_TERMS = 64  # a source's heaviest words: enough to say what it is about


def _words(text: str, language: str) -> list[str]:
    from briefgen.text.tokenize import content_words

    return content_words(text, language)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(weight * b.get(word, 0.0) for word, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def _overlap(a: set[str], b: set[str]) -> float:
    """The shared share of the smaller set (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


Words = Mapping[str, Mapping[str, Sequence[str]]]  # source id → sentence id → words


def _point_words(point: Point, source: SourceBriefing, words: Words | None) -> Sequence[str]:
    """A point's content words: the summarizer's, else found again."""
    known = words.get(source.source_id) if words is not None else None
    if known is not None and all(sid in known for sid in point.sentence_ids):
        return [w for sid in point.sentence_ids for w in known[sid]]
    return _words(point.text.original, source.language)


def similarity_matrix(
    sources: Sequence[SourceBriefing], words_of: Words | None = None
) -> list[list[float]]:
    """Every pair's similarity (see the module docstring), 0 across languages.

    ``words_of``: each source's content words per sentence (the summarizer has them);
    without them they are found again in the sources' sentences.
    """
    words = [
        Counter(
            word
            for section in source.full_text
            for point in section.points
            for word in _point_words(point, source, words_of)
        )
        for source in sources
    ]
    documents = Counter(word for counts in words for word in counts)
    total = len(sources)
    # Each source as its TOP_TERMS heaviest words, unit length; dot products through an
    # inverted index, so only sources that share a word are ever compared.
    vectors = []
    for counts in words:
        weights = {w: n * math.log(1 + total / documents[w]) for w, n in counts.items()}
        top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:TOP_TERMS]
        norm = math.sqrt(sum(weight * weight for _, weight in top)) or 1.0
        vectors.append({word: weight / norm for word, weight in top})
    postings: dict[str, list[tuple[int, float]]] = {}
    for index, vector in enumerate(vectors):
        for word, weight in vector.items():
            postings.setdefault(word, []).append((index, weight))
    cosine: dict[tuple[int, int], float] = {}
    for entries in postings.values():
        for a in range(len(entries)):
            i, wi = entries[a]
            for j, wj in entries[a + 1 :]:
                cosine[(i, j)] = cosine.get((i, j), 0.0) + wi * wj
    actors = [{a.name.original for a in source.actors} for source in sources]
    dates = [{e.date for e in source.timeline} for source in sources]
    matrix = [[0.0] * total for _ in range(total)]
    for (i, j), words_score in cosine.items():
        if sources[i].language != sources[j].language:
            continue
        score = (
            0.6 * words_score
            + 0.25 * _overlap(actors[i], actors[j])
            + 0.15 * _overlap(dates[i], dates[j])
        )
        matrix[i][j] = matrix[j][i] = score
    return matrix


def group_stories(
    sources: Sequence[SourceBriefing], words: Words | None = None
) -> tuple[Story, ...]:
    """The stories of two or more sources, in the order of their first source."""
    matrix = similarity_matrix(sources, words)
    group = list(range(len(sources)))  # union-find over source indexes

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i in range(len(sources)):
        for j in range(i + 1, len(sources)):
            if matrix[i][j] >= THRESHOLD:
                a, b = root(i), root(j)
                group[max(a, b)] = min(a, b)
    members: dict[int, list[int]] = {}
    for i in range(len(sources)):
        members.setdefault(root(i), []).append(i)
    return tuple(
        _story([sources[i] for i in indexes], words)
        for _, indexes in sorted(members.items())
        if len(indexes) > 1
    )


def _story(sources: list[SourceBriefing], words: Words | None) -> Story:
    merged: list[tuple[Point, dict[str, float]]] = []
    postings: dict[str, list[int]] = {}  # word → merged points that have it
    for source in sources:
        candidates = [*source.lede, *(p for section in source.sections for p in section.points)]
        for point in candidates:
            vector = Counter(_point_words(point, source, words))
            weights = {w: float(n) for w, n in vector.items()}
            sharing = sorted({k for word in weights for k in postings.get(word, ())})
            for k in sharing:
                kept, kept_vector = merged[k]
                if _cosine(weights, kept_vector) >= SAME_POINT:
                    if source.source_id not in kept.sources:
                        sources_of = (*kept.sources, source.source_id)
                        merged[k] = (dataclasses.replace(kept, sources=sources_of), kept_vector)
                    break
            else:
                for word in weights:
                    postings.setdefault(word, []).append(len(merged))
                merged.append((dataclasses.replace(point, sources=(source.source_id,)), weights))
    points = tuple(point for point, _ in merged)
    ledes = [p for p in points if p.kind == "lede"]
    ids = tuple(s.source_id for s in sources)
    if not points:  # nothing picked (--points 0 --lede 0): the first title stands for it
        return Story(gist=sources[0].title, source_ids=ids, points=())
    gist = max(ledes or list(points), key=lambda p: (len(p.sources), p.score))
    return Story(gist=gist.text, source_ids=ids, points=points)
