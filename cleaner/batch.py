"""Batches: inputs -> documents -> outputs, on worker processes, in input order.

`clean` (cli.py) and `clean_many()` both run through here. Memory stays flat on any
number of inputs: Items are read only as workers need them, at most
jobs x batch_window_chunks_per_job chunks are in flight, and each result goes out as soon
as its turn comes. One bad input never stops a batch: it becomes a Result with `error`.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Protocol

from . import isolate
from .api import clean, default_rules
from .errors import CleanerError, DocumentTimeout
from .inputs import AUTO, InputFile, Item, read_items
from .limits import time_limit
from .model import Document
from .ruleset import RuleSet
from .settings import DEFAULT, Settings
from .sitememory import SiteMemory
from .terminal import printable

if TYPE_CHECKING:
    from concurrent.futures import Future  # the pool and its futures load with --jobs 2 or more


@dataclass(frozen=True, slots=True)
class Capture:
    """One raw capture for clean_many(), with what cleaning it should know.

    raw: the capture, as bytes (decoded by the pipeline) or str (already decoded).
    url: its address (host-scoped rules and --site-memory use it); None for the batch's url.
    source: what to put in Document.source.
    """

    raw: bytes | str
    url: str | None = None
    source: str = "-"


@dataclass(frozen=True)
class Options:
    """What every document of a batch is cleaned with. Sent to each worker once."""

    rules: RuleSet | None = None  # None: the bundled rules, loaded once per worker
    url: str | None = None  # for documents that bring none of their own
    kind: str = "auto"
    timeout: float | None = DEFAULT.doc_timeout_seconds  # seconds per document; None or 0: no limit
    keep_blocks: bool = False  # keep Document.blocks (for --explain and --site-memory)
    settings: Settings = DEFAULT

    def __post_init__(self) -> None:
        # nan, inf and 1e308 would fail every document later, in the system's timers.
        if self.timeout is not None and not 0 <= self.timeout <= self.settings.max_doc_timeout_seconds:
            raise ValueError(f"timeout must be between 0 and {self.settings.max_doc_timeout_seconds:g} seconds, not {self.timeout}")


@dataclass(slots=True)
class Result:
    """One document's outcome: a Document, or an error, with where it came from."""

    source: str
    origin: InputFile | None = None
    part: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    doc: Document | None = None
    error: str | None = None
    removed: Counter[str] = field(default_factory=Counter)  # dropped blocks by reason ("rule:generic.share")

    @classmethod
    def failed(cls, item: Item, error: str) -> Result:
        return cls(item.source, item.origin, item.part, item.extra, error=error)


# --- one document ---------------------------------------------------------------------------


def clean_item(item: Item, options: Options, *, kill_after: float | None = None) -> Result:
    """Clean one Item. Never raises for a bad document: the error goes in the Result."""
    if item.error is not None or item.raw is None:
        return Result.failed(item, item.error or "no capture")
    try:
        with time_limit(options.timeout, kill_after=kill_after):
            doc = clean(item.raw, url=item.url or options.url, kind=options.kind, rules=options.rules, explain=True,
                        source=item.source, settings=options.settings, charset=item.charset)
    except CleanerError as exc:
        return Result.failed(item, str(exc))
    except Exception as exc:  # a bug on one page must not stop the batch  # noqa: BLE001
        return Result.failed(item, f"internal error ({type(exc).__name__}: {exc})")
    removed = Counter(str(b.drop) for b in doc.blocks if b.drop is not None and b.text)
    if not options.keep_blocks:
        doc.blocks = []
    return Result(item.source, item.origin, item.part, item.extra, doc, removed=removed)


# --- many documents, in order ------------------------------------------------------------------


def default_jobs() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def max_jobs(settings: Settings = DEFAULT) -> int:
    """The most worker processes a batch starts: max_jobs_per_core for each core."""
    return settings.max_jobs_per_core * default_jobs()


def clean_items(items: Iterable[Item], options: Options, jobs: int | None = None) -> Iterator[Result]:
    """Results in the order of `items`. jobs=1, or a single item, cleans in this process.
    More jobs than max_jobs() start only that many workers."""
    jobs = default_jobs() if jobs is None else min(jobs, max_jobs(options.settings))
    it = iter(items)
    head = list(islice(it, 2))
    if jobs <= 1 or len(head) < 2:
        if not head:
            return
        if not options.timeout:
            yield from (clean_item(item, options) for item in chain(head, it))
            return
        warm_up(options, html=False)  # start-up counts here: the HTML engine loads on first use
        if not isolate.available():
            yield from (clean_item(item, options) for item in chain(head, it))
            return
        # The time limit must hold in C code too: each document goes to a forked child.
        child = isolate.Child(options)
        try:
            yield from (child.clean(item) for item in chain(head, it))
        finally:
            child.close()
        return
    yield from _Workers(jobs, options).run(chain(head, it))


_OPTIONS: Options | None = None  # set in each worker process by _init_worker
_PROGRESS: int | None = None  # the worker's progress file, when documents have a time limit


def _init_worker(options: Options, parent: int, progress: str | None = None) -> None:
    global _OPTIONS, _PROGRESS
    _OPTIONS = options
    if progress is not None:
        _PROGRESS = os.open(os.path.join(progress, str(os.getpid())), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    for sig in (signal.SIGTERM, signal.SIGHUP):  # not the handlers of the CLI this was forked from
        signal.signal(sig, signal.SIG_DFL)
    threading.Thread(target=_exit_when_orphaned, args=(parent, options.settings, progress), daemon=True).start()
    warm_up(options)


def _exit_when_orphaned(parent: int, settings: Settings, progress: str | None) -> None:
    """End this worker once the main process is gone (killed with SIGKILL, say): an orphan
    would otherwise wait forever for work that never comes. The main process can no longer
    remove the progress folder, so its workers do: the last one out removes the folder."""
    while os.getppid() == parent:
        time.sleep(settings.batch_orphan_check_seconds)
    if progress is not None:
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(progress, str(os.getpid())))
            os.rmdir(progress)  # fails while another worker's file is still there
    os._exit(1)


_WARM_UP = (
    "Warm-up\n\nThis paragraph is long enough for the classifier to keep it, since it has many words in it.\n",
    "<html><body><p>This paragraph is long enough for the classifier to keep it, since it has many words.</p></body></html>",
)


def warm_up(options: Options, *, html: bool = True) -> None:
    """Load the rules, the language model and (with html) the HTML engine and its jusText
    stoplist (extract.load_engine_stoplist) before the first document, once per process,
    so that no document's time limit is spent on them."""
    rules = default_rules() if options.rules is None else options.rules
    if not html:
        # One process, start-up counting: load what takes time, clean nothing.
        from . import pipeline  # noqa: F401
        from .lang import warm_up as load_language_model

        load_language_model()
        return
    for raw in _WARM_UP:
        with contextlib.suppress(Exception):
            clean(raw, rules=rules, settings=options.settings)
    from .html.extract import load_engine_stoplist

    load_engine_stoplist()


def _run_chunk(items: list[Item]) -> list[Result]:
    assert _OPTIONS is not None
    grace = _OPTIONS.settings.doc_timeout_grace_seconds
    results = []
    for item in items:
        _note_progress(item)
        results.append(clean_item(item, _OPTIONS, kill_after=grace))
    _note_progress(None)
    return results


def _note_progress(item: Item | None) -> None:
    """Record which document this worker is on, and since when, for the main process: a
    worker the time limit kills in C code cannot say so itself, and that document must not
    be cleaned again (and stall again) when the pool is rebuilt. CLOCK_MONOTONIC is the
    same clock in every process of the machine."""
    if _PROGRESS is None:
        return
    os.ftruncate(_PROGRESS, 0)
    if item is not None:
        os.pwrite(_PROGRESS, json.dumps([time.monotonic(), item.source, item.part]).encode(), 0)


class _Workers:
    """A process pool fed a bounded window of chunks; a worker that dies is replaced, and
    the document that killed it becomes an error Result."""

    def __init__(self, jobs: int, options: Options) -> None:
        self.jobs, self.options = jobs, options
        self.progress = tempfile.mkdtemp(prefix="cleaner-workers-") if options.timeout else None
        self._timeout_message = str(DocumentTimeout(options.timeout or 0))
        self.pool = self._new_pool()

    def _new_pool(self) -> Any:
        from concurrent.futures import ProcessPoolExecutor  # with the pool: one process needs none

        return ProcessPoolExecutor(self.jobs, initializer=_init_worker, initargs=(self.options, os.getpid(), self.progress))

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        settings = self.options.settings
        window = self.jobs * settings.batch_window_chunks_per_job
        window_bytes = self.jobs * settings.batch_window_bytes_per_job
        pending: deque[tuple[list[Item], Future[list[Result]]]] = deque()
        in_flight = 0  # bytes of the captures in `pending`
        try:
            for chunk in _chunks(items, settings.batch_chunk_docs, settings.batch_chunk_bytes):
                pending.append((chunk, self.pool.submit(_run_chunk, chunk)))
                in_flight += _size(chunk)
                while pending and (len(pending) >= window or in_flight >= window_bytes):
                    in_flight -= _size(pending[0][0])
                    yield from self._next(pending)
            while pending:
                yield from self._next(pending)
        except BaseException:
            self._stop()  # stopped (Ctrl-C, a signal, an output error): wait for no document
            raise
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)
            if self.progress is not None:
                shutil.rmtree(self.progress, ignore_errors=True)

    def _stop(self) -> None:
        terminate = getattr(self.pool, "terminate_workers", None)  # Python 3.14+
        if terminate is not None:
            terminate()
            return
        for process in list((getattr(self.pool, "_processes", None) or {}).values()):
            with contextlib.suppress(Exception):
                process.terminate()

    def _next(self, pending: deque[tuple[list[Item], Future[list[Result]]]]) -> list[Result]:
        from concurrent.futures.process import BrokenProcessPool

        chunk, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            pass
        # Some worker died. A document a worker was on for longer than the time limit is
        # what killed it: it becomes its error without running again. Clean this chunk's
        # other documents one at a time to find any other that kills a worker, then send
        # the chunks still in flight to the new pool.
        late = self._overdue()
        self._restart()

        def settle(items: list[Item]) -> list[Item]:
            return [replace(item, error=self._timeout_message) if (item.source, item.part) in late else item for item in items]

        results = [self._alone(item) for item in settle(chunk)]
        for i, (later, _) in enumerate(pending):
            later = settle(later)
            pending[i] = (later, self.pool.submit(_run_chunk, later))
        return results

    def _overdue(self) -> set[tuple[str, int | None]]:
        """The documents the pool's workers have been on for longer than the time limit. The
        old pool's workers are all gone after this, so their records are cleared."""
        if self.progress is None or not self.options.timeout:
            return set()
        now, late = time.monotonic(), set()
        for name in os.listdir(self.progress):
            path = os.path.join(self.progress, name)
            try:
                with open(path, encoding="utf-8") as f:
                    started, source, part = json.loads(f.read() or "null") or (now, None, None)
                os.unlink(path)
            except (OSError, ValueError, TypeError):
                continue
            if source is not None and now - started >= self.options.timeout:
                late.add((source, part))
        return late

    def _alone(self, item: Item) -> Result:
        from concurrent.futures.process import BrokenProcessPool

        if item.error is not None:
            return clean_item(item, self.options)  # its error Result, without a worker
        try:
            return self.pool.submit(_run_chunk, [item]).result()[0]
        except BrokenProcessPool:
            late = self._overdue()
            self._restart()
            if (item.source, item.part) in late:
                return Result.failed(item, self._timeout_message)
            return Result.failed(item, "the worker process cleaning it died (a crash, or stuck past the time limit)")

    def _restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()


def _chunks(items: Iterable[Item], docs: int, size_bytes: int) -> Iterator[list[Item]]:
    """Chunks of at most `docs` items, ending early once they hold `size_bytes` of captures."""
    chunk: list[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += _item_size(item)
        if len(chunk) >= docs or size >= size_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _item_size(item: Item) -> int:
    return len(item.raw) if item.raw is not None else 0


def _size(chunk: list[Item]) -> int:
    return sum(_item_size(item) for item in chunk)


def clean_many(
    captures: Iterable[bytes | str | Capture],
    *,
    jobs: int | None = None,
    url: str | None = None,
    kind: str = "auto",
    rules: RuleSet | None = None,
    explain: bool = False,
    timeout: float | None = DEFAULT.doc_timeout_seconds,
    site_memory: bool = False,
    settings: Settings = DEFAULT,
) -> Iterator[Document]:
    """Clean many captures; yield one Document per capture, in input order, as they are done.

    captures: any iterable (a generator is read lazily): raw bytes, str, or Capture
        objects carrying a url and a source each.
    jobs: worker processes. None: one per core; 1: clean in this process.
    url: the address for captures that bring none (host-scoped rules match against it).
    kind: "auto" (detect), "html", "markdown" or "text", for every capture.
    rules: the rule set; None means the bundled rules (loaded once per worker).
    explain: keep Document.blocks with each Drop, as clean(explain=True) does.
    timeout: seconds allowed per document; None or 0 for no limit. The limit needs the
        main thread of the process when jobs=1.
    site_memory: drop lines that repeat across many captures of the same host (by URL),
        with the reason "site:repeated-line". Deterministic for a given input order.
    settings: thresholds and limits.

    A capture that cannot be cleaned does not raise: its Document has `error` set and an
    empty text. Memory stays flat however many captures there are.
    """
    options = Options(rules, url, kind, timeout, keep_blocks=explain or site_memory, settings=settings)
    items = (_as_item(c) for c in captures)
    results = clean_items(items, options, jobs)
    memory = SiteMemory(settings) if site_memory else None
    for result in results:
        if memory is not None:
            memory.apply(result)
        if result.doc is None:
            yield Document(source=result.source, url=url, error=result.error)
            continue
        if not explain:
            result.doc.blocks = []
        yield result.doc


def _as_item(capture: bytes | str | Capture) -> Item:
    if isinstance(capture, Capture):
        return Item(capture.source, raw=capture.raw, url=capture.url)
    if isinstance(capture, (bytes, bytearray, str)):
        return Item("-", raw=capture)
    return Item("-", error=f"not a capture: {type(capture).__name__} (give bytes, str or cleaner.Capture)")


# --- the command's batch: progress, outputs, summary ---------------------------------------------


class Sink(Protocol):
    def write(self, result: Result) -> None: ...


class SkipOutput(Exception):
    """This result cannot be written where it would go (a name that escapes the output
    folder, or that would replace an input): it counts as a failed input."""


@dataclass
class Stats:
    documents: int = 0
    errors: int = 0
    empty: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)  # WARC records that are not documents
    stopped: bool = False  # --fail-fast stopped the batch

    def summary(self) -> str:
        parts = [f"{counted(self.documents, 'document')}, {counted(self.errors, 'error')}, {self.empty} empty"]
        if self.removed:
            by_source: Counter[str] = Counter()
            for reason, n in self.removed.items():
                by_source[reason.split(":", 1)[0]] += n
            top = ", ".join(f"{r} {n}" for r, n in self.removed.most_common(5))
            parts.append(f"removed {counted(sum(self.removed.values()), 'block')} ({_counts(by_source)}; top: {top})")
        if self.skipped:
            parts.append(f"skipped {counted(sum(self.skipped.values()), 'WARC record')} ({_counts(self.skipped)})")
        if self.stopped:
            parts.append("stopped at the first error (--fail-fast)")
        return "; ".join(parts)


def counted(n: int, noun: str) -> str:
    """'1 error', '2 errors': every noun the command counts takes an s."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{k} {n}" for k, n in counter.most_common())


class _NoBar:
    """What run_batch asks of a progress bar, doing nothing (no terminal, or --quiet)."""

    def write(self, message: str, file: Any = None) -> None:
        print(message, file=file or sys.stderr)

    def set_postfix_str(self, text: str, refresh: bool = True) -> None:
        pass

    total: int | None = None

    def update(self) -> None:
        pass

    def close(self) -> None:
        pass


def run_batch(
    files: list[InputFile],
    options: Options,
    sink: Sink,
    *,
    jobs: int | None = None,
    input_format: str = AUTO,
    field: str = "text",
    fail_fast: bool = False,
    site_memory: bool = False,
    explain: Callable[[Document], Iterable[str]] | None = None,
    progress: bool = False,
    total: int | None = None,
) -> Stats:
    """Read `files`, clean every document, write each result to `sink`, in input order.

    Errors and empty documents are noted on stderr as they come; `explain` gives the
    lines to print for each document. OutputError from the sink stops the batch. `total`:
    the documents expected, for the progress bar's count and time left (documents_known).
    """
    stats = Stats()
    items = read_items(files, input_format=input_format, field=field, settings=options.settings, skipped=stats.skipped)
    memory = SiteMemory(options.settings) if site_memory else None
    bar: Any = _NoBar()
    if progress:
        from tqdm import tqdm  # only for a terminal: importing it is a tenth of start-up

        bar = tqdm(total=total, unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.5, smoothing=0.1)

    def note(message: str) -> None:
        bar.write(printable(message), file=sys.stderr)  # _NoBar prints it; tqdm keeps it off the bar

    results = clean_items(items, options, jobs)
    try:
        for result in results:
            if memory is not None:
                memory.apply(result)
            stats.documents += 1
            if result.doc is not None:
                stats.removed.update(result.removed)
                if explain is not None:
                    for line in explain(result.doc):
                        note(line)
                if not result.doc.text:
                    stats.empty += 1
                    note(f"clean: {result.source}: nothing extracted")
            try:
                sink.write(result)
            except SkipOutput as exc:
                result.error = result.error or str(exc)
            if result.error is not None:
                stats.errors += 1
                note(f"clean: {result.source}: {result.error}")
                bar.set_postfix_str(counted(stats.errors, "error"), refresh=False)
            if bar.total is not None and stats.documents > bar.total:
                bar.total = None  # a file that was a WARC after all: no total beats a wrong one
            bar.update()
            if fail_fast and result.error is not None:
                stats.stopped = True
                break
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stop the workers now, also when the sink failed
        bar.close()
    return stats


__all__ = ["Capture", "Options", "Result", "SkipOutput", "Stats", "clean_items", "clean_many", "counted", "run_batch"]
