"""Kept Blocks -> the plain `text` and the `markdown` body."""
from __future__ import annotations

import re

from .model import Block, BlockKind

# --- text from HTML, as markdown ------------------------------------------------------------
# The page showed these characters as text ("&lt;script&gt;" is the text "<script>"); in
# markdown they would be markup, raw HTML included, so they are escaped. CommonMark reads a
# backslash before any ASCII punctuation as that character.
# Found, then escaped: most lines hold none of them, and a str.translate to two-character
# strings took 7 times as long over bench's text lines.
_INLINE_ESCAPE = re.compile(r"[\\`*_\[\]<>]")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")  # "&amp;" as text would render as "&"
_LINE_START = re.compile(r"[#+=|~-]|\d{1,9}(?=[.)](?:\s|$))")  # a heading, list, table, fence or rule marker
_TARGET_UNSAFE = re.compile(r"[\s<>\\`\"]")


def escape_markdown(text: str) -> str:
    """Text as markdown that renders as the same text (within a line)."""
    if _INLINE_ESCAPE.search(text):
        text = _INLINE_ESCAPE.sub(r"\\\g<0>", text)
    return _ENTITY.sub("\\\\&", text) if "&" in text else text


def escape_line_start(md: str) -> str:
    """Escape what would make a line (already inline-escaped) a heading, a list item, a table row."""
    m = _LINE_START.match(md)
    if m is None:
        return md
    if m.group(0)[0].isdigit():  # "1. " opens a list: escape the dot
        return md[: m.end()] + "\\" + md[m.end() :]
    return "\\" + md


def markdown_line(text: str) -> str:
    """A paragraph of plain text from HTML, as markdown."""
    return escape_line_start(escape_markdown(text))


def markdown_target(url: str) -> str:
    """A link target that cannot end the link early or open markup: spaces, angle brackets,
    quotes and backslashes percent-encoded, and parentheses too unless they pair up."""
    url = _TARGET_UNSAFE.sub(lambda m: f"%{ord(m.group(0)):02X}", url)
    depth = 0
    for c in url:
        depth += 1 if c == "(" else -1 if c == ")" else 0
        if depth < 0:
            break
    if depth != 0:
        url = url.replace("(", "%28").replace(")", "%29")
    return url


def code_span(code: str) -> str:
    """`code`, fenced by more backticks than any run inside it."""
    fence = "`" * (max(map(len, re.findall("`+", code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def code_block(code: str) -> str:
    fence = "`" * max(3, max(map(len, re.findall("`+", code)), default=0) + 1)
    return f"{fence}\n{code}\n{fence}"


def to_text(blocks: list[Block]) -> str:
    """Paragraphs separated by one blank line; headings on their own lines; no markup. A
    table's rows (a code block's lines) are paragraphs of their own too: that is how the
    text reads back as a capture, so cleaning it again gives the same text."""
    indent = code_indented(blocks)
    return "\n\n".join(line for b in blocks if b.drop is None and b.text for line in text_lines(b, indent))


def code_indented(blocks: list[Block]) -> bool:
    """Whether `text` writes code blocks indented: only beside other text, since a text
    all of whose lines are indented reads back as plain lines (segment.py)."""
    return any(b.drop is None and b.text and b.kind is not BlockKind.CODE for b in blocks)


def text_lines(block: Block, indent_code: bool = True) -> list[str]:
    """The paragraphs a block gives in `text`: one, or one per row of a table. A code
    block is one paragraph of lines indented by four spaces, which reads back as code
    (without indent_code, one paragraph per line)."""
    if block.kind is BlockKind.CODE and indent_code:
        # Trailing spaces go: an indented block's lines read back without them.
        return ["\n".join("    " + line.rstrip() for line in block.text.split("\n") if line.strip())]
    if "\n" not in block.text:
        return [block.text]
    return [line for line in block.text.split("\n") if line.strip()]


def to_markdown(blocks: list[Block]) -> str:
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if block.drop is not None or not block.text:
            continue
        md = block.markdown
        if block.kind is BlockKind.HEADING and not md.startswith("#"):
            md = "#" * max(2, block.level or 2) + " " + md
        # list items of one list stay together
        sep = "\n" if previous is not None and previous.kind is block.kind is BlockKind.LIST_ITEM and not block.gap_before else "\n\n"
        parts.append(md if not parts else sep + md)
        previous = block
    return "".join(parts)
