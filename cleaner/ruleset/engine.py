"""Run rules over Blocks: rewrite first, then drop, section, cut and extract actions in file order."""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import re2

from ..classify.features import is_quote_control, weighted_chars
from ..memo import PARAGRAPH_CHARS, short_text_cache
from ..model import Block, BlockKind, Drop, DropSource, Evidence
from ..settings import DEFAULT, Settings
from ..text.inline import OTHER_SENTENCE_ENDS
from ..urls import split_address
from .schema import Action, Matcher, Remove, Rule, Scope, SectionEnd, fold

_LINK_HEAVY_SHARE = 0.5  # a block with at least half its text in links belongs to a link list


@dataclass
class Context:
    """What scopes look at: the whole capture, its URL host, kind and (lazily) language."""

    capture: str
    kind: str
    url: str | None = None
    language_of: Callable[[], str | None] = lambda: None
    _language: Any = field(default=..., repr=False)
    scopes: dict[Scope, bool] = field(default_factory=dict, repr=False)  # in_scope's answers

    @property
    def host(self) -> str:
        if not self.url:
            return ""
        return (split_address(self.url).hostname or "").lower()

    @property
    def language(self) -> str | None:
        if self._language is ...:
            self._language = self.language_of()
        return self._language


def in_scope(scope: Scope, ctx: Context) -> bool:
    # Many rules share a scope, and a signature test scans the whole capture (300 kB of
    # HTML): each scope is decided once per capture.
    known = ctx.scopes.get(scope)
    if known is None:
        known = ctx.scopes[scope] = _in_scope(scope, ctx)
    return known


def _in_scope(scope: Scope, ctx: Context) -> bool:
    if scope.kinds and ctx.kind not in scope.kinds:
        return False
    if scope.hosts and not any(p.search(ctx.host) for p in scope.hosts):
        return False
    if scope.signatures and not any(s in ctx.capture for s in scope.signatures):
        return False
    if scope.languages and ctx.language not in scope.languages:
        return False
    return True


@dataclass(frozen=True)
class _ByScope:
    """The DOM rules or the text rules of a rule list, with the distinct scopes among them:
    which rules apply to a capture follows from a few scope answers, not one per rule."""

    rules: tuple[Rule, ...]
    scopes: tuple[Scope, ...]
    scope_index: tuple[int, ...]  # the index in scopes of each rule's scope


@functools.lru_cache(maxsize=64)
def _by_scope(rules: tuple[Rule, ...], dom: bool) -> _ByScope:
    chosen = tuple(r for r in rules if r.is_dom == dom)
    scopes = tuple(dict.fromkeys(r.scope for r in chosen))
    index = {scope: k for k, scope in enumerate(scopes)}
    return _ByScope(chosen, scopes, tuple(index[r.scope] for r in chosen))


def active_rules(rules: list[Rule], ctx: Context, *, dom: bool, defer_signatures: bool = False) -> list[Rule]:
    """The DOM rules (dom=True) or the text rules in scope for ctx, in rule order.
    defer_signatures: rules whose scope names signatures are all returned, and the caller
    asks in_scope before it applies one (in_deferred_scope): a signature is looked for in the
    whole capture (on an HTML page, 1% of the cleaning), and most pages have no block that
    such a rule could match."""
    group = _by_scope(tuple(rules), dom)
    answers = [(defer_signatures and bool(scope.signatures)) or in_scope(scope, ctx) for scope in group.scopes]
    return [rule for rule, k in zip(group.rules, group.scope_index) if answers[k]]


def in_deferred_scope(rule: Rule, ctx: Context) -> bool:
    """Whether a rule that active_rules returned with defer_signatures applies to ctx."""
    return not rule.scope.signatures or in_scope(rule.scope, ctx)


def link_heavy(block: Block) -> bool:
    return bool(block.text) and block.link_chars >= _LINK_HEAVY_SHARE * len(block.text)


def match(m: Matcher, block: Block, next_block: Block | None, folded: str | None = None) -> Any:
    """The RE2 match object (or True) when every condition holds, else None. folded: the
    block's text as fold() gives it, when the caller has it already."""
    text = block.text
    if m.kinds and block.kind not in m.kinds:
        return None
    if m.max_chars and len(text) > m.max_chars:
        return None
    if len(text) < m.min_chars:
        return None
    if m.links_only and not link_heavy(block):
        return None
    if m.literals or m.prefixes or m.contains:
        if folded is None:
            folded = fold(text)
        if m.literals and folded not in m.literals:
            return None
        if m.prefixes and not folded.startswith(m.prefixes):
            return None
        if m.contains and not any(c in folded for c in m.contains):
            return None
    if m.not_regex is not None and m.not_regex.search(text):
        return None
    if m.next_regex is not None and (next_block is None or not m.next_regex.search(next_block.text)):
        return None
    if m.regex is not None:
        return m.regex.search(text)
    return True


def apply_rules(blocks: list[Block], rules: list[Rule], ctx: Context, settings: Settings = DEFAULT) -> dict[str, tuple[str, Evidence]]:
    """Apply in-scope rules to blocks in place. Returns the metadata fields rules extracted."""
    active = active_rules(rules, ctx, dom=False, defer_signatures=True)  # DOM rules ran before extraction
    rewrites = [r for r in active if r.action is Action.REWRITE]
    others = [r for r in active if r.action is not Action.REWRITE]
    if rewrites:
        any_rewrite = _any_of(tuple(r.matcher.regex.pattern for r in rewrites))
        for block in blocks:
            # One set search per block; a block it hits gets every rewrite in file order.
            if block.text and any_rewrite.Match(block.text):
                for rule in rewrites:
                    if rule.matcher.regex.search(block.text) and in_deferred_scope(rule, ctx):
                        _rewrite(block, rule)
    fields: dict[str, tuple[str, Evidence]] = {}
    prefilter = _prefilter(tuple(others))
    n = len(blocks)
    i = 0
    prose_before = 0.0  # kept text before block i, as a running sum: linear, not quadratic
    last_use: dict[str, int] = {}  # the short lines' last uses, once a cut asks (_recurs_later)
    quotes: list[int] = []  # where the quote controls are, once a comment header asks (_thread_follows)
    item_labels: set[str] = set()  # the shapes of the markers that recurred, so far
    label_uses = 0  # how many item labels went so far (two labels under one item count twice)
    prose_upto: list[float] = []  # each block's prose before it, once a tail-only marker asks (_tail_follows)
    while i < n:
        block = blocks[i]
        if block.drop is not None:
            i += 1
            continue
        text = block.text
        folded, candidates = _candidates(text, prefilter)
        # Most blocks have no candidate rule: only then is the next kept block looked for.
        nxt = _next_kept(blocks, i) if candidates else None
        for rule in candidates:
            # An extract that cut its match out of the block changed the text: match folds it again.
            found = match(rule.matcher, block, nxt, folded if block.text == text else None)
            if found is None or not in_deferred_scope(rule, ctx):
                continue
            if rule.action is Action.EXTRACT:
                _extract(block, rule, found, fields)
                if block.drop is None:
                    continue  # the block stays: other rules may still apply
            elif rule.action is Action.CUT_REST and prose_before >= settings.cut_min_prose_chars_before:
                if _heads_empty_section(block, nxt):
                    # "Recommended for you" with the next section's heading straight under
                    # it: a box the browser fills by script, empty in the capture. What
                    # follows is the page's next section, not the teasers the marker names.
                    block.drop = Drop(DropSource.RULE, rule.id)
                    break
                if rule.comment_section and _thread_follows(blocks, i, quotes, settings):
                    # A thread's replies under "22 Comments": the marker goes, the posts stay.
                    block.drop = Drop(DropSource.RULE, rule.id)
                    break
                if _recurs_later(blocks, i, last_use, item_labels):
                    # The marker comes back further down ("Add a comment" under every
                    # answer, "14 comments" under every teaser): a label of each item, not
                    # the start of the page's tail. It goes; a cut waits for its last use,
                    # and there for the last use of every other item label seen so far ("3
                    # Comments" over the last comments of a Q&A page, "Add a comment" under
                    # every answer, the last answer with no comments).
                    item_labels.update(_marker_shapes(block.text))
                    label_uses += 1
                    block.drop = Drop(DropSource.RULE, rule.id)
                    break
                if item_labels.intersection(_marker_shapes(block.text)) and _item_follows(blocks, i, label_uses + 1, prose_upto, settings):
                    # The last use of an item label with an item's worth of prose under it:
                    # the last item lost its label (a Q&A page's last answer, whose "Add a
                    # comment" the reading left out). The label goes, the item stays.
                    block.drop = Drop(DropSource.RULE, rule.id)
                    break
                if rule.tail_only and not _tail_follows(blocks, i, prose_upto, settings):
                    # "More from this author" over a box inside the article, with more of
                    # the article under it: the marker goes, the article stays.
                    block.drop = Drop(DropSource.RULE, rule.id)
                    break
                for later in blocks[i:]:
                    if later.drop is None:
                        later.drop = Drop(DropSource.RULE, rule.id)
                return fields
            elif rule.action is Action.DROP_SECTION:
                _drop_section(blocks, i, rule)
            else:
                block.drop = Drop(DropSource.RULE, rule.id)
            break
        # Only whether the prose reaches the cut's threshold matters: past it, no need to weigh more.
        if prose_before < settings.cut_min_prose_chars_before and _is_prose(block, settings):
            prose_before += weighted_chars(block.text, settings)
        i += 1
    return fields


@functools.lru_cache(maxsize=64)
def _any_of(patterns: tuple[str, ...]) -> Any:
    """An RE2 set that tells whether any of the patterns occurs in a text."""
    found = re2.Set.SearchSet(_filter_options())
    for pattern in patterns:
        found.Add(pattern)
    found.Compile()
    return found


@functools.lru_cache(maxsize=64)
def _prefilter(rules: tuple[Rule, ...]) -> _Prefilter:
    """Compiling the set costs milliseconds: do it once per combination of active rules."""
    return _Prefilter(list(rules))


class _Prefilter:
    """Finds the rules that can match a block, in rule order, without trying each one: one
    RE2 FilteredRE2 call for all the regex rules (it looks for the literal atoms the
    patterns need, then runs only the patterns whose atoms occur), one dictionary lookup
    for the literal rules, one startswith for the prefix rules. Forty separate searches
    per line made rules the slowest step; one RE2 set of all the patterns was little
    better, as unanchored patterns multiply a set's DFA states."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.always: list[int] = []
        self.regex_index: list[int] = []  # rule index of each pattern in self.filter
        self.literal: dict[str, list[int]] = {}
        self.prefix: list[tuple[tuple[str, ...], int]] = []
        self.contains: list[tuple[tuple[str, ...], int]] = []
        self.filter = re2.Filter()
        for i, rule in enumerate(rules):
            m = rule.matcher
            if m.regex is not None:
                self.filter.Add(m.regex.pattern, _filter_options())
                self.regex_index.append(i)
            elif m.literals:
                for literal in m.literals:
                    self.literal.setdefault(literal, []).append(i)
            elif m.prefixes:
                self.prefix.append((m.prefixes, i))
            elif m.contains:
                self.contains.append((m.contains, i))
            else:
                self.always.append(i)
        if self.regex_index:
            self.filter.Compile()  # an empty filter cannot be compiled, nor matched
        self.any_prefix = tuple(p for prefixes, _ in self.prefix for p in prefixes)
        self.folds = bool(self.literal or self.prefix or self.contains)

    def candidates(self, text: str, folded: str | None = None) -> list[Rule]:
        """folded: fold(text), when the caller has it already."""
        chosen = list(self.always)
        if self.regex_index and (hits := self.filter.Match(text)):
            chosen.extend(self.regex_index[h] for h in hits)
        if self.folds:
            if folded is None:
                folded = fold(text)
            chosen.extend(self.literal.get(folded, ()))
            if self.any_prefix and folded.startswith(self.any_prefix):
                chosen.extend(i for prefixes, i in self.prefix if folded.startswith(prefixes))
            chosen.extend(i for needles, i in self.contains if any(n in folded for n in needles))
        if not chosen:
            return []
        chosen.sort()
        return [self.rules[i] for i in chosen]


@short_text_cache(max_chars=PARAGRAPH_CHARS)
def _candidates(text: str, prefilter: _Prefilter) -> tuple[str | None, tuple[Rule, ...]]:
    """The folded text (for match, when a rule is found) and the candidate rules. Cached:
    the settling step asks again about the same paragraphs, with the same rules."""
    folded = fold(text) if prefilter.folds else None
    rules = tuple(prefilter.candidates(text, folded))
    return (folded if rules else None), rules


def _filter_options() -> Any:
    options = re2.Options()
    options.log_errors = False
    return options


def _tail_follows(blocks: list[Block], i: int, prose_upto: list[float], settings: Settings) -> bool:
    """What follows block i holds at most settings.cut_tail_max_prose_after_share of the
    prose before it: the page's tail (teasers, a newsletter box), not the rest of the
    article."""
    _sum_prose(blocks, prose_upto, settings)
    before = prose_upto[i]
    return prose_upto[-1] - prose_upto[i + 1] <= settings.cut_tail_max_prose_after_share * before


def _item_follows(blocks: list[Block], i: int, items: int, prose_upto: list[float], settings: Settings) -> bool:
    """What follows block i, the last use of an item label used items times, starts with
    prose within settings.cut_item_start_max_lines kept lines (a vote count or a poster's
    name between) and holds at least settings.cut_item_min_share of one item's prose (the
    prose before it over items): an item that lost its label, not the page's tail."""
    _sum_prose(blocks, prose_upto, settings)
    after = prose_upto[-1] - prose_upto[i + 1]
    if after <= 0 or after < settings.cut_item_min_share * prose_upto[i] / items:
        return False
    seen = 0
    for j in range(i + 1, len(blocks)):
        later = blocks[j]
        if later.drop is not None or not later.text:
            continue
        if _is_prose(later, settings):
            return True
        seen += 1
        if seen >= settings.cut_item_start_max_lines:
            return False
    return False


def _sum_prose(blocks: list[Block], prose_upto: list[float], settings: Settings) -> None:
    """The prose before each block, and in all at the end, summed once per page, when a
    marker first asks."""
    if not prose_upto:
        total = 0.0
        for block in blocks:
            prose_upto.append(total)
            if _is_prose(block, settings):
                total += weighted_chars(block.text, settings)
        prose_upto.append(total)


def _is_prose(block: Block, settings: Settings) -> bool:
    """Paragraph-like text that is kept: a footer marker comes after some of it. A sentence
    ends in it: a text capture has no links to tell a long menu line from a paragraph."""
    return (
        block.drop is None and len(block.text) >= settings.prose_block_min_chars and not link_heavy(block)
        and _SENTENCE_END.search(block.text) is not None
    )


_SENTENCE_END = re.compile(rf"[.!?。！？…{OTHER_SENTENCE_ENDS}](?:\s|[\"'’”)\]»]|$)")


def _heads_empty_section(block: Block, nxt: Block | None) -> bool:
    """A heading whose next kept block is a plain heading of the same or a higher rank:
    the section it opens holds nothing. Teaser titles are link headings, and a lower rank
    is a sub-heading of the section, so neither counts."""
    return (
        block.kind is BlockKind.HEADING and nxt is not None and nxt.kind is BlockKind.HEADING
        and 0 < nxt.level <= block.level and not link_heavy(nxt)
    )


def _thread_follows(blocks: list[Block], i: int, at: list[int], settings: Settings) -> bool:
    """Whether forum posts follow block i: a "Quote" control under enough of them. The
    controls are found once per page (at, filled on the first call; -1 marks a page with
    none): a header under every teaser asks again, and a scan each time was quadratic."""
    if not at:
        at.extend(j for j, block in enumerate(blocks) if is_quote_control(block.text))
        at.insert(0, -1)
    return len(at) - bisect.bisect_right(at, i) >= settings.thread_min_quote_controls


def _recurs_later(blocks: list[Block], i: int, last_of: dict[str, int], labels: set[str]) -> bool:
    """Whether block i's words come back in a later kept block, numbers and plurals aside
    ("14 comments" under one teaser, "1 comment" under the next), or, when block i is an
    item label's last use, another item label's (labels) do. The page's lines are indexed
    once, by their last use: linear however often a marker recurs."""
    if not last_of:
        for j, block in enumerate(blocks):
            if block.drop is None and block.text:
                for shape in _marker_shapes(block.text):
                    last_of[shape] = j
        last_of[""] = -1  # indexed, even where no block has text
    shapes = _marker_shapes(blocks[i].text)
    if labels.intersection(shapes):
        # The last use of an item label is an item's label still: it waits for the other
        # labels' last uses too. A marker used once ("Top rated comments") does not.
        shapes = (*shapes, *labels)
    return any(last_of.get(shape, -1) > i for shape in shapes)


_WORDS = re.compile(r"\w+")  # Unicode words (RE2's \w is ASCII); a linear pattern
_DIGITS = re.compile(r"\d+")


def _marker_shape(text: str) -> str:
    """The words of a line, lowercased, with numbers as 0 and English plurals as the
    singular: "Add a comment |" and "Add a comment" are one marker, "[ 167 comments ]",
    "0 comments" and "1 Comment" another one."""
    return " ".join(_singular(w) for w in _WORDS.findall(_DIGITS.sub("0", text.lower())))


def _singular(word: str) -> str:
    # A count's noun follows the count: "1 Reply" under one answer, "3 Replies" under the next.
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@short_text_cache(max_chars=PARAGRAPH_CHARS)  # each settling reading indexes the same lines again
def _marker_shapes(text: str) -> tuple[str, ...]:
    """The line's shape, and for a row of controls split by "|" its first control's too:
    "Add a comment | Show 4 more comments" under one answer is the "Add a comment" under
    the next."""
    whole = _marker_shape(text)
    head, bar, _ = text.partition("|")
    return (whole, first) if bar and (first := _marker_shape(head)) and first != whole else (whole,)


def _next_kept(blocks: list[Block], i: int) -> Block | None:
    for j in range(i + 1, len(blocks)):  # no slice: a copy of the rest per block was quadratic
        later = blocks[j]
        if later.drop is None and later.text:
            return later
    return None


def _rewrite(block: Block, rule: Rule) -> None:
    block.text = rule.matcher.regex.sub(rule.replace, block.text).strip()
    block.markdown = rule.matcher.regex.sub(rule.replace, block.markdown).strip()
    block.link_chars = min(block.link_chars, len(block.text))


def _extract(block: Block, rule: Rule, found: Any, fields: dict[str, tuple[str, Evidence]]) -> None:
    value = block.text
    if found is not True and "value" in rule.matcher.regex.groupindex and found.group("value") is not None:
        value = found.group("value")
    value = " ".join(value.split())
    assert rule.field is not None
    if value and rule.field not in fields:
        fields[rule.field] = (value, Evidence(f"rule {rule.id}", block.start))
    if rule.remove is Remove.BLOCK:
        block.drop = Drop(DropSource.METADATA, rule.id)
    elif rule.remove is Remove.MATCH and found is not True:
        cut = found.group(0)
        block.text = " ".join(block.text.replace(cut, " ", 1).split())
        block.markdown = " ".join(block.markdown.replace(cut, " ", 1).split())
        if not block.text:
            block.drop = Drop(DropSource.METADATA, rule.id)


def _drop_section(blocks: list[Block], i: int, rule: Rule) -> None:
    anchor = blocks[i]
    anchor.drop = Drop(DropSource.RULE, rule.id)
    taken = 0
    for block in blocks[i + 1 :]:
        if taken >= rule.max_section_blocks:
            break
        if block.kind is BlockKind.HEADING and not link_heavy(block):
            break  # teaser titles are link headings; a plain heading opens the next section
        if rule.until is SectionEnd.LINKS and block.text and not (
            link_heavy(block) or block.kind in (BlockKind.LIST_ITEM, BlockKind.IMAGE) and not _linked_sentence(block)
        ):
            break
        if block.drop is None:
            block.drop = Drop(DropSource.RULE, rule.id)
        taken += 1


def _linked_sentence(block: Block) -> bool:
    """A list item that is a sentence with a link in it, not a link: a docs page's "See also"
    items ("For more about go.mod, see the go.mod reference."). A teaser's item is its
    link, or in a text capture, where links are gone, a headline with no full stop."""
    text = block.text
    return 0 < block.link_chars < _LINK_HEAVY_SHARE * len(text) and text[-1] in ".!?"


def check_examples(rule: Rule) -> list[str]:
    """Run a rule's examples; return one message per example that does not behave, each
    starting `path:line: rule-id:` (the example's line)."""
    try:
        return _check_examples(rule)
    except Exception as exc:  # noqa: BLE001 - an odd example fails the check, never crashes it
        return [f"{rule.path}:{rule.line}: {rule.id}: its examples could not be run ({type(exc).__name__}: {exc})"]


def _check_examples(rule: Rule) -> list[str]:
    if rule.is_dom:
        from ..html.prune import check_dom_examples

        return check_dom_examples(rule)
    failures = []

    def fail(key: str, i: int, message: str) -> None:
        failures.append(f"{rule.example_at(key, i)}: {rule.id}: {message}")

    def block_of(example: Any) -> tuple[Block, Block | None]:
        spec = example if isinstance(example, dict) else {"text": example}
        text = str(spec.get("text", spec.get("line", "")))
        kind = BlockKind(spec.get("kind", "paragraph"))
        links = len(text) if spec.get("links") else 0
        nxt = Block(BlockKind.PARAGRAPH, str(spec["next"]), str(spec["next"]), 2, 2) if "next" in spec else None
        return Block(kind, text, text, 1, 1, link_chars=links, links=int(bool(links))), nxt

    for i, example in enumerate(rule.examples.get("drop", [])):
        block, nxt = block_of(example)
        if match(rule.matcher, block, nxt) is None:
            fail("drop", i, f"should match but does not: {example!r}")
    for i, example in enumerate(rule.examples.get("keep", [])):
        block, nxt = block_of(example)
        if match(rule.matcher, block, nxt) is not None:
            fail("keep", i, f"should not match but does: {example!r}")
    for i, example in enumerate(rule.examples.get("extract", [])):
        block, nxt = block_of(example)
        fields: dict[str, tuple[str, Evidence]] = {}
        found = match(rule.matcher, block, nxt)
        if found is not None:
            _extract(block, rule, found, fields)
        got = fields.get(rule.field or "", ("", None))[0]
        want = str(example.get("value", "")) if isinstance(example, dict) else ""
        if got != want:
            fail("extract", i, f"extract from {example!r} gave {got!r}, want {want!r}")
        if isinstance(example, dict) and "rest" in example and block.text != example["rest"]:
            fail("extract", i, f"after extract the line is {block.text!r}, want {example['rest']!r}")
    for i, example in enumerate(rule.examples.get("rewrite", [])):
        if not isinstance(example, dict) or "text" not in example or "out" not in example:
            fail("rewrite", i, "a rewrite example needs 'text' and 'out'")
            continue
        block, _ = block_of(example)
        _rewrite(block, rule)
        if block.text != example["out"]:
            fail("rewrite", i, f"rewrite of {example['text']!r} gave {block.text!r}, want {example['out']!r}")
    return failures
