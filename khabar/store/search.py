"""Full-text search over documents: SQLite FTS5 or PostgreSQL tsvector.

The index (table ``doc_search``, made by migration 0002) holds each document's title and subtitle, the
names and aliases of the actors it mentions, and its body; ``Store.add`` writes a document's row in
the same transaction as the document, so the index never lags behind the store. Both back ends stem
English words (Porter stemmer / the ``english`` configuration): "refugees" finds "refugee".

Queries use one small syntax on both: words (all required), ``"a phrase"``, ``-word`` (excluded),
``OR`` between two terms, ``word*`` (prefix, SQLite only; PostgreSQL ignores the star).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, column, text
from sqlalchemy.sql import Subquery

from khabar.records import Document, Entity

INDEXED_CHARS = 300_000  # as much of a body as extraction analyses (Settings.max_chars); a tsvector is capped at 1 MB
HIT_ON, HIT_OFF = "\x02", "\x03"  # snippet markers: control characters never left in stored text's display

_SQLITE_INSERT = text("INSERT INTO doc_search (doc, title, names, body) VALUES (:doc, :title, :names, :body)")
_PG_UPSERT = text(
    "INSERT INTO doc_search (doc, tsv) VALUES (:doc, setweight(to_tsvector('english', :title), 'A')"
    " || setweight(to_tsvector('english', :names), 'B') || to_tsvector('english', :body))"
    " ON CONFLICT (doc) DO UPDATE SET tsv = excluded.tsv")


def names_of(entities: Iterable[Entity]) -> str:
    """The words under which a document is found by the actors it mentions."""
    return " ; ".join(" ".join([e.name, *e.aliases]) for e in entities)


def index_document(conn: Connection, doc: Document, entities: Iterable[Entity], replace: bool) -> None:
    """Write (or, for a revision, rewrite) ``doc``'s row of the index, inside the caller's transaction."""
    params = {"doc": doc.id, "title": " ".join(filter(None, [doc.title, doc.subtitle])), "names": names_of(entities),
              "body": doc.text[:INDEXED_CHARS]}
    if conn.dialect.name == "sqlite":
        if replace:
            conn.execute(text("DELETE FROM doc_search WHERE doc = :doc"), params)
        conn.execute(_SQLITE_INSERT, params)
    else:
        conn.execute(_PG_UPSERT, params)


_TERM = re.compile(r'(-?)"([^"]*)"|(\S+)')


def fts5_query(query: str) -> str | None:
    """A user's query in FTS5 syntax, every term quoted so that no input is an FTS5 syntax error; None if empty."""
    positive: list[str] = []
    negative: list[str] = []
    join_or = False
    for neg, phrase, word in _TERM.findall(query):
        if word == "OR":
            join_or = bool(positive)
            continue
        if word.startswith("-") and len(word) > 1:
            neg, word = "-", word[1:]
        words = re.findall(r"\w+", phrase or word)
        if not words:
            continue
        term = '"' + " ".join(words) + '"' + ("*" if word.endswith("*") else "")
        if neg:
            negative.append(term)
        elif join_or:
            positive[-1] = f"({positive[-1]} OR {term})"
            join_or = False
        else:
            positive.append(term)
    if not positive:
        return None
    return " AND ".join(positive) + "".join(f" NOT {t}" for t in negative)


def hits(dialect: str, query: str) -> Subquery | None:
    """Documents matching ``query`` as a subquery of (``doc``, ``score``), lower scores first; None when empty."""
    if dialect == "sqlite":
        fts = fts5_query(query)
        if fts is None:
            return None
        # bm25 (lower is better) with a weight per column: doc (not indexed), title, names, body
        sql = text("SELECT doc, bm25(doc_search, 0.0, 8.0, 3.0, 1.0) AS score FROM doc_search WHERE doc_search MATCH :q")
        return sql.bindparams(q=fts).columns(column("doc"), column("score")).subquery("hits")
    if not query.strip():
        return None
    sql = text("SELECT doc, -ts_rank(tsv, websearch_to_tsquery('english', :q)) AS score FROM doc_search"
               " WHERE tsv @@ websearch_to_tsquery('english', :q)")
    return sql.bindparams(q=query).columns(column("doc"), column("score")).subquery("hits")


def snippets(conn: Connection, query: str, doc_ids: list[str]) -> dict[str, list[tuple[str, bool]]]:
    """For each document, a short passage around its hits, as (text, is_hit) pieces (never HTML)."""
    if not doc_ids:
        return {}
    if conn.dialect.name == "sqlite":
        sql = text("SELECT doc, snippet(doc_search, 3, char(2), char(3), '…', 24) FROM doc_search"
                   " WHERE doc_search MATCH :q AND doc IN :ids").bindparams(bindparam("ids", expanding=True))
        rows = conn.execute(sql, {"q": fts5_query(query), "ids": doc_ids})
    else:
        sql = text("SELECT id, ts_headline('english', left(text, 50000), websearch_to_tsquery('english', :q),"
                   " 'StartSel=\x02, StopSel=\x03, MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=\" … \"')"
                   " FROM documents WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
        rows = conn.execute(sql, {"q": query, "ids": doc_ids})
    return {doc: _pieces(passage or "") for doc, passage in rows}


def _pieces(passage: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for n, part in enumerate(re.split(f"[{HIT_ON}{HIT_OFF}]", " ".join(passage.split()))):
        if part:
            out.append((part, n % 2 == 1))
    return out
