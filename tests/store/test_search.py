"""The full-text index: kept in step with the documents Store.add writes (revisions too), built by migration 0002
for the documents of an older store, and safe against any query text."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from khabar.extract import Extraction
from khabar.ingest import make_document
from khabar.ingest.text import Parsed
from khabar.records import Entity, Mention
from khabar.store import Store
from khabar.store import schema as s
from khabar.store.search import fts5_query, hits, snippets

FIXTURE = Path(__file__).with_name("data") / "store-0001.db"


def _found(store: Store, query: str) -> list[str]:
    with store.engine.connect() as conn:
        sub = hits(conn.dialect.name, query)
        if sub is None:
            return []
        return conn.execute(select(s.documents.c.id).join(sub, sub.c.doc == s.documents.c.id).order_by(sub.c.score, s.documents.c.id)).scalars().all()


def _add(store: Store, text: str, url: str, names: list[str] = (), title: str = "Weekly report") -> str:
    doc = make_document(Parsed(title=title, url=url, body=text), "test", language="en")
    ext = Extraction(doc.id)
    for n, name in enumerate(names):
        ext.entities[f"E{n}"] = Entity(id=f"E{n}", name=name, kind="person", aliases=[name.split()[-1]])
        ext.mentions.append(Mention(id=f"{doc.id}:m{n}", doc=doc.id, start=0, end=3, text=name, entity=f"E{n}"))
    store.add(doc, ext)
    return doc.id


def test_index_follows_documents_and_revisions(db_url):
    with Store(db_url) as store:
        first = _add(store, "Farmers in Bolivia harvested quinoa early.", "https://a.example/1", ["Luis Arce"])
        other = _add(store, "Peru exported copper and zinc.", "https://a.example/2")
        assert _found(store, "harvesting") == [first]  # stemmed: harvest, harvested, harvesting
        assert _found(store, "Arce") == [first]  # actor names are indexed with the document
        assert set(_found(store, "weekly")) == {first, other}  # the title
        assert _found(store, "copper OR quinoa") and set(_found(store, "copper OR quinoa")) == {first, other}
        assert _found(store, "copper -zinc") == []
        assert _found(store, '"quinoa early"') == [first]
        _add(store, "Farmers in Bolivia lost the soybean crop.", "https://a.example/1")  # a revision of the first
        assert _found(store, "quinoa") == [] and _found(store, "soybean") == [first]
        with store.engine.connect() as conn:
            [(text, hit)] = [p for p in snippets(conn, "soybean", [first])[first] if p[1]]
        assert text.lower() == "soybean"


@pytest.mark.parametrize("query", ['"', "(", "AND", "NOT x", "x:y", "a*b", "NEAR(a b)", "^", "-", "'; DROP TABLE documents; --"])
def test_no_query_text_is_a_syntax_error(tmp_path, query):
    with Store(str(tmp_path / "k.db")) as store:
        _add(store, "Chile and Argentina signed a fishing deal.", "https://b.example/1")
        _found(store, query)  # must not raise
        assert store.counts()["documents"] == 1


def test_fts5_query_quotes_every_term():
    assert fts5_query('rice -wheat "dry season" maize OR millet') == '"rice" AND "dry season" AND ("maize" OR "millet") NOT "wheat"'
    assert fts5_query("-only -negative") is None and fts5_query("   ") is None


def test_migration_builds_the_index_for_an_older_store(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURE, db)
    with Store(f"sqlite:///{db}") as store:  # schema 0001 has no index: 0002 builds it from the stored documents
        found = _found(store, "Kamilov")
        assert len(found) == 1
        assert next(store.documents(ids=found)).url == "https://wire.example.org/2021/10/07/uzbek-minister-taliban-kabul"
