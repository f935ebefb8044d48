"""The per-document time limit: a pathological page becomes a DocumentTimeout, not a stall.

The size limits live where the bytes are read (settings.max_input_bytes,
settings.max_decompressed_bytes in decode.py and inputs.py); this is the time one.

    with time_limit(settings.doc_timeout_seconds):
        doc = clean(raw)

clean_many() and the `clean` command wrap every document like this; clean() alone has
no limit, so a caller of clean() chooses.
"""
from __future__ import annotations

import contextlib
import faulthandler
import os
import signal
import threading
import time
from collections.abc import Iterator
from typing import IO, Any

from .errors import DocumentTimeout

_local = threading.local()  # .deadline: (monotonic time, seconds) of the innermost limit
_DEVNULL: IO[str] | None = None


@contextlib.contextmanager
def time_limit(seconds: float | None, *, kill_after: float | None = None) -> Iterator[None]:
    """Raise DocumentTimeout in the block once it has run `seconds`. None or 0: no limit.

    In a process's main thread on POSIX, SIGALRM interrupts the block wherever Python
    code runs (regex backtracking included). Elsewhere (another thread, Windows) the
    pipeline's check() calls between steps stop it at the next step. Limits nest: an
    inner one never extends an outer one, and the outer timer is re-armed afterwards.
    A signal lands only when Python code runs, so with `kill_after` (worker processes
    only) a watchdog also ends the whole process if it is still stuck that much later,
    deep in C code; a process pool then reports the document as failed.
    """
    if not seconds or seconds <= 0:
        yield
        return
    outer = getattr(_local, "deadline", None)
    deadline = time.monotonic() + seconds
    _local.deadline = (deadline, seconds) if outer is None or deadline < outer[0] else outer
    try:
        if outer is not None and outer[0] <= deadline:
            yield  # the outer limit comes first and is already armed
        elif hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            with _alarm(seconds, kill_after):
                yield
        else:
            yield
    finally:
        _local.deadline = outer


def check() -> None:
    """Raise DocumentTimeout if the current time limit has passed (cheap: call it often)."""
    limit = getattr(_local, "deadline", None)
    if limit is not None and time.monotonic() > limit[0]:
        raise DocumentTimeout(limit[1])


@contextlib.contextmanager
def _alarm(seconds: float, kill_after: float | None) -> Iterator[None]:
    global _DEVNULL

    def expire(signum: int, frame: Any) -> None:
        raise DocumentTimeout(seconds)

    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    if outer_delay and outer_delay <= seconds:
        yield  # someone else's timer fires first: leave it be (check() still applies)
        return
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    if kill_after is not None:
        _DEVNULL = _DEVNULL or open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
        faulthandler.dump_traceback_later(seconds + kill_after, exit=True, file=_DEVNULL)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if kill_after is not None:
            faulthandler.cancel_dump_traceback_later()
        if outer_delay:  # someone else's timer was running: give it back what is left
            left = outer_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3), outer_interval)
