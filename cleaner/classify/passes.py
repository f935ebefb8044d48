"""Label blocks GOOD or BAD: a context-free pass, a neighbour pass (after jusText), then the main region."""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable

import numpy as np

from ..dates import is_relative_stamp
from ..lang import page_stoplist
from ..memo import LINE_CHARS, PARAGRAPH_CHARS, short_text_cache
from ..model import Block, BlockKind, Drop, DropSource, Label
from ..settings import Settings
from ..text.inline import PROSE_MIN_SENTENCES, SENTENCE_END, line_shape, sentence_breaks, signs_alike
from . import context, learned
from .features import features_and_terms, is_quote_control, words_of

_NON_CONTENT = (BlockKind.RULE, BlockKind.IMAGE)
# Verdicts the learned layer may not overrule: they are facts about the block, not guesses.
FINAL_VERDICTS = frozenset({"empty", "duplicate", "kind-rule", "kind-image", "site-self-description", "timestamp", "table-of-contents"})


def classify(
    blocks: list[Block],
    language: str | None,
    title: str | None,
    settings: Settings,
    headline: int | None = None,
    collect: list[tuple[Block, list[float]]] | None = None,
    site: str | None = None,
) -> None:
    """Label every block no rule decided; drop the BAD ones with their reason.
    `collect` receives (block, context vector) pairs, for training the learned layer."""
    # Blocks rules dropped stay in as BAD neighbours; metadata lines (title, byline) sit outside.
    todo = [b for b in blocks if b.drop is None or b.drop.source is DropSource.RULE]
    if not any(b.drop is None for b in todo):
        return
    title_words = frozenset(w.lower() for w in words_of(title or "") if len(w) > 2)
    repeats = Counter(b.text for b in todo if b.text)
    contents = table_of_contents(todo, settings, repeats)
    # A heading that a table of contents repeats is no repeated line (a menu's, a card's).
    if contents:
        repeats.subtract(todo[i].text for i in contents if todo[i].text)
    shapes = [line_shape(b.text, settings.template_max_chars) for b in todo]
    shape_counts: Counter[str | None] = Counter(k for k in shapes if k)
    reasons: dict[int, str] = {}
    seen: set[int] = set()
    terms: list[frozenset[str]] = []
    stops = page_stoplist(language, (b.text for b in todo), settings)
    for i, block in enumerate(todo):
        block.features, block_terms = features_and_terms(block, stops, title_words, repeats, settings)
        block.features["templated"] = 1.0 if shapes[i] and shape_counts[shapes[i]] >= settings.template_min_repeats else 0.0
        terms.append(block_terms)
        if block.drop is not None:
            block.label = Label.BAD
            continue
        if i in contents:
            block.label, reasons[i] = Label.BAD, "table-of-contents"
            continue
        grams = _word_grams(block.text)
        # A quote repeats text by design: a reply quoting a post in full keeps both copies.
        copy = bool(grams) and len(grams & seen) >= settings.duplicate_share * len(grams)
        if block.kind not in (BlockKind.QUOTE, BlockKind.CODE) and block.features["chars"] >= settings.long_block_chars and copy:
            # The article printed twice (an AMP copy, a print view, all paragraphs run
            # together on one line): keep the first copy. Code is left to its neighbours: a
            # manual shows a snippet again with a line changed.
            block.label, reasons[i] = Label.BAD, "duplicate"
            continue
        seen.update(grams)
        if len(block.text) <= settings.timestamp_max_chars and is_relative_stamp(block.text):
            block.label, reasons[i] = Label.BAD, "timestamp"
            continue
        if _describes_site(block.text, site) and i >= settings.self_description_min_position * len(todo):
            block.label, reasons[i] = Label.BAD, "site-self-description"
            continue
        block.label, reason = context_free(block, settings)
        if reason:
            reasons[i] = reason
    _before_headline(todo, headline, reasons, settings.label_max_words)
    if not any(b.label is Label.GOOD for b in todo):
        # A page of short paragraphs has no block long enough to be GOOD on its own;
        # its best blocks stand in, or the neighbour pass would drop everything.
        for b in todo:
            if b.label is Label.NEAR_GOOD:
                b.label = Label.GOOD
    pass1 = [b.label for b in todo]
    revise(todo, settings)
    region = main_region(todo, settings.region_bad_text_weight, settings.region_bad_block_chars)
    region = _absorb_near(todo, region, settings.region_merge_gap_blocks)
    if region and _is_thread(todo, settings) and (good := [i for i, b in enumerate(todo) if b.label is Label.GOOD]):
        # A thread's posts, each under its own run of post chrome (name, joined date,
        # message count, quote and reply controls): every post is the content, so the
        # region runs from the first good block to the last.
        region = (min(good[0], region[0]), max(good[-1], region[1]))
    for i, block in enumerate(todo):
        if block.drop is None and block.label is Label.GOOD and region and not (region[0] <= i <= region[1]):
            block.label = Label.BAD
            reasons[i] = "outside-main-region"
    _cohesion(todo, terms, region, settings.cohesion_window_blocks)
    model = learned.load() if settings.use_learned_model else None
    if model is not None or collect is not None:
        rows = context.matrix(todo, pass1, region, headline)
        if collect is not None:
            collect.extend((b, v) for b, v in zip(todo, rows.tolist()) if b.drop is None)
        if model is not None:
            judged = [i for i, b in enumerate(todo) if b.drop is None and reasons.get(i) not in FINAL_VERDICTS and b.kind is not BlockKind.CODE]
            probs = _smoothed(context.block_chars(rows)[judged], model.probabilities(rows)[judged], settings, [signs_alike(shapes[i]) for i in judged]).tolist()
            for i, p in zip(judged, probs):  # the model learned prose lines, not code blocks: their neighbours decide
                block = todo[i]
                block.features["model_p"] = p
                keep = p >= model.threshold or block.label is Label.GOOD and _long_prose(block, settings)
                if keep != (block.label is Label.GOOD):
                    reasons[i] = "model:" + model.strongest_against(rows[i])
                block.label = Label.GOOD if keep else Label.BAD
    _code_follows_prose(todo, reasons)
    for i, block in enumerate(todo):
        if block.drop is None and block.label is not Label.GOOD:
            block.drop = _drop(reasons.get(i, "neighbours"))


def _long_prose(block: Block, settings: Settings) -> bool:
    """A block the earlier passes kept that is long prose: settings.model_keep_min_chars or
    more, mostly not links, several sentences, not Title Case. The learned layer weighs a line's marks (a
    credit, a date, its place on the page); a paragraph this long that one of them turns up
    in (a caption's credit run into it, a table cell's paragraphs joined on one line) is
    still the article's."""
    text = block.text
    least = settings.model_keep_min_chars
    return (
        least > 0 and len(text) >= least and block.link_chars < settings.prose_max_link_share * len(text)
        and sentence_breaks(text) >= PROSE_MIN_SENTENCES
        and block.features.get("title_case_share", 0.0) < _LONG_PROSE_MAX_TITLE_CASE
    )


# A run of headlines is Title Case ("Is Software Engineering Cooked? Not Yet. But Maybe.":
# wcxb-dev w3014's, 0.73 of its words capitalised), prose is not: of the 145 blocks of 1,000
# characters or more, under 30% links and with three sentence breaks, in every 3rd wcxb-dev
# md capture and every bench md capture, the median is 0.10, the 99th percentile 0.39, and
# one is at 0.5 or more. Initial value, not searched.
_LONG_PROSE_MAX_TITLE_CASE = 0.5


_NUMBER = re.compile(r"^\d+\s*")
# Characters a word: a line longer than this many times a word count is taken to exceed it,
# and a long paragraph skips the word count. On the 958,667 non-empty lines of both
# corpora's md and txt captures, 175 lines (long links and paths) of 12 words or fewer are
# longer than 240 characters, and no line of over 160 characters that ends a sentence has
# fewer than 8 words.
_CHARS_PER_WORD = 20


@short_text_cache(max_chars=LINE_CHARS)
def _heading_key(text: str) -> str:
    """A heading's words in lower case, without a leading number ("2. Setup" is "setup")."""
    return _NUMBER.sub("", " ".join(words_of(text)).lower())


@short_text_cache(max_chars=LINE_CHARS)
def _short_line(text: str, max_words: int) -> bool:
    """At most max_words words, not ending with a full stop: a heading's length and shape."""
    return len(text) <= _CHARS_PER_WORD * max_words and 0 < len(words_of(text)) <= max_words and not text.rstrip().endswith(".")


def _sentence(text: str, min_words: int) -> bool:
    return bool(SENTENCE_END.search(text)) and (len(text) > _CHARS_PER_WORD * min_words or len(words_of(text)) >= min_words)


def _same(text: str) -> str:
    return text


def _indices(kinds: list[BlockKind], kind: BlockKind) -> list[int]:
    """Where kind occurs in kinds, found by list.index (in C): the blocks of other kinds cost
    no Python step."""
    out: list[int] = []
    try:
        while True:
            out.append(kinds.index(kind, out[-1] + 1 if out else 0))
    except ValueError:
        return out


def table_of_contents(blocks: list[Block], settings: Settings, counts: Counter[str]) -> set[int]:
    """The indices of the blocks that make a table of contents: a run of entries of which
    at least contents_min_items, and contents_min_share of the run, repeat a heading
    further down the page. The whole run goes: an entry whose section the capture lost is
    still an entry. In markdown the entries are list items and the headings are marked,
    and an entry matches its heading by its words (numbered or not). A text capture marks
    neither: there an entry is a short line (contents_max_entry_words words or fewer, not
    ending with a full stop), a heading a short line that a sentence follows, and an entry
    is the heading's line again. counts: how often each block text occurs. This runs on
    every reading, so most pages, which have no table, are told so with few Python steps."""
    least = settings.contents_min_items
    kinds = [b.kind for b in blocks]
    key_of: Callable[[str], str]
    if BlockKind.HEADING in kinds:
        if kinds.count(BlockKind.HEADING) < least or kinds.count(BlockKind.LIST_ITEM) < least:
            return set()
        last = {key: i for i in _indices(kinds, BlockKind.HEADING) if (key := _heading_key(blocks[i].text))}
        items = _indices(kinds, BlockKind.LIST_ITEM)
        key_of = _heading_key
    else:
        if sum(counts.values()) - len(counts) < least:
            return set()  # fewer lines than that occur twice
        twice = {text for text, n in counts.items() if n > 1 and _short_line(text, settings.contents_max_entry_words)}
        if len(twice) < least:
            return set()
        last = {b.text: i for i, b in enumerate(blocks[:-1]) if b.text in twice and _sentence(blocks[i + 1].text, settings.min_sentence_words)}
        if len(last) < least:
            return set()
        shown = set(last.values())
        items = [i for i, b in enumerate(blocks) if i not in shown and _short_line(b.text, settings.contents_max_entry_words)]
        key_of = _same
    found: set[int] = set()
    start = 0
    for n in range(1, len(items) + 1):
        if n < len(items) and items[n] == items[n - 1] + 1:
            continue
        run = items[start:n]  # consecutive entries
        start = n
        if len(run) >= least and _is_contents(run, blocks, last, key_of, least, settings.contents_min_share):
            found.update(run)
    return found


def _is_contents(run: list[int], blocks: list[Block], last: dict[str, int], key_of: Callable[[str], str], least: int, share: float) -> bool:
    """Whether enough of the run's entries repeat a later heading; stops reading a run (a
    long menu) once too few entries are left for that."""
    need = max(least, share * len(run))
    entries = 0
    for n, k in enumerate(run):
        if last.get(key_of(blocks[k].text), -1) > k:
            entries += 1
            if entries >= need:
                return True
        elif entries + len(run) - n - 1 < need:
            return False
    return False


def _smoothed(chars: np.ndarray, probs: np.ndarray, s: Settings, rows: list[str | None] | None = None) -> np.ndarray:
    """The judged blocks' probabilities (in page order), each moved toward its neighbours'
    (one each side) in proportion to how alike their lengths are. Alone, each line of a
    list or a table drifts across the threshold when a neighbour goes, and each settling
    reading then peeled the next line off a run of them; smoothed, a run of like lines
    shares one verdict. A block of s.smooth_alone_chars or more is judged on its own
    evidence (a lone paragraph amid menus stays), and a short label beside a paragraph
    barely moves. Vectorised: a Python loop over the blocks cost 1.8% of the md path."""
    pull = (1 - s.smooth_own_weight) * (1 - np.minimum(1.0, chars / s.smooth_alone_chars)) / 2
    # Each pair of neighbours' likeness: the shorter length over the longer (at least 1).
    alike = np.minimum(chars[:-1], chars[1:]) / np.maximum(np.maximum(chars[:-1], chars[1:]), 1.0)
    step = probs[1:] - probs[:-1]
    out = probs.copy()
    out[1:] -= pull[1:] * alike * step  # toward the block before
    out[:-1] += pull[:-1] * alike * step  # and the one after
    if rows is not None and 0 < s.run_min_blocks <= len(out):
        # A run of rows of one template (a table's lines, "9/1/2014| +4.9%", "10/1/2014| -1.3%")
        # shares its mean: the pull above still left the run's edge row its own verdict, and
        # each reading of the cleaned text peeled the next row off (wcxb-dev w0243).
        index: dict[str, int] = {}
        codes = np.array([-1 if key is None else index.setdefault(key, len(index)) for key in rows])
        # Each run of one code starts a segment, and so does every line of no template.
        same = (codes[1:] == codes[:-1]) & (codes[1:] >= 0)
        # Cards of two short lines, a name over its price: every other line of one template
        # that holds a number ("$28.00"), the lines between of others.
        every_other = (codes[2:] == codes[:-2]) & (codes[2:] >= 0) & (codes[1:-1] != codes[:-2]) & (codes[1:-1] >= 0)
        if every_other.any():
            numbered = np.array([False] + ["0" in key for key in index])[codes + 1]  # line_shape writes each number as 0
            every_other &= numbered[2:]
        if same.any():
            starts = np.flatnonzero(np.r_[True, ~same])
            lengths = np.diff(np.r_[starts, len(out)])
            shared = np.repeat((lengths >= s.run_min_blocks) & (codes[starts] >= 0), lengths)
            out = np.where(shared, np.repeat(np.add.reduceat(out, starts) / lengths, lengths), out)
        if every_other.any():
            out = _cards_share(out, every_other, s.run_min_blocks)
    return out


def _cards_share(probs: np.ndarray, every_other: np.ndarray, min_cards: int) -> np.ndarray:
    """Each run of min_cards cards or more (every_other[j]: lines j and j + 2 are of one
    template, line j + 1 of another) shares its mean, from its first templated line to its
    last. The cards' other lines (the names) have shapes of their own; a name and a price
    alternating were peeled a card at a time by each reading (wcxb-dev w4850.txt)."""
    out = probs.copy()
    for phase in (0, 1):
        links = every_other[phase::2]
        edges = np.flatnonzero(np.diff(np.r_[0, links.astype(np.int8), 0]))
        for a, b in zip(edges[::2], edges[1::2]):
            if b - a + 1 >= min_cards:  # b - a links join b - a + 1 cards
                lo, hi = phase + 2 * a, phase + 2 * b
                out[lo:hi + 1] = probs[lo:hi + 1].mean()
    return out


def _code_follows_prose(blocks: list[Block], reasons: dict[int, str]) -> None:
    """A code block the main region left out goes with the prose around it: kept when the
    nearest text block before or after it is. The learned layer, which judges that prose,
    never sees code blocks, and an answer's examples between its kept paragraphs fell
    outside the region drawn before the layer kept those paragraphs (a Q&A thread, a tutorial)."""
    judged = [i for i, b in enumerate(blocks) if b.kind is not BlockKind.CODE and b.drop is None and b.text]
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.CODE or block.drop is not None or reasons.get(i) != "outside-main-region":
            continue
        at = bisect.bisect_left(judged, i)
        near = [blocks[judged[j]] for j in (at - 1, at) if 0 <= j < len(judged)]
        if any(b.label is Label.GOOD for b in near):
            block.label = Label.GOOD
            del reasons[i]


@functools.cache
def _drop(reason: str) -> Drop:
    """Drops are immutable, and there are few reasons: one Drop per reason serves every block."""
    return Drop(DropSource.CLASSIFIER, reason)


def _cohesion(blocks: list[Block], terms: list[frozenset[str]], region: tuple[int, int] | None, window: int) -> None:
    """Each block's share of content terms that the main region's other GOOD blocks also
    use. An article keeps returning to its names and topic; teasers of other stories,
    prompts and notices share little of it, however well written they are. Also the
    share its neighbours within `window` blocks use: a list of teasers changes topic at
    every item, an article does not."""
    if region is None:
        region = (0, -1)
    inside = [i for i in range(region[0], region[1] + 1) if blocks[i].label is Label.GOOD]
    vocabulary: Counter[str] = Counter()
    for i in inside:
        vocabulary.update(terms[i])
    # Set intersections in place of a count lookup per term: a block inside the region
    # must not count its own words, so it needs a term that two blocks use.
    used = vocabulary.keys()
    shared = {t for t, n in vocabulary.items() if n > 1}
    own = set(inside)
    for i, (block, block_terms) in enumerate(zip(blocks, terms)):
        if not block_terms:
            block.features["cohesion"] = block.features["local_cohesion"] = 0.0
            continue
        block.features["cohesion"] = len(block_terms & (shared if i in own else used)) / len(block_terms)
        # The terms no neighbour uses, by difference: cheaper than the union of the window's terms.
        alone = block_terms.difference(*terms[max(0, i - window) : i], *terms[i + 1 : i + window + 1])
        block.features["local_cohesion"] = (len(block_terms) - len(alone)) / len(block_terms)


def _describes_site(text: str, site: str | None) -> bool:
    """'WIRED is where tomorrow is realized.' under every article: the site about itself.
    Only in the page's tail (Settings.self_description_min_position): higher up, a company's
    own page describes what it sells, and that is its content."""
    if not site or len(site) < 3 or not text.startswith(site):
        return False
    rest = text[len(site) :].lstrip(" ,")
    return rest.startswith(("is ", "was ", "are ", "has been ", "(", "— ", "- ")) and len(text) > len(site) + 40


@short_text_cache(max_chars=PARAGRAPH_CHARS)
def _word_grams(text: str) -> frozenset[int]:
    """Hashes of the block's runs of five words: enough to tell copied text from new text."""
    words = words_of(text.lower())
    if len(words) < _GRAM_WORDS:
        return frozenset((hash(tuple(words)),))
    return frozenset(map(hash, zip(*(words[j:] for j in range(_GRAM_WORDS)))))


_GRAM_WORDS = 5
_CODE_MARKS = re.compile(r"[{}\[\];=<>]")


def _before_headline(blocks: list[Block], headline: int | None, reasons: dict[int, str], label_max_words: int) -> None:
    """The article starts at its headline: what comes before is menus and teasers, unless
    most of the page's live text is up there (then the 'headline' was something else)."""
    if headline is None:
        return
    # Every line not yet judged boilerplate weighs, not only the long GOOD ones: the
    # items of a list or a grid are short, and a page of them is no article under its
    # last "headline" (a cleaned listing, read again, finds one above its closing note).
    # Weighed twice: with every live line, and with the lines longer than a menu's labels
    # only (Settings.label_max_words).
    live = [b for b in blocks if b.label is not Label.BAD]
    before = sum(b.features["chars"] for b in live if b.start < headline)
    after = sum(b.features["chars"] for b in live if b.start > headline)
    wordy = [b for b in live if b.label is not Label.SHORT or b.features["words"] > label_max_words]
    wordy_before = sum(b.features["chars"] for b in wordy if b.start < headline)
    wordy_after = sum(b.features["chars"] for b in wordy if b.start > headline)
    if after < before and wordy_after < wordy_before:
        return
    for i, block in enumerate(blocks):
        if block.start >= headline:
            break
        if block.drop is None:
            block.label = Label.BAD
            reasons[i] = "before-headline"


def context_free(block: Block, s: Settings) -> tuple[Label, str | None]:
    """Pass 1, after jusText's classify_paragraphs, with link share and sentence shape added."""
    f = block.features
    if not block.text or block.kind in _NON_CONTENT:
        return Label.BAD, "empty" if not block.text else f"kind-{block.kind.value}"
    if block.kind is BlockKind.CODE:
        return Label.NEAR_GOOD, "code"  # kept (revise); near-good, it keeps short lines beside it only next to prose
    sentence = f["terminal_punct"] > 0 and f["words"] >= s.min_sentence_words
    if sentence:
        # Links inside a sentence that opens with plain words are the article's own
        # references ("Assange faces [a charge of ...](...)."); a teaser opens with its link.
        limit = s.max_link_share_sentence if _opens_with_link(block) else s.max_link_share_inline
    else:
        limit = s.max_link_share
    if f["link_share"] > limit:
        return Label.BAD, "link-density"
    if f["repeats"] > 0 and f["chars"] < s.long_block_chars and (f["repeats"] >= 2 or not sentence):
        # Menus repeat their labels; an article may repeat a sentence once (a pull quote).
        return Label.BAD, "repeated"
    if f["chars"] < s.short_block_chars:
        if sentence and f["stopword_share"] >= s.stopword_share_low:
            return Label.NEAR_GOOD, None
        return Label.SHORT, "short"
    if f["stopword_share"] >= s.stopword_share_high:
        if f["chars"] > s.long_block_chars:
            return Label.GOOD, None
        return Label.NEAR_GOOD, None
    if f["stopword_share"] >= s.stopword_share_low:
        return Label.NEAR_GOOD, None
    if sentence and f["stopword_share"] >= s.stopword_share_sentence_floor:
        return Label.SHORT, "few-stopwords"  # a real sentence dense in names: let the neighbours decide
    if len(_CODE_MARKS.findall(block.text)) >= s.code_mark_min_share * f["chars"]:
        return Label.SHORT, "few-stopwords"  # code: kept with the prose around it
    return Label.BAD, "few-stopwords"


def _opens_with_link(block: Block) -> bool:
    return block.markdown.lstrip("*_>#-+ \t").startswith(("[", "<http", "http"))


def revise(blocks: list[Block], s: Settings) -> None:
    """Pass 2, after jusText's revise_paragraph_classification: judge short and near-good blocks by neighbours."""
    _promote_headings(blocks, s, Label.SHORT, Label.NEAR_GOOD)
    new = [b.label for b in blocks]
    # Every block's nearest decided neighbours, found in two sweeps: a scan from each
    # block was quadratic on a page of short lines (20,000 took minutes).
    before, after = _neighbours(blocks, ignore_near_good=True)
    near_before, near_after = _neighbours(blocks, ignore_near_good=False)
    for i, block in enumerate(blocks):
        if block.label is not Label.SHORT:
            continue
        prev, nxt = before[i], after[i]
        if prev is Label.GOOD and nxt is Label.GOOD:
            new[i] = Label.GOOD
        elif prev is Label.BAD and nxt is Label.BAD:
            new[i] = Label.BAD
        elif (prev is Label.BAD and near_before[i] is Label.NEAR_GOOD) or (nxt is Label.BAD and near_after[i] is Label.NEAR_GOOD):
            new[i] = Label.GOOD
        else:
            new[i] = Label.BAD
    for block, label in zip(blocks, new):
        block.label = label
    new = [b.label for b in blocks]
    before, after = _neighbours(blocks, True, skip_bad_below=s.short_block_chars, skip_ruled=True)
    for i, block in enumerate(blocks):
        if block.label is not Label.NEAR_GOOD:
            continue
        # A code block stays even between link lists: on wcxb-dev md, 97% of the text of
        # the code blocks dropped here was in the human body.
        new[i] = Label.GOOD if Label.GOOD in (before[i], after[i]) or block.kind is BlockKind.CODE else Label.BAD
    for block, label in zip(blocks, new):
        block.label = label
    _promote_headings(blocks, s, Label.BAD, Label.GOOD)


def _promote_headings(blocks: list[Block], s: Settings, from_label: Label, to_label: Label) -> None:
    """A heading (or a heading-shaped short line) followed closely by good text is kept:
    the first GOOD block after it, with no link list before it and at most
    max_heading_distance_chars of text in between.

    Linear: the first GOOD block or link list after each position, and the text lengths
    summed up to it, are worked out once. Promoting a heading changes only its own label,
    which no later heading looks at, so they can be."""
    n = len(blocks)
    stop: list[int] = [n] * (n + 1)  # stop[j]: the first k >= j that is GOOD or a BAD link list
    for j in range(n - 1, -1, -1):
        later = blocks[j]
        ends = later.label is Label.GOOD or (later.label is Label.BAD and later.features["link_share"] > s.max_link_share)
        stop[j] = j if ends else stop[j + 1]
    chars = [0] * (n + 1)  # chars[j]: the text length of blocks[:j]
    for j, block in enumerate(blocks):
        chars[j + 1] = chars[j] + len(block.text)
    for i, block in enumerate(blocks):
        if block.label is not from_label or not _heading_like(block) or block.features["link_share"] > s.max_link_share:
            continue
        k = stop[i + 1]
        if k < n and blocks[k].label is Label.GOOD and chars[k] - chars[i + 1] <= s.max_heading_distance_chars:
            block.label = to_label


def _heading_like(block: Block) -> bool:
    if block.kind is BlockKind.HEADING:
        return True
    f = block.features
    return block.kind is BlockKind.PARAGRAPH and f["terminal_punct"] == 0 and 2 <= f["words"] <= 20 and f["title_case_share"] >= 0.5


def _neighbours(
    blocks: list[Block], ignore_near_good: bool, skip_bad_below: int = 0, skip_ruled: bool = False
) -> tuple[list[Label], list[Label]]:
    """For each block, the nearest decided label before it and after it; the document's
    edges count as BAD, as in jusText. skip_bad_below passes over short BAD lines (ad
    labels, image alts), skip_ruled over blocks a rule dropped (a caption inside the
    article says nothing of the text around it); ignore_near_good over NEAR_GOOD ones."""
    # Two sweeps: the labels decided and the nearest before each, then the nearest after.
    good, bad, near_good = Label.GOOD, Label.BAD, Label.NEAR_GOOD
    decided: list[Label | None] = []
    before: list[Label] = []
    last = bad
    for block in blocks:
        label: Label | None = block.label
        if label is bad:
            if len(block.text) < skip_bad_below or (skip_ruled and block.drop is not None):
                label = None
        elif label is not good and (label is not near_good or ignore_near_good):
            label = None
        before.append(last)
        decided.append(label)
        if label is not None:
            last = label
    after: list[Label] = []
    last = bad
    for label in reversed(decided):
        after.append(last)
        if label is not None:
            last = label
    after.reverse()
    return before, after


def _absorb_near(blocks: list[Block], region: tuple[int, int] | None, gap: int) -> tuple[int, int] | None:
    """Grow the region over good blocks at most `gap` blocks away: a related-links box or
    an ad inside an article must not cut it in two."""
    if region is None:
        return None
    start, end = region
    changed = True
    while changed:
        changed = False
        for i in range(end + 1, min(len(blocks), end + gap + 2)):
            if blocks[i].label is Label.GOOD:
                end, changed = i, True
                break
        for i in range(start - 1, max(-1, start - gap - 2), -1):
            if blocks[i].label is Label.GOOD:
                start, changed = i, True
                break
    return start, end


def best_run(scores: Iterable[float]) -> tuple[int, int] | None:
    """The stretch of consecutive scores with the largest positive sum (maximum subarray), as
    (first, last) indexes; None when no score is positive. The earliest of equal runs wins."""
    best, span = 0.0, None
    run_start, run = 0, 0.0
    for i, score in enumerate(scores):
        if run <= 0:
            run_start, run = i, score
        else:
            run += score
        if run > best:
            best, span = run, (run_start, i)
    return span


def _is_thread(blocks: list[Block], settings: Settings) -> bool:
    """A forum thread: a post's quote control or a quoted post's attribution ('jdoe said:')
    recurs (settings.thread_min_quote_controls), or its posts carry their numbers in order
    ('#1', '#2', '#3': settings.thread_min_numbered_posts)."""
    # One pass, the length tests inline: this runs over every block at each reading.
    quotes, numbers = 0, []
    for b in blocks:
        text = b.text
        if len(text) > _ATTRIBUTION_MAX_CHARS:
            continue
        if is_quote_control(text) or _ATTRIBUTION.match(text):
            quotes += 1
        if len(text) <= _POST_NUMBER_MAX_CHARS and (m := _POST_NUMBER.match(text)):
            numbers.append(int(m.group(1)))
    if quotes >= settings.thread_min_quote_controls:
        return True
    return 1 + sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1) >= settings.thread_min_numbered_posts


# A reply's quote of an earlier post opens with its author: 'jdoe said:', 'Jane Doe wrote:'.
# wcxb-dev md: three or more on 19 of 113 forum pages, on none of the 1,384 others; a bench
# news page's comments carry two at most.
_ATTRIBUTION = re.compile(r"^\S.{0,40} (?:said|wrote):$")
_ATTRIBUTION_MAX_CHARS = 50
_POST_NUMBER = re.compile(r"^\W{0,3}#\s?(\d{1,5})\W{0,3}$")  # '#12', '__ #12', '# 12'
_POST_NUMBER_MAX_CHARS = 12


def main_region(blocks: list[Block], bad_weight: float, bad_block_chars: float) -> tuple[int, int] | None:
    """The run of blocks with the most good text net of bad text (maximum subarray)."""
    return best_run(
        b.features.get("chars", 0.0) if b.label is Label.GOOD else -(b.features.get("chars", 0.0) * bad_weight + bad_block_chars)
        for b in blocks
    )
