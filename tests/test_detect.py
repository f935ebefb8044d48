"""cleaner.detect: html | markdown | text from the first few kilobytes."""
from __future__ import annotations

import pytest

from cleaner.detect import HTML, MARKDOWN, TEXT, detect_kind


@pytest.mark.parametrize(
    "capture",
    [
        "<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi</p></body></html>",
        "<html lang='en'>\n<body>Only a body</body></html>",
        "  \n<!-- saved from url=(0042)https://example.com -->\n<html><body>x</body></html>",
        "<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html>\n<html></html>",
        # A fragment without <html>: enough tags to be markup.
        "<div class='a'><p>One</p><p>Two</p><span>x</span><a href='/y'>y</a><br></div>",
    ],
    ids=["doctype", "html-tag", "comment-first", "xml-prolog", "fragment"],
)
def test_html(capture: str) -> None:
    assert detect_kind(capture) == HTML


@pytest.mark.parametrize(
    "capture",
    [
        "# Title\n\nSome text with a [link](https://a.b) here.\n\n## Section\n\nMore text.",
        "Read [this](https://a.b) and then [that](https://c.d) before the vote.",
        "* [Home](/)\n* [News](/news)\n* [Sport](/sport)\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "```\ncode here\n```\nAnd a **bold** remark after it.",
        "# One\n\n## Two\n",
    ],
    ids=["headings-and-links", "two-links", "link-list", "table", "fence-and-bold", "two-headings"],
)
def test_markdown(capture: str) -> None:
    assert detect_kind(capture) == MARKDOWN


@pytest.mark.parametrize(
    "capture",
    [
        "Just some plain text.\n\nAnother paragraph here, with no markup at all.",
        # One mention of a tag is a text capture talking about HTML, not HTML.
        "To center it, wrap the image in a <div> tag and set the margin.\nThat is all there is to it.",
        # A single "# " line could be a hashtag or a numbered note: one sign is not enough.
        "# hashtag line\nplain text afterwards.\n",
        "",
        "서울 시장 선거 결과가 발표되었습니다.\n\n투표율은 높았습니다.",
        # A story that quotes its own "republish" code: five tags, all on one line of many.
        "A headline\n\nThe first paragraph of the story.\n\nThe second paragraph.\n\nThe third.\n\n"
        '<p>This <a href="/s">story</a> first ran on <a href="/">the site</a>.<img src="/t.gif"></p>\n\nThe end.',
        # A tutorial whose code block is mostly markup: its lines carry tags, but the text
        # opens with prose, as cleaned text that quotes a page's code does.
        "Run the code\n\nStart the server with:\n\n"
        + "".join(f'    <span style="color:#{i}">step {i}</span> <a href="/d{i}">docs</a>\n' for i in range(8)),
    ],
    ids=["plain", "mentions-div", "one-hash-line", "empty", "korean", "quotes-a-tag-line", "code-block-of-tags"],
)
def test_text(capture: str) -> None:
    assert detect_kind(capture) == TEXT


def test_html_wins_over_markdown_signs() -> None:
    page = "<html><body>\n# Not a heading\n[x](https://a.b) and [y](https://c.d)\n</body></html>"
    assert detect_kind(page) == HTML



def test_markdown_after_an_inlined_image_that_fills_the_head() -> None:
    # A logo inlined as a data: URI longer than the sample used to hide every sign.
    logo = "[ ![Institute](data:image/svg+xml;base64," + "PD94bWwgdmVyc2lvbj0iMS4w" * 1500 + ") ](/)\n\n"
    capture = logo + "# The headline\n\nSome text with [a link](https://example.com/a).\n\n> A quote.\n"
    assert detect_kind(capture) == "markdown"


def test_code_comments_run_into_long_lines_are_no_headings() -> None:
    # Cleaned text of a tutorial: each code sample is one long line that opens with "# ".
    code = "# Download the helper library import os " + "client = Client(sid, token) " * 10
    text = f"Send a message with the API.\n\n{code}\n\nOr in Ruby:\n\n{code}\n"
    assert detect_kind(text) == TEXT
    assert detect_kind("# Send a message\n\nText.\n\n## In Ruby\n\nMore text.\n") == MARKDOWN
