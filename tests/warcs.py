"""Small WARC files written by hand for the tests (WARC/1.0, one gzip member per record)."""
from __future__ import annotations

import gzip
from pathlib import Path

ARTICLE_HTML = (
    "<html><head><title>Council Approves New Budget</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Council Approves New Budget</h1>"
    "<p>The minister said on Tuesday that the government would not change its plans for the budget, and that it was "
    "up to the parliament to decide what should happen next with all of the money set aside for the hospitals.</p>"
    "<p>She added that there was no reason to think that the talks would fail, because both of the parties had said "
    "that they wanted to reach an agreement before the end of the year.</p></article></body></html>"
)
ARTICLE_TEXT = (
    "It is not clear when the vote will take place, but most of the members of the committee have said that they "
    "expect it to be held at some point in the next few weeks, once all of the reports are on the table.\n"
)


def record(warc_type: str, uri: str | None, block: bytes, content_type: str, n: int) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        "WARC-Date: 2025-02-14T10:00:00Z\r\n" + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
        + f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def http(body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def records() -> list[bytes]:
    """warcinfo, request, an HTML response, a text response, an image, a 404, a metadata record."""
    response = "application/http; msgtype=response"
    return [
        record("warcinfo", None, b"software: cleaner tests\r\n", "application/warc-fields", 1),
        record("request", "https://news.example.com/a", b"GET /a HTTP/1.1\r\nHost: news.example.com\r\n\r\n", "application/http; msgtype=request", 2),
        record("response", "https://news.example.com/a", http(ARTICLE_HTML.encode()), response, 3),
        record("response", "https://news.example.com/b.txt", http(ARTICLE_TEXT.encode(), "text/plain"), response, 4),
        record("response", "https://news.example.com/logo.png", http(b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"), response, 5),
        record("response", "https://news.example.com/gone", http(b"<html>gone</html>", "text/html", "404 Not Found"), response, 6),
        record("metadata", "https://news.example.com/a", b"fetchTimeMs: 12\r\n", "application/warc-fields", 7),
    ]


def write_warc(path: Path, *, gz: bool = False, recs: list[bytes] | None = None) -> Path:
    recs = records() if recs is None else recs
    path.write_bytes(b"".join(gzip.compress(r) for r in recs) if gz else b"".join(recs))
    return path


RECORD_ID_HTML = "<urn:uuid:00000000-0000-0000-0000-000000000003>"
RECORD_ID_TEXT = "<urn:uuid:00000000-0000-0000-0000-000000000004>"
