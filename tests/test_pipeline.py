"""The pipeline's own steps on text captures: the main-run fallback and the headline lines
of pages without prose."""
from __future__ import annotations

from cleaner import clean
from cleaner.model import Block, BlockKind, Drop, DropSource
from cleaner.pipeline import _keep_main_run
from cleaner.settings import DEFAULT

ITEMS = [
    "Trail Runner 2 hiking boots, tested on wet rock",
    "Compact travel kettle with a folding handle",
    "Wool socks that kept their shape after fifty washes",
    "A rain jacket for cyclists with taped seams",
    "Insulated bottle that keeps tea hot all day",
    "Headlamp with a red light mode for night walks",
]
LISTING = "\n\n".join([
    "Latest reviews | Example Shop",
    "[Home](/) [Shop](/shop) [Reviews](/reviews) [About](/about) [Contact](/contact)",
    "# Latest reviews",
    *(f"[{item}](/r/{n})" for n, item in enumerate(ITEMS)),
    "[Privacy](/privacy) [Terms](/terms)",
]) + "\n"


def test_a_list_of_items_is_not_peeled_away_by_the_settling_readings() -> None:
    # Read again on its own, each new first item looked like a <title> and the next like its
    # standfirst: the list lost two items a reading until nothing was left.
    doc = clean(LISTING, kind="markdown")
    for item in ITEMS:
        assert item in doc.text
    assert doc.title == "Latest reviews"
    assert clean(doc.text).text == doc.text


def _block(text: str, line: int, drop: Drop | None = None) -> Block:
    block = Block(BlockKind.PARAGRAPH, text, text, line, line)
    block.drop = drop
    return block


MENU = Drop(DropSource.CLASSIFIER, "short")
TEASER = Drop(DropSource.CLASSIFIER, "link-density")


def _page(drop_items: Drop | None) -> list[Block]:
    menu = [_block(w, i + 1, MENU) for i, w in enumerate(["Home", "Shop", "Reviews", "About", "Contact", "Help"])]
    items = [_block(item, 10 + i, drop_items) for i, item in enumerate(ITEMS)]
    footer = [_block(w, 30 + i, MENU) for i, w in enumerate(["Privacy", "Terms", "Cookies", "Sitemap"])]
    return menu + items + footer


def test_the_main_run_comes_back_when_the_classifier_keeps_almost_nothing() -> None:
    blocks = _page(TEASER)
    _keep_main_run(blocks, DEFAULT)
    assert [b.text for b in blocks if b.drop is None] == ITEMS  # the menu and the footer stay out


def test_the_main_run_is_left_alone_when_the_classifier_kept_enough() -> None:
    blocks = _page(None)
    blocks[10].drop = TEASER  # one item dropped: the rest is well over the share
    _keep_main_run(blocks, DEFAULT)
    assert blocks[10].drop is TEASER


def test_the_fallback_never_takes_back_a_rule_drop_or_a_fact() -> None:
    blocks = _page(TEASER)
    ruled = Drop(DropSource.RULE, "generic.share")
    blocks[7].drop = ruled
    blocks[8].drop = Drop(DropSource.CLASSIFIER, "duplicate")
    _keep_main_run(blocks, DEFAULT)
    assert blocks[7].drop is ruled and blocks[8].drop.reason == "duplicate"
    assert blocks[6].drop is None and blocks[9].drop is None
