"""What a rule is: scope, matcher, action and examples. Built from YAML by the loader."""
from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from typing import Any

import re2

from ..model import BlockKind

FIELDS = ("title", "subtitle", "byline", "authors", "date", "dateline", "site")


class Action(enum.Enum):
    DROP = "drop"  # drop the matched block
    DROP_SECTION = "drop-section"  # the block and its section (up to a heading or the end of its links)
    CUT_REST = "cut-rest"  # the block and everything after it
    EXTRACT = "extract"  # take a metadata field from the block
    REWRITE = "rewrite"  # replace text in the block


class SectionEnd(enum.Enum):
    HEADING = "heading"  # stop at the next heading
    LINKS = "links"  # stop at the next heading or the first block that is not a link or list item


class Remove(enum.Enum):
    BLOCK = "block"
    MATCH = "match"
    NONE = "none"


@dataclass(frozen=True)
class Scope:
    """When a rule applies. Empty means always; several keys must all hold."""

    hosts: tuple[Any, ...] = ()  # compiled RE2 patterns matched against the URL's host
    signatures: tuple[str, ...] = ()  # any of these strings occurs in the capture
    languages: tuple[str, ...] = ()  # ISO 639-1 codes
    kinds: tuple[str, ...] = ()  # capture kinds: html, markdown, text


@dataclass(frozen=True)
class Matcher:
    """Conditions on one block; all that are given must hold."""

    literals: frozenset[str] = frozenset()  # whole block text, case-folded, spaces folded
    prefixes: tuple[str, ...] = ()  # case-folded
    contains: tuple[str, ...] = ()  # case-folded
    regex: Any = None  # compiled RE2, searched in the block text
    kinds: frozenset[BlockKind] = frozenset()
    min_chars: int = 0
    max_chars: int = 0  # 0: no limit
    next_regex: Any = None  # the next block's text must match
    not_regex: Any = None  # the block must not match this
    links_only: bool = False  # at least half the block's text sits in links


@dataclass(frozen=True)
class Selectors:
    """HTML elements a DOM rule acts on, before extraction: CSS selectors (cssselect's
    HTML dialect) and XPath 1.0 expressions, compiled together into one XPath union."""

    css: tuple[str, ...] = ()
    xpath: tuple[str, ...] = ()
    compiled: Any = None  # lxml.etree.XPath; call it on a tree to get the matched elements


@dataclass(eq=False)  # identity equality and hashing: rules key the matcher cache
class Rule:
    id: str
    why: str
    path: str
    line: int
    matcher: Matcher
    action: Action = Action.DROP
    scope: Scope = dataclasses.field(default_factory=Scope)
    field: str | None = None  # for extract
    remove: Remove = Remove.BLOCK  # for extract
    replace: str = ""  # for rewrite
    until: SectionEnd = SectionEnd.LINKS  # for drop-section
    max_section_blocks: int = 40
    comment_section: bool = False  # for cut-rest: the marker opens comments, which a thread's replies are
    tail_only: bool = False  # for cut-rest: the marker cuts only where little prose follows it (an in-article box does not)
    any_share: bool = False  # for a DOM drop rule: prune whatever share of the page's prose the element holds
    examples: dict[str, list[Any]] = dataclasses.field(default_factory=dict)
    example_lines: dict[str, list[int]] = dataclasses.field(default_factory=dict)  # each example's line, by key
    selectors: Selectors | None = None  # a DOM rule: acts on HTML elements, not on Blocks

    @property
    def is_dom(self) -> bool:
        return self.selectors is not None

    def example_at(self, key: str, index: int) -> str:
        """`path:line` of examples[key][index] (the rule's own line where that is unknown)."""
        lines = self.example_lines.get(key, [])
        return f"{self.path}:{lines[index] if index < len(lines) else self.line}"


def fold(text: str) -> str:
    """Case- and space-insensitive form used for literal, prefix and contains matching."""
    return " ".join(text.split()).casefold()


def compile_regex(pattern: str, max_mem: int) -> Any:
    """Compile with RE2: linear time, so no input can make a rule hang."""
    options = re2.Options()
    options.max_mem = max_mem
    options.log_errors = False
    return re2.compile(pattern, options)
