"""Fact, assessment or quote: what kind of statement a sentence is, and who said it.

- ``quote``: someone's words, in 「…」 or reported (…と述べた, と語った, によると,
  …が報じている; "…," she said; according to…), with the speaker when the text
  names one;
- ``assessment``: the author's judgement or speculation (〜とみる, 〜に違いない,
  〜だろう, 〜と考えられる, 〜かもしれない, 〜言うまでもない, 〜注目に値する…;
  hedges and modal verbs in English);
- ``fact``: everything else: a statement the text reports as so.

Each language is one small table of cues below (Japanese, English, German, French,
Spanish, Russian); a language without one gets ``fact`` for every sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
            r"かもしれない|言うまでもない|注目に値する|と思われる|と思う|べきだ|べきである|"
            r"必要がある|ではないか|ではなかろうか|と言える|といえる|はずだ|と考える|"
            r"でしかない|証左だ|ように思える|と受け取れる)"
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


def label(text: str, language: str) -> tuple[str, str | None]:
    """(``fact`` | ``assessment`` | ``quote``, the speaker of a quote or ``None``)."""
    cues = _CUES.get(language)
    if cues is None:
        return "fact", None
    stripped = text.strip()
    according = cues.according.search(stripped)
    speech = cues.speech.search(stripped)
    assessment = cues.assessment.search(stripped)
    # "…と非難するが、…でしかない": the words are reported in a clause the author's
    # own judgement then answers; the sentence is the judgement.
    concessive = speech is not None and stripped[speech.end() :].startswith(("が、", "るが、"))
    if (according or speech) and not (concessive and assessment):
        return "quote", _speaker(stripped, cues, according)
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
