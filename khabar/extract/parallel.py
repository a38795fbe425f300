"""Analysis on every core: documents go to worker processes in chunks, extractions come back in input order.

Workers run the same ``extract_documents`` as one process does, so ``--workers N`` gives the records
``--workers 1`` gives. Where workers are forked (Linux), this process loads the model and runs it once
before forking them, and they share it; elsewhere each loads it once (``pipeline.build`` is cached).
What crosses the process boundary is the document and, back, why it was skipped, its extraction
(without the per-document actor index only the extractors read) and the ``AnalysisError`` of a
failed analysis. A worker that dies (killed, out of memory, crashed in native code) fails the
document it was analysing, found by analysing the documents it held one at a time; the batch goes on.
"""
from __future__ import annotations

import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from khabar.config import Settings
from khabar.errors import AnalysisError
from khabar.extract import Extraction, extract_documents
from khabar.extract.pipeline import OnFailure
from khabar.records import Document

CHUNK_CHARS = 20_000  # characters per task: enough to amortise the round trip, few enough to keep both cores busy
CHUNK_DOCS = 16
Result = tuple[str | None, Extraction | None, AnalysisError | None]  # why skipped, extraction, failure


class WorkerDied(Exception):
    """The process analysing a document ended without an answer."""


def analyse(documents: Iterable[Document], settings: Settings | None = None, workers: int | None = None,
            on_failure: OnFailure | None = None) -> Iterator[tuple[Document, Extraction | None]]:
    """``extract_documents`` over ``workers`` processes (default ``settings.workers``): (document, extraction) in input order.

    As there, ``on_failure`` gets a failed analysis just before its document comes back. Input that fits in one
    chunk is analysed in this process: a pool would run it on one core anyway.
    """
    settings = settings or Settings()
    workers = workers or settings.workers
    if workers <= 1:
        yield from extract_documents(documents, settings.model, settings.batch_size, settings.max_chars, on_failure)
        return
    chunks = _chunks(documents)
    head = list(islice(chunks, 2))
    if len(head) < 2:
        yield from extract_documents(head[0] if head else [], settings.model, settings.batch_size, settings.max_chars, on_failure)
        return
    yield from _pooled(chain(head, chunks), settings, workers, on_failure or (lambda _error: None))


def _chunks(documents: Iterable[Document]) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    size = 0
    for doc in documents:
        chunk.append(doc)
        size += len(doc.text)
        if size >= CHUNK_CHARS or len(chunk) >= CHUNK_DOCS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _context() -> multiprocessing.context.BaseContext:
    """fork on Linux: a worker starts at once and shares the model if this process has loaded it; elsewhere the default."""
    return multiprocessing.get_context("fork" if sys.platform == "linux" else None)


def _quiet() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and keeps what it has stored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_quiet)


def _pooled(chunks: Iterator[list[Document]], settings: Settings, workers: int,
            on_failure: OnFailure) -> Iterator[tuple[Document, Extraction | None]]:
    args = (settings.model, settings.batch_size, settings.max_chars)
    if _context().get_start_method() == "fork":
        _warm(settings)
    pool = _pool(workers)
    pending: deque[tuple[list[Document], Future]] = deque()
    try:
        while True:
            while len(pending) < 2 * workers and (chunk := next(chunks, None)) is not None:
                pending.append((chunk, pool.submit(analyse_chunk, chunk, *args)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:  # a worker died: find the document that kills it, analyse the others
                held = [doc for c in [chunk, *(c for c, _ in pending)] for doc in c]
                pending.clear()
                pool.shutdown(cancel_futures=True)
                pool = _pool(workers)
                for doc in held:
                    if (result := _alone(pool, doc, args)) is None:
                        pool.shutdown(cancel_futures=True)
                        pool = _pool(workers)
                        result = _died(doc)
                    yield _received(doc, result, on_failure)
                continue
            for doc, result in zip(chunk, results, strict=True):
                yield _received(doc, result, on_failure)
    finally:
        pool.shutdown(cancel_futures=True)


def _warm(settings: Settings) -> None:
    """Load the model and run it once here, before the workers are forked: they start ready, and share its memory."""
    from khabar.ingest import make_document
    from khabar.ingest.text import Parsed

    text = "On Monday, 12 ministers said they had met in Paris."
    warm = make_document(Parsed(body=text, published="2020-01-06"), "<warm-up>", language="en")
    list(extract_documents([warm], settings.model, settings.batch_size, settings.max_chars))


def _alone(pool: ProcessPoolExecutor, doc: Document, args: tuple) -> Result | None:
    """One document analysed in a task of its own; None if its worker died."""
    try:
        [result] = pool.submit(analyse_chunk, [doc], *args).result()
    except BrokenProcessPool:
        return None
    return result


def _died(doc: Document) -> Result:
    error = AnalysisError(doc.source or doc.id, WorkerDied("the worker process analysing it died (killed, out of memory or crashed)"))
    return error.reason, None, error


def _received(doc: Document, result: Result, on_failure: OnFailure) -> tuple[Document, Extraction | None]:
    skipped, ext, error = result
    doc.skipped = skipped
    if error is not None:
        on_failure(error)
    return doc, ext


def analyse_chunk(chunk: list[Document], model: str, batch_size: int, max_chars: int) -> list[Result]:
    """In a worker (a process of the pool, or a Ray actor): the extraction of each document of ``chunk``, ready to be sent back."""
    failed: list[AnalysisError] = []
    out: list[Result] = []
    for doc, ext in extract_documents(chunk, model, batch_size, max_chars, on_failure=failed.append):
        if ext is not None:
            ext.actors, ext.scopes = None, []  # read by the extractors only; large, and not needed past them
        out.append((doc.skipped, ext, failed.pop() if failed else None))
    return out
