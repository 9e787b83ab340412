"""Dates in languages written with spaces: what :mod:`briefgen.summarize.dates`
resolves, found in English, German, French, Spanish and the other entries of
:data:`briefgen.text.languages.RULES` that have month names.

Every such language finds ``14. Juli 2021``, ``12 décembre``, ``July 21, 2024``,
``December 2021``, ``2024-07-21``, a year after a word like "in" or "seit", and its
relative words ("yesterday", "übermorgen", "la semaine dernière": a week is its Monday
to Sunday). English, German, French and Spanish (:data:`DAY_WORDS`) also find:

- **a day without its month**, after the word that introduces one or with its
  weekday: ``on the 19th``, ``on Tuesday the 19th``, ``am 19.``, ``am Dienstag, dem
  19.``, ``le 19``, ``le mardi 19``, ``el 19``, ``el martes 19``, ranges (``du 19 au
  22``) and ``…of this/last/next month`` (``am 19. des kommenden Monats``);
- **weekdays**: ``on Monday``, ``am Montag``, ``lundi``, ``el lunes``; ``last`` and
  ``next`` (``letzten``/``nächsten``, ``dernier``/``prochain``,
  ``pasado``/``próximo``) are the last such day before the article date and the next
  after it; ``this``/``diesen``/``ce``/``este`` adds nothing; ``from Monday to
  Friday`` is a range. A recurring weekday (``every Monday``, ``on a Monday``,
  ``jeden Montag``, ``le lundi``, ``los lunes``) is no date, nor one inside a name
  (``Good Friday Agreement``, ``The Sunday Times``, ``Mardi gras``);
- days listed before a month-day are in its month: ``am 19. und 20. September``.

**What makes a number a day**: it is introduced as one (``on the``, ``am``, ``le``,
``el``, a weekday) and no noun follows it, since an ordinal followed by a noun counts
that noun (``on the 19th floor``, ``am 3. Tag``, ``zum 19. Mal``, ``the 19th
Amendment``). German nouns are capitalized; elsewhere "no noun" is a function word
(the language's stop words and a few prepositions), punctuation or the end. French
writes days as cardinals, so ``le 19e jour`` is an ordinal; numbers with units
(``19 days``, ``19 Tage``, ``3 days a week``) are not introduced as days; a
percentage (``el 19 por ciento``) is no day. With its weekday a number is a day
whatever follows it.

**Tense** (:func:`spaced_tense`): the tense marker nearest before the date in its
clause, else the nearest after it in its clause, else (a date that stands alone in
its clause: ``On the 19th, the cabinet approved…``) the nearest in the sentence.
Clauses end at punctuation and at the conjunctions of :data:`DAY_WORDS`. Markers are a
short list per language: future (auxiliaries of the future and of plans, the future
and conditional endings) and past (auxiliaries of the perfect and passive, the past
endings, the commonest irregular past forms); a word that is both (``expected``) is
future.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefgen.summarize.mentions import DateMention, Tense
from briefgen.summarize.mentions import valid_date as _valid
from briefgen.text.languages import RULES


@dataclass(frozen=True)
class DayWords:
    """What a language needs to date a day without its month, a weekday and a tense.

    Regex fragments are matched without regard to case; word lists are lower-case.
    ``weekdays``: Monday first, forms joined by "/"; ``weekday_suffix``: a time of day
    written into the weekday (``Montagabend``); ``before_day``: what introduces a day
    number; ``between``: what may stand between a weekday and its day (``dem``);
    ``ordinal``: the day number's ending (required unless ``ordinal_optional``);
    ``range_to``: the word of a range of days; ``steps`` (before the weekday) and
    ``steps_after`` (after it): -1 the last one before the article date, 1 the next
    after it, 0 the one the tense decides; ``recurring``: before a weekday, makes it
    every such day; ``month_tail``: after a day, the month it is in (an offset from
    the article's month, ``None`` for "the month", which the tense decides);
    ``after_day``: function words besides the stop words that may follow a day;
    ``nouns_capitalized``: a capital marks a noun (German); ``future``, ``past``: tense
    markers; ``clause_words``: conjunctions that start a clause."""

    weekdays: str
    before_day: str
    ordinal: str
    range_to: str
    recurring: str
    future: str
    past: str
    clause_words: str
    weekday_suffix: str = ""
    between: str = ""
    ordinal_optional: bool = False
    steps: dict[str, int] | None = None
    steps_after: dict[str, int] | None = None
    month_tail: dict[str, int | None] | None = None
    after_day: frozenset[str] = frozenset()
    nouns_capitalized: bool = False


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DAY_WORDS: dict[str, DayWords] = {
    "en": DayWords(
        weekdays="monday tuesday wednesday thursday friday saturday sunday",
        before_day=r"(?:on|from|until|till|by|since|before|after|for)(?:\s+the)?",
        between="the",
        ordinal="st|nd|rd|th",
        range_to=r"to|until|through|-|–",
        steps={"last": -1, "next": 1, "coming": 1, "this": 0},
        recurring="every|each|a|an",
        month_tail={
            "of this month": 0,
            "of last month": -1,
            "of next month": 1,
            "of the month": None,
        },
        after_day=_words(
            "until during amid against over under without despite near among toward "
            "towards via per again already then just only local"
        ),
        # future: the future and its plans; "will be held" is one marker.
        future=r"(?:will|would|shall|'ll|won't|going\s+to|is\s+to|are\s+to|(?:plans?|planned"
        r"|scheduled|set|expected|intends?|aims?)\s+to)(?:\s+(?:not\s+)?be\s+\w+)?"
        r"|scheduled|planned|expected|upcoming",
        # past: auxiliaries, "ago", the regular ending -ed (not -eed, nor "hundred"),
        # the commonest irregular past forms.
        past=r"was|were|had|did|been|ago|(?-i:(?!hundred)[a-z]\w+(?<!e)ed)|agreed|freed"
        r"|said|told|met|took|taken|made|won|lost|held|began|begun|came|went|gone|left"
        r"|gave|given|found|saw|seen|spoke|spoken|wrote|written|chose|chosen|fell|broke"
        r"|broken|sent|spent|led|paid|sold|bought|brought|thought|ran|became|kept|rose"
        r"|struck|stood|drew|drawn|flew|flown|withdrew|withdrawn|shot|hit|quit",
        clause_words="that|and|but|which|who|while|whereas",
    ),
    "de": DayWords(
        weekdays="montag dienstag mittwoch donnerstag freitag samstag/sonnabend sonntag",
        weekday_suffix="(?:abend|morgen|früh|mittag|nachmittag|vormittag|nacht)?",
        before_day=r"am|vom|zum|bis\s+zum|bis|ab\s+dem|ab|seit\s+dem|an\s+dem",
        between="den|dem",
        ordinal=r"\.",
        range_to=r"bis(?:\s+zum)?|-|–",
        steps={
            "letzten": -1,
            "vergangenen": -1,
            "nächsten": 1,
            "kommenden": 1,
            "diesen": 0,
            "diesem": 0,
        },
        recurring="jeden|jedem|jeder",
        month_tail={
            "dieses monats": 0,
            "des laufenden monats": 0,
            "des vergangenen monats": -1,
            "vergangenen monats": -1,
            "des letzten monats": -1,
            "letzten monats": -1,
            "des kommenden monats": 1,
            "kommenden monats": 1,
            "des nächsten monats": 1,
            "nächsten monats": 1,
            "des monats": None,
        },
        # future: werden (also reported: werde, würde), sollen, wollen, plans.
        future=r"wird|werden|werde|würde|würden|soll|sollen|solle|sollte|sollten|will|wollen"
        r"|plant|planen"
        r"|geplant|vorgesehen|voraussichtlich",
        # past: the auxiliaries of the Perfekt and passive, the Präteritum of sein,
        # werden and of the commonest verbs of news, weak Präteritum endings.
        past=r"hat|haben|habe|hatte|hatten|war|waren|wurde|wurden|worden|gewesen"
        r"|(?:sagte|kam|traf|gab|fand|begann|ging|nahm|stand|sprach|entschied|beschloss"
        r"|verlor|gewann|trat|fiel|rief|hielt|lief|stieg|sank|schlug|warf|zog|bot|blieb"
        r"|schrieb|starb|wies|erhielt|verließ|sah|kündigte|einigte|forderte)(?:en|n)?"
        r"|(?-i:[a-zäöü]\w*(?:ierte|gte|kte|llte|mmte|nnte|rte|ete)n?)",
        clause_words="und|aber|dass|weil|nachdem|sondern",
        nouns_capitalized=True,
    ),
    "fr": DayWords(
        weekdays="lundi mardi mercredi jeudi vendredi samedi dimanche",
        before_day=r"le|du|dès\s+le|depuis\s+le|jusqu'au|avant\s+le|après\s+le",
        ordinal="er",
        ordinal_optional=True,
        range_to=r"au|-|–",
        steps={"ce": 0},
        steps_after={"dernier": -1, "passé": -1, "prochain": 1},
        recurring="chaque|le",
        month_tail={
            "de ce mois": 0,
            "de ce mois-ci": 0,
            "du mois dernier": -1,
            "du mois passé": -1,
            "du mois prochain": 1,
            "du mois": None,
        },
        after_day=_words(
            "à après avant lors pendant contre sous vers chez malgré selon entre "
            "depuis dès puis alors aussi déjà encore matin soir midi"
        ),
        # future: aller + infinitive, devoir, prévoir, the future and conditional
        # endings (-era, -ira, -ura, -rra, -dra, -vra; -erait…).
        future=r"va|vont|ira|iront|doit|doivent|prévu|prévue|prévus|prévues|prévoit"
        r"|\w+(?:er|ir|ur|rr|dr|vr|tr)(?:a|ont)|\w+(?:er|ir|ur|rr|dr|vr)(?:ait|aient)",
        # past: avoir and être of the passé composé (not "il y a"), the imparfait.
        past=r"(?<!\by\s)a|ont|été|fut|furent|eut|\w+(?:ait|aient)"
        r"|(?:est|sont)\s+(?!aussi|ici|parmi)\w+(?:é|i|u)e?s?",
        clause_words="et|mais|que|qu'|qui|où|tandis|lorsque",
    ),
    "es": DayWords(
        weekdays="lunes martes miércoles/miercoles jueves viernes sábado/sabado domingo",
        before_day=r"el\s+día|el|del|desde\s+el|hasta\s+el|a\s+partir\s+del",
        ordinal="",
        ordinal_optional=True,
        range_to=r"al|-|–",
        steps={"próximo": 1, "este": 0},
        steps_after={"pasado": -1, "próximo": 1, "que viene": 1},
        recurring="los|cada",
        month_tail={
            "de este mes": 0,
            "del mes pasado": -1,
            "del mes próximo": 1,
            "del próximo mes": 1,
            "del mes que viene": 1,
            "del mes": None,
        },
        after_day=_words(
            "tras antes durante hasta contra sobre bajo hacia según desde ante "
            "mediante también ya luego entonces"
        ),
        # future: ir a + infinitive, prever, the future and conditional endings.
        future=r"va\s+a|van\s+a|prevé|prevén|previsto|prevista|previstos|previstas"
        r"|programado|programada|planea|planean|\w+rán?|\w+(?:ar|er|ir|br|dr)ían?",
        # past: ser, haber, the preterite and imperfect endings.
        past=r"fue|fueron|era|eran|había|habían|ha|han|\w+(?:ó|aron|ieron|aba|aban)",
        clause_words="y|pero|que|quien|donde|mientras",
    ),
}
# A number after these is a quantity, whatever introduced it ("el 19 por ciento").
_NOT_A_DAY_AFTER = re.compile(
    r"\s*(?:[%‰°€$£0-9]|(?:por|pour|per)\s+(?:ciento|cent)\b)|-\w"  # 19th-century
)
_CAPITAL_MONTHS = frozenset(("en", "de"))
# The Japanese words the resolver knows, for the relative words of RULES.
_RELATIVE_UNITS = {"一昨日": ("day_word", -2), "昨日": ("day_word", -1),
                   "今日": ("day_word", 0), "明日": ("day_word", 1),
                   "明後日": ("day_word", 2), "先週": ("week_word", -1),
                   "今週": ("week_word", 0), "来週": ("week_word", 1),
                   "一昨年": ("year_word", -2), "昨年": ("year_word", -1),
                   "今年": ("year_word", 0), "来年": ("year_word", 1),
                   "先月": ("month_word", -1), "今月": ("month_word", 0),
                   "来月": ("month_word", 1)}  # fmt: skip
# Words that are a time of day, not a day, where: German "Morgen" (morning) after a
# day word or written as a noun inside the sentence; Spanish "mañana" after an article.
_MORNING_BEFORE = {
    "morgen": re.compile(r"(?:heute|gestern|vorgestern|morgen)\s+$", re.IGNORECASE),
    "mañana": re.compile(r"(?:la|esta|esa|una|cada|toda|misma|media|aquella)\s+$", re.IGNORECASE),
}


def _alternatives(words: Iterable[str]) -> str:
    """A regex of any of ``words``, the longest first, spaces matching any space."""
    forms = [r"\s+".join(map(re.escape, w.split())) for w in words]
    return "|".join(sorted(forms, key=len, reverse=True))


def _weekday_names(words: DayWords) -> dict[str, int]:
    return {form: i for i, forms in enumerate(words.weekdays.split()) for form in forms.split("/")}


@functools.cache
def _pattern(language: str) -> re.Pattern[str] | None:
    rules = RULES.get(language)
    if rules is None or not rules.months:
        return None
    months = _alternatives(form for forms in rules.months for form in forms)
    relative = _alternatives(rules.relative)
    years = _alternatives(rules.year_words)
    day = r"(?P<day{0}>[0-3]?[0-9])(?:er|st|nd|rd|th|º)?"
    year = r"(?P<year{0}>[0-9]{{4}})(?![0-9])"
    month = rf"(?P<month{{0}}>{months})\.?"
    forms = [
        r"(?P<iso_year>[0-9]{4})-(?P<iso_month>[0-9]{1,2})-(?P<iso_day>[0-9]{1,2})(?![0-9])",
        # 14. Juli 2021, 12 décembre, 21 July 2024, 12 de diciembre de 2021, 12 декабря 2021
        rf"{day.format(1)}\.?\s+(?:de\s+|of\s+)?{month.format(1)}(?:,?\s+(?:de\s+|del\s+)?{year.format(1)})?",
        # July 21, 2024; July 21
        rf"{month.format(2)}\s+{day.format(2)}(?![0-9])(?:,?\s+{year.format(2)})?",
        # December 2021, diciembre de 2021
        rf"{month.format(3)}\s+(?:de\s+)?{year.format(3)}",
        *_day_forms(language, months),
        rf"(?P<relative>{relative})" if relative else "(?!)",
        *_weekday_forms(language),
        rf"(?:{years})\s+(?P<bare_year>(?:1[89]|20)[0-9]{{2}})(?![0-9.,]?[0-9])"
        if years
        else "(?!)",
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)", re.IGNORECASE)


def _day_forms(language: str, months: str) -> list[str]:
    """A day without its month: ``on (Tuesday) the 19th``, ``am (Dienstag, dem) 19.``,
    ``le (mardi) 19``, ``el (martes) 19``, a range of them, ``…of next month``."""
    words = DAY_WORDS.get(language)
    if words is None:
        return []
    weekday = rf"(?:{_alternatives(_weekday_names(words))}){words.weekday_suffix}"
    between = rf"(?:(?:{words.between})\s+)?" if words.between else ""
    ordinal = f"(?:{words.ordinal})" + ("?" if words.ordinal_optional else "")
    no_month = rf"(?!\s*(?:de\s+|of\s+)?(?:{months})(?!\w))"
    number = rf"[0-3]?[0-9](?![0-9]){ordinal}(?!\w){no_month}"
    tail = rf"(?:\s+(?P<month_tail>{_alternatives(words.month_tail)}))?" if words.month_tail else ""
    return [
        rf"(?:(?:{words.before_day})\s+)?"
        rf"(?P<bare>(?:(?P<day_weekday>{weekday}),?\s+{between})?"
        rf"(?P<bare_day>{number})"
        rf"(?:\s*(?:{words.range_to})\s*(?:(?:the|le|el)\s+)?(?P<bare_end>{number}))?{tail})"
    ]


def _weekday_forms(language: str) -> list[str]:
    """``on Monday``, ``last Monday``, ``am kommenden Montag``, ``lundi prochain``."""
    words = DAY_WORDS.get(language)
    if words is None:
        return []
    names = _alternatives(_weekday_names(words))
    before = rf"(?:(?P<step>{_alternatives(words.steps)})\s+)?" if words.steps else ""
    after = (
        rf"(?:\s+(?P<step_after>{_alternatives(words.steps_after)}))?" if words.steps_after else ""
    )
    return [rf"{before}(?P<weekday>{names}){words.weekday_suffix}{after}"]


def find_spaced_dates(text: str, language: str) -> list[DateMention]:
    """The date expressions of ``text`` in a language of
    :data:`briefgen.text.languages.RULES` (the module docstring)."""
    pattern = _pattern(language)
    if pattern is None:
        return []
    rules = RULES[language]
    month_number = {form: n for n, forms in enumerate(rules.months, 1) for form in forms}
    found: list[DateMention] = []
    # aujourd’hui is aujourd'hui: the same length, so spans stay valid.
    text = text.replace("’", "'")
    for match in pattern.finditer(text):
        parts = {k: v for k, v in match.groupdict().items() if v}
        if "bare" in parts or "weekday" in parts:
            mention = _day_or_weekday(match, parts, text, language, rules.stop_words)
            if mention is not None:
                found.append(mention)
            continue
        month_word = next((parts[k] for k in ("month1", "month2", "month3") if k in parts), "")
        if month_word[:1].islower() and language in _CAPITAL_MONTHS:
            continue  # "may 5", "march on": English and German write months with a capital
        if "relative" in parts:
            word = parts["relative"]
            if _time_of_day(text, match.start(), word):
                continue
            key = " ".join(word.lower().split())
            kind, offset = _RELATIVE_UNITS[rules.relative[key]]
            found.append(DateMention(span=match.span(), kind=kind, offset=offset))
            continue
        if "bare_year" in parts:
            found.append(DateMention(span=match.span("bare_year"), year=int(parts["bare_year"])))
            continue
        year: int | None
        day: int | None
        if "iso_year" in parts:
            year, month, day = (int(parts[f"iso_{k}"]) for k in ("year", "month", "day"))
        else:
            month_text = next(parts[k] for k in ("month1", "month2", "month3") if k in parts)
            month = month_number[month_text.lower().rstrip(".")]
            day_text = parts.get("day1") or parts.get("day2")
            day = int(day_text) if day_text else None
            year_text = parts.get("year1") or parts.get("year2") or parts.get("year3")
            year = int(year_text) if year_text else None
        if not _valid(year or 2000, month, day):
            continue
        found.append(DateMention(span=match.span(), year=year, month=month, day=day))
    return _with_shared_months(text, _without_annotating_weekdays(text, found))


def _time_of_day(text: str, start: int, word: str) -> bool:
    """German "Morgen", Spanish "mañana": the morning, not tomorrow (``heute Morgen``,
    ``am Morgen``, ``esta mañana``); a capital "Morgen" is tomorrow only where it
    starts the sentence."""
    lower = word.lower()
    if lower not in _MORNING_BEFORE:
        return False
    if _MORNING_BEFORE[lower].search(text[max(0, start - 20) : start]):
        return True
    return lower == "morgen" and word[0] == "M" and text[:start].lstrip(" \"„“«'") != ""


def _day_or_weekday(
    match: re.Match[str],
    parts: dict[str, str],
    text: str,
    language: str,
    stop_words: frozenset[str],
) -> DateMention | None:
    words = DAY_WORDS[language]
    names = _weekday_names(words)
    if "bare" in parts:
        weekday_text = parts.get("day_weekday")
        introduced = weekday_text is not None or match.start() < match.start("bare")
        if not introduced or _NOT_A_DAY_AFTER.match(text, match.end()):
            return None
        if weekday_text is None and not _no_noun_after(text, match.end(), language, stop_words):
            return None  # with its weekday, a number is a day whatever follows
        day, day_end = (_day_number(parts.get(k)) for k in ("bare_day", "bare_end"))
        if day is None or (parts.get("bare_day", "").lower().endswith("er") and day != 1):
            return None  # French "1er" only
        if day_end is not None and day_end == day:
            return None
        weekday = _weekday_index(names, weekday_text) if weekday_text else None
        span = match.span("bare")
        tail = parts.get("month_tail")
        if tail is not None:
            assert words.month_tail is not None
            offset = words.month_tail[" ".join(tail.lower().split())]
            if offset is not None:  # am 19. des kommenden Monats
                return DateMention(span, "month_word", day=day, day_end=day_end, offset=offset)
        return DateMention(span, day=day, day_end=day_end, weekday=weekday)
    weekday = _weekday_index(names, parts["weekday"])
    if _in_a_name(text, match.span("weekday"), language, stop_words):
        return None
    step_text = parts.get("step") or parts.get("step_after")
    if step_text is None:
        before = text[max(0, match.start() - 20) : match.start()]
        if re.search(rf"(?<!\w)(?:{words.recurring})\s+$", before, re.IGNORECASE):
            return None  # every Monday, jeden Montag, le lundi, los lunes
        return DateMention(match.span(), "weekday", weekday=weekday)
    steps = {**(words.steps or {}), **(words.steps_after or {})}
    step = steps[" ".join(step_text.lower().split())]
    if step == 0:  # this Monday: the tense decides, as for a bare weekday
        return DateMention(match.span(), "weekday", weekday=weekday)
    return DateMention(match.span(), "weekday_step", weekday=weekday, offset=step)


def _in_a_name(text: str, span: tuple[int, int], language: str, stop_words: frozenset[str]) -> bool:
    """A weekday that is part of a name: in English, next to a capitalized word
    (``Good Friday Agreement``, ``The Sunday Times``); in French and Spanish, which
    write weekdays in lower case, one with a capital inside a sentence (``Mardi
    gras``). German capitalizes every noun, so a capital tells nothing there."""
    start, end = span
    if language in ("fr", "es"):
        return text[start].isupper() and text[:start].lstrip(" \"«“'¿¡") != ""
    if language != "en":
        return False
    window = max(0, start - 40)
    before = re.search(r"([^\W\d_][\w'-]*) $", text[window:start])
    if before is not None and not text[: window + before.start()].strip(" \"“'"):
        before = None  # the sentence's first word: its capital tells nothing
    after = re.match(r" ([^\W\d_][\w'-]*)", text[end:])
    return any(
        word is not None
        and word.group(1)[0].isupper()
        and word.group(1).lower() not in stop_words
        and word.group(1).lower() not in ("last", "next", "this", "coming")
        for word in (before, after)
    )


def _weekday_index(names: dict[str, int], written: str) -> int:
    lower = written.lower()
    return next(i for name, i in names.items() if lower.startswith(name))


def _day_number(text: str | None) -> int | None:
    if text is None:
        return None
    day = int(re.match(r"[0-9]+", text).group())  # type: ignore[union-attr]
    return day if 1 <= day <= 31 else None


def _no_noun_after(text: str, end: int, language: str, stop_words: frozenset[str]) -> bool:
    """Whether the word after a day number leaves it a day: punctuation, the end, or a
    word that is not a noun (module docstring)."""
    words = DAY_WORDS[language]
    following = re.compile(r"\s*([^\W\d_][\w'-]*)").match(text, end)
    if following is None:
        return True  # punctuation or the end
    word = following.group(1)
    if words.nouns_capitalized:
        return word[0].islower()
    lower = word.lower()
    if lower in ("of", "de", "des", "del", "du"):
        return False  # "le 19 de la liste": "…of this month" is matched as such
    if lower in stop_words or lower in words.after_day:
        return True
    future, past, _ = _markers(language)
    return bool(future.fullmatch(word) or past.fullmatch(word))  # a verb: "…the 3rd said"


def _without_annotating_weekdays(text: str, found: list[DateMention]) -> list[DateMention]:
    """A weekday written with the date after it (``Tuesday, March 19``, ``am
    Dienstag, 19. März``) is no date of its own: it goes with that date, whose year
    must agree with it (``dimanche 12 décembre`` is no December 12th of 2030)."""
    kept: list[DateMention] = []
    annotated: DateMention | None = None
    for mention, following in itertools.zip_longest(found, found[1:]):
        if annotated is not None:
            kept.append(annotated)
            annotated = None
            continue
        if (
            mention.kind == "weekday"
            and mention.offset is None
            and following is not None
            and following.day is not None
            and re.fullmatch(
                r"[\s,]*(?:(?:the|den|dem|le|el)\s+)?",
                text[mention.span[1] : following.span[0]],
                re.IGNORECASE,
            )
        ):
            weekday = following.weekday if following.weekday is not None else mention.weekday
            annotated = dataclasses.replace(following, weekday=weekday)
            continue
        kept.append(mention)
    return kept


def _with_shared_months(text: str, found: list[DateMention]) -> list[DateMention]:
    """Days listed before a month-day are in its month and year: ``am 19. und 20.
    September``, ``on the 3rd and 4th of May``."""
    shared = list(found)
    for i in range(len(shared) - 2, -1, -1):
        mention, following = shared[i], shared[i + 1]
        if (
            mention.bare_day
            and following.kind == "calendar"
            and following.month is not None
            and following.day is not None
            and (mention.day_end or mention.day or 0) < following.day
            and _LISTED.fullmatch(text, mention.span[1], following.span[0])
        ):
            shared[i] = dataclasses.replace(
                mention, month=following.month, year=following.year, weekday=None
            )
    return shared


_LISTED = re.compile(r"\s*(?:,|and|und|et|y|or|oder|ou|o)\s*(?:(?:the|le|el)\s+)?", re.IGNORECASE)


# ---------------------------------------------------------------------------------------
# Tense


@functools.cache
def _markers(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = DAY_WORDS[language]
    future = re.compile(rf"(?<![\w'-])(?:{words.future})(?![\w'])", re.IGNORECASE)
    past = re.compile(rf"(?<![\w'-])(?:{words.past})(?![\w'])", re.IGNORECASE)
    breaks = re.compile(rf"[,;:()\[\]—]|(?<!\w)(?:{words.clause_words})(?!\w)", re.IGNORECASE)
    return future, past, breaks


@dataclass(frozen=True)
class _Markers:
    """A sentence's tense markers (start, end, tense), in order and not overlapping,
    and where its clauses break, in order."""

    starts: list[int]
    ends: list[int]
    tenses: list[Tense]
    cuts: list[int]


@functools.lru_cache(maxsize=4)
def _sentence_markers(text: str, spans: tuple[tuple[int, int], ...], language: str) -> _Markers:
    """Found once per sentence, however many dates it has."""
    masked = list(text)
    for start, end in spans:
        masked[start:end] = " " * (end - start)
    plain = "".join(masked)
    future, past, breaks = _markers(language)
    found: list[tuple[int, int, Tense]] = [
        (m.start(), m.end(), "future") for m in future.finditer(plain)
    ]
    future_starts = [start for start, _, _ in found]
    for m in past.finditer(plain):
        i = bisect.bisect_left(future_starts, m.end()) - 1  # the last future before its end
        if i < 0 or found[i][1] <= m.start():
            found.append((m.start(), m.end(), "past"))
    found.sort()
    cuts = sorted(c for m in breaks.finditer(plain) for c in m.span())
    return _Markers(
        [start for start, _, _ in found],
        [end for _, end, _ in found],
        [tense for _, _, tense in found],
        cuts,
    )


def spaced_tense(
    text: str, span: tuple[int, int], language: str, spans: Sequence[tuple[int, int]]
) -> Tense:
    """The tense of the date at ``span`` (module docstring); ``spans``: the sentence's
    dates, which are neither markers nor clause breaks."""
    if language not in DAY_WORDS:
        return None
    markers = _sentence_markers(text, tuple(spans), language)
    cuts = markers.cuts
    i = bisect.bisect_right(cuts, span[0]) - 1
    clause_start = cuts[i] if i >= 0 else 0
    j = bisect.bisect_left(cuts, span[1])
    clause_end = cuts[j] if j < len(cuts) else len(text)
    before = bisect.bisect_right(markers.ends, span[0]) - 1  # the nearest before
    after = bisect.bisect_left(markers.starts, span[1])  # the nearest after
    has_before, has_after = before >= 0, after < len(markers.starts)
    if has_before and markers.starts[before] >= clause_start:
        return markers.tenses[before]
    if has_after and markers.ends[after] <= clause_end:
        return markers.tenses[after]
    if has_before and has_after:
        nearer_before = span[0] - markers.ends[before] <= markers.starts[after] - span[1]
        return markers.tenses[before if nearer_before else after]
    if has_before:
        return markers.tenses[before]
    return markers.tenses[after] if has_after else None
