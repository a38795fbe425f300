"""One document never ends a batch: a failed analysis is one line, the document is kept, the rest go on.

Also: articles without a publication date (JSON Lines without ``published``, plain text without a date line)
are analysed like any other, and their dates are never guessed from today's.
"""
import json
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from typer.testing import CliRunner

import khabar.connect.figures as figure_links
from khabar.api import extract_text
from khabar.cli import app
from khabar.extract.figures import figures_component
from khabar.extract.pipeline import build
from khabar.records import Statement
from khabar.store import Store

MARKER = "Quxville"  # a place name no extractor knows: the document that carries it makes the test extractor raise
DOCS = [
    {"text": "Mongolia sent 300 doctors to Ulaanbaatar on Tuesday, the health ministry said.", "published": "2023-03-09"},
    {"text": f"The mayor of {MARKER} opened 12 schools last week.", "published": "2023-03-09"},
    {"text": "Chile and Peru signed a fishing agreement in Lima, officials said.", "published": "2023-03-10"},
]


@Language.component("test_exploding_figures")
def exploding_figures(doc):
    if MARKER in doc.text:
        raise RuntimeError("figure reader exploded")
    return figures_component(doc)


@pytest.fixture
def exploding():
    """The figures component raises on the marked document (and runs as usual on the others)."""
    nlp = build()
    nlp.replace_pipe("khabar_figures", "test_exploding_figures")
    yield
    nlp.replace_pipe("khabar_figures", "khabar_figures")


@pytest.fixture
def three(tmp_path):
    path = tmp_path / "three.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCS))
    return path


def _failure_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "analysis failed" in line]


def test_extract_goes_on_after_a_failed_document(exploding, three):
    res = CliRunner().invoke(app, ["extract", str(three)])
    assert res.exit_code == 1
    assert _failure_lines(res.stderr) == [f"khabar: {three}:2: analysis failed (RuntimeError: figure reader exploded)"]
    assert "Traceback" not in res.stderr
    records = [json.loads(line) for line in res.stdout.splitlines()]
    docs = [r for r in records if r["record"] == "document"]
    assert len(docs) == 3  # the failed one is exported too, without items
    failed = next(d for d in docs if MARKER in d["text"])
    items = {r["doc"] for r in records if r["record"] in {"event", "figure", "statement"}}
    assert failed["id"] not in items
    assert len(items & {d["id"] for d in docs}) == 2  # the other two are analysed


def test_ingest_stores_the_failed_document_without_extraction(exploding, three, tmp_path):
    db = tmp_path / "k.db"
    res = CliRunner().invoke(app, ["ingest", str(three), "--db", str(db)])
    assert res.exit_code == 1
    assert len(_failure_lines(res.stderr)) == 1 and "Traceback" not in res.stderr
    assert "ingested 3 new, 0 revised, 0 already known, 1 failed, 1 stored without extraction" in res.stderr
    with Store(f"sqlite:///{db}") as store:
        docs = {d.id: d for d in store.documents()}
        analysed = {f.doc for f in store.items(Statement)}
    failed = [d for d in docs.values() if MARKER in d.text]
    assert len(docs) == 3 and failed[0].skipped == "analysis failed (RuntimeError: figure reader exploded)"
    assert len(analysed) == 2 and failed[0].id not in analysed


def test_debug_prints_the_traceback(exploding, three):
    res = CliRunner().invoke(app, ["--debug", "extract", str(three)])
    assert res.exit_code == 1 and "Traceback" in res.stderr and "figure reader exploded" in res.stderr


def test_a_failing_link_step_is_one_line_and_the_rest_is_linked(monkeypatch, tmp_path):
    original = figure_links.links

    def exploding_links(corpus, figures):
        if any(MARKER in (corpus.document(f.doc).text or "") for f in figures):
            raise ValueError("link rule exploded")
        return original(corpus, figures)

    monkeypatch.setattr(figure_links, "links", exploding_links)
    path = tmp_path / "three.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCS))
    res = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "k.db")])
    assert res.exit_code == 1
    assert _failure_lines(res.stderr) == [f"khabar: {path}:2: analysis failed (ValueError: link rule exploded)"]
    with Store(f"sqlite:///{tmp_path / 'k.db'}") as store:
        assert store.counts()["documents"] == 3


# --- undated documents ----------------------------------------------------------------------------------------------

def test_undated_dates_keep_what_they_say_and_nothing_else():
    ext = extract_text("The ministers met on October 16 and again on Dec. 20, 2019; the next round is due Jan. 24.")
    values = {d.text: d.date for d in ext.dates}
    assert values["October 16"].start is None and values["October 16"].partial == "--10-16"
    assert values["Dec. 20, 2019"].start == "2019-12-20"
    assert values["Jan. 24"].start is None and values["Jan. 24"].partial == "--01-24"
    assert all(e.date is None or e.date.start in (None, "2019-12-20") for e in ext.events)
    assert not [f for f in ext.figures if f.text in {"16", "24"}]  # days of dates are not figures
    today = date.today().isoformat()[:4]
    assert not any((d.date.start or "").startswith(today) for d in ext.dates)


def test_every_fixture_corpus_without_published_dates(shared, tmp_path):
    """Each corpus.jsonl of ../shared/fixtures, with the publication dates removed: one document per line, no error."""
    corpora = sorted((shared / "fixtures").rglob("corpus.jsonl"))
    assert corpora
    for corpus in corpora:
        lines = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
        undated = tmp_path / f"{corpus.parent.name}.jsonl"
        undated.write_text("".join(json.dumps({k: v for k, v in d.items() if k != "published"}) + "\n" for d in lines))
        res = subprocess.run([sys.executable, "-m", "khabar.cli", "extract", str(undated)], capture_output=True, text=True,
                             timeout=900)
        assert res.returncode == 0 and "khabar:" not in res.stderr, (corpus, res.stderr[-2000:])
        docs = [r for r in map(json.loads, res.stdout.splitlines()) if r["record"] == "document"]
        assert len(docs) == len(lines), corpus
        assert all(d["published"] is None for d in docs)


# --- the whole pipeline never raises on time expressions, numbers and names ------------------------------------------

MONTHS = ["January", "Feb.", "March", "Apr", "May", "June", "Jul.", "August", "Sept.", "Oct", "November", "Dec."]
NAMES = ["Kazakhstan", "the ministry", "Amina Yusupova", "NATO", "the rebels", "she", "Peru's president"]
DATE_GRAMMAR = st.one_of(
    st.builds(lambda m, d: f"on {m} {d}", st.sampled_from(MONTHS), st.integers(0, 40)),
    st.builds(lambda m, d, y: f"{m} {d}, {y}", st.sampled_from(MONTHS), st.integers(1, 31), st.integers(1400, 2200)),
    st.builds(lambda w: f"on {w}", st.sampled_from(["Monday", "last Friday", "next Sunday", "Tuesday night"])),
    st.builds(lambda n, u: f"last {u}" if n == 0 else f"{n} {u}s ago", st.integers(0, 9999),
              st.sampled_from(["day", "week", "month", "year", "decade"])),
    st.builds(lambda a, b, m: f"between {m} {a} and {b}", st.integers(1, 31), st.integers(1, 40), st.sampled_from(MONTHS)),
    st.builds(lambda p, m: f"in {p} {m}", st.sampled_from(["early", "mid-", "late", "the end of"]), st.sampled_from(MONTHS)),
    st.sampled_from(["the 1990s", "this year", "the summer of 2019", "yesterday", "in 2031", "30/02/2020", "2020-13-45"]),
)
NUMBERS = st.one_of(st.integers(-10**15, 10**15).map(str), st.sampled_from(["up to 600", "$11 million", "46%", "a dozen",
                                                                           "1e309", "two-thirds", "10,000 to 15,000"]))
SENTENCE = st.builds(lambda who, verb, n, when, whom: f"{who} {verb} {n} soldiers to {whom} {when}.",
                     st.sampled_from(NAMES), st.sampled_from(["sent", "promised", "denied sending", "will deploy"]),
                     NUMBERS, DATE_GRAMMAR, st.sampled_from(NAMES))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat)))
def test_the_pipeline_never_raises_on_dates_numbers_and_names(text, published):
    ext = extract_text(text, published=published)  # raises the AnalysisError if any extractor failed
    for d in ext.dates:
        if published is None and d.date and d.date.start:
            assert any(ch.isdigit() for ch in d.text)  # only an expression that carries its own year is placed in time
