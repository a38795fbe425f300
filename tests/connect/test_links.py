"""Links across documents, on a real store: each kind, incremental updates, false merges (own texts)."""
import json

import pytest

from khabar.api import ingest
from khabar.records import Figure
from khabar.store import Store

LONG = ("The river has always marked the border between the two valleys, and for most of the last century the "
        "villages on either side traded grain, salt and cattle across a single wooden bridge that was rebuilt after "
        "every spring flood. Elders on both banks still remember the markets that were held there every Thursday, "
        "and the marriages that joined families who now need visas to visit one another.")

DOCS = [
    {"id": "a", "url": "https://north.example.org/a", "published": "2022-02-10", "publisher": "North Wire",
     "text": "Moldova promised in January to take in up to 50,000 refugees. In early February, 4,000 Ukrainian refugees "
             "were living in Moldova, the interior ministry said."},
    {"id": "b", "url": "https://south.example.org/b", "published": "2022-03-20", "publisher": "South Post",
     "text": "About 12,000 Ukrainian refugees were living in Moldova in mid-March, the interior ministry said, up from "
             "4,000 in early February."},
    {"id": "c", "url": "https://north.example.org/c", "published": "2022-03-05", "publisher": "North Wire",
     "text": "Romania's foreign minister met Moldovan leaders in Chisinau on Friday."},
    {"id": "d", "url": "https://east.example.org/d", "published": "2022-03-06", "publisher": "East Daily",
     "text": "Romania's foreign minister met Moldovan leaders in Chisinau on Friday to discuss energy."},
    {"id": "e", "url": "https://north.example.org/e", "published": "2022-03-07", "publisher": "North Wire",
     "text": "There are persistent rumors that Belarus is supplying weapons to Russia."},
    {"id": "f", "url": "https://east.example.org/f", "published": "2022-03-09", "publisher": "East Daily",
     "text": "Belarus denied reports that it was supplying weapons to Russia."},
    {"id": "g", "url": "https://north.example.org/g", "published": "2022-03-10", "publisher": "North Wire", "text": LONG},
    {"id": "h", "url": "https://mirror.example.org/h", "published": "2022-03-11", "publisher": "Mirror", "text": LONG + " (Reprinted.)"},
    {"id": "i", "url": "https://south.example.org/i", "published": "2022-03-12", "publisher": "South Post",
     "text": "Ethnic Gagauz make up over 40 percent of the population of Comrat, according to the mayor. "
             "Independent researchers put the share at around 25 percent."},
]


def _write(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs))
    return str(path)


def _links(store):
    return {link.id: link for link in store.links()}


def _by_kind(links, kind):
    return [link for link in links.values() if link.kind == kind]


@pytest.fixture
def stored(tmp_path, db_url):
    ingest([_write(tmp_path / "docs.jsonl", DOCS)], db=db_url)
    store = Store(db_url)
    yield store, tmp_path
    store.close()


def _figure(store, doc, value):
    return next(f for f in store.items(Figure, doc) if f.value == value)


def test_series_orders_by_figure_date_and_a_restated_figure_is_no_new_step(stored):
    store, _ = stored
    [series] = [s for s in _by_kind(_links(store), "series") if _figure(store, "a", 4000).id in s.items]
    assert series.items.index(_figure(store, "a", 4000).id) < series.items.index(_figure(store, "b", 12000).id)
    assert _figure(store, "b", 4000).id in series.items  # restated in b ...
    assert series.note.count("→") == 1  # ... but only two steps: 4,000 then 12,000


def test_promise_set_against_later_figures(stored):
    store, _ = stored
    promised = _figure(store, "a", 50000)
    [promise] = [p for p in _by_kind(_links(store), "promise") if p.items[0] == promised.id]
    assert _figure(store, "b", 12000).id in promise.items


def test_contradiction_between_sources(stored):
    store, _ = stored
    pair = {_figure(store, "i", 40).id, _figure(store, "i", 25).id}
    assert any(set(c.items) == pair for c in _by_kind(_links(store), "contradiction"))


def test_same_event_counts_independent_sources(stored):
    store, _ = stored
    [same] = _by_kind(_links(store), "same_event")
    assert {i.split(":")[0] for i in same.items} == {"c", "d"} and "2 sources" in same.note


def test_denial_sets_report_against_denial(stored):
    store, _ = stored
    [denial] = _by_kind(_links(store), "denial")
    assert [i.split(":")[0] for i in denial.items] == ["e", "f"]


def test_syndicated_copies_are_linked_not_merged(stored):
    store, _ = stored
    [synd] = _by_kind(_links(store), "syndicated")
    assert synd.items == ["g", "h"]
    assert {d.id for d in store.documents()} >= {"g", "h"}


def test_reingesting_changes_nothing_and_one_more_document_only_adds(stored, db_url):
    store, tmp_path = stored
    before = _links(store)
    ingest([_write(tmp_path / "docs.jsonl", DOCS)], db=db_url)
    assert _links(store) == before
    later = {"id": "j", "url": "https://west.example.org/j", "published": "2022-04-20", "publisher": "West",
             "text": "About 20,000 Ukrainian refugees were living in Moldova in mid-April, officials said."}
    ingest([_write(tmp_path / "more.jsonl", [later])], db=db_url)
    after = _links(store)
    assert set(before) <= set(after)
    [series] = [s for s in _by_kind(after, "series") if any(i.startswith("j:") for i in s.items)]
    assert series.note.count("→") == 2


def test_namesakes_stay_apart_and_transliterations_merge(tmp_path):
    db = f"sqlite:///{tmp_path / 'k.db'}"
    docs = [
        {"id": "p1", "url": "u:1", "text": "Emomali Rahmon spoke in Dushanbe. Ahmad Shah Massoud was remembered."},
        {"id": "p2", "url": "u:2", "text": "Emomali Rakhmon met Ahmad Massoud, who leads the resistance."},
        {"id": "p3", "url": "u:3", "text": "Massoud said the fighting would go on."},
    ]
    ingest([_write(tmp_path / "p.jsonl", docs)], db=db)
    with Store(db) as store:
        people = {e.name: e for e in store.entities() if e.kind == "person"}
    assert sorted(people["Emomali Rahmon"].docs) == ["p1", "p2"]
    assert "Emomali Rakhmon" in people["Emomali Rahmon"].aliases
    assert {"Ahmad Shah Massoud", "Ahmad Massoud"} <= set(people)
    assert "p3" not in people["Ahmad Shah Massoud"].docs and "p3" not in people["Ahmad Massoud"].docs


def test_extract_without_a_database_resolves_people_the_same_way(tmp_path):
    from khabar.api import extract

    docs = [{"id": "p1", "url": "u:1", "text": "Emomali Rahmon spoke in Dushanbe."},
            {"id": "p2", "url": "u:2", "text": "Emomali Rakhmon met the envoy."}]
    people = [r for r in extract([_write(tmp_path / "p.jsonl", docs)]) if r["record"] == "entity" and r["kind"] == "person"]
    assert len(people) == 1 and sorted(people[0]["docs"]) == ["p1", "p2"]
