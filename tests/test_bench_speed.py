"""bench/speed.py on a two-page bench: its timed turns clean the pages they are given and
count them, and a round of worker processes adds the turns up."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from . import bench_scripts
from .texts import GOOD_1, GOOD_2

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def speed():  # type: ignore[no-untyped-def]
    return bench_scripts.load("speed")


def tiny_bench(tmp_path: Path) -> Path:
    ids = ["a", "b"]
    (tmp_path / "ground-truth.json").write_text(json.dumps({i: {"url": f"https://example.com/{i}", "articleBody": GOOD_1} for i in ids}))
    for folder in ("md", "txt", "html"):
        (tmp_path / folder).mkdir()
    for i in ids:
        (tmp_path / "md" / f"{i}.md").write_text(f"# Title {i}\n\n{GOOD_1}\n\n{GOOD_2}\n")
        (tmp_path / "txt" / f"{i}.txt").write_text(f"Title {i}\n\n{GOOD_1}\n\n{GOOD_2}\n")
        (tmp_path / "html" / f"{i}.html.gz").write_bytes(gzip.compress(f"<html><body><h1>T</h1><p>{GOOD_1}</p><p>{GOOD_2}</p></body></html>".encode()))
    return tmp_path


@pytest.mark.parametrize("capture", ["md", "txt", "html"])
def test_a_timed_turn_cleans_its_pages(speed, tmp_path: Path, capture: str) -> None:  # type: ignore[no-untyped-def]
    timer = speed.Timer("cleaner", tiny_bench(tmp_path), capture)
    result = timer.time(0, 2)
    assert result["docs"] == 2 and result["seconds"] > 0 and result["bytes"] > 0
    assert timer.time(1, 2)["docs"] == 1


def test_a_peer_turn(speed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert speed.Timer("trafilatura", tiny_bench(tmp_path), "html").time(0, 2)["docs"] == 2


def test_a_round_of_worker_processes_adds_up_the_turns(speed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(speed, "SLICE_PAGES", 1)  # two turns a tool
    results = speed.one_core(tiny_bench(tmp_path), runs=1, sets=("md",))
    for capture, tool in (("md", "cleaner"), ("html", "trafilatura")):
        (row,) = results[capture][tool]
        assert row["docs"] == 2 and row["seconds"] > 0 and row["maxrss_mb"] > 0


def test_the_cleaners_timer_warms_up_as_a_cli_worker_does(speed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """One-time loads (the engine's jusText stoplist) happen before the clock starts, as
    trafilatura's warm-up page does them for it, not in the cleaner's first timed turn."""
    from trafilatura import external

    monkeypatch.setattr(external, "JT_STOPLIST", None)
    speed.Timer("cleaner", tiny_bench(tmp_path), "html")
    assert external.JT_STOPLIST is not None
