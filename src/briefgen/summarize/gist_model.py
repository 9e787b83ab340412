"""Which sentence of a speech a summary keeps: a small linear model.

Each sentence is described by a few dozen general features (below), and its score is
a dot product with a dict of weights, read once from ``gist_model.json`` in this
package. The weights are learned by ``scripts/train_gist_model.py`` from the NTCIR-14
QA Lab-PoliInfo training split (assembly speeches and the assembly newsletter's
summaries of them): for each speech, the sentence whose compressed form, alone at the
speech's character limit, best covers the summary's words should score highest
(a softmax over the speech's sentences, fitted by gradient descent).

The features are classes of wording and position, never a text's own words:

- its **role** (:func:`briefgen.summarize.gist.sentence_role`) and where it stands:
  its place in the speech (and its paragraph), the last or first of its role, and
  whether the speech asks (a question) or answers;
- its **ending**, by class: a question (``か``), a request (``伺います``,
  ``求めます``), an opinion before an ask (``すべきと考えますが``), an intent
  (``てまいります``), a plain report (``ました``), a negative…;
- its **opening**: a link to the sentence before (``次に``, ``また``), a conclusion
  (``そこで``, ``このため``), a topic signpost (``についてでございますが``);
- its **length**, and the length of its core (after the openers and the topic
  signpost go) against the budget: a summary keeps what fits;
- its **content**: the ranker's score (centrality with priors), its similarity to the
  speech's words as a whole, numbers, dates, amounts, quotes.

A second set of weights scores a sentence's **clauses** (:func:`clause_features`) when
the sentence is over the budget: a least-squares fit of the share of each clause's
words the summary keeps, over the clauses of the sentences a summary draws on. The
sentence weights are learned after them, each sentence compressed as those clauses
choose.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from briefgen.model import Sentence

MODEL_FILE = "gist_model.json"

# Patterns are kept as text and compiled by ``re``'s own cache on first use: a briefing
# of news never reads a speech's features, so importing costs nothing (20 patterns:
# 3.7 ms compiled at import).
_ENDINGS = (
    ("question", (r"(?:か|のか|でしょうか|ますか)[。？?]?$")),
    (
        "request",
        (r"(?:伺い?ます|伺いたい|お聞きします|お尋ねします|問います|求めます)[。]?$"),
    ),
    ("view_asked", (r"(?:見解|所見|認識|決意|考え|答弁)を")),
    ("opinion_then_ask", (r"(?:べき|必要|重要)[^。]{0,8}(?:考え|思い)[^。]{0,4}が、")),
    ("should", (r"べき")),
    ("intent", (r"(?:てまいり|ていき|ていく|ていきたい|てまいりたい)[^。]{0,8}[。]?$")),
    ("will_do", (r"(?:いたします|いたしたい|します|したい)[。]?$")),
    ("decided", (r"(?:こととし|ことといた|ことにいた|を決定|を決め)")),
    ("done", (r"(?:ました|でした|た)[。]?$")),
    ("negative", (r"(?:ません|ない|ず)[。]?$")),
    ("think", (r"(?:考えて|考え|思って|思い|認識して)(?:おります|います|ます)[。]?$")),
    ("is_polite", (r"(?:でございます|であります|です)[。]?$")),
    ("necessary", (r"(?:必要|重要|不可欠|急務)")),
)
_OPENINGS = (
    ("link", (r"^(?:次に|次いで|また|さらに|加えて|なお|まず|最後に|あわせて|併せて)")),
    ("conclusion", (r"^(?:そこで|このため|そのため|したがって|したがいまして|よって)")),
    ("contrast", (r"^(?:しかし|しかしながら|一方|ただ|だが|ところが)")),
    ("future", (r"^(?:今後|引き続き|これからも|今後とも)")),
    ("topic", (r"について(?:でございますが|でありますが|ですが|は)、|につきましては、")),
    ("reference", (r"^(?:この|その|こうした|これ|それ|こ[れの]ら)")),
)
# A sentence that takes up a new topic: "次に、Xについてでございますが、".
_TOPIC_OPENING = (
    r"^(?:まず|次に|次いで|最後に|また|さらに)?、?[^。]{0,40}"
    r"(?:について(?:でございますが|でありますが|ですが|は)|につきましては|に関しましては)、"
)
_NUMBER = r"[0-9０-９]|[一二三四五六七八九十百千万億]+(?:円|件|人|年|か所|カ所|割|%|％|倍|校|戸|棟)"
_PERIOD = r"(?:年度|年内|年中|月から|月まで|までに|目途|めど)"
_POLITE = ("ます。", "です。", "ません。", "ますか。", "でしょうか。", "ございます。")
_ROLES = ("ask", "decision", "statement", "signpost", "greeting")


@dataclass(frozen=True)
class GistModel:
    """Feature weights; a sentence's score is their dot product with its features.
    ``clause_weights`` score a sentence's clauses the same way (:func:`clause_features`):
    how much of each a summary keeps, when the sentence is over the budget."""

    weights: Mapping[str, float]
    clause_weights: Mapping[str, float] = field(default_factory=dict)

    def score(self, features: Mapping[str, float]) -> float:
        return _dot(self.weights, features)

    def clause_score(self, features: Mapping[str, float]) -> float:
        return _dot(self.clause_weights, features)


def _dot(weights: Mapping[str, float], features: Mapping[str, float]) -> float:
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


@functools.cache
def shipped_model() -> GistModel:
    """The model shipped in the package, read on first use."""
    import json  # here, like resources: importing briefgen need not pay for them
    from importlib import resources

    text = resources.files("briefgen.summarize").joinpath(MODEL_FILE).read_text("utf-8")
    model = json.loads(text)
    return GistModel(model["weights"], model.get("clause_weights", {}))


def sentence_features(
    sentences: Sequence[Sentence],
    scores: Mapping[str, float],
    roles: Mapping[str, str],
    words: Mapping[str, Sequence[str]],
    budget: int,
    core: Mapping[str, str],
) -> list[dict[str, float]]:
    """The features of each of ``sentences`` (in order; see the module docstring).

    ``scores``: the ranker's; ``roles``: each sentence's role; ``words``: its content
    words; ``core``: its text without openers and topic signpost."""
    count = len(sentences)
    counts = [Counter(words.get(s.id, ())) for s in sentences]
    speech_words: Counter[str] = Counter()
    for own in counts:
        speech_words.update(own)
    speech_norm = math.sqrt(sum(c * c for c in speech_words.values())) or 1.0
    role_of = [roles.get(s.id, "statement") for s in sentences]
    asks = role_of.count("ask")
    last_of_role = {role: i for i, role in enumerate(role_of)}
    first_of_role = {role: i for i, role in reversed(list(enumerate(role_of)))}
    best_score = max((scores.get(s.id, 0.0) for s in sentences), default=0.0)
    paragraph_of = [s.paragraph for s in sentences]
    # The topics the speech names: its signposts' words ("次に、Xについて伺います")
    # and its first sentence's, which says what the speech is about.
    topic: Counter[str] = Counter()
    opens_topic = [bool(re.search(_TOPIC_OPENING, s.text)) for s in sentences]
    for i, own in enumerate(counts):
        if i == 0 or role_of[i] == "signpost" or opens_topic[i]:
            topic.update(own.keys())
    topic_total = sum(topic.values())
    found = []
    for i, s in enumerate(sentences):
        text = s.text.strip()
        role = role_of[i]
        position = i / (count - 1) if count > 1 else 0.0
        f: dict[str, float] = {
            f"role={role}": 1.0,
            "position": position,
            "position^2": position * position,
            "first": float(i == 0),
            "last": float(i == count - 1),
            "second_to_last": float(i == count - 2),
            f"last_{role}": float(last_of_role[role] == i),
            f"first_{role}": float(first_of_role[role] == i),
            "opens_paragraph": float(i == 0 or paragraph_of[i - 1] != s.paragraph),
            "closes_paragraph": float(i == count - 1 or paragraph_of[i + 1] != s.paragraph),
            "length": min(len(text), 300) / 100,
            "core_fits": float(len(core[s.id]) <= budget),
            "core_over": min(max(len(core[s.id]) - budget, 0) / budget, 3.0),
            "core_share": min(len(core[s.id]) / budget, 3.0),
            "rank_score": scores.get(s.id, 0.0),
            "rank_best": float(best_score > 0 and scores.get(s.id, 0.0) == best_score),
            "polite": float(text.endswith(_POLITE)),
            "number": float(bool(re.search(_NUMBER, text))),
            "period": float(bool(re.search(_PERIOD, text))),
            "quote": float("「" in text),
            "commas": min(text.count("、"), 6) / 6,
        }
        before = role_of[i - 1] if i else "none"
        after = role_of[i + 1] if i + 1 < count else "none"
        f[f"after_{before}"] = 1.0
        f[f"before_{after}"] = 1.0
        if i + 1 < count and opens_topic[i + 1]:
            f["closes_topic"] = 1.0  # the next sentence takes up the next topic
        if opens_topic[i]:
            f["opens_topic"] = 1.0
        if asks:  # the speech asks: a question; else an answer or an address
            f[f"question_speech_{role}"] = 1.0
            f["question_speech_position"] = position
        own = counts[i]
        norm = math.sqrt(sum(c * c for c in own.values()))
        if norm:
            # Similarity to the speech as a whole (itself included: a short speech).
            f["speech_similarity"] = (
                sum(c * speech_words[w] for w, c in own.items()) / norm / speech_norm
            )
        if topic_total:
            f["topic_overlap"] = sum(topic[w] for w in own if w in topic) / topic_total
        for name, pattern in _ENDINGS:
            if re.search(pattern, text):
                f[f"ending={name}"] = 1.0
        for name, pattern in _OPENINGS:
            if re.search(pattern, text):
                f[f"opening={name}"] = 1.0
        found.append(f)
    return found


# A clause's last words before its comma, by class: how it joins what follows.
_CLAUSE_ENDS = (
    ("te", r"[てで]$"),
    ("stem", r"[しりきぎちみびにいえけせめべ]$"),
    ("together", r"(?:とともに|と共に|ほか|上で)$"),
    ("reason", r"(?:ため|ので|から|ことから|により|によって|によりまして)$"),
    (
        "means",
        r"(?:を通じ(?:て)?|を通し(?:て)?|に向け(?:て)?|において|にあたり|に当たり|に対し(?:て)?)$",
    ),
    ("topic", r"(?:は|では|には|としては|としましては|といたしましては)$"),
    ("subject", r"が$"),
    ("also", r"(?:も|でも)$"),
    ("condition", r"(?:ば|たら|なら|場合|際|中)$"),
    ("list", r"(?:など|等|や|、)$"),
    ("noun", r"[\u4e00-\u9fff\u30a0-\u30ff]$"),
)
_CLAUSE_OPENINGS = (
    ("link", _OPENINGS[0][1]),
    ("conclusion", _OPENINGS[1][1]),
    ("future", _OPENINGS[3][1]),
    ("reference", _OPENINGS[5][1]),
    ("speaker", r"^(?:東京)?都(?:として|では|といたしましては)?(?:は|も)?$"),
)


def clause_features(clauses: Sequence[str], budget: int) -> list[dict[str, float]]:
    """The features of each clause of a sentence split at its commas (the last one,
    which holds the predicate, included): where it stands, how it ends and opens,
    its length against the budget, numbers, quotes, and how dense in content it is
    (its share of kanji and katakana)."""
    count = len(clauses)
    found = []
    for i, clause in enumerate(clauses):
        body = clause.rstrip("、。")
        content = sum(1 for ch in body if "\u4e00" <= ch <= "\u9fff" or "\u30a0" <= ch <= "\u30ff")
        f: dict[str, float] = {
            "bias": 1.0,
            "position": i / (count - 1) if count > 1 else 0.0,
            "first": float(i == 0),
            "last": float(i == count - 1),
            "before_last": float(i == count - 2),
            "length": min(len(body) / budget, 2.0),
            "content_share": content / len(body) if body else 0.0,
            "number": float(bool(re.search(_NUMBER, body))),
            "period": float(bool(re.search(_PERIOD, body))),
            "quote": float("「" in body),
        }
        for name, pattern in _CLAUSE_ENDS:
            if re.search(pattern, body):
                f[f"end={name}"] = 1.0
                break
        for name, pattern in _CLAUSE_OPENINGS:
            if re.search(pattern, body):
                f[f"open={name}"] = 1.0
        found.append(f)
    return found
