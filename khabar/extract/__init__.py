"""Stage 3: records from analysed documents.

Each extractor is a spaCy pipeline component registered by name (see
``khabar.extract.pipeline``): it reads the parse and what earlier components
found, and appends records to ``doc._.khabar``, an ``Extraction``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from khabar.errors import AnalysisError
from khabar.records import DateMention, Document, Entity, Event, Figure, Mention, Record, Statement


@dataclass
class Extraction:
    """Everything extracted from one document."""

    doc: str
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    actors: Any = None  # khabar.extract.actors.ActorIndex, for later components
    scopes: list[tuple[Statement, tuple[int, int]]] = field(default_factory=list)  # statement, content span
    # Actors named only in passing ("российские военные": Russia by an adjective): entities once a record names them.
    latent: dict[str, tuple[Entity, list[Mention]]] = field(default_factory=dict)

    def items(self) -> list[Record]:
        return [*self.events, *self.statements, *self.figures, *self.dates]

    def adopt_latent(self) -> None:
        """Make the latent actors that records name entities of the document, with their mentions."""
        named = {getattr(item, role, None) for item in self.items() for role in ("source", "target", "speaker", "location")}
        for eid in named & set(self.latent) - set(self.entities):
            entity, mentions = self.latent[eid]
            self.entities[eid] = entity
            self.mentions += mentions
        self.latent.clear()


def extract_documents(documents: Iterable[Document], model: str | None = None, batch_size: int = 16,
                      max_chars: int | None = None,
                      on_failure: Callable[[AnalysisError], None] | None = None) -> Iterator[tuple[Document, Extraction | None]]:
    """Run the extraction pipeline over documents, in order.

    Documents that are not English, or longer than ``max_chars``, come back
    with ``None`` and ``document.skipped`` saying why; so does a document whose
    analysis raised, after an ``AnalysisError`` naming it is passed to ``on_failure``.
    """
    from khabar.extract.pipeline import run

    yield from run(documents, model=model, batch_size=batch_size, max_chars=max_chars, on_failure=on_failure)
