"""Fact, assessment or quote: what kind of statement a sentence is, and who said it.

- ``quote``: someone's words, in 「…」 or reported (…と述べた, と語った, によると,
  …が報じている; "…," she said; according to…), with the speaker when the text
  names one;
- ``assessment``: the author's judgement or speculation (〜とみる, 〜に違いない,
  〜だろう, 〜と考えられる, 〜かもしれない, 〜言うまでもない, 〜注目に値する…, and
  〜てはならない, 〜が重要だ, the same said politely in a speech: 〜べきです, 〜必要があります,
  〜と考えております, 〜てはなりません; hedges and modal verbs in English); a speaker's
  own saying in the present (〜べきと申し添えておきます) is judged by what is said;
- ``fact``: everything else: a statement the text reports as so.

A quotation that stands alone (「…」, an interview's answer) is a quote too; who said
it is what its neighbourhood names (:func:`quote_holders`), never the author by
default. :func:`complete_statement` says which sentences can be a key fact on their
own: complete and declarative, no question, heading, list row or fragment.

Each language is one small table of cues below (Japanese, English, German, French,
Spanish, Russian); a language without one gets ``fact`` for every sentence.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from briefgen.model import Sentence

LABELS = ("fact", "assessment", "quote")


@dataclass(frozen=True)
class _Cues:
    speech: re.Pattern[str]  # reported speech, with the verb
    according: re.Pattern[str]  # "according to X": group "speaker"
    speaker_before_verb: re.Pattern[str]  # "…と X が 報じた": group "speaker"
    topic: re.Pattern[str]  # the sentence's subject: group "speaker"
    assessment: re.Pattern[str]


_JA_SPEECH_VERBS = (
    r"(?:述べ|語っ|語り|語る|話し|話す|言っ(?!ていい|てもいい|てよい)|言う(?!までもない|べき)|強調し|指摘し|"
    r"明らかにし|説明し|主張し|表明し|批判し|非難し|非難する|訴え|報じ|伝え|発表し|明かし|"
    r"答え|証言し|回答し)"
)
# "…と X が報じた": only verbs of reporting, since "…とのことは言うまでもない" is no quote.
_JA_REPORT_VERBS = r"(?:述べ|語っ|報じ|伝え|発表し|明らかにし|明かし|証言し)"
# A name in a language with capitals: capitalized words (Jean-Baptiste Djebbari).
_NAME = r"[^\W\d_a-zа-яё][\w.\-]*(?: [^\W\d_a-zа-яё][\w.\-]*){0,4}"
_CLOSE = r"[\"“”„»」]"  # a closing quote, or where _speaker put 「」 for a quote
_CUES = {
    "ja": _Cues(
        speech=re.compile(
            rf"[」』]?と(?:も)?{_JA_SPEECH_VERBS}|」と[^。]{{0,12}}{_JA_SPEECH_VERBS}"
            rf"|と[^、。「」『』]{{1,30}}?(?:が|は){_JA_REPORT_VERBS}"
        ),
        according=re.compile(
            r"(?P<speaker>[^、。「」『』\s]{1,30}?)(?:など)?(?:によると|によれば)"
        ),
        speaker_before_verb=re.compile(
            rf"と(?P<speaker>[^、。「」『』\s]{{1,30}}?)(?:が|は){_JA_REPORT_VERBS}"
        ),
        # The first "X は/が/では" after the start or a comma: the one who speaks.
        topic=re.compile(r"(?:^|、)(?P<speaker>[^、。「」『』\s]{1,40}?)(?:は|が)(?!ない)"),
        assessment=re.compile(
            r"(?:と(?:み|見)る|とみられる|と見られる|に違いない|だろう|であろう|と考えられる|"
            r"かもしれない|言うまでもない|注目に値する|と思われる|と思う|べき(?:だ|である)?|"
            r"必要がある|ではないか|ではなかろうか|と言える|といえる|はずだ|と考える|"
            r"でしかない|証左だ|ように思える|と受け取れる|[てで]は(?:ならない|いけない)|"
            r"(?:重要|大切|不可欠|肝要)(?:だ|である))"
            r"(?:のである|のだ|だろう|といえる)?[。！？!?」]*$"
        ),
    ),
    "en": _Cues(
        speech=re.compile(
            r"\b(?:said|says|told|stated|added|according to|announced|declared)\b", re.I
        ),
        according=re.compile(r"\b[Aa]ccording to (?P<speaker>(?:the )?[\w.\-’' ]{1,60}?),"),
        # '"…," said Mayor Tom Brown.' / '"…," the governor announced.'
        speaker_before_verb=re.compile(
            r"[\"”」],? (?:(?:said|says|told|added|announced|declared) "
            r"(?P<speaker>[\w.\-’' ]{1,60}?)"
            r"|(?P<speaker2>(?:the )?[\w.\- ]{1,40}?) (?:said|says|told|added|announced))[,.]"
        ),
        topic=re.compile(
            r"^(?P<speaker>(?:The )?[A-Z][\w.\- ]{1,50}?) (?:said|says|told|stated|announced)\b"
        ),
        assessment=re.compile(
            r"\b(?:may|might|could|likely|unlikely|probably|perhaps|should|must|seems?|"
            r"appears? to|I (?:think|believe)|we (?:think|believe)|arguably|is expected to)\b",
            re.I,
        ),
    ),
    "de": _Cues(
        speech=re.compile(
            r"\b(?:sagte|sagt|erklärte|erklärt|betonte|betont|schreibt|schrieb|teilte|"
            r"kündigte|forderte|heißt es|zufolge|laut)\b"
        ),
        according=re.compile(rf"\b(?:[Ll]aut|[Nn]ach Angaben) (?P<speaker>(?:de[rsm] )?{_NAME})"),
        # German puts the verb second: '"…", sagte Scholz', 'Am Montag sagte der Minister'.
        speaker_before_verb=re.compile(
            r"\b(?:sagte|sagt|erklärte|betonte|schreibt|schrieb) "
            rf"(?P<speaker>(?:der |die )?(?:{_NAME}|[A-ZÄÖÜ]\w+))"
        ),
        topic=re.compile(rf"^(?P<speaker>{_NAME}) (?:sagte|erklärte|betonte|schreibt)\b"),
        assessment=re.compile(
            r"\b(?:könnte|könnten|dürfte|dürften|wohl|vermutlich|wahrscheinlich|"
            r"möglicherweise|vielleicht|sollte|sollten|müsste|müssten|scheint|offenbar)\b",
            re.I,
        ),
    ),
    "fr": _Cues(
        speech=re.compile(
            r"\b(?:a (?:\w+ )?(?:déclaré|affirmé|annoncé|précisé|indiqué|ajouté|expliqué|"
            r"souligné)|déclare|affirme|selon|d'après|a-t-(?:il|elle) "
            r"(?:dit|déclaré|ajouté|affirmé|précisé))\b"
        ),
        according=re.compile(r"\b(?:[Ss]elon|[Dd]'après) (?P<speaker>[\w.\-’' ]{1,40}?)[,.]"),
        speaker_before_verb=re.compile(
            rf"{_CLOSE},? a (?:\w+ )?(?:déclaré|affirmé|précisé|ajouté|indiqué) "
            rf"(?P<speaker>{_NAME})"
        ),
        topic=re.compile(rf"^(?P<speaker>{_NAME}) a (?:déclaré|affirmé|annoncé|précisé|indiqué)\b"),
        assessment=re.compile(
            r"\b(?:pourrait|pourraient|devrait|devraient|sans doute|probablement|peut-être|"
            r"semble|il faut|il faudrait)\b",
            re.I,
        ),
    ),
    "es": _Cues(
        speech=re.compile(r"\b(?:dijo|afirmó|declaró|aseguró|explicó|señaló|añadió|según)\b"),
        according=re.compile(r"\b[Ss]egún (?P<speaker>[\w.\- ]{1,40}?)[,.]"),
        speaker_before_verb=re.compile(
            rf"{_CLOSE},? (?:dijo|afirmó|declaró|aseguró|explicó|señaló|añadió) "
            rf"(?P<speaker>{_NAME})"
        ),
        topic=re.compile(rf"^(?P<speaker>{_NAME}) (?:dijo|afirmó|declaró|aseguró)\b"),
        assessment=re.compile(
            r"\b(?:podría|podrían|debería|deberían|probablemente|quizás?|tal vez|parece|"
            r"posiblemente)\b",
            re.I,
        ),
    ),
    "ru": _Cues(
        speech=re.compile(
            r"\b(?:заявила?|сказала?|сообщила?|отметила?|подчеркнула?|по словам|по данным|"
            r"считает)\b"
        ),
        according=re.compile(r"[Пп]о (?:словам|данным) (?P<speaker>[\w.\- ]{1,40}?)[,.]"),
        speaker_before_verb=re.compile(
            rf"{_CLOSE},? ?[—–-]? ?(?:заявил|сказал|сообщил|отметил)а? (?P<speaker>[^,.]{{1,60}})"
        ),
        topic=re.compile(rf"^(?P<speaker>{_NAME}) (?:заявил|сказал|сообщил|отметил)а?"),
        assessment=re.compile(
            r"\b(?:может|могут|вероятно|возможно|по-видимому|должен|должны|следует|кажется|"
            r"видимо)\b",
            re.I,
        ),
    ),
}


# A speech says in the polite style what writing says in the plain one (…べきです is
# …べきだ, …必要があります is …必要がある, …と考えております is …と考える): each polite
# ending of a sentence, and the plain one the cues are written in, the first that
# matches taken.
_POLITE_JA = tuple(
    (re.compile(polite + r"(?=[。！!」]*$)"), plain)
    for polite, plain in (
        (r"と(?:私は)?考え(?:て(?:おり|い))?ます", "と考える"),
        (r"と(?:私は)?(?:思|存じ)(?:っ|い)?(?:て(?:おり|い))?ます", "と思う"),
        (r"と(言え|いえ|思われ|考えられ|みられ|見られ)ます", r"と\1る"),
        (r"([てで]は)(?:なり|いけ)ません", r"\1ならない"),
        (r"ではないでしょうか", "ではないか"),
        (r"でしょう", "だろう"),
        (r"かもしれません", "かもしれない"),
        (r"に違いありません", "に違いない"),
        (r"で(?:ございます|あります)", "である"),
        (r"(?:ございます|あります)", "ある"),
        (r"です", "だ"),
    )
)


# The speaker's own act of saying, in the present (…べきとつけ加えておきます, …必要が
# あると申し上げます): what is said is the statement, not words reported from someone
# else (…と指摘した, …と指摘しています are).
_OWN_SAYING_JA = re.compile(
    r"と(?:つけ加え|付け加え|申し添え|指摘し|強調し)ておきます|と申し上げ(?:ておき)?ます"
    r"(?=[。！!]*$)"
)


def _plain_style(text: str) -> str:
    """``text`` with its polite ending made plain (see :data:`_POLITE_JA`)."""
    for polite, plain in _POLITE_JA:
        made, count = polite.subn(plain, text, count=1)
        if count:
            return made
    return text


def label(text: str, language: str) -> tuple[str, str | None]:
    """(``fact`` | ``assessment`` | ``quote``, the speaker of a quote or ``None``)."""
    cues = _CUES.get(language)
    if cues is None:
        return "fact", None
    stripped = text.strip()
    if language == "ja":
        stripped = _OWN_SAYING_JA.sub("", stripped)
    according = cues.according.search(stripped)
    speech = cues.speech.search(stripped)
    assessment = cues.assessment.search(_plain_style(stripped) if language == "ja" else stripped)
    # "…と非難するが、…でしかない": the words are reported in a clause the author's
    # own judgement then answers; the sentence is the judgement.
    concessive = speech is not None and stripped[speech.end() :].startswith(("が、", "るが、"))
    if (according or speech) and not (concessive and assessment):
        return "quote", _speaker(stripped, cues, according)
    if _one_quotation(stripped):  # words in quotes and nothing else: someone's, unnamed here
        return "quote", None
    if assessment:
        return "assessment", None
    return "fact", None


# Words that stand where a speaker would but name no one: pointers, times.
_NO_ONE = {
    *("これ", "それ", "あれ", "この", "その", "ここ", "そこ", "同紙", "これら", "それら"),
    *("今日", "昨日", "本日", "明日", "今年", "昨年", "その後", "同日", "当時", "今回"),
}


def _speaker(text: str, cues: _Cues, according: re.Match[str] | None) -> str | None:
    if according:  # "X によると" names the source, or no one ("これによると")
        speaker = according.group("speaker").strip()
        return None if speaker in _NO_ONE else speaker
    # Never inside quotes: each quotation becomes 「」.
    unquoted = re.sub(r"「[^」]*」|『[^』]*』|\"[^\"]*\"|“[^”]*”|«[^»]*»|„[^“”]*[“”]", "「」", text)
    candidates = [according, cues.speaker_before_verb.search(unquoted)]
    candidates += list(cues.topic.finditer(unquoted))
    for match in candidates:
        if match:
            found = match.groupdict()
            speaker = (found.get("speaker") or found.get("speaker2") or "").strip().rstrip(".")
            # "これによると" (according to this) names no one; "その先に" is no one either.
            if speaker and speaker not in _NO_ONE and speaker[-1] not in "にでとをへもやか":
                return speaker
    return None


_QUOTES = {"「": "」", "『": "』", "“": "”", "«": "»"}


def _one_quotation(text: str) -> bool:
    """Whether ``text`` is one quotation and nothing else: 「…」 (or 「…」。), its
    opening quote closed only at its end."""
    body = text.rstrip("。．. ")
    closer = _QUOTES.get(body[:1])
    if closer is None or not body.endswith(closer) or len(body) < 3:
        return False
    depth = 0
    for n, ch in enumerate(body):
        depth += (ch == body[0]) - (ch == closer)
        if depth == 0 and n < len(body) - 1:
            return False  # closed before the end: 「A」と「B」
    return True


# What follows a sentence's last word: closing quotes and brackets.
_CLOSERS = '」』）)]】〉》”’"»'
# A Japanese question in the plain style: …のか。, …だろうか。, …ますか。; not the
# rhetorical …ではないか。 (a claim).
_JA_QUESTION = re.compile(r"(?<!ない)か[。．]?$")
# A particle or a comma cannot start a sentence: what starts with one is the tail of
# another (で、…, と思ってしまう。, を…); a particle then a kana word (では, とはいえ,
# もし, がん) can.
_JA_TAIL = re.compile(r"^(?:[、，。・]|[でにをがはのとへやも](?:、|[^\u3040-\u309f]))")
_LEADING_BRACKETS = re.compile(r"^(?:[(（][^()（）]{0,40}[)）]\s*)+")
_TERMINAL = tuple("。．.!！")


def is_question(text: str, language: str, *, marked_only: bool = False) -> bool:
    """Whether ``text`` asks (…？, …?, and in Japanese the plain …か。, unless
    ``marked_only``) rather than states."""
    body = text.strip().rstrip(_CLOSERS)
    if body.endswith(("?", "？")):
        return True
    return language == "ja" and not marked_only and bool(_JA_QUESTION.search(body))


def complete_statement(text: str, language: str) -> bool:
    """Whether ``text`` is a complete sentence, one that can stand alone on page 1 (a
    key fact must also not be a question: :func:`is_question`).

    Not a heading, list label or list row (容量：最大2GB, 主な仕様: no
    sentence-final punctuation, and in Japanese or Chinese no predicate's kana ending
    either); not a fragment, which starts where no sentence does (a particle or a
    comma in Japanese, after any bracket that opens it; a lower-case letter
    elsewhere)."""
    stripped = text.strip()
    body = stripped.rstrip(_CLOSERS)
    if len(body) < 6:
        return False
    cjk = language in ("ja", "zh")
    # A paragraph's last sentence may lack its 。, but it ends on a predicate (kana).
    predicate = language == "ja" and len(body) >= 15 and "\u3040" <= body[-1] <= "\u309f"
    if not body.endswith((*_TERMINAL, "?", "？")) and not predicate:
        return False
    if cjk:
        opening = _LEADING_BRACKETS.sub("", stripped)
        return not (_JA_TAIL.match(opening) or opening[:1] in _CLOSERS)
    first = next((ch for ch in stripped if ch.isalnum()), "")
    return not first.islower()


# The verbs of saying and answering: a sentence with one names a speaker, its topic.
_JA_SAYS = re.compile(_JA_SPEECH_VERBS + r"|答える|応じ")
# A question put to someone: "X さんは…どう思う？" asks X's view.
_ADDRESSED = re.compile(
    r"^(?P<who>[^、。「」？?]{1,20}?(?:さん|氏|先生|様))(?:は|に)[^。]*"
    r"(?:思う|思います|考え|見る|見ます|感じ)"
)
# Who writes "私（野田）は": the name in brackets after the first person.
_SELF_NAMED = re.compile(r"(?:私|僕|俺|わたし)[（(](?P<who>[^）)]{1,15})[）)]")
# "According to this / the paper": the source named last.
_POINTER = re.compile(r"^(?:それ|これ|同紙|同誌|同社|同氏)(?:など)?によ(?:ると|れば)")
_HONORIFICS = ("さん", "氏", "様", "君", "先生")


def quote_holders(
    sentences: Sequence[Sentence],
    labels: dict[str, tuple[str, str | None]],
    language: str,
    names: Collection[str] = (),
) -> None:
    """Fill in, in ``labels``, the speaker of each quote whose sentence names none, from
    its neighbourhood (Japanese): who the quotation says it is (私（野田）は…), else
    the one the question before it is put to (野田さんはどう思う？), else the last
    speaker the text named in its section: a quote's, or the topic of a sentence that
    says or answers (Xは…の質問に答え…を語った) when that topic holds one of
    ``names`` (the source's actors), so an interview's answers are the
    interviewee's. A question names no speaker of what follows it (平田容疑者は元々
    どんな人物か？ is about him, not put to him); a quote no neighbour names stays
    unnamed, never the author's."""
    if language != "ja":
        return
    cues = _CUES["ja"]
    current: str | None = None  # the last speaker the text named
    previous: Sentence | None = None
    for sentence in sentences:
        if previous is not None and previous.section != sentence.section:
            current = None
        kind, speaker = labels.get(sentence.id, ("fact", None))
        text = sentence.text.strip()
        if is_question(text, language, marked_only=True):
            previous = sentence
            continue
        unquoted = re.sub(r"「[^」]*」|『[^』]*』", "「」", text)
        if kind == "quote" and speaker is None:
            named = _SELF_NAMED.search(text)
            asked = (
                _ADDRESSED.match(previous.text.strip())
                if previous is not None and is_question(previous.text, language)
                else None
            )
            found = named or asked
            if found:
                speaker = _plain_name(found.group("who"))
            elif _POINTER.match(text) or not cues.topic.search(unquoted):
                # "それによると、…" points back; "「…」と述べた。" has no subject of its own.
                speaker = current
            if speaker:
                labels[sentence.id] = (kind, speaker)
        elif speaker is None and _JA_SAYS.search(unquoted):
            # "…の質問に答える形で、野田氏は…を語った": no quote, but a speaker named.
            topics = (m.group("speaker") for m in cues.topic.finditer(unquoted))
            speaker = next((t for t in topics if any(n in t for n in names)), None)
        if speaker:
            current = _plain_name(speaker)
        previous = sentence


def _plain_name(name: str) -> str:
    """A name without the honorific the text gives it (野田氏, 野田さん → 野田)."""
    for honorific in _HONORIFICS:
        if name.endswith(honorific) and len(name) > len(honorific) + 1:
            return name[: -len(honorific)]
    return name
