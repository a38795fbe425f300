"""Stage 5: connect documents — syndicated copies, one event however many outlets report it,
figure series, contradictions, promises against outcomes, reports against denials.

The rules work on a ``Corpus``: ``MemoryCorpus`` for a batch in memory
(``khabar extract``), ``khabar.connect.stored.StoreCorpus`` for a database,
which answers every question through an index so that adding one document
costs the same in a store of ten or ten thousand.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError

from khabar.errors import AnalysisError
from khabar.records import Document, Event, Figure, Link


class Corpus(Protocol):
    def document(self, doc_id: str) -> Document | None: ...
    def figures_in_group(self, key: str, unit: str, place: str | None, published: tuple[str, str] | None = None) -> list[Figure]:
        """Figures of one measure key and unit, at ``place`` or at no place (any place when ``place`` is None), in the
        order stored. With ``published`` (first, last day), figures without a date of their own only if their
        document was published within it; dated and promised figures always."""
        ...
    def events_between(self, source: str, target: str, published: tuple[str, str] | None = None) -> list[Event]: ...
    def links_with(self, kind: str, items: Iterable[str]) -> list[Link]: ...
    def syndicated_with(self, doc_id: str) -> set[str]: ...
    def near_copies(self, doc: Document) -> list[tuple[str, float]]: ...
    def put_links(self, links: list[Link]) -> None: ...


def shown(links: Iterable[Link], threshold: float | None) -> list[Link]:
    """The links reports and exports show: those scoring at least ``threshold`` (``None``: all of them)."""
    return [link for link in links if threshold is None or (link.score if link.score is not None else 1.0) >= threshold]


def link_id(kind: str, *parts: str) -> str:
    return f"{kind}:" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


class MemoryCorpus:
    """Documents, figures, events and links held in memory, with the indexes the store has: figure groups by
    (measure key, unit) and place, events by source and by target, links by (kind, item), MinHash bands.

    Every question is answered from an index, in the order things were added (what a list scan would return),
    so adding one document costs the same in a corpus of ten or ten thousand.
    """

    def __init__(self) -> None:
        self.documents: dict[str, Document] = {}
        self.figures: list[Figure] = []
        self.events: list[Event] = []
        self.links: dict[str, Link] = {}
        self.bands: dict[tuple[int, str], set[str]] = {}  # MinHash band -> documents
        self.signatures: dict[str, object] = {}
        self._seq: dict[str, int] = {}  # figure, event or link id -> when it was added
        # (key, unit) -> place -> the day an undated figure's document was published ("" for dated and promised figures)
        self._groups: dict[tuple[str | None, str], dict[str | None, dict[str | None, list[Figure]]]] = {}
        # (source, target) -> the day the event's document was published (None: undated) -> events
        self._by_pair: dict[tuple[str, str], dict[str | None, list[Event]]] = {}
        self._link_items: dict[tuple[str, str], set[str]] = {}  # (kind, item) -> link ids

    def add(self, doc: Document, figures: list[Figure], events: list[Event]) -> None:
        from khabar.connect.syndication import bands, signature

        self.documents[doc.id] = doc
        for f in figures:
            self._seq[f.id] = len(self._seq)
            day = "" if f.promised or (f.date and f.date.start) else (doc.published or "")[:10] or None
            self._groups.setdefault((f.measure_key, f.unit), {}).setdefault(f.place, {}).setdefault(day, []).append(f)
        for e in events:
            self._seq[e.id] = len(self._seq)
            if e.source and e.target:
                self._by_pair.setdefault((e.source, e.target), {}).setdefault((doc.published or "")[:10] or None, []).append(e)
        self.figures += figures
        self.events += events
        if (mh := signature(doc.text)) is not None:
            self.signatures[doc.id] = mh
            for b, key in enumerate(bands(mh)):
                self.bands.setdefault((b, key), set()).add(doc.id)

    def _in_order(self, lists: Iterable[list]) -> list:
        """The union of index lists, each in the order added, as one list in that order."""
        return sorted({id(x): x for part in lists for x in part}.values(), key=lambda x: self._seq[x.id])

    def document(self, doc_id: str) -> Document | None:
        return self.documents.get(doc_id)

    def figures_in_group(self, key: str, unit: str, place: str | None, published: tuple[str, str] | None = None) -> list[Figure]:
        by_place = self._groups.get((key, unit), {})
        by_day = list(by_place.values()) if place is None else [by_place.get(place, {}), by_place.get(None, {})]
        if published is None:
            return self._in_order(figures for days in by_day for figures in days.values())
        days = ["", *_days(*published)]
        return self._in_order(d.get(day, []) for d in by_day for day in days)

    def events_between(self, source: str, target: str, published: tuple[str, str] | None = None) -> list[Event]:
        by_day = self._by_pair.get((source, target), {})
        days = by_day if published is None else [None, *_days(*published)]
        return self._in_order(by_day.get(day, []) for day in days)

    def links_with(self, kind: str, items: Iterable[str]) -> list[Link]:
        ids = set().union(*(self._link_items.get((kind, i), set()) for i in items))
        return [self.links[i] for i in sorted(ids, key=self._seq.__getitem__)]

    def syndicated_with(self, doc_id: str) -> set[str]:
        return {i for link in self.links_with("syndicated", [doc_id]) for i in link.items} - {doc_id}

    def near_copies(self, doc: Document) -> list[tuple[str, float]]:
        from khabar.connect.syndication import THRESHOLD, bands

        mh = self.signatures.get(doc.id)
        if mh is None:
            return []
        candidates = set().union(*(self.bands.get((b, key), set()) for b, key in enumerate(bands(mh)))) - {doc.id}
        scores = ((other, mh.jaccard(self.signatures[other])) for other in sorted(candidates))
        return [(other, score) for other, score in scores if score >= THRESHOLD]

    def put_links(self, links: list[Link]) -> None:
        for link in links:
            if (old := self.links.get(link.id)) is not None:
                for item in old.items:
                    self._link_items[(old.kind, item)].discard(old.id)
            else:
                self._seq[link.id] = len(self._seq)  # a link replaced keeps its place, as in a dict
            self.links[link.id] = link
            for item in link.items:
                self._link_items.setdefault((link.kind, item), set()).add(link.id)


def shifted_day(day: date, days: int) -> str:
    """``day`` moved by ``days``, as an ISO date; the first or last day there is when that falls off the calendar."""
    try:
        return (day + timedelta(days=days)).isoformat()
    except OverflowError:
        return (date.max if days > 0 else date.min).isoformat()


def _days(first: str, last: str) -> Iterator[str]:
    """Every day from ``first`` to ``last`` (ISO dates), both included."""
    day, end = date.fromisoformat(first), date.fromisoformat(last)
    while day <= end:
        yield day.isoformat()
        if day == date.max:
            return
        day += timedelta(days=1)


def connect(corpus: Corpus, docs: list[Document], figures: list[Figure], events: list[Event]) -> list[Link]:
    """Links that the new documents (already in the corpus) make with everything else."""
    from khabar.connect import events as event_rules
    from khabar.connect import figures as figure_rules
    from khabar.connect.syndication import syndicated_links

    links = syndicated_links(corpus, docs)
    corpus.put_links(links)  # same_event counts need to know the copies
    more = list({link.id: link for link in event_rules.links(corpus, events) + figure_rules.links(corpus, figures)}.values())
    corpus.put_links(more)
    return links + more


def connect_each(corpus: Corpus, docs: list[Document], figures: list[Figure], events: list[Event],
                 on_failure: Callable[[AnalysisError], None]) -> list[Link]:
    """``connect``, but a document whose links cannot be made goes to ``on_failure`` and the others are connected."""
    try:
        return connect(corpus, docs, figures, events)
    except SQLAlchemyError:
        raise  # the store failed, not a document
    except Exception:  # find the document that fails: link ids are deterministic, so redoing the others is harmless
        pass
    links: list[Link] = []
    for doc in docs:
        try:
            links += connect(corpus, [doc], [f for f in figures if f.doc == doc.id], [e for e in events if e.doc == doc.id])
        except SQLAlchemyError:
            raise
        except Exception as exc:
            on_failure(AnalysisError(doc.source or doc.id, exc))
    return links
