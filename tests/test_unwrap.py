"""Hard-wrapped captures: the width is found and the wrapped paragraphs joined."""
from __future__ import annotations

import textwrap

from cleaner import clean
from cleaner.model import BlockKind
from cleaner.settings import DEFAULT
from cleaner.text.segment import segment
from cleaner.text.unwrap import unwrap, wrap_width

PARAGRAPHS = [
    "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2030, "
    "after a debate that ran late into the night and drew hundreds of residents to the town hall.",
    "Supporters said the extension would cut commuting times in half for thousands of residents "
    "who now spend more than an hour a day on crowded buses along the ring road.",
    "Opponents argued that the money would be better spent on repairing the existing bus network, "
    "which has suffered from years of neglect and a shortage of drivers since the pandemic.",
    "The project is expected to cost about 400 million and will be funded partly by the region "
    "and partly by a loan from the national investment bank, officials said on Wednesday.",
]


def _wrapped(paragraphs: list[str], width: int = 78) -> str:
    # As html2text wraps by default: textwrap, long words left whole.
    return "\n\n".join("\n".join(textwrap.wrap(p, width, break_long_words=False)) for p in paragraphs) + "\n"


def test_a_wrapped_capture_reads_one_block_a_paragraph() -> None:
    text = _wrapped(PARAGRAPHS)
    assert wrap_width(text.split("\n"), DEFAULT) is not None
    blocks = segment(text, markdown=True)
    assert [b.text for b in blocks] == PARAGRAPHS
    # Each block still names the capture's own lines: the first paragraph's three.
    assert (blocks[0].start, blocks[0].end) == (1, 3)
    assert blocks[1].start == 5


def test_an_unwrapped_capture_is_left_as_it_is() -> None:
    text = "\n\n".join(PARAGRAPHS) + "\n"
    assert unwrap(text.split("\n"), DEFAULT) is None
    lines = ["Home", "News", "Sport", *PARAGRAPHS]  # a menu line by line, then long paragraphs
    assert wrap_width(lines, DEFAULT) is None


def test_a_link_and_a_hyphenated_word_split_by_the_wrap_are_whole_again() -> None:
    para = (
        "The mayor's well-known plan, published in a report on the council's website this "
        "week, is set out in full [in the council's transport strategy](https://example.org/"
        "transport/strategy-2030-northern-suburbs-tram-extension) and runs to 300 pages."
    )
    text = _wrapped([*PARAGRAPHS, para])
    blocks = segment(text, markdown=True)
    last = blocks[-1]
    assert "well-known" in last.text
    assert last.links == 1
    assert "in the council's transport strategy" in last.text
    assert "https://example.org/transport/strategy-2030-northern-suburbs-tram-extension" in last.markdown


def test_a_wrapped_quote_is_one_quote() -> None:
    # html2text opens each wrapped line of a quote with "> " again.
    quote = textwrap.wrap("> " + PARAGRAPHS[1], 78, break_long_words=False, subsequent_indent="> ")
    text = _wrapped(PARAGRAPHS) + "\n" + "\n".join(quote) + "\n"
    blocks = segment(text, markdown=True)
    assert len(quote) > 1
    assert blocks[-1].kind is BlockKind.QUOTE
    assert blocks[-1].text == PARAGRAPHS[1]


def test_lines_the_writer_ended_stay_apart() -> None:
    # An address, a hard break (two spaces), a list and a heading in a wrapped capture.
    address = ["City Hall", "1 Market Square", "Springfield"]
    text = _wrapped(PARAGRAPHS) + "\n" + "\n".join(address) + "\n\nA line that ends in a hard break  \nand the line after it.\n\n"
    text += "## Next steps\n* Consultation opens in May\n* Work starts in 2026\n"
    blocks = segment(text, markdown=True)
    texts = [b.text for b in blocks]
    assert texts[4:7] == address
    assert "A line that ends in a hard break" in texts[7] and texts[8] == "and the line after it."
    assert [b.kind for b in blocks[-3:]] == [BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]


def test_code_in_a_fence_is_never_joined() -> None:
    # A code line as long as a wrapped one, and a next line whose first word would not
    # have fitted on it.
    line = "total = compute_the_total_of_everything(first_value, second_value) + 1"
    code = ["```", line, "print_the_total(total)", "```"]
    text = _wrapped(PARAGRAPHS) + "\n" + "\n".join(code) + "\n"
    blocks = segment(text, markdown=True)
    assert blocks[-1].kind is BlockKind.CODE
    assert blocks[-1].text.split("\n") == [line, "print_the_total(total)"]


def test_cleaning_a_wrapped_capture_gives_the_unwrapped_text() -> None:
    menu = "[Home](/) [News](/news) [Sport](/sport) [Weather](/weather)\n\n"
    wrapped = clean(menu + "# Tram line to be extended\n\n" + _wrapped(PARAGRAPHS), kind="markdown")
    flat = clean(menu + "# Tram line to be extended\n\n" + "\n\n".join(PARAGRAPHS) + "\n", kind="markdown")
    assert wrapped.text == flat.text
    assert PARAGRAPHS[0] in wrapped.text
