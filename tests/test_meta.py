"""cleaner.text.meta: headline, standfirst, byline and authors, dateline, date and site from plain lines."""
from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.model import Block, BlockKind, Drop, DropSource
from cleaner.settings import DEFAULT, Settings
from cleaner.text.meta import authors_of, find_byline, find_date, find_dateline, find_headline, find_site, find_subtitle, find_title, headline_line, trim_byline

from .texts import GOOD_1, GOOD_2, GOOD_3

BODY = "The ministers met in Brussels on Thursday, and most of them said that they had not expected the talks to end so soon."


def block(text: str, line: int, kind: BlockKind = BlockKind.PARAGRAPH, level: int = 0, link_chars: int = 0, links: int = 0) -> Block:
    return Block(kind, text, text, line, line, level=level, link_chars=link_chars, links=links)


# --- authors_of --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "byline, authors",
    [
        ("BY LORNE COOK", ["Lorne Cook"]),
        ("By Maria Jansen and David Okafor", ["Maria Jansen", "David Okafor"]),
        ("By TOM KRISHER, AP Auto Writer", ["Tom Krisher"]),
        ("Von Jonas Weber", ["Jonas Weber"]),
        ("김민준 기자", ["김민준"]),
        ("By Jane Doe, John Roe and Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
        ("By Sam Smith, Staff Writer", ["Sam Smith"]),
        ("Von Anna Schmidt und Peter Braun", ["Anna Schmidt", "Peter Braun"]),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("By Ana García", ["Ana García"]),
        ("Posted by Jane Doe on March 3, 2025", ["Jane Doe"]),
    ],
)
def test_authors_of(byline: str, authors: list[str]) -> None:
    assert authors_of(byline) == authors


@pytest.mark.parametrize(
    "byline, shown, authors",
    [
        # Two links flattened together: the name ends where the next link's capital is glued on.
        ("Nicoletta RichardsonTrending Editor", "Nicoletta Richardson Trending Editor", ["Nicoletta Richardson"]),
        ("By Gabby BoucherIn Budget Travel, Travel Tips", "By Gabby Boucher In Budget Travel, Travel Tips", ["Gabby Boucher"]),
        # A capital after one to three letters is the name's own; a handle or a brand keeps its capitals.
        ("By Ronald McDonald", "By Ronald McDonald", ["Ronald McDonald"]),
        ("By Kate MacKenzie", "By Kate MacKenzie", ["Kate MacKenzie"]),
        ("By: ShawnHymel", "By: ShawnHymel", ["ShawnHymel"]),
        ("By Mayank Gupta, CEO of CaseBasix", "By Mayank Gupta, CEO of CaseBasix", ["Mayank Gupta", "CEO of CaseBasix"]),
    ],
)
def test_a_name_glued_to_the_next_link(byline: str, shown: str, authors: list[str]) -> None:
    assert trim_byline(byline, DEFAULT) == shown
    assert authors_of(byline) == authors


@pytest.mark.parametrize("byline, authors", [("BY MARY-KATE OLSEN", ["Mary-Kate Olsen"]), ("BY JOHN O'NEIL", ["John O'Neil"])])
def test_authors_of_caps_names_with_hyphen_or_apostrophe(byline: str, authors: list[str]) -> None:
    assert authors_of(byline) == authors


@pytest.mark.parametrize(
    "line, byline",
    [
        ("By Nina Pineda Friday, March 28, 2025 5:30PM", "By Nina Pineda"),
        ("Mike Marshall, Shipping Expert • Friday, May 2, 2025", "Mike Marshall, Shipping Expert"),
        ("By Jane Roe on Friday, March 3, 2025", "By Jane Roe"),
        ("By Jane Roe Monday", "By Jane Roe Monday"),  # no date cut off: the word stays
    ],
)
def test_trim_byline_drops_the_weekday_of_the_cut_date(line: str, byline: str) -> None:
    assert trim_byline(line, DEFAULT) == byline


# --- find_byline ----------------------------------------------------------------------------------


def test_find_byline_takes_the_line_and_marks_it_metadata() -> None:
    blocks = [block("NATO is in disarray after the US speech", 1), block("BY LORNE COOK", 3), block(BODY, 5)]
    found = find_byline(blocks, DEFAULT)
    assert found is not None
    assert found[0] == "BY LORNE COOK"
    assert found[1].line == 3
    assert blocks[1].drop is not None and blocks[1].drop.source is DropSource.METADATA
    assert blocks[2].drop is None


@pytest.mark.parametrize("line", ["Posted by Jane Doe on March 3, 2025", "Von Jonas Weber", "김민준 기자"])
def test_find_byline_forms(line: str) -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1), block(line, 2), block(BODY, 4)]
    found = find_byline(blocks, DEFAULT)
    assert found is not None and found[0] == line


def test_find_byline_none_without_a_byline() -> None:
    assert find_byline([block("Headline words here", 1), block(BODY, 3)], DEFAULT) is None


@pytest.mark.parametrize("line", ["By then it was too late.", "By the numbers"])
def test_find_byline_ignores_lines_that_only_start_with_by(line: str) -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1), block(BODY, 3), block(line, 5)]
    assert find_byline(blocks, DEFAULT) is None
    assert blocks[2].drop is None


# --- find_dateline -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, dateline, site",
    [
        ("BRUSSELS (AP) — NATO allies met on Thursday.", "BRUSSELS (AP)", "The Associated Press"),
        ("ROTTERDAM, Netherlands (AP) — The port reopened.", "ROTTERDAM, Netherlands (AP)", "The Associated Press"),
        ("LONDON, Feb 27 (Global Wire) - Markets fell.", "LONDON, Feb 27 (Global Wire)", None),
        ("WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON (Reuters)", "Reuters"),
        ("NEW YORK (AP) — Stocks rose.", "NEW YORK (AP)", "The Associated Press"),
        ("ST. LOUIS (AP) — A storm hit.", "ST. LOUIS (AP)", "The Associated Press"),
    ],
)
def test_find_dateline(line: str, dateline: str, site: str | None) -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1), block(line, 3)]
    found = find_dateline(blocks)
    assert found is not None
    assert found[:2] == (dateline, site)
    assert found[2].line == 3


@pytest.mark.parametrize("line", ["Brussels (AP) — lower-case city.", "BRUSSELS — no agency credit.", BODY])
def test_no_dateline(line: str) -> None:
    assert find_dateline([block(line, 1)]) is None


def test_dateline_is_not_searched_deep_in_the_capture() -> None:
    blocks = [block(f"Paragraph number {i} of the story.", i) for i in range(1, 30)]
    blocks.append(block("BRUSSELS (AP) — far too late to be a dateline.", 30))
    assert find_dateline(blocks) is None


# --- find_title ------------------------------------------------------------------------------------


def test_title_is_the_first_level_one_heading() -> None:
    blocks = [
        block("WORLD NEWS", 1, BlockKind.HEADING, level=2),
        block("NATO is in disarray after the US speech", 3, BlockKind.HEADING, level=1),
        block(BODY, 5),
    ]
    found = find_title(blocks, DEFAULT)
    assert found is not None
    title, site, evidence = found
    assert (title, site, evidence.line) == ("NATO is in disarray after the US speech", None, 3)
    assert blocks[1].drop is not None and blocks[1].drop.source is DropSource.METADATA
    assert blocks[0].drop is None and blocks[2].drop is None


def test_level_one_heading_that_is_a_link_is_not_the_title() -> None:
    teaser = block("Read our other story about the budget", 1, BlockKind.HEADING, level=1, link_chars=37, links=1)
    teaser.markdown = "# [Read our other story about the budget](/news/other-story)"
    assert find_title([teaser], DEFAULT) is None


def test_heading_linked_nowhere_can_be_the_title() -> None:
    # "## [ Headline ]()": segment keeps no link without a target, so the markdown has none.
    heading = block("The Early Reviews For The Platform Are Here", 1, BlockKind.HEADING, level=2, link_chars=43, links=1)
    heading.markdown = "## The Early Reviews For The Platform Are Here"
    found = find_title([heading, block("Nov 18, 2019", 3), block(BODY, 5)], DEFAULT)
    assert found is not None and found[0] == "The Early Reviews For The Platform Are Here"


def test_title_from_a_headline_shaped_first_line() -> None:
    blocks = [block("Global Alliance Faces Uncertainty", 1), block(BODY, 3)]
    found = find_title(blocks, DEFAULT)
    assert found is not None and found[0] == "Global Alliance Faces Uncertainty"
    assert blocks[0].drop is not None


@pytest.mark.parametrize(
    "first",
    [
        "This is a sentence, not a headline, because it ends with a period.",
        "Hi there",  # two words: too short for a headline
        "x" * 230,  # above max_title_chars
    ],
)
def test_first_line_that_is_not_headline_shaped(first: str) -> None:
    blocks = [block(first, 1), block(BODY, 3)]
    assert find_title(blocks, DEFAULT) is None
    assert blocks[0].drop is None


def test_short_non_latin_first_line_can_be_a_title() -> None:
    found = find_title([block("서울 시장 선거 결과", 1), block(BODY, 3)], DEFAULT)
    assert found is not None and found[0] == "서울 시장 선거 결과"


def test_site_suffix_split_when_the_headline_repeats() -> None:
    blocks = [block("Big Story Headline Here - Example News", 1), block("Big Story Headline Here", 3), block(BODY, 5)]
    found = find_title(blocks, DEFAULT)
    assert found is not None
    assert found[:2] == ("Big Story Headline Here", "Example News")
    # The <title> line and the repeated headline both leave the body.
    assert blocks[0].drop is not None and blocks[1].drop is not None and blocks[2].drop is None


def test_site_suffix_kept_when_the_headline_does_not_repeat() -> None:
    found = find_title([block("Big Story Headline Here | Example News", 1), block(BODY, 3)], DEFAULT)
    assert found is not None and found[:2] == ("Big Story Headline Here | Example News", None)


def test_title_search_is_limited_to_the_meta_window() -> None:
    blocks = [block(BODY, 1), block("Late Heading Far Below", 50, BlockKind.HEADING, level=2)]
    assert find_title(blocks, Settings(meta_window_lines=40)) is None
    assert find_title(blocks, Settings(meta_window_lines=60)) is not None


def test_a_level_one_heading_below_the_window_is_still_the_title() -> None:
    # A shop page prints a thousand lines of menus over its one `#` heading.
    menu = [block(f"Department number {n} and its many offers", 2 * n, BlockKind.LIST_ITEM) for n in range(1, 30)]
    blocks = [*menu, block("Hiking Boots", 80, BlockKind.HEADING, level=1), block(BODY, 82)]
    found = find_title(blocks, Settings(meta_window_lines=40))
    assert found is not None and found[0] == "Hiking Boots"


def test_the_first_level_one_heading_beats_a_section_heading_above_the_body() -> None:
    url = "https://example.com/blog/gardenary-planting-vs-ordinary-planting"
    blocks = [
        block("Gardenary Planting vs. Ordinary Planting", 1, BlockKind.HEADING, level=1),
        block("Read the garden guide below", 3),
        block("Share this post", 5),
        block("What Is Gardenary Planting?", 7, BlockKind.HEADING, level=2),
        block(BODY, 9),
        block(BODY, 11),
    ]
    found = find_title(blocks, DEFAULT, url)
    assert found is not None and found[0] == "Gardenary Planting vs. Ordinary Planting"
    assert "level-1 heading, the first on the page" in found[2].source


@pytest.mark.parametrize("word", ["Kayaks", "useState", "WALLETS"])
def test_a_one_word_level_one_heading_can_be_the_title(word: str) -> None:
    blocks = [block("Free shipping on all orders", 1), block(word, 3, BlockKind.HEADING, level=1), block(BODY, 5)]
    found = find_title(blocks, DEFAULT)
    assert found is not None and found[0] == word


@pytest.mark.parametrize("word", ["Menu", "Search", "94", "By"])
def test_a_one_word_heading_of_page_furniture_is_not_the_title(word: str) -> None:
    blocks = [block(word, 1, BlockKind.HEADING, level=1), block("Kayaks", 3, BlockKind.HEADING, level=1), block(BODY, 5)]
    found = find_title(blocks, DEFAULT)
    assert found is not None and found[0] == "Kayaks"


# --- subtitle, date, site ------------------------------------------------------------------------------


def test_subtitle_is_the_standfirst_after_the_title() -> None:
    blocks = [
        block("Global Alliance Faces Uncertainty", 1),
        block("Defense Secretary Calls for European Nations to Increase Their Contribution", 3),
        block(BODY, 5),
    ]
    found = find_title(blocks, DEFAULT)
    assert found is not None
    sub = find_subtitle(blocks, found[2].line, DEFAULT)
    assert sub is not None and sub[0] == "Defense Secretary Calls for European Nations to Increase Their Contribution"


def test_a_sentence_after_the_title_is_not_a_subtitle() -> None:
    blocks = [block("Global Alliance Faces Uncertainty", 1), block(BODY, 3)]
    found = find_title(blocks, DEFAULT)
    assert found is not None
    assert find_subtitle(blocks, found[2].line, DEFAULT) is None
    assert blocks[1].drop is None


def test_find_date_reads_a_short_date_line() -> None:
    blocks = [block("Headline words here", 1), block(BODY, 3), block("Updated 3:12 PM GMT+1, March 6, 2025", 4)]
    found = find_date(blocks, DEFAULT)
    assert found is not None and found[0] == "2025-03-06" and found[1].line == 4


def test_find_site_from_the_copyright_line() -> None:
    blocks = [block(BODY, 1), block("© 2025 Example Media. All rights reserved.", 9)]
    found = find_site(blocks)
    assert found is not None and found[0] == "Example Media"


# --- issue 5: headline, byline, date and site around the headline ---------------------------------


def md_blocks(text: str) -> list[Block]:
    from cleaner.text.segment import segment

    return segment(text, markdown=True)


def txt_blocks(text: str) -> list[Block]:
    from cleaner.text.segment import segment

    return segment(text, markdown=False)


PAGE = (
    "[Example Times](https://www.example-times.com/)\n\n"
    "* [World](https://www.example-times.com/world)\n* [Markets](https://www.example-times.com/markets)\n\n"
    "## WORLD NEWS\n\n"
    "### [Teaser about another story entirely](https://www.example-times.com/2025/01/01/other/)\n\n"
    "January 1, 2025\n\n"
    "# Budget talks collapse in Brussels after a long night\n\n"
    "By Maria Jansen and David Okafor, Staff Writers\n\n"
    "March 2, 2025\n\n"
    "Updated 3:12 PM GMT+1, March 6, 2025\n\n"
    f"{BODY}\n\n{BODY}\n\n"
    "© 2025 Example Times Media. All rights reserved.\n"
)
PAGE_URL = "https://www.example-times.com/2025/03/02/budget-talks-collapse-in-brussels/"


def test_headline_is_the_heading_above_the_body_not_the_section_label_or_a_teaser() -> None:
    blocks = md_blocks(PAGE)
    found = find_headline(blocks, DEFAULT, PAGE_URL)
    assert found is not None
    assert found.title == "Budget talks collapse in Brussels after a long night"
    assert "level-1 heading" in found.evidence.source and "matches the URL" in found.evidence.source
    assert blocks[found.anchor].text == found.title


def test_a_section_heading_under_the_first_paragraphs_is_no_headline() -> None:
    # A cleaned body read again: no <title> line, no headline; its first section heading
    # is not the page's headline, and the paragraphs above it stay in the body.
    text = f"{GOOD_1}\n\n{GOOD_2}\n\n### Rental practices for international drivers\n\n{GOOD_3}\n"
    assert find_headline(md_blocks(text), DEFAULT) is None
    doc = clean(text, kind="markdown")
    assert doc.title is None
    assert GOOD_1 in doc.text and GOOD_2 in doc.text and "Rental practices for international drivers" in doc.text


def test_a_line_under_the_first_paragraph_is_no_headline() -> None:
    # A cleaned body read again, its first paragraph too short to start the body alone:
    # a list item further down is no headline, and the paragraph above it stays.
    items = ["General procedures at the rental counter", "Rental practices for international drivers", "Reporting losses"]
    text = "\n\n".join([GOOD_1, "Key topics discussed in the guide include:", *items, GOOD_2 + " " + GOOD_3])
    assert find_headline(md_blocks(text), DEFAULT) is None
    doc = clean(text, kind="markdown")
    assert doc.title is None and GOOD_1 in doc.text and items[0] in doc.text


def test_a_table_row_with_its_bars_is_no_headline_but_a_title_line_with_bars_is_the_title() -> None:
    rows = ["Formats | Word + PDF | Word + PDF | Word + PDF", "Coaching Sessions | None | One | Three", "Revisions | Yes | Yes | Yes"]
    text = "\n\n".join(["Our plans for every career", *rows, GOOD_1, GOOD_2])
    found = find_headline(md_blocks(text), DEFAULT)
    assert found is None or found.title not in rows
    capture = "Classificação NASCAR | Autoracing | F1 | Indy | MotoGP\n\n" + "\n\n".join([GOOD_1, GOOD_2])
    found = find_headline(txt_blocks(capture), DEFAULT)
    assert found is not None and found.anchor == 0


def test_a_line_without_words_is_never_the_headline() -> None:
    # html2text's table header line repeats under every table; repeating it is no headline.
    text = f"| | Example Newsnew | past | comments | ask | jobs | submit| login\n\n---|---|---\n\n{GOOD_1}\n\n---|---|---\n\n{GOOD_2}\n"
    found = find_headline(md_blocks(text), DEFAULT)
    assert found is None or found.title != "---|---|---"


def test_byline_date_and_site_are_found_around_the_headline() -> None:
    blocks = md_blocks(PAGE)
    found = find_headline(blocks, DEFAULT, PAGE_URL)
    assert found is not None
    byline = find_byline(blocks, DEFAULT, found.anchor)
    assert byline is not None and byline[0] == "By Maria Jansen and David Okafor, Staff Writers"
    assert authors_of(byline[0]) == ["Maria Jansen", "David Okafor"]
    # The publication date, not the teaser's date above nor the later update.
    date = find_date(blocks, DEFAULT, found.anchor, url=PAGE_URL)
    assert date is not None and date[0] == "2025-03-02" and date[1].line == 16
    site = find_site(blocks, PAGE_URL, DEFAULT)
    assert site is not None and site[0] == "Example Times" and site[1].source.startswith("masthead")


def test_only_an_updated_date_is_still_a_date() -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1), block("Updated 3:12 PM GMT+1, March 6, 2025", 3), block(BODY, 5)]
    found = find_date(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "2025-03-06" and "labelled updated" in found[1].source


def test_the_earliest_of_unlabelled_dates_on_a_line_is_the_publication() -> None:
    blocks = [block("Espresso Machines Under 500 Dollars", 1, BlockKind.HEADING, level=1), block("May 21, 2025April 24, 2025 by The Ritualist", 3), block(BODY, 5)]
    found = find_date(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "2025-04-24"


def test_published_label_beats_an_earlier_updated_one_on_the_same_line() -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1), block("Updated: March 6, 2025 | Published: March 2, 2025", 3)]
    found = find_date(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "2025-03-02" and "labelled published" in found[1].source


def test_relative_dates_are_not_a_publication_date() -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1), block("Published 2 hours ago", 3), block(BODY, 5)]
    assert find_date(blocks, DEFAULT, 0) is None


def test_url_date_when_no_date_is_printed_and_over_a_far_away_one() -> None:
    url = "https://example.com/2018/10/09/story-of-the-day/"
    head = block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1)
    found = find_date([head, block(BODY, 3)], DEFAULT, 0, url=url)
    assert found is not None and found[0] == "2018-10-09" and found[1].source == "date in the URL"
    found = find_date([head, block("November 20, 2019", 3), block(BODY, 5)], DEFAULT, 0, url=url)
    assert found is not None and found[0] == "2018-10-09" and "far from it" in found[1].source


def test_yearless_date_takes_the_year_of_the_url() -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1), block("Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM", 3), block(BODY, 5)]
    found = find_date(blocks, DEFAULT, 0, url="https://www.example.com/news/2019/11/budget-talks.html")
    assert found is not None and found[0] == "2019-11-19" and "year from the URL" in found[1].source


def test_date_with_a_time_zone_is_given_in_utc() -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1), block("Nov 18, 2019 at 9:24 pm ET", 3), block(BODY, 5)]
    found = find_date(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "2019-11-19" and found[1].source.endswith("in UTC")
    found = find_date(blocks, Settings(date_in_utc=False), 0)
    assert found is not None and found[0] == "2019-11-18"


def test_printed_day_is_kept_when_the_url_carries_it() -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1), block("Nov 19, 2019, 7:53pm EST", 3), block(BODY, 5)]
    found = find_date(blocks, DEFAULT, 0, url="https://www.example.com/2019/11/19/budget-talks")
    assert found is not None and found[0] == "2019-11-19" and "as in the URL" in found[1].source
    # A URL with the UTC day, or none at all, leaves the conversion as it was.
    found = find_date(blocks, DEFAULT, 0, url="https://www.example.com/2019/11/20/budget-talks")
    assert found is not None and found[0] == "2019-11-20" and found[1].source.endswith("in UTC")
    found = find_date(blocks, DEFAULT, 0, url="https://www.example.com/budget-talks")
    assert found is not None and found[0] == "2019-11-20"
    found = find_date(blocks, DEFAULT, 0, url="https://www.example.com/articles/19/11/19/budget-talks")
    assert found is not None and found[0] == "2019-11-19"


def test_a_teaser_date_above_the_headline_loses_to_a_relative_stamp_under_it() -> None:
    head = block("Budget Talks Collapse In Brussels", 5, BlockKind.HEADING, level=1)
    teaser = [block("Ministers Meet Again Over Fishing Quotas", 1), block("11/12/19 4:40PM", 3)]
    found = find_date([*teaser, head, block("Jane Doe", 7), block("Monday 5:30PM", 8), block(BODY, 10)], DEFAULT, 2)
    assert found is None
    # Without the relative stamp the date above the headline is taken, as before.
    found = find_date([*teaser, head, block("Jane Doe", 7), block(BODY, 10)], DEFAULT, 2)
    assert found is not None and found[0] == "2019-11-12"
    # The URL's date still counts.
    found = find_date([*teaser, head, block("Monday 5:30PM", 8), block(BODY, 10)], DEFAULT, 2, url="https://example.com/2019/11/18/budget-talks")
    assert found is not None and found[0] == "2019-11-18"


def test_a_date_linked_to_its_own_post_or_beside_a_category_is_no_teaser() -> None:
    page = (
        "# How To Book a Flight For Beginners\n\n"
        "[ March 26, 2023 ](https://example.com/book-a-flight/)\n\n"
        f"{BODY}\n\n"
        "Last updated on September 16th, 2023 at 09:27 am\n\n"
        f"{BODY}\n"
    )
    found = find_date(md_blocks(page), DEFAULT, 0)
    assert found is not None and found[0] == "2023-03-26"
    # A teaser's title linked beside the date still marks it as another story's.
    teaser = page.replace("[ March 26, 2023 ](https://example.com/book-a-flight/)", "[Ten cheap weekend trips](https://example.com/trips/) March 26, 2023")
    found = find_date(md_blocks(teaser), DEFAULT, 0)
    assert found is not None and found[0] == "2023-09-16"
    # A category link beside the date is no teaser either.
    category = page.replace("[ March 26, 2023 ](https://example.com/book-a-flight/)", "March 26, 2023/[Living Healthy](https://example.com/living/)")
    found = find_date(md_blocks(category), DEFAULT, 0)
    assert found is not None and found[0] == "2023-03-26"


def test_a_date_inside_a_caption_is_not_the_publication_date() -> None:
    caption = "Scooter Braun and Scott Borchetta pose for a photo at a private residence on June 28, 2019 in Montecito, California, during a party."
    blocks = [block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1), block(caption, 3), block(BODY, 5)]
    assert find_date(blocks, DEFAULT, 0) is None


@pytest.mark.parametrize(
    "line, byline, authors",
    [
        ("BY LORNE COOK", "BY LORNE COOK", ["Lorne Cook"]),
        ("By Maria Jansen and David Okafor", "By Maria Jansen and David Okafor", ["Maria Jansen", "David Okafor"]),
        ("Von Jonas Weber", "Von Jonas Weber", ["Jonas Weber"]),
        ("김민준 기자", "김민준 기자", ["김민준"]),
        ("by 바람돌이", "by 바람돌이", ["바람돌이"]),
        ("By Joseph Tsidulko November 19, 2019, 07:47 PM EST", "By Joseph Tsidulko", ["Joseph Tsidulko"]),
        ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", "by Joe Rossignol", ["Joe Rossignol"]),
        ("By Jason Cipriani | November 18, 2019 -- 19:14 GMT | Topic: Hardware", "By Jason Cipriani", ["Jason Cipriani"]),
        ("Analysis by Chris Cillizza, CNN Editor-at-large", "Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]),
        ("By Megan Rowe meganr@spokesman.com (509) 459-5382", "By Megan Rowe meganr@spokesman.com (509) 459-5382", ["Megan Rowe"]),
        ("Chris Davies - Nov 19, 2019, 10:31 pm CST", "Chris Davies", ["Chris Davies"]),
        ("Tom Krisher, Ap Auto Writer", "Tom Krisher, Ap Auto Writer", ["Tom Krisher"]),
        ("REUTERS", "REUTERS", ["Reuters"]),
    ],
)
def test_byline_forms_under_a_headline(line: str, byline: str, authors: list[str]) -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1), block(line, 3), block(BODY, 5)]
    found = find_byline(blocks, DEFAULT, 0)
    assert found is not None and found[0] == byline
    assert authors_of(found[0]) == authors


def test_by_on_its_own_line_then_the_name() -> None:
    blocks = [block("Is Football Violence a Crime?", 1, BlockKind.HEADING, level=1), block("By", 3), block("Randy Maniloff", 5), block(BODY, 7)]
    found = find_byline(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "By Randy Maniloff"
    assert blocks[1].drop is not None and blocks[2].drop is not None


def test_author_page_link_gives_the_name() -> None:
    blocks = md_blocks(
        "# Budget Talks Collapse In Brussels\n\n[Biography](https://example.com/news/author/1460)[Sarah E. Needleman](https://example.com/news/author/1460)\n\n" + BODY
    )
    found = find_byline(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "Sarah E. Needleman" and "author page" in found[1].source


def _far_page(*tail: str) -> list[Block]:
    """A headline, more body blocks than the near byline search reaches, then the tail lines."""
    far = "\n\n".join(BODY for _ in range(DEFAULT.byline_blocks_after + 2))
    return md_blocks("# Budget Talks Collapse In Brussels\n\n" + far + "\n\n" + "\n\n".join(tail))


def test_far_byline_author_box_after_the_article() -> None:
    blocks = _far_page("Written by Jane Roe", "Jane writes about budgets.")
    found = find_byline(blocks, DEFAULT, 0, url="https://example.com/news/budget")
    assert found is not None and found[0] == "Written by Jane Roe" and "far below" in found[1].source


def test_far_byline_own_author_page_link() -> None:
    blocks = _far_page("[Jane Roe](/author/jane-roe/)")
    found = find_byline(blocks, DEFAULT, 0, url="https://example.com/news/budget")
    assert found is not None and found[0] == "Jane Roe"


@pytest.mark.parametrize(
    "tail",
    [
        ("By Jane Roe", "By John Doe"),  # teaser cards by several people
        ("[YouTube](https://www.youtube.com/user/examplechannel)",),  # another site's profile page
        ("[Team](/team/)",),  # the author path's own index
        ("[Door Locks & Hardware](/support/category/door-locks)",),  # "door" is an English word here
        ("[By Category](/categories/)[By Maker](/makers/)",),  # a menu
    ],
)
def test_far_byline_not_taken(tail: tuple[str, ...]) -> None:
    blocks = _far_page(*tail)
    assert find_byline(blocks, DEFAULT, 0, url="https://example.com/news/budget") is None


def test_reporting_by_credit_at_the_end_names_the_reporters_only() -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1)] + [block(BODY, n) for n in range(3, 40, 2)]
    blocks.append(block("Reporting by Anna Schmidt in Berlin; Editing by Tom Hale", 41))
    found = find_byline(blocks, DEFAULT, 0)
    assert found is not None and "Reporting by" in found[1].source
    assert authors_of(found[0]) == ["Anna Schmidt"]


@pytest.mark.parametrize("line", ["(Reed Saxon / Associated Press)", "Alex Wong | Getty Images", "Facebook Twitter Email LinkedIn Reddit Pinterest", "‘SNL’ Spoofs Impeachment Hearings With Surreal Soap Opera"])
def test_lines_under_a_headline_that_are_no_byline(line: str) -> None:
    blocks = [block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1), block(line, 3), block(BODY, 5)]
    assert find_byline(blocks, DEFAULT, 0) is None


@pytest.mark.parametrize(
    "byline, authors",
    [
        ("By Meg JamesStaff Writer", ["Meg James"]),  # two links flattened together
        ("By Jonathan GarberFOXBusiness", ["Jonathan Garber"]),
        ("By Troy L. Smith, Cleveland.com", ["Troy L. Smith"]),
        ("VICTOR TANGERMANN, FUTURISM", ["Victor Tangermann"]),
        ("By Amy Kuperinsky | NJ Advance Media for NJ.com", ["Amy Kuperinsky"]),
        ("Reporting by Anna Schmidt and Li Wei in Beijing; Editing by Tom Hale", ["Anna Schmidt", "Li Wei"]),
        ("By Staff", []),
        ("Text: Венера Ерофеева · 24 сентября 2018", ["Венера Ерофеева"]),
    ],
)
def test_authors_are_clean_names(byline: str, authors: list[str]) -> None:
    assert authors_of(byline) == authors


def test_title_element_suffix_names_the_site_and_the_headline_line_is_the_anchor() -> None:
    text = "Budget Talks Collapse In Brussels - Example Times\n\nHome\n\nWorld\n\nBudget Talks Collapse In Brussels\n\nBY LORNE COOK\n\n" + BODY + "\n\n" + BODY + "\n"
    blocks = txt_blocks(text)
    found = find_headline(blocks, DEFAULT)
    assert found is not None
    assert (found.title, found.site) == ("Budget Talks Collapse In Brussels", "Example Times")
    assert found.anchor is not None and blocks[found.anchor].start == 7


def test_a_copy_of_the_title_on_the_last_line_is_no_headline() -> None:
    # A cleaned listing read again: its first line is a note the page also prints at its
    # foot. The foot copy heads nothing, so it is neither the headline nor dropped.
    note = "Get fresh recipes, cooking tips, deal alerts, and more!"
    items = [block(f"Spaghetti Recipe Number {n}", 3 + 2 * n) for n in range(5)]
    blocks = [block(note, 1), *items, block(note, 15)]
    assert headline_line(blocks, note) is None
    assert blocks[-1].drop is None
    # With lines after it, the same copy is where the page shows its headline.
    blocks = [block(note, 1), *items, block(note, 15), block(BODY, 17)]
    assert headline_line(blocks, note) == 15


def test_title_element_site_split_when_the_url_names_it() -> None:
    blocks = [block("Big Story Headline Here | Example News", 1), block("Menu", 3), block(BODY, 40)]
    found = find_title(blocks, DEFAULT, url="https://www.examplenews.com/big-story")
    assert found is not None and found[:2] == ("Big Story Headline Here", "Example News")


def test_a_printed_title_loses_a_tail_after_a_dash_only_when_it_names_the_host() -> None:
    page = "# Marietta Electricians Costs & Prices - ProMatcher Cost Report\n\n" + BODY + "\n\n" + BODY + "\n"
    doc = clean(page, kind="markdown", url="https://electricians.promatcher.com/cost/marietta.aspx")
    assert doc.title == "Marietta Electricians Costs & Prices"
    # A subtitle the page prints again as a line of its own stays: only a bar's tail may be cut so.
    page = "# Git Branching - Branches in a Nutshell\n\nBranches in a Nutshell\n\n" + BODY + "\n\n" + BODY + "\n"
    assert clean(page, kind="markdown", url="https://git-scm.com/book/en/v2").title == "Git Branching - Branches in a Nutshell"
    # A top-level domain is no name of the host ("Patient Education" on a .edu site).
    page = "# How babies sleep - Patient Education\n\n" + BODY + "\n\n" + BODY + "\n"
    assert clean(page, kind="markdown", url="https://www.ucsfhealth.edu/education/sleep").title == "How babies sleep - Patient Education"


def test_standfirst_sentence_is_not_the_headline() -> None:
    blocks = [
        block("Jose Mourinho agrees deal to replace Mauricio Pochettino as Tottenham manager", 1),
        block("The Portuguese boss had been out of work since being sacked by Manchester United in December 2018.", 3, BlockKind.HEADING, level=2),
        block(f"{BODY} {BODY}", 5),
        block(f"{BODY} {BODY}", 7),
    ]
    found = find_title(blocks, DEFAULT)
    assert found is not None and found[0].startswith("Jose Mourinho")


def test_photo_credit_is_not_the_headline() -> None:
    blocks = [block("Company Town", 1), block("(Reed Saxon / Associated Press)", 3), block("By Meg James Staff Writer", 5), block(BODY, 7), block(BODY, 9)]
    found = find_title(blocks, DEFAULT)
    assert found is None or found[0] != "(Reed Saxon / Associated Press)"


def test_dateline_is_searched_from_the_headline() -> None:
    menu = [block(f"Menu item {i}", i) for i in range(1, 30)]
    blocks = menu + [block("Budget Talks Collapse In Brussels", 30, BlockKind.HEADING, level=1), block("LONDON, Feb 27 (Global Wire) - Markets fell.", 32)]
    found = find_dateline(blocks, 29, DEFAULT)
    assert found is not None and found[0] == "LONDON, Feb 27 (Global Wire)"


def test_copyright_site_without_legal_suffixes() -> None:
    found = find_site([block(BODY, 1), block("Copyright © 2019 Hearst Media Services Connecticut, LLC", 9)])
    assert found is not None and found[0] == "Hearst Media Services Connecticut"


@pytest.mark.parametrize("sep", [" | ", " ", "| "])
def test_a_table_row_is_never_the_headline(sep: str) -> None:
    rows = [sep.join([str(19 + i), name, str(777 - 40 * i), "0", "0", str(i % 3), "4"]) for i, name in enumerate(
        ["Paul Menard", "Chris Buescher", "Austin Dillon", "Matt DiBenedetto", "Ty Dillon", "Ryan Preece"]
    )]
    text = "\n\n".join(rows + ["The standings after the race in Brazil, the twentieth of the season, were published by the organisers on Monday morning."])
    doc = clean(text, kind="text")
    assert doc.title not in rows
    assert clean(doc.text, kind="text").text == doc.text


def test_a_headline_with_a_few_numbers_is_still_a_headline() -> None:
    doc = clean("Dow falls 500 points as 3 big banks report losses\n\n" + "\n\n".join([GOOD_1, GOOD_2, GOOD_3]), kind="text")
    assert doc.title == "Dow falls 500 points as 3 big banks report losses"


@pytest.mark.parametrize("heading", ["Lemmy Development Update 2024-10-04", "Metasploit Wrap-Up 12/19/2025", "4o Update 2024-09-05 Broken"])
def test_a_heading_that_names_a_day_can_be_the_title(heading: str) -> None:
    blocks = [block("Jump to content", 1), block(heading, 3, BlockKind.HEADING, level=1), block(BODY, 5)]
    found = find_title(blocks, DEFAULT)
    assert found is not None and found[0] == heading


def test_a_date_heading_is_not_the_title_but_a_heading_naming_a_day_is() -> None:
    heading = "Lemmy Development Update 2024-10-04"
    blocks = [block("March 6, 2025", 1, BlockKind.HEADING, level=1), block(heading, 3, BlockKind.HEADING, level=1), block(BODY, 5)]
    found = find_title(blocks, DEFAULT)
    assert found is not None and found[0] == heading


def test_a_members_join_date_is_not_the_publication_date() -> None:
    blocks = [
        block("Investment Strategy Review Request For This Year", 1, BlockKind.HEADING, level=1),
        block("Joined: Mon Jul 24, 2017 10:11 pm", 3),
        block("Post by changingtimes » Sat Feb 24, 2024 12:41 pm", 5),
        block(BODY, 7),
    ]
    found = find_date(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "2024-02-24"


def test_a_threads_last_post_is_not_its_date_nor_its_author() -> None:
    blocks = [
        block("Replacement Projector Recommendations", 1, BlockKind.HEADING, level=1),
        block("6.3K views 23 replies 14 participants last post by [ggery](/members/ggery.9747538/) Sep 26, 2024", 3),
        block("#1 · Jan 3, 2024", 5),
        block(BODY, 7),
    ]
    blocks[1].text = "6.3K views 23 replies 14 participants last post by ggery Sep 26, 2024"
    blocks[1].link_chars, blocks[1].links = 5, 1
    assert find_byline(blocks, DEFAULT, 0) is None
    found = find_date(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "2024-01-03"


def test_a_slashed_date_is_read_in_the_order_the_page_proves() -> None:
    blocks = [
        block("2025 Renovation Trends And Why They Are Smart", 1, BlockKind.HEADING, level=1),
        block("8/1/2025", 3),
        block("8/27/2025", 5),
        block(BODY, 7),
    ]
    found = find_date(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "2025-08-01"


def test_a_commenters_name_and_date_are_not_the_pages() -> None:
    blocks = [
        block("Monday, September 8, 2008", 1, BlockKind.HEADING, level=3),
        block("The lean startup", 3, BlockKind.HEADING, level=3),
        block(BODY, 5),
        block("10 comments:", 7, BlockKind.HEADING, level=4),
        block("By Amy Jones, September 11, 2008 at 2:06 PM", 9),
    ]
    for b in blocks[3:]:
        b.drop = Drop(DropSource.RULE, "comments.header")  # the comment section's cut
    assert find_byline(blocks, DEFAULT, 1) is None
    found = find_date(blocks, DEFAULT, 1)
    assert found is not None and found[0] == "2008-09-08"


def test_a_question_asked_date_far_below_the_headline_beats_a_relative_stamp() -> None:
    buttons = [block(f"Button number {n}", 5 + 2 * n) for n in range(DEFAULT.byline_blocks_after + 2)]
    blocks = [
        block("How should I prepare for my first catering event?", 1, BlockKind.HEADING, level=1),
        block("Asked 14 years, 10 months ago", 3),
        *buttons,
        block("asked Feb 11, 2011 at 23:49", 60),
        block(BODY, 62),
    ]
    found = find_date(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "2011-02-11"


@pytest.mark.parametrize(
    "lines, authors",
    [
        (["By Rebecca NorrisPublished Mar 3, 2025"], ["Rebecca Norris"]),
        (["ByKathryn GiuffridaMar 5, 2025 | 6 comments"], ["Kathryn Giuffrida"]),
        (["by Jeffrey ZeldmanNovember 20, 2007"], ["Jeffrey Zeldman"]),
        (["Written by:Elise Nass"], ["Elise Nass"]),
        (["by Jacob Trussell —10 min read"], ["Jacob Trussell"]),
        (["Posted by BeauHD on Friday December 19, 2025 @08:00PM"], ["BeauHD"]),
        (["Written By", "Stephen Jesudunsin"], ["Stephen Jesudunsin"]),
    ],
)
def test_bylines_as_flattened_pages_print_them(lines: list[str], authors: list[str]) -> None:
    head = block("Budget Talks Collapse In Brussels", 1, BlockKind.HEADING, level=1)
    blocks = [head, block("Restaurant Tips", 3), *(block(line, 5 + 2 * n) for n, line in enumerate(lines)), block(BODY, 20)]
    found = find_byline(blocks, DEFAULT, 0)
    assert found is not None and authors_of(found[0]) == authors


def test_a_forum_profile_link_under_the_thread_title_is_the_byline() -> None:
    post = block("amondale (Amondale) November 8, 2024, 7:33pm 1", 5, link_chars=8, links=1)
    post.markdown = "[amondale](https://forums.example.com/u/amondale) (Amondale) November 8, 2024, 7:33pm 1"
    blocks = [block("Docker Desktop will not start after the update", 1, BlockKind.HEADING, level=1), block("Docker Desktop", 3), post, block(BODY, 7)]
    found = find_byline(blocks, DEFAULT, 0)
    assert found is not None and authors_of(found[0]) == ["amondale"]


@pytest.mark.parametrize(
    "markdown, author",
    [
        ("[ L ](/community/members/lulug30.55298/) [lulug30](/community/members/lulug30.55298/)", "lulug30"),
        ("[ ![julian](/uploads/avatar.jpeg)J Offline ](/user/julian) [julian](/user/julian)", "julian"),
    ],
)
def test_a_forum_user_name_from_the_profile_link_not_the_avatar(markdown: str, author: str) -> None:
    from cleaner.text.segment import segment

    post = segment(markdown, markdown=True)[0]
    post.start = post.end = 5
    blocks = [block("Early symptoms and what the neurologist said", 1, BlockKind.HEADING, level=1), post, block(BODY, 7)]
    found = find_byline(blocks, DEFAULT, 0)
    assert found is not None and authors_of(found[0]) == [author]


@pytest.mark.parametrize("target", ["https://substack.com/@wyndo", "/blog?author=65fa36f5f3e2906139dc3748"])
def test_a_link_whose_handle_or_query_names_the_author_gives_the_byline(target: str) -> None:
    line = block("Wyndo", 5, link_chars=5, links=1)
    line.markdown = f"[Wyndo]({target})"
    blocks = [block("How I Use AI Agents to Write My Newsletter", 1, BlockKind.HEADING, level=1), block("Subscribe now", 3), line, block(BODY, 7)]
    found = find_byline(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "Wyndo" and "author page" in found[1].source


def test_links_of_reads_ascii_markdown_on_bytes_with_the_same_matches() -> None:
    """_links_of searches an ASCII line's bytes (fewer offset mappings in re2's wrapper):
    the links found must be those the str search finds."""
    from cleaner.text.meta import _LINK, _links_of

    lines = [
        "[Home](/) | [News](https://example.com/news \"title\") [a [nested] label]( /x ) [x](y)",
        "[](empty) [ spaced label ](/s) [broken](no close [ok](/ok)",
        "no links here",
        "[a](" * 50 + "[end](/e)",
    ]
    for line in lines:
        want = tuple((m.group(1).strip(), m.group(2)) for m in _LINK.finditer(line))
        assert line.isascii() and _links_of(line) == want
    assert _links_of("[Café](/café) [b](/b)") == (("Café", "/café"), ("b", "/b"))

# --- bylines that are navigation or phrases ------------------------------------------------------

_STORY = ("The council voted on Tuesday to expand child care for working families across the city, "
          "and the mayor said the plan would be paid for out of this year's budget surplus. ") * 3


def test_a_menu_item_or_breadcrumb_linking_to_a_page_of_its_name_is_no_byline() -> None:
    # A page named after the link's words is a person's page only on a line of its own.
    person = clean("# Council expands child care\n\n[Natasha Turak](https://example.com/natasha-turak/)\n\n" + _STORY, kind="markdown")
    assert person.byline == "Natasha Turak"
    with_handle = "[Natasha Turak](https://example.com/natasha-turak/)[@NatashaTurak](https://social.example/NatashaTurak)"
    assert clean(f"# Council expands child care\n\n{with_handle}\n\n" + _STORY, kind="markdown").byline == "Natasha Turak"
    for nav in ("  * [Family Services](https://example.com/family-services/)",
                "[Home](https://example.com/) > [Family Services](https://example.com/family-services/)"):
        doc = clean(f"# Council expands child care\n\n{nav}\n\n" + _STORY, kind="markdown")
        assert doc.byline is None, nav


def test_a_name_line_whose_words_the_page_writes_in_lower_case_is_no_byline() -> None:
    # "Child Care" under the headline: the story writes "child care", a name keeps its capitals.
    doc = clean("# Council votes on the budget\n\nChild Care\n\n" + _STORY, kind="markdown")
    assert doc.byline is None
    doc = clean("# Council votes on the budget\n\nMaria Jansen\n\n" + _STORY, kind="markdown")
    assert doc.byline == "Maria Jansen"
    # "By" vouches for a name in the page's words: an organisation may write as itself.
    doc = clean("# Council votes on the budget\n\nBy Child Care Online\n\n" + _STORY.replace("care", "care online"), kind="markdown")
    assert doc.byline == "By Child Care Online"



def test_a_thread_posts_attributions_are_no_byline_and_go_together() -> None:
    # Each post of a thread opens with its poster framed the same way. Taken as the byline,
    # the first post lost its attribution, and each reading of the cleaned text the next one.
    replies = [GOOD_1, GOOD_2, GOOD_3, _STORY, "I tried the patch on three machines last week, and the build broke on every one of them until I pinned the old compiler."]
    posts = "\n\n".join(f"by {name} ( {n} ) writes: on Friday January 12, 2024 @12:01PM\n\n{text}" for n, (name, text) in enumerate(
        zip(["kestrel_9", "Mayfly", "old_hand", "Pim", "zed"], replies), start=4412))
    doc = clean("Rust in the kernel\n\n" + posts, kind="text")
    assert doc.byline is None
    assert " writes: on Friday" not in doc.text
    assert all(reply[:40] in doc.text for reply in replies)
    assert clean(doc.text, kind="text").text == doc.text
    # One author's name in the same frame (a byline, then teasers by the same writer) is a byline.
    doc = clean("Rust in the kernel\n\nby Ann Lee ( staff ) writes\n\n" + _STORY + "\n\nby Ann Lee ( staff ) writes\n\nby Ann Lee ( staff ) writes", kind="text")
    assert doc.byline == "by Ann Lee ( staff ) writes"


# --- bylines: reading times, author boxes, list bylines, question pages, role credits ----------

_LONG = "\n\n".join([GOOD_1, GOOD_2, GOOD_3])
_FILLER = "\n\n".join(f"Paragraph {n}: " + GOOD_1 for n in range(20))  # past the near byline search


@pytest.mark.parametrize(
    "line, author",
    [("By Kyle Howells 15 min read", "Kyle Howells"), ("By the Lavazza Team 2–3 minutes", "Lavazza")],
)
def test_a_reading_time_after_the_name_does_not_hide_the_byline(line: str, author: str) -> None:
    doc = clean(f"# Porting a parser to another language\n\n{line}\n\n{_LONG}\n", kind="markdown")
    assert doc.byline is not None and "min" not in doc.byline and author in " ".join(doc.authors)


@pytest.mark.parametrize("label", ["## Posted by", "## Article by", "##  Article written by:"])
def test_an_author_box_label_over_the_name_far_below_the_headline(label: str) -> None:
    doc = clean(f"# Strategies for game studios\n\n{_FILLER}\n\n{label}\n\n#### Gokul Sarkar\n\n{GOOD_2}\n", kind="markdown")
    assert doc.authors == ["Gokul Sarkar"]
    assert "Gokul Sarkar" not in doc.text  # the author box is metadata, the body around it stays
    assert GOOD_2 in doc.text


def test_a_role_credit_far_below_does_not_veto_the_author_box() -> None:
    # "Data Analysis By X" credits another part of the work: the one author is still found.
    page = (f"# Best long-distance movers\n\n{_FILLER}\n\nBy [Rebecca Edwards](/author/rebecca-edwards/)\n\n"
            f"Data Analysis By[Daniel Delgado](/author/daniel-delgado/)\n\n{GOOD_2}\n")
    doc = clean(page, kind="markdown", url="https://example.com/movers/")
    assert doc.authors == ["Rebecca Edwards"]


def test_a_list_byline_name_item_over_a_date_item() -> None:
    # A blog theme's byline as a list: "* Dr. Allen / * Jan 4 / * 2 min read" (no year).
    doc = clean(f"# New Year, New Smile\n\n  * Dr. Allen\n  * Jan 4\n  * 2 min read\n\n{_LONG}\n", kind="markdown")
    assert doc.authors == ["Dr. Allen"]
    # A list of sections under a headline is no byline.
    doc = clean(f"# New Year, New Smile\n\n  * Dental Care\n  * Whitening\n\n{_LONG}\n", kind="markdown")
    assert doc.byline is None


def test_the_askers_card_under_the_asked_date_beats_a_button_under_the_headline() -> None:
    page = (
        "# [DHCP providing IP but not creating DNS A record](/questions/1145952/dhcp)\n\n"
        "[ Ask Question ](/questions/ask)\n\nAsked 2 years, 4 months ago\n\n"
        f"{_FILLER}\n\n[Share](/q/1145952)\n\n[edited Oct 16, 2023 at 12:58](/posts/1145952/revisions)\n\n"
        "[Greg Askew](/users/20701/greg-askew)\n\n39.8k gold badges\n\nasked Oct 16, 2023 at 9:40\n\n"
        "[Eduardo Poças](/users/1056448/eduardo-pocas)\n\n111 silver badge\n"
    )
    doc = clean(page, kind="markdown", url="https://serverfault.com/questions/1145952/dhcp")
    assert doc.authors == ["Eduardo Poças"]


def test_a_by_line_right_over_the_headline_beats_a_name_shaped_line_under_it() -> None:
    page = f"Published August 7, 2023 by Nicole Burke\n\n# Gardenary Planting vs. Ordinary Planting\n\nFiled Under\n\n{_LONG}\n"
    doc = clean(page, kind="markdown")
    assert doc.authors == ["Nicole Burke"]


@pytest.mark.parametrize("line", ["Registered: 2019-11-03", "Last Modified: 2025-11-01 15:15", "[Submitted on 3 Dec 2025]"])
def test_a_label_before_a_date_is_no_byline(line: str) -> None:
    doc = clean(f"# What happened with the ISO\n\n{line}\n\n{_LONG}\n", kind="markdown")
    assert doc.byline is None


def test_an_author_heading_over_the_name_far_below_the_headline() -> None:
    doc = clean(f"# The benefits of the latest tools\n\n{_FILLER}\n\n### Author\n\nLisa D. Ellis\n\n### Related Program\n\n{GOOD_2}\n", kind="markdown")
    assert doc.authors == ["Lisa D. Ellis"]
    assert GOOD_2 in doc.text


def test_an_icon_glyph_beside_an_author_link_is_no_part_of_the_name() -> None:
    page = ("# House renovation costs, room by room\n\n  * [ __ inikosoftseo  ](https://example.com/author/inikosoftseo/)\n"
            f"  * [ __ September 8, 2025 ](https://example.com/2025/09/08/)\n\n{_LONG}\n")
    doc = clean(page, kind="markdown", url="https://example.com/house-renovation-costs/")
    assert doc.authors == ["inikosoftseo"]


# --- dates far from the headline, and dates that open it ------------------------------------------

FAR_DATE_PAGE = "# Budget Talks Collapse In Brussels\n\n" + "\n\n".join([BODY] * 20) + "\n\n"


@pytest.mark.parametrize(
    "foot",
    [
        # A theme's credit line under the post: a link to the author's page, then the date.
        "[Politics](/blog/category/politics)[Kristen](/blog?author=57b50f88)March 11, 2024[budget](/blog/tag/budget)",
        "By [Kristen Doe](https://example.com/author/kristen-doe/) · March 11, 2024",
        # A date that links to the site's day archive.
        "* [ March 11, 2024 ](https://example.com/2024/03/11/)",
    ],
)
def test_a_date_credited_or_linked_to_its_day_dates_the_page(foot: str) -> None:
    blocks = md_blocks(FAR_DATE_PAGE + foot + "\n")
    found = find_date(blocks, DEFAULT, 0, url="https://example.com/blog/budget-talks")
    assert found is not None and found[0] == "2024-03-11"


def test_a_date_linking_to_another_site_or_day_does_not_date_the_page() -> None:
    for foot in ("* [March 11, 2024](https://other.org/2024/03/11/)", "* [March 11, 2024](https://example.com/2024/03/12/)"):
        blocks = md_blocks(FAR_DATE_PAGE + foot + "\n")
        assert find_date(blocks, DEFAULT, 0, url="https://example.com/blog/budget-talks") is None


def test_a_date_opening_the_headline_dates_the_page_and_leaves_the_title() -> None:
    text = f"# [ Dec 18 2025  Preparing a transition in Debusine ](https://example.com/debusine.html)\n\n{GOOD_1}\n\n{GOOD_2}\n"
    blocks = md_blocks(text)
    found = find_headline(blocks, DEFAULT, "https://example.com/debusine.html")
    assert found is not None and found.title == "Preparing a transition in Debusine"
    date = find_date(blocks, DEFAULT, found.anchor)
    assert date is not None and date[0] == "2025-12-18" and "opening the headline" in date[1].source


def test_a_date_opening_a_long_line_under_the_headline_dates_the_page() -> None:
    blocks = [block("Advent Of Code, Week Two", 1, BlockKind.HEADING, level=1), block("20 December 2025 " + BODY + " " + BODY + " " + BODY + " " + BODY, 3)]
    found = find_date(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "2025-12-20"


def test_a_heading_printed_on_every_card_is_no_headline() -> None:
    cards = "\n\n".join(f"## Customers Also Bought These\n\n[Item {n}](/item-{n})" for n in range(5))
    text = f"Ergonomic Mice For Every Hand\n\n{cards}\n\n{GOOD_1}\n\n{GOOD_2}\n"
    found = find_headline(md_blocks(text), DEFAULT)
    assert found is not None and found.title == "Ergonomic Mice For Every Hand"
    # Allowed five copies, the last card's label is taken, right above the body.
    found = find_headline(md_blocks(text), Settings(headline_max_heading_copies=5))
    assert found is not None and found.title == "Customers Also Bought These"


def test_soft_hyphens_and_zero_width_characters_leave_the_title() -> None:
    text = f"Die Kon\u00adsum\u00adlaune sinkt im Ok\u200btober deutlich | Beispiel\n\n{GOOD_1}\n\n{GOOD_2}\n"
    found = find_headline(txt_blocks(text), DEFAULT)
    assert found is not None and "\u00ad" not in found.title and "\u200b" not in found.title and found.title.startswith("Die Konsumlaune sinkt")


def test_a_card_linking_to_the_page_itself_dates_it_even_over_the_headline() -> None:
    text = (
        "[Video Production](/blog-categories/video-production)\n\n"
        "[![]()Team SimplyThrilledSeptember 4, 2025](/post/video-production-trends)\n\n"
        + FAR_DATE_PAGE
    )
    blocks = md_blocks(text)
    anchor = next(i for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING)
    found = find_date(blocks, DEFAULT, anchor, url="https://example.com/post/video-production-trends")
    assert found is not None and found[0] == "2025-09-04"
    # A comment's permalink (the page's address with a fragment or another query) is not the page's date.
    url = "https://example.com/index.php?/topic/2018-video-production-trends/"
    for link in (f"{url}#comment-4378", f"{url}&do=findComment&comment=1234659"):
        text = FAR_DATE_PAGE + f"[March 6, 2023 at 8:55 am]({link})\n"
        assert find_date(md_blocks(text), DEFAULT, 0, url=url) is None


# --- bylines in flattened captures: labels, glued lines, teams, far and first author links -------


@pytest.mark.parametrize(
    "line, authors",
    [
        ("Author: Patrick Smart", ["Patrick Smart"]),
        ("Authors:[Aniruddha Roy](https://arxiv.example/a?query=Roy), [Jyoti Patel](https://arxiv.example/a?query=Patel)", ["Aniruddha Roy", "Jyoti Patel"]),
        ("by [Meaghan Weeden](/search?q=Meaghan) ● December 23, 2025 ● 6 min read", ["Meaghan Weeden"]),
        ("May 21, 2025April 24, 2025 by [The Ritualist](https://example.com/author/admin/)", ["The Ritualist"]),
        ("[Rui Ma](/report/author/ruima/),  [Heba Ledwon](/report/author/heba/) & [Suparn Patra](/report/author/suparn/)",
         ["Rui Ma", "Heba Ledwon", "Suparn Patra"]),
        ("[changingtimes](https://www.example.com/community/index.php?action=profile;u=123344)", ["changingtimes"]),
        ("  * [Elena Linker](/blog-authors/elena-linker)", ["Elena Linker"]),  # an author path's compound name
        ("Sep 01, 2023 · Katie Liguori", ["Katie Liguori"]),
        ("December 15, 2025 · 30 min · 6279 words · Ash Vardanian", ["Ash Vardanian"]),
        ("__ 0 · by **Dennis Moons** · Updated on **8 January 2026**", ["Dennis Moons"]),  # a comment count first
        ("_This article was written by Danielle Padula._", ["Danielle Padula"]),
    ],
)
def test_bylines_of_flattened_pages_labels_links_and_names_after_the_date(line: str, authors: list[str]) -> None:
    doc = clean(f"# Porting a parser to another language\n\n{line}\n\n{_LONG}\n", kind="markdown", url="https://example.com/blog/porting")
    assert doc.authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "Author Posted by",  # "Author" without its colon is a heading or a button
        "Jan 5, 2024 · 5 min read",  # nothing but counts after the date
        "[Facebook](https://www.facebook.com/profile.php?id=100075508944900)",  # another site's profile script
        "  * [Start Shopping Now](/user/sign-in)",  # an account's page under a user path
    ],
)
def test_lines_of_flattened_pages_that_name_nobody(line: str) -> None:
    doc = clean(f"# Porting a parser to another language\n\n{line}\n\n{_LONG}\n", kind="markdown", url="https://example.com/blog/porting")
    assert doc.byline is None


def test_a_byline_glued_to_the_paragraph_after_it() -> None:
    # html2text left no line break after the byline: the block is too long for a byline line.
    glued = "by [Austin Tedesco](https://example.com/emails/click/e70) Midjourney illustration. " + GOOD_1
    doc = clean(f"# Cut your planning cycle to two days\n\n{glued}\n\n{_LONG}\n", kind="markdown")
    assert doc.authors == ["Austin Tedesco"]
    # A sentence that goes on after the link is no byline.
    sentence = "By [Google Analytics](https://example.com/ga), we measure how readers find us. " + GOOD_1
    doc = clean(f"# Cut your planning cycle to two days\n\n{sentence}\n\n{_LONG}\n", kind="markdown")
    assert doc.byline is None


def test_a_list_byline_may_name_one_first_name() -> None:
    doc = clean(f"# The future of video production\n\n  * Gabo\n  * Jan 23\n  * 11 min read\n\n{_LONG}\n", kind="markdown")
    assert doc.authors == ["Gabo"]


def test_an_author_path_link_vouches_for_words_the_page_writes_in_lower_case() -> None:
    page = f"# Steps to become a web developer\n\n[The Upwork Team](/authors/upwork-staff)\n\n{_LONG}\n\nThe upwork team writes here.\n"
    doc = clean(page, kind="markdown", url="https://example.com/resources/web-developer")
    assert doc.byline == "The Upwork Team"


def test_far_byline_names_in_teasers_do_not_stand_against_the_pages_own() -> None:
    blocks = _far_page("[Jane Roe](/author/jane-roe/)", "October 28, 2025 by John Doe | Community")
    blocks[-1].drop = Drop(DropSource.RULE, "related.footer")
    found = find_byline(blocks, DEFAULT, 0, url="https://example.com/news/budget")
    assert found is not None and found[0] == "Jane Roe"


def test_far_byline_with_tags_after_its_date() -> None:
    blocks = _far_page("Posted by Jane Roe on 2025-12-18 in budget. Tags: budget, brussels, talks.")
    found = find_byline(blocks, DEFAULT, 0, url="https://example.com/news/budget")
    assert found is not None and authors_of(found[0]) == ["Jane Roe"]


def test_the_first_author_link_when_no_byline_is_near_the_headline() -> None:
    # The byline sits high over the headline, past the few blocks the near search reads above it.
    menu = "\n\n".join(f"[Section {n}](/section-{n}/)" for n in range(8))
    page = f"By: [ FlowGuard EMEA ](https://www.example.com/blog/author/flowguard-emea) on 4 Aug 2021\n\n{menu}\n\n# Choosing plumbing material\n\n{_LONG}\n"
    doc = clean(page, kind="markdown", url="https://www.example.com/blog/choosing-plumbing-material")
    assert doc.authors == ["FlowGuard EMEA"]
    # Another site's author page is no byline of this page.
    doc = clean(page.replace("https://www.example.com/blog", "https://other.example.org/blog"), kind="markdown",
                url="https://www.example.com/blog/choosing-plumbing-material")
    assert doc.byline is None


def test_an_author_card_when_the_page_names_nobody_else() -> None:
    card = "![Alban Brooke](/img/alban.jpg)\n\n### Alban Brooke\n\nAlban Brooke is the Head of Marketing at Buzzsprout and has recorded 500 episodes."
    doc = clean(f"# Podcast equipment guide\n\n{_LONG}\n\n{card}\n", kind="markdown")
    assert doc.authors == ["Alban Brooke"]
    # A job line under the name does as well as a biography.
    doc = clean(f"# Podcast equipment guide\n\n{_LONG}\n\n![Rachel MacDonald](/img/r.svg)\n\nRachel MacDonald\n\nWriter\n", kind="markdown")
    assert doc.authors == ["Rachel MacDonald"]
    # A team page's cards name several people: none of them is the author.
    other = card.replace("Alban Brooke", "Kevin Finn")
    doc = clean(f"# Podcast equipment guide\n\n{_LONG}\n\n{card}\n\n{other}\n", kind="markdown")
    assert doc.byline is None


def test_a_portrait_whose_alt_text_names_the_line_under_it_is_an_author_card() -> None:
    # The line under the name is neither a job line nor a biography that opens with the name.
    card = "![Picture of Liz Kenny](/img/liz.jpg)\n\n#### Liz Kenny\n\nFormer McKinsey Consultant"
    doc = clean(f"# Pros and cons of consulting\n\n{_LONG}\n\n{card}\n", kind="markdown")
    assert doc.authors == ["Liz Kenny"]
    # The name glued to the job after it, as two links flatten, and no line under it.
    doc = clean(f"# Ergonomic desk setup\n\n{_LONG}\n\n![Mateusz Haberny](/img/m.png)\n\nMateusz HabernyFounder at Oakywood\n", kind="markdown")
    assert doc.authors == ["Mateusz Haberny"]
    # A product's photo over its name: the alt text is a description, not a name.
    doc = clean(f"# Best wines of 2025\n\n{_LONG}\n\n![Gnarly Head Lodi Old Vine Zinfandel 2022](/img/w.jpg)\n\nGnarly Head Lodi Old Vine Zinfandel 2022\n", kind="markdown")
    assert doc.byline is None
    # A hero image over a heading that repeats its alt text, and a teaser's picture over its
    # linked headline and date: no person's mark.
    doc = clean(f"# Our services\n\n{_LONG}\n\n![Interior Design](/img/hero.jpg)\n\n### Interior Design\n\nRooms planned with care\n", kind="markdown")
    assert doc.byline is None
    teaser = "![Happy Thanksgiving](/img/t.jpg)\n\n### [Happy Thanksgiving](/2025/11/27/happy-thanksgiving/)\n\nNovember 27, 2025"
    doc = clean(f"# Hiring trends\n\n{_LONG}\n\n{teaser}\n", kind="markdown")
    assert doc.byline is None


def test_a_section_line_over_the_headline_is_not_a_byline_over_its_date() -> None:
    page = f"[Blog](/blog)\n\nPatient Recruitment\n\n# SEO tips for mental health professionals\n\nAugust 28, 2025\n\n{_LONG}\n"
    doc = clean(page, kind="markdown")
    assert doc.byline is None
    assert doc.date == "2025-08-28"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("03/01/2017 by Agatha Caleo, Candidate Representative to the Candidate Liaison Committee", "Agatha Caleo"),
        ("Authors: Julie Weisenhorn and Natalie Hoidal, Extension horticulture educators", "Julie Weisenhorn"),
        ("By Ask the Doctors", "Ask the Doctors"),
        ("Dec 26, 2025 • Mahua Das in Project Management", "Mahua Das"),
    ],
)
def test_bylines_with_a_role_after_the_name_or_small_words_in_it(line: str, author: str) -> None:
    doc = clean(f"# Candidate experience at two firms\n\n{line}\n\n{_LONG}\n", kind="markdown")
    assert doc.authors and doc.authors[0] == author


def test_no_account_or_staff_link_as_the_byline_of_last_resort() -> None:
    # Far over the headline (past the near search): account menus and team lists, no writers' pages.
    menu = "[My Account](/user/account)\n\n[Faculty Staff](/people/faculty)\n\n[Order Status](/profile/orders)"
    sections = "\n\n".join(f"[Section {n}](/section-{n}/)" for n in range(8))
    doc = clean(f"{menu}\n\n{sections}\n\n# Choosing plumbing material\n\n{_LONG}\n", kind="markdown", url="https://www.example.com/blog/plumbing")
    assert doc.byline is None


def test_the_askers_card_beats_the_editors_card_over_it() -> None:
    # Right under the question both cards are in the near search: the editor's comes first.
    page = (
        "# [DHCP providing IP but not creating DNS A record](/questions/1145952/dhcp)\n\n"
        "[edited Oct 16, 2023 at 12:58](/posts/1145952/revisions)\n\n[Greg Askew](/users/20701/greg-askew)\n\n"
        "asked Oct 16, 2023 at 9:40\n\n[Eduardo Poças](/users/1056448/eduardo-pocas)\n\n" + _LONG + "\n"
    )
    doc = clean(page, kind="markdown", url="https://serverfault.com/questions/1145952/dhcp")
    assert doc.authors == ["Eduardo Poças"]


# --- issue 17: md metadata on unseen pages (s15mdmeta) ------------------------------------------


@pytest.mark.parametrize(
    "byline, authors",
    [
        ("by News Desk", ["News Desk"]),
        ("By The Currency editors", ["The Currency editors"]),
        ("Thread starter Thread starter paulb203", ["paulb203"]),
    ],
)
def test_a_newsroom_or_a_doubled_label_is_a_byline(byline: str, authors: list[str]) -> None:
    blocks = md_blocks(f"# A headline of several words\n\n{byline}\n\n{_LONG}\n")
    found = find_headline(blocks, DEFAULT)
    assert found is not None
    assert find_byline(blocks, DEFAULT, found.anchor) is not None
    assert authors_of(byline) == authors


def test_a_link_to_an_author_slug_page_is_a_byline() -> None:
    line = "[Lifestyle Desk Team](https://example.com/reporter/author-lifestyle-desk-team-4792.cms) / example.in / Updated: Dec 17, 2025"
    doc = clean(f"# A headline of several words\n\n{line}\n\n{_LONG}\n", kind="markdown", url="https://example.com/a/b.cms")
    assert doc.authors == ["Lifestyle Desk Team"]


def test_a_ruled_line_right_under_the_headline_may_be_its_byline() -> None:
    # The glued-category rule drops "InstaTunnel Team" (a camel-cased brand), yet it names the authors.
    doc = clean(f"# Windows LDAP crash explained today\n\nInstaTunnel Team\n\n{_LONG}\n", kind="markdown")
    assert doc.authors == ["InstaTunnel Team"]


def test_a_line_of_category_links_is_no_byline() -> None:
    line = "[Sides](https://example.com/category/recipes/sides/), [Sourdough](https://example.com/category/recipes/sourdough/) · December 9, 2021"
    doc = clean(f"{line}\n\n# How to make sourdough bread\n\n{_LONG}\n", kind="markdown", url="https://example.com/sourdough-bread/")
    assert doc.byline is None
    topics = "[HR Strategy](/resources/blog/?content_topic=906)"
    doc = clean(f"# Paid time off policies and benefits\n\n{topics}\n\n{_LONG}\n", kind="markdown")
    assert doc.byline is None


def test_an_author_link_before_the_posts_date_is_the_byline_of_last_resort() -> None:
    credit = "[Garden](/farm-blog/category/garden)[annette thurmon](/farm-blog?author=59a45a4e579f)June 17, 2021[pest control](/farm-blog/tag/pest)"
    doc = clean(f"# My top herbs for the garden\n\n{_LONG}\n\n{_LONG}\n\n{credit}\n", kind="markdown", url="https://example.com/farm-blog/herbs")
    assert doc.authors == ["annette thurmon"]
    # Without the date after it, the link alone is no credit line.
    doc = clean(f"# My top herbs for the garden\n\n{_LONG}\n\n{_LONG}\n\n{credit.replace('June 17, 2021', ' ')}\n", kind="markdown")
    assert doc.byline is None


def test_a_by_line_far_above_the_headline_when_none_is_below() -> None:
    menu = "\n\n".join(f"[Section {n}](/section-{n}/)" for n in range(8))
    doc = clean(f"# [Lessons Learned](https://www.example.com/)\n\nby Eric Ries\n\n{menu}\n\n### The lean startup\n\n{_LONG}\n", kind="markdown")
    assert doc.authors == ["Eric Ries"]
    # One below the headline comes first.
    doc = clean(f"# [Lessons Learned](https://www.example.com/)\n\nby Eric Ries\n\n{menu}\n\n### The lean startup\n\n{_LONG}\n\nWritten by Jane Doe\n", kind="markdown")
    assert doc.authors == ["Jane Doe"]
    # A menu's label, printed again in a second copy of the menu, is no byline.
    page = f"Solutions\n\nBy Event Type\n\n{menu}\n\nSolutions\n\nBy Event Type\n\n{menu}\n\n### The lean startup\n\n{_LONG}\n"
    assert clean(page, kind="markdown").byline is None


def test_a_relative_link_with_the_pages_query_links_to_itself() -> None:
    url = "https://forum.example.org/forum/viewtopic.php?t=425337"
    heading = "## [Investment strategy review request](./viewtopic.php?t=425337&sid=e1852c74950c)"
    blocks = md_blocks(f"{heading}\n\n{_LONG}\n")
    found = find_headline(blocks, DEFAULT, url)
    assert found is not None and found.title == "Investment strategy review request"
    # A link to another post of the same script is a teaser.
    blocks = md_blocks(f"{heading.replace('t=425337', 'p=7732260')}\n\n{_LONG}\n")
    found = find_headline(blocks, DEFAULT, url)
    assert found is None or found.title != "Investment strategy review request"


def test_a_byline_split_over_lines_names_every_author() -> None:
    page = f"# Best online programs\n\nBy \n\nThomas Broderick\n\n, \n\nNalea Ko\n\n, and \n\nACO Rankings Team\n\n{_LONG}\n"
    doc = clean(page, kind="markdown")
    assert doc.byline == "By Thomas Broderick, Nalea Ko, and ACO Rankings Team"


def test_the_writers_part_of_a_credit_line_that_opens_with_a_reviewer() -> None:
    line = "Medically reviewed by Kim Rose-Francis RDN, CDCES, LD — Written by Jillian Kubala, MS, RD — Updated on March 7, 2025"
    doc = clean(f"# A guide to a plant-based diet\n\n{line}\n\n{_LONG}\n", kind="markdown")
    assert doc.authors == ["Jillian Kubala"]


def test_whom_a_writer_speaks_for_is_no_part_of_the_name() -> None:
    line = "Dec. 19, 2025 · Niko Matsakis on behalf of [Vision Doc group](https://example.org/governance/teams)"
    doc = clean(f"# What do people love about Rust?\n\n{line}\n\n{_LONG}\n", kind="markdown")
    assert doc.authors == ["Niko Matsakis"]


def test_a_platforms_name_on_a_profile_link_is_no_author() -> None:
    line = "[Mastodon](https://social.example/@cory)"
    doc = clean(f"# A brief intro to git\n\n{line}\n\n{_LONG}\n", kind="markdown")
    assert doc.byline is None


@pytest.mark.parametrize(
    "label",
    ["Share the post", "Item added to your cart", "Related Products", "Follow the author",
     "Search code, repositories, users, issues, pull requests..."],
)
def test_a_widgets_label_is_no_headline(label: str) -> None:
    text = f"# {label}\n\nMenu\n\nThe Quiet Return of the Ferry Service\n\n{GOOD_1}\n\n{GOOD_2}\n"
    found = find_headline(md_blocks(text), DEFAULT)
    assert found is not None and found.title == "The Quiet Return of the Ferry Service"


def test_a_breadcrumb_heading_is_no_headline_and_a_title_label_is_left_out() -> None:
    text = (
        "# Computer Science > Artificial Intelligence\n\n[Submitted on 18 Dec 2025]\n\n"
        f"# Title:Merging Language Models with Geometric Constraints\n\n{GOOD_1}\n\n{GOOD_2}\n"
    )
    found = find_headline(md_blocks(text), DEFAULT)
    assert found is not None and found.title == "Merging Language Models with Geometric Constraints"


def test_a_level_two_heading_right_under_a_books_name_is_the_headline() -> None:
    text = (
        "# The Rust Programming Language\n\n[ ](print.html \"Print this book\")\n\n"
        f"## What Is Ownership?\n\n{GOOD_1}\n\n{GOOD_2}\n"
    )
    url = "https://doc.example.org/book/ch04-01-what-is-ownership.html"
    found = find_headline(md_blocks(text), DEFAULT, url)
    assert found is not None and found.title == "What Is Ownership?"
    off = Settings(headline_h2_under_h1_max_between=-1)
    found = find_headline(md_blocks(text), off, url)
    assert found is not None and found.title == "The Rust Programming Language"
    # A standfirst under the headline that the URL does not name leaves the headline alone.
    found = find_headline(md_blocks(text), DEFAULT, "https://doc.example.org/book/ch04-01.html")
    assert found is not None and found.title == "The Rust Programming Language"


def test_a_heading_printed_as_a_title_loses_the_sites_name() -> None:
    text = f"# Budget talks collapse in Brussels | Example Times\n\n{GOOD_1}\n\n{GOOD_2}\n"
    found = find_headline(md_blocks(text), DEFAULT, "https://www.exampletimes.com/2025/03/02/budget-talks/")
    assert found is not None and found.title == "Budget talks collapse in Brussels"


# --- lines of a template: cards' credits, a list's items, a table's dated rows ------------------

_CARDS = [("The Best Monitor Arms", "Arriana Vasquez"), ("The Best Ergonomic Keyboard", "Dave Gershgorn"), ("The Best Phone Tripod", "Phil Ryan")]


def _cards_page(names: list[str]) -> list[Block]:
    cards = "\n\n".join(f"## {title}\n\nby {name}\n\n{BODY}" for (title, _), name in zip(_CARDS, names))
    return md_blocks("# Electronics\n\nOur reviews of the gear you use every day.\n\nSee all reviews\n\n" + cards)


def test_card_credits_naming_several_people_are_no_byline() -> None:
    # Each card of a review listing credits its writer. Taken as the byline, one credit was
    # dropped, and each reading of the cleaned text took the next card's (wcxb-dev w2934).
    blocks = _cards_page([name for _, name in _CARDS])
    assert find_byline(blocks, DEFAULT, 0) is None
    assert all(b.drop is None for b in blocks)
    # One writer's cards, or two writers: no template of credits yet, the first is the byline.
    for names in (["Arriana Vasquez"] * 3, ["Arriana Vasquez", "Dave Gershgorn", "Arriana Vasquez"]):
        found = find_byline(_cards_page(names), DEFAULT, 0)
        assert found is not None and found[0] == "by Arriana Vasquez"


def test_a_card_credit_right_by_the_headline_is_the_byline() -> None:
    teasers = "\n\n".join(f"## {title}\n\nby {name}" for title, name in _CARDS)
    blocks = md_blocks(f"# Council votes on the budget\n\nBy Jane Roe\n\n{BODY}\n\n## More stories\n\n{teasers}")
    found = find_byline(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "By Jane Roe"
    # Over the headline too ("by Linda Rosencrance" over "11 go-to podcasts ...", wcxb-dev w4377).
    blocks = md_blocks(f"By Jane Roe\n\n# Council votes on the budget\n\n{BODY}\n\n## More stories\n\n{teasers}")
    found = find_byline(blocks, DEFAULT, 1)
    assert found is not None and found[0] == "By Jane Roe"


_PLANS = "\n\n".join(f"Free {weeks} Week {level} Marathon Training Plan" for weeks in (6, 7, 8) for level in ("Beginner", "Advanced"))


def test_a_list_of_one_templates_lines_is_no_title_or_headline() -> None:
    # A text capture's first line is its <title>; a cleaned text's first line may open a list
    # ("Free 6 Week ...", "Free 7 Week ..."). Taken as the <title> or as a headline over the
    # body, a line was dropped, and each reading of the cleaned text took the next (wcxb-dev w4116).
    blocks = txt_blocks(f"{_PLANS}\n\n{BODY}\n\n{GOOD_1}")
    found = find_headline(blocks, DEFAULT)
    assert found is None or "Marathon Training Plan" not in found.title
    assert all(b.drop is None for b in blocks if "Marathon" in b.text)
    doc = clean(f"{_PLANS}\n\n{BODY}\n\n{GOOD_1}", kind="text")
    assert clean(doc.text, kind="text").text == doc.text


def test_a_title_line_printed_three_times_is_still_the_title() -> None:
    # The same line three times is one line, not a template.
    blocks = txt_blocks(f"Budget Talks Collapse In Brussels\n\nBudget Talks Collapse In Brussels\n\nBudget Talks Collapse In Brussels\n\n{BODY}")
    found = find_headline(blocks, DEFAULT)
    assert found is not None and found.title == "Budget Talks Collapse In Brussels"


def test_a_tables_dated_rows_give_no_date() -> None:
    # "2/1/2013 +13.1%": a table's row printed as a line. Taken as the page's date, the first
    # row was dropped, and each reading of the cleaned text took the next (wcxb-dev w0243.txt).
    rows = "\n\n".join(f"{month}/1/2013 +{month + 3}.{month}%" for month in range(1, 7))
    blocks = md_blocks(f"# Home prices over time\n\n{BODY}\n\n{rows}")
    assert find_date(blocks, DEFAULT, 0) is None
    assert all(b.drop is None for b in blocks)
    # The page's own date line still counts, and dates alone on their lines are no rows.
    blocks = md_blocks(f"# Home prices over time\n\nPublished March 3, 2024\n\n{BODY}\n\n{rows}")
    found = find_date(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "2024-03-03"
    blocks = md_blocks("# Home prices over time\n\nMarch 3, 2024\n\n" + BODY + "\n\nMarch 1, 2024\n\nMarch 2, 2024\n\nMarch 4, 2024")
    found = find_date(blocks, DEFAULT, 0)
    assert found is not None and found[0] == "2024-03-03"


def test_a_page_with_a_table_of_dated_rows_is_idempotent() -> None:
    # The cleaned text of a page with a table printed row by row: each reading took the first row
    # as the page's date, or peeled the edge row off the table (wcxb-dev w0243 md and txt).
    rows = "\n\n".join(f"{month}/1/{year}| {'+' if (month + year) % 3 else '-'}{month % 9 + 1}.{year % 10}%" for year in (2013, 2014, 2015) for month in range(1, 13))
    page = f"Home prices over time\n\n{GOOD_1}\n\n{GOOD_2}\n\nHome sale prices by month\n\n{rows}\n\n{GOOD_3}"
    for kind in ("text", "markdown"):
        doc = clean(page, kind=kind)
        assert "1/1/2013|" in doc.text and "12/1/2015|" in doc.text and doc.date is None
        assert clean(doc.text, kind=kind).text == doc.text
