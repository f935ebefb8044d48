"""cleaner.html.extract: trafilatura's XML -> Blocks, aligned to source lines; split bodies,
embedded posts and text dumps."""
from __future__ import annotations

import gzip
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import pytest

from cleaner import RuleSet, clean
from cleaner.html.extract import (
    Extraction,
    SourceIndex,
    body_blocks,
    continuations,
    dom_blocks,
    extract,
    fill_gaps,
    restore_repeats,
    sections,
    split_dumps,
)
from cleaner.html.parse import parse
from cleaner.model import BlockKind
from cleaner.render import to_text
from cleaner.settings import DEFAULT, Settings

PARA = "The council met on Tuesday and voted on the budget for the coming year, officials said. "


def xml(body: str):  # type: ignore[no-untyped-def]
    return lxml.etree.fromstring(f"<body>{body}</body>")


def test_trafilatura_vocabulary_becomes_block_kinds() -> None:
    blocks = list(body_blocks(xml(
        '<head rend="h2">A heading</head>'
        '<p>Text with <hi rend="#b">bold</hi> and <ref target="https://x.org/a">a link</ref>.</p>'
        '<list rend="ul"><item>One</item><item>Two<list rend="ul"><item>Nested</item></list></item></list>'
        "<quote><p>Quoted.</p></quote>"
        "<table><row><cell>a</cell><cell>b</cell></row><row><cell>1</cell><cell>2</cell></row></table>"
        "<code>x = 1</code>"
    )))
    kinds = [b.kind for b in blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM,
                     BlockKind.LIST_ITEM, BlockKind.QUOTE, BlockKind.TABLE, BlockKind.CODE]
    heading, para, one, two, nested, quote, table, code = blocks
    assert heading.level == 2 and heading.markdown == "## A heading"
    assert para.text == "Text with bold and a link."
    assert para.markdown == "Text with **bold** and [a link](https://x.org/a)."
    assert (two.text, nested.text, nested.level) == ("Two", "Nested", 1)
    assert quote.markdown == "> Quoted."
    assert table.text == "a b\n1 2"
    assert all(b.gap_before for b in (heading, para, quote, table))


def test_the_text_after_a_nested_list_stays_in_its_item() -> None:
    # A product card: an empty gallery list, then the name and price as the list's tail.
    blocks = list(body_blocks(xml(
        '<list rend="ul"><item><list rend="ul"><item/><item/></list>Water Bottle - 32 fl. oz. $17.00</item>'
        '<item>Two<list rend="ul"><item>Nested</item></list>and after it</item></list>'
    )))
    assert [(b.text, b.level) for b in blocks] == [
        ("Water Bottle - 32 fl. oz. $17.00", 0), ("Two", 0), ("Nested", 1), ("and after it", 0)]
    assert all(b.kind is BlockKind.LIST_ITEM for b in blocks)


def test_paragraphs_inside_a_list_item_keep_their_words_apart() -> None:
    blocks = list(body_blocks(xml('<list rend="ul"><item><head rend="h3">Software Engineer</head><p>18d</p><p>Cortes 23</p></item></list>')))
    assert [b.text for b in blocks] == ["Software Engineer 18d Cortes 23"]


def test_a_line_break_starts_a_new_block() -> None:
    blocks = list(body_blocks(xml("<p>First line<lb/>Second line</p>")))
    assert [b.text for b in blocks] == ["First line", "Second line"]
    assert [b.gap_before for b in blocks] == [True, False]


def test_zero_width_characters_are_not_text() -> None:
    assert list(body_blocks(xml("<p>\u200b</p><p>a\u200bb</p>")))[0].text == "ab"


def test_blocks_are_aligned_to_their_source_lines() -> None:
    html = "<html><body>\n<article>\n<h1>Headline</h1>\n" + "".join(f"<p>{i} {PARA * 3}</p>\n" for i in range(5)) + "</article>\n</body></html>"
    page = parse(html)
    out = extract(page.tree, None, DEFAULT)
    first = next(b for b in out.blocks if b.text.startswith("0 "))
    assert first.start == 4
    assert [b.start for b in out.blocks if b.kind is BlockKind.PARAGRAPH] == [4, 5, 6, 7, 8]
    assert all(src is not None for src in out.sources)


def test_a_dump_of_many_elements_is_split_where_the_elements_change() -> None:
    html = "<html><body><ul><li><a href='/a'>Menu one</a></li><li><a href='/b'>Menu two</a></li></ul><p>" + PARA + "\nwrapped in the source</p></body></html>"
    page = parse(html)
    index = SourceIndex(page.tree.find("body"))
    dumped = list(body_blocks(xml("<p>Menu one\nMenu two\n" + PARA.strip() + "\nwrapped in the source</p>")))
    blocks = split_dumps(dumped, index)
    assert [b.text for b in blocks] == ["Menu one", "Menu two", PARA.strip() + " wrapped in the source"]


def _split_body_page() -> str:
    part = lambda n: '<div class="article__body">' + "".join(f"<p>Part {n}, paragraph {i}. {PARA * 2}</p>" for i in range(4)) + "</div>"  # noqa: E731
    ad = '<div class="ad"><span>Advertisement</span></div>'
    return f"<html><body><article><h1>Headline</h1>{part(1)}{ad}{part(2)}{ad}{part(3)}</article><footer>Site footer</footer></body></html>"


def test_an_article_body_split_over_containers_of_one_class_is_read_whole() -> None:
    doc = clean(_split_body_page())
    for n in (1, 2, 3):
        assert f"Part {n}, paragraph 3." in doc.text
    assert doc.text.index("Part 1,") < doc.text.index("Part 2,") < doc.text.index("Part 3,")
    assert "Advertisement" not in doc.text


def test_a_box_of_teaser_cards_with_the_main_containers_class_is_not_a_continuation() -> None:
    # Page builders give every widget one class: a "More to explore" box of cards (linked
    # headline, excerpt) below the article shares it with the article's own box.
    card = lambda n: (f'<div class="card"><h4><a href="/story-{n}">Other story {n}</a></h4>'  # noqa: E731
                      f"<p>Teaser {n}: the opening of another story. {PARA}</p></div>")
    body = '<div class="widget">' + "".join(f"<p>Body {i}. {PARA * 2}</p>" for i in range(5)) + "</div>"
    cards = '<div class="widget">' + "".join(card(n) for n in range(3)) + "</div>"
    html = f'<html><body><article><h1>Headline</h1>{body}<div class="ad">Ad</div></article>{cards}</body></html>'
    doc = clean(html)
    assert "Body 4." in doc.text and "Teaser" not in doc.text


def test_a_continuation_repeated_down_the_page_is_added_once() -> None:
    page = _split_body_page().replace("<footer>", '<div class="article__body">' + "".join(f"<p>Part 2, paragraph {i}. {PARA * 2}</p>" for i in range(4)) + "</div><footer>")
    assert clean(page).text.count("Part 2, paragraph 3.") == 1


def test_a_continuation_that_copies_the_reading_in_another_shape_is_not_added() -> None:
    # A later box of the main class holding the first part's paragraphs again as one block
    # (a print version, a quoted post) repeats the reading; a box of new prose continues it.
    copy = " ".join(f"Part 1, paragraph {i}. {PARA * 2}" for i in range(4))
    page = _split_body_page().replace("<footer>", f'<div class="article__body"><p>{copy}</p></div><footer>')
    text = clean(page).text
    assert text.count("Part 1, paragraph 3.") == 1
    assert "Part 3, paragraph 3." in text
    assert clean(page, settings=Settings(html_copy_min_share=1.01)).text.count("Part 1, paragraph 3.") == 2


def test_a_page_the_dom_rules_left_little_to_read_is_read_as_parsed() -> None:
    # What the DOM rules left reads as a menu and a note; the page as parsed holds the
    # article (a wrapper a chrome selector matched): that reading, over twice as long, is
    # taken. (trafilatura reads a small synthetic page whole, so the share that calls
    # for the check is raised here.)
    menu = "<ul>" + "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(40)) + "</ul>"
    left = f"<html><body>{menu}<footer>{PARA * 3}</footer></body></html>"
    article = "<article><h1>Headline</h1>" + "".join(f"<p>{i} {PARA * 3}</p>" for i in range(20)) + "</article>"
    whole = lambda: parse(f"<html><body>{menu}{article}</body></html>").tree  # noqa: E731
    settings = Settings(html_fallback_max_share=0.9, html_unpruned_min_gain=2)  # off by default: its cost
    out = extract(parse(left).tree, None, settings, unpruned=whole)
    assert sum(b.text.count("council") for b in out.blocks) >= 20
    assert all(src is not None for b, src in zip(out.blocks, out.sources) if "council" in b.text)  # aligned to the tree read
    out = extract(parse(left).tree, None, Settings(html_fallback_max_share=0.9, html_unpruned_min_gain=0), unpruned=whole)
    assert not any("council" in b.text for b in out.blocks)


def _thread(posts: int, grid: bool = False) -> tuple[Any, list[Any]]:
    """A thread of `posts` posts, each its own wrapper holding a div.post (Discourse's
    crawler view), and, with grid, as many boxes of the same class in another section.
    Returns the parsed body and the posts' div.post elements."""
    post = lambda n: (f"<div class='topic-body' id='post_{n}'><div class='meta'>member{n}</div>"  # noqa: E731
                      f"<div class='post'><p>Reply {n}: I tried that as well. {PARA * 2}</p></div></div>")
    other = lambda n: f"<div class='card'><div class='post'><p>Other topic {n}. {PARA * 2}</p></div></div>"  # noqa: E731
    thread = "<section class='posts'>" + "".join(post(n) for n in range(posts)) + "</section>"
    more = "<aside class='suggested'>" + "".join(other(n) for n in range(posts)) + "</aside>" if grid else ""
    body = parse(f"<html><body><main><h1>Question</h1>{thread}</main>{more}</body></html>").tree.find("body")
    return body, body.xpath("//div[@class='topic-body']/div[@class='post']")


def _continued(posts: int, grid: bool = False) -> str:
    # The engine read the first post alone (as trafilatura does on some threads): what
    # do the other boxes of its class add?
    body, found = _thread(posts, grid)
    out = Extraction()
    for block, src in dom_blocks(found[0]):
        out.blocks.append(block)
        out.sources.append(src)
    return " ".join(b.text for b, _ in continuations(body, found[0], out, Settings()))


def test_every_post_of_a_long_thread_is_a_continuation() -> None:
    # More boxes of the main one's class than an article split by ads has: each in its own
    # copy of the first post's wrapper, they are the thread's posts, all of them.
    added = _continued(12)
    assert all(f"Reply {n}:" in added for n in range(1, 12))


def test_a_threads_short_replies_are_continuations_and_short_boxes_elsewhere_are_not() -> None:
    # Replies of one paragraph (under the 200 characters of prose a continuation needs),
    # each in its own copy of the first post's wrapper: posts of the thread. A box of the
    # post's class in a sidebar, as short, is not; nor is a short post whose heading links
    # to another page (a teaser row).
    reply = "Same here: the bracket under the power supply holds the cable, and support said to leave it where it is for now."
    post = lambda n, h="": (f"<div class='topic-body'><div class='meta'>member{n}</div>"  # noqa: E731
                            f"<div class='post'>{h}<p>Reply {n}. {reply}</p></div></div>")
    first = f"<div class='topic-body'><div class='post'><p>Question. {PARA * 3}</p></div></div>"
    teaser = post(9, "<h3><a href='/t/other'>Another topic</a></h3>")
    side = f"<aside><div class='post'><p>Sidebar. {reply}</p></div></aside>"
    body = parse(f"<html><body><main>{first}{post(1)}{post(2)}{teaser}</main>{side}</body></html>").tree.find("body")
    main = body.xpath("//div[@class='post']")[0]
    out = Extraction()
    for block, src in dom_blocks(main):
        out.blocks.append(block)
        out.sources.append(src)
    added = " ".join(b.text for b, _ in continuations(body, main, out, Settings()))
    assert "Reply 1." in added and "Reply 2." in added
    assert "Reply 9." not in added and "Sidebar." not in added
    assert "Reply 1." not in " ".join(b.text for b, _ in continuations(body, main, out, Settings(html_post_min_prose_chars=200)))


def test_many_boxes_of_the_main_class_elsewhere_are_no_continuation() -> None:
    added = _continued(12, grid=True)
    assert "Reply 11:" in added and "Other topic" not in added


def test_the_share_that_calls_for_other_readings_is_of_the_page_as_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    # The DOM rules took a menu as long as the article: a reading of a tenth of the page
    # as it showed must still call for the engine's full reading, though it is a fifth of
    # what the rules left.
    import importlib

    module = importlib.import_module("cleaner.html.extract")
    readings: list[bool] = []
    engine = module.run_engine

    def counted(*args: Any, **kwargs: Any) -> Any:
        readings.append(kwargs.get("fast") is False)
        return engine(*args, **kwargs)

    monkeypatch.setattr(module, "run_engine", counted)
    html = "<html><body><article><h1>Headline</h1>" + "".join(f"<p>{i} {PARA * 3}</p>" for i in range(4)) + "</article></body></html>"
    tree = parse(html).tree
    shown = module.chars_of(tree.find("body"))
    extract(tree, None, DEFAULT, shown=shown)
    assert readings == [False]  # the fast reading holds the page: nothing more
    readings.clear()
    extract(parse(html).tree, None, DEFAULT, shown=shown * 10)
    assert readings[0] is False and any(readings[1:])  # a tenth of the page as shown


_THREAD_LD = '{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Which case?"}'
_REPLY = "I had the same question about the bracket under the power supply, and support said it holds a cable. "


def _forum_page(declared: bool, box: str = "comments") -> tuple[str, list[str]]:
    """A thread whose posts sit in a div of class box (.comments: Invision Community), beside
    a longer box of app install notes; with declared, the page says it is a thread."""
    posts = f"<div class='{box}'>" + "".join(f"<article class='post'><p>Post {n}. {_REPLY}</p></article>" for n in range(3)) + "</div>"
    notes = "<div class='app-notes'>" + "".join(f"<p>Step {n}: tap the share icon, then add the app to your home screen. {PARA}</p>" for n in range(12)) + "</div>"
    head = f"<script type='application/ld+json'>{_THREAD_LD}</script>" if declared else ""
    html = f"<html><head><title>Which case?</title>{head}</head><body><h1>Which case?</h1>{posts}{notes}</body></html>"
    page = parse(html)
    return html, page.json_ld


def test_a_threads_posts_are_not_swapped_for_a_larger_box(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fast reading holds the posts, a small share of the page; the full reading holds
    # another, larger box. On a page that declares a thread the posts stay; on any other
    # page the larger reading is taken, as before.
    import importlib

    module = importlib.import_module("cleaner.html.extract")

    def reading(page: Any, url: Any, settings: Any, fast: bool = True, **kwargs: Any) -> Any:
        box = page.tree.find(".//div[@class='posts']" if fast else ".//div[@class='app-notes']")
        out = lxml.html.Element("body")
        out.append(lxml.html.fromstring(lxml.html.tostring(box)))
        return out

    monkeypatch.setattr(module, "run_engine", reading)
    for declared in (True, False):
        html, json_ld = _forum_page(declared, box="posts")
        tree = parse(html).tree
        tree.remove(tree.find("head"))
        text = " ".join(b.text for b in extract(tree, None, DEFAULT, json_ld, shown=10**6).blocks)
        assert ("Post 2." in text) is declared
        assert ("Step 11:" in text) is not declared


def test_a_declared_threads_comment_container_is_not_pruned_as_comments() -> None:
    for declared in (True, False):
        html, _ = _forum_page(declared)
        doc = clean(html, kind="html")
        assert ("Post 2." in doc.text) is declared, doc.text[:300]


def test_continuations_can_be_turned_off() -> None:
    from cleaner.settings import Settings

    # (trafilatura's full reading, which the wider reading would take, finds both parts.)
    doc = clean(_split_body_page(), settings=Settings(html_continuations=False, html_wider_max_share=0))
    assert "Part 1," in doc.text and "Part 2," not in doc.text  # what trafilatura's fast reading keeps alone


def test_embedded_posts_in_the_article_are_kept() -> None:
    tweet = ('<blockquote class="twitter-tweet"><p lang="en">Yes this is real and the state spent half a million on it</p>'
             '— Someone (@someone) <a href="https://twitter.com/x">November 18, 2019</a></blockquote>')
    html = "<html><body><article><div class='story'>" + "".join(f"<p>{PARA * 2}</p>" for _ in range(3)) + tweet + f"<p>{PARA * 2}</p></div></article></body></html>"
    assert "Yes this is real and the state spent half a million on it" in clean(html).text


# --- the three ways in: a file, a gzipped file, stdin ------------------------------------------


def _page() -> bytes:
    return ("<!DOCTYPE html><html lang='en'><head><title>Budget passes</title></head><body><nav><a href='/'>Home</a></nav>"
            "<article><h1>Budget passes</h1>" + "".join(f"<p>{PARA * 2}</p>" for _ in range(3)) + "</article></body></html>").encode()


def _clean_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True, timeout=120)


def test_cli_html_file_gzip_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(_page())
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(_page()))
    outputs = [
        _clean_cli(str(tmp_path / "page.html")),
        _clean_cli(str(tmp_path / "page.html.gz")),
        _clean_cli("-", stdin=_page()),
    ]
    for run in outputs:
        assert run.returncode == 0, run.stderr
        assert run.stdout.decode().startswith("The council met on Tuesday")
        assert b"Home" not in run.stdout
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout


def test_a_layout_table_gives_its_cells_paragraphs_not_one_table_block() -> None:
    long = PARA * 4
    blocks = list(body_blocks(xml(
        f"<table><row><cell><head rend='h1'>Headline</head><p>{long}</p><p>Second.</p></cell></row></table>"
        "<table><row><cell>Price</cell><cell>$5</cell></row></table>"
    )))
    assert [b.kind for b in blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.TABLE]
    assert blocks[-1].text == "Price $5"


ESCAPED_PAGE = """<html><head><title>A &lt;b&gt;bold&lt;/b&gt; title</title></head><body><article>
<h2># Not a heading marker &lt;img src=x onerror=alert(1)&gt;</h2>
<p>The minister said on Tuesday that &lt;script&gt;alert(1)&lt;/script&gt; would stay in the text as text, officials said.</p>
<p>1. Not a list: a *star*, an _underscore_, [brackets](javascript:alert(1)), a back\\slash, 1 &lt; 2 &amp;amp; AT&amp;T, all shown as they are.</p>
<p>A <a href="https://example.com/a)&lt;script&gt;x&lt;/script&gt;">link with a hostile target</a> and <code>a`b &lt;i&gt;</code> inline code, in a sentence long enough to keep.</p>
<ul><li>- a list item that begins with a dash and &lt;b&gt;tags&lt;/b&gt; in its text, and more words</li></ul>
</article></body></html>"""


def test_markdown_from_html_escapes_what_the_page_escaped() -> None:
    # "&lt;script&gt;" is the text "<script>": the markdown output must not turn it into
    # live markup, which anyone rendering the markdown would run.
    markdown_it = pytest.importorskip("markdown_it")
    doc = clean(ESCAPED_PAGE, kind="html", rules=RuleSet())
    assert "<script>alert(1)</script>" in doc.text  # the text output shows the text as it is
    rendered = markdown_it.MarkdownIt("commonmark").render(doc.markdown)
    for live in ("<script", "<img", "<b>", "<i>", "<h1", "<em", "<ol", 'href="javascript'):
        assert live not in rendered, (live, rendered)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    # What the reader sees is the page's text: the rendered markdown's text is doc.text's.
    shown = " ".join(lxml.html.fromstring(f"<div>{rendered}</div>").text_content().split())
    for paragraph in doc.text.split("\n\n"):
        assert " ".join(paragraph.split()) in shown, (paragraph, shown)
    from cleaner.outputs import meta_header

    assert "Title: A \\<b\\>bold\\</b\\> title" in meta_header(doc, markdown=True)
    assert "Title: A <b>bold</b> title" in meta_header(doc)


def test_a_link_target_cannot_close_the_link_or_open_markup() -> None:
    from cleaner.render import markdown_target

    assert markdown_target("https://example.com/a)<script>x</script>") == "https://example.com/a%29%3Cscript%3Ex%3C/script%3E"
    assert markdown_target("https://en.wikipedia.org/wiki/Mercury_(planet)") == "https://en.wikipedia.org/wiki/Mercury_(planet)"
    assert markdown_target('https://example.com/a b"c') == "https://example.com/a%20b%22c"


def test_a_small_fast_reading_gives_way_to_the_full_reading(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import dataclasses
    import importlib

    mod = importlib.import_module("cleaner.html.extract")
    page = parse("<html><body>" + "".join(f"<div><p>{PARA}</p></div>" for _ in range(10)) + "</body></html>").tree
    calls: list[bool | None] = []

    sizes = {None: 1, False: 9, True: 10}  # paragraphs: fast, full, full favouring recall

    def engine(tree, url, settings, fast=None, recall=None):  # type: ignore[no-untyped-def]
        calls.append(fast if recall is None else recall)
        return xml(f"<p>{PARA}</p>" * sizes[calls[-1]])

    monkeypatch.setattr(mod, "run_engine", engine)
    assert len(extract(page, None, DEFAULT).blocks) == 9  # a tenth of the page: the full reading
    assert calls == [None, False]
    calls.clear()
    sizes[False] = 0  # the full reading finds nothing: the one favouring recall is asked
    assert len(extract(page, None, DEFAULT).blocks) == 10
    assert calls == [None, False, True]
    calls.clear()
    off = dataclasses.replace(DEFAULT, html_fallback_max_share=0.0, html_wider_max_share=0.0)
    assert len(extract(page, None, off).blocks) == 1
    assert calls == [None]


def test_a_wider_reading_replaces_a_middling_one_only_when_it_extends_it_with_prose(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import importlib

    mod = importlib.import_module("cleaner.html.extract")
    para = lambda i: f"<p>Paragraph {i}. {PARA}</p>"  # noqa: E731
    page = parse("<html><body>" + "".join(f"<div>{para(i)}</div>" for i in range(10)) + "</body></html>").tree
    first = "".join(para(i) for i in range(4))  # four tenths of the page: above the small share
    calls: list[bool | None] = []
    wider = ""

    def engine(tree, url, settings, fast=None, recall=None):  # type: ignore[no-untyped-def]
        calls.append(recall)
        return xml(wider if recall else first)

    monkeypatch.setattr(mod, "run_engine", engine)

    def paragraphs(reading: str) -> int:
        nonlocal wider
        wider = reading
        calls.clear()
        return len(extract(page, None, DEFAULT).blocks)

    assert paragraphs(first + "".join(para(i) for i in range(4, 9))) == 9  # the same region, grown by prose
    assert calls == [None, True]  # the fast reading, then the one favouring recall only
    other = "Tickets for the summer concert series go on sale next week at the box office downtown. "
    assert paragraphs("".join(f"<p>Notice {i}. {other}</p>" for i in range(6))) == 4  # another box of the page
    assert paragraphs(first + "".join(f"<p>Section {i}</p>" for i in range(40))) == 4  # grown by short lines
    assert paragraphs(first + para(7) * 5) == 4  # by one block, repeated


def test_a_reading_that_holds_all_the_pages_prose_is_not_read_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import importlib

    mod = importlib.import_module("cleaner.html.extract")
    prose = "".join(f"<p>Paragraph {i}. {PARA}</p>" for i in range(4))
    menu = "<ul>" + "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(40)) + "</ul>"
    page = parse(f"<html><body>{menu}<div>{prose}</div></body></html>").tree
    calls: list[bool | None] = []

    def engine(tree, url, settings, fast=None, recall=None):  # type: ignore[no-untyped-def]
        calls.append(recall)
        return xml(prose)

    monkeypatch.setattr(mod, "run_engine", engine)
    assert len(extract(page, None, DEFAULT).blocks) == 4
    assert calls == [None]  # under half the page, but the menu is no prose: no wider reading
    calls.clear()
    page = parse(f"<html><body>{menu}<div>{prose}</div><div>Also. {PARA * 3}</div></body></html>").tree
    extract(page, None, DEFAULT)
    assert calls == [None, True]  # a box of prose the reading lacks


def test_a_thread_that_declares_its_posts_keeps_them() -> None:
    # Forum software marks posts up as comments; the page's schema.org DiscussionForumPosting
    # (in an ld+json script, which parsing removes) says they are the content.
    post = "I need to change the customer payment to bank wire, but I cannot modify the original payment of order {n}, even as the shop's administrator."
    posts = "".join(f'<article class="comment" id="comment-{n}"><div class="comment-content"><p>{post.format(n=n)}</p></div></article>' for n in range(6))
    ld = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "A payment"}</script>'
    page = "<html><head>{ld}<title>A payment</title></head><body><h1>A payment</h1><div class='comments'>" + posts + "</div></body></html>"
    article = "<h1>A payment</h1><p>" + "Orders paid by card can be changed to another method from the order page. " * 4 + "</p>"
    assert clean(page.format(ld=ld), kind="html").text.count("bank wire") == 6
    assert "bank wire" not in clean(page.format(ld="").replace("<h1>A payment</h1>", article), kind="html").text  # comments under an article go


def _reading_of(box: Any) -> Extraction:
    """What the engine read: the blocks of one box."""
    out = Extraction()
    for block, src in dom_blocks(box):
        out.blocks.append(block)
        out.sources.append(src)
    return out


def test_dom_blocks_read_text_that_sits_in_a_div_between_its_child_blocks() -> None:
    body = parse("<html><body><div>Opening words<p>A paragraph.</p>Then a line<br>and <b>another</b><h1>Title</h1></div></body></html>").tree.find("body")
    assert [b.text for b, _ in dom_blocks(body)] == ["Opening words", "A paragraph.", "Then a line and another"]


def _div_thread(posts: int) -> tuple[Any, list[Any]]:
    """A thread whose posts hold their text in a div, lines apart by <br> (XenForo's
    bbWrapper), each post with a signature of the same class in an <aside>."""
    post = lambda n: (f"<article class='message'><div class='user'>member{n}</div>"  # noqa: E731
                      f"<div class='bbWrapper'>Reply {n}: I tried that as well.<br>{PARA * 2}</div>"
                      f"<aside class='signature'><div class='bbWrapper'>Signature {n}: my kit. {PARA * 2}</div></aside></article>")
    body = parse(f"<html><body><main><h1>Question</h1>{''.join(post(n) for n in range(posts))}</main></body></html>").tree.find("body")
    return body, body.xpath("//article/div[@class='bbWrapper']")


def test_posts_whose_text_sits_in_their_div_are_continuations_and_signatures_are_not() -> None:
    body, found = _div_thread(3)
    added = " ".join(b.text for b, _ in continuations(body, found[0], _reading_of(found[0]), Settings()))
    assert "Reply 1:" in added and "Reply 2:" in added
    assert "Signature" not in added


def test_the_earlier_posts_of_a_thread_are_read_when_the_engine_took_a_later_one() -> None:
    body, found = _thread(4)
    added = " ".join(b.text for b, _ in continuations(body, found[2], _reading_of(found[2]), Settings()))
    assert "Reply 0:" in added and "Reply 1:" in added and "Reply 3:" in added


def test_one_box_of_the_main_ones_kind_above_it_is_no_earlier_post() -> None:
    # A fact check's claim sits above its body in a box of the body's shape: not a thread.
    body, found = _thread(2)
    assert "Reply 0:" not in " ".join(b.text for b, _ in continuations(body, found[1], _reading_of(found[1]), Settings()))


def _marked_thread(mark: Callable[[int], str]) -> str:
    """What the boxes of a 12-post thread add to its first post, each post's wrapper of the
    class mark(n)."""
    post = lambda n: (f"<div class='{mark(n)}'><div class='meta'>member{n}</div>"  # noqa: E731
                      f"<div class='content'><p>Reply {n}: I tried that as well. {PARA * 2}</p></div></div>")
    body = parse(f"<html><body><main><h1>Question</h1><section>{''.join(post(n) for n in range(12))}</section></main></body></html>").tree.find("body")
    found = body.xpath("//div[@class='content']")
    return " ".join(b.text for b, _ in continuations(body, found[0], _reading_of(found[0]), Settings()))


def test_posts_marked_apart_by_a_class_of_their_own_are_one_thread() -> None:
    # phpBB alternates "post bg1" and "post bg2"; an accepted answer carries classes more.
    added = _marked_thread(lambda n: f"post bg{n % 2 + 1}")
    assert all(f"Reply {n}:" in added for n in range(1, 12))
    added = _marked_thread(lambda n: "answer accepted-answer js-accepted" if n == 0 else "answer")
    assert all(f"Reply {n}:" in added for n in range(1, 12))


def _service_page() -> tuple[Any, Any]:
    """A page of sections in its <main>, each with its own heading and class; returns the
    parsed body and the second section's box, the one the engine read."""
    section = lambda n: (f"<section class='band-{n}'><div class='inner'><h2>Feature {n}</h2>"  # noqa: E731
                         f"<p>Feature {n} does this for you. {PARA * 2}</p><p>More on feature {n}. {PARA * 2}</p></div></section>")
    nav = "<nav class='tabs'><p>" + PARA * 3 + "</p></nav>"
    form = (f"<section class='share'><div class='dialog'><form><label>Your friend's email</label><p>{PARA * 2}</p>"
            f"<p>Your address is used only to tell the recipient who sent the e-mail. {PARA * 2}</p></form></div></section>")
    html = f"<html><body><header>Site</header><main>{nav}{''.join(section(n) for n in range(4))}{form}</main><footer>Footer</footer></body></html>"
    body = parse(html).tree.find("body")
    return body, body.xpath("//section[@class='band-1']/div")[0]


def test_the_other_sections_of_the_pages_main_are_read_when_the_engine_kept_one() -> None:
    body, box = _service_page()
    added = " ".join(b.text for b, _ in sections(body, box, _reading_of(box), [], Settings()))
    assert all(f"Feature {n} does this" in added for n in (0, 2, 3))
    assert "Feature 1 does this" not in added  # read already
    assert added.count("council") == 12  # the navigation's paragraph is not a section, nor the form's


def test_sections_are_left_when_the_reading_holds_much_of_the_main() -> None:
    body, box = _service_page()
    assert not sections(body, box, _reading_of(box), [], Settings(html_section_max_share=0.1))
    assert not sections(body, box, _reading_of(box), [], Settings(html_section_max_share=0))


def test_a_second_copy_of_the_read_text_is_no_section() -> None:
    # A page may carry its article again as one block of text (a hidden markdown
    # version); a section of that copy adds nothing new. A section that merely shares
    # words with the reading (every feature's paragraph has PARA) is read.
    body, box = _service_page()
    read = " ".join(b.text for b in _reading_of(box).blocks)
    copy = lxml.html.fragment_fromstring(f"<section class='raw'><div><p># Feature 1 {read}</p><p>{read[::-1]}</p></div></section>")
    body.find("main").append(copy)
    added = " ".join(b.text for b, _ in sections(body, box, _reading_of(box), [], Settings()))
    assert all(f"Feature {n} does this" in added for n in (0, 2, 3))
    assert "# Feature 1" not in added
    assert read[::-1] in added  # other words than the reading's: read as a section
    assert "# Feature 1" in " ".join(b.text for b, _ in sections(body, box, _reading_of(box), [], Settings(html_copy_min_share=1.01)))


def test_a_section_of_excerpts_cut_off_mid_sentence_is_not_read() -> None:
    # Other stories' cards: a plain link for a title, a date, and an excerpt cut off with
    # "..." (no linked heading for the teaser test). A section where two posts of five
    # trail off on "…" is read.
    body, box = _service_page()
    card = lambda n: (f"<div class='card'><div class='title'><a href='/story-{n}'>Story {n}</a></div><div>December 19, 2025</div>"  # noqa: E731
                      f"<div class='body'>Story {n} begins. {PARA * 2}The vote was close and the mayor sai...</div></div>")
    body.find("main").append(lxml.html.fragment_fromstring(f"<section class='news'>{''.join(card(n) for n in range(3))}</section>"))
    body.find("main").append(lxml.html.fragment_fromstring("<section class='band-9'><p>Band 9. " + "</p><p>".join(f"Post {k}. {PARA * 2}{end}" for k, end in enumerate(("", "and so on…", "", "well…", ""))) + "</p></section>"))
    added = " ".join(b.text for b, _ in sections(body, box, _reading_of(box), [], Settings()))
    assert "Feature 0 does this" in added and "Band 9." in added
    assert "Story 1 begins." not in added
    assert "Story 1 begins." in " ".join(b.text for b, _ in sections(body, box, _reading_of(box), [], Settings(html_excerpts_min_paragraphs=0)))


def _partly_read() -> tuple[Any, Any, Extraction]:
    """A page of sections whose reading holds one band whole and, of a second band, only its
    two paragraphs: the engine left out the heading and the list between them, and the
    writer's box after them."""
    band = (f"<section class='ranked'><div class='inner'><h2>Pick one</h2><p>Why pick one. {PARA * 2}</p>"
            "<h3>What we like</h3><ul><li>Quick to set up for a small team</li><li>Fair price for what it does</li></ul>"
            f"<p>Pick one suits most readers. {PARA * 2}</p><div class='writer'><p>Jane Roe writes about tools.</p></div></div></section>")
    filler = "".join(f"<section class='band-{n}'><div><p>Band {n} closes. {PARA * 2}</p></div></section>" for n in range(8))
    body = parse(f"<html><body><main><section class='intro'><div class='copy'><p>Opening. {PARA * 2}</p><p>Second. {PARA * 2}</p></div></section>"
                 f"{band}{filler}</main></body></html>").tree.find("body")
    box = body.xpath("//div[@class='copy']")[0]
    out = _reading_of(box)
    for p in body.xpath("//section[@class='ranked']//p[not(ancestor::div[@class='writer'])]"):
        for block, src in dom_blocks(p):
            out.blocks.append(block)
            out.sources.append(src)
    return body, box, out


def test_a_section_the_engine_read_in_part_is_read_between_what_it_took() -> None:
    body, box, out = _partly_read()
    added = [b.text for b, _ in sections(body, box, out, [], Settings())]
    assert added[:3] == ["What we like", "Quick to set up for a small team", "Fair price for what it does"]
    assert not any("Why pick one" in t or "suits most" in t for t in added)  # read already
    assert not any("Jane Roe" in t for t in added)  # under an article, after what was read: the article ended
    # Off, the band is passed over as before (it holds elements of the reading).
    assert not any("What we like" in t for t in (b.text for b, _ in sections(body, box, out, [], Settings(html_section_partly_read=False))))
    # On a page that is no article (a reading of few prose paragraphs), the band is read whole.
    whole = [b.text for b, _ in sections(body, box, out, [], Settings(html_section_partly_article_prose=99))]
    assert "What we like" in whole and "Jane Roe writes about tools." in whole


def test_a_product_page_keeps_to_its_description() -> None:
    # The sections beside a product's description are its reviews, other products and the
    # shop's promotion; a page that lists products is no product page.
    body, box = _service_page()
    product = '{"@context": "https://schema.org", "@type": "Product", "name": "Feature kit"}'
    assert not sections(body, box, _reading_of(box), [], Settings(), [product])
    listing = '{"@type": "ItemList", "itemListElement": [{"@type": "Product", "name": "Feature kit"}]}'
    assert sections(body, box, _reading_of(box), [], Settings(), [listing])
    box.set("itemscope", "")
    box.set("itemtype", "https://schema.org/Product")
    assert not sections(body, box, _reading_of(box), [], Settings())


def _bands(extra: str = "", wrapped: bool = True) -> str:
    """A page of bands, each a heading, a paragraph and a list of points; extra goes in the
    second band, after its list. wrapped: the bands in a box of the page, else straight in
    its body."""
    band = lambda n: (f"<div class='band'>\n<h2>Heading number {n}</h2>\n<p>Band {n}: {PARA * 2}</p>\n"  # noqa: E731
                      f"<ul><li>First point {n} of the list</li><li>Second point {n} of the list</li></ul>{extra if n == 1 else ''}</div>\n")
    bands = "".join(band(n) for n in range(3))
    return f"<html><body><div class='page'>{bands}</div></body></html>" if wrapped else f"<html><body>{bands}</body></html>"


def _paragraphs_of(body: Any) -> Extraction:
    """A reading of the page's paragraphs alone (trafilatura's wild-text recovery)."""
    out = Extraction()
    for p in body.iter("p"):
        for block, src in dom_blocks(p):
            out.blocks.append(block)
            out.sources.append(src)
    return out


def test_the_headings_and_lists_between_paragraphs_of_the_reading_are_filled_in_where_they_stand() -> None:
    body = parse(_bands()).tree.find("body")
    out = _paragraphs_of(body)
    fill_gaps(body, out, Settings())
    texts = [b.text for b in out.blocks]
    assert texts[:5] == ["Band 0: " + (PARA * 2).strip(), "First point 0 of the list", "Second point 0 of the list", "Heading number 1",
                         "Band 1: " + (PARA * 2).strip()]
    assert "Heading number 0" not in texts  # above the first paragraph of the reading
    assert "First point 2 of the list" not in texts  # below its last
    assert [b.kind for b in out.blocks][1:4] == [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.HEADING]


def test_the_gaps_of_a_page_set_straight_in_its_body_are_filled_in() -> None:
    body = parse(_bands(wrapped=False)).tree.find("body")
    out = _paragraphs_of(body)
    fill_gaps(body, out, Settings())
    texts = [b.text for b in out.blocks]
    assert texts[1:4] == ["First point 0 of the list", "Second point 0 of the list", "Heading number 1"]
    assert "Heading number 0" not in texts and "First point 2 of the list" not in texts


def test_a_table_between_paragraphs_is_filled_in() -> None:
    table = "<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Basic plan</td><td>$10 a month</td></tr></table>"
    body = parse(_bands(table)).tree.find("body")
    out = _paragraphs_of(body)
    fill_gaps(body, out, Settings())
    texts = " ".join(b.text for b in out.blocks)
    assert "Basic plan" in texts and texts.index("Second point 1 of the list") < texts.index("Basic plan") < texts.index("Band 2:")


def test_a_list_of_links_or_a_nav_between_paragraphs_is_not_filled_in() -> None:
    links = "<ul class='more'><li><a href='/a'>Another story to read today</a></li><li><a href='/b'>And one more story</a></li></ul>"
    nav = "<nav><ul><li>Home of the site menu</li><li>About the site menu</li></ul></nav>"
    body = parse(_bands(links + nav)).tree.find("body")
    out = _paragraphs_of(body)
    fill_gaps(body, out, Settings())
    texts = " ".join(b.text for b in out.blocks)
    assert "First point 1 of the list" in texts
    assert "Another story" not in texts and "site menu" not in texts
    out = _paragraphs_of(body)
    fill_gaps(body, out, Settings(html_fill_gaps=False))
    assert "First point 1 of the list" not in " ".join(b.text for b in out.blocks)


def test_a_count_over_the_answers_between_paragraphs_is_not_filled_in() -> None:
    # Put back, "10 Answers" would read as the start of a comment section, which is cut.
    body = parse(_bands("<h2>10 Answers 10</h2><h3>3 Comments</h3>")).tree.find("body")
    out = _paragraphs_of(body)
    fill_gaps(body, out, Settings())
    texts = [b.text for b in out.blocks]
    assert "Heading number 1" in texts and "10 Answers 10" not in texts and "3 Comments" not in texts


def test_a_page_that_trafilatura_reads_from_its_paragraphs_keeps_its_headings_and_lists() -> None:
    # trafilatura (include_formatting) settles on a card whose bold label counts as a block of
    # its own, finds it short and recovers the page's <p> elements alone.
    cards = "<ul class='cards'>" + "".join(f"<li><div class='text'><strong>Card {n}</strong><p>Card {n} says a short thing.</p></div></li>" for n in range(2)) + "</ul>"
    page = _bands().replace("<div class='page'>", f"<div class='page'>{cards}\n")
    text = clean(page, kind="html").text
    assert "Heading number 1" in text and "First point 0 of the list" in text
    assert text.index("First point 0 of the list") < text.index("Heading number 1") < text.index("Band 1:")


def test_a_reading_gathered_in_one_box_gets_only_its_headings_and_tables_and_only_when_it_has_no_heading() -> None:
    # Each band's paragraph is a third of the reading: under a share of 0.3 its main box
    # holds too much for a reading rebuilt from scattered paragraphs. Its lists stay out; a
    # reading of paragraphs alone left out the headings and tables between them all the same.
    table = "<table><tr><td>Weight</td><td>3 kg</td></tr></table>"
    body = parse(_bands(table)).tree.find("body")
    out = _paragraphs_of(body)
    fill_gaps(body, out, Settings(html_fill_gaps_max_main_share=0.3))
    texts = [b.text for b in out.blocks]
    assert "Heading number 1" in texts and "Heading number 2" in texts
    assert texts.index("Heading number 1") == texts.index("Band 1: " + (PARA * 2).strip()) - 1
    assert any("3 kg" in t for t in texts)
    assert "First point 0 of the list" not in texts and "First point 1 of the list" not in texts
    # With a heading of its own, the reading chose what to leave out: nothing is filled.
    body = parse(_bands(table)).tree.find("body")
    out = Extraction()
    for el in [body.find(".//h2"), *body.iter("p")]:
        for block, src in dom_blocks(el):
            out.blocks.append(block)
            out.sources.append(src)
    fill_gaps(body, out, Settings(html_fill_gaps_max_main_share=0.3))
    texts = [b.text for b in out.blocks]
    assert texts[0] == "Heading number 0" and "Heading number 1" not in texts and "First point 0 of the list" not in texts
    assert not any("3 kg" in t for t in texts)


def _widget_page(boxes: str) -> str:
    nav = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(12)) + "</ul></nav>"
    plant = "The {0} grows slowly in low light and needs water once a week, less in the winter months, when it rests. "
    cards = "".join(f"<div class='col'><h6>Plant {n}</h6><p>{plant.format(f'plant {n}') * 2}</p></div>" for n in range(3))
    return (
        f"<html><head><title>Plants for dark rooms</title></head><body>{nav}<main><h1>Plants for dark rooms</h1>"
        f"<div class='field-body'><p>{PARA * 2}</p><p>{PARA * 2}</p><div class='ck-widget grid'>{cards}</div></div>"
        f"{boxes}</main><footer>Copyright</footer></body></html>"
    )


def test_the_prose_in_a_box_that_trafilatura_discards_for_its_class_word_is_read() -> None:
    # trafilatura removes any box whose class says "widget"; an editor's grid of the article's
    # own sections carries one.
    page = _widget_page("")
    assert "plant 1 grows slowly" in clean(page, kind="html").text
    assert "plant 1 grows slowly" not in clean(page, kind="html", settings=Settings(html_spare_min_paragraphs=0)).text


def _table_page(box_class: str, rows: int) -> str:
    cells = "".join(f"<tr><td>Service kind {n}</td><td>{10 + n}%</td></tr>" for n in range(rows))
    return (
        "<html><head><title>How much to tip</title></head><body><main><h1>How much to tip</h1>"
        f"<div class='rich-text'><p>{PARA * 2}</p><p>{PARA * 2}</p>"
        f"<div class='{box_class}'><div class='responsive-table'><table><tr><th>Service</th><th>Tip</th></tr>{cells}</table></div></div>"
        f"<p>{PARA * 2}</p></div></main><footer>Copyright</footer></body></html>"
    )


def test_a_table_in_a_box_that_trafilatura_discards_for_its_class_word_is_read() -> None:
    # Webflow wraps custom HTML, here a table of figures, in "w-embed", and trafilatura
    # discards any box whose class holds "embed".
    assert "Service kind 3" in clean(_table_page("w-embed", 5), kind="html").text
    assert "Service kind 3" in clean(_table_page("ck-widget", 5), kind="html").text
    assert "Service kind 3" not in clean(_table_page("w-embed", 5), kind="html", settings=Settings(html_spare_min_table_rows=0)).text
    # Two rows are not a table of figures.
    assert "Service kind 1" not in clean(_table_page("w-embed", 1), kind="html").text


def test_a_box_of_teaser_cards_is_not_spared() -> None:
    page = _widget_page("").replace("<div class='col'>", "<div class='col'><h3><a href='/x'>A linked title</a></h3>", 2)
    assert "plant 1 grows slowly" not in clean(page, kind="html").text


def _spacing_page() -> str:
    return f"""<html><head><title>Budget</title></head><body><article><h1>Budget</h1><p>{PARA * 3}</p>
<p><b>Make most of your meal vegetables, half of your plate.<br></b>Aim for color and variety in every meal.</p>
<p><strong>Social media traffic</strong>:<strong>&nbsp;</strong>This tracks how many people read the posts.</p>
<ul><li><div><div>Can my policy cover the trip to Mexico?</div></div>
<div><div>Your policy will not cover the trip, so buy a separate one before you go.</div></div></li></ul>
<p>Worse than anyone could imagine.Think about it for a moment before you answer the question.</p>
<p><a href="/a">Is the tax due?</a><a href="/b">What else is due?</a> Both are answered below in full.</p>
<p>{PARA * 3}</p></article></body></html>"""


def test_words_the_page_shows_apart_are_not_run_together() -> None:
    # trafilatura's tree loses the space a <br> at the end of a <b> gives, that of a
    # no-break space in a <strong> of its own, and that between a question's <div> and its
    # answer's; the page's text puts them back.
    doc = clean(_spacing_page(), kind="html")
    for both in ("half of your plate. Aim for", "Social media traffic: This tracks", "the trip to Mexico? Your policy"):
        assert both in doc.text
    for both in ("half of your plate.** Aim for", "**Social media traffic**: This tracks", "the trip to Mexico? Your policy"):
        assert both in doc.markdown


def test_words_the_page_writes_together_stay_together() -> None:
    # Only a space the page shows is put back: a typo inside one text, or links set side by
    # side with nothing between them, are left as written.
    doc = clean(_spacing_page(), kind="html")
    assert "could imagine.Think about it" in doc.text
    assert "Is the tax due?What else is due?" in doc.text


def test_respacing_reads_each_element_once_and_the_page_at_most_about_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two hundred questions run into their answers, and the answers into a line after them:
    # each item's text is read once, not once for each meeting, and all
    # the reading is within about twice the page's text, however many there are.
    import importlib

    extract_module = importlib.import_module("cleaner.html.extract")  # the package's `extract` is the function
    items = "".join(
        f"<li><div><div>Can the policy cover trip {i} to Mexico?</div></div>"
        f"<div><div>Your policy will not cover trip {i}, so buy a separate one before you go.</div></div>"
        f"<div>Call us today.</div></li>"
        for i in range(200)
    )
    page = f"<html><body><article><h1>Trips</h1><p>{PARA * 3}</p><ul>{items}</ul><p>{PARA * 3}</p></article></body></html>"
    read: list[Any] = []
    real = extract_module.text_of

    def counting(el: Any) -> str:
        if el.tag == "li":
            read.append(el)
        return str(real(el))

    monkeypatch.setattr(extract_module, "text_of", counting)
    text = clean(page, kind="html").text
    assert "trip 7 to Mexico? Your policy will not cover trip 7" in text and "before you go. Call us today." in text
    assert len(read) == len(set(read)) == 200
    assert sum(len(real(el)) for el in read) <= 2 * len(page)


def test_respacing_stops_when_its_reading_budget_is_spent() -> None:
    body = lxml.html.fromstring("<body><ul><li><div>Can it cover the trip to Mexico?</div><div>Your policy will not.</div></li></ul></body>")
    block = next(iter(body_blocks(xml("<list><item>Can it cover the trip to Mexico?Your policy will not.</item></list>"))))
    index = SourceIndex(body)
    index._respace_budget = 0
    index.respace(block, 0, len(index.text))
    assert "Mexico?Your" in block.text
    index._respace_budget = 1000
    index.respace(block, 0, len(index.text))
    assert "Mexico? Your" in block.text


def _headed_thread(heading: str) -> str:
    posts = "".join(
        f"<div class='topic-body crawler-post'><span class='creator'>user{n}</span>"
        f"<div class='post'>{heading.format(n=n, i=1)}<p>Post {n}: {PARA * 2}</p>{heading.format(n=n, i=2)}<p>{PARA * 2}</p></div></div>"
        for n in range(1, 5)
    )
    return f"<html><head><title>A question</title></head><body><h1>A question</h1><div class='posts'>{posts}</div></body></html>"


def test_a_posts_heading_anchors_do_not_make_it_a_teaser_card() -> None:
    # Discourse puts an empty in-page anchor in every heading of a post; a post of such
    # headings above the one trafilatura reads is still a post of the thread.
    anchored = '<h3><a class="anchor" href="#p-{n}-part-{i}"></a>Part {i} of post {n}</h3>'
    linked = '<h3><a href="/t/other-topic-{n}-{i}">Part {i} of post {n}</a></h3>'
    tree = parse(_headed_thread(anchored)).tree
    posts = tree.find_class("post")
    out = Extraction()
    added = continuations(tree, posts[1], out, DEFAULT)
    assert any("Post 1:" in b.text for b, _ in added)
    tree = parse(_headed_thread(linked)).tree
    posts = tree.find_class("post")
    added = continuations(tree, posts[1], Extraction(), DEFAULT)
    assert not any("Post 1:" in b.text for b, _ in added)


def _shared_link(comments: str) -> str:
    return (
        "<html><body><header><a href='/'>Links</a> <a href='/recent'>Recent</a></header><main>"
        "<h1><a href='https://example.org/goals'>Project goals for 2024</a></h1><p>via ann 1 year ago</p>"
        f"<ol class='comments'>{comments}</ol></main></body></html>"
    )


REPLY = "<li class='comment'><p>{}</p></li>"


def test_a_shared_link_with_nothing_but_its_discussion_is_read_as_a_thread() -> None:
    posts = [
        "Very interested in the ergonomic reference counting work, since I clone shared pointers everywhere in my async code.",
        "So do I, and I really find that eliding the clones would not especially improve the ergonomics of that code.",
        "The trait for lightweight clones adds a cost in complexity that I have never felt the need to pay for so far.",
        "Had no idea the work on return position types in traits was even happening. That will be a huge improvement.",
        "Async closures are the goal I care about most, because every callback API I write today needs boxed futures.",
    ]
    page = _shared_link("".join(REPLY.format(p) for p in posts))
    text = clean(page, kind="html").text
    assert all(p in text for p in posts)
    # An article under the link is the page's content, and its comments stay out.
    article = "<p>" + "The goals for the year cover async closures, the new trait solver and faster builds. " * 4 + "</p>"
    text = clean(page.replace("<ol class='comments'>", article + "<ol class='comments'>"), kind="html").text
    assert "The goals for the year" in text and posts[0] not in text


def test_the_replies_of_a_discussion_are_read_with_it(tmp_path: Path) -> None:
    # The comments rule spares the list holding the page's text, and the reply lists of the
    # same kind inside it, but not another kind of box the rule selects there.
    posts = [f"Reply number {n} says that the lightweight clone trait would cost more in complexity than it saves." for n in range(6)]
    nested = REPLY.format(posts[0])[:-5] + "<ol class='comments'>" + REPLY.format(posts[1]) + "</ol></li>" + "".join(REPLY.format(p) for p in posts[2:])
    page = _shared_link(nested + "<div class='comments-area'><p>Leave a reply to join in with the others.</p></div>")
    text = clean(page, kind="html").text
    assert all(p in text for p in posts)
    assert "Leave a reply" not in text


def test_a_fast_reading_that_skips_its_own_boxs_lists_is_read_again_favouring_recall(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import dataclasses
    import importlib

    mod = importlib.import_module("cleaner.html.extract")
    items = ["Lots of companies use the mainstream languages", "Lots of jobs are available in them", "New companies are built in them"]
    listed = "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    paragraphs = [f"<p>{PARA} Part {n} of the story goes on with more of the council's reasons.</p>" for n in range(4)]
    box = paragraphs[0] + paragraphs[1] + "<h2>The vicious cycle</h2>" + listed + paragraphs[2] + paragraphs[3]
    page = parse(f"<html><body><div class='post'>{box}</div><p>{PARA}</p></body></html>").tree
    fast = "".join(paragraphs)
    wide = {
        "fills": box.replace("<ul>", "<list>").replace("</ul>", "</list>").replace("<li>", "<item>").replace("</li>", "</item>").replace("<h2>", "<head>").replace("</h2>", "</head>"),
        "elsewhere": fast + "<p>Sign up for our newsletter to get the stories of the week in your inbox every Monday.</p>" * 3,
    }
    calls: list[bool | None] = []
    answer = "fills"

    def engine(tree, url, settings, fast=None, recall=None):  # type: ignore[no-untyped-def]
        calls.append(recall)
        return xml(wide[answer] if recall else "".join(paragraphs))

    monkeypatch.setattr(mod, "run_engine", engine)
    text = to_text(extract(page, None, DEFAULT).blocks)
    assert calls == [None, True] and all(i in text for i in items) and "The vicious cycle" in text
    calls.clear()
    answer = "elsewhere"  # the recall reading grows elsewhere: the fast reading stays
    assert "Lots of jobs" not in to_text(extract(page, None, DEFAULT).blocks) and calls == [None, True]
    calls.clear()
    off = dataclasses.replace(DEFAULT, html_gap_min_share=0.0)
    extract(page, None, off)
    assert calls == [None]
    # A box whose lists the reading holds is not read again.
    calls.clear()
    answer = "fills"
    monkeypatch.setattr(mod, "run_engine", lambda tree, url, settings, fast=None, recall=None: calls.append(recall) or xml(wide["fills"]))
    extract(page, None, DEFAULT)
    assert calls == [None]


def test_a_post_read_as_one_paragraph_around_its_lists_keeps_its_sentences_whole() -> None:
    # XenForo's bbWrapper: a post's lines apart by <br>, with emphasis, headings and lists
    # inside; trafilatura reads it as one <p> around the heading and the list.
    page = (
        "<html><head><title>Thread</title></head><body><article><h1>A thread about GPUs</h1>"
        "<div class='message'><div class='bbWrapper'>Hey everyone!<br>After helping friends choose the <i>right</i> GPU, "
        "I have put together a <b>comprehensive comparison</b> of current cards, with <a href='/t/1'>the table</a> "
        "at the end of this post.<br>Whether you are gaming or rendering, this guide breaks things down simply."
        "<hr><h4>Memory</h4><ul><li>VRAM size from 4 GB to 24 GB</li><li>Type: GDDR6 or GDDR6X</li></ul>"
        "Thanks for reading, and tell me what I missed.</div></div></article></body></html>"
    )
    lines = clean(page, kind="html").text.split("\n")
    assert "After helping friends choose the right GPU, I have put together a comprehensive comparison of current cards, with the table at the end of this post." in lines
    assert "Memory" in lines and "VRAM size from 4 GB to 24 GB" in lines
    assert "Thanks for reading, and tell me what I missed." in lines


def test_a_box_styled_overflow_hidden_is_read() -> None:
    # trafilatura drops an element whose style holds "hidden"; overflow: hidden clips a
    # box's edges and hides nothing (a course list's accordions, ucsd.edu).
    first = "".join(f"<p>Part one, paragraph {i}: the certificate teaches planning, budgets and schedules to people who run projects.</p>" for i in range(4))
    second = "".join(f"<p>Part two, paragraph {i}: each required course meets weekly online and ends with a project of its own.</p>" for i in range(4))
    page = (
        "<html><head><title>Project Management</title></head><body><main><h1>Project Management</h1>"
        f"<div class='intro'>{first}</div><div class='courses' style='overflow: hidden; max-height: 4000px'>{second}</div>"
        "</main></body></html>"
    )
    text = clean(page, kind="html").text
    assert "Part one, paragraph 2" in text
    assert "Part two, paragraph 2" in text


def test_a_collapsed_accordion_panel_hidden_by_visibility_is_shown() -> None:
    # The panel's style comes before its id, as on the page this was seen on: trafilatura
    # tests the first of the two attributes for "hidden".
    panels = "".join(
        f"<div class='item'><button aria-expanded='false' aria-controls='c{i}'><h4>Course {i} of the certificate</h4></button>"
        f"<div role='region' style='overflow: hidden; height: 0px; visibility: hidden; opacity: 0' id='c{i}'>"
        f"<p>Course {i} covers the financial side of projects, with estimates, budgets and the controls that keep them.</p></div></div>"
        for i in range(5)
    )
    page = (
        "<html><head><title>Courses</title></head><body><main><h1>Courses</h1>"
        + "".join(f"<p>The certificate has five required courses, taken in any order over a year, each taught by people who run projects for a living, part {i}.</p>" for i in range(6))
        + f"{panels}</main></body></html>"
    )
    text = clean(page, kind="html").text
    assert "Course 3 covers the financial side" in text


def _thread_in_message_boxes() -> str:
    ld = '{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Best closed headphones", "author": {"@type": "Person", "name": "ann"}}'
    posts = "".join(
        f"<div class='message message--post'><div class='message-user'>user{i}</div><div class='message-body'>"
        f"<p>Post {i}: I have owned these headphones for a year now and they still sound great with every amplifier I tried at home.</p></div></div>"
        for i in range(5)
    )
    return (
        f"<html><head><title>Best closed headphones</title><script type='application/ld+json'>{ld}</script></head><body>"
        "<main><h1>Best closed headphones</h1>"
        "<div class='thread-intro'><p>This thread collects what members think of closed headphones for home listening, "
        "with prices, amplifiers and the music each of them plays most, so that newcomers can compare notes.</p>"
        + "".join(f"<p>Rule {i}: keep replies on topic and add your own pair with what you paid and where you listen to it most.</p>" for i in range(6))
        + "</div>"
        f"<div class='block-body'>{posts}</div></main></body></html>"
    )


def test_a_declared_threads_posts_in_message_boxes_are_read() -> None:
    # trafilatura drops elements classed "message" (a notice); on a declared thread those
    # boxes are its posts (XenForo's "message message--post", GameFAQs' "board message").
    text = clean(_thread_in_message_boxes(), kind="html").text
    assert "Post 3: I have owned these headphones" in text
    # Undeclared, the boxes are left to trafilatura, which drops them as notices.
    undeclared = re.sub(r"<script type='application/ld\+json'>.*?</script>", "", _thread_in_message_boxes())
    assert "Post 3" not in clean(undeclared, kind="html").text


_FEED_TITLES = (
    "Rivers rise after a week of rain across the valley", "City opens three new libraries in the north",
    "School board approves a longer lunch break", "Bakery on Main Street celebrates fifty years",
    "Bridge repairs close two lanes until spring", "Local choir wins the regional contest",
    "Farmers market moves to the old depot", "Museum adds a wing for maritime history",
    "Cyclists ask for a protected lane downtown", "Theatre revives a forgotten comedy",
    "Hospital expands its night clinic", "Zoo welcomes a pair of red pandas",
)


def _feed_page(side: str, item_class: str = "feed-item", head: str = "") -> str:
    """A page of twelve news cards, each a link around its title and summary, beside a
    column (side) that trafilatura reads instead."""
    cards = "".join(
        f"<div class='{item_class}'>\n<a href='/news/{i}'><h3 class='title'>{t}</h3>\n"
        f"<p class='summary'>{t}, and residents have plenty to say about it</p></a>\n<div class='meta'>{i}h ago</div></div>\n"
        for i, t in enumerate(_FEED_TITLES, 1)
    )
    return (f"<html><head><title>Trending</title>{head}</head><body><main>\n<div class='feed'>\n{cards}</div>\n"
            f"<div class='side'>\n{side}\n</div></main></body></html>")


_HOT_COMMENTS = "<h2>Hot comments</h2><ul class='hot'>" + "".join(
    f"<li><b>Reader {i}</b> I have lived here for {i + 10} years and I think this is the best news we have had in a long time, honestly.</li>\n"
    for i in range(3)
) + "</ul>"


def test_a_grid_of_cards_the_engine_passed_over_is_read() -> None:
    # trafilatura reads the column of comments (long sentences) and none of the cards (text
    # in links): a reading of a fifth of the page, beside a grid of twelve like items.
    page = _feed_page(_HOT_COMMENTS)
    assert "Zoo welcomes" not in clean(page, kind="html", settings=Settings(html_grid_min_items=0)).text
    text = clean(page, kind="html").text
    for title in _FEED_TITLES:
        assert title in text
    assert "Bakery on Main Street celebrates fifty years, and residents have plenty to say about it" in text
    assert "Reader 1 I have lived here" in text  # what the engine read stays
    assert text.index("Rivers rise") < text.index("Reader 1")  # in page order


def test_a_grid_beside_an_article_is_not_read() -> None:
    # A reading with three paragraphs of prose is an article: the cards beside it are other pages.
    article = "".join(
        f"<p>Paragraph {i} of the story: the council met on Tuesday and voted on the budget for the coming year, officials said.</p>\n"
        for i in range(3)
    )
    page = _feed_page(article)
    assert "Paragraph 2 of the story" in clean(page, kind="html").text
    assert "Zoo welcomes" not in clean(page, kind="html").text
    assert "Zoo welcomes" in clean(page, kind="html", settings=Settings(html_grid_max_prose=3)).text


def test_a_grid_of_comments_or_on_a_product_page_is_not_read() -> None:
    assert "Zoo welcomes" not in clean(_feed_page(_HOT_COMMENTS, item_class="comment-card"), kind="html").text
    assert "Zoo welcomes" in clean(_feed_page(_HOT_COMMENTS, item_class="post-preview"), kind="html").text  # no review
    # On a page offering one product, a grid of cards is other products.
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Product", "name": "Feature kit", '
          '"offers": {"@type": "Offer", "price": "12.00", "priceCurrency": "USD"}}</script>')
    assert "Zoo welcomes" not in clean(_feed_page(_HOT_COMMENTS, head=ld), kind="html").text


def test_a_reading_inside_one_of_the_grids_items_keeps_to_it() -> None:
    # A column's rows: one holds the story the engine read; the other rows are not its content.
    rows = [f"<div class='row'><h3><a href='/n/{i}'>{t}</a></h3><span>{t}, and more on this in our weekly brief for members</span></div>\n" for i, t in enumerate(_FEED_TITLES)]
    story = ("<div class='row'><h2>Storm closes the harbour</h2><p>The harbour closed on Monday as a storm reached the coast, "
             "and ferries stayed in port until the wind dropped on Tuesday morning, the port authority said.</p></div>\n")
    page = f"<html><body><div class='column'>\n{''.join(rows[:3])}{story}{''.join(rows[3:])}</div></body></html>"
    text = clean(page, kind="html", settings=Settings(html_grid_max_prose=100)).text
    assert "The harbour closed on Monday" in text
    assert "Zoo welcomes" not in text and "Rivers rise" not in text


def test_a_grids_items_nested_in_its_own_items_count_once() -> None:
    from cleaner.html.extract import card_grid

    inner = "<ul class='list'>" + "".join(f"<li class='entry'><b>In {i}</b> <span>nested</span></li>" for i in range(4)) + "</ul>"
    outer = "".join(f"<li class='entry'><b>Outer {i}</b> <span>an entry of the list, with a line of its own</span>{inner if i == 0 else ''}</li>" for i in range(4))
    tree = parse(f"<html><body><ul class='list'>{outer}</ul></body></html>").tree
    found = card_grid(tree, DEFAULT)
    assert found is not None
    items, chars = found
    assert [item.findtext("b") for item in items] == ["Outer 0", "Outer 1", "Outer 2", "Outer 3"]
    assert chars == sum(len("".join(item.text_content().split())) for item in items)


def test_a_listing_printed_as_a_definition_list_is_read_term_and_definition() -> None:
    # A listing of papers as <dt>/<dd> pairs: the term holds the entry's number and links,
    # the definition its title and subjects in a box classed "meta", which trafilatura
    # discards. Its entries are pairs, not two grids of half an entry each.
    entries = "".join(
        f"<dt><a href='/abs/{i}'>[{i}] Paper {i}</a> [<a href='/pdf/{i}'>pdf</a>]</dt>\n"
        f"<dd><div class='meta'><div class='list-title'>Title: {t}</div>\n"
        f"<div class='list-subjects'>Subjects: Local news and the life of small towns</div></div></dd>\n"
        for i, t in enumerate(_FEED_TITLES, 1)
    )
    page = (f"<html><head><title>Recent papers</title></head><body><main><h1>Recent papers</h1>\n"
            f"<p>Showing the twelve most recent entries.</p>\n<dl id='articles'>\n{entries}</dl></main></body></html>")
    text = clean(page, kind="html").text
    for title in _FEED_TITLES:
        assert f"Title: {title}" in text
    assert "[1] Paper 1" in text and "[12] Paper 12" in text
    assert text.index("[2] Paper 2") < text.index("Title: City opens") < text.index("[3] Paper 3")  # pair by pair


_SAYS = "".join(
    f"<div class='testimonial'>Customer {i} from Tempe says: I shopped around a lot for a chair for my home office, "
    "but the free shipping made the difference. Great price too, and fast delivery!</div>" for i in range(6)
)
_CHAIR = (
    "<div itemprop='description' class='item-caption'><h1>Verte lumbar support chair</h1> Paint trim on the ribs and base, "
    "now in six colours.<br><br><b>What makes the chair unique: <i>eleven spring-loaded vertebrae take an exact impression "
    "of your spine as you move, for comfort that goes all the way to the bone.</i></b><h3>Standard features:</h3><ul><li><b>Back angle adjustment.</b> While seated, pull "
    "the paddle up; push it down to lock.</li><li><b>Pneumatic height adjustment.</b> To lower, lift the paddle while "
    "seated.</li><li><b>Infinite seat angle.</b> Adjust with a three degree forward tilt.</li></ul></div>"
)


def _product_page(item: str = "itemtype='http://schema.org/Product'", description: str = _CHAIR) -> str:
    return (f"<html><head><title>Verte chair</title></head><body><div id='main'><div itemscope {item}><div class='row'>"
            f"<div class='col'><span itemprop='name'>Verte chair</span> <span itemprop='price'>$999</span></div><div class='testimonial-section'>"
            f"<strong>Our customers say</strong>{_SAYS}</div></div><div class='row'><div class='col'>{description}</div></div>"
            f"</div></div></body></html>")


def test_a_products_declared_description_the_engine_passed_over_is_read() -> None:
    # trafilatura settles on the shop's testimonials (sentences in divs) and leaves the
    # description's loose text; the page marks that element as its product's description.
    assert "spring-loaded vertebrae" not in clean(_product_page(), kind="html", settings=Settings(html_description_min_chars=0)).text
    text = clean(_product_page(), kind="html").text
    assert "eleven spring-loaded vertebrae" in text and "Pneumatic height adjustment." in text
    assert text.index("Customer 5") < text.index("Paint trim") < text.index("Infinite seat angle")  # in page order
    assert "spring-loaded vertebrae" in clean(_product_page("datatype='http://schema.org/Product'"), kind="html").text
    # A review's description is a shopper's words, not the product's.
    assert "spring-loaded vertebrae" not in clean(_product_page("itemtype='http://schema.org/Review'"), kind="html").text


def test_a_product_description_is_one_products() -> None:
    from cleaner.html.extract import product_description

    one = parse(_product_page()).tree
    assert product_description(one).get("class") == "item-caption"
    two = parse(_product_page(description=_CHAIR + "<div itemscope itemtype='https://schema.org/Product'>" + _CHAIR + "</div>")).tree
    assert product_description(two) is None  # a collection's cards
    meta = parse(_product_page(description="<meta itemprop='description' content='A chair.'>")).tree
    assert product_description(meta) is None


def test_one_full_box_among_empty_siblings_is_no_grid() -> None:
    # A slider of five modules, one holding the site's whole footer, the others a logo and
    # two words: no grid of like items, though each prints two lines.
    from cleaner.html.extract import card_grid

    footer = "".join(f"<p>Line {i} of the company's footer, about its brands and offices.</p>" for i in range(12))
    modules = f"<div class='module'>{footer}</div>" + "<div class='module'><b>Brand</b><span>Visit the site of this brand</span></div>" * 4
    tree = parse(f"<html><body><div class='slider'>{modules}</div></body></html>").tree
    assert card_grid(tree, DEFAULT) is None
    cards = "".join(f"<div class='module'><h4>Card {i}</h4><p>A card of the slider, with a line of text about one of the brands.</p></div>" for i in range(5))
    assert card_grid(parse(f"<html><body><div class='slider'>{cards}</div></body></html>").tree, DEFAULT) is not None


def test_a_grid_in_a_dialog_is_not_the_page() -> None:
    # A consent manager's categories, where no rule pruned the dialog first.
    from cleaner.html.extract import card_grid

    cats = "".join(f"<div class='cat-item'><h4>Category {i} cookies</h4><p>These technologies help the site work and are set by us or by partners.</p></div>" for i in range(5))
    for wrapper in ("<div role='dialog' aria-label='Privacy'>{}</div>", "<div aria-modal='true'>{}</div>", "<div class='panel'>{}</div>"):
        tree = parse(f"<html><body><section class='cat-grp'>{wrapper.format(cats)}</section></body></html>").tree
        assert (card_grid(tree, DEFAULT) is None) == ("panel" not in wrapper)


SERIES = "Part of the Ortho series, made to keep the wrist straight"


def _card(n: int, cls: str = "card") -> str:
    return (f'<div class="{cls}"><div class="details"><p class="name">Vertical Mouse Model {n} for the right hand</p>'
            f'<p class="line">{SERIES}</p><p class="price">Starting at ${100 + n}.00 with free delivery</p></div></div>')


def test_each_cards_copy_of_a_line_the_engine_read_once_comes_back() -> None:
    # trafilatura's wild-text recovery keeps one element of each text: on this grid it reads
    # every card's name and price and the series line of the first card alone.
    html = f'<html><head><title>Mice</title></head><body><div class="shop"><h1>Ergonomic mice</h1><div class="grid">{"".join(_card(n) for n in range(8))}</div></div></body></html>'
    assert clean(html, kind="html", settings=Settings(html_restore_repeats=False)).text.count(SERIES) == 1
    lines = clean(html, kind="html").text.split("\n\n")
    assert lines.count(SERIES) == 8
    for n in range(8):  # each copy under its own card's name
        at = lines.index(f"Vertical Mouse Model {n} for the right hand")
        assert lines[at + 1] == SERIES and lines[at + 2].startswith(f"Starting at ${100 + n}")


def test_copies_outside_the_cards_the_reading_took_from_stay_out() -> None:
    # The reading holds three cards, the second and third without their series line; the
    # third is the grid's copy for wide screens. A card the reading took nothing from, the
    # copy for wide screens, a field's label and a paragraph of prose printed twice are no
    # card's lost line.
    long = "A paragraph of prose about the series that the page prints twice, once in a panel and once below it, for no reason the reader sees."
    label = '<dl class="spec"><dt class="k">Weight</dt><dd>120 g</dd></dl>'
    card = lambda n: f'<div class="card"><p class="name">Model {n}</p><p class="line">{SERIES}</p>{label}<p class="about">{long}</p></div>'  # noqa: E731
    page = f"<html><body><div class='grid'>{card(0)}{card(1)}{card(2)}<div class='hide-for-mobile'>{card(3)}</div></div></body></html>"
    body = parse(page).tree.find("body")
    cards = body.xpath("//div[@class='card']")
    out = Extraction()
    for at, skip in ((0, ()), (1, (SERIES, "Weight", long)), (3, (SERIES,))):
        for block, src in dom_blocks(cards[at]):
            if block.text not in skip:
                out.blocks.append(block)
                out.sources.append(src)
    restore_repeats(body, out, DEFAULT.html_prose_min_chars)
    texts = [b.text for b in out.blocks]
    assert texts[texts.index("Model 1") + 1] == SERIES and "Model 2" not in texts
    assert texts.count(SERIES) == 2 and texts.count("Weight") == 2 and texts.count(long) == 2


def test_a_lone_rank_and_a_camel_cased_name_stay_in_html_and_go_in_text() -> None:
    # widget.rank-value and widget.glued-category are for text captures, where a ranked
    # widget's values stand alone and flattened category links run together. In HTML a rank
    # sits with the list it ranks, and a camel-cased word is how the page prints a name.
    lines = [PARA * 2, "#1", "A ranked service that the council chose, and the reasons it gave for it.", "DigitalOcean",
             PARA * 2, "#2", "Another ranked service that the council chose, with its own reasons.", PARA * 2]
    page = "<html><body><article><h1>The council's choices</h1>" + "".join(f"<p>{t}</p>" for t in lines) + "</article></body></html>"
    html_lines = clean(page, kind="html").text.split("\n\n")
    assert "#1" in html_lines and "#2" in html_lines and "DigitalOcean" in html_lines
    text_lines = clean("The council's choices\n\n" + "\n\n".join(lines) + "\n", kind="text").text.split("\n\n")
    assert "#1" not in text_lines and "DigitalOcean" not in text_lines
    assert any(line.startswith("A ranked service") for line in text_lines)


def _canned_readings(monkeypatch: pytest.MonkeyPatch, readings: dict[tuple[bool, str], str]) -> list[tuple[bool, str]]:
    """Every engine reading replaced by the canned body for its (fast, focus); returns the
    readings asked for, in order."""
    from cleaner.html import engine

    asked: list[tuple[bool, str]] = []

    def read(self: Any, options: Any) -> Any:
        asked.append((options.fast, options.focus))
        return xml(readings.get((options.fast, options.focus), readings[True, "balanced"]))

    monkeypatch.setattr(engine.Page, "read", read)
    return asked


def test_the_fast_readings_blob_of_the_article_gives_way_to_a_reading_that_keeps_its_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    # A fast reading that came out short takes trafilatura's baseline: the <article>'s whole
    # text as one paragraph, its caption and byline run into the body.
    caption = "Caption: a hornworm on a tomato leaf. Written by Celeste Longacre."
    paras = [f"Part {n}. " + PARA * 3 for n in range(3)]
    page = (
        f"<html><body><nav><a href='/'>Home</a></nav><article><div class='image'>{caption}</div>"
        + "".join(f"<h2>Step {n}</h2><p>{p}</p>" for n, p in enumerate(paras))
        + "</article><footer>Copyright</footer></body></html>"
    )
    blob = f"<p>{caption} " + " ".join(f"Step {n} {p}" for n, p in enumerate(paras)) + "</p>"
    structured = "".join(f"<head rend='h2'>Step {n}</head><p>{p}</p>" for n, p in enumerate(paras))
    asked = _canned_readings(monkeypatch, {(True, "balanced"): blob, (False, "balanced"): blob, (True, "recall"): structured})
    texts = [b.text for b in extract(parse(page).tree, None, DEFAULT).blocks]
    assert asked[:3] == [(True, "balanced"), (False, "balanced"), (True, "recall")]
    assert texts == [t for n, p in enumerate(paras) for t in (f"Step {n}", p.strip())]
    # A reading that keeps less than half of the blob's text is not taken for it: the
    # <article>'s own text is, an element a Block, as a dump of the page is read.
    asked = _canned_readings(monkeypatch, {(True, "balanced"): blob, (False, "balanced"): blob, (True, "recall"): f"<p>{paras[0]}</p>"})
    got = extract(parse(page).tree, None, DEFAULT)
    assert got.dump and [b.text for b in got.blocks] == [caption, *(t for n, p in enumerate(paras) for t in (f"Step {n}", p.strip()))]
    # A blob that is not the <article>'s text (an ld+json articleBody) stays as it is.
    asked = _canned_readings(monkeypatch, {(True, "balanced"): f"<p>{caption} {PARA * 8}</p>", (False, "balanced"): blob, (True, "recall"): f"<p>{paras[0]}</p>"})
    got = extract(parse(page).tree, None, DEFAULT)
    assert not got.dump and len(got.blocks) == 1
    # A reading of several paragraphs is no blob: the full reading is not asked for.
    asked = _canned_readings(monkeypatch, {(True, "balanced"): structured})
    extract(parse(page).tree, None, DEFAULT)
    assert (False, "balanced") not in asked
