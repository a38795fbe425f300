"""Fetching URLs with explicit limits: time, size, redirects, and no private addresses.

A URL given to khabar may point anywhere; by default, addresses that are
private, loopback, link-local or reserved are refused (server-side request
forgery), and every redirect is checked again before it is followed.
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from khabar.config import Settings
from khabar.errors import InputError

USER_AGENT = "khabar/0.1 (+https://pypi.org/project/khabar)"


@dataclass
class Fetched:
    url: str
    content: bytes
    content_type: str


def _refused(host: str) -> str | None:
    """Why ``host`` may not be fetched, or None."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        return f"cannot resolve host {host!r} ({exc.strerror if hasattr(exc, 'strerror') else exc})"
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified:
            return f"refused: {host} resolves to non-public address {ip} (set KHABAR_ALLOW_PRIVATE=1 to allow)"
    return None


def check_url(url: str, settings: Settings) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http(s) URLs with a host can be fetched")
    if not settings.allow_private and (why := _refused(parts.hostname)):
        raise InputError(url, why)


def fetch(url: str, settings: Settings) -> Fetched:
    """GET ``url`` within the limits of ``settings``; raise ``InputError`` with the reason."""
    timeout = httpx.Timeout(settings.timeout)
    with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        current = url
        for _ in range(settings.max_redirects + 1):
            check_url(current, settings)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        current = urljoin(current, resp.headers.get("location", ""))
                        continue
                    if resp.status_code >= 400:
                        raise InputError(url, f"HTTP {resp.status_code} {resp.reason_phrase}")
                    declared = resp.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > settings.max_bytes:
                        raise InputError(url, f"response is {int(declared)} bytes, over the limit of {settings.max_bytes}")
                    body = bytearray()
                    for chunk in resp.iter_raw():
                        body += chunk
                        if len(body) > settings.max_bytes:
                            raise InputError(url, f"response is over the limit of {settings.max_bytes} bytes")
                    data = _decoded_body(bytes(body), resp.headers.get("content-encoding", ""), url, settings)
                    return Fetched(current, data, resp.headers.get("content-type", ""))
            except httpx.TimeoutException:
                raise InputError(url, f"timed out after {settings.timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise InputError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None
        raise InputError(url, f"more than {settings.max_redirects} redirects")


def _decoded_body(raw: bytes, encoding: str, url: str, settings: Settings) -> bytes:
    """Undo gzip/deflate ourselves so a compression bomb stops at the size limit."""
    import zlib

    encoding = encoding.strip().lower()
    if encoding not in ("gzip", "deflate", "x-gzip"):
        return raw
    wbits = 31 if "gzip" in encoding else 15
    d = zlib.decompressobj(wbits)
    out = d.decompress(raw, settings.max_bytes + 1)
    if len(out) > settings.max_bytes or d.unconsumed_tail:
        raise InputError(url, f"decompressed response is over the limit of {settings.max_bytes} bytes")
    return out
