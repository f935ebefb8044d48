"""bench/speed.py on a two-page bench: its timed pass cleans every page and counts them."""
from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from .texts import GOOD_1, GOOD_2

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def speed():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_speed", ROOT / "bench" / "speed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_speed"] = module
    spec.loader.exec_module(module)
    return module


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
def test_the_timed_pass_cleans_every_page(speed, tmp_path: Path, capture: str) -> None:  # type: ignore[no-untyped-def]
    result = speed.worker("cleaner", tiny_bench(tmp_path), capture)
    assert result["docs"] == 2 and result["seconds"] > 0 and result["bytes"] > 0 and result["maxrss_mb"] > 0


def test_a_peer_pass(speed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = speed.worker("trafilatura", tiny_bench(tmp_path), "html")
    assert result["docs"] == 2
