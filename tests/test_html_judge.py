"""cleaner.html.judge: link share from the source DOM, metadata lines at the top, and the
gentle judge (link density, closing link lists) on small synthetic blocks."""
from __future__ import annotations

import lxml.html
import pytest

from cleaner import RuleSet, clean
from cleaner.html.judge import drop_repeated_metadata, gentle, head_indices, link_counts, product_reviews
from cleaner.model import Block, BlockKind, Document, DropSource
from cleaner.settings import DEFAULT, Settings

PROSE = "The council met on Tuesday and voted on the budget for the coming year, officials said."


def block(text: str, kind: BlockKind = BlockKind.PARAGRAPH, level: int = 0, links: float = 0.0) -> Block:
    chars = int(len(text) * links)
    return Block(kind, text, text, 1, 1, level=level, link_chars=chars, links=int(chars > 0))


def source(html: str, xpath: str):  # type: ignore[no-untyped-def]
    return lxml.html.document_fromstring(f"<html><body>{html}</body></html>").xpath(xpath)[0]


def test_link_share_of_a_paragraph_with_an_inline_link() -> None:
    src = source('<p><a href="/x">The council</a> met on Tuesday.</p>', "//p/a")
    assert link_counts(block("The council met on Tuesday."), src) == (len("The council"), 1)


def test_a_block_inside_a_link_is_all_link_text() -> None:
    src = source('<a href="/story"><h3>Other story headline</h3></a>', "//h3")
    assert link_counts(block("Other story headline", BlockKind.HEADING), src) == (len("Other story headline"), 1)


def test_a_merged_block_reads_links_from_the_element_around_all_its_parts() -> None:
    src = source('<ul><li><a href="/a">Alpha</a></li><li><a href="/b">Beta</a></li></ul>', "//li[1]/a")
    assert link_counts(block("Alpha Beta"), src)[0] == len("AlphaBeta")


@pytest.mark.parametrize(
    "html, xpath, links",
    [
        ('<h2 id="constructor"><a href="#constructor">Constructor</a></h2>', "//h2/a", 0),  # the heading's own anchor
        ('<section id="usage"><h2><a href="#usage">Usage</a></h2></section>', "//h2/a", 0),  # its section's
        ('<h2><a name="usage" href="#usage">Usage</a></h2>', "//h2/a", 0),  # an anchor to itself
        ('<h2><a href="#comments">Usage</a></h2>', "//h2/a", 1),  # a jump elsewhere in the page
        ('<h2><a href="/usage">Usage</a></h2>', "//h2/a", 1),
    ],
)
def test_a_heading_s_own_anchor_is_not_link_text(html: str, xpath: str, links: int) -> None:
    # Documentation pages link every heading to itself (a permalink); it leads nowhere else.
    src = source(html + f"<div id='comments'><p>{PROSE}</p></div>", xpath)
    assert link_counts(block("Constructor" if "Constructor" in html else "Usage", BlockKind.HEADING), src)[1] == links


def test_a_linked_definition_term_over_its_definition_stays() -> None:
    # An API reference: each method's name links to its page, over what it does.
    root = lxml.html.document_fromstring(
        "<html><body><p>" + PROSE + "</p><dl><dt><a href='/api/close'>WebSocket.close()</a></dt>"
        "<dd><p>Closes the connection.</p></dd></dl><ul><li><a href='/other'>Another page</a></li></ul></body></html>"
    )
    srcs = [root.find(".//p"), root.find(".//dt/a"), root.find(".//dd/p"), root.find(".//li/a")]
    blocks = [block(PROSE), block("WebSocket.close()", links=1.0), block("Closes the connection."),
              block("Another page", BlockKind.LIST_ITEM, links=1.0)]
    gentle(blocks, DEFAULT, srcs)
    assert [b.drop.reason if b.drop else None for b in blocks] == [None, None, None, "link-density"]
    blocks[1].drop = blocks[3].drop = None
    gentle(blocks, DEFAULT)  # without its source a block is no term: it goes for its links
    assert blocks[1].drop is not None


@pytest.mark.parametrize("plain, kept", [(2, True), (1, False)])
def test_linked_items_of_a_list_of_mostly_text_stay(plain: int, kept: bool) -> None:
    # A reading list: some titles carry their author's name outside the link, some do not.
    # When the list is mostly such text, its all-link items are content too; a list of
    # other stories with one item of text is still links.
    items = [f"<li><a href='/t{i}'>Tuning your server</a> by Greg Smith and Robert Treat</li>" for i in range(plain)]
    items += [f"<li><a href='/x{i}'>Using EXPLAIN to read a query plan</a></li>" for i in range(4 - plain)]
    root = lxml.html.document_fromstring(f"<html><body><p>{PROSE}</p><ul>{''.join(items)}</ul><p>{PROSE} Again.</p></body></html>")
    srcs = [root.find(".//p")] + root.findall(".//li") + [root.findall(".//p")[-1]]
    blocks = [block(" ".join([PROSE] * 6))]
    blocks += [block("Tuning your server by Greg Smith and Robert Treat", BlockKind.LIST_ITEM, links=0.4) for _ in range(plain)]
    blocks += [block("Using EXPLAIN to read a query plan", BlockKind.LIST_ITEM, links=1.0) for _ in range(4 - plain)]
    blocks += [block(PROSE + " Again.")]  # (a list that closes the page goes as a closing link list)
    gentle(blocks, DEFAULT, srcs)
    assert all((b.drop is None) is kept for b in blocks[1 + plain : -1])
    assert all(b.drop is None for b in blocks[: 1 + plain])


def test_two_lists_are_weighed_apart_though_their_proxies_share_an_address(monkeypatch: pytest.MonkeyPatch) -> None:
    # A reading list (mostly text) and a menu (all links). The lists were told apart by the
    # id() of the proxy lxml makes for each lookup and frees, which the next list's proxy
    # may reuse (git-scm.com's version menu merged with another list on some runs). Here
    # every element's id() is the same, as if each proxy reused the last one's address.
    import importlib

    judge_module = importlib.import_module("cleaner.html.judge")
    monkeypatch.setattr(judge_module, "id", lambda x: 0 if isinstance(x, lxml.html.HtmlElement) else id(x), raising=False)
    reading = "".join(f"<li><a href='/t{i}'>Tuning your server</a> by Greg Smith and Robert Treat</li>" for i in range(3))
    reading += "<li><a href='/x'>Using EXPLAIN to read a query plan</a></li>"
    menu = "".join(f"<li><a href='/m{i}'>Section number {i}</a></li>" for i in range(6))
    root = lxml.html.document_fromstring(f"<html><body><ul>{reading}</ul><ul>{menu}</ul></body></html>")
    items = root.findall(".//li")
    blocks = [block("Tuning your server by Greg Smith and Robert Treat", BlockKind.LIST_ITEM, links=0.4) for _ in range(3)]
    blocks += [block("Using EXPLAIN to read a query plan", BlockKind.LIST_ITEM, links=1.0)]
    blocks += [block(f"Section number {i}", BlockKind.LIST_ITEM, links=1.0) for i in range(6)]
    dense = [b for b in blocks if b.link_chars >= DEFAULT.html_max_link_share * len(b.text)]
    kept = judge_module._mixed_list_items(blocks, dense, items, DEFAULT)
    assert kept == {id(blocks[3])}  # the reading list's all-link item, and none of the menu's


def test_a_section_number_outside_the_link_does_not_make_a_list_text() -> None:
    # A book's contents: "4.1 The Protocols", the number printed before the link. Below
    # the link share threshold, but a number is not text: the list is still links.
    root = lxml.html.document_fromstring(
        f"<html><body><p>{PROSE}</p><ol><li>4.1 <a href='/a'>The Protocols</a></li><li>4.2 <a href='/b'>Git on a Server</a></li>"
        f"<li><a href='/c'>4.3 Generating your public key</a></li></ol><p>{PROSE} Again.</p></body></html>"
    )
    srcs = [root.find(".//p"), *root.findall(".//li"), root.findall(".//p")[-1]]
    blocks = [block(" ".join([PROSE] * 6)), block("4.1 The Protocols", BlockKind.LIST_ITEM, links=0.75),
              block("4.2 Git on a Server", BlockKind.LIST_ITEM, links=0.78),
              block("4.3 Generating your public key", BlockKind.LIST_ITEM, links=1.0), block(PROSE + " Again.")]
    gentle(blocks, DEFAULT, srcs)
    assert [b.drop is not None for b in blocks] == [False, False, False, True, False]


@pytest.mark.parametrize("targets, kept", [(frozenset({"reading"}), True), (frozenset({"main"}), False), (frozenset(), False)])
def test_a_list_of_links_in_a_section_the_contents_point_to_stays(targets: frozenset[str], kept: bool) -> None:
    # A wiki page: its table of contents links to "#reading", the id of a section's
    # heading; the section's list of links is content. A skip link to the wrapper of
    # the whole content ("#main") marks no section.
    root = lxml.html.document_fromstring(
        f"<html><body><div id='main'><p>{PROSE}</p><h2><span id='reading'>Further reading</span></h2><ul>"
        "<li><a href='/a'>Planner statistics</a></li><li><a href='/b'>Using EXPLAIN</a></li>"
        "<li><a href='/c'>Logging checkpoints</a></li></ul></div></body></html>"
    )
    srcs = [root.find(".//p"), root.find(".//h2/span"), *root.findall(".//li/a")]
    blocks = [block(" ".join([PROSE] * 6)), block("Further reading", BlockKind.HEADING, level=2)]
    blocks += [block(t, BlockKind.LIST_ITEM, links=1.0) for t in ("Planner statistics", "Using EXPLAIN", "Logging checkpoints")]
    gentle(blocks, DEFAULT, srcs, targets)
    assert all((b.drop is None) is kept for b in blocks[1:])


def test_head_ends_at_the_first_prose_paragraph() -> None:
    blocks = [block("Section"), block("https://example.com/a-very-long-url-that-is-not-prose-at-all-but-is-long-enough-to-pass-the-length"), block(PROSE + " " + PROSE), block("After")]
    assert head_indices(blocks, DEFAULT.html_prose_min_chars, DEFAULT.html_head_max_blocks) == [0, 1]


@pytest.mark.parametrize(
    ("line", "links", "dropped"),
    [
        ("Allocating on the Stack, 27 February 2026", 0.55, False),  # a teaser's linked title and date
        ("Allocating on the Stack, 27 February 2026", 0.0, True),
        ("Posted 27 February 2026", 0.6, True),  # a linked date (a permalink) is still the date
    ],
)
def test_a_date_line_is_not_a_linked_title_with_its_date(line: str, links: float, dropped: bool) -> None:
    blocks = [block(line, links=links), block(PROSE + " " + PROSE)]
    drop_repeated_metadata(blocks, Document(title="The Go Blog"), DEFAULT)
    assert (blocks[0].drop is not None and blocks[0].drop.reason == "date") is dropped


def test_headline_byline_date_and_kicker_leave_the_body() -> None:
    blocks = [
        block("WORLD NEWS"),
        block("Budget passes after long night", BlockKind.HEADING, level=1),
        block("By Jane Roe"),
        block("Updated Nov. 19, 2019 at 9:24 p.m. ET"),
        block(PROSE + " " + PROSE),
        block("By the end of the night the vote was done."),
    ]
    doc = Document(title="Budget passes after a long night")
    drop_repeated_metadata(blocks, doc, DEFAULT)
    assert [str(b.drop) if b.drop else None for b in blocks] == [
        "classifier:before-headline", "metadata:title", "metadata:byline", "metadata:date", None, None,
    ]
    # The page declared neither: the lines that left the body are the fields.
    assert (doc.byline, doc.authors, doc.date) == ("By Jane Roe", ["Jane Roe"], "2019-11-19")
    # A sentence that opens with "By" names nobody: it stays in the body.
    blocks = [block("By using this site, you agree to its terms."), block(PROSE + " " + PROSE)]
    doc = Document(title="Other")
    drop_repeated_metadata(blocks, doc, DEFAULT)
    assert (doc.byline, doc.authors, blocks[0].drop) == (None, [], None)


def test_a_declared_byline_and_date_are_not_replaced_by_the_lines() -> None:
    blocks = [block("By Jane Roe"), block("Updated Nov. 19, 2019"), block(PROSE + " " + PROSE)]
    doc = Document(title="Budget", byline="Jane Roe and Max Moe", authors=["Jane Roe", "Max Moe"], date="2019-11-18")
    drop_repeated_metadata(blocks, doc, DEFAULT)
    assert [str(b.drop) for b in blocks[:2]] == ["metadata:byline", "metadata:date"]
    assert (doc.byline, doc.authors, doc.date) == ("Jane Roe and Max Moe", ["Jane Roe", "Max Moe"], "2019-11-18")


@pytest.mark.parametrize("other, want", [("Posted again 8/27/2005.", "2005-08-01"), ("Posted again 27/8/2005.", "2005-01-08"), ("", "2005-01-08")])
def test_a_slashed_date_line_is_read_in_the_pages_own_order(other: str, want: str) -> None:
    # "8/1/2005" is 1 August on a page whose other dates can only be read month first.
    blocks = [block("8/1/2005"), block(PROSE + " " + PROSE + " " + other)]
    doc = Document(title="Budget")
    drop_repeated_metadata(blocks, doc, DEFAULT)
    assert doc.date == want


_OLD_PAGE = (
    "<html><head><title>Council unveils school funding plan - The Daily Town</title></head><body>"
    "<table><tr><td>" + "<br>".join(f'<a href="/s{i}.html">Section {i}</a>' for i in range(12)) + "</td>"
    "<td><font face=arial><b><font size=5>Council unveils school funding plan</font></b><br>"
    "By John Smith, Staff Writer<br>March 3, 2004<br><br>" + "<br><br>".join([PROSE + " " + PROSE] * 4) + "</font></td></tr></table>"
    "</body></html>"
)


def test_an_old_pages_byline_and_date_lines_become_its_metadata() -> None:
    # No meta tags, no JSON-LD, no classes: the byline and date are lines of text in a <font>.
    doc = clean(_OLD_PAGE, kind="html")
    assert (doc.byline, doc.authors, doc.date) == ("By John Smith, Staff Writer", ["John Smith"], "2004-03-03")
    assert "John Smith" not in doc.text and doc.text.startswith("The council met")


def test_a_grid_of_products_above_the_pages_heading_is_its_content() -> None:
    # A shop's category page whose source puts its heading after the grid: what lies above
    # the headline is most of the reading, not a kicker.
    cards = [block(f"Tournament chess pieces in rosewood, {n} inch king, special price ${n}9.00") for n in range(3, 9)]
    blocks = [*cards, block("Tournament Chess Pieces", BlockKind.HEADING, level=1), block(PROSE + " " + PROSE)]
    drop_repeated_metadata(blocks, Document(title="Tournament Chess Pieces"), DEFAULT)
    assert [str(b.drop) if b.drop else None for b in blocks] == [None] * len(cards) + ["metadata:title", None]
    # With no bound (a share of 1), the old rule: everything above the headline goes.
    for b in blocks:
        b.drop = None
    drop_repeated_metadata(blocks, Document(title="Tournament Chess Pieces"), Settings(html_before_headline_max_share=1.0))
    assert all(str(b.drop) == "classifier:before-headline" for b in cards)


def test_a_byline_leaves_the_body_once() -> None:
    # A forum member's name is in the replies' short lines by the headline too.
    blocks = [
        block("Catering for forty?", BlockKind.HEADING, level=1),
        block("Joe"),
        block("Thanks Joe, that helps."),
        block(PROSE + " " + PROSE),
    ]
    drop_repeated_metadata(blocks, Document(title="Catering for forty?", byline="Joe"), DEFAULT)
    assert [str(b.drop) if b.drop else None for b in blocks] == ["metadata:title", "metadata:byline", None, None]


def test_standfirst_heading_matching_the_description_is_metadata() -> None:
    blocks = [block("A dek that sums the story up in one line", BlockKind.HEADING, level=2), block(PROSE + " " + PROSE)]
    doc = Document(title="Other", description="A dek that sums the story up in one line.")
    drop_repeated_metadata(blocks, doc, DEFAULT)
    assert str(blocks[0].drop) == "metadata:subtitle"


def test_gentle_drops_link_heavy_blocks_but_not_printed_urls_or_tables() -> None:
    blocks = [
        block(PROSE),
        block("READ MORE: Another story entirely", links=0.9),
        block("http://amzn.to/2iJFhRj", links=1.0),
        block("a | b", BlockKind.TABLE, links=1.0),
        block(PROSE + " With a link inside.", links=0.3),
    ]
    gentle(blocks, DEFAULT)
    assert [b.drop.reason if b.drop else None for b in blocks] == [None, "link-density", None, None, None]
    assert blocks[1].drop.source is DropSource.CLASSIFIER


@pytest.mark.parametrize("items, dropped", [(3, True), (2, False)])
def test_a_closing_list_of_story_links_goes(items: int, dropped: bool) -> None:
    blocks = [block(PROSE + " " + PROSE), block("More Great Stories")]
    blocks += [block(f"Story {i}: a headline and its blurb", BlockKind.LIST_ITEM, links=0.5) for i in range(items)]
    gentle(blocks, DEFAULT)
    assert all((b.drop is not None) == dropped for b in blocks[1:])
    assert blocks[0].drop is None


@pytest.mark.parametrize("hrefs, dropped", [
    (["https://www.nature.com/a", "https://arxiv.org/abs/1", "https://docs.python.org/3/"], False),  # references
    (["/story-1", "https://www.example.com/story-2", "https://news.example.com/story-3"], True),  # the site's own stories
    (["https://www.nature.com/a", "/story-2", "https://arxiv.org/abs/1"], True),  # one of its own: a teaser list
    (["https://www.nature.com/a", "http://[broken", "https://arxiv.org/abs/1"], True),  # an address urllib refuses
])
def test_a_closing_list_that_cites_other_sites_is_the_articles_references(hrefs: list[str], dropped: bool) -> None:
    items = "".join(f"<li><a href='{h}'>Source {i}</a>, a paper on the budget</li>" for i, h in enumerate(hrefs))
    page = lxml.html.fromstring(f"<div><p>{PROSE}</p><h2>References</h2><ul>{items}</ul></div>")
    blocks = [block(PROSE + " " + PROSE), block("References", BlockKind.HEADING, level=2)]
    blocks += [block(f"Source {i}, a paper on the budget", BlockKind.LIST_ITEM, links=0.5) for i in range(len(hrefs))]
    sources = [page.find("p"), page.find("h2"), *page.iter("li")]
    gentle(blocks, DEFAULT, sources, url="https://www.example.com/2025/budget")
    assert all((b.drop is not None) == dropped for b in blocks[1:])
    # Without the page's address no link can be told to lead elsewhere: the list goes.
    again = blocks[:1] + [block(b.text, b.kind, b.level, 0.5 if b.kind is BlockKind.LIST_ITEM else 0.0) for b in blocks[1:]]
    gentle(again, DEFAULT, sources)
    assert all(b.drop is not None for b in again[1:])


def _story_and_cards(title: str, summary: str, prose: int = 4) -> tuple[list[Block], list[object]]:
    """An article's box of prose paragraphs, then a box of three cards beside it: each a
    heading (title, {n} filled) over a summary."""
    cards = "".join(f"<div class='card'><h3>{title.format(n=n)}</h3><p>{summary}</p></div>" for n in range(3))
    page = lxml.html.fromstring(f"<div><div class='story'>{('<p>' + PROSE * 2 + '</p>') * prose}</div><div class='more'>{cards}</div></div>")
    sources = [*page.find("div").iter("p"), *(el for card in page.find_class("card") for el in card)]
    blocks = [block(PROSE * 2) for _ in range(prose)]
    for el in sources[prose:]:
        heading = el.tag == "h3"
        blocks.append(block(el.text_content(), BlockKind.HEADING if heading else BlockKind.PARAGRAPH, 3 if heading else 0,
                            links=text_len_of_links(el)))
    return blocks, sources


def text_len_of_links(el: lxml.html.HtmlElement) -> float:
    return sum(len(a.text_content()) for a in el.iter("a")) / max(len(el.text_content()), 1)


SUMMARY = "Officials said the new budget would add two buses and a bike lane to the route next year."


@pytest.mark.parametrize("title, summary, prose, url, dropped", [
    ("<a href='/story-{n}'>Another story number {n}</a>", SUMMARY, 4, None, True),  # the site's own stories
    ("<a href='https://www.example.com/s/{n}'>Another story number {n}</a>", SUMMARY, 4, "https://example.com/a", True),
    ("<a href='https://other.org/s/{n}'>Another story number {n}</a>", SUMMARY, 4, "https://example.com/a", False),  # previews
    ("<a href='https://www.example.com/s/{n}'>Another story number {n}</a>", SUMMARY, 4, None, False),  # address unknown
    ("What <a href='/people/{n}'>Ann</a> said about the route, in full", SUMMARY, 4, None, False),  # a name linked
    ("<a href='/story-{n}'>Product number {n}</a>", SUMMARY * 7, 4, None, False),  # a buying guide's sections
    ("<a href='/story-{n}'>Another story number {n}</a>", SUMMARY, 2, None, False),  # no article above
])
def test_teaser_cards_after_an_articles_box_go(title: str, summary: str, prose: int, url: str | None, dropped: bool) -> None:
    blocks, sources = _story_and_cards(title, summary, prose)
    gentle(blocks, DEFAULT, sources, url=url)
    assert all(b.drop is None for b in blocks[:prose])
    summaries = [b for b in blocks[prose:] if b.kind is BlockKind.PARAGRAPH]
    assert [b.drop.reason if b.drop else None for b in summaries] == ["teasers" if dropped else None] * 3
    off = [block(b.text, b.kind, b.level, b.link_chars / len(b.text)) for b in blocks]
    gentle(off, Settings(html_teasers_after_min_prose=0), sources, url=url)
    assert not any(b.drop and b.drop.reason == "teasers" for b in off)


def test_a_content_list_before_the_last_paragraph_stays() -> None:
    blocks = [block(PROSE)] + [block(f"Item {i} with a link", BlockKind.LIST_ITEM, links=0.5) for i in range(4)] + [block(PROSE + " " + PROSE)]
    gentle(blocks, DEFAULT)
    assert all(b.drop is None for b in blocks)


def test_link_share_threshold_is_a_setting() -> None:
    blocks = [block(PROSE), block("Mostly linked teaser line here", links=0.7)]
    gentle(blocks, Settings(html_max_link_share=0.6))
    assert blocks[1].drop is not None


def test_a_main_content_made_of_links_is_a_listing_and_stays() -> None:
    # A job board or a category page: the items are links, and they are the page.
    items = [block(f"Senior engineer {i} at Company {i}, remote, full time", BlockKind.LIST_ITEM, links=0.9) for i in range(6)]
    blocks = [block("Open positions this week", BlockKind.HEADING, level=2)] + items + [block("Posted jobs are checked daily.")]
    gentle(blocks, DEFAULT)
    assert all(b.drop is None for b in blocks)
    # The same links beside an article body that outweighs them are teasers, and go.
    blocks = [block(" ".join([PROSE] * 6))] + [block(f"Other story {i}", links=0.9) for i in range(3)]
    gentle(blocks, DEFAULT)
    assert [b.drop is not None for b in blocks] == [False, True, True, True]


def test_a_block_of_very_many_links_is_a_menu_even_on_a_listing() -> None:
    # A filter's options read as one block of hundreds of links outweigh the listing's own
    # items: the page is still a listing, and the menu goes.
    items = [block(f"Senior engineer {i} at Company {i}, remote, full time", BlockKind.LIST_ITEM, links=0.9) for i in range(6)]
    menu = block(" ".join(f"Language {i}" for i in range(300)), links=1.0)
    menu.links = 300
    blocks = [menu, *items, block("Posted jobs are checked daily.")]
    gentle(blocks, DEFAULT)
    assert menu.drop is not None and menu.drop.reason == "link-density"
    assert all(b.drop is None for b in blocks[1:])
    # Fewer links than html_menu_min_links in one block: a listing's own, which stays.
    menu.drop, menu.links = None, DEFAULT.html_menu_min_links - 1
    gentle(blocks, DEFAULT)
    assert all(b.drop is None for b in blocks)


def test_a_linked_heading_over_text_that_stays_is_its_title() -> None:
    # A blog index: each post is a heading linking to it, over its summary. The summaries
    # stay, so their titles do; a linked heading over a list of links titles nothing kept.
    blocks = [block(" ".join([PROSE] * 4))]
    for i in range(2):
        blocks += [block(f"Post {i}: how the budget passed", BlockKind.HEADING, level=2, links=1.0), block(PROSE)]
    blocks += [block("Further reading", BlockKind.HEADING, level=2, links=1.0), block("Another story", BlockKind.LIST_ITEM, links=1.0)]
    gentle(blocks, DEFAULT)
    assert [b.drop.reason if b.drop else None for b in blocks] == [None, None, None, None, None, "link-density", "link-density"]
    blocks = [block(PROSE), block("Post: how the budget passed", BlockKind.HEADING, level=2, links=1.0), block(PROSE)]
    gentle(blocks, Settings(html_keep_linked_titles=False))
    assert blocks[1].drop is not None


@pytest.mark.parametrize(
    "line, is_date",
    [
        ("segunda-feira, 22 de janeiro de 2018 às 0:13", True),
        ("Updated Nov. 19, 2019 at 9:24 p.m. ET", True),
        ("Published 2019-11-19", True),
        ("The vote on 19 November 2019 was close, the mayor said.", False),
        ("No date here", False),
    ],
)
def test_date_lines(line: str, is_date: bool) -> None:
    blocks = [block(line), block(PROSE + " " + PROSE)]
    drop_repeated_metadata(blocks, Document(), DEFAULT)
    assert (str(blocks[0].drop) == "metadata:date") is is_date


def test_the_label_of_a_dropped_link_list_goes_with_it() -> None:
    blocks = [block(PROSE), block("Tags"), block("budget, council, vote, mayor", links=1.0), block("Budget vote"), block(PROSE)]
    gentle(blocks, DEFAULT)
    assert [b.drop.reason if b.drop else None for b in blocks] == [None, "link-list-label", "link-density", None, None]


def test_a_figcaption_paragraph_is_a_caption() -> None:
    from cleaner.html.judge import set_link_features

    src = source("<figure><img src='a.jpg'><figcaption>The mayor at the vote. Photo: J. Roe</figcaption></figure>", "//figcaption")
    blocks = [block("The mayor at the vote. Photo: J. Roe")]
    set_link_features(blocks, [src])
    assert blocks[0].kind is BlockKind.CAPTION


@pytest.mark.parametrize(
    "after, dropped",
    [
        ('<ul><li><a href="/a">The new space race</a></li><li><a href="/b">Mars landing test</a></li></ul>', True),
        ("<ul><li>Two eggs</li><li>A cup of flour</li></ul>", False),  # a list of content, not links
        ('<p><a href="/a">The new space race</a></p>', False),  # not a list
    ],
)
def test_a_label_whose_link_list_the_engine_dropped_goes(after: str, dropped: bool) -> None:
    # aljazeera.com: "More:" over a list of other stories; trafilatura drops the list, not the label.
    root = lxml.html.document_fromstring(f"<html><body><div><p>{PROSE}</p><h4>More:</h4>{after}<p>{PROSE} Again.</p></div></body></html>")
    paragraphs = root.findall(".//p")
    blocks = [block(PROSE), block("More:", BlockKind.HEADING, level=4), block(PROSE + " Again.")]
    gentle(blocks, DEFAULT, [paragraphs[0], root.find(".//h4"), paragraphs[-1]])
    assert (blocks[1].drop is not None and blocks[1].drop.reason == "link-list-label") is dropped
    assert blocks[0].drop is None and blocks[2].drop is None


def test_shoppers_reviews_under_a_product_are_dropped() -> None:
    page = lxml.html.document_fromstring(
        '<html><body><div class="product-description"><p id="d">A waterproof day pack with two pockets.</p></div>'
        '<section class="product-reviews"><div class="individual-review__body"><p id="r">Great bag, I used it daily.</p></div></section>'
        '<div class="preview"><p id="p">Preview of the pack from the side.</p></div></body></html>'
    )
    blocks = [block("A waterproof day pack with two pockets."), block("Great bag, I used it daily."), block("Preview of the pack from the side.")]
    product_reviews(blocks, [page.get_element_by_id("d"), page.get_element_by_id("r"), page.get_element_by_id("p")])
    assert [b.drop.reason if b.drop else None for b in blocks] == [None, "product-review", None]


def _shop_page(declares_product: bool, offers: str = ', "offers": {"@type": "Offer", "price": "89.00"}') -> str:
    ld = '{"@context": "https://schema.org", "@type": "Product", "name": "Trail Pack 30"' + offers + "}"
    reviews = "".join(
        f'<div class="review"><p>Reviewer {i} wrote that the pack carried well on a long walk and that the straps held up over many weeks.</p></div>'
        for i in range(3)
    )
    return (
        f"<html><head><title>Trail Pack 30</title>{'<script type=application/ld+json>' + ld + '</script>' if declares_product else ''}</head>"
        f"<body><main><h1>Trail Pack 30</h1>"
        + "".join(f"<p>{PROSE} The pack is made of recycled nylon and weighs a little under a kilo, part {i}.</p>" for i in range(4))
        + f"<section id='reviews'><h2>Customer reviews</h2>{reviews}</section></main></body></html>"
    )


def test_product_reviews_go_only_on_a_product_page() -> None:
    assert "Reviewer 1 wrote" not in clean(_shop_page(True), kind="html").text
    assert "Reviewer 1 wrote" in clean(_shop_page(False), kind="html").text
    assert "recycled nylon" in clean(_shop_page(True), kind="html").text


def test_a_product_without_an_offer_keeps_its_reviews() -> None:
    # A service page declares a Product to carry its rating: its testimonials are its text.
    assert "Reviewer 1 wrote" in clean(_shop_page(True, offers=""), kind="html").text


def _variants(day_headings: bool) -> str:
    """A page whose article a site builder printed once for each screen width (three
    identical boxes), or, with day_headings, a plan whose days repeat the same meals under
    their own headings."""
    meals = "".join(
        f"<h3>Meal {n}</h3><p>Meal {n} is {n} cups of oats, a banana, a spoon of nut butter and a glass of milk, "
        f"eaten within two hours of waking and never later than the afternoon walk around the block.</p>"
        for n in range(1, 9)
    )
    boxes = "".join(
        f"<div class='variant'>{f'<h2>Day {d} of the plan</h2>' if day_headings else ''}{meals}</div>" for d in range(1, 4)
    )
    return f"<html><head><title>The oat plan</title></head><body><article><h1>The oat plan</h1>{boxes}</article></body></html>"


def _count(text: str) -> int:
    return text.count("Meal 3 is 3 cups of oats")


def test_a_layout_printed_once_for_each_screen_width_is_read_once() -> None:
    assert _count(clean(_variants(False), kind="html").text) == 1
    assert _count(clean(_variants(False), kind="html", settings=Settings(html_copy_run_min_chars=10**6)).text) == 3


def test_days_that_repeat_the_same_meals_under_their_own_headings_are_kept() -> None:
    doc = clean(_variants(True), kind="html")
    assert _count(doc.text) == 3
    assert all(f"Day {d} of the plan" in doc.text for d in range(1, 4))


def test_layouts_for_two_screen_widths_are_read_once_though_they_differ() -> None:
    # The wide layout adds a heading, the narrow one a note, so neither copy's text holds
    # the other's; the classes that show each at its width tell they are one text.
    meals = _variants(False).split("<div class='variant'>")[1].split("</div>")[0]
    page = (f"<html><body><article><h1>The oat plan</h1><div class='d-none d-md-block'><h2>Unpacking the plan</h2>{meals}</div>"
            f"<div class='d-md-none'>{meals}<p>Swipe for the other plans</p></div></article></body></html>")
    assert _count(clean(page, kind="html").text) == 1
    assert _count(clean(page.replace("d-none d-md-block", "wide").replace("d-md-none", "narrow"), kind="html").text) == 2


def _shop_with_long_reviews() -> str:
    ld = '{"@context": "https://schema.org", "@type": "Product", "name": "Trail Pack 30", "offers": {"@type": "Offer", "price": "89.00"}}'
    reviews = "".join(
        f'<div class="review-item"><p>Reviewer {i} took the pack on a week in the hills and wrote that it carried well, '
        f"that the straps held up over many weeks of use, and that the rain cover kept the sleeping bag dry on the wettest day.</p></div>"
        for i in range(12)
    )
    specs = "".join(f"<li>Part {i}: recycled nylon, taped seams and a steel frame sheet</li>" for i in range(6))
    return (
        f"<html><head><title>Trail Pack 30</title><script type=application/ld+json>{ld}</script></head><body>"
        f"<div class='product'><h1>Trail Pack 30</h1><div class='details'><h2>Specifications</h2><ul>{specs}</ul></div></div>"
        f"<div class='reviews-section'><h2>Customer reviews</h2>{reviews}</div></body></html>"
    )


def test_a_products_reviews_are_set_aside_before_the_page_is_read() -> None:
    # thomann.de: the reviews are most of the page's prose, so the engine read them as the
    # main content, and with them dropped nothing was left; read without them, the
    # specifications are the main content.
    text = clean(_shop_with_long_reviews(), kind="html").text
    assert "Part 3: recycled nylon" in text
    assert "Reviewer 1 took" not in text
    doc = clean(_shop_with_long_reviews(), kind="html", explain=True)
    assert any(b.drop is not None and b.drop.reason == "product-review" and "Reviewer 1 took" in b.text for b in doc.dropped)


def test_a_box_named_review_that_holds_the_product_itself_stays() -> None:
    page = _shop_with_long_reviews().replace("<div class='product'>", "<div class='product review-layout'>")
    assert "Part 3: recycled nylon" in clean(page, kind="html").text


_SUMMARIES = (
    "A description of the recent changes that let the compiler allocate more values on the stack instead of the heap.",
    "The new release brings a garbage collector that spends less time scanning memory, and many smaller fixes.",
    "Results of the yearly survey of developers: what they build, what slows them down and what they would change.",
    "How the team tests code that waits on timers and channels, from a talk given at a conference this spring.",
)


def _blog_index(title: str, summary: str, cta: bool = False) -> str:
    items = "".join(
        f"<{title}><a href='/blog/post-{i}'>{'Read the post' if cta else f'Post number {i} of the blog'}</a>, {'5 min' if cta else f'{10 + i} May'}</{title.split()[0]}>"
        f"<{summary}>{text}</{summary.split()[0]}>"
        for i, text in enumerate(_SUMMARIES)
    )
    return f"<html><head><title>The Blog</title></head><body><main><h1>The Blog</h1><div id='index'>{items}</div></main></body></html>"


@pytest.mark.parametrize(
    ("title", "summary", "cta", "kept"),
    [
        ("p class='blogtitle'", "p class='blogsummary'", False, True),  # a blog's index
        ("div class='card-title'", "p", False, True),
        ("p", "p", False, False),  # an article's links to other stories between its paragraphs
        ("p class='more'", "p class='summary'", True, False),  # one button under every item
    ],
)
def test_linked_titles_of_a_repeated_title_and_summary_stay(title: str, summary: str, cta: bool, kept: bool) -> None:
    page = _blog_index(title, summary, cta)
    text = clean(page, kind="html").text
    assert _SUMMARIES[2] in text
    assert (("Post number 2 of the blog" in text) or ("Read the post" in text)) is kept
    if kept:  # and not without the step
        off = clean(page, kind="html", settings=Settings(html_teaser_title_min_runs=0)).text
        assert "Post number 2 of the blog" not in off


FOOTER = "<footer><ul>" + "".join(f"<li><a href='/help/{n}'>Help topic number {n}</a></li>" for n in range(20)) + "</ul></footer>"
SHELL = "<html><head><title>Shop</title></head><body><header><a href='/'>Shopmart</a></header><div id='app'><p>{}</p></div>{}</body></html>"


@pytest.mark.parametrize("body, footer, empty", [
    ("I'm shopping for...", FOOTER, True),  # a search box's prompt in a shell a script fills in
    ("Cart</p><p>${{amount}}", FOOTER, True),  # an unrendered template
    ("The council met on Tuesday and voted.", FOOTER, True),  # one short line is no page either
    ("The council met on Tuesday and voted.", "", False),  # ... unless it is all the page shows
    ("市议会周二开会并就来年的预算进行了表决。", FOOTER, False),  # 20 wide characters: a sentence
    ("The council met on Tuesday and voted on the budget.", FOOTER, False),  # a sentence's length
    ("</p><p>".join(f"Blue mug number {n}" for n in range(9)), FOOTER, False),  # a short listing, 150 chars or more
])
def test_a_reading_of_a_few_short_lines_is_a_shell_and_comes_out_empty(body: str, footer: str, empty: bool) -> None:
    page = SHELL.format(body, footer)
    doc = clean(page, kind="html", rules=RuleSet(), explain=True)
    assert (doc.text == "") is empty
    assert any(b.drop and b.drop.reason == "slight" for b in doc.blocks) is empty
    off = clean(page, kind="html", rules=RuleSet(), settings=Settings(html_slight_max_chars=0))
    assert off.text != ""


def _announced_page(announcement: str, after: str) -> str:
    items = "".join(f"<li><p><a href='https://example.org/patch/{n}'>Fix the parser for case number {n}</a></p></li>" for n in range(6))
    prose = "".join(f"<p>{PROSE} Paragraph {n} of the report goes on a while longer.</p>" for n in range(4))
    return (f"<html><head><title>Progress report</title></head><body><article><h1>Progress report</h1>{prose}"
            f"<p>{announcement}</p><ul>{items}</ul>{after}</article></body></html>")


@pytest.mark.parametrize("announcement, after, kept", [
    ("Many patches were sent for review:", f"<p>{PROSE}</p>", True),
    ("Many patches were sent for review.", f"<p>{PROSE}</p>", False),  # no colon: it announces nothing
    ("Related stories:", f"<p>{PROSE}</p>", False),  # a label, not the text's own sentence
    ("Many patches were sent for review:", "", False),  # nothing of the text after it: it closes the page
])
def test_a_list_of_links_the_text_announces_with_a_colon_stays(announcement: str, after: str, kept: bool) -> None:
    page = _announced_page(announcement, after)
    doc = clean(page, kind="html", rules=RuleSet())
    assert ("Fix the parser for case number 3" in doc.text) is kept
    off = clean(page, kind="html", rules=RuleSet(), settings=Settings(html_announced_list_min_words=0))
    assert "Fix the parser for case number 3" not in off.text


def _tree_blocks(nested: bool, words: int) -> tuple[list[Block], list[object]]:
    """A short article, then a list of 20 link items of `words` words, in groups of five
    under a heading item (nested) or all in one flat list."""
    names = [" ".join(f"Topic{n}word{w}" for w in range(words)) for n in range(20)]
    if nested:
        groups = "".join(
            f"<li><span>Group {g}</span><ul>" + "".join(f"<li><a href='/{n}'>{names[n]}</a></li>" for n in range(g * 5, g * 5 + 5)) + "</ul></li>"
            for g in range(4)
        )
    else:
        groups = "".join(f"<li><a href='/{n}'>{names[n]}</a></li>" for n in range(20))
    tree = lxml.html.document_fromstring(f"<html><body><div><p>{PROSE}</p><p>{PROSE}</p></div><div><ul>{groups}</ul></div></body></html>")
    prose = tree.xpath("//p")
    items = [li for li in tree.xpath("//li[a]")]
    blocks = [block(PROSE), block(PROSE)] + [block(a.text_content(), BlockKind.LIST_ITEM, links=1.0) for a in items]
    return blocks, [*prose, *items]


@pytest.mark.parametrize("nested, words, dropped", [
    (True, 1, True),  # a site's navigation tree: nested, each item a word or two
    (True, 3, True),
    (False, 1, False),  # a flat list of links outweighing the text: a listing's items
    (True, 6, False),  # items of six words: titles of a listing's entries, not a menu
])
def test_a_navigation_tree_the_reading_took_in_goes(nested: bool, words: int, dropped: bool) -> None:
    blocks, sources = _tree_blocks(nested, words)
    gentle(blocks, DEFAULT, sources)
    assert [b.drop is not None for b in blocks[2:]] == [dropped] * 20
    assert blocks[0].drop is None and blocks[1].drop is None
    blocks, sources = _tree_blocks(nested, words)
    gentle(blocks, Settings(html_nav_tree_min_items=0), sources)
    assert all(b.drop is None for b in blocks)


def test_a_navigation_trees_promotions_go_with_it() -> None:
    # A mega-menu in <div>s and lists: under each section's links, a promotion of a sentence
    # or two. The links make the tree; the promotions inside it are the menu's too.
    promo = "With five hundred faculty, staff and students and three campus locations, the school serves the region and the world."
    groups = "".join(
        f"<li><span>Group {g}</span><ul>" + "".join(f"<li><a href='/{g}/{n}'>Topic {n}</a></li>" for n in range(5))
        + f"<li><p>{promo} Number {g}.</p></li></ul></li>"
        for g in range(4)
    )
    tree = lxml.html.document_fromstring(f"<html><body><div><ul>{groups}</ul></div><div><p>{PROSE}</p><p>{PROSE}</p></div></body></html>")
    links = tree.xpath("//li[a]")
    promos = tree.xpath("//li/p")
    prose = tree.xpath("//div/p")

    def read() -> list[Block]:
        return ([block(a.text_content(), BlockKind.LIST_ITEM, links=1.0) for a in links]
                + [block(p.text_content(), BlockKind.LIST_ITEM) for p in promos] + [block(PROSE), block(PROSE)])

    blocks = read()
    gentle(blocks, DEFAULT, [*links, *promos, *prose])
    assert all(b.drop is not None for b in blocks[:-2])  # the links and the promotions
    assert blocks[-1].drop is None and blocks[-2].drop is None
    blocks = read()
    gentle(blocks, Settings(html_nav_tree_takes_all=False), [*links, *promos, *prose])
    assert all(b.drop is None for b in blocks[len(links) : -2])


def _dump_of_a_page(story: str) -> list[Block]:
    """The blocks of a dump of a whole page: its menu's short link lines outweigh the story."""
    menu = [block(name, links=1.0) for name in ("Home", "World News", "Business", "Markets", "Opinion", "Real Estate", "Life & Arts")]
    return menu * 4 + [block("Sign up for the newsletter today", links=1.0), block(story)]


STORY = (
    "Gaming used to be so simple. We bought a game and sat down in front of a console. Now the games "
    "come with stores, seasons and passes. Players say the change has cost them the fun of it, and "
    "some have gone back to older consoles."
)


@pytest.mark.parametrize("dump", [True, False])
def test_a_dump_holding_running_prose_loses_its_menus_however_much_of_the_page_they_fill(dump: bool) -> None:
    blocks = _dump_of_a_page(STORY)
    gentle(blocks, DEFAULT, dump=dump)
    # Not a dump: the engine chose these blocks, and links that fill the reading are a listing's.
    # A dump: its short link lines are navigation, and with them gone the page is no listing.
    assert all((b.drop is not None) == dump for b in blocks[:-1])
    assert blocks[-1].drop is None


def test_a_dump_keeps_the_longer_linked_titles_of_a_listing_under_its_intro() -> None:
    titles = [block(f"Blended Professional Certificate number {n} in digital work", links=1.0) for n in range(8)]
    blocks = [block("Home", links=1.0), block("Programs", links=1.0), *titles, block(STORY)]
    gentle(blocks, DEFAULT, dump=True)
    assert [b.drop is not None for b in blocks] == [True, True] + [False] * 9


def test_a_dump_without_running_prose_keeps_its_link_lines() -> None:
    # A select box's options run into one line (no sentence in it), and a short intro.
    options = "All Departments Alexa Skills Amazon Devices Audible Books Baby Beauty Books Cell Phones Clothing Computers Garden"
    for text in (options, "Our most popular products. Updated often. Shop now."):
        blocks = _dump_of_a_page(text)
        gentle(blocks, DEFAULT, dump=True)
        assert all(b.drop is None for b in blocks), text
