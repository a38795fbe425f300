"""Bearer tokens for the HTTP API, kept hashed in the store.

A token is shown once, when it is made (``khabar token create NAME``); the store keeps only its SHA-256,
so a copy of the database gives no one write access. Tokens are 256 random bits: a plain hash is enough
(a slow password hash protects guessable secrets, and these cannot be guessed).
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import insert, or_, select, update

from khabar.store import Store
from khabar.store import schema as s

PREFIX = "khabar_"


@dataclass
class TokenInfo:
    id: str
    name: str
    created_at: datetime
    revoked_at: datetime | None


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> tuple[str, str]:
    """A new token named ``name``: (its id, the token itself — shown to the user once, never stored)."""
    token_id, token = secrets.token_hex(4), PREFIX + secrets.token_urlsafe(32)
    with store.engine.begin() as conn:
        conn.execute(insert(s.tokens).values(id=token_id, name=name, hash=digest(token)))
    return token_id, token


def revoke_token(store: Store, id_or_name: str) -> int:
    """Revoke the live tokens with this id or name; how many were revoked."""
    with store.engine.begin() as conn:
        result = conn.execute(update(s.tokens).where(or_(s.tokens.c.id == id_or_name, s.tokens.c.name == id_or_name),
                                                     s.tokens.c.revoked_at.is_(None)).values(revoked_at=datetime.now(UTC)))
        return result.rowcount


def list_tokens(store: Store) -> list[TokenInfo]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(s.tokens.c.id, s.tokens.c.name, s.tokens.c.created_at, s.tokens.c.revoked_at)
                            .order_by(s.tokens.c.created_at, s.tokens.c.id))
        return [TokenInfo(*row) for row in rows]


def token_is_live(store: Store, token: str) -> bool:
    """Whether ``token`` is a stored token that has not been revoked."""
    with store.engine.connect() as conn:
        row = conn.execute(select(s.tokens.c.revoked_at).where(s.tokens.c.hash == digest(token))).first()
    return row is not None and row.revoked_at is None


def has_tokens(store: Store) -> bool:
    with store.engine.connect() as conn:
        return conn.execute(select(s.tokens.c.id).where(s.tokens.c.revoked_at.is_(None)).limit(1)).first() is not None
