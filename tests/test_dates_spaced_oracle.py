"""The timeline of English, German, French and Spanish against a calendar written here.

Random article dates (month ends, 29 February, 31 December and 1 January weighted in)
× day numbers, weekdays and relative words × sentences of past reports, scheduled
events and headlines that say neither. The oracle walks the calendar one day at a
time: a past report names the latest such day on or before the article date, a
scheduled event the earliest on or after it, a headline the nearest (the earlier on a
tie); "last Monday" is the last before the article date, "next Monday" the first
after it. Then sentences written for this file, each with the dates a reader gives
it, and numbers that are no dates.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.model import Sentence
from briefgen.summarize.dates import timeline

SPECIAL = [dt.date(2024, 2, 29), dt.date(2025, 12, 31), dt.date(2026, 1, 1),
           dt.date(2025, 1, 31), dt.date(2024, 3, 1), dt.date(2025, 2, 28),
           dt.date(2025, 4, 30), dt.date(2028, 2, 29), dt.date(2023, 12, 30)]  # fmt: skip
article_dates = st.one_of(
    st.sampled_from(SPECIAL),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
)
LANGUAGES = ["en", "de", "fr", "es"]

WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}  # fmt: skip


def english_ordinal(n: int) -> str:
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def day_phrase(language: str, day: int, weekday: int | None = None) -> str:
    """How each language introduces a day without its month (with its weekday)."""
    if language == "en":
        named = f"{WEEKDAYS['en'][weekday]} the " if weekday is not None else "the "
        return f"on {named}{english_ordinal(day)}"
    if language == "de":
        named = f"{WEEKDAYS['de'][weekday]}, dem " if weekday is not None else ""
        return f"am {named}{day}."
    number = ("1er" if day == 1 else str(day)) if language == "fr" else str(day)
    article = "le" if language == "fr" else "el"
    named = f"{WEEKDAYS[language][weekday]} " if weekday is not None else ""
    return f"{article} {named}{number}"


def weekday_phrase(language: str, weekday: int) -> str:
    name = WEEKDAYS[language][weekday]
    return {"en": f"on {name}", "de": f"am {name}", "fr": name, "es": f"el {name}"}[language]


def month_day_phrase(language: str, month: int, day: int) -> str:
    name = MONTHS[language][month - 1]
    return {
        "en": f"on {name} {day}",
        "de": f"am {day}. {name}",
        "fr": f"le {'1er' if day == 1 else day} {name}",
        "es": f"el {day} de {name}",
    }[language]


# Sentences of each kind; {d} is the date phrase, {D} the same phrase capitalized.
PAST = {
    "en": ["The cabinet approved the budget {d}.", "{D}, police arrested two men.",
           "Officials who met {d} said little."],
    "de": ["Das Kabinett hat den Haushalt {d} beschlossen.", "{D} wurde der Vertrag unterzeichnet.",
           "Die Polizei nahm {d} zwei Männer fest."],
    "fr": ["Le gouvernement a adopté le projet de loi {d}.", "{D}, la police a arrêté deux hommes.",
           "Les députés ont voté {d} contre le texte."],
    "es": ["El Gobierno aprobó el decreto {d}.", "{D}, la policía arrestó a dos hombres.",
           "Los diputados votaron {d} contra la reforma."],
}  # fmt: skip
FUTURE = {
    "en": ["The summit will open {d}.", "Parliament is scheduled to vote {d}.",
           "The minister said the talks would resume {d}."],
    "de": ["Der Bundestag wird {d} über das Gesetz abstimmen.",
           "Die Ministerin soll {d} nach Paris reisen.",
           "Der Minister sagte, die Gespräche würden {d} fortgesetzt."],
    "fr": ["Le sommet aura lieu {d}.", "Le président doit se rendre à Berlin {d}.",
           "Le ministre a annoncé que la réforme entrera en vigueur {d}."],
    "es": ["La cumbre se celebrará {d}.", "El presidente va a viajar a Bruselas {d}.",
           "El ministro dijo que la ley entrará en vigor {d}."],
}  # fmt: skip
HEADLINE = {
    "en": "Summit talks {d} in Brussels",
    "de": "Gipfeltreffen {d} in Brüssel",
    "fr": "Sommet européen {d} à Bruxelles",
    "es": "Cumbre europea {d} en Bruselas",
}


def dated(text: str, article: dt.date, language: str) -> list[str]:
    sentence = Sentence("s1", text, 0, 0, (0, len(text)))
    return [e.date for e in timeline([sentence], article, language)]


def fill(template: str, phrase: str) -> str:
    return template.format(d=phrase, D=phrase[:1].upper() + phrase[1:])


Matches = Callable[[dt.date], bool]


def latest_on_or_before(article: dt.date, matches: Matches) -> dt.date:
    day = article
    while not matches(day):
        day -= dt.timedelta(days=1)
    return day


def earliest_on_or_after(article: dt.date, matches: Matches) -> dt.date:
    day = article
    while not matches(day):
        day += dt.timedelta(days=1)
    return day


def nearest(article: dt.date, matches: Matches) -> dt.date:
    for distance in range(800):
        for day in (article - dt.timedelta(days=distance), article + dt.timedelta(days=distance)):
            if matches(day):
                return day
    raise AssertionError("no such day within two years")


def kinds() -> st.SearchStrategy[tuple[str, str, Callable[[dt.date, Matches], dt.date]]]:
    """(language, sentence template, the oracle's rule for it)."""
    return st.one_of(
        *[
            st.tuples(st.just(lang), st.sampled_from(PAST[lang]), st.just(latest_on_or_before))
            for lang in LANGUAGES
        ],
        *[
            st.tuples(st.just(lang), st.sampled_from(FUTURE[lang]), st.just(earliest_on_or_after))
            for lang in LANGUAGES
        ],
        *[
            st.tuples(st.just(lang), st.just(HEADLINE[lang]), st.just(nearest))
            for lang in LANGUAGES
        ],
    )


@settings(max_examples=400, deadline=None)
@given(article_dates, st.integers(1, 31), kinds())
def test_a_day_without_its_month_follows_the_tense(
    article: dt.date, day: int, kind: tuple[str, str, Callable[[dt.date, Matches], dt.date]]
) -> None:
    language, template, rule = kind
    expected = rule(article, lambda d: d.day == day)
    assert dated(fill(template, day_phrase(language, day)), article, language) == [
        expected.isoformat()
    ]


@settings(max_examples=300, deadline=None)
@given(article_dates, st.integers(-60, 60), kinds())
def test_a_day_with_its_weekday_is_a_day_that_has_both(
    article: dt.date, shift: int, kind: tuple[str, str, Callable[[dt.date, Matches], dt.date]]
) -> None:
    language, template, rule = kind
    target = article + dt.timedelta(days=shift)  # a day and weekday that go together

    def matches(d: dt.date) -> bool:
        return d.day == target.day and d.weekday() == target.weekday()

    phrase = day_phrase(language, target.day, target.weekday())
    expected = rule(article, matches)
    assert dated(fill(template, phrase), article, language) == [expected.isoformat()]


@settings(max_examples=300, deadline=None)
@given(article_dates, st.integers(0, 6), kinds())
def test_a_weekday_follows_the_tense(
    article: dt.date, weekday: int, kind: tuple[str, str, Callable[[dt.date, Matches], dt.date]]
) -> None:
    language, template, rule = kind
    expected = rule(article, lambda d: d.weekday() == weekday)
    phrase = weekday_phrase(language, weekday)
    assert dated(fill(template, phrase), article, language) == [expected.isoformat()]


LAST_NEXT = {
    "en": ("last {w}", "next {w}"),
    "de": ("letzten {w}", "nächsten {w}"),
    "fr": ("{w} dernier", "{w} prochain"),
    "es": ("el {w} pasado", "el próximo {w}"),
}


@settings(max_examples=300, deadline=None)
@given(article_dates, st.integers(0, 6), st.sampled_from(LANGUAGES), st.booleans())
def test_last_and_next_weekday_are_before_and_after_the_article_date(
    article: dt.date, weekday: int, language: str, last: bool
) -> None:
    form = LAST_NEXT[language][0 if last else 1]
    phrase = form.format(w=WEEKDAYS[language][weekday])
    if last:
        expected = latest_on_or_before(
            article - dt.timedelta(days=1), lambda d: d.weekday() == weekday
        )
    else:
        expected = earliest_on_or_after(
            article + dt.timedelta(days=1), lambda d: d.weekday() == weekday
        )
    # A headline: the word decides, not the tense.
    assert dated(fill(HEADLINE[language], phrase), article, language) == [expected.isoformat()]


def valid_month_days() -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(st.integers(1, 12), st.integers(1, 31)).filter(
        lambda md: md[1] <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][md[0] - 1]
    )


@settings(max_examples=300, deadline=None)
@given(article_dates, valid_month_days(), kinds())
def test_a_month_day_follows_the_tense_across_year_ends_and_leap_days(
    article: dt.date,
    month_day: tuple[int, int],
    kind: tuple[str, str, Callable[[dt.date, Matches], dt.date]],
) -> None:
    language, template, rule = kind
    month, day = month_day
    expected = rule(article, lambda d: (d.month, d.day) == (month, day))
    phrase = month_day_phrase(language, month, day)
    assert dated(fill(template, phrase), article, language) == [expected.isoformat()]


RELATIVE_DAYS = {
    "en": [("the day before yesterday", -2), ("yesterday", -1), ("today", 0),
           ("tomorrow", 1), ("the day after tomorrow", 2)],
    "de": [("vorgestern", -2), ("gestern", -1), ("heute", 0), ("morgen", 1), ("übermorgen", 2)],
    "fr": [("avant-hier", -2), ("hier", -1), ("aujourd'hui", 0), ("demain", 1),
           ("après-demain", 2)],
    "es": [("anteayer", -2), ("ayer", -1), ("hoy", 0), ("mañana", 1), ("pasado mañana", 2)],
}  # fmt: skip
RELATIVE_WEEKS = {
    "en": [("last week", -1), ("this week", 0), ("next week", 1)],
    "de": [("letzte Woche", -1), ("diese Woche", 0), ("nächste Woche", 1)],
    "fr": [("la semaine dernière", -1), ("cette semaine", 0), ("la semaine prochaine", 1)],
    "es": [("la semana pasada", -1), ("esta semana", 0), ("la semana que viene", 1)],
}
RELATIVE_MONTHS = {
    "en": [("last month", -1), ("this month", 0), ("next month", 1)],
    "de": [("letzten Monat", -1), ("diesen Monat", 0), ("nächsten Monat", 1)],
    "fr": [("le mois dernier", -1), ("ce mois-ci", 0), ("le mois prochain", 1)],
    "es": [("el mes pasado", -1), ("este mes", 0), ("el mes que viene", 1)],
}
RELATIVE_YEARS = {
    "en": [("last year", -1), ("this year", 0), ("next year", 1)],
    "de": [("letztes Jahr", -1), ("dieses Jahr", 0), ("nächstes Jahr", 1)],
    "fr": [("l'an dernier", -1), ("cette année", 0), ("l'année prochaine", 1)],
    "es": [("el año pasado", -1), ("este año", 0), ("el año que viene", 1)],
}


def relative(table: dict[str, list[tuple[str, int]]]) -> st.SearchStrategy[tuple[str, str, int]]:
    return st.sampled_from([(lang, word, n) for lang, words in table.items() for word, n in words])


@settings(max_examples=200, deadline=None)
@given(article_dates, relative(RELATIVE_DAYS))
def test_relative_days(article: dt.date, word: tuple[str, str, int]) -> None:
    language, text, offset = word
    expected = article + dt.timedelta(days=offset)
    assert dated(fill(HEADLINE[language], text), article, language) == [expected.isoformat()]


@settings(max_examples=200, deadline=None)
@given(article_dates, relative(RELATIVE_WEEKS))
def test_relative_weeks_are_monday_to_sunday(article: dt.date, word: tuple[str, str, int]) -> None:
    language, text, offset = word
    monday = latest_on_or_before(article, lambda d: d.weekday() == 0) + dt.timedelta(weeks=offset)
    sunday = monday + dt.timedelta(days=6)
    expected = f"{monday.isoformat()}/{sunday.isoformat()}"
    assert dated(fill(HEADLINE[language], text), article, language) == [expected]


@settings(max_examples=200, deadline=None)
@given(article_dates, relative(RELATIVE_MONTHS))
def test_relative_months(article: dt.date, word: tuple[str, str, int]) -> None:
    language, text, offset = word
    first = article.replace(day=1)
    if offset < 0:
        first = (first - dt.timedelta(days=1)).replace(day=1)
    elif offset > 0:
        first = (first + dt.timedelta(days=31)).replace(day=1)
    expected = first.isoformat()[:7]
    assert dated(fill(HEADLINE[language], text), article, language) == [expected]


@settings(max_examples=100, deadline=None)
@given(article_dates, relative(RELATIVE_YEARS))
def test_relative_years(article: dt.date, word: tuple[str, str, int]) -> None:
    language, text, offset = word
    expected = str(article.year + offset)
    assert dated(fill(HEADLINE[language], text), article, language) == [expected]


MONTH_TAILS = {
    "en": ("on the {n} of last month", "on the {n} of next month"),
    "de": ("am {n}. des vergangenen Monats", "am {n}. des kommenden Monats"),
    "fr": ("le {n} du mois dernier", "le {n} du mois prochain"),
    "es": ("el {n} del mes pasado", "el {n} del mes que viene"),
}


@settings(max_examples=200, deadline=None)
@given(article_dates, st.integers(1, 31), st.sampled_from(LANGUAGES), st.booleans())
def test_a_day_of_last_or_next_month(article: dt.date, day: int, language: str, last: bool) -> None:
    first = article.replace(day=1)
    if last:
        month = (first - dt.timedelta(days=1)).replace(day=1)
    else:
        month = (first + dt.timedelta(days=31)).replace(day=1)
    number = english_ordinal(day) if language == "en" else str(day)
    phrase = MONTH_TAILS[language][0 if last else 1].format(n=number)
    try:
        expected = [month.replace(day=day).isoformat()]
    except ValueError:
        expected = []  # the 31st of a month that has 30 days: no date
    assert dated(fill(HEADLINE[language], phrase), article, language) == expected


# Numbers that count, rate or order something: no date, whatever the article's date.
NOT_DATES = {
    "en": ["The strike lasted {n} days.", "Talks ran for {n} days without a break.",
           "Nurses work {n} days a week.", "The fire started on the {o} floor.",
           "The bill passed on the {o} attempt.", "She won on the {o}-century manuscript."],
    "de": ["Der Streik dauerte {n} Tage.", "Am {n}. Tag der Verhandlungen gab es Streit.",
           "Er trat zum {n}. Mal an.", "Der {n}. Parteitag begann.",
           "Die Preise stiegen seit dem {n}. Jahrhundert."],
    "fr": ["La grève a duré {n} jours.", "Le {n}e jour de grève a commencé.",
           "Le parti a obtenu le {n} % des voix.", "Ils travaillent {n} jours par semaine."],
    "es": ["La huelga duró {n} días.", "El partido obtuvo el {n} por ciento de los votos.",
           "El partido obtuvo el {n} % de los votos.", "Trabajan {n} días a la semana."],
}  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    article_dates,
    st.integers(1, 31),
    st.sampled_from([(lang, t) for lang, ts in NOT_DATES.items() for t in ts]),
)
def test_counted_numbers_are_no_dates(article: dt.date, number: int, case: tuple[str, str]) -> None:
    language, template = case
    text = template.format(n=number, o=english_ordinal(number))
    assert dated(text, article, language) == []


# Written for this file: (language, article date, sentence, the dates a reader gives it).
FRESH = [
    ("en", "2025-03-04", "The central bank cut its key rate on the 27th.", ["2025-02-27"]),
    ("en", "2025-03-04", "Lawmakers will return from recess on the 10th.", ["2025-03-10"]),
    ("en", "2025-03-04", "On the 2nd, the governor declared a state of emergency.", ["2025-03-02"]),
    ("en", "2025-12-30", "The new tariff schedule is expected to apply from the 2nd.",
     ["2026-01-02"]),
    ("en", "2026-01-02", "Crowds gathered in the square on the 31st.", ["2025-12-31"]),
    ("en", "2024-03-01", "The audit that ended on the 29th found no fraud.", ["2024-02-29"]),
    ("en", "2025-03-04", "Voters go to the polls on Sunday, the 9th.", ["2025-03-09"]),
    ("en", "2025-03-04", "The ministers met last Friday and will meet again next Tuesday.",
     ["2025-02-28", "2025-03-11"]),
    ("en", "2025-03-04", "Protesters marched on Saturday.", ["2025-03-01"]),
    ("en", "2025-03-04", "The envoy will land in Kyiv on Thursday.", ["2025-03-06"]),
    ("en", "2025-03-04", "Every Monday the committee publishes its figures.", []),
    ("en", "2025-03-04", "The rescue took place on the 14th floor of the tower.", []),
    ("en", "2025-03-04", "The court cited the 14th Amendment.", []),
    ("en", "2025-03-04", "Hearings run from the 17th to the 19th of this month.",
     ["2025-03-17/2025-03-19"]),
    ("en", "2025-03-04", "Last week the index fell; this year it may recover.",
     ["2025-02-24/2025-03-02", "2025"]),
    ("de", "2025-03-04", "Die Koalition hat sich am 26. auf einen Kompromiss geeinigt.",
     ["2025-02-26"]),
    ("de", "2025-03-04", "Der Landtag wird am 20. über den Etat beraten.", ["2025-03-20"]),
    ("de", "2025-03-04", "Am Freitag, dem 28., trat der Minister zurück.", ["2025-02-28"]),
    ("de", "2025-03-04", "Vorgestern stürmten Demonstranten das Rathaus.", ["2025-03-02"]),
    ("de", "2025-03-04", "Übermorgen soll das Urteil fallen.", ["2025-03-06"]),
    ("de", "2025-03-04", "Heute Morgen kam die Nachricht, morgen folgt die Abstimmung.",
     ["2025-03-04", "2025-03-05"]),
    ("de", "2025-03-04", "Am Morgen blieb es ruhig.", []),
    ("de", "2025-03-04", "Am kommenden Montag beginnt die Tarifrunde.", ["2025-03-10"]),
    ("de", "2025-03-04", "Jeden Mittwoch tagt der Ausschuss.", []),
    ("de", "2025-03-04", "Am 5. Verhandlungstag schwieg der Angeklagte.", []),
    ("de", "2025-03-04", "Die Messe läuft vom 11. bis zum 14. März.", ["2025-03-11/2025-03-14"]),
    ("de", "2025-03-04", "Letzte Woche stiegen die Preise.", ["2025-02-24/2025-03-02"]),
    ("fr", "2025-03-04", "Le Sénat a rejeté le texte le 25.", ["2025-02-25"]),
    ("fr", "2025-03-04", "Les syndicats manifesteront le jeudi 13.", ["2025-03-13"]),
    ("fr", "2025-03-04", "Avant-hier, le préfet a interdit le rassemblement.", ["2025-03-02"]),
    ("fr", "2025-03-04", "La ministre s'est rendue à Lyon vendredi dernier.", ["2025-02-28"]),
    ("fr", "2025-03-04", "Le scrutin aura lieu dimanche prochain.", ["2025-03-09"]),
    ("fr", "2025-03-04", "Le 3e jour des négociations, rien n'a bougé.", []),
    ("fr", "2025-03-04", "Le marché se tient le lundi sur la place.", []),
    ("fr", "2025-03-04", "La conférence se tiendra du 24 au 26 mars.", ["2025-03-24/2025-03-26"]),
    ("fr", "2025-03-04", "La semaine prochaine, le Parlement votera.", ["2025-03-10/2025-03-16"]),
    ("es", "2025-03-04", "El Tribunal anuló la sentencia el 27.", ["2025-02-27"]),
    ("es", "2025-03-04", "El Congreso votará la ley el jueves 6.", ["2025-03-06"]),
    ("es", "2025-03-04", "Esta mañana el alcalde dijo que mañana abrirá el puente.",
     ["2025-03-05"]),
    ("es", "2025-03-04", "Los martes abre el mercado.", []),
    ("es", "2025-03-04", "La oposición ganó el 41 por ciento de los escaños.", []),
    ("es", "2025-03-04", "El próximo lunes empieza la huelga.", ["2025-03-10"]),
    ("es", "2025-03-04", "La semana pasada dimitió el ministro.", ["2025-02-24/2025-03-02"]),
    ("en", "2025-03-04", "The fair runs from Wednesday to Saturday.", ["2025-03-05/2025-03-08"]),
    ("en", "2025-03-04", "The Sunday Times first reported the leak.", []),
    ("en", "2025-03-04", "Until Friday the border stays shut.", ["2025-03-07"]),
    ("en", "2025-03-04", "Rates rarely move on a Wednesday.", []),
    ("en", "2025-03-04", "Negotiators met on the 1st and 2nd of March.",
     ["2025-03-01", "2025-03-02"]),
    ("de", "2025-03-04", "Am 27. und 28. Februar streikten die Piloten.",
     ["2025-02-27", "2025-02-28"]),
    ("fr", "2025-03-04", "Pour le Mardi gras, la ville a défilé.", []),
]  # fmt: skip


@pytest.mark.parametrize(("language", "article", "text", "expected"), FRESH)
def test_sentences_written_for_this_file(
    language: str, article: str, text: str, expected: list[str]
) -> None:
    assert dated(text, dt.date.fromisoformat(article), language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The council met on Monday and again on the 19th, a day after yesterday's vote."),
        ("de", "Der Rat tagte am Montag und am 19., letzte Woche schon einmal."),
        ("fr", "Le conseil s'est réuni lundi dernier et le 19."),
    ],
)
def test_an_undated_article_dates_no_weekday_nor_bare_day(language: str, text: str) -> None:
    sentence = Sentence("s1", text, 0, 0, (0, len(text)))
    assert timeline([sentence], None, language) == []


def test_a_long_sentence_is_dated_in_one_pass() -> None:
    # Markers are found once per sentence, not once per date: 97,000 characters
    # with 3,600 dates and no full stop took minutes when each date searched it again.
    text = "the board approved it on the 19th and meets next Monday, and on Tuesday the 9th; "
    text *= 1200
    started = time.perf_counter()
    events = timeline([Sentence("s1", text, 0, 0, (0, len(text)))], dt.date(2025, 9, 10), "en")
    assert len(events) == 3600
    assert time.perf_counter() - started < 10  # about 0.4 s
