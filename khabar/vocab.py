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
