"""Analysis in worker processes: the records of ``--workers 1``, in the same order; a failed or dead worker is one line.

The corpus is written here (enough documents for several chunks, so the pool is used): short wire items about
strikes, aid and talks in countries of three continents, a story syndicated by two outlets, and figures of one
measure that disagree.
"""
import json
import os

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from khabar.api import extract, ingest
from khabar.cli import app
from khabar.export import store_records
from khabar.extract import parallel
from khabar.extract.figures import figures_component
from khabar.extract.pipeline import build
from khabar.ingest import read
from khabar.store import Store

PLACES = [("Chile", "Valparaiso"), ("Kenya", "Mombasa"), ("Norway", "Bergen"), ("Vietnam", "Da Nang"), ("Morocco", "Fez"),
          ("Peru", "Cusco"), ("Ghana", "Kumasi"), ("Finland", "Tampere")]
STORY = ("Dock workers in {city} stopped loading ships on {day}, the port authority of {country} said. About {n:,} workers "
         "joined the strike, which the union called after talks on wages broke down last week. The labour minister, "
         "Ines Dahlberg, promised to meet union leaders and said the government would not send police to the port. "
         "Shipping companies warned that exports of fruit and timber could fall by {p} percent this month.")
MARKER = "Zorbulax"  # a place no extractor knows: the document naming it makes the test component fail


def corpus(tmp_path):
    lines = []
    for k in range(40):
        country, city = PLACES[k % len(PLACES)]
        lines.append({"id": f"w{k}", "url": f"https://wire{k % 3}.example.net/{k}", "published": f"2024-05-{1 + k % 28:02d}",
                      "publisher": f"Wire {k % 3}",
                      "text": STORY.format(city=city, country=country, day=["Monday", "Tuesday", "Friday"][k % 3],
                                           n=800 + 350 * k, p=5 + k % 20)})
    lines[10]["language"] = "es"  # stored, not analysed: it must still come back in its place
    lines.append(dict(lines[3], id="copy3", url="https://mirror.example.net/3", publisher="Mirror",
                      text=lines[3]["text"] + " This story first appeared on Wire 0."))  # syndicated
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in lines))
    return path


def test_the_corpus_needs_the_pool(tmp_path):
    chunks = list(parallel._chunks(read([str(corpus(tmp_path))])))
    assert len(chunks) >= 3  # else analyse() would stay in this process and the tests below would not test workers


def test_extract_with_workers_gives_the_records_of_one_process(tmp_path):
    path = corpus(tmp_path)
    one = list(extract([str(path)], workers=1))
    two = list(extract([str(path)], workers=2))
    assert two == one
    docs = [r for r in one if r["record"] == "document"]
    assert [d["id"] for d in docs] == [f"w{k}" for k in range(40)] + ["copy3"]  # input order, the one not analysed too
    assert docs[10]["skipped"].startswith("language is 'es'") and not any(d["skipped"] for d in docs[:10] + docs[11:])
    assert {"document", "entity", "figure", "statement", "event", "date"} <= {r["record"] for r in one}
    assert {"syndicated", "contradiction"} <= {r["kind"] for r in one if r["record"] == "link"}


def test_ingest_with_workers_stores_what_one_process_stores(tmp_path):
    path = corpus(tmp_path)
    stores = []
    for workers in (1, 2):
        db = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        summary = ingest([str(path)], db=db, workers=workers)
        assert (summary.added, summary.known, summary.errors) == (41, 0, [])
        with Store(db) as store:
            stores.append(list(store_records(store)))
    assert stores[1] == stores[0]


@Language.component("test_failing_figures")
def failing_figures(doc):
    if MARKER in doc.text:
        raise RuntimeError("figures gave up")
    return figures_component(doc)


@Language.component("test_dying_figures")
def dying_figures(doc):
    if MARKER in doc.text:
        os._exit(9)  # the worker process ends at once, as when the system kills it
    return figures_component(doc)


@pytest.fixture
def with_component():
    """Replace the figures component in this process's pipeline; forked workers inherit it."""
    nlp = build()

    def use(name):
        nlp.replace_pipe("khabar_figures", name)

    yield use
    nlp.replace_pipe("khabar_figures", "khabar_figures")


def _marked(tmp_path):
    path = corpus(tmp_path)
    lines = path.read_text().splitlines()
    lines[20] = lines[20].replace("Dock workers", f"Dock workers from {MARKER}")
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("component, reason", [
    ("test_failing_figures", "analysis failed (RuntimeError: figures gave up)"),
    ("test_dying_figures", "analysis failed (WorkerDied: the worker process analysing it died (killed, out of memory or crashed))"),
])
def test_a_failure_in_a_worker_is_one_line_and_the_batch_goes_on(with_component, tmp_path, component, reason):
    with_component(component)
    path = _marked(tmp_path)
    res = CliRunner().invoke(app, ["extract", str(path), "--workers", "2"])
    assert res.exit_code == 1
    assert [line for line in res.stderr.splitlines() if line] == [f"khabar: {path}:21: {reason}"]
    records = [json.loads(line) for line in res.stdout.splitlines()]
    docs = [r for r in records if r["record"] == "document"]
    assert [d["id"] for d in docs] == [f"w{k}" for k in range(40)] + ["copy3"]  # input order, the failed one included
    analysed = {r["doc"] for r in records if r["record"] == "statement"}
    assert analysed == {d["id"] for d in docs} - {"w10", "w20"}


def test_a_dead_worker_leaves_the_other_documents_as_one_process_makes_them(with_component, tmp_path):
    path = _marked(tmp_path)
    with_component("test_failing_figures")
    expected = [r for r in extract([str(path)], workers=1)]
    with_component("test_dying_figures")
    got = [r for r in extract([str(path)], workers=2)]
    assert [r for r in got if r["record"] != "document"] == [r for r in expected if r["record"] != "document"]
