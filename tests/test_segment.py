"""cleaner.text.segment: text and markdown captures -> Blocks (one per line; tables and fences grouped)."""
from __future__ import annotations

import pytest

from cleaner.model import BlockKind
from cleaner.settings import Settings
from cleaner.text.segment import segment


def md(text: str):  # type: ignore[no-untyped-def]
    return segment(text, markdown=True)


# --- headings ------------------------------------------------------------------------------


@pytest.mark.parametrize("level", range(1, 7))
def test_heading_levels(level: int) -> None:
    [block] = md("#" * level + " Budget talks resume")
    assert block.kind is BlockKind.HEADING
    assert block.level == level
    assert block.text == "Budget talks resume"
    assert block.markdown == "#" * level + " Budget talks resume"


def test_closing_hashes_are_dropped() -> None:
    [block] = md("## Sub heading ##")
    assert (block.text, block.level) == ("Sub heading", 2)


@pytest.mark.parametrize("line", ["####### seven is too many", "#hashtag without a space"])
def test_not_headings(line: str) -> None:
    [block] = md(line)
    assert block.kind is BlockKind.PARAGRAPH
    assert block.text == line


def test_heading_with_a_link_counts_link_chars() -> None:
    [block] = md("# [Big story](https://a.b/story)")
    assert block.kind is BlockKind.HEADING
    assert block.text == "Big story"
    assert (block.links, block.link_chars) == (1, len("Big story"))


# --- lists, quotes, rules -------------------------------------------------------------------


def test_list_items_and_nesting() -> None:
    blocks = md("- item one\n  - nested item\n* star item\n1. numbered item\n2) paren item")
    assert [b.kind for b in blocks] == [BlockKind.LIST_ITEM] * 5
    assert [b.text for b in blocks] == ["item one", "nested item", "star item", "1. numbered item", "2) paren item"]
    assert [b.level for b in blocks] == [0, 1, 0, 0, 0]
    assert blocks[1].markdown == "  - nested item"
    assert blocks[3].markdown == "1. numbered item"


def test_an_ordered_items_number_stays_so_its_text_reads_back_the_same() -> None:
    # A heading "4. Create content" comes out as the text line "4. Create content"; read
    # again as markdown, that line is an ordered item, and its text must not change.
    [heading] = md("#### 4. Create content that serves users")
    [again] = md(heading.text)
    assert again.kind is BlockKind.LIST_ITEM
    assert again.text == heading.text == "4. Create content that serves users"


def test_list_item_of_links_is_link_heavy() -> None:
    [block] = md("- [Europe quietly works on a plan](https://apnews.com/article/x)")
    assert block.kind is BlockKind.LIST_ITEM
    assert block.link_chars == len(block.text) == len("Europe quietly works on a plan")


def test_quote() -> None:
    [block] = md("> “We must — and we are — focusing on security,” he said.")
    assert block.kind is BlockKind.QUOTE
    assert block.text == "“We must — and we are — focusing on security,” he said."
    assert block.markdown.startswith("> ")


@pytest.mark.parametrize("line", ["---", "***", "_ _ _", "- - -"])
def test_horizontal_rule(line: str) -> None:
    [block] = md(line)
    assert block.kind is BlockKind.RULE
    assert block.text == ""


# --- tables and code fences ------------------------------------------------------------------


def test_table_rows_are_one_block_without_the_separator() -> None:
    blocks = md("Intro line.\n| Country | Troops |\n|---|:---:|\n| **France** | 2,000 |\n| Germany | 1,500 |\nAfter.")
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    table = blocks[1]
    assert table.text == "Country Troops\nFrance 2,000\nGermany 1,500"
    assert (table.start, table.end) == (2, 5)
    assert blocks[2].start == 6


def test_table_of_links_counts_link_chars() -> None:
    [table] = md("| [World](https://a.b/w) | [Sport](https://a.b/s) |\n| [Arts](https://a.b/a) | Weather |")
    assert table.text == "World Sport\nArts Weather"
    assert table.links == 3
    assert table.link_chars == len("World") + len("Sport") + len("Arts")


def test_code_fence_is_one_block_and_keeps_blank_lines() -> None:
    blocks = md("Before.\n\n```python\nx = 1\n\ny = 2\n```\nAfter.")
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.CODE, BlockKind.PARAGRAPH]
    code = blocks[1]
    assert code.text == "x = 1\n\ny = 2"
    assert (code.start, code.end) == (3, 7)
    # Markdown-looking lines inside a fence are code, not headings.
    [inner] = md("~~~\n# not a heading\n~~~")
    assert inner.kind is BlockKind.CODE and inner.text == "# not a heading"


def test_an_indented_run_is_a_code_block_in_markdown_and_in_text() -> None:
    # html2text writes <pre> indented by four spaces, its blank lines too; the text output
    # writes code so. A shell comment in it is no heading, `**kwargs` no emphasis.
    capture = "Run these:\n\n    # initialize git\n    git init\n    \n    f(**kwargs)\n\nThen push."
    for blocks in (md(capture), segment(capture, markdown=False)):
        assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.CODE, BlockKind.PARAGRAPH]
        assert blocks[1].text == "# initialize git\ngit init\nf(**kwargs)"
        assert (blocks[1].start, blocks[1].end) == (3, 6)
    assert md(capture)[1].markdown == "```\n# initialize git\ngit init\n\nf(**kwargs)\n```"
    # An empty line ends it: two blocks of the text output stay two.
    assert [b.kind for b in md("Text.\n\n    a = 1\n\n    b = 2")] == [BlockKind.PARAGRAPH, BlockKind.CODE, BlockKind.CODE]


@pytest.mark.parametrize("capture", [
    "* An item\n\n    its second paragraph, indented under it",  # a list item's continuation
    "Text.\n    indented right under a line, with no blank line between",
    "    a dump that indents\n\n    every one of its lines",
    "Savings\n\n    * [Best savings accounts](/savings)\n    * [Calculators](/calc)",  # a nested menu
    "Contact\n\n    [Write to us](/contact) or call",
])
def test_indented_lines_that_are_no_code_block(capture: str) -> None:
    assert BlockKind.CODE not in [b.kind for b in md(capture)]


def test_unclosed_fence_ends_on_the_last_line() -> None:
    [code] = md("```\nline two\nline three")
    assert (code.start, code.end) == (1, 3)


# --- images ----------------------------------------------------------------------------------


def test_image_only_lines() -> None:
    blocks = md("![a photo](a.png)\n![one](1.png) ![two](2.png)\n[![linked](i.png)](https://a.b)")
    assert [b.kind for b in blocks] == [BlockKind.IMAGE] * 3
    assert [b.images for b in blocks] == [1, 2, 1]
    assert all(b.text == "" for b in blocks)


def test_image_inside_text_keeps_the_text() -> None:
    [block] = md("Caption ![img](x.png) text")
    assert block.kind is BlockKind.PARAGRAPH
    assert (block.text, block.images) == ("Caption text", 1)


# --- links in paragraphs ----------------------------------------------------------------------


def test_paragraph_links() -> None:
    [block] = md("Para with [a link](https://a.b) and [junk](#) words.")
    assert block.text == "Para with a link and junk words."
    assert block.markdown == "Para with [a link](https://a.b) and junk words."
    assert block.links == 2
    assert block.link_chars == len("a link") + len("junk")


# --- line numbers and gaps --------------------------------------------------------------------


def test_line_numbers_are_one_based_and_gap_before_follows_blank_lines() -> None:
    text = "# Title\n\nFirst para.\nSecond para.\n\n\n- item\n"
    blocks = md(text)
    assert [(b.text, b.start, b.end, b.gap_before) for b in blocks] == [
        ("Title", 1, 1, True),  # the start of the capture counts as a gap
        ("First para.", 3, 3, True),
        ("Second para.", 4, 4, False),
        ("item", 7, 7, True),
    ]


def test_blank_and_whitespace_lines_make_no_blocks() -> None:
    assert md("\n   \n\t\n") == []
    assert segment("", markdown=False) == []


# --- plain text mode --------------------------------------------------------------------------


def test_text_mode_ignores_markdown_syntax() -> None:
    blocks = segment("# not a heading\n[x](https://a.b) stays\n- dash line\n> not a quote", markdown=False)
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH] * 4
    assert [b.text for b in blocks] == ["# not a heading", "[x](https://a.b) stays", "- dash line", "> not a quote"]
    assert all(b.links == 0 and b.link_chars == 0 for b in blocks)


def test_text_mode_bullets_are_list_items() -> None:
    blocks = segment("Intro\n• first point\n● second point", markdown=False)
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]
    assert [b.text for b in blocks[1:]] == ["first point", "second point"]


def test_text_mode_folds_spaces() -> None:
    [block] = segment("  several\u00a0 spaces\there  ", markdown=False)
    assert block.text == "several spaces here"


def test_an_overlong_line_becomes_several_blocks_and_loses_nothing() -> None:
    line = "One sentence here. " * 20 + "x" * 120 + " tail words"
    blocks = segment(line, markdown=False, settings=Settings(max_line_chars=50))
    assert len(blocks) > 1 and all(len(b.text) <= 50 for b in blocks)
    assert all(b.start == 1 for b in blocks)
    assert "".join(b.text for b in blocks).replace(" ", "") == line.replace(" ", "")
    assert blocks[0].text.endswith("here.")  # cut after a sentence end where one is near


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("* * SIGN IN", "SIGN IN"),  # a nested list opening on the item's line
        ("  * #### Region name", "Region name"),  # a heading inside an item: its marker is markup too
        ("- + - deep", "deep"),
        ("* -5 degrees at night", "-5 degrees at night"),  # a sign, not a marker
        ("* a - b", "a - b"),
    ],
)
def test_markers_opening_a_list_item_are_markup(line: str, text: str) -> None:
    # Left in the text, "* SIGN IN" would read as a list item when the text is cleaned again.
    [block] = segment(line, markdown=True)
    assert block.kind is BlockKind.LIST_ITEM and block.text == text


def test_a_headings_marker_inside_a_list_item_is_markup_not_text() -> None:
    # "* ## Region" kept "## Region" in the plain text, which read back as a heading.
    [item] = md("* ## Fork off VMs like processes")
    assert item.kind is BlockKind.LIST_ITEM
    assert item.text == "Fork off VMs like processes"
    [again] = md(item.text)
    assert again.text == item.text


def test_markers_that_emphasis_hid_leave_the_text() -> None:
    # Read back, "> > Related Reading: X" is a quote and "- /month" a list item: their
    # markers would go then, so the text changed when cleaned again.
    blocks = md("**> > Related Reading:** [X vs. Y](/x)\n\n**-** /month\n\n>> A nested quote\n\n**1.** Step one")
    assert [b.text for b in blocks] == ["Related Reading: X vs. Y", "/month", "A nested quote", "1. Step one"]
    assert blocks[0].markdown == "**> > Related Reading:** [X vs. Y](/x)"


def test_a_bullet_that_emphasis_hid_and_a_list_inside_a_quote_leave_the_text() -> None:
    # Read back as text, "• Point" and "* item" are list items and lose their markers:
    # the text would change when cleaned again (wcxb-dev md, bench/idempotency.py).
    bullet, quoted = md("**• Unify streaming and batch processing**. Edge data.\n\n>   * There is some number `MAX_TASKS`")
    assert bullet.text == "Unify streaming and batch processing. Edge data."
    assert quoted.kind is BlockKind.QUOTE and quoted.text == "There is some number MAX_TASKS"
    assert quoted.markdown == "> * There is some number `MAX_TASKS`"
    for block in (bullet, quoted):
        [again] = segment(block.text, markdown=False)
        assert again.text == block.text


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ("> ### The impact of remote work", BlockKind.QUOTE, "The impact of remote work"),  # a heading inside a quote
        ('  * > "Many of the products were delicious."', BlockKind.LIST_ITEM, '"Many of the products were delicious."'),
        ("[![A desk](/d.jpg)](/p/1)## [Fredie Corner Desk](/p/1)", BlockKind.PARAGRAPH, "Fredie Corner Desk"),  # the image hid it
        ("**#1** in sales", BlockKind.PARAGRAPH, "#1 in sales"),  # no space after it: no heading mark
    ],
)
def test_markers_inside_a_block_are_markup_and_leave_the_text(line: str, kind: BlockKind, text: str) -> None:
    # Left in the plain text, "### X", "> X" and "## X" read back as a heading or a quote,
    # and lose their markers then: the text changed when cleaned again (wcxb-dev md,
    # bench/idempotency.py).
    [block] = md(line)
    assert block.kind is kind and block.text == text
    [again] = md(block.text)
    assert again.text == block.text


@pytest.mark.parametrize("line", ["\\------", "## ______", "**-----**", "|  ![](a.svg) |  ![](b.svg) |  ![](c.svg)  "])
def test_text_that_would_read_back_as_a_rule_is_a_rule(line: str) -> None:
    # An escaped rule, a heading of underscores, a row of images alone without its closing
    # pipe (no table row, so a paragraph): their text would read back as a thematic break
    # (or, over a separator, a table's empty header) and be lost then.
    [block] = md(line)
    assert block.kind is BlockKind.RULE and block.text == ""


def test_a_plain_text_line_of_dashes_stays_a_line() -> None:
    # Text mode reads no markup: a wire story's "___" between items is the page's own, and
    # the classifier reads the items around it with it (bench txt).
    [block] = segment("___", markdown=False)
    assert block.kind is BlockKind.PARAGRAPH and block.text == "___"


def test_a_line_of_cards_is_one_block_a_card() -> None:
    # html2text writes a grid of cards (a link round a picture and a title) onto one line.
    cards = [
        "[ ![Salmon in a bowl](https://x.test/s.jpg) 84 reviews / 5 average Air Fryer Salmon ](https://x.test/salmon)",
        "[ ![Tacos](https://x.test/t.jpg) 67 reviews / 5 average Chicken Tacos with Green Sauce ](https://x.test/tacos)",
        "[ ![Tofu](https://x.test/f.jpg) 104 reviews / 4.7 average Crispy Air Fryer Tofu ](https://x.test/tofu)",
    ]
    blocks = segment("## Top rated\n\n" + " ".join(cards) + "\n", markdown=True)
    assert [b.text for b in blocks[1:]] == [
        "84 reviews / 5 average Air Fryer Salmon",
        "67 reviews / 5 average Chicken Tacos with Green Sauce",
        "104 reviews / 4.7 average Crispy Air Fryer Tofu",
    ]
    assert all(b.links == 1 and b.images == 1 for b in blocks[1:])


@pytest.mark.parametrize(
    "line",
    [
        "[Home](/) [News](/news) [Sport](/sport) [Weather](/weather)",  # a menu: a word a link
        "Read [the first story](/a) and [the second one here](/b) or [the third one too](/c)",  # prose between
        "[First card title here](/a) [Second card title here](/b)",  # two links are no row
    ],
)
def test_lines_that_are_no_row_of_cards_stay_whole(line: str) -> None:
    assert len(segment(line, markdown=True)) == 1


def test_a_heading_marker_alone_takes_the_line_under_it() -> None:
    # html2text writes <h1><div>All your teams</div></h1> as "# " over the words.
    blocks = segment("# \n\nAll your teams, connected\n\nBody text here.\n\n## \n\n* an item\n", markdown=True)
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (BlockKind.HEADING, 1, "All your teams, connected"),
        (BlockKind.PARAGRAPH, 0, "Body text here."),
        (BlockKind.HEADING, 2, ""),  # a list item under it is no heading's text
        (BlockKind.LIST_ITEM, 0, "an item"),
    ]


def test_a_code_blocks_lines_lose_trailing_spaces_in_the_text() -> None:
    # The text writes code indented, and an indented block's lines read back without their
    # trailing spaces: a fenced block's kept them, so the text changed when cleaned again.
    from cleaner.render import text_lines

    [code] = md("```\nx = 1   \nprint(x)\t\n```")
    [text] = text_lines(code)
    assert text == "    x = 1\n    print(x)"
    [again] = segment("Some words.\n\n" + text, markdown=True)[1:]
    assert again.kind is BlockKind.CODE and text_lines(again) == [text]


def test_a_quotes_empty_line_parts_its_paragraphs_as_a_blank_line_does() -> None:
    # Read as an empty block, ">" stood between each quoted line and its neighbours, and
    # the classifier judged the short lines of a quoted list among empty ones.
    blocks = md("> Here is what I am after:\n>\n> Background story\n> >\n> 1\\. What inspired you?")
    assert [(b.kind, b.text, b.gap_before) for b in blocks] == [
        (BlockKind.QUOTE, "Here is what I am after:", True),
        (BlockKind.QUOTE, "Background story", True),
        (BlockKind.QUOTE, "1. What inspired you?", True),
    ]
    [line] = segment(">\n", markdown=False)  # text mode reads no markup
    assert line.text == ">"
