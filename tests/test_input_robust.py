"""Hostile inputs that once cost more than themselves (issue 16): one bad WARC record body,
gzip streams that inflate without end, pipes read twice, unencodable text. Each bad part
becomes that part's error, and everything around it is still read."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
import zlib
from collections import Counter
from pathlib import Path

import pytest

from cleaner.batch import Options, clean_item
from cleaner.inputs import expand, read_items
from cleaner.settings import Settings
from tests.warcs import ARTICLE_HTML, record, write_warc

RESPONSE = "application/http; msgtype=response"
# Paragraphs that differ from each other (the classifier drops repeated ones), 8 KB in all:
# more than any sniffing reads.
PARAGRAPHS = "\n\n".join(
    f"Report {i}: the minister said on Tuesday that the government would not change its plans for the "
    f"budget of district {i}, and that the parliament would decide what happens next with the money."
    for i in range(40)
) + "\n"


def _items(path: Path, **kw):  # type: ignore[no-untyped-def]
    skipped: Counter[str] = Counter()
    return list(read_items(expand([str(path)]), skipped=skipped, **kw))


def _response(n: int, headers: list[tuple[str, str]], body: bytes) -> bytes:
    http = "HTTP/1.1 200 OK\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return record("response", f"https://news.example.com/{n}", http.encode() + body, RESPONSE, n)


def _good(n: int) -> bytes:
    return _response(n, [("Content-Type", "text/html")], ARTICLE_HTML.encode())


# --- item 2: a bad record body is that record's error ---------------------------------------------

_GZ = gzip.compress(ARTICLE_HTML.encode())
_HTML = ARTICLE_HTML.encode()
BAD_BODIES = {
    "corrupt gzip": ([("Content-Encoding", "gzip")], _GZ[:10] + b"garbage" * 20 + _GZ[30:]),
    "corrupt deflate": ([("Content-Encoding", "deflate")], b"\x78\x9c" + b"garbage" * 10),
    "corrupt brotli": ([("Content-Encoding", "br")], b"garbage" * 10),
    "chunk size past the end": ([("Transfer-Encoding", "chunked")], b"ffff\r\n" + _HTML[:100] + b"\r\n0\r\n\r\n"),
    "chunk size not hex": ([("Transfer-Encoding", "chunked")], b"zz\r\n" + _HTML[:100] + b"\r\n0\r\n\r\n"),
    "gzip body past the limit": ([("Content-Encoding", "gzip")], gzip.compress(b"<p>" + b"a" * (3 << 20))),
}


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("case", list(BAD_BODIES))
def test_a_bad_record_body_is_that_records_error_and_the_records_after_it_are_kept(tmp_path: Path, case: str, gz: bool) -> None:
    headers, body = BAD_BODIES[case]
    recs = [_good(1), _response(2, [("Content-Type", "text/html"), *headers], body), _good(3), _good(4)]
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), gz=gz, recs=recs)
    items = _items(path, settings=Settings(max_input_bytes=1 << 20))
    assert [i.source for i in items] == [f"https://news.example.com/{n}" for n in (1, 2, 3, 4)]
    assert [i.error is None for i in items] == [True, False, True, True], [i.error for i in items]
    assert all(i.raw == _HTML for i in (items[0], items[2], items[3]))
    assert "cannot decode" in items[1].error or "past the" in items[1].error


def test_good_encoded_bodies_still_decode(tmp_path: Path) -> None:
    import brotli  # fastwarc's own dependency

    chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in (_HTML[:50], _HTML[50:])) + b"0\r\n\r\n"
    raw_deflate = zlib.compressobj(wbits=-15)
    bodies = [
        ([("Content-Encoding", "gzip")], _GZ),
        ([("Content-Encoding", "deflate")], zlib.compress(_HTML)),
        ([("Content-Encoding", "deflate")], raw_deflate.compress(_HTML) + raw_deflate.flush()),
        ([("Content-Encoding", "br")], brotli.compress(_HTML)),
        ([("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")], b"%x\r\n%s\r\n0\r\n\r\n" % (len(_GZ), _GZ)),
        ([("Transfer-Encoding", "chunked")], chunked),
        ([("Content-Encoding", "identity")], _HTML),
    ]
    recs = [_response(n, [("Content-Type", "text/html"), *h], b) for n, (h, b) in enumerate(bodies)]
    items = _items(write_warc(tmp_path / "enc.warc", recs=recs))
    assert [(i.error, i.raw) for i in items] == [(None, _HTML)] * len(bodies)


# --- item 11: every gzip stream has an inflation limit ----------------------------------------------

SMALL = Settings(max_decompressed_bytes=1 << 20)  # 1 MiB: the bombs below stay small


def _bomb_lines() -> bytes:
    """JSONL that gzips about 1000x: a real line, then 20 MiB of blank lines."""
    return json.dumps({"text": PARAGRAPHS}).encode() + b"\n" + b"\n" * (20 << 20)


def test_a_jsonl_gz_bomb_stops_with_an_error_after_the_lines_before_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(_bomb_lines()))
    items = _items(path, settings=SMALL)
    assert items[0].error is None and items[0].raw == PARAGRAPHS
    assert len(items) == 2 and "gzip bomb" in items[1].error


def test_a_warc_gz_bomb_stops_with_an_error_after_the_records_before_it(tmp_path: Path) -> None:
    bomb = record("resource", "https://news.example.com/zeros", bytes(20 << 20), "application/octet-stream", 2)
    path = write_warc(tmp_path / "bomb.warc.gz", gz=True, recs=[_good(1), bomb, _good(3)])
    items = _items(path, settings=SMALL)
    assert items[0].error is None and items[0].raw == _HTML
    assert len(items) == 2 and "gzip bomb" in items[1].error


def test_a_big_gzip_stream_of_real_text_reads_to_its_end(tmp_path: Path) -> None:
    # 4 MB of lines, each different, past the 1 MiB limit at an ordinary ratio: all read.
    lines = b"".join(json.dumps({"text": f"{i} {os.urandom(600).hex()}"}).encode() + b"\n" for i in range(3400))
    assert len(lines) > 4_000_000
    path = tmp_path / "big.jsonl.gz"
    path.write_bytes(gzip.compress(lines))
    items = _items(path, settings=SMALL)
    assert len(items) == 3400 and all(i.error is None for i in items)


def test_a_warc_record_body_that_inflates_past_max_decompressed_bytes_is_refused(tmp_path: Path) -> None:
    body = gzip.compress(b"<p>" + b"a" * (2 << 20))  # 2 MiB inflated, under max_input_bytes
    recs = [_good(1), _response(2, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body), _good(3)]
    items = _items(write_warc(tmp_path / "crawl.warc", recs=recs), settings=SMALL)
    assert [i.error is None for i in items] == [True, False, True]
    assert "inflates past the 1048576-byte limit" in items[1].error


# --- item 3: pipes are read once ----------------------------------------------------------------------


def _clean(*args: str, stdin: bytes | None = None, pass_fds: tuple[int, ...] = ()) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args, "-q", "-j", "1"], input=stdin, capture_output=True, timeout=120, pass_fds=pass_fds
    )


def _feed(path_or_fd: str | int, data: bytes) -> threading.Thread:
    def write() -> None:
        with open(path_or_fd, "wb") as fh:
            fh.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("how", ["fifo", "/dev/stdin", "/dev/fd"])
def test_an_input_through_a_pipe_path_loses_nothing(tmp_path: Path, how: str) -> None:
    data = PARAGRAPHS.encode()
    assert len(data) > 4096
    (tmp_path / "page.txt").write_bytes(data)
    expected = _clean(str(tmp_path / "page.txt"))
    assert expected.returncode == 0 and len(expected.stdout) > 4096
    if how == "fifo":
        os.mkfifo(tmp_path / "pipe")
        _feed(str(tmp_path / "pipe"), data)
        got = _clean(str(tmp_path / "pipe"))
    elif how == "/dev/stdin":
        got = _clean("/dev/stdin", stdin=data)
    else:  # what `clean <(cat page.txt)` passes
        read_end, write_end = os.pipe()
        _feed(write_end, data)
        got = _clean(f"/dev/fd/{read_end}", pass_fds=(read_end,))
        os.close(read_end)
    assert (got.returncode, got.stdout) == (0, expected.stdout), got.stderr


def test_a_warc_through_a_pipe_is_sniffed_and_read_whole(tmp_path: Path) -> None:
    data = write_warc(tmp_path / "crawl.warc", recs=[_good(1), _good(2)]).read_bytes()
    got = _clean("/dev/stdin", "--format", "jsonl", stdin=data)
    assert got.returncode == 0, got.stderr
    assert [json.loads(line)["source"] for line in got.stdout.splitlines()] == ["https://news.example.com/1", "https://news.example.com/2"]


# --- item 16: text no codec can write, a charset with a NUL -----------------------------------------


def test_a_lone_surrogate_in_a_jsonl_string_is_text_not_an_internal_error(tmp_path: Path) -> None:
    text = PARAGRAPHS.replace("Report 3:", "Report \\ud800 3:")
    path = tmp_path / "caps.jsonl"
    path.write_text('{{"text": "{}", "url": "https://news.example.com/\\udfff"}}\n'.format(text.replace("\n", "\\n")))
    [item] = _items(path)
    result = clean_item(item, Options())
    assert result.error is None, result.error
    assert result.doc is not None and "Report \ufffd 3:" in result.doc.text


def test_a_nul_in_a_warc_records_charset_is_ignored(tmp_path: Path) -> None:
    recs = [_response(1, [("Content-Type", "text/html; charset=utf-8\0")], _HTML)]
    [item] = _items(write_warc(tmp_path / "crawl.warc", recs=recs))
    result = clean_item(item, Options())
    assert result.error is None, result.error
    assert result.doc is not None and "Council Approves New Budget" in (result.doc.title or "")


# --- item 10: a capture's blocks are bounded ----------------------------------------------------------


def test_a_capture_of_too_many_lines_is_an_error_not_gigabytes(tmp_path: Path) -> None:
    # 60,000 one-word lines: past max_blocks (50,000), an error at once; each Block costs
    # about 2.6 KB while it is cleaned, so a million such lines needed 1.3 GB.
    (tmp_path / "lines.txt").write_text("".join(f"w{i}\n" for i in range(60_000)))
    got = _clean(str(tmp_path / "lines.txt"))
    assert got.returncode == 3
    assert b"more than 50000 blocks" in got.stderr, got.stderr


@pytest.mark.parametrize("kind", ["text", "html"])
def test_max_blocks_holds_on_both_paths(kind: str) -> None:
    from cleaner import InputError, clean

    settings = Settings(max_blocks=200)
    paragraphs = [f"Paragraph {i} of the report on the budget, which the minister presented on Tuesday." for i in range(201)]
    raw = "\n\n".join(paragraphs) if kind == "text" else "<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"
    with pytest.raises(InputError, match="more than 200 blocks"):
        clean(raw, settings=settings)
    assert clean(raw.replace(paragraphs[-1], ""), settings=settings).text  # 200 are fine
