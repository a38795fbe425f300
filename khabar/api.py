"""khabar's Python API; the command line is a thin layer over these functions.

    from khabar.api import ingest, extract
    summary = ingest(["articles/"], db="khabar.db")
    for record in extract(["article.md"]):
        print(record["record"], record.get("text"))
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from khabar.config import Settings
from khabar.connect import MemoryCorpus, connect_each, shown
from khabar.connect.entities import People, PeopleInMemory, resolve_people
from khabar.connect.stored import connect_pending
from khabar.errors import AnalysisError, InputError
from khabar.export import records_of
from khabar.extract import Extraction, extract_documents
from khabar.extract.parallel import analyse
from khabar.ingest import read
from khabar.records import Document
from khabar.store import Status, Store


@dataclass
class Summary:
    """What one ingest run did."""

    added: int = 0
    revised: int = 0
    known: int = 0
    not_extracted: list[tuple[str, str]] = field(default_factory=list)  # (source, reason): stored, not analysed
    errors: list[InputError] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)  # documents read, by language (ISO 639-1; "und": none)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


Analysed = tuple[Document, Extraction | None, AnalysisError | None]  # a document, its extraction, why its analysis failed


def ingest(inputs: Iterable[str], db: str | Store | None = None, settings: Settings | None = None,
           on_item: Callable[[Document | InputError, Status | None], None] | None = None,
           workers: int | None = None) -> Summary:
    """Read, extract and store every input; return what happened to each.

    ``on_item`` is called once per document or error, for progress display; a
    document whose analysis failed is stored without extraction and reported by
    its ``AnalysisError`` (with the store's status). Documents already stored
    (same content) are not analysed again. ``workers`` processes analyse
    (default ``settings.workers``, the number of cores); this process resolves
    people, stores and connects, one document after the other in input order.
    """
    settings = settings or Settings()
    store = db if isinstance(db, Store) else Store(db or settings.db_url)
    summary = Summary()

    def fresh() -> Iterator[Document]:
        for item in read(inputs, settings):
            if isinstance(item, InputError):
                summary.errors.append(item)
                _notify(on_item, item, None)
            elif (status := store.check(item)) and status.action == "known":
                summary.known += 1
                summary.languages[item.language or "und"] += 1
                _notify(on_item, item, status)
            else:
                yield item

    try:
        store_all(store, analysed(fresh(), settings, workers), settings, summary, on_item)
    finally:
        if not isinstance(db, Store):
            store.close()
    return summary


def analysed(documents: Iterable[Document], settings: Settings, workers: int | None = None) -> Iterator[Analysed]:
    """Each document with its extraction and, if its analysis failed, why (``analyse`` reports a failure just before
    the document it names)."""
    failed: list[AnalysisError] = []
    for doc, ext in analyse(documents, settings, workers, on_failure=failed.append):
        yield doc, ext, failed.pop() if failed else None


def store_all(store: Store, documents: Iterable[Analysed], settings: Settings, summary: Summary,
              on_item: Callable[[Document | InputError, Status | None], None] | None = None) -> None:
    """Resolve the people of each analysed document against the store, store it, and connect every batch."""

    def link_failed(error: AnalysisError) -> None:
        summary.errors.append(error)
        _notify(on_item, error, None)

    for n, (doc, ext, failure) in enumerate(documents, 1):
        ext, unresolved = _resolved(store, doc, ext)
        status = store.add(doc, ext)
        summary.languages[doc.language or "und"] += 1
        if status.action == "known":
            summary.known += 1
        else:
            setattr(summary, status.action, getattr(summary, status.action) + 1)
            if doc.skipped:
                summary.not_extracted.append((doc.source or doc.id, doc.skipped))
        if error := failure or unresolved:
            summary.errors.append(error)
        _notify(on_item, error or doc, status)
        if n % settings.batch_size == 0:
            connect_pending(store, on_failure=link_failed)
    connect_pending(store, on_failure=link_failed)  # also repairs documents a crashed run stored but did not connect


def _resolved(people: People, doc: Document, ext: Extraction | None) -> tuple[Extraction | None, AnalysisError | None]:
    """The extraction with its people joined to those already known; no extraction, and why, if that raises."""
    if ext is None:
        return None, None
    try:
        resolve_people(people, ext)
    except Exception as exc:
        error = AnalysisError(doc.source or doc.id, exc)
        doc.skipped = error.reason
        return None, error
    return ext, None


def _notify(callback: Callable[..., None] | None, item: Any, status: Status | None) -> None:
    if callback:
        callback(item, status)


def extract(inputs: Iterable[str], settings: Settings | None = None,
            on_error: Callable[[InputError], None] | None = None, workers: int | None = None) -> Iterator[dict[str, Any]]:
    """Export records (SPEC.md) of every input, without a database.

    Documents and their items come first, in input order; entities (merged
    across the inputs) follow, then links. An input that cannot be read, or
    whose analysis fails, goes to ``on_error``; a document whose analysis
    failed is still exported, without items. ``workers`` as for ``ingest``.
    """
    settings = settings or Settings()
    report = on_error or (lambda _error: None)
    seen: set[str] = set()

    def documents() -> Iterator[Document]:
        for item in read(inputs, settings):
            if isinstance(item, InputError):
                report(item)
            elif item.content_hash not in seen:  # the same content twice is one document
                seen.add(item.content_hash)
                yield item

    yield from linked_records(analysed(documents(), settings, workers), settings, report)


def linked_records(documents: Iterable[Analysed], settings: Settings, report: Callable[[InputError], None],
                   stored: bool = False) -> Iterator[dict[str, Any]]:
    """The export records of analysed documents, as ``extract`` prints them: each document and its items, in order,
    then the entities, merged, then the links among them. With ``stored``, each document is followed by what a store
    keeps and the export leaves out: a ``stored`` record (its source, whether it is a feed summary) and its mentions."""
    people = PeopleInMemory()
    corpus = MemoryCorpus()
    for doc, ext, failure in documents:
        ext, unresolved = _resolved(people, doc, ext)
        ext = ext or Extraction(doc.id)
        if error := failure or unresolved:
            report(error)
        yield from records_of(doc, ext, with_entities=False)
        if stored:
            yield {"record": "stored", "doc": doc.id, "source": doc.source, "partial": doc.partial}
            yield from (m.as_dict() for m in ext.mentions)
        for ent in ext.entities.values():
            people.merge(ent)
        corpus.add(doc, ext.figures, ext.events)
    for ent in people.entities.values():
        yield ent.as_dict()
    links = connect_each(corpus, list(corpus.documents.values()), corpus.figures, corpus.events, report)
    yield from (link.as_dict() for link in shown(links, settings.link_threshold))


def extract_text(text: str, published: str | None = None, url: str | None = None, model: str | None = None,
                 language: str | None = None) -> Extraction:
    """Everything extracted from one text, with dates resolved against ``published`` (ISO date).

        ext = extract_text("Kazakhstan sent troops to the border on Monday.", published="2022-01-05")
        ext.events[0].type  # 'MOBILIZE'

    ``language`` (ISO 639-1) is detected from the text when not given, as ``ingest`` does; a language
    khabar does not analyse gives an empty extraction.

    Raises ``AnalysisError`` if an extractor fails on the text.
    """
    from khabar.ingest import make_document
    from khabar.ingest.text import Parsed

    def fail(error: AnalysisError) -> None:
        raise error

    doc = make_document(Parsed(url=url, published=published, body=text), "<text>", language=language)
    [(_, ext)] = list(extract_documents([doc], model, on_failure=fail))
    return ext or Extraction(doc.id)
