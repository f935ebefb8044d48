"""Tell HTML, markdown and plain text apart from the first few kilobytes."""
from __future__ import annotations

import re

HTML = "html"
MARKDOWN = "markdown"
TEXT = "text"
KINDS = (HTML, MARKDOWN, TEXT)

# A comment's body cannot contain "-->": with `.*?` one comment could swallow the next, and
# a head of 2,000 comments not followed by <html> backtracked exponentially (a hang).
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TAG = re.compile(r"</?(?:div|p|span|a|meta|script|table|li|ul|br|img|section|article|header|footer)\b[^>]*>", re.I)
# A link target stops at "]": scanning to the end of the line from every "](" was quadratic.
_MD_SIGNS = re.compile(
    r"^#{1,6} \S|\]\([^)\s\]]*\)|^\s*[*+-] \[|^\s*> |^```|^\s*\|.*\|\s*$|\*\*\S",
    re.M,
)
# Each sign needs one of these: a text with none (most plain text) skips the scan.
_MD_MARKS = ("#", "[", "](", ">", "```", "|", "**")
_SAMPLE_CHARS = 20_000
_MIN_HTML_TAGS = 5  # a text capture may quote a tag or two
_MIN_MD_SIGNS = 2  # one "## " line could be a hashtag; two signs make markdown


def detect_kind(text: str) -> str:
    head = text[:_SAMPLE_CHARS]
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= _MIN_HTML_TAGS:
        return HTML
    if any(mark in head for mark in _MD_MARKS) and len(_MD_SIGNS.findall(head)) >= _MIN_MD_SIGNS:
        return MARKDOWN
    return TEXT
