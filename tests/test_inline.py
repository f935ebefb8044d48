"""cleaner.text.inline: one markdown line -> plain text, tidy markdown, link and image counts."""
from __future__ import annotations

import pytest

from cleaner.text.inline import count_bare_urls, normalize_space, parse_inline, real_target


def test_plain_line_passes_through() -> None:
    got = parse_inline("  Nothing   special\there. ")
    assert (got.text, got.markdown, got.link_chars, got.links, got.images) == ("Nothing special here.", "Nothing special here.", 0, 0, 0)


# --- links ---------------------------------------------------------------------------------


def test_link_reduced_to_its_text_and_counted() -> None:
    got = parse_inline("Read the [full report](https://example.com/report) today.")
    assert got.text == "Read the full report today."
    assert got.markdown == "Read the [full report](https://example.com/report) today."
    assert got.links == 1
    assert got.link_chars == len("full report")


def test_link_chars_add_up_over_several_links() -> None:
    got = parse_inline("[Home](/) [World news](/world) and [Sport](/sport)")
    assert got.text == "Home World news and Sport"
    assert got.links == 3
    assert got.link_chars == len("Home") + len("World news") + len("Sport")


@pytest.mark.parametrize("target", ["#", "", "javascript:void(0)", "JavaScript:alert(1)", "data:text/html,x"])
def test_links_without_a_real_target_lose_their_markup(target: str) -> None:
    got = parse_inline(f"In just [one speech]({target}) he said it.")
    assert got.markdown == "In just one speech he said it."
    assert got.text == "In just one speech he said it."
    # The text still sat inside a link: link density must see it.
    assert got.links == 1
    assert got.link_chars == len("one speech")


def test_link_with_a_real_target_keeps_its_markup() -> None:
    assert parse_inline("[x](https://a.b)").markdown == "[x](https://a.b)"
    assert parse_inline("[x](#)").markdown == "x"


def test_link_with_an_empty_label_disappears() -> None:
    got = parse_inline("before [](https://a.b) after")
    assert got.text == "before after"
    assert got.markdown == "before after"
    assert got.link_chars == 0


def test_link_title_is_dropped_and_parenthesised_urls_survive() -> None:
    assert parse_inline('[t](https://a.b "A title")').markdown == "[t](https://a.b)"
    got = parse_inline("[Wiki](https://en.wikipedia.org/wiki/Foo_(bar)) end")
    assert got.text == "Wiki end"
    assert got.markdown == "[Wiki](https://en.wikipedia.org/wiki/Foo_(bar)) end"


def test_emphasis_inside_a_link_label_counts_only_the_letters() -> None:
    got = parse_inline("[**Bold link**](https://a.b)")
    assert got.text == "Bold link"
    assert got.link_chars == len("Bold link")


def test_a_link_inside_a_link_label_is_the_link() -> None:
    # A card whose whole text links to a section, with a link in its text (html2text
    # writes nested <a> elements so). Read again, the text must not change.
    got = parse_inline("[ Oils Limit butter. [Avoid trans fat.](https://a.b/t) OILS ](https://a.b/o) end")
    assert got.text == "Oils Limit butter. Avoid trans fat. OILS end"
    assert got.markdown == "Oils Limit butter. [Avoid trans fat.](https://a.b/t) OILS end"
    assert got.links == 2
    assert got.link_chars == len("Oils Limit butter. Avoid trans fat. OILS")
    assert parse_inline(got.text).text == got.text


def test_a_bold_image_leaves_no_markers() -> None:
    # "## **![logo](src)**": left as "****", the text read back as a thematic break.
    got = parse_inline("**![SEO strategies](https://a.b/i.png)**")
    assert (got.text, got.markdown, got.images) == ("", "", 1)
    assert parse_inline("**Bold** **more** ![a](https://a.b/i.png)").text == "Bold more"


def test_autolink_becomes_its_url() -> None:
    got = parse_inline("<https://x.y/z> is the address")
    assert got.text == "https://x.y/z is the address"
    assert got.markdown == "https://x.y/z is the address"


# --- images ----------------------------------------------------------------------------------


def test_images_are_removed_and_counted() -> None:
    got = parse_inline("Before ![a photo](img/a.png) middle ![](b.jpg) after")
    assert got.text == "Before middle after"
    assert got.images == 2
    assert got.links == 0


def test_linked_image_leaves_no_text() -> None:
    got = parse_inline("[![alt](i.png)](https://a.b)")
    assert got.text == ""
    assert got.images == 1


# --- emphasis, code, escapes ------------------------------------------------------------------


def test_emphasis_is_stripped_from_text_but_kept_in_markdown() -> None:
    line = "**bold** and *italic* and _under_ and __strong__ and ***both***"
    got = parse_inline(line)
    assert got.text == "bold and italic and under and strong and both"
    assert got.markdown == line


@pytest.mark.parametrize(
    "line, text",
    [(r"**1\. Do I need a feed?  ", "1. Do I need a feed?"), ("** You do not.", "You do not."), ("A **cut** run**", "A cut run")],
)
def test_bold_run_cut_by_a_line_break_loses_its_marker(line: str, text: str) -> None:
    assert parse_inline(line).text == text


@pytest.mark.parametrize("line", ["snake_case_word stays", "2*3*4 = 24", "a * b * c"])
def test_intraword_and_spaced_markers_are_not_emphasis(line: str) -> None:
    assert parse_inline(line).text == line


def test_code_span_keeps_its_content() -> None:
    assert parse_inline("Run `make bench` now").text == "Run make bench now"


@pytest.mark.parametrize(
    "line, text",
    [
        (r"\# not a heading", "# not a heading"),
        (r"1\. not a list", "1. not a list"),
        (r"a\_b", "a_b"),
        (r"a \* b", "a * b"),
    ],
)
def test_escapes_are_removed(line: str, text: str) -> None:
    assert parse_inline(line).text == text


@pytest.mark.parametrize("line, text", [(r"\*not emphasis\*", "*not emphasis*"), (r"\_c\_", "_c_")])
def test_escaped_emphasis_markers_stay_literal(line: str, text: str) -> None:
    assert parse_inline(line).text == text


def test_escaped_brackets_are_not_a_link() -> None:
    got = parse_inline(r"\[not a link\](x)")
    assert got.text == "[not a link](x)"
    assert got.links == 0 and got.link_chars == 0


# --- helpers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("url, real", [("https://a.b", True), ("/path", True), ("#", False), ("", False), ("  # ", False), ("javascript:void(0)", False)])
def test_real_target(url: str, real: bool) -> None:
    assert real_target(url) is real


def test_normalize_space_folds_unicode_spaces() -> None:
    assert normalize_space("a\u00a0\u00a0b\u2003c\u3000d\t e ") == "a b c d e"


def test_count_bare_urls() -> None:
    assert count_bare_urls("see https://a.b/c and www.example.com now") == (2, len("https://a.b/c") + len("www.example.com"))
    assert count_bare_urls("no addresses here") == (0, 0)


def test_a_link_label_may_hold_balanced_brackets() -> None:
    # WordPress series titles: "# [[Series] Title](url "Permanent Link: \[Series\] Title")".
    line = '[[The Palace] More Reviews! ](http://x.com/a "Permanent Link: \\[The Palace\\] More Reviews!")'
    got = parse_inline(line)
    assert got.text == "[The Palace] More Reviews!"
    assert got.links == 1 and got.link_chars == len(got.text)
    assert "http" not in got.text


def test_nested_brackets_stay_linear() -> None:
    # Each start scans to its first unbalanced bracket; a quadratic pattern took minutes here.
    for unit in ("[[a]", "[x[a]", "[aaaa] ", "[a]("):
        assert parse_inline(unit * 100_000).text


@pytest.mark.parametrize(
    ("line", "text"),
    [
        # Emphasis around links, nested three deep: each pass took one layer off, two passes
        # left "**barbecue**", which came off when the text was cleaned again.
        ("Le ****[**barbecue avec couvercle**](https://x.fr/1)**[](https://x.fr/1)**(kettle) reste", "Le barbecue avec couvercle(kettle) reste"),
        # Runs of markers that never pair up all the way: what is left is stable.
        ("**********Listen****· 7:49******7-Minute Listen********Playlist****", "****Listen· 7:497-Minute ListenPlaylist"),
        ("_**Catch up on**_[ _**tech and tools**_](https://n/t) _**and more**_", "Catch up on tech and tools and more"),
        ("2*3*4 and snake_case", "2*3*4 and snake_case"),
    ],
)
def test_emphasis_comes_off_to_the_last_layer(line: str, text: str) -> None:
    got = parse_inline(line).text
    assert got == text
    assert parse_inline(got).text == got


def test_an_image_alt_may_hold_escaped_brackets() -> None:
    # "![Watch \[GPS 42mm\] Band](src)" was no image: the link around it kept "[!Watch ...](url)"
    # in the plain text.
    got = parse_inline(r"[![Apple Watch Series 11 \[GPS 42mm\] Band](https://i/a.jpg)](/dp/B0F)")
    assert got.text == "" and got.images == 1


def test_unclosed_emphasis_stays_linear() -> None:
    assert parse_inline("**a " * 20_000).text
