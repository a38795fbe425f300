"""Writes over HTTP and who may make them: tokens, size limits, refused URLs, the same pipeline as khabar ingest."""
from __future__ import annotations

import time

from fastapi.testclient import TestClient

from khabar.store import Store
from khabar.store.tokens import create_token, list_tokens, revoke_token
from khabar.web import create_app
from tests.web.conftest import TOKEN, settings

ARTICLE = {"text": "Bhutan sent 500 soldiers to the eastern border on Tuesday, the army said.", "title": "Bhutan moves troops",
           "url": "https://thimphu.example.net/a1", "published": "2024-02-08", "publisher": "Thimphu Daily"}
AUTH = {"authorization": f"Bearer {TOKEN}"}


def _app(url, **kw):
    kw.setdefault("token", TOKEN)
    return TestClient(create_app(url, settings=kw.pop("settings", settings(url)), **kw))


def test_a_json_article_is_ingested_and_its_records_returned(db_url):
    with _app(db_url) as client:
        response = client.post("/api/documents", json=ARTICLE, headers=AUTH)
        assert response.status_code == 201, response.text
        body = response.json()
        records = body["documents"][0]["records"]
        assert body["id"] == body["documents"][0]["id"] and body["documents"][0]["status"] == "added"
        assert records[0]["record"] == "document" and records[0]["title"] == "Bhutan moves troops"
        [event] = [r for r in records if r["record"] == "event"]
        assert event["type"] == "MOBILIZE" and event["date"]["start"] == "2024-02-06"
        assert any(r["record"] == "entity" and r["name"] == "Bhutan" for r in records)
        again = client.post("/api/documents", json=ARTICLE, headers=AUTH)
        assert again.status_code == 200 and again.json()["documents"][0]["status"] == "known"
        assert client.get("/api/search", params={"q": "eastern border"}).json()["results"][0]["id"] == body["id"]


def test_uploaded_files_go_through_the_ingest_reader(db_url):
    page = "Nepal\n\nBy Staff\n\nNepal held talks with India in Kathmandu on Friday about flood relief."
    with _app(db_url) as client:
        response = client.post("/api/documents", headers=AUTH, files=[("files", ("../../etc/story.md", page.encode(), "text/markdown")),
                                                                      ("files", ("empty.txt", b"   ", "text/plain"))])
        assert response.status_code == 201, response.text
        body = response.json()
        assert [d["source"] for d in body["documents"]] == ["../../etc/story.md"]
        assert body["errors"] == ["khabar: empty.txt: empty input"]
        assert any(r.get("type") == "CONSULT" for r in body["documents"][0]["records"])


def test_writes_need_a_valid_token(db_url):
    with _app(db_url) as client:
        missing = client.post("/api/documents", json=ARTICLE)
        assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
        assert missing.json()["error"].startswith("khabar: writing needs a token")
        assert client.post("/api/documents", json=ARTICLE, headers={"authorization": "Bearer wrong"}).status_code == 403
        assert client.post("/api/documents", json=ARTICLE, headers={"authorization": f"Basic {TOKEN}"}).status_code == 401
        assert client.get("/api/overview").json()["counts"]["documents"] == 0  # nothing was written
        assert client.post("/ingest/jobs", data={"text": "x"}).status_code == 401


def test_stored_tokens_work_until_revoked_and_no_token_means_no_writes(db_url):
    with _app(db_url, token=None) as client:
        refused = client.post("/api/documents", json=ARTICLE, headers=AUTH)
        assert refused.status_code == 403 and "no token is configured" in refused.json()["error"]
        store = Store(db_url)
        token_id, token = create_token(store, "ingest-bot")
        assert token.startswith("khabar_") and token not in str(list_tokens(store))
        assert client.post("/api/documents", json=ARTICLE, headers={"authorization": f"Bearer {token}"}).status_code == 201
        assert revoke_token(store, "ingest-bot") == 1
        assert client.post("/api/documents", json=ARTICLE, headers={"authorization": f"Bearer {token}"}).status_code == 403
        assert list_tokens(store)[0].revoked_at is not None and list_tokens(store)[0].id == token_id
        store.close()


def test_private_server_needs_a_token_to_read(store_url):
    with _app(store_url, private=True) as client:
        assert client.get("/api/overview").status_code == 401
        assert client.get("/api/overview", headers={"authorization": "Bearer nope"}).status_code == 403
        assert client.get("/api/overview", headers=AUTH).status_code == 200
        page = client.get("/documents/later", headers={"accept": "text/html"})
        assert page.status_code == 401 and 'action="/login"' in page.text and "Refugees in Mongolia" not in page.text
        assert client.post("/login", data={"token": "nope", "next": "/"}, follow_redirects=False).status_code == 403
        login = client.post("/login", data={"token": TOKEN, "next": "/documents/later"}, follow_redirects=False)
        assert login.status_code == 303 and login.headers["location"] == "/documents/later"
        assert "httponly" in login.headers["set-cookie"].lower() and "samesite=strict" in login.headers["set-cookie"].lower()
        assert "Refugees in Mongolia" in client.get("/documents/later").text  # the cookie now reads
        assert client.post("/api/documents", json=ARTICLE).status_code == 401  # but never writes
        assert client.post("/login", data={"token": TOKEN, "next": "//evil.example"}, follow_redirects=False).headers["location"] == "/"
    with _app(store_url) as client:  # not private: reading is open
        assert client.get("/api/overview").status_code == 200


def test_uploads_over_the_ingest_limit_are_refused(db_url):
    small = settings(db_url, max_bytes=2_000)
    with _app(db_url, settings=small) as client:
        big = b"Mongolia said the harvest was good. " * 80  # 2,880 bytes: under the request limit, over the file limit
        response = client.post("/api/documents", headers=AUTH, files=[("files", ("big.txt", big, "text/plain"))])
        assert response.status_code == 413
        assert response.json()["error"] == "khabar: big.txt: file is 2880 bytes, over the limit of 2000 (KHABAR_MAX_BYTES)"
        huge = client.post("/api/documents", headers=AUTH, files=[("files", ("huge.txt", big * 500, "text/plain"))])
        assert huge.status_code == 413 and "over the limit" in huge.json()["error"]
        streamed = client.post("/api/documents", headers={**AUTH, "content-type": "application/json"},
                               content=iter([b'{"text": "', b"x" * 900_000, b"x" * 900_000, b'"}']))
        assert streamed.status_code == 413
        assert client.get("/api/overview").json()["counts"]["documents"] == 0


def test_urls_go_through_the_private_address_refusal(db_url):
    with _app(db_url) as client:
        refused = client.post("/api/documents", headers=AUTH, json={"url": "http://127.0.0.1:9/story"})
        assert refused.status_code == 422
        assert refused.json()["error"].startswith("khabar: http://127.0.0.1:9/story: refused: 127.0.0.1 resolves to non-public address")
        local = client.post("/api/documents", headers=AUTH, data={"urls": "/etc/passwd"})
        assert local.status_code == 422 and local.json()["error"] == "khabar: /etc/passwd: only http(s) URLs can be submitted"
        assert client.post("/api/documents", headers=AUTH, json={"title": "no text"}).status_code == 422
        assert client.post("/api/documents", headers=AUTH, content=b"{not json", ).status_code == 415
        bad = client.post("/api/documents", headers={**AUTH, "content-type": "application/json"}, content=b"{not json")
        assert bad.status_code == 422 and bad.json()["error"].startswith("khabar: request: not JSON")


def test_background_job_reports_progress_until_done(db_url):
    with _app(db_url) as client:
        started = client.post("/api/jobs", headers=AUTH, json=[ARTICLE, {"url": "http://10.0.0.1/x"}])
        assert started.status_code == 202
        job = started.json()
        for _ in range(300):
            if job["finished"]:
                break
            time.sleep(0.1)
            job = client.get(f"/api/jobs/{job['id']}", headers=AUTH).json()
        assert job["finished"] and [d["status"] for d in job["documents"]] == ["added"]
        assert len(job["errors"]) == 1 and "refused" in job["errors"][0]
        assert client.get(f"/api/jobs/{job['id']}").status_code == 401
        fragment = client.get(f"/ingest/jobs/{job['id']}", headers=AUTH).text
        assert 'data-finished="yes"' in fragment and "Bhutan moves troops" in fragment


def test_an_analysis_failure_is_a_one_line_json_error(tmp_path, monkeypatch):
    """khabar.api.ingest reports a document whose analysis failed as an error of its Summary (the document is
    stored without extraction): the answer is that error, with a 4xx status, not a page or a traceback."""
    from khabar.api import Summary
    from khabar.errors import InputError
    from khabar.store import Status
    from khabar.web import ingest as web_ingest

    def failing(inputs, db, settings, on_item):
        error = InputError("request:1", "analysis failed (ValueError: E030 sentence boundaries unset)")
        on_item(error, Status("added", "d1"))
        return Summary(added=1, errors=[error])

    monkeypatch.setattr(web_ingest, "ingest", failing)
    url = f"sqlite:///{tmp_path / 'k.db'}"
    with _app(url) as client:
        response = client.post("/api/documents", json=ARTICLE, headers=AUTH)
    assert response.status_code == 422
    assert response.json()["error"] == "khabar: request:1: analysis failed (ValueError: E030 sentence boundaries unset)"
