"""Text and markdown captures -> Blocks, one per line (tables and code fences are grouped).

Crawlers that flatten pages (html2text, html_text) write one block element per line,
so a line is the natural unit; a blank line before it is kept as a feature.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from ..errors import InputError
from ..model import Block, BlockKind
from ..settings import DEFAULT, Settings
from .inline import IMAGE as _IMAGE
from .inline import LINK as _LINK
from .inline import Inline, normalize_space, parse_inline
from .unwrap import FENCE as _FENCE
from .unwrap import unwrap

_ALT = re.compile(r"!\[([^\]\n]*)\]\(")

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_BULLETS = "•·▪●"
_LIST = re.compile(r"^(\s*)([*+\-" + _BULLETS + r"]|\d{1,3}[.)])\s+(.*)$")
_BLOCK_MARKS = frozenset(">-*+#" + _BULLETS)
_LEADING_MARKS = re.compile(r"(?:(?:>|#{1,6}(?=\s)|[-*+" + _BULLETS + r"](?=\s))\s*)+")
_MARKED_KINDS = (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM)  # where a leading marker is left in the text
_QUOTE = re.compile(r"^\s*(?:>\s?)+(.*)$")  # "> > text": a nested quote is one quote
_INNER_MARKER = re.compile(r"[*+\-]\s+(?=\S)")
_INNER_HEADING = re.compile(r"#{1,6}\s+(?=\S)")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_TABLE = re.compile(r"^\s*\|.*\|\s*$")
_TEXT_BULLET = re.compile(r"^(\s*)[" + _BULLETS + r"]\s+(.*)$")
_CODE_INDENTS = ("    ", "\t")
_TABLE_SEPARATOR = re.compile(r"\s*\|[\s:|-]*\|\s*")
# Cheap first: a line can only be a heading, rule, list item or quote if its first
# character can open one; most lines are plain paragraphs and skip the patterns.
_MARKUP_START = set("#-*_+>" + _BULLETS + "0123456789")


def segment(text: str, *, markdown: bool, settings: Settings = DEFAULT, wrapped: bool = True) -> list[Block]:
    """The capture's Blocks; more than settings.max_blocks is an InputError (memory). A
    hard-wrapped capture's paragraphs are joined first (text.unwrap; wrapped=False: the text
    is known not to be, as the cleaner's own output is not); each Block's lines are still
    the capture's own."""
    lines = text.split("\n")
    joined = unwrap(lines, settings) if wrapped else None
    blocks = list(islice(_blocks(joined[0] if joined else lines, markdown, settings), settings.max_blocks + 1))
    check_block_count(len(blocks), settings)
    if joined:
        starts = joined[1]
        for block in blocks:
            block.start = starts[block.start - 1] + 1
            block.end = starts[block.end] if block.end < len(starts) else len(lines)
    return blocks


def check_block_count(count: int, settings: Settings) -> None:
    if count > settings.max_blocks:
        raise InputError(f"more than {settings.max_blocks} blocks (paragraphs, lines or list items); too many to clean")


def _blocks(lines: list[str], markdown: bool, settings: Settings) -> Iterator[Block]:
    gap = True
    after_item = False  # the last block was a list item: an indented line under it continues it
    # Indented runs are code only where the page's other lines are not indented: a dump
    # that indents every line has no code blocks.
    flush = any(line.strip() and not line.startswith(_CODE_INDENTS) for line in lines)
    i = 0
    n = len(lines)
    while i < n:
        raw = lines[i]
        if len(raw) > settings.max_line_chars:
            # A page flattened onto one line: read it as paragraphs cut at spaces, so that
            # no text is lost and no block is too long to judge.
            for piece in _pieces(raw, settings.max_line_chars):
                yield _line_block(piece, i + 1, gap, markdown)
                gap = False
            i += 1
            continue
        if not raw.strip() or (markdown and raw.lstrip()[:1] == ">" and not raw.strip(" \t>")):
            # A quote's empty line (">") parts its paragraphs as a blank line parts others:
            # read as an empty block, it stood between each quoted line and its neighbours.
            gap = True
            i += 1
            continue
        start = i
        first = raw.lstrip()[:1]
        if markdown and first in "`~" and _FENCE.match(raw):
            fence = _FENCE.match(raw).group(1)  # type: ignore[union-attr]
            i += 1
            while i < n and not lines[i].lstrip().startswith(fence):
                i += 1
            body = "\n".join(lines[start + 1 : i])
            end = min(i + 1, n)  # 1-based: the closing fence, or the last line if unclosed
            i += 1
            yield Block(BlockKind.CODE, body.strip(), f"```\n{body}\n```", start + 1, end, gap_before=gap)
        elif markdown and first == "|" and _TABLE.match(raw):
            while i + 1 < n and _TABLE.match(lines[i + 1]):
                i += 1
            yield _table(lines[start : i + 1], start, gap)
            i += 1
        elif gap and flush and not after_item and raw.startswith(_CODE_INDENTS) and not _markup_line(raw):
            # An indented code block (html2text writes <pre> so, and the text output writes
            # code so): its lines are code, not markup; a shell comment in it is no
            # heading, `**kwargs` no emphasis.
            i += 1
            # Its blank lines are indented too (html2text's are); an empty line ends it, as
            # one ends each code block of the text output.
            while i < n and lines[i].startswith(_CODE_INDENTS):
                i += 1
            end = start + max(k for k, line in enumerate(lines[start:i]) if line.strip()) + 1
            code = [(line[4:] if line.startswith("    ") else line[1:]).rstrip() for line in lines[start:end]]
            text = "\n".join(line for line in code if line.strip())  # its own indentation kept
            yield Block(BlockKind.CODE, text, "```\n" + "\n".join(code) + "\n```", start + 1, end, gap_before=gap)
            after_item = False
            gap = False
            continue
        elif markdown and first == "#" and (under := _empty_heading_text(lines, i, settings)) is not None:
            # "# " alone, its words on the next line: html2text writes a heading whose text
            # sits in a block element (<h1><div>Title</div></h1>) so.
            i, text = under
            block = _line_block(raw.strip() + " " + text, i + 1, gap, markdown)
            after_item = False
            yield block
            i += 1
        elif markdown and (cards := _card_row(raw, settings)):
            # Cards that html2text wrote onto one line, each a link round its picture and
            # text: one block a card, as a text capture has them (one line each).
            for card in cards:
                yield _line_block(card, start + 1, gap, markdown)
                gap = False
            after_item = False
            i += 1
        else:
            block = _line_block(raw, start + 1, gap, markdown)
            after_item = block.kind is BlockKind.LIST_ITEM
            yield block
            i += 1
        gap = False


def _markup_line(line: str) -> bool:
    """An indented line that is markdown, not code: a nested menu's item or a link
    (html2text writes neither inside <pre>)."""
    return bool(_LIST.match(line)) or "](" in line


def _pieces(line: str, size: int) -> Iterator[str]:
    """The line in pieces of at most `size` characters, cut after a sentence end or at a
    space where one is near the limit."""
    start = 0
    while start < len(line):
        end = start + size
        if end < len(line):
            # A cut point is looked for in the piece's second half, so no piece is tiny.
            window = line[start + size // 2 : end]
            cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
            if cut < 0:
                cut = window.rfind(" ")
            if cut >= 0:
                end = start + size // 2 + cut + 1
        piece = line[start:end]
        if piece.strip():
            yield piece
        start = end


def _empty_heading_text(lines: list[str], i: int, settings: Settings) -> tuple[int, str] | None:
    """For a heading marker with no text ("# "), the next non-blank line and its text when
    it is a plain line of at most settings.max_title_chars characters (no markup of its own)."""
    if not _EMPTY_HEADING.match(lines[i]):
        return None
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j == len(lines):
        return None
    text = lines[j].strip()
    if len(text) > settings.max_title_chars or text[0] in _MARKUP_START or text[0] in "[!|`<" or lines[j].startswith(_CODE_INDENTS):
        return None
    return j, text


_EMPTY_HEADING = re.compile(r"^\s*#{1,6}\s*$")


def _card_row(raw: str, settings: Settings) -> list[str]:
    """The links of a line that is nothing but settings.card_row_min_links or more links,
    each with settings.card_min_words words or more (a menu's links are a word or two)."""
    if raw.count("](") < settings.card_row_min_links or raw.lstrip()[:1] not in "[!":
        return []
    cards, pos = [], 0
    for match in _LINK.finditer(raw):
        label = match.group(1)
        if raw[pos : match.start()].strip() or len((_IMAGE.sub("", label) if "![" in label else label).split()) < settings.card_min_words:
            return []
        cards.append(match.group(0))
        pos = match.end()
    return cards if len(cards) >= settings.card_row_min_links and not raw[pos:].strip() else []


def _line_block(raw: str, lineno: int, gap: bool, markdown: bool) -> Block:
    kind = BlockKind.PARAGRAPH
    level = 0
    body = raw
    prefix = ""
    first = raw.lstrip()[:1]
    if markdown and first in _MARKUP_START:
        if first == "#" and (m := _HEADING.match(raw)):
            kind, level, body = BlockKind.HEADING, len(m.group(1)), m.group(2)
            prefix = "#" * level + " "
        elif first in "-*_" and _RULE.match(raw):
            return Block(BlockKind.RULE, "", "---", lineno, lineno, gap_before=gap)
        elif m := _LIST.match(raw):
            kind, level, body = BlockKind.LIST_ITEM, len(m.group(1).expandtabs(4)) // 2, m.group(3)
            prefix = "  " * level + "- "
            # "* * Sign in": a nested list opens on the item's line. Its marker is markup
            # too; left in the text, it would be read as a list item when the text is
            # cleaned again (bench/idempotency.py --every 3: 28 -> 24 of 1,120; wcxb-dev md
            # F1 0.7996 -> 0.7995, dev bench md unchanged). So is a heading's marker inside
            # an item ("* ## Region"), which the plain text kept as "## Region": 30 -> 19 of
            # 1,120; every 3rd wcxb-dev md capture 0.8100 -> 0.8092, dev bench md 0.9426 -> 0.9428.
            while (inner := _INNER_MARKER.match(body)) is not None:
                body = body[inner.end() :]
            if (heading := _INNER_HEADING.match(body)) is not None:
                body = body[heading.end() :]
            if m.group(2)[0].isdigit():
                # An ordered item's number is the reader's: "3. Preheat the oven" (the step,
                # the rank), and a heading "4. Create content" flattened to text reads back
                # as such an item, which must not lose it.
                prefix, body = "  " * level, m.group(2) + " " + body
        elif first == ">" and (m := _QUOTE.match(raw)):
            kind, body = BlockKind.QUOTE, m.group(1)
            prefix = "> "
            if (heading := _INNER_HEADING.match(body)) is not None:
                body = body[heading.end() :]  # "> ### Key points": as inside a list item (below)
        inline = parse_inline(body)
    elif markdown:
        inline = parse_inline(body)
    else:
        if first in _BULLETS and (m := _TEXT_BULLET.match(raw)):
            kind, body = BlockKind.LIST_ITEM, m.group(2)
            prefix = "- "
        text = normalize_space(body)
        inline = Inline(text, text, 0, 0, 0)
    if markdown and kind in _MARKED_KINDS and inline.text[:1] in _BLOCK_MARKS and (lead := _LEADING_MARKS.match(inline.text)):
        # "**> Related:** ...", "**-** /month", "**• Point**", "[![img](src)](url)## Name":
        # markers that emphasis or an image hid open the text, which would read back as a
        # quote, a list item or a heading and lose them then; so would a list item inside
        # a quote ("> * item"), and a quote inside a list item ("* > quoted").
        text = inline.text[lead.end() :]
        inline = inline._replace(text=text, link_chars=min(inline.link_chars, len(text)))
    if markdown and inline.text and inline.text[0] in "-*_|" and (_RULE.match(inline.text) or not inline.text.strip("| ")):
        # "\------" (an escaped rule) or "## ______": text that would read back as a rule,
        # and be lost then. So would a row of images alone without its closing pipe ("|
        # ![](a.svg) | ![](b.svg)"), its cells empty, over a separator. (A plain-text
        # capture's line of dashes stays a line: text mode reads no markup.)
        return Block(BlockKind.RULE, "", "---", lineno, lineno, gap_before=gap)
    alt = ""
    if kind is BlockKind.PARAGRAPH and inline.images and not inline.text:
        kind = BlockKind.IMAGE
        alt = " ".join(_ALT.findall(body))
    return Block(
        kind,
        inline.text,
        prefix + inline.markdown,
        lineno,
        lineno,
        level=level,
        link_chars=inline.link_chars,
        links=inline.links,
        images=inline.images,
        gap_before=gap,
        alt=alt,
    )


def _table(rows: list[str], start: int, gap: bool) -> Block:
    cells = []
    link_chars = links = images = 0
    for row in rows:
        if _TABLE_SEPARATOR.fullmatch(row):
            continue  # the |---|---| separator
        parsed = [parse_inline(c) for c in row.strip().strip("|").split("|")]
        cells.append(" ".join(p.text for p in parsed))
        link_chars += sum(p.link_chars for p in parsed)
        links += sum(p.links for p in parsed)
        images += sum(p.images for p in parsed)
    text = "\n".join(normalize_space(c) for c in cells if c.strip())
    return Block(
        BlockKind.TABLE,
        text,
        "\n".join(r.strip() for r in rows),
        start + 1,
        start + len(rows),
        link_chars=min(link_chars, len(text)),
        links=links,
        images=images,
        gap_before=gap,
    )
