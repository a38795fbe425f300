"""Shared fixtures: real SQLite files and a real PostgreSQL server, one schema per test."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "fixtures" / "seed" / "why-tajikistan-is-taking-a-stand.md"
SAMPLE = ROOT / "sample" / "articles"
PG_URL = os.environ.get("KHABAR_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("postgresql://", "postgresql://", 1), connect_timeout=3):
            return True
    except Exception:
        return False


PG_UP = _pg_available()


@pytest.fixture
def pg_url():
    """A fresh schema on the real PostgreSQL server; dropped afterwards."""
    if not PG_UP:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_URL}; .ci/run should have started it")
        pytest.skip(f"PostgreSQL not reachable at {PG_URL} (tests against it run in CI)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """Each store test runs on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'k.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "fixtures").exists():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED}: the gold fixtures are not beside this checkout; CI needs them (KHABAR_SHARED)")
        pytest.skip("../shared (gold fixtures) is not beside this checkout (tests against it run in CI)")
    return SHARED
