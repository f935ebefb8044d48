"""bench/older_markup.py: the transform to older markup, and the table it prints."""
from __future__ import annotations

import gzip
import json
import shutil
import sys
from pathlib import Path

import pytest

from . import bench_scripts
from .test_bench_quality import SCORER


def test_older_markup_takes_out_html5_and_structured_data_and_keeps_names() -> None:
    script = bench_scripts.load("older_markup")
    page = (
        '<html><head><meta property="og:title" content="T"><script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        '<meta name="description" content="kept"></head><body><NAV class="menu" role="navigation"><a href="/">Home</a></NAV>'
        '<main id="content"><article itemscope itemtype="https://schema.org/Article" aria-label=\'Story\'>'
        '<time datetime="2024-01-02">2 Jan</time><figure><figcaption>A caption</figcaption></figure><p>Text</p></article></main>'
        "<footer>Footer</footer></body></html>"
    )
    older = script.older(page)
    for gone in ("nav", "NAV", "<main", "<article", "<footer", "<figure", "<time", "og:title", "ld+json", "role=", "itemscope", "itemtype", "aria-label"):
        assert gone not in older
    for kept in ('<div class="menu">', '<div id="content">', '<span datetime="2024-01-02">2 Jan</span>', 'name="description"', "<p>Text</p>", "</div></body>"):
        assert kept in older


@pytest.mark.skipif(not SCORER.is_file(), reason=f"no score.py at {SCORER}")
@pytest.mark.parametrize(("flags", "changed"), [
    ([], "older markup"), (["--breaks"], "older markup, line breaks"), (["--table"], "older markup, table layout"),
    (["--breaks", "--table"], "older markup, line breaks, table layout"),
])
def test_it_prints_both_readings_for_each_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], flags: list[str], changed: str,
) -> None:
    body = "".join(f"<p>The council met on Tuesday and voted on the budget, part {n} of the story said.</p>" for n in range(6))
    (tmp_path / "html").mkdir()
    truth = {}
    for n in range(3):
        html = f"<html><head><title>Budget {n}</title></head><body><nav><a href='/'>Home</a> <a href='/a'>World</a></nav><article>{body}</article></body></html>"
        (tmp_path / "html" / f"p{n}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[f"p{n}"] = {"articleBody": "\n\n".join(f"The council met on Tuesday and voted on the budget, part {k} of the story said." for k in range(6)), "url": f"https://example.org/{n}"}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    shutil.copy(SCORER, tmp_path / "score.py")
    script = bench_scripts.load("older_markup")
    monkeypatch.setattr(sys, "argv", ["older_markup.py", "--data", str(tmp_path), "--worst", "2", *flags])
    assert script.main() == 0
    out = capsys.readouterr().out
    for row in ("| cleaner | 1.0000 |", f"| cleaner, {changed} |", "| trafilatura |", f"| trafilatura, {changed} |"):
        assert row in out
    assert "3 HTML pages" in out and out.count(" cleaner 1.00 -> ") == 2 and f"the {changed} costs" in out


def test_with_breaks_parts_paragraphs_by_line_breaks_only() -> None:
    script = bench_scripts.load("older_markup")
    page = '<div class="story"><P class="lead">First one.</P><p>Second one.</p ><pre>code</pre><param name="x"></div>'
    assert script.with_breaks(page) == '<div class="story">First one.<br><br>Second one.<br><br><pre>code</pre><param name="x"></div>'


def test_in_table_lays_the_body_out_between_menu_and_side_cells() -> None:
    script = bench_scripts.load("older_markup")
    page = '<html><body class="b"><h1>T</h1><p>Text.</p></body></html>'
    out = script.in_table(page)
    assert out.startswith('<html><body class="b"><table') and out.endswith("</td></tr></table></body></html>")
    assert out.index(">Home</a>") < out.index('<td valign="top"><h1>T</h1><p>Text.</p></td>') < out.index(">Archive</a>")
    assert script.in_table("<p>no body tag</p>") == "<p>no body tag</p>"
