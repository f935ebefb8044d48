"""bench/idempotency.py: counts the captures whose cleaned text changes when cleaned again."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from . import bench_scripts

ARTICLE = "# A headline\n\n" + "The council met on Tuesday and voted on the budget for the coming year. " * 4 + "\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_it_counts_every_capture_of_each_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    for kind, name in (("md", "a.md"), ("md", "b.md"), ("txt", "c.txt"), ("html", "d.html")):
        (tmp_path / kind).mkdir(exist_ok=True)
        (tmp_path / kind / name).write_text(ARTICLE, encoding="utf-8")
    script = bench_scripts.load("idempotency")
    monkeypatch.setattr(sys, "argv", ["idempotency.py", "--data", str(tmp_path), "--jobs", jobs])
    assert script.main() == 0
    assert capsys.readouterr().out == "0 of 3 captures not idempotent\n"  # md and txt only
    assert script.changes(tmp_path / "md" / "a.md") is False


def test_it_cleans_the_captures_mapped_to_another_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "md").mkdir()
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    script = bench_scripts.load("idempotency")
    monkeypatch.setattr(sys, "argv", ["idempotency.py", "--data", str(tmp_path), "--mapped"])
    assert script.main() == 0
    assert capsys.readouterr().out == "0 of 1 mapped captures not idempotent\n"
    cleaned = []
    monkeypatch.setattr(script.cleaner, "clean", lambda raw: cleaned.append(raw) or script.cleaner.Document(text=""))
    script.changes_mapped(tmp_path / "txt" / "c.txt")
    assert "council" not in cleaned[0] and "ტ" in cleaned[0]  # the letters were mapped before cleaning
