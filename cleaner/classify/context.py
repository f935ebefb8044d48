"""Context features for the learned layer: a block's own features, the heuristic passes'
verdicts, its neighbours' and its place relative to the headline and the main region."""
from __future__ import annotations

import math

from ..model import Block, Label

# The order is the model's: weights.json names them and the loader checks it.
NAMES = (
    "bias_one", "log_chars", "words_log", "link_share", "links_log", "images", "stopword_share",
    "terminal_punct", "ellipsis_end", "title_case_share", "upper_share", "digit_share",
    "heading", "list_item", "repeats", "title_overlap", "gap_before",
    "pass1_good", "pass1_near_good", "pass1_short", "pass1_bad", "pass2_good",
    "in_region", "region_distance", "before_headline", "near_after_headline", "rel_position",
    "prev_good", "next_good", "prev_link_share", "next_link_share", "prev_stopword_share",
    "next_stopword_share", "rule_dropped_neighbour",
    "window_link_share", "window_stopword_share", "window_good", "window_short",
    "zone_link_share", "zone_good", "chars_vs_longest", "good_run_log_chars",
)
_WINDOW_BLOCKS = 3  # neighbours on each side that make up a block's window
_ZONE_BLOCKS = 10  # and its wider zone
_FAR_BLOCKS = 20.0  # distances are capped here and scaled to 0..1
_NEAR_HEADLINE_BLOCKS = 6


def vectors(blocks: list[Block], pass1: list[Label | None], region: tuple[int, int] | None, headline: int | None) -> list[list[float]]:
    """One feature vector per block (rule-dropped blocks included, as context only)."""
    n = len(blocks)
    anchor = next((i for i, b in enumerate(blocks) if headline is not None and b.start > headline), None)
    out = []
    short = [1.0 if b.features["chars"] < 70 else 0.0 for b in blocks]
    longest = max((b.features["chars"] for b in blocks), default=1.0) or 1.0
    run_chars = _good_runs(blocks)
    for i, block in enumerate(blocks):
        zone = range(max(0, i - _WINDOW_BLOCKS), min(n, i + _WINDOW_BLOCKS + 1))
        size = float(len(zone))
        wide = range(max(0, i - _ZONE_BLOCKS), min(n, i + _ZONE_BLOCKS + 1))
        wide_size = float(len(wide))
        f = block.features
        prev = blocks[i - 1] if i > 0 else None
        nxt = blocks[i + 1] if i + 1 < n else None
        if region is None:
            distance = _FAR_BLOCKS
        elif i < region[0]:
            distance = min(_FAR_BLOCKS, region[0] - i)
        elif i > region[1]:
            distance = min(_FAR_BLOCKS, i - region[1])
        else:
            distance = 0.0
        p1 = pass1[i]
        out.append([
            1.0,
            math.log1p(f["chars"]),
            math.log1p(f["words"]),
            f["link_share"],
            math.log1p(f["links"]),
            min(1.0, f["images"]),
            f["stopword_share"],
            f["terminal_punct"],
            f["ellipsis_end"],
            f["title_case_share"],
            f["upper_share"],
            f["digit_share"],
            f["heading"],
            f["list_item"],
            min(1.0, f["repeats"]),
            f["title_overlap"],
            1.0 if block.gap_before else 0.0,
            1.0 if p1 is Label.GOOD else 0.0,
            1.0 if p1 is Label.NEAR_GOOD else 0.0,
            1.0 if p1 is Label.SHORT else 0.0,
            1.0 if p1 is Label.BAD else 0.0,
            1.0 if block.label is Label.GOOD else 0.0,
            1.0 if distance == 0 else 0.0,
            distance / _FAR_BLOCKS,
            1.0 if headline is not None and block.start < headline else 0.0,
            1.0 if anchor is not None and 0 <= i - anchor < _NEAR_HEADLINE_BLOCKS else 0.0,
            i / max(1, n - 1),
            1.0 if prev is not None and prev.label is Label.GOOD else 0.0,
            1.0 if nxt is not None and nxt.label is Label.GOOD else 0.0,
            prev.features["link_share"] if prev is not None else 1.0,
            nxt.features["link_share"] if nxt is not None else 1.0,
            prev.features["stopword_share"] if prev is not None else 0.0,
            nxt.features["stopword_share"] if nxt is not None else 0.0,
            1.0 if (prev is not None and prev.drop is not None) or (nxt is not None and nxt.drop is not None) else 0.0,
            sum(blocks[j].features["link_share"] for j in zone) / size,
            sum(blocks[j].features["stopword_share"] for j in zone) / size,
            sum(1.0 for j in zone if blocks[j].label is Label.GOOD) / size,
            sum(short[j] for j in zone) / size,
            sum(blocks[j].features["link_share"] for j in wide) / wide_size,
            sum(1.0 for j in wide if blocks[j].label is Label.GOOD) / wide_size,
            f["chars"] / longest,
            math.log1p(run_chars[i]),
        ])
    return out


def _good_runs(blocks: list[Block]) -> list[float]:
    """For each block, the characters of the run of GOOD blocks it belongs to (0 if not GOOD)."""
    out = [0.0] * len(blocks)
    i = 0
    while i < len(blocks):
        if blocks[i].label is not Label.GOOD:
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].label is Label.GOOD:
            j += 1
        total = sum(b.features["chars"] for b in blocks[i:j])
        for k in range(i, j):
            out[k] = total
        i = j
    return out
