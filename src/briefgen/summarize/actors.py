"""Actors: the people, places and organizations a source names, with mention counts.

From the analyzer's proper nouns (Japanese: SudachiPy):

- a person's name written in parts joined by ``・`` is one name (キリル・ドミトリエフ),
  unless its first part also stands alone in the text (プーチン・ウィトコフ会談 is
  two people);
- a run of nouns that begins with a proper noun and ends in an organization word
  (機構, 基金, 省, 党, 軍…) is one organization (上海協力機構, ロシア直接投資基金);
- a later short form joins the full name it ends (ドミトリエフ → キリル・ドミトリエフ);
- an acronym the analyzer calls a proper noun (EU, NATO) is an organization.

Each actor keeps its kind (person, place, organization, other), how often it is
mentioned, and the sentence that first mentions it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.model import Sentence
from briefgen.text.tokenize import Token, tokenize_ja

ORGANIZATION_WORDS = (
    "機構", "基金", "省", "庁", "党", "軍", "空軍", "海軍", "陸軍", "政府", "委員会", "議会",
    "銀行", "協会", "連合", "機関", "局", "隊", "大学", "通信", "新聞", "社", "会議所",
    "財団", "組合", "警察", "裁判所", "研究所", "同盟", "理事会", "首脳会議",
)  # fmt: skip
_KATAKANA = set(range(0x30A1, 0x30FB)) | {0x30FC}


@dataclass(frozen=True)
class Found:
    """An actor before translation."""

    name: str
    kind: str  # person | place | organization | other
    mentions: int
    first_sentence_id: str


def _katakana(text: str) -> bool:
    return bool(text) and all(ord(ch) in _KATAKANA for ch in text)


def actors(sentences: Sequence[Sentence], language: str) -> list[Found]:
    """The actors of a source, in order of first mention (Japanese only, for now)."""
    if language != "ja":
        return []
    tokenized = [(s, tokenize_ja(s.text)) for s in sentences]
    # Names that stand alone somewhere (not next to ・): プーチン, but not キリル.
    alone = {
        t.surface
        for _, tokens in tokenized
        for k, t in enumerate(tokens)
        if t.proper_kind
        and (k + 1 == len(tokens) or tokens[k + 1].surface != "・")
        and (k == 0 or tokens[k - 1].surface != "・")
    }
    mentions: list[tuple[str, str, str]] = []  # (name, kind, sentence id)
    for sentence, tokens in tokenized:
        mentions += [(name, kind, sentence.id) for name, kind in _names(tokens, alone)]
    return _merge(mentions)


def _names(tokens: list[Token], alone: set[str]) -> list[tuple[str, str]]:
    found, i = [], 0
    while i < len(tokens):
        organization = _organization(tokens, i)
        if organization:
            name, end = organization
            found.append((name, "organization"))
            i = end
            continue
        token = tokens[i]
        kind = token.proper_kind
        if kind is None:
            i += 1
            continue
        parts, j = [token.surface], i + 1
        # キリル・ドミトリエフ: katakana parts joined by ・ make one name.
        while (
            kind == "person"
            and token.surface not in alone
            and j + 1 < len(tokens)
            and tokens[j].surface == "・"
            and _katakana(tokens[j + 1].surface)
            and tokens[j + 1].proper_kind in ("person", None)
        ):
            parts.append(tokens[j + 1].surface)
            j += 2
        name = "・".join(parts)
        if kind == "name":  # EU, NATO, IMF: an acronym names an organization
            kind = "organization" if name.isascii() and name.isupper() else "other"
        found.append((name, kind))
        i = j
    return found


def _organization(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """An organization starting at ``tokens[i]``: (its name, the index after it)."""
    if not tokens[i].proper_kind:
        return None
    j = i
    while j < len(tokens) and tokens[j].is_noun and tokens[j].surface != "・":
        j += 1
    for end in range(j, i + 1, -1):  # the longest run that ends in an organization word
        if tokens[end - 1].surface in ORGANIZATION_WORDS or any(
            tokens[end - 1].surface.endswith(w) for w in ORGANIZATION_WORDS if len(w) > 1
        ):
            return "".join(t.surface for t in tokens[i:end]), end
    return None


def _merge(mentions: list[tuple[str, str, str]]) -> list[Found]:
    names: dict[str, list[str]] = {}  # name → sentence ids, in order
    kinds: dict[str, str] = {}
    for name, kind, sentence_id in mentions:
        names.setdefault(name, []).append(sentence_id)
        kinds.setdefault(name, kind)
    # A short form (ドミトリエフ) joins the full name it ends (キリル・ドミトリエフ).
    full = [n for n in names if "・" in n]
    for name in list(names):
        longer = [f for f in full if f != name and f.split("・")[-1] == name]
        if len(longer) == 1:
            names[longer[0]] += names.pop(name)
    order = {sid: n for n, sid in enumerate(dict.fromkeys(s for _, _, s in mentions))}
    found = [
        Found(name, kinds[name], len(ids), min(ids, key=order.__getitem__))
        for name, ids in names.items()
    ]
    return sorted(found, key=lambda a: (order[a.first_sentence_id], -a.mentions, a.name))
