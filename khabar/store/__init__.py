"""Stage 4: the store — one schema on SQLite (default) and PostgreSQL.

``Store(url).add(document, extraction)`` writes a document and everything
extracted from it in one transaction: a crash or a bad record never leaves
half a document. Re-adding the same content is a no-op; the same URL with
new content becomes a new revision of the same document.
"""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, create_engine, delete, event, func, insert, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from khabar.config import db_url_for
from khabar.errors import KhabarError
from khabar.extract import Extraction
from khabar.nlp.names import name_key
from khabar.records import DateMention, DateValue, Document, Entity, Event, Figure, Link, Mention, Record, Statement
from khabar.store import schema as s
from khabar.store import search

MIGRATIONS = Path(__file__).with_name("migrations")


@dataclass
class Status:
    """What ``Store.add`` did with a document: ``added``, ``revised`` or ``known``."""

    action: str
    doc_id: str
    reason: str = ""


def person_key(name: str) -> str:
    """The index key a person is filed under: the first two letters of the surname's cross-script key.

    Transliterations of one surname in any script ("Rahmon", "Rakhmon", "Рахмон") share it (``names.name_key``);
    comparing within the key keeps resolution from scanning every person in the store.
    """
    words = [w for w in name.lower().replace("’", "'").split() if w not in {"jr.", "jr", "junior", "sr.", "senior"}]
    return "sur:" + (name_key(words[-1])[:2] if words else "")


def identity(doc: Document) -> str:
    return doc.url or f"sha256:{doc.content_hash}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")  # concurrent writers wait instead of failing
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _engine(url: str) -> Engine:
    url = db_url_for(url)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    try:
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:" and os.path.dirname(path):
                os.makedirs(os.path.dirname(path), exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        with engine.connect():
            pass
    except (SQLAlchemyError, OSError, ValueError) as exc:
        raise KhabarError(f"cannot open database {url!r}: {str(exc).splitlines()[0]}") from None
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (creating it in an empty database)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _row(record: Record, **extra: Any) -> dict[str, Any]:
    row = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    for k, v in row.items():
        if isinstance(v, DateValue):
            row[k] = dataclasses.asdict(v)
    row.update(extra)
    return row


def _date_start(record: Record) -> str | None:
    date = getattr(record, "date", None)
    return date.start if isinstance(date, DateValue) else None


def _record(record_type: type[Record], row: Any) -> Record:
    return record_type.from_dict(dict(row._mapping))


class Store:
    """A khabar database. ``url``: a SQLAlchemy URL or a SQLite file path."""

    def __init__(self, url: str | None = None) -> None:
        self.engine = _engine(url or db_url_for(None))
        try:
            migrate(self.engine)
        except SQLAlchemyError as exc:
            raise KhabarError(f"cannot prepare database: {str(exc).splitlines()[0]}") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------
    def _existing(self, conn: Connection, doc: Document) -> Any:
        if doc.url:
            return conn.execute(select(s.documents).where(s.documents.c.identity == identity(doc))).first()
        return conn.execute(select(s.documents).where(s.documents.c.content_hash == doc.content_hash)
                            .order_by(s.documents.c.seq)).first()

    def check(self, doc: Document) -> Status | None:
        """The status ``add`` would give without writing: ``known`` docs need no extraction.

        Sets ``doc.id`` to the stored document's id when ``doc`` is a revision of it.
        """
        with self.engine.connect() as conn:
            return self._decide(conn, doc)

    def _decide(self, conn: Connection, doc: Document) -> Status | None:
        row = self._existing(conn, doc)
        if row is None:
            return None
        if row.content_hash == doc.content_hash or doc.url is None:
            return Status("known", row.id, "same content already stored")
        if doc.partial and not row.partial:
            return Status("known", row.id, "a feed summary of a stored full text")
        doc.id = row.id
        return Status("revised", row.id, f"new revision {row.revision + 1}")

    def add(self, doc: Document, ext: Extraction | None) -> Status:
        """Write ``doc`` and its extraction in one transaction."""
        for attempt in range(3):
            try:
                with self.engine.begin() as conn:
                    return self._add(conn, doc, ext)
            except IntegrityError:
                if attempt == 2:
                    raise
            except OperationalError as exc:  # "database is locked" after the busy timeout
                if attempt == 2 or "locked" not in str(exc):
                    raise
        raise AssertionError("unreachable")

    def _add(self, conn: Connection, doc: Document, ext: Extraction | None) -> Status:
        status = self._decide(conn, doc)
        if status and status.action == "known":
            return status
        if status:  # a revision: keep the old text, replace what was extracted from it
            old = conn.execute(select(s.documents).where(s.documents.c.id == doc.id)).one()
            conn.execute(insert(s.revisions).values(doc=old.id, revision=old.revision, content_hash=old.content_hash,
                                                    title=old.title, text=old.text))
            self._delete_extraction(conn, doc.id)
            doc.revision = old.revision + 1
            conn.execute(update(s.documents).where(s.documents.c.id == doc.id).values(**_row(doc)))
        else:
            seq = conn.execute(select(func.coalesce(func.max(s.documents.c.seq), 0))).scalar_one() + 1
            conn.execute(insert(s.documents).values(**_row(doc, seq=seq, identity=identity(doc))))
            status = Status("added", doc.id)
        if ext is not None:
            self._write_extraction(conn, ext)
        search.index_document(conn, doc, ext.entities.values() if ext else [], replace=status.action == "revised")
        conn.execute(delete(s.pending).where(s.pending.c.doc == doc.id))
        conn.execute(insert(s.pending).values(doc=doc.id))
        return status

    def _delete_extraction(self, conn: Connection, doc_id: str) -> None:
        for table in (*s.ITEM_TABLES.values(), s.mentions, s.doc_bands, s.doc_signatures):
            conn.execute(delete(table).where(table.c.doc == doc_id))

    def _write_extraction(self, conn: Connection, ext: Extraction) -> None:
        for ent in ext.entities.values():
            self._upsert_entity(conn, ent)
        if ext.mentions:
            conn.execute(insert(s.mentions), [_row(m) for m in ext.mentions])
        for record_type, table in s.ITEM_TABLES.items():
            items = [i for i in ext.items() if isinstance(i, record_type)]
            if items:
                conn.execute(insert(table), [_row(i, date_start=_date_start(i)) for i in items])

    def _upsert_entity(self, conn: Connection, ent: Entity) -> None:
        row = conn.execute(select(s.entities).where(s.entities.c.id == ent.id)).first()
        if row is None:
            try:
                with conn.begin_nested():
                    conn.execute(insert(s.entities).values(**_row(ent, docs=[])))
                    if ent.kind == "person":
                        conn.execute(insert(s.entity_keys).values(key=person_key(ent.name), entity=ent.id))
                return
            except IntegrityError:  # another writer inserted it first: merge into theirs
                row = conn.execute(select(s.entities).where(s.entities.c.id == ent.id)).one()
        name = row.name
        if ent.kind == "person" and len(ent.name.split()) > len(row.name.split()):
            name = ent.name  # "Rahmon" stored first, "Emomali Rahmon" now: the full name becomes the name
        aliases = [a for a in dict.fromkeys([*(row.aliases or []), *ent.aliases, ent.name, row.name]) if a != name]  # each once
        conn.execute(update(s.entities).where(s.entities.c.id == ent.id).values(
            name=name, aliases=aliases, country=row.country or ent.country, actor_code=row.actor_code or ent.actor_code,
            role=row.role or ent.role))

    def has_entity(self, entity_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(s.entities.c.id).where(s.entities.c.id == entity_id)).first() is not None

    def people_with_key(self, key: str) -> list[Entity]:
        """Person entities filed under ``key`` (see ``person_key``)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.entities).where(s.entities.c.id.in_(
                select(s.entity_keys.c.entity).where(s.entity_keys.c.key == key))).order_by(s.entities.c.id))
            return [_record(Entity, row) for row in rows]  # type: ignore[misc]

    def add_links(self, links: list[Link], kinds: set[str] | None = None) -> None:
        """Replace the stored links of ``kinds`` (default: all) by ``links``."""
        with self.engine.begin() as conn:
            if kinds is None:
                conn.execute(delete(s.links))
            else:
                conn.execute(delete(s.links).where(s.links.c.kind.in_(kinds)))
            if links:
                conn.execute(insert(s.links), [_row(link) for link in links])

    # --- reading ------------------------------------------------------------
    def documents(self, ids: Iterable[str] | None = None, text: bool = True) -> Iterator[Document]:
        """All documents in ingestion order, or those of ``ids``; ``text=False`` leaves bodies empty (cheaper)."""
        query = select(*[c for c in s.documents.c if text or c.name != "text"]).order_by(s.documents.c.seq, s.documents.c.id)
        if ids is not None:
            query = query.where(s.documents.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield Document.from_dict({"text": "", **row._mapping})  # type: ignore[misc]

    def entities(self, ids: Iterable[str] | None = None, docs: bool = True) -> Iterator[Entity]:
        """Entities mentioned in some document (all, or those of ``ids``), each with the documents that mention it;
        ``docs=False``: the entities of ``ids`` as stored, without reading their mentions (cheaper)."""
        ids = None if ids is None else list(ids)
        if not docs and ids is not None:
            with self.engine.connect() as conn:
                yield from (_record(Entity, row) for row in conn.execute(select(s.entities).where(s.entities.c.id.in_(ids))))  # type: ignore[misc]
            return
        mentioned = select(s.mentions.c.entity, s.mentions.c.doc).distinct().order_by(s.mentions.c.entity, s.mentions.c.doc)
        query = select(s.entities).order_by(s.entities.c.id)
        if ids is not None:
            mentioned, query = mentioned.where(s.mentions.c.entity.in_(ids)), query.where(s.entities.c.id.in_(ids))
        with self.engine.connect() as conn:
            mentioned_in: dict[str, list[str]] = {}
            for ent_id, doc_id in conn.execute(mentioned):
                mentioned_in.setdefault(ent_id, []).append(doc_id)
            for row in conn.execute(query):
                ent: Entity = _record(Entity, row)  # type: ignore[assignment]
                ent.docs = mentioned_in.get(ent.id, [])
                if ent.docs:
                    yield ent

    def mentions(self, doc_id: str | None = None) -> Iterator[Mention]:
        query = select(s.mentions).order_by(s.mentions.c.doc, s.mentions.c.start)
        if doc_id:
            query = query.where(s.mentions.c.doc == doc_id)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield _record(Mention, row)  # type: ignore[misc]

    def items(self, record_type: type[Event | Statement | Figure | DateMention], doc_id: str | None = None,
              involving: str | None = None, ids: list[str] | None = None) -> Iterator[Any]:
        """Items of one kind, optionally of one document, involving one entity (as source, target, speaker), or by id."""
        table = s.ITEM_TABLES[record_type]
        query = select(*[c for c in table.c if c.name != "date_start"]).order_by(table.c.doc, table.c.start, table.c.id)
        if doc_id:
            query = query.where(table.c.doc == doc_id)
        if involving:
            cols = [table.c[name] for name in ("source", "target", "speaker") if name in table.c]
            query = query.where(or_(*[c == involving for c in cols]))
        if ids is not None:
            query = query.where(table.c.id.in_(ids))
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield _record(record_type, row)

    def links(self, kinds: Iterable[str] | None = None) -> Iterator[Link]:
        query = select(s.links).order_by(s.links.c.kind, s.links.c.id)
        if kinds is not None:
            query = query.where(s.links.c.kind.in_(list(kinds)))
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield _record(Link, row)  # type: ignore[misc]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            tables = {"documents": s.documents, "entities": s.entities, "events": s.events,
                      "statements": s.statements, "figures": s.figures, "dates": s.dates, "links": s.links}
            return {k: conn.execute(select(func.count()).select_from(t)).scalar_one() for k, t in tables.items()}
