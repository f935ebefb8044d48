"""DOM rules: rules with `selectors` prune page chrome before extraction, or read a
metadata field from an element. Each pruned element is kept as a dropped Block, so
--explain shows it with its rule id."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import lxml.html

from ..model import Block, BlockKind, Drop, DropSource, Evidence
from ..ruleset.engine import Context, in_scope
from ..ruleset.schema import Action, Rule
from ..text.inline import normalize_space
from .parse import remove

# Never pruned, whatever a selector says: the document skeleton.
_SKELETON = frozenset(("html", "head", "body"))
# Attributes that carry a field's value better than the element's text.
_VALUE_ATTRIBUTES = ("content", "datetime")


@dataclass
class Pruned:
    rule_id: str
    element: Any
    text: str
    link_chars: int


def dom_rules(rules: list[Rule], ctx: Context) -> list[Rule]:
    return [r for r in rules if r.is_dom and in_scope(r.scope, ctx)]


def extract_fields(tree: Any, rules: list[Rule]) -> dict[str, tuple[Any, Evidence]]:
    """Fields that DOM extract rules read, before anything is pruned; the first rule wins.
    `authors` takes every matched element, the others the first that has a value."""
    fields: dict[str, tuple[Any, Evidence]] = {}
    for rule in rules:
        if rule.action is not Action.EXTRACT or rule.field in fields:
            continue
        values, line = [], None
        for el in rule.selectors.compiled(tree):
            value = _value_of(el)
            if value and value not in values:
                values.append(value)
                line = line or getattr(el, "sourceline", None)
                if rule.field != "authors":
                    break
        if values:
            assert rule.field is not None
            fields[rule.field] = (values if rule.field == "authors" else values[0], Evidence(f"rule {rule.id}", line))
    return fields


def _value_of(el: Any) -> str:
    if not isinstance(el, lxml.html.HtmlElement):
        return normalize_space(str(el))  # an XPath that selects an attribute or text
    for attr in _VALUE_ATTRIBUTES:
        if el.get(attr):
            return normalize_space(el.get(attr))
    return normalize_space(" ".join(el.itertext()))


def prune(tree: Any, rules: list[Rule], max_text_share: float) -> list[Pruned]:
    """Remove the elements drop rules select, in rule order. An element holding more than
    max_text_share of the page's text outside links is left alone: a selector that hits
    the article's own wrapper is wrong for this page, and pruning it would empty it."""
    body = tree.find("body")
    total = _text_outside_links(body if body is not None else tree)
    out: list[Pruned] = []
    for rule in rules:
        if rule.action is not Action.DROP:
            continue
        for el in rule.selectors.compiled(tree):
            if not isinstance(el, lxml.html.HtmlElement) or el.tag in _SKELETON or el.getparent() is None:
                continue
            if not _attached(el, tree):
                continue  # inside an element an earlier rule removed
            text = normalize_space(" ".join(el.itertext()))
            prose = _text_outside_links(el)
            if total and prose > max_text_share * total:
                continue
            out.append(Pruned(rule.id, el, text, len(text) - prose if text else 0))
            remove(el)
    return out


def _attached(el: Any, root: Any) -> bool:
    for ancestor in el.iterancestors():
        if ancestor is root:
            return True
    return False


def _text_outside_links(el: Any) -> int:
    total = sum(len(t.strip()) for t in el.itertext())
    links = sum(len(t.strip()) for a in el.iter("a") for t in a.itertext())
    return max(0, total - links)


def pruned_blocks(pruned: list[Pruned]) -> list[Block]:
    """Pruned elements as dropped Blocks, for --explain and the report."""
    blocks = []
    for p in pruned:
        if not p.text:
            continue
        line = p.element.sourceline or 0
        kind = BlockKind.LINK_LIST if p.link_chars * 2 >= len(p.text) else BlockKind.PARAGRAPH
        block = Block(kind, p.text, p.text, line, line, link_chars=min(p.link_chars, len(p.text)))
        block.drop = Drop(DropSource.RULE, p.rule_id)
        blocks.append(block)
    return blocks


def check_dom_examples(rule: Rule) -> list[str]:
    """`drop` snippets must contain an element the selectors select, `keep` snippets none;
    `extract` entries ({text, value}) must give that value."""
    failures = []

    def matches(snippet: str) -> list[Any]:
        tree = lxml.html.document_fromstring(snippet)
        return rule.selectors.compiled(tree)

    for example in rule.examples.get("drop", []):
        snippet = example.get("text", "") if isinstance(example, dict) else str(example)
        if not matches(snippet):
            failures.append(f"{rule.id}: should select an element but does not: {snippet!r}")
    for example in rule.examples.get("keep", []):
        snippet = example.get("text", "") if isinstance(example, dict) else str(example)
        if matches(snippet):
            failures.append(f"{rule.id}: should select nothing but does: {snippet!r}")
    for example in rule.examples.get("extract", []):
        if not isinstance(example, dict) or "text" not in example or "value" not in example:
            failures.append(f"{rule.id}: an extract example needs 'text' (HTML) and 'value'")
            continue
        tree = lxml.html.document_fromstring(str(example["text"]))
        got = extract_fields(tree, [rule]).get(rule.field or "", (None, None))[0]
        want = example["value"]
        if got != want:
            failures.append(f"{rule.id}: extract from {example['text']!r} gave {got!r}, want {want!r}")
    for key in ("rewrite",):
        if rule.examples.get(key):
            failures.append(f"{rule.id}: a rule with selectors has no {key} examples")
    return failures
