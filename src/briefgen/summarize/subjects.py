"""Whose statement a sentence is when it does not say: the subject a Japanese
sentence takes from the sentences before it.

Japanese leaves out a subject the reader already knows. After ``一方、NASAは…OSIRIS
計画を発表した。それによると、OSIRISミッションは…``, the sentence
``ターゲットとなる小惑星は1999RQ36で、…2017年に地球に帰還する。`` states OSIRIS's
plan; read alone on page 1 it would be the main subject's. The rules:

- a sentence's *topic* is the phrase before its first ``は`` or ``も`` that follows
  a noun (not ``では``, ``には``), from the start of its clause (the last comma); the
  topic *names* a subject when it holds a name: a proper noun, a word in Latin
  letters, a name in 「」, or an actor's name; a first-person topic (私は, 我々は)
  is the speaker's own, the main subject's;
- a paragraph that is only a label (a list item's head such as ``・miniSD``: short,
  no sentence-final punctuation, no ``：``) names the subject of what follows it
  when it names a thing (Latin letters, katakana, digits or 「」);
- a sentence whose topic names nothing keeps the subject named last, unless it
  names one of the main subjects anywhere; a topic's subject holds to the end of
  its paragraph, and on into paragraphs of one sentence (a wire report's), a
  label's to the next label or heading;
- the *main* subjects are the names in the title and in the opening sentence, and
  the actors mentioned most (:func:`main_actors`).

:func:`borrowed_subjects` returns, for each sentence whose subject is carried over
from a name that is not a main one, that name: the first page writes it before the
fact (``OSIRISミッション: …``), and neither the lede nor the gist takes such a
sentence, since its point belongs to another subject.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from briefgen.model import Found, Sentence
from briefgen.text.tokenize import Token

_LATIN = re.compile(r"[A-Za-z]{2,}")
_QUOTED = re.compile(r"[「『]([^」』]{1,30})[」』]")
# A label names a thing when it is written like one: Latin letters, katakana, digits, 「」.
_THING = re.compile(r"[A-Za-z0-9０-９\u30a0-\u30ff「『]")
_TERMINAL = tuple("。．.!！？?」』）)")
MAX_LABEL_CHARS = 20
MAIN_ACTORS = 3  # the actors mentioned most are main subjects, wherever they are named


def borrowed_subjects(
    sentences: Sequence[Sentence],
    tokens: Mapping[str, Sequence[Token]],
    title: str,
    actor_names: Collection[str],
    main_actors: Collection[str] = (),
) -> dict[str, str]:
    """Each sentence id whose subject is carried over from another name than the
    main ones, with that name (see the module docstring); ``tokens``: each
    sentence's SudachiPy words (Japanese only: without them, none); ``main_actors``:
    the actors the text is most about."""
    if not tokens or not sentences:
        return {}
    main_text = title + sentences[0].text
    names = sorted((n for n in actor_names if len(n) >= 2), key=len, reverse=True)
    main_names = [n for n in names if n in main_text or n in main_actors]
    per_paragraph: dict[int, int] = {}
    for s in sentences:
        per_paragraph[s.paragraph] = per_paragraph.get(s.paragraph, 0) + 1

    def is_main(found: list[str]) -> bool:
        return any(name in main_text or name in main_actors for name in found)

    borrowed: dict[str, str] = {}
    current: str | None = None  # the subject named last, None for the main ones
    from_label = False  # named by a label: it holds to the next label or heading
    before = sentences[0]
    for sentence in sentences:
        if sentence.section != before.section:
            current = None
        elif (
            sentence.paragraph != before.paragraph
            and not from_label
            and per_paragraph[sentence.paragraph] > 1
        ):
            current = None  # a topic's subject ends with its paragraph
        before = sentence
        text = sentence.text.strip()
        if per_paragraph[sentence.paragraph] == 1 and _is_label(text):
            named = _THING.search(text) and not is_main([text, *_names_in(text, names)])
            current, from_label = (text if named else None), True
            continue
        words = tokens.get(sentence.id, ())
        topic, marker = _topic(text, words)
        found = _names_in(topic, names, words, text) if topic else []
        if topic and _FIRST_PERSON.search(topic):
            current, from_label = None, False
        elif topic and found and marker == "も":
            continue  # "HIMARSも参加する": its own subject, and the topic goes on
        elif topic and found:
            current = None if is_main(found) else topic
            from_label = False
        elif any(name in text for name in main_names):
            current, from_label = None, False
        elif current is not None:
            borrowed[sentence.id] = current
    return borrowed


# The speaker or author as the subject: what follows is theirs, the main subject's.
_FIRST_PERSON = re.compile(
    r"(?:^|の)(?:私|わたし|僕|我々|われわれ|私たち|当社|弊社)(?:たち|ども)?$"
)


def main_actors(found: Sequence[Found]) -> list[str]:
    """The names of the actors a text is most about: those mentioned most (all of
    them, when several are), and up to :data:`MAIN_ACTORS` in all of those mentioned
    at least twice and at least half as often."""
    ranked = sorted(found, key=lambda a: -a.mentions)
    if not ranked:
        return []
    most = ranked[0].mentions
    floor = max(2, most / 2)
    return [
        a.name
        for n, a in enumerate(ranked)
        if a.mentions == most or (n < MAIN_ACTORS and a.mentions >= floor)
    ]


def _is_label(text: str) -> bool:
    return len(text) <= MAX_LABEL_CHARS and not text.endswith(_TERMINAL) and "：" not in text


def _topic(text: str, words: Sequence[Token]) -> tuple[str | None, str]:
    """The phrase before the sentence's first topic ``は`` or ``も`` (after a noun, a
    pronoun, a suffix or a closing bracket), from the start of its clause, and that
    particle; (None, "") for a sentence without one."""
    start = 0
    depth = 0
    for n, word in enumerate(words):
        if word.pos[:2] == ("補助記号", "括弧開"):
            depth += 1
        elif word.pos[:2] == ("補助記号", "括弧閉"):
            depth = max(0, depth - 1)
        elif depth == 0 and word.pos[:2] == ("補助記号", "読点"):
            start = word.span[1]
        elif depth == 0 and word.surface in ("は", "も") and word.pos[:2] == ("助詞", "係助詞"):
            before = words[n - 1] if n else None
            if before is None or not (
                before.is_noun
                or before.pos[0] == "代名詞"
                or before.pos[:2] == ("補助記号", "括弧閉")
            ):
                continue  # では, には, とは: no topic of a sentence
            phrase = text[start : word.span[0]].strip()
            # "現在飛行中の「はやぶさ」": the name after the last の, when it holds one.
            head = phrase.rsplit("の", 1)[-1]
            return (head if head != phrase and _has_name(head) else phrase), word.surface
    return None, ""


def _has_name(text: str) -> bool:
    return bool(_LATIN.search(text) or _QUOTED.search(text))


def _names_in(
    phrase: str,
    names: Sequence[str],
    words: Sequence[Token] = (),
    text: str = "",
) -> list[str]:
    """The names ``phrase`` holds: actors' names, words in Latin letters, names in
    「」 and (given the sentence's ``words`` and ``text``) proper nouns."""
    found = [n for n in names if n in phrase]
    found += _LATIN.findall(phrase) + _QUOTED.findall(phrase)
    if words and text:
        at = text.find(phrase)
        found += [
            w.surface
            for w in words
            if w.pos[1:2] == ("固有名詞",) and at <= w.span[0] < at + len(phrase)
        ]
    return found
