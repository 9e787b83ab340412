"""Ranking sentences: graph centrality, an editor's priors, and redundancy (MMR).

1. **Centrality** (LexRank): sentences are TF-IDF vectors of their content words
   (IDF over the source's sentences); two sentences are linked by their cosine
   similarity, and PageRank over that graph (damping 0.85) scores a sentence by how
   much of the rest of the text it shares. In a long text a sentence is linked to the
   sentences of its own block of ``BLOCK`` sentences and of the blocks either side,
   which keeps the cost linear in the length (a short text is one block: the full graph).
2. **Priors**: the title's and the heading's words count for more, and so does the
   author's judgement (an ``assessment``); fragments, list items and sentences that
   lean on the previous one ("これによると…") count for less.
3. **Selection** (maximal marginal relevance): points are picked best first, each
   time trading score against similarity to what is already picked, so the same
   thing is never said twice.

Everything is deterministic: ties go to the earlier sentence.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from briefgen.model import Sentence, Source

BLOCK = 256
# Up to this many sentences the graph is built in plain Python (no numpy import).
SMALL = 150
DAMPING = 0.85
# Priors (see the module docstring): weights of title and heading words and the bonus of
# the author's judgement. A bonus for early sentences was tried and left out: it helps
# news but hurts speeches, whose point comes after the greetings (benchmarks/README.md).
TITLE_WEIGHT = 0.5
HEADING_WEIGHT = 0.5
ASSESSMENT = 1.2
# MMR: weight of the score against redundancy with the points already chosen; a
# sentence this similar to a chosen one says the same thing and is never picked.
RELEVANCE = 0.85
DUPLICATE = 0.6

_DEPENDENT_OPENINGS = (
    "これによると", "これに対し", "また、", "この", "その", "そして", "とすれば", "因みに",
    "ちなみに", "しかし、", "一方、",
)  # fmt: skip
# Paragraphs that are list items: bullets, or short lines without a sentence end.
_BULLET = re.compile(r"^\s*(?:[・■□●○◆◇▼▽★☆※•\-*–—]|\d+[.)]|[（(]\d+[)）]|〔\d+〕)")
_MIN_CHARS = 20


@dataclass(frozen=True)
class Ranked:
    """Every sentence's score (the best in the source is 1), its position in the
    source, and the unit vectors the redundancy penalty compares."""

    scores: dict[str, float]
    vectors: dict[str, dict[str, float]]
    positions: dict[str, int]

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.vectors[a], self.vectors[b]
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(w * vb.get(t, 0.0) for t, w in va.items())


def rank(
    source: Source,
    sentences: Sequence[Sentence],
    words: dict[str, list[str]],
    labels: dict[str, tuple[str, str | None]],
    title_words: list[str],
    heading_words: list[list[str]],
) -> Ranked:
    """Score every sentence (see the module docstring).

    ``words`` maps each sentence id to its content words; ``labels`` to its
    (label, speaker); ``title_words`` and ``heading_words`` (one list per section)
    are the content words of the title and each heading.
    """
    vectors = _tfidf(sentences, words)
    centrality = _lexrank([vectors[s.id] for s in sentences])
    list_items = _list_items(source, sentences)
    title = set(title_words)
    scores: dict[str, float] = {}
    best_centrality = max(centrality, default=0.0) or 1.0
    for s, central in zip(sentences, centrality, strict=True):
        found = set(words[s.id])
        score = central / best_centrality
        score += TITLE_WEIGHT * _coverage(found, title)
        score += HEADING_WEIGHT * _coverage(found, set(heading_words[s.section]))
        if labels.get(s.id, ("fact", None))[0] == "assessment":
            score *= ASSESSMENT
        if s.text.startswith(_DEPENDENT_OPENINGS):
            score *= 0.8
        if s.id in list_items:
            score *= 0.5
        if len(s.text) < _MIN_CHARS or not found:
            score *= 0.3
        scores[s.id] = score
    best = max(scores.values(), default=0.0) or 1.0
    return Ranked(
        {sid: round(v / best, 4) for sid, v in scores.items()},
        vectors,
        {s.id: n for n, s in enumerate(sentences)},
    )


class Picker:
    """Picks points by MMR, remembering every point picked so far (lede first, then
    each section's), so that no later point repeats an earlier one.

    Redundancy is checked within ``BLOCK`` sentences either side, as the graph is:
    for a text of up to ``BLOCK`` sentences that is every pair, and in a long one it
    keeps the cost linear; a sentence with the same words as a picked one is skipped
    wherever it is. Picking is lazy greedy MMR: a candidate's value only falls
    as points are picked, so a stale value on the heap is an upper bound.
    """

    def __init__(self, ranked: Ranked) -> None:
        self.ranked = ranked
        self.chosen: list[int] = []  # positions of the points picked so far, sorted
        self.ids = {position: sid for sid, position in ranked.positions.items()}
        # Vectors of the points picked: a repeat of one (boilerplate in a long text) is
        # skipped however far apart the two are.
        self.picked_vectors: set[tuple[tuple[str, float], ...]] = set()

    def _near(self, positions: list[int], position: int) -> list[int]:
        low = bisect.bisect_left(positions, position - BLOCK)
        return positions[low : bisect.bisect_right(positions, position + BLOCK)]

    def _similarity(self, a: int, b: int) -> float:
        return self.ranked.similarity(self.ids[a], self.ids[b])

    def pick(self, candidates: Sequence[Sentence], count: int) -> list[Sentence]:
        """Up to ``count`` of ``candidates``, best first."""
        by_position = {self.ranked.positions[s.id]: s for s in candidates}
        # Each candidate's highest similarity to a point already picked, kept up to date.
        closest = {
            p: max((self._similarity(p, c) for c in self._near(self.chosen, p)), default=0.0)
            for p in by_position
        }

        def value(p: int) -> float:
            score = self.ranked.scores[self.ids[p]]
            return RELEVANCE * score - (1 - RELEVANCE) * closest[p]

        heap = [(-value(p), p) for p in by_position]  # ties: the earlier sentence first
        heapq.heapify(heap)
        remaining = sorted(by_position)
        picked: list[Sentence] = []
        while heap and len(picked) < count:
            stale, p = heapq.heappop(heap)
            vector = tuple(sorted(self.ranked.vectors[self.ids[p]].items()))
            if closest[p] > DUPLICATE or (vector and vector in self.picked_vectors):
                continue
            if -stale > value(p):
                heapq.heappush(heap, (-value(p), p))
                continue
            picked.append(by_position[p])
            self.picked_vectors.add(vector)
            bisect.insort(self.chosen, p)
            remaining.remove(p)
            for q in self._near(remaining, p):
                closest[q] = max(closest[q], self._similarity(q, p))
        return picked


def _coverage(found: set[str], wanted: set[str]) -> float:
    return len(found & wanted) / len(wanted) if wanted else 0.0


def _tfidf(
    sentences: Sequence[Sentence], words: dict[str, list[str]]
) -> dict[str, dict[str, float]]:
    document_frequency: Counter[str] = Counter()
    for s in sentences:
        document_frequency.update(set(words[s.id]))
    n = len(sentences)
    vectors: dict[str, dict[str, float]] = {}
    for s in sentences:
        counts = Counter(words[s.id])
        vector = {
            t: (1 + math.log(c)) * math.log((n + 1) / document_frequency[t])
            for t, c in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors[s.id] = {t: w / norm for t, w in vector.items() if w > 0}
    return vectors


def _lexrank(vectors: list[dict[str, float]]) -> list[float]:
    """PageRank over cosine similarities, within blocks of ``BLOCK`` and their neighbours."""
    n = len(vectors)
    if n == 0:
        return []
    if n <= SMALL:
        return _lexrank_small(vectors)
    # Imported here: short texts (and so most runs) never pay numpy's import time.
    import numpy as np

    windows = [
        (start, max(0, start - BLOCK), min(n, start + 2 * BLOCK)) for start in range(0, n, BLOCK)
    ]
    similarity: list[Any] = []  # per block: its rows × the sentences of its window
    for start, lo, hi in windows:
        window = _dense(vectors[lo:hi])
        block = window[start - lo : min(n, start + BLOCK) - lo]
        sim = block @ window.T
        sim[np.arange(block.shape[0]), np.arange(block.shape[0]) + start - lo] = (
            0.0  # no self-links
        )
        similarity.append(sim)
    degree = np.concatenate([sim.sum(axis=1) for sim in similarity])
    degree[degree == 0] = 1.0
    score = np.full(n, 1.0 / n)
    for _ in range(100):
        share = score / degree
        new = np.full(n, (1 - DAMPING) / n)
        for (start, lo, hi), sim in zip(windows, similarity, strict=True):
            new[start : start + sim.shape[0]] += DAMPING * (sim @ share[lo:hi])
        converged = float(np.abs(new - score).sum()) < 1e-9
        score = new
        if converged:
            break
    return [float(v) for v in score]


def _lexrank_small(vectors: list[dict[str, float]]) -> list[float]:
    """The same PageRank for a text of one block, in plain Python over sparse vectors."""
    n = len(vectors)
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings.setdefault(term, []).append((i, weight))
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for entries in postings.values():
        for a, (i, wi) in enumerate(entries):
            for j, wj in entries[a + 1 :]:
                links[i][j] = links[i].get(j, 0.0) + wi * wj
                links[j][i] = links[j].get(i, 0.0) + wi * wj
    degree = [sum(row.values()) or 1.0 for row in links]
    score = [1.0 / n] * n
    for _ in range(100):
        share = [score[j] / degree[j] for j in range(n)]
        new = [
            (1 - DAMPING) / n + DAMPING * sum(w * share[j] for j, w in links[i].items())
            for i in range(n)
        ]
        converged = sum(abs(a - b) for a, b in zip(new, score, strict=True)) < 1e-9
        score = new
        if converged:
            break
    return score


def _dense(vectors: list[dict[str, float]]) -> Any:
    """Sparse term vectors as the rows of a dense matrix over the terms they use."""
    import numpy as np

    column: dict[str, int] = {}
    for vector in vectors:
        for term in vector:
            column.setdefault(term, len(column))
    matrix = np.zeros((len(vectors), len(column)))
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            matrix[i, column[term]] = weight
    return matrix


def _list_items(source: Source, sentences: Sequence[Sentence]) -> set[str]:
    """Sentences that are list items: a bulleted paragraph, or a run of short lines
    without sentence ends (a spec list, an enumeration)."""
    paragraphs = [p.text for section in source.sections for p in section.paragraphs]
    items: set[str] = set()
    for s in sentences:
        paragraph = paragraphs[s.paragraph]
        if _BULLET.match(paragraph) or (
            len(paragraph) < 40
            and not paragraph.rstrip().endswith(("。", ".", "！", "？", "!", "?"))
        ):
            items.add(s.id)
    return items
