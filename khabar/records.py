"""The record types of SPEC.md, defined once.

Every stage (extract, store, connect, export, report) reads these classes; the
store derives its tables from them, and the JSON Lines export is their
``as_dict()``. A field added here appears everywhere.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass
class DateValue:
    """A normalised time expression: ``start``/``end`` are ISO dates (equal for one day)."""

    text: str
    start: str | None
    end: str | None
    precision: str | None  # day | month | season | year | None
    # What is known when start/end cannot be resolved (no publication date to place "October 16" in a year):
    # an ISO 8601 reduced form, "--10-16" (month and day) or "--10" (month).
    partial: str | None = None


@dataclass
class Record:
    record: ClassVar[str] = ""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"record": self.record}
        out.update(dataclasses.asdict(self))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """The record from a stored or exported dict: unknown keys are ignored, a ``date`` dict becomes a DateValue."""
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in names}
        if isinstance(kwargs.get("date"), dict):
            kwargs["date"] = DateValue(**kwargs["date"])
        return cls(**kwargs)


@dataclass
class Document(Record):
    record: ClassVar[str] = "document"
    id: str
    url: str | None
    title: str | None
    text: str
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    publisher: str | None = None
    origin: str | None = None
    language: str | None = None
    related: list[dict[str, str | None]] = field(default_factory=list)
    subtitle: str | None = None
    captions: list[str] = field(default_factory=list)
    source: str | None = None  # the path or URL it was read from
    content_hash: str = ""
    revision: int = 1
    partial: bool = False  # a feed summary, not the full body
    skipped: str | None = None  # why extraction did not run on it


@dataclass
class Entity(Record):
    record: ClassVar[str] = "entity"
    id: str
    name: str
    kind: str  # person | organization | group | country | location | other
    country: str | None = None
    actor_code: str | None = None
    aliases: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    role: str | None = None


@dataclass
class Mention(Record):
    """Where an entity is named in a document (not an export record of SPEC.md)."""

    record: ClassVar[str] = "mention"
    id: str
    doc: str
    start: int
    end: int
    text: str
    entity: str


@dataclass
class Span(Record):
    id: str
    doc: str
    start: int
    end: int


@dataclass
class Event(Span):
    record: ClassVar[str] = "event"
    type: str = ""
    mode: str = "asserted"
    source: str | None = None
    target: str | None = None
    date: DateValue | None = None
    location: str | None = None
    trigger: str = ""
    cameo: str | None = None
    source_text: str | None = None
    target_text: str | None = None


@dataclass
class Statement(Span):
    record: ClassVar[str] = "statement"
    cue: str = "say"
    speaker: str | None = None
    speaker_text: str | None = None
    content: str = ""
    date: DateValue | None = None
    verb: str = ""


@dataclass
class Figure(Span):
    record: ClassVar[str] = "figure"
    text: str = ""
    value: float | None = None
    value_max: float | None = None
    unit: str = "count"
    approx: str = "exact"
    measure: str | None = None
    per: str | None = None
    date: DateValue | None = None
    source: str | None = None
    source_text: str | None = None
    measure_key: str | None = None  # the counted thing, one word ("refugee", "tajik"): figures are compared on it
    place: str | None = None  # ISO 3166 alpha-3 of the country named with the figure, if any
    promised: bool = False  # the figure is what someone promised, not what was observed


@dataclass
class DateMention(Span):
    record: ClassVar[str] = "date"
    text: str = ""
    date: DateValue | None = None


@dataclass
class Link(Record):
    record: ClassVar[str] = "link"
    id: str
    kind: str  # series | contradiction | promise | denial | same_event | syndicated
    items: list[str] = field(default_factory=list)
    note: str = ""
    score: float = 1.0  # how sure khabar is that the items belong together (0-1); reports show links at or above a threshold
    evidence: dict[str, Any] = field(default_factory=dict)  # what the link rests on: measures compared, places, units, dates, values


ITEM_TYPES: tuple[type[Span], ...] = (Event, Statement, Figure, DateMention)
RECORD_TYPES: dict[str, type[Record]] = {
    t.record: t for t in (Document, Entity, Mention, Event, Statement, Figure, DateMention, Link)
}
