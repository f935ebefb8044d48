"""engine.Page: trafilatura's readings of one page, sharing their first steps, read as
bare_extraction reads the page on its own."""
from __future__ import annotations

import dataclasses
from copy import copy
from typing import Any

import lxml.etree
import lxml.html
import pytest

from cleaner.html import engine
from cleaner.settings import DEFAULT

PARA = "The council met on Tuesday and voted on the budget for the coming year, officials said. "
NAV = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30)) + "</ul></nav>"
FORUM_LD = '<script type="application/ld+json">{"@type": "DiscussionForumPosting", "headline": "A thread"}</script>'

PAGES = {
    "article": f"<html><body>{NAV}<article><h1>Budget</h1>" + f"<p>{PARA * 2}</p>" * 5
    + "<div id='comments' class='comments'><p>" + PARA + "</p></div></article><footer>Copyright</footer></body></html>",
    # A short reading of a long page: trafilatura's escalation measures the page's text.
    "short": f"<html><body>{NAV * 4}<div class='teaser'><p>{PARA}</p></div>"
    + "".join(f"<div class='card'><a href='/x{i}'>{PARA[:60]}</a><span>{PARA[:40]}</span></div>" for i in range(40))
    + "</body></html>",
    # Posts in comment boxes, declared as a thread: they are the content.
    "forum": f"<html><head>{FORUM_LD}</head><body><h1>A thread</h1>"
    + "".join(f"<div class='comment' id='comment-{i}'><p>Reply {i}: {PARA}</p></div>" for i in range(6)) + "</body></html>",
    # A short fast reading of a page of items: the retry favouring recall runs, and the
    # full reading takes readability's.
    "items": f"<html><body><article><p>{PARA * 3}</p></article>" + f"<div class='item'><div>{PARA}</div></div>" * 30 + "</body></html>",
    "empty": "<html><body><div></div></body></html>",
}


def _xml(body: Any) -> bytes | None:
    return None if body is None else lxml.etree.tostring(body)


def _alone(html: str, url: str | None, fast: bool, precision: bool, recall: bool) -> bytes | None:
    from trafilatura import bare_extraction

    document = bare_extraction(
        lxml.html.document_fromstring(html), url=url, fast=fast, favor_precision=precision, favor_recall=recall,
        include_comments=False, include_tables=True, include_images=False, include_links=False,
        include_formatting=True, deduplicate=False, with_metadata=False, output_format="xml",
    )
    return None if document is None or isinstance(document, dict) else _xml(document.body)


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("precision", [False, True])
def test_each_reading_of_a_shared_page_is_bare_extractions(name: str, precision: bool) -> None:
    settings = dataclasses.replace(DEFAULT, html_engine_favor_precision=precision)
    url = "https://example.com/a"
    page = engine.Page(lxml.html.document_fromstring(PAGES[name]))
    # In the order extract reads them: fast, then full, then full favouring recall; and
    # again, since no reading may change what the next one starts from.
    for fast, recall in [(True, False), (False, False), (False, True), (True, False), (True, True)]:
        got = _xml(page.read(engine.options(settings, url, fast, recall)))
        assert got == _alone(PAGES[name], url, fast, precision, recall), (fast, recall)


def test_the_readings_options_are_those_bare_extraction_builds() -> None:
    from trafilatura.settings import Extractor

    made = engine.options(DEFAULT, "https://example.com/é", fast=False, recall=True)
    want = Extractor(output_format="xml", fast=False, recall=True, comments=False, formatting=True, links=False,
                     images=False, tables=True, dedup=False, url="https://example.com/é", with_metadata=False)
    assert {s: getattr(made, s) for s in Extractor.__slots__} == {s: getattr(want, s) for s in Extractor.__slots__}
    assert engine.options(DEFAULT, None).url is None  # each reading its own copy: the URL does not stay


def test_the_page_is_copied_not_changed() -> None:
    tree = lxml.html.document_fromstring(PAGES["article"])
    before = lxml.etree.tostring(tree)
    engine.Page(tree).read(engine.options(DEFAULT, None, fast=False))
    assert lxml.etree.tostring(tree) == before


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_page_share_is_decided_as_html2txt_measures_it(name: str) -> None:
    from trafilatura.baseline import html2txt
    from trafilatura.core import ESCALATION_PAGE_SHARE

    # Spaces html2txt adds between blocks, and Unicode spaces XPath does not fold.
    html = PAGES[name].replace("<body>", "<body><div>a</div><div>b</div><p>c\u00a0\u00a0d\u2003 e</p>")
    page = engine.Page(lxml.html.document_fromstring(html))
    comments_out = not page.forum  # the tree the page's readings measure
    measured = len(html2txt(page._pruned(comments_out)))
    for chars in range(0, 2 * measured + 50, 7):
        fresh = engine.Page(lxml.html.document_fromstring(html))  # no measure kept from an earlier question
        assert fresh._little_of_page(comments_out, chars) == (chars < ESCALATION_PAGE_SHARE * measured), chars


# --- the raw-tree and comment pruning, made without trafilatura's regular-expression XPaths ---

PRUNE_PAGE = (
    "<html><body><h1>Top</h1>"
    "<div class='infinite-scroll'><p>Next post</p></div>tail one"
    "<section id='infinitescroll-2'><h1>Own headline</h1><p>The article</p></section>"
    "<aside class='x mvp-post-add-box'><h1>Appended</h1><p>Another post</p></aside>"
    "<div class='scrollbar'><p>kept: no pattern</p></div>"
    "<div class='infinite-scroll'><div class='elementor-share-buttons'>Share</div>tail two</div>"
    "<div class='elementor-share-buttons wrap'>Share</div>tail three"
    "<span class='infinite-scroll'>not a box</span>"
    "<div id='comments'><p>A comment</p></div><div id='commentary'><p>An essay</p></div>"
    "<ul class='comment-list'><li>c1</li></ul><ol id='Comments-2'><li>c2</li></ol>"
    "<ul id='disqus_thread'><li>kept: a list needs a comment id</li></ul><div id='disqus_thread'>d</div>"
    "<section class='post-comments'><p>pc</p></section><details class='x article-comments'>ac</details>"
    "<div class='no-comments-here'>kept</div><p id='comment-3'>kept: not a box</p>"
    "</body></html>"
)


def test_the_installed_trafilatura_is_pruned_without_its_slow_xpaths() -> None:
    # A trafilatura whose XPaths changed falls back to them (correct, slower): this says so.
    assert engine.fast_pruning()


@pytest.mark.parametrize("html", [PRUNE_PAGE, *PAGES.values()])
def test_pruning_selects_as_trafilaturas_xpaths(html: str) -> None:
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    tree = lxml.html.document_fromstring(html)
    want = prune_unwanted_nodes(copy(tree), RAW_TREE_PRUNE_XPATH)
    got = engine.prune_raw(copy(tree))
    assert lxml.etree.tostring(got) == lxml.etree.tostring(want)
    assert lxml.etree.tostring(engine.prune_comments(got)) == lxml.etree.tostring(prune_unwanted_nodes(want, REMOVE_COMMENTS_AND_LISTS_XPATH))


def test_pruning_of_the_fixture_pages_is_trafilaturas() -> None:
    from pathlib import Path

    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    pages = sorted(Path(__file__).resolve().parents[1].glob("fixtures/*/capture.html"))
    assert pages
    for path in pages:
        tree = lxml.html.document_fromstring(path.read_bytes())
        want = prune_unwanted_nodes(prune_unwanted_nodes(copy(tree), RAW_TREE_PRUNE_XPATH), REMOVE_COMMENTS_AND_LISTS_XPATH)
        assert lxml.etree.tostring(engine.prune_comments(engine.prune_raw(copy(tree)))) == lxml.etree.tostring(want), path


def test_a_trafilatura_whose_xpaths_changed_is_pruned_by_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fallback: trafilatura's own XPaths, as bare_extraction prunes.
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    monkeypatch.setattr(engine, "fast_pruning", lambda: False)
    tree = lxml.html.document_fromstring(PRUNE_PAGE)
    want = prune_unwanted_nodes(prune_unwanted_nodes(copy(tree), RAW_TREE_PRUNE_XPATH), REMOVE_COMMENTS_AND_LISTS_XPATH)
    assert lxml.etree.tostring(engine.prune_comments(engine.prune_raw(copy(tree)))) == lxml.etree.tostring(want)
    page = engine.Page(lxml.html.document_fromstring(PAGES["article"]))
    assert _xml(page.read(engine.options(DEFAULT, None, True, False))) == _alone(PAGES["article"], None, True, False, False)
