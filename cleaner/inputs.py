"""Inputs -> Items: files, folders (recursive, sorted), stdin, .gz, JSONL and WARC.

Reading streams: a folder is listed up front (paths only), but a WARC or JSONL file yields
one Item per record as it is read, so only the Items in flight are ever in memory. Every
failure becomes an Item with `error` set, and the batch goes on.
"""
from __future__ import annotations

import contextlib
import dataclasses
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
_STREAM_BUFFER_BYTES = 1 << 20  # reads from a stream: large enough that Python code runs once a megabyte
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
        try:
            yield from _file_items(f, input_format, field, settings, skipped)
        except Exception as exc:  # a bug on one input must not stop the batch  # noqa: BLE001
            yield Item(f.path, f, error=f"internal error ({type(exc).__name__}: {exc})")


def _file_items(f: InputFile, input_format: str, field: str, settings: Settings, skipped: Counter[str]) -> Iterator[Item]:
    try:
        stream = _open(f.path)
    except InputError as exc:
        yield Item(f.path, f, error=str(exc))
        return
    with contextlib.ExitStack() as stack:
        if f.path != STDIN:
            stack.enter_context(stream)
        fmt = input_format
        if fmt == AUTO:
            fmt = _format_by_name(f.path)
        if fmt == AUTO:
            # The head is read once and kept: a pipe (`clean <(cat f)`, /dev/stdin, a
            # FIFO) cannot be read twice, so the sniffed bytes must stay in the stream.
            try:
                head, stream = _head(stream, _SNIFF_BYTES)
            except OSError as exc:
                yield Item(f.path, f, error=f"cannot read: {exc.strerror or exc}")
                return
            fmt = _format_by_content(head)
        if fmt == WARC:
            yield from warc_items(f, settings, skipped, stream=stream)
        elif fmt == JSONL:
            yield from jsonl_items(f, field, settings, stream=stream)
        else:
            try:
                yield Item(f.path, f, raw=_read_all(stream, settings.max_input_bytes))
            except InputError as exc:
                yield Item(f.path, f, error=str(exc))


def sniff_format(path: str) -> str:
    """WARC or JSONL by name (.warc, .warc.gz, .jsonl, .ndjson, .gz of those), WARC by its
    first bytes; anything else is a raw capture. This reads the file: for a pipe, which
    can be read once, read_items() sniffs the stream it then reads."""
    fmt = _format_by_name(path)
    if fmt != AUTO:
        return fmt
    try:
        if path == STDIN:
            stdin = sys.stdin.buffer
            head = stdin.peek(_SNIFF_BYTES)[:_SNIFF_BYTES] if isinstance(stdin, io.BufferedReader) else b""
        else:
            with open(path, "rb") as fh:
                head = fh.read(_SNIFF_BYTES)
    except (OSError, AttributeError, ValueError):
        return RAW  # reading it again reports the error
    return _format_by_content(head)


def _format_by_name(path: str) -> str:
    name = path.lower()
    if name.endswith(_WARC_SUFFIXES):
        return WARC
    if name.endswith(_JSONL_SUFFIXES):
        return JSONL
    return AUTO


def _format_by_content(head: bytes) -> str:
    if head[:2] == _GZIP_MAGIC:
        try:
            head = zlib.decompressobj(wbits=47).decompress(head, 16)
        except zlib.error:
            return RAW
    return WARC if head.startswith(b"WARC/") else RAW


def _open(path: str) -> IO[bytes]:
    """The input as a binary stream (stdin's is borrowed: the caller must not close it)."""
    if path == STDIN:
        stdin = sys.stdin
        if stdin is None or getattr(stdin, "buffer", None) is None or stdin.buffer.closed:
            raise InputError("cannot read stdin: it is closed")
        return cast(IO[bytes], stdin.buffer)
    try:
        return open(path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None


def _head(stream: IO[bytes], size: int) -> tuple[bytes, IO[bytes]]:
    """The first `size` bytes of a stream, and a stream that still starts with them."""
    head = stream.read(size) or b""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        if stream.seekable():
            stream.seek(-len(head), io.SEEK_CUR)
            return head, stream
    return head, io.BufferedReader(_Prefixed(head, stream), buffer_size=_STREAM_BUFFER_BYTES)


class _Prefixed(io.RawIOBase):
    """`head`, then the rest of `stream`: a pipe's sniffed bytes put back."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self.head, self.stream = memoryview(head), stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.stream.read1(len(buffer)) if hasattr(self.stream, "read1") else self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_bytes(path: str, limit: int) -> bytes:
    """A whole raw capture, refusing more than `limit` bytes."""
    stream = _open(path)
    try:
        return _read_all(stream, limit)
    finally:
        if path != STDIN:
            stream.close()


def _read_all(stream: IO[bytes], limit: int) -> bytes:
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(f"input is larger than the {limit}-byte limit")
    return data


@contextlib.contextmanager
def _binary(path: str, settings: Settings, stream: IO[bytes] | None = None) -> Iterator[IO[bytes]]:
    """The input as a binary stream, gunzipped as it is read when it is gzip."""
    with contextlib.ExitStack() as stack:
        raw = stream
        if raw is None:
            raw = _open(path)
            if path != STDIN:
                stack.enter_context(raw)
        head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
        if head != _GZIP_MAGIC:
            yield raw
            return
        yield io.BufferedReader(_Gunzip(raw, settings), buffer_size=_STREAM_BUFFER_BYTES)


class _Gunzip(io.RawIOBase):
    """A gzip stream inflated as it is read, member after member (`cat a.gz b.gz` is one
    stream). A stream may inflate to max_decompressed_bytes; past that only while it
    inflates less than max_gzip_stream_ratio times its compressed size, so a gzip bomb
    stops with an error while a multi-gigabyte WARC.gz or JSONL.gz of real pages reads
    to its end. A stream cut short raises EOFError, as Python's gzip module does."""

    def __init__(self, raw: IO[bytes], settings: Settings) -> None:
        self.raw, self.settings = raw, settings
        self.inflater = zlib.decompressobj(wbits=31)
        self.tail = b""  # compressed bytes read but not yet inflated
        self.compressed = self.inflated = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            if self.inflater.eof:  # a member ended: another may follow
                rest = self.inflater.unused_data + self.tail
                while len(rest) < 2 and (more := self._feed()):
                    rest += more
                if rest[:2] != _GZIP_MAGIC:
                    return 0  # the end; trailing padding is ignored, as gzip(1) does
                self.inflater, self.tail = zlib.decompressobj(wbits=31), rest
            data = self.tail or self._feed()
            if not data:
                raise EOFError("compressed file ended before the end-of-stream marker was reached")
            out = self.inflater.decompress(data, len(buffer))
            self.tail = self.inflater.unconsumed_tail
            if out:
                self.inflated += len(out)
                self._check()
                buffer[: len(out)] = out
                return len(out)

    def _feed(self) -> bytes:
        data = self.raw.read(_STREAM_BUFFER_BYTES) or b""
        self.compressed += len(data)
        return data

    def _check(self) -> None:
        limit, ratio = self.settings.max_decompressed_bytes, self.settings.max_gzip_stream_ratio
        if self.inflated > limit and self.inflated > ratio * self.compressed:
            raise InputError(
                f"gzip data inflates past the {limit}-byte limit at more than {ratio} times its compressed size (a gzip bomb?)"
            )


def jsonl_items(f: InputFile, field: str, settings: Settings = DEFAULT, *, stream: IO[bytes] | None = None) -> Iterator[Item]:
    """One Item per line: the capture is the string in `field`; the other fields are kept."""
    limit = settings.max_input_bytes
    n = 0
    try:
        with _binary(f.path, settings, stream) as fh:
            while line := fh.readline(limit + 1):
                n += 1
                if len(line) > limit and not line.endswith(b"\n"):
                    while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass
                    yield Item(f"{f.path}:{n}", f, n, error=f"line longer than the {limit}-byte limit")
                elif line.strip():
                    yield _jsonl_item(f, n, line, field, settings)
    except (OSError, EOFError, zlib.error, InputError) as exc:
        yield Item(f"{f.path}:{n + 1}", f, n + 1, error=f"cannot read: {getattr(exc, 'strerror', None) or exc}")


def _jsonl_item(f: InputFile, n: int, line: bytes, field: str, settings: Settings) -> Item:
    source = f"{f.path}:{n}"
    levels = settings.max_jsonl_nesting_levels
    try:
        record = json.loads(line)
    except RecursionError:
        return Item(source, f, n, error=f"invalid JSON: nested deeper than {levels} levels")
    except ValueError as exc:
        return Item(source, f, n, error=f"invalid JSON: {exc}")
    if not isinstance(record, dict):
        return Item(source, f, n, error="not a JSON object")
    if _too_deep(record, levels):
        # Fields are kept in the output: pickling them to a worker and writing them out
        # recurse as deep as they nest, so a deep one is refused here, as the line's error.
        return Item(source, f, n, error=f"invalid JSON: nested deeper than {levels} levels")
    present = field in record
    raw = record.pop(field, None)
    if not isinstance(raw, str):
        strings = [k for k, v in record.items() if isinstance(v, str)]
        has = f"its string fields are {', '.join(map(repr, strings))}" if strings else "it has no string field"
        what = f"no field {field!r}" if not present else f"field {field!r} is not a string"
        return Item(source, f, n, extra=record, error=f"{what} ({has}); name the capture's field with --field")
    url = record.get("url")
    return Item(source, f, n, raw=raw, url=url if isinstance(url, str) and url else None, extra=record)


def _too_deep(value: Any, levels: int) -> bool:
    """Whether lists and objects nest more than `levels` deep in a loaded JSON value."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            if isinstance(child, (dict, list)):
                if depth + 1 > levels:
                    return True
                stack.append((child, depth + 1))
    return False


def warc_items(
    f: InputFile, settings: Settings = DEFAULT, skipped: Counter[str] | None = None, *, stream: IO[bytes] | None = None
) -> Iterator[Item]:
    """One Item per HTTP response record with a 2xx status and an HTML or text body.

    `source` and `url` are its WARC-Target-URI; its WARC-Record-ID is kept as
    `warc_record_id`. Other records are counted in `skipped` by why: their WARC-Type
    (request, metadata, ...), "non-2xx", or "not HTML or text".
    """
    from fastwarc.warc import ArchiveIterator

    skipped = Counter() if skipped is None else skipped
    try:
        # Our gunzip rather than fastwarc's: fastwarc ends a truncated .gz silently, ours
        # raises EOFError, so the loss is reported (after the records before it), and
        # ours stops a gzip bomb. Bodies are read as they are stored (auto_decode="none")
        # and decoded here: fastwarc's decoder, failing inside one record's body, lost
        # every record after it.
        with _binary(f.path, settings, stream) as binary:
            guarded = _Guarded(binary)
            records = ArchiveIterator(guarded, parse_http=True, auto_decode="none", stream_detect=False)
            yield from _warc_records(f, records, settings, skipped)
        if guarded.error is not None:
            raise guarded.error
    except (OSError, EOFError, ValueError, zlib.error, InputError) as exc:
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
        except (OSError, EOFError, zlib.error, InputError) as exc:
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


def _warc_records(f: InputFile, records: Iterable[Any], settings: Settings, skipped: Counter[str]) -> Iterator[Item]:
    from fastwarc.warc import WarcRecordType

    limit = settings.max_input_bytes
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
            if len(body) > limit:
                yield Item(source, f, n, url=uri, extra=extra, error=f"body larger than the {limit}-byte limit")
            elif len(body) < record.content_length:
                yield Item(source, f, n, url=uri, extra=extra, error=f"truncated record: {len(body)} of {record.content_length} bytes")
            else:
                try:
                    body = http_body(body, record.http_headers, settings)
                except InputError as exc:
                    yield Item(source, f, n, url=uri, extra=extra, error=str(exc))
                else:
                    yield Item(source, f, n, raw=body, url=uri, extra=extra, charset=record.http_charset or None)
    except (OSError, EOFError, ValueError, zlib.error, InputError) as exc:
        yield Item(f.path, f, n + 1, error=f"cannot read the WARC after {n} records: {getattr(exc, 'strerror', None) or exc}")


def http_body(body: bytes, headers: Any, settings: Settings = DEFAULT) -> bytes:
    """An HTTP body as stored, decoded: chunked transfer, then each content coding in
    reverse order of application. A body that will not decode raises InputError (that
    record's error); one that inflates past the limits is refused (a gzip bomb)."""
    from fastwarc.stream_io import BrotliReader, ChunkedReader, ZstdReader

    limit = min(settings.max_input_bytes, settings.max_decompressed_bytes)
    transfer = _codings(headers.get("Transfer-Encoding"))
    if "chunked" in transfer:
        body = _read_coded(ChunkedReader(io.BytesIO(body)), "chunked", limit)
    for coding in reversed(_codings(headers.get("Content-Encoding"))):
        if coding in ("gzip", "x-gzip", "deflate"):
            body = _inflate(body, coding, limit)
        elif coding == "br":
            body = _read_coded(BrotliReader(io.BytesIO(body)), "brotli", limit)
        elif coding == "zstd":
            body = _read_coded(ZstdReader(io.BytesIO(body)), "zstd", limit)
        # Anything else ("identity", or a server's "utf-8") is read as the bytes it is;
        # decoding refuses it if it is not text.
    return body


def _codings(value: str | None) -> list[str]:
    return [c.strip().lower() for c in (value or "").split(",") if c.strip()]


def _read_coded(reader: Any, name: str, limit: int) -> bytes:
    try:
        data = reader.read(limit + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot decode the record's body ({name}): {exc}") from None
    if len(data) > limit:
        raise InputError(f"the record's body ({name}) decodes past the {limit}-byte limit")
    return data


def _inflate(data: bytes, coding: str, limit: int) -> bytes:
    # gzip (or a zlib stream: wbits 47 reads both); "deflate" is meant to be zlib, but
    # servers also send raw deflate, as browsers accept.
    attempts = (47,) if coding != "deflate" else (15, -15)
    for i, wbits in enumerate(attempts):
        inflater = zlib.decompressobj(wbits=wbits)
        try:
            out = inflater.decompress(data, limit + 1)
        except zlib.error as exc:
            if i + 1 < len(attempts):
                continue
            raise InputError(f"cannot decode the record's body ({coding}): {exc}") from None
        if len(out) > limit or inflater.unconsumed_tail:
            raise InputError(f"the record's body ({coding}) inflates past the {limit}-byte limit")
        return out  # a truncated body keeps what it had, as a browser shows it
    raise AssertionError("unreachable")
