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
mentioned, the sentences that mention it, and its role: the title written next to a
person's name (トランプ大統領, 林剣報道官, スターリン・ソ連首相; "President Joe Biden"),
read from :data:`ROLES`, which also gives the English (a title alone is too short for
a translation model to get right).

Some names are not actors, and go, by two rules of the text's own making:

- *a thing named by its class or model*: a name in 「」 right after a common noun that
  says what it is (空母「遼寧」, 訓練「レゾリュート・ドラゴン」) or before 号 (「梅山」号),
  unless that noun is an organization's (組織「イスラム国」); and a name followed by a
  model number or code (プレイステーション5, 西安H-6, Class 10): ships, exercises,
  products and aircraft are what actors use, not actors;
- *a fragment*: a name of one character, or an era name (明治), as before.

:func:`salience` ranks actors for a reader: mentions, the headline, the lede, and how
early the text names them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from briefgen.model import Found, Sentence
from briefgen.text.languages import RULES
from briefgen.text.tokenize import Token, tokenize_ja

ORGANIZATION_WORDS = (
    "機構", "基金", "省", "庁", "党", "軍", "空軍", "海軍", "陸軍", "政府", "委員会", "議会",
    "銀行", "協会", "連合", "連盟", "機関", "局", "隊", "大学", "通信", "新聞", "社", "会議所",
    "財団", "組合", "警察", "裁判所", "研究所", "同盟", "理事会", "首脳会議", "病院",
)  # fmt: skip
# Without a proper noun in front, only these make a run of nouns a name (警察庁,
# 毎日新聞, 時事通信), and only when the run is longer than the word.
_STRONG_ORGANIZATION_WORDS = (
    "機構", "基金", "省", "庁", "党", "議会", "銀行", "協会", "連盟", "局", "大学", "通信",
    "新聞", "財団", "研究所", "委員会", "チーム",
)  # fmt: skip
_GENERIC_ORGANIZATIONS = frozenset((
    "事務局", "郵便局", "放送局", "薬局", "テレビ局", "当局", "支局", "本局",
    "各省", "官庁", "省庁", "中央省庁", "政党", "野党", "与党",
    "全国紙", "地方紙", "各紙", "大学", "同大学", "本学", "プロジェクトチーム", "代表チーム",
))  # fmt: skip
_GENERIC_PREFIXES = ("同", "本", "当", "各", "両", "全", "諸", "他", "我が", "わが", "同党")
# Words after a place that belong to its name: ベーリング海, 阿寒湖, 上九一色村.
_PLACE_SUFFIXES = frozenset((
    "海", "湖", "湾", "川", "山", "島", "半島", "海峡", "諸島", "大陸", "亜大陸",
    "州", "都", "道", "府", "県", "郡", "市", "区", "町", "村",
))  # fmt: skip
# 埼玉県川口市 is two places: a prefecture, then a city in it.
_COMPOUND_PLACE = re.compile(
    r"^(.{2,4}?[都道府県])(.{2,}?[市区町村郡])$|^(.{2,}?[市郡])(.{2,}?[区町村])$"
)
_DIRECTIONS = frozenset(["北", "南", "東", "西", "北東", "北西", "南東", "南西"])  # 北太平洋
# Titles that the dictionary sometimes keeps on a name (トランプ大統領, トランプ政権).
_TITLES = (
    "大統領", "首相", "総理", "長官", "外相", "議員", "知事", "市長", "氏", "政権", "陣営",
)  # fmt: skip
# Titles only a person holds (市長 and 知事 follow their city: ニューヨーク市長).
_PERSON_TITLES = (
    "大統領", "首相", "総理", "長官", "外相", "議員", "氏", "国王", "主席",
)  # fmt: skip
# The role of the office a speech's questions are put to (see :func:`addressee`).
ASKED = "質問先"
# A title written after a person's name, and its English: what the briefing calls the
# person's role. The longest title that ends the words after the name wins (国防長官
# before 長官); 元 or 前 in front makes it "former".
ROLES = {
    "大統領": "President", "副大統領": "Vice President", "首相": "Prime Minister",
    "総理": "Prime Minister", "総理大臣": "Prime Minister", "副首相": "Deputy Prime Minister",
    "大臣": "Minister", "外相": "Foreign Minister", "外務大臣": "Foreign Minister",
    "防衛相": "Defense Minister", "防衛大臣": "Defense Minister", "国防相": "Defense Minister",
    "財務相": "Finance Minister", "財務大臣": "Finance Minister", "経済産業相": "Economy Minister",
    "経産相": "Economy Minister", "官房長官": "Cabinet Secretary", "国務長官": "Secretary of State",
    "国防長官": "Defense Secretary", "長官": "Secretary", "国王": "King", "女王": "Queen",
    "皇太子": "Crown Prince", "主席": "Chairman", "国家主席": "President",
    "書記長": "Secretary-General",
    "事務総長": "Secretary-General", "幹事長": "Secretary-General", "総書記": "General Secretary",
    "議長": "Chair", "委員長": "Chair", "党首": "Party leader", "代表": "Leader",
    "総裁": "President", "知事": "Governor", "市長": "Mayor", "町長": "Mayor", "村長": "Mayor",
    "区長": "Mayor", "議員": "Lawmaker", "大使": "Ambassador", "報道官": "Spokesperson",
    "司令官": "Commander", "将軍": "General", "会長": "Chairman", "社長": "Company president",
    "最高経営責任者": "Chief executive", "CEO": "Chief executive", "教授": "Professor",
    "容疑者": "Suspect", "被告": "Defendant", "死刑囚": "Death-row inmate", "特使": "Envoy",
    ASKED: "asked",
}  # fmt: skip
_ROLE_WORDS = sorted(ROLES, key=len, reverse=True)
_ERAS = frozenset(["明治", "大正", "昭和", "平成", "令和"])
_KATAKANA = set(range(0x30A1, 0x30FB)) | {0x30FC}


# An office asked for its view or its answer (知事の見解を伺います, 教育長にお伺いします,
# 総理の答弁を求めます): the speaker's own office or a colleague's is never asked so.
_ASKED_OFFICE = re.compile(
    r"(?P<office>(?:副)?知事|教育長|警視総監|消防総監|[一-龯]{1,4}局長|区長|市長|町長|村長"
    r"|総理(?:大臣)?|首相|[一-龯]{1,4}大臣|理事長)"
    r"(?:の|に|に対し(?:て)?|として)(?:ご|お)?"
    r"(?:見解|所見|認識|決意|考え|答弁|伺|お伺|お聞き|お尋ね|見通し|方針)"
)


def addressee(sentences: Sequence[Sentence]) -> Found | None:
    """The office a speech asks most often for its view or answer (知事, 教育長), as an
    actor with the role :data:`ASKED`: who must answer matters to a reader as much as
    who asks; ``None`` when no sentence asks an office."""
    asked: dict[str, list[str]] = {}
    for sentence in sentences:
        for match in _ASKED_OFFICE.finditer(sentence.text):
            ids = asked.setdefault(match.group("office"), [])
            if sentence.id not in ids:
                ids.append(sentence.id)
    if not asked:
        return None
    office, ids = max(asked.items(), key=lambda item: len(item[1]))
    return Found(office, "person", len(ids), ids[0], ASKED, tuple(ids))


def role_english(role: str) -> str:
    """The English of a title :data:`ROLES` knows, "former …" for 元…/前…; an English
    title (from a text in English) as it is; "" for none."""
    if not role:
        return ""
    for prefix in ("元", "前"):
        if role.startswith(prefix) and role[1:] in ROLES:
            return f"former {ROLES[role[1:]]}"
    return ROLES.get(role, role)


def salience(actor: Found, positions: Mapping[str, float], lede: Collection[str] = ()) -> float:
    """How much an actor matters to a reader: one point a mention, three for being in
    the title, one for the lede, and up to one for how early the text first names it
    (``positions``: each sentence id's place in the text, 0 first to 1 last)."""
    ids = actor.sentence_ids or (actor.first_sentence_id,)
    body = [positions[sid] for sid in ids if sid in positions]
    early = 1.0 - min(body) if body else 0.0
    return (
        actor.mentions
        + (3.0 if "title" in ids else 0.0)
        + (1.0 if any(sid in lede for sid in ids) else 0.0)
        + early
    )


def _katakana(text: str) -> bool:
    return bool(text) and all(ord(ch) in _KATAKANA for ch in text)


def actors(
    sentences: Sequence[Sentence],
    language: str,
    tokens: dict[str, list[Token]] | None = None,
    title: str = "",
) -> list[Found]:
    """The actors of a source, in order of first mention (Japanese, and the languages
    with capitals of :data:`~briefgen.text.languages.RULES`; none for the others).

    ``tokens``: each sentence's ``tokenize_ja`` words by id, when the caller has them.
    ``title``: the source's title; an actor named only there has ``first_sentence_id``
    ``"title"``.
    """
    if language in RULES:
        return _spaced_actors(sentences, language, title)
    if language != "ja":
        return []
    tokens = tokens or {}
    tokenized = [(s.id, tokens.get(s.id) or tokenize_ja(s.text)) for s in sentences]
    if title:
        tokenized.append(("title", tokenize_ja(title)))
    # Names that stand alone somewhere (not next to ・): プーチン, but not キリル.
    alone = {
        t.surface
        for _, words in tokenized
        for k, t in enumerate(words)
        if t.proper_kind
        and (k + 1 == len(words) or words[k + 1].surface != "・")
        and (k == 0 or words[k - 1].surface != "・")
    }
    mentions: list[Mention] = []
    for sentence_id, words in tokenized:
        for name, kind, role in _names(words, alone):
            compound = _COMPOUND_PLACE.match(name) if kind == "place" else None
            parts = [p for p in compound.groups() if p] if compound else [name]
            mentions += [(part, kind, sentence_id, role) for part in parts]
    return _merge(mentions)


Mention = tuple[str, str, str, str]  # (name, kind, sentence id, role)


def _names(tokens: list[Token], alone: set[str]) -> list[tuple[str, str, str]]:
    """(name, kind, role) for each name in a sentence's words, in order."""
    found: list[tuple[str, str, str]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].is_noun:  # every name starts with a noun
            i += 1
            continue
        for finder in (
            _organization,
            _dotted_person,
            _listed_person,
            _full_name,
            _place,
            _unknown_katakana,
            _proper,
        ):
            if result := finder(tokens, i, alone):
                names, end = result
                if _thing(tokens, i, end):
                    i = end
                    break
                role = _role_after(tokens, end)
                for name, kind in names:
                    clean, kept = _clean(name, kind)
                    if clean:
                        # A role counts once the name is known to be a person's
                        # (an unknown katakana name may be "other" here, a person later).
                        is_someone = kind in ("person", "other")
                        found.append((clean, kind, (kept or role) if is_someone else ""))
                inner = _organization(tokens[i : end - 1], 0, alone) if end - i > 2 else None
                if names[0][1] == "organization" and inner:
                    # 文部科学省 in 文部科学省宇宙開発委員会
                    found += [(name, kind, "") for name, kind in inner[0]]
                i = end
                break
        else:
            i += 1
    return found


Match = tuple[list[tuple[str, str]], int] | None  # ([(name, kind)…], the index after them)


def _organization(tokens: list[Token], i: int, alone: set[str]) -> Match:
    """上海協力機構 (a proper noun first), 警察庁 or 毎日新聞 (a strong word last)."""
    if not tokens[i].is_noun or tokens[i].pos[1] == "数詞" or tokens[i].surface == "・":
        return None
    if tokens[i].proper_kind == "person":
        return None  # 國松孝次警察庁長官: a person, then an organization
    if not tokens[i].proper_kind and any(t.pos[1] == "数詞" for t in tokens[max(0, i - 2) : i]):
        return None  # 1日付日刊工業新聞: a run that starts just after a number starts later
    j = i
    while (
        j < len(tokens)
        and tokens[j].is_noun
        and tokens[j].pos[1] != "数詞"
        and tokens[j].surface != "・"
    ):
        j += 1
    # A foreign name the dictionary lacks starts an organization as a proper noun does.
    named = bool(tokens[i].proper_kind) or (tokens[i].unknown and _katakana(tokens[i].surface))
    words = ORGANIZATION_WORDS if named else _STRONG_ORGANIZATION_WORDS
    for end in range(j, i, -1):  # the longest run that ends in an organization word
        if not _ends_organization(tokens[end - 1].surface, named):
            continue
        name = "".join(t.surface for t in tokens[i:end])
        if named and end > i + 1:
            return [(name, "organization")], end
        if (
            not named
            and len(name) > max(len(w) for w in words if name.endswith(w))
            and len(name) >= 3
            and name not in _GENERIC_ORGANIZATIONS
            and not name.startswith(_GENERIC_PREFIXES)
        ):
            return [(name, "organization")], end
    return None


@functools.lru_cache(maxsize=4096)
def _ends_organization(word: str, named: bool) -> bool:
    """Whether ``word`` ends an organization's name (after a proper noun: ``named``).

    消防庁 ends in 庁, but 会社 does not end in 社: one-character words only end words
    of three characters or more.
    """
    words = ORGANIZATION_WORDS if named else _STRONG_ORGANIZATION_WORDS
    return word in words or any(word.endswith(w) for w in words if len(w) > 1 or len(word) > 2)


def _dotted_person(tokens: list[Token], i: int, alone: set[str]) -> Match:
    """キリル・ドミトリエフ, ジョージ・ワシントン・ブッシュ: katakana parts joined by ・,
    one of them a person's name, none of them a name that stands alone in the text
    (プーチン・ウィトコフ会談 is two people)."""
    j = i
    while (
        j + 2 < len(tokens) and tokens[j + 1].surface == "・" and _katakana(tokens[j + 2].surface)
    ):
        j += 2
    parts = tokens[i : j + 1 : 2]
    # マンモーハン・スィン・インド首相: a place ends the name.
    while len(parts) > 1 and parts[-1].proper_kind == "place":
        parts.pop()
    if len(parts) < 2 or not _katakana(tokens[i].surface):
        return None
    # A first part that stands alone in the text is a person of its own: プーチン・ウィトコフ.
    if not any(p.proper_kind == "person" for p in parts) or parts[0].surface in alone:
        return None
    if parts[0].proper_kind == "place":
        return None  # パキスタン・ムスリム連盟: a place first is no person
    return [("・".join(p.surface for p in parts), "person")], i + 2 * len(parts) - 1


def _listed_person(tokens: list[Token], i: int, alone: set[str]) -> Match:
    """ウィトコフ in プーチン・ウィトコフ会談: a katakana word listed with a person."""
    token = tokens[i]
    if token.proper_kind or not _katakana(token.surface) or len(token.surface) < 3:
        return None
    beside = [tokens[k] for k in (i - 2, i + 2) if 0 <= k < len(tokens)]
    dots = [tokens[k] for k in (i - 1, i + 1) if 0 <= k < len(tokens)]
    if any(
        dot.surface == "・" and other.proper_kind == "person" and other.surface in alone
        for dot, other in zip(dots, beside, strict=False)
    ):
        return [(token.surface, "person")], i + 1
    return None


def _full_name(tokens: list[Token], i: int, alone: set[str]) -> Match:
    """山路徹: a family name followed by a given name."""
    if (
        i + 1 < len(tokens)
        and tokens[i].pos[2:4] == ("人名", "姓")
        and tokens[i + 1].pos[2:4]
        == (
            "人名",
            "名",
        )
    ):
        return [(tokens[i].surface + tokens[i + 1].surface, "person")], i + 2
    return None


def _place(tokens: list[Token], i: int, alone: set[str]) -> Match:
    """ベーリング海, 上九一色村, 北太平洋: a place with the words of its name around it."""
    start = i
    if tokens[i].surface in _DIRECTIONS and i + 1 < len(tokens):
        i += 1
    if tokens[i].proper_kind != "place":
        return None
    end = i + 1
    for width in (2, 1):  # インド亜大陸: 亜 + 大陸
        if "".join(t.surface for t in tokens[end : end + width]) in _PLACE_SUFFIXES:
            end += width
            break
    # ワシントンD.C.: an abbreviation written right after the name.
    letters = end
    while (
        letters + 1 < len(tokens)
        and len(tokens[letters].surface) == 1
        and (tokens[letters].surface.isupper() and tokens[letters + 1].surface == ".")
    ):
        letters += 2
    if letters - end >= 4:
        end = letters
    if end - start == 1:
        return None
    return [("".join(t.surface for t in tokens[start:end]), "place")], end


def _unknown_katakana(tokens: list[Token], i: int, alone: set[str]) -> Match:
    """ペシャーワル, ネットフリックス: a katakana word the dictionary lacks is almost
    always a foreign name; parts joined by ・ are one name (ワシフ・アリー・カン)."""
    if not (tokens[i].unknown and _katakana(tokens[i].surface) and len(tokens[i].surface) > 2):
        return None
    j = i
    while j + 2 < len(tokens) and tokens[j + 1].surface == "・" and tokens[j + 2].unknown:
        j += 2
    parts = [t.surface for t in tokens[i : j + 1 : 2]]
    after = [t.surface for t in tokens[j + 1 : j + 4]]
    # ビラワル・バクトワール・アシーファの3人: a list of as many people as it counts.
    if (
        len(parts) > 1
        and after[:1] == ["の"]
        and after[2:3] == ["人"]
        and _count(after[1]) == len(parts)
    ):
        return [(part, "person") for part in parts], j + 1
    kind = (
        "person" if after[:1] and (after[0] in _TITLES or after[0] in ("さん", "君")) else "other"
    )
    return [("・".join(parts), kind)], j + 1


def _count(text: str) -> int | None:
    text = text.translate(
        str.maketrans("０１２３４５６７８９一二三四五六七八九", "0123456789123456789")
    )
    return int(text) if text.isdigit() else None


def _proper(tokens: list[Token], i: int, alone: set[str]) -> Match:
    """Any other proper noun; adjacent ones of no kind are one name (ワーナーブラザーズ)."""
    kind = tokens[i].proper_kind
    if kind is None:
        return None
    j = i + 1
    if kind == "name":
        while j < len(tokens) and tokens[j].proper_kind == "name":
            j += 1
    name = "".join(t.surface for t in tokens[i:j])
    if kind == "name":  # EU, NATO, IMF: an acronym names an organization
        kind = "organization" if name.isascii() and name.isupper() else "other"
    after = [t.surface for t in tokens[j : j + 2]]
    if (
        tokens[i].pos[3:4] != ("国",)
        and (  # パキスタン首相 is the country's
            any(w.endswith(_PERSON_TITLES) for w in after[:1])
            or (len(after) == 2 and len(after[0]) == 1 and after[1].endswith(_PERSON_TITLES))
        )
    ):
        kind = (
            "person"  # チャーチル英首相, ルーズベルト米大統領: the dictionary's place is a person
        )
    return [(name, kind)], j


def _clean(name: str, kind: str) -> tuple[str, str]:
    """(the name without a title the dictionary kept on it, that title if it is a
    role); ("", "") for what is no actor."""
    kept = ""
    if kind in ("person", "other"):
        for title in _TITLES:
            if name.endswith(title) and len(name) > len(title):
                name, kept = name[: -len(title)], title if title in ROLES else ""
                break
    if name in _ERAS:
        return "", ""
    if len(name) < 2 and (kind == "person" or name.isascii()):
        return "", ""  # 正 or C: a fragment, not a name
    return name, kept


_COUNTER_OR_DATE = ("助数詞可能", "助数詞")


def _thing(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the name in ``tokens[start:end]`` names a thing by its class or model
    (see the module docstring): 空母「遼寧」, 「梅山」号, プレイステーション5, 西安H-6."""
    after = tokens[end : end + 3]
    # A model number: a number right after the name that counts nothing (5」, not 5年).
    if after and after[0].pos[1:2] == ("数詞",):
        counted = len(after) > 1 and (
            after[1].pos[1:2] in (("助数詞可能",), ("助数詞",)) or after[1].pos[0] == "接尾辞"
        )
        if not counted:
            return True
    # A model code: Latin letters, a hyphen and a number (H-6, TU-95).
    if (
        len(after) == 3
        and after[0].surface.isascii()
        and after[0].surface.isalpha()
        and after[1].surface in ("-", "‐", "－")
        and after[2].pos[1:2] == ("数詞",)
    ):
        return True
    # A name in 「」 classed by the noun before it, or before 号 (the whole bracket is
    # the thing's name: 「レゾリュート・ドラゴン」).
    if start > 0 and tokens[start - 1].surface == "「":
        close = next(
            (k for k in range(end, min(end + 8, len(tokens))) if tokens[k].surface == "」"), None
        )
        if close is None or not all(t.is_noun or t.surface == "・" for t in tokens[end:close]):
            return False
        if close + 1 < len(tokens) and tokens[close + 1].surface == "号":
            return True
        if start > 1:
            kind = tokens[start - 2]
            organization = _ends_organization(kind.surface, True) or kind.surface.endswith(
                ("組織", "団体", "企業", "会社", "教団", "グループ", "党")
            )
            return kind.pos[:2] == ("名詞", "普通名詞") and not organization
    return False


def _role_after(tokens: list[Token], end: int) -> str:
    """The title written right after a name (大統領 in トランプ大統領, 首相 in
    スターリン・ソ連首相, 元防衛相 → 元防衛相): the longest :data:`ROLES` word that ends
    the run of nouns after it; "" for none."""
    k = end + 1 if end < len(tokens) and tokens[end].surface == "・" else end
    run = ""
    for token in tokens[k : k + 5]:
        if (not token.is_noun and token.pos[0] != "接頭辞") or token.surface in ("・", "、"):
            break
        run += token.surface
    if not run:
        return ""
    for word in _ROLE_WORDS:
        if run.endswith(word):
            before = run[: -len(word)]
            former = before[:1] if before[:1] in ("元", "前") else ""
            # The words before the title only say whose it is (米, ソ連, 熊本県).
            return former + word
    return ""


def _merge(mentions: list[Mention]) -> list[Found]:
    names: dict[str, list[str]] = {}  # name → sentence ids, in order
    kinds: dict[str, str] = {}
    roles: dict[str, list[str]] = {}  # name → the titles written with it
    for name, kind, sentence_id, role in mentions:
        names.setdefault(name, []).append(sentence_id)
        if kinds.get(name, "other") == "other":  # トランプ政権 says less than トランプ大統領
            kinds[name] = kind
        if role:
            roles.setdefault(name, []).append(role)
    # A short form (ドミトリエフ) joins the full name it ends (キリル・ドミトリエフ).
    full = [n for n in names if "・" in n]
    for name in list(names):
        longer = [f for f in full if f != name and f.split("・")[-1] == name]
        # ワシントン joins ワシントンD.C.: the same place with its abbreviation.
        if not name.isascii():
            longer += [
                f for f in names if f != name and f.startswith(name) and f[len(name) :].isascii()
            ]
        if len(longer) == 1:
            names[longer[0]] += names.pop(name)
            roles.setdefault(longer[0], []).extend(roles.pop(name, []))
    order = {sid: n for n, sid in enumerate(dict.fromkeys(m[2] for m in mentions))}
    found = [
        Found(
            name,
            kinds[name],
            len(ids),
            min(ids, key=order.__getitem__),
            role=_commonest(roles.get(name, [])) if kinds[name] == "person" else "",
            sentence_ids=tuple(sorted(set(ids), key=order.__getitem__)),
        )
        for name, ids in names.items()
    ]
    return sorted(found, key=lambda a: (order[a.first_sentence_id], -a.mentions, a.name))


def _commonest(roles: list[str]) -> str:
    """The title written most often with a name, a short form counting for the full
    title it ends (長官 for 国防長官); the fuller title, then the first written, on a tie."""
    if not roles:
        return ""
    counts = {role: sum(1 for r in roles if role.endswith(r)) for role in dict.fromkeys(roles)}
    return max(counts, key=lambda role: (counts[role], len(role)))


# Languages with capitals ------------------------------------------------------------

# Words, and dotted abbreviations as one word (U.S., U.N.).
_SPACED_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w'’\-]*")
# Lower-case words inside a name: Jean de La Fontaine, Ursula von der Leyen.
_CONNECTORS = frozenset((
    "de", "da", "del", "di", "du", "la", "le", "van", "von", "der", "den", "of", "y",
    "bin", "al",
))  # fmt: skip
_ORGANIZATION_NAMES = frozenset((
    "ministry", "ministerium", "ministère", "ministerio", "ministero", "министерство",
    "university", "universität", "université", "universidad", "università", "университет",
    "party", "partei", "parti", "partido", "partito", "партия", "court", "gericht",
    "gerichtshof", "cour", "tribunal", "суд", "bank", "banque", "banco", "банк", "agency",
    "agentur", "presse-agentur", "agence", "agencia", "агентство", "union", "council",
    "rat", "conseil", "consejo", "consiglio", "совет", "commission", "kommission",
    "comisión", "commissione", "комиссия", "association", "verband", "company", "gmbh",
    "ag", "inc", "corp", "ltd", "group", "gruppe", "groupe", "grupo", "congress",
    "kongress", "congrès", "congreso", "конгресс", "parliament", "parlament", "parlement",
    "parlamento", "парламент", "government", "regierung", "gouvernement", "gobierno",
    "governo", "правительство", "service", "guard", "department", "office", "police",
    "army", "navy", "force", "bureau", "administration", "institute", "foundation",
    "committee", "organization", "organisation", "authority", "corporation", "fund",
    "board", "center", "centre", "league", "press", "news", "times", "post", "journal",
    "nations", "ministerie", "polizei", "armee",
))  # fmt: skip
# Words before a name that make it a thing, not a person ("the United States").
_ARTICLES = frozenset((
    "the", "a", "an", "le", "la", "les", "l'", "un", "une", "der", "die", "das", "den",
    "dem", "des", "el", "los", "las", "il", "lo", "gli", "het", "een",
))  # fmt: skip


def _spaced_actors(sentences: Sequence[Sentence], language: str, title: str) -> list[Found]:
    """Names in a language with capitals: runs of capitalized words (with de, von, van…
    between them), acronyms (organizations), each merged with its other forms by stem
    (Шольц, Шольца) and a short form with the full name it ends (Djebbari,
    Jean-Baptiste Djebbari). German capitalizes every noun, so there only acronyms and
    organizations (Europäische Zentralbank, Bundesregierung) are found."""
    rules = RULES[language]
    texts = [(s.id, s.text) for s in sentences] + ([("title", title)] if title else [])
    lower = {w for _, t in texts for w in _SPACED_WORD.findall(t) if w[:1].islower()}
    no_name = {f for forms in rules.months for f in forms} | rules.weekdays
    runs: list[tuple[list[str], str, str, bool, bool, str]] = []
    mid_sentence: set[str] = set()  # capitalized words seen after a sentence's first word
    for sentence_id, text in texts:
        words = list(_SPACED_WORD.finditer(text))
        k = 0
        while k < len(words):
            if not _capitalized(words[k].group()):
                k += 1
                continue
            j = _run_end(text, words, k)
            run = [w.group() for w in words[k:j]]
            first = k == 0  # a sentence's first word has a capital anyway
            before = words[k - 1].group().lower() if k else ""
            article = before in _ARTICLES
            while run and run[0].lower() in rules.stop_words:
                before, article, first = run.pop(0).lower(), True, False  # "The", "Der"
            # "Хотя Шольц", "Yesterday Biden": a first word the text also writes in lower
            # case is no part of the name.
            if first and len(run) > 1 and run[0].lower() in lower:
                run, first = run[1:], False
            # "President Joe Biden": the title is his role, not his name.
            role = _english_title(run) if language == "en" else ""
            if role:
                run, first = run[len(role.split()) :], False
            mid_sentence.update(run[1:] if first else run)
            runs.append((run, sentence_id, before, first, article, role))
            k = j
    stem = _stemmer_for(rules.snowball)
    pieces: list[tuple[list[str], str, str, bool, bool, str]] = []
    for run, sentence_id, before, first, article, role in runs:
        run = [w for w in run if w.lower() not in no_name]  # July, Monday
        for n, piece in enumerate(_split_of(run)):
            pieces.append(
                (piece, sentence_id, before if n == 0 else "of", first, article, role * (n == 0))
            )
    # "Германии Олаф Шольц": a word that is a name of its own elsewhere starts no name.
    alone = {stem.stemWord(p[0].lower()) for p, *_ in pieces if len(p) == 1}
    mentions: list[Mention] = []
    for run, sentence_id, before, first, article, role in pieces:
        organization = any(_organization_word(w, compound=language == "de") for w in run)
        if len(run) > 2 and stem.stemWord(run[0].lower()) in alone and not organization:
            names = [(run[:1], before), (run[1:], "")]
        else:
            names = [(run, before)]
        for name_words, before_name in names:
            found = _spaced_name(name_words, before_name, first, article, language, mid_sentence)
            if found:
                name, kind = found
                if role and kind != "organization":
                    mentions.append((name, "person", sentence_id, role))
                else:
                    mentions.append((name, kind, sentence_id, ""))
    return _merge_spaced(mentions, stem)


# English titles written before a name ("Prime Minister Shigeru Ishiba"), longest first.
_ENGLISH_TITLES = sorted(
    (
        "Secretary of State", "Secretary-General", "Prime Minister", "Vice President",
        "Foreign Minister", "Defense Minister", "Defence Minister", "Finance Minister",
        "Defense Secretary", "Chief Executive", "President", "Chancellor", "Minister",
        "Secretary", "Senator", "Governor", "Mayor", "King", "Queen", "Prince", "Pope",
        "General", "Admiral", "Ambassador", "Chairman", "Speaker", "Judge", "Professor",
    ),
    key=len,
    reverse=True,
)  # fmt: skip


def _english_title(run: list[str]) -> str:
    """The title a run of capitalized words starts with, when a name follows it."""
    text = " ".join(run)
    for title in _ENGLISH_TITLES:
        rest = run[len(title.split()) :]
        if text.startswith(title + " ") and rest and _capitalized(rest[0]):
            return title
    return ""


def _run_end(text: str, words: list[re.Match[str]], k: int) -> int:
    """Where the run of capitalized words starting at ``words[k]`` ends."""
    j = k + 1
    while j < len(words) and text[words[j - 1].end() : words[j].start()] == " ":
        if _capitalized(words[j].group()):
            j += 1
            continue
        # von der Leyen: connectors count only when a capitalized word follows.
        c = j
        while c < len(words) and words[c].group() in _CONNECTORS:
            c += 1
        if c == j or c == len(words) or not _capitalized(words[c].group()):
            break
        j = c
    return j


def _split_of(run: list[str]) -> list[list[str]]:
    """'Mayor Tom Brown of Riverton' is two names; 'Bank of America' one."""
    run = _trim(run)
    if "of" not in run or any(_organization_word(w) for w in run):
        return [run] if run else []
    pieces: list[list[str]] = []
    current: list[str] = []
    for word in run:
        if word == "of":
            pieces.append(current)
            current = []
        else:
            current.append(word)
    return [p for p in (*pieces, current) if p]


def _spaced_name(
    run: list[str], before: str, first: bool, article: bool, language: str, mid: set[str]
) -> tuple[str, str] | None:
    """(name, kind) for a run of capitalized words, or ``None`` if it is no name."""
    run = _trim(run)
    if not run:
        return None
    rules = RULES[language]
    name = " ".join(run)
    single = len(run) == 1
    acronym = single and name.replace(".", "").isupper() and len(name) > 1
    organization = any(_organization_word(w, compound=language == "de") for w in run)
    if language == "de" and not (acronym or organization):
        return None  # German capitalizes every noun: only acronyms and organizations
    if language == "de" and single and not acronym and not _compound_organization(name):
        return None  # Gerichte, Polizei: a common noun; Bundesregierung: a name
    if single and not acronym and first and name not in mid:
        return None  # only ever a sentence's capitalized first word
    if (acronym and "." not in name) or organization:
        kind = "organization"
    elif before in rules.place_words:
        kind = "place"
    elif len(run) > 1 and not article:  # "the United States" is no person
        kind = "person"
    else:
        kind = "other"
    return name, kind


def _trim(run: list[str]) -> list[str]:
    """Without connectors at either end ("of NATO" is NATO)."""
    while run and run[0] in _CONNECTORS:
        run = run[1:]
    while run and run[-1] in _CONNECTORS:
        run = run[:-1]
    return run


def _organization_word(word: str, compound: bool = False) -> bool:
    """Gerichtshof, Gerichtshofs, Конгресса: an organization word in any case ending;
    with ``compound`` (German) also at a compound's end (Zentralbank, Bundesregierung)."""
    lowered = word.lower()
    return any(
        (lowered.startswith(w) and len(lowered) - len(w) <= 2) for w in _ORGANIZATION_NAMES
    ) or (compound and _compound_organization(word))


def _compound_organization(word: str) -> bool:
    lowered = word.lower()
    return any(lowered.endswith(w) and len(lowered) >= len(w) + 4 for w in _ORGANIZATION_NAMES)


def _capitalized(word: str) -> bool:
    return word[:1].isupper()


def _stemmer_for(name: str) -> Any:
    from briefgen.text.tokenize import _stemmer

    return _stemmer(name)


def _merge_spaced(mentions: list[Mention], stemmer: Any) -> list[Found]:
    """Merge forms of one name (by the stems of its words), then short forms into the
    longer name they end; the form seen first names the actor."""
    key_of: dict[str, str] = {}
    for name, *_ in mentions:
        key_of.setdefault(name, " ".join(stemmer.stemWords(name.lower().split())))
    canonical: dict[str, str] = {}
    for name, *_ in mentions:
        canonical.setdefault(key_of[name], name)
    keys = list(canonical)
    for key in keys:  # "seehof" joins "horst seehof"
        longer = [k for k in keys if k != key and k.endswith(" " + key)]
        if len(longer) == 1 and " " not in key:
            canonical[key] = canonical[longer[0]]
    merged = [(canonical[key_of[name]], kind, sid, role) for name, kind, sid, role in mentions]
    return _merge(merged)
