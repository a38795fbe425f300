"""The command line as a user runs it: a real process, a real SQLite file."""
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLE

KHABAR = [sys.executable, "-m", "khabar.cli"]


def run(*args, **kw):
    return subprocess.run([*KHABAR, *map(str, args)], capture_output=True, text=True, timeout=600, **kw)


def test_ingest_sample_twice_then_export(tmp_path):
    db = tmp_path / "k.db"
    first = run("ingest", SAMPLE, "--db", db)
    assert first.returncode == 0, first.stderr
    assert "ingested 6 new, 0 revised, 2 already known, 0 failed" in first.stderr
    second = run("ingest", SAMPLE, "--db", db)
    assert "ingested 0 new, 0 revised, 8 already known" in second.stderr
    out = run("export", "--db", db)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    docs = [r for r in records if r["record"] == "document"]
    assert len(docs) == 6
    for doc in docs:
        assert {"id", "url", "title", "authors", "published", "publisher", "origin", "language", "text", "related"} <= set(doc)
    assert any(r["record"] == "entity" for r in records)


def test_extract_prints_jsonl_without_a_database(tmp_path):
    art = tmp_path / "a.md"
    art.write_text("# Border Talks\n\nBy Ann Lee\n\nMay 2, 2022\n\nKazakhstan and Uzbekistan met in Tashkent on Monday.")
    out = run("extract", art, "--format", "jsonl", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records[0]["record"] == "document" and records[0]["title"] == "Border Talks"
    assert {"Kazakhstan", "Uzbekistan", "Tashkent"} <= {r["name"] for r in records if r["record"] == "entity"}
    assert not (tmp_path / "khabar.db").exists()


def test_bad_inputs_exit_1_with_one_line_each(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text("Fine Title\n\nA fine body of text about talks.")
    res = run("ingest", tmp_path / "empty.txt", tmp_path / "nope.md", tmp_path / "ok.txt", "--db", tmp_path / "k.db")
    assert res.returncode == 1
    lines = [line for line in res.stderr.splitlines() if line.startswith("khabar:")]
    assert lines == [f"khabar: {tmp_path / 'empty.txt'}: empty input", f"khabar: {tmp_path / 'nope.md'}: no such file or directory"]
    assert "Traceback" not in res.stderr
    assert "1 new" in res.stderr


def test_bad_database_url_is_one_line(tmp_path):
    res = run("report", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert res.returncode == 2 and res.stderr.startswith("khabar: cannot open database") and "Traceback" not in res.stderr


def test_csv_and_parquet_exports(tmp_path):
    db = tmp_path / "k.db"
    run("ingest", SAMPLE / "03-wire-kamilov.md", "--db", db)
    for fmt in ("csv", "parquet"):
        res = run("export", "--db", db, "--format", fmt, "--out", tmp_path / fmt)
        assert res.returncode == 0, res.stderr
        assert (Path(tmp_path / fmt) / f"document.{fmt}").exists()
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "parquet" / "document.parquet").num_rows == 1


def test_non_english_is_stored_and_flagged(tmp_path):
    (tmp_path / "fr.txt").write_text("Titre\n\nLe gouvernement a annoncé une nouvelle loi sur les réfugiés et les frontières.")
    res = run("ingest", tmp_path / "fr.txt", "--db", tmp_path / "k.db")
    assert res.returncode == 0
    assert "stored without extraction: language is 'fr'" in res.stderr


def test_report_has_rhetoric_vs_reality_and_actor_dossier(tmp_path):
    db = tmp_path / "k.db"
    run("ingest", SAMPLE, "--db", db)
    report = run("report", "--db", db, env={**os.environ, "COLUMNS": "200"})
    assert report.returncode == 0, report.stderr
    assert "Rhetoric vs reality" in report.stdout and "Promises against outcomes" in report.stdout
    assert "Reports against denials (1)" in report.stdout  # the syndicated copy does not repeat it
    dossier = run("report", "--db", db, "--actor", "Rahmon", env={**os.environ, "COLUMNS": "200"})
    assert dossier.returncode == 0 and dossier.stdout.startswith("Emomali Rahmon — person")
    assert "Relations (events, by PLOVER quad class)" in dossier.stdout
    missing = run("report", "--db", db, "--actor", "Nobody Known")
    assert missing.returncode == 2 and missing.stderr.startswith("khabar: --actor 'Nobody Known': no such actor")
