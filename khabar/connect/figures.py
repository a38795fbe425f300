"""Figures across documents: series over time, contradictions between sources, promises against outcomes.

Figures are compared only within a group — same ``measure_key`` (what is
counted), unit and place (or no place) — fetched through the store's index.
"""
from __future__ import annotations

from datetime import date, timedelta

from khabar.connect import Corpus, link_id
from khabar.records import Figure, Link

TOLERANCE = 0.10  # values further apart than this (relative) disagree
SAME_TIME = timedelta(days=90)  # undated figures published this close are about the same moment


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


def _places_fit(a: Figure, b: Figure) -> bool:
    return a.place is None or b.place is None or a.place == b.place


def _differ(a: float, b: float) -> bool:
    return abs(a - b) > TOLERANCE * max(abs(a), abs(b))


def _same_time(corpus: Corpus, a: Figure, b: Figure) -> bool:
    sa, sb = _span(corpus, a), _span(corpus, b)
    if sa is None or sb is None:
        return False
    slack = timedelta(0) if _dated(a) and _dated(b) else SAME_TIME
    return sa[0] - slack <= sb[1] and sb[0] - slack <= sa[1]


def _observed(figures: list[Figure]) -> list[Figure]:
    return [f for f in figures if f.value is not None and not f.promised]


def _label(corpus: Corpus, f: Figure) -> str:
    doc = corpus.document(f.doc)
    when = f.date.text if f.date else (doc.published if doc and doc.published else "undated")
    who = f.source_text or (doc.publisher if doc else None) or "unattributed"
    value = f"{f.value:,.10g}" if f.value is not None else f.text
    return f"{value} ({who}, {when})"


def series_links(corpus: Corpus, members: list[Figure]) -> list[Link]:
    dated = sorted((f for f in _observed(members) if _dated(f)), key=lambda f: (f.date.start, f.start))
    out = []
    for place in {f.place for f in dated if f.place} or {None}:
        steps: list[list[Figure]] = []
        for f in dated:
            if not _places_fit(f, Figure(id="", doc="", start=0, end=0, place=place)) or f.per != dated[0].per:
                continue
            last = steps[-1][-1] if steps else None
            if last is not None and _same_time(corpus, last, f) and not _differ(last.value, f.value):
                steps[-1].append(f)  # the same figure restated is not a new step
            else:
                steps.append([f])
        if len({s[0].date.start[:7] for s in steps}) < 2:
            continue
        first = steps[0][0]
        label = " → ".join(f"{s[0].value:,.10g} ({s[0].date.text})" for s in steps)
        out.append(Link(id=link_id("series", first.measure_key or "", first.unit, place or "", first.per or ""), kind="series",
                        items=[f.id for s in steps for f in s], note=f"{first.measure_key} ({first.unit}): {label}"))
    return out


def _copies(corpus: Corpus, a: Figure, b: Figure) -> bool:
    """Two figures from one article published twice (a syndicated copy) are one figure."""
    return a.doc in corpus.syndicated_with(b.doc)


def contradiction_links(corpus: Corpus, new: list[Figure], members: list[Figure]) -> list[Link]:
    out = []
    observed = _observed(members)
    for f in _observed(new):
        for g in observed:
            if g.id == f.id or g.per != f.per or not _places_fit(f, g) or not _differ(f.value, g.value) or _copies(corpus, f, g):
                continue
            if f.doc == g.doc and (f.source == g.source and f.source_text == g.source_text):
                continue  # one source, one document: a comparison, not a contradiction
            if not _same_time(corpus, f, g):
                continue
            a, b = sorted([f, g], key=lambda x: x.id)
            out.append(Link(id=link_id("contradiction", a.id, b.id), kind="contradiction", items=[a.id, b.id],
                            note=f"{f.measure_key} ({f.unit}): {_label(corpus, a)} vs {_label(corpus, b)}"))
    return out


def promise_links(corpus: Corpus, members: list[Figure]) -> list[Link]:
    out = []
    for p in (f for f in members if f.promised and f.value is not None):
        when = _span(corpus, p)
        if when is None:
            continue
        later = sorted((f for f in _observed(members)
                        if f.per == p.per and _places_fit(p, f) and (s := _span(corpus, f)) and s[0] > when[1]),
                       key=lambda f: _span(corpus, f)[0])
        if later:
            out.append(Link(id=link_id("promise", p.id), kind="promise", items=[p.id, *(f.id for f in later)],
                            note=f"promised {_label(corpus, p)} vs latest {_label(corpus, later[-1])}"))
    return out


def links(corpus: Corpus, figures: list[Figure]) -> list[Link]:
    out = []
    groups = {(f.measure_key, f.unit, f.place) for f in figures if f.measure_key}
    for key, unit, place in sorted(groups, key=lambda g: (g[0], g[1], g[2] or "")):
        members = corpus.figures_in_group(key, unit, place)  # a figure with no place is compared with all of its kind
        new = [f for f in figures if f.measure_key == key and f.unit == unit and f.place == place]
        out += series_links(corpus, members) + contradiction_links(corpus, new, members) + promise_links(corpus, members)
    return out
