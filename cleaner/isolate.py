"""One worker process for the modes that clean in one process (a single file, `--jobs 1`,
`clean report`, clean_many(jobs=1)), so that the time limit holds there too.

The limit's SIGALRM (limits.py) lands only when Python code runs. C code that never
returns to Python (libxml2 is quadratic in the attributes of one element: 400,000 of
them parse for over ten minutes) can only be stopped by ending its process. So with a
time limit, each document is cleaned in a child forked from this process after the
imports (a fork costs milliseconds; a fresh interpreter would cost the whole start-up
again). The child cleans documents one at a time, keeping its caches between them. If
one has not come back doc_timeout_grace_seconds after its limit, the child is killed,
the document becomes a DocumentTimeout error record, and the next document gets a new
child.

Where os.fork is missing (Windows), documents are cleaned in this process and the
limit is the SIGALRM alone.
"""
from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .errors import DocumentTimeout

if TYPE_CHECKING:
    from .batch import Options, Result
    from .inputs import Item

_HEADER = struct.Struct("<Q")  # the length of each pickled message


def available() -> bool:
    return hasattr(os, "fork")


class Child:
    """A forked process cleaning one document at a time with `options`."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.pid: int | None = None
        self._to: int = -1  # our end of the request pipe
        self._from: int = -1  # our end of the result pipe

    def clean(self, item: Item, kind: str | None = None) -> Result:
        """The Result of cleaning `item` (with `kind` in place of the options' kind)."""
        from .batch import Result, clean_item

        if item.error is not None or item.raw is None:
            return clean_item(item, self.options)  # its error Result: nothing to clean

        limit = self.options.timeout
        assert limit, "a Child is for documents with a time limit"
        for attempt in (1, 2):
            if self.pid is None:
                self._start()
            try:
                _send(self._to, (item, kind))
            except OSError:  # the child is gone (killed from outside): one more, with a new one
                self.close()
                if attempt == 2:
                    return Result.failed(item, "the process cleaning it died")
                continue
            break
        # The child's own SIGALRM gives the usual error at the limit; this is for C code.
        deadline = time.monotonic() + limit + self.options.settings.doc_timeout_grace_seconds
        if not _wait(self._from, deadline):
            self.close()
            return Result.failed(item, str(DocumentTimeout(limit)))
        try:
            result: Result = _receive(self._from)
        except (OSError, EOFError, pickle.UnpicklingError):
            self.close()
            return Result.failed(item, "the process cleaning it died (a crash)")
        return result

    def close(self) -> None:
        if self.pid is None:
            return
        for fd in (self._to, self._from):
            os.close(fd)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        self.pid = None

    def _start(self) -> None:
        requests_r, requests_w = os.pipe()
        results_r, results_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(requests_w)
            os.close(results_r)
            _serve(self.options, requests_r, results_w)
        os.close(requests_r)
        os.close(results_w)
        self.pid, self._to, self._from = pid, requests_w, results_r


def _serve(options: Options, requests: int, results: int) -> None:
    """The child's loop: a request in, a Result out, until the parent closes the pipe."""
    status = 0
    try:
        # Ctrl-C and the parent's own handlers are the parent's: it ends this process.
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN if sig == signal.SIGINT else signal.SIG_DFL)
        from .batch import clean_item

        # The parent kills this process at limit + grace. Should the parent itself be gone,
        # the watchdog ends this process a grace later still: never an orphan stuck in C.
        kill_after = 2 * options.settings.doc_timeout_grace_seconds
        while True:
            try:
                item, kind = _receive(requests)
            except EOFError:
                break
            opts = options if kind is None else replace(options, kind=kind)
            _send(results, clean_item(item, opts, kill_after=kill_after))
    except BaseException:  # noqa: BLE001 - the parent sees the closed pipe and reports it
        status = 1
    finally:
        os._exit(status)  # no atexit handlers, no flushing of the parent's stdio buffers


def _send(fd: int, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


_READ_BYTES = 1 << 20  # the most one read() asks for; a pipe hands over at most its buffer (64 KiB) a read anyway

def _receive(fd: int) -> Any:
    size = _HEADER.unpack(_read_exactly(fd, _HEADER.size))[0]
    return pickle.loads(_read_exactly(fd, size))


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, _READ_BYTES))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _wait(fd: int, deadline: float) -> bool:
    """True once `fd` has something to read (or is closed) before `deadline`."""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        try:
            ready, _, _ = select.select([fd], [], [], left)
        except InterruptedError:
            continue
        if ready:
            return True
