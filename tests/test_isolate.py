"""cleaner.isolate: the time limit holds when cleaning runs in one process (a single file,
--jobs 1, clean report, clean_many(jobs=1)), also in C code that a signal cannot stop."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import batch, isolate
from cleaner.batch import Options, clean_items, clean_many
from cleaner.inputs import Item
from cleaner.settings import DEFAULT, Settings

from .test_cli import ARTICLE, ROOT
from .texts import GOOD_1

pytestmark = pytest.mark.skipif(not isolate.available(), reason="needs os.fork")

LIMIT = 2.0
# The limit, the grace after it, and the interpreter's start-up on a busy machine.
WITHIN = LIMIT + DEFAULT.doc_timeout_grace_seconds + 15


@pytest.fixture(scope="module")
def attribute_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The issue's page: 400,000 attributes on one element, 6.6 MB. libxml2 checks each
    new attribute against the ones before it, so parsing it takes over ten minutes in C
    code, where the limit's SIGALRM cannot land."""
    path = tmp_path_factory.mktemp("bomb") / "a.html"
    attributes = " ".join(f'a{i}="{i}"' for i in range(400_000))
    path.write_text(f"<html><body><p {attributes}>x</p></body></html>")
    return path


def _run(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "cleaner", *args], capture_output=True, text=True, env=env, timeout=120)
    return done, time.monotonic() - start


def test_a_single_file_stuck_in_c_ends_at_the_limit_plus_the_grace(attribute_bomb: Path) -> None:
    done, seconds = _run(str(attribute_bomb), "--timeout", str(LIMIT))
    assert seconds < WITHIN, seconds
    assert done.returncode == 3
    assert f"took longer than the {LIMIT:g} s time limit" in done.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_goes_on_after_a_document_stuck_in_c(attribute_bomb: Path, tmp_path: Path, jobs: str) -> None:
    # --jobs 2: a worker killed in C code cannot report which document stalled it; the main
    # process finds it by the worker's progress record and does not run it again.
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.html").write_bytes(attribute_bomb.read_bytes())
    (tmp_path / "c.txt").write_text(ARTICLE)
    done, seconds = _run(str(tmp_path), "--jobs", jobs, "--timeout", str(LIMIT), "--format", "jsonl")
    assert seconds < WITHIN, seconds
    assert done.returncode == 3
    a, b, c = (json.loads(line) for line in done.stdout.splitlines())
    assert b["error"] == f"took longer than the {LIMIT:g} s time limit"
    assert GOOD_1 in a["text"] and GOOD_1 in c["text"]


def test_clean_report_has_a_time_limit(attribute_bomb: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    done, seconds = _run("report", str(attribute_bomb), str(good), "-o", str(tmp_path / "report.html"), "--timeout", str(LIMIT))
    assert seconds < WITHIN, seconds
    assert done.returncode == 3
    assert "time limit" in done.stderr and (tmp_path / "report.html").exists()


def test_clean_many_jobs_1_stops_a_document_the_signal_cannot_reach(monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.clean

    def clean(raw, **kwargs):  # type: ignore[no-untyped-def]
        if raw == "STUCK":  # as C code would: the limit's signal cannot land
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return real(raw, **kwargs)

    monkeypatch.setattr(batch, "clean", clean)  # the forked child inherits it
    settings = Settings(doc_timeout_grace_seconds=0.5)
    start = time.monotonic()
    docs = list(clean_many([ARTICLE, "STUCK", ARTICLE], jobs=1, timeout=1, settings=settings))
    assert time.monotonic() - start < 1 + 0.5 + 10
    assert [d.error for d in docs] == [None, "took longer than the 1 s time limit", None]
    assert GOOD_1 in docs[2].text


def test_a_child_that_crashes_costs_one_document(monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.clean
    monkeypatch.setattr(batch, "clean", lambda raw, **kw: os._exit(1) if raw == "CRASH" else real(raw, **kw))
    items = [Item("a", raw=ARTICLE), Item("b", raw="CRASH"), Item("c", raw=ARTICLE)]
    results = list(clean_items(items, Options(timeout=5.0), jobs=1))
    assert [r.source for r in results] == ["a", "b", "c"]
    assert results[0].error is None and results[2].error is None
    assert "died" in (results[1].error or "")


def test_one_child_cleans_every_document_of_a_batch() -> None:
    # Forked once after the imports, not once a document: its caches stay warm.
    child = isolate.Child(Options(timeout=5.0))
    try:
        first = child.clean(Item("a", raw=ARTICLE))
        pid = child.pid
        second = child.clean(Item("b", raw=ARTICLE), kind="text")
        assert child.pid == pid and pid != os.getpid()
        assert first.doc is not None and second.doc is not None and second.doc.kind == "text"
    finally:
        child.close()
    assert child.pid is None
