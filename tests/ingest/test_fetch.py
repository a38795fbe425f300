"""URL and feed ingestion against a real HTTP server on loopback: pages, feeds, errors, limits, refusals."""
import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from khabar.config import Settings
from khabar.errors import InputError
from khabar.ingest import read

PAGE = (b"<html lang='en'><head><title>Border Talks Resume</title></head><body><article><h1>Border Talks Resume</h1>"
        b"<p>Negotiators from both countries met again on Tuesday to settle the last disputed sections of the border, "
        b"officials said after the meeting ended late in the evening.</p></article></body></html>")
FEED = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Local Wire</title><item><title>Dam opens</title>"
        b"<link>http://wire.example.org/dam</link><description>The dam opened on Monday after years of work.</description>"
        b"</item></channel></rss>")


class Handler(BaseHTTPRequestHandler):
    routes = {
        "/page": (200, "text/html", PAGE, {}),
        "/feed": (200, "application/rss+xml", FEED, {}),
        "/gone": (404, "text/plain", b"no", {}),
        "/moved": (302, "text/plain", b"", {"Location": "/page"}),
        "/loop": (302, "text/plain", b"", {"Location": "/loop"}),
        "/big": (200, "text/plain", b"word " * 5000, {}),
        "/bomb": (200, "text/plain", gzip.compress(b"a" * 5_000_000), {"Content-Encoding": "gzip"}),
    }

    def do_GET(self):  # noqa: N802 (http.server's name)
        status, ctype, body, headers = self.routes.get(self.path, (404, "text/plain", b"", {}))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


LOCAL = Settings(allow_private=True, max_bytes=10_000, timeout=5)


def test_page_and_feed_and_redirect(server):
    items = list(read([f"{server}/page", f"{server}/feed", f"{server}/moved"], LOCAL))
    assert [getattr(i, "title", None) for i in items] == ["Border Talks Resume", "Dam opens", "Border Talks Resume"]
    assert items[2].url.endswith("/page")


@pytest.mark.parametrize(("path", "reason"), [
    ("/gone", "HTTP 404 Not Found"),
    ("/loop", "more than 5 redirects"),
    ("/big", "response is 25000 bytes, over the limit of 10000"),
    ("/bomb", "decompressed response is over the limit of 10000 bytes"),
])
def test_http_errors_and_limits(server, path, reason):
    [error] = list(read([f"{server}{path}"], LOCAL))
    assert isinstance(error, InputError) and error.reason == reason


def test_unreachable_host_is_one_line(server):
    port = int(server.rsplit(":", 1)[1])
    [error] = list(read([f"http://127.0.0.1:{port + 1 if port < 65535 else port - 1}/x"], LOCAL))
    assert isinstance(error, InputError) and error.reason.startswith("cannot fetch")


def test_private_addresses_refused_by_default(server):
    for url in (f"{server}/page", "http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x"):
        [error] = list(read([url], Settings(timeout=2)))
        assert isinstance(error, InputError) and "non-public address" in error.reason, error
