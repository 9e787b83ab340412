"""What the text layer knows about each language written with spaces between words.

One :class:`WordRules` entry per language: its Snowball stemmer, its commonest
function words (left out of ranking and redundancy), the abbreviations whose period
ends no sentence, and its month names (for dates). Adding a language is one entry
here plus a test in ``tests/test_languages.py`` (see the README, "Adding a language");
a language without an entry is still segmented and ranked, on whole words.

Japanese, Chinese and Korean are not here: they are tokenized by a morphological
analyzer (:mod:`briefgen.text.tokenize`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class WordRules:
    """``snowball``: the Snowball stemmer's name; ``stop_words``, ``abbreviations``
    (without their final period) and ``months`` (January first, each a tuple of the
    forms used) are lower-case. ``relative`` maps words for days, weeks, months and
    years relative to the source's date to the Japanese word with the same meaning,
    which the timeline resolves (昨日 yesterday, 今日, 明日, 一昨日, 明後日, 先週 last
    week, 今週, 来週, 昨年 last year, 今年, 来年, 先月 last month, 今月, 来月);
    ``year_words`` are the words a bare year follows ("in 2024", "seit 2019");
    ``place_words`` the prepositions a place name follows ("in Berlin", "à Paris", "в
    Варшаву"); ``weekdays`` are no names; after one of ``ordinal_words`` a number with
    a period is an ordinal ("im 19. Jahrhundert")."""

    snowball: str
    stop_words: frozenset[str]
    abbreviations: frozenset[str]
    months: tuple[tuple[str, ...], ...] = ()
    relative: dict[str, str] = field(default_factory=dict)
    year_words: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    ordinal_words: frozenset[str] = frozenset()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _months(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(forms.split("/")) for forms in text.split())


def _relative(text: str) -> dict[str, str]:
    """``"yesterday=昨日, last year=昨年"`` as a dict."""
    return dict(pair.strip().split("=") for pair in text.split(","))


RULES: dict[str, WordRules] = {
    "en": WordRules(
        "english",
        _words(
            "a an and are as at be been but by can could did do does for from had has have he "
            "her his i if in into is it its may might more most not of on or our she should so "
            "than that the their them there these they this those to was we were what when "
            "which while who will with would you also after about over said says"
        ),
        _words("mr mrs ms dr prof st jr sr vs etc e.g i.e inc ltd co corp gen sen rep gov"),
        _months(
            "january/jan february/feb march/mar april/apr may june/jun july/jul "
            "august/aug september/sep/sept october/oct november/nov december/dec"
        ),
        _relative(
            "yesterday=昨日, today=今日, tomorrow=明日, last year=昨年, this year=今年, "
            "next year=来年, last month=先月, this month=今月, next month=来月, "
            "the day before yesterday=一昨日, the day after tomorrow=明後日, tonight=今日, "
            "last night=昨日, last week=先週, this week=今週, next week=来週"
        ),
        _words("in since until during early late mid end"),
        _words("in at from near across"),
        weekdays=_words("monday tuesday wednesday thursday friday saturday sunday"),
    ),
    "de": WordRules(
        "german",
        _words(
            "aber als am an auch auf aus bei bis das dass dem den der des die doch durch ein "
            "eine einem einen einer eines er es für hat hatte hier ich ihr im in ist ja kann "
            "mit nach nicht noch nur oder sein sich sie sind so über um und uns vom von vor "
            "war wie wir wird wurde zu zum zur werden wurden sei haben"
        ),
        _words("z.b bzw usw nr dr prof ca vgl hr fr jh d.h u.a s abs art mio mrd str"),
        _months(
            "januar/jan februar/feb märz/mär april/apr mai juni/jun juli/jul august/aug "
            "september/sep/sept oktober/okt november/nov dezember/dez"
        ),
        _relative(
            "gestern=昨日, heute=今日, morgen=明日, vorgestern=一昨日, übermorgen=明後日, "
            "letztes jahr=昨年, vergangenes jahr=昨年, vergangenen jahr=昨年, letzten jahr=昨年, "
            "im vorjahr=昨年, dieses jahr=今年, diesem jahr=今年, nächstes jahr=来年, "
            "nächsten jahr=来年, kommendes jahr=来年, kommenden jahr=来年, letzten monat=先月, "
            "vergangenen monat=先月, diesen monat=今月, nächsten monat=来月, "
            "kommenden monat=来月, letzte woche=先週, letzten woche=先週, "
            "vergangene woche=先週, vergangenen woche=先週, diese woche=今週, "
            "dieser woche=今週, nächste woche=来週, nächster woche=来週, "
            "nächsten woche=来週, kommende woche=来週, kommender woche=来週, "
            "kommenden woche=来週"
        ),
        _words("im seit anfang ende mitte jahr jahres"),
        _words("in nach aus bei"),
        weekdays=_words("montag dienstag mittwoch donnerstag freitag samstag sonntag"),
        ordinal_words=_words("im am zum zur vom beim der die das den dem des ab seit bis"),
    ),
    "fr": WordRules(
        "french",
        _words(
            "au aux avec ce ces cette dans de des du elle en est et être il ils je la le les "
            "leur lui mais me même ne nous on ou par pas pour qu que qui sa se ses son sur ta "
            "te un une vous a été ont sont plus d l n s c j qu'il"
        ),
        _words("m mme mlle mm dr pr st etc p.ex av apr j.-c"),
        _months(
            "janvier/janv février/févr mars avril/avr mai juin juillet/juil août "
            "septembre/sept octobre/oct novembre/nov décembre/déc"
        ),
        _relative(
            "hier=昨日, aujourd'hui=今日, demain=明日, l'an dernier=昨年, l'année dernière=昨年, "
            "l'an passé=昨年, cette année=今年, l'an prochain=来年, l'année prochaine=来年, "
            "le mois dernier=先月, le mois passé=先月, ce mois-ci=今月, le mois prochain=来月, "
            "l'année passée=昨年, avant-hier=一昨日, après-demain=明後日, "
            "la semaine dernière=先週, la semaine passée=先週, cette semaine=今週, "
            "la semaine prochaine=来週"
        ),
        _words("en depuis jusqu'en d'ici dès début fin mi entre et"),
        _words("à en au aux"),
        weekdays=_words("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    ),
    "es": WordRules(
        "spanish",
        _words(
            "a al con de del el en es esta este la las le lo los más no o para pero por que se "
            "sin su sus un una y ya como fue ha han son está era muy entre sobre también"
        ),
        _words("sr sra srta dr dra etc ud uds ee.uu pág núm av"),
        _months(
            "enero febrero marzo abril mayo junio julio agosto septiembre/setiembre "
            "octubre noviembre diciembre"
        ),
        _relative(
            "ayer=昨日, hoy=今日, mañana=明日, anteayer=一昨日, antes de ayer=一昨日, "
            "pasado mañana=明後日, el año pasado=昨年, este año=今年, "
            "el próximo año=来年, el año próximo=来年, el año que viene=来年, "
            "el mes pasado=先月, este mes=今月, el próximo mes=来月, el mes próximo=来月, "
            "el mes que viene=来月, la semana pasada=先週, esta semana=今週, "
            "la próxima semana=来週, la semana próxima=来週, la semana que viene=来週"
        ),
        _words("en desde año principios finales"),
        _words("en a desde hacia"),
        weekdays=_words("lunes martes miércoles jueves viernes sábado domingo"),
    ),
    "it": WordRules(
        "italian",
        _words(
            "a al alla anche che chi con da dal dalla dei del della di e è gli ha i il in la le "
            "lo ma ne non per più se si sono su tra un una uno come anche questo questa"
        ),
        _words("sig sigg dott prof ecc pag n"),
        _months(
            "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre "
            "ottobre novembre dicembre"
        ),
        _relative(
            "ieri=昨日, oggi=今日, domani=明日, l'anno scorso=昨年, quest'anno=今年, "
            "l'anno prossimo=来年, il mese scorso=先月, questo mese=今月, il mese prossimo=来月"
        ),
        _words("nel dal entro anno inizio fine"),
        _words("a in da"),
        weekdays=_words("lunedì martedì mercoledì giovedì venerdì sabato domenica"),
    ),
    "pt": WordRules(
        "portuguese",
        _words(
            "a ao aos as com como da das de do dos e é em entre foi mais mas na nas no nos "
            "não o os ou para pela pelo por que se sem seu sua são um uma já também está"
        ),
        _words("sr sra dr dra etc pág núm av"),
        _months(
            "janeiro fevereiro março abril maio junho julho agosto setembro "
            "outubro novembro dezembro"
        ),
        _relative(
            "ontem=昨日, hoje=今日, amanhã=明日, o ano passado=昨年, este ano=今年, "
            "o próximo ano=来年, o mês passado=先月, este mês=今月, o próximo mês=来月"
        ),
        _words("em desde ano início fim"),
        _words("em a para de"),
        weekdays=_words(
            "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo"
        ),
    ),
    "nl": WordRules(
        "dutch",
        _words(
            "aan al als bij dat de deze die dit door een en er het hij in is met na naar niet "
            "nog of om ook op over te tot uit van voor was wat we werd wordt zijn ze zich"
        ),
        _words("dhr mevr dr prof bijv enz nr mr ca"),
        _months(
            "januari februari maart april mei juni juli augustus september "
            "oktober november december"
        ),
        _relative(
            "gisteren=昨日, vandaag=今日, vorig jaar=昨年, dit jaar=今年, "
            "volgend jaar=来年, vorige maand=先月, deze maand=今月, volgende maand=来月"
        ),
        _words("in sinds begin eind midden"),
        _words("in naar uit bij"),
        weekdays=_words("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"),
    ),
    "ru": WordRules(
        "russian",
        _words(
            "а без более бы был была были было в во вот все всё для до его ее её если есть же "
            "за и из или им их к как ко когда ли на над не него нет ни но о об однако он она "
            "они оно от по под при с со так также то только у уже что это этот эта эти я"
        ),
        _words("г гг т.е т.д т.п ул др см млн млрд руб тыс стр проф"),
        _months(
            "январь/января/январе февраль/февраля/феврале март/марта/марте "
            "апрель/апреля/апреле май/мая/мае июнь/июня/июне июль/июля/июле "
            "август/августа/августе сентябрь/сентября/сентябре октябрь/октября/октябре "
            "ноябрь/ноября/ноябре декабрь/декабря/декабре"
        ),
        _relative(
            "вчера=昨日, сегодня=今日, завтра=明日, в прошлом году=昨年, в этом году=今年, "
            "в следующем году=来年, в прошлом месяце=先月, в этом месяце=今月, "
            "в следующем месяце=来月"
        ),
        _words("в с году начале конце середине"),
        _words("в во из на"),
        weekdays=_words(
            "понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье"
        ),
    ),
}
