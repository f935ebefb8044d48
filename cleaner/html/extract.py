"""The main content of a parsed page -> Blocks, with trafilatura as the engine.

trafilatura picks the article region and cleans it into a small XML vocabulary (head,
p, list/item, quote, table/row/cell, code, hi, ref, lb). Each of its block elements
becomes one Block per line break, of the matching kind, with its link text counted.
Every Block is aligned back to the source element it came from, which gives its line
span and lets later steps look at the DOM around it (figures, captions, asides).
"""
from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

import lxml.etree
import lxml.html

from ..model import Block, BlockKind
from ..render import code_block, code_span, escape_line_start, escape_markdown, markdown_line, markdown_target
from ..settings import Settings
from ..text.inline import INVISIBLE, SENTENCE_END, normalize_space, real_target
from . import engine

# trafilatura logs "discarding data" for every short page; the pipeline reports empty
# results itself. A NullHandler keeps Python's last-resort stderr handler quiet without
# touching handlers an application configures on the root logger.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
logging.getLogger("htmldate").addHandler(logging.NullHandler())

_HEADING_LEVEL = re.compile(r"h([1-6])")
_EMPHASIS = {"#b": "**", "#strong": "**", "#i": "*", "#em": "*"}
_SPACE = re.compile(r"\s+")
_ALIGN_CHARS = 40  # characters (spaces removed) of a block used to find it in the source
# A letter, sentence punctuation, a letter: where trafilatura's tree may have lost the space
# the page shows between two of its text nodes ("plate.<br></b>Aim", "<b>Note:</b> Then",
# a question's <div> and its answer's). Only the places the page itself spaces are changed.
_GLUED = re.compile(r"[.!?:](?=[^\W\d_])")
# The test every block of a reading takes, one stop at a time: a pattern that opens with a
# literal is searched several times faster than one that opens with a set of them.
_GLUED_DOT = re.compile(r"\.(?=[^\W\d_])")
_GLUED_OTHER = tuple((stop, re.compile(re.escape(stop) + r"(?=[^\W\d_])")) for stop in "?!:")
# The same places in a block's markdown, where a mark or a link's end may sit beside the stop.
_MARK = r"(?:\*{1,3}|_{1,3}|`+|\]\([^()\s]*\))?"
_GLUED_MD = re.compile(rf"{_MARK}[.!?:]{_MARK}(?=[^\W\d_])")
# Characters (spaces removed) each side of a run-together pair that must read as the page
# does. Initial value: enough to place each pair of the pages read (w0073, w0112, w0044).
_RESPACE_CONTEXT_CHARS = 8
# Levels above each of the two texts that their common element may sit. w0112's question
# and answer sit 4 and 2 levels below their list item; farther up, the element's text is
# long to read for one pair.
_RESPACE_MAX_LEVELS = 4
# What respacing may read and search on one page, in characters: this many times the page's
# text (spaces removed), plus a floor for short pages. A bound for hostile pages, not a tuned
# value: on every HTML page of both corpora (1,678) it is never reached.
_RESPACE_BUDGET_PAGE_TIMES = 2
_RESPACE_BUDGET_MIN_CHARS = 10_000


@dataclass
class Extraction:
    """The Blocks of the main content and, for each, the source element it was aligned to."""

    blocks: list[Block] = field(default_factory=list)
    sources: list[Any] = field(default_factory=list)  # lxml element or None, parallel to blocks
    engine: str = "trafilatura"
    dump: bool = False  # the reading is the engine's dump of the whole page's text (engine.is_dump)


def run_engine(tree: Any, url: str | None, settings: Settings, fast: bool | None = None, recall: bool | None = None) -> Any:
    """trafilatura's body element for the tree (which it copies, not changes), or None.
    tree: an lxml tree, or an engine.Page, whose readings share their first steps.
    fast, recall: None for settings.html_engine_fast, settings.html_engine_favor_recall."""
    if isinstance(tree, engine.Page):
        return tree.read(engine.options(settings, url, fast, recall))
    from trafilatura import bare_extraction

    document = bare_extraction(
        tree,
        url=url,
        fast=settings.html_engine_fast if fast is None else fast,
        favor_precision=settings.html_engine_favor_precision,
        favor_recall=settings.html_engine_favor_recall if recall is None else recall,
        include_comments=False,
        include_tables=True,
        include_images=False,
        # Links off: with include_links trafilatura 2.3 splits paragraphs at links and
        # loses link text (dev bench F1 0.962 -> 0.958). Link share is read from the
        # source DOM instead. (engine._options passes the same.)
        include_links=False,
        include_formatting=True,
        deduplicate=False,
        with_metadata=False,
        output_format="xml",  # the body tree only: "python" also renders it as text, unused here
    )
    # A dict only with as_dict=True, which is not asked for.
    return None if document is None or isinstance(document, dict) else document.body


def load_engine_stoplist() -> None:
    """The engine's full reading (_fallback) may run jusText over the union of all its
    stoplists, which trafilatura builds on first use: about 0.5 s, once per process.
    batch.warm_up loads it before a worker's first document, so that no document's time
    limit pays for it."""
    from trafilatura import external

    if external.JT_STOPLIST is None:
        external.jt_stoplist_init()


def extract(
    tree: lxml.html.HtmlElement, url: str | None, settings: Settings, json_ld: Sequence[str] = (), unpruned: Callable[[], Any] | None = None,
    shown: int | None = None, product: bool = False, microdata: bool = True,
) -> Extraction:
    """json_ld: the text of the page's ld+json scripts (parse removed the scripts).
    unpruned: gives the page's tree before the DOM rules pruned it, for _fallback.
    shown: the page's visible text before the DOM rules (characters without whitespace);
    None: the tree's own. microdata: whether the page's source names a schema.org Product
    (PRODUCT_TYPE), which product_description looks for."""
    # trafilatura reads a thread's posts as its content, not as comments to prune, when the
    # page declares a schema.org DiscussionForumPosting in an ld+json script: those
    # declarations go back into the tree while the engine reads it.
    declared = [_ld_script(text) for text in thread_declarations(json_ld)]
    holder = tree.find("body") if tree.find("body") is not None else tree
    visible = chars_of(holder) if shown is None else shown  # the DOM rules only take text away
    holder.extend(declared)
    try:
        page = engine.Page(tree)  # the readings below share their first steps
        body = first = run_engine(page, url, settings)
        if engine.is_blob(first, settings):
            body = first = _structured(page, url, first, settings)
        if settings.html_engine_fast and settings.html_fallback_max_share > 0:
            body = _fallback(page, url, body, visible, settings)
        if body is first and settings.html_gap_min_share > 0:
            body = _filled(page, url, body, settings)
        if not page.forum and chars_of(body) < settings.html_discussion_max_chars:
            body = _discussion(tree, page, body, url, visible, settings)
    finally:
        for script in declared:
            holder.remove(script)
    if unpruned is not None and settings.html_unpruned_min_gain > 0 and chars_of(body) < settings.html_fallback_max_share * visible:
        # Every reading of the pruned page is small: pruning may have taken what the engine
        # needed to find the main content (a wrapper a chrome selector matched, a header
        # whose removal moves its choice). Read the page as parsed and take that reading
        # when it holds html_unpruned_min_gain times as much.
        whole = unpruned()
        wide = run_engine(whole, url, settings, fast=False)
        if chars_of(wide) >= settings.html_unpruned_min_gain * max(chars_of(body), 1):
            body, tree = wide, whole
    if body is None or not any(t.strip() for t in body.itertext()):
        return Extraction()
    out = _aligned(body, tree)
    out.dump = engine.is_dump(body)
    main = main_container(out)
    if main is not None and settings.html_spare_min_paragraphs > 0 and (wide := _spared(tree, url, body, main, settings)) is not None:
        out = _aligned(wide, tree)
        main = main_container(out)
    if main is not None:
        added = continuations(tree, main, out, settings) if settings.html_continuations else []
        added += sections(tree, main, out, added, settings, json_ld)
        added += embedded_posts([main] + [src for _, src in added], out)
        _merge(out, added)
        fill_gaps(tree, out, settings)
    if settings.html_grid_min_items > 0 and not product:
        _read_grid(tree, out, visible, settings)
    if settings.html_description_min_chars > 0 and microdata and (description := product_description(tree)) is not None:
        _read_description(description, out, settings)
    if settings.html_restore_repeats:
        restore_repeats(tree, out, settings.html_prose_min_chars)
    return out


# Class names that show or hide a box by screen width: Bootstrap's d-none, d-md-block and
# hidden-xs, Tailwind's md:hidden, Elementor's elementor-hidden-mobile, Framer's
# hidden-1rq27kw, Webflow's w-condition-invisible, and names such as desktop-content or
# filter-tabs__mobile.
RESPONSIVE = re.compile(
    r"(?:^|\s)(?:d-(?:(?:sm|md|lg|xl|xxl)-)?none|d-(?:sm|md|lg|xl|xxl)-\w+|hidden-\w+|visible-\w+|\w+:(?:hidden|block|flex)|w-condition-invisible"
    r"|elementor-hidden-\w+|(?:show|hide)-(?:for|on)-[\w-]+|[\w-]*(?:\b|_)(?:mobile|desktop|tablet)(?:\b|_)[\w-]*)(?=\s|$)",
    re.I,
)


def restore_repeats(tree: Any, out: Extraction, max_chars: int) -> None:
    """Put back the copies of a kept line that the engine left out as repeats. trafilatura's
    wild-text recovery keeps one element of each text, so a grid whose cards each print their
    series' line, or price plans that share their terms, keep that line in the first card
    alone. An element outside the reading that prints a kept block's text, under a parent of
    the kept element's tag and class (another card of the same grid) that holds other lines
    of the reading, is read where it stands. Copies elsewhere (a menu, a layout for another
    screen width) are in no card the reading took from, and stay out; so do a line of
    max_chars or more (a paragraph printed twice is more often a second layout's copy than a
    card's line), a field's <dt> label, and a copy under a class that shows it by screen
    width (RESPONSIVE). Code and quotes are left alone: the engine reads them whole. Only the
    children of the kept elements' parents are read, not the whole page."""
    shapes: dict[tuple[str, str | None], dict[str, set[tuple[Any, str | None]]]] = {}  # (tag, class) -> text -> parents' shapes
    kept_in: dict[Any, set[str]] = {}  # each parent of a kept element -> the texts kept there
    for block, src in zip(out.blocks, out.sources):
        if src is None or not isinstance(src.tag, str) or (parent := src.getparent()) is None:
            continue
        key = block.text.replace(" ", "")  # a block's text is single-spaced
        kept_in.setdefault(parent, set()).add(key)
        if block.kind not in _NOT_RESTORED and len(block.text) < max_chars:
            shapes.setdefault((src.tag, src.get("class")), {}).setdefault(key, set()).add((parent.tag, parent.get("class")))
    if not shapes:
        return
    kept = {src for src in out.sources if src is not None}
    leads = {key[:_LEAD_CHARS] for texts in shapes.values() for key in texts}
    after: dict[Any, list[tuple[Block, Any]]] = {}  # by the kept element they follow in the page
    for parent, others in kept_in.items():
        shape = (parent.tag, parent.get("class"))
        for el in parent:
            texts = shapes.get((el.tag, el.get("class")))
            if not texts or el in kept:
                continue
            lead = "".join((el.text or "").split())[:_LEAD_CHARS]
            if len(lead) == _LEAD_CHARS and lead not in leads:
                continue  # its text starts otherwise than every kept line's (read without text_of)
            key = "".join(text_of(el).split())
            if shape not in texts.get(key, ()) or not others - {key}:
                continue
            if any(d in kept for d in el.iterdescendants()) or any(a in kept for a in el.iterancestors()):
                continue
            if el.tag == "dt" or any(RESPONSIVE.search(a.get("class") or "") for a in el.iterancestors()):
                continue  # a field's label, or a copy for another screen width
            after.setdefault(_kept_before(el, kept), []).extend(dom_blocks(el))
    _splice(out, after=after)


def _splice(out: Extraction, before: dict[Any, list[tuple[Block, Any]]] | None = None,
            after: dict[Any, list[tuple[Block, Any]]] | None = None) -> None:
    """Put added blocks among the reading's where they stand in the page, by the reading's
    element next to them: before[src] in front of src's first block, after[src] behind its
    last, after[None] (nothing of the reading comes before them) at the start. Exact where
    _merge, which sorts by source line, is not: a minified page sets every card on one line."""
    before, after = before or {}, after or {}
    if not before and not after:
        return
    last = {src: n for n, src in enumerate(out.sources) if src is not None}
    merged: list[tuple[Block, Any]] = list(after.pop(None, ()))
    for n, (block, src) in enumerate(zip(out.blocks, out.sources)):
        merged.extend(before.pop(src, ()))
        merged.append((block, src))
        if src is not None and last[src] == n and src in after:
            merged.extend(after.pop(src))
    out.blocks = [b for b, _ in merged]
    out.sources = [src for _, src in merged]


def _kept_before(el: Any, kept: set[Any]) -> Any:
    """The element of the reading that comes last before el in the page (None: none does):
    the last one in a preceding sibling's subtree, else a kept ancestor, walking up."""
    node = el
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            inside = [d for d in sibling.iterdescendants() if d in kept]
            if inside:
                return inside[-1]
            if sibling in kept:
                return sibling
        node = node.getparent()
        if node is not None and node in kept:
            return node
    return None


_NOT_RESTORED = (BlockKind.CODE, BlockKind.QUOTE)
_LEAD_CHARS = 8  # a key's first characters, a test that changes no output: a match needs them


_DESCRIPTIONS = lxml.etree.XPath("//*[@itemprop='description']")


def product_description(tree: Any) -> Any:
    """The element the page marks (microdata) as its one product's description: an
    itemprop="description" whose item is a schema.org Product. None when there are none
    or several (a collection's cards)."""
    found = []
    for el in _DESCRIPTIONS(tree):
        if el.tag in ("meta", "link"):
            continue
        item = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
        kind = (item.get("itemtype") or item.get("datatype") or "") if item is not None else ""
        if kind.rstrip("/").endswith("schema.org/Product"):
            found.append(el)
    return found[0] if len(found) == 1 else None


def _read_description(el: Any, out: Extraction, settings: Settings) -> None:
    """A product's declared description that the reading mostly lacks (it settled on the
    shop's testimonials, or on the specifications beside it) joins it, in page order."""
    blocks = list(dom_blocks(el))
    have = {_SPACE.sub("", b.text) for b in out.blocks}
    added = [(b, src) for b, src in blocks if _SPACE.sub("", b.text) not in have]
    total = sum(map(_bare_len, (b for b, _ in blocks)))
    if total >= settings.html_description_min_chars and sum(_bare_len(b) for b, _ in added) >= settings.html_description_min_missing_share * total:
        _merge(out, added)


# Where a grid of like items is never the main content: the page's chrome (and dialogs,
# _off_main), and boxes named for what visitors wrote (a grid of comments or reviews is
# not the listing).
_NOT_MAIN = frozenset(("nav", "header", "footer", "aside"))
_CHATTER = re.compile(r"(?<![a-z])(?:comment|review|testimonial)", re.I)  # not "preview"


def _bare_len(block: Block) -> int:
    """A block's characters without spaces (its text is single-spaced)."""
    return len(block.text) - block.text.count(" ")


def _named_chatter(el: Any) -> bool:
    return _CHATTER.search((el.get("class") or "") + " " + (el.get("id") or "")) is not None


def _off_main(el: Any) -> bool:
    """The page's chrome, or a dialog over the page (a consent manager's categories)."""
    return el.tag in _NOT_MAIN or el.get("role") in ("dialog", "alertdialog") or el.get("aria-modal") == "true"


def _prose_count(blocks: list[Block], settings: Settings) -> int:
    """The paragraphs of html_prose_min_chars or more that end a sentence."""
    return sum(1 for b in blocks if b.kind is BlockKind.PARAGRAPH and len(b.text) >= settings.html_prose_min_chars and SENTENCE_END.search(b.text))


def _prose_chars(blocks: list[tuple[Block, Any]], settings: Settings) -> int:
    """The characters of a box's paragraphs of html_prose_min_chars or more: how much it
    reads as prose, for a continuation or a section."""
    return sum(len(b.text) for b, _ in blocks if b.kind is BlockKind.PARAGRAPH and len(b.text) >= settings.html_prose_min_chars)


def _read_grid(tree: Any, out: Extraction, visible: int, settings: Settings) -> None:
    """Every reading came out small beside the page: a listing's or a shop's grid of cards
    whose text sits in links, which trafilatura passes over for a column of prose beside
    it. The grid's items (card_grid) join the reading when they hold much more than it
    does, and the reading is neither an article nor one of the items (settings:
    html_grid_*)."""
    got = sum(map(_bare_len, out.blocks))
    if got >= settings.html_fallback_max_share * visible:
        return
    if _prose_count(out.blocks, settings) > settings.html_grid_max_prose:
        return
    grid = card_grid(tree, settings)
    if grid is None:
        return
    items, chars = grid
    if chars < max(settings.html_grid_min_gain * got, settings.html_grid_min_share * visible):
        return
    # The reading may be one of the items itself (an article in the second of a column's
    # rows): then the others are not its content.
    owner = {item: n for n, item in enumerate(items)}  # keyed by element: the list keeps each alive
    per_item: Counter[int] = Counter()
    for block, src in zip(out.blocks, out.sources):
        for a in chain((src,), src.iterancestors()) if src is not None else ():
            if a in owner:
                per_item[owner[a]] += _bare_len(block)
                break
    if per_item and per_item.most_common(1)[0][1] > settings.html_grid_max_reading_in_item_share * got:
        return
    have = {_SPACE.sub("", b.text) for b in out.blocks}
    added = [(b, src) for item in items for b, src in dom_blocks(item) if _SPACE.sub("", b.text) not in have]
    _merge(out, added)


def card_grid(tree: Any, settings: Settings) -> tuple[list[Any], int] | None:
    """The page's largest grid of like items and its characters: siblings of one tag and
    class (unclassed ones only in a named box), html_grid_min_items or more to a box, taken
    over every box of one tag and class (a listing printed in sections), of a card's size,
    none holding half of the text, most of two lines or more."""
    least = settings.html_grid_min_items
    grids: dict[tuple[Any, ...], list[Any]] = {}
    for el in tree.iter():
        if len(el) < least or not isinstance(el.tag, str):
            continue
        (sig, n), = Counter([_item_sig(c) for c in el if isinstance(c.tag, str)]).most_common(1)
        if n >= least and ((sig[1] or "").strip() or el.get("class") or el.get("id")):
            grids.setdefault((el.tag, el.get("class"), *sig), []).append(el)
    # The keys with the most items first: a large grid found early rules out the small ones
    # without counting their text.
    candidates = []
    for (_, _, tag, cls), boxes in grids.items():
        items = [c for el in boxes for c in el if isinstance(c.tag, str) and _item_sig(c) == (tag, cls)]
        if len(items) >= least and not _CHATTER.search(cls or ""):
            candidates.append((len(items), boxes, items))
    candidates.sort(key=lambda candidate: -candidate[0])
    best: tuple[list[Any], int] | None = None
    for count, boxes, items in candidates:
        if best is not None and count * settings.html_grid_max_item_chars <= best[1]:
            break  # no later key can hold more and keep to a card's size
        if len(boxes) > 1:  # a box nested in another's item (a menu's submenus) is read with it
            within = set(items)
            nested = {el for el in boxes if any(a in within for a in el.iterancestors())}
            if nested:
                items = [c for c in items if c.getparent() not in nested]
        sizes = list(map(chars_of, items))
        chars = sum(sizes)
        if best is not None and chars <= best[1]:
            continue
        levels = settings.html_grid_name_levels
        kept = {el for el in boxes if not any(map(_off_main, chain((el,), el.iterancestors())))
                and not any(map(_named_chatter, chain((el,), islice(el.iterancestors(), levels))))}
        if len(kept) < len(boxes):
            sizes = [size for c, size in zip(items, sizes) if c.getparent() in kept]
            items = [c for c in items if c.getparent() in kept]
            chars = sum(sizes)
            if len(items) < least or (best is not None and chars <= best[1]):
                continue
        if not settings.html_grid_min_item_chars * len(items) <= chars <= settings.html_grid_max_item_chars * len(items):
            continue
        # Like items: none holds half of the text (one box and its empty siblings is no
        # grid), and most print two lines or more (a card, not a menu's link).
        if max(sizes) > settings.html_grid_max_item_share * chars:
            continue
        cards = sum(1 for c in items if next(islice((t for t in c.itertext() if t.strip()), 1, None), None) is not None)
        if cards < least or cards < settings.html_grid_min_card_share * len(items):
            continue
        best = (items, chars)
    return best


def _item_sig(el: Any) -> tuple[str, str | None]:
    """A grid item's tag and class. A definition list's term goes with its definitions:
    an entry of a listing printed as <dt>/<dd> pairs is both (its title, then its summary)."""
    return ("dd" if el.tag == "dt" else el.tag, el.get("class"))


def _aligned(body: Any, tree: Any) -> Extraction:
    """The Blocks of an engine reading, each aligned to its source element in tree."""
    root = tree.find("body")
    index = SourceIndex(root if root is not None else tree)
    out = Extraction()
    out.blocks = split_dumps(list(body_blocks(body)), index)
    index.align(out)
    return out


_DISCUSSION = "DiscussionForumPosting"


def thread_declarations(json_ld: Sequence[str]) -> list[str]:
    """The page's ld+json scripts that declare a discussion thread (a schema.org
    DiscussionForumPosting): there the posts are the content."""
    return [text for text in json_ld if _DISCUSSION in text]


def _ld_script(text: str) -> Any:
    script = lxml.html.Element("script", type="application/ld+json")
    script.text = text
    return script


# An element's text (all its text nodes, as "".join(el.itertext()) gives them) read in C: the
# page's whole body is read this way once or twice a page, which took 3% of the HTML path's
# time through itertext.
_TEXT = lxml.etree.XPath("string()", smart_strings=False)


def squeezed(el: Any) -> str:
    """An element's text with its whitespace left out (one split, not one per text node)."""
    return "".join(_TEXT(el).split())


def chars_of(el: Any) -> int:
    """Characters of an element's text, whitespace left out."""
    return 0 if el is None else len(squeezed(el))


def _discussion(tree: Any, page: engine.Page, body: Any, url: str | None, visible: int, settings: Settings) -> Any:
    """A reading of next to nothing on a page that declares no thread, whose comment boxes
    (pruned for the reading) hold at least html_discussion_max_chars: a link shared for
    discussion, whose comments are what the page holds. They are read as its posts, and
    that reading is taken when it holds more."""
    thread = engine.Page(tree, forum=True)
    if thread.tree is None or page.tree is None or chars_of(thread.tree) - chars_of(page.tree) < settings.html_discussion_max_chars:
        return body
    posts = run_engine(thread, url, settings)
    if settings.html_engine_fast and settings.html_fallback_max_share > 0:
        posts = _fallback(thread, url, posts, visible, settings)
    return posts if chars_of(posts) > chars_of(body) else body


def _structured(page: engine.Page, url: str | None, blob: Any, settings: Settings) -> Any:
    """A reading that keeps the page's paragraphs and headings apart, in place of the fast
    reading's baseline blob (engine.is_blob): the full reading, else the fast reading
    favouring recall, when it holds at least html_blob_min_kept_share of the blob's text;
    else the blob's <article> elements as a dump (engine.Page.article_dump), when they hold
    its text."""
    text = squeezed(blob)
    for fast, recall in ((False, None), (None, True)):
        other = run_engine(page, url, settings, fast=fast, recall=recall)
        if other is None or engine.is_blob(other, settings) or engine.is_dump(other):
            continue
        if chars_of(other) >= settings.html_blob_min_kept_share * len(text):
            return other
    # No reading keeps them: the blob's own text, a line per text node, which the judge
    # reads as it reads a dump (split a Block per element, chrome lines dropped). Only when
    # the <article> elements hold the blob's text: the baseline's other steps (an ld+json
    # articleBody, a Discourse post's JSON, the page's paragraphs) make blobs of other text.
    dump = page.article_dump()
    return dump if dump is not None and squeezed(dump) == text else blob


def _fallback(page: engine.Page, url: str | None, body: Any, visible: int, settings: Settings) -> Any:
    """trafilatura's fast reading sometimes settles on a small box of a page whose main
    content is elsewhere (a forum's posts, a listing's items, a page built of many
    sections), or on part of an article whose paragraphs sit in several boxes. When its
    reading holds less than html_fallback_max_share of the page's visible text, its full
    reading (which weighs its own choice against readability's and jusText's) is taken
    instead, if that holds more; and if that is still small, the full reading favouring
    recall. A fast reading under html_wider_max_share is read again favouring recall (the
    full reading there as well added wcxb-dev F1 0.0002 for twice the cost), and that
    wider reading replaces it only when it extends it with prose (_extends_with_prose): at
    that size the fast reading has usually found the main content, and a reading that
    merely holds more may hold a sidebar or a data record. It is asked for only when the
    page holds prose the fast reading lacks (_prose_outside). visible: the page's text length."""
    got = chars_of(body)
    if visible == 0 or got >= max(settings.html_fallback_max_share, settings.html_wider_max_share) * visible:
        return body
    small = got < settings.html_fallback_max_share * visible
    first = body
    if small:
        full = run_engine(page, url, settings, fast=False)
        if (chars := chars_of(full)) > got and (not page.forum or _keeps(first, full, settings)):
            body, got = full, chars
            small = got < settings.html_fallback_max_share * visible
    middling = got < settings.html_wider_max_share * visible
    if small or (middling and _prose_outside(page, body, settings) >= settings.html_wider_min_outside_share * got):
        wide = run_engine(page, url, settings, fast=False, recall=True)
        if chars_of(wide) > got and (small and (not page.forum or _keeps(first, wide, settings)) or _extends_with_prose(body, wide, settings)):
            body = wide
    return body


def _filled(page: engine.Page, url: str | None, body: Any, settings: Settings) -> Any:
    """The fast reading, or its reading favouring recall where that fills the gaps the
    fast one left in its own box (_gaps) and keeps its words."""
    if (gaps := _gaps(page, body, settings)) is None:
        return body
    wide = run_engine(page, url, settings, recall=True)
    if chars_of(wide) > chars_of(body) and _keeps(body, wide, settings) and _fills(body, wide, gaps, settings):
        return wide
    return body


# The headings, lists and tables a reading may leave out between its blocks: what
# fill_gaps puts back, and what _gaps looks for in a fast reading's own box. Tables:
# wcxb-dev 0.8587 -> 0.8591 (7 pages up: w2905, a listing's table, 0.26 -> 0.84; w0089
# +0.13; 16 down: w4654 -0.04, the others by 0.01-0.03), bench unchanged with and without
# rules. Quotes and code too: 0.8590 (documentation pages whose truth leaves out their
# code, -0.07 to -0.11).
_GAP_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_GAP_TAGS = (*_GAP_HEADINGS, "ul", "ol", "dl", "table")
# What a reading gathered in one box with no heading of its own gets back (fill_gaps): its
# headings and tables, not its lists (a shop's filters, a book list's sub-lists).
_GAP_HEADLESS = (*_GAP_HEADINGS, "table")


def _gaps(page: engine.Page, reading: Any, settings: Settings) -> str | None:
    """The text (without whitespace) of the subheadings and lists that the box holding
    most of the reading's paragraphs holds beside them and the reading lacks, when they come
    to html_gap_min_share of the reading or more; else None. A fast reading that skips a
    box's own lists and subheadings has read the box in part."""
    if page.tree is None or reading is None:
        return None
    have = squeezed(reading)  # texts without whitespace (str.split: faster than _bare's regex)
    # First the subheadings and lists the reading lacks, by their parent: on most pages no
    # box lacks that much, and the page's paragraphs need not be read (they are many more).
    lacking: dict[Any, int] = {}
    for el in page.tree.iter(*_GAP_TAGS):
        if (parent := el.getparent()) is not None and (text := squeezed(el)) and text not in have:
            lacking[parent] = lacking.get(parent, 0) + len(text)
    if not lacking or max(lacking.values()) < settings.html_gap_min_share * len(have):
        return None
    parents: Counter[Any] = Counter()
    for p in page.tree.iter("p"):
        text = squeezed(p)
        if len(text) >= settings.html_prose_min_chars and text in have:
            parents[p.getparent()] += 1
    if not parents:
        return None
    box = parents.most_common(1)[0][0]
    missing = [t for child in box if child.tag in _GAP_TAGS and (t := squeezed(child)) and t not in have]
    gap = sum(map(len, missing))
    return "".join(missing) if gap >= settings.html_gap_min_share * len(have) else None


def _fills(reading: Any, wider: Any, gaps: str, settings: Settings) -> bool:
    """Whether most of what the wider reading adds is the box's missing text."""
    have = set(_block_texts(reading))
    added = [_bare([t]) for t in _block_texts(wider) if t not in have]
    total = sum(map(len, added))
    inside = sum(len(t) for t in added if t in gaps)
    return total > 0 and inside >= settings.html_wider_min_prose_share * total


def _keeps(reading: Any, other: Any, settings: Settings) -> bool:
    """Whether the other reading keeps html_wider_min_kept_share of the reading's words. On
    a thread (the page declares a DiscussionForumPosting) the fast reading holds the posts,
    however small a share of the page they are: another reading that lacks them has found
    another box of the page (an app's install notes, a sidebar), not the thread."""
    words = set(_TEXT(reading).split())
    return len(words & set(_TEXT(other).split())) >= settings.html_wider_min_kept_share * len(words)


def _extends_with_prose(reading: Any, wider: Any, settings: Settings) -> bool:
    """Whether the wider reading keeps html_wider_min_kept_share of the reading's words
    (the same region, grown: not another box of the page) and html_wider_min_prose_share
    of the text it adds is paragraphs of html_prose_min_chars or more that end a sentence
    and occur once in it (a block repeated is a template's, not an article's)."""
    if reading is None or wider is None:
        return reading is None and wider is not None
    if not _keeps(reading, wider, settings):
        return False
    have = set(_block_texts(reading))
    texts = _block_texts(wider)
    seen = Counter(texts)
    added = [t for t in texts if t not in have]
    total = sum(map(len, added))
    prose = sum(len(t) for t in added if seen[t] == 1 and len(t) >= settings.html_prose_min_chars and SENTENCE_END.search(t))
    return total > 0 and prose >= settings.html_wider_min_prose_share * total


def _prose_outside(page: engine.Page, reading: Any, settings: Settings) -> int:
    """Characters of the page's prose that the reading lacks: paragraphs, and boxes whose
    own text before their first child is at least html_text_box_min_own_chars (a page
    builder's text in a <div>), of html_prose_min_chars or more that end a sentence. A
    wider reading can only add prose the page holds: a reading that already has it all
    is not read again (the trafilatura reading this saves costs a fifth of a page)."""
    if page.tree is None or reading is None:
        return 0
    have = _bare(reading.itertext())
    chars = 0
    for el in page.tree.iter(_PROSE_BOXES):
        if el.tag != "p" and len((el.text or "").strip()) < settings.html_text_box_min_own_chars:
            continue
        text = " ".join(_TEXT(el).split())
        if len(text) >= settings.html_prose_min_chars and SENTENCE_END.search(text) and _bare([text]) not in have:
            chars += len(text)
    return chars


_PROSE_BOXES = ("p", "div", "section", "article", "span", "li", "td", "dd", "blockquote")


def _block_texts(reading: Any) -> list[str]:
    """The text of each of a reading's blocks, whitespace made single spaces."""
    return [text for el in reading.iter(*_READ_BLOCKS, "code") if (text := " ".join(_TEXT(el).split()))]


# Class words trafilatura's discard XPath reads as boilerplate that page builders also put
# on the boxes of an article's text ("ck-widget", "slider", "expandable-container"). The
# clearer words (share, related, nav, footer, ad, comment, author) are left alone.
_LOOSE_WORDS = ("widget", "slide", "expand", "options", "viewport", "overlay", "embed")
_LOOSE_CLASS_WORD = re.compile("|".join(_LOOSE_WORDS))
_LOOSE_BOXES = lxml.etree.XPath(
    ".//*[self::div or self::section or self::span or self::p][" + " or ".join(f"contains(@class, '{w}')" for w in _LOOSE_WORDS) + "]"
)


def spare_prose(boxes: Iterable[Any], near: str, settings: Settings) -> list[tuple[Any, str]]:
    """Take the loose class words (_LOOSE_CLASS_WORD) off those of boxes (outermost first)
    that hold prose, where trafilatura would discard the box for that word alone: at least
    html_spare_min_paragraphs paragraphs of html_prose_min_chars, under
    html_spare_max_link_share link text, beside a paragraph of near (a reading's text
    without whitespace) in the box's parent or grandparent; and the loose boxes inside a
    spared one that hold a paragraph. Boxes in an aside, nav, footer, header or form, and
    boxes of teaser cards, are left as they are. Returns each spared box with its class as
    it was."""
    test = engine.discard_test()
    if test is None:
        return []
    spared: list[tuple[Any, str]] = []
    for el in boxes:
        if any(a is e for a in el.iterancestors() for e, _ in spared):
            continue  # read with the box around it
        if _prose_paragraphs(el, settings) < settings.html_spare_min_paragraphs and not _data_table(el, settings):
            continue
        if el.tag in _NOT_SECTION or any(a.tag in _NOT_SECTION for a in el.iterancestors()) or _teasers(el, settings):
            continue
        if not _beside(el, near) or not test(el) or (old := _unmark(el, test)) is None:
            continue
        spared.append((el, old))
        for inner in _LOOSE_BOXES(el):
            if (_prose_paragraphs(inner, settings) or _data_table(inner, settings)) and test(inner) and (old := _unmark(inner, test)) is not None:
                spared.append((inner, old))
    return spared


def _unmark(el: Any, test: Any) -> str | None:
    """Take the loose class words off el; its class as it was, or None (and el unchanged)
    when another word or its id still has trafilatura discard it."""
    old = el.get("class")
    el.set("class", " ".join(w for w in old.split() if not _LOOSE_CLASS_WORD.search(w)))
    if test(el):
        el.set("class", old)
        return None
    return old


def _near_boxes(main: Any, settings: Settings) -> list[Any]:
    """The loose boxes (a div, section, span or p whose class holds a loose word) down to
    html_spare_depth levels under the main box and each of its html_spare_levels_up
    ancestors, outermost first: where a box beside the reading's paragraphs sits, found
    without a scan of the whole page."""
    anchors = [main, *list(main.iterancestors())[: settings.html_spare_levels_up]]
    found: dict[Any, int] = {}
    for depth, anchor in enumerate(anchors):
        layer = [anchor]
        for level in range(settings.html_spare_depth):
            layer = [child for el in layer for child in el if isinstance(child.tag, str)]
            for el in layer:
                if el.tag in _BOX_TAGS and (cls := el.get("class")) and _LOOSE_CLASS_WORD.search(cls):
                    found.setdefault(el, level - depth)  # lower: nearer the root
    return sorted(found, key=found.__getitem__)


_BOX_TAGS = frozenset(("div", "section", "span", "p"))


def _beside(el: Any, text: str) -> bool:
    """Whether el's parent or grandparent holds a paragraph of text outside el."""
    box = el
    for _ in range(2):
        box = box.getparent()
        if box is None:
            return False
        for p in box.iter("p"):
            if el not in p.iterancestors() and (bare := _bare(p.itertext())) and bare in text:
                return True
    return False


def _bare(texts: Iterable[str]) -> str:
    return _SPACE.sub("", "".join(texts))


def _prose_paragraphs(el: Any, settings: Settings) -> int:
    count = 0
    for p in el.iter("p"):
        chars = text_len(p)
        if chars >= settings.html_prose_min_chars and sum(map(text_len, p.iter("a"))) <= settings.html_spare_max_link_share * chars:
            count += 1
    return count


def _data_table(el: Any, settings: Settings) -> bool:
    """Whether el holds a table of html_spare_min_table_rows rows or more of two or more
    cells each, under html_spare_max_link_share link text: a table of figures or prices."""
    if settings.html_spare_min_table_rows <= 0:
        return False
    for table in el.iter("table"):
        rows = [row for row in table.iter("tr") if sum(1 for cell in row if cell.tag in ("td", "th")) >= 2]
        if len(rows) >= settings.html_spare_min_table_rows:
            chars = text_len(table)
            if chars and sum(map(text_len, table.iter("a"))) <= settings.html_spare_max_link_share * chars:
                return True
    return False


_READ_BLOCKS = ("p", "head", "item", "cell", "quote")  # the engine's blocks of text


def _spared(tree: Any, url: str | None, body: Any, main: Any, settings: Settings) -> Any:
    """The engine's reading of the page with the prose around the reading's main box
    spared (spare_prose over _near_boxes), when it holds every block of
    the reading and what it adds is html_spare_min_share or more the spared boxes' text:
    a box trafilatura discarded for its class word alone (a page builder's "widget") put
    back. Sparing a box can also move the engine's choice of region (to a wider box with
    teasers, say): that reading is not taken. None when nothing is spared or taken."""
    boxes = _near_boxes(main, settings)
    if not boxes:
        return None
    have = _bare(body.itertext())
    spared = spare_prose(boxes, have, settings)
    if not spared:
        return None
    try:
        page = engine.Page(tree)  # a copy of the tree as spared
    finally:
        for el, old in spared:
            el.set("class", old)
    wide = run_engine(page, url, settings)
    if wide is None:
        return None
    has = _bare(wide.itertext())
    if any(t not in has for t in (_bare(el.itertext()) for el in body.iter(*_READ_BLOCKS))):
        return None
    texts = "\n".join(_bare(el.itertext()) for el, _ in spared)
    added = kept = 0
    for el in wide.iter(*_READ_BLOCKS):
        text = _bare(el.itertext())
        if text and text not in have:
            added += len(text)
            kept += len(text) if text in texts else 0
    return wide if added and kept >= settings.html_spare_min_share * added else None


# Block-level tags: a block's container is the nearest of these around its text.
BLOCK_TAGS = frozenset(
    "p li h1 h2 h3 h4 h5 h6 td th blockquote dd dt figcaption caption pre div section article aside header footer "
    "main nav figure ul ol table form address details summary".split()
)
_FLOWING = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.QUOTE, BlockKind.CAPTION)


def block_container(el: Any) -> Any:
    while el is not None and el.tag not in BLOCK_TAGS:
        el = el.getparent()
    return el


SPACED_TAGS = BLOCK_TAGS | {"br"}


def text_of(el: Any) -> str:
    """An element's text as a browser lays it out: inline pieces joined as they are
    ("<a>x</a>." is "x."), a space where a block element or a <br> begins or ends.
    Walked by lxml's iterwalk, a third faster than a recursion in Python; it passes over
    comments and processing instructions, tails and all, which parse() has removed."""
    parts = [el.text or ""]
    for event, node in lxml.etree.iterwalk(el, events=("start", "end")):
        if node is el:
            continue
        if event == "start":
            if node.tag in SPACED_TAGS:
                parts.append(" ")
            parts.append(node.text or "")
        else:
            if node.tag in SPACED_TAGS:
                parts.append(" ")
            parts.append(node.tail or "")
    return "".join(parts)


def text_len(el: Any) -> int:
    """The length of an element's text, each text node stripped (layout whitespace left out)."""
    return sum(map(len, map(str.strip, el.itertext())))  # no generator: called for every block's container


def split_dumps(blocks: list[Block], index: SourceIndex) -> list[Block]:
    """One Block per source element. When trafilatura falls back to a dump of the page's
    text (its baseline), one paragraph holds the lines of many elements, sidebar and all:
    split it where the lines come from different elements. A newline inside one element's
    text is only source formatting: it becomes a space."""
    out: list[Block] = []
    cursor = 0
    for block in blocks:
        if block.kind not in _FLOWING or "\n" not in block.text:
            out.append(block)
            continue
        groups: list[tuple[Any, list[str]]] = []
        for line in (ln.strip() for ln in block.text.split("\n")):
            if not line:
                continue
            pos = index.find(line, cursor)
            box = block_container(index.owner_at(pos)) if pos >= 0 else None
            if pos >= 0:
                cursor = pos + 1
            if groups and (box is None or box is groups[-1][0]):
                groups[-1][1].append(line)
            else:
                groups.append((box, [line]))
        if len(groups) > 1 and block.kind is BlockKind.PARAGRAPH:
            for _, lines in groups:
                text = " ".join(lines)
                out.append(_block(BlockKind.PARAGRAPH, text, markdown_line(text), 0, 0))
            continue
        block.text = " ".join(block.text.split())
        block.markdown = " ".join(block.markdown.split())
        out.append(block)
    return out


# ---------------------------------------------------------------- split article bodies

_LEAF_KINDS = {
    "p": BlockKind.PARAGRAPH, "h2": BlockKind.HEADING, "h3": BlockKind.HEADING, "h4": BlockKind.HEADING,
    "h5": BlockKind.HEADING, "h6": BlockKind.HEADING, "li": BlockKind.LIST_ITEM, "blockquote": BlockKind.QUOTE,
}
_PARAGRAPH_TAGS = frozenset(("p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6"))


def main_container(out: Extraction) -> Any:
    """The element whose paragraphs hold most of the extracted text."""
    weight: dict[Any, int] = {}
    for block, src in zip(out.blocks, out.sources):
        box = paragraph_parent(src)
        if box is not None:
            weight[box] = weight.get(box, 0) + len(block.text)
    return max(weight, key=lambda k: weight[k]) if weight else None


def continuations(tree: Any, main: Any, out: Extraction, settings: Settings) -> list[tuple[Block, Any]]:
    """Some sites split one article body into several containers of the same class, with
    ads between them (Wired: div.article__body, three times); trafilatura keeps the
    first. Take the paragraphs of the later containers that share the main container's
    tag and class, when they read as prose (a thread's short replies: less of it)."""
    signature = " ".join((main.get("class") or "").split())
    if not signature or main.tag in ("body", "html"):
        return []
    # Containers after the main one: a body continues down the page; boxes of the same
    # class above it are summaries and claims (dev bench: polygraph.info), unless each sits
    # in its own copy of the main box's unit: a thread's earlier posts, when the engine
    # read a later one (the longest answer).
    same: list[Any] = []
    before: list[Any] = []
    seen_main = False
    for el in tree.iter(main.tag):
        if el is main:
            seen_main = True
        elif " ".join((el.get("class") or "").split()) == signature:
            (same if seen_main else before).append(el)
    unit = {el: _same_unit(el, main) for el in before + same}  # keyed by element: the lists keep each alive
    if len(same) > settings.html_continuation_max_containers:
        # Many: a thread's posts (one box per post) or a grid of other stories. Only the
        # boxes that sit in the page as the main one does, each in its own copy of the
        # unit that holds the main box (a post's wrapper beside the first post's), are
        # the same thing continued.
        same = [el for el in same if unit[el]]
    before = [el for el in before if unit[el]]
    # ... and only in a thread: the main box's unit repeated at least twice besides
    # (a claim's box above a fact check's body is one unit more).
    if len(before) + sum(1 for el in same if unit[el]) >= 2:
        same = before + same
    if not same:
        return []
    have = {_SPACE.sub("", b.text) for b in out.blocks}
    copied = _Copies(out.blocks, settings)
    sources = {id(s) for s in out.sources if s is not None}
    added: list[tuple[Block, Any]] = []
    for el in same:
        if _related(el, main) or any(id(d) in sources for d in el.iter()) or _teasers(el, settings) or _aside(el) > _aside(main):
            continue
        blocks = [(b, src) for b, src in dom_blocks(el) if _SPACE.sub("", b.text) not in have and not copied(b.text)]
        post = unit[el] and not _linked_headings(el)
        least = settings.html_post_min_prose_chars if post else settings.html_continuation_min_prose_chars
        if _prose_chars(blocks, settings) >= least and not _excerpts(blocks, settings):
            added.extend(blocks)
            have.update(_SPACE.sub("", b.text) for b, _ in blocks)  # a box repeated further down adds nothing
    return added


def _aside(el: Any) -> bool:
    """Inside an <aside>: a post's signature, a sidebar's box, beside the content."""
    return next(el.iterancestors("aside"), None) is not None


_MAIN = lxml.etree.XPath("//main | //*[@role='main']")
_NOT_SECTION = frozenset(("nav", "aside", "form", "footer", "header"))


def sections(
    tree: Any, main: Any, out: Extraction, added: list[tuple[Block, Any]], settings: Settings, json_ld: Sequence[str] = ()
) -> list[tuple[Block, Any]]:
    """A service or landing page is built of sections, each with its own heading, in the
    page's <main>; trafilatura keeps one. When the reading (with its continuations) holds
    less than html_section_max_share of the text of the page's one <main> (or
    role="main") around it, the other boxes beside the main box's branch, up to <main>,
    are read too, each that holds prose as a continuation must (not navigation, a form,
    a header or footer, or a box of teaser cards); a box the reading already draws from in
    part is read whole, less what is read, or under an article only between what is read
    (settings.html_section_partly_*). Not on a product page (one_product).
    json_ld: the text of the page's ld+json scripts."""
    if settings.html_section_max_share <= 0:
        return []
    regions = _MAIN(tree)
    if len(regions) != 1 or not any(a is regions[0] for a in main.iterancestors()):
        return []
    region = regions[0]
    read = sum(len(_SPACE.sub("", b.text)) for b in out.blocks) + sum(len(_SPACE.sub("", b.text)) for b, _ in added)
    if read >= settings.html_section_max_share * chars_of(region) or one_product(tree, json_ld):
        return []  # the product check last: it searches the whole tree
    have = {_SPACE.sub("", b.text) for b in out.blocks} | {_SPACE.sub("", b.text) for b, _ in added}
    # A reading may glue a post's paragraph to its poster's name in one block: a section
    # paragraph found whole inside a block read is that text again (a short line, a
    # heading say, may well recur inside one).
    within = "\n".join(have)

    def seen(text: str) -> bool:
        return text in have or len(text) >= settings.html_prose_min_chars and text in within

    # A page may hold a second copy of its text (a hidden markdown or print version): a
    # long section block whose word triples are mostly in the reading repeats it.
    copied = _Copies(out.blocks, settings)

    sources = {id(s) for s in out.sources if s is not None} | {id(s) for _, s in added}
    got: list[tuple[Block, Any]] = []
    article = _prose_count(out.blocks, settings) >= settings.html_section_partly_article_prose
    path = [main, *main.iterancestors()]
    for i in range(1, len(path)):
        anc, on = path[i], path[i - 1]
        for el in anc:
            if el is on or not isinstance(el.tag, str) or el.tag in _NOT_SECTION:
                continue
            partly = any(id(d) in sources for d in el.iter())
            if partly and not settings.html_section_partly_read:
                continue
            if _teasers(el, settings):
                continue
            blocks = [
                (b, src) for b, src in dom_blocks(el)
                if not seen(_SPACE.sub("", b.text)) and not _form_to_fill(src, el) and not copied(b.text)
            ]
            if partly:
                # A box the reading draws from in part, beside its main box: a section of the
                # page whose headings and lists the engine left out around the paragraphs it
                # took. The rest of it is read, less what is read already; under an article,
                # only what lies between the paragraphs it took (an author's box or a
                # disclaimer closes the section, and the article ended before it).
                if article:
                    order = {d: k for k, d in enumerate(el.iter())}
                    read_at = [k for d, k in order.items() if id(d) in sources]
                    first, last = min(read_at), max(read_at)
                    blocks = [(b, src) for b, src in blocks if first < order.get(src, -1) < last]
                enough = bool(blocks)
            else:
                enough = _prose_chars(blocks, settings) >= settings.html_continuation_min_prose_chars
            if enough and not _excerpts(blocks, settings):
                got.extend(blocks)
                have.update(_SPACE.sub("", b.text) for b, _ in blocks)
                within += "\n" + "\n".join(_SPACE.sub("", b.text) for b, _ in blocks)
        if anc is region:
            break
    return got


_WORD = re.compile(r"\w+")


def words(text: str | None) -> list[str]:
    """The lower-cased words of a text."""
    return [w.lower() for w in _WORD.findall(text or "")]


def _triples(text: str) -> set[tuple[str, ...]]:
    ws = words(text)
    return set(zip(ws, ws[1:], ws[2:]))


class _Copies:
    """Whether a long block (html_copy_min_chars) is mostly word triples a reading already
    holds; a paragraph that repeats a sentence or two of it is not a copy. The reading's
    triples are counted when a block that long first comes up."""

    def __init__(self, blocks: list[Block], settings: Settings) -> None:
        self.blocks, self.settings = blocks, settings
        self.grams: set[tuple[str, ...]] | None = None

    def __call__(self, text: str) -> bool:
        if len(text) < self.settings.html_copy_min_chars:
            return False
        if self.grams is None:
            self.grams = _triples(" ".join(b.text for b in self.blocks))
        own = _triples(text)
        return bool(own) and len(own & self.grams) >= self.settings.html_copy_min_share * len(own)



def fill_gaps(tree: Any, out: Extraction, settings: Settings) -> None:
    """Add the headings, lists and tables that sit in the page between two blocks of the reading,
    inside the box around both (the body too: a page may set its article's paragraphs,
    headings and lists straight in it), each where it stands in the page.
    trafilatura, settled on a small box, sometimes rebuilds its reading from the page's
    paragraphs alone (its wild-text recovery), which leaves out every heading and list
    between them. Such a reading is scattered over many boxes: only a reading whose own
    main box holds less than settings.html_fill_gaps_max_main_share of its text is filled
    (one gathered in one box left out its captions and teaser lists on purpose), except
    that one with no heading at all gets the headings and tables between its blocks (a
    reading of paragraphs alone, wherever it settled, left them out). A list
    that is mostly link text (a menu, a table of contents, related stories) is not taken,
    nor anything in a nav, aside, form, header or footer. settings.html_fill_gaps turns it on."""
    if not settings.html_fill_gaps:
        return
    weight: dict[Any, int] = {}
    for block, src in zip(out.blocks, out.sources):
        if (box := paragraph_parent(src) if src is not None else None) is not None:
            weight[box] = weight.get(box, 0) + len(block.text)
    total = sum(len(b.text) for b in out.blocks)
    if not weight:
        return
    tags: tuple[str, ...] = _GAP_TAGS
    if max(weight.values()) >= settings.html_fill_gaps_max_main_share * total:
        if any(b.kind is BlockKind.HEADING for b in out.blocks):
            return  # a reading gathered in one box: what it left out between its blocks, it left out on purpose
        tags = _GAP_HEADLESS
    kept = {src for src in out.sources if src is not None}  # the set keeps their proxies, so `in` holds
    body = tree.find("body")
    root = body if body is not None else tree
    inside = {a for src in kept for a in src.iterancestors()}  # boxes holding a block of the reading
    have: set[str] | None = None  # the reading's texts without spaces, read when a candidate is found
    before: dict[Any, list[tuple[Block, Any]]] = {}  # by the block of the reading they go before
    taken: set[Any] = set()
    previous: Any = None
    pending: list[Any] = []
    # One pass in page order over the reading's elements and the candidates only (the tag
    # filter runs in C): every element of a page would cost a percent of the HTML path.
    for el in root.iter(*tags, *{src.tag for src in kept if isinstance(src.tag, str)}):
        if el in kept:
            box = _common_ancestor(previous, el) if previous is not None and pending else None
            if box is not None and box.tag != "html":
                for cand in pending:
                    if any(a in taken for a in cand.iterancestors()) or _outside_of(cand, box) or _link_list(cand, settings) or _count_heading(cand):
                        continue
                    if have is None:
                        have = {"".join(b.text.split()) for b in out.blocks}
                    blocks = [(b, src) for b, src in dom_blocks(cand) if "".join(b.text.split()) not in have]
                    if blocks:
                        before.setdefault(el, []).extend(blocks)
                        have.update("".join(b.text.split()) for b, _ in blocks)
                        taken.add(cand)
            previous, pending = el, []
        elif previous is not None and el.tag in tags and el not in inside:
            pending.append(el)
    _splice(out, before=before)


_COUNT = re.compile(r"\s*\d[\d,.]*\s+\w+(?:\s+\d[\d,.]*)?\s*")


def _count_heading(el: Any) -> bool:
    """A count over a thread's answers or a post's comments ("10 Answers", "3 Comments"):
    chrome, and put back it reads as the comment section's start, which cuts what follows."""
    return el.tag not in ("ul", "ol", "dl") and _COUNT.fullmatch(el.text_content()) is not None


def _link_list(el: Any, settings: Settings) -> bool:
    """A list that is mostly link text: a menu, a table of contents, related stories."""
    if el.tag not in ("ul", "ol", "dl"):
        return False
    total = text_len(el)
    return not total or sum(map(text_len, el.iter("a"))) >= settings.html_max_link_share * total


def _common_ancestor(a: Any, b: Any, levels: int | None = None) -> Any:
    """The lowest element holding both; with `levels`, only when it is at most that many
    levels above each (else None), so that a page nested thousands deep costs no more than
    a shallow one."""
    depth = None if levels is None else levels + 1
    # the elements, not their id()s: an id is reused once its proxy is gone
    ancestors = set(islice(chain((a,), a.iterancestors()), depth))
    return next((x for x in islice(chain((b,), b.iterancestors()), depth) if x in ancestors), None)


def _outside_of(el: Any, box: Any) -> bool:
    """el sits in a nav, aside, form, header or footer inside box."""
    for a in el.iterancestors():
        if a is box:
            return False
        if a.tag in _NOT_SECTION:
            return True
    return False


_PRODUCT = re.compile(r'"@type"\s*:\s*(?:\[[^\]]*?)?"Product(?:Group)?"')
_ITEM_LIST = re.compile(r'"@type"\s*:\s*(?:\[[^\]]*?)?"(?:ItemList|OfferCatalog|CollectionPage|SearchResultsPage)"')
_PRODUCT_ITEM = lxml.etree.XPath("//*[@itemtype and contains(@itemtype, 'schema.org/Product')]")


def one_product(tree: Any, json_ld: Sequence[str], html: str | None = None) -> bool:
    """Whether the page declares a schema.org Product, and no list of them: a product page,
    whose main content is its description. The sections beside it are its reviews and
    ratings, other products and the shop's own promotion (wcxb-dev: the other sections
    of <main> cost 13 such pages up to 0.61 F1 each, and lifted 5 by at most 0.23).
    html: the page's source, when at hand: microdata names the type in it, and a page
    without the words is not searched (a walk over every element)."""
    if any(_ITEM_LIST.search(text) for text in json_ld):
        return False
    if any(_PRODUCT.search(text) for text in json_ld):
        return True
    return (html is None or PRODUCT_TYPE in html) and len(_PRODUCT_ITEM(tree)) == 1


PRODUCT_TYPE = "schema.org/Product"
_OFFERS = re.compile(r'"offers"\s*:|itemprop\s*=\s*["\']?offers\b')


def offered(json_ld: Sequence[str], html: str) -> bool:
    """Whether the page puts something on sale: a schema.org offer, in JSON-LD or microdata.
    A service page may declare a Product only to carry its rating (no offer), and its
    testimonials are its text."""
    return any(_OFFERS.search(text) for text in json_ld) or bool(_OFFERS.search(html))


def _form_to_fill(src: Any, box: Any) -> bool:
    """Inside a form with labelled fields (e-mail this story, leave a comment) within box.
    A form without labels may hold a thread's comments (each in its edit form)."""
    for el in (src, *src.iterancestors()):
        if el.tag == "form" and next(el.iter("label"), None) is not None:
            return True
        if el is box:
            return False
    return False


HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _teasers(el: Any, settings: Settings) -> bool:
    """A box of cards that each title another page with a linked heading ("More to
    explore": headline, date, excerpt): other stories, not the rest of this one."""
    if settings.html_continuation_teaser_min_linked_headings <= 0:
        return False
    return _linked_headings(el) >= settings.html_continuation_teaser_min_linked_headings


def _linked_headings(el: Any) -> int:
    """How many of el's headings link to another page."""
    return sum(1 for h in el.iter(*HEADING_TAGS) if any(map(leads_away, h.iter("a"))) or any(map(leads_away, h.iterancestors("a"))))


# A teaser's excerpt, cut off mid-sentence: a word, then "..." or "…" at the very end.
_CUT_OFF = re.compile(r"\w\s?(?:\.\.\.|…)\s*(?:\]|\))?$")


def _excerpts(blocks: list[tuple[Block, Any]], settings: Settings) -> bool:
    """Half or more of a box's prose paragraphs, and two or more, cut off mid-sentence: other
    pages' excerpts under their titles (a card's title is often a plain link, no heading
    for _teasers to count). A post may end on "…" too, but not most of a thread's."""
    if settings.html_excerpts_min_paragraphs <= 0:
        return False
    prose = [b.text for b, _ in blocks if b.kind is BlockKind.PARAGRAPH and len(b.text) >= settings.html_prose_min_chars]
    cut = sum(1 for text in prose if _CUT_OFF.search(text))
    return cut >= settings.html_excerpts_min_paragraphs and cut >= settings.html_excerpts_min_share * len(prose)


def leads_away(a: Any) -> bool:
    """Whether a link leads to another page: not a heading's own anchor (Discourse puts an
    empty `<a href="#p-1-title">` in every heading of a post)."""
    href = (a.get("href") or "").strip()
    return bool(href) and not href.startswith("#")


# Embedded social posts: blockquotes that the embed scripts would render as cards.
_EMBED_CLASSES = frozenset(("twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "fb-xfbml-parse-ignore"))


def embedded_posts(containers: list[Any], out: Extraction) -> list[tuple[Block, Any]]:
    """Posts embedded in the article (a quoted tweet) are part of it, as its readers see
    them; trafilatura drops some for their link density. Only posts inside the article's
    own container are taken."""
    have: str | None = None  # the extracted text without spaces, built on the first embed found
    added: list[tuple[Block, Any]] = []
    seen: set[int] = set()
    for box in containers:
        for bq in box.iter("blockquote"):
            if id(bq) in seen or not _EMBED_CLASSES & set((bq.get("class") or "").split()):
                continue
            seen.add(id(bq))
            if have is None:
                have = "".join(_SPACE.sub("", b.text) for b in out.blocks)
            text = " ".join(INVISIBLE.sub("", text_of(bq)).split())
            if not text or _SPACE.sub("", text)[:_ALIGN_CHARS] in have:
                continue
            line = bq.sourceline or 0
            added.append((Block(BlockKind.QUOTE, text, "> " + markdown_line(text), line, line), bq))
    return added


def _merge(out: Extraction, added: list[tuple[Block, Any]]) -> None:
    """Put added blocks among the engine's in document order (by line; stable within a line)."""
    if not added:
        return
    merged = list(zip(out.blocks, out.sources)) + added
    merged.sort(key=lambda pair: pair[0].start)
    out.blocks = [b for b, _ in merged]
    out.sources = [src for _, src in merged]


def paragraph_parent(src: Any) -> Any:
    """The element holding a block's paragraph; for text that sits in no paragraph (a forum
    post's lines in its div), the block element holding the text."""
    el = src
    while el is not None and el.tag not in _PARAGRAPH_TAGS:
        el = el.getparent()
    return el.getparent() if el is not None else block_container(src)


def _same_signature(a: Any, b: Any) -> bool:
    """One tag, and classes that share one at least, where one's are all the other's
    ("answer" and "answer accepted-answer") or each has at most one the other lacks
    ("post bg1" and "post bg2"): posts marked apart by a class of their own. A page
    builder's widgets share two generic classes and differ by their kind and id: not
    one unit."""
    if a.tag != b.tag:
        return False
    ours, theirs = set((a.get("class") or "").split()), set((b.get("class") or "").split())
    if ours == theirs:
        return True
    return bool(ours & theirs) and (ours <= theirs or theirs <= ours or (len(ours - theirs) <= 1 and len(theirs - ours) <= 1))


def _same_unit(el: Any, main: Any) -> bool:
    """Whether el's branch under its lowest common ancestor with main has the tag and
    class of main's branch there: the same unit repeated (post after post)."""
    main_path = [main, *main.iterancestors()]
    on_main = {id(x): i for i, x in enumerate(main_path)}
    branch = el
    for anc in el.iterancestors():
        if id(anc) in on_main:
            i = on_main[id(anc)]
            return i > 0 and _same_signature(branch, main_path[i - 1])
        branch = anc
    return False


def _related(a: Any, b: Any) -> bool:
    """One element inside the other."""
    return any(x is b for x in a.iterancestors()) or any(x is a for x in b.iterancestors())


def dom_blocks(el: Any) -> Iterator[tuple[Block, Any]]:
    """Blocks straight from the DOM, in page order: one per innermost paragraph, heading,
    list item or quote, and one per run of text that sits in another block element (a
    forum post's text in its div, lines apart by <br>), between its child blocks. Walked
    with a stack: a page may nest 2,000 levels deep."""
    if el.tag == "h1":
        return  # the headline is metadata's
    if _leaf(el):
        yield from _dom_block(el, _LEAF_KINDS[el.tag], text_of(el), el.sourceline)
        return
    stack = [(el, iter(el), [el.text or ""], el.sourceline)]
    while stack:
        node, children, run, line = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield from _dom_block(node, BlockKind.PARAGRAPH, "".join(run), line)
        elif not isinstance(child.tag, str):
            run.append(child.tail or "")
        elif child.tag in BLOCK_TAGS or child.tag in _LEAF_KINDS or next(child.iterdescendants(*BLOCK_TAGS), None) is not None:
            yield from _dom_block(node, BlockKind.PARAGRAPH, "".join(run), line)
            stack[-1] = (node, children, [child.tail or ""], child.sourceline)
            if _leaf(child):
                yield from _dom_block(child, _LEAF_KINDS[child.tag], text_of(child), child.sourceline)
            elif child.tag != "h1":
                stack.append((child, iter(child), [child.text or ""], child.sourceline))
        else:
            run.append(" " if child.tag == "br" else text_of(child))
            run.append(child.tail or "")


def _leaf(el: Any) -> bool:
    """An innermost paragraph, heading, list item or quote."""
    return el.tag in _LEAF_KINDS and next(el.iterdescendants(*_LEAF_KINDS), None) is None


def _dom_block(el: Any, kind: BlockKind, raw: str, line: int | None) -> Iterator[tuple[Block, Any]]:
    text = " ".join(INVISIBLE.sub("", raw).split())
    if not text:
        return
    if kind is BlockKind.PARAGRAPH:
        outer = next((a for a in (el, *el.iterancestors()) if a.tag in ("li", "blockquote")), None)
        kind = _LEAF_KINDS[outer.tag] if outer is not None else kind
    level = int(el.tag[1]) if kind is BlockKind.HEADING else 0
    md = ("#" * level + " " if level else "- " if kind is BlockKind.LIST_ITEM else "> " if kind is BlockKind.QUOTE else "") + markdown_line(text)
    line = line or 0
    yield Block(kind, text, md, line, line, level=level), el


# ---------------------------------------------------------------- trafilatura XML -> Blocks


@dataclass
class _Inline:
    text: list[str] = field(default_factory=list)
    markdown: list[str] = field(default_factory=list)
    link_chars: int = 0
    links: int = 0

    def add(self, text: str | None, markdown: str | None = None) -> None:
        if text:
            self.text.append(text)
            self.markdown.append(escape_markdown(text) if markdown is None else markdown)


_NESTED_BLOCKS = frozenset(("p", "head", "list", "item", "quote", "table", "row", "cell"))


def _inline(el: Any, lines: list[_Inline]) -> None:
    """Walk an element's inline content; lines[-1] is the line being filled, an <lb> opens the next."""
    _inline_run(el.text, el, lines)


def _inline_run(text: str | None, children: Iterable[Any], lines: list[_Inline]) -> None:
    """_inline over a run of text and inline elements: an element's, or a stretch of one."""
    lines[-1].add(text)
    for child in children:
        tag = child.tag
        if tag == "lb":
            lines.append(_Inline())
        elif tag == "ref":
            raw = "".join(child.itertext())
            label = normalize_space(raw)
            if label:
                target = (child.get("target") or "").strip()
                md = escape_markdown(label)
                _add_marked(lines[-1], raw, label, f"[{md}]({markdown_target(target)})" if real_target(target) else md)
                lines[-1].link_chars += len(label)
                lines[-1].links += 1
        elif tag == "hi" and child.get("rend") in _EMPHASIS and not any(c.tag in ("lb", "ref") for c in child.iter()):
            raw = "".join(child.itertext())
            inner = normalize_space(raw)
            if inner:
                mark = _EMPHASIS[child.get("rend")]
                _add_marked(lines[-1], raw, inner, f"{mark}{escape_markdown(inner)}{mark}")
        elif tag == "code":
            inner = "".join(child.itertext())
            lines[-1].add(inner, code_span(inner))
        elif tag in _NESTED_BLOCKS:
            # A paragraph or heading inside a list item or cell is a block of its own on the
            # page: its words never run into the next one's ("18d" "Cortes" -> "18dCortes").
            lines[-1].add(" ")
            _inline(child, lines)
            lines[-1].add(" ")
        elif tag != "graphic":
            _inline(child, lines)
        if child.tail:
            lines[-1].add(child.tail)


def _add_marked(acc: _Inline, raw: str, text: str, markdown: str) -> None:
    """Add marked-up text, keeping the spaces that sat inside the markup outside it."""
    before = " " if raw[:1].isspace() else ""
    after = " " if raw[-1:].isspace() else ""
    acc.add(before + text + after, before + markdown + after)


def _lines(el: Any) -> list[tuple[str, str, int, int]]:
    """(text, markdown, link_chars, links) per visual line of an element."""
    return _run_lines(el.text, el)


def _run_lines(text: str | None, children: Iterable[Any]) -> list[tuple[str, str, int, int]]:
    lines = [_Inline()]
    _inline_run(text, children, lines)
    out = []
    for line in lines:
        text = normalize_space(INVISIBLE.sub("", "".join(line.text)))
        if text:
            md = escape_line_start(normalize_space(INVISIBLE.sub("", "".join(line.markdown))))
            out.append((text, md, min(line.link_chars, len(text)), line.links))
    return out


def _block(kind: BlockKind, text: str, md: str, link_chars: int, links: int, level: int = 0, gap: bool = True) -> Block:
    return Block(kind, text, md, 0, 0, level=level, link_chars=link_chars, links=links, gap_before=gap)


def body_blocks(body: Any) -> Iterator[Block]:
    if body.text and body.text.strip():
        text = normalize_space(body.text)
        yield _block(BlockKind.PARAGRAPH, text, markdown_line(text), 0, 0)
    for el in body:
        yield from _element_blocks(el, level=0)
        if el.tail and el.tail.strip():
            text = normalize_space(el.tail)
            yield _block(BlockKind.PARAGRAPH, text, markdown_line(text), 0, 0)


def _element_blocks(el: Any, level: int) -> Iterator[Block]:
    tag = el.tag
    if tag == "head":
        m = _HEADING_LEVEL.fullmatch(el.get("rend") or "")
        lvl = int(m.group(1)) if m else 2
        for i, (text, md, lc, n) in enumerate(_lines(el)):
            yield _block(BlockKind.HEADING, text, "#" * lvl + " " + md, lc, n, level=lvl, gap=i == 0)
    elif tag == "list":
        for item in el:
            if item.tag != "item":
                yield from _element_blocks(item, level)
                continue
            for part in _split_at_sublists(item):
                if part.tag == "list":
                    yield from _element_blocks(part, level + 1)
                    continue
                for text, md, lc, n in _lines(part):
                    yield _block(BlockKind.LIST_ITEM, text, "  " * level + "- " + md, lc, n, level=level, gap=False)
    elif tag == "quote":
        parts = [c for c in el if c.tag in ("p", "head", "list", "quote")]
        if parts and not (el.text and el.text.strip()):
            for child in el:
                for block in _element_blocks(child, level):
                    block.kind = BlockKind.QUOTE if block.kind is BlockKind.PARAGRAPH else block.kind
                    if block.kind is BlockKind.QUOTE:
                        block.markdown = "> " + block.markdown
                    yield block
        else:
            for i, (text, md, lc, n) in enumerate(_lines(el)):
                yield _block(BlockKind.QUOTE, text, "> " + md, lc, n, gap=i == 0)
    elif tag == "table":
        yield from _table(el)
    elif tag == "code":
        text = "".join(el.itertext()).strip("\n")
        if text.strip():
            yield _block(BlockKind.CODE, text.strip(), code_block(text), 0, 0)
    elif tag == "graphic":
        return
    else:  # p, and anything unexpected at the top level
        if any(c.tag in _BLOCK_CHILDREN for c in el):
            # A forum post read as one <p> around its headings and lists: the text between
            # them, with its emphasis and links, runs on as lines (<lb>), not one block per
            # inline element ("choose the" / "right" / "GPU, I've put").
            start: str | None = el.text
            run: list[Any] = []
            for child in el:
                if child.tag in _BLOCK_CHILDREN or child.tag == "code":
                    yield from _run_blocks(start, run)
                    yield from _element_blocks(child, level)
                    start, run = child.tail, []
                else:
                    run.append(child)
            yield from _run_blocks(start, run)
            return
        yield from _run_blocks(el.text, el)


_BLOCK_CHILDREN = frozenset(("p", "list", "head", "table", "quote"))


def _run_blocks(text: str | None, children: Iterable[Any]) -> Iterator[Block]:
    for i, (line, md, lc, n) in enumerate(_run_lines(text, children)):
        yield _block(BlockKind.PARAGRAPH, line, md, lc, n, gap=i == 0)


def _split_at_sublists(item: Any) -> list[Any]:
    """A list item's own text and its nested lists, in reading order: the text after a
    nested list (its tail) is a piece of its own, not lost with the list. A product card
    often opens with a gallery (an empty list) and prints its name and price after it.
    The item is trafilatura's copy: ours to change."""
    if not any(c.tag == "list" for c in item):
        return [item]
    parts: list[Any] = []
    piece = lxml.etree.Element("item")
    piece.text = item.text
    for child in list(item):
        if child.tag == "list":
            tail, child.tail = child.tail, None
            parts += [piece, child]
            piece = lxml.etree.Element("item")
            piece.text = tail
        else:
            piece.append(child)  # moves the child, with its tail
    parts.append(piece)
    return parts


_LAYOUT_CELL_CHILDREN = frozenset(("p", "list", "head", "quote", "table"))
_LAYOUT_CELL_CHARS = 300  # a data cell holds a value or a phrase, not a story


def _layout_table(el: Any) -> bool:
    """A table used for page layout: its cells hold paragraphs, not values."""
    for cell in el.iter("cell"):
        if any(c.tag in _LAYOUT_CELL_CHILDREN for c in cell) or len("".join(cell.itertext())) > _LAYOUT_CELL_CHARS:
            return True
    return False


def _table(el: Any) -> Iterator[Block]:
    if _layout_table(el):
        for row in el.findall("row"):
            for cell in row.findall("cell"):
                yield from _element_blocks(cell, 0)
        return
    rows_text, rows_md, link_chars, links = [], [], 0, 0
    width = 0
    for row in el.iter("row"):
        cells = []
        for cell in row.iter("cell"):
            lines = _lines(cell)
            cells.append((" ".join(t for t, _, _, _ in lines), " ".join(m for _, m, _, _ in lines)))
            link_chars += sum(lc for _, _, lc, _ in lines)
            links += sum(n for _, _, _, n in lines)
        if not any(t for t, _ in cells):
            continue
        width = max(width, len(cells))
        rows_text.append(" ".join(t for t, _ in cells if t))
        rows_md.append("| " + " | ".join(m.replace("|", "\\|") for _, m in cells) + " |")
    if not rows_text:
        return
    md = rows_md[:1] + ["|" + "---|" * width] + rows_md[1:]
    text = "\n".join(rows_text)
    yield _block(BlockKind.TABLE, text, "\n".join(md), min(link_chars, len(text)), links)


# ---------------------------------------------------------------- alignment to the source


_SHOWN_TEXT = lxml.etree.XPath("descendant::text()[normalize-space()]")


def _insert_spaces(text: str, at: list[int]) -> str:
    for j in reversed(at):
        text = text[:j] + " " + text[j:]
    return text


def _owned_texts(tree: Any) -> Iterator[tuple[str | None, Any]]:
    """Each text in the tree (an element's text, or a tail, which is its parent's) with the
    element that holds it, in page order, then the tree's own tail. Read from the text
    nodes, blank ones left out in C: a quarter faster than walking every element's start
    and end for its text and tail (libxml2 may keep one text as several nodes, which gives
    the same characters and owners)."""
    for node in _SHOWN_TEXT(tree):
        parent = node.getparent()
        if isinstance(parent.tag, str):  # not a comment's or processing instruction's tail
            yield node, parent.getparent() if node.is_tail else parent
    yield tree.tail, tree.getparent()


def _may_be_glued(text: str) -> bool:
    return bool(_GLUED_DOT.search(text)) or any(stop in text and pattern.search(text) for stop, pattern in _GLUED_OTHER)


def _glued(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Where a letter follows sentence punctuation with no space: the positions of the letters
    that open a word (upper case), since "Node.js" and "e.g." are written so."""
    return [
        m.end() for m in pattern.finditer(text)
        if m.start() > 0 and text[m.start() - 1].isalpha() and text[m.end()].isupper()
    ]


class SourceIndex:
    """The page's text with spaces removed, and which element owns each character.

    trafilatura rebuilds many elements, losing their line numbers; finding a block's
    first characters in the page's own text gives its element back.
    """

    def __init__(self, tree: Any) -> None:
        parts: list[str] = []
        self.starts: list[int] = []
        self.owners: list[Any] = []
        pos = 0
        for chunk, owner in _owned_texts(tree):
            if not chunk or owner is None:
                continue
            chunk = "".join(chunk.split())  # as _SPACE.sub("", chunk), in a third of the time
            if chunk:
                parts.append(chunk)
                self.starts.append(pos)
                self.owners.append(owner)
                pos += len(chunk)
        self.text = "".join(parts)
        # respace's reading of the elements around run-together words (each element's once)
        # and its searches, in all at most about twice the page's text: linear however many
        # run-together words a page holds.
        self._shown: dict[Any, str] = {}
        self._respace_budget = _RESPACE_BUDGET_PAGE_TIMES * len(self.text) + _RESPACE_BUDGET_MIN_CHARS

    def respace(self, block: Block, pos: int, stop: int) -> None:
        """Put back the spaces the engine's tree lost between two of the page's text nodes
        ("your plate.Aim for" from "your plate.<br></b>Aim for"), where the page shows one.
        pos, stop: where the block's text starts and ends in self.text (as far as known)."""
        glued = _glued(block.text, _GLUED)
        spaced = []
        done = at = 0  # block.text[:done] holds `at` characters besides spaces
        cursor = pos  # where the search for a meeting the block does not align to goes on
        for k, j in enumerate(glued):  # counted on from the last: a long block is read once
            at += len("".join(block.text[done:j].split()))
            done = j
            meeting = self._meeting(block.text, j, pos + at, cursor, stop)
            if meeting >= 0:
                cursor = meeting
                if self._spaced_at(meeting):
                    spaced.append(k)
        if not spaced:
            return
        block.text = _insert_spaces(block.text, [glued[k] for k in spaced])
        marks = _glued(block.markdown, _GLUED_MD)
        if len(marks) == len(glued):  # the same places, in the same order
            block.markdown = _insert_spaces(block.markdown, [marks[k] for k in spaced])

    def _meeting(self, text: str, j: int, at: int, cursor: int, stop: int) -> int:
        """Where text[j] is in self.text, or -1. at: where it should be. Where the engine
        changed the block's text before it, the rest of the block's stretch of the page
        (cursor to stop) is searched, each search paid from the page's budget."""
        left = "".join(text[max(0, j - _RESPACE_CONTEXT_CHARS) : j].split())
        right = "".join(text[j : j + _RESPACE_CONTEXT_CHARS].split())
        if self.text[at - len(left) : at + len(right)] == left + right:
            return at
        if self._respace_budget <= 0:
            return -1
        found = self.text.find(left + right, cursor, stop)
        self._respace_budget -= (found if found >= 0 else stop) - cursor
        return found + len(left) if found >= 0 else -1

    def _spaced_at(self, at: int) -> bool:
        """Whether the page shows a space before self.text[at], where two of its text nodes meet."""
        k = bisect.bisect_right(self.starts, at) - 1
        if k < 1 or self.starts[k] != at:
            return False  # inside one text node: written so on the page
        # The page spaces them when either text has a space at that end, or a block element, a
        # <br> or a text of spaces alone sits between them, as their common element's text shows.
        common = _common_ancestor(self.owners[k - 1], self.owners[k], _RESPACE_MAX_LEVELS)
        if common is None:
            return False
        shown = self._shown.get(common)
        if shown is None:
            if self._respace_budget <= 0:
                return False  # a page of many run-together words: its text is read at most twice
            shown = self._shown[common] = " ".join(text_of(common).split())
            self._respace_budget -= len(shown)
        # The two texts' ends, each from its own node only: a neighbour may lie outside common.
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
        between = r"\s*".join(map(re.escape, self.text[max(at - _RESPACE_CONTEXT_CHARS, self.starts[k - 1]) : at]))
        between += r"(\s?)" + r"\s*".join(map(re.escape, self.text[at : min(at + _RESPACE_CONTEXT_CHARS, end)]))
        meeting = re.search(between, shown)
        return meeting is not None and meeting.group(1) == " "

    def owner_at(self, pos: int) -> Any:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.owners[i] if i >= 0 else None

    def find(self, text: str, cursor: int) -> int:
        key = _SPACE.sub("", text[: _ALIGN_CHARS * 4])[:_ALIGN_CHARS]
        if not key:
            return -1
        found = self.text.find(key, cursor)
        if found < 0:
            found = self.text.find(key)
        return found

    def align(self, extraction: Extraction) -> None:
        """Set each block's line span and source element; unaligned blocks take the previous line."""
        cursor, line = 0, 1
        for block in extraction.blocks:
            first = block.text.split("\n", 1)[0]
            pos = self.find(first, cursor)
            owner = self.owner_at(pos) if pos >= 0 else None
            if owner is not None:
                cursor = pos + 1
                line = owner.sourceline or line
                end_line = line
                last = block.text.rsplit("\n", 1)[-1]
                end = self.find(last[-_ALIGN_CHARS:], pos)
                end_owner = self.owner_at(end) if end >= 0 else None
                if end_owner is not None and end_owner.sourceline and end_owner.sourceline >= line:
                    end_line = end_owner.sourceline
                if _may_be_glued(block.text):
                    self.respace(block, pos, max(end + _ALIGN_CHARS, pos + len(block.text)))
            else:
                end_line = line
            block.start, block.end = line, end_line
            extraction.sources.append(owner)
