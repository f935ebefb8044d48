"""Kept Blocks -> the plain `text` and the `markdown` body."""
from __future__ import annotations

from .model import Block, BlockKind


def to_text(blocks: list[Block]) -> str:
    """Paragraphs separated by one blank line; headings on their own lines; no markup. A
    table's rows (a code block's lines) are paragraphs of their own too: that is how the
    text reads back as a capture, so cleaning it again gives the same text."""
    return "\n\n".join(line for b in blocks if b.drop is None and b.text for line in text_lines(b))


def text_lines(block: Block) -> list[str]:
    """The paragraphs a block gives in `text`: one, or one per row of a table."""
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
