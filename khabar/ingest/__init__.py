"""Stage 1: inputs (files, folders, globs, JSON Lines, URLs, feeds, WARC) to clean documents.

``read(inputs)`` yields a ``Document`` for every article it can read and an
``InputError`` for every one it cannot, so a batch always goes on.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from zlib import error as zlib_error

from khabar.config import Settings
from khabar.errors import InputError
from khabar.ingest.feeds import looks_like_feed, parse_feed
from khabar.ingest.fetch import fetch
from khabar.ingest.html import parse_html
from khabar.ingest.language import detect_language
from khabar.ingest.text import Parsed, parse_text
from khabar.records import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".gz"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
JSONL_FIELDS = ("id", "url", "title", "published", "authors", "publisher", "language")

Item = Document | InputError

__all__ = ["read", "read_one", "expand", "decode", "make_document"]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def document_id(url: str | None, text: str) -> str:
    """Stable id: from the URL when there is one (revisions keep it), else from the content."""
    key = f"url:{url}" if url else f"text:{content_hash(text)}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def make_document(parsed: Parsed, source: str, *, doc_id: str | None = None, language: str | None = None,
                  partial: bool = False) -> Document:
    text = parsed.body
    return Document(
        id=doc_id or document_id(parsed.url, text), url=parsed.url, title=parsed.title, text=text,
        authors=parsed.authors, published=parsed.published, publisher=parsed.publisher, origin=parsed.origin,
        language=language or detect_language(text), related=parsed.related, subtitle=parsed.subtitle,
        captions=parsed.captions, source=source, content_hash=content_hash(text), partial=partial,
    )


def decode(data: bytes, source: str) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM, else a clear error."""
    if not data.strip():
        raise InputError(source, "empty input")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"invalid UTF-16 at byte {exc.start}") from None
    sample = data[:8192]
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) // 100 + 1:
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def expand(inputs: Iterable[str]) -> Iterator[str | InputError]:
    """Paths, folder contents (recursive, sorted), glob matches and URLs, in order."""
    for raw in inputs:
        if raw.startswith(("http://", "https://")):
            yield raw
        elif os.path.isdir(raw):
            found = sorted(p for p in Path(raw).rglob("*") if p.is_file() and not p.name.startswith("."))
            yield from (str(p) for p in found if p.suffix.lower() in KNOWN_SUFFIXES)
        elif os.path.exists(raw):
            yield raw
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            yield from (m for m in matches if os.path.isfile(m)) if matches else [InputError(raw, "no file matches")]
        else:
            yield InputError(raw, "no such file or directory")


def _read_file(path: str, settings: Settings) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > settings.max_bytes:
            raise InputError(path, f"file is {size} bytes, over the limit of {settings.max_bytes} (KHABAR_MAX_BYTES)")
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None


def _jsonl(text: str, source: str) -> Iterator[Item]:
    for n, line in enumerate(text.splitlines(), 1):
        where = f"{source}:{n}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield InputError(where, "a JSON Lines record needs a non-empty string field 'text'")
            continue
        given = {k: obj.get(k) for k in JSONL_FIELDS}
        authors = given["authors"] if isinstance(given["authors"], list) else ([given["authors"]] if given["authors"] else [])
        parsed = Parsed(title=given["title"], authors=[str(a) for a in authors], published=given["published"],
                        publisher=given["publisher"], url=given["url"], body=obj["text"])
        yield make_document(parsed, where, doc_id=str(given["id"]) if given["id"] is not None else None,
                            language=given["language"])


def _check_gzip(data: bytes, source: str, settings: Settings) -> None:
    """Refuse a gzip stream that inflates past the size limit, before anything reads it whole."""
    import zlib

    inflate = zlib.decompressobj(31)
    total, chunk = 0, data
    while chunk:
        out = inflate.decompress(chunk, 1 << 20)
        total += len(out)
        if total > settings.max_bytes:
            raise InputError(source, f"decompresses to over the limit of {settings.max_bytes} bytes")
        chunk = inflate.unconsumed_tail
        if not chunk and inflate.eof and inflate.unused_data:  # a WARC is many gzip members
            inflate, chunk = zlib.decompressobj(31), inflate.unused_data
    return None


def _warc(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    import io

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            ctype = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            yield from _parse_bytes(record.content_stream().read(settings.max_bytes), f"{source}#{url}", url or None, "text/html",
                                    settings)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        yield InputError(source, f"malformed WARC ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})")


def _parse_bytes(data: bytes, source: str, url: str | None, kind: str, settings: Settings) -> Iterator[Item]:
    """Documents in ``data``; ``kind`` is a suffix or a content type."""
    if kind in WARC_SUFFIXES or data[:4] == b"WARC" or data[:2] == b"\x1f\x8b":
        if data[:2] == b"\x1f\x8b":
            try:
                _check_gzip(data, source, settings)
            except zlib_error as exc:
                raise InputError(source, f"malformed gzip ({exc})") from None
        yield from _warc(data, source, settings)
        return
    if kind in FEED_SUFFIXES or "xml" in kind or "rss" in kind or "atom" in kind or looks_like_feed(data):
        if looks_like_feed(data):
            items = [i for i in parse_feed(data, source) if i.parsed.body]
            if not items:
                raise InputError(source, "feed has no items with text")
            for item in items:
                yield make_document(item.parsed, f"{source}#{item.parsed.url or ''}", partial=item.partial)
            return
        if kind in FEED_SUFFIXES:
            raise InputError(source, "not an RSS or Atom feed")
    text = decode(data, source)
    if kind in JSONL_SUFFIXES:
        yield from _jsonl(text, source)
        return
    if kind in HTML_SUFFIXES or "html" in kind or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        parsed = parse_html(text, url)
    else:
        parsed = parse_text(text)
        parsed.url = parsed.url or url
    if not parsed.body.strip():
        raise InputError(source, "no article text found")
    yield make_document(parsed, source)


def read_one(name: str, settings: Settings) -> Iterator[Item]:
    """Documents of one input (file or URL); errors are yielded, not raised."""
    try:
        if name.startswith(("http://", "https://")):
            got = fetch(name, settings)
            yield from _parse_bytes(got.content, name, got.url, got.content_type.split(";")[0].lower(), settings)
        else:
            yield from _parse_bytes(_read_file(name, settings), name, None, Path(name).suffix.lower(), settings)
    except InputError as exc:
        yield exc
    except RecursionError:
        yield InputError(name, "input is nested too deeply to parse")
    except MemoryError:
        yield InputError(name, "input too large to parse in memory")
    except Exception as exc:  # a parser library failing on malformed input fails that input, not the batch
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        yield InputError(name, f"cannot parse ({type(exc).__name__}{': ' + detail if detail else ''})")


def read(inputs: Iterable[str], settings: Settings | None = None) -> Iterator[Item]:
    """Documents and errors of all inputs, in order."""
    settings = settings or Settings()
    for name in expand(inputs):
        if isinstance(name, InputError):
            yield name
        else:
            yield from read_one(name, settings)
