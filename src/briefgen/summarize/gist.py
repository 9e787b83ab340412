"""The gist: the point of a source in one line, within a budget of characters.

1. **Which sentences.** Every sentence has a role, read from its last predicate:

   - a *signpost* only names what comes next (``〜について伺います``, ``〜にお答えいたします``,
     ``〜についてでございますが、`` with nothing after it) and a *greeting* or thanks
     carries nothing: never the gist;
   - an *ask* (a question put to someone: ``伺います``, ``お聞きします``, ``見解を``,
     ``〜すべきだ``, ``〜を求めます``) and a *decision* (what the speaker will do or
     holds: ``〜してまいります``, ``〜する考え``, ``〜を検討``, ``〜必要がある``,
     ``〜と認識``) are what a speech is for;
   - a report (news, analysis: the caller gives its lede) leads with its lede, in
     order (a report says its point first), then asks and decisions, later first,
     then the ranker's order; a report's gist stays on the event its first sentence
     tells: no later sentence that writes a date the first does not (background told
     of another time), none that opens by leaning on one it leaves out (``そこでは``,
     ``この``), and no cut tail of a quote whose opening is cut away;
   - a *speech* (Japanese, no lede given) is ordered by a small trained model
     (:mod:`briefgen.summarize.gist_model`): a dot product of weights with each
     sentence's features — its role, where it stands, classes of its ending and
     opening, its length against the budget, the ranker's score, its similarity to
     the speech and to the topics it names. The weights were learned from the
     assembly speeches of NTCIR-14 QA Lab-PoliInfo and the assembly's own summaries
     of them (``scripts/train_gist_model.py``): for each speech, the sentence whose
     compressed form alone best covers the summary's words should score highest.
     Measured by sitting, never on what it was trained on (``benchmarks/README.md``).

2. **Compression**, on SudachiPy's words, in this order, each step general:

   - the *opening* of a sentence that links it to the one before (a conjunction, or an
     adverb of sequence: ``まず``, ``次に``, ``また``, ``さらに``, ``今後``…) goes;
   - a *topic signpost* (``Xについてでございますが、``, ``Xにつきましては、``) goes up
     to its comma: the topic is the headline's job, the point follows it; so does a
     report's *attribution* (``…が報じたところによると、``), and, in a speech, the
     speaker's own office as its topic (``都としては、``: the speaker says it);
   - a speech's *closing formula* goes (``…を要望し、質問を終わります``);
   - a *polite or hedging ending* becomes the plain one: the predicate ends at its
     content word (``検討してまいります`` → ``検討``, ``取り組んでまいります`` →
     ``取り組む``, ``必要があると考えております`` → ``必要がある``, ``すべきであります``
     → ``すべき``); a question's ask becomes ``〜は``, keeping what it asks for as the
     assembly's own summaries write it (``制度について知事の所見を伺います`` →
     ``制度への所見は``, ``…に対する知事の基本認識は``), and an opinion put before an ask
     is the point (``…すべきと考えますが、見解を伺います`` → ``…すべき``);
   - a plain ending stays as it is; a plain state (``遅れが出ている``) is not made
     ``出る``;
   - inside the sentence, a polite ``ます`` is made plain on its verb (``開催されます
     会議`` → ``開催される会議``, ``講じましたが`` → ``講じたが``), the aspect of going on
     before a wish, duty, need or question goes (``拡充していきたい`` → ``拡充したい``,
     ``推進していくべき`` → ``推進すべき``), and a demonstrative before a noun goes
     (``こうした取り組み`` → ``取り組み``: what it points at is not in the gist), but
     not one that makes an adverb with its noun (``その後``, ``この点``);
   - while it is still over the budget, the last clause, which holds the predicate,
     stays, and of the clauses before it (split at commas outside quotes, not after a
     bare noun, which lists, nor after a noun's ``が`` or ``を``): in a speech,
     those the model's clause weights value most for their room (a knapsack over
     characters: each clause's score is the share of its words a summary is expected
     to keep, from where it stands, how it ends and opens, its length and how dense in
     content it is; learned from the same summaries as the sentence weights); in a
     report (who and when lead it), the leading clauses (up to a comma after a
     conjunctive form) go; a sentence still too long is cut at its last comma (or
     word) that fits.

3. **Filling.** Sentences are added, each compressed, best first, while they fit;
   then put in the text's order.

Languages without SudachiPy's words keep step 1's order and are cut at the last
word that fits.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from briefgen.model import Sentence
from briefgen.summarize.gist_model import (
    GistModel,
    clause_features,
    sentence_features,
    shipped_model,
)
from briefgen.text.tokenize import Token, content_words, tokenize_ja

# What a sentence does, read from its last predicate (see the module docstring).
# Each is a class of wording, not a sentence: the verbs of asking and of
# announcing what comes next, and the predicates of intent, plan and judgement.
_SIGNPOST = re.compile(
    r"(?:について|に関して|に関する|につきまして|の|に)"
    r"(?:[^。、]{0,20})?(?:伺|お伺|お尋ね|質問|お聞き|お答え|答え|申し上げ|述べ|触れ)"
    r"[^。]{0,12}[。]?$"
)
# Talk about the text itself: "その背景を読み解いていく", "この点を考えてみたい".
_META = re.compile(
    r"^(?:その|この|これ|それ|以下|本稿|ここ)[^。]{0,25}(?:見て|考えて|読み解いて|検証して|整理して|"
    r"紹介して|振り返って|述べて)(?:いく|いこう|みたい|みよう|おきたい)[。]?$"
)
# An ordinal that only names the next part: "第二は、…取り組みであります。", "二点目は、…です。"
# (a noun phrase; not "第二は、…すべきであります", "第三は、…急務だということであります").
_ORDINAL_HEAD = re.compile(
    r"^(?:第[一二三四五六七八九十\d]+(?:点)?|[一二三四五六七八九十\d]+(?:点目|つ目))は、"
    r"(?![^。、]*(?:べき|こと|必要|急務|重要|ない|たい))"
    r"[^。、]{1,50}(?:であります|でございます|です)[。]?$"
)
_TOPIC_ONLY = re.compile(
    r"(?:について|につきまして)(?:でございます|であります|です)(?:が、?|。)?$"
)  # 次に、…についてでございます。: a topic named, nothing said of it
_GREETING = re.compile(r"(?:ありがとう|感謝申し上げ|お礼申し上げ|おはようございます|こんにちは)")
_ASK = re.compile(
    r"(?:伺い?ます|伺いたい|お伺いします|お聞きします|お尋ねします|問います|見解を|所見を|"
    r"認識を|決意を|考えを|答弁を|求めます|求めたい|すべき(?:だ|である|です)?|べきと考え|"
    r"はいかが|でしょうか|ますか|のか)"
)
_DECISION = re.compile(
    r"(?:てまいり|ていく|いたします|いたしたい|いたしました|こととし|ことといた|する考え|考えであり|考えております|方針|予定|"
    r"検討|推進|実施|取り組|進め|図っ|図り|図る|努め|支援|必要があ|必要だ|必要で|重要|"
    r"認識|確保|整備|強化|充実|拡充)"
)
# An ask names what it wants: a view, a resolve, a way (then it is no signpost).
_WHAT_IS_ASKED = re.compile(r"(?:見解|所見|認識|決意|考え|答弁|どう|どのよう|いかが|なぜ)")
# A sentence's opening that links it to the one before.
_OPENERS = (
    "まず", "次に", "次いで", "また", "さらに", "加えて", "なお", "そこで", "このため",
    "そのため", "今後", "今後とも", "今後も", "引き続き", "最後に", "ところで", "一方",
    "したがいまして", "したがって", "そして", "その上で", "特に", "現在", "具体的には",
    "あわせて", "併せて", "同時に", "ただ", "しかし", "しかしながら", "だが", "もっとも",
    "つまり", "いずれにしろ", "いずれにしても", "以上",
)  # fmt: skip
# One opener (the longest that matches): with its comma, or, for an adverb of time
# or emphasis, without one ("今後は区と…"), but not as a noun ("今後の対応").
_OPENER = re.compile(
    "^(?:(?:"
    + "|".join(sorted(_OPENERS, key=len, reverse=True))
    + ")、|(?:今後とも|今後も|今後は|今後|引き続き|特に|現在は|現在)(?![のはもとが]))"
)
# Who reported it, before the report: "毎日新聞が報じたところによると、".
_ATTRIBUTION = re.compile(r"^[^。「」]{1,60}?(?:によると|によれば|が報じたところでは)、")
_TOPIC = re.compile(
    r"^[^。]{1,80}?(?:について(?:でございますが|でありますが|ですが|でございますけれども|"
    r"でありますけれども|ですけれども|は)|につきましては|に関しましては|に関しては)、"
)
_ASK_TAIL = re.compile(
    r"(?:について|に関して|に関する|に対する|への|の)?(?:改めて|あわせて|併せて|再度)?"
    # whom it is asked of: an office (知事, 市長, 教育長, 大臣…) or a government
    r"(?:[一-龯]{0,5}?(?:知事|長|総監|理事|大臣|総理|長官|当局|政府)|東京都|都|道|府|県|市|区|町)?"
    r"(?:として)?(?:の)?(?:ご|お)?(?P<asked>見解|所見|認識|決意|考え|答弁)?(?:を|について)?(?:ぜひ)?"
    r"(?:(?:お?伺い|お聞き|お尋ね|伺)を?(?:いたし|し)?(?:ます|たい|たいと思います)?|"
    r"求め(?:ます|たい|たいと思います|るものであります)|"
    # "ご答弁をいただきたい" asks; "…入れていただきたい" (after a verb's て) requests
    # an act, which is the point and stays
    r"(?<![てで])(?:を)?(?:いただきたい|お願い(?:します|いたします))(?:と思います)?|"
    r"いかが(?:ですか|でしょうか)|"
    r"お(?:答え|示し)(?:ください|願います|をお願いします|いただきたい))[。]?$"
)
# The speaker's own office as the topic of an answer ("都としては、"): the speaker
# says it, so the gist need not (speech only: a report's subject stays).
_SPEAKER = re.compile(r"^(?:東京)?都(?:として|では|といたしましては)?(?:は|も)?、")
# A speech's closing formula after its last point: "…を要望し、質問を終わります",
# "…見解を伺い、次の質問に移ります".
_CLOSING = re.compile(
    r"、(?:以上で|以上、)?(?:私の)?(?:一般|代表)?質問を終わ(?:ります|らせていただきます)[。]?$|"
    r"、次の質問に移(?:ります|らせていただきます)[。]?$"
)
# A hedge after the point: "…していきたいと考えております" says "…していきたい".
_HEDGE_END = re.compile(
    r"(?<=[^、。])と(?:私は|私も|私としては)?(?:思|考え|存じ)(?:っ|い)?(?:て(?:おり|い))?ます$"
)


def sentence_role(text: str) -> str:
    """``signpost``, ``greeting``, ``ask``, ``decision`` or ``statement`` (see the
    module docstring); read from the sentence's end, where Japanese puts its verb."""
    stripped = text.strip()
    if _GREETING.search(stripped[:30]) or _TOPIC_ONLY.search(stripped):
        return "greeting" if _GREETING.search(stripped[:30]) else "signpost"
    if len(stripped) <= 60 and _SIGNPOST.search(stripped) and not _WHAT_IS_ASKED.search(stripped):
        return "signpost"
    if _META.search(stripped) or _ORDINAL_HEAD.search(stripped):
        return "signpost"
    tail = stripped[-30:]
    if _ASK.search(tail):
        # "以上、区長の見解を伺います": an ask of nothing it says only closes the part
        return "signpost" if _asks_nothing(_drop_openers(stripped)) else "ask"
    if _DECISION.search(tail):
        return "decision"
    return "statement"


def make_gist(
    sentences: Sequence[Sentence],
    scores: Mapping[str, float],
    language: str,
    budget: int,
    lede: Sequence[str] = (),
    roles: Mapping[str, str] | None = None,
    words: Mapping[str, Sequence[str]] | None = None,
    model: GistModel | None = None,
    dates: Mapping[str, Collection[str]] | None = None,
    learned: Mapping[str, float] | None = None,
) -> str:
    """The gist of ``sentences`` in at most ``budget`` characters (see the module
    docstring); ``scores`` are the ranker's (0–1); ``lede``: the ids of a report's lede
    (news, analysis), which leads the gist; ``roles``: each sentence's
    :func:`sentence_role` where the caller has them (Japanese only); ``words``: each
    sentence's content words where the caller has them; ``model``: the model that
    orders a speech's sentences (default: the one shipped in the package); ``dates``:
    the dates each sentence tells (the timeline's, by sentence id), which keep a
    report's gist on the event it leads with; ``learned``: a speech's
    :func:`speech_scores`, where the caller has them."""
    if budget <= 0 or not sentences:
        return ""
    dates = dates or {}
    if roles is None:
        roles = {s.id: sentence_role(s.text) for s in sentences} if language == "ja" else {}
    order = {s.id: i for i, s in enumerate(sentences)}
    count = len(sentences)
    speech = language == "ja" and not lede
    weights = model or shipped_model()
    # A speech's clauses are chosen by the model trained on speeches; a report's
    # leading clauses go (its clauses run the other way: who and when first).
    clause_model = weights if speech else None
    if not speech:
        learned = {}
    elif learned is None:  # the model orders a speech's sentences
        learned = speech_scores(sentences, scores, roles, words, budget, weights)

    def priority(sentence: Sentence) -> float:
        score = scores.get(sentence.id, 0.0)
        if sentence.id in lede:  # a report says its point first: its lede, in order
            return 3.0 - lede.index(sentence.id) / len(lede)
        if sentence.id in learned:
            return learned[sentence.id]
        if roles.get(sentence.id, "statement") in ("ask", "decision"):
            # The point of a speech: later is better (speakers close on it).
            return 1.0 + score + 0.5 * order[sentence.id] / count
        return score

    priorities = {s.id: priority(s) for s in sentences}
    ranked = sorted(sentences, key=lambda s: (-priorities[s.id], order[s.id]))
    # A signpost or a greeting says nothing: never the gist while anything else is there.
    ranked = [s for s in ranked if roles.get(s.id) not in ("signpost", "greeting")] or ranked
    known: dict[str, str] = {}

    def compressed(sentence: Sentence) -> str:  # on demand: most gists need two or three
        if sentence.id not in known:
            known[sentence.id] = compress(sentence.text, language, budget, clause_model)
        return known[sentence.id]

    chosen: list[tuple[int, str]] = []
    used = 0
    first_dates: set[str] = set()  # the dates the gist's first sentence tells
    # Whole compressed sentences, best first, while they fit (the first of the best
    # three that fits leads: a sentence cut short says less than a shorter one); the
    # room left takes the next sentence's last clauses, which hold its predicate.
    for rank, sentence in enumerate(ranked[:12]):
        if chosen and lede and set(dates.get(sentence.id, ())) - first_dates:
            # 10月にはカラチの自爆テロで…: a date the first sentence does not tell is
            # a report's background, told of another time
            continue
        gap = 1 if chosen and language not in ("ja", "zh") else 0  # the space between
        room = budget - used - gap
        text = compressed(sentence)
        if chosen and len(text) > room:
            text = compress(sentence.text, language, room, clause_model)
            if _unbalanced(text):
                continue  # …よう望む」と述べた。: a quote's tail without its opening
        if chosen and lede and _REFERS_BACK.match(sentence.text):
            continue  # そこでは…: a report's sentence that leans on one the gist leaves out
        if text and len(text) <= room:
            if not chosen:
                first_dates = set(dates.get(sentence.id, ()))
            chosen.append((order[sentence.id], text))
            used += gap + len(text)
        elif not chosen and rank >= 2:
            break
        if budget - used < min(15, budget):
            break
    if not chosen:  # none fits whole: the best one, cut at a comma
        return _cut(compressed(ranked[0]), budget, language)
    return (" " if language not in ("ja", "zh") else "").join(t for _, t in sorted(chosen))


_REFERS_BACK = re.compile(r"(?:そこ|それ|その|これ|この|こうした|そうした|同)")


def _unbalanced(text: str) -> bool:
    """Whether a quote closes in ``text`` that does not open in it."""
    depth = 0
    for ch in text:
        if ch in "「『":
            depth += 1
        elif ch in "」』":
            depth -= 1
            if depth < 0:
                return True
    return False


def speech_scores(
    sentences: Sequence[Sentence],
    scores: Mapping[str, float],
    roles: Mapping[str, str],
    words: Mapping[str, Sequence[str]] | None,
    budget: int,
    model: GistModel | None = None,
) -> dict[str, float]:
    """How well each of a speech's ``sentences``, compressed to ``budget`` characters,
    is expected to say what the speech is for: the trained model's score
    (:mod:`.gist_model`), higher is better."""
    if words is None:
        words = {s.id: content_words(s.text, "ja") for s in sentences}
    weights = model or shipped_model()
    features = candidate_features(sentences, scores, roles, words, max(budget, 1))
    return {s.id: weights.score(f) for s, f in zip(sentences, features, strict=True)}


def candidate_features(
    sentences: Sequence[Sentence],
    scores: Mapping[str, float],
    roles: Mapping[str, str],
    words: Mapping[str, Sequence[str]],
    budget: int,
) -> list[dict[str, float]]:
    """The model's features of each of ``sentences`` (:mod:`.gist_model`), with each
    one's core: the text compression keeps before it touches the predicate."""
    core = {s.id: _core(s.text) for s in sentences}
    return sentence_features(sentences, scores, roles, words, budget, core)


def without_lead(text: str) -> str:
    """``text`` without the openers and the speech's topic signpost it starts with
    (``次いで、Xについてでございますが、``): what links it to the sentence before or
    names the topic it goes on to restate, not what it says; a timeline row needs
    neither."""
    return _drop_openers(_TOPIC.sub("", _drop_openers(text.strip()), count=1))


def _core(text: str) -> str:
    text = _drop_openers(text.strip())
    text = _TOPIC.sub("", text, count=1)
    text = _ATTRIBUTION.sub("", text, count=1)
    return _drop_openers(text)


def compress(text: str, language: str, budget: int, clause_model: GistModel | None = None) -> str:
    """``text`` compressed (see the module docstring); while it is over ``budget``,
    the clauses ``clause_model`` values least go (without one, the leading clauses),
    but it is never cut short (the caller decides)."""
    text = text.strip()
    if language != "ja":
        return text
    text = _core(text)
    if text.endswith(_POLITE_ENDINGS):  # a speech: its speaker is who says it
        text = _drop_openers(_SPEAKER.sub("", text, count=1))
    text = _plain_ending(_CLOSING.sub("", text.rstrip("。")) + "。")
    text = _without_going_on(_plain_politeness(_plain_inside(text)))
    text = _DEMONSTRATIVE.sub("", text)
    if len(text) > budget:
        if clause_model is None:
            text = _drop_leading_clauses(text, budget)
        else:
            text = _choose_clauses(text, budget, clause_model)
    return text


# Polite forms inside a sentence, before its end, and their plain ones: the same words
# a summary writes, in fewer characters.
_PLAIN_INSIDE = tuple(
    (re.compile(polite), plain)
    for polite, plain in {
        r"でございまして、|でありまして、": "であり、",
        r"でございますが、|でありますが、|ですが、": "だが、",
        r"でございますので、|でありますので、|ですので、": "なので、",
        r"ておりまして、": "ており、",
        r"ておりますが、": "ているが、",
        r"ておりますので、": "ているので、",
        r"(?<=[一-龯ァ-ヶー])いたしまして、": "し、",
        r"(?<=[一-龯ァ-ヶー])させていただき": "し",
        r"におきましては": "では",
        r"におきまして": "で",
        r"につきましては": "については",
        r"(?<=[一-龯ァ-ヶー])いたしております": "している",
        r"([てで])まいりました(?=[、が。]|$)": r"\1きた",  # 取り組んでまいりました
        r"(?<=[ぁ-ゖ一-龯])ました(?=[一-龯ァ-ヶー])": "た",  # 立ち上げました検討会: 立ち上げた
        # 踏まえまして、 (a verb whose 連用形 ends in the え-row: て joins it directly)
        r"(?<=[えけせてねへめれげぜでべ])まして、": "て、",
        r"によりまして": "により",
        r"をいたしまして、": "をし、",
        r"(?<=[一-龯ァ-ヶー])いたしますとともに": "するとともに",
        r"(?:でございます|であります)(?=[一-龯ァ-ヶー])": "である",  # 最終年度でございます平成…
        r"でありますから": "であるから",
        r"(?:でございます|であります|です)けれども、": "だが、",
        r"でございました(?=[。、]|$)": "だった",
        r"ございませんでした": "なかった",
        r"では(?:ありません|ございません)(?=[。、]|$)": "ではない",
        r"(?<=[ぁ-ゖ一-龯])でしょうか(?=。|$)": "か",  # …なるのでしょうか: …なるのか
    }.items()
)


# A demonstrative before a noun (こうした取り組み, この東京, その効果) points at what the
# speech said before, which a gist does not hold: the noun alone says it. Not before a
# noun of time, place, part or sequence, where the pair is one adverb (その後, この点,
# そのため, このうち, その結果).
_DEMONSTRATIVE = re.compile(
    r"(?<![ぁ-ゖ])(?:こうした|そうした|こういった|そういった|このような|そのような|これらの|それらの|この|その)"
    r"(?=[一-龯ァ-ヶー])(?!(?:ため|為|点|際|後|上|間|中|一方|場|度|結果|時|日|年|月|他|辺|程度|分|旨|通り|まま)"
    r"(?![一-龯ァ-ヶー]))"
)


def _plain_inside(text: str) -> str:
    """``text`` with the polite forms inside it made plain (:data:`_PLAIN_INSIDE`)."""
    for polite, plain in _PLAIN_INSIDE:
        text = polite.sub(plain, text)
    return text


def _clauses(text: str) -> list[str]:
    """``text`` split after each comma outside quotes and brackets, but not after a bare
    noun, which lists (``悪質、危険性、迷惑性が``) or sets a time (``戦後、``), nor after a
    noun's subject or object (``直接民主制が、``, ``制度を、``), whose predicate is ahead:
    what such a comma ends goes with what follows."""
    clauses, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "「『（(":
            depth += 1
        elif ch in "」』）)":
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0 and not _BARE_NOUN_END.search(text, start, i):
            clauses.append(text[start : i + 1])
            start = i + 1
    clauses.append(text[start:])
    return [c for c in clauses if c]


_BARE_NOUN_END = re.compile(r"[一-龯ァ-ヶー々][がを]?$")


def _choose_clauses(text: str, budget: int, model: GistModel) -> str:
    """The clauses of ``text`` a summary keeps within ``budget``: the last, which holds
    the predicate, and those the model values most for their room (a knapsack over
    characters), in the text's order. Without clause weights, or when the last clause
    alone does not fit, the leading clauses go one at a time instead."""
    clauses = _clauses(text)
    if not model.clause_weights or len(clauses) < 2 or len(clauses[-1]) > budget:
        return _drop_leading_clauses(text, budget)
    features = clause_features(clauses, budget)
    # A clause's value: the words a summary is expected to keep of it (its score is the
    # share). A threshold above zero, dropping clauses worth little for their room,
    # scored lower by cross-validation (benchmarks/README.md).
    values = [model.clause_score(f) * len(c) for c, f in zip(clauses, features, strict=True)]
    room = budget - len(clauses[-1])
    # best[r]: (value, chosen clause indices) within r characters, over the clauses so far
    best: list[tuple[float, tuple[int, ...]]] = [(0.0, ())] * (room + 1)
    for i, clause in enumerate(clauses[:-1]):
        if values[i] <= 0 or len(clause) > room:
            continue
        for r in range(room, len(clause) - 1, -1):
            value, chosen = best[r - len(clause)]
            if value + values[i] > best[r][0]:
                best[r] = (value + values[i], (*chosen, i))
    kept = set(best[room][1])
    return "".join(c for i, c in enumerate(clauses[:-1]) if i in kept) + clauses[-1]


def _drop_openers(text: str) -> str:
    while match := _OPENER.match(text):
        text = text[match.end() :].lstrip("、")
    return text


def _ask_joint(head: str, tail: str, noun: str) -> str:
    """What joins the asked noun to what it is asked of: ``への`` after a topic
    (制度についての見解 → 制度への見解), nothing after a verb's modifier or in a compound
    (向けた決意, 基本認識), else ``の`` (知事の所見)."""
    if tail.startswith(("について", "に関して", "に関する", "に対する", "への")):
        return "への"
    if tail.startswith(noun) or head.endswith(("た", "る", "、", "の")):
        return ""
    return "の"


def _plain_ending(text: str) -> str:
    """The sentence with its polite or hedging end made plain, ending in 。"""
    body = text.rstrip("。")
    asked = _ASK_TAIL.search(body + "。")
    if asked:
        head = body[: asked.start()].rstrip("、")
        # "…すべきと考えますが、(Xに関する)見解を伺います": the opinion is the point.
        before = _ASKED_TOPIC.sub("", head).rstrip("、")
        opinion = _OPINION.search(before)
        if opinion:
            point = opinion.group(1) or ("求める" if opinion.group(2) else "")
            return _plain_copula(before[: opinion.start()] + point) + "。"
        if head.endswith(("のか", "か", "べき", "必要", "重要")):
            return head + "。"
        if _asks_nothing(body):
            return ""  # "あわせて見解を求めます": an ask of nothing the sentence says
        head = head.rstrip("をにの")
        noun = asked.group("asked")
        if noun:
            # "…の成功に向けた知事の所見を伺います": the ask keeps what it asks for
            # (所見は, 基本認識は), as the assembly's own summaries write it
            return head + _ask_joint(head, body[asked.start() :], noun) + noun + "は。"
        return head + "は。"
    body = _HEDGE_END.sub("", _SETTLED.sub("", body))
    # A question keeps its か: "どう受けとめますか" → "どう受けとめるか".
    question = "か" if body.endswith(("ますか", "ですか")) else ""
    body = body.removesuffix(question)
    for pattern, plain in _POLITE_PAST:
        if pattern.search(body):
            return pattern.sub(plain, body) + question + "。"
    if not question and body.endswith(("ている", "でいる")):
        return body + "。"  # plain already, and a state: 遅れが出ている is not 遅れが出る
    tokens = tokenize_ja(body)
    end = len(tokens)
    if question:  # only the polite ます or です goes: "認識していますか" → "認識しているか"
        end -= 1 if tokens and tokens[-1].normalized in ("ます", "です") else 0
    # Politeness and auxiliaries at the end carry no content (ます, おります,
    # まいります, いたします, でございます, て): the predicate ends before them.
    while not question and (
        end > 0
        and (tokens[end - 1].normalized in _AUXILIARIES or tokens[end - 1].pos[0] == "補助記号")
    ):
        if (
            end > 1
            and tokens[end - 1].normalized in ("為る", "致す")
            and tokens[end - 2].pos[0] == "助詞"
        ):
            break  # "後押しをしております": する after its object is the verb itself
        end -= 1
    if end == 0 or end == len(tokens):
        return _plain_copula(body) + question + "。"
    last = tokens[end - 1]
    if last.pos[0] in ("動詞", "助動詞") and last.form.startswith("連用形"):
        return _plain_copula(body[: last.span[0]] + _plain_form(last)) + question + "。"
    if question and last.surface == "の":
        return body[: last.span[1]] + "か。"  # "背を向けるのですか" → "背を向けるのか"
    return _plain_copula(body[: last.span[1]]) + question + "。"


def _asks_nothing(text: str) -> bool:
    """Whether ``text`` (its openers gone) asks of nothing it says: all of it is the
    ask (見解を求めます, 区長の見解を伺います)."""
    body = text.rstrip("。")
    asked = _ASK_TAIL.search(body + "。")
    return asked is not None and not body[: asked.start()].rstrip("、").rstrip("をにの").rstrip(
        "、"
    )


def _plain_copula(text: str) -> str:
    """``…すべきである`` → ``…すべき``, ``…が重要である`` → ``…が重要``: a summary
    ends on the word that makes the point."""
    return _COPULA.sub("", text)


_COPULA = re.compile(r"(?<=[\u4e00-\u9fffべき])(?:である|であります|だ)$")


# "…すべきと考えますが、見解を伺います": the opinion before the ask is the point.
# An opinion put before an ask, and what it holds: "…すべきと考えますが",
# "…が必要でありますが" (group 1: the word that makes the point, when the hedge is
# a copula).
_OPINION = re.compile(
    r"(?:と(?:私は)?(?:考え|思い|思っ|存じ)(?:て(?:おり|い))?(?:ます|る)|"
    r"(べき|必要|重要|不可欠)(?:で(?:あり|ござい)ます|です|である|だ)|"
    r"(求め)(?:ます|る))(?:が|けれども)$"
)
# What the ask is about, after the opinion: "…と考えますが、Xに関する" (見解を伺います).
_ASKED_TOPIC = re.compile(r"(?<=(?:ます|える|思う)が、)[^、。]{1,40}$")
# A plan settled: "…ふやすこととしております" says "…ふやす".
_SETTLED = re.compile(r"(?:こととし|ことといたし|こととなっ|ことにし)て(?:おり|い)ます$")
_POLITE_ENDINGS = (
    "ます。",
    "です。",
    "ません。",
    "ますか。",
    "ですか。",
    "でしょうか。",
    "ございます。",
)
_POLITE_PAST = ((re.compile(r"(?:いた|致)しました$"), "した"), (re.compile(r"しました$"), "した"))


# Words that only make an ending polite, progressive or humble (normalized forms).
_AUXILIARIES = frozenset(
    ("ます", "です", "だ", "御座る", "居る", "参る", "致す", "為る", "て", "で", "が", "ので",
     "けれど", "けれども", "成る", "おる", "頂く", "申し上げる", "ござる")
)  # fmt: skip
# A godan verb's 連用形 ends in the い-row kana of its dictionary form's last kana.
_I_TO_U = dict(zip("いきぎしちにびみり", "うくぐすつぬぶむる", strict=True))


def _plain_form(verb: Token) -> str:
    """The dictionary form of a verb in 連用形, in the writer's script: 取り組ん →
    取り組む, 図り → 図る, 進め → 進める, でき → できる."""
    surface, dictionary = verb.surface, verb.normalized
    if not dictionary or not surface:
        return surface
    final = dictionary[-1]
    if dictionary in ("する", "為る", "致す") and surface in ("し", "いたし", "致し"):
        return "する"  # "後押しをし", "支援をいたし" → "…をする"
    if dictionary.endswith("する") and surface.endswith("し"):
        return surface[:-1] + "する"  # サ変: 期し → 期する
    if surface[-1] in "んっ" or (surface[-1] == "い" and final in "うくぐ"):
        return surface[:-1] + final  # 音便: 取り組ん → 取り組む, 行っ → 行う
    if _I_TO_U.get(surface[-1]) == final:
        return surface[:-1] + final  # godan: 図り → 図る
    if final == "る":
        return surface + "る"  # ichidan: 進め → 進める, でき → できる
    return surface


def _without_going_on(text: str) -> str:
    """``text`` without the aspect of going on (〜ていく) before a wish, a duty, a need
    or a question, which adds no content to a plan: ``拡充していきたい`` → ``拡充したい``,
    ``求めていく必要`` → ``求める必要``, ``推進していくべき`` → ``推進すべき``,
    ``進めていくのか`` → ``進めるのか``."""
    if "いく" not in text and "いき" not in text:
        return text  # (most sentences: no tokenizing)
    tokens = tokenize_ja(text)
    pieces, last = [], 0
    for verb, joint, going, after in zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False):
        if not (
            verb.pos[0] == "動詞"
            and verb.form.startswith("連用形")
            and verb.normalized != "行く"  # 行って: 行う or 行く, the dictionary cannot tell
            and joint.surface in ("て", "で")
            and going.normalized == "行く"
            and going.pos[:2] == ("動詞", "非自立可能")
        ):
            continue
        if going.surface == "いき" and after.surface == "たい":
            plain = _stem_form(verb)
        elif going.surface == "いく" and after.surface in ("べき", "必要", "こと", "の", "か"):
            duty = after.surface == "べき" and verb.surface == "し"
            plain = "す" if duty else _plain_form(verb)
        else:
            continue
        pieces.append(text[last : verb.span[0]] + plain)
        last = going.span[1]
    return "".join(pieces) + text[last:]


def _plain_politeness(text: str) -> str:
    """``text`` with the polite ます left inside it made plain, on the verb before it:
    ``開催されます会議`` → ``開催される会議``, ``努めておりますとの`` → ``努めているとの``,
    ``講じましたが`` → ``講じたが``, ``当たりましては`` → ``当たっては``,
    ``置きまして、`` → ``置いて、`` (the sentence's own end is made plain before)."""
    if "ま" not in text:
        return text  # no ます, まし (most sentences once their ending is plain)
    tokens = tokenize_ja(text)
    pieces, last = [], 0
    for verb, polite, after in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if polite.normalized != "ます" or verb.pos[0] not in ("動詞", "助動詞"):
            continue
        if verb.span[0] < last:
            continue
        if polite.surface == "ます" and after.surface not in ("。", "か"):
            plain, end = _dictionary_form(verb), polite.span[1]
        elif polite.surface == "まし" and after.surface in ("た", "て", "ては", "ても"):
            past = _past_form(verb)
            if past is None:
                continue
            if after.surface == "た":
                plain = past
            else:  # the て-form is the past's, た → て, だ → で: 置いた → 置いて
                plain = past[:-1] + ("て" if past.endswith("た") else "で") + after.surface[1:]
            end = after.span[1]
        else:
            continue
        pieces.append(text[last : verb.span[0]] + plain)
        last = end
    return "".join(pieces) + text[last:]


# Humble or polite verbs and the plain ones they stand for (normalized forms).
_PLAIN_VERB = {"おる": "いる", "居る": "いる", "御座る": "ある", "ござる": "ある", "致す": "する"}


def _dictionary_form(verb: Token) -> str:
    """The dictionary form of a verb or auxiliary in 連用形, in the writer's script."""
    if verb.normalized in _PLAIN_VERB:
        return _PLAIN_VERB[verb.normalized]
    if verb.pos[0] == "助動詞":
        return verb.surface + "る"  # れ, られ, させ: される, られる, させる
    return _plain_form(verb)


def _past_form(verb: Token) -> str | None:
    """The plain past of a verb or auxiliary in 連用形 (取り組み → 取り組んだ, 行い →
    行った, 講じ → 講じた, され → された), or None when its conjugation is unknown."""
    surface, dictionary = verb.surface, verb.normalized
    if dictionary in _PLAIN_VERB:
        return {"いる": "いた", "ある": "あった", "する": "した"}[_PLAIN_VERB[dictionary]]
    if verb.pos[0] == "助動詞" or not dictionary or not surface:
        return surface + "た"
    if surface[-1] in "しじ" and dictionary.endswith(("する", "為る", "ずる")):
        return surface + "た"  # サ変: 検討し → 検討した
    if dictionary.endswith(surface[-1] + "る") or dictionary in ("来る", "くる"):
        return surface + "た"  # ichidan: 講じ → 講じた, 努め → 努めた; 来る: き → きた
    if _I_TO_U.get(surface[-1]) != dictionary[-1]:
        return None
    if dictionary in ("行く", "いく"):
        return surface[:-1] + "った"
    return surface[:-1] + _PAST_ENDING[dictionary[-1]]


# A godan verb's plain past, by the last kana of its dictionary form (取り組む → 取り組んだ).
_PAST_ENDING = {"う": "った", "つ": "った", "る": "った", "む": "んだ", "ぶ": "んだ", "ぬ": "んだ",
                "く": "いた", "ぐ": "いだ", "す": "した"}  # fmt: skip


# A godan verb's dictionary form ends in the う-row kana its 連用形 turns to the い-row.
_U_TO_I = {u: i for i, u in _I_TO_U.items()}


def _stem_form(verb: Token) -> str:
    """The 連用形 proper of a verb written in a euphonic form: 取り組ん → 取り組み,
    行っ → 行い; a 連用形 that is no euphonic form stays (進め, し)."""
    if verb.form.startswith("連用形-一般") or not verb.normalized:
        return verb.surface
    return verb.surface[:-1] + _U_TO_I.get(verb.normalized[-1], verb.surface[-1])


_CLAUSE_END = re.compile(r"(?<=[しりきぎちみびにいえけせてでがばらくたる])、")


def _drop_leading_clauses(text: str, budget: int) -> str:
    """Leading clauses off, one at a time, while ``text`` is over ``budget``: the
    last clause holds the predicate and stays."""
    while len(text) > budget:
        match = _CLAUSE_END.search(text)
        if match is None or len(text) - match.end() < 8:
            break
        text = text[match.end() :]
    return text


def _cut(text: str, budget: int, language: str) -> str:
    """``text`` in at most ``budget`` characters: whole, or cut at its last comma (or
    word, for spaced languages) that fits."""
    if len(text) <= budget:
        return text
    head = text[:budget]
    if language in ("ja", "zh"):
        comma = max(head.rfind("、"), head.rfind("，"))
        return head[:comma] if comma >= budget // 2 else head
    space = head.rfind(" ")
    return head[:space].rstrip(",;:") if space > 0 else ""  # never half a word
