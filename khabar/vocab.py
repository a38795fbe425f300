"""khabar's vocabulary, as data: every extractor reads these tables.

Actor sectors and titles, statement cues, figure units and qualifiers,
event modes and PLOVER types live here, in one place, as plain tables a
user can read and extend (add a row, not an ``if``).
"""
from __future__ import annotations

# --- actors -----------------------------------------------------------------
# Role or collective noun -> CAMEO/PLOVER sector code.
SECTORS: dict[str, str] = {
    **dict.fromkeys("government cabinet ministry minister president premier chancellor administration regime "
                    "official officials authorities authority spokesman spokeswoman spokesperson diplomat diplomats "
                    "ambassador envoy embassy mayor governor king queen emir sultan leadership leader state "
                    "secretary prime".split(), "GOV"),
    **dict.fromkeys("military army troops troop soldiers soldier forces force navy air marines general commander "
                    "defense defence guards guard officers brigade battalion".split(), "MIL"),
    **dict.fromkeys("police policemen policeman cops officer".split(), "COP"),
    **dict.fromkeys("rebels rebel insurgents insurgent militants militant fighters guerrillas guerrilla separatists "
                    "jihadists resistance mujahideen".split(), "REB"),
    **dict.fromkeys("opposition dissidents dissident protesters protester demonstrators activists".split(), "OPP"),
    **dict.fromkeys("refugees refugee migrants asylum displaced".split(), "REF"),
    **dict.fromkeys("parliament parliamentary lawmakers lawmaker legislators legislature congress senate senator "
                    "senators deputies mp mps assembly duma".split(), "LEG"),
    **dict.fromkeys("court judge judges judiciary prosecutor prosecutors tribunal".split(), "JUD"),
    **dict.fromkeys("party".split(), "PTY"),
    **dict.fromkeys("company companies firm business businesses bank corporation industry".split(), "BUS"),
    **dict.fromkeys("media newspaper journalists journalist reporters television broadcaster".split(), "MED"),
    **dict.fromkeys("civilians civilian residents villagers people citizens".split(), "CVL"),
    **dict.fromkeys("intelligence spy spies".split(), "SPY"),
}

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

# --- numbers ----------------------------------------------------------------
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9,
    "trillion": 1e12, "tn": 1e12, "k": 1e3, "dozen": 12,
}

# --- statements -------------------------------------------------------------
# Reporting verb (lemma) -> statement cue of SPEC.md.
CUES: dict[str, str] = {
    **dict.fromkeys("say tell state add note explain write reply respond answer remark comment describe announce declare "
                    "reiterate stress emphasize emphasise recall testify confirm acknowledge admit concede tweet post "
                    "predict suggest indicate observe mention signal hint talk speak praise quote".split(), "say"),
    **dict.fromkeys("claim allege insist maintain contend assert argue question".split(), "claim"),
    **dict.fromkeys("report disclose reveal inform cite".split(), "report"),
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
# Punctuation that attributes a quote: "“...” ― Jane Doe" and "Jane Doe: “...”".
QUOTE_MARKS: frozenset[str] = frozenset({"―", "—", ":"})
# Nouns whose object is what was said: "denies the reports", "rejected the claims".
CONTENT_NOUNS: frozenset[str] = frozenset(
    "report reports claim claims allegation allegations accusation accusations rumor rumors rumour rumours statement "
    "statements charge charges suggestion suggestions assertion assertions story stories speculation".split())
# Multi-word cues matched as phrases; the pattern's speaker is the object of the last word.
PHRASE_CUES: dict[str, str] = {"according to": "say", "in the words of": "say", "quoted by": "say", "cited by": "report"}
# Nouns that name a figure's source: "researchers' estimates", "official figures".
SOURCE_NOUNS: frozenset[str] = frozenset(
    "estimate estimates figure figures data statistics count counts tally census survey surveys poll polls "
    "calculation calculations projection projections".split())
