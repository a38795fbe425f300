"""RSS and Atom feeds: one document per item, full content when the feed has it."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass

import feedparser

from khabar.errors import InputError
from khabar.ingest.html import fragment_text
from khabar.ingest.text import Parsed, split_authors

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")


@dataclass
class FeedItem:
    parsed: Parsed
    partial: bool  # only a summary: it never replaces a full text of the same url


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and not head[:15].lower().startswith((b"<!doctype html", b"<html")) and bool(_FEED_ROOT.search(head))


def parse_feed(data: bytes, source: str) -> list[FeedItem]:
    """Items of an RSS/Atom feed; XML entity declarations are refused outright."""
    if _ENTITY_DECL.search(data[:65536]):
        raise InputError(source, "feed declares XML entities (refused: entity expansion is never performed)")
    feed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if feed.bozo and not feed.entries:
        raise InputError(source, f"malformed feed ({feed.bozo_exception})".replace("\n", " "))
    items = []
    for entry in feed.entries:
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else ""
        partial = not html
        body = fragment_text(html or entry.get("summary", "") or "")
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        authors = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")]
        if not authors and entry.get("author"):
            authors = split_authors(entry["author"])
        items.append(FeedItem(Parsed(
            title=entry.get("title"),
            authors=authors,
            published=time.strftime("%Y-%m-%d", published) if published else None,
            publisher=feed.feed.get("title"),
            url=entry.get("link"),
            body=body,
        ), partial))
    return items
