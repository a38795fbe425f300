"""Every input format, and one clear error per bad input while the batch goes on."""
import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from khabar.config import Settings
from khabar.errors import InputError
from khabar.ingest import read

HTML = """<!DOCTYPE html><html lang="en"><head><title>Dam Opens | Example News</title>
<meta name="author" content="Ana Diaz"><meta property="article:published_time" content="2022-04-05T08:00:00Z">
<meta property="og:site_name" content="Example News"><link rel="canonical" href="https://news.example.org/dam"></head>
<body><nav>Home | Subscribe</nav><article><h1>Dam Opens</h1>
<p>The new dam on the river opened on Monday after a decade of construction, officials in the province said.</p>
<p>It will supply electricity to around two million homes, according to the energy ministry, which paid for it.</p>
</article><footer>All rights reserved.</footer></body></html>"""


def _docs(items):
    return [i for i in items if not isinstance(i, InputError)]


def _errors(items):
    return [i for i in items if isinstance(i, InputError)]


def test_html_page(tmp_path):
    (tmp_path / "a.html").write_text(HTML)
    [doc] = _docs(read([str(tmp_path / "a.html")]))
    assert doc.title == "Dam Opens"
    assert doc.authors == ["Ana Diaz"] and doc.published == "2022-04-05" and doc.publisher == "Example News"
    assert doc.url == "https://news.example.org/dam"
    assert "two million homes" in doc.text and "Subscribe" not in doc.text and doc.language == "en"


def test_jsonl_keeps_fields_and_text_exactly(tmp_path):
    text = "  Rebels said they  seized the town.\n"
    rec = {"id": "x1", "url": "gold:any/7", "title": "T", "published": "2020-01-02", "authors": ["A"], "text": text}
    (tmp_path / "c.jsonl").write_text(json.dumps(rec) + "\n")
    [doc] = _docs(read([str(tmp_path / "c.jsonl")]))
    assert (doc.id, doc.url, doc.text, doc.published, doc.authors) == ("x1", "gold:any/7", text, "2020-01-02", ["A"])


def test_broken_jsonl_lines_reported_rest_read(tmp_path):
    good = json.dumps({"text": "Troops left the city."})
    (tmp_path / "b.jsonl").write_text(f"{good}\n{{not json\n{json.dumps({'title': 'no text'})}\n{good.replace('left', 'entered')}\n")
    items = list(read([str(tmp_path / "b.jsonl")]))
    assert len(_docs(items)) == 2
    assert [str(e) for e in _errors(items)] == [
        f"{tmp_path}/b.jsonl:2: not JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{tmp_path}/b.jsonl:3: a JSON Lines record needs a non-empty string field 'text'",
    ]


def test_feed_items_full_and_summary(tmp_path):
    feed = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire</title>
<item><title>One</title><link>https://w.example.org/1</link><pubDate>Mon, 15 Nov 2021 08:30:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Full text of the first story about the border.</p>]]></content:encoded></item>
<item><title>Two</title><link>https://w.example.org/2</link><description>Only a summary.</description></item>
</channel></rss>"""
    (tmp_path / "f.xml").write_text(feed)
    one, two = _docs(read([str(tmp_path / "f.xml")]))
    assert (one.title, one.url, one.published, one.partial) == ("One", "https://w.example.org/1", "2021-11-15", False)
    assert (two.text, two.partial) == ("Only a summary.", True)


def test_warc(tmp_path):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example.org/dam", "response",
                                                  payload=io.BytesIO(HTML.encode()), http_headers=headers))
    (tmp_path / "a.warc.gz").write_bytes(buf.getvalue())
    [doc] = _docs(read([str(tmp_path / "a.warc.gz")]))
    assert doc.title == "Dam Opens" and "two million homes" in doc.text


def test_folders_and_globs(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Title A\n\nBody of article A is here.")
    (tmp_path / "b.md").write_text("# Title B\n\nBody of article B is here.")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # unknown suffix in a folder: not an article
    assert sorted(d.title for d in _docs(read([str(tmp_path)]))) == ["Title A", "Title B"]
    assert [d.title for d in _docs(read([str(tmp_path / "*.md")]))] == ["Title B"]


def test_bad_inputs_one_line_each_and_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 2)
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 opened".encode("latin-1"))
    (tmp_path / "big.txt").write_text("word " * 400)
    (tmp_path / "bad.xml").write_text("<rss><channel><item><title>x</broken>")
    (tmp_path / "good.txt").write_text("Good Title\n\nThe good body text.")
    settings = Settings(max_bytes=1000)
    names = ["empty.txt", "binary.txt", "latin.txt", "big.txt", "bad.xml", "missing.txt", "good.txt"]
    items = list(read([str(tmp_path / n) for n in names], settings))
    assert [d.title for d in _docs(items)] == ["Good Title"]
    reasons = {e.source.rsplit("/", 1)[-1]: e.reason for e in _errors(items)}
    assert reasons["empty.txt"] == "empty input"
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["latin.txt"] == "not valid UTF-8 (byte 0xe9 at offset 3)"
    assert reasons["big.txt"].startswith("file is 2000 bytes, over the limit of 1000")
    assert reasons["bad.xml"] in ("feed has no items with text", "not an RSS or Atom feed") or reasons["bad.xml"].startswith("malformed feed")
    assert reasons["missing.txt"] == "no such file or directory"
    assert all("\n" not in str(e) for e in _errors(items))


def test_utf16_with_bom(tmp_path):
    (tmp_path / "u.txt").write_bytes("Title U\n\nUnicode body text here.".encode("utf-16"))
    [doc] = _docs(read([str(tmp_path / "u.txt")]))
    assert doc.text == "Unicode body text here."


def test_gzip_that_is_not_warc_is_reported(tmp_path):
    (tmp_path / "x.gz").write_bytes(gzip.compress(b"just text"))
    [error] = _errors(read([str(tmp_path / "x.gz")]))
    assert error.reason.startswith("malformed WARC")


def test_feed_with_entity_declarations_is_refused(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            '<rss version="2.0"><channel><title>&b;</title><item><title>x</title><description>&b;</description></item></channel></rss>')
    (tmp_path / "bomb.xml").write_text(bomb)
    [error] = _errors(read([str(tmp_path / "bomb.xml")]))
    assert "entit" in error.reason


def test_language_is_detected_and_short_english_kept(tmp_path):
    (tmp_path / "s.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in [
        "Brazil and Peru signed a pact.",
        "Le gouvernement a annoncé une nouvelle loi sur les réfugiés et les frontières du pays.",
    ]))
    langs = [d.language for d in _docs(read([str(tmp_path / "s.jsonl")]))]
    assert langs == ["en", "fr"]
