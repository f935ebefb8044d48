"""The data every step shares: Blocks, labels, drops and the Document."""
from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any


class BlockKind(enum.Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CAPTION = "caption"
    LINK_LIST = "link_list"
    TABLE = "table"
    CODE = "code"
    IMAGE = "image"
    RULE = "rule"  # a horizontal rule


class Label(enum.Enum):
    """Classifier labels, as in jusText: pass 1 sets all four, pass 2 leaves GOOD or BAD."""

    GOOD = "good"
    NEAR_GOOD = "near_good"
    SHORT = "short"
    BAD = "bad"


class DropSource(enum.Enum):
    RULE = "rule"
    CLASSIFIER = "classifier"
    METADATA = "metadata"  # the line became a metadata field (title, byline, ...)
    SITE = "site"  # --site-memory: the line repeats across captures of the same site


@dataclass(frozen=True, slots=True)
class Drop:
    """Why a block left the body: a rule id, or a classifier reason such as 'link-density'."""

    source: DropSource
    reason: str

    def __str__(self) -> str:
        return f"{self.source.value}:{self.reason}"


# An HTML reading too slight to be a page's content (html.judge.drop_slight_reading).
SLIGHT = Drop(DropSource.CLASSIFIER, "slight")


@dataclass(slots=True)
class Block:
    kind: BlockKind
    text: str  # plain text: no markup, links reduced to their text
    markdown: str  # markdown, links kept only where they have a real target
    start: int  # first line, 1-based, in the decoded capture
    end: int  # last line, inclusive
    level: int = 0  # heading level 1-6; list nesting depth for list items
    link_chars: int = 0  # characters of text that sit inside links
    links: int = 0
    images: int = 0
    gap_before: bool = True  # a blank line (or a block boundary in HTML) precedes it
    label: Label | None = None
    drop: Drop | None = None
    features: dict[str, float] = field(default_factory=dict)
    alt: str = ""  # an image line's alt text (markdown captures): a portrait names its person

    @property
    def kept(self) -> bool:
        return self.drop is None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a metadata value came from: a rule id or a heuristic name, and a line."""

    source: str
    line: int | None = None

    def __str__(self) -> str:
        return self.source if self.line is None else f"{self.source} (line {self.line})"


@dataclass
class Document:
    """One cleaned capture. `to_dict()` gives the JSON output schema."""

    source: str = "-"
    kind: str = "text"
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    dateline: str | None = None
    site: str | None = None
    language: str | None = None
    description: str | None = None
    text: str = ""
    markdown: str = ""
    removed: int = 0
    error: str | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list, repr=False)

    def to_dict(self, *, evidence: bool = False) -> dict[str, Any]:
        out = asdict(self)
        out.pop("blocks")
        out.pop("evidence")
        if out["error"] is None:
            out.pop("error")
        if evidence:
            out["evidence"] = {k: str(v) for k, v in self.evidence.items()}
        return out

    @property
    def dropped(self) -> list[Block]:
        return [b for b in self.blocks if b.drop is not None]
