"""DOM rules: rules with `selectors` prune page chrome before extraction, or read a
metadata field from an element. Each pruned element is kept as a dropped Block, so
--explain shows it with its rule id."""
from __future__ import annotations

import functools
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

import lxml.html

from ..model import Block, BlockKind, Drop, DropSource, Evidence
from ..ruleset.loader import ascii_lower, css_selector
from ..ruleset.schema import Action, Rule
from .extract import HEADING_TAGS, SPACED_TAGS, text_len, text_of
from .parse import remove

# Never pruned, whatever a selector says: the document skeleton.
_SKELETON = frozenset(("html", "head", "body"))
# Below this much prose outside links an element is chrome-sized: no need to weigh it
# against the whole page.
SMALL_PROSE_CHARS = 500
# Attributes that carry a field's value better than the element's text.
_VALUE_ATTRIBUTES = ("content", "datetime")
# A disclosure button (an accordion's or a FAQ's toggle) names the section it opens: the
# ARIA attributes of the pattern, a heading around or inside it, or a class that says so.
_DISCLOSURE_CLASS = re.compile(r"accordion|faq|collaps|disclosure", re.I)


@dataclass
class Pruned:
    rule_id: str  # the rule's id, or the classifier's reason
    element: Any
    text: str
    link_chars: int
    source: DropSource = DropSource.RULE


def open_disclosures(tree: Any, min_words: int, toggles: bool = True) -> int:
    """Unwrap the disclosure buttons of the tree: their label stays in the page as text of
    the element around them. The label of an accordion or FAQ toggle is its section's
    heading or question; as a <button> it would go with the page's other controls (the
    form-controls rule, and the engine, which drops every button). The panels those
    buttons control (aria-controls), and those of other toggles with aria-expanded and as
    many words (a link, a heading), are shown (_show). toggles: whether to look for those
    other toggles (the page's source says "aria-expanded"). Returns how many buttons."""
    opened = 0
    controlled: list[str] = []
    for el in list(tree.iter("button")):
        if len(text_of(el).split()) < min_words or not _disclosure(el):
            continue
        controlled += (el.get("aria-controls") or "").split()
        el.drop_tag()
        opened += 1
    for el in tree.iter("details"):
        # The native disclosure (an FAQ's question over its answer): "expand" in its class
        # names what the box does, and trafilatura discards any box for that word.
        if (cls := el.get("class")) and "expand" in cls:
            el.set("class", " ".join(w for w in cls.split() if "expand" not in w))
    for el in _OTHER_TOGGLES(tree) if toggles else ():
        if el.tag != "button" and len(text_of(el).split()) >= min_words:
            controlled += el.get("aria-controls").split()
    if controlled:
        ids = {e.get("id"): e for e in _WITH_ID(tree)}
        for panel in (ids[i] for i in controlled if i in ids):
            _show(panel)
    return opened


# From the attribute up: a third of the time of testing every element (dev bench).
_OTHER_TOGGLES = lxml.etree.XPath("//@aria-expanded/parent::*[@aria-controls]")
_WITH_ID = lxml.etree.XPath("//*[@id]")


_DISPLAY_NONE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*;?", re.I)
_HIDDEN_CLASS = re.compile(r"hidden|(?:^|[\s-])hide(?:[\s-]|$)|(?:^|\s)d-none(?:\s|$)", re.I)  # a word, or the class


def _show(panel: Any) -> None:
    """Show a collapsed disclosure's panel (an FAQ's answer): trafilatura drops what is
    marked hidden, and a collapsed panel is marked so until the reader opens it. A panel
    of form controls (a shop's filter) stays as it is."""
    if next(panel.iter("input", "select", "textarea"), None) is not None:
        return
    if panel.get("aria-hidden") == "true":
        del panel.attrib["aria-hidden"]
    if (style := panel.get("style")) and _DISPLAY_NONE.search(style):
        panel.set("style", _DISPLAY_NONE.sub("", style))
    if (cls := panel.get("class")) and _HIDDEN_CLASS.search(cls):
        panel.set("class", " ".join(w for w in cls.split() if not _HIDDEN_CLASS.search(w)))


def _disclosure(el: Any) -> bool:
    if el.get("aria-expanded") is not None or el.get("aria-controls") is not None:
        return True
    parent = el.getparent()
    names = " ".join(x for x in (el.get("class"), el.get("id"), parent.get("class") if parent is not None else None) if x)
    if _DISCLOSURE_CLASS.search(names):
        return True
    if any(a.tag in HEADING_TAGS for a in el.iterancestors()):
        return True
    return any(d.tag in HEADING_TAGS for d in el.iterdescendants())


def extract_fields(tree: Any, rules: list[Rule]) -> dict[str, tuple[Any, Evidence]]:
    """Fields that DOM extract rules read, before anything is pruned; the first rule wins.
    `authors` takes every matched element, the others the first that has a value."""
    fields: dict[str, tuple[Any, Evidence]] = {}
    for rule in rules:
        if rule.action is not Action.EXTRACT or rule.field in fields or rule.selectors is None:
            continue  # (the callers pass DOM rules only: each has selectors)
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
        return " ".join(str(el).split())  # an XPath that selects an attribute or text
    for attr in _VALUE_ATTRIBUTES:
        if el.get(attr):
            return " ".join(el.get(attr).split())
    return " ".join(text_of(el).split())


def prune(tree: Any, rules: list[Rule], max_text_share: float) -> list[Pruned]:
    """Remove the elements drop rules select, in rule order. An element holding more than
    max_text_share of the page's text outside links is left alone: a selector that hits
    the article's own wrapper is wrong for this page, and pruning it would empty it; a rule
    marked any_share (a consent manager's panel, never a page's content) prunes anyway."""
    drop_rules = tuple(r for r in rules if r.action is Action.DROP)
    if not drop_rules:
        return []
    body = tree.find("body")
    total = -1  # the page's prose, counted only when a pruned element holds much itself
    out: list[Pruned] = []
    for rule, elements in zip(drop_rules, _plan(drop_rules).select(tree)):
        spared: set[Any] = set()
        for el in elements:
            if not isinstance(el, lxml.html.HtmlElement) or el.tag in _SKELETON or el.getparent() is None:
                continue
            if not _attached(el, tree, spared):
                continue  # inside an element an earlier rule removed, or a copy of one this rule spared
            raw, prose = _read(el)
            text = " ".join(raw.split())
            if not rule.any_share:
                large, total = _holds_the_page(prose, body if body is not None else tree, total, max_text_share)
                if large:
                    # The rule is wrong for this page (a discussion page's comments are its
                    # content): the boxes of the same kind inside this one (the replies'
                    # lists in the list of comments) are spared with it.
                    spared.add(el)
                    continue
            out.append(Pruned(rule.id, el, text, len(text) - prose if text else 0))
            remove(el)
    return out


# Bootstrap's display utilities: d-none hides a box at every width, unless a
# d-{size}-{display} (d-lg-block) shows it from some width up (judge._SCREEN_WIDTH_CLASS
# reads the pairs a site builder prints once per width).
_HIDDEN_BOXES = lxml.etree.XPath("//*[contains(@class, 'd-none')]")  # the words are read below
_SHOWN_FROM = re.compile(r"^d-(?:sm|md|lg|xl|xxl)-(?!none$)")


def _remove_boxes(tree: Any, found: list[Any], reason: str, max_text_share: float) -> list[Pruned]:
    """Remove the found boxes that are still in the tree, but any that holds more than
    max_text_share of the page's text outside links; returns them as pruned, for reason."""
    if not found:
        return []
    body = tree.find("body")
    total = -1
    out: list[Pruned] = []
    for el in found:
        if el.tag in _SKELETON or el.getparent() is None or not _attached(el, tree):
            continue
        raw, prose = _read(el)
        large, total = _holds_the_page(prose, body if body is not None else tree, total, max_text_share)
        if large:
            continue
        text = " ".join(raw.split())
        out.append(Pruned(reason, el, text, len(text) - prose if text else 0, DropSource.CLASSIFIER))
        remove(el)
    return out


def drop_hidden(tree: Any, max_text_share: float) -> list[Pruned]:
    """Remove the boxes a style sheet never shows (class d-none, and no d-{size}-{display}
    that shows them from some width up): a mini cart, a country picker, a listing's cards'
    screen-reader copies, data a script reads. A box holding more than max_text_share of
    the page's text outside links stays (a page that shows its content once a script has
    run). Returns them as pruned, reason "hidden"."""
    found = [el for el in _HIDDEN_BOXES(tree) if "d-none" in (words := el.get("class").split()) and not any(map(_SHOWN_FROM.match, words))]
    return _remove_boxes(tree, found, "hidden", max_text_share)


_TOOLTIP_BOXES = lxml.etree.XPath("//*[contains(@class, 'ooltip')]")  # the words are read below
# A class word that names a tooltip's own box: "tooltip", "c-tooltip", "tooltiptext",
# "tooltip-content", "c-tooltip__body", a CSS module's "Term_tooltip__8VNIW"; not its
# trigger or wrapper ("has-tooltip", "tooltip-trigger", "tooltip-wrap", "cui-tooltip__trigger").
_TOOLTIP_WORD = re.compile(r"(?:^|[-_])tooltip(?:[-_]{0,2}(?:text|content|body|bubble|inner))?(?:$|__[a-z0-9]{5}$)")
# How far back from a class word to look for its tag's "<", in characters: in both corpora's
# 2,264 tags with a tooltip class the class word sits at most 1,171 characters (median 29)
# after the "<". Bounded, so that a long script that says "tooltip" is not read back each time.
_TAG_LOOKBACK = 2000


def names_in_class(source: str, part: str) -> bool:
    """Whether part occurs inside a class attribute of the page's source: most pages that
    say "tooltip" say it in a script or a style sheet, and need no walk of the tree."""
    at = source.find(part)
    while at >= 0:
        tag = source.rfind("<", max(0, at - _TAG_LOOKBACK), at)
        if tag >= 0 and source.rfind(">", tag, at) < 0 and source.find("class=", tag, at) >= 0:
            return True
        at = source.find(part, at + len(part))
    return False


_TRIGGERS = frozenset({"a", "button"})  # what the pointer rests on: a glossary's linked term


def _tooltip_word(word: str) -> bool:
    return bool(_TOOLTIP_WORD.search(word)) and not word.startswith(("has-", "with-"))


def drop_tooltips(tree: Any, max_text_share: float) -> list[Pruned]:
    """Remove tooltips, the boxes a page shows over a word only while the pointer rests on
    it (a class word naming one: a glossary's definition, an author's bio card, a price's
    fine print): read inline, they break the sentence around them. role="tooltip" is no
    sign: a blog platform sets it on the bylines' links. A box holding more than
    max_text_share of the page's text stays. Returns them as pruned, reason "tooltip"."""
    found = [el for el in _TOOLTIP_BOXES(tree) if el.tag not in _TRIGGERS and any(map(_tooltip_word, el.get("class").lower().split()))]
    return _remove_boxes(tree, found, "tooltip", max_text_share)


# ---------------------------------------------------------------- fast selection
#
# Evaluated one by one, the XPath that cssselect makes of `.share` scans every element
# with string functions: eighty such selectors took 30 ms a page, more than trafilatura.
# Simple selectors (a tag, classes, an id, attribute tests, no combinators) are matched
# in one pass over the tree instead, indexed by class, id and tag; the rest run as XPath.


@dataclass(frozen=True)
class _Simple:
    rule: int  # index of the rule in the plan
    tag: str | None
    classes: frozenset[str]
    id: str | None
    attrs: tuple[tuple[str, str, str], ...]  # (name, operator, value)

    def matches(self, el: Any, classes: AbstractSet[str]) -> bool:
        if self.tag is not None and el.tag != self.tag:
            return False
        if self.id is not None and ascii_lower(el.get("id") or "") != self.id:
            return False
        if not self.classes <= classes:
            return False
        for name, op, value in self.attrs:
            got = el.get(name)
            if got is None:
                return False
            if op == "=" and got != value or op == "^=" and not got.startswith(value):
                return False
            if op == "~=" and value not in got.split() or op == "*=" and value not in got or op == "$=" and not got.endswith(value):
                return False
        return True


_ATTR_OPS = frozenset(("exists", "=", "^=", "~=", "*=", "$="))
_NO_CLASSES: frozenset[str] = frozenset()


def _simple(rule: int, css: str) -> _Simple | None:
    """A selector made of one compound (tag, classes, id, attribute tests), else None."""
    import cssselect
    from cssselect.parser import Attrib, Class, Element, Hash

    try:
        parsed = cssselect.parse(css)
    except cssselect.SelectorError:
        return None
    if len(parsed) != 1 or parsed[0].pseudo_element:
        return None
    node, classes, ident, attrs = parsed[0].parsed_tree, set(), None, []
    while not isinstance(node, Element):
        if isinstance(node, Class):
            classes.add(ascii_lower(node.class_name))
        elif isinstance(node, Hash):
            ident = ascii_lower(node.id)
        elif isinstance(node, Attrib) and node.operator in _ATTR_OPS and not node.namespace:
            # an attribute test's value token is never EOF, the one token whose value is None
            attrs.append((node.attrib, node.operator, (node.value.value or "") if node.value is not None else ""))
        else:
            return None
        node = node.selector
    if node.namespace:
        return None
    tag = None if node.element in (None, "*") else node.element.lower()
    return _Simple(rule, tag, frozenset(classes), ident, tuple(attrs))


class _Plan:
    def __init__(self, rules: tuple[Rule, ...]) -> None:
        import lxml.etree

        self.n = len(rules)
        self.by_class: dict[str, list[_Simple]] = {}
        self.by_id: dict[str, list[_Simple]] = {}
        self.by_tag: dict[str, list[_Simple]] = {}
        self.by_attr: dict[str, list[_Simple]] = {}
        self.xpaths: list[tuple[int, Any]] = []
        for i, rule in enumerate(rules):
            assert rule.selectors is not None
            for css in rule.selectors.css:
                simple = _simple(i, css)
                if simple is None:
                    self.xpaths.append((i, css_selector(css)))
                elif simple.classes:
                    self.by_class.setdefault(min(simple.classes), []).append(simple)
                elif simple.id is not None:
                    self.by_id.setdefault(simple.id, []).append(simple)
                elif simple.tag is not None:
                    self.by_tag.setdefault(simple.tag, []).append(simple)
                elif simple.attrs:
                    self.by_attr.setdefault(simple.attrs[0][0], []).append(simple)
                else:
                    self.xpaths.append((i, css_selector(css)))  # "*"
            for expr in rule.selectors.xpath:
                self.xpaths.append((i, lxml.etree.XPath(expr)))
        self.class_keys = frozenset(self.by_class)

    def select(self, tree: Any) -> list[list[Any]]:
        """For each rule, the elements it selects, in document order."""
        # The XPaths first, so that the one pass below meets their elements in document order too.
        by_xpath: dict[int, list[int]] = {}  # id(element) -> its rules
        held = []  # the XPaths' elements, whose proxies (and so ids) must stay theirs
        for i, xpath in self.xpaths:
            for el in xpath(tree):
                if isinstance(el, lxml.html.HtmlElement):
                    by_xpath.setdefault(id(el), []).append(i)
                    held.append(el)
        found: list[dict[int, Any]] = [{} for _ in range(self.n)]
        by_id, by_tag, by_attr = self.by_id, self.by_tag, self.by_attr
        attr_names = tuple(by_attr)
        # A page repeats a few class values on many elements: each is split and looked up once.
        by_class_value: dict[str, tuple[set[str], list[_Simple]]] = {}
        for el in tree.iter():
            if by_xpath:
                for i in by_xpath.get(id(el), ()):
                    found[i][id(el)] = el
            tag = el.tag
            names = el.keys()
            if not names:
                # An element without attributes: only a tag selector can match it.
                for simple in by_tag.get(tag, ()):
                    if simple.matches(el, _NO_CLASSES):
                        found[simple.rule][id(el)] = el
                continue
            classes: AbstractSet[str] = _NO_CLASSES
            candidates: list[_Simple] = []
            if "class" in names:
                value = el.get("class")
                known = by_class_value.get(value)
                if known is None:
                    known = by_class_value[value] = self._class_candidates(value)
                classes = known[0]
                candidates += known[1]
            if "id" in names and (ident := ascii_lower(el.get("id"))) in by_id:
                candidates += by_id[ident]
            for name in attr_names:
                if name in names:
                    candidates += by_attr[name]
            if tag in by_tag:
                candidates += by_tag[tag]
            for simple in candidates:
                if simple.matches(el, classes):
                    found[simple.rule][id(el)] = el
        return [list(f.values()) for f in found]

    def _class_candidates(self, value: str) -> tuple[set[str], list[_Simple]]:
        """A class attribute's classes, and the simple selectors indexed under any of them."""
        classes = set(ascii_lower(value).split())
        return classes, [simple for c in self.class_keys.intersection(classes) for simple in self.by_class[c]]


@functools.lru_cache(maxsize=32)
def _plan(rules: tuple[Rule, ...]) -> _Plan:
    return _Plan(rules)


def _attached(el: Any, root: Any, spared: AbstractSet[Any] = frozenset()) -> bool:
    """Whether el is still in root's tree, and under no spared element of its own kind
    (the same tag and a class in common)."""
    for ancestor in el.iterancestors():
        if ancestor is root:
            return True
        if ancestor in spared and _same_kind(ancestor, el):
            return False
    return False


def _same_kind(a: Any, b: Any) -> bool:
    return a.tag == b.tag and not set((a.get("class") or "").split()).isdisjoint((b.get("class") or "").split())


def _holds_the_page(prose: int, page: Any, total: int, max_text_share: float) -> tuple[bool, int]:
    """Whether an element's prose (text outside links) is more than max_text_share of the
    page's, and the page's: total, counted here only when it is -1 and the element holds
    more than SMALL_PROSE_CHARS (most pruned elements are chrome-sized)."""
    if prose <= SMALL_PROSE_CHARS:
        return False, total
    if total < 0:
        total = _text_outside_links(page)
    return prose > max_text_share * total, total


def _text_outside_links(el: Any) -> int:
    return max(0, text_len(el) - sum(map(text_len, el.iter("a"))))


def _read(el: Any) -> tuple[str, int]:
    """text_of(el) and _text_outside_links(el) in one walk: every pruned element is read
    for both (a text node inside nested links counts once for each, as there)."""
    parts = [el.text or ""]
    links = int(el.tag == "a")  # how many links the walk is inside
    total = len(parts[0].strip())
    linked = links * total
    for event, node in lxml.etree.iterwalk(el, events=("start", "end")):
        if node is el:
            continue
        tag = node.tag
        if event == "start":
            if tag == "a":
                links += 1
            piece = node.text or ""
        else:
            if tag == "a":
                links -= 1
            piece = node.tail or ""
        if tag in SPACED_TAGS:
            parts.append(" ")
        if piece:
            parts.append(piece)
            size = len(piece.strip())
            total += size
            linked += links * size
    return "".join(parts), max(0, total - linked)


def pruned_blocks(pruned: list[Pruned]) -> list[Block]:
    """Pruned elements as dropped Blocks, for --explain and the report."""
    blocks = []
    for p in pruned:
        if not p.text:
            continue
        line = p.element.sourceline or 0
        kind = BlockKind.LINK_LIST if p.link_chars * 2 >= len(p.text) else BlockKind.PARAGRAPH
        block = Block(kind, p.text, p.text, line, line, link_chars=min(p.link_chars, len(p.text)))
        block.drop = Drop(p.source, p.rule_id)
        blocks.append(block)
    return blocks


def check_dom_examples(rule: Rule) -> list[str]:
    """`drop` snippets must contain an element the selectors select, `keep` snippets none;
    `extract` entries ({text, value}) must give that value. Messages as check_examples'."""
    failures = []
    selectors = rule.selectors
    if selectors is None:
        raise ValueError(f"{rule.id} is not a DOM rule: it has no selectors")

    def fail(key: str, i: int, message: str) -> None:
        failures.append(f"{rule.example_at(key, i)}: {rule.id}: {message}")

    def matches(snippet: str) -> list[Any]:
        tree = lxml.html.document_fromstring(snippet)
        return selectors.compiled(tree)

    for i, example in enumerate(rule.examples.get("drop", [])):
        snippet = example.get("text", "") if isinstance(example, dict) else str(example)
        if not matches(snippet):
            fail("drop", i, f"should select an element but does not: {snippet!r}")
    for i, example in enumerate(rule.examples.get("keep", [])):
        snippet = example.get("text", "") if isinstance(example, dict) else str(example)
        if matches(snippet):
            fail("keep", i, f"should select nothing but does: {snippet!r}")
    for i, example in enumerate(rule.examples.get("extract", [])):
        if not isinstance(example, dict) or "text" not in example or "value" not in example:
            fail("extract", i, "an extract example needs 'text' (HTML) and 'value'")
            continue
        tree = lxml.html.document_fromstring(str(example["text"]))
        got = extract_fields(tree, [rule]).get(rule.field or "", (None, None))[0]
        if isinstance(got, list):
            got = ", ".join(got)  # authors: the names, as one example string
        want = example["value"]
        if got != want:
            fail("extract", i, f"extract from {example['text']!r} gave {got!r}, want {want!r}")
    if rule.examples.get("rewrite"):
        fail("rewrite", 0, "a rule with selectors has no rewrite examples")
    return failures
