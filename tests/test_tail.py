"""The article's end in flattened captures: the author box under the article."""
from __future__ import annotations

from cleaner.model import Block, BlockKind
from cleaner.settings import DEFAULT
from cleaner.text.tail import AUTHOR_BOX, cut_author_box

ARTICLE = [
    "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2030.",
    "Supporters said the extension would cut commuting times in half for thousands of residents.",
    "Opponents argued that the money would be better spent on repairing the existing bus network.",
    "The project is expected to cost about 400 million and will be funded partly by the region.",
]


def _blocks(lines: list[str]) -> list[Block]:
    return [Block(BlockKind.PARAGRAPH, text, text, i + 1, i + 1) for i, text in enumerate(lines)]


def _kept(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if b.drop is None]


def test_an_author_box_under_the_article_goes_with_its_name_line_and_the_rest() -> None:
    bio = "Jane Doe is a reporter who covers transport and city politics for the paper."
    blocks = _blocks([*ARTICLE, "Jane Doe", bio, "More from Jane"])
    cut_author_box(blocks, ["Jane Doe"], DEFAULT)
    assert _kept(blocks) == ARTICLE
    assert blocks[-1].drop is AUTHOR_BOX


def test_a_bio_by_first_name_alone_is_an_author_box() -> None:
    bio = "Jane has written about transport for ten years and lives by the old harbour."
    blocks = _blocks([*ARTICLE, bio])
    cut_author_box(blocks, ["Jane Doe"], DEFAULT)
    assert _kept(blocks) == ARTICLE


def test_the_author_named_in_the_article_body_is_no_box() -> None:
    # Early in the text (a profile's lead), or opened by a quote: the article's own prose.
    lead = "Jane Doe has spent a decade campaigning for the tram line she now sees approved."
    quote = "“Jane, the vote is in,” her colleague said as the council chamber emptied out."
    blocks = _blocks([lead, *ARTICLE, quote])
    cut_author_box(blocks, ["Jane Doe"], DEFAULT)
    assert _kept(blocks) == [lead, *ARTICLE, quote]


def test_an_author_that_is_no_name_cuts_nothing() -> None:
    line = "Staff writers at the desk gather reports from across the region every day."
    blocks = _blocks([*ARTICLE, line])
    cut_author_box(blocks, ["Staff"], DEFAULT)
    assert _kept(blocks) == [*ARTICLE, line]


def test_a_name_the_article_already_uses_is_no_author() -> None:
    # A brand read as the byline ("Method Architecture"): the article names it throughout.
    lines = [f"Method {line[0].lower()}{line[1:]}" for line in ARTICLE]
    closing = "Method has also opened a second studio, where the same team works on housing."
    blocks = _blocks([*lines, closing])
    cut_author_box(blocks, ["Method Architecture"], DEFAULT)
    assert _kept(blocks) == [*lines, closing]


def test_a_box_with_much_of_the_article_under_it_goes_alone() -> None:
    bio = "Jane Doe is a reporter who covers transport and city politics for the paper."
    rest = ["The second phase of the plan covers the eastern districts and the airport link."] * 3
    blocks = _blocks([*ARTICLE, "Jane Doe", bio, *rest])
    cut_author_box(blocks, ["Jane Doe"], DEFAULT)
    assert _kept(blocks) == [*ARTICLE, *rest]


def test_the_name_line_over_a_role_line_goes_with_the_box() -> None:
    bio = "Jane has written about transport for ten years and lives by the old harbour."
    blocks = _blocks([*ARTICLE, "Staff Writer", "Jane Doe", "Staff Writer", bio])
    cut_author_box(blocks, ["Jane Doe"], DEFAULT)
    assert _kept(blocks) == [*ARTICLE, "Staff Writer"]


def test_a_box_headed_by_a_label_and_the_name_goes_in_any_language() -> None:
    # The heading names the author after a label in the page's language; the bio does not
    # open with the name, and the article may name its own author.
    lead = "Die Redaktion von Jane Doe hat die Pläne der Stadt über Monate verfolgt und geprüft."
    bio = "Als Reporterin für Verkehr schreibt Jane Doe seit zehn Jahren über die Stadtpolitik."
    blocks = _blocks([lead, *ARTICLE, "Über Jane Doe", bio])
    cut_author_box(blocks, ["Jane Doe"], DEFAULT)
    assert _kept(blocks) == [lead, *ARTICLE]
    assert blocks[-2].drop is AUTHOR_BOX


def test_a_heading_that_ends_in_the_byline_is_no_box_label() -> None:
    # A Title Case section heading ending in a brand read as the byline, and a label whose
    # next paragraph is not about the author: the article's own.
    brand = "Shopping Smart with Acme Deals"
    about = "When it comes to cheap laptops, Acme Deals compares prices across many shops."
    label = "About Jane Doe"
    other = "The tram line will also serve the hospital and the university on the north side."
    blocks = _blocks([*ARTICLE, brand, about, label, other])
    cut_author_box(blocks, ["Acme Deals", "Jane Doe"], DEFAULT)
    assert _kept(blocks) == [*ARTICLE, brand, about, label, other]
