"""Context features for the learned layer: a block's own features, the heuristic passes'
verdicts, its neighbours' and its place relative to the headline and the main region."""
from __future__ import annotations

from itertools import chain
from operator import itemgetter

import numpy as np

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
    "reader_address", "lead_caps", "credit", "cohesion", "window_cohesion", "after_region", "local_cohesion", "dateish", "window_dateish",
    "templated", "window_templated", "window_lead_caps",
)
_LOG_CHARS = NAMES.index("log_chars")  # block_chars reads the length back from it
_LEAD_CAPS_WORDS = 10.0  # a glued teaser headline: scaled to 0..1 at this many words
_WINDOW_BLOCKS = 3  # neighbours on each side that make up a block's window
_ZONE_BLOCKS = 10  # and its wider zone
_FAR_BLOCKS = 20.0  # distances are capped here and scaled to 0..1
_NEAR_HEADLINE_BLOCKS = 6  # blocks just under the headline: where the byline, date and lead sit
# A short block, for the window's share of them: jusText's length_low, as
# Settings.short_block_chars. Fixed here, since the shipped weights were trained on it.
_SHORT_CHARS = 70
# The per-block values matrix() reads first: columns 0-14 and 18-24 are block.features,
# 15-17 the gap before the block, its current label and whether a rule dropped it.
_FEATURE_KEYS = (
    "chars", "words", "link_share", "links", "images", "stopword_share", "terminal_punct", "ellipsis_end",
    "title_case_share", "upper_share", "digit_share", "heading", "list_item", "repeats", "title_overlap",
    "reader_address", "lead_caps", "credit", "cohesion", "local_cohesion", "dateish", "templated",
)
_FEATURES = itemgetter(*_FEATURE_KEYS)
_OWN_COLUMNS = len(_FEATURE_KEYS) + 3
_FEATURE_COLUMNS = [*range(15), *range(18, _OWN_COLUMNS)]
# the pass1_* columns; a block pass 1 did not label (None) has none
_PASS1: dict[Label | None, int] = {Label.GOOD: 0, Label.NEAR_GOOD: 1, Label.SHORT: 2, Label.BAD: 3}


def matrix(blocks: list[Block], pass1: list[Label | None], region: tuple[int, int] | None, headline: int | None) -> np.ndarray:
    """One feature vector per block (rule-dropped blocks included, as context only), as
    rows of one array built column by column: a Python loop over blocks and features
    was a tenth of the text path's time."""
    n = len(blocks)
    if n == 0:
        return np.zeros((0, len(NAMES)))
    # The features read in C (itemgetter) into one flat run of floats: a generator of
    # tuples, or np.array() on a list of them, took longer than building them.
    own = np.empty((n, _OWN_COLUMNS))
    own[:, _FEATURE_COLUMNS] = np.fromiter(
        chain.from_iterable(map(_FEATURES, [b.features for b in blocks])), dtype=float, count=n * len(_FEATURE_COLUMNS)
    ).reshape(n, len(_FEATURE_COLUMNS))
    own[:, 15:18] = np.fromiter(
        chain.from_iterable([(b.gap_before, b.label is Label.GOOD, b.drop is not None) for b in blocks]), dtype=float, count=3 * n
    ).reshape(n, 3)
    chars, link, stop, good, dropped = own[:, 0], own[:, 2], own[:, 5], own[:, 16], own[:, 17]
    index = np.arange(n, dtype=float)
    p1 = (np.array([_PASS1.get(p, -1) for p in pass1])[:, None] == np.arange(4)).astype(float)  # one-hot
    cohesion = own[:, 21]
    if region is None:
        distance = np.full(n, _FAR_BLOCKS)
        after_region = np.zeros(n)
    else:
        after_region = (index > region[1]).astype(float)
        distance = np.minimum(_FAR_BLOCKS, np.maximum(region[0] - index, 0) + np.maximum(index - region[1], 0))
    before = np.zeros(n)
    near_after = np.zeros(n)
    if headline is not None:
        starts = np.array([b.start for b in blocks])
        before = (starts < headline).astype(float)
        after = np.flatnonzero(starts > headline)
        if after.size:
            offset = index - after[0]
            near_after = ((offset >= 0) & (offset < _NEAR_HEADLINE_BLOCKS)).astype(float)
    short = (chars < _SHORT_CHARS).astype(float)
    longest = chars.max() or 1.0
    # All the window means of one radius in one pass: column by column, the same sums.
    lead_caps = np.minimum(1.0, own[:, 19] / _LEAD_CAPS_WORDS)
    window = _window_mean(np.column_stack([link, stop, good, short, cohesion, own[:, 23], own[:, 24], lead_caps]), _WINDOW_BLOCKS)
    zone = _window_mean(np.column_stack([link, good]), _ZONE_BLOCKS)
    return np.column_stack([
        np.ones(n),
        np.log1p(chars),
        np.log1p(own[:, 1]),
        link,
        np.log1p(own[:, 3]),
        np.minimum(1.0, own[:, 4]),
        stop,
        own[:, 6],
        own[:, 7],
        own[:, 8],
        own[:, 9],
        own[:, 10],
        own[:, 11],
        own[:, 12],
        np.minimum(1.0, own[:, 13]),
        own[:, 14],
        own[:, 15],
        p1,
        good,
        (distance == 0).astype(float),
        distance / _FAR_BLOCKS,
        before,
        near_after,
        index / max(1, n - 1),
        _shift(good, 1, 0.0),
        _shift(good, -1, 0.0),
        _shift(link, 1, 1.0),
        _shift(link, -1, 1.0),
        _shift(stop, 1, 0.0),
        _shift(stop, -1, 0.0),
        np.maximum(_shift(dropped, 1, 0.0), _shift(dropped, -1, 0.0)),
        window[:, 0],
        window[:, 1],
        window[:, 2],
        window[:, 3],
        zone[:, 0],
        zone[:, 1],
        chars / longest,
        np.log1p(_good_runs(chars, good)),
        own[:, 18],
        lead_caps,
        own[:, 20],
        cohesion,
        window[:, 4],
        after_region,
        own[:, 22],
        own[:, 23],
        window[:, 5],
        own[:, 24],
        window[:, 6],
        window[:, 7],
    ])


def block_chars(rows: np.ndarray) -> np.ndarray:
    """Each row's block length in characters, read back from its log_chars column (log1p
    of an integer count, so exact once rounded)."""
    return np.rint(np.expm1(rows[:, _LOG_CHARS]))


def _shift(values: np.ndarray, by: int, edge: float) -> np.ndarray:
    """values[i - by] at i: by=1 gives each block its previous block's value."""
    out = np.full(values.shape, edge)
    if by > 0:
        out[by:] = values[:-by]
    else:
        out[:by] = values[-by:]
    return out


def _window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """The mean over blocks i-radius..i+radius, cut at the document's edges, of each column."""
    n = len(values)
    total = np.concatenate((np.zeros((1, values.shape[1])), np.cumsum(values, axis=0)))
    index = np.arange(n)
    lo = np.maximum(0, index - radius)
    hi = np.minimum(n, index + radius + 1)
    return (total[hi] - total[lo]) / (hi - lo)[:, None]


def _good_runs(chars: np.ndarray, good: np.ndarray) -> np.ndarray:
    """For each block, the characters of the run of GOOD blocks it belongs to (0 if not GOOD)."""
    is_good = good > 0
    starts = is_good & ~np.concatenate(([False], is_good[:-1]))
    run = np.cumsum(starts) * is_good  # 1, 2, ... for each run's blocks, 0 elsewhere
    totals = np.bincount(run, weights=chars * good)  # summed in block order, as before
    totals[0] = 0.0
    return totals[run]
