"""Running the cleaner and its peers over many pages: a process pool, and an on-disk cache of peer outputs.

Peer outputs depend only on the peer, its package versions and the capture's bytes, so they
are cached under .cache/bench/<peer>-<versions>/<corpus>/<capture>/<id>.json (or under
$CLEANER_BENCH_CACHE) with the SHA-256 of the capture and its URL inside; a rerun reads them back and runs only the cleaner. The cleaner is
never cached: its output is what a rerun measures.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from corpora import Page
from peers import META_PEER, META_PEER_HTML, peer_by_label, trafilatura_metadata

from cleaner import CleanerError, RuleSet, clean, default_rules
from cleaner.settings import DEFAULT, Settings

REPO = Path(__file__).resolve().parents[1]
# $CLEANER_BENCH_CACHE lets several checkouts share one cache: an entry is keyed by the peer, its
# versions and the capture's bytes, so it holds for any checkout of the cleaner.
CACHE = Path(os.environ.get("CLEANER_BENCH_CACHE") or REPO / ".cache" / "bench").resolve()

Result = dict[str, Any]  # {"text": str, "meta": dict | None, "seconds": float, "error": str | None}


@dataclass(frozen=True)
class CleanerVariant:
    label: str
    floor_suffix: str  # floors.json key = capture set name + this
    no_default_rules: bool
    learned: bool = True  # False: the heuristic passes alone, without the trained layer
    kinds: tuple[str, ...] = ("html", "markdown", "text")  # the capture kinds this row means something for

    def settings(self) -> Settings:
        return DEFAULT if self.learned else replace(DEFAULT, use_learned_model=False)

    def rules(self) -> RuleSet:
        return RuleSet() if self.no_default_rules else default_rules()


CLEANER_VARIANTS = (
    CleanerVariant("cleaner", "", no_default_rules=False),
    CleanerVariant("cleaner --no-default-rules", "_no_default_rules", no_default_rules=True),
    # The learned layer was trained on these pages, so this row shows what the
    # untrained heuristics give; the cross-validated figures are printed above the tables.
    # HTML captures never reach the text classifier's learned layer (settings.html_judge).
    CleanerVariant("cleaner, heuristics only (no learned layer)", "_heuristics_only", no_default_rules=False, learned=False,
                   kinds=("markdown", "text")),
)
VARIANTS = {v.label: v for v in CLEANER_VARIANTS}


@dataclass(frozen=True)
class Job:
    tool: str  # a cleaner variant's label, or a peer's
    corpus: str
    capture: str  # html, md, txt
    kind: str  # the cleaner's `kind` argument for this capture
    page: Page

    @property
    def is_cleaner(self) -> bool:
        return self.tool in VARIANTS


_RULES: dict[bool, RuleSet] = {}


def _rules(variant: CleanerVariant) -> RuleSet:
    # Loading the bundled rules compiles every pattern: once per worker, not once per page.
    if variant.no_default_rules not in _RULES:
        _RULES[variant.no_default_rules] = variant.rules()
    return _RULES[variant.no_default_rules]


def run_cleaner_page(variant: CleanerVariant, page: Page, kind: str) -> Result:
    """Clean one page; a CleanerError (bad input) is an empty prediction with its reason."""
    start = time.perf_counter()
    try:
        # The URL is what a crawler knows at capture time; host-scoped rules need it.
        doc = clean(page.raw, kind=kind, rules=_rules(variant), url=page.url or None, settings=variant.settings())
    except CleanerError as exc:
        return {"text": "", "meta": None, "seconds": time.perf_counter() - start, "error": f"CleanerError: {exc}"}
    except Exception as exc:  # a bug, not bad input: counted and shown apart, and the batch goes on
        return {"text": "", "meta": None, "seconds": time.perf_counter() - start, "error": f"crash: {exc!r}"}
    meta = {"title": doc.title, "byline": doc.byline, "authors": list(doc.authors), "date": doc.date,
            "site": doc.site, "language": doc.language}
    return {"text": doc.text, "meta": meta, "seconds": time.perf_counter() - start, "error": None}


def run_peer_page(tool: str, capture: str, page: Page) -> Result:
    peer = peer_by_label(capture, tool)
    start = time.perf_counter()
    text = page.text
    try:
        if peer is META_PEER:
            meta = trafilatura_metadata(META_PEER_HTML[capture](text), page.url or None)
            return {"text": "", "meta": meta, "seconds": time.perf_counter() - start, "error": None}
        return {"text": peer.extract(text), "meta": None, "seconds": time.perf_counter() - start, "error": None}
    except Exception as exc:  # a peer's failure on one page is its empty output there, not the run's end
        return {"text": "", "meta": None, "seconds": time.perf_counter() - start, "error": f"crash: {exc!r}"}


def run_job(job: Job) -> Result:
    if job.is_cleaner:
        return run_cleaner_page(VARIANTS[job.tool], job.page, job.kind)
    return run_peer_page(job.tool, job.capture, job.page)


# ---------------------------------------------------------------- cache


def cache_path(job: Job) -> Path:
    key = peer_by_label(job.capture, job.tool).cache_key
    return CACHE / key / job.corpus / job.capture / f"{job.page.id}.json"


def capture_hash(page: Page) -> str:
    return hashlib.sha256(page.raw + b"\0" + page.url.encode("utf-8")).hexdigest()


def cache_read(job: Job) -> Result | None:
    path = cache_path(job)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stored.get("sha256") != capture_hash(job.page):
        return None
    return {k: stored.get(k) for k in ("text", "meta", "seconds", "error")}


def cache_write(job: Job, result: Result) -> None:
    """Atomic: a run stopped halfway leaves whole files or none."""
    path = cache_path(job)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"sha256": capture_hash(job.page), **result}, f, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- pool


def run_all(jobs: Sequence[Job], workers: int, use_cache: bool = True, quiet: bool = False) -> list[Result]:
    """Every job's result, in the order given. Cached peer results are read back; the rest run
    in `workers` processes (1: in this process)."""
    results: list[Result | None] = [None] * len(jobs)
    todo: list[int] = []
    for n, job in enumerate(jobs):
        cached = cache_read(job) if use_cache and not job.is_cleaner else None
        if cached is None:
            todo.append(n)
        else:
            results[n] = cached
    peers_todo = sum(1 for n in todo if not jobs[n].is_cleaner)
    log = (lambda *a, **k: None) if quiet else print
    log(f"[bench] {len(jobs)} page runs: {len(jobs) - len(todo)} peer outputs from {os.path.relpath(CACHE, REPO)}, "
          f"{len(todo) - peers_todo} cleaner and {peers_todo} peer runs on {workers} worker(s)", file=sys.stderr)
    started = time.perf_counter()
    for done, (n, result) in enumerate(zip(todo, _map(run_job, [jobs[n] for n in todo], workers)), 1):
        results[n] = result
        if use_cache and not jobs[n].is_cleaner:
            cache_write(jobs[n], result)
        if done % 500 == 0 or done == len(todo):
            log(f"[bench] {done}/{len(todo)} runs in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return [r for r in results if r is not None]


def _map(fn: Any, items: Sequence[Job], workers: int) -> Iterable[Result]:
    if workers <= 1 or len(items) < 2:
        return map(fn, items)
    pool = ProcessPoolExecutor(max_workers=workers)
    # Small chunks keep both workers busy to the end; the order of results is the order given.
    return _closing(pool, pool.map(fn, items, chunksize=4))


def _closing(pool: ProcessPoolExecutor, results: Iterable[Result]) -> Iterable[Result]:
    try:
        yield from results
    finally:
        pool.shutdown(cancel_futures=True)
