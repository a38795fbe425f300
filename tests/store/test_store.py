"""The store on a real SQLite file and a real PostgreSQL server: idempotence, revisions, transactions."""
import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from khabar.extract import Extraction
from khabar.ingest import document_id
from khabar.ingest import make_document as make
from khabar.ingest.text import Parsed
from khabar.records import Entity, Figure, Mention
from khabar.store import Store
from khabar.store import schema as s


def _doc(text, url=None, partial=False):
    return make(Parsed(title="T", url=url, body=text), "test", partial=partial)


def _ext(doc, n_figures=1):
    ext = Extraction(doc.id)
    ext.entities["E1"] = Entity(id="E1", name="Tajikistan", kind="country", country="TJK", aliases=["Tajik"])
    ext.mentions.append(Mention(id=f"{doc.id}:m0", doc=doc.id, start=0, end=4, text="Tajik", entity="E1"))
    ext.figures += [Figure(id=f"{doc.id}:F{i}", doc=doc.id, start=i, end=i + 1, text="5", value=5.0) for i in range(n_figures)]
    return ext


def _count(store, table):
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_same_content_twice_is_one_document(db_url):
    with Store(db_url) as store:
        doc = _doc("Tajik troops moved.")
        assert store.add(doc, _ext(doc)).action == "added"
        again = _doc("Tajik troops moved.")
        assert store.check(again).action == "known"
        assert store.add(again, _ext(again)).action == "known"
        assert _count(store, s.documents) == 1 and _count(store, s.figures) == 1


def test_same_url_new_content_is_a_revision(db_url):
    with Store(db_url) as store:
        first = _doc("Version one of the story.", url="https://x.example.org/a")
        store.add(first, _ext(first, 2))
        second = make(Parsed(title="T2", url="https://x.example.org/a", body="Version two."), "t", doc_id="other-id")
        status = store.check(second)
        assert status.action == "revised" and second.id == first.id
        store.add(second, _ext(second, 1))
        [stored] = list(store.documents())
        assert (stored.text, stored.revision, stored.title) == ("Version two.", 2, "T2")
        assert _count(store, s.revisions) == 1 and _count(store, s.figures) == 1


def test_feed_summary_never_replaces_full_text(db_url):
    with Store(db_url) as store:
        full = _doc("The full text of the story, long.", url="https://x.example.org/b")
        store.add(full, _ext(full))
        summary = _doc("Summary.", url="https://x.example.org/b", partial=True)
        assert store.add(summary, None).action == "known"
        assert [d.text for d in store.documents()] == ["The full text of the story, long."]


def test_failed_write_leaves_nothing_half_written(db_url):
    with Store(db_url) as store:
        doc = _doc("A story that will fail to store.")
        ext = _ext(doc, 2)
        ext.figures[1].id = ext.figures[0].id  # duplicate primary key: the insert fails mid-way
        with pytest.raises(IntegrityError):
            store.add(doc, ext)
        assert _count(store, s.documents) == 0 and _count(store, s.figures) == 0 and _count(store, s.mentions) == 0


def test_entities_merge_aliases_and_list_documents(db_url):
    with Store(db_url) as store:
        a, b = _doc("First text."), _doc("Second text.")
        store.add(a, _ext(a))
        ext_b = _ext(b)
        ext_b.entities["E1"].aliases = ["Dushanbe", "Душанбе"]
        ext_b.entities["E1"].name = "Душанбе"  # a name that is also one of its own aliases: kept once
        store.add(b, ext_b)
        [ent] = list(store.entities())
        assert ent.aliases == ["Tajik", "Dushanbe", "Душанбе"] and sorted(ent.docs) == sorted([a.id, b.id])


def test_reopening_keeps_data_and_schema_version(db_url):
    with Store(db_url) as store:
        doc = _doc("Kept across opens.")
        store.add(doc, _ext(doc))
    with Store(db_url) as store:
        assert [d.id for d in store.documents()] == [document_id(None, "Kept across opens.")]
