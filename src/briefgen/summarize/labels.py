"""Fact, assessment or quote: what kind of statement a sentence is, and who said it.

- ``quote``: someone's words, in 「…」 or reported (…と述べた, と語った, によると,
  …が報じている; "…," she said; according to…), with the speaker when the text
  names one;
- ``assessment``: the author's judgement or speculation (〜とみる, 〜に違いない,
  〜だろう, 〜と考えられる, 〜かもしれない, 〜言うまでもない, 〜注目に値する…;
  hedges and modal verbs in English);
- ``fact``: everything else: a statement the text reports as so.

Each language is one small table of cues below; a language without one gets
``fact`` for every sentence.
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
        speech=re.compile(r"\b(?:said|says|told|stated|added|according to|announced)\b", re.I),
        according=re.compile(r"\b[Aa]ccording to (?P<speaker>[A-Z][\w.\- ]{1,40}?)[,.]"),
        speaker_before_verb=re.compile(
            r"[\"”」],? (?P<speaker>(?:the )?[\w.\- ]{1,40}?) (?:said|says|told|added)\b"
        ),
        topic=re.compile(r"^(?P<speaker>[A-Z][\w.\- ]{1,40}?) (?:said|says|told|stated)\b"),
        assessment=re.compile(
            r"\b(?:may|might|could|likely|unlikely|probably|perhaps|should|must|seems?|"
            r"appears? to|I (?:think|believe)|we (?:think|believe)|arguably|is expected to)\b",
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
    unquoted = re.sub(r"「[^」]*」|『[^』]*』|\"[^\"]*\"", "「」", text)  # never inside quotes
    candidates = [according, cues.speaker_before_verb.search(unquoted)]
    candidates += list(cues.topic.finditer(unquoted))
    for match in candidates:
        if match:
            speaker = match.group("speaker").strip()
            # "これによると" (according to this) names no one; "その先に" is no one either.
            if speaker and speaker not in _NO_ONE and speaker[-1] not in "にでとをへもやか":
                return speaker
    return None
