"""Who may read and who may write.

Writes always need a bearer token: ``KHABAR_TOKEN`` given at start, or a live token of the store's
``tokens`` table (``khabar token create``). With no token at all, writes are refused. Reads are open,
unless the server runs ``--private``: then they need a token too, as a bearer header (scripts) or the
cookie that ``/login`` sets (browsers). The cookie is never accepted for writes, so a page on another
site cannot make a logged-in browser write (no cross-site request forgery).
"""
from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

from khabar.store import Store
from khabar.store.tokens import has_tokens, token_is_live

COOKIE = "khabar_token"


class Gate:
    def __init__(self, store: Store, token: str | None, private: bool) -> None:
        self.store = store
        self.token = token or None
        self.private = private

    def valid(self, token: str) -> bool:
        if self.token and hmac.compare_digest(token.encode(), self.token.encode()):
            return True
        return token_is_live(self.store, token)

    def check(self, request: Request, write: bool) -> None:
        """Raise 401 (no credentials) or 403 (wrong ones, or writes disabled) unless the request may go on."""
        if not write and not self.private:
            return
        given = bearer(request) or (None if write else request.cookies.get(COOKIE))
        if write and not self.token and not has_tokens(self.store):
            raise HTTPException(403, "writes are disabled: no token is configured (set KHABAR_TOKEN or run 'khabar token create')")
        if not given:
            what = "writing" if write else "reading this private server"
            raise HTTPException(401, f"{what} needs a token (Authorization: Bearer <token>)",
                                headers={"WWW-Authenticate": 'Bearer realm="khabar"'})
        if not self.valid(given):
            raise HTTPException(403, "the token is not valid (unknown or revoked)")


def bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None
