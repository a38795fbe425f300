"""The in-memory corpus answers from indexes what a scan of everything would answer, and the candidates a new figure
is compared with are bounded without losing a link (generated figures of one measure over several years)."""
import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

import khabar.connect.figures as figure_rules
from khabar.connect import MemoryCorpus, connect
from khabar.connect.stored import StoreCorpus
from khabar.extract import Extraction
from khabar.records import DateValue, Document, Event, Figure, Link
from khabar.store import Store

PLACES = ["NPL", "BTN", None]
KEYS = ["household", "trawler"]


def _figures(rng: random.Random, doc: Document, n: int) -> list[Figure]:
    out = []
    for k in range(n):
        day = date.fromisoformat(doc.published) - timedelta(days=rng.randrange(0, 40))
        dated = rng.random() < 0.3
        out.append(Figure(id=f"{doc.id}:F{k}", doc=doc.id, start=k, end=k + 1, text="x", value=float(rng.choice([40, 90, 300, 310])),
                          unit="count", measure=rng.choice(["households without power", "households cut off from power",
                                                             "trawlers stranded off the coast"]),
                          measure_key=rng.choice(KEYS), place=rng.choice(PLACES), promised=rng.random() < 0.05,
                          source_text=rng.choice(["the ministry", "a union", None]),
                          date=DateValue("then", day.isoformat(), day.isoformat(), "day") if dated else None))
    return out


def _corpus(seed: int, n_docs: int = 60) -> tuple[MemoryCorpus, list[tuple[Document, list[Figure], list[Event]]]]:
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    added = []
    for d in range(n_docs):
        published = start + timedelta(days=rng.randrange(0, 3 * 365))  # three years: most pairs are seasons apart
        doc = Document(id=f"d{d}", url=f"https://wire.example.com/{d}", title=None, text="", published=published.isoformat(),
                       publisher=rng.choice(["Wire", "Post", "Daily"]))
        events = [Event(id=f"d{d}:E{k}", doc=doc.id, start=k, end=k + 1, type="AID", source=rng.choice(["Ea", "Eb", None]),
                        target=rng.choice(["Ec", "Ea", None])) for k in range(rng.randrange(0, 3))]
        added.append((doc, _figures(rng, doc, rng.randrange(0, 4)), events))
    corpus = MemoryCorpus()
    for doc, figures, events in added:
        corpus.add(doc, figures, events)
    return corpus, added


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6))
def test_indexes_answer_what_a_scan_answers_in_the_same_order(seed):
    corpus, _ = _corpus(seed)
    for key in KEYS:
        for place in PLACES:
            scan = [f for f in corpus.figures if f.measure_key == key and f.unit == "count" and (place is None or f.place in (place, None))]
            assert corpus.figures_in_group(key, "count", place) == scan
    for source in ["Ea", "Eb"]:
        for target in ["Ec", "Ea"]:
            scan = [e for e in corpus.events if e.source == source and e.target == target]
            assert corpus.events_between(source, target) == scan
            window = ("2021-03-01", "2021-06-30")
            near = [e for e in scan if window[0] <= corpus.document(e.doc).published <= window[1]]
            assert corpus.events_between(source, target, window) == near
    links = [Link(id=f"L{k}", kind=kind, items=items) for k, (kind, items) in
             enumerate([("syndicated", ["d1", "d2"]), ("same_event", ["d1:E0", "d3:E1"]), ("syndicated", ["d2", "d5"])])]
    corpus.put_links(links)
    corpus.put_links([Link(id="L0", kind="syndicated", items=["d1", "d4"])])  # replaced: its old items are forgotten
    assert [link.id for link in corpus.links_with("syndicated", ["d2"])] == ["L2"]
    assert [link.id for link in corpus.links_with("syndicated", ["d4", "d5"])] == ["L0", "L2"]
    assert corpus.syndicated_with("d1") == {"d4"}


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10**6))
def test_the_time_window_loses_no_link(seed):
    """Connecting document by document with the bounded candidates gives the links of the unbounded comparison."""
    _, added = _corpus(seed)
    results = []
    for bounded in (True, False):
        original = figure_rules._window
        if not bounded:
            figure_rules._window = lambda corpus, new: None  # every member of the group is a candidate
        try:
            corpus = MemoryCorpus()
            for doc, figures, events in added:
                corpus.add(doc, figures, events)
                connect(corpus, [doc], figures, events)
            results.append(corpus.links)
        finally:
            figure_rules._window = original
    assert results[0] == results[1]
    assert any(link.kind == "contradiction" for link in results[0].values())  # the corpus has something to lose


def test_a_new_figure_meets_the_figures_of_its_season_not_of_every_year():
    corpus, _ = _corpus(7, n_docs=300)
    new = Figure(id="new:F0", doc="new", start=0, end=1, text="x", value=5.0, unit="count", measure_key="household")
    corpus.add(Document(id="new", url=None, title=None, text="", published="2021-06-15"), [new], [])
    window = figure_rules._window(corpus, [new])
    assert window == ("2021-04-16", "2021-08-14")
    everyone = corpus.figures_in_group("household", "count", None)
    near = corpus.figures_in_group("household", "count", None, published=window)
    undated = [f for f in everyone if not f.date and not f.promised]
    assert len([f for f in near if not f.date and not f.promised]) < len(undated) / 3  # dated ones all stay, for series
    assert all(f.promised or f.date or window[0] <= corpus.document(f.doc).published <= window[1] for f in near)
    assert {f.id for f in everyone if f.date or f.promised} <= {f.id for f in near}


def test_the_store_bounds_the_candidates_as_the_memory_corpus_does(db_url):
    corpus, added = _corpus(11, n_docs=80)
    with Store(db_url) as store:
        for doc, figures, events in added:
            doc.content_hash = doc.id
            store.add(doc, Extraction(doc.id, figures=figures, events=events))
        stored = StoreCorpus(store)
        for window in [("2021-03-01", "2021-06-30"), figure_rules.NO_DAYS, None]:
            for place in PLACES:
                want = sorted(f.id for f in corpus.figures_in_group("trawler", "count", place, published=window))
                assert sorted(f.id for f in stored.figures_in_group("trawler", "count", place, published=window)) == want
            want = sorted(e.id for e in corpus.events_between("Ea", "Ec", window))
            assert sorted(e.id for e in stored.events_between("Ea", "Ec", window)) == want
