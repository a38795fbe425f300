"""The extraction pipeline: the spaCy model plus khabar's components, in order.

Components are registered with spaCy by name, so a user can build their own
pipeline: ``nlp.add_pipe("khabar_figures")``. Each one reads ``doc._.khabar``
(an ``Extraction``) and adds its records to it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from khabar.config import Settings
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


@lru_cache(maxsize=4)
def build(model: str | None = None) -> Language:
    """The spaCy model named ``model`` with every khabar component added."""
    _register()
    nlp = load_model(model or Settings().model)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def prepare(nlp: Language, document: Document) -> Doc:
    doc = nlp.make_doc(document.text)
    doc._.document = document
    doc._.khabar = Extraction(document.id)
    return doc


def run(documents: Iterable[Document], model: str | None = None, batch_size: int = 16,
        max_chars: int | None = None) -> Iterator[tuple[Document, Extraction | None]]:
    nlp = build(model)
    pending: list[Document] = []

    def flush() -> Iterator[tuple[Document, Extraction | None]]:
        docs = [prepare(nlp, d) for d in pending]
        for document, doc in zip(pending, nlp.pipe(docs, batch_size=batch_size), strict=True):
            yield document, doc._.khabar
        pending.clear()

    for document in documents:
        if document.language not in ("en", None):
            document.skipped = f"language is {document.language!r}: extraction runs on English only"
            yield document, None
            continue
        limit = max_chars or Settings().max_chars
        if len(document.text) > limit:
            document.skipped = f"{len(document.text):,} characters, over the {limit:,} analysed per document (KHABAR_MAX_CHARS)"
            yield document, None
            continue
        pending.append(document)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
