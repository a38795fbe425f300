"""The store's tables, derived from the record types of ``khabar.records``.

One column per record field (lists, dicts and dates as JSON), so a field
added to a record is a column here; Alembic migrations (``migrations/``)
carry existing stores forward.
"""
from __future__ import annotations

import dataclasses
import typing

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

from khabar import records as r

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

ID = String(200)
_SCALARS = {"str": Text, "int": Integer, "float": Float, "bool": Boolean}


def _column_type(annotation: str):
    base = annotation.replace(" | None", "").strip()
    if base == "str":
        return Text
    return _SCALARS.get(base, JSON)


def _columns(record_type: type[r.Record], keys: dict[str, typing.Any]) -> list[Column]:
    cols = []
    for f in dataclasses.fields(record_type):
        if f.name in keys:
            cols.append(keys[f.name])
        else:
            cols.append(Column(f.name, _column_type(str(f.type)), nullable=f.name != "text"))
    return cols


def _doc_fk() -> Column:
    return Column("doc", ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


documents = Table(
    "documents", metadata,
    *_columns(r.Document, {
        "id": Column("id", ID, primary_key=True),
        "url": Column("url", String(2000), nullable=True),
        "content_hash": Column("content_hash", String(64), nullable=False),
        "published": Column("published", String(32), nullable=True),
    }),
    Column("ingested_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    Column("seq", Integer, nullable=False, server_default="0"),  # ingestion order
    # What makes a document the same one: its URL, or its content when it has none. Same text
    # under two URLs is two documents (a syndicated copy), linked later, not merged.
    Column("identity", String(2100), nullable=False),
    UniqueConstraint("identity"),
    Index(None, "url"),
    Index(None, "content_hash"),
    Index(None, "published"),
    Index(None, "publisher"),  # filters of the web workbench (migration 0002)
    Index(None, "language"),
    Index(None, "seq"),  # the next document's place in ingestion order, read on every write (migration 0005)
)

revisions = Table(
    "revisions", metadata,
    Column("doc", ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("replaced_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
)

entities = Table(
    "entities", metadata,
    *_columns(r.Entity, {"id": Column("id", ID, primary_key=True), "name": Column("name", String(500), nullable=False),
                         "kind": Column("kind", String(20), nullable=False)}),
    Index(None, "name"),
    Index(None, "country"),
)

mentions = Table(
    "mentions", metadata,
    *_columns(r.Mention, {"id": Column("id", ID, primary_key=True), "doc": _doc_fk(),
                          "entity": Column("entity", ID, ForeignKey("entities.id"), nullable=False)}),
    Index(None, "doc"),
    Index(None, "entity"),
)


def _item_table(name: str, record_type: type[r.Span], *extra) -> Table:
    return Table(name, metadata, *_columns(record_type, {"id": Column("id", ID, primary_key=True), "doc": _doc_fk()}),
                 Column("date_start", String(10), nullable=True), Index(None, "doc"), Index(None, "date_start"), *extra)


events = _item_table("events", r.Event, Index("ix_events_type", "type"), Index("ix_events_source", "source"),
                     Index("ix_events_target", "target"))
statements = _item_table("statements", r.Statement, Index("ix_statements_speaker", "speaker"),
                         Index("ix_statements_cue", "cue"))
figures = _item_table("figures", r.Figure, Index("ix_figures_source", "source"), Index("ix_figures_group", "measure_key", "unit", "place"))
dates = _item_table("dates", r.DateMention)

links = Table(
    "links", metadata,
    *_columns(r.Link, {"id": Column("id", ID, primary_key=True), "kind": Column("kind", String(20), nullable=False),
                       "score": Column("score", Float, nullable=True, server_default="1.0")}),
    Index(None, "kind"),
    Index(None, "score"),
)

# Which links an item (or document) belongs to: links are found from a new item without a scan.
link_items = Table(
    "link_items", metadata,
    Column("link", ID, ForeignKey("links.id", ondelete="CASCADE"), primary_key=True),
    Column("item", ID, primary_key=True),
    Index(None, "item"),
)

# MinHash bands of each document's text (khabar.connect.syndication): equal keys point to near-copies.
doc_bands = Table(
    "doc_bands", metadata,
    Column("doc", ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("key", String(32), nullable=False),
    Index(None, "band", "key"),
)

# Each document's MinHash signature, to check the candidates the bands point to without re-reading texts.
doc_signatures = Table(
    "doc_signatures", metadata,
    Column("doc", ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

# Documents stored but not yet connected: written with the document, cleared once its links are made,
# so a crash between the two is repaired by the next run.
pending = Table(
    "pending", metadata,
    Column("doc", ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)

# Names under which person entities are found across documents (folded surname, full name).
entity_keys = Table(
    "entity_keys", metadata,
    Column("key", String(200), primary_key=True),
    Column("entity", ID, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Index(None, "entity"),
)

# Bearer tokens for the HTTP API's writes (khabar.store.tokens): only a SHA-256 of each token is kept.
tokens = Table(
    "tokens", metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

ITEM_TABLES: dict[type[r.Span], Table] = {r.Event: events, r.Statement: statements, r.Figure: figures,
                                          r.DateMention: dates}
