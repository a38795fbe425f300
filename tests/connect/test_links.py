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
    {"id": "a", "url": "https://north.example.org/a", "published": "2023-03-20", "publisher": "North Wire",
     "text": "The city council of Valparaiso pledged on March 2 to build as many as 2,000 homes for flood victims. "
             "Work began in the hills above the port."},
    {"id": "b", "url": "https://south.example.org/b", "published": "2023-05-30", "publisher": "South Post",
     "text": "By late May, only 350 homes for flood victims had been finished in Valparaiso, according to a housing charity."},
    {"id": "c", "url": "https://north.example.org/c", "published": "2023-04-07", "publisher": "North Wire",
     "text": "Kenya's president hosted Ugandan officials in Nairobi on Friday."},
    {"id": "d", "url": "https://east.example.org/d", "published": "2023-04-08", "publisher": "East Daily",
     "text": "Kenya's president hosted Ugandan officials in Nairobi on Friday to discuss the railway."},
    {"id": "e", "url": "https://north.example.org/e", "published": "2023-04-03", "publisher": "North Wire",
     "text": "According to reports, Hungary is supplying ammunition to Serbia."},
    {"id": "f", "url": "https://east.example.org/f", "published": "2023-04-05", "publisher": "East Daily",
     "text": "Hungary denied supplying ammunition to Serbia."},
    {"id": "g", "url": "https://north.example.org/g", "published": "2022-03-10", "publisher": "North Wire", "text": LONG},
    {"id": "h", "url": "https://mirror.example.org/h", "published": "2022-03-11", "publisher": "Mirror", "text": LONG + " (Reprinted.)"},
    {"id": "i", "url": "https://south.example.org/i", "published": "2023-04-09", "publisher": "South Post",
     "text": "Farmers say barley covers 60 percent of the arable land in Lesotho, according to the agriculture minister. "
             "An independent survey puts the share at about 35 percent."},
    {"id": "k", "url": "https://north.example.org/k", "published": "2023-01-05", "publisher": "North Wire",
     "text": "On Monday, 1,200 households in Armenia were without power, the energy ministry said."},
    {"id": "l", "url": "https://east.example.org/l", "published": "2023-01-20", "publisher": "East Daily",
     "text": "Roughly 3,400 households in Armenia were without power on Thursday, the energy ministry said. "
             "The outages began on January 2, when 1,200 households lost power."},
    {"id": "m", "url": "https://east.example.org/m", "published": "2023-02-13", "publisher": "East Daily",
     "text": "The port authority said 42 trawlers were stranded off Chittagong on Sunday."},
    {"id": "n", "url": "https://south.example.org/n", "published": "2023-02-13", "publisher": "South Post",
     "text": "A fishermen's union said 70 trawlers were stranded off Chittagong on Sunday."},
    {"id": "o", "url": "https://west.example.org/o", "published": "2023-02-13", "publisher": "West Times",
     "text": "Rescuers said 30 trawlers were sunk off Chittagong on Sunday."},
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
    first, later = _figure(store, "k", 1200), _figure(store, "l", 3400)
    [series] = [s for s in _by_kind(_links(store), "series") if first.id in s.items]
    assert series.items.index(first.id) < series.items.index(later.id)
    assert _figure(store, "l", 1200).id in series.items  # restated in l ...
    assert series.note.count("→") == 1  # ... but only two steps: 1,200 then 3,400
    assert series.score >= 0.5 and series.evidence["places"] == ["ARM", "ARM"]


def test_promise_set_against_later_figures(stored):
    store, _ = stored
    promised = _figure(store, "a", 2000)
    [promise] = [p for p in _by_kind(_links(store), "promise") if p.items[0] == promised.id]
    assert _figure(store, "b", 350).id in promise.items
    assert promise.score >= 0.5 and "home" in promise.evidence["shared_words"]


def test_contradiction_between_sources_carries_its_evidence(stored):
    store, _ = stored
    pair = {_figure(store, "i", 60).id, _figure(store, "i", 35).id}
    [link] = [c for c in _by_kind(_links(store), "contradiction") if set(c.items) == pair]
    assert link.score >= 0.5
    assert link.evidence["unit"] == "percent" and sorted(link.evidence["values"]) == [35, 60]
    assert set(link.evidence["factors"]) == {"measure", "place", "time", "values"}


def test_two_outlets_disagreeing_on_one_count_contradict(stored):
    store, _ = stored
    pair = {_figure(store, "m", 42).id, _figure(store, "n", 70).id}
    [link] = [c for c in _by_kind(_links(store), "contradiction") if set(c.items) == pair]
    assert link.score >= 0.5


def test_same_noun_different_measure_is_never_shown(stored, tmp_path):
    """Trawlers stranded and trawlers sunk share a noun, a place and a day, not a measure."""
    from khabar.export import store_records

    store, _ = stored
    sunk = _figure(store, "o", 30).id
    near = [k for k in _links(store).values() if sunk in k.items]
    assert all(k.score < 0.5 for k in near)
    assert all(k.evidence["factors"]["measure"] < 0.6 for k in near if k.kind == "contradiction")
    exported = [r for r in store_records(store, 0.5) if r["record"] == "link"]
    assert not any(sunk in r["items"] for r in exported)
    everything = [r for r in store_records(store, None) if r["record"] == "link"]
    assert len(everything) == len(list(store.links())) >= len(exported)


def test_same_event_counts_independent_sources(stored):
    store, _ = stored
    [same] = _by_kind(_links(store), "same_event")
    assert {i.split(":")[0] for i in same.items} == {"c", "d"} and "2 sources" in same.note


def test_denial_sets_report_against_denial(stored):
    store, _ = stored
    [denial] = _by_kind(_links(store), "denial")
    assert [i.split(":")[0] for i in denial.items] == ["e", "f"]


def test_event_links_look_back_a_season_not_the_whole_archive(tmp_path):
    """A denial answers a report of months ago; one event is told by outlets within weeks, not a year apart."""
    docs = [{"id": "r", "url": "u:r", "published": "2023-01-10", "text": "According to reports, Hungary is supplying ammunition to Serbia."},
            {"id": "d", "url": "u:d", "published": "2023-08-01", "text": "Hungary denied supplying ammunition to Serbia."},
            {"id": "o", "url": "u:o", "published": "2024-09-01", "text": "Hungary denied supplying ammunition to Serbia again."},
            {"id": "m1", "url": "u:m1", "published": "2023-03-03", "text": "Kenya's president hosted Ugandan officials in Nairobi."},
            {"id": "m2", "url": "u:m2", "published": "2023-06-20", "text": "Kenya's president hosted Ugandan officials in Nairobi."}]
    db = f"sqlite:///{tmp_path / 'k.db'}"
    ingest([_write(tmp_path / "docs.jsonl", docs)], db=db)
    with Store(db) as store:
        links = _links(store)
    [denial] = _by_kind(links, "denial")
    assert [i.split(":")[0] for i in denial.items] == ["r", "d"]  # the denial 13 months on answers nothing found since
    assert _by_kind(links, "same_event") == []  # the same words 3 months apart: two meetings, not one told twice


def test_a_denial_a_syndicated_copy_repeats_is_counted_once(tmp_path):
    denial = "Hungary denied supplying ammunition to Serbia. " + LONG
    docs = [{"id": "r", "url": "u:r", "published": "2023-04-03", "publisher": "North Wire",
             "text": "According to reports, Hungary is supplying ammunition to Serbia."},
            {"id": "d1", "url": "u:d1", "published": "2023-04-05", "publisher": "East Daily", "text": denial},
            {"id": "d2", "url": "u:d2", "published": "2023-04-06", "publisher": "Mirror", "text": denial + " (Reprinted.)"}]
    db = f"sqlite:///{tmp_path / 'k.db'}"
    ingest([_write(tmp_path / "docs.jsonl", docs)], db=db)
    with Store(db) as store:
        links = _links(store)
    assert len(_by_kind(links, "syndicated")) == 1
    [link] = _by_kind(links, "denial")
    assert [i.split(":")[0] for i in link.items] == ["r", "d1", "d2"] and "denied 1 time(s)" in link.note


def test_syndicated_copies_are_linked_not_merged(stored):
    store, _ = stored
    [synd] = _by_kind(_links(store), "syndicated")
    assert synd.items == ["g", "h"] and synd.score >= 0.8
    assert {d.id for d in store.documents()} >= {"g", "h"}


def test_reingesting_changes_nothing_and_one_more_document_only_adds(stored, db_url):
    store, tmp_path = stored
    before = _links(store)
    ingest([_write(tmp_path / "docs.jsonl", DOCS)], db=db_url)
    assert _links(store) == before
    later = {"id": "j", "url": "https://west.example.org/j", "published": "2023-02-10", "publisher": "West",
             "text": "About 5,100 households in Armenia were without power on February 8, officials said."}
    ingest([_write(tmp_path / "more.jsonl", [later])], db=db_url)
    after = _links(store)
    assert set(before) <= set(after)
    [series] = [s for s in _by_kind(after, "series") if any(i.startswith("j:") for i in s.items)]
    assert series.note.count("→") == 2


def test_report_hides_links_below_the_threshold_unless_asked(stored):
    from rich.console import Console

    from khabar.report import print_report

    store, _ = stored
    def shown(threshold):
        console = Console(record=True, width=400)
        print_report(store, console, threshold)
        return console.export_text()
    assert "below the score threshold" in shown(0.5)
    assert "below the score threshold" not in shown(None)


def test_namesakes_stay_apart_and_transliterations_merge(tmp_path):
    db = f"sqlite:///{tmp_path / 'k.db'}"
    docs = [
        {"id": "p1", "url": "u:1", "text": "Armenian Prime Minister Nikol Pashinyan spoke in Yerevan. Maria Elena Ortiz was honoured "
                                           "at the ceremony."},
        {"id": "p2", "url": "u:2", "text": "On Monday, Prime Minister Nikol Pashinian met Maria Ortiz, who runs the relief fund."},
        {"id": "p3", "url": "u:3", "text": "Speaking later, Ms. Ortiz said the fund would double its grants."},
    ]
    ingest([_write(tmp_path / "p.jsonl", docs)], db=db)
    with Store(db) as store:
        people = {e.name: e for e in store.entities() if e.kind == "person"}
    assert sorted(people["Nikol Pashinyan"].docs) == ["p1", "p2"]
    assert "Nikol Pashinian" in people["Nikol Pashinyan"].aliases
    assert {"Maria Elena Ortiz", "Maria Ortiz"} <= set(people)
    assert "p3" not in people["Maria Elena Ortiz"].docs and "p3" not in people["Maria Ortiz"].docs
    assert people["Ortiz"].docs == ["p3"]  # a lone surname two stored people carry merges with neither


def test_extract_without_a_database_resolves_people_the_same_way(tmp_path):
    from khabar.api import extract

    docs = [{"id": "p1", "url": "u:1", "text": "Armenian Prime Minister Nikol Pashinyan spoke in Yerevan."},
            {"id": "p2", "url": "u:2", "text": "Later, Prime Minister Nikol Pashinian met the envoy."}]
    people = [r for r in extract([_write(tmp_path / "p.jsonl", docs)]) if r["record"] == "entity" and r["kind"] == "person"]
    assert len(people) == 1 and sorted(people[0]["docs"]) == ["p1", "p2"]
