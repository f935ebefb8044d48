"""bench/other_script.py: the letter mapping, and the table it prints."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from . import bench_scripts
from .test_bench_quality import SCORER


def test_letters_are_mapped_and_links_tags_and_entities_are_not() -> None:
    script = bench_scripts.load("other_script")
    out = script.mapped("The Cat sat. [Home](https://example.org/Home) www.Example.org &amp; 42")
    assert out.startswith(script.mapped("the cat sat. [home]")) and out.endswith("(https://example.org/Home) www.Example.org &amp; 42")
    assert not any(c.isascii() and c.isalpha() for c in out.split("](")[0])
    assert script.mapped("aAzZ") == "\u10d0\u10d0\u10e9\u10e9"  # the first and the 26th Georgian letters
    page = '<html><head><style>p { color: red }</style><script>var Title = "x";</script></head><body><p class="Lead">A cat</p><!-- a Note --></body></html>'
    out = script.mapped_html(page)
    assert f'<p class="Lead">{script.mapped("A cat")}</p>' in out and "ა" in out and "<style>p { color: red }</style>" in out
    assert 'var Title = "x";' in out and "<!-- a Note -->" in out
    # What a reader sees of the tags, and structured data's text, is mapped with the text, so
    # the declared title still matches the headline; dates, URLs, types and other values stay.
    head = (
        '<html><head><title>Big News</title><meta property="og:title" content="Big News"><meta name="viewport" content="width=device-width">'
        '<meta property="article:published_time" content="2024-01-02T10:00:00Z"><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Big News", "datePublished": "2024-01-02T10:00:00Z", "author": {"@type": "Person", "name": "Ann Lee"}}'
        '</script></head><body><h1>Big News</h1><img alt="A Cat" src="/Cat.jpg"><a href="/Home" title="Go Home">Home</a></body></html>'
    )
    out = script.mapped_html(head)
    big_news = script.mapped("Big News")
    assert out.count(big_news) == 4  # <title>, og:title, JSON-LD headline, <h1>
    assert f'"name": "{script.mapped("Ann Lee")}"' in out and f'alt="{script.mapped("A Cat")}"' in out and f'title="{script.mapped("Go Home")}"' in out
    for kept in ('content="width=device-width"', 'content="2024-01-02T10:00:00Z"', '"datePublished": "2024-01-02T10:00:00Z"', '"@type": "NewsArticle"', 'src="/Cat.jpg"', 'href="/Home"'):
        assert kept in out
    # A bijection of the letters, capitals folded: no two letters meet.
    assert len(set(script.mapped("abcdefghijklmnopqrstuvwxyz"))) == 26


@pytest.mark.skipif(not SCORER.is_file(), reason=f"no score.py at {SCORER}")
def test_it_prints_the_cleaner_and_the_peers_on_the_mapped_captures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    paragraphs = [f"The council met on Tuesday and voted on the budget, and the mayor said that part {n} of the plan was ready." for n in range(8)]
    (tmp_path / "txt").mkdir()
    truth = {}
    for n in range(3):
        page = "Home\nWorld\nSport\n\n" + "\n\n".join(paragraphs) + "\n\nPrivacy\nContact\n"
        (tmp_path / "txt" / f"p{n}.txt").write_text(page, encoding="utf-8")
        truth[f"p{n}"] = {"articleBody": "\n\n".join(paragraphs), "url": f"https://example.org/{n}"}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    shutil.copy(SCORER, tmp_path / "score.py")
    script = bench_scripts.load("other_script")
    monkeypatch.setattr(sys, "argv", ["other_script.py", "--data", str(tmp_path), "--kind", "txt", "--worst", "2"])
    assert script.main() == 0
    out = capsys.readouterr().out
    assert "3 txt captures, letters mapped" in out
    rows = {line.split(" | ")[0].lstrip("| "): float(line.split(" | ")[1]) for line in out.splitlines() if line.startswith("| ") and "F1" not in line}
    assert set(rows) >= {"cleaner", "cleaner, mapped", "keep everything, mapped", "trafilatura on lines wrapped as paragraphs, mapped"}
    # The mapped truth is scored against mapped readings: the cleaner reads the page either way.
    assert rows["cleaner"] > 0.9 and rows["cleaner, mapped"] > 0.9 and rows["keep everything, mapped"] < rows["cleaner, mapped"]
    assert out.count(" -> ") == 2
