"""Tell HTML, markdown and plain text apart from the first few kilobytes."""
from __future__ import annotations

import re
from itertools import islice

HTML = "html"
MARKDOWN = "markdown"
TEXT = "text"
KINDS = (HTML, MARKDOWN, TEXT)

# A comment's body cannot contain "-->": with `.*?` one comment could swallow the next, and
# a head of 2,000 comments not followed by <html> backtracked exponentially (a hang).
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TAG = re.compile(r"</?(?:div|p|span|a|meta|script|table|li|ul|br|img|section|article|header|footer)\b[^>]*>", re.I)
# A link target stops at "]": scanning to the end of the line from every "](" was quadratic.
# A heading is a short line: "# " before a long one opens a code comment run into one line
# (cleaned text of a tutorial's code: wcxb-dev w0708.txt read back as markdown). 200
# characters: 98% of the 34,418 heading lines of both corpora's md captures are shorter (the
# longer hold link targets); with the bound every md capture keeps its kind, and two txt
# captures (w2859, w2871) that read as markdown read as text.
_MD_SIGNS = re.compile(
    r"^#{1,6} \S[^\n]{0,200}$|\]\([^)\s\]]*\)|^\s*[*+-] \[|^\s*> |^```|^\s*\|.*\|\s*$|\*\*\S",
    re.M,
)
# Each sign needs one of these: a text with none (most plain text) skips the scan.
_MD_MARKS = ("#", "[", "](", ">", "```", "|", "**")
_SAMPLE_CHARS = 20_000
_MIN_HTML_TAGS = 5  # a text capture may quote a tag or two
# A fragment without <html> is markup only where tags run through it: in a text capture that
# quotes a page's code (a "republish this story" box, a tutorial's examples) few lines carry a
# tag. Share of the head's non-blank lines with a tag: 0.34 and 0.69 on the two HTML captures of
# both corpora that open without <html>; at most 0.18 on the 36 md and txt captures that the tag
# count alone took for HTML (wcxb-dev w0672.md), and cleaned text that quotes tags read as HTML
# lost all its paragraphs when cleaned again (wcxb-dev w0174.txt: 37 lines -> 1).
_MIN_HTML_TAG_LINE_SHARE = 0.25
# Such a fragment also opens with a tag (both corpora's two open with <script> and <style>):
# cleaned text whose code block quotes markup opens with prose, and read as HTML when it
# was cleaned again it lost that prose (wcxb-dev w0678.md: 70 lines -> 1).
_LEADING = "\ufeff \t\r\n"
_DATA_URI = re.compile(r"data:[\w.+/-]{1,100};base64,[A-Za-z0-9+/=\s]*")
# How far past data: URIs the head may reach (a quarter of a megabyte is read, not parsed).
_DATA_URI_WINDOW_CHARS = 250_000
_MIN_MD_SIGNS = 2  # one "## " line could be a hashtag; two signs make markdown


def detect_kind(text: str) -> str:
    head = text[:_SAMPLE_CHARS]
    if "base64," in head:
        # An inlined image (a logo as a data: URI) can fill the whole head of a markdown
        # capture: read past it, as far as a bounded window allows.
        head = _DATA_URI.sub("", text[: _DATA_URI_WINDOW_CHARS])[:_SAMPLE_CHARS]
    if _HTML_START.match(head) or (
        head.lstrip(_LEADING).startswith("<") and len(_HTML_TAG.findall(head)) >= _MIN_HTML_TAGS and _tag_line_share(head) >= _MIN_HTML_TAG_LINE_SHARE
    ):
        return HTML
    # Only whether there are enough signs matters: the scan stops there (a full findall over
    # the head was most of detect_kind's time, which the settling readings pay again).
    if any(mark in head for mark in _MD_MARKS) and sum(1 for _ in islice(_MD_SIGNS.finditer(head), _MIN_MD_SIGNS)) >= _MIN_MD_SIGNS:
        return MARKDOWN
    return TEXT


def _tag_line_share(head: str) -> float:
    """The share of the non-blank lines that carry a tag."""
    lines = [line for line in head.splitlines() if line.strip()]
    return sum(1 for line in lines if _HTML_TAG.search(line)) / len(lines) if lines else 0.0
