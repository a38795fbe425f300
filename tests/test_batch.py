"""``khabar batch`` on Ray (a local runtime here) writes the records of ``khabar extract``; ``khabar load`` stores them
as ``khabar ingest`` would. Own corpus: harbour news from three countries, a syndicated copy, a bad line."""
import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from khabar.api import analysed, extract, ingest, linked_records
from khabar.batch import load, write_shards
from khabar.cli import app
from khabar.config import Settings
from khabar.errors import KhabarError
from khabar.export import store_records
from khabar.ingest import read
from khabar.records import Document, Figure
from khabar.store import Store

TEXT = ("Harbour pilots in {city} refused to guide tankers on {day}, the port authority of {country} said. Around {n:,} "
        "pilots and tug crews joined the stoppage, which the union began after talks on night shifts failed last month. "
        "The transport minister, Oskar Lindqvist, promised to meet the union and said the navy would not be sent in. "
        "Traders warned that fuel imports could drop by {p} percent before the winter.")
PLACES = [("Gdansk", "Poland"), ("Aarhus", "Denmark"), ("Porto", "Portugal")]


def _corpus(tmp_path, n=9, version=1):
    lines = []
    for k in range(n):
        city, country = PLACES[k % 3]
        lines.append({"id": f"p{k}", "url": f"https://harbour{k % 2}.example.com/{k}", "published": f"2025-02-{1 + k:02d}",
                      "publisher": f"Harbour {k % 2}", "text": TEXT.format(city=city, country=country, day="Monday",
                                                                            n=400 + 90 * k * version, p=3 + k)})
    lines.append({**lines[1], "id": "p1-copy", "url": "https://mirror.example.com/1", "publisher": "Mirror",
                  "text": lines[1]["text"] + " First published by Harbour 1."})
    path = tmp_path / f"harbour-{version}.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in lines) + "{not json\n")
    return path


def _shards(inputs, out, per_shard=1000):
    """What ``khabar batch`` writes, analysed in this process (``load`` does not care where the analysis ran)."""
    settings = Settings()
    docs = (d for d in read(inputs) if isinstance(d, Document))
    return write_shards(linked_records(analysed(docs, settings, 1), settings, lambda e: None, stored=True), out, per_shard)


@pytest.mark.skipif(sys.platform != "linux", reason="a local Ray runtime is tested on Linux")
def test_batch_on_ray_writes_the_records_of_extract(tmp_path):
    pytest.importorskip("ray")
    path = _corpus(tmp_path)
    out = tmp_path / "shards"
    res = CliRunner().invoke(app, ["batch", str(path), "--out", str(out)])
    assert res.exit_code == 1, res.stderr  # the bad line
    assert [line for line in res.stderr.splitlines() if line.startswith("khabar:")] == \
        [f"khabar: {path}:11: not JSON (Expecting property name enclosed in double quotes at column 2)"]
    assert "wrote 10 documents" in res.stderr
    shards = [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.read_text().splitlines()]
    assert shards == list(extract([str(path)], workers=1))
    assert {r["kind"] for r in shards if r["record"] == "link"} >= {"syndicated", "contradiction"}
    assert sorted(p.name for p in out.iterdir()) == ["00000.jsonl", "entities.jsonl", "links.jsonl", "stored"]


def test_batch_joining_no_cluster_is_one_line(tmp_path):
    pytest.importorskip("ray")
    env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
    res = subprocess.run([sys.executable, "-m", "khabar.cli", "batch", str(_corpus(tmp_path)), "--out", str(tmp_path / "o"),
                          "--address", "auto"], capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 2
    assert res.stderr.startswith("khabar: --address auto: cannot reach a Ray cluster (") and len(res.stderr.splitlines()) == 1


def test_batch_without_ray_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails
    res = CliRunner().invoke(app, ["batch", str(_corpus(tmp_path)), "--out", str(tmp_path / "o")])
    assert isinstance(res.exception, KhabarError) and "pip install 'khabar[ray]'" in str(res.exception)


def test_shards_hold_extract_records_and_more_for_the_store(tmp_path):
    path = _corpus(tmp_path)
    out = tmp_path / "shards"
    assert _shards([str(path)], out) == 10
    assert [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.read_text().splitlines()] == \
        list(extract([str(path)], workers=1))
    stored = [json.loads(line) for line in (out / "stored" / "00000.jsonl").read_text().splitlines()]
    assert {r["record"] for r in stored} == {"stored", "mention"}


def test_a_second_batch_replaces_the_shards_of_the_first(tmp_path):
    out = tmp_path / "shards"
    _shards([str(_corpus(tmp_path, n=9))], out, per_shard=4)
    assert sorted(p.name for p in out.glob("*.jsonl")) == ["00000.jsonl", "00001.jsonl", "00002.jsonl", "entities.jsonl", "links.jsonl"]
    assert write_shards(iter([{"record": "document", "id": "x"}]), out, per_shard=4) == 1
    assert sorted(p.name for p in out.glob("*.jsonl")) == ["00000.jsonl", "entities.jsonl", "links.jsonl"]
    assert (out / "00000.jsonl").read_text() == '{"record": "document", "id": "x"}\n'


def test_load_stores_what_ingest_stores(tmp_path, db_url):
    path = _corpus(tmp_path)
    out = tmp_path / "shards"
    _shards([str(path)], out)
    loaded = load(out, db=db_url)
    assert (loaded.added, loaded.known, loaded.errors) == (10, 0, [])
    ingested_db = f"sqlite:///{tmp_path / 'ingested.db'}"
    ingest([str(path)], db=ingested_db, workers=1)
    with Store(db_url) as a, Store(ingested_db) as b:
        assert list(store_records(a)) == list(store_records(b))
        assert sorted((m.doc, m.entity, m.start) for m in a.mentions()) == sorted((m.doc, m.entity, m.start) for m in b.mentions())


def test_load_twice_knows_the_documents_and_a_new_text_is_a_revision(tmp_path):
    db = f"sqlite:///{tmp_path / 'k.db'}"
    _shards([str(_corpus(tmp_path, version=1))], tmp_path / "v1")
    _shards([str(_corpus(tmp_path, version=2))], tmp_path / "v2")  # the same URLs, other numbers
    assert load(tmp_path / "v1", db=db).added == 10
    assert load(tmp_path / "v1", db=db).known == 10
    again = load(tmp_path / "v2", db=db)
    assert (again.revised, again.added) == (9, 0) and again.known == 1  # p0's numbers do not change (version * 0)
    with Store(db) as store:
        docs = {d.id: d for d in store.documents()}
        assert {d.revision for d in docs.values()} == {1, 2}
        figures = list(store.items(Figure))
        assert figures and all(f.doc in docs and f.id.startswith(f.doc + ":") for f in figures)
        assert "580 pilots" in " ".join(d.text for d in docs.values())  # p1, version 2: 400 + 90 * 2


def test_a_broken_shard_line_is_one_line_and_the_rest_is_loaded(tmp_path):
    out = tmp_path / "shards"
    _shards([str(_corpus(tmp_path))], out)
    lines = (out / "00000.jsonl").read_text().splitlines()
    lines.insert(3, "{broken")
    (out / "00000.jsonl").write_text("\n".join(lines) + "\n")
    res = CliRunner().invoke(app, ["load", str(out), "--db", str(tmp_path / "k.db")])
    assert res.exit_code == 1
    assert [line for line in res.stderr.splitlines() if line.startswith("khabar:")] == \
        [f"khabar: {out / '00000.jsonl'}:4: not JSON (Expecting property name enclosed in double quotes)"]
    assert "loaded 10 new" in res.stderr


def test_load_of_a_folder_without_shards_is_one_line(tmp_path):
    res = CliRunner().invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "k.db")])
    assert isinstance(res.exception, KhabarError) and str(res.exception).startswith(f"{tmp_path}: no khabar batch shards here")
