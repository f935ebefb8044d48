"""Judge the Blocks of an HTML capture: drop what repeats the metadata, then what the
DOM around a block marks as chrome, then (optionally) the text classifier.

trafilatura already chose the main content, so a block is kept unless something
specific speaks against it: its source element, its link share, or the classifier.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Container
from typing import Any

from ..dates import find_dates, month_first_page, strip_time
from ..model import SLIGHT, Block, BlockKind, Document, Drop, DropSource, Evidence
from ..settings import Settings
from ..text.inline import OTHER_SENTENCE_ENDS
from ..text.meta import authors_of, pick_date, strong_byline, trim_byline
from ..urls import split_address, urlsplit
from .extract import BLOCK_TAGS, RESPONSIVE, leads_away, paragraph_parent, text_len, text_of, words
from .prune import SMALL_PROSE_CHARS

# A printed address ("http://amzn.to/2iJFhRj") is text the author wrote out, even as a link.
_URL_TEXT = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


def container(el: Any, chars: int = 0) -> Any:
    """The nearest block-level element around el whose text is at least `chars` long
    (a block trafilatura merged from several elements needs the element around them all)."""
    box = el
    while box is not None:
        if box.tag in BLOCK_TAGS and (chars <= 0 or text_len(box) >= chars):
            return box
        box = box.getparent()
    return None


def _wrapping_link(el: Any) -> Any:
    """The <a> element that el sits in, if any."""
    if el.tag == "a":
        return el
    return next(el.iterancestors("a"), None)


def link_counts(block: Block, source: Any) -> tuple[int, int]:
    """(characters of the block's text inside links, number of links), read from the source:
    a block inside a link is all link text; otherwise the links of its container whose
    text the block holds."""
    text = block.text
    cover = int(len(text.replace(" ", "")) * _CONTAINER_COVER)
    link = _wrapping_link(source)
    box = container(source, cover)
    if link is not None and text_len(link) >= cover and not (box is not None and _permalink(link, box)):
        return len(text), 1  # a teaser: the whole block is one link
    if box is None:
        return 0, 0
    chars = links = 0
    for a in box.iter("a"):
        label = " ".join(text_of(a).split())
        if label and label in text and not _permalink(a, box):
            chars += len(label)
            links += 1
    return min(chars, len(text)), links


_CONTAINER_COVER = 0.8  # the container must hold this share of the block's characters


def _permalink(link: Any, box: Any) -> bool:
    """A link to the block itself: a section heading's anchor (<h2 id="x"><a href="#x">),
    which documentation pages put on every heading. It leads nowhere else, so its text is
    the heading's, not a link's. The target is the box, an element inside it, or the
    box's parent (a section that carries the id)."""
    target = in_page_target(link)
    if target is None:
        return False
    parent = box.getparent()
    if parent is not None and target in (parent.get("id"), parent.get("name")):
        return True
    return _holds_anchor(box, (target,))


def in_page_target(link: Any) -> str | None:
    """The id or name an in-page link points to (<a href="#x">: "x"); None for any other link."""
    href = (link.get("href") or "").strip()
    return href[1:] if href.startswith("#") and len(href) > 1 else None


def _holds_anchor(el: Any, names: Container[str]) -> bool:
    """el or an element inside it carries one of `names` as its id or name."""
    return any(isinstance(e.tag, str) and (e.get("id") in names or e.get("name") in names) for e in el.iter())


def set_link_features(blocks: list[Block], sources: list[Any]) -> None:
    """Link text from the source DOM; a paragraph inside <figcaption> becomes a caption."""
    for block, source in zip(blocks, sources):
        if source is not None:
            block.link_chars, block.links = link_counts(block, source)
            if block.kind is BlockKind.PARAGRAPH and (source.tag in _CAPTION_TAGS or any(True for _ in source.iterancestors(*_CAPTION_TAGS))):
                block.kind = BlockKind.CAPTION


_CAPTION_TAGS = ("figcaption", "caption")


def _f1(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = len(set(a) & set(b))
    if not common:
        return 0.0
    p, r = common / len(set(a)), common / len(set(b))
    return 2 * p * r / (p + r)


_BYLINE_START = re.compile(r"^(?:(?:posted|written|words|story|text|reporting)\s+)?(?:by|von|par|por|di|door|av|przez|oleh)\s+\S", re.I)
_DATE_WORDS = re.compile(r"\b(?:(?i:updated|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.)|[A-Z]{1,4}T|GMT|UTC)\b")  # labels; time zones in capitals


def _date_line(text: str, link_chars: int = 0) -> bool:
    """A line that is a date and little else: 'segunda-feira, 22 de janeiro de 2018 às 0:13',
    'Updated Nov. 19, 2019 at 9:24 p.m. ET'. Not one whose links hold more than its dates: a
    teaser's linked title and its date ('Allocating on the Stack, 27 February 2026')."""
    dates = find_dates(text)
    if not dates or link_chars > sum(d.end - d.start for d in dates):
        return False
    rest, pos = [], 0
    for d in dates:
        rest.append(text[pos : d.start])
        pos = d.end
    rest.append(text[pos:])
    return len(words(_DATE_WORDS.sub(" ", strip_time(" ".join(rest))))) <= _DATE_LINE_MAX_OTHER_WORDS


_DATE_LINE_MAX_OTHER_WORDS = 4  # a weekday, a label ("Published", "às"), a time zone


def is_prose(block: Block, min_chars: int) -> bool:
    """A paragraph of running text: long enough, and words rather than one long URL."""
    return block.kind is BlockKind.PARAGRAPH and len(block.text) >= min_chars and len(block.text.split()) >= _PROSE_MIN_WORDS


_PROSE_MIN_WORDS = 8


def head_indices(blocks: list[Block], prose_chars: int, max_blocks: int) -> list[int]:
    """The blocks above the article's first prose paragraph, where headline, standfirst,
    byline and date sit; at most max_blocks of them."""
    out = []
    for i, b in enumerate(blocks):
        if is_prose(b, prose_chars):
            break
        out.append(i)
        if len(out) >= max_blocks:
            break
    return out


_NOT_COPIES = (BlockKind.QUOTE, BlockKind.CODE)


def drop_copies(blocks: list[Block], sources: list[Any], settings: Any) -> None:
    """A run of kept blocks that prints an earlier run again word for word, both of
    settings.html_copy_run_min_blocks blocks and settings.html_copy_run_min_chars characters
    or more, is a second copy when the boxes around the two runs tell so (_same_boxes): a
    site builder's layout for another screen width, each copy hidden by a style sheet the
    cleaner does not read. The first copy stays. A meal plan whose days repeat the same
    meals is no copy: each day's box holds a heading of its own. Quotes and code are no
    part of a run: a reply quotes a post, and a manual shows a snippet again in each
    language's tab, by design."""
    kept = [i for i, b in enumerate(blocks) if b.drop is None and b.text]
    keys = [" ".join(blocks[i].text.split()) if blocks[i].kind not in _NOT_COPIES else None for i in kept]
    first: dict[str, int] = {}
    for at, key in enumerate(keys):
        if key is not None:
            first.setdefault(key, at)
    texts: dict[Any, str] = {}  # each box's text, read once however many runs it holds
    at = 0
    while at < len(kept):
        key = keys[at]
        start = first[key] if key is not None else at
        if start == at:
            at += 1
            continue
        # Extend the run while both copies go on alike, the earlier one ending where this begins.
        end, chars = at, 0
        while end < len(kept) and start + end - at < at and keys[end] is not None and keys[end] == keys[start + end - at]:
            chars += len(blocks[kept[end]].text)
            end += 1
        if end - at < settings.html_copy_run_min_blocks or chars < settings.html_copy_run_min_chars:
            at += 1  # a longer run may start inside this one, copying another place
            continue
        if _same_boxes([sources[i] for i in kept[start : start + end - at]], [sources[i] for i in kept[at:end]], texts):
            for i in kept[at:end]:
                blocks[i].drop = Drop(DropSource.CLASSIFIER, "copy")
        # Past the run either way: a run inside it lies in the same boxes (and the boxes'
        # text is read once for each long run, not once for each of its blocks).
        at = end


def _same_boxes(earlier: list[Any], later: list[Any], texts: dict[Any, str]) -> bool:
    """Neither run's smallest surrounding element holds the other's, and either one's text
    holds the other's whole, or a box on either side, below where they meet, carries a
    class that shows or hides it by screen width (the copies then need not match: a wide
    layout adds a heading or moves a paragraph the narrow one places elsewhere)."""
    if any(el is None for el in (*earlier, *later)):
        return False
    one, two = _around(earlier), _around(later)
    if one is None or two is None or one is two or two in one.iterancestors() or one in two.iterancestors():
        return False
    # Sets of the elements themselves, not of their id()s: lxml makes an element's Python
    # object afresh once the last one is gone, and a new object may take a freed id.
    shared = set(one.iterancestors()) & set(two.iterancestors())
    for box in (one, two):
        if any(RESPONSIVE.search(el.get("class") or "") for el in (box, *itertools.takewhile(lambda a: a not in shared, box.iterancestors()))):
            return True
    for box in (one, two):
        if box not in texts:
            texts[box] = " ".join(text_of(box).split())
    first, second = texts[one], texts[two]
    return first in second or second in first


def _around(elements: list[Any]) -> Any:
    """The innermost element that holds the first and the last of elements, and so, in
    the page's order, all between (None when they share no tree). Two walks up the tree,
    not one for each element: a deep page's runs stay linear."""
    ancestors = {elements[0], *elements[0].iterancestors()}
    return next((el for el in (elements[-1], *elements[-1].iterancestors()) if el in ancestors), None)


def drop_repeated_metadata(blocks: list[Block], doc: Document, settings: Settings) -> None:
    """The headline, standfirst, byline and date lines at the top are metadata, not body.
    The headline is the level-1 heading there, or a block that repeats the title; what
    sits above it (kickers, section labels) goes too."""
    title = words(doc.title)
    dek = words(doc.subtitle) or words(doc.description)
    byline = "".join((doc.byline or "").split())  # spacing apart: "X —10 min read" is "X—10 min read"
    head = head_indices(blocks, settings.html_prose_min_chars, settings.html_head_max_blocks)
    headline = None
    for i in head:
        b = blocks[i]
        if b.drop is not None or not b.text:
            continue
        bw = words(b.text)
        reason = None
        if (b.kind is BlockKind.HEADING and b.level == 1) or (title and _f1(bw, title) >= settings.html_meta_repeat_min_f1):
            reason = "title"
            headline = i if headline is None else headline
        elif dek and b.kind is BlockKind.HEADING and _f1(bw, dek) >= settings.html_meta_repeat_min_f1:
            reason = "subtitle"
        elif len(b.text) <= settings.html_meta_line_max_chars and (
            # "By" and names, not a sentence ("By using this site, you agree ...")
            (declared := bool(byline) and byline in "".join(b.text.split()))
            or _BYLINE_START.match(b.text) and strong_byline(b, settings) is not None
        ):
            reason = "byline"
            if declared:
                # Once: a short byline ("Joe", a forum member's name) is in other lines
                # by the headline too, which are the body's.
                byline = ""
        elif len(b.text) <= settings.html_meta_line_max_chars and _date_line(b.text, b.link_chars):
            reason = "date"
        if reason:
            b.drop = Drop(DropSource.METADATA, reason)
            _take_field(doc, reason, b, blocks, settings)
    if headline is not None and settings.html_drop_before_headline:
        above = [b for b in blocks[:headline] if b.drop is None]
        total = sum(len(b.text) for b in blocks if b.drop is None)
        if sum(len(b.text) for b in above) <= settings.html_before_headline_max_share * total:
            for b in above:
                b.drop = Drop(DropSource.CLASSIFIER, "before-headline")


def _take_field(doc: Document, reason: str, block: Block, blocks: list[Block], settings: Settings) -> None:
    """A byline or date line dropped as metadata is the field when the page declares none
    (an older page prints them as lines of text, without markup): dropped, it would be lost."""
    if reason == "byline" and not doc.byline and not doc.authors:
        if byline := trim_byline(block.text, settings):
            doc.byline, doc.authors = byline, authors_of(byline, settings)
            doc.evidence["byline"] = Evidence("'By' line above the first paragraph", block.start)
            if doc.authors:
                doc.evidence["authors"] = doc.evidence["byline"]
    elif reason == "date" and not doc.date and (picked := pick_date(block.text, settings, month_first=month_first_page(b.text for b in blocks))):
        doc.date = picked[0].iso
        doc.evidence["date"] = Evidence("date line above the first paragraph", block.start)


def judge(blocks: list[Block], language: str | None, title: str | None, settings: Any, sources: list[Any] | None = None,
          targets: frozenset[str] = frozenset(), url: str | None = None, dump: bool = False) -> None:
    """settings.html_judge: "gentle" (the default), "classifier" (the text classifier) or "none".
    sources: the source element of each block (None where unaligned), for the gentle judge;
    url: the page's address, which tells its own links from other sites'; dump: the blocks
    are the engine's dump of the whole page (engine.is_dump)."""
    if settings.html_judge == "classifier":
        from ..classify import classify

        classify(blocks, language, title, settings)
    elif settings.html_judge == "gentle":
        gentle(blocks, settings, sources, targets, url, dump)


# "review" or "reviews" as a word of a class, id or data-hook ("individual-review__body",
# "product-reviews", "review-body"), not inside another word ("preview", "reviewed").
_REVIEW_WORD = re.compile(r"(?:^|[^a-z])reviews?(?:[^a-z]|$)")


def product_reviews(blocks: list[Block], sources: list[Any]) -> None:
    """On a product page: drop the kept blocks inside a shoppers' review (an element or an
    ancestor named review or reviews). settings.html_product_drop_reviews says why."""
    for block, src in zip(blocks, sources):
        if block.drop is None and src is not None and _in_review(src):
            block.drop = Drop(DropSource.CLASSIFIER, "product-review")


def _in_review(el: Any) -> bool:
    for up in (el, *el.iterancestors()):
        if named_review(up):
            # One that holds the page's <h1> wraps the product itself, and so does all above it.
            return next(up.iter("h1"), None) is None
    return False


def named_review(el: Any) -> bool:
    """Whether the element's class, id or data-hook has the word review or reviews."""
    names = " ".join(v for v in (el.get("class"), el.get("id"), el.get("data-hook")) if v)
    return bool(names) and _REVIEW_WORD.search(names.lower()) is not None


def product_review_boxes(tree: Any, max_text_share: float) -> list[Any]:
    """On a product page, the outermost elements named review or reviews (named_review),
    to prune before the engine reads the page: left in, they can be what it reads, and
    the description next to them is lost. One that holds the page's <h1>, or more than
    max_text_share of its text, wraps the product itself and stays."""
    body = tree.find("body")
    root = body if body is not None else tree
    total = -1
    boxes: list[Any] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el is root or not named_review(el):
            continue
        if boxes and any(up is boxes[-1] for up in el.iterancestors()):
            continue
        if next(el.iter("h1"), None) is not None:
            continue
        own = text_len(el)
        if own > SMALL_PROSE_CHARS:  # a smaller box is not weighed against the page, as in prune
            if total < 0:
                total = text_len(root)
            if own > max_text_share * total:
                continue
        boxes.append(el)
    return boxes


def gentle(blocks: list[Block], settings: Any, sources: list[Any] | None = None, targets: frozenset[str] = frozenset(),
           url: str | None = None, dump: bool = False) -> None:
    """Drop only what speaks against itself: mostly link text (teasers, menus, 'Read more'),
    and a list of links that closes the page after the last paragraph (more stories). dump:
    the blocks are the engine's dump of the whole page, menus and all (engine.is_dump)."""
    dense = [
        b for b in blocks
        if b.drop is None and b.text and b.kind is not BlockKind.TABLE
        and b.link_chars >= settings.html_max_link_share * len(b.text) and not _URL_TEXT.match(b.text)
    ]
    # One block of very many links is a menu (a filter's options, a tag cloud), not a
    # listing's items, however much of the page it fills: it neither makes the page a
    # listing nor stays on one.
    menus = [b for b in dense if b.links >= settings.html_menu_min_links]
    if sources is not None and settings.html_nav_tree_min_items > 0:
        menus += _navigation_trees(blocks, dense, sources, settings)
    if dump and settings.html_dump_nav_max_words > 0:
        menus += _dump_navigation(blocks, dense, settings)
    for block in menus:
        block.drop = Drop(DropSource.CLASSIFIER, "link-density")
    if menus:
        dense = [b for b in dense if b.drop is None]
    total = sum(len(b.text) for b in blocks if b.drop is None)
    if sum(len(b.text) for b in dense) > settings.html_link_page_min_share * total:
        return  # the main content is a list of links (a listing, a category page): it stays
    titles = _linked_titles(blocks, dense, sources) if settings.html_keep_linked_titles else set()
    if sources is not None and settings.html_teaser_title_min_runs > 0:
        titles |= _teaser_titles(blocks, dense, sources, settings.html_teaser_title_min_runs)
    sections: set[int] = set()
    if sources is not None:
        titles |= _mixed_list_items(blocks, dense, sources, settings)
        titles |= _announced_lists(blocks, dense, sources, settings)
        sections = _listed_sections(blocks, sources, targets)
        titles |= sections
    for block in dense:
        if id(block) not in titles:
            block.drop = Drop(DropSource.CLASSIFIER, "link-density")
    _link_list_labels(blocks, settings)
    if sources is not None:
        _orphan_labels(blocks, sources, settings)
        _teasers_after(blocks, sources, settings, url)
    source_of = {id(b): s for b, s in zip(blocks, sources)} if sources is not None and url else {}
    _trailing_link_list([b for b in blocks if id(b) not in sections], settings, source_of, url)


_SENTENCE_BREAK = re.compile(r"\w[.!?][\"'”’)]?\s")  # a sentence's end and the space after it


def _dump_navigation(blocks: list[Block], dense: list[Block], settings: Any) -> list[Block]:
    """The engine found no main content (a page whose paragraphs are parted by <br>s holds no
    <p> for it to find) and gave the whole page. Where that holds running prose, its link
    lines of at most html_dump_nav_max_words words are the site's navigation, however much
    of the page they fill: the share test would keep them all as a listing's items."""
    if not any(_running_prose(b, settings) for b in blocks):
        return []
    return [b for b in dense if len(b.text.split()) <= settings.html_dump_nav_max_words]


def _running_prose(block: Block, settings: Any) -> bool:
    """A paragraph of html_dump_prose_min_chars or more, under html_dump_prose_max_link_share
    of it link text, with html_dump_prose_min_sentences sentence breaks or more (a select
    box's options, run into one line, have none)."""
    return (
        block.drop is None and is_prose(block, settings.html_dump_prose_min_chars)
        and block.link_chars < settings.html_dump_prose_max_link_share * len(block.text)
        and len(_SENTENCE_BREAK.findall(block.text)) >= settings.html_dump_prose_min_sentences
    )


def _navigation_trees(blocks: list[Block], dense: list[Block], sources: list[Any], settings: Any) -> list[Block]:
    """The blocks of a site's navigation tree that the reading took in: a nested list (an
    item holding a list of its own) of html_nav_tree_min_items link items or more, each of
    a few words ("Quickstart", "CONSELHOS MUNICIPAIS"). Pages that mark it up as <nav> lose
    it to the chrome rules; a page that does not (older markup, a docs site's sidebar in a
    <div>) would otherwise count it as a listing's items."""
    trees: dict[Any, list[Block]] = {}
    dense_ids = {id(b) for b in dense}
    for block, src in zip(blocks, sources):
        if id(block) not in dense_ids or src is None or block.links > 1:
            continue
        if lists := list(src.iterancestors("ul", "ol")):
            trees.setdefault(lists[-1], []).append(block)  # the outermost list
    out: list[Block] = []
    boxes: set[Any] = set()
    for box, items in trees.items():
        if len(items) < settings.html_nav_tree_min_items:
            continue
        if sorted(len(b.text.split()) for b in items)[len(items) // 2] > settings.html_nav_tree_max_words:
            continue
        if box.find(".//li//ul") is None and box.find(".//li//ol") is None:
            continue
        out.extend(items)
        boxes.add(box)
    if boxes and settings.html_nav_tree_takes_all:
        # The tree's other kept blocks are the menu's too: a mega-menu's promotions.
        taken = {id(b) for b in out}
        for block, src in zip(blocks, sources):
            if block.drop is None and src is not None and id(block) not in taken and any(up in boxes for up in src.iterancestors("ul", "ol")):
                out.append(block)
    return out


def _listed_sections(blocks: list[Block], sources: list[Any], targets: frozenset[str]) -> set[int]:
    """The ids of the blocks under a heading that the page's own table of contents links
    to (<a href="#x"> to the heading's id): a section of the document, whose lists of
    links are its content, not a box of other stories."""
    out: set[int] = set()
    if not targets:
        return out
    inside = False
    for block, src in zip(blocks, sources):
        if block.kind is BlockKind.HEADING:
            inside = src is not None and _is_target(src, targets)
        elif inside:
            out.add(id(block))
    return out


def _is_target(el: Any, targets: frozenset[str]) -> bool:
    box = container(el)
    if box is None:
        return False
    # The heading's own id, or an anchor inside it; not an ancestor's: a skip link points
    # to the wrapper of the whole content ("#main").
    return _holds_anchor(box, targets)


def _linked_titles(blocks: list[Block], dense: list[Block], sources: list[Any] | None = None) -> set[int]:
    """The ids of linked headings that title text which stays: on a listing or a docs page
    each item is a heading linking to its page over a summary, and the summary alone
    reads as a fragment. A definition list's linked term over its definition (an API
    reference: a method's name over what it does) is a title the same way. The title's
    next block with text must be kept and not itself mostly links (a heading over a list
    of links titles nothing that stays)."""
    dense_ids = {id(b) for b in dense}
    terms = {id(b) for b, src in zip(blocks, sources or ()) if id(b) in dense_ids and src is not None and _in_term(src)}
    out: set[int] = set()
    following: Block | None = None
    for block in reversed(blocks):
        if not block.text:
            continue
        if (
            (block.kind is BlockKind.HEADING or id(block) in terms) and id(block) in dense_ids
            and following is not None and following.kind is not BlockKind.HEADING
            and following.drop is None and id(following) not in dense_ids
        ):
            out.add(id(block))
        following = block
    return out


def _teaser_titles(blocks: list[Block], dense: list[Block], sources: list[Any], min_runs: int) -> set[int]:
    """The ids of linked lines that title a summary which stays, where the page repeats
    that unit (title then summary, the titles' elements of one tag and class) min_runs
    times or more: a blog's index or a listing prints each item so, in paragraphs rather
    than headings. A single linked line over a paragraph ("Related: ...") is no such run,
    nor are the links to other stories an article sets between its own paragraphs (the
    title's element is of the summary's tag and class), nor one line printed under every
    item ("Get the Recipe": a button)."""
    dense_ids = {id(b) for b in dense}
    groups: dict[tuple[str, str], list[Block]] = {}
    following: tuple[Block, Any] | None = None
    for block, src in zip(reversed(blocks), reversed(sources)):
        if not block.text:
            continue
        if (
            id(block) in dense_ids and block.kind is not BlockKind.HEADING and src is not None
            and following is not None and following[0].kind is BlockKind.PARAGRAPH
            and following[0].drop is None and id(following[0]) not in dense_ids and following[1] is not None
        ):
            box, summary = _signature(src), _signature(following[1])
            if box != summary:  # an article's link between two of its own paragraphs is no title
                groups.setdefault(box, []).append(block)
        following = (block, src)
    out: set[int] = set()
    for titles in groups.values():
        seen = Counter(b.text for b in titles)
        once = [b for b in titles if seen[b.text] == 1]
        if len(once) >= min_runs:
            out.update(map(id, once))
    return out


def _signature(el: Any) -> tuple[str, str]:
    """The tag and class of the block element holding el (the root's, if none does)."""
    box = container(el)
    if box is None:
        box = el.getroottree().getroot()
    return box.tag, box.get("class") or ""


def _mixed_list_items(blocks: list[Block], dense: list[Block], sources: list[Any], settings: Any) -> set[int]:
    """The ids of linked list items in a list whose other items are mostly text: a reading
    list ("Tuning Your Server by Greg Smith"), where some titles carry their author's name
    and some do not. A menu or a list of other stories is links throughout."""
    dense_ids = {id(b) for b in dense}
    # Keyed by the list element itself, which the dict keeps alive: lxml makes a new proxy
    # for an element no one holds, so id(box) of a freed one could name another list.
    lists: dict[Any, list[Block]] = {}
    for block, src in zip(blocks, sources):
        if block.kind is BlockKind.LIST_ITEM and src is not None and block.text and block.drop is None:
            box = next(src.iterancestors("ul", "ol"), None)
            if box is not None:
                lists.setdefault(box, []).append(block)
    out: set[int] = set()
    for items in lists.values():
        plain = sum(1 for b in items if id(b) not in dense_ids and len(b.text) - b.link_chars >= settings.html_mixed_list_min_text_chars)
        if plain >= settings.html_mixed_list_min_plain_share * len(items):
            out.update(id(b) for b in items if id(b) in dense_ids)
    return out


def _announced_lists(blocks: list[Block], dense: list[Block], sources: list[Any], settings: Any) -> set[int]:
    """The ids of linked list items in a list that a kept paragraph of the text announces
    with a colon ("Many patches were sent for review:", of html_announced_list_min_words
    words or more) and that kept text follows: a list the article sets between its own
    paragraphs, each item linking to what it names. Other stories' links close a page or a
    box, and their label is short ("Related:")."""
    least = settings.html_announced_list_min_words
    if least <= 0 or not any(b.kind is BlockKind.LIST_ITEM for b in dense):
        return set()
    dense_ids = {id(b) for b in dense}
    out: set[int] = set()
    shown = [(b, s) for b, s in zip(blocks, sources) if b.text]
    # Each shown block's list element (None for any other block): a run of items of one
    # list is one group. The list keeps each element's proxy alive, so identity holds.
    lists = [next(s.iterancestors("ul", "ol"), None) if b.kind is BlockKind.LIST_ITEM and s is not None else None for b, s in shown]
    for _, run in itertools.groupby(range(len(shown)), key=lambda k: id(lists[k])):
        first, *rest = run
        end = (rest[-1] if rest else first) + 1  # the run is shown[first:end]
        if lists[first] is None:
            continue
        before = shown[first - 1][0] if first else None
        after = shown[end][0] if end < len(shown) else None
        if (
            before is not None and before.drop is None and id(before) not in dense_ids
            and before.kind is BlockKind.PARAGRAPH and before.text.rstrip().endswith(":")
            and len(before.text.split()) >= least
            and after is not None and after.drop is None and id(after) not in dense_ids
        ):
            out.update(id(b) for b, _ in shown[first:end] if id(b) in dense_ids)
    return out


def _in_term(el: Any) -> bool:
    """el is a definition list's term (<dt>) or inside one."""
    return el.tag == "dt" or any(True for _ in el.iterancestors("dt"))


_SENTENCE_END = re.compile(rf"[.!?。！？{OTHER_SENTENCE_ENDS}]['\"’”)]*$")


def _link_list_labels(blocks: list[Block], settings: Any) -> None:
    """A short label right above a block dropped for its links ("Tags", "Top stories") goes with it."""
    previous: Block | None = None
    for block in blocks:
        if not block.text:
            continue
        if (
            previous is not None and previous.drop is None
            and block.drop is not None and block.drop.reason == "link-density"
            and previous.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
            and len(previous.text.split()) <= settings.label_max_words and not _SENTENCE_END.search(previous.text)
        ):
            previous.drop = Drop(DropSource.CLASSIFIER, "link-list-label")
        previous = block


def _orphan_labels(blocks: list[Block], sources: list[Any], settings: Any) -> None:
    """A short label whose list of links the engine dropped ("More:" over a list of other
    stories, aljazeera.com): in the page, the element right after the label's is a list of
    links, and none of it reached the body."""
    kept: set[int] | None = None
    for block, src in zip(blocks, sources):
        if block.drop is not None or src is None or block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            continue
        if len(block.text.split()) > settings.label_max_words or _SENTENCE_END.search(block.text):
            continue
        box = container(src)
        after = box.getnext() if box is not None else None
        while after is not None and (not isinstance(after.tag, str) or not text_len(after)):
            after = after.getnext()
        if after is None or after.tag not in ("ul", "ol") or _URL_TEXT.match(block.text):
            continue
        links = sum(map(text_len, after.iter("a")))
        if links < settings.html_max_link_share * text_len(after):
            continue
        if kept is None:
            kept = {id(s) for b, s in zip(blocks, sources) if s is not None and b.drop is None}
        if not any(id(d) in kept for d in after.iter()):
            block.drop = Drop(DropSource.CLASSIFIER, "link-list-label")


def _trailing_link_list(blocks: list[Block], settings: Any, source_of: dict[int, Any] | None = None, url: str | None = None) -> None:
    """After the last prose paragraph, a run of list items that each carry a link is a
    list of other stories ("More great stories", "Latest headlines"), unless every item
    links to other sites only: the article's references, sources and further reading."""
    kept = [b for b in blocks if b.drop is None and b.text]
    run: list[Block] = []
    for block in reversed(kept):
        if block.kind is BlockKind.LIST_ITEM and block.links and block.link_chars >= settings.html_list_link_share * len(block.text):
            run.append(block)
        elif block.kind is BlockKind.LIST_ITEM or is_prose(block, settings.html_prose_min_chars):
            break
        elif run and block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH) and len(block.text) <= settings.html_meta_line_max_chars:
            run.append(block)  # the list's own label ("More Great WIRED Stories")
            break
        else:
            break
    items = [b for b in run if b.kind is BlockKind.LIST_ITEM]
    if len(items) >= settings.html_list_min_items and not (source_of and url and all(_cites_elsewhere(source_of.get(id(b)), url) for b in items)):
        for block in run:
            block.drop = Drop(DropSource.CLASSIFIER, "closing-link-list")


def _site(host: str) -> str:
    """The host's last two labels, three under a short second-level label ("bbc.co.uk"):
    edition.cnn.com and cnn.com are one site."""
    labels = host.lower().removeprefix("www.").split(".")
    keep = 3 if len(labels) > 2 and len(labels[-2]) <= 3 and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def _cites_elsewhere(source: Any, url: str) -> bool:
    """Whether the element's links all lead to other sites: a reference, not a teaser."""
    if source is None:
        return False
    own = _site(split_address(url).hostname or "")
    hosts = [urlsplit(a.get("href") or "").hostname or "" for a in source.iter("a")]
    return bool(hosts) and bool(own) and all(host and _site(host) != own for host in hosts)


def _teasers_after(blocks: list[Block], sources: list[Any], settings: Any, url: str | None) -> None:
    """Past the end of an article's box (html_teasers_after_min_prose paragraphs of prose),
    a kept block in a box of teaser cards beside it goes as "teasers": a box with two or
    more headings that are wholly a link to another page of the site (_card_titles) and
    at most html_teaser_card_max_chars of text a title (a card's title and summary, not a
    section of a buying guide). Links to other sites title references and link previews."""
    least = settings.html_teasers_after_min_prose
    if least <= 0:
        return
    weight: dict[Any, int] = {}
    prose: dict[Any, int] = {}
    for block, src in zip(blocks, sources):
        if block.drop is None and src is not None and (box := paragraph_parent(src)) is not None:
            weight[box] = weight.get(box, 0) + len(block.text)
            prose[box] = prose.get(box, 0) + is_prose(block, settings.html_prose_min_chars)
    if not weight:
        return
    main = max(weight, key=weight.__getitem__)
    if prose[main] < least:
        return
    inside = set(main.iter())
    last = max(n for n, src in enumerate(sources) if src in inside)
    around = set(main.iterancestors())
    own = _site(split_address(url).hostname or "") if url else ""
    cards: dict[Any, bool] = {}
    for block, src in zip(blocks[last + 1:], sources[last + 1:]):
        if block.drop is not None or src is None or src in inside:
            continue
        for box in itertools.chain((src,), src.iterancestors()):
            if box in around:
                break  # up to the box that holds the article too
            if box not in cards:
                titles = _card_titles(box, own, settings)
                cards[box] = titles >= 2 and text_len(box) <= settings.html_teaser_card_max_chars * titles
            if cards[box]:
                block.drop = Drop(DropSource.CLASSIFIER, "teasers")
                break


def drop_slight_reading(blocks: list[Block], shown: int, settings: Any) -> None:
    """A reading of a few short lines (under html_slight_max_chars columns all told, none of
    html_slight_max_line_chars or more) on a page that shows far more text elsewhere (the
    reading's characters under html_slight_max_page_share of shown, the page's characters
    without whitespace, extract.chars_of) is the
    chrome left of a page whose capture lacks its content, a shell a script fills in: a
    search box's prompt, a cart, a site's name beside the menus and the footer. It goes as
    "slight", and the page comes out empty. A page that shows little more than the reading
    holds is that reading, and keeps it."""
    kept = [b for b in blocks if b.drop is None and b.text]
    reading = sum(len(b.text) for b in kept)
    if not kept or reading >= settings.html_slight_max_chars or reading >= settings.html_slight_max_page_share * shown:
        return
    # Measured as wide as it shows: a line of 25 Chinese characters is a sentence.
    if sum(map(_width, (b.text for b in kept))) >= settings.html_slight_max_chars:
        return
    if any(_width(line) >= settings.html_slight_max_line_chars for b in kept for line in b.text.splitlines()):
        return
    for block in kept:
        block.drop = SLIGHT


def _width(text: str) -> int:
    """Columns the text takes: East Asian wide and full-width characters take two."""
    return len(text) + sum(1 for c in text if ord(c) >= 0x1100 and unicodedata.east_asian_width(c) in "WF")


def _card_titles(el: Any, own: str, settings: Any) -> int:
    """How many of el's headings (not the headline) are wholly a link to another page of
    the site (own: its name, _site; "" for a page of unknown address, whose relative links
    alone are its own)."""
    count = 0
    for h in el.iter("h2", "h3", "h4", "h5", "h6"):
        links = [a for a in itertools.chain(h.iter("a"), h.iterancestors("a"))
                 if leads_away(a) and _site(urlsplit(a.get("href") or "").hostname or own) == own]
        if links and sum(map(text_len, links)) >= settings.html_max_link_share * text_len(h):
            count += 1
    return count
