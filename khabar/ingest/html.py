"""HTML pages and fragments to clean text, through trafilatura."""
from __future__ import annotations

import re
from html import unescape

import lxml.html
import trafilatura
from lxml.etree import ParserError

from khabar.ingest.dates import parse_published
from khabar.ingest.text import Parsed, split_authors

_BLOCK_END = re.compile(r"(?i)</(?:p|div|li|h[1-6]|blockquote|tr|section|article)\s*>|<br\s*/?>")


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed item's content), one paragraph a block."""
    marked = _BLOCK_END.sub("\n\n", html)
    try:
        tree = lxml.html.fragment_fromstring(marked, create_parent="div")
        for bad in tree.xpath("//script|//style"):
            bad.drop_tree()
        text = tree.text_content()
    except (ParserError, ValueError):
        text = re.sub(r"<[^>]+>", " ", marked)
    paragraphs = [re.sub(r"\s+", " ", unescape(p)).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def parse_html(html: str, url: str | None = None) -> Parsed:
    """Body and metadata of a web page; boilerplate (menus, banners, asides) left out."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        return Parsed(body=fragment_text(html), url=url)
    title = (doc.title or "").strip() or None
    lines = [line.strip() for line in (doc.text or "").split("\n") if line.strip()]
    if lines and title and lines[0] == title:
        lines = lines[1:]  # trafilatura repeats the <h1>
    return Parsed(
        title=title,
        authors=split_authors(doc.author) if doc.author else [],
        published=parse_published(doc.date) if doc.date else None,
        publisher=(doc.sitename or None),
        url=doc.url or url,
        body="\n\n".join(lines),
    )
