"""The extraction pipeline: the analyser of a document's language plus khabar's components, in order.

Components are registered with spaCy by name, so a user can build their own
pipeline: ``nlp.add_pipe("khabar_figures")``. Each one reads ``doc._.khabar``
(an ``Extraction``) and adds its records to it, with the vocabulary of the
Doc's language (``khabar.vocab.tables(doc.lang_)``).

Each document goes to the analyser of its language (``ANALYSERS``): English to
the spaCy model (``KHABAR_MODEL``), Russian to natasha (``khabar.nlp.russian``,
loaded on the first Russian document). Documents in other languages are
stored with their language and not analysed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from khabar.config import Settings
from khabar.errors import AnalysisError
from khabar.extract import Extraction
from khabar.nlp import load_model
from khabar.records import Document

COMPONENTS = ("khabar_actors", "khabar_dates", "khabar_statements", "khabar_figures", "khabar_events")

if not Doc.has_extension("khabar"):
    Doc.set_extension("khabar", default=None)
    Doc.set_extension("document", default=None)


def _register() -> None:
    # Importing the modules runs their @Language.component registrations.
    from khabar.extract import actors, dates, events, figures, statements  # noqa: F401


def _with_components(nlp: Language) -> Language:
    _register()
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


@lru_cache(maxsize=4)
def build(model: str | None = None) -> Language:
    """The spaCy model named ``model`` with every khabar component added: the English analyser."""
    return _with_components(load_model(model or Settings().model))


@lru_cache(maxsize=1)
def build_russian() -> Language:
    """natasha's Russian analyser with every khabar component added, built on the first Russian document."""
    from khabar.nlp.russian import new_russian

    return _with_components(new_russian())


# Languages khabar analyses (ISO 639-1) -> the pipeline for them, given the English model setting.
ANALYSERS: dict[str, Callable[[str | None], Language]] = {"en": build, "ru": lambda _model: build_russian()}


def analyser(language: str | None, model: str | None = None) -> Language | None:
    """The pipeline for documents in ``language`` (None: English), or None when khabar does not analyse it."""
    make = ANALYSERS.get(language or "en")
    return make(model) if make else None


def prepare(nlp: Language, document: Document) -> Doc:
    doc = nlp.make_doc(document.text)
    doc._.document = document
    doc._.khabar = Extraction(document.id)
    return doc


OnFailure = Callable[[AnalysisError], None]


def _parsed(nlp: Language, documents: list[Document], batch_size: int) -> Iterator[tuple[Document, Doc | BaseException]]:
    """The model's analysis of each document; a model error is pinned on the document that raised it."""
    ours = [name for name in nlp.pipe_names if name in COMPONENTS]
    try:
        docs = list(nlp.pipe([prepare(nlp, d) for d in documents], batch_size=batch_size, disable=ours))
    except Exception:
        for document in documents:  # the batch failed: find the document that makes it fail
            try:
                yield document, next(iter(nlp.pipe([prepare(nlp, document)], disable=ours)))
            except Exception as exc:
                yield document, exc
        return
    yield from zip(documents, docs, strict=True)


def _extracted(nlp: Language, doc: Doc) -> Extraction:
    for name in COMPONENTS:
        nlp.get_pipe(name)(doc)
    doc._.khabar.adopt_latent()
    return doc._.khabar


def run(documents: Iterable[Document], model: str | None = None, batch_size: int = 16,
        max_chars: int | None = None, on_failure: OnFailure | None = None) -> Iterator[tuple[Document, Extraction | None]]:
    """(document, extraction) in input order; a document whose analysis raises comes back without extraction.

    The exception goes to ``on_failure`` and ``document.skipped`` says what failed: one document never ends a batch.
    Each document goes to the analyser of its language; the documents analysed in one batch share a language.
    """
    pending: list[Document] = []
    limit = max_chars or Settings().max_chars
    language: str | None = None  # of the documents pending analysis

    def failed(document: Document, exc: BaseException) -> tuple[Document, None]:
        error = AnalysisError(document.source or document.id, exc)
        document.skipped = error.reason
        if on_failure:
            on_failure(error)
        return document, None

    def flush() -> Iterator[tuple[Document, Extraction | None]]:
        nonlocal language
        analysed = [d for d in pending if not d.skipped]
        nlp = analyser(language, model) if analysed else None
        parsed = {id(d): doc for d, doc in _parsed(nlp, analysed, batch_size)} if nlp else {}
        for document in pending:  # skipped ones too, so that documents come back in the order they came
            doc = parsed.get(id(document))
            if doc is None:
                yield document, None
            elif isinstance(doc, BaseException):
                yield failed(document, doc)
            else:
                try:
                    yield document, _extracted(nlp, doc)
                except Exception as exc:
                    yield failed(document, exc)
        pending.clear()
        language = None

    for document in documents:
        document.skipped = _not_analysed(document, limit)
        if not document.skipped:
            if language is not None and (document.language or "en") != language:
                yield from flush()
            language = document.language or "en"
        pending.append(document)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def _not_analysed(document: Document, limit: int) -> str | None:
    """Why a document is not analysed at all, or None."""
    if (document.language or "en") not in ANALYSERS:
        return f"language is {document.language!r}: stored, not analysed (khabar analyses {', '.join(ANALYSERS)})"
    if len(document.text) > limit:
        return f"{len(document.text):,} characters, over the {limit:,} analysed per document (KHABAR_MAX_CHARS)"
    return None
