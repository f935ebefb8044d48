"""trafilatura's readings of one page, with the work they share done once.

The fast reading, and for a page it reads short the full reading (and the full reading
favouring recall), each start the same way inside bare_extraction: a copy of the whole
page, the raw-tree pruning (XPaths whose regular expressions run in Python for every
div), and, for a short reading, a measure of the page's text (trafilatura.baseline.html2txt:
another copy and a pass over it). None of that depends on the reading, and nothing after
it changes the pruned copy, so a Page does it once and each reading starts from there.

Page.read runs the rest of trafilatura 2.3's bare_extraction and trafilatura_sequence
(core.py) step for step for the options the cleaner passes (no comments, no metadata, no
target language, no deduplication), through the same functions; pyproject.toml bounds
trafilatura below 2.4, and tests/test_html_engine.py checks that its readings are
bare_extraction's.
"""
from __future__ import annotations

import functools
import hashlib
import re
from copy import copy
from typing import Any

import lxml.etree

from ..settings import Settings

# A bound on the length of trafilatura's html2txt text, read in C: the body's text with XML
# whitespace runs made one space (normalize-space keeps the other Unicode spaces, which
# str.split also takes), and two characters for each element, as many as html2txt's
# spaces at the start and end of a block element can add.
_SPACED_CHARS = lxml.etree.XPath("string-length(normalize-space(string()))")
_ELEMENTS = lxml.etree.XPath("count(descendant-or-self::*)")


@functools.lru_cache(maxsize=8)
def _options(fast: bool, precision: bool, recall: bool) -> Any:
    """The Extractor bare_extraction builds from the cleaner's keywords, without a URL.
    Built once: its constructor reads trafilatura's config values each time (its
    date_params, dated the day it is built, serve only the metadata reading, which is off)."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="xml", fast=fast, precision=precision, recall=recall, comments=False, formatting=True,
        links=False, images=False, tables=True, dedup=False, with_metadata=False,
    )


def options(settings: Settings, url: str | None, fast: bool | None = None, recall: bool | None = None) -> Any:
    """The options of one reading. fast, recall: None for settings.html_engine_fast,
    settings.html_engine_favor_recall."""
    made = copy(_options(
        settings.html_engine_fast if fast is None else fast, settings.html_engine_favor_precision,
        settings.html_engine_favor_recall if recall is None else recall,
    ))
    made.url = url
    made.source = url and url.encode("utf-8", "replace").decode("utf-8")  # as Extractor's constructor sets it
    return made


@functools.lru_cache(maxsize=1)
def discard_test() -> Any:
    """trafilatura's first OVERALL_DISCARD_XPATH (boxes it removes for a class or id word)
    as a test of one element, or None when its shape is not the one this adapter knows."""
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    path = OVERALL_DISCARD_XPATH[0].path.strip()
    if not path.startswith(".//*["):
        return None
    return lxml.etree.XPath("self::*" + path[len(".//*"):], namespaces={"re": "http://exslt.org/regular-expressions"})


# trafilatura's raw-tree and comment XPaths (xpaths.RAW_TREE_PRUNE_XPATH,
# REMOVE_COMMENTS_AND_LISTS_XPATH) test @id and @class with EXSLT regular expressions, which
# lxml runs as a Python call for each div: the two passes were 9% of the HTML path's
# instructions on the dev bench. The same selection is made here from the tags (found in C)
# and a substring each pattern needs, and the patterns confirm the few elements that hold
# one. It is used only while trafilatura's XPaths are the ones it was written from (the
# start of their text's SHA-256).
_RAW_PRUNE_SHA = "0a775839824a964b"
_COMMENTS_SHA = "9cc18d34e6e2d258"
_SCROLL_BOXES = ("div", "section", "aside")
_SCROLL = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_MVP = re.compile(r"mvp-post-add-(?:box|wrap)")
_SHARE_BUTTONS = "elementor-share-buttons"
_COMMENT_BOXES = ("div", "list", "section", "details", "ol", "ul")
_COMMENT_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENT_LIST_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol)")
_COMMENT_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")


def _known(xpaths: list[Any], sha: str) -> bool:
    return hashlib.sha256("\n".join(x.path for x in xpaths).encode()).hexdigest()[:16] == sha


@functools.lru_cache(maxsize=1)
def fast_pruning() -> bool:
    """Whether the installed trafilatura's pruning XPaths are those prune_raw and
    prune_comments select as."""
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    return _known(RAW_TREE_PRUNE_XPATH, _RAW_PRUNE_SHA) and _known(REMOVE_COMMENTS_AND_LISTS_XPATH, _COMMENTS_SHA)


def prune_raw(tree: Any) -> Any:
    """prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH): infinite-scroll boxes holding no
    <h1> (or a theme's appended posts), then share-button boxes, removed in that order."""
    if not fast_pruning():
        return _prune_by_xpaths(tree, "RAW_TREE_PRUNE_XPATH")
    scroll, share = [], []
    for el in tree.iter(_SCROLL_BOXES):
        if el is tree:
            continue  # the XPaths look below the tree's root
        ident, cls = el.get("id") or "", el.get("class") or ""
        if (
            ("mvp-post-add-" in ident or "scroll" in ident or "mvp-post-add-" in cls or "scroll" in cls)
            and (_SCROLL.search(ident) or _SCROLL.search(cls))
            and (el.find(".//h1") is None or _MVP.search(ident) or _MVP.search(cls))
        ):
            scroll.append(el)
        if _SHARE_BUTTONS in cls:
            share.append(el)
    # Each list is selected before any removal, as each XPath is; a box the first removal
    # took with its parent is no longer in the tree, and removing it again changes nothing.
    return _removed(tree, scroll + share)


# trafilatura discards an element whose style holds the word "hidden" (OVERALL_DISCARD_XPATH),
# unless that would leave under a seventh of the page's text, to drop what the page hides;
# "overflow: hidden", which clips a box's edges and hides nothing, took accordions with it.
_HIDDEN_STYLES = lxml.etree.XPath("//@style[contains(., 'hidden')]")  # the attributes: twice as fast
_OVERFLOW_HIDDEN = re.compile(r"overflow(?:-[xy])?\s*:\s*hidden\s*(?:!important\s*)?;?", re.I)


def unhide_overflow(tree: Any, html: str) -> None:
    """Take "overflow: hidden" out of the tree's style attributes (html: the page's source,
    which must say "overflow" for there to be any)."""
    if "overflow" not in html:
        return
    for style in _HIDDEN_STYLES(tree):
        if (bare := _OVERFLOW_HIDDEN.sub("", style)) != style:
            style.getparent().set("style", bare)


def prune_comments(tree: Any) -> Any:
    """prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH): comment boxes, and
    lists whose id or class names comments."""
    if not fast_pruning():
        return _prune_by_xpaths(tree, "REMOVE_COMMENTS_AND_LISTS_XPATH")
    found = []
    for el in tree.iter(_COMMENT_BOXES):
        ident, cls = el.get("id") or "", el.get("class") or ""
        if el is tree or not ("omment" in ident or "comol" in ident or "disqus_thread" in ident or "omment" in cls):
            continue
        if (_COMMENT_ID.search(ident) or _COMMENT_CLASS.search(cls)) and (
            el.tag not in ("ol", "ul") or _COMMENT_LIST_ID.search(ident) or _COMMENT_CLASS.search(cls)
        ):
            found.append(el)
    return _removed(tree, found)


def _removed(tree: Any, elements: list[Any]) -> Any:
    """The tree without the elements, each removed as trafilatura removes one (its tail kept)."""
    from trafilatura.xml import delete_element

    for el in elements:
        delete_element(el)
    return tree


def _prune_by_xpaths(tree: Any, name: str) -> Any:
    """prune_unwanted_nodes with trafilatura's own list of XPaths of that name."""
    from trafilatura import xpaths
    from trafilatura.htmlprocessing import prune_unwanted_nodes

    return prune_unwanted_nodes(tree, getattr(xpaths, name))


# trafilatura drops an element classed "message" (a notice) under the same guard as
# "hidden" styles (unhide_overflow); on a declared thread those are the posts (XenForo's
# "message--post", GameFAQs' "board message").
_MESSAGE_BOXES = lxml.etree.XPath("//*[contains(@class, 'message')]")


def is_dump(body: Any) -> bool:
    """Whether a reading is trafilatura's dump of the whole page's text: the last step of its
    baseline, taken when nothing else held enough text, puts every text node of the body in one
    paragraph, a line each. Its other steps make one paragraph per text, with no line breaks."""
    return body is not None and len(body) == 1 and body[0].tag == "p" and "\n" in (body[0].text or "")


# trafilatura's baseline reads the <article> elements holding at least a fifth of the longest
# one's text (its cutoff: the longest's length over 5); article_dump reads the same ones, its
# lengths counted a little otherwise (extract._structured checks the text is the blob's).
_BASELINE_ARTICLE_CUTOFF_DIVISOR = 5


def is_blob(body: Any, settings: Settings) -> bool:
    """Whether a reading is trafilatura's baseline of a page's <article> elements (or of its
    ld+json articleBody): a paragraph each, the element's whole text on one line, its
    headings, captions and byline run into it (settings.html_blob_max_paragraphs)."""
    return (
        body is not None and 0 < len(body) <= settings.html_blob_max_paragraphs
        and all(
            p.tag == "p" and not len(p) and len(p.text or "") >= settings.html_blob_min_paragraph_chars and "\n" not in (p.text or "")
            for p in body
        )
    )


class Page:
    """One page as every trafilatura reading of it starts (the tree is copied, not changed)."""

    def __init__(self, tree: Any, forum: bool = False) -> None:
        """forum: read comment boxes as posts even where the page declares no thread."""
        from trafilatura.core import _forum_thread_page

        self.forum = False
        self.tree: Any = None  # None: these steps failed as bare_extraction fails, so every reading is None
        self._without_comments: Any = None
        self._chars: dict[bool, int] = {}  # len(html2txt) of each tree, measured when a reading asks
        try:
            self.forum = forum or _forum_thread_page(tree)
            self.tree = prune_raw(copy(tree))
            if self.forum:
                for el in _MESSAGE_BOXES(self.tree):
                    el.set("class", el.get("class").replace("message", "post"))
            # Comments are off: the raw tree loses its comment boxes, except on a forum
            # thread read without favouring precision, where they are the posts.
            if not self.forum:
                self._without_comments = prune_comments(self.tree)
        except (TypeError, ValueError):
            self.tree = None

    def _pruned(self, comments_out: bool) -> Any:
        if not comments_out:
            return self.tree
        if self._without_comments is None:  # a forum thread read favouring precision
            self._without_comments = prune_comments(copy(self.tree))
        return self._without_comments

    def article_dump(self) -> Any:
        """The <article> elements trafilatura's baseline reads as a fast reading's blob (the
        outermost ones over its minimum length and at least a fifth of the longest), cleaned
        as it cleans them, as its dump prints a page: one paragraph, a line per text node.
        None when there is no such element, or it holds one line."""
        from trafilatura.baseline import _MIN_CONTENT_LENGTH, basic_cleaning

        if self.tree is None:
            return None
        texts = []
        for article in self._pruned(not self.forum).xpath(".//article[not(ancestor::article)]"):
            texts.append([line for node in basic_cleaning(copy(article)).itertext() if (line := " ".join(node.split()))])
        sizes = [sum(map(len, lines)) for lines in texts]
        longest = max(sizes, default=0)
        lines = [line for text, size in zip(texts, sizes)
                 if size > _MIN_CONTENT_LENGTH and _BASELINE_ARTICLE_CUTOFF_DIVISOR * size >= longest for line in text]
        if len(lines) < 2:
            return None
        body = lxml.etree.Element("body")
        lxml.etree.SubElement(body, "p").text = "\n".join(lines)
        return body

    def _little_of_page(self, comments_out: bool, chars: int) -> bool:
        """Whether a reading of this many characters holds less than trafilatura's
        ESCALATION_PAGE_SHARE of the page's text as its html2txt measures it (which copies
        the page and prunes it again). html2txt's text is the body's with some elements
        taken out, a space at the start and end of each block element, and whitespace runs
        made one space: a bound on its length read in C decides most pages without it
        (bench's 181 HTML pages: 80 html2txt measures without the bound, 9 with it)."""
        from trafilatura.core import ESCALATION_PAGE_SHARE

        if comments_out not in self._chars:
            tree = self._pruned(comments_out)
            body = tree.find(".//body")  # the element html2txt reads
            body = tree if body is None else body
            if chars >= ESCALATION_PAGE_SHARE * (_SPACED_CHARS(body) + 2 * _ELEMENTS(body)):
                return False
            from trafilatura.baseline import html2txt

            self._chars[comments_out] = len(html2txt(tree))
        return chars < ESCALATION_PAGE_SHARE * self._chars[comments_out]

    def read(self, options: Any) -> Any:
        """trafilatura's body element for one reading, or None (bare_extraction's None)."""
        from trafilatura.baseline import baseline
        from trafilatura.core import (
            ESCALATION_ACCEPT_RATIO,
            ESCALATION_JUSTEXT_RATIO,
            ESCALATION_MAX_LENGTH,
            _extract_and_compare,
            _prepare_tree,
            _recall_retry,
        )
        from trafilatura.external import justext_rescue
        from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
        from trafilatura.xpaths import REMOVE_COMMENTS_XPATH

        if self.tree is None:
            return None
        try:
            comments_out = options.focus == "precision" or not self.forum
            tree = self._pruned(comments_out)
            if options.fast:  # _prepare_tree's backup serves only the comparison a fast reading skips
                cleaned_tree, cleaned_tree_backup = convert_tags(tree_cleaning(copy(tree), options), options, options.url), None
            else:
                cleaned_tree, cleaned_tree_backup = _prepare_tree(tree, options, options.url)
            if options.focus == "precision" and not self.forum:
                cleaned_tree = prune_unwanted_nodes(cleaned_tree, REMOVE_COMMENTS_XPATH)
            postbody, temp_text = _extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options)
            if len(temp_text) < options.min_extracted_size and options.focus != "precision":
                b_body, b_text, b_len = baseline(tree)
                if b_len > len(temp_text):
                    postbody, temp_text = b_body, b_text
            if (
                options.focus == "balanced"
                and 0 < len(temp_text) < ESCALATION_MAX_LENGTH
                and self._little_of_page(comments_out, len(temp_text))
            ):
                r_options = copy(options)
                r_options.focus = "recall"
                r_text = ""
                try:
                    r_body, r_text = _recall_retry(tree, r_options, options.url)
                except Exception:  # as trafilatura_sequence: a failed retry is no reading
                    r_text = ""
                j_text = ""
                if not options.fast:
                    try:
                        j_body, j_text = justext_rescue(copy(tree), options)
                    except Exception:  # as above
                        j_text = ""
                len_text, r_len, j_len = len(temp_text), len(r_text), len(j_text)
                if j_len > r_len and j_len > ESCALATION_JUSTEXT_RATIO * len_text:
                    postbody, temp_text = j_body, j_text
                elif r_len >= options.min_extracted_size and r_len > ESCALATION_ACCEPT_RATIO * len_text:
                    postbody, temp_text = r_body, r_text
            # bare_extraction's checks on the result (no comments: their length is 0)
            if options.max_tree_size:
                if len(postbody) > options.max_tree_size:
                    lxml.etree.strip_tags(postbody, "hi")
                if len(postbody) > options.max_tree_size:
                    raise ValueError
            if len(temp_text) < options.min_output_size and 0 < options.min_output_comm_size:
                raise ValueError
        except (TypeError, ValueError):
            return None
        return postbody
