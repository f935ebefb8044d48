"""cleaner.text.meta: headline, standfirst, byline and authors, dateline, date and site from plain lines."""
from __future__ import annotations

import pytest

from cleaner.model import Block, BlockKind, DropSource
from cleaner.settings import DEFAULT, Settings
from cleaner.text.meta import authors_of, find_byline, find_date, find_dateline, find_site, find_subtitle, find_title

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


@pytest.mark.parametrize("byline, authors", [("BY MARY-KATE OLSEN", ["Mary-Kate Olsen"]), ("BY JOHN O'NEIL", ["John O'Neil"])])
def test_authors_of_caps_names_with_hyphen_or_apostrophe(byline: str, authors: list[str]) -> None:
    assert authors_of(byline) == authors


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
    assert find_title([teaser], DEFAULT) is None


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
    blocks = [block(BODY, 1), block("Late Heading Far Below", 50, BlockKind.HEADING, level=1)]
    assert find_title(blocks, Settings(meta_window_lines=40)) is None
    assert find_title(blocks, Settings(meta_window_lines=60)) is not None


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
