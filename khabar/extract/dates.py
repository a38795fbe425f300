"""Time expressions, normalised against the publication date.

spaCy finds the expressions (DATE and TIME entities); ``RULES``, a table of
patterns and resolvers, turns each into a ``DateValue``. dateparser handles
full calendar dates; the table adds what it cannot do: parts of months
("mid-October"), seasons, weekdays and relative expressions resolved against
the publication date, and durations (kept, with no value).
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

import dateparser
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from khabar.extract import Extraction
from khabar.extract.syntax import text_of
from khabar.records import DateMention, DateValue
from khabar.vocab import NUMBER_WORDS, tables

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
PARTS = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20), "middle": (11, 20),
         "late": (21, 31), "end": (21, 31)}

_M = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_Y = r"(?P<year>(?:1[5-9]|20)\d\d)"
_PART = r"(?P<part>early|mid|middle|late|the (?:beginning|start|middle|end) of|beginning of|end of)[\s-]*"
_NUM = r"(?P<n>\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"

Resolver = Callable[[re.Match, date, str | None], tuple[date, date, str] | None]


def _month_year(month: int, pub: date, tense: str | None, day: int = 15) -> int:
    """The year of a month named without one: the nearest, or the next/last one when the clause says so."""
    def when(y: int) -> date:
        return date(y, month, min(day, calendar.monthrange(y, month)[1]))

    if tense == "future":
        return pub.year if when(pub.year) >= pub else pub.year + 1
    if tense == "past":
        return pub.year if when(pub.year) <= pub else pub.year - 1
    return min((pub.year - 1, pub.year, pub.year + 1), key=lambda y: abs((when(y) - pub).days))


def _month_range(year: int, month: int, first: int = 1, last: int = 31) -> tuple[date, date]:
    days = calendar.monthrange(year, month)[1]
    return date(year, month, min(first, days)), date(year, month, min(last, days))


def _part(m: re.Match) -> tuple[int, int]:
    word = (m.group("part") or "").replace("the ", "").replace(" of", "").strip(" -")
    return PARTS.get(word, (1, 31))


def _full(m: re.Match, pub: date, tense: str | None):
    parsed = dateparser.parse(m.group(0), languages=["en"], settings={"REQUIRE_PARTS": ["day", "month"]})
    if not parsed:
        return None
    day = parsed.date()
    if not m.groupdict().get("year") and not re.search(r"\d{4}", m.group(0)):
        day = day.replace(year=_month_year(day.month, pub, tense, day.day))
    return day, day, "day"


def _month_part(m: re.Match, pub: date, tense: str | None):
    month = MONTHS[m.group("month").lower().rstrip(".")]
    rel = (m.groupdict().get("rel") or "").lower()
    tense = {"last": "past", "past": "past", "this past": "past", "next": "future", "this coming": "future"}.get(rel, tense)
    first, last = _part(m) if m.groupdict().get("part") else (1, 31)
    year = int(m.group("year")) if m.groupdict().get("year") else _month_year(month, pub, tense, first)
    if m.groupdict().get("yrel"):  # "November of last year"
        year = pub.year + {"last": -1, "next": 1}.get(m.group("yrel").lower(), 0)
    start, end = _month_range(year, month, first, last)
    return start, end, "day" if m.groupdict().get("part") else "month"


def _season(m: re.Match, pub: date, tense: str | None):
    future = tense == "future"
    first, last = SEASONS[m.group("season").lower()]
    rel = (m.groupdict().get("rel") or "").lower().replace("this past", "last")
    if m.groupdict().get("year"):
        year = int(m.group("year"))
    elif rel == "last":
        year = pub.year - 1 if _season_start(pub.year, first) > pub else pub.year
        if _season_start(year, first) > pub - timedelta(days=90):
            year -= 1
    elif rel == "next" or future:
        year = pub.year if _season_start(pub.year, first) > pub else pub.year + 1
    else:
        year = pub.year if _season_start(pub.year, first) <= pub else pub.year - 1
    return _season_start(year, first), _month_range(year, last)[1], "season"  # winter of Y: December Y-1 to February Y


def _season_start(year: int, first: int) -> date:
    return date(year - 1 if first == 12 else year, first, 1) if first == 12 else date(year, first, 1)


def _year(m: re.Match, pub: date, tense: str | None):
    year = int(m.group("year"))
    first, last = _part(m) if m.groupdict().get("part") else (0, 0)
    if first:  # early 2020: the first third of the year
        months = {1: (1, 4), 11: (5, 8), 21: (9, 12)}[first]
        return date(year, months[0], 1), _month_range(year, months[1])[1], "month"
    return date(year, 1, 1), date(year, 12, 31), "year"


def _decade(m: re.Match, pub: date, tense: str | None):
    year = int(m.group("decade"))
    return date(year, 1, 1), date(year + 9, 12, 31), "year"


def _weekday(m: re.Match, pub: date, tense: str | None):
    wd = WEEKDAYS[m.group("weekday").lower()]
    rel = (m.groupdict().get("rel") or "").lower().replace("previous", "last")
    if rel == "next" or (tense == "future" and rel != "last"):
        day = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    else:
        day = pub - timedelta(days=(pub.weekday() - wd) % 7 or (7 if rel == "last" else 0))
    return day, day, "day"


def _day_word(m: re.Match, pub: date, tense: str | None):
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m.group("word").lower()]
    day = pub + timedelta(days=shift)
    return day, day, "day"


def _now(m: re.Match, pub: date, tense: str | None):
    return pub, pub, "day"


def _relative_unit(m: re.Match, pub: date, tense: str | None):
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "earlier this": 0,
            "later this": 0, "that": 0, "": 0}[rel]
    start, end, precision = _shifted(pub, unit, step)
    part = m.groupdict().get("part")
    if part and unit in ("year", "month"):
        first, last = _part(m)
        if unit == "month":
            start, end = _month_range(start.year, start.month, first, last)
            precision = "day"
        else:
            months = {1: (1, 4), 11: (5, 8), 21: (9, 12)}[first]
            start, end, precision = date(start.year, months[0], 1), _month_range(start.year, months[1])[1], "month"
    return start, end, precision


def _shifted(pub: date, unit: str, step: int):
    if unit == "day":
        day = pub + timedelta(days=step)
        return day, day, "day"
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        if step < 0:  # "last week": the week before, up to the day before publication
            return monday, pub - timedelta(days=1), "day"
        return monday, monday + timedelta(days=6), "day"
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + step
        start, end = _month_range(index // 12, index % 12 + 1)
        return start, end, "month"
    if unit == "decade":
        base = pub.year // 10 * 10 + 10 * step
        return date(base, 1, 1), date(base + 9, 12, 31), "year"
    return date(pub.year + step, 1, 1), date(pub.year + step, 12, 31), "year"


def _ago(m: re.Match, pub: date, tense: str | None):
    n = _number(m.group("n"))
    unit = m.group("unit").lower()
    if n is None or n > 5000:
        return None
    if unit == "day":
        day = pub - timedelta(days=n)
        return day, day, "day"
    if unit == "week":
        day = pub - timedelta(weeks=n)
        return day - timedelta(days=3), day + timedelta(days=3), "day"
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 - n
        start, end = _month_range(index // 12, index % 12 + 1)
        return start, end, "month"
    years = n * (10 if unit == "decade" else 1)
    return date(pub.year - years, 1, 1), date(pub.year - years, 12, 31), "year"


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text.lower())


# The rule table: first match wins. Each pattern must match the whole expression
# (after a leading preposition such as "in", "on", "back in" is set aside).
_SOFT = r"(?:(?:early|late|earlier|later|sometime|the) )?"
_REL = r"(?:(?P<rel>last|next|this|past|previous|this past|this coming|coming) )?"
RULES: list[tuple[re.Pattern, Resolver]] = [(re.compile(p, re.I), f) for p, f in [
    (_SOFT + _REL + r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
     r"(?:'s)?(?: (?:morning|afternoon|evening|night))?", _weekday),
    (r"(?P<word>today|tonight|yesterday|tomorrow)(?:'s)?(?: (?:morning|afternoon|evening|night))?", _day_word),
    (r"(?:now|currently|at the moment|at present|presently|these days|nowadays|recently|so far this year"
     r"|(?:at |around |about )?\d{1,2}(?::\d\d)? ?[ap]\.?m\.?|noon|midnight"
     r"|(?:in )?recent (?:days|weeks|months)|(?:the|this) (?:morning|afternoon|evening)|this time)", _now),
    (r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}", _full),
    (r"(?:\w+day,? )?" + _M + r" \d{1,2}(?:st|nd|rd|th)?(?:,? " + _Y + r")?", _full),
    (r"(?:\w+day,? )?(?:the )?\d{1,2}(?:st|nd|rd|th)? (?:of )?" + _M + r"(?:,? " + _Y + r")?", _full),
    (r"(?:" + _PART + r")?" + _REL + _M + r"(?:,? (?:of )?" + _Y + r"| (?:of )?(?P<yrel>last|next|this) year)?", _month_part),
    (r"(?:the )?" + _REL + r"(?P<season>spring|summer|autumn|fall|winter)(?: (?:of )?" + _Y + r")?", _season),
    (r"(?:" + _PART + r")?(?:the year |fiscal |calendar )?" + _Y, _year),
    (r"(?:the )?(?:(?:early|mid|late)[\s-]+)?(?P<decade>(?:1[5-9]|20)\d0)'?s", _decade),
    (r"(?:" + _PART + r"|sometime |the )?(?P<rel>last|past|previous|this|current|next|coming|earlier this|later this|that) " + _UNIT,
     _relative_unit),
    (r"(?:" + _PART + r")(?:the|this) " + r"(?P<rel>)" + _UNIT, _relative_unit),
    (_NUM + r" " + _UNIT + r" (?:ago|earlier|before)", _ago),
]]
# Calendar dates inside a longer expression ("the quarter ended Sept. 29").
INNER = re.compile(r"\b(?:" + _M + r" \d{1,2}(?:st|nd|rd|th)?(?:,? " + _Y + r")?)(?!\w)", re.I)
# Two expressions in one entity ("April 24 and 25", "today through Nov. 17").
SPLIT = re.compile(r"\s+(?:and|through|to|until|till|or)\s+|\s*[-–]\s*(?=\w)", re.I)

CLOCK = re.compile(r"^(?:(?:at|around|about) )?\d{1,2}(?::\d\d)? ?[ap]\.?m\.?,? |,? (?:at|around|about)? ?\d{1,2}(?::\d\d)? ?[ap]\.?m\.?$", re.I)
LEAD = re.compile(r"^(?:(?:later |earlier |back |as early as |as late as |since |until |till |by |from |through |throughout |during |before |after )?"
                  r"(?:in|on|at|of|for|around|about)? ?)", re.I)
AGE = re.compile(r"\b(?:\d+|\w+)[- ]years?[- ]old\b|\baged?\b", re.I)


# Rules that place an expression in time from the words alone when they carry a year; the rest need the publication date.
_DATED_BY_TEXT = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def normalize(text: str, published: date | None, tense: str | None = None) -> DateValue:
    """Resolve one time expression; durations and vague references keep no value.

    ``tense`` ("past", "future" or None) picks between the last and the next
    occurrence of a weekday or month named without a year. Without a
    publication date only expressions that carry their own year are resolved;
    a month and day are kept as ``partial`` ("--10-16"), never guessed from today.
    """
    core = re.sub(r"'s$", "", LEAD.sub("", text.strip().replace("’", "'")).strip(" ,.:;"))
    if CLOCK.search(core) and CLOCK.sub("", core).strip():
        core = CLOCK.sub("", core).strip()  # "10 p.m. Wednesday" is Wednesday
    for pattern, resolve in RULES:
        if m := pattern.fullmatch(core):
            if published is None and not _resolvable_alone(resolve, core):
                return DateValue(text, None, None, None, _partial(m, resolve))
            try:
                got = resolve(m, published, tense)
            except (ValueError, OverflowError, KeyError):
                got = None
            if got:
                start, end, precision = got
                return DateValue(text, start.isoformat(), end.isoformat(), precision)
            break
    return DateValue(text, None, None, None)


def _resolvable_alone(resolve: Resolver, core: str) -> bool:
    return resolve in (_year, _decade) or (resolve in (_full, _month_part, _season) and bool(_DATED_BY_TEXT.search(core)))


def _partial(m: re.Match, resolve: Resolver) -> str | None:
    """"--10-16" for "October 16", "--10" for "mid-October": what an undated document still says."""
    month = m.groupdict().get("month")
    if not month:
        return None
    month_no = MONTHS.get(month.lower().rstrip("."))
    if month_no is None:
        return None
    if resolve is _full and (day := re.search(r"(?<![\d:])(\d{1,2})(?:st|nd|rd|th)?(?!\d)", m.group(0))):
        return f"--{month_no:02d}-{int(day.group(1)):02d}"
    return f"--{month_no:02d}"


def publication_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def tense_of(span: Span) -> str | None:
    """"future" or "past" for the clause a time expression modifies, when its verb says so."""
    verb = attachment(span)
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lower_ in {"will", "'ll", "shall", "wo"} or (c.lower_ == "going" and verb.tag_ == "VB") for c in aux) or \
            any("Fut" in t.morph.get("Tense") for t in [verb, *aux]):  # "подпишет", "будет подписан"
        return "future"
    prep = span.root.head.lower_ if span.root.dep_ == "pobj" else ""
    if prep in tables(span.doc.lang_).DATED_PREPS and any(_past(t) for t in [verb, *aux]):
        return "past"  # "was found Oct. 23"; not "extended until Dec. 15"
    return None


def _past(token: Token) -> bool:
    """A finite verb in the past tense ("found", "подписал")."""
    return token.tag_ == "VBD" or "Past" in token.morph.get("Tense") and "Fin" in token.morph.get("VerbForm")


def _wanted(span: Span) -> bool:
    """Not an age, a model number or an adverb of frequency."""
    if AGE.search(span.doc[span.start : min(len(span.doc), span.end + 2)].text):
        return False
    text = span.text.strip()
    if text.isdigit():
        return len(text) == 4 and 1500 <= int(text) <= 2100
    if len(span) == 1 and text.lower().endswith("ly") and text.lower() not in {"early", "july"}:
        return False
    return any(ch.isalnum() for ch in text)


def _pieces(span: Span) -> list[Span]:
    """One span per expression: "April 24 and 25" is two, "the quarter ended Sept. 29" is its date."""
    doc = span.doc
    parts = [span]
    bounds = [(m.start(), m.end()) for m in SPLIT.finditer(span.text)]
    if bounds:
        cuts, last = [], 0
        for a, b in bounds:
            cuts.append((last, a))
            last = b
        cuts.append((last, len(span.text)))
        pieces = [doc.char_span(span.start_char + a, span.start_char + b, alignment_mode="contract") for a, b in cuts]
        if all(p is not None and len(p) and any(pat.fullmatch(LEAD.sub("", p.text).strip(" ,.:;")) or p.text.isdigit()
                                                for pat, _ in RULES) for p in pieces):
            parts = pieces  # type: ignore[assignment]
    return parts


def _normalized(piece: Span, pub: date | None) -> DateValue:
    """The value of one expression; a Russian one is read through the English expression it stands for."""
    if piece.doc.lang_ == "ru":
        english = tables("ru").date_to_english(piece.text)
        return replace(normalize(english or "", pub, tense_of(piece)), text=piece.text)
    return normalize(piece.text, pub, tense_of(piece))


def _resolve_piece(piece: Span, pub: date | None, previous: DateValue | None) -> DateValue:
    value = _normalized(piece, pub)
    if value.start is None and piece.text.isdigit() and previous and previous.start and previous.precision == "day":
        day = int(piece.text)  # "April 24 and 25": the month carries over
        try:
            start = date.fromisoformat(previous.start).replace(day=day).isoformat()
            return DateValue(piece.text, start, start, "day")
        except ValueError:
            pass
    if value.start is None and (m := INNER.search(piece.text)):
        inner = piece.doc.char_span(piece.start_char + m.start(), piece.start_char + m.end(), alignment_mode="contract")
        if inner is not None and len(inner.text) < len(piece.text):  # the same span again would recurse forever
            return _resolve_piece(inner, pub, previous)
    return value


@Language.component("khabar_dates")
def dates_component(doc: Doc) -> Doc:
    ext: Extraction = doc._.khabar
    pub = publication_date(doc._.document.published if doc._.document else None)
    if doc.lang_ == "ru":  # natasha tags no dates: the Russian rules find them
        spans = [s for a, b in tables("ru").date_spans(text_of(doc)) if (s := doc.char_span(a, b, alignment_mode="expand"))]
    else:
        spans = [e for e in [*doc.ents, *_present_refs(doc)] if e.label_ in {"DATE", "TIME", ""} and _wanted(e)]
    anchor: date | None = None  # in an undated text, the last day or month its words dated: its year holds for later days
    for ent in sorted(spans, key=lambda e: e.start):
        previous = None
        for piece in _pieces(ent) if doc.lang_ == "en" else [ent]:
            value = _resolve_piece(piece, pub, previous)
            if value.start is None and value.partial and anchor is not None and any(ch.isdigit() for ch in piece.text):
                anchored = _resolve_piece(piece, anchor, previous)  # "5 April 2011 ... on 28 February": the text's year
                value = anchored if anchored.start and anchored.start[:4] == str(anchor.year) else value
            if pub is None and value.start and value.precision in {"day", "month"}:
                anchor = date.fromisoformat(value.start)
            if ent.label_ == "TIME" and value.start is None:
                continue
            text = value.text if value.text != piece.text else piece.text
            start = piece.start_char + (piece.text.find(text) if text in piece.text else 0)
            ext.dates.append(DateMention(id=f"{ext.doc}:D{start}", doc=ext.doc, start=start, end=start + len(text),
                                         text=text, date=value))
            previous = value
    return doc


# TimeML marks "now" as a reference to the present (PRESENT_REF); so does khabar.
PRESENT = {"now", "currently", "nowadays", "presently"}


def _present_refs(doc: Doc) -> list[Span]:
    """"now", "currently": spaCy does not tag them, TimeML does (the publication date)."""
    return [doc[t.i : t.i + 1] for t in doc if t.lower_ in PRESENT and not t.ent_type_ and t.dep_ != "prep"
            and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "that")]


def attachment(span: Span) -> Token:
    """The word a time expression modifies: the verb or noun its preposition hangs from."""
    head = span.root.head
    if head.dep_ == "prep" and head.head.i != head.i:  # the expression's own preposition: "in mid-October"
        head = head.head
    while head.dep_ == "advmod" and head.pos_ == "ADV" and head.head.i != head.i:  # "back in the summer"
        head = head.head
    return head


def date_of(doc: Doc, token: Token) -> DateValue | None:
    """The date of the clause ``token`` is in: the closest dated word that governs it."""
    ext: Extraction = doc._.khabar
    sent = token.sent
    best: tuple[tuple[int, int], DateValue] | None = None
    chain = {token.i, *(a.i for a in token.ancestors)}
    for dm in ext.dates:
        if dm.date is None or dm.date.start is None or not (sent.start_char <= dm.start < sent.end_char):
            continue
        span = doc.char_span(dm.start, dm.end, alignment_mode="expand")
        if span is None:
            continue
        head = attachment(span)
        if head.i in chain or any(t.i == token.i for t in span):
            rank = (sum(1 for _ in head.ancestors), -abs(span.start - token.i))  # deepest, then nearest
            if best is None or rank > best[0]:
                best = (rank, dm.date)
    return best[1] if best else None
