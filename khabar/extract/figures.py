"""Figures: every reported quantity, with its unit, qualifier, what it counts, when, and who gave it.

Numbers are read from spaCy's tokens (digits, number words, fractions,
"hundreds of thousands"); units, qualifiers ("up to", "just") and rates
("every day") come from the tables in ``khabar.vocab``. Years, dates,
ordinals and numbers inside names are not figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from khabar.extract import Extraction
from khabar.extract.actors import actor_of
from khabar.extract.dates import date_of
from khabar.extract.syntax import NP_END, noun_phrase
from khabar.records import Figure
from khabar.vocab import (
    AMBIGUOUS_UNITS,
    APPROX,
    CUES,
    CURRENCY_SYMBOLS,
    GENERIC_MEASURES,
    NUMBER_WORDS,
    PER,
    SCALE_WORDS,
    SOURCE_NOUNS,
    SOURCE_PEOPLE,
    UNITS,
)

FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
             "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
UNICODE_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
VAGUE = {"hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "dozens": 12, "tens": 10, "scores": 20}
SMALL_WORDS = {w for w, v in NUMBER_WORDS.items() if v < 20} - {"a", "an"}
NAME_LABELS = {"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT", "GPE", "LOC", "NORP"}
DETERMINERS = {"the", "a", "an", "my", "his", "her", "their", "our", "its", "this", "that", "these", "those", "your"}
MAX_UNIT_TOKENS = 3
DIMENSIONS = {"thick", "long", "wide", "tall", "deep", "high", "across", "diameter", "square", "cubed", "squared"}
NUMERIC = re.compile(r"^[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-−+]?\d+)?$|^\.\d+$")
FRACTION = re.compile(r"^(\d+)/(\d+)$")
ATTACHED_SCALE = re.compile(r"^([-−+]?\d+(?:\.\d+)?)([kKmMbBtT]|bn|mn|mln)$")
GLUED = re.compile(r"^(\d+(?:\.\d+)?)([a-zA-Zµ°][a-zA-Z0-9^/²³]*)$")
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second"}
SCALE_LETTERS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12}


@dataclass
class Number:
    start: int  # token indices, end exclusive
    end: int
    value: float | None
    value_max: float | None = None
    vague: bool = False


def _digits(text: str) -> float | None:
    text = text.replace(",", "").replace("−", "-")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if abs(value) < 1e300 else None


def _token_value(tok: Token) -> float | None:
    text = tok.text
    if NUMERIC.match(text):
        return _digits(text)
    if m := FRACTION.match(text):
        return int(m.group(1)) / int(m.group(2)) if int(m.group(2)) else None
    if text in UNICODE_FRACTIONS:
        return UNICODE_FRACTIONS[text]
    if m := ATTACHED_SCALE.match(text):
        base = _digits(m.group(1))
        return base * SCALE_LETTERS[m.group(2).lower()] if base is not None else None
    low = tok.lower_
    if low in NUMBER_WORDS and low not in {"a", "an"}:
        return float(NUMBER_WORDS[low])
    return None


def _glued(tok: Token) -> tuple[float, str] | None:
    """A number written against its unit in one token: "4km^3", "1Ga", "25lbs"."""
    m = GLUED.match(tok.text)
    if m and m.group(2).lower() in UNITS and m.group(2).lower() not in SCALE_LETTERS:
        value = _digits(m.group(1))
        return (value, UNITS[m.group(2).lower()]) if value is not None else None
    return None


def _one_unit(doc: Doc, i: int) -> str | None:
    """"a gallon", "a penny": one of a unit that is not a time span ("a day" is a rate or a duration)."""
    if doc[i].lower_ not in {"a", "an"} or i + 1 >= len(doc):
        return None
    word = doc[i + 1].lower_
    unit = UNITS.get(word)
    if unit and len(word) > 2 and word not in AMBIGUOUS_UNITS and unit not in TIME_UNITS and unit != "percent":
        return unit
    return None


def _is_number_start(tok: Token) -> bool:
    low = tok.lower_
    if _token_value(tok) is not None or low in VAGUE or _glued(tok) or _one_unit(tok.doc, tok.i):
        return True
    if low in {"a", "an"} and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in {"hundred", "thousand", "million", "billion", "dozen"}:
        return True
    return _fraction_of(tok.doc, tok.i)


def _fraction_of(doc: Doc, i: int) -> bool:
    """"a third of the wells" (a share), not "a third country" (an ordinal)."""
    return doc[i].lower_ in {"a", "an", "one"} and i + 2 < len(doc) and doc[i + 1].lower_ in FRACTIONS and doc[i + 2].lower_ == "of"


def _read_number(doc: Doc, i: int) -> Number | None:
    """The number starting at token ``i``: "2 1/2", "Twenty thousand", "hundreds of thousands", "$11 million"."""
    tokens = []
    j = i
    while j < len(doc):
        tok, low = doc[j], doc[j].lower_
        nxt = doc[j + 1].lower_ if j + 1 < len(doc) else ""
        attached = bool(tokens) and tokens[-1].whitespace_ == ""
        if tokens and NUMERIC.match(tok.text) and NUMERIC.match(tokens[-1].text) and not (
                re.fullmatch(r"\d{3}", tok.text) and re.fullmatch(r"\d{1,3}", tokens[-1].text)):
            break  # "245 23" is two numbers; "10 000" is one
        if tokens and attached and low in SCALE_LETTERS and NUMERIC.match(tokens[-1].text):
            tokens.append(tok)  # "€10M", "$2.174T"
        elif _token_value(tok) is not None or low in SCALE_WORDS and low not in {"m", "k", "t"} and tokens or low in VAGUE:
            tokens.append(tok)
        elif low in {"a", "an"} and not tokens and (nxt in {"hundred", "thousand", "million", "billion", "dozen"} or _fraction_of(doc, j)):
            tokens.append(tok)
        elif low in {"and", "-", "&", ","} and tokens and (_words_number(nxt) or nxt in FRACTIONS or (low == "and" and nxt in {"a"})) and \
                not NUMERIC.match(tokens[-1].text):
            tokens.append(tok)
        elif low == "of" and tokens and tokens[-1].lower_ in VAGUE and (nxt in VAGUE or nxt in SCALE_WORDS):
            tokens.append(tok)
        elif low in FRACTIONS and tokens:
            tokens.append(tok)
        elif low == "a" and tokens and tokens[-1].lower_ == "and" and nxt in FRACTIONS:
            tokens.append(tok)
        else:
            break
        j += 1
    while tokens and tokens[-1].lower_ in {"and", "-", "&", ",", "of", "a"}:
        tokens.pop()
    if not tokens:
        return None
    return _value_of(tokens)


def _words_number(word: str) -> bool:
    return word in NUMBER_WORDS and word not in {"a", "an"} or word in {"hundred", "thousand", "million", "billion"}


def _value_of(tokens: list[Token]) -> Number:
    start, end = tokens[0].i, tokens[-1].i + 1
    words = [t.lower_ for t in tokens]
    if any(w in VAGUE for w in words):
        return Number(start, end, None, vague=True)
    if len(tokens) == 2 and FRACTION.match(tokens[1].text) and NUMERIC.match(tokens[0].text):
        return Number(start, end, _digits(tokens[0].text) + _token_value(tokens[1]))  # "2 1/2"
    total, current, fraction = 0.0, 0.0, 0.0
    previous = ""
    for tok, w in zip(tokens, words, strict=True):
        if w in FRACTIONS:
            if previous in {"a", "an"}:  # "two and a half": a half more
                fraction += 1.0 / FRACTIONS[w]
            else:  # "two thirds", "one-half", "three halves"
                fraction += (current or 1.0) / FRACTIONS[w]
                current = 0.0
            previous = w
            continue
        previous = w if w not in {"-"} else previous
        if w in {"hundred"}:
            current = (current or 1.0) * 100
        elif w in SCALE_WORDS and w not in {"dozen"}:
            total += (current or 1.0) * SCALE_WORDS[w]
            current = 0.0
        elif w == "dozen":
            current = (current or 1.0) * 12
        elif w in {"and", "-", "&", ",", "a", "an", "of"}:
            continue
        else:
            value = _token_value(tok)
            if value is None:
                continue
            current += value
    scale = SCALE_LETTERS.get(words[-1]) if len(tokens) > 1 and NUMERIC.match(tokens[-2].text) else None
    if scale and words[-1] not in SCALE_WORDS or (scale and tokens[-2].whitespace_ == ""):
        return Number(start, end, (_digits(tokens[-2].text) or 0.0) * scale)
    return Number(start, end, total + current + fraction)


def _approx(doc: Doc, start: int) -> str:
    """The qualifier right before token ``start`` ("up to", "just", "more than")."""
    for size in (3, 2, 1):
        phrase = " ".join(t.lower_ for t in doc[max(0, start - size) : start])
        if start - size >= 0 and phrase in APPROX:
            return APPROX[phrase]
    return "exact"


def _unit_after(doc: Doc, end: int) -> tuple[str | None, int]:
    """The unit right after a number (longest first) and the token index after it."""
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in UNITS and not doc[end].whitespace_:
        end += 1  # "thirty-year", "27-kilometer"
    for size in range(MAX_UNIT_TOKENS, 0, -1):
        if end + size > len(doc):
            continue
        toks = doc[end : end + size]
        for key in (" ".join(t.lower_ for t in toks), "".join(t.lower_ for t in toks)):
            if key in UNITS and _unit_fits(doc, end, end + size, key):
                return UNITS[key], end + size
    return None, end


def _unit_fits(doc: Doc, start: int, end: int, key: str) -> bool:
    if key not in AMBIGUOUS_UNITS:
        return True
    nxt = doc[end] if end < len(doc) else None
    if key in {"am", "pm"}:  # "2 pm" and "2.13 am" are times; "2.123 pm" is picometres
        number = doc[start - 1].text
        return "." in number and len(number.split(".")[1]) not in (2,) and not number.isdigit()
    if key == "in":  # "2 1/2 in thick", "2 in." — not "10,000 in early September"
        return nxt is None or nxt.is_punct or nxt.lower_ in DIMENSIONS
    if key == "points":
        return start >= 1 and doc[start - 1].ent_type_ == "PERCENT" or doc[start].text.lower() == "points" and \
            start >= 2 and doc[start - 2].lower_ == "percentage"
    # A unit that is also a word must be written as a unit ("MB", "Ma"), against the number, or before no new phrase.
    attached = doc[start].idx == doc[start - 1].idx + len(doc[start - 1].text)
    written_as_unit = doc[start].text == UNITS[key] and len(key) > 1
    return attached or written_as_unit or nxt is None or nxt.is_punct or nxt.pos_ in {"NOUN", "ADP", "VERB"}


def _currency_before(doc: Doc, start: int) -> tuple[str | None, int]:
    if start >= 1 and doc[start - 1].text in CURRENCY_SYMBOLS:
        if start >= 2 and doc[start - 2].text + doc[start - 1].text in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[doc[start - 2].text + doc[start - 1].text], start - 2
        return CURRENCY_SYMBOLS[doc[start - 1].text], start - 1
    return None, start


def _per_after(doc: Doc, end: int, limit: int = 8) -> str | None:
    sent_end = doc[end - 1].sent.end if end else len(doc)
    for i in range(end, min(sent_end, end + limit)):
        for size in (2, 1):
            phrase = " ".join(t.lower_ for t in doc[i : i + size])
            if phrase in PER:
                return PER[phrase]
        if doc[i].text in {",", ";", "and"} and i > end:
            break
    return None


def _excluded(doc: Doc, num: Number, ext: Extraction, unit: str | None, currency: str | None) -> bool:
    first, last = doc[num.start], doc[num.end - 1]
    if first.lower_ in SMALL_WORDS and first.lower_ == "one" and not (unit or currency) and num.end - num.start == 1:
        return True  # "one of them", "the one who"
    if num.value is not None and unit is None and currency is None and num.end - num.start == 1 and NUMERIC.match(first.text):
        if first.text.isdigit() and len(first.text) == 4 and 1000 <= num.value <= 2100:
            return True  # a year
    if first.i > 0 and doc[first.i - 1].text in {"-", "‑"} and first.i > 1 and doc[first.i - 2].is_alpha and \
            doc[first.i - 1].idx == doc[first.i - 2].idx + len(doc[first.i - 2].text):
        return True  # "Echelon-2021", "COVID-19"
    if last.i + 1 < len(doc) and doc[last.i + 1].text in {":"} and last.i + 2 < len(doc) and doc[last.i + 2].like_num:
        return True  # a clock time
    if unit is None and last.i + 1 < len(doc) and doc[last.i + 1].lower_ in {"am", "pm", "a.m.", "p.m."}:
        return True  # "2 pm", "2.13 am"
    if first.i > 0 and not doc[first.i - 1].whitespace_ and (doc[first.i - 1].text in {"+", "/"} or
                                                            doc[first.i - 1].text == "-" and first.i > 1 and doc[first.i - 2].like_num):
        return True  # "J1149.5+6663", "2013-14"
    if any(t.ent_type_ in NAME_LABELS and not t.like_num for t in doc[max(0, first.i - 1) : first.i]) and \
            first.ent_type_ in NAME_LABELS:
        return True  # "Voyager 2", "English 101"
    if first.ent_type_ == "ORDINAL" or re.match(r"^\d+(?:st|nd|rd|th)$", first.text):
        return True
    return _in_date(ext, first.idx, last.idx + len(last.text))


def _in_date(ext: Extraction, start_char: int, end_char: int) -> bool:
    """Part of a time expression placed in time, even partly ("Oct. 13" of an undated article, "two years ago", "the 1970s")?"""
    return any(dm.start <= start_char and end_char <= dm.end and dm.date is not None and (dm.date.start or dm.date.partial)
               for dm in ext.dates)


def _head(doc: Doc, num: Number) -> Token:
    """The word the number belongs to: the counted noun, or the number itself."""
    toks = doc[num.start : num.end]
    root = toks.root
    if root.dep_ in {"nummod", "quantmod", "compound"} and root.head.i >= num.end:
        return root.head
    return root


def _measure(doc: Doc, ext: Extraction, head: Token, number_root: Token, unit: str | None) -> str | None:
    """What a figure counts, in words."""
    if head.i != number_root.i and head.pos_ in {"NOUN", "PROPN"} and not _unit_word(head):
        words = _noun_phrase(head)
        if head.dep_ in {"nsubj", "nsubjpass"} and head.head.pos_ == "VERB":
            verb = head.head
            return f"{words} {doc[verb.i : verb.right_edge.i + 1].text}".strip()[:200]
        return words
    anchor = head
    preps = {"of", "in"} if unit and unit.isupper() else {"of"}  # "$11 million in debt", "46 percent of the population"
    of = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ in preps]
    if of:
        objs = [c for c in of[0].children if c.dep_ == "pobj"]
        if objs:
            return _noun_phrase(objs[0])
    verb = anchor.head
    while verb.dep_ in {"prep", "pobj", "quantmod", "advmod", "npadvmod"} and verb.head.i != verb.i:
        verb = verb.head
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subj:
        phrase = _noun_phrase(subj[0])
        if subj[0].lower_ in {"figure", "number", "total", "it", "that"} or phrase.lower().startswith(("that figure", "this figure", "the figure")):
            previous = next((f.measure for f in reversed(ext.figures) if f.measure and f.unit == (unit or "count")), None)
            return f"{phrase} ({previous})" if previous else phrase
        extra = [c for c in verb.children if c.dep_ == "dobj" and c.i != anchor.i]
        return f"{phrase} {_noun_phrase(extra[0])}" if extra else phrase
    return None


def _salient(tok: Token | None) -> str | None:
    """The lemma of a noun that says what is counted, unless it is too general or names a source."""
    if tok is None or tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    lemma = tok.lemma_.lower().strip("'’")
    if tok.pos_ == "PROPN" and lemma.endswith("s") and len(lemma) > 4:
        lemma = lemma[:-1]  # "Tajiks" → "tajik"
    if lemma in GENERIC_MEASURES or lemma in SOURCE_PEOPLE or lemma in UNITS or tok.like_num:
        return None
    return lemma


ANAPHORS = {"figure", "number", "total", "tally", "count"}


def _key_place_date(doc: Doc, ext: Extraction, head: Token, number_root: Token, unit: str):
    """What a figure counts, where and when; a figure that takes its measure from an earlier one
    ("researchers put the number at around 5,000") takes its place and date too, unless it has its own."""
    key, earlier = _measure_key(doc, ext, head, number_root, unit)
    place = _place(doc, ext, head) or (earlier.place if earlier else None)
    return key, place, date_of(doc, head) or (earlier.date if earlier else None)


def _measure_key(doc: Doc, ext: Extraction, head: Token, number_root: Token, unit: str) -> tuple[str | None, Figure | None]:
    """One word for what a figure counts: the counted noun, or what the context says it measures
    (with the earlier figure it was taken from, if any)."""
    counted = head if head.i != number_root.i and not _unit_word(head) else None
    anchor = head
    if key := _salient(counted):
        return key, None  # "15,000 Afghan refugees"
    for prep in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if key := _salient(pobj):
                return key, None  # "a third of the wells"
    sent = head.sent
    same_sentence = [f for f in ext.figures if f.unit == unit and f.measure_key and f.start >= sent.start_char]
    if counted is None and same_sentence:
        return same_sentence[-1].measure_key, same_sentence[-1]  # "up from 15,000 in October", "estimates hover around 20 percent"
    verb = anchor.head
    while verb.dep_ in {"prep", "pobj", "quantmod", "advmod", "npadvmod", "dobj", "attr"} and verb.head.i != verb.i and \
            verb.pos_ not in {"VERB", "AUX"}:
        verb = verb.head
    clause = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.i != anchor.i]
    for cand in clause:
        if key := _salient(cand):
            return key, None  # "ethnic Tajiks comprise over 46 percent"
    earlier = [f for f in ext.figures if f.unit == unit and f.measure_key]
    if earlier and (unit == "percent" or any(c.lemma_.lower() in ANAPHORS for c in clause)):
        return earlier[-1].measure_key, earlier[-1]  # "that figure was already 10,000"
    return None, None


LOCATIVE = {"in", "inside", "within", "across", "throughout", "of"}


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
        if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE or tok.dep_ == "poss" and tok.head.dep_ == "pobj":
            places.append((abs(tok.i - head.i), ent.country if ent.kind == "country" else ent.name))
    return min(places)[1] if places else None  # the nearest: "in Panjshir Province, where over 98 percent"


def _promised(ext: Extraction, start_char: int, head: Token) -> bool:
    """Is the figure what someone promised ("promised to take in up to 100,000", "the July promise to accept")?"""
    if any(st.cue == "promise" and a <= start_char < b for st, (a, b) in ext.scopes):
        return True
    return any(t.lemma_.lower() in {"promise", "pledge", "vow"} for t in head.ancestors)


def _unit_word(tok: Token) -> bool:
    return tok.lower_ in UNITS


def _noun_phrase(tok: Token) -> str:
    """The words of what is counted, prepositional phrases kept ("refugees in Tajikistan"), numbers and qualifiers out."""
    words = [t for t in noun_phrase(tok, NP_END - {"prep"}) if not t.like_num and t.lower_ not in APPROX and t.dep_ not in {"quantmod"}
             and not (t.head.like_num and t.dep_ in {"advmod", "quantmod"})]
    return " ".join(t.text for t in words).strip(" ,.") or tok.text


def _source(doc: Doc, ext: Extraction, start_char: int, head: Token) -> tuple[str | None, str | None]:
    """Who gave the figure: the speaker of a statement it is part of, or "researchers' estimates"."""
    for tok in [head, *head.ancestors]:
        for child in [tok, *tok.children]:
            if child.lemma_.lower() in SOURCE_NOUNS or child.lower_ in SOURCE_NOUNS:
                owner = [c for c in child.children if c.dep_ == "poss"]
                if owner:
                    return actor_of(doc, owner[0]), owner[0].text
        if tok.dep_ == "ROOT":
            break
    for tok in head.ancestors:  # "The July promise to accept 100,000": the promise made before
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in CUES and not any(c.dep_ == "poss" for c in tok.children):
            earlier = [st for st, _ in ext.scopes if st.cue == CUES[tok.lemma_.lower()] and st.start < start_char and st.speaker]
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
    return None, None


@Language.component("khabar_figures")
def figures_component(doc: Doc) -> Doc:
    ext: Extraction = doc._.khabar
    i = 0
    while i < len(doc):
        if not _is_number_start(doc[i]) or (i and _is_number_start(doc[i - 1]) and doc[i - 1].lower_ not in {"a", "an"}):
            i += 1
            continue
        glued, one = _glued(doc[i]), _one_unit(doc, i)
        if (glued or one) and not _in_date(ext, doc[i].idx, doc[i].idx + len(doc[i].text)):
            value, unit = glued or (1.0, one)
            end = i + (1 if glued else 2)
            tok_start, tok_end = doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)
            ext.figures.append(Figure(id=f"{ext.doc}:F{tok_start}", doc=ext.doc, start=tok_start, end=tok_end,
                                      text=doc.text[tok_start:tok_end], value=value, unit=unit, approx=_approx(doc, i),
                                      date=date_of(doc, doc[i])))
            i = end
            continue
        num = _read_number(doc, i)
        if num is None:
            i += 1
            continue
        currency, start = _currency_before(doc, num.start)
        sign = -1 if start >= 1 and doc[start - 1].text in {"-", "−"} and doc[start - 1].whitespace_ == "" and \
            (start < 2 or doc[start - 2].text in {"(", " "} or doc[start - 2].whitespace_) else 1
        unit, end = _unit_after(doc, num.end)
        if unit in {"USD", "EUR", "GBP", "JPY", "CNY", "RUB", "INR"} and currency is None:
            currency, unit = unit, None
        if _excluded(doc, num, ext, unit, currency):
            i = num.end
            continue
        approx = _approx(doc, start)
        final_unit = currency or unit or "count"
        value = num.value * sign if num.value is not None else None
        span_start, span_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        head = _head(doc, num)
        number_root = doc[num.start : num.end].root
        source, source_text = _source(doc, ext, span_start, head)
        per = _per_after(doc, end) or ("day" if end > num.end and doc[end - 1].lower_ == "tpd" else None)
        key, place, when = _key_place_date(doc, ext, head, number_root, final_unit)
        ext.figures.append(Figure(
            id=f"{ext.doc}:F{span_start}", doc=ext.doc, start=span_start, end=span_end, text=doc.text[span_start:span_end],
            value=value, value_max=num.value_max, unit=final_unit, approx="about" if num.vague and approx == "exact" else approx,
            measure=_measure(doc, ext, head, number_root, final_unit), per=per, date=when,
            source=source, source_text=source_text, measure_key=key, place=place, promised=_promised(ext, span_start, head)))
        i = max(end, num.end)
    _shared_places(ext.figures)
    return doc


def _shared_places(figures: list[Figure]) -> None:
    """A figure with no place of its own is about the place its document gives the same measure, if only one."""
    for f in figures:
        if f.place is None and f.measure_key:
            places = {g.place for g in figures if g.measure_key == f.measure_key and g.place}
            if len(places) == 1:
                f.place = places.pop()
