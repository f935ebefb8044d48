"""Inputs -> Items: files, folders (recursive, sorted), stdin, .gz, JSONL and WARC.

Reading streams: a folder is listed up front (paths only), but a WARC or JSONL file yields
one Item per record as it is read, so only the Items in flight are ever in memory. Every
failure becomes an Item with `error` set, and the batch goes on.
"""
from __future__ import annotations

import contextlib
import dataclasses
import gzip
import io
import json
import os
import stat
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from .errors import InputError
from .settings import DEFAULT, Settings

AUTO, RAW, JSONL, WARC = "auto", "raw", "jsonl", "warc"
INPUT_FORMATS = (AUTO, RAW, JSONL, WARC)
STDIN = "-"
_WARC_SUFFIXES = (".warc", ".warc.gz")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 512
# HTTP response bodies that are captures. Images, PDFs, scripts, JSON and the rest are
# skipped (and counted).
WARC_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"})


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input as given, or found under a folder given."""

    path: str  # "-" is stdin
    rel: str  # its name under an output folder: the path below the folder given, or the file's name
    error: str | None = None  # it could not even be listed (an unreadable folder)
    index: int = 0  # its place among the inputs: the same file given twice is two inputs


@dataclass(slots=True)
class Item:
    """One document to clean, as read from an input."""

    source: str  # the path; path:line for JSONL; the WARC-Target-URI for WARC
    origin: InputFile | None = None
    part: int | None = None  # its number within a JSONL or WARC input (None: a whole file)
    raw: bytes | str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # kept in the output: JSONL fields, warc_record_id
    error: str | None = None
    charset: str | None = None  # the encoding the transport declared (a WARC record's HTTP header)


def expand(args: Iterable[str], *, skip: Iterable[str] = (), empty: list[str] | None = None) -> list[InputFile]:
    """The inputs in argument order; a folder's files recursively, sorted by path.

    Symbolic links to folders are not followed (no loops). `skip` holds paths that are
    never inputs: the output folder, when it lies inside an input folder. `empty`, when
    given, receives the folders given that hold no files.
    """
    skip_real = {os.path.realpath(p) for p in skip}
    files: list[InputFile] = []
    for arg in args:
        if arg != STDIN and os.path.isdir(arg):
            found = _walk(arg, skip_real)
            if not found and empty is not None:
                empty.append(arg)
            files.extend(found)
        else:
            files.append(InputFile(arg, "stdin" if arg == STDIN else os.path.basename(os.path.normpath(arg))))
    return [dataclasses.replace(f, index=i) for i, f in enumerate(files)]


def _walk(root: str, skip_real: set[str]) -> list[InputFile]:
    found: list[tuple[tuple[str, ...], InputFile]] = []

    def unreadable(exc: OSError) -> None:
        path = str(exc.filename)
        rel = os.path.relpath(path, root)
        found.append((tuple(rel.split(os.sep)), InputFile(path, rel, f"cannot read folder: {exc.strerror or exc}")))

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        if skip_real:
            dirs[:] = [d for d in dirs if os.path.realpath(os.path.join(folder, d)) not in skip_real]
        for name in names:
            path = os.path.join(folder, name)
            if skip_real and os.path.realpath(path) in skip_real:
                continue
            rel = os.path.relpath(path, root)
            error = None
            with contextlib.suppress(OSError):  # a broken link or a loop: reading it reports why
                if not stat.S_ISREG(os.stat(path).st_mode):
                    error = "not a regular file"
            found.append((tuple(rel.split(os.sep)), InputFile(str(Path(root) / rel), rel, error)))
    found.sort(key=lambda pair: pair[0])
    return [f for _, f in found]


def identities(files: Iterable[InputFile]) -> set[tuple[int, int]]:
    """(device, inode) of every input file, so that no output ever replaces one."""
    ids = set()
    for f in files:
        with contextlib.suppress(OSError):
            if f.path != STDIN:
                st = os.stat(f.path)
                ids.add((st.st_dev, st.st_ino))
    return ids


def is_single(args: Iterable[str], input_format: str = AUTO) -> bool:
    """Whether the arguments name exactly one document (one raw file, or stdin): then
    `--format json` prints one object rather than an array, and text needs no headers.
    Decided from the command line, never from what a folder happens to hold."""
    args = list(args) or [STDIN]
    if len(args) != 1 or (args[0] != STDIN and os.path.isdir(args[0])):
        return False
    if input_format != AUTO:
        return input_format == RAW
    return not args[0].lower().endswith(_WARC_SUFFIXES + _JSONL_SUFFIXES)


def documents_known(files: list[InputFile], input_format: str = AUTO) -> int | None:
    """How many documents `files` hold, when that is known without reading them: one each
    when none is a WARC or JSONL file by name. None otherwise: counting records would read
    every file once more. (A raw-named file can still turn out to be a WARC by content, so
    this is what a progress bar expects, not a promise.)"""
    if input_format in (WARC, JSONL):
        return None
    if input_format == AUTO and any(f.path.lower().endswith(_WARC_SUFFIXES + _JSONL_SUFFIXES) for f in files):
        return None
    return len(files)


def read_items(
    files: Iterable[InputFile],
    *,
    input_format: str = AUTO,
    field: str = "text",
    settings: Settings = DEFAULT,
    skipped: Counter[str] | None = None,
) -> Iterator[Item]:
    """Items from each input in turn. `skipped` counts WARC records that are not documents."""
    skipped = Counter() if skipped is None else skipped
    for f in files:
        if f.error is not None:
            yield Item(f.path, f, error=f.error)
            continue
        fmt = input_format if input_format != AUTO else sniff_format(f.path)
        if fmt == WARC:
            yield from warc_items(f, settings, skipped)
        elif fmt == JSONL:
            yield from jsonl_items(f, field, settings)
        else:
            try:
                yield Item(f.path, f, raw=read_bytes(f.path, settings.max_input_bytes))
            except InputError as exc:
                yield Item(f.path, f, error=str(exc))


def sniff_format(path: str) -> str:
    """WARC or JSONL by name (.warc, .warc.gz, .jsonl, .ndjson, .gz of those), WARC by its
    first bytes; anything else is a raw capture."""
    name = path.lower()
    if name.endswith(_WARC_SUFFIXES):
        return WARC
    if name.endswith(_JSONL_SUFFIXES):
        return JSONL
    try:
        if path == STDIN:
            stdin = sys.stdin.buffer
            head = stdin.peek(_SNIFF_BYTES)[:_SNIFF_BYTES] if isinstance(stdin, io.BufferedReader) else b""
        else:
            with open(path, "rb") as fh:
                head = fh.read(_SNIFF_BYTES)
    except (OSError, AttributeError, ValueError):
        return RAW  # reading it again reports the error
    if head[:2] == _GZIP_MAGIC:
        try:
            head = zlib.decompressobj(wbits=47).decompress(head, 16)
        except zlib.error:
            return RAW
    return WARC if head.startswith(b"WARC/") else RAW


def read_bytes(path: str, limit: int) -> bytes:
    """A whole raw capture, refusing more than `limit` bytes."""
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(f"input is larger than the {limit}-byte limit")
    return data


@contextlib.contextmanager
def _binary(path: str) -> Iterator[IO[bytes]]:
    """The input as a binary stream, gunzipped as it is read when it is gzip."""
    with contextlib.ExitStack() as stack:
        raw: IO[bytes] = sys.stdin.buffer if path == STDIN else stack.enter_context(open(path, "rb"))
        head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
        if head != _GZIP_MAGIC:
            yield raw
            return
        gz = gzip.GzipFile(fileobj=raw, mode="rb")
        stack.callback(gz.close)
        yield cast(IO[bytes], gz)


def jsonl_items(f: InputFile, field: str, settings: Settings = DEFAULT) -> Iterator[Item]:
    """One Item per line: the capture is the string in `field`; the other fields are kept."""
    limit = settings.max_input_bytes
    n = 0
    try:
        with _binary(f.path) as fh:
            while line := fh.readline(limit + 1):
                n += 1
                if len(line) > limit and not line.endswith(b"\n"):
                    while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass
                    yield Item(f"{f.path}:{n}", f, n, error=f"line longer than the {limit}-byte limit")
                elif line.strip():
                    yield _jsonl_item(f, n, line, field)
    except (OSError, EOFError, zlib.error) as exc:
        yield Item(f"{f.path}:{n + 1}", f, n + 1, error=f"cannot read: {getattr(exc, 'strerror', None) or exc}")


def _jsonl_item(f: InputFile, n: int, line: bytes, field: str) -> Item:
    source = f"{f.path}:{n}"
    try:
        record = json.loads(line)
    except ValueError as exc:
        return Item(source, f, n, error=f"invalid JSON: {exc}")
    if not isinstance(record, dict):
        return Item(source, f, n, error="not a JSON object")
    present = field in record
    raw = record.pop(field, None)
    if not isinstance(raw, str):
        strings = [k for k, v in record.items() if isinstance(v, str)]
        has = f"its string fields are {', '.join(map(repr, strings))}" if strings else "it has no string field"
        what = f"no field {field!r}" if not present else f"field {field!r} is not a string"
        return Item(source, f, n, extra=record, error=f"{what} ({has}); name the capture's field with --field")
    url = record.get("url")
    return Item(source, f, n, raw=raw, url=url if isinstance(url, str) and url else None, extra=record)


def warc_items(f: InputFile, settings: Settings = DEFAULT, skipped: Counter[str] | None = None) -> Iterator[Item]:
    """One Item per HTTP response record with a 2xx status and an HTML or text body.

    `source` and `url` are its WARC-Target-URI; its WARC-Record-ID is kept as
    `warc_record_id`. Other records are counted in `skipped` by why: their WARC-Type
    (request, metadata, ...), "non-2xx", or "not HTML or text".
    """
    from fastwarc.warc import ArchiveIterator

    skipped = Counter() if skipped is None else skipped
    try:
        # Python's gzip rather than fastwarc's: fastwarc ends a truncated .gz silently,
        # Python's raises EOFError, so the loss is reported (after the records before it).
        with _binary(f.path) as stream:
            guarded = _Guarded(stream)
            records = ArchiveIterator(guarded, parse_http=True, auto_decode="all", stream_detect=False)
            yield from _warc_records(f, records, settings.max_input_bytes, skipped)
        if guarded.error is not None:
            raise guarded.error
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        yield Item(f.path, f, None, error=f"cannot read the WARC: {getattr(exc, 'strerror', None) or exc}")
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":  # fastwarc's Rust panics are BaseExceptions
            raise
        yield Item(f.path, f, None, error=f"cannot read the WARC: fastwarc failed ({str(exc)[:200]})")


class _Guarded:
    """A binary stream that ends at its first read error and keeps it: fastwarc reads
    ahead, and an error raised inside that read would hide the records before it."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream, self.pos = stream, 0
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            return b""
        try:
            # read1: what one read of the file gives, so the error costs only that read
            data = self.stream.read1(size) if hasattr(self.stream, "read1") else self.stream.read(size)
        except (OSError, EOFError, zlib.error) as exc:
            self.error = exc
            return b""
        self.pos += len(data)
        return data

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = 0) -> int:
        raise io.UnsupportedOperation("a WARC is read front to back")

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        pass


def _warc_records(f: InputFile, records: Iterable[Any], limit: int, skipped: Counter[str]) -> Iterator[Item]:
    from fastwarc.warc import WarcRecordType

    n = 0
    try:
        for record in records:
            n += 1
            if record.record_type != WarcRecordType.response or not record.is_http:
                skipped[str(record.record_type)] += 1
                continue
            status = record.http_headers.status_code
            ctype = (record.http_content_type or "").split(";")[0].strip().lower()
            if status is None or not 200 <= status < 300:
                skipped["non-2xx"] += 1
                continue
            if ctype not in WARC_CONTENT_TYPES:
                skipped["not HTML or text"] += 1
                continue
            uri = record.headers.get("WARC-Target-URI") or None
            extra = {"warc_record_id": record.record_id}
            source = uri or f"{f.path}#{n}"
            try:
                body = record.reader.read(limit + 1)
            except (OSError, ValueError) as exc:
                yield Item(source, f, n, url=uri, extra=extra, error=f"cannot read the record's body: {exc}")
                continue
            encoded = "Content-Encoding" in record.http_headers or "Transfer-Encoding" in record.http_headers
            if len(body) > limit:
                yield Item(source, f, n, url=uri, extra=extra, error=f"body larger than the {limit}-byte limit")
            elif not encoded and len(body) < record.content_length:
                yield Item(source, f, n, url=uri, extra=extra, error=f"truncated record: {len(body)} of {record.content_length} bytes")
            else:
                yield Item(source, f, n, raw=body, url=uri, extra=extra, charset=record.http_charset or None)
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        yield Item(f.path, f, n + 1, error=f"cannot read the WARC after {n} records: {getattr(exc, 'strerror', None) or exc}")
