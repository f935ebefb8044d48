"""cleaner.html.parse: lxml without network or entities, invisible elements dropped; and the
legacy encodings HTML pages come in, through cleaner.decode."""
from __future__ import annotations

import dataclasses
import gzip
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from cleaner import DEFAULT, clean
from cleaner.decode import decode
from cleaner.html.parse import _thread_parser, parse

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>T</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H"}</script>
<style>p { color: red }</style>
</head><body>
<p>Before <script>var x = "script text";</script>after the script.</p>
<noscript>Enable JavaScript</noscript>
<template><p>Template text</p></template>
<svg><text>SVG label</text></svg>
<p>Last paragraph.</p>
</body></html>"""


def test_invisible_elements_go_and_their_tails_stay() -> None:
    page = parse(PAGE)
    text = page.tree.text_content()
    for gone in ("script text", "color: red", "Enable JavaScript", "Template text", "SVG label"):
        assert gone not in text
    assert "Before after the script." in " ".join(text.split())
    assert "Last paragraph." in text


def test_json_ld_is_kept_for_the_metadata_step() -> None:
    assert parse(PAGE).json_ld == ['{"@type": "NewsArticle", "headline": "H"}']


def test_source_lines_refer_to_the_decoded_text() -> None:
    page = parse(PAGE)
    last = [p for p in page.tree.iter("p")][-1]
    assert last.sourceline == PAGE.split("\n").index("<p>Last paragraph.</p>") + 1


@pytest.mark.parametrize(
    "html",
    [
        # A template that closes the page before its article (wcxb-dev w0310).
        "<html><body><header><p>Menu</p></header></body></html>\n<div><p>The article.</p></div>",
        # Loose text, and a second document's head and body.
        "<html><body><p>Menu</p></body></html>The article.",
        "<html><body><p>Menu</p></body></html><html><head><title>X</title></head><body><p>The article.</p></body></html>",
    ],
)
def test_what_follows_the_closing_html_tag_is_in_the_body(html: str) -> None:
    tree = parse(html).tree
    body = tree.find("body")
    assert " ".join(body.text_content().split()).endswith("The article.")
    assert body.text_content().index("Menu") < body.text_content().index("The article.")
    assert "X" not in body.text_content()  # the second head's title is not shown


def test_a_page_whose_article_follows_its_closing_html_tag_is_cleaned() -> None:
    article = "".join(f"<p>Paragraph {n} of the story, which says a good deal more than its menu does.</p>" for n in range(8))
    html = f"<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav></body></html>\n<div class='post'>{article}</div>"
    assert "Paragraph 7 of the story" in clean(html, kind="html").text


@pytest.mark.parametrize("tag", ["<wbr>", "<WBR/>", "<wbr></wbr>"])
def test_a_word_break_opportunity_joins_its_word(tag: str) -> None:
    # eBay prints long headlines with <wbr> inside words (wcxb-dev w3017).
    body = "".join(f"<p>Paragraph {n} says more about the vacuum cleaner parts than any menu.</p>" for n in range(6))
    title = "24-Teiliges - Schwammset für Staubsaugerzubehör"
    html = (
        f"<html><head><title>{title} | eBay</title></head><body>"
        f"<h1><span>24-Teiliges - Schwammset für Staubsaugerzub{tag}ehör</span></h1>{body}</body></html>"
    )
    assert clean(html, kind="html", url="https://www.ebay.de/itm/1").title == title


def test_xml_declaration_in_a_str_is_accepted() -> None:
    page = parse('<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>x</p></body></html>')
    assert page.tree.find(".//p").text == "x"
    assert page.tree.find(".//p").sourceline == 2


def test_external_entities_are_never_resolved(tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    html = f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><body><p>a &x; b</p></body></html>'
    assert "TOP SECRET" not in parse(html).tree.text_content()


def test_comments_and_processing_instructions_are_dropped() -> None:
    page = parse("<html><body><p>a<!-- hidden note -->b<?php echo 1 ?></p></body></html>")
    assert page.tree.find(".//p").text_content() == "ab"


# --- decoding HTML pages in legacy encodings ------------------------------------------------

KOREAN = "대한민국의 수도는 서울입니다. 오늘은 날씨가 매우 맑고 따뜻합니다. 똠방각하."  # 똠: CP949 only
JAPANESE = "日本語のテキストです。今日はとても良い天気ですね。東京は日本の首都です。①"  # ①: CP932 only
CHINESE = "中华人民共和国是一个位于东亚的国家。今天天气很好，很多人在公园里散步。€"  # €: GB18030, not GB2312
FRENCH = "Le ministre a déclaré « nous ne reculerons pas » — naïve café, œuvre, “quoted” …"  # œ “ …: cp1252


@pytest.mark.parametrize(
    "label, codec, text",
    [
        ("euc-kr", "cp949", KOREAN),
        ("ks_c_5601-1987", "cp949", KOREAN),
        ("Shift_JIS", "cp932", JAPANESE),
        ("gb2312", "gb18030", CHINESE),
        ("GB18030", "gb18030", CHINESE),
        ("windows-1252", "cp1252", FRENCH),
        ("iso-8859-1", "cp1252", FRENCH),
    ],
)
@pytest.mark.parametrize("form", ['<meta charset="{}">', '<meta http-equiv="Content-Type" content="text/html; charset={}">'], ids=["charset", "http-equiv"])
def test_declared_legacy_encodings(label: str, codec: str, text: str, form: str) -> None:
    page = f"<!DOCTYPE html><html><head>{form.format(label)}<title>t</title></head><body><p>{text}</p></body></html>"
    assert text in decode(page.encode(codec))
    assert text in decode(gzip.compress(page.encode(codec)))


@pytest.mark.parametrize("codec, text", [("cp949", KOREAN), ("cp932", JAPANESE), ("gb18030", CHINESE), ("cp1252", FRENCH)])
def test_undeclared_legacy_encodings_are_detected(codec: str, text: str) -> None:
    page = f"<html><head><title>t</title></head><body><p>{text * 3}</p></body></html>"
    assert text in decode(page.encode(codec))


@pytest.mark.parametrize("html", ["", "   \n", "<!-- only a comment -->"], ids=["empty", "blank", "comment-only"])
def test_an_empty_page_parses_to_an_empty_body(html: str) -> None:
    page = parse(html)
    assert page.tree.find("body") is not None and not page.tree.text_content().strip()


# --- huge pages and threads -----------------------------------------------------------------


def _long_page(paragraphs: int) -> str:
    rows = "\n".join(f"<p>Paragraph {i}: the council met again on Tuesday to discuss item {i}.</p>" for i in range(paragraphs))
    return f"<html><head><title>Long</title></head><body><article><h1>Long</h1>\n{rows}\n</article><footer>End</footer></body></html>"


def test_a_huge_page_is_read_up_to_its_text_cap() -> None:
    # trafilatura's time grows faster than linearly in paragraphs, so a 30 MB page ran past
    # the time limit: the tree handed on holds the first max_text_chars of text only.
    page = parse(_long_page(2000), max_text_chars=10_000)
    text = page.tree.find("body").text_content()
    assert text.lstrip().startswith("Long") and "Paragraph 0:" in text
    assert 10_000 <= len(text) <= 10_000 + 200  # the element that passes the cap stays whole
    assert "Paragraph 1999" not in text and "End" not in text
    assert page.cut is not None and page.cut.chars > 100_000 and page.cut.sample.startswith("Paragraph ")
    assert parse(_long_page(20), max_text_chars=10_000).cut is None


def test_a_capped_page_still_gives_its_beginning_and_says_what_was_cut() -> None:
    settings = dataclasses.replace(DEFAULT, html_max_text_chars=20_000)
    doc = clean(_long_page(5000), kind="html", settings=settings, explain=True)
    assert doc.text.startswith("Paragraph 0:") and 10_000 < len(" ".join(doc.text.split())) <= 20_000 + 200
    assert [b.drop.reason for b in doc.blocks if b.drop and b.drop.reason == "html-max-text-chars"] == ["html-max-text-chars"]
    # The default cap is far above any news page, and far below a 30 MB capture.
    assert 500_000 <= DEFAULT.html_max_text_chars <= 5_000_000


def test_clean_is_thread_safe_on_html() -> None:
    # One lxml parser shared between threads mixed up their error logs and state.
    pages = [_long_page(n).replace("council", f"council of town {n}") for n in range(5, 45)]
    want = [clean(p, kind="html").text for p in pages]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            assert list(pool.map(lambda p: clean(p, kind="html").text, pages)) == want
    parsers = set()
    with ThreadPoolExecutor(max_workers=4) as pool:
        barrier = threading.Barrier(4)

        def parser_id(_: int) -> int:
            barrier.wait()  # four threads alive at once, so none reuses another's thread
            return id(_thread_parser())

        parsers.update(pool.map(parser_id, range(4)))
    assert len(parsers) == 4


@pytest.mark.parametrize("char", ["\x00", "\x19", "\x0b", "\ufffe", "\ud800"])
def test_parse_is_safe_on_characters_xml_cannot_hold(char: str) -> None:
    # libxml2 kept them in a tail, and lxml refused it when drop_invisible moved the tail
    # (ValueError; the html fuzz target found it). decode() strips them, but parse() must
    # not rely on its caller.
    page = parse(f"<p>Before<script>x</script>{char}after.</p>")
    assert " ".join(page.tree.text_content().split()) == "Beforeafter."


ARTICLE_P = "<p>The minister said on Tuesday that the plans would stay in place for the rest of the year, officials said.</p>"
AFTER_P = "<p>After the nest, the second paragraph also has plenty of words in it for the classifier to keep.</p>"


@pytest.mark.parametrize("tag", ["x-foo", "g", "blockquote", "h2", "ol"])
@pytest.mark.parametrize("pattern", ["<{t}>w ", "<{t} class=a>\n", "<{t}><p>w</p>"])
def test_text_after_a_nest_past_libxml2s_depth_limit_is_kept(tag: str, pattern: str) -> None:
    # 3,000 unclosed levels of a tag the first flattening pass does not take out: libxml2
    # stopped at 2,048 and everything after the nest was silently lost.
    html = "<html><body>" + ARTICLE_P + pattern.format(t=tag) * 3000 + AFTER_P + "</body></html>"
    assert "After the nest" in parse(html).tree.text_content()
    assert "After the nest" in clean(html, kind="html").text


def test_flattening_an_over_deep_page_is_linear() -> None:
    # The flattening regexes stop a tag at the next "<": "<b" without ">" repeated is
    # not a quadratic scan. 200,000 of them took minutes with [^>]*.
    import time

    html = "<html><body>" + ARTICLE_P + "<x-foo>w " * 3000 + "<b" * 200_000 + AFTER_P + "</body></html>"
    start = time.process_time()  # CPU time: a busy machine does not move it
    parse(html)
    assert time.process_time() - start < 10


def test_a_page_that_is_all_noscript_is_read_from_its_noscript() -> None:
    thread = "<noscript><div class='post'><p>I just joined today and posted a few ideas about forums.</p></div></noscript>"
    page = parse(f"<html><body><div id='app'></div>{thread}<script>boot()</script></body></html>", noscript_max_visible_chars=500)
    assert "posted a few ideas" in page.tree.text_content()
    # A page with text of its own keeps its <noscript> out (a tracking pixel's fallback, "enable JavaScript").
    shown = "<p>" + "The council met on Tuesday and voted on the budget. " * 20 + "</p>"
    page = parse(f"<html><body>{shown}<noscript><p>Please enable JavaScript to view this site.</p></noscript></body></html>", noscript_max_visible_chars=500)
    assert "enable JavaScript" not in page.tree.text_content()
    # Off by default at this level: parse's callers pass the setting.
    page = parse(f"<html><body>{thread}</body></html>")
    assert "posted a few ideas" not in page.tree.text_content()


def test_not_xml_check_on_bytes_agrees_with_the_pattern_for_every_code_point() -> None:
    """parse() checks for characters XML cannot hold on the text's UTF-8 bytes, not with
    _NOT_XML's regex scan: the two must agree on every code point, alone and among others."""
    from cleaner.html.parse import _NOT_XML, _has_not_xml

    for code in range(0x110000):
        text = "a\u00e9\u201c" + chr(code) + "z"
        assert _has_not_xml(text) == (_NOT_XML.search(text) is not None), hex(code)
    assert not _has_not_xml("") and not _has_not_xml("plain\ttext\r\n") and not _has_not_xml("\U0001f600\ufffd")


def test_text_from_decode_is_checked_only_for_what_decode_leaves() -> None:
    """The pipeline's text came through decode, which removes the C0 controls: parse then
    looks only for lone surrogates, U+FFFE and U+FFFF, and must find what the pattern finds."""
    from cleaner.decode import decode_str
    from cleaner.html.parse import _NOT_XML, _has_not_xml

    for code in [*range(0x10000), 0x1F600, 0x10FFFF]:
        text = decode_str("a\u00e9\u201c" + chr(code) + "z" * 100)  # long enough not to read as binary
        assert _has_not_xml(text, controls_removed=True) == (_NOT_XML.search(text) is not None), hex(code)
    page = parse("<p>Before\ufffeafter.</p>", controls_removed=True)
    assert page.tree.text_content() == "Beforeafter."
