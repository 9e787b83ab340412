"""A dated timeline: find date expressions, resolve them on the calendar.

Japanese and Chinese dates are found by :mod:`briefgen.summarize.japanese_dates`
(the forms, and what makes a number a date), those of languages written with spaces
by :mod:`briefgen.summarize.spaced_dates`; :mod:`briefgen.summarize.resolve_dates`
places them by the model below; this module reads a source sentence by sentence.

**The resolution model.** A date the text writes in full (``2024年7月21日``, an era
year) is taken as written. Every other date is placed from a frame — the article's
date, or the date last mentioned — and, where the frame leaves a choice (a day
without its month, a month-day without its year, a weekday), the **tense of the
predicate the date belongs to** decides the direction:

- a date set off by a comma, after its particles or not (``政府は2日、…した``, the
  wire-service lede; ``17日には、…臨む``) belongs to the sentence's main predicate; a day
  restated (``24日に召集され、首相は同日、…臨む``) or a schedule's next day (``15日公示、
  27日投開票の日程``) does not cut a date from the predicate after it; any other date
  belongs to the first predicate after it (``25日に開幕する``), skipping quotes and
  brackets opened after it, so a date inside a quote takes the quote's own predicate
  (``「25日に発表する」と述べた``); a chain of verbs (``22日に訪れ、…要請する考えを
  示した``) takes the tense of the verb it ends in, and a verb before a noun or ``よう``
  (``8日までに報告するよう求めていた``) modifies it;
- a date of a thing, not of a verb (``18日の首脳会談``, ``29日からの雨量``), takes
  no tense, except a thing expected (``9日の投開票が有力視され``: ahead),
  a time of the day joined to the verb (``元日の夕方に起きた``: the verb's), and a plan's
  (``16日の予定``, ``30日に予定されている``, ``6日に訓練が予定されている``:
  ahead; one that was, ``5日の予定だった``, ``17日に予定されていた``, a schedule told as
  held, ``15日投開票の日程で行われた``: none); what follows a date (``6月に続く利下げ``) tells
  no time of it; the day a thing is moved to
  (``24日に延期された``) takes none either; a date that ends its
  sentence after a topic (``投開票は26日。``, or goes on by the copula: ``会期末は22日で、``)
  is announced, ahead, unless the topic is a clause with its own tense (``確認されたのは3日。``)
  or a time gone by (``前回は20日で、``), or the same topic goes on in the past (``公示は
  2日で、17日間の選挙戦だった``); the value of a noun that names a day
  (``開業日を23日に決めた``, ``期限は13日``) is a day set for what is to come, ahead whatever
  the tense of setting it; a date followed by ``以来`` has passed; a date or range that bounds a
  period (``6日まで、``, ``1日から、``) belongs to the verb after its comma, not the sentence's
  main verb;
- past (``…た``, and ``…ている`` / ``…ており、``, a state that has begun) → the latest
  such day **on or before** the article date, except for the end of what the verb set
  going (``3日まで休校にした``: the past is the deciding), which takes no tense; non-past ending a
  sentence, a quote or a plan (``…する``, ``…すると述べた``, ``予定``, ``方針``,
  ``見通し``) → the earliest **on or after** it; a non-past verb that modifies a
  noun (``休校とすることを決めた``) takes its time from the main verb, and after a past
  main verb nothing is decided; a verb that looks ahead (``10月3〜5日に控え``,
  ``22日に向け``) is such a non-past verb, and, after a main verb that tells a past act
  (``…始まった``, not a state that was, ``…控えていた``), it and a thing it looks ahead to
  (``20日の投開票に向けて``, ``5日の会談を前に``) fall on or after the act's day: the day the
  sentence told before them (``3日公示され、20日の投開票に向けた選挙戦が始まった``), else
  one of the last few days (three) before the article date, which news tells acts of;
  a quote's are undecided; a state that lasts *until* a single date
  (``22日まで休校している``, ``9日にかけて…呼びかけている``) ends on or after the
  article date;
- when nothing decides (a headline ``11月17日投開票``, a noun phrase, a clause cut off
  by the next date): the **nearest** such day to the article date, the earlier on a tie.

Candidates are real calendar days (this month's, last month's, next year's…), so year ends,
month lengths and 29 February fall out of the calendar; a weekday written with the date
(``12月12日（日）``, ``dimanche 12 décembre``) keeps only the years it agrees with, and no year
it disagrees with is carried to it.

Relative words count from the article date (``きのう``, ``あさって``, ``来週月曜日``, ``再来年``,
``今年度末``), or, inside a quote, from the day it was spoken: the day its sentence says outside
quotes (``監督は19日、「きのうの…」と語った``: the 18th; not a day inside an earlier quote), else
the day the text reports on (the latest bare day of its first sentence that has one, on or before
the article date: ``…1日に誕生した市で、…2日、初登庁した``; or a lede's past day set off by a
comma: ``代表は昨年12月26日、…インタビューに応じた``). Anaphora count from the date last
mentioned (``同日``, ``同じ日``, ``同月28日`` or ``同28日`` (of the last date that told a month),
``同月末``, ``翌日``, ``前夜``, ``この日``; ``この日`` after
a background year returns to the day the text reports on, or the article's, but right after a
year is that year's (``6日、…。1945年のこの日``: the 6th's month-day in 1945; ``昨年のきょう``: a
year back); it skips an anaphora: ``16日…前日の試合…この日``: the 16th; ``翌朝`` is the next
day), ``同年``, ``その年`` from the year last named (``2024年1月の地震…31日までに…同年8月``:
2024); when an anaphora names its event (``告示日の翌日``, ``地震の翌日``, ``開通前日``), from
the last day dated in a clause that names that event, a day in brackets told as the one before
them (``6日（日本時間7日未明）の開会式…開会式前日``: the 5th; none dated: no event, unless
the anaphora stands beside its day: ``帰国翌日の17日``, ``前日の14日`` is that day); a
month's (``同月``) counts past a day's anaphora (``5月の失業率…同日発表した同月の``:
May). ``同日`` in a sentence told as past, as a thing of that day or with a past verb of
its own, is a day that has come, not a plan's day told before it
(``31日の閣議で…12日から訪問することを了解した。同日の会見で``: the 31st; but
``同日に会談することで合意した`` is the plan's day). ``前年`` is the year
before the one last named (not in a comparison: ``前年を5％上回った`` dates nothing);
``前年度`` the fiscal year before the one the text told, else before the article's.

A bare day takes the month its sentence wrote when it is that day or later (``8月15日に会い、
18日に別れた``), or when that month is the sentence's time or topic (``昨年12月には、25日に``,
``今年2月の大会では、15日に``; not ``1月の地震で被災した町で、31日までに``), and the date
agrees with the day's own tense (not ``1月8日に来日する方向で調整していることが18日、分かった``
in a December article); an earlier one is placed like any other (``昨年12月26日の障害を巡り、
総務省は5日…``). A year the text wrote
carries to the month-days after it (two sentences in a dated article, the whole text in an
undated one, rolling into the next year when the months go back six or more, from late in one
year to early in the next; a smaller step back is a look back), but only where the date it
gives agrees with the tense; in a dated article never a year after the article's (a plan's
year is no narration), and not into a sentence whose main verb tells a plan when the date's
own tense is untold; a span of years goes on in its last year (``2020〜21年の冬…1月9日に
は``: 2021). A year word ends that narration (``…今年で10年``), and so does a sentence
whose topic or time is this time (``今回は``, ``今回の選挙では``; not ``今回取材に応じた``,
``今回と同じく``). A year word names the year of
the months after it in its sentence when it is the sentence's topic or time (``昨年は8月上旬
に開いた``, not ``来年の日程を12月に``).

The formal ``去る`` and ``来る`` before a date (not the verb: ``台風が去る12日以降``) say it
has gone or is coming. A plan noun that makes a compound (``計画停電``, ``予定地``) tells no
plan; a topic's own act on a day (``日程は25日に始まり``) is no day set for it, unless the verb
sets or moves its value (``18日に設定された``, ``13日に延長された``, ``27日に迫った``); a day a
clause names and a verb sets (``回答が集中する日を14日に設定した``) is a set day; a verb of
being whose subject a past verb modifies (``…だまし取った疑いがある``) tells of a past act. A
month word in a quote said at an occasion in a month, or after its comma (``8月末の説明会で
「来月には…」``; not ``8月末に完成した工場について「来月…」``), counts from that month. In an
undated text a written year keeps its tense: a plan's year (``完成は2032年度に``) is no
narration, a year told of a past act is not a later plan's, and a year word outside quotes
(``今年は``) is back in the text's own unknown year. ``同月`` and ``同12日`` take the year their
sentence told (``昨年は同12日に``). Section headings are read like the title
(``【31日の主な動き】``).

A sentence that closes a quote it never opened began inside it (a quote of several
sentences: ``記者「本日で年度が終わります。予算は28日に成立しましたが」``): its words up to
there are quoted, and a day a quote tells is not the day the text reports on. What ends or
begins with its own subject (``年度が終わります``) is an event, not the speaker's closing.
Verbs of aiming (``目指す``, ``狙う``) look ahead like ``向け``: what they aim at, and the
occasion they aim at it in (``11月5日の大統領選で再選を目指す``), is ahead while the aiming
is (``9日の試合で連勝を狙ったが、敗れた``: it was); a thing looked ahead to under a present
verb is ahead (``17日の会談に向け…調整している``), unless what was done ahead of it was
(``3日の取締役会を前に…伝えていたという``). The day of an act that names the sentence's
topic (``15日投開票の総統選は、投票まで2週間を切った``) takes no tense from the topic's
verb. An adjective before its noun (``激しい舌戦``) tells no time. A date in what follows
a condition (``統一選で負ければ、9月の総裁選で…``) is ahead, unless the condition is a way of
speaking (``振り返れば``). A plan told as held (``27日に予定していた``) may have passed. A
year with a part of it before ``以来`` (``2016年下半期以来``) is a base, not narration. A
date restated in brackets in another time zone (``30日夕（日本時間31日昼）``) is skipped by an
anaphora after it, which counts from the day told first; an anaphora of an event's day counts
from the act that a day noun names (``発売日前日`` from ``5月23日に発売する``) and puts the day
beside it in that month (``発売日前日の22日``); in an undated text it is as unresolved as that
day (``3月7日から公開…公開前日``: ``--03-06``), and a month with a relative year there
(``来年6月3日``) is unresolved too.

A range keeps both ends: a two-digit end year is in its start's century (``2023年6月から24年
12月``, ``2025〜30年度``, ``令和8〜10年度``; an era range's end may leave its era out:
``令和五年度から九年度まで``), a range of fiscal years ends in its last one's
March, of months is month to month (``今年1〜6月``), an end may be a relative word
(``10月11日から来年1月12日``, ``昨年12月〜先月``: the start the last such month before it), a
start too (``来月10日から21日``, ``きょうから来年3月末まで``), and a Japanese range naming its
month only at its end (``14日から12月31日``) starts in another month; ``14、15の両日`` is a
range, as are ranges from an anaphora (``同日から15日まで``, ``同月21日から9月15日まで``,
``2月1日から同月28日まで``) or a weekday of a week told (``来週の水曜日から元日まで``).
``翌週の日曜日`` is that weekday of the week after the last day told, ``80年前のきょう``
this day so many years back, ``来週12日`` the 12th in next week. A date in brackets right after
a date tells the same moment another way (``30日（日本時間31日）``), and dates in a list
(``24日と25日には``) share the verb after them: neither cuts the first from its verb; a date in
brackets is an aside that frames no month and is no day a text reports on. ``AからBに`` before a
verb is a move (``4日からきょう5日に順延``), two days; ``29日夜から30日朝にかけて`` a span. A
statistic's day (``3月15日時点``) takes no year from narration. An undated article's month-day
with no year to carry is ``unresolved`` (``--08-15``), and a bare day or a relative word there
is no event. A part of a month (``来月上旬``, ``同月末``) is that month; a holiday (``元日``)
frames no month for the bare days after it; a year's end is its December where a year is named
(``今年末``, ``同年末``, ``昨年暮れ``); ``年末`` or ``年明け`` alone names none and is no event.

Speeches, digests and chronologies. A chain of verbs whose next verb is past is past throughout
(``3月に表明し、6月に再選を果たした``; not one that ends in a plan: ``20日に式典を開き、25日に
公開することを決めた``); one that ends ahead has its bare day this month's while that is still
to come (``27日に告示され、来月4日に投開票される``, told on the 1st), unless the chain goes on to
an earlier day of the month (``27日にまとめ、3日から始める``); one gone by is the nearest
(``18日に抽選が行われ、5日に開幕する``, on the 20th). Such a chain tells its steps in order and
close together: a day or month-day before the chain's next date (on or after the article's)
is the latest such day before it (``1月2日に初日を迎え、2月まで全国を回る``, in May: next
January; ``10日に可決、成立し、来年1月1日に施行される``, in late December: this December);
not when the next clause opens on a topic of its own (``任期は9月末に満了し、党は来月中旬
にも…決める``); where the next date writes its year, the nearest, unless that falls after it
(``5月に着工し、再来年3月の完成を目指す``: this May); a month before a bare day is no step
(``6月に大会が開かれ、初日の13日には``), nor a date related to its act (``9月1日に合わせ、``)
or one before a quote's date. A day counted down to (``会期末の17日まで残り2週間``), one a plan is
being arranged on (``21日で調整している``) and one a standing forecast is for (``4日は雪の予報が出て
いる``; not ``…予報が外れ、``) are ahead. An event told with its bare month (``4月に統一地方選、
…``) lends that month to a bare day whose clause opens with a part the event has of its own
(``統一地方選の前半戦は11日、後半戦は25日``; not another topic's: ``県議会は最終日の19日に``).
Months or month-days listed with no verb between them go forward, by less than six months, in
a sentence that does not narrate the past (``1月20、21両日で、以降は3月17、18両日…に開く``; a
list going back, ``3月、2月と``, stays). A statistic's day before its figure (``9月末時点の現
預金は約330兆円に上る``) is past unless the sentence tells a forecast; a period a total is
counted over (``1月から11月までの累計``) is past; a month's figures come out after it
(``今月末に、10月分の…を公表する``: the October before). A lede whose days are all to come
reports on the article's day: a past day in a later sentence is background, and a quote's
relative words count from the article. An interview's noted day (``（聞き手・…、インタビュー
は12月22日）``) is when its questions (after ``――``) were put as well as its answers.
``翌4月1日`` is that month-day next after the month last told; ``事件当日`` is the day the text gave
the event, else the day last told. A day still to come is not when a quote was said; a month inside
a quote is placed from the day it was said (``「きょうで7月も終わる」``, told on 1 August). The
narration's anaphora counts from the narration's last date, not from one a quote told in between
(``…同日夕``), unless the text opened with the quote; in an undated text a year a quote tells is
the speaker's, and a year looked back on (``2015年の開業を振り返り``) is not the narration's.
``即日`` (``即日開票された``, ``即日控訴した``) is the day of the act just told. A time reached
(``5月に入ると…漏らしていた``) takes the main verb's time; a supposition's date (``10月にずれ込
めば``) is ahead, not what would have been (``…ていれば``); ``…て以来`` is past; a plan told at a
dated occasion (``27日の記者会見で…批判し、…求める考えを示した``) is told then. The days of an
event's parts take the month their sentence told (``10月に開催され、初日は4日``), and an
event's anaphora counts from the date beside its day noun (``公示日の9月28日``…``公示翌日``). What
a day was (``仕事納めだった27日``) is past, not a day planned for (``予定だった``, ``はずだった``);
an event's day as a topic set off by a comma (``最終日は4日、…行われ``) goes on in its
sentence's tense.
A chain's day that draws near (``期限が15日に迫り、…``) is ahead while it draws near, the nearest in
a past telling. The day of an event the first verb after it tells as past is that act's
(``6月の市長選では…果たした``), and of an occasion ahead, ahead (``28日の本会議で…可決する``); an
act told by its noun alone (``…決議を可決。``) tells no time,
and an act that is the predicate takes its copula's (``臨時国会は20日の召集だ``, ``…と聞いて
いる``: ahead; ``…だった``: past), unless the topic is a cleft or a cause (``辞任を表明したのは、
25日の会見だ``, ``発端は3日の発表だ``). A date heading an item of a digest or chronology
(``19日（月）　…``, ``▽4月　…``, ``【月曜】…``) is the item's day, placed by the item's main
verb when that is past, or ahead for a bare day (``▽21日　大会を開く。``); a chronology's month
lines tell the past in the present. In a sentence that narrates (a past main verb, an act told
by its noun, an item, a note in brackets), a chronology's months go forward: a month placed by no
tense that lands after the next month told as past or in narration is a year earlier (``▽4月…
▽7月…浸水した``, in December: this April), and a title that names one year (``今年の政治10大
ニュース``) holds the months and month-days no tense places. A sentence whose predicate is a
future month's event (``山場は4月の統一地方選だ。``) lends that month to the bare days of a next
sentence that goes on with it (``前半戦は11日``; not ``首相は20日に…臨む``). A year or month word
in a quote said at an occasion named by nouns right before it (``昨年の所信表明演説で「来年中に
…」``, ``6月の株主総会で「来年度に…」``) counts from then. ``あの日`` and ``あの年`` point back to
a date written with its year, and after any other, or defined by a clause (``倒れたあの日``), are
a memory, no date; ``その日`` right after a condition (``当選したら、その日のうちに``; not ``思え
ば、``) is the day of what is supposed, no date. ``1945年のこの日`` is one date. A base a period
is counted since (``令和2年度以来``) is not the year a later ``同年度`` counts from, and a fiscal
year lends no April to a bare day, and a year that starts a span (``1975年から12年間``) carries to
no day after it. ``本日`` before a speaker's own act is no event only as the
speech's topic (``本日は…申し上げます``, ``本日の質問を終わります``); ``本日、定例会が開会される
にあたり…`` and ``本日開通した道路`` are that day.

Schedules, lists and what a day is told of. A schedule's days go forward (``総裁選（14日告示、
27日投開票）を巡り、…表明した``: a later day is not before an earlier one); a schedule in
parentheses alone (``県知事選（30日投開票）の投票率``) is a thing's day. Two objects' days that
share one verb (``前半戦を4月13日、後半戦を同27日に投開票する``) take the verb after the
second, and a list
of days (three or more, or two before ``の各日``, ``の両日``) the predicate after its last;
``30日付で辞職する`` is the verb's day (``決定は10日付で、`` a thing's). A thing's day takes
no tense (``10月以降の入居者``, ``11日から3日間の業務停止``; but a cause, ``30日以降の大雨で、
…広がった``, takes the verb's), nor does a schedule kept
(``2日間の日程で開かれていた``: no plan); ``によると`` is no predicate. ``当日`` in a clause to
come is the last day told ahead, not the day the text was told on (``8月3日に開館する。市が
2日、発表した。当日は…配る``), and a lede's day of telling (``県が28日、発表した``) lends
``同月`` no month. A moment restated in another time zone lies within a day of the first
(``来年1月1日午前0時（日本時間31日午後10時）``). An act named as a topic with its day alone
(``逮捕は30日。``, not ``第2弾の発売は20日。``) is past when an earlier sentence told it done;
``一日も…ない`` is "not one day" (``1日も営業しない`` is the 1st). A date in a clause that
modifies the speaker (``1996年のうるう日に生まれた女性は「今日…」``) is not when a quote was
said, unless that clause is the speaking (``27日に取材に応じた女性は「あすから…」``).
``同月29日`` after a range, told as past, is not a day still to come of the end's month but the
start's, within the range (``12月28日から元日まで…同月29日で、…上回った``: December);
``この日、`` (the time of the act) under a past verb after a day still to come is the day
reported on, not ``この日に向けて``; ``…するなど`` gives an example, no tense; a year word that
names the topic (``昨年の党大会は3月9日に開かれ``) frames a month of its clause told as past
(not ``…だったが、4月末までに``, ``3月19日の開幕試合で対戦する``); ``前年の同じ月`` compared with is
no event; a clause that is a plan's content (``20日に就任する大統領と…臨みたいとの意向を
示した``) keeps its future; a range may end at a year's anaphora (``2023年5月から翌年2月``).
A topic's own act from a day (``猛暑日は7月30日から続いており``) is no day a noun sets; a topic's
day the copula goes on from into another topic's past (``梅雨入りは6月7日で、期間は41日間
だった``) is the nearest; a state since a day set off by a comma (``26日以降、…続いている``)
has begun; ``8月としての最高`` is a category, no event. A quote that is a saying (called
``ということわざ``, ``とはこのことか``, ``とはよく言ったものだ``; not hearsay: ``「4日に
最終判断する」という。``) and the title of a work (after 映画, 曲, 小説, ドラマ…, taken up by a
case particle: ``映画「明日、きみに会えたら」が``; not a notice's words: ``張り紙「12月31日を
もって閉店」が``) hold no dates.

Hearsay and inference on a quoted past act (``14日夜、…押し入ったとされる``, ``…会ったという``,
``…したとみられる``) take the act's past; ``翌23日`` is the 23rd just after the day told last
(or that day told again; a quote's or a plan's later day is no anchor). A day named by a
non-past verb clause right before it is ahead (``雇用統計が発表される8日や…が焦点になる``),
unless the main verb is past, which that clause is relative to (``第1戦が行われる8日に
現地入りした``); a past clause there (``ストを予告した15日``) may have set the day and tells
nothing. A forecast or plan told as standing of what is expected (``8日から混雑が予想されて
いる``, ``…が予定されている``) is ahead; the day of forecasting (``9日、…と予想している``) is
not. A non-past clause under a simple past act is on or after the act's day (``3日、28日に始まる
大会の日程を発表した``), unless it ends in a noun of time (``3日に自宅を出る前に``). A lede's
day with its clock time (``30日午後3時ごろ、``) is placed like ``30日、``; a lede's day is not
the time of a later date's plan (``8日…爆発があり、…15日に退院する見通しだ``: the nearest). A
range may start at a month word (``先月下旬から今月上旬にかけて``). In an undated text a plan
takes no year of a past act, one told in a clause that modifies a noun too (``1976年に亡くなった
画家の回顧展が、7月19日から``: ``--07-19``), and a quote's ``来年4月`` is ``--04``. A weekday
after a date of another time (more than two weeks from the article date) with no verb between
is of that time, none of this week's (``2019年8月、お盆の日曜日に``; but ``1998年に開業した同店
は、土曜日に閉店する``). Two topics' days and places share the verb after the second when both
tell a place (``初戦は25日に大阪、2戦目は26日に京都で行われる``; not after a time gone by:
``前回は3日に東京、今回は…``).

A plan being arranged (``8月12日前後に、…開く方向で調整している``) puts a lede's day ahead.
``1923年のその日、`` is the day told last, in that year (``その日暮らし`` is none). A period
stated with its end and a non-past copula (``受付期間は2月16日から3月16日までだ``) takes no
tense, so it may be under way (not one that was, ``…までだった``, nor one of a named time,
``次回の…``); a share of a bill makes a range when both ends name it (``8月使用分から10月使用分
まで``). An anaphora year beside a year (``地震の翌年の2025年4月``) is that year. ``あれから9年
がたちます`` returns the narration to the present (``それから2か月`` goes on in the story). A
note of an interview's day (``（インタビューは昨年12月20日）``) is the day the text reports on,
which its quotes' relative words count from; a year in a quote frames no month in the
interview's next turn (``「…来年は…」　――日銀は7月に…``). ``初の日曜日となったきょう`` is one
day.

Stories told over time. This year's topic frames every month of its sentence (``今年の政局は、
9月の総裁選を軸に動く``); a month's event looked ahead to (``4月の統一地方選に向けて走り出した``)
lends its month to the next sentence's parts of it (``前半戦を11日、後半戦を25日に控え``); a
schedule's months go forward (``「11月解散・12月投開票」``); ``今回、`` and ``今回の…について``
return to the present, after the year told too, and in an undated text a later ``翌年`` is of
the present's unknown year; ``前回12月調査`` is past; ``4月末に続き、`` takes the main act's
tense; ``2023年1月から翌年12月まで`` ends the year after; a year a time is counted from
(``…年に骨子をまとめてから2年近くを経て``) is a base, not narration; a date in a quote opened
after a date cuts no clause of it (``13日の記者会見で「来月召集の…」と述べていた``); a
schedule is a plan only when days are named of it before its ``の`` (``関心は政治日程に
移った`` is none); a non-past clause after a chain's comma is another clause's. A topic's
day told with a state begun since it (``最初の発症は24日で、施設は同日から…制限している``)
has come, unless a plan or preparation is told (``…同日から移す準備を進めている``). In an
undated text a profile's act told by its noun (``1987年創業。``, ``（1901年生まれ）``; not
``設立``, which may be planned) is past. After a chain's comma a new topic's plan noun
(``報告書が27日に公表され、市議会は…辞さない構えを見せていた``, a state that was) is no end
of the chain: the main verb tells. A date looked ahead to under a state with no later date
(``会期末を21日に控え、延長論が浮上している``) is ahead.
``同日`` of an act to come, in a sentence that placed no day of its own, after a day told
that is before the one reported on, is the reported day. ``11月30日、12月1日の両日`` is one
range (``8日、15日の両日`` two days); ``同年12月から翌年8月まで`` is one. A later month listed
after a month written with its year takes that year (``昨年3月と4月に``).

Chinese shares the Japanese forms (2021年11月11日, 去年, 明年, 昨天…) with a simpler
tense rule (了 past, 将/计划 future). Languages written with spaces
(:mod:`briefgen.summarize.spaced_dates`) find ``14. Juli 2021``, ``12 décembre``,
``July 21, 2024``, ``2024-07-21``, a year after "in" or "seit", and relative words
("yesterday", "übermorgen", "la semaine dernière": a week is Monday to Sunday);
English, German, French and Spanish also find days without their month (``on the
19th``, ``am Dienstag, dem 19.``, ``le 19``, ``el martes 19``) and weekdays (``on
Monday``; ``last``/``next Monday`` are the last before and the next after the article
date). They are resolved by the same model, the tense being that of the nearest
tense marker in the date's clause (``has approved``, ``wird``, ``a décidé``,
``celebrará``), and a number is a day there only when introduced as one and followed
by no noun (``on the 19th floor``, ``am 3. Tag`` are not).

:func:`timeline` returns every dated mention (with the clause that carries it);
:func:`distinct_events` keeps one per event for the briefing: one day told twice side by
side (``前日の14日``, ``来週の月曜日に当たる4月7日``) is one row.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from briefgen.model import Dated, Sentence
from briefgen.summarize.japanese_dates import (
    DASH,
    SPACES,
    SPEECH_ACT,
    find_japanese_dates,
    japanese_forms,
)
from briefgen.summarize.mentions import DateMention, Tense, date_span, valid_date
from briefgen.summarize.resolve_dates import (
    Frame,
    Parts,
    act_tense,
    acts_done,
    as_of_tense,
    chain_step_tense,
    chinese_tense,
    ends_on_noun,
    iso_date,
    main_tense,
    predicate_tense,
    resolve_range,
    tells_past,
)
from briefgen.text.tokenize import Token, tokenize_ja

# A month's share of a bill or a payment before から (8月使用分から10月使用分まで).
_SHARE = re.compile(r"([一-龯]{1,3}分)から")
# What joins two dates into a range: 8月31日〜9月3日, 7月3日から…, "from Monday to Friday".
_RANGE = re.compile(
    r"(?:[（(][^）)]{1,8}[）)])?"  # the start's weekday: 11日（土）から13日（月・祝）
    r"(?:[一-龯]{1,3}分)?"  # 8月使用分から10月使用分まで: a month's share of a bill
    r"(?:夜|朝|未明|早朝|深夜|午前|午後|正午|昼|夕方|夕)?"  # 29日夜から30日朝にかけて
    r"(?:[0-9０-９]{1,2}時(?:[0-9０-９]{1,2}分|半)?)?"  # 5日午後9時から7日午前5時まで
    rf"(?:{SPACES}{DASH}{SPACES}|から|至|到)翌?"  # 15日午後7時から翌16日午前1時まで
    r"|\s+(?:to|until|bis|au|à|al|a|tot|по|до)\s+(?:the\s+|zum\s+)?"
)


def find_dates(
    text: str, language: str = "ja", tokens: Sequence[Token] | None = None
) -> list[DateMention]:
    """The date expressions of ``text``, left to right: Japanese and Chinese forms, or
    those of a language with month names in :data:`briefgen.text.languages.RULES`.
    ``tokens`` (Japanese: ``tokenize_ja(text)``) give the word boundaries; without
    them Japanese text is tokenized here."""
    if language not in ("ja", "zh"):
        from briefgen.summarize.spaced_dates import find_spaced_dates  # loaded only when needed

        return find_spaced_dates(text, language)
    return find_japanese_dates(text, language, tokens)


# A sentence whose topic or time is "this time" (今回は, 今回の選挙では, 今般) is back in
# the present: no year told of the background carries into it. 今回取材に応じた, 今回と
# 同じく and a quote's 今回 tell of the reporting or compare, and the story goes on.
_PRESENT_OCCASION = re.compile(
    r"(?:今回|今般)(?:は|[、，](?=[一-龯ァ-ヶー・と]{1,20}は)|の[^、。「」]{1,12}?(?:は|では|も|で|について|に関して|を巡って"
    r"|をめぐって)[、，]?)"
)
_QUOTE = re.compile(r"「[^「」]*」")


def _back_to_present(text: str, language: str) -> bool:
    """Whether a sentence returns from the years told before to the text's own time: its
    topic is this occasion (今回は, 今回の選挙では), or it counts the years since then up
    to now (あれから9年がたちます; それから2か月 goes on within the story)."""
    if language != "ja":
        return False
    if _TIME_SINCE.search(text):
        return True
    if "今回" not in text and "今般" not in text:
        return False
    return _PRESENT_OCCASION.search(_QUOTE.sub("", text)) is not None


_WEEKDAY_OF_A_DAY_WORD = re.compile(
    r"(?:と(?:なった|なる)|にあたる|に当たる)(?:きょう|今日|本日|あす|明日|きのう|昨日)"
)
# A turn of an interview or a Q&A: ――質問, Ｑ, Ａ.
_TURN = re.compile(r"――|—|[ＱＡ]\s|(?<![A-Za-z])[QA]\s")
# A note of when an interview was held: （インタビューは11月26日）, （取材は5日）.
_INTERVIEW_DAY = re.compile(
    r"[（(](?:[^（()）]{0,30}[、，])?(?:インタビュー|取材|対談|収録|聞き取り)は[^）)]{0,3}$"
)  # (（聞き手・報道部　杉本隆、インタビューは12月22日）: after the interviewer's name)
_TIME_SINCE = re.compile(
    r"あれから[^。、]{0,3}?[0-9０-９一二三四五六七八九十百]+年"
    r"(?:余り|以上|近く|あまり)?(?:が|を)?(?:たち|経ち|たっ|経っ|たつ|経つ|過ぎ|になる|となる|。|、)"
)


def timeline(
    sentences: Sequence[Sentence],
    source_date: dt.date | None,
    language: str = "ja",
    tokens: Mapping[str, Sequence[Token]] | None = None,
) -> list[Dated]:
    """Every dated mention of a source, in reading order, resolved (see the module
    docstring). ``tokens``: Japanese words per sentence id, when the caller has them."""
    events: list[Dated] = []
    frame = Frame(source_date)
    ahead_month: tuple[Parts, str] | None = None  # a month lent, with the event it names
    # The events told with their month (4月に統一地方選), where: sentence and offset
    event_months: dict[str, tuple[Parts, int, int]] = {}
    # The narration's last dates while a quote tells its own (for the narration's anaphora)
    narration: tuple[Parts | None, Parts | None, Parts | None, Parts | None] | None = None
    narration_year = frame.written_year
    undecided: set[int] = set()  # the mentions placed by no tense of their own (ids)
    movable: set[int] = set()  # the same, as indices of ``events``
    untensed: set[int] = set()  # months and month-days no tense placed (ids)
    stepped: set[int] = set()  # months told as past or heading an item (ids)
    in_title_year: set[int] = set()  # the same, as indices of ``events``
    months: set[int] = set()  # the events that tell a month without a year (``events``)
    done: set[str] = set()  # the acts earlier sentences told as done (逮捕した: 逮捕)
    words: Sequence[Token] | None = None
    for position, sentence in enumerate(sentences):
        frame.section, frame.position = sentence.section, position
        if words is not None:
            done |= acts_done(words)
        words = (tokens or {}).get(sentence.id)
        if language == "ja" and words is None and japanese_forms().search(sentence.text):
            words = tokenize_ja(sentence.text)
        mentions = find_dates(sentence.text, language, words)
        frame.sentence_month = frame.sentence_year = frame.sentence_day = None
        # The month the sentence before ended on, ahead (山場は4月の統一地方選だ。): this
        # sentence goes on with it, so its bare days are that month's (前半戦は11日…)
        if ahead_month is not None and _goes_on_with(sentence.text, ahead_month[1]):
            frame.sentence_month = ahead_month[0]
        ahead_month = None
        frame.year_only = None
        if _back_to_present(sentence.text, language):
            frame.written_year = None  # 今回の選挙は…: back from the years told before
            if source_date is None:
                frame.named_year = None  # …翌年1月1日から: of the present's unknown year
        frame.sentence_words = words
        undecided.clear()  # ids of this sentence's mentions, alive while it is read
        untensed.clear()
        stepped.clear()
        narrates: bool | None = None  # whether the sentence narrates (read when needed)
        quotes = _quotes(sentence.text) if mentions else []
        index = 0
        dated: list[tuple[DateMention, DateMention, str, str]] = []
        # An anaphora of an event no date tells, put beside the day it is (帰国翌日の
        # 17日; 公示翌日の4日から19日まで): that day, by the day's mention
        apposed: dict[tuple[int, int], DateMention] = {}
        # The later days of a list (by index): the list's last day, and the index after it
        in_list: dict[int, tuple[DateMention, int]] = {}
        while index < len(mentions):
            mention = end = mentions[index]
            if index + 1 < len(mentions) and _joins(sentence.text, mention, mentions[index + 1]):
                end = mentions[index + 1]
                index += 1
            index += 1
            if (
                mention.kind == "day_word"
                and mention.offset == 0
                and language == "ja"
                and SPEECH_ACT.search(sentence.text, mention.span[1])
                # 本日は…申し上げます, 本日の質問を終わります: the day as the speech's topic;
                # 本日、定例会が開会されるにあたり…, 本日開通した道路…: the day of an event
                and sentence.text.startswith(("は", "の"), mention.span[1])
            ):
                continue  # 本日の質問を終わります: the speech itself, not an event it reports
            if mention.kind == "weekday" and _WEEKDAY_OF_A_DAY_WORD.match(
                sentence.text, mention.span[1]
            ):
                continue  # 初の日曜日となったきょう: the weekday of the day word after it
            if (
                mention.kind == "weekday"
                and mention.offset is None
                and source_date is not None
                and any(
                    _far_from(told, source_date)
                    and not _verb_between(words, told_end.span[1], mention.span[0])
                    for _, told_end, told, _ in dated
                )
            ):
                # 噴火は2014年9月、紅葉シーズンの土曜日の昼に起きた, 来年1月13日から土曜日
                # にも開く: a weekday of another time the sentence tells, not this week's
                # (1998年に開業した同店は、土曜日に閉店する: that time has its own verb)
                continue
            following = index
            # 14日、21日、28日の各日…開く, 8日、15日の両日: a list of days shares the
            # predicate after its last day (two days and a comma alone may be a report
            # day and another: 政府は19日、20日に開くと発表した)
            # (市は1日、8日、15日に開くと発表した: the first is the lede's day of telling)
            if index - 1 in in_list:  # a later day of a list met before
                listed, following = in_list[index - 1]
            else:
                listed = end
                after_topic = sentence.text.endswith("は", 0, mention.span[0])
                while (
                    not after_topic
                    and following < len(mentions)
                    and _LISTED.fullmatch(
                        sentence.text, listed.span[1], mentions[following].span[0]
                    )
                ):
                    listed = mentions[following]
                    following += 1
                if following - index >= 2 or _EACH_DAY.match(sentence.text, listed.span[1]):
                    in_list.update(
                        (member, (listed, following)) for member in range(index, following)
                    )
                else:
                    listed, following = end, index
            while following < len(mentions) and (
                _ANNOTATION.fullmatch(sentence.text, end.span[1], mentions[following].span[0])
                or _same_day_again(mentions[following])
                or _SCHEDULE_LIST.fullmatch(sentence.text, end.span[1], mentions[following].span[0])
                or (
                    sentence.text.endswith("を", 0, mention.span[0])
                    and _GAPPED.fullmatch(sentence.text, end.span[1], mentions[following].span[0])
                )
                or (
                    sentence.text.endswith("は", 0, mention.span[0])
                    and not sentence.text.endswith(_TIME_GONE_TOPICS, 0, mention.span[0])
                    and _GAPPED_TOPIC.fullmatch(
                        sentence.text, end.span[1], mentions[following].span[0]
                    )
                    and _AT_A_PLACE.match(sentence.text, mentions[following].span[1])
                )
            ):
                # 14日（日本時間15日）: the same moment, told another way; 24日に召集され、
                # 首相は同日、…臨む: the same day, which starts no clause of its own; 15日
                # 公示、27日投開票の日程: a schedule's days, which share its verb; 前半戦を
                # 4月13日、後半戦を同27日に投開票する: one verb for two objects and days
                following += 1
            next_date = mentions[following].span[0] if following < len(mentions) else None
            if next_date is not None and any(
                end.span[1] <= opened < next_date < closed
                and not re.search("[、，]", sentence.text[end.span[1] : opened])
                for opened, closed in quotes
            ):
                # 13日の記者会見で「来月召集の…」と述べていた: a date in a quote opened after
                # this one cuts no clause of its
                next_date = None
            tense: Tense = None
            # an undated text's written year keeps its tense too: a past one is not
            # the year of a plan told after it (resolve_dates._carried_year)
            if _needs_tense(mention) or (source_date is None and mention.year is not None):
                if words is not None:
                    single = end is mention and mention.day_end is None
                    tense = predicate_tense(words, listed.span, next_date, single, done)
                    if tense is None and source_date is None and mention.year is not None:
                        tense = act_tense(words, end.span)  # 2028年10月に稼働した工場
                elif language == "zh":
                    tense = chinese_tense(sentence.text, end.span)
                else:
                    from briefgen.summarize.spaced_dates import spaced_tense

                    spans = [m.span for m in mentions]
                    tense = spaced_tense(sentence.text, end.span, language, spans)
            if (
                mention.as_of
                and language == "ja"
                and _OF_A_FIGURE.match(sentence.text, end.span[1])
            ):
                # 9月末時点の現預金は…に上る: counted (not 4月1日時点で65歳以上の市民が対象
                # となる: a criterion's day)
                tense = as_of_tense(tense, words)
            if language == "ja" and _TOTAL_OVER.match(sentence.text, end.span[1]):
                tense = "past"  # 1月から11月までの累計で…下回った: a total of a period gone by
            heads = language == "ja" and _heads_item(sentence.text, mention, end)
            if heads:
                # 19日（月）　…会期末を2日後に控え、…会談。: the item's day, which only the
                # item's main verb places (【月曜】…控え、…確認した; ▽21日　大会を開く。)
                # (a chronology's month lines tell the past in the present: ▽9月　設計が
                # まとまる。; a bare day's item ahead is ahead: ▽21日　大会を開く。)
                item_tense = None if ends_on_noun(words) else main_tense(words)
                tense = item_tense if item_tense == "past" or mention.bare_day else None
            another_topic = (
                tense == "chain_ahead"
                and next_date is not None
                and bool(_NEW_TOPIC.search(sentence.text, end.span[1], next_date))
            )
            stepped_to = (
                chain_step_tense(mention, mentions[following], source_date)
                if tense == "chain_ahead"
                and not _relates(words, end.span[1])
                and next_date is not None
                and source_date is not None
                # (市は12日に開所し、市長は「来月から…」と話す: a quote's date is no step)
                and not any(opened < next_date < closed for opened, closed in quotes)
                # (任期は9月末に満了し、党は来月中旬にも…決める: another topic's step)
                and not another_topic
                else "unknown"
            )
            if (
                stepped_to == "unknown"
                and source_date is not None
                and _month_only(mention)
                and _FIGURES_OF_MONTH.match(sentence.text, end.span[1])
                and _PUBLISHING.search(sentence.text)
            ):
                # 今月末に、10月分の介入実績を公表する; 3月分は5月10日に公表される: a
                # month's figures come out after it, as a chain's step before the next
                published = [
                    other
                    for other in mentions
                    if other is not mention
                    and not _FIGURES_OF_MONTH.match(sentence.text, other.span[1])
                ]
                if published:
                    day = min(published, key=lambda other: abs(other.span[0] - mention.span[0]))
                    stepped_to = chain_step_tense(mention, day, source_date)
            if stepped_to != "unknown":
                # 1月2日に初日を迎え、2月まで全国を回る; 10日に可決、成立し、来年1月1日に
                # 施行される: the chain's steps are told in order (chain_step_tense)
                tense = stepped_to
            elif (
                tense == "chain_ahead"
                and next_date is not None
                and not another_topic
                and mentions[following].bare_day
                and (mentions[following].day or 0) < (mention.day or 0)
            ):
                # 27日にまとめ、3日から運用を始める: the chain goes on to a day before this
                # one in the month, so this one is the month before's: no chain ahead
                tense = None
            beside = (  # 帰国翌日の17日, 前日の14日: the anaphora stands beside its day
                index < len(mentions)
                and sentence.text.startswith("の", mention.span[1])
                and mentions[index].span[0] == mention.span[1] + 1
                and (
                    mentions[index].day is not None
                    # 地震の翌年の2025年4月: the year beside it
                    or (mention.unit == "year" and mentions[index].year is not None)
                )
            )
            anchored = None
            if mention.anchor is not None:
                anchored = _anchored(mention, events, sentence.text, dated)
            if mention.anchor is not None and (
                anchored is not None
                or mention.offset
                or sentence.text.endswith("の", 0, mention.span[0])
            ):
                # (事故当日 with no date told of the accident is the day last told, as 当日)
                if anchored is not None:
                    how = "unresolved" if anchored.startswith("--") else "carried"
                    dated.append((mention, end, anchored, how))
                    if beside and _FULL_DAY.fullmatch(anchored):
                        # 発売日前日の22日: the day beside it is in the month it counted to
                        when = dt.date.fromisoformat(anchored)
                        frame.sentence_month = (when.year, when.month, when.day)
                elif beside:
                    apposed[mentions[index].span] = mention  # 帰国翌日の17日: the 17th
                continue
            if beside and mention.kind == "anaphora" and mention.unit in ("day", "year"):
                # 前日の14日: the 14th, whatever the day last told was; 翌年の2025年4月: 2025
                apposed[mentions[index].span] = mention
                continue
            if sentence.text.startswith("あの", mention.span[0]) and (
                not _remembered(mention, dated, events)
                or sentence.text[max(0, mention.span[0] - 1) : mention.span[0]] in ("た", "る")
            ):
                # あの日の暑さ after 80年前のきょう, 息子が倒れたあの日: a memory, no day told
                continue
            if _unreported(sentence.text, mention, quotes) or _in_a_name(
                sentence.text, mention, quotes
            ):
                continue
            # The year of a topic (昨年の党大会は3月9日に開かれ) frames a month of the
            # topic's own clause told as past, not one after a comma (昨年の利用者は…
            # だったが、4月末までに), a sentence's end inside a long quote, or a month of
            # what is to come (昨年の覇者は3月19日の開幕試合で対戦する).
            if frame.sentence_year is not None and any(
                opened < frame.sentence_year_end <= closed < mention.span[0]
                and _TURN.search(sentence.text, closed, mention.span[0])
                for opened, closed in quotes
            ):
                # 「…来年はこの流れを広げたい」　――日銀は7月に利上げしました: a quote's
                # year frames no month in the interview's next turn (「来年は選挙の年だ」
                # と語り、1月の通常国会に… it does)
                frame.sentence_year = None
            year_framed = frame.sentence_year
            if year_framed is not None and sentence.text.startswith("の", frame.sentence_year_end):
                between = sentence.text[frame.sentence_year_end : mention.span[0]]
                this_year = (
                    source_date is not None
                    and year_framed == source_date.year
                    and tense != "past"
                    and (mention.month or 0) >= source_date.month
                )
                if "。" in between or (("、" in between or tense != "past") and not this_year):
                    # (今年の政局は、9月の総裁選を軸に動く: this year's topic frames a month
                    # still to come of its sentence; not 1月 told in November, next year's)
                    frame.sentence_year = None
            listed_month = (
                bool(dated)
                and _month_only(mention)
                and _MONTH.fullmatch(dated[-1][2]) is not None
                and dated[-1][1].kind in ("year_word", "calendar")
                and dated[-1][1].month is not None
                and (dated[-1][1].year is not None or dated[-1][1].kind == "year_word")
                and (mention.month or 0) > int(dated[-1][2][5:7])
                and _MONTH_LIST_JOINT.fullmatch(
                    sentence.text, dated[-1][1].span[1], mention.span[0]
                )
                is not None
            )
            if listed_month:
                # 昨年3月と4月に: a later month listed after a month written with its year
                # is in that year (not 昨年10月、8月の豪雨で: a clause's comma; nor 昨年12月と
                # 11月: a list going back)
                mention = end = replace(mention, year=int(dated[-1][2][:4]))
            following_day = None
            if mention.bare_day and sentence.text.endswith("翌", 0, mention.span[0]):
                following_day = _the_next(mention, frame.last_day)
                if following_day is not None:
                    mention = end = following_day  # 22日未明に起きた。…翌23日に逮捕: after the 22nd
            elif (
                _placed_by_calendar(mention)
                and mention.day is not None
                and sentence.text.endswith("翌", 0, mention.span[0])
            ):
                following_day = _the_next_month_day(mention, frame.last)
                if following_day is not None:
                    mention = end = following_day  # 来年3月末で廃止。…翌4月1日から: 2033's
            if mention.bare_day and event_months:
                lent = _part_of_event_month(sentence.text, mention, event_months, position)
                if lent is not None:
                    # 4月に統一地方選、…。統一地方選の前半戦は11日、後半戦は25日: that month
                    frame.sentence_month = lent
            if mention.bare_day and dated and _PART_OPENS.search(sentence.text, 0, mention.span[0]):
                told_month = next(
                    (
                        iso
                        for told, _, iso, _ in reversed(dated)
                        if told.kind in ("calendar", "year_word")
                        and told.month is not None
                        and told.day is None
                    ),
                    None,
                )
                if told_month is not None and _MONTH.fullmatch(told_month):
                    # 新人戦は10月に開催され、初日は4日、最終日は12日の予定だ: the days of its
                    # parts are of the month its sentence told
                    year, month = (int(part) for part in told_month.split("-"))
                    frame.sentence_month = (year, month, None)
            quoted = _in_quotes(mention.span[0], quotes)
            frame.spoken = _spoken(
                mention, sentence.text, quotes, dated, frame.report_day, source_date
            )
            if (
                frame.spoken is None
                and frame.interview_day is not None
                and not quoted
                and _INTERVIEWER.search(sentence.text, 0, mention.span[0])
            ):
                # （インタビューは3月28日）――今年度の業績をどう見ますか。: the interviewer's
                # question was put that day too
                frame.spoken = frame.interview_day
            before = (frame.sentence_month, frame.report_day, frame.report_position)
            last = (frame.last, frame.last_day, frame.last_month)
            if quoted and narration is None:
                narration = (frame.last, frame.last_day, frame.last_month, frame.told_day)
                narration_year = frame.written_year
            elif not quoted and narration is not None:
                if mention.kind == "anaphora" and narration[0] is not None:
                    # 投稿では「先週の金曜日に報じられた…」とした。首相は同日夕、…: the
                    # narration's anaphora counts from its own last date, not a quote's
                    # (「2011年3月11日、…」。…あの日、: a quote before any is the only one)
                    frame.last, frame.last_day, frame.last_month, frame.told_day = narration
                if source_date is None:
                    # 「…2030年度の完成を目指す」と述べた。市は9月1日から…: in an undated
                    # text a year a quote tells is the speaker's, not the narration's
                    frame.written_year = narration_year
            resolved = resolve_range(
                mention, end, frame, tense, shares_month=language not in ("ja", "zh")
            )
            if not quoted:
                narration = None
            if frame.sentence_year is None and mention.kind != "year_word":
                frame.sentence_year = year_framed
            if (
                resolved is not None
                and mention.bare_day
                and dated
                and _SCHEDULE_LIST.fullmatch(sentence.text, dated[-1][1].span[1], mention.span[0])
            ):
                # 14日告示、27日投開票: a schedule's days go forward
                resolved = (_not_before(resolved[0], dated[-1][2]), resolved[1])
            elif (
                resolved is not None
                and _month_only(mention)
                and dated
                and _month_only(dated[-1][1])
                and _SCHEDULE_STEP.fullmatch(sentence.text, dated[-1][1].span[1], mention.span[0])
            ):
                # 「11月解散・12月投開票」: a schedule's months go forward
                resolved = (_month_not_before(str(resolved[0]), dated[-1][2]), resolved[1])
            if (
                resolved is not None
                and language == "ja"
                and dated
                and _placed_by_calendar(mention)
                and _placed_by_calendar(dated[-1][1])
                and not _verb_between(words, dated[-1][1].span[1], mention.span[0])
                # (a past narration's months are placed as a chronology's, below: 4月の
                # 統一地方選、7月の参院選と…続いた1年だった)
                and not tells_past(words)
            ):
                # 1月20、21両日で、以降は3月17、18両日…に開く; 11月は2.1％の上昇、12月は
                # 0.8％の低下を見込む: months listed with no verb between go forward
                resolved = (_listed_forward(str(resolved[0]), dated[-1][2]), resolved[1])
            if _aside(sentence.text, mention.span[0]):
                # （3月18日開幕）, 18日（日本時間19日）: an aside frames no month, no report
                frame.sentence_month, frame.report_day, frame.report_position = before
                if _restates(sentence.text, mention.span[0]):
                    # 30日夕（日本時間31日昼）…同日夜: the same moment told another way;
                    # an anaphora counts from the day told first
                    frame.last, frame.last_day, frame.last_month = last
                    if resolved is not None and mention.bare_day:
                        resolved = (_within_a_day(resolved[0], last[1]), resolved[1])
            elif quoted:
                # 記者「予算は28日に成立しましたが」: the text reports on the day it tells,
                # not on one a quote tells
                frame.report_day, frame.report_position = before[1:]
            if (
                resolved is not None
                and _INTERVIEW_DAY.search(sentence.text, 0, mention.span[0])
                and _FULL_DAY.fullmatch(str(resolved[0]))
            ):
                # （インタビューは昨年12月20日）: the day the interview's words were said,
                # which its quotes' relative words count from
                frame.report_day = dt.date.fromisoformat(str(resolved[0]))
                frame.report_position = frame.position
                frame.interview_day = frame.report_day
            if resolved is None:
                if mention.kind == "year_word" and source_date is None:
                    if not quoted:
                        # 今年は…: an undated text is back in its own unknown year, not the
                        # one it told of (第1回は1985年8月3日に開かれた。今年は…10月中に
                        # 決める); a quote's 今年 is the speaker's (1990年に「今年は勝負の
                        # 年だ」と語り)
                        frame.written_year = None
                    if mention.month is not None and not mention.fiscal:
                        # 来年6月3日 in an undated text (a quote's too): the month (and
                        # day) told, the year not
                        told = iso_date(None, mention.month, mention.day)
                        dated.append((mention, end, told, "unresolved"))
                continue
            text, how = resolved
            if following_day is not None or listed_month:
                how = "unresolved" if text.startswith("--") else "carried"
            dated.append((mention, end, text, how))
            if (
                language == "ja"
                and end is mention
                and mention.kind == "calendar"
                and mention.year is None  # a month told bare: the story's (not 前回2023年4月)
                and _MONTH.fullmatch(text)
            ):
                event = _EVENT_OF_MONTH.match(sentence.text, mention.span[1])
                if event is not None:
                    year, month = (int(part) for part in text.split("-"))
                    event_months[event["event"]] = ((year, month, None), position, end.span[0])
            # A chronology's or a roundup's month: an item's head, or in a sentence that
            # narrates (a past main verb, or an act told by its noun alone); not one of
            # a sentence ahead or of a state that holds (1月の知事選をにらんだ動きが活発に
            # なっている, 新庁舎は1月に開業。12月中旬から…始める)
            if narrates is None:
                narrates = tells_past(words) or ends_on_noun(words)
            # (a note's date in brackets, 骨太の方針（6月19日）, has no verb to say otherwise)
            in_chronology = heads or narrates or _aside(sentence.text, mention.span[0])
            if (
                in_chronology
                and how in ("relative", "carried")
                and end is mention
                and _undecided(mention, tense)
            ):
                # placed by no tense of its own (the nearest, or the month last told)
                undecided.add(id(mention))
            if in_chronology and how == "relative" and end is mention and _untensed(mention, tense):
                untensed.add(id(mention))
            if tense == "past" or (in_chronology and tense is None):
                stepped.add(id(mention))  # a step a chronology's month before it is placed by
        told_end = dated[-1][1].span[1] if dated else 0
        if (
            language == "ja"
            and frame.written_year is not None
            and _back_to_present(sentence.text[told_end:], language)
        ):
            # …2016年6月です。あれから9年がたちます」, 2022年3月に表明した目標を受け、今回
            # の会談では…: back to now after the year told
            frame.written_year = None
        if frame.written_year is not None and any(
            how == "explicit" and _LOOKED_BACK_ON.match(sentence.text, told.span[1])
            for _, told, _, how in dated
        ):
            # 知事は2015年の北陸新幹線金沢開業を振り返り、…。会期は3月19日まで: a year
            # looked back on from the present is not the narration's
            frame.written_year = None
        if apposed:
            dated = [
                item
                for mention, end, iso, how in dated
                for item in (
                    [
                        (
                            apposed[mention.span],
                            apposed[mention.span],
                            _apposed(apposed[mention.span], iso),
                            "unresolved" if iso.startswith("--") else "carried",
                        )
                    ]
                    if mention.span in apposed
                    else []
                )
                + [(mention, end, iso, how)]
            ]
        if language == "ja" and dated and source_date is not None:
            ahead_month = _ended_on_month_ahead(sentence.text, dated[-1], source_date)
        spans = [(mention.span[0], end.span[1]) for mention, end, _, _ in dated]
        clauses = _clauses(sentence.text, spans)
        for (mention, _, text, how), span, clause in zip(dated, spans, clauses, strict=True):
            phrase = sentence.text[span[0] : span[1]]
            if id(mention) in undecided:
                movable.add(len(events))
            if id(mention) in untensed:
                in_title_year.add(len(events))
            if (
                _month_told(mention)
                and id(mention) in stepped
                and not _EARLIER_ONE.search(sentence.text, 0, span[0])
                and not _aside(sentence.text, span[0])  # （10月1日から）: a note, no step
            ):
                months.add(len(events))
            events.append(Dated(text, how, sentence.id, span, phrase, clause))
    if source_date is None:
        return events
    return _in_order(_in_title_year(events, in_title_year), movable, months)


def _untensed(mention: DateMention, tense: Tense) -> bool:
    """Whether a month or month-day (no year written) was placed by no tense."""
    return mention.kind == "calendar" and _month_told(mention) and tense is None


def _in_title_year(events: list[Dated], untensed: set[int]) -> list[Dated]:
    """A title that names one year and nothing else (今年の政治10大ニュース, 昨年の県政を
    振り返る, 2028年の主な政治日程) says what year the text tells of: a month or
    month-day placed by no tense (``untensed``: indices) is in it, not the nearest."""
    titled = [e for e in events if e.sentence_id == TITLE_ID]
    if len(titled) != 1 or not re.fullmatch(r"[0-9]{4}", titled[0].date):
        return events
    year = int(titled[0].date)
    placed = list(events)
    for i in untensed:
        parts = _parts(placed[i].date)
        if parts is None or parts[0] == year or not valid_date(year, parts[1], parts[2] or None):
            continue
        placed[i] = replace(placed[i], date=iso_date(year, parts[1], parts[2] or None))
    return placed


def _remembered(
    mention: DateMention,
    dated: Sequence[tuple[DateMention, DateMention, str, str]],
    events: Sequence[Dated],
) -> bool:
    """Whether あの日 (あの年) points back to a day (a year) the text wrote out with its
    year (2005年9月11日の衆院選です。あの日の夜…): a remembered date; after any other it
    is a memory the text does not date (80年前のきょう…「あの日の暑さ」)."""
    told = [(iso, how) for _, _, iso, how in reversed(dated)]
    told += [(e.date, e.resolution) for e in reversed(events)]
    for iso, how in told:
        if mention.unit != "day" or _FULL_DAY.fullmatch(iso.split("/")[0]):
            return how == "explicit"
    return False


def _undecided(mention: DateMention, tense: Tense) -> bool:
    """Whether a month or month-day was placed by no tense of its own and no year
    written: by the nearest (▽4月　子ども家庭局が発足。), or as the month last told
    (同月18日)."""
    if mention.kind == "calendar":
        return _untensed(mention, tense) and mention.day is None
    # 同月, 同月18日: as undecided as the month it is of (checked where it is moved)
    return _month_told(mention)


# Words before a month that tell an earlier one than the text's order (前回の12月調査 after
# 3月の短観): a comparison's base, no step forward in a chronology.
_EARLIER_ONE = re.compile(r"(?:前回|前年|前月|昨年|去年|前々回)(?:の|は)?$")


def _month_told(mention: DateMention) -> bool:
    """Whether a mention tells a month and no year (7月, 7月12日, 同月, 同月12日)."""
    if mention.year is not None or mention.short_year is not None:
        return False
    if mention.kind == "calendar":
        return mention.month is not None
    return mention.kind == "anaphora" and mention.unit == "month" and mention.offset == 0


def _in_order(events: list[Dated], movable: set[int], months: set[int]) -> list[Dated]:
    """A chronology's months in order: where months told one after another go forward
    (4月…7月…9月; a roundup, a history told in prose), a month placed by no tense of
    its own (``movable``) that lands after the next one told is a year earlier (▽4月
    発足 in a roundup of late December: this April, not the next; 1月 通常国会召集 in
    a January review of the year before). Read from the end, so each month is placed
    against the one after it as finally placed."""
    placed = list(events)
    for i in range(len(placed) - 2, -1, -1):
        if i not in movable or i + 1 not in months:
            continue
        if placed[i].phrase.startswith("同") and i - 1 not in movable:
            continue  # 同月18日 of a month a year or a tense placed
        here, after = _parts(placed[i].date), _parts(placed[i + 1].date)
        if here is None or after is None or here[1] > after[1] or here <= after:
            continue
        year, month, day = here[0] - 1, here[1], here[2] or None
        if (year, here[1], here[2]) <= after and valid_date(year, month, day):
            placed[i] = replace(placed[i], date=iso_date(year, month, day))
    return placed


_YEAR_MONTH_DAY = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")


def _parts(iso: str) -> tuple[int, int, int] | None:
    """(year, month, day; 0 for a month) of a month or a day, else ``None``."""
    match = _YEAR_MONTH_DAY.fullmatch(iso)
    if match is None:
        return None
    return (int(match[1]), int(match[2]), int(match[3] or 0))


# An opening that steps to another time or topic than the sentence before's.
_ANOTHER_TIME = re.compile(r"(?:これに|それに)先立|その前|一方|これとは別|また、|このほか")
# What ends a sentence whose predicate is a month's event (…山場は、4月の統一地方選だ):
# the event the month names, and a copula. A deadline (3月までに決定する), a plan (7月下旬
# に閣議了解される見通しだ) or a quote is no topic the next sentence goes on with.
_ENDS_ON_MONTH = re.compile(
    r"の(?P<event>[^、，。「」\d０-９]{1,15}?)(?:(?:だ|である|です|となる|になる)。?$"
    r"|(?P<ahead>に向け|を控え|を前に))"  # 政界は4月の統一地方選に向けて走り出した: ahead
)
# The parts of an event itself, not of another's (前半戦は; not 県予選の決勝は).
_OWN_PART_OF_EVENT = re.compile(r"(?<!の)(?:前半|後半|初日|最終日|本番)")
# The parts of an event a sentence may go on with (前半戦, 初日, 告示, 投開票).
_PART_OF_EVENT = re.compile(
    r"前半|後半|初日|最終日|告示|公示|投開票|投票|本番|決勝|予選|開幕|閉幕|会期"
)


def _ended_on_month_ahead(
    text: str, last: tuple[DateMention, DateMention, str, str], source_date: dt.date
) -> tuple[Parts, str] | None:
    """The month a sentence ends on, with the event it names, when it is a month (no day)
    after the article's and its predicate is that month's event (今年の山場は、4月の統一
    地方選だ。) or the event is looked ahead to (4月の統一地方選に向けて走り出した): the
    next sentence may go on with that event (前半戦は11日…). A past month
    is not carried: news tells a day of the article's month bare after a sentence on an
    earlier month."""
    mention, end, iso, _ = last
    if end.day is not None or mention.month is None or not _MONTH.fullmatch(iso):
        return None
    year, month = (int(part) for part in iso.split("-"))
    if (year, month) <= (source_date.year, source_date.month):
        return None
    ends = _ENDS_ON_MONTH.match(text, end.span[1])
    if ends is None:
        return None
    # a month only looked ahead to lends itself only to the event's own parts (前半戦は…;
    # not 知事選の告示は, 会期末の23日: another event's)
    return (year, month, None), ("^" if ends["ahead"] else "") + ends["event"]


# A month and the event it is the month of (4月に統一地方選、, 9月には党の総裁選が控える,
# 4月の統一地方選で): a name of two to ten kanji or katakana, after one modifier in の.
_EVENT_OF_MONTH = re.compile(
    r"(?:に(?:は|も)?|の)(?:[^、。がをはもにで「」]{1,12}の)?"
    r"(?P<event>[一-龯ァ-ヶー]{2,10}?)(?:が|、|は|も|を|と|や|では|で|に向け|。)"
)
# A clause that opens with a part of the event its sentence tells, up to the day
# (、初日は4日, 、前半戦が11日): no other topic stands before the part.
_PART_OPENS = re.compile(r"[、，](?:前半戦?|後半戦?|初日|最終日)[はがの]?$")
# A part an event has of its own (前半戦, 後半戦, 初日, 最終日).
_OWN_PART = re.compile(r"前半|後半|初日|最終日")


def _part_of_event_month(
    text: str,
    mention: DateMention,
    event_months: Mapping[str, tuple[Parts, int, int]],
    position: int,
) -> Parts | None:
    """The month of an event a bare day is a part of: its clause (back to the last comma)
    opens with a part the event has of its own, perhaps after the event's name
    (前半戦の9日, 後半戦の市長選などは25日, 統一地方選の前半戦となる知事選は11日), and
    its sentence names the event before it (4月には統一地方選が控え、前半戦の9日と…). An
    event told with its bare month in an earlier sentence or this one lends that month
    (not 4月には…が控え、各党は5日から: no part of it; nor 7月に参院選を控える中、通常国会
    は最終日の18日に: another topic's part)."""
    opening = text[: mention.span[0]]
    clause = re.split(r"[、，。]", opening)[-1]
    clause_start = len(opening) - len(clause)
    found = []
    for event, (parts, told_in, told_at) in event_months.items():
        # the event by its name or its last three characters (全国ツアー: ツアー最終日)
        where = max(opening.rfind(event), opening.rfind(event[-3:]))
        if where >= 0 and _OWN_PART.match(clause, _event_named_at(clause, event)):
            found.append((where, parts))
        elif told_in == position and told_at >= clause_start and _OWN_PART.search(clause):
            found.append((told_at, parts))  # 4月には統一地方選の前半戦が13日、: one clause
    return max(found)[1] if found else None


def _event_named_at(clause: str, event: str) -> int:
    """Where a clause's own words start after the event it opens with (統一地方選の前半戦:
    前半戦; ツアー最終日: 最終日), else 0: a clause that opens with another topic (県議会は
    最終日の19日に) names no part of the event."""
    for name in (event, event[-3:]):
        if clause.startswith(name):
            return len(name) + (1 if clause.startswith("の", len(name)) else 0)
    return 0


def _goes_on_with(text: str, event: str) -> bool:
    """Whether a sentence goes on with the event the sentence before named as its
    predicate: it opens with a part of it (前半戦は, 初日は, 告示は) or names it again, and
    steps to no other time or topic (これに先立ち, 一方; not 首相は20日に…臨む)."""
    if _ANOTHER_TIME.match(text):
        return False
    opening = re.split(r"[、，。]", text, maxsplit=1)[0]
    if event.startswith("^"):
        return bool(_OWN_PART_OF_EVENT.search(opening))
    return bool(_PART_OF_EVENT.search(opening)) or event[-3:] in opening


# A date heading an item of a digest or a chronology: at the start of its line, after a
# mark (▽, ・, 【), with its weekday in brackets, then a space or a closing 】 (19日（月）
# …, ▽4月　…, 【月曜】…).
_ITEM_MARKS = re.compile(r"[▽▼・◇◆■□●○【\s]*")
_ITEM_GAP = re.compile(r"(?:[（(][月火水木金土日][)）])?(?:】|[ 　\t])")


def _heads_item(text: str, mention: DateMention, end: DateMention) -> bool:
    """Whether the date heads an item (``_ITEM_GAP``): the item's day, which no verb of
    the item governs (19日（月）　与党が…会期末を2日後に控え、…会談。)."""
    return _ITEM_MARKS.fullmatch(text, 0, mention.span[0]) is not None and bool(
        _ITEM_GAP.match(text, end.span[1])
    )


# Verbs that relate a date to an act rather than tell a step of a chain (9月1日に合わせ、
# 訓練を31日に行う: the 1st is no step before the 31st).
_RELATING_VERBS = frozenset(
    ["合わせる", "併せる", "向ける", "先立つ", "伴う", "基づく", "沿う", "因る", "当たる"]
)


def _relates(words: Sequence[Token] | None, start: int) -> bool:
    """Whether the first verb after ``start`` relates its date to an act (に合わせ)."""
    verb = next((t for t in words or () if t.span[0] >= start and t.pos[0] == "動詞"), None)
    return verb is not None and verb.normalized in _RELATING_VERBS


def _verb_between(words: Sequence[Token] | None, start: int, end: int) -> bool:
    """Whether a verb stands between two places of a sentence."""
    return any(start <= t.span[0] < end and t.pos[0] == "動詞" for t in words or ())


def _apposed(anaphora: DateMention, iso: str) -> str:
    """What an anaphora beside a date names of it: the day (前日の14日), or the year (翌年の
    2025年4月: 2025)."""
    start = iso.split("/")[0]
    return start[:4] if anaphora.unit == "year" else start


def _day_after(first: DateMention, second: DateMention) -> bool:
    """Whether ``second`` is the day after ``first`` (29日、30日; 11月30日、12月1日)."""
    if first.day is None or second.day is None:
        return False
    if second.day == first.day + 1:
        return second.month in (None, first.month)
    if first.month is None or second.month != first.month % 12 + 1:
        return False
    # 11月30日、12月1日: the last day of a month (of a leap year's, for February), then
    # the first of the next
    return second.day == 1 and first.day == calendar.monthrange(2000, first.month)[1]


def _far_from(told: str, source_date: dt.date) -> bool:
    """Whether a resolved date or range (``2014-09``, ``2026-01-13``, ``2023-04/2024-03``,
    ``--09-05``) lies more than two weeks from the article's date: a weekday placed near
    that date could not be of it."""
    span = date_span(told)
    if span is None:
        return True
    start, stop = span
    return not start - dt.timedelta(days=14) <= source_date <= stop + dt.timedelta(days=14)


def _the_next_month_day(
    mention: DateMention, last: tuple[int | None, int | None, int | None] | None
) -> DateMention | None:
    """翌4月1日: that month-day next after the month the text told last (来年3月末…翌4月1日:
    the April after that March), with its year; None when no year and month were told."""
    if last is None or last[0] is None or last[1] is None or mention.month is None:
        return None
    year = last[0] if mention.month > last[1] else last[0] + 1
    if not valid_date(year, mention.month, mention.day):
        return None
    return replace(mention, span=(mention.span[0] - 1, mention.span[1]), year=year)


def _the_next(
    mention: DateMention, last_day: tuple[int | None, int | None, int | None] | None
) -> DateMention | None:
    """翌23日: the 23rd just after the day the text told last (or that day, told again),
    as a date with its month (and year, when that day had one); None when no day was
    told or that day is not one or two before it."""
    if last_day is None or mention.day is None:
        return None
    year, month, day = last_day
    if month is None or day is None:
        return None
    when = dt.date(year or 2000, month, day)  # 2000: a leap year, for an undated 29 February
    # 翌 is the next day: one told further on was not the day the text counts from (男は
    # 2日に逮捕された。警察は「10日に発表する」とし、翌3日に送検した: a quote's 10th)
    for step in range(3):  # (step 0: that day told again, 29日…あす…翌30日)
        after = when + dt.timedelta(days=step)
        if after.day == mention.day:
            told_year = after.year if year is not None else None
            span = (mention.span[0] - 1, mention.span[1])  # the phrase is 翌23日
            return replace(mention, span=span, year=told_year, month=after.month)
    return None


def _aside(text: str, start: int) -> bool:
    """Whether ``start`` is inside brackets (（3月18日開幕）の抽選会…28日に: an aside)."""
    closed = max(text.rfind("）", 0, start), text.rfind(")", 0, start))
    return _bracket_opened(text, start) > closed


def _bracket_opened(text: str, at: int) -> int:
    """Where the last bracket opened before ``at`` stands (-1: none)."""
    return max(text.rfind("（", 0, at), text.rfind("(", 0, at))


# What follows "A から B" when it is a move, not a span: に, but not にかけて.
_MOVED_TO = re.compile(r"(?:夜|朝|未明|午前|午後)?に(?!かけ|掛け)")
# What stands between a date and another in brackets right after it that tells the
# same moment another way (30日（日本時間31日）, 30日（同31日）), or joins it in a list
# (24日と25日には…開かれる): the verb after them is both's.
_ANNOTATION = re.compile(r"[（(][^（()）]{0,8}|と|や|及び|および")
_QUOTE_OPENING = "「『“"
_QUOTE_CLOSING = "」』”"
_QUOTE_MARK = re.compile(f"[{_QUOTE_OPENING}{_QUOTE_CLOSING}]")
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_MONTH_LIST_JOINT = re.compile(r"と|や|・|及び|および")  # 昨年3月と4月
# After a month, what makes it the time something was said: a comma (社長は8月末、「…」)
# or an occasion of speaking (8月末の説明会で, 3月の記者会見では).
_SPOKEN_AT = re.compile(
    r"(?:、|の[一-龯ァ-ヶー]{0,12}?(?:会見|説明会|会合|集会|講演|演説|インタビュー|取材|番組|席上|"
    r"会議|大会|総会|議会|定例会|委員会|式典|あいさつ|挨拶)(?:で|の席で?)[、，]?)"
)
# What may stand between the occasion and the quote said at it: the speaker, what the quote
# is about (基礎年金の底上げ策について), but no verb before a noun (掲げた目標について,
# 審議される条例案について: a clause of another time).
_UP_TO_QUOTE = re.compile(r"[^「」。]{0,25}")
_VERB_BEFORE_NOUN = re.compile(r"(?:た|[すれせえけ]る)[一-龯ァ-ヶー]")
# Acts of speaking, whose day is when what follows was said.
_SPEAKING = re.compile(
    r"取材|会見|応じ|語っ|話し|述べ|答え|答弁|演説|講演|説明し|発言|訴え|表明|強調|呼びかけ"
)


def _said_at(text: str, told_end: int, quote_start: int) -> bool:
    """Whether the date ending at ``told_end`` is when the quote opening at
    ``quote_start`` was said: an occasion of speaking after it, named by nouns alone,
    right before the quote (昨年12月の議会で「…」, 社長は6月の株主総会で、「…」; not
    1995年の震災を伝える集会で, 9月の委員会で審議される条例案について、市長は「…」)."""
    occasion = _SPOKEN_AT.match(text, told_end)
    if occasion is None or not _UP_TO_QUOTE.fullmatch(text, occasion.end(), quote_start):
        return False
    return not _VERB_BEFORE_NOUN.search(text, occasion.end(), quote_start)


_FULL_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH_DAY = re.compile(r"--[0-9]{2}-[0-9]{2}")  # a month-day without its year
_COUNTED_FROM_TODAY = frozenset(
    ["day_word", "week_word", "weekday", "weekday_step", "month_word", "year_word"]
)


def _quotes(text: str) -> list[tuple[int, int]]:
    """The (opening, closing) positions of a sentence's outermost quotes, in order. A
    sentence that closes a quote it never opened began inside it (a quote of several
    sentences: 記者「本日で年度が終わります。来年度予算は…」): that quote opens before
    the sentence, at -1."""
    quotes: list[tuple[int, int]] = []
    opened, depth = 0, 0
    for match in _QUOTE_MARK.finditer(text):
        if match.group() in _QUOTE_OPENING:
            opened = match.start() if depth == 0 else opened
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                quotes.append((opened, match.start()))
        elif not quotes and match.group() in _QUOTE_CLOSING:
            quotes.append((-1, match.start()))
    if depth:
        quotes.append((opened, len(text)))
    return quotes


# What a quote is called right after it closes when it reports nothing that happened:
# a saying (「明日は明日の風が吹く」ということわざ, …とは言うものの), a poem (…と詠んだ)
# or a joke (…と冗談を飛ばした; not a remark that only made people laugh): no days.
_UNREPORTED_AFTER = re.compile(
    r"[」』”](?:(?:と|という|との|って)(?:いう)?(?:ことわざ|格言|故事|言い伝え|言葉が(?:ある|あり)"
    r"|冗談|ジョーク|軽口|詠ん|詠み)|とは(?:言う|いう|言え|いえ|このこと|よく言|よくいう|言い得))"
)
# A quote after the noun of a work, taken up by a case particle, is its title (映画「明日、
# きみに会えたら」が公開される, ヒット曲「昨日の空」で知られる); a notice's, a plan's or a
# remark's words (張り紙「12月31日をもって閉店」が, 市長の発言「来月中に…」が) tell dates.
_NAME_BEFORE = re.compile(
    r"(?:映画|曲|歌|小説|ドラマ|番組|作品|アルバム|シングル|舞台|戯曲|絵本|漫画|楽曲|主題歌"
    r"|ゲーム|詩|詩集|句集|歌集|写真集|書籍|著書|新刊|新作|連載|アニメ)$"
)
_NAME_AFTER = re.compile(r"[」』](?:が|を|は|で|に|の|も|など|や)")


def _in_quotes(at: int, quotes: Sequence[tuple[int, int]]) -> bool:
    return any(opened < at < closed for opened, closed in quotes)


def _unreported(text: str, mention: DateMention, quotes: Sequence[tuple[int, int]]) -> bool:
    """Whether a date stands in a quote that is a saying or a joke."""
    start = mention.span[0]
    return any(
        opened < start < closed and _UNREPORTED_AFTER.match(text, closed)
        for opened, closed in quotes
    )


def _in_a_name(text: str, mention: DateMention, quotes: Sequence[tuple[int, int]]) -> bool:
    """Whether a date stands in a quote that is a work's title (:data:`_NAME_BEFORE`)."""
    start = mention.span[0]
    return any(
        opened < start < closed
        and _NAME_BEFORE.search(text, 0, opened)
        and _NAME_AFTER.match(text, closed)
        for opened, closed in quotes
    )


# An interviewer's turn in a transcript, after a double dash (…」――今年を振り返ると。).
_INTERVIEWER = re.compile(r"[―—－]{2}[^「」]*$")


def _spoken(
    mention: DateMention,
    text: str,
    quotes: Sequence[tuple[int, int]],
    dated: Sequence[tuple[DateMention, DateMention, str, str]],
    report_day: dt.date | None = None,
    today: dt.date | None = None,
) -> dt.date | None:
    """The day the quote that holds a relative word was spoken: the last day its
    sentence dated before the quote opens (監督は19日、「きのうの…」と語った: the 19th),
    else the day the text reports on (its first day, on or before the article date:
    岡部は16日…サヨナラ勝ち。…試合後は「きのうの夜…」); for a month or year word, the
    month the sentence dated as the occasion (8月末の説明会で「来月には…」); ``None``
    outside quotes or when the text gives no such day (then the article date stands)."""
    if not quotes or not (mention.kind in _COUNTED_FROM_TODAY or _placed_by_calendar(mention)):
        return None
    start = mention.span[0]
    index = bisect.bisect_right(quotes, start, key=lambda quote: quote[0]) - 1
    if index < 0 or not quotes[index][0] < start < quotes[index][1]:
        return None
    # ``dated`` is in reading order: the last date that ends before the quote opens,
    # not one inside an earlier quote (「…7月12日に…」【町長選】「…明年1月まで…」: that
    # quote's own day, not when this one was said).
    before = bisect.bisect_right(dated, quotes[index][0], key=lambda date: date[1].span[1])
    told = [
        (told_date, iso)
        for told_date, _, iso, _ in dated[:before]
        if not _in_quotes(told_date.span[0], quotes)
        # (あすから始まる組織改正について「来年度は…」: a day to come is not when it was said)
        and not (today is not None and _FULL_DAY.fullmatch(iso) and iso > today.isoformat())
    ]
    if not told:
        return report_day
    told_date, iso = told[-1]
    between = text[told_date.span[1] : quotes[index][0]].split("、", 1)[0]
    if (
        between.startswith(("に", "で"))
        and _VERB_BEFORE_NOUN.search(between)
        and not _SPEAKING.search(between)
    ):
        # 1996年のうるう日に生まれた女性は「今日を…」, きのうで役人生活に区切りをつけた
        # 松下氏は「今月中は…」: the day of what a noun is said to have done, not when its
        # speaker spoke (27日に取材に応じた女性は「あすから…」 is)
        return report_day
    if _FULL_DAY.fullmatch(iso):
        return dt.date.fromisoformat(iso)
    if (
        mention.kind in ("month_word", "year_word")
        and _MONTH.fullmatch(iso)
        and _said_at(text, told_date.span[1], quotes[index][0])
    ):
        # 8月末の説明会で「来月には…」: a month word counts from the month it was said in
        # (not from a month of what is spoken of: 8月末に完成した工場について「来月…」)
        return dt.date.fromisoformat(iso + "-01")
    if (
        mention.kind == "year_word"
        and not mention.fiscal  # 来年度 depends on the month it was said in, not told
        and re.fullmatch(r"[0-9]{4}", iso)
        and _said_at(text, told_date.span[1], quotes[index][0])
    ):
        # 昨年の所信表明演説で「来年中に…」: a year word counts from the year it was said in
        return dt.date(int(iso), 7, 1)
    return None


def _anchored(
    mention: DateMention,
    events: Sequence[Dated],
    text: str,
    dated: Sequence[tuple[DateMention, DateMention, str, str]],
) -> str | None:
    """The day an anaphora counts from the event it names (告示日の翌日, 地震の翌日):
    the last full day dated in a clause that names that event, in this sentence
    before it or earlier; ``None`` when the text dated no such event."""
    assert mention.anchor is not None
    spans = [(m.span[0], e.span[1]) for m, e, _, _ in dated]
    before = text[: text.rfind(mention.anchor, 0, mention.span[0])]  # not its own name
    here = _clauses(before, spans) if spans else []
    # A date in brackets tells another's moment another way (6日（日本時間7日未明）の
    # 開会式): the event's day is the one before the brackets.
    days = [
        *((e.date, e.clause, _in_brackets(e.clause, e.clause.find(e.phrase))) for e in events),
        *(
            (iso, clause, _in_brackets(text, start.span[0]))
            for (start, _, iso, _), clause in zip(dated, here, strict=True)
        ),
    ]
    candidates = [
        (days[i - 1][0] if bracketed and i > 0 else iso, clause)
        for i, (iso, clause, bracketed) in enumerate(days)
    ]
    # The event itself, not a longer word made of it (開通する, not 開通日を発表した).
    # A day noun names its act's day: 発売日前日 counts from the day 5月23日に発売する
    # tells (the act as a verb, not 発売から as a point of time).
    # (公示翌日 is of 公示日の9月28日, 開通日を3月20日と too: the act's day noun beside
    # its date; not of 開通日を発表した)
    named = re.compile(
        re.escape(mention.anchor) + "(?:日[のを](?=[0-9０-９一二三四五六七八九十])|(?![一-龯々]))"
    )
    if mention.anchor.endswith("日") and len(mention.anchor) > 2:
        named = re.compile(f"{named.pattern}|{re.escape(mention.anchor[:-1])}(?=[すしさ])")
    for iso, clause in reversed(candidates):
        if named.search(clause) and _FULL_DAY.fullmatch(iso):
            when = dt.date.fromisoformat(iso) + dt.timedelta(days=mention.offset or 0)
            return when.isoformat()
        if named.search(clause) and _MONTH_DAY.fullmatch(iso):
            # 3月7日から公開…公開前日 in an undated text: a month-day without its year, as
            # unresolved as the day it counts from (in a leap year: 3月1日's eve may be
            # 29 February)
            when = dt.date.fromisoformat("2000" + iso[1:]) + dt.timedelta(days=mention.offset or 0)
            return iso_date(None, when.month, when.day)
    return None


# What opens brackets that tell the moment before them another way: 日本時間31日, 同31日.
_ANOTHER_WAY = re.compile(r"[（(](?:日本時間|現地時間|同)")


def _not_before(iso: str, earlier: str) -> str:
    """A bare day's ISO date moved a month on while it is before ``earlier``."""
    if not (_FULL_DAY.fullmatch(iso) and _FULL_DAY.fullmatch(earlier)) or iso >= earlier:
        return iso
    when = dt.date.fromisoformat(iso)
    year, month = (when.year + 1, 1) if when.month == 12 else (when.year, when.month + 1)
    return dt.date(year, month, when.day).isoformat() if valid_date(year, month, when.day) else iso


# What looks back on a year from the present (2015年の開業を振り返り).
_LOOKED_BACK_ON = re.compile(r"[^、。「」]{0,20}?を(?:振り返|思い起こ|思い出)")
# A statistic's day before the figure's noun (9月末時点の現預金), and a period a total is
# counted over (1月から11月までの累計).
_OF_A_FIGURE = re.compile(r"(?:時点|現在)の")
_TOTAL_OVER = re.compile(r"(?:まで)?の(?:累計|累積|通算)")
# A clause that opens on a topic of its own after a comma (、党は, 、一般市の市長選は).
_NEW_TOPIC = re.compile(r"[、，][^、，。「」]{1,16}?(?<![でにと])は(?![じや])")
# A month's figures (10月分の実績, 3月使用分の料金), and a verb that puts figures out.
_FIGURES_OF_MONTH = re.compile(r"(?:使用)?分")
_PUBLISHING = re.compile(r"公表|発表|公開|速報")


def _placed_by_calendar(mention: DateMention) -> bool:
    """A month or month-day with no year nor relative word (3月, 3月17日, 3月17、18両日)."""
    return mention.kind == "calendar" and mention.year is None and mention.month is not None


def _listed_forward(iso: str, earlier: str) -> str:
    """A month's or month-day's ISO date (or range) listed after ``earlier`` in one
    sentence with no verb between: a year on when it falls before ``earlier`` and a year
    on puts it less than six months after it (a list or a schedule going forward, 11月…、
    12月…); a list that goes back (3月、2月と) stays."""
    first, _, last = iso.partition("/")
    before = earlier.partition("/")[0]
    if not (_MONTH.fullmatch(first[:7]) and _MONTH.fullmatch(before[:7])) or first >= before:
        return iso
    moved = [f"{int(part[:4]) + 1:04d}{part[4:]}" for part in (first, last) if part]
    if moved[0][5:] == "02-29" or (len(moved) > 1 and moved[1][5:] == "02-29"):
        return iso  # no 29 February a year on
    months = (int(moved[0][:4]) - int(before[:4])) * 12 + int(moved[0][5:7]) - int(before[5:7])
    return "/".join(moved) if 0 <= months < _FORWARD_MONTHS else iso


_FORWARD_MONTHS = 6  # how far on a list may go: as far as a narrative's step to a new year


def _month_only(mention: DateMention) -> bool:
    return (
        mention.kind == "calendar"
        and mention.year is None
        and mention.month is not None
        and mention.day is None
    )


def _month_not_before(iso: str, earlier: str) -> str:
    """A month's ISO date (2031-12) moved a year on while it is before ``earlier``."""
    if not (_MONTH.fullmatch(iso) and _MONTH.fullmatch(earlier)) or iso >= earlier:
        return iso
    return f"{int(iso[:4]) + 1:04d}{iso[4:]}"


def _within_a_day(iso: str, first: tuple[int | None, int | None, int | None] | None) -> str:
    """A restated moment's day (its ISO date) moved into the month that puts it within
    a day of the day told first (来年1月1日午前0時（日本時間31日午後10時）: 31 December)."""
    if first is None or None in first or not _FULL_DAY.fullmatch(iso):
        return iso
    told = dt.date(*first)  # type: ignore[arg-type]
    day = int(iso[-2:])
    for shift in (-1, 0, 1):
        near = told + dt.timedelta(days=shift)
        if near.day == day:
            return near.isoformat()
    return iso


def _restates(text: str, at: int) -> bool:
    """Whether the bracketed date at ``at`` restates the moment before the brackets in
    another time zone (30日夕（日本時間31日昼）)."""
    opened = _bracket_opened(text, at)
    return opened >= 0 and _ANOTHER_WAY.match(text, opened) is not None


def _in_brackets(text: str, at: int) -> bool:
    """Whether what stands at ``at`` in ``text`` is in brackets; ``text`` may begin
    inside them (a clause: ``7日未明）の開会式``)."""
    if at < 0:
        return False
    if text.rfind("（", 0, at) > text.rfind("）", 0, at):
        return True
    closing, opening = text.find("）", at), text.find("（", at)
    return closing >= 0 and (opening < 0 or closing < opening)


# The noun of an act and a comma between two days of a schedule (15日公示、27日投開票).
_LISTED = re.compile(r"[、，]")
_EACH_DAY = re.compile(r"の(?:各日|両日|[0-9０-９一二三四五六七八九十]+日間)")
# What goes between two objects' days that share one verb (…を4月13日、後半戦を同27日に
# 投開票する): a comma, then the next object.
_GAPPED = re.compile(r"、[^、。「」『』（）]{1,30}を")
# The same for two topics' days and places (第1戦は24日に北海道、第2戦は25日に広島で
# 行われる): the first clause ends on its place, with no verb of its own, and the second
# tells its place too (not 運転手は3日に逮捕、同乗者は12日にも書類送検).
_GAPPED_TOPIC = re.compile(r"に[一-龯ァ-ヶー・]{1,12}、[^、。「」『』（）]{1,20}は")
_AT_A_PLACE = re.compile(r"に[一-龯ァ-ヶー・]{1,12}で")  # …は25日に広島で (行われる)
# Topics of a time gone by, whose day is not the next one's (前回は3日に東京、今回は…).
_TIME_GONE_TOPICS = ("前回は", "前年は", "昨年は", "昨季は", "先月は", "先週は", "前日は")
# Steps of a schedule of months (11月解散・12月投開票).
_SCHEDULE_STEP = re.compile(r"[一-龯ァ-ヶー]{1,6}・")  # (4月訪米、2月訪中と: newest first)
_SCHEDULE_LIST = re.compile(
    r"(?!(?:夜|朝|昼|午前|午後|夕方?|夕刻|未明|早朝|深夜|明け方|以降|以来|まで|から)、)"
    r"[一-龯ァ-ヶー]{1,6}、"
)  # not a time of that day: 12日夜、13日に予定していた…


def _same_day_again(mention: DateMention) -> bool:
    return mention.kind == "anaphora" and mention.unit == "day" and not mention.offset


def _needs_tense(mention: DateMention) -> bool:
    return mention.needs_frame or mention.kind == "anaphora"


def _range_start(mention: DateMention) -> bool:
    """A date that can start a range: one written out, a relative day, an anaphora
    with its day (同月21日から), a month word (先月下旬から), or a year word with its month
    or day (昨年12月〜, 来月10日から, きょうから, 今年度から)."""
    if mention.kind in ("calendar", "fixed", "day_word", "week_day"):
        return True  # …, きょうから来年3月末まで, 来週6日から9日まで
    if mention.kind == "anaphora" and (
        mention.day is not None or mention.unit == "day" or mention.month is not None
    ):
        return True  # 同月21日から9月15日まで, 同日から15日まで, 同年12月から翌年8月まで
    if mention.kind == "weekday" and mention.offset is not None:
        return True  # 来週の水曜日から元日まで: a weekday of a week told
    if mention.kind == "month_word":
        return True  # 先月下旬から今月上旬にかけて, 先月から今月にかけて
    return mention.kind == "year_word" and (
        mention.month is not None or mention.day is not None or mention.fiscal
    )


def _range_stop(mention: DateMention) -> bool:
    """A date that can end one: one written out, a year word with its month (…から来年
    1月12日) or a fiscal one (…から昨年度まで), a month or day word (…〜先月)."""
    if mention.kind in ("calendar", "fixed", "month_word", "day_word"):
        return True
    if mention.kind == "anaphora" and (mention.day is not None or mention.month is not None):
        return True  # 2月1日から同月28日まで, 2023年5月から翌年2月にかけて
    return mention.kind == "year_word" and (mention.month is not None or mention.fiscal)


def _joins(text: str, first: DateMention, second: DateMention) -> bool:
    """Two dates joined into a range: 8月31日〜9月3日, 7月3日から2021年7月5日, "from
    Monday to Friday"."""
    weekdays = first.kind in ("weekday", "weekday_step") and second.kind == "weekday"
    if not weekdays and not (_range_start(first) and _range_stop(second)):
        return False
    if first.day_end is not None or second.day_end is not None:
        return False
    first_day = first.day is not None or first.kind == "day_word"
    second_year_only = second.kind == "calendar" and second.month is None and second.day is None
    if first_day and second_year_only and not second.fiscal:
        return False  # 本日から令和7年が始まった: a day, then what begins on it
    between = text[first.span[1] : second.span[0]]
    if between in ("、", "，") and text.startswith(("の両日", "両日"), second.span[1]):
        return _day_after(first, second)  # 11月30日、12月1日の両日 (not 8日、15日の両日)
    share = _SHARE.match(between)
    if share and not text.startswith(share.group(1), second.span[1]):
        return False  # 10月使用分から11月検針時に反映: two months, no range
    if "から" in between and _MOVED_TO.match(text, second.span[1]):
        return False  # 4日からきょう5日に順延: a move from one day to another (〜 is a span)
    return _RANGE.fullmatch(text[first.span[1] : second.span[0]]) is not None


# ---------------------------------------------------------------------------------------
# Clauses and events


_CLAUSE_BREAK = re.compile(r"[、，,;；]")


def _clauses(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """The clause of each date in a sentence: the whole sentence for one date; with
    several, the sentence cut at the last comma between one date and the next."""
    if len(spans) <= 1:
        return [text] * len(spans)
    cuts = [0]
    for (_, end), (start, _) in itertools.pairwise(spans):
        commas = [m.end() for m in _CLAUSE_BREAK.finditer(text, end, start)]
        cuts.append(commas[-1] if commas else start)
    cuts.append(len(text))
    return [text[cuts[i] : cuts[i + 1]].strip(" 、，,;；") or text for i in range(len(spans))]


TITLE_ID = "title"  # the sentence id of a date found in the source's title


def dated_mentions(
    title: str,
    sentences: Sequence[Sentence],
    source_date: dt.date | None,
    language: str = "ja",
    tokens: Mapping[str, Sequence[Token]] | None = None,
    headings: Sequence[str | None] = (),
) -> list[Dated]:
    """Every dated mention of the title, the section headings (``headings``: each
    section's, by index) and the text (:func:`timeline`): a headline's 11月17日投開票
    and a digest's 【31日の主な動き】 too; a heading's sentence id is :func:`heading_id`.
    The briefing's timeline keeps one per event (:func:`distinct_events`)."""
    read = [Sentence(TITLE_ID, title, 0, 0, (0, len(title)))] if title else []
    unread = {i for i, heading in enumerate(headings) if heading}
    for sentence in sentences:
        if sentence.section in unread:  # a heading is read before its section's text
            unread.discard(sentence.section)
            heading = headings[sentence.section] or ""
            read.append(
                Sentence(
                    heading_id(sentence.section), heading, sentence.section, -1, (0, len(heading))
                )
            )
        read.append(sentence)
    return timeline(read, source_date, language, tokens)


def heading_id(section: int) -> str:
    """The sentence id of a date found in the heading of section ``section``."""
    return f"heading{section}"


def distinct_events(events: Sequence[Dated], words: Mapping[str, Sequence[str]]) -> list[Dated]:
    """One event per row: a later mention of the same date that shares a content word
    with an earlier one (``18日`` and ``8月18日`` of one summit) is the same event and
    is dropped; one right beside it (``前日の14日``, ``来週の月曜日に当たる4月7日``) joins
    its row. ``words``: content words per sentence id."""
    kept: list[Dated] = []
    seen: dict[str, list[tuple[str, set[str]]]] = {}  # date → (sentence id, its words)
    for event in events:
        mine = set(words.get(event.sentence_id, ()))
        earlier = seen.setdefault(event.date, [])
        last = kept[-1] if kept else None
        if (
            last is not None
            and (last.date, last.sentence_id) == (event.date, event.sentence_id)
            and 0 <= event.span[0] - last.span[1] <= _APPOSED_GAP
            and not last.clause.endswith(("、", "，", ","))  # 4日に始まり、同日から: two acts
        ):
            # 来週の月曜日に当たる4月7日, 前日の14日: one day told twice, side by side
            kept[-1] = replace(
                last, span=(last.span[0], event.span[1]), clause=last.clause + event.clause
            )
            continue
        if not any(sid != event.sentence_id and mine & theirs for sid, theirs in earlier):
            kept.append(event)
            earlier.append((event.sentence_id, mine))
    return kept


# The most characters between two mentions of one day told side by side (の, に当たる).
_APPOSED_GAP = 4
