"""khabar's English vocabulary, as data: every extractor reads these tables for an English document.

Actor sectors and titles, statement cues, figure units and qualifiers,
event modes and the words events are read with live here, in one place, as
plain tables a user can read and extend (add a row, not an ``if``). Every
language has a module of the same names and shapes (``khabar.vocab.ru``);
the codes they map to, and the tables all languages share, are in
``khabar.vocab.neutral``, re-exported here.
"""
from __future__ import annotations

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

# --- actors -----------------------------------------------------------------
# Role or collective noun -> PLOVER sector code (PLOVER manual, actor sectors).
SECTORS: dict[str, str] = {
    **dict.fromkeys("government cabinet ministry minister president premier chancellor administration regime "
                    "official officials authorities authority spokesman spokeswoman spokesperson diplomat diplomats "
                    "ambassador envoy embassy mayor governor king queen emir sultan leadership leader state "
                    "secretary prime ministers presidency kremlin monarch junta".split(), "GOV"),
    **dict.fromkeys("military army troops troop soldiers soldier forces force navy air marines general commander "
                    "defense defence guards guard brigade battalion warplanes warplane warship warships destroyer "
                    "fleet tanks tank artillery missile missiles sailors airmen infantry".split(), "MIL"),
    **dict.fromkeys("police policemen policeman policewoman cops officer officers gendarmerie".split(), "COP"),
    **dict.fromkeys("rebels rebel insurgents insurgent militants militant fighters guerrillas guerrilla separatists "
                    "jihadists jihadis jihadi resistance mujahideen extremists terrorists terrorist".split(), "REB"),
    **dict.fromkeys("paramilitary paramilitaries militia militias".split(), "PRM"),
    **dict.fromkeys("gunmen gunman assailants attackers".split(), "UAF"),
    **dict.fromkeys("opposition dissidents dissident".split(), "OPP"),
    **dict.fromkeys("refugees refugee migrants asylum displaced".split(), "REF"),
    **dict.fromkeys("parliament parliamentary lawmakers lawmaker legislators legislator legislature congress senate "
                    "senator senators deputies mp mps assembly duma congressman congresswoman".split(), "LEG"),
    **dict.fromkeys("court courts judge judges judiciary prosecutor prosecutors tribunal attorney lawyer lawyers".split(), "JUD"),
    **dict.fromkeys("party".split(), "PTY"),
    **dict.fromkeys("company companies firm business businesses bank corporation industry businessman airline airlines".split(), "BUS"),
    **dict.fromkeys("media newspaper journalists journalist reporters reporter television broadcaster".split(), "JRN"),
    **dict.fromkeys("doctor doctors medic medics paramedic paramedics nurse nurses hospital hospitals".split(), "MED"),
    **dict.fromkeys("criminals criminal thieves thief gang gangs vandals smugglers smuggler traffickers cartel "
                    "supremacists supremicists".split(), "CRM"),
    **dict.fromkeys("students student teachers teacher school schools university universities professors".split(), "EDU"),
    **dict.fromkeys("farmers farmer peasants peasant agricultural".split(), "AGR"),
    **dict.fromkeys("workers worker union unions laborers labourers".split(), "LAB"),
    **dict.fromkeys("church clergy priest priests imam imams cleric clerics mosque bishop".split(), "REL"),
    **dict.fromkeys("civilians civilian residents villagers people citizens protesters protester demonstrators "
                    "activists activist".split(), "CVL"),
    **dict.fromkeys("intelligence spy spies".split(), "SPY"),
}
# Words that make a government or military role a former one (PLOVER sector ELI).
FORMER: frozenset[str] = frozenset("former retired ex exiled ousted deposed late".split())

# Words before a person's name that name a role, not the person.
TITLES: frozenset[str] = frozenset(
    "president vice prime minister foreign interior defence defense finance secretary general gen. gen lt. col. "
    "maj. capt. sgt. mr. mr mrs. mrs ms. ms dr. dr prof. prof sir lord king queen prince princess sheikh "
    "ayatollah chancellor premier governor mayor senator sen. rep. representative ambassador commander chief "
    "spokesman spokeswoman spokesperson acting former late deputy head leader chairman pope emir "
    "president-elect self-proclaimed legendary mujahideen".split()
)

# Markers after a name that are part of it ("Ahmad Massoud junior").
NAME_SUFFIXES: frozenset[str] = frozenset({"junior", "jr.", "jr", "senior", "sr.", "sr", "ii", "iii"})

# --- dates ------------------------------------------------------------------
# Time expressions are found by the model (DATE entities) and read by khabar/extract/dates.py's rules.
# Prepositions (or none) of a time expression whose clause's tense places it: "was found Oct. 23"; not "extended until Dec. 15".
DATED_PREPS: frozenset[str] = frozenset({"", "on", "in", "since", "during"})
# --- numbers ----------------------------------------------------------------
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9,
    "trillion": 1e12, "tn": 1e12, "k": 1e3, "dozen": 12,
}
# How numbers are written in digits: the pattern of one token, its decimal mark and its group separator.
NUMBER_FORMAT: dict[str, str] = {"pattern": r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-−+]?\d+)?", "decimal": ".", "group": ","}
# Plural scale words that make a vague quantity ("hundreds of thousands"): no value, approx "about".
VAGUE_NUMBERS: dict[str, float] = {"hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "dozens": 12, "tens": 10,
                                   "scores": 20}
# Words around two numbers: "between 10 and 20", "four or five", "10-15 km" are one figure (a range); "from 10 to 20"
# is a change, two figures (a number of it with no unit has the other's: "from ten to eight hours").
RANGE_WORDS: dict[str, frozenset[str]] = {
    "between": frozenset({"between"}), "between_joiners": frozenset({"and"}), "joiners": frozenset({"to", "or", "-", "–"}),
    "change_from": frozenset({"from"}), "change_to": frozenset({"to"}),
}
# Scale words that are a number on their own ("более миллиона"); English says "a million", read as a number word.
SCALE_ALONE: frozenset[str] = frozenset()
FRACTIONS: dict[str, int] = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                             "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10,
                             "tenths": 10}
# Numbers inside adjectives ("шестичасовой": six-hour): English writes them as three tokens ("six-hour"), which the
# unit rules read, so it has no stems.
NUMBER_STEMS: dict[str, float] = {}
COMPOUND_UNITS: dict[str, str] = {}

# --- statements -------------------------------------------------------------
# Reporting verb (lemma) -> statement cue of SPEC.md.
CUES: dict[str, str] = {
    **dict.fromkeys("say tell state add note explain write reply respond answer remark comment describe announce declare "
                    "reiterate stress emphasize emphasise recall testify confirm acknowledge admit concede tweet post "
                    "predict suggest indicate observe mention signal hint talk speak praise quote".split(), "say"),
    **dict.fromkeys("claim allege insist maintain contend assert argue question".split(), "claim"),
    **dict.fromkeys("report disclose reveal inform cite show find".split(), "report"),
    **dict.fromkeys("deny refute dispute rebut".split(), "deny"),
    **dict.fromkeys("promise pledge vow undertake guarantee assure".split(), "promise"),
    **dict.fromkeys("threaten".split(), "threaten"),
    **dict.fromkeys("warn caution".split(), "warn"),
    **dict.fromkeys("accuse blame".split(), "accuse"),
    **dict.fromkeys("criticize criticise condemn denounce slam blast decry lambast".split(), "criticize"),
    **dict.fromkeys("urge demand appeal plead request".split(), "call"),
    **dict.fromkeys("estimate calculate forecast project reckon".split(), "estimate"),
    **dict.fromkeys("discuss debate".split(), "discuss"),
}
# Verbs that are cues only with a complement of a given kind ("called for", "asked X to").
CUES_WITH_PREP: dict[tuple[str, str], str] = {("call", "for"): "call", ("call", "on"): "call", ("call", "upon"): "call",
                                              ("ask", "for"): "call", ("talk", "of"): "say", ("talk", "about"): "discuss",
                                              ("speak", "of"): "say", ("speak", "about"): "discuss"}
CUES_WITH_XCOMP: dict[str, str] = {"ask": "call", "call": "call", "urge": "call", "refuse": "deny", "offer": "promise",
                                   "agree": "promise", "vow": "promise", "threaten": "threaten", "promise": "promise",
                                   "pledge": "promise"}
# Verbs that report speech whatever follows them, once they have a speaker ("Clinton said.").
SPEECH_VERBS: frozenset[str] = frozenset(
    "say tell add state announce declare write tweet claim deny report warn insist argue acknowledge explain note reply "
    "respond admit confirm allege describe mention praise criticize criticise condemn accuse question cite quote "
    "testify".split())
# Nouns whose object is what was said: "denies the reports", "rejected the claims".
CONTENT_NOUNS: frozenset[str] = frozenset(
    "report reports claim claims allegation allegations accusation accusations rumor rumors rumour rumours statement "
    "statements charge charges suggestion suggestions assertion assertions story stories speculation".split())
# Subordinators that make a reporting clause a comment set inside the clause it reports ("as police have said").
AS_MARKS: frozenset[str] = frozenset({"as"})
# Nouns for documents and findings that speak for whoever issued them: "a report released in Kigali", "the UN's
# statement" stand for the actor their phrase names.
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    "report statement letter document study survey poll memo memorandum communique communiqué declaration resolution "
    "assessment review audit analysis investigation inquiry filing lawsuit complaint indictment ruling decision order "
    "release announcement submission filing brief testimony email emails message messages tweet tweets leaflet leaflets "
    "flyer flyers pamphlet pamphlets poster posters advertisement advertisements ad ads".split())
# Cue verbs that have a sense of doing, not saying, with a direct object: "the economy added 156,000 jobs", "posted a
# loss", "found the body", "wrote down the number", "recalled its ambassador". With such an object (not a content
# noun), or a particle, they report nothing.
OBJECT_NOT_SPEECH: frozenset[str] = frozenset("add post show find record register write observe recall".split())
# Verbs of showing: statements only when a speaker or a document shows ("a new survey shows", not "the video shows").
SHOWING_VERBS: frozenset[str] = frozenset("show find suggest indicate reveal signal demonstrate prove".split())
# Multi-word cues matched as phrases; the pattern's speaker is the object of the last word.
PHRASE_CUES: dict[str, str] = {"according to": "say", "in the words of": "say", "quoted by": "say", "cited by": "report"}
# Prepositions of the place where a figure holds ("live in Tajikistan").
PLACE_PREPS: frozenset[str] = frozenset({"in", "inside", "within", "across", "throughout", "of"})
# What another language's counted nouns are in English, the language of measure keys (figures link across languages
# by them): English needs none.
MEASURE_WORDS: dict[str, str] = {}
# Nouns that name a figure's source: "researchers' estimates", "official figures".
SOURCE_NOUNS: frozenset[str] = frozenset(
    "estimate estimates figure figures data statistics count counts tally census survey surveys poll polls "
    "calculation calculations projection projections".split())

# --- figures ----------------------------------------------------------------
# Words before a number that qualify it -> approx of SPEC.md ("just" means "only": exact).
APPROX: dict[str, str] = {
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "as high as": "up_to",
    "over": "over", "more than": "over", "above": "over", "in excess of": "over", "upwards of": "over",
    "just over": "over", "well over": "over", "greater than": "over", "exceeding": "over",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "a minimum of": "at_least",
    "under": "under", "less than": "under", "fewer than": "under", "below": "under", "just under": "under",
    "not quite": "under", "up to about": "up_to",
    "nearly": "about", "almost": "about", "close to": "about",  # near the figure, on either side in practice
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "circa": "about", "ca.": "about", "~": "about",
    "somewhere around": "about", "more or less": "about", "hover around": "about", "hovering around": "about",
    "just": "exact", "only": "exact", "exactly": "exact", "precisely": "exact", "already": "exact",
}
# Nouns too general to say what a figure counts: the measure is taken from the context instead.
GENERIC_MEASURES: frozenset[str] = frozenset(
    "population share percent percentage number figure total estimate estimates proportion rate amount level count "
    "people person one majority minority part fraction sum value".split())
# Nouns that name who gives a figure rather than what it counts ("researchers put the share at...").
SOURCE_PEOPLE: frozenset[str] = frozenset(
    "researcher expert analyst official authority economist scientist observer study survey poll report "
    "government ministry agency source".split())
# Verbs that only tie a thing to its quantity ("Tajiks make up 46 percent", "the toll stood at 12"): links do not compare them.
QUANTITY_VERBS: frozenset[str] = frozenset(
    "be is are was were been become became remain stand stood total number amount reach hover comprise make made account "
    "represent constitute put estimate have has had up per share".split())
# "per" words after a figure -> per of SPEC.md.
PER: dict[str, str] = {
    "per day": "day", "a day": "day", "each day": "day", "every day": "day", "daily": "day", "/day": "day",
    "per week": "week", "a week": "week", "each week": "week", "every week": "week", "weekly": "week",
    "per month": "month", "a month": "month", "each month": "month", "every month": "month", "monthly": "month",
    "per year": "year", "a year": "year", "each year": "year", "every year": "year", "annually": "year",
    "per annum": "year", "yearly": "year", "/year": "year", "/yr": "year",
}
# Subunits: a hundredth of a currency ("89 cents a share" is USD 0.89). ``None``: the currency of the
# document's nearest earlier amount, else the subunit is kept as the unit ("one hundred cents").
SUBUNITS: dict[str, str | None] = {"cents": None, "cent": None, "pence": "GBP", "p": "GBP", "paise": "INR",
                                   "kopecks": "RUB", "kopeks": "RUB"}
# Numbers that are not figures, as spaCy Matcher patterns (name -> patterns): every number inside a match
# is dropped. Rules of the guidelines: ages, the day of a date, street numbers, numbers inside names,
# determiners ("the two countries"), "one of", and points in time ("two years ago", "the past three months").
_NUM = {"LIKE_NUM": True}
_DAY = {"TEXT": {"REGEX": r"^(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?$"}}
_MONTHS = ("january february march april may june july august september october november december jan jan. feb feb. "
           "mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.").split()
_TIME_UNITS = {"LOWER": {"IN": "second seconds minute minutes hour hours day days week weeks month months year years "
                                "decade decades".split()}}
_FEW = {"LOWER": {"IN": "two three four five six seven eight nine ten eleven twelve 2 3 4 5 6 7 8 9 10 11 12".split()}}
STREET_WORDS: tuple[str, ...] = tuple("street st st. avenue ave ave. road rd rd. boulevard blvd blvd. lane ln drive dr dr. "
                                      "way place pl square sq court ct terrace highway parkway pkwy".split())
NOT_FIGURES: dict[str, list[list[dict]]] = {
    "age": [
        [{"LOWER": {"IN": ["aged", "age", "ages"]}}, {"LOWER": "of", "OP": "?"}, _NUM,
         {"LOWER": {"IN": ["to", "-", "–", "and", "or"]}, "OP": "?"}, {"LIKE_NUM": True, "OP": "?"}],
        [_NUM, {"TEXT": {"IN": ["-", "‑"]}, "OP": "?"}, {"LOWER": {"IN": ["year", "years"]}}, {"TEXT": {"IN": ["-", "‑"]}, "OP": "?"},
         {"LOWER": {"IN": ["old", "olds"]}}],
        [_NUM, {"LOWER": {"IN": ["year", "years"]}}, {"LOWER": "of"}, {"LOWER": "age"}],
        [{"POS": "PROPN"}, {"TEXT": ","}, {"TEXT": {"REGEX": r"^[1-9][0-9]?$"}}, {"TEXT": {"IN": [",", ";", ")", "."]}}],
    ],
    "day of a date": [
        [{"LOWER": {"IN": _MONTHS}}, {"TEXT": ".", "OP": "?"}, _DAY],
        [_DAY, {"LOWER": "of", "OP": "?"}, {"LOWER": {"IN": _MONTHS}, "IS_TITLE": True}],
    ],
    "street number": [[{"TEXT": {"REGEX": r"^\d{1,5}[A-Za-z]?$"}}, {"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": list(STREET_WORDS)}}]],
    "inside a name": [  # "Boeing 747", "FTSE 250", "Section 8": a name, then a number that counts nothing after it
        [{"POS": "PROPN", "LOWER": {"NOT_IN": _MONTHS + [c.lower() for c in CURRENCY_CODES]}, "TEXT": {"NOT_IN": list(CURRENCY_SYMBOLS)}},
         {"TEXT": {"REGEX": r"^\d+$"}},
         {"TAG": {"NOT_IN": ["NNS", "NNPS", "CD"]}, "LOWER": {"NOT_IN": ["percent", "%", "per", "million", "billion", "thousand",
                                                                  "hundred", "of", "-", "to", "and", "or"]}}],
    ],
    "determiner": [  # "the two countries", "the three met": things already named, not a quantity reported
        [{"LOWER": {"IN": ["the", "these", "those"]}}, _FEW, {"POS": {"IN": ["ADJ", "PROPN", "NOUN"]}, "OP": "*"},
         {"TAG": {"IN": ["NNS", "NNPS"]}}],
        [{"LOWER": {"IN": ["the", "these", "those"]}}, _FEW, {"POS": {"IN": ["VERB", "AUX", "PUNCT", "ADP"]}}],
    ],
    "one of": [[{"LOWER": "one"}, {"LOWER": "of"}], [{"POS": {"NOT_IN": ["ADP"]}}, {"LOWER": "one"}, {"LOWER": {"IN": ["day", "time"]}}],
               [{"IS_SENT_START": True, "LOWER": "one"}, {"LOWER": {"IN": ["day", "time"]}}]],
    "point in time": [
        [_NUM, _TIME_UNITS, {"LOWER": {"IN": ["ago", "earlier", "later", "hence", "before", "after"]}}],
        [{"LOWER": {"IN": ["past", "last", "next", "previous", "coming", "first", "final", "recent"]}}, _NUM, _TIME_UNITS],
    ],
}
# Unit as written after a number -> canonical unit (SI symbols, ISO 4217 codes, or the names SPEC.md uses).
UNITS: dict[str, str] = {
    **dict.fromkeys(["%", "percent", "per cent", "pct", "percentage points", "percentage point", "points"], "percent"),
    **dict.fromkeys(["dollars", "dollar", "usd", "us dollars", "u.s. dollars", "dlrs", "dlr", "us dlrs"], "USD"),
    **dict.fromkeys(["hong kong dollars", "hk dollars"], "HKD"), **dict.fromkeys(["australian dollars"], "AUD"),
    **dict.fromkeys(["canadian dollars"], "CAD"), **dict.fromkeys(["singapore dollars"], "SGD"),
    **dict.fromkeys(["new zealand dollars"], "NZD"), **dict.fromkeys(["taiwan dollars"], "TWD"),
    **dict.fromkeys(["marks", "deutsche marks", "deutschmarks", "german marks", "d-marks"], "DEM"),
    **dict.fromkeys(["french francs"], "FRF"), **dict.fromkeys(["swiss francs"], "CHF"), **dict.fromkeys(["lire"], "ITL"),
    **dict.fromkeys(["rand"], "ZAR"), **dict.fromkeys(["naira"], "NGN"), **dict.fromkeys(["rupiah"], "IDR"),
    **dict.fromkeys(["ringgit"], "MYR"), **dict.fromkeys(["baht"], "THB"), **dict.fromkeys(["won"], "KRW"),
    **dict.fromkeys(["hryvnias", "hryvnia", "hryvnas"], "UAH"), **dict.fromkeys(["zlotys", "zloty"], "PLN"),
    **dict.fromkeys(["shekels", "shekel"], "ILS"), **dict.fromkeys(["riyals", "riyal"], "SAR"),
    **dict.fromkeys(["dirhams", "dirham"], "AED"), **dict.fromkeys(["tenge"], "KZT"), **dict.fromkeys(["afghanis"], "AFN"),
    **dict.fromkeys(["pesos", "peso"], "peso"), **dict.fromkeys(["francs", "franc"], "franc"),
    **{code.lower(): code for code in CURRENCY_CODES},
    **dict.fromkeys(["euros", "euro", "eur", "€"], "EUR"),
    **dict.fromkeys(["pounds sterling", "pounds", "pound", "gbp", "£"], "GBP"),
    **dict.fromkeys(["yen", "jpy"], "JPY"), **dict.fromkeys(["yuan", "renminbi", "cny"], "CNY"),
    **dict.fromkeys(["rubles", "roubles", "ruble", "rouble", "rub"], "RUB"),
    **dict.fromkeys(["rupees", "rupee", "inr"], "INR"), **dict.fromkeys(["somoni"], "TJS"),
    **dict.fromkeys(["cents", "cent"], "cent"), **dict.fromkeys(["pence"], "pence"), **dict.fromkeys(["pennies", "penny"], "penny"),
    **dict.fromkeys(["dimes", "dime"], "dime"),
    **dict.fromkeys(["kilometres per hour", "kilometers per hour", "km/h", "kph", "kmh"], "km/h"),
    **dict.fromkeys(["miles per hour", "mph"], "mph"),
    **dict.fromkeys(["square kilometres", "square kilometers", "sq km", "km2", "km^2", "km²", "km squared"], "km2"),
    **dict.fromkeys(["square miles", "sq mi", "mi2"], "mi2"),
    **dict.fromkeys(["cubic kilometres", "cubic kilometers", "km3", "km^3", "km³", "km cubed"], "km3"),
    **dict.fromkeys(["square metres", "square meters", "sq m", "m2", "m²"], "m2"),
    **dict.fromkeys(["kilometres", "kilometers", "kilometre", "kilometer", "km"], "km"),
    **dict.fromkeys(["metres", "meters", "metre", "meter", "m"], "m"),
    **dict.fromkeys(["centimetres", "centimeters", "centimetre", "centimeter", "cm"], "cm"),
    **dict.fromkeys(["millimetres", "millimeters", "millimetre", "millimeter", "mm"], "mm"),
    **dict.fromkeys(["nanometres", "nanometers", "nanometre", "nanometer", "nm"], "nm"),
    **dict.fromkeys(["picometres", "picometers", "pm"], "pm"), **dict.fromkeys(["attometres", "attometers", "am"], "am"),
    **dict.fromkeys(["miles", "mile", "mi"], "mi"), **dict.fromkeys(["feet", "foot", "ft"], "ft"),
    **dict.fromkeys(["inches", "inch", "in"], "in"), **dict.fromkeys(["yards", "yard", "yd"], "yd"),
    **dict.fromkeys(["kilograms", "kilogram", "kilos", "kg"], "kg"), **dict.fromkeys(["grams", "gram", "g"], "g"),
    **dict.fromkeys(["milligrams", "milligram", "mg"], "mg"),
    **dict.fromkeys(["tonnes", "tonne", "tons", "ton", "metric tons", "t"], "t"), **dict.fromkeys(["tpd"], "t"),
    **dict.fromkeys(["lbs", "lb"], "lb"),
    **dict.fromkeys(["litres", "liters", "litre", "liter", "l"], "l"),
    **dict.fromkeys(["millilitres", "milliliters", "ml"], "ml"), **dict.fromkeys(["centilitres", "centiliters", "cl"], "cl"),
    **dict.fromkeys(["gallons", "gallon", "gal"], "gal"), **dict.fromkeys(["barrels", "barrel", "bbl"], "bbl"),
    **dict.fromkeys(["cups", "cup"], "cup"), **dict.fromkeys(["tablespoons", "tablespoon", "tbsp"], "tbsp"),
    **dict.fromkeys(["hectares", "hectare", "ha"], "ha"), **dict.fromkeys(["acres", "acre"], "acre"),
    **dict.fromkeys(["degrees celsius", "degree celsius", "°c", "celsius"], "°C"),
    **dict.fromkeys(["degrees fahrenheit", "degree fahrenheit", "°f", "fahrenheit"], "°F"),
    **dict.fromkeys(["kelvin", "k"], "K"),
    **dict.fromkeys(["megawatt hours", "megawatt-hours", "mwh"], "MWh"), **dict.fromkeys(["kilowatt hours", "kwh"], "kWh"),
    **dict.fromkeys(["watt hours", "wh"], "Wh"), **dict.fromkeys(["gigawatts", "gigawatt", "gw"], "GW"),
    **dict.fromkeys(["megawatts", "megawatt", "mw"], "MW"), **dict.fromkeys(["kilowatts", "kilowatt", "kw"], "kW"),
    **dict.fromkeys(["watts", "watt", "w"], "W"),
    **dict.fromkeys(["brake horsepower", "bhp"], "bhp"), **dict.fromkeys(["horsepower", "hp"], "hp"),
    **dict.fromkeys(["parts per million", "ppm"], "ppm"), **dict.fromkeys(["parts per billion", "ppb"], "ppb"),
    **dict.fromkeys(["knots", "knot", "kn"], "kn"), **dict.fromkeys(["psi"], "psi"), **dict.fromkeys(["rpm"], "rpm"),
    **dict.fromkeys(["electronvolts", "ev"], "eV"), **dict.fromkeys(["tev"], "TeV"), **dict.fromkeys(["gev"], "GeV"),
    **dict.fromkeys(["gigahertz", "ghz"], "GHz"), **dict.fromkeys(["megahertz", "mhz"], "MHz"),
    **dict.fromkeys(["exabytes", "eb"], "EB"), **dict.fromkeys(["terabytes", "tb"], "TB"),
    **dict.fromkeys(["gigabytes", "gb"], "GB"), **dict.fromkeys(["megabytes", "mb"], "MB"),
    **dict.fromkeys(["kilobytes", "kb"], "kB"), **dict.fromkeys(["kibibytes", "kibibyte", "kib"], "KiB"),
    **dict.fromkeys(["bytes", "byte"], "B"), **dict.fromkeys(["bits", "bit"], "bit"),
    **dict.fromkeys(["milligray", "mgy"], "mGy"),
    **dict.fromkeys(["years", "year", "yrs", "yr"], "year"), **dict.fromkeys(["months", "month"], "month"),
    **dict.fromkeys(["weeks", "week"], "week"), **dict.fromkeys(["days", "day"], "day"),
    **dict.fromkeys(["hours", "hour", "hrs", "hr", "h"], "hour"), **dict.fromkeys(["minutes", "minute", "mins", "min"], "minute"),
    **dict.fromkeys(["seconds", "second", "secs", "sec", "s"], "second"),
    **dict.fromkeys(["dozen"], "dozen"), **dict.fromkeys(["gigaannum", "ga"], "Ga"), **dict.fromkeys(["ma"], "Ma"),
}
# Units that are also common words: accepted only right after a number and in the shape given.
AMBIGUOUS_UNITS: frozenset[str] = frozenset({"in", "am", "pm", "m", "t", "l", "g", "s", "h", "k", "w", "ma", "ga", "b",
                                             "points", "second", "ha", "min", "mi", "eb", "tb", "mb", "kb", "gb", "won", "marks",
                                             "rand", "kn", "p"}) | {code.lower() for code in CURRENCY_CODES}

# --- events -----------------------------------------------------------------
# Common nouns that name an actor (coreference, event roles): the sector nouns and the words news uses for
# people who act ("the robbers", "critics", "investigators"); "people", "industry", "school"... name nobody in particular.
ACTOR_NOUNS: frozenset[str] = frozenset(SECTORS) - frozenset("people state industry business businesses school schools hospital "
                                                              "hospitals university universities bank company companies firm air "
                                                              "defense defence general prime secretary presidency tank tanks "
                                                              "artillery missile missiles warplane warplanes warship warships "
                                                              "destroyer".split()) | frozenset(
    "robber robbers bomber bombers gunman gunmen suspect suspects exile exiles critic critics opponent opponents supporter "
    "supporters resident residents envoy envoys agent agents investigator investigators hijacker hijackers kidnapper kidnappers "
    "killer killers assassin assassins demonstrator protester protesters marcher marchers striker strikers rioter rioters "
    "administration department agency ministry council board commission committee delegation coalition alliance "
    "organization organisation movement group groups faction factions regime junta cabinet officials official leaders "
    "authorities police prosecutors advisor adviser advisers advisors inspector inspectors protestor protestors hostage hostages "
    "prisoner prisoners detainee detainees captive captives foreigner foreigners dissident dissidents".split())
# Words that refer back to an actor (coreference): pronouns by what they stand for, relative pronouns, determiners of
# a definite description ("the ministry"), words that name nobody in particular, and prepositions of an owner.
REFERENCE_WORDS: dict[str, frozenset[str]] = {
    "male": frozenset({"he", "him", "his", "himself"}), "female": frozenset({"she", "her", "hers", "herself"}),
    "it": frozenset({"it", "its", "itself"}), "they": frozenset({"they", "them", "their", "theirs", "themselves"}),
    "first_person": frozenset({"i", "me", "my", "we", "us", "our"}),
    "relative": frozenset({"who", "which", "that", "whom", "whose"}),
    "definite": frozenset({"the", "this", "that", "these", "those", "both", "two"}),
    "nobody": frozenset({"no", "not", "neither", "none", "nor", "any", "every", "each", "another"}),
    "leaders": frozenset({"leader", "leaders"}),
    "owner_preps": frozenset({"of", "in", "from"}),  # "the government of Saudi Arabia", "officials in Kabul"
}
# Nouns for the people around a person, who are not that person: "Clinton campaign allies", "Trump's lawyers".
ENTOURAGE_NOUNS: frozenset[str] = frozenset(
    "ally allies aide aides supporter supporters backer backers campaign camp adviser advisers advisor advisors associate "
    "associates loyalist loyalists surrogate surrogates staff staffer staffers team family relatives lawyer lawyers "
    "attorney attorneys friend friends critic critics opponent opponents rival rivals donor donors".split())
# Role nouns a person is named by, besides the sector nouns: "Nepal's army chief", "the agency's head".
ROLE_NOUNS: frozenset[str] = frozenset("chief head chairman chairwoman chair director commissioner envoy negotiator "
                                       "representative coordinator deputy".split())
# Nouns of institutions a pronoun "it" can stand for ("the ministry ... its"), unlike "the minister".
INSTITUTION_NOUNS: frozenset[str] = frozenset(
    "government administration regime ministry department agency council board commission committee court embassy army "
    "military navy police party parliament congress senate coalition alliance movement group organization organisation "
    "company bank state kremlin cabinet junta union".split())
# Nouns for people who are done to rather than acting: victims of attacks and arrests ("a Brooklyn woman was killed").
PERSON_NOUNS: frozenset[str] = frozenset("man men woman women person persons child children boy boys girl girls doctor doctors "
                                         "victim victims missionary missionaries worker workers student students teenager "
                                         "teenagers passenger passengers tourist tourists citizen citizens driver drivers "
                                         "trucker truckers teacher teachers nurse nurses miner miners pensioner pensioners "
                                         "resident residents villager villagers lawyer lawyers employee employees".split())
# Nouns for a state's government: "the government", "the administration" stand for the country the text is about.
STATE_NOUNS: frozenset[str] = frozenset("government administration regime authorities authority state kremlin".split())
# Words near a name that give a person's gender, for pronouns.
FEMALE_WORDS: frozenset[str] = frozenset("mrs ms miss madam madame lady queen princess spokeswoman chairwoman congresswoman "
                                         "businesswoman woman wife mother daughter sister grandmother actress".split())
MALE_WORDS: frozenset[str] = frozenset("mr sir lord king prince spokesman chairman congressman businessman man husband father "
                                       "son brother grandfather actor".split())
# Nouns for the author of an attack, that name them through the text ("Yigal Amir, Rabin's assassin").
PERPETRATOR_NOUNS: frozenset[str] = frozenset("assassin killer murderer gunman bomber attacker kidnapper abductor".split())
# Verbs whose object is a topic, not an act done: "discussed possible French assistance".
TOPIC_VERBS: frozenset[str] = frozenset("discuss consider debate propose study examine review weigh mull explore".split())
# Nouns of meetings: "attended a summit" is a consultation even with no one named.
MEETING_NOUNS: frozenset[str] = frozenset("talk talks negotiation negotiations summit meeting conference consultation consultations".split())
# Nouns that count the actors after "of": "thousands of refugees".
QUANTITY_NOUNS: frozenset[str] = frozenset("thousand thousands hundred hundreds dozen dozens million millions number group groups "
                                           "handful score scores busload remnant remnants rest members member".split())
# Objects that make an act abstract ("seized the opportunity", "attacked the problem"): no event.
ABSTRACT_OBJECTS: frozenset[str] = frozenset(
    "issue opportunity moment chance initiative idea question matter point lead limelight spotlight headline headlines "
    "problem challenge record title stage attention imagination interest mood debate".split())

# The event lexicon itself (trigger words, PLOVER types, CAMEO codes and the words each sense needs) is data
# generated from PETRARCH-2's CAMEO dictionary (tools/build_event_lexicon.py): its file and its word classes' file.
EVENT_LEXICON: tuple[str, str] = ("event_lexicon.tsv", "event_classes.tsv")
# Prepositions by the part they introduce around an event, in order of preference where several fit.
EVENT_PREPS: dict[str, tuple[str, ...]] = {
    "of": ("of",),  # "the killing of X": the target of an act a noun names
    "target": ("with", "to", "against", "at", "on", "for", "toward", "towards", "into", "from", "between"),  # "talks with", "fired at"
    "assault": ("outside", "near"),  # "bombs exploded outside the U.S. embassies": where an attack aims
    "source": ("from",),  # "pressure from Congress", "received aid from Japan"
    "agent": ("by",),  # "the arrest by police"
    "means": ("in", "by", "during"),  # "killed in Israeli tank shelling"
    "location": ("in", "at"),
    "below": ("to", "in", "on", "with", "against"),  # "advised against travel to Tunisia": an actor below a thing
    "receiver": ("to",),  # "awarded the Order to the leaders": what is given goes to
    "reason": ("for",),  # "jailed for helping militants": the reason given, no act of its own
    "circumstance": ("in", "during", "after", "before", "since", "following"),  # they name another act
}
# Function words events are read with.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "negation": frozenset({"never", "not", "n't"}),
    "future": frozenset({"will", "'ll", "wo", "would", "shall"}),  # auxiliaries of the future
    "conditional": frozenset({"would"}), "perfect": frozenset({"have"}), "pluperfect": frozenset({"had"}),
    "infinitive": frozenset({"to"}),  # "pressured to help Iran"
    "condition": frozenset({"if", "unless"}),  # subordinators of a condition
    "able": frozenset({"able"}), "unable": frozenset({"unable", "incapable"}), "refuse": frozenset({"refuse", "decline"}),
    "first_person": frozenset({"i", "we"}),
    "refusal_aspect": frozenset(),  # the aspect of a verb whose negation is a refusal ("не признала": did not, would not)
}
# Verbs of giving: with "to", the receiver is the target, not the thing given ("awarded the Order to the leaders").
TRANSFER_VERBS: frozenset[str] = frozenset("give award send supply provide deliver grant hand donate sell ship lend".split())
# Verbs of wanting that turn a cooperative act into an intent (AGREE) and a hostile one into a threat.
INTENT_VERBS: frozenset[str] = frozenset("want seek hope wish intend aim".split())
# Words around an event that set how the text presents it.
MODE_CUES: dict[str, frozenset[str]] = {
    "denied": frozenset("deny refute dismiss reject".split()),
    "reported": frozenset("rumor rumour report allegation allegedly reportedly purportedly claim allege speculation".split()),
    "promised": frozenset("promise pledge vow offer commit willing willingness ready readiness agree undertake".split()),
    "threatened": frozenset("threaten".split()),
    "negated": frozenset("refrain avoid fail decline never unable".split()),
    "planned": frozenset("plan schedule intend prepare expect due set forward will shall 'll".split()),
    "hypothetical": frozenset("if could might may would able unless whether possible".split()),
}
# Determiners that make an actor or an object nobody and nothing: "no country recognized", "took no money".
NEGATIVE_DETERMINERS: frozenset[str] = frozenset("no neither none".split())
# Last words of company names ("National Intergroup Inc."): commerce between companies is no political event.
COMPANY_SUFFIXES: frozenset[str] = frozenset("inc corp co ltd llc plc ag sa nv gmbh corporation company".split())
# What an attack can only be aimed at in words: "attacked four provisions of the tax code", "an attack on his
# record" criticise (ACCUSE), they do not assault.
VERBAL_TARGETS: frozenset[str] = frozenset(
    "provision policy policies plan proposal claim record law bill idea decision statement remark comment argument "
    "position stance approach credibility character reputation agenda platform view views rhetoric tweet tweets "
    "speech budget reform deal candidacy campaign".split())
# Nouns that describe a company named before ("the company also said"): the coreference resolver's, not actors'.
COMPANY_NOUNS: frozenset[str] = frozenset("company firm concern conglomerate".split())
# Words naming the media, whose reports of an act accuse nobody.
MEDIA_WORDS: frozenset[str] = frozenset("newspaper paper daily radio television tv agency media reporter reporters journalist "
                                        "journalists broadcaster news magazine weekly website outlet correspondent".split())
# Who can be the subject of a cue whose verb has other senses (statements): people, bodies, the media, documents.
SPEAKER_NOUNS: frozenset[str] = ACTOR_NOUNS | ROLE_NOUNS | PERSON_NOUNS | ENTOURAGE_NOUNS | SOURCE_PEOPLE | MEDIA_WORDS | frozenset(
    "witness witnesses source sources expert experts analyst analysts observer observers economist economists scientist "
    "scientists researcher researchers historian historians professor professors author authors writer writers candidate "
    "candidates nominee nominees voter voters democrat democrats republican republicans spokesperson spokespeople "
    "organizer organizers organiser organisers executive executives manager managers owner owners member members "
    "everyone everybody someone somebody nobody anyone some many others country nation panel jury".split())

__all__ = [name for name in dir() if name.isupper() and not name.startswith("_")]
