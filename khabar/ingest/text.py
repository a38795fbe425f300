"""Plain text and Markdown articles: header, body and footer apart.

News pages saved as text or Markdown carry a header (title, subtitle, byline,
date line, image caption with a credit) and a footer (disclaimers, "first
published by", "Original url:"). The rules below are a table of line
patterns; each block of the file is classified by the first rule that
matches, so a user can read and extend them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from khabar.ingest.dates import parse_published

# Inline Markdown, in the order it is undone: links keep their text,
# autolinks their address, emphasis markers go, escapes are rendered.
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)"), r"\1"),
]
# Escaped punctuation (\\$11 and \$11 alike) is set aside first so emphasis rules leave it alone.
_ESCAPE = re.compile(r"\\+([!-/:-@\[-`{-~])")
_HELD = re.compile("[\ue000-\ue07f]")

BYLINE = re.compile(r"^(?:[Bb]y|BY|[Ww]ritten by)\s+(?P<who>[A-Z](?:[^.!?]|(?<=\b[A-Z])\.){1,120}?)\.?$")
RELATED = re.compile(r"^[*_]*(?:related(?: article| story| stories)?|read (?:more|also)|see also)\s*:[*_]*\s*(?P<rest>.*)$", re.I)
ORIGIN = re.compile(r"(?i:first|originally)\s+(?i:published|appeared)\s+(?i:by|in|on|at)\s+(?:the\s+)?(?P<who>[^.*]+?)\s*\.?\**$")
DISCLAIMER = re.compile(r"^\W*(?i:the (?:views|opinions) expressed\b.*?(?:position|views?|opinions?) of) (?:the\s+)?(?P<who>.+?)\.?\W*$")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)?\s*(?:\d{4}\s+)?(?P<who>[^.©]{2,80}?)\.?\s+all rights reserved\.?$", re.I)
URL_LINE = re.compile(r"^(?:original|source|canonical)\s*(?:url|link)?\s*:\s*(?P<url>\S*)$", re.I)
URL = re.compile(r"^<?(?P<url>https?://\S+?)>?$")
RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
CREDIT = re.compile(r"(?:\*\*|__)(?P<credit>[^*_]{2,80})(?:\*\*|__)\s*$|\b(?:photo|image|credit)s?\s*:\s*(?P<credit2>.+)$", re.I)
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*$")
SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]\s*$")


@dataclass
class Parsed:
    """What a text article yields before it becomes a ``Document``."""

    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    publisher: str | None = None
    origin: str | None = None
    url: str | None = None
    related: list[dict[str, str | None]] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    body: str = ""


def inline(text: str) -> str:
    """Undo inline Markdown: links, emphasis and escapes."""
    text = _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    text = _HELD.sub(lambda m: chr(ord(m.group()) - 0xE000), text)
    return re.sub(r"[ \t]+", " ", text).strip()


def split_authors(who: str) -> list[str]:
    who = re.sub(r"\s*[,|]\s*(?=(?:\w+\s+)?\d{1,2}\b|\w+\s+\d{1,2},).*$", "", who)  # "By X, November 2, 2021"
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", who)
    return [p.strip() for p in parts if p.strip()]


def _blocks(raw: str) -> list[str]:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return [b.strip() for b in re.split(r"\n\s*\n", raw) if b.strip()]


def _related(rest: str) -> dict[str, str | None]:
    m = re.search(r"\[([^\]]+)\]\(([^)]*)\)", rest)
    if m:
        url = m.group(2).strip()
        return {"title": inline(m.group(1)), "url": url if url and url != "#" else None}
    return {"title": inline(rest), "url": None}


def _footer(block: str, out: Parsed) -> bool:
    """Take metadata from a footer line; True when the line is not body text."""
    text = inline(block)
    if RULE.match(block):
        return True
    if m := URL_LINE.match(text):
        out.url = out.url or (m.group("url") or None)
        return True
    if m := DISCLAIMER.match(text):
        out.publisher = out.publisher or m.group("who").strip()
        return True
    if m := COPYRIGHT.match(text):
        out.publisher = out.publisher or m.group("who").strip()
        return True
    if (m := ORIGIN.search(text)) and len(text) < 200:
        out.origin = m.group("who").strip()
        return True
    return False


def _header(blocks: list[str], out: Parsed) -> int:
    """Read title, subtitle, byline, date and captions; return where the body starts."""
    i = 0
    if blocks and (m := HEADING.match(blocks[0])):
        out.title, i = inline(m.group("text")), 1
    elif blocks and len(blocks) > 1 and len(blocks[0]) < 200 and "\n" not in blocks[0] and not SENTENCE_END.search(blocks[0]):
        out.title, i = inline(blocks[0]), 1
    seen_byline_or_date = False
    while i < len(blocks):
        block, text = blocks[i], inline(blocks[i])
        if (m := BYLINE.match(text)) and len(text) < 200:
            out.authors = split_authors(m.group("who"))
            if date := parse_published(text[m.start("who"):]):
                out.published = out.published or date
            seen_byline_or_date = True
        elif len(text) < 60 and (date := parse_published(text, strict=True)):
            out.published, seen_byline_or_date = date, True
        elif (m := CREDIT.search(block)) and len(block) < 400:
            out.captions.append(inline(block))
        elif not seen_byline_or_date and out.title and len(text) < 400 and i <= 2 and _looks_like_header_after(blocks, i):
            out.subtitle = text
        else:
            break
        i += 1
    return i


def _looks_like_header_after(blocks: list[str], i: int) -> bool:
    """A subtitle is only a subtitle when a byline or date line follows it."""
    for block in blocks[i + 1 : i + 3]:
        text = inline(block)
        if BYLINE.match(text) or (len(text) < 60 and parse_published(text, strict=True)):
            return True
    return False


def _join_broken(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with the one that continues it."""
    out: list[str] = []
    for p in paragraphs:
        if out and not SENTENCE_END.search(out[-1]) and p[:1].islower():
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def parse_text(raw: str) -> Parsed:
    """Split a text or Markdown article into metadata and a clean body."""
    out = Parsed()
    blocks = _blocks(raw)
    start = _header(blocks, out)
    body: list[str] = []
    for k, block in enumerate(blocks[start:], start):
        if (m := RELATED.match(block)) and len(block) < 400:
            out.related.append(_related(m.group("rest")))
            continue
        if _footer(block, out):
            continue
        if (m := URL.match(block.strip())) and k > 0 and URL_LINE.match(inline(blocks[k - 1])):
            out.url = out.url or m.group("url")
            continue
        lines = [inline(line) for line in block.split("\n")]
        body.append(" ".join(line for line in lines if line))
    out.body = "\n\n".join(_join_broken([p for p in body if p]))
    return out
