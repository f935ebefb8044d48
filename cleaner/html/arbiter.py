"""A block-level arbiter between readings of the page's main content.

Each extractor reads some pages better than the others (trafilatura an article, resiliparse
a forum thread or a grid of cards), and within one page each keeps some blocks the others
miss. The arbiter reads the page's own text blocks (the DOM after pruning: one candidate
per block element, its text through its inline children) and, for each, how much of its
text each reading holds: the cleaner's body after its judge, trafilatura's reading
before the judge, and resiliparse's main-content reading. Beside these votes it sees
cheap signals any page has: length, link share, tag, depth, position, the class and id
words of its ancestors and its neighbours' votes. A small network (bench/train.py
--arbiter, weights in arbiter.json) gives each candidate the probability that its text
is main content. Then the cleaner's kept blocks the arbiter rejects are dropped
(reason "arbiter"), and candidates no reading of the cleaner holds that it accepts are
added, in page order.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.etree
import numpy as np

from ..classify.learned import Model, from_dict, read_weights
from ..model import Block, BlockKind, Drop, DropSource
from ..render import markdown_line
from .extract import BLOCK_TAGS

WEIGHTS = Path(__file__).with_name("arbiter.json")

_TOKEN = re.compile(r"\w+")
_CLASS_SPLIT = re.compile(r"[^a-z0-9]+")
_SKIP = frozenset(("script", "style", "noscript", "template", "svg", "head", "title"))

# Ancestor class/id words, in groups: a group is on when any ancestor (the element
# itself included) has one of its words among its class and id words.
_WORD_GROUPS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (name, frozenset(words.split()))
    for name, words in (
        ("nav", "nav navbar navigation menu menubar breadcrumb breadcrumbs pagination pager toc"),
        ("footer", "footer foot copyright legal bottom"),
        ("header", "header masthead topbar top banner hero"),
        ("comment", "comment comments reply replies respond discussion disqus"),
        ("related", "related recommended recommendations popular trending more teaser teasers promo"),
        ("sidebar", "sidebar aside widget widgets rail secondary"),
        ("share", "share sharing social follow"),
        ("overlay", "cookie cookies consent gdpr popup modal overlay newsletter subscribe signup"),
        ("ad", "ad ads advert advertisement sponsor sponsored dfp"),
        ("meta", "meta author byline date time tags tag category categories"),
        ("content", "content article post entry main body text story prose"),
        ("card", "card cards item items grid tile tiles product products list listing"),
        ("thread", "thread message messages topic forum answer answers question"),
        ("doc", "doc docs documentation markdown rst section"),
    )
)
_TAG_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("in_main", frozenset(("main", "article"))),
    ("in_chrome", frozenset(("nav", "footer", "header", "aside", "form", "menu"))),
)
_KIND_GROUPS = (
    ("heading", frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))),
    ("paragraph", frozenset(("p",))),
    ("item", frozenset(("li", "dt", "dd"))),
    ("cell", frozenset(("td", "th", "caption"))),
    ("quote", frozenset(("blockquote", "pre", "figcaption"))),
)
READINGS = ("cleaner", "trafilatura", "resiliparse")
_CONTEXT_READINGS = ("cleaner", "resiliparse")  # the readings whose votes around a candidate it sees
_AROUND_LEVELS = 3  # ancestors whose other candidates' votes a candidate sees

NAMES: tuple[str, ...] = (
    "bias", "log_chars", "log_words", "link_share", "ends_sentence", "commas_per_word", "position", "log_depth",
    *(f"tag_{n}" for n, _ in _KIND_GROUPS),
    *(f"words_{n}" for n, _ in _WORD_GROUPS),
    *(n for n, _ in _TAG_GROUPS),
    *(f"vote_{r}" for r in READINGS),
    *(f"near_{r}" for r in READINGS),
    *(f"page_{r}" for r in READINGS),
    *(f"around{k}_{r}" for k in range(1, _AROUND_LEVELS + 1) for r in _CONTEXT_READINGS),
    *(f"alike_{r}" for r in _CONTEXT_READINGS), "log_alike",
)


@dataclass
class Candidate:
    el: Any
    chunks: list[str] = field(default_factory=list)
    link_chars: int = 0
    depth: int = 0
    flags: int = 0  # bits: the word groups, then the tag groups
    text: str = ""
    tokens: list[str] = field(default_factory=list)


def candidates(root: Any) -> list[Candidate]:
    """One candidate per block element with text of its own (through its inline children),
    in page order."""
    out: dict[int, Candidate] = {}
    order: list[Candidate] = []
    # per open element: its block container, the container's flags and depth
    stack: list[tuple[Any, int, int]] = []
    flags: list[int] = []
    links = 0
    skip = 0

    def own(top: tuple[Any, int, int]) -> Candidate:
        key = id(top[0])
        cand = out.get(key)
        if cand is None:
            cand = out[key] = Candidate(top[0], depth=top[2], flags=top[1])
            order.append(cand)
        return cand

    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag:
                continue
            if tag in _SKIP:
                skip += 1
            f = (flags[-1] if flags else 0) | _flags(el, tag)
            flags.append(f)
            stack.append((el, f, len(flags)) if (tag in BLOCK_TAGS or not stack) else stack[-1])
            if tag == "a":
                links += 1
            if el.text and not skip:
                cand = own(stack[-1])
                cand.chunks.append(el.text)
                if links:
                    cand.link_chars += len(el.text.strip())
            continue
        if tag:
            stack.pop()
            flags.pop()
            if tag == "a":
                links -= 1
            if tag in _SKIP:
                skip -= 1
        if el.tail and not skip and stack:
            cand = own(stack[-1])
            cand.chunks.append(el.tail)
            if links:
                cand.link_chars += len(el.tail.strip())
    kept = []
    for cand in order:
        cand.text = " ".join("".join(cand.chunks).split())
        cand.tokens = _TOKEN.findall(cand.text)
        if cand.tokens:
            kept.append(cand)
    return kept


def _flags(el: Any, tag: str) -> int:
    cls, ident = el.get("class"), el.get("id")
    bits = _word_bits(f"{cls} {ident}".lower()) if cls or ident else 0
    for i, (_, group) in enumerate(_TAG_GROUPS):
        if tag in group:
            bits |= 1 << (len(_WORD_GROUPS) + i)
    return bits


@functools.lru_cache(maxsize=4096)
def _word_bits(words: str) -> int:
    """The word groups of a class-and-id string (pages repeat a few class strings often)."""
    found = set(_CLASS_SPLIT.split(words))
    return sum(1 << i for i, (_, group) in enumerate(_WORD_GROUPS) if found & group)


def _pairs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + 2]) for i in range(len(tokens) - 1)} if len(tokens) > 1 else {tuple(tokens)}


def reading_set(text: str) -> set[tuple[str, ...]]:
    """The word pairs (and single words) of a reading, to look candidates up in."""
    tokens = _TOKEN.findall(text)
    return {tuple(tokens[i:i + 2]) for i in range(len(tokens) - 1)} | {(t,) for t in tokens}


def vote(cand: Candidate, reading: set[tuple[str, ...]]) -> float:
    """The share of a candidate's word pairs the reading holds."""
    pairs = _pairs(cand.tokens)
    return sum(1 for p in pairs if p in reading) / len(pairs)


def features(cands: list[Candidate], readings: list[set[tuple[str, ...]]]) -> np.ndarray:
    """One row of NAMES per candidate."""
    n = len(cands)
    rows = np.zeros((n, len(NAMES)))
    if not n:
        return rows
    votes = np.array([[vote(c, r) for r in readings] for c in cands])
    page_words = sum(len(c.tokens) for c in cands)
    words = np.array([len(c.tokens) for c in cands], dtype=float)
    page_share = (votes * words[:, None]).sum(axis=0) / max(page_words, 1)
    padded = np.vstack([np.zeros((1, len(readings))), votes, np.zeros((1, len(readings)))])
    near = (padded[:-2] + padded[2:]) / 2
    n_words, n_tags = len(_WORD_GROUPS), len(_TAG_GROUPS)
    for i, c in enumerate(cands):
        chars = len(c.text)
        tag = c.el.tag if isinstance(c.el.tag, str) else ""
        row = [1.0, math.log1p(chars), math.log1p(len(c.tokens)), min(c.link_chars, chars) / max(chars, 1),
               float(c.text[-1:] in ".!?:;\"”)"), c.text.count(",") / len(c.tokens), i / n, math.log1p(c.depth)]
        row += [float(tag in group) for _, group in _KIND_GROUPS]
        row += [float(bool(c.flags >> b & 1)) for b in range(n_words + n_tags)]
        rows[i, : len(row)] = row
    at, r = NAMES.index(f"vote_{READINGS[0]}"), len(READINGS)
    rows[:, at: at + r] = votes
    rows[:, at + r: at + 2 * r] = near
    rows[:, at + 2 * r: at + 3 * r] = page_share
    rows[:, at + 3 * r:] = _context(cands, votes[:, [READINGS.index(x) for x in _CONTEXT_READINGS]], words)
    return rows


def _context(cands: list[Candidate], votes: np.ndarray, words: np.ndarray) -> np.ndarray:
    """What the rest of the block's region and its look-alikes get: for each of its first
    ancestors, the word-weighted votes of the other candidates inside it; then the votes
    of the other candidates of the same tag and class under a parent of the same tag and
    class (the other cards of a grid, the other posts of a thread), and how many there are."""
    n, r = votes.shape
    weighted = votes * words[:, None]
    sums: dict[int, np.ndarray] = {}
    counts: dict[int, float] = {}
    # The ancestors themselves are kept (in chains), not only their ids: an lxml element's
    # Python object lives only while referenced, and a freed one's id goes to the next,
    # which merged unrelated regions at random from run to run.
    chains = []
    for i, c in enumerate(cands):
        chain = list(itertools.islice(c.el.iterancestors(), _AROUND_LEVELS))
        chains.append(chain)
        for key in map(id, chain):
            if key in sums:
                sums[key] += weighted[i]
                counts[key] += words[i]
            else:
                sums[key] = weighted[i].copy()
                counts[key] = words[i]
    out = np.zeros((n, _AROUND_LEVELS * r + r + 1))
    for i, chain in enumerate(chains):
        for k, key in enumerate(map(id, chain)):
            rest = counts[key] - words[i]
            if rest > 0:
                out[i, k * r:(k + 1) * r] = (sums[key] - weighted[i]) / rest
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, c in enumerate(cands):
        groups.setdefault(_signature(c.el), []).append(i)
    at = _AROUND_LEVELS * r
    for members in groups.values():
        if len(members) < 2:
            continue
        total, weight = weighted[members].sum(axis=0), words[members].sum()
        for i in members:
            out[i, at:at + r] = (total - weighted[i]) / max(weight - words[i], 1.0)
            out[i, at + r] = math.log(len(members))
    return out


def _signature(el: Any) -> tuple[str, ...]:
    parent = el.getparent()
    return (str(el.tag), el.get("class") or "", str(parent.tag) if parent is not None else "", (parent.get("class") or "") if parent is not None else "")


@functools.lru_cache(maxsize=1)
def load(path: str = str(WEIGHTS)) -> tuple[Model, float, float] | None:
    """The shipped model and its two thresholds (drop a kept block below the first, add a
    block below... above the second), or None when none ships."""
    data = read_weights(path, NAMES, "make train-arbiter")
    return None if data is None else (from_dict(data), float(data["drop_below"]), float(data["add_from"]))


def resiliparse_reading(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(html), main_content=True)


@dataclass
class Reading:
    """What the arbiter reads of a page: its candidates and their feature rows."""

    cands: list[Candidate]
    rows: np.ndarray
    held: np.ndarray  # per candidate: the share of its text among any of the cleaner's blocks


def read(root: Any, blocks: list[Block], resiliparse: str) -> Reading:
    kept = "\n".join(b.text for b in blocks if b.drop is None)
    engine = "\n".join(b.text for b in blocks if b.drop is None or b.drop.source is DropSource.CLASSIFIER)
    cands = candidates(root)
    rows = features(cands, [reading_set(kept), reading_set(engine), reading_set(resiliparse)])
    every = reading_set("\n".join(b.text for b in blocks))
    held = np.array([vote(c, every) for c in cands])
    return Reading(cands, rows, held)


def short_of_resiliparse(rows: np.ndarray, max_share: float) -> bool:
    """Whether the cleaner's body holds less than max_share of the page's words that
    resiliparse's reading holds: only then has it plainly missed content to add back."""
    cleaner, other = rows[0, NAMES.index("page_cleaner")], rows[0, NAMES.index("page_resiliparse")]
    return bool(cleaner < max_share * other)


def arbitrate(
    root: Any, blocks: list[Block], sources: list[Any], resiliparse: str, model: tuple[Model, float, float],
    add_max_share: float = math.inf,
) -> None:
    """Drop the kept blocks the model rejects, revive the judge's drops and add the
    candidates it accepts; blocks and sources change in place (parallel lists). Nothing
    is revived or added unless the cleaner's body is short of resiliparse's reading
    (short_of_resiliparse with add_max_share)."""
    net, drop_below, add_from = model
    r = read(root, blocks, resiliparse)
    if not r.cands:
        return
    if not short_of_resiliparse(r.rows, add_max_share):
        add_from = math.inf
    p = net.probabilities(r.rows)
    by_el = {id(c.el): i for i, c in enumerate(r.cands)}
    covered: set[int] = set()
    for block, src in zip(blocks, sources):
        i = _candidate_of(src, by_el)
        if i is None:
            continue
        covered.add(i)
        if block.kind in (BlockKind.TABLE, BlockKind.CODE):
            continue
        if block.drop is None and p[i] < drop_below:
            block.drop = Drop(DropSource.CLASSIFIER, f"arbiter ({p[i]:.2f})")
        elif block.drop is not None and block.drop.source is DropSource.CLASSIFIER and not block.drop.reason.startswith("arbiter") and p[i] >= add_from:
            block.drop = None
    added = [
        (_block(c), c.el) for i, c in enumerate(r.cands)
        if i not in covered and r.held[i] < 0.5 and p[i] >= add_from
    ]
    if added:
        _insert(blocks, sources, added)


def _candidate_of(src: Any, by_el: dict[int, int]) -> int | None:
    el = src
    while el is not None:
        i = by_el.get(id(el))
        if i is not None:
            return i
        el = el.getparent()
    return None


_KIND_OF = {"li": BlockKind.LIST_ITEM, "dd": BlockKind.LIST_ITEM, "dt": BlockKind.LIST_ITEM, "blockquote": BlockKind.QUOTE}


def _block(c: Candidate) -> Block:
    tag = c.el.tag
    level = int(tag[1]) if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else 0
    kind = BlockKind.HEADING if level else _KIND_OF.get(tag, BlockKind.PARAGRAPH)
    prefix = "#" * level + " " if level else "- " if kind is BlockKind.LIST_ITEM else "> " if kind is BlockKind.QUOTE else ""
    line = c.el.sourceline or 0
    return Block(kind, c.text, prefix + markdown_line(c.text), line, line, level=level, link_chars=min(c.link_chars, len(c.text)))


def _insert(blocks: list[Block], sources: list[Any], added: list[tuple[Block, Any]]) -> None:
    """Added blocks among the others by line, never reordering the others."""
    reached = list(itertools.accumulate((b.start for b in blocks), max))
    pairs = list(zip(blocks, sources))
    out: list[tuple[Block, Any]] = []
    last = 0
    for block, src in added:  # already in page order
        at = bisect.bisect_right(reached, block.start)
        out.extend(pairs[last:at])
        last = max(last, at)
        out.append((block, src))
    out.extend(pairs[last:])
    blocks[:] = [b for b, _ in out]
    sources[:] = [s for _, s in out]
