"""Figures: every reported quantity, with its unit, qualifier, what it counts, when, and who gave it.

Numbers are read from spaCy's tokens (digits, number words, fractions,
"hundreds of thousands", amounts written against their currency or unit:
"US$5", "RM2.05", "640bhp"); units, qualifiers ("up to", "just") and rates
("every day") come from the tables in ``khabar.vocab``. What is not a figure
(years, ages, the day of a date, street numbers, numbers inside names,
determiners, points in time) is the pattern table ``NOT_FIGURES`` run by one
spaCy ``Matcher``, plus the rules below that need a number's value. Values
are computed as decimals, so "$17.1bn" is 17100000000, not 17100000000.000002.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from types import ModuleType

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from khabar.extract import Extraction
from khabar.extract.actors import actor_of
from khabar.extract.dates import date_of
from khabar.extract.syntax import NP_END, genitives, noun_phrase, of_objects, text_of
from khabar.records import DateValue, Figure
from khabar.vocab import tables

UNICODE_FRACTIONS = {"½": Decimal("0.5"), "⅓": Decimal(1) / 3, "⅔": Decimal(2) / 3, "¼": Decimal("0.25"), "¾": Decimal("0.75"),
                     "⅕": Decimal("0.2"), "⅛": Decimal("0.125")}
NAME_LABELS = {"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT", "GPE", "LOC", "NORP"}
MAX_UNIT_TOKENS = 3
DIMENSIONS = {"thick", "long", "wide", "tall", "deep", "high", "across", "diameter", "square", "cubed", "squared"}
FRACTION = re.compile(r"^(\d+)/(\d+)$")
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second"}
SCALE_LETTERS = {"k": Decimal(10**3), "m": Decimal(10**6), "mn": Decimal(10**6), "mln": Decimal(10**6), "b": Decimal(10**9),
                 "bn": Decimal(10**9), "t": Decimal(10**12), "tn": Decimal(10**12)}


@dataclass(frozen=True)
class Numbers:
    """A language's number tables (``khabar.vocab``) and the patterns made from them."""

    v: ModuleType  # the language's vocabulary module
    numeric: re.Pattern  # a number in digits: "1,700.5" in English, "1 700,5" (one token each side of the space) in Russian
    glued: re.Pattern  # a number with what is written against it: "US$5", "USD1,700", "A$2m", "RM2.05", "200p", "640bhp"
    compound: re.Pattern  # a number inside an adjective: "20-летний", "шестичасовую" (six hours)
    iso: frozenset[str]  # the currencies among the units
    approx_words: frozenset[str]  # "at least two states": not "at states"
    word_starts: frozenset[str]  # the words, not digits, a number can start with


@lru_cache(maxsize=4)
def numbers(language: str) -> Numbers:
    v = tables(language)
    digits = v.NUMBER_FORMAT["pattern"]
    prefixes = "|".join(re.escape(p) for p in sorted((p for p in v.CURRENCY_SYMBOLS if " " not in p), key=len, reverse=True))
    stems = "|".join(re.escape(s) for s in sorted(v.NUMBER_STEMS, key=len, reverse=True)) or "(?!)"
    units = "|".join(re.escape(s) for s in sorted(v.COMPOUND_UNITS, key=len, reverse=True)) or "(?!)"
    return Numbers(
        v, re.compile(rf"^[-−+]?{digits}$|^\.\d+$"),
        re.compile(rf"^(?P<cur>{prefixes})?(?P<num>[-−+]?{digits})(?P<rest>[a-zA-Zµ°][a-zA-Z0-9^/²³]*\.?)?$"),
        re.compile(rf"^(?:(?P<num>{digits})-|(?P<stem>{stems}))(?P<unit>{units})\w*$", re.I),
        frozenset(v.CURRENCY_SYMBOLS.values()) | v.CURRENCY_CODES | {u for u in v.UNITS.values() if len(u) == 3 and u.isupper()},
        frozenset(w for phrase in v.APPROX for w in phrase.split()) | {"many", "much"},
        frozenset(v.NUMBER_WORDS) | frozenset(v.VAGUE_NUMBERS) | v.SCALE_ALONE | {"a", "an", "one"})


def _n(tok: Token | Doc) -> Numbers:
    return numbers(tok.lang_)


@dataclass
class Number:
    start: int  # token indices, end exclusive
    end: int
    value: Decimal | None
    value_max: Decimal | None = None
    vague: bool = False


@dataclass
class Glued:
    """A number token with its currency, scale or unit written against it."""

    value: Decimal
    currency: str | None = None
    unit: str | None = None
    subunit: bool = False  # "200p": hundredths of the currency
    not_figure: bool = False  # "2pm" (a time), "1960s" (a decade)


def _digits(text: str, n: Numbers) -> Decimal | None:
    """The value of a number written in digits, read with the language's decimal mark and group separator."""
    fmt = n.v.NUMBER_FORMAT
    try:
        value = Decimal(text.replace(fmt["group"], "").replace(fmt["decimal"], ".").replace("−", "-"))
    except InvalidOperation:
        return None
    return value if value.is_finite() and abs(value) < Decimal("1e300") else None


def _token_value(tok: Token) -> Decimal | None:
    text, n = tok.text, _n(tok)
    if n.numeric.match(text):
        return _digits(text, n)
    if m := FRACTION.match(text):
        return Decimal(int(m.group(1))) / int(m.group(2)) if int(m.group(2)) else None
    if text in UNICODE_FRACTIONS:
        return UNICODE_FRACTIONS[text]
    if (g := _glued(tok)) and g.unit is None and not g.subunit:
        return g.value  # "US$5" (then "million"), "17.1bn"
    low = tok.lower_
    if low in n.v.NUMBER_WORDS and low not in {"a", "an"}:
        return Decimal(n.v.NUMBER_WORDS[low])
    return None


def _glued(tok: Token) -> Glued | None:
    """A number written against its currency, scale or unit in one token: "US$5", "A$2m", "RM2.05", "200p", "25lbs"."""
    n = _n(tok)
    if m := n.compound.match(tok.text):  # "20-летний срок", "шестичасовую разницу"
        value = _digits(m.group("num"), n) if m.group("num") else Decimal(str(n.v.NUMBER_STEMS[m.group("stem").lower()]))
        return Glued(value, unit=n.v.COMPOUND_UNITS[m.group("unit").lower()]) if value is not None else None
    m = n.glued.match(tok.text)
    if not m or not (m.group("cur") or m.group("rest")):
        return None
    value = _digits(m.group("num"), n)
    if value is None:
        return None
    currency = n.v.CURRENCY_SYMBOLS[m.group("cur")] if m.group("cur") else None
    rest = (m.group("rest") or "").lower()
    rest = rest[:-1] if rest.endswith(".") and rest[:-1] in SCALE_LETTERS else rest
    if not rest:
        return Glued(value, currency)
    if rest in SCALE_LETTERS and (currency or rest not in {"m", "t"} or _counts_after(tok)):
        return Glued(value * SCALE_LETTERS[rest], currency)  # "A$2m", "1.5m people", "17.1bn"; "2m" alone is metres
    if currency:
        return None
    if rest in {"am", "pm"} or rest == "s" and m.group("num").endswith("0"):
        return Glued(value, not_figure=True)  # a clock time, a decade
    if rest in n.v.SUBUNITS and n.v.SUBUNITS[rest]:
        return Glued(value, currency=n.v.SUBUNITS[rest], subunit=True)  # "200p"
    if rest in n.v.UNITS:
        return Glued(value, unit=n.v.UNITS[rest])
    return None


def _counts_after(tok: Token) -> bool:
    """Is the next word a plural noun the number counts ("1.5m people")?"""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.tag_ in {"NNS", "NNPS"} and nxt.lower_ not in _n(tok).v.UNITS


def _one_unit(doc: Doc, i: int) -> str | None:
    """"a gallon", "a penny": one of a unit that is not a time span ("a day" is a rate or a duration)."""
    if doc[i].lower_ not in {"a", "an"} or i + 1 >= len(doc):
        return None
    word, v = doc[i + 1].lower_, _n(doc).v
    unit = v.UNITS.get(word)
    if unit and len(word) > 2 and word not in v.AMBIGUOUS_UNITS and unit not in TIME_UNITS and unit != "percent":
        return unit
    return None


def _is_number_start(tok: Token) -> bool:
    low = tok.lower_
    n = _n(tok)
    if low not in n.word_starts and tok.text not in UNICODE_FRACTIONS and not any(ch.isdigit() for ch in low) \
            and not n.compound.match(tok.text):
        return False  # most words: none of the tests below can pass, and they cost a dozen lookups and regexes a word
    v = n.v
    if _token_value(tok) is not None or low in v.VAGUE_NUMBERS or low in v.SCALE_ALONE or _glued(tok) or _one_unit(tok.doc, tok.i):
        return True
    if low in {"a", "an"} and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in {"hundred", "thousand", "million", "billion", "dozen"}:
        return True
    return _fraction_of(tok.doc, tok.i)


def _fraction_of(doc: Doc, i: int) -> bool:
    """"a third of the wells" (a share), not "a third country" (an ordinal)."""
    return doc[i].lower_ in {"a", "an", "one"} and i + 2 < len(doc) and doc[i + 1].lower_ in _n(doc).v.FRACTIONS and doc[i + 2].lower_ == "of"


def _read_number(doc: Doc, i: int) -> Number | None:
    """The number starting at token ``i``: "2 1/2", "Twenty thousand", "hundreds of thousands", "$11 million"."""
    tokens = []
    j = i
    n = _n(doc)
    vague, fractions, scales = n.v.VAGUE_NUMBERS, n.v.FRACTIONS, n.v.SCALE_WORDS
    while j < len(doc):
        tok, low = doc[j], doc[j].lower_
        nxt = doc[j + 1].lower_ if j + 1 < len(doc) else ""
        attached = bool(tokens) and tokens[-1].whitespace_ == ""
        if tokens and n.numeric.match(tok.text) and n.numeric.match(tokens[-1].text) and not (
                re.fullmatch(r"\d{3}", tok.text) and re.fullmatch(r"\d{1,3}", tokens[-1].text)):
            break  # "245 23" is two numbers; "10 000" is one
        if tokens and attached and low.rstrip(".") in SCALE_LETTERS and n.numeric.match(tokens[-1].text):
            tokens.append(tok)  # "€10M", "$2.174T"
        elif tokens and attached and tok.text == "." and tokens[-1].lower_ + "." in scales:
            tokens.append(tok)  # "тыс." written as two tokens
        elif _token_value(tok) is not None or low in scales and low not in {"m", "k", "t"} and tokens or low in vague or \
                low in n.v.SCALE_ALONE and not tokens:  # "более триллиона долларов"
            tokens.append(tok)
        elif low in {"a", "an"} and not tokens and (nxt in {"hundred", "thousand", "million", "billion", "dozen"} or _fraction_of(doc, j)):
            tokens.append(tok)
        elif low in {"and", "-", "&", ","} and tokens and (_words_number(nxt, n) or nxt in fractions or (low == "and" and nxt in {"a"})) and \
                not n.numeric.match(tokens[-1].text):
            tokens.append(tok)
        elif low == "of" and tokens and tokens[-1].lower_ in vague and (nxt in vague or nxt in scales):
            tokens.append(tok)
        elif low in fractions and tokens:
            tokens.append(tok)
        elif low == "a" and tokens and tokens[-1].lower_ == "and" and nxt in fractions:
            tokens.append(tok)
        else:
            break
        j += 1
    while tokens and tokens[-1].lower_ in {"and", "-", "&", ",", "of", "a"}:
        tokens.pop()
    if not tokens:
        return None
    return _value_of(tokens)


def _words_number(word: str, n: Numbers) -> bool:
    return word in n.v.NUMBER_WORDS and word not in {"a", "an"} or word in {"hundred", "thousand", "million", "billion"}


def _value_of(tokens: list[Token]) -> Number:
    start, end = tokens[0].i, tokens[-1].i + 1
    words = [t.lower_ for t in tokens]
    n = _n(tokens[0])
    fractions, scales, vague = n.v.FRACTIONS, n.v.SCALE_WORDS, n.v.VAGUE_NUMBERS
    if words[0] in vague or any(w in vague and w not in scales for w in words):  # "тысячи", not the scale of "две тысячи"
        return Number(start, end, None, vague=True)
    if len(tokens) == 2 and FRACTION.match(tokens[1].text) and n.numeric.match(tokens[0].text):
        return Number(start, end, _digits(tokens[0].text, n) + _token_value(tokens[1]))  # "2 1/2"
    total, current, fraction = Decimal(0), Decimal(0), Decimal(0)
    previous = ""
    for tok, w in zip(tokens, words, strict=True):
        if w in fractions:
            if previous in {"a", "an"}:  # "two and a half": a half more
                fraction += Decimal(1) / fractions[w]
            else:  # "two thirds", "one-half", "three halves"
                fraction += (current or 1) / Decimal(fractions[w])
                current = Decimal(0)
            previous = w
            continue
        previous = w if w not in {"-"} else previous
        if w in {"hundred"}:
            current = (current or 1) * 100
        elif w in scales and w not in {"dozen"}:
            total += (current or 1) * Decimal(str(scales[w]))
            current = Decimal(0)
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in {"and", "-", "&", ",", "a", "an", "of"}:
            continue
        else:
            value = _token_value(tok)
            if value is None:
                continue
            current += value
    scale = SCALE_LETTERS.get(words[-1].rstrip(".")) if len(tokens) > 1 and n.numeric.match(tokens[-2].text) else None
    if scale and words[-1] not in scales or (scale and tokens[-2].whitespace_ == ""):
        return Number(start, end, (_digits(tokens[-2].text, n) or 0) * scale)
    return Number(start, end, total + current + fraction)


def _approx(doc: Doc, start: int) -> str:
    """The qualifier right before token ``start`` ("up to", "just", "more than")."""
    for size in (3, 2, 1):
        phrase = " ".join(t.lower_ for t in doc[max(0, start - size) : start])
        if start - size >= 0 and phrase in _n(doc).v.APPROX:
            return _n(doc).v.APPROX[phrase]
    return "exact"


def _unit_after(doc: Doc, end: int) -> tuple[str | None, int]:
    """The unit right after a number (longest first) and the token index after it."""
    units = _n(doc).v.UNITS
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in units and not doc[end].whitespace_:
        end += 1  # "thirty-year", "27-kilometer"
    for size in range(MAX_UNIT_TOKENS, 0, -1):
        if end + size > len(doc):
            continue
        toks = doc[end : end + size]
        for key in (" ".join(t.lower_ for t in toks), "".join(t.lower_ for t in toks)):
            if key in units and _unit_fits(doc, end, end + size, key):
                return units[key], end + size
    return None, end


def _unit_fits(doc: Doc, start: int, end: int, key: str) -> bool:
    v = _n(doc).v
    if key not in v.AMBIGUOUS_UNITS:
        return True
    nxt = doc[end] if end < len(doc) else None
    if key in {"am", "pm"}:  # "2 pm" and "2.13 am" are times; "2.123 pm" is picometres
        number = doc[start - 1].text
        return "." in number and len(number.split(".")[1]) not in (2,) and not number.isdigit()
    if key == "in":  # "2 1/2 in thick", "2 in." — not "10,000 in early September"
        return nxt is None or nxt.is_punct or nxt.lower_ in DIMENSIONS
    if key == "second" and nxt is not None and nxt.pos_ in {"NOUN", "ADJ"}:
        return False  # "the 1988 second quarter": an ordinal
    if key == "points":
        return start >= 1 and doc[start - 1].ent_type_ == "PERCENT" or doc[start].text.lower() == "points" and \
            start >= 2 and doc[start - 2].lower_ == "percentage"
    # A unit that is also a word must be written as a unit ("MB", "Ma"), against the number, or before no new phrase.
    attached = doc[start].idx == doc[start - 1].idx + len(doc[start - 1].text)
    written_as_unit = doc[start].text == v.UNITS[key] and len(key) > 1
    return attached or written_as_unit or nxt is None or nxt.is_punct or nxt.pos_ in {"NOUN", "ADP", "VERB"}


def _currency_before(doc: Doc, start: int) -> tuple[str | None, int]:
    symbols = _n(doc).v.CURRENCY_SYMBOLS
    if start >= 1 and doc[start - 1].text in symbols:
        if start >= 2 and doc[start - 2].text + doc[start - 1].text in symbols:
            return symbols[doc[start - 2].text + doc[start - 1].text], start - 2
        return symbols[doc[start - 1].text], start - 1
    return None, start


def _per_after(doc: Doc, end: int, limit: int = 8) -> str | None:
    sent_end = doc[end - 1].sent.end if end else len(doc)
    for i in range(end, min(sent_end, end + limit)):
        for size in (2, 1):
            phrase = " ".join(t.lower_ for t in doc[i : i + size])
            if phrase in _n(doc).v.PER:
                return _n(doc).v.PER[phrase]
        if doc[i].text in {",", ";", "and"} and i > end:
            break
    return None


_MATCHERS: dict[int, Matcher] = {}


def _not_figures(doc: Doc) -> set[int]:
    """Token indices of numbers that the ``NOT_FIGURES`` patterns rule out (ages, street numbers, names...)."""
    key = id(doc.vocab)
    if key not in _MATCHERS:
        matcher = Matcher(doc.vocab)
        for name, patterns in _n(doc).v.NOT_FIGURES.items():
            matcher.add(name, patterns)
        _MATCHERS[key] = matcher
    v = _n(doc).v
    return {t.i for _, s, e in _MATCHERS[key](doc) for t in doc[s:e]
            if t.like_num or _glued(t) or t.lower_ in v.NUMBER_WORDS or t.lower_ in v.VAGUE_NUMBERS}


def _excluded(doc: Doc, num: Number, ext: Extraction, unit: str | None, currency: str | None) -> bool:
    first, last = doc[num.start], doc[num.end - 1]
    if first.lower_ == "one" and not (unit or currency) and num.end - num.start == 1:
        return True  # "one of them", "the one who"
    if num.value is not None and unit is None and currency is None and num.end - num.start == 1 and _n(doc).numeric.match(first.text):
        if first.text.isdigit() and len(first.text) == 4 and 1000 <= num.value <= 2100 and not _counts_plural(first):
            return True  # a year, not "1000 customers"
    if first.i > 0 and doc[first.i - 1].text in {"-", "‑"} and first.i > 1 and doc[first.i - 2].is_alpha and \
            doc[first.i - 1].idx == doc[first.i - 2].idx + len(doc[first.i - 2].text):
        return True  # "Echelon-2021", "COVID-19", "G-20"
    if last.i + 1 < len(doc) and doc[last.i + 1].text in {":"} and last.i + 2 < len(doc) and doc[last.i + 2].like_num:
        return True  # a clock time
    if unit is None and last.i + 1 < len(doc) and doc[last.i + 1].lower_ in {"am", "pm", "a.m.", "p.m."}:
        return True  # "2 pm", "2.13 am"
    if first.i > 0 and not doc[first.i - 1].whitespace_ and (doc[first.i - 1].text in {"+", "/"} or
                                                            doc[first.i - 1].text == "-" and first.i > 1 and doc[first.i - 2].like_num):
        return True  # "J1149.5+6663", "2013-14"
    if any(t.ent_type_ in NAME_LABELS and not t.like_num for t in doc[max(0, first.i - 1) : first.i]) and \
            first.ent_type_ in NAME_LABELS and not currency:
        return True  # "Voyager 2", "English 101"
    if first.ent_type_ == "ORDINAL" or re.match(r"^\d+(?:st|nd|rd|th)$", first.text):
        return True
    return _in_date(ext, first.idx, last.idx + len(last.text)) and not _counts_plural(first)


def _counts_plural(tok: Token) -> bool:
    """ "1000 customers": a number that modifies the plural noun after it counts it (a year does not)."""
    return tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.tag_ in {"NNS", "NNPS"}


def _range(doc: Doc, num: Number, end: int, unit: str | None) -> tuple[Number, int, str | None]:
    """ "four or five people", "between 10 and 20", "10-15 km": one figure from the lower to the upper bound.
    "from 10 to 20" is a change, "52 to 48" a score: both stay two numbers."""
    j = end
    ranges = _n(doc).v.RANGE_WORDS
    before = doc[num.start - 1].lower_ if num.start else ""
    joiner = ranges["between_joiners"] if before in ranges["between"] else ranges["joiners"]
    if before in ranges["change_from"] or j + 1 >= len(doc) or doc[j].lower_ not in joiner or not _is_number_start(doc[j + 1]) \
            or num.value is None:
        return num, end, unit
    if doc[num.start].text.isdigit() and len(doc[num.start].text) == 4:
        return num, end, unit  # "1990-1995" are years
    upper = _read_number(doc, j + 1)
    if upper is None or upper.value is None or upper.value <= num.value:
        return num, end, unit
    unit2, end2 = _unit_after(doc, upper.end)
    if unit and unit2 and unit2 != unit:
        return num, end, unit
    return Number(num.start, upper.end, num.value, upper.value, num.vague), max(end2, upper.end), unit or unit2


def _unit_of_change(doc: Doc, ext: Extraction, num: Number, end: int) -> str | None:
    """ "from ten to eight hours", "с двух часов до одного": a number of a change with no unit has the other number's."""
    ranges = _n(doc).v.RANGE_WORDS
    before = doc[num.start - 1].lower_ if num.start else ""
    if before in ranges["change_from"] and end + 1 < len(doc) and doc[end].lower_ in ranges["change_to"] and \
            (other := _read_number(doc, end + 1)) is not None:
        return _unit_after(doc, other.end)[0]
    if before in ranges["change_to"] and num.start >= 2 and ext.figures and ext.figures[-1].end == doc[num.start - 2].idx + len(doc[num.start - 2]):
        return ext.figures[-1].unit if ext.figures[-1].unit not in {"count", *_n(doc).iso} else None
    return None


def _in_money(ext: Extraction, value: Decimal | None, unit: str, n: Numbers) -> tuple[Decimal | None, str]:
    """ "89 cents" is USD 0.89 when the document's nearest earlier amount is in dollars; "200 pence" is GBP 2."""
    if unit not in n.v.SUBUNITS.values() and unit not in {"cent", "pence"}:
        return value, unit
    currency = "GBP" if unit == "pence" else next((f.unit for f in reversed(ext.figures) if f.unit in n.iso), None)
    if currency is None or value is None:
        return value, unit
    return value / 100, currency


def _rate_noun(doc: Doc, end: int) -> str | None:
    """ "89 cents a share", "$70 per barrel": the thing an amount is for, when it is not a time ("a day" is ``per``)."""
    if end + 1 < len(doc) and doc[end].lower_ in {"a", "per", "each", "an"} and doc[end + 1].pos_ == "NOUN" and \
            f"{doc[end].lower_} {doc[end + 1].lower_}" not in _n(doc).v.PER and doc[end + 1].lower_ not in _n(doc).v.UNITS:
        return doc[end + 1].text
    return None


def _in_date(ext: Extraction, start_char: int, end_char: int) -> bool:
    """Part of a time expression placed in time, even partly ("Oct. 13" of an undated article, "two years ago", "the 1970s")?"""
    return any(dm.start <= start_char and end_char <= dm.end and dm.date is not None and (dm.date.start or dm.date.partial)
               for dm in ext.dates)


@dataclass
class Measure:
    """What a figure counts: in words, as one key word (the index links are looked up by), and the earlier
    figure it was taken from ("that figure was already 10,000"), whose place and date it shares."""

    words: str | None = None
    key: str | None = None
    earlier: Figure | None = None
    head: Token | None = None  # the word the figure is about, for its place, date and source


ANAPHORS = {"figure", "number", "total", "tally", "count", "share", "it", "that", "this", "toll"}
COPULAS = {"be", "become", "remain", "stand", "total", "reach", "number", "amount", "hover", "put"}
MAX_WORDS = 12


def _describe(doc: Doc, ext: Extraction, start: int, end: int, unit: str) -> Measure:
    """What a figure counts, tried from the most to the least explicit: a counted noun ("258 people killed"), a noun the
    amount belongs to ("a charge of $5.3 million"), the clause it is the object of ("National Intergroup earned $22.5
    million"), an earlier figure of the same sentence ("up from $10 million"), the subject of its verb ("revenue fell 4%")."""
    span = doc[start:end]
    anchor = span.root
    if (counted := _counted(anchor, end)) is not None:
        return _of_counted(doc, anchor, counted, unit)
    owner = anchor.head.head if anchor.head.dep_ in {"prep", "amod"} or anchor.head.pos_ == "ADJ" else None
    if owner is not None and owner.pos_ in {"NOUN", "PROPN"} and not _unit_word(owner) and owner.i < start and \
            anchor.dep_ in {"pobj", "npadvmod"} and anchor.head.lower_ in {"of", "for", "worth", "at"}:
        words = _phrase(owner, keep_preps=False)  # "a charge of $5.3 million", "pearls for $800", "properties worth $130 million"
        subject = _clause(owner)[0]
        if subject is not None and subject.pos_ == "PROPN" and subject.i < owner.i:
            words = f"{_phrase(subject, keep_preps=False)} {words}"  # whose: "Citadel posted a net loss of $2.3 million"
        return Measure(_cap(f"{words} worth" if anchor.head.lower_ == "worth" else words), _salient(owner), head=owner)
    if participle := [c for c in anchor.children if c.dep_ == "acl" and c.pos_ == "VERB"]:
        return Measure(_verb_phrase(participle[0]), head=anchor)  # "among hundreds injured"
    if (doc[start - 1].text == "(" or anchor.dep_ == "appos") and ext.figures and ext.figures[-1].measure and \
            ext.figures[-1].end >= doc[start].idx - 3:
        f = ext.figures[-1]  # "20,000 marks (dlrs 11,000)": the same amount converted
        return Measure(f.measure, f.measure_key, f, head=anchor)
    subject, verb = _clause(anchor)
    own_subject = subject is not None and not _anaphoric(subject)
    physical = unit not in _n(doc).iso and unit not in {"count", "percent"} and unit not in TIME_UNITS and _unit_word(anchor)
    if physical and verb is not None:  # "bought a hundred acres in Loudon county", "200 feet behind the home"
        words = _phrase(anchor)
        return Measure(_cap(f"{_verb_text(verb)} {words}" if anchor.dep_ == "dobj" else words), _salient(subject) if own_subject else None,
                       head=anchor)
    if anchor.dep_ in {"dobj", "attr", "oprd"} and verb is not None and not _figure_word(subject):
        # "National Intergroup earned $22.5 million", "Revenue was $778.6 million", "it lost $7.2 million"
        return Measure(_predicate(subject if own_subject else None, verb, anchor), _salient(subject) if own_subject else None, head=anchor)
    sent = anchor.sent
    same_sentence = [f for f in ext.figures if f.unit == unit and f.measure and sent.start_char <= f.start
                     and (" per " not in f.measure or _rate_noun(doc, end))]
    if same_sentence and (not own_subject or anchor.dep_ in {"appos", "conj"} or anchor.head.lower_ in {"from", "with"}):
        f = same_sentence[-1]  # "up from 15,000 in October", "most researchers' estimates hover around 20 percent"
        return Measure(f.measure, f.measure_key, f, head=anchor)
    if anchor.dep_ in {"nsubj", "nsubjpass"} and verb is not None:  # "11 were killed in Tanzania"
        return Measure(_verb_phrase(verb), _salient(_object(verb, anchor)), head=anchor)
    if verb is not None and not _figure_word(subject) and (own_subject or anchor.head.dep_ == "prep" or anchor.head.i == verb.i):
        # "net income rose 11%", "hotels are only thirty percent full", "agreed to sell the division for $15 million"
        return Measure(_predicate(subject if own_subject else None, verb, anchor), _salient(subject) if own_subject else None, head=anchor)
    earlier = [f for f in ext.figures if f.unit == unit and f.measure]
    if earlier and (unit == "percent" or _figure_word(subject)):
        f = earlier[-1]  # "that figure was already 10,000"
        return Measure(f.measure, f.measure_key, f, head=anchor)
    return Measure(head=anchor)


def _counted(anchor: Token, end: int) -> Token | None:
    """The noun a number counts: "15,000 refugees", "a three percent drop", "three of his buyers", "46 percent of the population"."""
    head = anchor.head
    if anchor.dep_ in {"nummod", "quantmod", "compound", "amod", "nmod"} and head.i >= end and head.pos_ in {"NOUN", "PROPN"} \
            and not _unit_word(head):
        return head
    return next(iter(of_objects(anchor)), None)  # "46 percent of the population", "6 тысяч беженцев"


def _of_counted(doc: Doc, anchor: Token, counted: Token, unit: str) -> Measure:
    words, key = _phrase(counted), _salient(counted)
    top = counted if counted.is_ancestor(anchor) else anchor
    subject, verb = _clause(top)
    if key is None and unit == "percent":  # "ethnic Tajiks comprise 46 percent of Afghanistan's population"
        group = subject if subject is not None and not _anaphoric(subject) and subject.i != top.i else _object(verb, top)
        if group is not None and _salient(group):
            return Measure(f"{_phrase(group, keep_preps=False)}, share of {words}", _salient(group), head=counted)
    participle = [c for c in counted.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    if top.dep_ == "dobj" and verb is not None and top.head.i == verb.i:
        words = f"{_verb_text(verb)} {words}"  # "killed 258 people", "expelled five Iraqis"
    elif top.dep_ in {"nsubj", "nsubjpass"} and verb is not None and top.head.i == verb.i:
        # "600 Afghans try to cross the border"; "в Киргизии находились 6 тысяч беженцев": the verb's phrase holds its subject
        words = f"{words} {_verb_phrase(verb)}" if top.i < verb.i else _verb_phrase(verb)
    elif participle and key is None:
        words = f"{words} {_verb_phrase(participle[0])}"  # "300 people trying to cross the river"
    return Measure(_cap(words), key, head=counted)


def _clause(tok: Token) -> tuple[Token | None, Token | None]:
    """The subject and verb (or adjective) of the clause a word is in; coordinated verbs share their subject."""
    verb = tok.head
    while verb.pos_ not in {"VERB", "AUX", "ADJ"} and verb.head.i != verb.i and not _has_subject(verb):
        verb = verb.head  # a word with a subject is a predicate, however tagged ("estimates hover")
    if verb.pos_ not in {"VERB", "AUX", "ADJ"} and not _has_subject(verb):
        return None, None
    if verb.pos_ == "ADJ" and verb.dep_ in {"acomp", "amod"} and verb.head.pos_ in {"AUX", "VERB"}:
        verb = verb.head if verb.dep_ == "acomp" else verb
    for v in (verb, verb.head if verb.dep_ in {"conj", "xcomp"} else None):
        if v is None:
            continue
        subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != tok.i]
        if subj:
            return subj[0], verb
    return None, verb


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def _anaphoric(tok: Token) -> bool:
    """A subject that says nothing of what is counted: "that figure", "it", "most researchers' estimates"."""
    return _figure_word(tok) or tok.pos_ == "PRON"


def _figure_word(tok: Token | None) -> bool:
    """ "that figure", "the share", "most researchers' estimates": a subject that stands for an earlier figure."""
    v = _n(tok).v if tok is not None else None
    return tok is not None and (tok.lemma_.lower() in ANAPHORS - {"it", "that", "this"} or tok.lemma_.lower() in v.SOURCE_NOUNS
                                or tok.lemma_.lower() in v.SOURCE_PEOPLE)


def _object(verb: Token | None, not_this: Token) -> Token | None:
    if verb is None:
        return None
    objs = [c for c in verb.children if c.dep_ in {"dobj", "attr"} and c.i != not_this.i and not c.is_ancestor(not_this)
            and not c.like_num and not any(g.like_num for g in c.children)]  # another quantity is no object
    return objs[0] if objs else None


def _predicate(subject: Token | None, verb: Token, anchor: Token) -> str:
    """ "revenue declined", "Hotels full", "sell the extrusion division" (a price), "ethnic Tajiks comprise"."""
    parts = [_phrase(subject, keep_preps=False)] if subject is not None else []
    if verb.lemma_.lower() not in COPULAS or verb.pos_ == "ADJ" or subject is None:
        parts.append(_verb_text(verb))
    adjective = [c for c in verb.children if c.dep_ == "acomp" and c.i != anchor.i]
    if adjective:
        parts.append(adjective[0].text)  # "Hotels are thirty percent full"
    if (obj := _object(verb, anchor)) is not None:
        parts.append(_phrase(obj, keep_preps=False))
    return _cap(" ".join(parts))


def _verb_text(verb: Token) -> str:
    particle = [c.text for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.text, *particle])


def _verb_phrase(verb: Token) -> str:
    """The verb and what follows it in its clause ("were killed in Tanzania" → "killed in Tanzania"), without who says so."""
    cues = _n(verb).v.CUES
    said = {t.i for c in verb.children if c.dep_ in {"ccomp", "parataxis"} or c.lower_ == "according" or c.lemma_.lower() in cues
            for t in c.subtree}
    words = [t for t in verb.doc[verb.i : verb.right_edge.i + 1] if not t.like_num and t.dep_ not in {"punct", "cc"} and t.i not in said]
    return _cap(" ".join(t.text for t in words))


def _cap(words: str) -> str:
    return " ".join(words.split()[:MAX_WORDS]).strip(" ,.;:")


def _salient(tok: Token | None) -> str | None:
    """The lemma of a noun that says what is counted, unless it is too general or names a source."""
    if tok is None or tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    lemma = tok.lemma_.lower().strip("'’")
    if tok.pos_ == "PROPN" and lemma.endswith("s") and len(lemma) > 4:
        lemma = lemma[:-1]  # "Tajiks" → "tajik"
    v = _n(tok).v
    if lemma in v.GENERIC_MEASURES or lemma in v.SOURCE_PEOPLE or lemma in v.UNITS or tok.like_num:
        return None
    return v.MEASURE_WORDS.get(lemma, lemma)  # the English key where the language's table has one: links cross languages




def _place(doc: Doc, ext: Extraction, head: Token) -> str | None:
    """Where a figure holds: a country (ISO3) or place (name) in a place phrase of its own clause ("live in Tajikistan").

    A demonym describing the counted thing ("Afghan refugees") says who is counted, not where.
    """
    verb = head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        verb = verb.head  # "Panjshir Province, where over 98 percent...": the place is what "where" stands for
    places = []
    for tok in verb.subtree:
        eid = ext.actors.token_actor.get(tok.i)
        ent = ext.entities.get(eid) if eid else None
        if ent is None or ent.kind not in {"country", "location"} or tok.dep_ in {"amod", "compound"} and tok.head.i == head.i:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in _n(doc).v.PLACE_PREPS or tok.dep_ == "poss" and tok.head.dep_ == "pobj" \
                or tok in genitives(tok.head):  # "in Tajikistan", "Afghanistan's population", "население Киргизии"
            places.append((abs(tok.i - head.i), ent.country if ent.kind == "country" else ent.name))
    return min(places)[1] if places else None  # the nearest: "in Panjshir Province, where over 98 percent"


def _promised(ext: Extraction, start_char: int, head: Token) -> bool:
    """Is the figure what someone promised ("promised to take in up to 100,000", "the July promise to accept")?"""
    if any(st.cue == "promise" and a <= start_char < b for st, (a, b) in ext.scopes):
        return True
    return any(t.lemma_.lower() in {"promise", "pledge", "vow"} for t in head.ancestors)


def _unit_word(tok: Token) -> bool:
    return tok.lower_ in _n(tok).v.UNITS


def _phrase(tok: Token, keep_preps: bool = True) -> str:
    """The words of a noun phrase, prepositional phrases kept or not ("refugees in Tajikistan"), numbers and qualifiers out."""
    n = _n(tok)
    words = [t for t in noun_phrase(tok, NP_END - {"prep"} if keep_preps else NP_END) if not t.like_num and t.lower_ not in n.v.APPROX
             and t.dep_ not in {"quantmod"} and not (t.head.like_num and t.dep_ in {"advmod", "quantmod"}) and not _glued(t)
             and t.text not in n.v.CURRENCY_SYMBOLS and not ((t.dep_ in {"cc", "punct"} or t.lower_ in n.approx_words) and t.i < tok.i)
             and not (t.i != tok.i and t.i and t.doc[t.i - 1].like_num and (t.lower_ in n.v.UNITS or t.lower_.rstrip(".") in SCALE_LETTERS))]
    return _cap(" ".join(t.text for t in words)) or tok.text


def _source(doc: Doc, ext: Extraction, start_char: int, head: Token, quotes: list[re.Match]) -> tuple[str | None, str | None]:
    """Who gave the figure: the speaker of a statement it is part of, or "researchers' estimates"."""
    v = _n(doc).v
    for tok in [head, *head.ancestors]:
        for child in [tok, *tok.children]:
            if child.lemma_.lower() in v.SOURCE_NOUNS or child.lower_ in v.SOURCE_NOUNS:
                owner = [c for c in child.children if c.dep_ == "poss"]
                if owner:
                    return actor_of(doc, owner[0]), owner[0].text
        if tok.dep_ == "ROOT":
            break
    for tok in head.ancestors:  # "The July promise to accept 100,000": the promise made before
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in v.CUES and not any(c.dep_ == "poss" for c in tok.children):
            earlier = [st for st, _ in ext.scopes if st.cue == v.CUES[tok.lemma_.lower()] and st.start < start_char and st.speaker]
            if earlier:
                return earlier[-1].speaker, earlier[-1].speaker_text
    best = None
    sent = doc[head.i].sent
    for st, content in ext.scopes:
        if content[0] <= start_char < content[1] and sent.start_char <= st.start < sent.end_char + 1:
            if best is None or content[1] - content[0] < best[1][1] - best[1][0]:
                best = (st, content)
    if best is None:
        for st, content in ext.scopes:
            if content[0] <= start_char < content[1]:
                best = (st, content)
    if best:
        return best[0].speaker, best[0].speaker_text
    return _announcer(doc, head) or _quoted_speaker(ext, start_char, quotes) or (None, None)


def _announcer(doc: Doc, head: Token) -> tuple[str | None, str | None] | None:
    """ "Albright announced on Monday to offer a reward of $2 million": the subject of the reporting verb above the figure."""
    for tok in head.ancestors:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _n(doc).v.CUES:
            subj = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"}]
            if subj and (actor := actor_of(doc, subj[0])):
                return actor, subj[0].text
            return None
    return None


QUOTE_GAP = 120  # characters between two quotations of one speaker ("...," she said. "...")
QUOTES = re.compile(r"“[^”]*”|``.*?''|\"[^\"]*\"", re.S)


def _quoted_speaker(ext: Extraction, start_char: int, quotes: list[re.Match]) -> tuple[str | None, str | None] | None:
    """A figure inside a quotation whose speaker a statement names, though the quote runs on past that statement's sentence.

    ``quotes``: the document's quotations (``QUOTES``), found once per document: ``doc.text`` is rebuilt on every access."""
    for n, quote in enumerate(quotes):
        if quote.start() <= start_char < quote.end():
            said = [st for st, (a, b) in ext.scopes if a < quote.end() and quote.start() < b and st.speaker_text]
            if not said and n and quote.start() - quotes[n - 1].end() < QUOTE_GAP:  # the speaker's quote goes on
                said = [st for st, (a, b) in ext.scopes if a < quotes[n - 1].end() and quotes[n - 1].start() < b and st.speaker_text]
            return (said[0].speaker, said[0].speaker_text) if said else None
    return None


@Language.component("khabar_figures")
def figures_component(doc: Doc) -> Doc:
    ext: Extraction = doc._.khabar
    skip = _not_figures(doc)
    quotes = list(QUOTES.finditer(text_of(doc)))
    i = 0
    while i < len(doc):
        if i in skip or not _is_number_start(doc[i]) or (i and _is_number_start(doc[i - 1]) and doc[i - 1].lower_ not in {"a", "an"}):
            i += 1
            continue
        figure, i = _figure_at(doc, ext, i, quotes)
        if figure is not None:
            ext.figures.append(figure)
    _shared_places(ext.figures)
    return doc


def _quantity_at(doc: Doc, i: int) -> tuple[Number, int, int, str | None, str | None] | None:
    """The number starting at token ``i`` with its currency and unit: (number, first token, end token, currency, unit)."""
    glued, one = _glued(doc[i]), _one_unit(doc, i)
    if glued and glued.not_figure:
        return None
    if glued and (glued.unit or glued.subunit):  # "640bhp", "121ft", "200p"
        value = glued.value / 100 if glued.subunit else glued.value
        return Number(i, i + 1, value), i, i + 1, glued.currency, glued.unit
    if one:  # "a gallon"
        return Number(i, i + 2, Decimal(1)), i, i + 2, None, one
    num = _read_number(doc, i)
    if num is None:
        return None
    currency, start = _currency_before(doc, num.start)
    if currency is None and (g := _glued(doc[num.start])) is not None:
        currency = g.currency  # "US$5 million", "USD1,700"
    unit, end = _unit_after(doc, num.end)
    num, end, unit = _range(doc, num, end, unit)
    if unit in _n(doc).iso and currency is None:
        currency, unit = unit, None
    return num, start, end, currency, unit


def _figure_at(doc: Doc, ext: Extraction, i: int, quotes: list[re.Match]) -> tuple[Figure | None, int]:
    """The figure starting at token ``i`` (or None) and the token to go on from."""
    found = _quantity_at(doc, i)
    if found is None:
        return None, i + 1
    num, start, end, currency, unit = found
    unit = unit or (None if currency else _unit_of_change(doc, ext, num, end))
    if _excluded(doc, num, ext, unit, currency) or \
            _in_date(ext, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)) and not _counts_plural(doc[num.start]):
        return None, num.end
    sign = -1 if start >= 1 and doc[start - 1].text in {"-", "−"} and doc[start - 1].whitespace_ == "" and \
        (start < 2 or doc[start - 2].text in {"(", " "} or doc[start - 2].whitespace_) else 1
    value, final_unit = _in_money(ext, num.value * sign if num.value is not None else None, currency or unit or "count", _n(doc))
    value_max = _in_money(ext, num.value_max, currency or unit or "count", _n(doc))[0] if num.value_max is not None else None
    approx = "range" if num.value_max is not None else _approx(doc, start)
    span_start, span_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    measure = _describe(doc, ext, start, end, final_unit)
    if measure.words and (rate := _rate_noun(doc, end)):
        measure.words = f"{measure.words} per {rate}"  # "Net advanced to $94.2 million, or 89 cents a share"
    head = measure.head or doc[start:end].root
    earlier = measure.earlier
    source, source_text = _source(doc, ext, span_start, head, quotes)
    per = _per_after(doc, end) or ("day" if end > num.end and doc[end - 1].lower_ == "tpd" else None)
    figure = Figure(
        id=f"{ext.doc}:F{span_start}", doc=ext.doc, start=span_start, end=span_end, text=doc[start:end].text,
        value=_number(value), value_max=_number(value_max), unit=final_unit,
        approx="about" if num.vague and approx == "exact" else approx, measure=measure.words, per=per,
        date=date_of(doc, doc[start:end].root) or date_of(doc, head) or (earlier.date if earlier else None) or _sentence_date(doc, ext, head),
        source=source, source_text=source_text, measure_key=measure.key,
        place=_place(doc, ext, head) or (earlier.place if earlier else None), promised=_promised(ext, span_start, head))
    return figure, max(end, num.end)


def _number(value: Decimal | None) -> float | None:
    """The exact decimal as the nearest float: 17.1 × 10⁹ is 17100000000.0."""
    return None if value is None else float(value)


def _sentence_date(doc: Doc, ext: Extraction, head: Token) -> DateValue | None:
    """The date of a figure's sentence when it names only one ("a speech Sunday night to about 700 students")."""
    sent = head.sent
    dates = {(d.date.start, d.date.end): d.date for d in ext.dates
             if d.date and d.date.start and sent.start_char <= d.start < sent.end_char}
    return next(iter(dates.values())) if len(dates) == 1 else None


def _shared_places(figures: list[Figure]) -> None:
    """A figure with no place of its own is about the place its document gives the same measure, if only one."""
    for f in figures:
        if f.place is None and f.measure_key:
            places = {g.place for g in figures if g.measure_key == f.measure_key and g.place}
            if len(places) == 1:
                f.place = places.pop()
