"""Figures across documents: series over time, contradictions between sources, promises against outcomes.

Candidates come from the store's figure group index — same ``measure_key``
(what is counted, one word), unit and place (or no place). A shared key is
not enough: each pair is scored on the evidence that it is one measure —
the words of the two measures, their places, their times and how far apart
the values are — and the link carries that score and that evidence.
Reports and exports show links at or above ``Settings.link_threshold``.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from khabar.connect import Corpus, link_id, shifted_day
from khabar.nlp.names import CYRILLIC, country_name, dictionary_form
from khabar.records import Figure, Link
from khabar.vocab import GENERIC_MEASURES, QUANTITY_VERBS, tables

TOLERANCE = 0.10  # values further apart than this (relative) disagree
STALE_DAYS = 60  # two undated figures published this far apart are no longer about the same moment
SAME_MEASURE = 0.6  # measure words this alike: the same measure (series steps, promise outcomes)
KEEP = 0.2  # links scoring below this are not stored at all
BARE_KEY = 0.4  # the most two measures sharing nothing but their counted noun can score
SMALL = 20  # counts below this on both sides ("two states", "eight of 10 voters") are rarely the same measure twice


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=4096)
def measure_words(measure: str | None, place: str | None = None) -> frozenset[str]:
    """The content words of a measure, stemmed, without its place (compared on its own):
    "Afghan refugees now live in Tajikistan" → {afghan, refuge, live}. Russian words are read in their dictionary
    form and, where ``vocab.ru.MEASURE_WORDS`` has one, as their English word, so that measures compare across
    languages ("афганских беженцев" → {afghan, refuge})."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.strip("'’-") for w in re.findall(r"[a-zа-яё][a-zа-яё'’-]*", (measure or "").lower())]
    english = [w for w in words if w and not CYRILLIC.search(w)] + _from_russian([w for w in words if CYRILLIC.search(w)])
    stems = _stemmer().stemWords([w for w in english if w not in STOP_WORDS and w not in GENERIC_MEASURES])
    russian = {w for w in map(dictionary_form, words) if CYRILLIC.search(w) and w not in _russian_ignored()}
    return (frozenset(stems) | (russian - set(_russian().MEASURE_WORDS))) - _ignored() - _place_words(place) - _calendar()


def _russian():
    return tables("ru")


@lru_cache(maxsize=1)
def _russian_ignored() -> frozenset[str]:
    """Russian words that say nothing of what is counted: stop words, general measure nouns, verbs of quantity,
    months and days."""
    from spacy.lang.ru.stop_words import STOP_WORDS

    ru = _russian()
    calendar = [*ru.MONTHS, *ru.WEEKDAYS, *ru.TIME_UNITS]
    return frozenset(STOP_WORDS) | ru.GENERIC_MEASURES | ru.QUANTITY_VERBS | frozenset(map(dictionary_form, calendar))


def _from_russian(words: list[str]) -> list[str]:
    """The English words of Russian measure words that have one ("беженцев" → "refugee")."""
    table = _russian().MEASURE_WORDS
    return [table[form] for form in map(dictionary_form, words) if form in table]


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    """Day and month names: when a figure holds is compared on its date, not its words."""
    import calendar

    names = [*calendar.day_name, *calendar.month_name, "today", "yesterday", "tomorrow", "week", "month", "year", "day"]
    return frozenset(_stemmer().stemWords([n.lower() for n in names if n]))


@lru_cache(maxsize=1024)
def _place_words(place: str | None) -> frozenset[str]:
    import pycountry

    country = pycountry.countries.get(alpha_3=place) if place and len(place) == 3 and place.isupper() else None
    names = [place or ""] + ([country.name, getattr(country, "common_name", "")] if country else [])
    russian = {dictionary_form(w) for w in re.findall(r"[а-яё]+", (country_name(place) or place or "").lower())} if place else set()
    return frozenset(_stemmer().stemWords(re.findall(r"[a-z]+", " ".join(names).lower()))) | russian


@lru_cache(maxsize=1)
def _ignored() -> frozenset[str]:
    """Stems that say nothing about what is counted: general measure nouns and verbs of quantity."""
    return frozenset(_stemmer().stemWords(sorted(GENERIC_MEASURES | QUANTITY_VERBS)))


def measure_similarity(a: Figure, b: Figure) -> tuple[float, list[str]]:
    """How alike two measures are (0-1): half the share of the smaller one's words found in the other, half Jaccard.

    Sharing only the counted noun is weak evidence for counts and amounts ("20 states" and "two states", "revenue"
    of two companies): the measure then says what is counted but not which count it is."""
    wa, wb = measure_words(a.measure, a.place), measure_words(b.measure, b.place)
    if not wa or not wb:
        return 0.3, []
    shared = wa & wb
    similarity = 0.5 * len(shared) / min(len(wa), len(wb)) + 0.5 * len(shared) / len(wa | wb)
    if a.unit != "percent" and not shared - measure_words(a.measure_key):
        similarity = min(similarity, BARE_KEY)
    return similarity, sorted(shared)


def _span(corpus: Corpus, f: Figure) -> tuple[date, date] | None:
    """When a figure holds: its own date, else its document's publication date."""
    if f.date and f.date.start:
        return date.fromisoformat(f.date.start), date.fromisoformat(f.date.end or f.date.start)
    doc = corpus.document(f.doc)
    if doc and doc.published:
        try:
            day = date.fromisoformat(doc.published[:10])
        except ValueError:
            return None
        return day, day
    return None


def _dated(f: Figure) -> bool:
    return bool(f.date and f.date.start)


def _place_fit(a: Figure, b: Figure) -> float:
    """1 for the same place, less when one or both are unplaced, 0 for different places."""
    if a.place and b.place:
        return 1.0 if a.place == b.place else 0.0
    return 0.8 if a.place or b.place else 0.7


def _time_fit(corpus: Corpus, a: Figure, b: Figure) -> float:
    """1 when two figures hold at the same time, less as the undated ones' publication dates part, 0 for disjoint dates."""
    sa, sb = _span(corpus, a), _span(corpus, b)
    if sa is None or sb is None:
        return 0.0
    gap = max((sa[0] - sb[1]).days, (sb[0] - sa[1]).days, 0)
    if _dated(a) and _dated(b) or a.doc == b.doc:
        return 1.0 if gap == 0 else 0.0
    return max(0.0, 1 - gap / STALE_DAYS)


def _ratio(a: float, b: float) -> float:
    low, high = sorted([abs(a), abs(b)])
    return high / low if low else float("inf")


def _value_fit(a: Figure, b: Figure) -> float:
    """Sources disagree by a factor of two or three; a hundredfold gap is two different measures (500 voters vs 840,000),
    and small counts are mostly incidental ("two states", "eight of 10 voters")."""
    r = _ratio(a.value, b.value)
    fit = 1.0 if r <= 3 else 0.6 if r <= 10 else 0.0
    return fit * 0.5 if a.unit == "count" and max(abs(a.value), abs(b.value)) < SMALL else fit


def _differ(a: float, b: float) -> bool:
    return abs(a - b) > TOLERANCE * max(abs(a), abs(b))


def _bounds_agree(a: Figure, b: Figure) -> bool:
    """ "less than $10 million" does not contradict $5.3 million, nor "over 5,000" 5,500."""
    for bound, other in ((a, b), (b, a)):
        if bound.approx in {"under", "up_to"} and other.value <= bound.value or \
                bound.approx in {"over", "at_least"} and other.value >= bound.value:
            return True
    return False


def _observed(figures: list[Figure]) -> list[Figure]:
    return [f for f in figures if f.value is not None and not f.promised]


def _when(corpus: Corpus, f: Figure) -> str:
    if f.date and f.date.start:
        return f"{f.date.text} ({f.date.start}..{f.date.end or f.date.start})"
    doc = corpus.document(f.doc)
    return f"published {doc.published}" if doc and doc.published else "undated"


def _label(corpus: Corpus, f: Figure) -> str:
    doc = corpus.document(f.doc)
    when = f.date.text if f.date else (doc.published if doc and doc.published else "undated")
    who = f.source_text or (doc.publisher if doc else None) or "unattributed"
    return f"{_value(f)} ({who}, {when})"


def _value(f: Figure) -> str:
    return f"{f.value:,.10g}" if f.value is not None else f.text


def _evidence(corpus: Corpus, figures: list[Figure], shared: list[str], factors: dict[str, float]) -> dict[str, Any]:
    return {"measures": [f.measure for f in figures], "shared_words": shared, "key": figures[0].measure_key,
            "unit": figures[0].unit, "per": figures[0].per, "places": [f.place for f in figures],
            "times": [_when(corpus, f) for f in figures], "values": [f.value for f in figures],
            "sources": [f.source_text for f in figures], "factors": {k: round(v, 3) for k, v in factors.items()}}


def _score(factors: dict[str, float]) -> float:
    score = 1.0
    for value in factors.values():
        score *= value
    return round(score, 3)


def contradiction_links(corpus: Corpus, new: list[Figure], members: list[Figure]) -> list[Link]:
    """Same measure, place and time, values more than 10% apart, from different sources or documents."""
    out = []
    observed = _observed(members)
    for f in _observed(new):
        copies = corpus.syndicated_with(f.doc)  # a syndicated copy repeats one figure, it does not contradict it
        for g in observed:
            if g.id == f.id or g.per != f.per or not _differ(f.value, g.value) or _bounds_agree(f, g) or g.doc in copies:
                continue
            if f.doc == g.doc and (f.source == g.source and f.source_text == g.source_text):
                continue  # one source, one document: a comparison, not a contradiction
            measure, shared = measure_similarity(f, g)
            factors = {"measure": measure, "place": _place_fit(f, g), "time": _time_fit(corpus, f, g), "values": _value_fit(f, g)}
            score = _score(factors)
            if score < KEEP:
                continue
            a, b = sorted([f, g], key=lambda x: x.id)
            out.append(Link(id=link_id("contradiction", a.id, b.id), kind="contradiction", items=[a.id, b.id], score=score,
                            evidence=_evidence(corpus, [a, b], shared, factors),
                            note=f"{f.measure_key} ({f.unit}): {_label(corpus, a)} vs {_label(corpus, b)}"))
    return out


def series_links(corpus: Corpus, members: list[Figure]) -> list[Link]:
    """One measure at one place over time: explicitly dated figures of alike measures, ordered by date; a figure
    restated is not a new step. Each series starts from its earliest figure; a figure joins the first series
    whose first figure's measure it shares."""
    dated = sorted((f for f in _observed(members) if _dated(f)), key=lambda f: (f.date.start, f.start))
    out = []
    for place in {f.place for f in dated if f.place} or {None}:
        runs: list[list[Figure]] = []
        for f in dated:
            if place is not None and f.place not in (place, None):
                continue
            run = next((r for r in runs if r[0].per == f.per and measure_similarity(r[0], f)[0] >= SAME_MEASURE), None)
            runs.append([f]) if run is None else run.append(f)
        out += [link for run in runs if (link := _series(corpus, run, place))]
    return out


def _series(corpus: Corpus, run: list[Figure], place: str | None) -> Link | None:
    steps: list[list[Figure]] = []
    for f in run:
        last = steps[-1][-1] if steps else None
        if last is None or f.date.start > (last.date.end or last.date.start):
            steps.append([f])
        elif not _differ(last.value, f.value):
            steps[-1].append(f)  # the same figure restated
        # another value for the same time is a contradiction, not a step
    if len(steps) < 2:
        return None
    first = steps[0][0]
    similarity = [measure_similarity(first, f) for f in run[1:]]
    jumps = [_ratio(a[0].value, b[0].value) for a, b in zip(steps, steps[1:], strict=False)]
    factors = {"measure": min(m for m, _ in similarity), "place": 1.0 if place else 0.8,
               "values": 1.0 if max(jumps) <= 10 else 0.5}
    shared = sorted(set.intersection(*(set(w) for _, w in similarity))) if similarity else []
    label = " → ".join(f"{_value(s[0])} ({s[0].date.text})" for s in steps)
    words = "+".join(sorted(measure_words(first.measure, first.place)))
    return Link(id=link_id("series", first.measure_key or "", first.unit, place or "", first.per or "", words), kind="series",
                items=[f.id for s in steps for f in s], score=_score(factors),
                evidence=_evidence(corpus, [s[0] for s in steps], shared, factors),
                note=f"{first.measure_key} ({first.unit}): {label}")


def promise_links(corpus: Corpus, members: list[Figure]) -> list[Link]:
    """A promised quantity against the later figures of the same measure (what was promised, then what came)."""
    out = []
    for p in (f for f in members if f.promised and f.value is not None):
        when = _span(corpus, p)
        if when is None:
            continue
        later = []
        for f in _observed(members):
            span = _span(corpus, f)
            measure, shared = measure_similarity(p, f)
            if f.per == p.per and span and span[0] > when[1] and _place_fit(p, f) and measure >= SAME_MEASURE and _ratio(p.value, f.value) <= 100:
                later.append((span[0], f, measure, shared))
        if not later:
            continue
        later.sort(key=lambda x: x[0])
        _, latest, measure, shared = later[-1]
        # a promise is a ceiling or a goal: an outcome a few times smaller is what analysts look for, a hundredfold gap is not it
        factors = {"measure": measure, "place": _place_fit(p, latest), "values": 1.0 if _ratio(p.value, latest.value) <= 10 else 0.5}
        out.append(Link(id=link_id("promise", p.id), kind="promise", items=[p.id, *(f.id for _, f, _, _ in later)],
                        score=_score(factors), evidence=_evidence(corpus, [p, latest], shared, factors),
                        note=f"promised {_label(corpus, p)} vs latest {_label(corpus, latest)}"))
    return out


def _window(corpus: Corpus, new: list[Figure]) -> tuple[str, str]:
    """The publication days (first, last) an undated figure needs to contradict one of ``new``: within STALE_DAYS of
    their times. Outside them ``_time_fit`` is 0, hence the score, and no link is kept: leaving those figures out loses
    nothing, and keeps the candidates of a common measure ("two districts") to one season of news, not the whole corpus.
    Publication dates are ISO dates (SPEC.md), which sort as they date.
    """
    spans = [span for f in _observed(new) if (span := _span(corpus, f))]
    if not spans:
        return NO_DAYS  # nothing new can be placed in time: no contradiction, whatever the others say
    return shifted_day(min(a for a, _ in spans), -STALE_DAYS), shifted_day(max(b for _, b in spans), STALE_DAYS)


NO_DAYS = ("9999-12-31", "0001-01-01")  # a window no day is in


def links(corpus: Corpus, figures: list[Figure]) -> list[Link]:
    """Links of the new ``figures`` (already in the corpus) with every figure of their group (measure key, unit, place).

    Candidates are bounded so that linking one document costs the same in a corpus of any size: series need the dated
    figures of the group and contradictions only the undated ones published around the new ones (see ``_window``);
    a group with a promise in it is read whole, since a promise is set against every later figure of its measure.
    """
    out = []
    groups: dict[tuple[str, str, str | None], list[Figure]] = {}
    for f in figures:
        if f.measure_key:
            groups.setdefault((f.measure_key, f.unit, f.place), []).append(f)
    for (key, unit, place), new in sorted(groups.items(), key=lambda g: (g[0][0], g[0][1], g[0][2] or "")):
        # a figure with no place is compared with all of its kind
        members = corpus.figures_in_group(key, unit, place, published=_window(corpus, new))
        out += series_links(corpus, members) + contradiction_links(corpus, new, members)
        if any(f.promised for f in members):
            out += promise_links(corpus, corpus.figures_in_group(key, unit, place))
    return out
