"""cleaner.inputs: folders, stdin, .gz, JSONL and WARC -> Items; every failure an Item with `error`."""
from __future__ import annotations

import errno
import gzip
import io
import json
import os
import sys
from collections import Counter
from pathlib import Path

import pytest

from cleaner import clean, inputs
from cleaner.batch import Options, clean_item
from cleaner.inputs import JSONL, RAW, WARC, InputFile, documents_known, expand, is_single, read_bytes, read_items, sniff_format
from cleaner.settings import Settings
from tests.warcs import ARTICLE_TEXT, RECORD_ID_HTML, RECORD_ID_TEXT, http, record, write_warc


def _items(path: Path | str, **kw):  # type: ignore[no-untyped-def]
    skipped: Counter[str] = Counter()
    return list(read_items(expand([str(path)]), skipped=skipped, **kw)), skipped


# --- folders -------------------------------------------------------------------------------------


def test_folder_is_recursive_sorted_and_mirrors_relative_names(tmp_path: Path) -> None:
    for rel in ("z.txt", "sub/b.md", "a.txt", "sub/deeper/c.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    files = expand([str(tmp_path), str(tmp_path / "a.txt")])
    assert [f.rel for f in files] == ["a.txt", "sub/b.md", "sub/deeper/c.txt", "z.txt", "a.txt"]
    assert files[0].path == str(tmp_path / "a.txt")
    assert len({f.index for f in files}) == 5  # the same file given twice is two inputs


def test_the_output_inside_an_input_folder_is_never_an_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt.txt").write_text("old output")
    (tmp_path / "all.jsonl").write_text("{}")
    files = expand([str(tmp_path)], skip=[str(tmp_path / "out"), str(tmp_path / "all.jsonl")])
    assert [f.rel for f in files] == ["a.txt"]


def test_special_files_and_link_loops_become_errors_not_hangs(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")  # reading a FIFO would block for ever
    os.symlink(tmp_path / "loop-b", tmp_path / "loop-a")
    os.symlink(tmp_path / "loop-a", tmp_path / "loop-b")
    os.symlink(tmp_path, tmp_path / "self")  # a link to a folder is not followed (no loop)
    items, _ = _items(tmp_path)
    by_name = {Path(i.source).name: i for i in items}
    assert set(by_name) == {"pipe", "loop-a", "loop-b"}
    assert by_name["pipe"].error == "not a regular file"
    assert "symbolic links" in by_name["loop-a"].error  # ELOOP


def test_an_unreadable_subfolder_is_an_error_not_silence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]  # root can read anything: refuse as chmod 000 would
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files = expand([str(tmp_path)])
    assert [(f.rel, f.error) for f in files] == [("b.txt", None), ("locked", "cannot read folder: Permission denied")]


# --- raw files ----------------------------------------------------------------------------------------


def test_raw_files_and_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 101)
    with pytest.raises(inputs.InputError, match="100-byte limit"):
        read_bytes(str(tmp_path / "big.txt"), 100)
    items, _ = _items(tmp_path / "big.txt", settings=Settings(max_input_bytes=100))
    assert items[0].error and items[0].raw is None
    items, _ = _items(tmp_path / "missing.txt")
    assert items[0].error == f"cannot read: {os.strerror(errno.ENOENT)}"  # the system's own words


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"hello"))))
    items, _ = _items("-")
    assert items[0].raw == b"hello" and items[0].source == "-" and items[0].origin.rel == "stdin"


def test_is_single_depends_on_the_arguments_only(tmp_path: Path) -> None:
    assert is_single([]) and is_single(["-"]) and is_single(["page.html"])
    assert not is_single(["a", "b"]) and not is_single([str(tmp_path)])
    assert not is_single(["crawl.warc.gz"]) and not is_single(["x.jsonl"])
    assert not is_single(["page"], "jsonl") and is_single(["x.jsonl"], "raw")


# --- JSONL ----------------------------------------------------------------------------------------------


def test_jsonl_keeps_the_other_fields_and_reads_each_line(tmp_path: Path) -> None:
    lines = [
        {"id": 1, "url": "https://a.example/1", "html": "<p>one</p>"},
        "not json",
        {"id": 3},
        ["a list"],
        {"id": 5, "html": "five"},
    ]
    path = tmp_path / "caps.jsonl"
    path.write_text("\n".join(json.dumps(x) if not isinstance(x, str) else x for x in lines) + "\n\n")
    items, _ = _items(path, field="html")
    assert [i.source for i in items] == [f"{path}:{n}" for n in range(1, 6)]
    one, bad, missing, listed, five = items
    assert one.raw == "<p>one</p>" and one.url == "https://a.example/1" and one.extra == {"id": 1, "url": "https://a.example/1"}
    assert bad.error.startswith("invalid JSON") and listed.error == "not a JSON object"
    assert missing.error == "no field 'html' (it has no string field); name the capture's field with --field" and missing.extra == {"id": 3}
    assert five.raw == "five" and five.url is None and five.part == 5


def test_jsonl_without_the_field_names_the_fields_it_has_and_points_to_field(tmp_path: Path) -> None:
    path = tmp_path / "caps.jsonl"
    path.write_text(json.dumps({"url": "https://a.example/1", "html": "<p>one</p>", "n": 1}) + "\n" + json.dumps({"text": None, "body": "b"}) + "\n")
    (missing, null), _ = _items(path)  # the default field, text
    assert missing.error == "no field 'text' (its string fields are 'url', 'html'); name the capture's field with --field"
    assert null.error == "field 'text' is not a string (its string fields are 'body'); name the capture's field with --field"


def test_jsonl_gz_and_overlong_lines(tmp_path: Path) -> None:
    path = tmp_path / "caps.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "' + b"x" * 500 + b'"}\n{"text": "short"}\n'))
    items, _ = _items(path, settings=Settings(max_input_bytes=100))
    assert items[0].error == "line longer than the 100-byte limit"
    assert items[1].raw == "short" and items[1].source.endswith(":2")


def test_a_corrupt_gzip_stops_that_input_with_an_error(tmp_path: Path) -> None:
    path = tmp_path / "caps.jsonl.gz"
    lines = b"".join(b'{"text": "%s"}\n' % os.urandom(200).hex().encode() for _ in range(200))
    path.write_bytes(gzip.compress(lines)[:-30])
    items, _ = _items(path)
    assert items[0].raw and len(items) > 100
    assert items[-1].error and items[-1].error.startswith("cannot read")


# --- WARC ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "crawl-without-suffix"])
def test_warc_responses_become_documents_and_the_rest_is_counted(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, gz=not name.endswith(".warc"))
    assert sniff_format(str(path)) == WARC
    items, skipped = _items(path)
    assert [(i.source, i.url, i.extra) for i in items] == [
        ("https://news.example.com/a", "https://news.example.com/a", {"warc_record_id": RECORD_ID_HTML}),
        ("https://news.example.com/b.txt", "https://news.example.com/b.txt", {"warc_record_id": RECORD_ID_TEXT}),
    ]
    assert items[1].raw == ARTICLE_TEXT.encode() and items[0].raw.startswith(b"<html>")
    assert skipped == Counter({"warcinfo": 1, "request": 1, "metadata": 1, "not HTML or text": 1, "non-2xx": 1})


def test_a_truncated_warc_keeps_what_came_before_and_says_so(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "cut.warc")
    data = path.read_bytes()
    path.write_bytes(data[: data.index(b"because both")])  # inside the HTML record's body
    items, _ = _items(path)
    assert [i.source for i in items] == ["https://news.example.com/a"]
    assert items[0].error and items[0].error.startswith("truncated record")


def test_a_truncated_warc_gz_says_so(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "cut.warc.gz", gz=True)
    path.write_bytes(path.read_bytes()[:-200])
    items, _ = _items(path)
    assert [i.source for i in items[:2]] == ["https://news.example.com/a", "https://news.example.com/b.txt"]
    assert all(i.error is None for i in items[:2])
    assert items[-1].error and "cannot read the WARC" in items[-1].error


def test_formats_by_name_and_content(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>x</p>")
    assert sniff_format(str(tmp_path / "page.html")) == RAW
    assert sniff_format("x.ndjson") == JSONL and sniff_format("x.jsonl.gz") == JSONL
    assert sniff_format(str(tmp_path / "missing")) == RAW  # reading it reports the error


def test_inputfile_is_small_and_frozen() -> None:
    f = InputFile("a", "a")
    with pytest.raises(AttributeError):
        f.path = "b"  # type: ignore[misc]


def test_chunked_and_gzip_http_bodies_are_decoded(tmp_path: Path) -> None:
    from tests.warcs import record

    body = ARTICLE_TEXT.encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in (body[:50], body[50:])) + b"0\r\n\r\n"
    gz = gzip.compress(body)
    http = "application/http; msgtype=response"
    (tmp_path / "enc.warc").write_bytes(
        record("response", "https://x/1", b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked, http, 1)
        + record("response", "https://x/2", b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n\r\n" + gz, http, 2)
    )
    items, _ = _items(tmp_path / "enc.warc")
    assert [(i.source, i.error, i.raw) for i in items] == [("https://x/1", None, body), ("https://x/2", None, body)]


def test_a_warc_records_http_charset_decodes_its_body(tmp_path: Path) -> None:
    # A page that declares its charset only in the HTTP header: detection alone reads this
    # short KOI8-R text as Japanese; the header's charset gets it right.
    text = "Привет, мир. Это тест."
    body = f"<html><body><p>{text}</p></body></html>".encode("koi8-r")
    response = "application/http; msgtype=response"
    path = write_warc(tmp_path / "koi8.warc", recs=[record("response", "https://ru.example.com/a", http(body, "text/html; charset=KOI8-R"), response, 1)])
    [item], _ = _items(path)
    assert item.charset == "koi8-r"
    doc = clean_item(item, Options()).doc
    assert doc is not None and text in doc.text
    assert text not in clean(item.raw).text  # without the header, detection gets it wrong


def test_documents_known_counts_raw_inputs_without_reading_them(tmp_path: Path) -> None:
    raw = [InputFile(str(tmp_path / n), n) for n in ("a.txt", "b.html")]  # never created: not read
    assert documents_known(raw) == 2 and documents_known(raw, "raw") == 2 and documents_known([]) == 0
    assert documents_known([*raw, InputFile("c.jsonl", "c.jsonl")]) is None
    assert documents_known([*raw, InputFile("d.warc.gz", "d.warc.gz")]) is None
    assert documents_known(raw, "warc") is None and documents_known(raw, "jsonl") is None
