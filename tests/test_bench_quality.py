"""bench/quality.py on a tiny wcxb-style corpus: word F1, the human-label metadata checks, the
peer cache, and a whole run's per-page-type table and per-page JSON."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from . import bench_scripts
from .texts import GOOD_1, GOOD_2, GOOD_3

ROOT = Path(__file__).resolve().parents[1]
SCORER = (ROOT / ".." / "shared" / "bench" / "score.py").resolve()


@pytest.fixture(scope="module")
def quality():  # type: ignore[no-untyped-def]
    return bench_scripts.load("quality")


def tiny_wcxb(root: Path) -> Path:
    """Two pages of two page types, each with a human title, author and date (one author null)."""
    data = root / "wcxb-dev"
    pages = {
        "w0001": {"type": "article", "title": "Budget plans stay", "author": "Ann Lee and Bo Kim", "body": f"{GOOD_1}\n\n{GOOD_2}"},
        "w0002": {"type": "forum", "title": "Talks and votes", "author": None, "body": f"{GOOD_3}"},
    }
    truth = {}
    for folder in ("html", "md", "txt"):
        (data / folder).mkdir(parents=True)
    for i, p in pages.items():
        truth[i] = {"articleBody": p["body"], "url": f"https://example.com/{i}", "title": p["title"], "author": p["author"],
                    "date": "2025-03-04", "page_type": p["type"], "with": [], "without": []}
        paras = p["body"].split("\n\n")
        byline = f"<p class='byline'>By {p['author']}</p>" if p["author"] else ""
        page = (f"<html><head><title>{p['title']} | Site</title></head><body><nav>Home About Contact</nav><article>"
                f"<h1>{p['title']}</h1>{byline}<time datetime='2025-03-04'>4 March 2025</time>"
                + "".join(f"<p>{t}</p>" for t in paras) + "</article></body></html>")
        (data / "html" / f"{i}.html.gz").write_bytes(gzip.compress(page.encode()))
        (data / "md" / f"{i}.md").write_text(f"Home About Contact\n\n# {p['title']}\n\n" + "\n\n".join(paras) + "\n")
        (data / "txt" / f"{i}.txt").write_text(f"Home About Contact\n\n{p['title']}\n\n" + "\n\n".join(paras) + "\n")
    (data / "ground-truth.json").write_text(json.dumps(truth))
    # wcxb-dev ships no scorer: the run takes the sibling bench's score.py.
    (root / "bench").mkdir()
    (root / "bench" / "score.py").write_text(SCORER.read_text(encoding="utf-8"))
    return data


def test_word_f1(quality) -> None:  # type: ignore[no-untyped-def]
    assert quality.word_f1("", "") == 1.0
    assert quality.word_f1("a b", "") == 0.0
    assert quality.word_f1("The cat sat", "the CAT sat") == 1.0
    # precision 2/4, recall 2/2
    assert quality.word_f1("cat sat", "cat sat on mat") == pytest.approx(2 / 3)


def test_human_author_needs_every_word_of_the_label(quality) -> None:  # type: ignore[no-untyped-def]
    names = quality.silver_author_names("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen")
    assert names == [["danielle", "desiato", "donna", "enzmann", "natalie", "nguyen"]]
    assert quality.authors_ok({"byline": "By Danielle DeSiato", "authors": ["Donna Enzmann", "Natalie Nguyen"]}, names)
    assert not quality.authors_ok({"byline": "Danielle DeSiato and Donna Enzmann", "authors": []}, names)


def test_title_and_date_checks(quality) -> None:  # type: ignore[no-untyped-def]
    assert quality.title_ok({"title": "Top 10 Health Trends"}, "Top 10 Health Trends")
    # a site-name suffix halves precision: below 0.8
    assert not quality.title_ok({"title": "Top 10 Health Trends | Tastewise Blog And News"}, "Top 10 Health Trends")
    assert quality.date_ok({"date": "2025-03-04T10:00:00"}, "2025-03-04")
    assert not quality.date_ok({"date": "2025-03-05"}, "2025-03-04")


@pytest.mark.skipif(not SCORER.is_file(), reason=f"no score.py at {SCORER}")
def test_peer_outputs_are_cached_by_capture(quality, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import runner
    from corpora import Page

    monkeypatch.setattr(runner, "CACHE", tmp_path / "cache")
    page = Page("w1", "https://example.com/", b"one two three")
    job = runner.Job("keep everything", "wcxb-dev", "txt", "text", page)
    assert runner.run_all([job], workers=1, quiet=True)[0]["text"] == "one two three"
    stored = runner.cache_path(job)
    assert stored.is_file()
    # A cached result is read back, not recomputed: edit the stored text and see it come back.
    record = json.loads(stored.read_text())
    record["text"] = "from the cache"
    stored.write_text(json.dumps(record))
    assert runner.run_all([job], workers=1, quiet=True)[0]["text"] == "from the cache"
    # A changed capture misses the cache.
    changed = runner.Job("keep everything", "wcxb-dev", "txt", "text", Page("w1", "https://example.com/", b"four five"))
    assert runner.run_all([changed], workers=1, quiet=True)[0]["text"] == "four five"


@pytest.mark.skipif(not SCORER.is_file(), reason=f"no score.py at {SCORER}")
def test_whole_run_on_a_page_typed_corpus(quality, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tiny_wcxb(tmp_path)
    out = tmp_path / "pages.json"
    assert quality.main(["--data", str(data), "--no-peers", "--jobs", "1", "--only", "html,md", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "## wcxb-dev · html (2 pages)" in printed
    assert "### wcxb-dev · md by page type" in printed
    assert "| forum | 1 |" in printed and "| article | 1 |" in printed
    # Metadata counts only pages whose label is not null: the author label is null on w0002.
    assert "| author | 1 |" in printed and "| title | 2 |" in printed
    figures = json.loads(out.read_text())
    assert figures["page_types"]["wcxb-dev"] == {"w0001": "article", "w0002": "forum"}
    per_page = figures["per_page"]["wcxb-dev"]["html"]["cleaner"]
    assert set(per_page) == {"w0001", "w0002"}
    assert set(per_page["w0001"]) == {"precision", "recall", "f1", "word_f1"}
    assert per_page["w0001"]["recall"] > 0.9  # the article's two paragraphs are kept
