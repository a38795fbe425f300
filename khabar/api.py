"""khabar's Python API; the command line is a thin layer over these functions.

    from khabar.api import ingest, extract
    summary = ingest(["articles/"], db="khabar.db")
    for record in extract(["article.md"]):
        print(record["record"], record.get("text"))
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from khabar.config import Settings
from khabar.connect import MemoryCorpus, connect, shown
from khabar.connect.entities import PeopleInMemory, resolve_people
from khabar.connect.stored import connect_pending
from khabar.errors import InputError
from khabar.export import records_of
from khabar.extract import Extraction, extract_documents
from khabar.ingest import read
from khabar.records import Document, Entity
from khabar.store import Status, Store


@dataclass
class Summary:
    """What one ingest run did."""

    added: int = 0
    revised: int = 0
    known: int = 0
    not_extracted: list[tuple[str, str]] = field(default_factory=list)  # (source, reason): stored, not analysed
    errors: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest(inputs: Iterable[str], db: str | Store | None = None, settings: Settings | None = None,
           on_item: Callable[[Document | InputError, Status | None], None] | None = None) -> Summary:
    """Read, extract and store every input; return what happened to each.

    ``on_item`` is called once per document or error, for progress display.
    Documents already stored (same content) are not analysed again.
    """
    settings = settings or Settings()
    store = db if isinstance(db, Store) else Store(db or settings.db_url)
    summary = Summary()
    try:
        for batch in _batches(read(inputs, settings), settings.batch_size):
            fresh: list[Document] = []
            for item in batch:
                if isinstance(item, InputError):
                    summary.errors.append(item)
                    _notify(on_item, item, None)
                elif (status := store.check(item)) and status.action == "known":
                    summary.known += 1
                    _notify(on_item, item, status)
                else:
                    fresh.append(item)
            for doc, ext in extract_documents(fresh, settings.model, settings.batch_size, settings.max_chars):
                if ext is not None:
                    resolve_people(store, ext)
                status = store.add(doc, ext)
                if status.action == "known":
                    summary.known += 1
                else:
                    setattr(summary, status.action, getattr(summary, status.action) + 1)
                    if doc.skipped:
                        summary.not_extracted.append((doc.source or doc.id, doc.skipped))
                _notify(on_item, doc, status)
            connect_pending(store)
        connect_pending(store)  # also repairs documents a crashed run stored but did not connect
    finally:
        if not isinstance(db, Store):
            store.close()
    return summary


def _notify(callback: Callable[..., None] | None, item: Any, status: Status | None) -> None:
    if callback:
        callback(item, status)


def extract(inputs: Iterable[str], settings: Settings | None = None,
            on_error: Callable[[InputError], None] | None = None) -> Iterator[dict[str, Any]]:
    """Export records (SPEC.md) of every input, without a database.

    Documents and their items come first, in input order; entities (merged
    across the inputs) follow.
    """
    settings = settings or Settings()
    entities: dict[str, Entity] = {}
    seen: set[str] = set()

    def documents() -> Iterator[Document]:
        for item in read(inputs, settings):
            if isinstance(item, InputError):
                if on_error:
                    on_error(item)
                continue
            if item.content_hash not in seen:
                seen.add(item.content_hash)
                yield item

    corpus = MemoryCorpus()
    for doc, ext in extract_documents(documents(), settings.model, settings.batch_size, settings.max_chars):
        ext = ext or Extraction(doc.id)
        resolve_people(PeopleInMemory(entities), ext)
        yield from records_of(doc, ext, with_entities=False)
        for ent in ext.entities.values():
            merge_entity(entities, ent)
        corpus.add(doc, ext.figures, ext.events)
    for ent in entities.values():
        yield ent.as_dict()
    links = connect(corpus, list(corpus.documents.values()), corpus.figures, corpus.events)
    yield from (link.as_dict() for link in shown(links, settings.link_threshold))


def extract_text(text: str, published: str | None = None, url: str | None = None, model: str | None = None) -> Extraction:
    """Everything extracted from one text, with dates resolved against ``published`` (ISO date).

        ext = extract_text("Kazakhstan sent troops to the border on Monday.", published="2022-01-05")
        ext.events[0].type  # 'MOBILIZE'
    """
    from khabar.ingest import make_document
    from khabar.ingest.text import Parsed

    doc = make_document(Parsed(url=url, published=published, body=text), "<text>", language="en")
    [(_, ext)] = list(extract_documents([doc], model))
    return ext or Extraction(doc.id)


def merge_entity(entities: dict[str, Entity], ent: Entity) -> None:
    known = entities.get(ent.id)
    if known is None:
        entities[ent.id] = Entity(**{**ent.__dict__, "aliases": list(ent.aliases), "docs": list(ent.docs)})
        return
    known.aliases += [a for a in ent.aliases if a not in known.aliases and a != known.name]
    known.docs += [d for d in ent.docs if d not in known.docs]
    known.country = known.country or ent.country
    known.actor_code = known.actor_code or ent.actor_code
    known.role = known.role or ent.role
