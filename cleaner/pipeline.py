"""The steps in order: decode -> detect -> segment -> rules -> metadata -> classify -> language -> render."""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from .classify import classify
from .classify.passes import FINAL_VERDICTS, best_run
from .dates import parse_date
from .decode import decode, decode_str
from .detect import HTML, KINDS, MARKDOWN, detect_kind
from .lang import guess_language
from .limits import check as check_time
from .model import SLIGHT, Block, BlockKind, Document, Drop, DropSource, Evidence, Label
from .render import code_indented, text_lines, to_markdown, to_text
from .ruleset import RuleSet, apply_rules
from .ruleset.engine import Context
from .settings import DEFAULT, Settings
from .text import meta
from .text.inline import PROSE_MIN_SENTENCES, SENTENCE_END, sentence_breaks
from .text.segment import check_block_count, segment
from .text.tail import cut_author_box


def clean_text(
    raw: bytes | str,
    *,
    source: str = "-",
    url: str | None = None,
    kind: str = "auto",
    rules: RuleSet,
    settings: Settings = DEFAULT,
    collect: list | None = None,
    charset: str | None = None,
    settle: bool = True,
) -> Document:
    """`collect` gathers the classifier's (block, context vector) pairs for bench/train.py
    (for an HTML capture: the block arbiter's reading, for bench/train_arbiter.py).
    `settle=False` is the fixed-point step's own reading (_settle calls this again): a text
    capture comes back with its Blocks, their drops and its metadata only, without the text,
    markdown and language that _settle does not read."""
    # check_time() between steps: where no alarm can interrupt a step (a thread), the
    # document still stops at the next one once its time limit has passed (limits.py).
    text = decode(raw, settings, charset) if isinstance(raw, (bytes, bytearray)) else decode_str(raw, settings)
    if kind not in (*KINDS, "auto"):
        raise ValueError(f"unknown kind {kind!r}")
    detected = detect_kind(text) if kind == "auto" else kind
    capture = None
    if detected == HTML:
        from . import html  # lazily: lxml.html, cssselect and trafilatura serve HTML only (start-up)

        # The main content as Blocks (trafilatura, after the DOM rules), and the metadata
        # the page declares; the text rules then run over these Blocks as over any others,
        # in the same Context as the DOM rules (read sets how it finds the language).
        ctx = Context(capture=text, kind=detected, url=url)
        capture = html.read(text, ctx, rules=rules.rules, settings=settings, decoded=True)
        blocks = capture.blocks
        check_block_count(len(blocks), settings)
    else:
        # A settling reading reads the cleaned text, which no wrap split.
        blocks = segment(text, markdown=detected == MARKDOWN, settings=settings, wrapped=settle)
        # Read once, when a rule scope or the classifier first asks; the body reuses it.
        capture_guess = functools.cache(lambda: guess_language("\n".join(b.text for b in blocks), settings))
        ctx = Context(capture=text, kind=detected, url=url, language_of=lambda: capture_guess().language)
    check_time()
    doc = Document(source=source, kind=detected, url=url, blocks=blocks)
    fields = apply_rules(blocks, rules.rules, ctx, settings)
    check_time()
    if capture is not None:
        html.judge(doc, capture, fields, ctx, settings, collect)
        # The dateline opens the body's first blocks the judge kept (the HTML metadata,
        # read from the page's own declarations, has none).
        _agency_site(doc, _dateline(doc, blocks, None, settings))
    else:
        _metadata(doc, fields, settings)
        classify(blocks, ctx.language, doc.title, settings, headline=meta.headline_line(blocks, doc.title), collect=collect, site=doc.site)
        if collect is None:
            cut_author_box(blocks, doc.authors, settings)
            _keep_numbered_runs(blocks, settings)
            _keep_main_run(blocks, settings)
            if settle:
                # The first reading only: a settling reading of the cleaned text that took
                # cards back let an article's teaser rail outweigh the article, which it then
                # dropped (bench md, two pages 0.91 -> 0.45: F1 0.9402 -> 0.9430 so).
                _keep_item_run(blocks, settings)
    check_time()
    _never_empty(blocks)
    if capture is None and not settle:
        return doc  # a settling reading: _settle reads only its drops and fields
    if capture is None and collect is None:
        _settle(doc, rules, settings)
    doc.text = to_text(blocks)
    doc.markdown = to_markdown(blocks)
    if capture is not None:
        html.finish(doc, capture, settings)
    else:
        body = guess_language(doc.text, settings, earlier=capture_guess()) if doc.text else None
        doc.language = (body and body.language) or ctx.language
        # A reused guess read mostly these same lines: it is still the body's language.
        doc.evidence["language"] = Evidence("fastText lid.176 on the body" if body and body.language else "fastText lid.176 on the capture")
    doc.removed = sum(1 for b in doc.blocks if b.drop is not None and b.text)
    return doc


def _metadata(doc: Document, fields: dict[str, tuple[str, Evidence]], settings: Settings) -> None:
    """Fields the rules extracted first, then the heuristics, each found near the headline."""
    blocks = doc.blocks
    for name, (value, evidence) in fields.items():
        doc.evidence[name] = evidence
        if name == "date":
            value = parse_date(value) or value
        if name == "authors":
            doc.authors = [value]
        else:
            setattr(doc, name, value)
    anchor = None
    if doc.title is None:
        if headline := meta.find_headline(blocks, settings, url=doc.url):
            doc.title, doc.evidence["title"], anchor = headline.title, headline.evidence, headline.anchor
            if headline.site and not doc.site:
                doc.site, doc.evidence["site"] = headline.site, Evidence("<title> suffix", headline.site_line)
    else:
        anchor = meta.anchor_index(blocks, meta.headline_line(blocks, doc.title))
    title_line = blocks[anchor].start if anchor is not None else doc.evidence["title"].line if doc.title else None
    if anchor is None and (body := meta.body_start(blocks, settings)):
        # No displayed headline: the byline and date are looked for around the body's start.
        anchor = body - 1
    if doc.byline is None and (found := meta.find_byline(blocks, settings, anchor, url=doc.url)):
        doc.byline, doc.evidence["byline"] = found
    if doc.subtitle is None and (found := meta.find_subtitle(blocks, title_line, settings)):
        doc.subtitle, doc.evidence["subtitle"] = found
    if doc.byline and not doc.authors:
        doc.authors = meta.authors_of(doc.byline, settings)
        doc.evidence["authors"] = doc.evidence["byline"]
    agency = _dateline(doc, blocks, anchor, settings)
    if doc.date is None and (found := meta.find_date(blocks, settings, anchor, url=doc.url)):
        doc.date, doc.evidence["date"] = found
    # The site: the <title> suffix (above), the masthead or copyright line, else the agency
    # that the dateline credits (a wire story on a page that names no site).
    if doc.site is None and (found := meta.find_site(blocks, doc.url, settings)):
        doc.site, doc.evidence["site"] = found
    _agency_site(doc, agency)
    _keep_headlines_in_body(blocks, settings)


def _dateline(doc: Document, blocks: list[Block], anchor: int | None, settings: Settings) -> str | None:
    """The dateline opening the body ("HAYWARD, Calif. (AP) — ..."), where no rule gave
    one; returns the agency it credits, or None."""
    if doc.dateline is not None or not (found := meta.find_dateline(blocks, anchor, settings)):
        return None
    doc.dateline, agency, doc.evidence["dateline"] = found
    return agency


def _agency_site(doc: Document, agency: str | None) -> None:
    """The agency the dateline credits is the site of a page that names none (a wire story)."""
    if doc.site is None and agency:
        doc.site, doc.evidence["site"] = agency, Evidence("agency credit in the dateline", doc.evidence["dateline"].line)


def _settle(doc: Document, rules: RuleSet, settings: Settings) -> None:
    """The text path at its fixed point (issue 7): cleaning the cleaned text changes nothing.
    Read again on its own, the cleaned text has lost the chrome and the headline around it:
    its first line may now read as a <title>, a caption as a headline, a credit as the
    byline, and a short line kept for its good neighbours may lose them. So the text is
    cleaned again, and whatever that reading drops is dropped now, with its reason, until
    a reading drops nothing. Each round drops at least one block, so it ends; a page that
    needs more than settings.settle_max_readings is returned as it stands, unless those
    readings and the next hold at most settings.settle_max_lines lines in all. Each reading
    guesses the language of its own text afresh, as cleaning the output again will: the
    capture's guess can differ on the shorter text."""
    read = 0  # lines read so far
    for reading in range(len(doc.blocks)):
        kept = [b for b in doc.blocks if b.drop is None and b.text]
        if not kept:
            return
        text = to_text(doc.blocks)
        read += text.count("\n") + 1
        if reading >= settings.settle_max_readings and read > settings.settle_max_lines:
            return
        kind = detect_kind(text)
        if kind == HTML:
            return
        again = clean_text(text, kind=kind, rules=rules, settings=settings, settle=False)  # kind: detected once
        taken = [b for b in again.blocks if b.drop is not None and b.text]
        # The kept blocks' line ranges in the text (to_text puts one blank line between
        # paragraphs). A block of several (a table) goes if any of them does.
        spans, line = [], 1
        indent = code_indented(doc.blocks)
        for block in kept:
            paragraphs = text_lines(block, indent)
            last = line + 2 * (len(paragraphs) - 1) + sum(p.count("\n") for p in paragraphs)
            spans.append((line, last, block))
            line = last + 2
        moved = False
        firsts = [first for first, _, _ in spans]  # ascending: one bisection a block, not a scan
        for fresh in taken:
            at = bisect.bisect_right(firsts, fresh.start) - 1
            if at >= 0:
                first, last, block = spans[at]
                if fresh.start <= last and block.drop is None:
                    block.drop, moved = fresh.drop, True
        if not moved:
            return
        # Not a weak byline form for a markdown capture: read again, the cleaned text has lost
        # the chrome around its first lines, and a heading or a button there reads as a name
        # line under a headline (wcxb-dev md: 0 of 49 such bylines right, 7 wrong, 42 on pages
        # that name no author). A text capture's first reading anchors on its <title> line and
        # can miss the name under the displayed headline: there the cleaned text's reading
        # found 4 right authors (dev bench txt 85 -> 84 of 103 without them, wcxb-dev txt -3).
        weak = doc.kind == MARKDOWN and again.byline is not None and again.evidence["byline"].source in meta.WEAK_BYLINES
        for name in ("title", "subtitle", "byline", "date", "dateline", "site"):
            if getattr(doc, name) is None and getattr(again, name) is not None and not (name == "byline" and weak):
                setattr(doc, name, getattr(again, name))
                doc.evidence[name] = Evidence(f"{again.evidence[name].source}, in the cleaned text")
        if not doc.authors and again.authors and not weak:
            doc.authors, doc.evidence["authors"] = again.authors, doc.evidence["byline"]


def _keep_headlines_in_body(blocks: list[Block], settings: Settings) -> None:
    """On a page of items rather than prose (a list of links, a product grid: no first
    paragraph for meta.body_start, and mostly lines that are not sentences) the lines read
    as its title and standfirst stay in the body, while their fields are still filled.
    Without this, the settling readings (_settle) peel such a list two items at a time,
    each new first line reading as a <title> and the next as its standfirst, until
    nothing is left. Nor does a page lose its last lines to its title and standfirst:
    where nothing else is left, they stay (the classifier decides on them), unless the
    title line is a page's <title>, the site named after a separator ("Rug | Shop"): a
    crawl of a page its scripts never filled saves just that, and it is no body."""
    if not any(b.text and b.drop is None for b in blocks):
        if not any(_dropped_as(b, "title") and meta.names_a_site(b.text) for b in blocks):
            _restore_headlines(blocks)
        return
    if settings.item_page_max_sentence_share <= 0 or meta.body_start(blocks, settings) is not None:
        return
    live = [b for b in blocks if b.text and (b.drop is None or b.drop.source is DropSource.METADATA)]
    sentences = sum(1 for b in live if SENTENCE_END.search(b.text) and len(b.text.split()) >= settings.min_sentence_words)
    if sentences >= settings.item_page_max_sentence_share * len(live):
        return
    _restore_headlines(blocks)


def _dropped_as(block: Block, *fields: str) -> bool:
    """Whether the metadata step took the block out of the body as one of these fields."""
    return block.drop is not None and block.drop.source is DropSource.METADATA and block.drop.reason in fields


def _restore_headlines(blocks: list[Block]) -> None:
    for block in blocks:
        if _dropped_as(block, "title", "subtitle"):
            block.drop = None


# Classifier verdicts that are facts about the block: the fallback below never takes such a block back.
_FACTS = FINAL_VERDICTS


def _keep_numbered_runs(blocks: list[Block], settings: Settings) -> None:
    """An article's numbered list ("1) Lego Star Wars ...", "2) ...", a listicle's picks, a
    recipe's steps): items numbered 1, 2, 3 ... in order, settings.numbered_run_min_items or
    more, at most settings.numbered_run_max_gap_blocks apart, of which the classifier kept
    some. Its items are one text: those the classifier dropped (short, few stopwords) come
    back, unless mostly links (a "Most read" list is numbered too) or dropped as fact."""
    least = settings.numbered_run_min_items
    if least <= 0:
        return
    gap = settings.numbered_run_max_gap_blocks
    run: list[int] = []  # the items' indexes; the last is numbered len(run)
    for i, block in enumerate(blocks):
        number = _item_number(block.text) if block.text else None
        if run and (i - run[-1] > gap or number is not None and number != len(run) + 1):
            _take_back_numbered(blocks, run, least, settings)
            run = []
        if number == len(run) + 1:
            run.append(i)
    _take_back_numbered(blocks, run, least, settings)


def _take_back_numbered(blocks: list[Block], run: list[int], least: int, settings: Settings) -> None:
    if len(run) < least or not any(blocks[i].drop is None for i in run):
        return
    for i in run:
        block = blocks[i]
        drop = block.drop
        if (
            drop is not None and drop.source is DropSource.CLASSIFIER and drop.reason not in _FACTS
            and block.link_chars < settings.prose_max_link_share * len(block.text)
        ):
            block.drop, block.label = None, Label.GOOD


_ITEM_NUMBER = re.compile(r"\(?(\d{1,3})[.)]\s")


def _item_number(text: str) -> int | None:
    if not text[:1].isdigit() and not text.startswith("("):
        return None
    m = _ITEM_NUMBER.match(text)
    return int(m.group(1)) if m else None


def _keep_main_run(blocks: list[Block], settings: Settings) -> None:
    """A text capture never comes out (nearly) empty while it holds a body. Listings,
    product grids and forum threads are runs of short, linked or templated blocks that
    the classifier, trained to find article prose, may drop almost whole. The page's main
    run is the stretch of blocks with the most text net of a fixed cost per block (maximum
    subarray): menus and footers are many short lines, the items of a list are longer.
    When the kept text is under settings.fallback_min_kept_share of that run's (under
    settings.fallback_item_page_min_kept_share where what was kept reads as items, not
    prose: _item_page), the classifier's drops inside the run are taken back; rules' and
    metadata's drops and the classifier's verdicts of fact (empty, duplicate, timestamp) stand."""

    items = _item_page(blocks, settings)

    def score(block: Block) -> float:
        if block.drop is not None and (block.drop.source is not DropSource.CLASSIFIER or block.drop.reason in _FACTS):
            # Chrome a rule named (a "Reply" under each post), a metadata line, an empty
            # line: never taken back, and no end to the run either.
            return 0.0
        return len(block.text) - settings.fallback_block_cost_chars

    span = best_run(score(b) for b in blocks)
    if span is None:
        return
    region = blocks[span[0] : span[1] + 1]
    candidates = [b for b in region if b.drop is None or (b.drop.source is DropSource.CLASSIFIER and b.drop.reason not in _FACTS)]
    kept = sum(len(b.text) for b in blocks if b.drop is None)
    share = settings.fallback_item_page_min_kept_share if items else settings.fallback_min_kept_share
    if kept >= share * sum(len(b.text) for b in candidates):
        return
    if items:
        # An item's title, date or byline line read as the page's metadata stays in the
        # body, its field still filled: else each settling reading peels two more items.
        candidates += [b for b in region if b.drop is not None and b.drop.source is DropSource.METADATA]
    for block in candidates:
        if block.text:
            block.drop, block.label = None, Label.GOOD


def _item_page(blocks: list[Block], settings: Settings) -> bool:
    """What the classifier kept reads as items, not prose: under
    settings.fallback_item_page_max_sentence_share of its lines are sentences (sentence
    punctuation at the end, settings.min_sentence_words words or more; CJK counted as the
    classifier counts it), and none is a paragraph long enough to start a body on its own
    (meta.body_start's settings.body_single_block_factor times meta_prose_min_chars), nor a
    block of settings.fallback_item_page_glued_prose_min_chars with sentences inside. An
    article keeps its paragraphs; a listing keeps a few titles, names and prices (and
    perhaps a short promotion or two), and the rest of its items lie dropped in the main run."""
    kept = [b for b in blocks if b.drop is None and b.text]
    # (not features.get("words", len(...split()))): the default would split every kept text
    sentences = [b for b in kept if SENTENCE_END.search(b.text) and _words(b) >= settings.min_sentence_words]
    if len(sentences) >= settings.fallback_item_page_max_sentence_share * len(kept):
        return False
    long_paragraph = settings.body_single_block_factor * settings.meta_prose_min_chars
    # An article's paragraphs run together may end in the teaser links glued to them
    # ("... the Rock Hall.You may also like...[a](…)[b](…)"): its sentences inside count.
    glued = settings.fallback_item_page_glued_prose_min_chars
    return all(b.features.get("chars", len(b.text)) < long_paragraph for b in sentences) and not any(
        b.features.get("chars", len(b.text)) >= glued and sentence_breaks(b.text) >= PROSE_MIN_SENTENCES for b in kept
    )


def _keep_item_run(blocks: list[Block], settings: Settings) -> None:
    """A page that IS a list of items: a run of settings.item_run_min_items or more cards of
    the same shape (a linked name, then a price or a short line, repeated: _item_runs),
    whose text outweighs the prose the classifier kept elsewhere by
    settings.item_run_min_prose_ratio. Its cards are one long link, short spec rows and
    prices, which the link-density and length tests drop. An article's teaser rail has the
    same shape, but follows the article's kept paragraphs (more than
    settings.item_run_max_prose_before_chars of them). The classifier's drops inside the
    run are taken back, except lines the page repeats word for word ("Add to Cart",
    "Learn more") and verdicts of fact.

    A page may hold more than one such run (a news home page's latest stories above its
    most-read list, a guide's sections of picks): each is judged, the longest first,
    against the prose kept outside every run (a card's summary is no article's paragraph)."""
    spans = _item_runs(blocks, settings)
    # A card's description is no article's paragraph: the prose a run is weighed against
    # lies outside every run (a listing in sections has a run of cards in each).
    cards = {i for first, last in spans for i in range(first, last + 1)}
    for span in spans:
        _take_back_run(blocks, span, cards, settings)


def _take_back_run(blocks: list[Block], span: tuple[int, int], cards: set[int], settings: Settings) -> None:
    first, last = span
    if any(b.drop is not None and b.drop.source is DropSource.RULE and b.drop.reason.startswith(_COMMENT_RULES) for b in blocks[first : last + 1]):
        return  # comments under an article: each one a card of name, date and text
    inside = [b for b in blocks[first : last + 1] if b.text and (b.drop is None or (b.drop.source is DropSource.CLASSIFIER and b.drop.reason not in _FACTS))]
    prose = sum(len(b.text) for i, b in enumerate(blocks) if i not in cards and _kept_sentence(b, settings))
    if sum(len(b.text) for b in inside) < settings.item_run_min_prose_ratio * prose:
        return
    before = sum(len(b.text) for i, b in enumerate(blocks[:first]) if i not in cards and _kept_sentence(b, settings))
    if before > settings.item_run_max_prose_before_chars:
        return  # an article's teaser rail: the cards follow its kept paragraphs
    for block in inside:
        if block.drop is not None and block.features.get("repeats", 0.0) == 0.0:
            block.drop, block.label = None, Label.GOOD


def _kept_sentence(block: Block, settings: Settings) -> bool:
    """A kept block that reads as a sentence: what an article's text is made of."""
    return block.drop is None and bool(block.text) and bool(SENTENCE_END.search(block.text)) and _words(block) >= settings.min_sentence_words


_COMMENT_RULES = "comments."  # the rule family that names comment chrome ("Reply", "says")
_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?[$€£]|\d+[.,]\d\d\b")


# _item_shape's code for a line that is all link and longer than a short one.
_LONG_ALL_LINK = "Al"


def _item_shape(block: Block, settings: Settings) -> str:
    """What one card's line keeps from card to card: its kind, whether it is all link,
    partly link or no link, and whether it is a price, a short line or a long one."""
    kind = f"h{block.level}" if block.kind is BlockKind.HEADING else block.kind.value[:2]
    text = block.text
    if not text:
        return kind
    link = "A" if block.link_chars >= settings.item_shape_all_link_min_share * len(text) else "a" if block.link_chars else ""
    size = (
        "$" if len(text) <= settings.item_shape_price_max_chars and _PRICE.search(text)
        else "s" if len(text) <= settings.item_shape_short_max_chars else "l"
    )
    return f"{kind}:{link}{size}"


def _item_runs(blocks: list[Block], settings: Settings) -> list[tuple[int, int]]:
    """The runs of cards, longest (in characters) first, none overlapping a longer one: a
    line shape that recurs at least settings.item_run_min_items times, each time 2 to
    settings.item_run_max_gap_blocks blocks after the last (one-line repeats are menus),
    from its first use to the end of its last card."""
    positions: dict[str, list[int]] = {}
    for i, block in enumerate(blocks):
        if block.text and block.kind is not BlockKind.RULE:
            positions.setdefault(_item_shape(block, settings), []).append(i)
    found: list[tuple[int, int, int]] = []
    for shape, at in positions.items():
        # A card opens with a link or a price. Plain lines that recur are a thread's post
        # chrome or an article's paragraphs; plain headings, an article's sections or a
        # sidebar's boxes (bench md 0.9430 -> 0.9436 without them, wcxb-dev md unchanged).
        if len(at) < settings.item_run_min_items or not (shape[-2] in "Aa" or shape[-1] == "$"):
            continue
        start = 0
        # Long link lines may follow one another: a row of cards (a menu's links are short).
        least = 1 if shape.endswith(_LONG_ALL_LINK) else 2
        for j in range(1, len(at) + 1):
            if j < len(at) and least <= at[j] - at[j - 1] <= settings.item_run_max_gap_blocks:
                continue
            if j - start >= settings.item_run_min_items and _cards(blocks, at[start:j], settings):
                gaps = sorted(at[k + 1] - at[k] for k in range(start, j - 1))
                end = min(len(blocks) - 1, at[j - 1] + gaps[len(gaps) // 2] - 1)
                chars = sum(len(b.text) for b in blocks[at[start] : end + 1])
                lines = [b for b in blocks[at[start] : end + 1] if b.text]
                menu = sum(1 for b in lines if b.kind is BlockKind.LIST_ITEM and b.link_chars)
                if menu > settings.item_run_max_menu_share * len(lines) or chars > settings.item_run_max_item_chars * (j - start):
                    # Headings over lists of one-link items: a mega-menu's sections, not cards.
                    start = j
                    continue
                found.append((-chars, at[start], end))
            start = j
    spans: list[tuple[int, int]] = []
    for _, first, last in sorted(found):
        if all(last < taken_first or first > taken_last for taken_first, taken_last in spans):
            spans.append((first, last))
    return spans


def _cards(blocks: list[Block], starts: list[int], settings: Settings) -> bool:
    """Lines of one shape make cards when the line after each has one shape too, in
    settings.item_run_min_same_next_share of them (a footer's scattered links are followed
    by anything), and their links lead to different pages (a review widget links every
    reviewer's name to the same page)."""
    following = Counter(_item_shape(blocks[i + 1], settings) for i in starts if i + 1 < len(blocks))
    if not following or following.most_common(1)[0][1] < settings.item_run_min_same_next_share * len(starts):
        return False
    # A card's link: on its first line, or on the next (a price line opens some cards).
    targets = [
        m.group(1) for i in starts
        if (m := _LINK_TARGET.search(blocks[i].markdown) or _LINK_TARGET.search(blocks[min(i + 1, len(blocks) - 1)].markdown))
    ]
    # Cards link to their pages: a plain-text capture has no links to show them, and a run
    # of prices there took back ratings and option lines the labels leave out (wcxb-dev
    # txt 0.8103 either way; collection 0.5775 -> 0.5770, listing 0.5967 -> 0.5958).
    share = settings.item_run_min_same_next_share * len(starts)
    return len(targets) >= share and len(set(targets)) >= share


_LINK_TARGET = re.compile(r"\]\(([^)\s]+)")


def _words(block: Block) -> float:
    return block.features["words"] if "words" in block.features else len(block.text.split())


def _never_empty(blocks: list[Block]) -> None:
    """A page with an article never comes out empty: keep the best blocks the classifier had.
    An HTML reading judged too slight to be content (html.judge.drop_slight_reading) stays empty."""
    if any((b.drop is None and b.text) or b.drop is SLIGHT for b in blocks):
        return
    candidates = [b for b in blocks if b.drop is not None and b.drop.source is DropSource.CLASSIFIER and b.text and b.kind is not BlockKind.HEADING]
    if not candidates:
        return
    best = max(candidates, key=lambda b: (b.features.get("chars", 0) * (1 - b.features.get("link_share", 0))))
    if best.features.get("link_share", 0) < 0.5:
        best.drop, best.label = None, Label.GOOD


__all__ = ["clean_text", "Drop"]
