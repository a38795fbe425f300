"""khabar's Russian vocabulary, as data: the tables of ``khabar.vocab.en`` by the same names and in the same shape.

Words are lemmas as natasha's lemmatiser gives them (``Token.lemma_`` of
``khabar.nlp.russian``, checked in context): lower case, "ё" written "е"
("отчет", "подчеркивать"), verbs in the infinitive of the aspect written (both
aspects are listed: "заявить заявлять"), plural-only nouns as they are
("переговоры"), adjectives and substantivised adjectives in the masculine
("военные" → "военный"), participles as their verb ("протестующие" →
"протестовать", "намеченный" → "наметить"), and a few of its own spellings
("деньги" → "деньга", "аятолла" → "аятолл", "намерен" → "намеренный"). Surface-form tables (``NUMBER_WORDS``, ``UNITS``, ``APPROX``,
``PER``, ``PHRASE_CUES``, dates) list the forms as written, lower case.
Codes — PLOVER types, CAMEO codes, statement cues, units, approx, modes,
sectors — are the English codes of SPEC.md; the language-neutral tables are
``khabar.vocab.neutral``'s, re-exported here. The event lexicon is data:
``khabar/data/event_lexicon_ru.tsv``, in the English lexicon's columns.
"""
from __future__ import annotations

import re

from khabar.vocab.neutral import (  # noqa: F401  (re-exported: one language's module holds every table)
    ACCUSING_CUES,
    COOPERATIVE,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    HOSTILE,
    MODE_ORDER,
    MODES,
    PLOVER,
    QUOTE_MARKS,
    REPORTING_CUES,
    SECTOR_PRIORITY,
)


def _forms(table: dict[str, object]) -> dict[str, object]:
    """{"пять пяти пятью": 5} -> one entry per form."""
    return {form: value for forms, value in table.items() for form in forms.split()}


# --- figures the analyser reads the English way (wired in with the Russian pipeline) -----------------------------------
# Verbs that say how much, not what is counted ("составил", "достиг"): measures are compared without them.
QUANTITY_VERBS: frozenset[str] = frozenset(
    "быть являться составлять составить достигать достигнуть достичь насчитывать превышать превысить "
    "вырасти расти увеличиться уменьшиться сократиться снизиться оценивать оценить".split())
# Subunits: a hundredth of a currency ("50 копеек").
SUBUNITS: dict[str, str | None] = {"копейка": "RUB", "копейки": "RUB", "копеек": "RUB", "цент": None, "цента": None,
                                   "центов": None, "дирам": "TJS", "дирамов": "TJS", "тийин": None, "тийинов": None}
STREET_WORDS: tuple[str, ...] = tuple("улица ул. проспект пр. пр-т переулок пер. шоссе ш. площадь пл. бульвар б-р "
                                      "проезд дом д.".split())
# Numbers that are not figures, as spaCy Matcher patterns (the English table's shape): ages, numbers in names.
NOT_FIGURES: dict[str, list[list[dict]]] = {
    "age": [[{"LOWER": {"IN": ["возрасте", "возраст"]}}, {"LIKE_NUM": True}],
            [{"LIKE_NUM": True}, {"LOWER": {"IN": ["летний", "летняя", "летнего", "летней", "летнему", "летнем"]}}]],
    "one of": [[{"LOWER": {"IN": ["один", "одна", "одно", "одного", "одной", "одним", "одном"]}}, {"LOWER": "из"}]],
    "inside a name": [[{"LOWER": {"IN": "статья статьи статье статью ст. пункт пункта пункту п. часть части ч. № номер номера номеру "
                                        "дом дома д. корпус квартира кв. рейс рейса маршрут указ приказ".split()}},
                       {"TEXT": {"IN": ["№"]}, "OP": "?"}, {"LIKE_NUM": True}]],
    "clock time": [[{"LIKE_NUM": True}, {"LOWER": {"IN": ["час", "часа", "часов", "ч."]}},
                    {"LOWER": {"IN": ["утра", "дня", "вечера", "ночи"]}}],
                   [{"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"TEXT": ":"}, {"TEXT": {"REGEX": r"^\d{1,2}$"}}]],  # "15:30", a score "2:1"
    "point in time": [[{"LOWER": {"IN": "первые первых последние последних ближайшие ближайших прошедшие прошедших минувшие "
                                        "минувших следующие следующих".split()}},
                       {"LIKE_NUM": True}, {"LOWER": {"IN": "дня дней недели недель месяца месяцев года лет часа часов суток".split()}}]],
    "age of a person": [[{"TEXT": {"REGEX": r"^\d+-летн"}},
                         {"POS": "ADJ", "OP": "*"},
                         {"LEMMA": {"IN": "мужчина женщина житель жительница политик лидер президент премьер министр глава "
                                          "гражданин гражданка юноша девушка подросток ребенок оппозиционер активист журналист "
                                          "бизнесмен пенсионер актер актриса певец певица писатель".split()}}],
                        [{"TEXT": {"REGEX": r"^\d+-летн"}}, {"POS": "PROPN"}]],
    "list item": [[{"IS_SENT_START": True, "TEXT": {"REGEX": r"^\d{1,2}$"}}, {"TEXT": {"IN": [".", ")"]}}, {"IS_TITLE": True}],
                  [{"TEXT": {"IN": [")", ".", ";", ":", "»"]}}, {"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"TEXT": {"IN": [".", ")"]}}, {"IS_TITLE": True}],
                  [{"IS_SPACE": True}, {"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"TEXT": {"IN": [".", ")"]}}, {"IS_TITLE": True}]],
    "several": [[{"LOWER": {"IN": ["несколько", "нескольких", "нескольким", "несколькими"]}},  # "несколько раз": no figure
                 {"LOWER": {"NOT_IN": ["сотен", "тысяч", "десятков", "миллионов", "миллиардов"]}}]],
}


# --- actors -----------------------------------------------------------------
# Role or collective noun (lemma) -> PLOVER sector code.
SECTORS: dict[str, str] = {
    **dict.fromkeys("правительство кабмин кабинет министерство министр президент премьер премьер-министр вице-премьер "
                    "администрация режим власть чиновник официальный представитель пресс-секретарь "
                    "пресс-служба дипломат посол посольство консульство мид мэр мэрия губернатор король королева эмир "
                    "султан руководство лидер глава государство госсекретарь канцелярия кремль ведомство госдеп "
                    "хунта монарх вице-президент замминистра замглавы генсек".split(), "GOV"),
    **dict.fromkeys("армия военный войско вс минобороны солдат военнослужащий генерал командующий "
                    "командир генштаб десантник флот вмс ввс гвардия бригада батальон полк танк артиллерия ракета "
                    "офицер пограничник погранвойско погранслужба".split(), "MIL"),
    **dict.fromkeys("полиция полицейский милиция милиционер омон мвд силовик жандармерия".split(), "COP"),
    **dict.fromkeys("повстанец боевик мятежник сепаратист ополченец экстремист террорист джихадист "
                    "моджахед талиб сопротивление".split(), "REB"),
    **dict.fromkeys("ополчение военизированный".split(), "PRM"),
    **dict.fromkeys("нападать налетчик стрелок".split(), "UAF"),
    **dict.fromkeys("оппозиция оппозиционер диссидент".split(), "OPP"),
    **dict.fromkeys("беженец беженка мигрант переселенец вынужденный".split(), "REF"),
    **dict.fromkeys("парламент парламентарий депутат законодатель дума госдума сенат сенатор конгресс конгрессмен "
                    "меджлис маджлиси рада сейм кнессет".split(), "LEG"),
    **dict.fromkeys("суд судья прокурор прокуратура генпрокуратура трибунал адвокат следователь скр".split(), "JUD"),
    **dict.fromkeys("партия".split(), "PTY"),
    **dict.fromkeys("компания фирма бизнес банк корпорация концерн предприятие бизнесмен предприниматель "
                    "авиакомпания холдинг".split(), "BUS"),
    **dict.fromkeys("сми журналист корреспондент газета издание телеканал репортер блогер".split(), "JRN"),
    **dict.fromkeys("врач медик больница госпиталь медсестра".split(), "MED"),
    **dict.fromkeys("преступник бандит вор контрабандист наркоторговец банда мафия".split(), "CRM"),
    **dict.fromkeys("студент учитель школа университет профессор".split(), "EDU"),
    **dict.fromkeys("фермер крестьянин аграрий".split(), "AGR"),
    **dict.fromkeys("рабочий работник профсоюз шахтер".split(), "LAB"),
    **dict.fromkeys("церковь священник имам муфтий мечеть патриарх духовенство".split(), "REL"),
    **dict.fromkeys("мирный житель население гражданин демонстрант протестовать манифестант активист правозащитник "
                    "участник ультраправый ультралевый националист радикал".split(), "CVL"),
    **dict.fromkeys("разведка разведчик шпион гкнб фсб кгб спецслужба".split(), "SPY"),
}
FORMER: frozenset[str] = frozenset("бывший экс экс-президент отставной покойный свергнуть".split())

# Words before a person's name that name a role, not the person (lemmas).
TITLES: frozenset[str] = frozenset(
    "президент вице-президент премьер премьер-министр вице-премьер министр замминистра глава замглавы заместитель "
    "председатель спикер пресс-секретарь представитель посол генерал генерал-майор генерал-лейтенант полковник "
    "подполковник майор капитан лейтенант мэр губернатор господин госпожа г-н г-жа король королева принц шейх аятолл "
    "канцлер лидер руководитель командующий командир начальник директор генсек госсекретарь секретарь депутат сенатор "
    "судья прокурор эмир султан патриарх муфтий имам экс-президент бывший покойный исполнять временно "
    "самопровозглашенный".split()
)
NAME_SUFFIXES: frozenset[str] = frozenset({"младший", "старший", "мл.", "ст."})

# --- numbers ----------------------------------------------------------------
# Cardinal and collective number words in every case, as written.
NUMBER_WORDS: dict[str, float] = _forms({
    "ноль нуля нулю нолю нулем нолем нуле ноле": 0,
    "один одна одно одни одного одной одному одним одними одном одних одну одною": 1,
    "два две двух двум двумя": 2, "три трех трём трем тремя трёх": 3, "четыре четырех четырёх четырем четырём четырьмя": 4,
    "пять пяти пятью": 5, "шесть шести шестью": 6, "семь семи семью": 7, "восемь восьми восемью восьмью": 8,
    "девять девяти девятью": 9, "десять десяти десятью": 10, "одиннадцать одиннадцати одиннадцатью": 11,
    "двенадцать двенадцати двенадцатью": 12, "тринадцать тринадцати тринадцатью": 13,
    "четырнадцать четырнадцати четырнадцатью": 14, "пятнадцать пятнадцати пятнадцатью": 15,
    "шестнадцать шестнадцати шестнадцатью": 16, "семнадцать семнадцати семнадцатью": 17,
    "восемнадцать восемнадцати восемнадцатью": 18, "девятнадцать девятнадцати девятнадцатью": 19,
    "двадцать двадцати двадцатью": 20, "тридцать тридцати тридцатью": 30, "сорок сорока": 40,
    "пятьдесят пятидесяти пятьюдесятью": 50, "шестьдесят шестидесяти шестьюдесятью": 60,
    "семьдесят семидесяти семьюдесятью": 70, "восемьдесят восьмидесяти восемьюдесятью восьмьюдесятью": 80,
    "девяносто девяноста": 90, "сто ста": 100, "двести двухсот двумстам двумястами двухстах": 200,
    "триста трехсот трёхсот тремстам тремястами трехстах трёхстах": 300,
    "четыреста четырехсот четырёхсот четыремстам четырьмястами четырехстах четырёхстах": 400,
    "пятьсот пятисот пятистам пятьюстами пятистах": 500, "шестьсот шестисот шестистам шестьюстами шестистах": 600,
    "семьсот семисот семистам семьюстами семистах": 700,
    "восемьсот восьмисот восьмистам восемьюстами восьмьюстами восьмистах": 800,
    "девятьсот девятисот девятистам девятьюстами девятистах": 900,
    "полтора полторы полутора": 1.5,
    "двое двоих двоим двоими": 2, "трое троих троим троими": 3, "четверо четверых четверым четверыми": 4,
    "пятеро пятерых пятерым пятерыми": 5, "шестеро шестерых шестерым шестерыми": 6, "семеро семерых семерым семерыми": 7,
    "восьмеро восьмерых": 8, "девятеро девятерых": 9, "десятеро десятерых": 10,
})
# Scale words in every case, and the abbreviations news writes ("11 млн долларов", "10 тыс. человек").
SCALE_WORDS: dict[str, float] = _forms({
    "сотня сотни сотен сотне сотню сотней сотнями сотнях": 1e2,
    "тысяча тысячи тысяч тысяче тысячу тысячей тысячью тысячам тысячами тысячах тыс тыс.": 1e3,
    "миллион миллиона миллионов миллиону миллионом миллионе миллионы миллионам миллионами миллионах млн млн.": 1e6,
    "миллиард миллиарда миллиардов миллиарду миллиардом миллиарде миллиарды миллиардам миллиардами миллиардах "
    "млрд млрд.": 1e9,
    "триллион триллиона триллионов триллиону триллионом триллионе триллионы триллионам триллионами триллионах "
    "трлн трлн.": 1e12,
    "десяток десятка десятков десятку десятком десятке десятки десяткам десятками десятках": 10,
    "дюжина дюжины дюжин дюжину дюжиной": 12,
})

# How numbers are written in digits: "52,1" (a decimal comma; a point is read too), "10 000" (groups are tokens).
NUMBER_FORMAT: dict[str, str] = {"pattern": r"\d+(?:[.,]\d+)?", "decimal": ",", "group": ""}
# Scale words that start a vague quantity ("тысячи беженцев", "несколько сотен"): no value, approx "about".
VAGUE_NUMBERS: dict[str, float] = _forms({
    "сотни сотен сотнями сотнях": 100, "тысячи тысяч тысячами тысячах": 1e3, "десятки десятков десятками десятках": 10,
    "миллионы миллионов миллионами миллионах": 1e6, "миллиарды миллиардов": 1e9, "несколько нескольких": 1,
})
# Words around two numbers: "между 10 и 20", "от 10 до 20", "четыре или пять", "10-15 км" are one figure (a range);
# "с 10 до 8" is a change, two figures (a number of it with no unit has the other's: "с двух часов до одного").
RANGE_WORDS: dict[str, frozenset[str]] = {
    "between": frozenset({"между", "от"}), "between_joiners": frozenset({"и", "до"}), "joiners": frozenset({"-", "–", "—", "или"}),
    "change_from": frozenset({"с", "со"}), "change_to": frozenset({"до", "по"}),
}
# Scale words that are a number on their own: "более миллиона долларов", "тысяча человек" (one thousand).
SCALE_ALONE: frozenset[str] = frozenset(
    "тысяча тысячу тысячей миллион миллиона миллиону миллионом миллиард миллиарда миллиарду миллиардом "
    "триллион триллиона триллиону триллионом".split())
FRACTIONS: dict[str, int] = _forms({"половина половины половину половиной": 2, "треть трети третью": 3,
                                    "четверть четверти четвертью": 4})
# Numbers inside adjectives: "20-летний срок" (20 years), "шестичасовая разница" (6 hours), "двухнедельный".
NUMBER_STEMS: dict[str, float] = {
    "одно": 1, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6, "семи": 7, "восьми": 8,
    "девяти": 9, "десяти": 10, "одиннадцати": 11, "двенадцати": 12, "пятнадцати": 15, "двадцати": 20, "тридцати": 30,
    "сорока": 40, "пятидесяти": 50, "шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80, "девяноста": 90, "сто": 100,
    "двухсот": 200, "трехсот": 300, "полу": 0.5, "полутора": 1.5}
COMPOUND_UNITS: dict[str, str] = {
    "летн": "year", "годов": "year", "месячн": "month", "недельн": "week", "дневн": "day", "суточн": "day", "часов": "hour",
    "минутн": "minute", "секундн": "second", "процентн": "percent", "километров": "km", "метров": "m", "тонн": "t",
    "градусн": "°C"}

# --- statements -------------------------------------------------------------
# Reporting verb (lemma) -> statement cue.
CUES: dict[str, str] = {
    **dict.fromkeys("сказать говорить заявить заявлять отметить отмечать добавить добавлять подчеркнуть подчеркивать "
                    "пояснить пояснять объявить объявлять подтвердить подтверждать напомнить "
                    "напоминать ответить отвечать рассказать рассказывать прокомментировать комментировать "
                    "констатировать уточнить уточнять написать писать указать указывать процитировать цитировать "
                    "высказаться высказываться выразить выражать заметить замечать "
                    "признаться".split(), "say"),
    **dict.fromkeys("утверждать настаивать полагать считать уверять убеждать".split(), "claim"),
    **dict.fromkeys("сообщить сообщать докладывать доложить информировать проинформировать раскрыть раскрывать "
                    "сообщаться передавать передать".split(), "report"),
    **dict.fromkeys("опровергнуть опровергать отрицать оспорить оспаривать".split(), "deny"),
    **dict.fromkeys("пообещать обещать обязаться поклясться гарантировать заверить заверять".split(), "promise"),
    **dict.fromkeys("пригрозить угрожать грозить".split(), "threaten"),
    **dict.fromkeys("предупредить предупреждать предостеречь предостерегать".split(), "warn"),
    **dict.fromkeys("обвинить обвинять".split(), "accuse"),
    **dict.fromkeys("раскритиковать критиковать осудить осуждать".split(), "criticize"),
    **dict.fromkeys("призвать призывать потребовать требовать попросить просить".split(), "call"),
    **dict.fromkeys("оценить оценивать подсчитать подсчитывать прогнозировать спрогнозировать предположить "
                    "предполагать".split(), "estimate"),
    **dict.fromkeys("обсудить обсуждать".split(), "discuss"),
}
# Verbs that are cues only with a complement of a given kind: (lemma, preposition) -> cue.
CUES_WITH_PREP: dict[tuple[str, str], str] = {
    ("заявить", "о"): "say", ("говорить", "о"): "say", ("рассказать", "о"): "say", ("сообщить", "о"): "report",
    ("высказаться", "за"): "say", ("высказаться", "против"): "criticize", ("выступить", "с"): "say",
    ("выступить", "за"): "call", ("выступить", "против"): "criticize", ("обратиться", "к"): "call",
    ("обратиться", "с"): "call", ("говорить", "об"): "say", ("заявить", "об"): "say",
}
CUES_WITH_XCOMP: dict[str, str] = {
    "попросить": "call", "просить": "call", "призвать": "call", "призывать": "call", "потребовать": "call",
    "требовать": "call", "отказаться": "deny", "отказываться": "deny", "согласиться": "promise",
    "пообещать": "promise", "обещать": "promise", "обязаться": "promise", "поклясться": "promise",
    "пригрозить": "threaten", "угрожать": "threaten", "грозить": "threaten",
}
SPEECH_VERBS: frozenset[str] = frozenset(
    "сказать заявить сообщить добавить отметить подчеркнуть пояснить написать ответить подтвердить утверждать "
    "отрицать опровергнуть предупредить обвинить рассказать уточнить процитировать говорить заявлять сообщать".split())
# Nouns whose object is what was said: "опроверг сообщения о...", "отверг обвинения".
CONTENT_NOUNS: frozenset[str] = frozenset(
    "сообщение заявление слух обвинение утверждение информация версия домысел спекуляция претензия "
    "публикация".split())
# Nouns for documents and findings that speak for whoever issued them ("доклад ООН", "заявление МИД").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    "доклад отчет заявление письмо документ исследование опрос меморандум коммюнике декларация резолюция оценка обзор "
    "аудит анализ расследование иск жалоба обвинение решение постановление приказ указ сообщение пресс-релиз "
    "обращение послание твит пост листовка".split())
# Cue verbs that have a sense of doing, not saying, with a direct object ("добавил соль", "нашёл тело",
# "показал результат"): with such an object (not a content noun) they report nothing.
OBJECT_NOT_SPEECH: frozenset[str] = frozenset("добавить добавлять показать показывать найти находить "
                                              "записать написать писать".split())
# Verbs of showing: statements only when a speaker or a document shows ("опрос показал", not "видео показывает").
SHOWING_VERBS: frozenset[str] = frozenset("показать показывать свидетельствовать демонстрировать доказать доказывать "
                                          "указать указывать".split())
# Subordinators that make a reporting clause a comment on the sentence around it ("как сообщает РБК, ...").
AS_MARKS: frozenset[str] = frozenset({"как"})
# Multi-word cues matched as phrases, lower case as written; the speaker is the genitive after them ("по словам
# министра", "по данным ООН") or the possessive inside them ("по его словам").
PHRASE_CUES: dict[str, str] = {
    **{f"{lead} {noun}": cue for noun, cue in {
        "словам": "say", "мнению": "claim", "утверждению": "claim", "данным": "report", "информации": "report",
        "сведениям": "report", "сообщениям": "report", "сообщению": "report", "оценкам": "estimate", "оценке": "estimate",
        "подсчетам": "estimate", "подсчётам": "estimate", "прогнозу": "estimate", "прогнозам": "estimate"}.items()
       for lead in ("по", "по его", "по ее", "по её", "по их")},
    **{f"согласно {noun}": cue for noun, cue in {"сообщению": "report", "данным": "report", "информации": "report",
                                                  "заявлению": "say", "оценкам": "estimate", "оценке": "estimate"}.items()},
    "со ссылкой на": "report", "ссылаясь на": "report",
}
# Prepositions of the place where a figure holds ("live in Tajikistan").
PLACE_PREPS: frozenset[str] = frozenset({"в", "во", "на", "по", "внутри"})  # and the genitive: "население Киргизии"
# Counted nouns and their English words (dictionary forms): figures are grouped and compared across languages by
# English keys ("15 тысяч беженцев" and "10,000 refugees" are one measure).
MEASURE_WORDS: dict[str, str] = {
    "беженец": "refugee", "беженка": "refugee", "мигрант": "migrant", "переселенец": "migrant", "эмигрант": "emigrant",
    "солдат": "soldier", "военнослужащий": "soldier", "военный": "soldier", "боевик": "fighter", "повстанец": "rebel",
    "полицейский": "policeman", "пограничник": "guard", "жертва": "victim", "погибший": "dead", "раненый": "wounded",
    "заключенный": "prisoner", "задержанный": "detainee", "пленный": "prisoner", "заложник": "hostage",
    "житель": "resident", "гражданин": "citizen", "ребенок": "child", "студент": "student", "турист": "tourist",
    "рабочий": "worker", "работник": "worker", "избиратель": "voter", "голос": "vote", "депутат": "deputy",
    "кандидат": "candidate", "участок": "station", "демонстрант": "protester", "протестующий": "protester",
    "таджик": "tajik", "узбек": "uzbek", "афганец": "afghan", "пуштун": "pashtun", "хазареец": "hazara",
    "афганский": "afghan", "таджикский": "tajik", "узбекский": "uzbek", "казах": "kazakh", "киргиз": "kyrgyz",
    "долг": "debt", "кредит": "loan", "заем": "loan", "помощь": "aid", "инвестиция": "investment", "бюджет": "budget",
    "дефицит": "deficit", "экспорт": "export", "импорт": "import", "товарооборот": "trade", "торговля": "trade",
    "доход": "revenue", "выручка": "revenue", "прибыль": "profit", "убыток": "loss", "зарплата": "wage",
    "пенсия": "pension", "цена": "price", "тариф": "tariff", "налог": "tax", "штраф": "fine",
    "электроэнергия": "electricity", "электричество": "electricity", "газ": "gas", "нефть": "oil", "уголь": "coal",
    "зерно": "grain", "пшеница": "wheat", "хлопок": "cotton", "вода": "water", "вакцина": "vaccine", "доза": "dose",
    "инфляция": "inflation", "безработица": "unemployment", "безработный": "unemployed", "рост": "growth",
    "случай": "case", "заражение": "infection", "смерть": "death", "дом": "house", "школа": "school",
    "больница": "hospital", "граница": "border", "километр": "kilometre", "танк": "tank", "самолет": "aircraft",
    "ракета": "missile", "оружие": "weapon",
}
SOURCE_NOUNS: frozenset[str] = frozenset(
    "оценка данные статистика подсчет опрос перепись прогноз расчет цифра".split())

# --- figures ----------------------------------------------------------------
# Words before a number that qualify it -> approx, lower case as written.
APPROX: dict[str, str] = {
    "около": "about", "примерно": "about", "приблизительно": "about", "порядка": "about", "почти": "about",
    "почти что": "about", "приблизительно в": "about", "ориентировочно": "about", "где-то": "about", "чуть ли не": "about",
    "более": "over", "больше": "over", "свыше": "over", "более чем": "over", "больше чем": "over", "сверх": "over",
    "чуть более": "over", "чуть больше": "over", "свыше чем": "over", "превышает": "over", "превысил": "over",
    "до": "up_to", "вплоть до": "up_to", "не более": "up_to", "не больше": "up_to", "не более чем": "up_to",
    "максимум": "up_to",
    "не менее": "at_least", "не меньше": "at_least", "по меньшей мере": "at_least", "как минимум": "at_least",
    "минимум": "at_least", "не менее чем": "at_least",
    "менее": "under", "меньше": "under", "менее чем": "under", "меньше чем": "under", "чуть менее": "under",
    "чуть меньше": "under", "не достигает": "under",
    "всего": "exact", "лишь": "exact", "только": "exact", "ровно": "exact", "уже": "exact", "целых": "exact",
}
GENERIC_MEASURES: frozenset[str] = frozenset(
    "население доля процент число количество цифра итог оценка часть сумма объем уровень показатель большинство "
    "меньшинство человек размер".split())
SOURCE_PEOPLE: frozenset[str] = frozenset(
    "исследователь эксперт аналитик чиновник экономист ученый наблюдатель исследование опрос доклад отчет "
    "правительство министерство ведомство агентство источник".split())
# Words after a figure that make it a rate -> per.
PER: dict[str, str] = {
    "в день": "day", "в сутки": "day", "за сутки": "day", "ежедневно": "day", "каждый день": "day", "в день.": "day",
    "в неделю": "week", "еженедельно": "week", "каждую неделю": "week",
    "в месяц": "month", "ежемесячно": "month", "каждый месяц": "month",
    "в год": "year", "ежегодно": "year", "каждый год": "year", "в год.": "year",
}
# Unit as written after a number, lower case -> canonical unit.
UNITS: dict[str, str] = {
    **_forms({"% процент процента процентов процентам процентами процентах проц. п.п. процентного процентных "
              "пункт пункта пунктов": "percent"}),
    **_forms({"доллар доллара долларов долларам долларами долларах долл. долл $": "USD"}),
    **_forms({"евро €": "EUR"}),
    **_forms({"рубль рубля рублей рублям рублями рублях руб. руб ₽": "RUB"}),
    **_forms({"фунт фунта фунтов": "GBP"}), **_forms({"юань юаня юаней": "CNY"}), **_forms({"иена иены иен йен": "JPY"}),
    **_forms({"сомони": "TJS"}), **_forms({"сум сума сумов": "UZS"}), **_forms({"тенге": "KZT"}),
    **_forms({"сом сома сомов": "KGS"}), **_forms({"гривна гривны гривен": "UAH"}), **_forms({"лари": "GEL"}),
    **_forms({"человек человека чел. людей": "count"}),
    **_forms({"километр километра километров километрах км": "km"}), **_forms({"метр метра метров метрах м": "m"}),
    **_forms({"сантиметр сантиметра сантиметров см": "cm"}), **_forms({"миллиметр миллиметра миллиметров мм": "mm"}),
    **_forms({"кв. км км² км2": "km2"}), **_forms({"кв. м м² м2": "m2"}),
    **_forms({"тонна тонны тонн т": "t"}), **_forms({"килограмм килограмма килограммов кг": "kg"}),
    **_forms({"грамм грамма граммов": "g"}),
    **_forms({"литр литра литров л": "l"}), **_forms({"баррель барреля баррелей": "bbl"}),
    **_forms({"гектар гектара гектаров га": "ha"}),
    **_forms({"мегаватт мегаватта мвт": "MW"}), **_forms({"гигаватт гигаватта гвт": "GW"}),
    **_forms({"киловатт-час киловатт-часа киловатт-часов квт·ч квт-ч": "kWh"}),
    **_forms({"градус градуса градусов °c": "°C"}),
    **_forms({"год года лет году годам годами годах годы": "year"}),
    **_forms({"месяц месяца месяцев месяцам месяцами месяцах": "month"}),
    **_forms({"неделя недели недель неделю неделям неделями неделях": "week"}),
    **_forms({"день дня дней дням днями днях сутки суток": "day"}),
    **_forms({"час часа часов часам часами часах ч": "hour"}), **_forms({"минута минуты минут минутам мин": "minute"}),
    **_forms({"секунда секунды секунд сек": "second"}),
}
UNITS["кв. км"] = "km2"
UNITS["кв. м"] = "m2"
UNITS["процентных пунктов"] = "percent"
# Units that are also common words or letters: accepted only right after a number.
AMBIGUOUS_UNITS: frozenset[str] = frozenset({"м", "т", "л", "с", "ч", "га", "мин", "сом", "сум", "лет", "сек"})

# --- events -----------------------------------------------------------------
# Common nouns that name an actor (coreference, event roles): the sector nouns and the words news uses for people
# who act; "население", "государство", "школа"... name nobody in particular.
ACTOR_NOUNS: frozenset[str] = frozenset(SECTORS) - frozenset(
    "население государство бизнес школа университет больница госпиталь банк компания фирма предприятие танк "
    "артиллерия ракета участник".split()) | frozenset(
    "грабитель подрывник смертник похититель убийца подозреваемый обвиняемый эмигрант критик оппонент противник коллега "
    "сторонник житель агент следователь угонщик демонстрант протестующий митингующий бастующий забастовщик рабочий "
    "собравшийся манифестант департамент агентство "
    "совет комитет комиссия делегация коалиция альянс организация движение группа группировка фракция "
    "советник инспектор заложник заключенный задержанный пленный иностранец источник".split())
# Words that refer back to an actor (coreference). Russian has no articles: no determiner is needed for a definite
# description ("министерство" after "Министерство обороны"); "его" is "his" (a thing's "its" is rarer in news).
REFERENCE_WORDS: dict[str, frozenset[str]] = {
    "male": frozenset("он его ему им нем нём него нему ним".split()), "female": frozenset("она ее её ей нее неё ней ею нею".split()),
    "it": frozenset({"оно"}), "they": frozenset("они их им ими них ним ними".split()),
    "first_person": frozenset("я меня мне мной мы нас нам нами наш наша наше наши нашего нашей нашим".split()),
    "relative": frozenset("который которая которое которые которого которой которому котором которых которым которыми кто".split()),
    "definite": frozenset(),
    "nobody": frozenset("ни никакой никакая никакое никакие каждый каждая любой любая другой другая".split()),
    "leaders": frozenset("лидер лидеры руководитель руководители глава".split()),
    "owner_preps": frozenset({"в", "во", "из"}),  # and the genitive: "правительство Грузии"
}
# Nouns for the people around a person, who are not that person ("соратники Навального", "адвокаты Трампа").
ENTOURAGE_NOUNS: frozenset[str] = frozenset(
    "соратник союзник помощник сторонник окружение команда штаб адвокат юрист друг родственник семья критик оппонент "
    "противник соперник спонсор".split())
# Role nouns a person is named by, besides the sector nouns ("глава агентства", "руководитель комиссии").
ROLE_NOUNS: frozenset[str] = frozenset("глава руководитель председатель директор начальник комиссар посланник "
                                       "переговорщик представитель координатор заместитель".split())
# Nouns of institutions that a pronoun "оно"/"его" may stand for, unlike a person.
INSTITUTION_NOUNS: frozenset[str] = frozenset(
    "правительство администрация режим министерство ведомство департамент агентство совет комитет комиссия суд "
    "посольство армия полиция партия парламент конгресс сенат коалиция альянс движение группа организация "
    "компания банк государство кремль кабинет хунта союз мид".split())
# Nouns for people done to rather than acting: victims of attacks and arrests.
PERSON_NOUNS: frozenset[str] = frozenset(
    "человек люди мужчина женщина ребенок дети мальчик девочка врач жертва миссионер работник студент подросток "
    "пассажир турист гражданин активист журналист оппозиционер политик нарушитель".split())
# Nouns for a state's government: they stand for the country the text is about.
STATE_NOUNS: frozenset[str] = frozenset("правительство администрация режим власть государство кремль".split())
# Words near a name that give a person's gender, for pronouns (natasha's morphology gives most of it).
FEMALE_WORDS: frozenset[str] = frozenset("госпожа г-жа королева принцесса жена мать дочь сестра бабушка актриса".split())
MALE_WORDS: frozenset[str] = frozenset("господин г-н король принц муж отец сын брат дедушка актер".split())
# Nouns for the author of an attack.
PERPETRATOR_NOUNS: frozenset[str] = frozenset("убийца киллер стрелок подрывник смертник нападавший похититель".split())
# Verbs whose object is a topic, not an act done ("обсудили возможные санкции").
TOPIC_VERBS: frozenset[str] = frozenset("обсудить обсуждать рассмотреть рассматривать изучить изучать предложить "
                                        "предлагать взвесить".split())
# Nouns of meetings: "принял участие в саммите" is a consultation even with no one named.
MEETING_NOUNS: frozenset[str] = frozenset("переговоры встреча саммит конференция консультация заседание форум "
                                          "совещание беседа".split())
# Nouns that count the actors in the genitive after them ("тысячи беженцев").
QUANTITY_NOUNS: frozenset[str] = frozenset("тысяча сотня десяток миллион число количество группа ряд часть "
                                           "множество большинство член остаток".split())
# Objects that make an act abstract ("воспользовался возможностью", "атаковал проблему"): no event.
ABSTRACT_OBJECTS: frozenset[str] = frozenset(
    "вопрос возможность момент шанс инициатива идея проблема задача рекорд внимание интерес настроение "
    "дискуссия".split())
# Verbs of giving: the dative or "в"/"на" phrase is the receiver, not the thing given.
TRANSFER_VERBS: frozenset[str] = frozenset(
    "дать передать передавать вручить отправить направить поставить предоставить выделить пожертвовать продать "
    "одолжить".split())
# Verbs of wanting that turn a cooperative act into an intent (AGREE) and a hostile one into a threat.
INTENT_VERBS: frozenset[str] = frozenset("хотеть желать стремиться намереваться надеяться собираться".split())
# Words around an event that set how the text presents it.
MODE_CUES: dict[str, frozenset[str]] = {
    "denied": frozenset("опровергнуть опровергать отрицать отвергнуть отвергать".split()),
    "reported": frozenset("слух сообщение якобы предположительно сообщаться утверждать утверждение по-видимому "
                          "вероятно".split()),
    "promised": frozenset("пообещать обещать обещание обязаться обязательство поклясться готовый готовность согласиться "
                          "предложить".split()),
    "threatened": frozenset("пригрозить угрожать грозить угроза".split()),
    "negated": frozenset("воздержаться воздерживаться избежать избегать отказаться отказываться никогда".split()),
    "planned": frozenset("планировать план намереваться намеренный наметить собираться запланировать предстоящий "
                         "должный".split()),
    "hypothetical": frozenset("если бы мочь возможно возможный ли способный".split()),
}
# The event lexicon (written by hand, in the English lexicon's columns) and its word classes, in khabar/data.
EVENT_LEXICON: tuple[str, str] = ("event_lexicon_ru.tsv", "event_classes_ru.tsv")
# Prepositions by the part they introduce around an event (khabar.nlp.russian makes them heads, as English "prep").
# The genitive with no preposition ("визит министра", "арест активистов") is read as English "of" and "'s" are.
EVENT_PREPS: dict[str, tuple[str, ...]] = {
    "of": (),  # the genitive: "арест активистов"
    "target": ("с", "со", "против", "к", "ко", "на", "в", "во", "для", "по", "от"),  # "переговоры с", "удар по"
    "assault": ("у", "возле", "около", "близ"),
    "source": ("от", "со"),  # "помощь от Японии", "давление со стороны"
    "agent": (),  # a passive's agent is an instrumental with no preposition (dep "agent")
    "means": ("в", "во", "при"),  # "погибли в результате обстрела"
    "location": ("в", "во", "на"),
    "below": ("к", "в", "во", "на", "с", "со", "против"),
    "receiver": ("в", "во", "на"),
    "reason": ("за",),  # "задержан за участие в митинге"
    "circumstance": ("после", "до", "перед", "во", "при", "накануне"),  # "во время", "при штурме": another act
}
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "negation": frozenset({"не", "ни", "никогда"}),
    "future": frozenset({"буду", "будешь", "будет", "будем", "будете", "будут"}),  # and verbs in the future tense
    "conditional": frozenset({"бы", "б"}), "perfect": frozenset(), "pluperfect": frozenset(),
    "infinitive": frozenset({"чтобы", "чтоб"}),
    "condition": frozenset({"если", "ежели", "коли"}),
    "able": frozenset({"способный", "мочь", "смочь"}), "unable": frozenset({"неспособный", "бессильный"}),
    "refuse": frozenset({"отказаться", "отказываться"}),
    "first_person": frozenset({"я", "мы"}),
    "refusal_aspect": frozenset({"Perf"}),  # the aspect of a verb whose negation is a refusal ("не признала": did not, would not)
}
# Determiners that make an actor or an object nobody and nothing: "ни одна страна не признала".
NEGATIVE_DETERMINERS: frozenset[str] = frozenset("ни никакой ни один ни одна ни одно".split())
# Last words or abbreviations of company names: commerce between companies is no political event.
COMPANY_SUFFIXES: frozenset[str] = frozenset("оао зао ооо пао ао ltd inc llc corp холдинг корпорация концерн".split())
VERBAL_TARGETS: frozenset[str] = frozenset(
    "положение политика план предложение заявление закон законопроект идея решение высказывание позиция подход "
    "репутация программа реформа бюджет сделка кандидатура кампания".split())
COMPANY_NOUNS: frozenset[str] = frozenset("компания фирма".split())
# Words naming the media, whose reports of an act accuse nobody.
MEDIA_WORDS: frozenset[str] = frozenset("газета издание радио телевидение телеканал агентство сми журналист корреспондент "
                                        "репортер информагентство портал сайт еженедельник журнал блогер".split())
# Who can be the subject of a cue whose verb has other senses (statements): people, bodies, the media, documents.
SPEAKER_NOUNS: frozenset[str] = ACTOR_NOUNS | ROLE_NOUNS | PERSON_NOUNS | ENTOURAGE_NOUNS | SOURCE_PEOPLE | MEDIA_WORDS | frozenset(
    "свидетель источник эксперт аналитик наблюдатель экономист ученый исследователь историк профессор автор писатель "
    "кандидат избиратель демократ республиканец организатор руководство менеджер владелец член все каждый кто-то "
    "никто многие другие страна нация жюри".split())

# --- dates ------------------------------------------------------------------
# Prepositions (or none) of a time expression whose clause's tense places it: "подписан 5 мая", "в мае"; not "продлён до мая".
DATED_PREPS: frozenset[str] = frozenset({"", "в", "во", "на", "с", "со"})
# Russian time expressions, resolved by khabar's English date rules: each rule is a pattern (the whole
# expression after a leading preposition such as "в", "во", "на", "с", "к") and the English expression it
# stands for, whose {group}s are filled from ``DATE_WORDS`` (or kept as written: numbers, years).
MONTHS: dict[str, str] = _forms({
    "январь января январе январю январем янв. янв": "january", "февраль февраля феврале февралю февралем фев. февр.": "february",
    "март марта марте марту мартом мар.": "march", "апрель апреля апреле апрелю апрелем апр.": "april",
    "май мая мае маю маем": "may", "июнь июня июне июню июнем": "june", "июль июля июле июлю июлем": "july",
    "август августа августе августу августом авг.": "august",
    "сентябрь сентября сентябре сентябрю сентябрем сен. сент.": "september",
    "октябрь октября октябре октябрю октябрем окт.": "october", "ноябрь ноября ноябре ноябрю ноябрем нояб.": "november",
    "декабрь декабря декабре декабрю декабрем дек.": "december",
})
WEEKDAYS: dict[str, str] = _forms({
    "понедельник понедельника понедельнику понедельником": "monday", "вторник вторника вторнику вторником": "tuesday",
    "среда среду среды среде средой": "wednesday", "четверг четверга четвергу четвергом": "thursday",
    "пятница пятницу пятницы пятнице пятницей": "friday", "суббота субботу субботы субботе субботой": "saturday",
    "воскресенье воскресенья воскресенью воскресеньем": "sunday",
})
SEASONS: dict[str, str] = _forms({
    "весна весной весны весне весну": "spring", "лето летом лета лете": "summer",
    "осень осенью осени": "autumn", "зима зимой зимы зиме зиму": "winter",
})
PARTS: dict[str, str] = _forms({"начале начало начала": "early", "середине середина середины": "mid", "конце конец конца": "late"})
RELATIVE: dict[str, str] = _forms({
    "прошлый прошлой прошлом прошлую прошлого прошлым минувший минувшей минувшем минувшую минувшего минувшим "
    "предыдущий предыдущей предыдущем предыдущую": "last",
    "следующий следующей следующем следующую следующего будущий будущей будущем будущую будущего "
    "грядущий грядущей грядущем": "next",
    "этот этой этом эту этого этим текущий текущей текущем текущую текущего нынешний нынешней нынешнем": "this",
})
TIME_UNITS: dict[str, str] = _forms({
    "день дня дней дне сутки суток": "day", "неделя недели недель неделе неделю": "week",
    "месяц месяца месяцев месяце": "month", "год года лет году": "year", "десятилетие десятилетия десятилетий": "decade",
})
# Adjectives of months and weekdays: "ноябрьские выборы", "субботний референдум" are dated by them.
MONTH_ADJECTIVES: dict[str, str] = {form: month for stem, month in {
    "январск": "january", "февральск": "february", "мартовск": "march", "апрельск": "april", "майск": "may",
    "июньск": "june", "июльск": "july", "августовск": "august", "сентябрьск": "september", "октябрьск": "october",
    "ноябрьск": "november", "декабрьск": "december"}.items()
    for form in (stem + e for e in "ий ая ое ие ого ой ому ую им ими их ом".split())}
WEEKDAY_ADJECTIVES: dict[str, str] = {form: day for stem, day in {
    "понедельничн": "monday", "вторничн": "tuesday", "субботн": "saturday", "воскресн": "sunday", "пятничн": "friday"}.items()
    for form in (stem + e for e in "ий ый яя ая ее ое ие ые его ого ей ой ему ому юю ую им ым ими ыми их ых ем ом".split())}
DECADES: dict[str, str] = _forms({
    "двадцатые двадцатых": "1920", "тридцатые тридцатых": "1930", "сороковые сороковых": "1940",
    "пятидесятые пятидесятых": "1950", "шестидесятые шестидесятых": "1960", "семидесятые семидесятых": "1970",
    "восьмидесятые восьмидесятых": "1980", "девяностые девяностых": "1990", "нулевые нулевых": "2000",
})
DAY_WORDS: dict[str, str] = {"сегодня": "today", "вчера": "yesterday", "завтра": "tomorrow", "накануне": "yesterday",
                             "позавчера": "2 days ago"}
# The present (the publication date), after the leading preposition is set aside ("в последнее время" = "recently").
NOW_WORDS: frozenset[str] = frozenset({"сейчас", "теперь", "ныне", "настоящее время", "данный момент", "настоящий момент",
                                       "сегодняшний день", "последние дни", "последние недели", "последние месяцы",
                                       "последнее время"})
# Spans of time too vague to be dated ("в прошлые годы", "в последние месяцы"), with their unit.
VAGUE_TIMES: dict[str, str] = {f"{lead} {unit}": english for lead in ("прошлые", "прошлых", "последние", "последних", "ближайшие",
                                                                     "ближайших", "минувшие", "минувших")
                               for unit, english in {"годы": "years", "годах": "years", "лет": "years", "месяцы": "months",
                                                     "месяцах": "months", "недели": "weeks", "неделях": "weeks"}.items()}
# Times of day, which say nothing a date needs ("утром в понедельник" is Monday).
DAY_TIMES: frozenset[str] = frozenset("утром днем днём вечером ночью".split())
DATE_WORDS: dict[str, dict[str, str]] = {"month": MONTHS, "weekday": WEEKDAYS, "season": SEASONS, "part": PARTS,
                                         "rel": RELATIVE, "unit": TIME_UNITS, "word": DAY_WORDS, "decade": DECADES,
                                         "n": {k: str(int(v)) for k, v in NUMBER_WORDS.items() if v == int(v)},
                                         "month2": MONTHS, "mad": MONTH_ADJECTIVES, "wad": WEEKDAY_ADJECTIVES,
                                         "yrel": RELATIVE, "vague": VAGUE_TIMES}


def _alt(table: dict[str, str]) -> str:
    return "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))


_M, _WD, _SEASON = f"(?P<month>{_alt(MONTHS)})", f"(?P<weekday>{_alt(WEEKDAYS)})", f"(?P<season>{_alt(SEASONS)})"
_PART, _REL, _UNIT = f"(?P<part>{_alt(PARTS)})", f"(?P<rel>{_alt(RELATIVE)})", f"(?P<unit>{_alt(TIME_UNITS)})"
_M2, _Y2 = f"(?P<month2>{_alt(MONTHS)})", r"(?P<year2>(?:1[5-9]|20)\d\d)(?:\s*(?:года|году|год|г\.|г)(?!\w))?"
_Y = r"(?P<year>(?:1[5-9]|20)\d\d)(?:\s*(?:года|году|год|г\.|г)(?!\w))?"
_N = rf"(?P<n>\d+|{_alt(DATE_WORDS['n'])})"
_TIME = rf"(?:{_alt(dict.fromkeys(DAY_TIMES))})"
DATE_RULES: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), english) for p, english in [
    (rf"(?:{_TIME} (?:в |во )?)?(?:{_REL} )?{_WD}", "{rel} {weekday}"),
    (rf"(?P<word>сегодня|вчера|завтра|накануне|позавчера)(?: {_TIME})?", "{word}"),
    (rf"{_TIME} (?P<word>сегодня|вчера|завтра)", "{word}"),
    (rf"{_M}(?: {_Y})? по {_M2} {_Y2}", "{year2}"),  # "с ноября по декабрь 2010 года": that year
    (rf"(?P<mad>{_alt(MONTH_ADJECTIVES)})", "{mad}"),
    (rf"(?P<wad>{_alt(WEEKDAY_ADJECTIVES)})", "{wad}"),
    (rf"{_M} (?P<yrel>прошлого|следующего|этого|текущего|будущего) года", "{month} {yrel} year"),
    (rf"(?P<vague>{_alt(dict.fromkeys(VAGUE_TIMES))})", "recent {vague}"),  # "в последние годы": no date
    ("|".join(re.escape(w) for w in sorted(NOW_WORDS, key=len, reverse=True)), "now"),
    (r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<year>\d{4})", "{year}-{m:0>2}-{d:0>2}"),
    (rf"(?:{_WD},? )?(?P<day>\d{{1,2}}) {_M}(?: {_Y})?", "{day} {month} {year}"),
    (rf"(?:{_PART} )?{_M}(?: {_Y})?", "{part} {month} {year}"),
    (rf"(?:{_PART} )?{_REL} {_M}", "{part} {rel} {month}"),
    (rf"(?:{_REL} )?{_SEASON}(?: {_Y})?", "{rel} {season} {year}"),
    (rf"(?:{_PART} )?{_Y}", "{part} {year}"),
    (r"(?P<decade>(?:1[5-9]|20)\d0)-?(?:х|е|ые|ых)(?: годах| годы| годов| гг\.)?", "{decade}s"),
    (rf"(?P<decade>{_alt(DECADES)})(?: годы| годах| годов)?", "{decade}s"),
    (rf"(?:{_PART} )?{_REL} {_UNIT}", "{part} {rel} {unit}"),
    (rf"{_N} {_UNIT} (?:назад|тому назад)", "{n} {unit}s ago"),
]]
# Leading words that are not part of the expression itself ("в середине октября", "ещё 28 февраля").
DATE_LEAD = re.compile(r"^(?:(?:ещ[её]|уже|лишь|только|около|примерно|приблизительно|почти) )?(?:(?:в|во|на|с|со|к|до|по|от) )?", re.I)


# Words before a bare year that make it a date ("в 1995", "к 2030"); a year written with "году" is one anyway.
YEAR_LEADS: frozenset[str] = frozenset("в во с со до к по от между начале середине конце около".split())
_BARE_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where the time expressions of a Russian text are (character offsets, leading prepositions left out): every
    rule's matches, the longest first, none overlapping; a bare number is a year only after a word of ``YEAR_LEADS``."""
    found = []
    for pattern, _ in DATE_RULES:
        for m in re.finditer(rf"(?<![\w-]){pattern.pattern}(?![\w-])", text, re.I):
            before = text[: m.start()].split()[-1:]
            if _BARE_YEAR.fullmatch(m.group()) and not (before and before[0].casefold() in YEAR_LEADS):
                continue
            found.append((m.start(), m.end()))
    out: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= a or start >= b for a, b in out):
            out.append((start, end))
    return sorted(out)


def date_to_english(text: str) -> str | None:
    """The English expression a Russian time expression stands for ("в середине октября" → "mid october"), or None."""
    core = DATE_LEAD.sub("", " ".join(text.split()).strip(" ,.;:")).casefold().replace("ё", "е")
    for pattern, english in DATE_RULES:
        if m := pattern.fullmatch(core):
            groups = {k: DATE_WORDS.get(k, {}).get(v, v) if v else "" for k, v in m.groupdict().items()}
            return " ".join(english.format(**groups).split()) or None
    return None
