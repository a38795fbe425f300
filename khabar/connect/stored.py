"""The corpus of a store: every question the link rules ask, answered through an index."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from sqlalchemy import Select, delete, insert, or_, select
from sqlalchemy.exc import IntegrityError, OperationalError

from khabar.connect.syndication import BANDS, THRESHOLD, bands, jaccard, signature, to_bytes
from khabar.errors import AnalysisError
from khabar.records import Document, Event, Figure, Link
from khabar.store import Store, _record
from khabar.store import schema as s


class StoreCorpus:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._docs: dict[str, Document | None] = {}

    def document(self, doc_id: str) -> Document | None:
        if doc_id not in self._docs:
            with self.store.engine.connect() as conn:
                row = conn.execute(select(s.documents).where(s.documents.c.id == doc_id)).first()
            self._docs[doc_id] = _record(Document, row) if row else None  # type: ignore[assignment]
        return self._docs[doc_id]

    def _items(self, record_type, where) -> list:
        table = s.ITEM_TABLES[record_type]
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(*[c for c in table.c if c.name != "date_start"]).where(where).order_by(table.c.id))
            return [_record(record_type, row) for row in rows]

    def figures_in_group(self, key: str, unit: str, place: str | None, published: tuple[str, str] | None = None) -> list[Figure]:
        where = (s.figures.c.measure_key == key) & (s.figures.c.unit == unit)
        if place is not None:
            where &= or_(s.figures.c.place == place, s.figures.c.place.is_(None))
        if published is not None:
            docs = _published_within(published)
            where &= or_(s.figures.c.date_start.is_not(None), s.figures.c.promised.is_(True), s.figures.c.doc.in_(docs))
        return self._items(Figure, where)

    def events_between(self, source: str, target: str, published: tuple[str, str] | None = None) -> list[Event]:
        where = (s.events.c.source == source) & (s.events.c.target == target)
        if published is not None:  # documents published within the days, or undated (they cannot be placed)
            where &= or_(s.events.c.doc.in_(_published_within(published)),
                         s.events.c.doc.in_(select(s.documents.c.id).where(s.documents.c.published.is_(None))))
        return self._items(Event, where)

    def links_with(self, kind: str, items: Iterable[str]) -> list[Link]:
        items = list(items)
        if not items:
            return []
        with self.store.engine.connect() as conn:
            ids = select(s.link_items.c.link).where(s.link_items.c.item.in_(items))
            rows = conn.execute(select(s.links).where(s.links.c.kind == kind, s.links.c.id.in_(ids)))
            return [_record(Link, row) for row in rows]  # type: ignore[misc]

    def syndicated_with(self, doc_id: str) -> set[str]:
        return {i for link in self.links_with("syndicated", [doc_id]) for i in link.items} - {doc_id}

    def near_copies(self, doc: Document) -> list[tuple[str, float]]:
        mh = signature(doc.text)
        if mh is None:
            return []
        keys, mine = bands(mh), to_bytes(mh)
        self._retrying(lambda: self._store_signature(doc.id, keys, mine))
        with self.store.engine.connect() as conn:
            hits = select(s.doc_bands.c.doc).distinct().where(
                s.doc_bands.c.doc != doc.id,
                or_(*[(s.doc_bands.c.band == b) & (s.doc_bands.c.key == keys[b]) for b in range(BANDS)]))
            rows = conn.execute(select(s.doc_signatures).where(s.doc_signatures.c.doc.in_(hits))).all()
        scores = ((row.doc, jaccard(mine, row.signature)) for row in rows)
        return sorted((doc_id, score) for doc_id, score in scores if score >= THRESHOLD)

    def _store_signature(self, doc_id: str, keys: list[str], signature_bytes: bytes) -> None:
        with self.store.engine.begin() as conn:
            for table in (s.doc_bands, s.doc_signatures):
                conn.execute(delete(table).where(table.c.doc == doc_id))
            conn.execute(insert(s.doc_bands), [{"doc": doc_id, "band": b, "key": keys[b]} for b in range(BANDS)])
            conn.execute(insert(s.doc_signatures).values(doc=doc_id, signature=signature_bytes))

    @staticmethod
    def _retrying(write) -> None:
        """Another writer may be connecting the same document: both write the same rows, the last one wins."""
        for attempt in range(5):
            try:
                return write()
            except (IntegrityError, OperationalError):
                if attempt == 4:
                    raise

    def put_links(self, links: list[Link]) -> None:
        if links:
            self._retrying(lambda: self._put_links(links))

    def _put_links(self, links: list[Link]) -> None:
        links = list({link.id: link for link in links}.values())  # a pair found from both ends after a crash is one link
        ids = [link.id for link in links]
        with self.store.engine.begin() as conn:
            conn.execute(delete(s.link_items).where(s.link_items.c.link.in_(ids)))
            conn.execute(delete(s.links).where(s.links.c.id.in_(ids)))
            conn.execute(insert(s.links), [{"id": k.id, "kind": k.kind, "items": k.items, "note": k.note, "score": k.score,
                                            "evidence": k.evidence} for k in links])
            conn.execute(insert(s.link_items), [{"link": k.id, "item": i} for k in links for i in dict.fromkeys(k.items)])


def _published_within(days: tuple[str, str]) -> Select:
    """The ids of documents published from the first to the last of ``days`` (ISO dates), both included;
    "2021-10-26T08:00" is on the 26th: before the day after the last."""
    last = date.fromisoformat(days[1])
    after = (last + timedelta(days=1)).isoformat() if last < date.max else "9999-99"
    return select(s.documents.c.id).where(s.documents.c.published >= days[0], s.documents.c.published < after)


def connect_pending(store: Store, on_failure: Callable[[AnalysisError], None] | None = None) -> list[Link]:
    """Make the links of every stored document not yet connected, then mark them connected.

    A document whose links cannot be made goes to ``on_failure`` (it stays stored, unlinked); without a
    callback the exception propagates.
    """
    from khabar.connect import connect, connect_each

    with store.engine.connect() as conn:
        doc_ids = conn.execute(select(s.pending.c.doc).order_by(s.pending.c.doc)).scalars().all()
    if not doc_ids:
        return []
    corpus = StoreCorpus(store)
    docs = [d for i in doc_ids if (d := corpus.document(i))]
    figures = corpus._items(Figure, s.figures.c.doc.in_(doc_ids))
    events = corpus._items(Event, s.events.c.doc.in_(doc_ids))
    links = connect(corpus, docs, figures, events) if on_failure is None else connect_each(corpus, docs, figures, events, on_failure)
    with store.engine.begin() as conn:
        conn.execute(delete(s.pending).where(s.pending.c.doc.in_(doc_ids)))
    return links
