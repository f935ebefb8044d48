"""Kept Blocks -> the plain `text` and the `markdown` body."""
from __future__ import annotations

from .model import Block, BlockKind


def to_text(blocks: list[Block]) -> str:
    """Paragraphs separated by one blank line; headings on their own lines; no markup."""
    return "\n\n".join(b.text for b in blocks if b.drop is None and b.text)


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
