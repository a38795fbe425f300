"""Fixtures for the web tests: a store made by ``khabar.api.ingest`` from ``corpus.py``, and the app over it."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from khabar.api import ingest
from khabar.config import Settings
from khabar.web import create_app
from tests.web.corpus import DOCUMENTS

TOKEN = "test-token-for-the-web-suite-0123456789"


def build_store(url: str, folder) -> None:
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCUMENTS), encoding="utf-8")
    summary = ingest([str(path)], db=url)
    assert summary.added == len(DOCUMENTS) and not summary.errors


def settings(url: str, **kw) -> Settings:
    return Settings(db_url=url, allow_private=False, **kw)


@pytest.fixture
def store_url(db_url, tmp_path):
    """The corpus ingested into a fresh store, on SQLite and on PostgreSQL."""
    build_store(db_url, tmp_path)
    return db_url


@pytest.fixture
def client(store_url):
    app = create_app(store_url, token=TOKEN, settings=settings(store_url))
    with TestClient(app) as c:
        yield c
