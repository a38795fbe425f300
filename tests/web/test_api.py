"""The HTTP API over a real store (SQLite and PostgreSQL): every page's data as JSON, searches, filters, downloads."""
from __future__ import annotations

import csv
import io
import json
import re

from khabar.records import DateValue, Event
from khabar.store import Store
from khabar.web.views import date_label

PAGES = ["/", "/search?q=soldiers", "/documents/wire-steppe", "/events", "/figures", "/ingest", "/api", "/login"]


def _actor_id(client, name):
    found = client.get("/api/search", params={"q": name}).json()["actors"]
    return next(a["id"] for a in found if a["name"] == name)


def test_overview_counts_each_syndicated_copy_once(client):
    data = client.get("/api/overview").json()
    assert data["counts"]["documents"] == 4
    latest = {d["id"]: d for d in data["latest"]}
    assert "wire-gobi" not in latest, "a syndicated copy is listed under its first copy, not again"
    assert [c["id"] for c in latest["wire-steppe"]["copies"]] == ["wire-gobi"]
    assert data["copies"] == 1
    march = data["timeline"]["months"].index("2023-03")
    assert data["timeline"]["series"]["material conflict"][march] == 1  # the deployment, once though two outlets carry it
    assert set(data["rhetoric"]) == {"promise", "contradiction", "denial"}


def test_search_stems_words_filters_and_shows_copies_once(client):
    found = client.get("/api/search", params={"q": "soldier"}).json()  # "soldiers" in the text
    ids = [r["id"] for r in found["results"]]
    assert ids == ["wire-steppe"], ids  # the Gobi Times copy is folded into it
    assert [c["id"] for c in found["results"][0]["copies"]] == ["wire-gobi"]
    assert any(hit for text, hit in found["results"][0]["snippet"] if "soldier" in text.lower())
    assert client.get("/api/search", params={"q": "soldier", "outlet": "Gobi Times"}).json()["results"][0]["id"] == "wire-gobi"
    assert client.get("/api/search", params={"q": "refugees", "since": "2023-04"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "refugees -Friday"}).json()["total"] == 2
    assert [r["id"] for r in client.get("/api/search", params={"q": "Kazakhstan", "type": "CONSULT"}).json()["results"]] == ["later"]
    assert [r["id"] for r in client.get("/api/search", params={"q": "Kazakhstan", "type": "REQUEST"}).json()["results"]] == ["wire-steppe"]
    assert [a["name"] for a in client.get("/api/search", params={"q": "Khurelsukh"}).json()["actors"]] == ["Khurelsukh"]
    for hostile in ['"unbalanced (*', "NOT", "AND OR", "-", "a:b ^ NEAR(x y)"]:
        response = client.get("/api/search", params={"q": hostile})
        assert response.status_code == 200, (hostile, response.text)
    assert client.get("/api/search", params={"since": "March"}).status_code == 422
    everything = client.get("/api/search").json()
    assert everything["total"] == 4 and everything["pages"] == 1


def test_document_json_and_page_mark_every_item(client):
    data = client.get("/api/documents/wire-steppe").json()
    assert data["document"]["title"] == "Mongolia sends soldiers to the border" and "content_hash" not in data["document"]
    page = client.get("/documents/wire-steppe").text
    for kind in ("event", "statement", "figure", "date"):
        assert data[kind], kind
        for item in data[kind]:
            assert f'data-kind="{kind}" data-id="{item["id"]}"' in page
    for entity in data["entities"]:
        assert f'data-id="{entity["id"]}"' in page
    [syndicated] = [link for link in data["links"] if link["kind"] == "syndicated"]
    assert [d["id"] for d in syndicated["documents"]] == ["wire-gobi"]  # the other documents the link reaches
    assert 'href="/documents/wire-gobi"' in page
    assert client.get("/api/documents/nope").json() == {"error": "khabar: document nope: not found"}


def test_dates_show_their_text_and_resolved_range(client):
    data = client.get("/api/documents/wire-steppe").json()
    labels = {d["text"]: d["date_label"] for d in data["date"]}
    assert labels["This year"] == "This year (2023)" and labels["January"] == "January (2023-01)"
    assert labels["Monday"] == "Monday (2023-03-13)"
    page = re.sub(r'<script type="application/json".*?</script>', "", client.get("/documents/wire-steppe").text, flags=re.S)
    assert "This year (2023)" in page and "2023-01-01" not in page  # what a reader sees, not the data for scripts
    assert date_label(DateValue("mid-May", "2023-05-11", "2023-05-20", "day")) == "mid-May (2023-05-11 – 2023-05-20)"
    assert date_label(DateValue("October 16", None, None, None, partial="--10-16")) == "October 16 (--10-16)"
    assert date_label(DateValue("recent weeks", None, None, None)) == "recent weeks"


def test_actor_dossier_with_graph(client):
    kazakhstan = _actor_id(client, "Kazakhstan")
    data = client.get(f"/api/actors/{kazakhstan}").json()
    assert data["actor"]["name"] == "Kazakhstan" and data["first_seen"] == "2023-03-14" and data["last_seen"] == "2023-04-07"
    roles = sorted((e["type"], e["role"]) for e in data["events"])
    # the copy's events once; Mongolia held the talks with Kazakhstan
    assert roles == [("ACCUSE", "source"), ("AID", "source"), ("CONSULT", "target"), ("REQUEST", "source")], roles
    quads = {(e["quad"], e["count"]) for e in data["graph"]["edges"]}
    assert ("verbal cooperation", 1) in quads and ("verbal conflict", 1) in quads
    page = client.get(f"/actors/{kazakhstan}").text
    assert 'class="edge q-verbal-cooperation"' in page and "<svg" in page
    assert client.get("/api/actors/E000").status_code == 404


def test_events_filters_and_downloads(client, store_url):
    with Store(store_url) as store:
        stored = list(store.items(Event))
    copy = [e for e in stored if e.doc == "wire-gobi"]
    assert len(copy) == 4
    everything = client.get("/api/events").json()
    assert everything["total"] == len(stored) - len(copy)  # the copy's four events are not repeated
    with_copies = client.get("/api/events", params={"copies": "true"}).json()
    assert with_copies["total"] == len(stored)
    mobilize = client.get("/api/events", params={"type": "MOBILIZE"}).json()
    assert {e["type"] for e in mobilize["events"]} == {"MOBILIZE"}
    assert "Monday (2023-03-13)" in [e["date_label"] for e in mobilize["events"] if e["doc"] == "wire-steppe"]
    kazakhstan = _actor_id(client, "Kazakhstan")
    assert client.get("/api/events", params={"actor": kazakhstan}).json()["total"] == 4
    assert client.get("/api/events", params={"actor": "Kazakhstan", "type": "CONSULT"}).json()["total"] == 1
    april = client.get("/api/events", params={"since": "2023-04"}).json()
    april_docs = {"later", "hostile"}  # the two documents published in April; the wire's events are March's
    assert april["total"] == sum(e.doc in april_docs for e in stored) and {e["doc"] for e in april["events"]} <= april_docs
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv", "type": "REQUEST"}).text)))
    assert [(r["type"], r["source_name"], r["target_name"]) for r in rows] == [("REQUEST", "Kazakhstan", "Mongolia")]
    lines = client.get("/api/events", params={"format": "jsonl", "copies": "true"}).text.splitlines()
    assert len(lines) == len(stored) and all(json.loads(line)["record"] == "event" for line in lines)
    assert client.get("/api/events", params={"mode": "sometimes"}).status_code == 422


def test_figures_series_points_with_sources_and_sentences(client):
    data = client.get("/api/figures").json()
    [series] = data["series"]
    points = [(p["value"], p["x"], p["doc"]) for p in series["points"]]
    # the later report's own series: "up from about 1,200 in January" to 2,500 now (the wire's "refugees lived in
    # Mongolia" is not measured in the same words, so it is not a step of it)
    assert points == [(1200.0, "2023-01-01", "later"), (2500.0, "2023-04-07", "later")], points
    assert all(p["sentence"] and p["outlet"] == "Steppe Wire" for p in series["points"])
    assert "figures.html" not in client.get("/figures").text and 'data-chart="series"' in client.get("/figures").text


def test_every_page_has_the_content_security_policy(client):
    for path in [*PAGES, "/api/overview", "/openapi.json", "/static/app.js", "/nope", "/api/nope"]:
        response = client.get(path, headers={"accept": "text/html"})
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/nope", headers={"accept": "text/html"}).status_code == 404


def test_hostile_title_and_body_are_escaped(client):
    page = client.get("/documents/hostile").text
    assert "<script>window" not in page and "<img src=x" not in page and "<b>Evil" not in page
    assert "&lt;script&gt;window.__pwned" in page and "&lt;img src=x onerror=" in page
    for path in ["/", "/search?q=bridge", "/events?copies=true"]:
        assert "<script>window" not in client.get(path).text


def test_openapi_describes_the_api_and_the_docs_page_lists_it(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/overview", "/api/search", "/api/documents/{doc_id}", "/api/documents", "/api/actors/{entity_id}",
            "/api/events", "/api/figures", "/api/jobs", "/api/jobs/{job_id}"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/documents"] and "HTTPBearer" in spec["components"]["securitySchemes"]
    page = client.get("/api").text
    assert "POST /api/documents" in page and "cdn" not in page.lower()


def test_a_crash_is_one_line_never_a_traceback(client, monkeypatch):
    from khabar.web import views

    def broken(*_a, **_k):
        raise RuntimeError("disk on fire\nTraceback (most recent call last): secret")

    monkeypatch.setattr(views, "overview", broken)
    response = client.get("/api/overview")
    assert response.status_code == 500
    assert response.json() == {"error": "khabar: /api/overview: internal error (RuntimeError: disk on fire)"}
    page = client.get("/", headers={"accept": "text/html"})
    assert page.status_code == 500 and "Traceback" not in page.text and "content-security-policy" in page.headers


def test_answers_over_the_whole_store_are_recomputed_when_it_changes(store_url):
    from khabar.ingest import make_document
    from khabar.ingest.text import Parsed
    from khabar.store import Store
    from khabar.web.views import computed

    calls = []
    with Store(store_url) as store:
        assert computed(store, "x", lambda: calls.append(1) or len(calls)) == 1
        assert computed(store, "x", lambda: calls.append(1) or len(calls)) == 1  # nothing changed: kept
        store.add(make_document(Parsed(body="Chad and Niger closed the border."), "t", language="en"), None)
        assert computed(store, "x", lambda: calls.append(1) or len(calls)) == 2
