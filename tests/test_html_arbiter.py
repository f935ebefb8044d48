"""The block arbiter: its candidates, its votes, and how its decisions change the body."""
from __future__ import annotations

from dataclasses import replace

import lxml.html
import numpy as np

from cleaner import default_rules
from cleaner.classify.learned import Model
from cleaner.html import arbiter
from cleaner.model import Block, BlockKind, Drop, DropSource
from cleaner.pipeline import clean_text
from cleaner.settings import DEFAULT

PAGE = """<html><body>
<nav class="menu"><a href="/">Home</a> <a href="/b">Blog</a></nav>
<div class="post"><p>The first paragraph of the story, which every reading keeps.</p>
<div>A paragraph <b>without</b> a p element that <a href="/x">one</a> reading missed.</div></div>
<footer><p>Copyright 2026 The Example Company, all rights reserved.</p></footer>
</body></html>"""


def _root() -> lxml.html.HtmlElement:
    return lxml.html.fromstring(PAGE).find("body")


def _by_vote(reading: str, slope: float = 40.0) -> tuple[Model, float, float]:
    """A model whose probability is the named reading's vote, sharpened: p = 1 above 0.5."""
    n = len(arbiter.NAMES)
    w = np.zeros(n)
    w[arbiter.NAMES.index(f"vote_{reading}")] = slope
    w[0] = -slope / 2
    small = 1e-3
    return Model(np.zeros(n), np.ones(n), (w * small)[:, None], np.zeros(1), np.array([1.0 / small]), 0.0, 0.5), 0.5, 0.5


def test_candidates_are_block_elements_with_their_inline_text():
    cands = arbiter.candidates(_root())
    assert [c.text for c in cands] == [
        "Home Blog",
        "The first paragraph of the story, which every reading keeps.",
        "A paragraph without a p element that one reading missed.",
        "Copyright 2026 The Example Company, all rights reserved.",
    ]
    nav, _, inline, footer = cands
    assert nav.link_chars == len("HomeBlog")
    assert inline.link_chars == len("one")
    rows = arbiter.features(cands, [set(), set(), set()])
    assert rows[0, arbiter.NAMES.index("words_nav")] == 1.0
    assert rows[3, arbiter.NAMES.index("in_chrome")] == 1.0
    assert rows[1, arbiter.NAMES.index("words_content")] == 1.0  # class="post"
    assert rows[1, arbiter.NAMES.index("tag_paragraph")] == 1.0


def test_votes_are_the_share_of_word_pairs_a_reading_holds():
    cand = arbiter.candidates(lxml.html.fromstring("<div><p>one two three</p></div>"))[0]
    assert arbiter.vote(cand, arbiter.reading_set("one two")) == 0.5
    assert arbiter.vote(cand, arbiter.reading_set("xx one two three yy")) == 1.0


def _cleaner_blocks(root: lxml.html.HtmlElement) -> tuple[list[Block], list[object]]:
    p = root.find(".//p")
    text = p.text
    footer = root.find("footer/p")
    blocks = [Block(BlockKind.PARAGRAPH, text, text, 3, 3), Block(BlockKind.PARAGRAPH, footer.text, footer.text, 5, 5)]
    return blocks, [p, footer]


def test_the_arbiter_adds_what_it_accepts_and_drops_what_it_rejects():
    root = _root()
    blocks, sources = _cleaner_blocks(root)
    resiliparse = "The first paragraph of the story, which every reading keeps.\nA paragraph without a p element that one reading missed."
    arbiter.arbitrate(root, blocks, sources, resiliparse, _by_vote("resiliparse"))
    kept = [b.text for b in blocks if b.drop is None]
    assert kept == [
        "The first paragraph of the story, which every reading keeps.",
        "A paragraph without a p element that one reading missed.",
    ]
    footer = next(b for b in blocks if b.text.startswith("Copyright"))
    assert footer.drop is not None and footer.drop.reason.startswith("arbiter")
    assert len(sources) == len(blocks)


def test_the_arbiter_adds_only_where_the_cleaner_is_short_of_resiliparse():
    # The cleaner holds 18 of the page's 31 words, resiliparse 21: a share of 0.86.
    resiliparse = "The first paragraph of the story, which every reading keeps.\nA paragraph without a p element that one reading missed."
    root = _root()
    blocks, sources = _cleaner_blocks(root)
    arbiter.arbitrate(root, blocks, sources, resiliparse, _by_vote("resiliparse"), add_max_share=0.5)
    assert not any(b.text.startswith("A paragraph without") for b in blocks)
    assert next(b for b in blocks if b.text.startswith("Copyright")).drop is not None  # dropping is not bounded
    # Holding the footer alone (8 words), it is short: 8 < 0.5 * 21.
    root = _root()
    blocks, sources = _cleaner_blocks(root)
    del blocks[0], sources[0]
    arbiter.arbitrate(root, blocks, sources, resiliparse, _by_vote("resiliparse"), add_max_share=0.5)
    assert [b.text for b in blocks if b.drop is None] == [
        "The first paragraph of the story, which every reading keeps.",
        "A paragraph without a p element that one reading missed.",
    ]


def test_the_arbiter_never_revives_a_rule_or_metadata_drop():
    root = _root()
    blocks, sources = _cleaner_blocks(root)
    blocks[1].drop = Drop(DropSource.RULE, "footer-copyright")
    arbiter.arbitrate(root, blocks, sources, "Copyright 2026 The Example Company, all rights reserved.", _by_vote("resiliparse"))
    assert blocks[1].drop == Drop(DropSource.RULE, "footer-copyright")
    assert sum(1 for b in blocks if b.text.startswith("Copyright")) == 1


def test_the_shipped_model_reads_the_features_of_the_code():
    loaded = arbiter.load()
    assert loaded is not None
    model, drop_below, add_from = loaded
    assert model.hidden.shape[0] == len(arbiter.NAMES)
    assert 0.0 <= drop_below <= 1.0 and 0.0 <= add_from <= 1.01  # 1.01: never add


def test_the_pipeline_runs_the_arbiter_only_when_asked():
    html = PAGE.encode()
    on = clean_text(html, kind="html", rules=default_rules(), settings=replace(DEFAULT, html_arbiter=True))
    collect: list = []
    clean_text(html, kind="html", rules=default_rules(), settings=replace(DEFAULT, html_arbiter=False), collect=collect)
    assert len(collect) == 1 and collect[0].cands[0].text.startswith("The first paragraph")  # the DOM rules pruned the nav
    assert "The first paragraph of the story" in on.text


def test_a_blocks_region_votes_are_its_own_sections() -> None:
    # Two sections side by side: the kept one's paragraphs see only kept neighbours, the
    # other's only dropped ones. Ancestors keyed by the id of a freed lxml proxy mixed them.
    para = "The committee met on Tuesday and agreed on the budget for the coming year."
    section = "<section><div>" + "".join(f"<p>{para} WHICH {i}.</p>" for i in range(4)) + "</div></section>"
    root = lxml.html.fromstring("<html><body><main>" + section.replace("WHICH", "kept") + section.replace("WHICH", "other") + "</main></body></html>")
    body = root.find("body")
    cands = arbiter.candidates(body)
    assert len(cands) == 8
    votes = np.array([[1.0] if i < 4 else [0.0] for i in range(8)])
    words = np.array([float(len(c.tokens)) for c in cands])
    out = arbiter._context(cands, votes, words)
    # around1 (the <div>) and around2 (the <section>): the other three paragraphs of the same section
    assert list(out[:4, 0]) == [1.0] * 4 and list(out[4:, 0]) == [0.0] * 4
    assert list(out[:4, 1]) == [1.0] * 4 and list(out[4:, 1]) == [0.0] * 4
