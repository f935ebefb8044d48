"""HTML captures -> the same Blocks as text captures, plus the metadata the page declares.

    parse (lxml, no network) -> DOM extract rules -> declared metadata -> DOM drop rules
    -> trafilatura picks the main content -> Blocks aligned to their source elements

The pipeline then runs the text rules, the metadata step (meta.apply) and the HTML
block judge (judge.judge) over these Blocks.
"""
from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from typing import Any

from ..lang import detect_language
from ..model import Block, BlockKind, Document, Drop, DropSource, Evidence
from ..render import to_text
from ..ruleset.engine import Context, active_rules
from ..ruleset.schema import Rule
from ..settings import Settings
from . import arbiter, engine, meta
from . import judge as judge_mod
from .extract import PRODUCT_TYPE, Extraction, chars_of, extract, offered, one_product, text_of, thread_declarations
from .judge import set_link_features
from .meta import HtmlMeta, collect
from .parse import Cut, parse, remove
from .prune import Pruned, drop_hidden, drop_tooltips, extract_fields, names_in_class, open_disclosures, prune, pruned_blocks


@dataclass
class HtmlCapture:
    blocks: list[Block]
    sources: list[Any]  # the source element of each Block (None when it could not be aligned)
    meta: HtmlMeta
    rule_fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # from DOM extract rules
    pruned: list[Block] = field(default_factory=list)  # elements DOM rules removed, as dropped Blocks
    tree: Any = None  # the parsed page after the DOM rules (for the arbiter)
    html: str = ""  # the decoded capture (for the arbiter's resiliparse reading)
    targets: frozenset[str] = frozenset()  # the ids that the page's in-page links point to
    product: bool = False  # the page declares one schema.org Product on offer (extract.one_product, offered)
    shown: int = 0  # the characters of text the page shows (extract.chars_of), before the DOM rules
    dump: bool = False  # the engine found no main content and read the whole page (Extraction.dump)

    @property
    def declared_language(self) -> str | None:
        return self.meta.values.get("declared_language")


# On a page that declares a discussion thread (a schema.org DiscussionForumPosting) the
# posts are the content, and forum software holds them in the containers these DOM rules
# take for comment sections (Invision Community's .comments): they do not prune there.
_THREAD_RULES = frozenset({"chrome.comments"})


def read(text: str, ctx: Context, *, rules: list[Rule], settings: Settings, decoded: bool = False) -> HtmlCapture:
    """Parse, prune and extract one decoded HTML capture. ctx is the capture's one Context:
    the DOM rules' scopes are decided in it, and the text rules' after them. decoded: the
    text came through decode or decode_str (no control characters left)."""
    page = parse(text, settings.html_max_text_chars, settings.html_noscript_max_visible_chars, controls_removed=decoded)
    meta = collect(page.tree, page.json_ld, ctx.url, date_fallback=len(text) <= settings.html_htmldate_max_chars,
                   settings=settings)
    declared = meta.values.get("declared_language")
    extraction: Extraction | None = None

    def language_of() -> str | None:
        # Decided once, when a rule scope or the judge first asks: the page's own
        # declaration, else its text at that point (the visible body, for a DOM rule that
        # runs before there is a main content; the main content after extraction).
        if declared:
            return declared
        if extraction is None:
            body = page.tree.find("body")
            return detect_language(body.text_content() if body is not None else "", settings)
        return detect_language(to_text(extraction.blocks), settings)

    ctx.language_of = language_of
    active = active_rules(rules, ctx, dom=True)
    if thread_declarations(page.json_ld):
        active = [rule for rule in active if rule.id not in _THREAD_RULES]
    rule_fields = extract_fields(page.tree, active)
    # Everything the head holds has been read: the steps after this, trafilatura's copies
    # and passes among them, need only the body (dev bench: 8% of the elements).
    head = page.tree.find("head")
    if head is not None:
        page.tree.remove(head)
    # In-page links are read before pruning: a table of contents is navigation, but what
    # it points to is a section of the document (judge.gentle).
    targets = frozenset(t for a in page.tree.iter("a") if (t := judge_mod.in_page_target(a)) is not None)
    toggles = "aria-expanded" in text  # a page without it has no other toggles to look for
    if settings.html_disclosure_min_words > 0:
        open_disclosures(page.tree, settings.html_disclosure_min_words, toggles)
    # Most pages have no such class: no walk of the tree for them.
    hiding = settings.html_drop_hidden and "d-none" in text
    tips = settings.html_drop_tooltips and names_in_class(text, "ooltip")

    def unshown(tree: Any) -> list[Pruned]:
        # What the page never shows, or shows only under the pointer (prune.drop_hidden, drop_tooltips).
        out = drop_hidden(tree, settings.html_prune_max_text_share) if hiding else []
        return (out + drop_tooltips(tree, settings.html_prune_max_text_share)) if tips else out

    hidden = unshown(page.tree)
    # The page's text as it shows, before the DOM rules: the share of it that a reading
    # holds decides whether the engine's other readings are tried (extract._fallback).
    # Chrome pruned whatever its size (a consent manager's panel) is no part of it.
    body = page.tree.find("body")
    shown = chars_of(body if body is not None else page.tree)
    pruned = hidden + prune(page.tree, active, settings.html_prune_max_text_share)
    engine.unhide_overflow(page.tree, text)
    product = settings.html_product_drop_reviews and one_product(page.tree, page.json_ld, text) and offered(page.json_ld, text)
    if product:
        for box in judge_mod.product_review_boxes(page.tree, settings.html_prune_max_text_share):
            shown_text = " ".join(text_of(box).split())
            pruned.append(Pruned("product-review", box, shown_text, 0, DropSource.CLASSIFIER))
            remove(box)
    overlays = [rule for rule in active if rule.any_share]
    if overlays:
        ids = {rule.id for rule in overlays}
        shown -= sum(chars_of(p.element) for p in pruned if p.rule_id in ids)

    def unpruned() -> Any:
        # The page as parsed, before the DOM rules but for the overlays: parsing is
        # deterministic, and only a page whose readings all come out small asks for it
        # (extract._fallback).
        tree = parse(text, settings.html_max_text_chars, settings.html_noscript_max_visible_chars, controls_removed=decoded).tree
        if (again := tree.find("head")) is not None:
            tree.remove(again)
        if settings.html_disclosure_min_words > 0:
            open_disclosures(tree, settings.html_disclosure_min_words, toggles)
        unshown(tree)
        prune(tree, overlays, settings.html_prune_max_text_share)  # never the page's content
        engine.unhide_overflow(tree, text)
        return tree

    extraction = extract(page.tree, ctx.url, settings, page.json_ld, unpruned=unpruned if pruned else None, shown=shown, product=product,
                         microdata=PRODUCT_TYPE in text)
    set_link_features(extraction.blocks, extraction.sources)
    dropped = pruned_blocks(pruned)
    if page.cut is not None:
        dropped.append(_cut_block(page.cut))
    product = product and bool(extraction.blocks)
    return HtmlCapture(extraction.blocks, extraction.sources, meta, rule_fields, dropped, page.tree, text, targets, product, shown,
                       extraction.dump)


def _cut_block(cut: Cut) -> Block:
    """The text cut off a huge page, as one dropped Block, so that --explain shows it."""
    text = f"{cut.sample} … ({cut.chars:,} characters not read)"
    block = Block(BlockKind.PARAGRAPH, text, text, cut.line, cut.line)
    block.drop = Drop(DropSource.CLASSIFIER, "html-max-text-chars")
    return block


def judge(
    doc: Document, capture: HtmlCapture, rule_fields: dict[str, tuple[Any, Evidence]], ctx: Context, settings: Settings,
    readings: list[Any] | None = None,
) -> None:
    """Metadata in order of trust, then drop the body blocks that repeat it, then the block
    judge, then the arbiter. readings: gathers the arbiter's reading for bench/train_arbiter.py
    (the arbiter itself does not run)."""
    # Only the classifier judge reads the language, which may take a fastText reading of the
    # whole body: read it for that judge alone, before the metadata lines are dropped.
    language = ctx.language if settings.html_judge == "classifier" else None
    fields = {**rule_fields, **capture.rule_fields}  # a DOM rule reads the element itself: it wins
    meta.apply(doc, fields, capture.meta)
    judge_mod.drop_repeated_metadata(capture.blocks, doc, settings)
    judge_mod.judge(capture.blocks, language, doc.title, settings, capture.sources, capture.targets, doc.url, capture.dump)
    model = arbiter.load() if readings is None and settings.html_arbiter else None
    if readings is not None or model is not None:
        body = capture.tree.find("body")
        root = body if body is not None else capture.tree
        reading = arbiter.resiliparse_reading(capture.html)
        if readings is not None:
            readings.append(arbiter.read(root, capture.blocks, reading))
        elif model is not None:
            arbiter.arbitrate(root, capture.blocks, capture.sources, reading, model, settings.html_arbiter_add_max_share)
    if capture.product:  # after the arbiter, which may add a review the engine left out
        judge_mod.product_reviews(capture.blocks, capture.sources)
    judge_mod.drop_copies(capture.blocks, capture.sources, settings)
    judge_mod.drop_slight_reading(capture.blocks, capture.shown, settings)


def finish(doc: Document, capture: HtmlCapture, settings: Settings) -> None:
    """The language (declared, checked against the body), and the pruned elements for --explain."""
    declared = capture.declared_language
    # A declaration stands against a short body whatever it reads as: no need to detect.
    check = bool(doc.text) and not (declared and not _confident(doc.text, settings))
    body = detect_language(doc.text[: settings.html_language_check_chars], settings) if check else None
    if declared and (body is None or body == declared or not _confident(doc.text, settings)):
        doc.language, doc.evidence["language"] = declared, capture.meta.evidence["declared_language"]
    elif body:
        doc.language = body
        doc.evidence["language"] = Evidence("fastText lid.176 on the body" + (f" (the page declares {declared})" if declared else ""))
    if capture.pruned:
        doc.blocks = _interleave(doc.blocks, capture.pruned)


def _interleave(blocks: list[Block], pruned: list[Block]) -> list[Block]:
    """Pruned elements among the body's blocks by line, never reordering the body's blocks
    (their order is the text's; the engine may put a block before an earlier line's)."""
    reached = list(itertools.accumulate((b.start for b in blocks), max))
    out: list[Block] = []
    last = 0
    for p in sorted(pruned, key=lambda b: b.start):
        at = bisect.bisect_right(reached, p.start)
        out.extend(blocks[last:at])
        last = max(last, at)
        out.append(p)
    out.extend(blocks[last:])
    return out


def _confident(text: str, settings: Settings) -> bool:
    """Enough body text to overrule the page's own language declaration."""
    return len(text) >= settings.html_language_override_min_chars


__all__ = ["HtmlCapture", "finish", "judge", "read"]
