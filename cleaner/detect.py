"""Tell HTML, markdown and plain text apart from the first few kilobytes."""
from __future__ import annotations

import re

HTML = "html"
MARKDOWN = "markdown"
TEXT = "text"
KINDS = (HTML, MARKDOWN, TEXT)

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAG = re.compile(r"</?(?:div|p|span|a|meta|script|table|li|ul|br|img|section|article|header|footer)\b[^>]*>", re.I)
_MD_SIGNS = re.compile(
    r"^#{1,6} \S|\]\([^)\s]*\)|^\s*[*+-] \[|^\s*> |^```|^\s*\|.*\|\s*$|\*\*\S",
    re.M,
)
_SAMPLE_CHARS = 20_000
_MIN_HTML_TAGS = 5  # a text capture may quote a tag or two
_MIN_MD_SIGNS = 2  # one "## " line could be a hashtag; two signs make markdown


def detect_kind(text: str) -> str:
    head = text[:_SAMPLE_CHARS]
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= _MIN_HTML_TAGS:
        return HTML
    if len(_MD_SIGNS.findall(head)) >= _MIN_MD_SIGNS:
        return MARKDOWN
    return TEXT
