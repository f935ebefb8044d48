"""Batches under attack (issue 16): one bad line never costs the batch, a signal stops a run
as Ctrl-C does, the captures in flight are bounded in bytes, and -j is capped."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import batch, inputs, outputs
from cleaner.batch import Options, clean_items
from cleaner.cli import main
from cleaner.inputs import Item
from cleaner.settings import Settings

ARTICLE = "\n\n".join(
    f"Report {i}: the minister said on Tuesday that the government would not change its plans for the "
    f"budget of district {i}, and that the parliament would decide what happens next with the money."
    for i in range(6)
) + "\n"


def _no_parts(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".part")]


# --- item 1: a JSONL line nested 1,000 deep -----------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_deeply_nested_jsonl_line_is_that_lines_error(tmp_path: Path, jobs: str) -> None:
    lines = [
        json.dumps({"text": ARTICLE}),
        "[" * 1000 + "]" * 1000,  # RecursionError in json.loads
        json.dumps({"text": ARTICLE, "x": json.loads("[" * 150 + "]" * 150)}),  # loads, too deep to keep
        json.dumps({"text": ARTICLE, "x": json.loads("[" * 50 + "]" * 50)}),  # fine
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "other.txt").write_text(ARTICLE)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, [str(tmp_path / "d.jsonl"), str(tmp_path / "other.txt"), "-o", str(out), "-j", jobs, "-q"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 3
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["source"].rsplit("/", 1)[-1] for r in records] == ["d.jsonl:1", "d.jsonl:2", "d.jsonl:3", "d.jsonl:4", "other.txt"]
    assert [r.get("error") for r in records] == [
        None, "invalid JSON: nested deeper than 100 levels", "invalid JSON: nested deeper than 100 levels", None, None
    ]
    assert _no_parts(tmp_path)


def test_a_bug_reading_one_input_is_that_inputs_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": ARTICLE}) + "\n")
    (tmp_path / "b.txt").write_text(ARTICLE)

    def broken(*args, **kwargs) -> Iterator[Item]:  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug")
        yield

    monkeypatch.setattr(inputs, "jsonl_items", broken)
    items = list(inputs.read_items(inputs.expand([str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")])))
    assert [i.error for i in items] == ["internal error (RuntimeError: a bug)", None]


def test_no_part_file_is_left_whatever_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    real = outputs.Formatter.render
    calls = []

    def failing(self, result):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("a bug in the output step")
        return real(self, result)

    monkeypatch.setattr(outputs.Formatter, "render", failing)
    result = CliRunner().invoke(main, [str(tmp_path / "a.txt"), str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.txt"), "-j", "1", "-q"])
    assert isinstance(result.exception, RuntimeError)
    assert not (tmp_path / "out.txt").exists() and _no_parts(tmp_path)


# --- item 5: SIGTERM and SIGHUP stop a run as Ctrl-C does -----------------------------------------


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry))
    return kids


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _start_batch(tmp_path: Path) -> tuple[subprocess.Popen[bytes], list[int]]:
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "tmp").mkdir()  # the run's own temporary folder, to see what it leaves
    for i in range(3000):  # far more than the test lets it clean
        (folder / f"{i:04d}.txt").write_text(ARTICLE.replace("Report", f"Report {i}"))
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", str(folder), "-j", "2", "-q", "-o", str(tmp_path / "out.jsonl")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "TMPDIR": str(tmp_path / "tmp")})
    assert _wait_for(lambda: len(_children(proc.pid)) >= 2, 60), "no workers started"
    workers = _children(proc.pid)
    assert _wait_for(lambda: any(p.name.endswith(".part") for p in tmp_path.iterdir()), 60), "no output started"
    return proc, workers


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_stops_the_run_and_its_workers_and_leaves_no_part(tmp_path: Path, sig: int) -> None:
    proc, workers = _start_batch(tmp_path)
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 128 + sig, stderr
    assert b"Traceback" not in stderr
    assert _wait_for(lambda: not any(_alive(w) for w in workers), 10), "workers left running"
    assert not (tmp_path / "out.jsonl").exists() and _no_parts(tmp_path)
    assert not list((tmp_path / "tmp").iterdir()), "the workers' progress folder was left behind"


def test_workers_end_when_the_main_process_is_killed(tmp_path: Path) -> None:
    proc, workers = _start_batch(tmp_path)
    assert list((tmp_path / "tmp").iterdir()), "the workers' progress folder is not where the test looks"
    proc.kill()  # SIGKILL: nothing runs in the main process
    proc.communicate(timeout=30)
    assert _wait_for(lambda: not any(_alive(w) for w in workers), 15), "orphaned workers left running"
    assert not list((tmp_path / "tmp").iterdir()), "the workers' progress folder was left behind"


# --- item 10: the captures in flight are bounded in bytes ------------------------------------------


def test_the_window_is_bounded_in_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    size = 300_000
    settings = Settings(batch_window_bytes_per_job=1_000_000, batch_chunk_bytes=500_000)
    pulled = []

    def items() -> Iterator[Item]:
        for i in range(60):
            pulled.append(i)
            yield Item(f"doc{i}", raw=b"\0" * size)  # refused at once as binary: the test is about sending

    in_flight = []
    for n, result in enumerate(clean_items(items(), Options(settings=settings, timeout=None), jobs=2)):
        assert result.error is not None
        in_flight.append(len(pulled) - n)
    # 2 jobs x 1 MB: at most 7 captures of 300 KB, plus the one chunk of 2 that crossed the bound.
    assert max(in_flight) <= 9, max(in_flight)


def test_a_chunk_ends_at_its_byte_bound() -> None:
    items = [Item(f"doc{i}", raw=b"x" * 400) for i in range(10)]
    assert [len(c) for c in batch._chunks(items, 8, 1000)] == [3, 3, 3, 1]
    assert [len(c) for c in batch._chunks(items, 4, 10**9)] == [4, 4, 2]


# --- item 12: -j is capped at max_jobs_per_core workers per core --------------------------------------


def test_too_many_jobs_are_capped_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    started = []
    real = batch._Workers.__init__

    def spy(self, jobs, options):  # type: ignore[no-untyped-def]
        started.append(jobs)
        real(self, jobs, options)

    monkeypatch.setattr(batch._Workers, "__init__", spy)
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(ARTICLE)
    result = CliRunner().invoke(main, [str(tmp_path), "-j", "64", "-q"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "-j 64 is more than 2 workers per core; using 4" in result.stderr
    assert started == [4]
    started.clear()
    list(clean_items((Item(f"{i}", raw=ARTICLE) for i in range(3)), Options(), jobs=64))  # clean_many's path
    assert started == [4]
