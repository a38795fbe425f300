"""Stage 5: connect documents — syndicated copies, one event however many outlets report it,
figure series, contradictions, promises against outcomes, reports against denials.

The rules work on a ``Corpus``: ``MemoryCorpus`` for a batch in memory
(``khabar extract``), ``khabar.connect.stored.StoreCorpus`` for a database,
which answers every question through an index so that adding one document
costs the same in a store of ten or ten thousand.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError

from khabar.errors import AnalysisError
from khabar.records import Document, Event, Figure, Link


class Corpus(Protocol):
    def document(self, doc_id: str) -> Document | None: ...
    def figures_in_group(self, key: str, unit: str, place: str | None) -> list[Figure]: ...
    def events_about(self, source: str | None, target: str | None) -> list[Event]: ...
    def links_with(self, kind: str, items: Iterable[str]) -> list[Link]: ...
    def syndicated_with(self, doc_id: str) -> set[str]: ...
    def near_copies(self, doc: Document) -> list[tuple[str, float]]: ...
    def put_links(self, links: list[Link]) -> None: ...


def shown(links: Iterable[Link], threshold: float | None) -> list[Link]:
    """The links reports and exports show: those scoring at least ``threshold`` (``None``: all of them)."""
    return [link for link in links if threshold is None or (link.score if link.score is not None else 1.0) >= threshold]


def link_id(kind: str, *parts: str) -> str:
    return f"{kind}:" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


@dataclass
class MemoryCorpus:
    """Documents, figures and events held in memory, indexed by dict."""

    documents: dict[str, Document] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    links: dict[str, Link] = field(default_factory=dict)
    bands: dict[tuple[int, str], set[str]] = field(default_factory=dict)  # MinHash band -> documents
    signatures: dict[str, object] = field(default_factory=dict)

    def add(self, doc: Document, figures: list[Figure], events: list[Event]) -> None:
        from khabar.connect.syndication import bands, signature

        self.documents[doc.id] = doc
        self.figures += figures
        self.events += events
        if (mh := signature(doc.text)) is not None:
            self.signatures[doc.id] = mh
            for b, key in enumerate(bands(mh)):
                self.bands.setdefault((b, key), set()).add(doc.id)

    def document(self, doc_id: str) -> Document | None:
        return self.documents.get(doc_id)

    def figures_in_group(self, key: str, unit: str, place: str | None) -> list[Figure]:
        return [f for f in self.figures if f.measure_key == key and f.unit == unit and (place is None or f.place in (place, None))]

    def events_about(self, source: str | None, target: str | None) -> list[Event]:
        return [e for e in self.events if (source and e.source == source) or (target and e.target == target)]

    def links_with(self, kind: str, items: Iterable[str]) -> list[Link]:
        wanted = set(items)
        return [link for link in self.links.values() if link.kind == kind and wanted & set(link.items)]

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
            self.links[link.id] = link


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
