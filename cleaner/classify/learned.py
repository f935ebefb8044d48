"""A logistic model over the context features, trained by bench/train.py.

The weights ship as weights.json beside this file. The model sees the heuristic passes'
labels among its inputs, so it corrects them rather than replacing them.
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import numpy as np

from .context import NAMES

WEIGHTS = Path(__file__).with_name("weights.json")


@functools.lru_cache(maxsize=1)
def load(path: str = str(WEIGHTS)) -> tuple[tuple[float, ...], float] | None:
    """(weights, threshold), or None when no model ships. A model built for other
    features is refused rather than silently misread."""
    p = Path(path)
    if not p.is_file():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    if tuple(data["features"]) != NAMES:
        raise ValueError(f"{p}: the model's features differ from the code's; retrain with bench/train.py")
    return tuple(float(w) for w in data["weights"]), float(data["threshold"])


def probability(weights: tuple[float, ...], vector: list[float]) -> float:
    z = sum(w * x for w, x in zip(weights, vector))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def probabilities(weights: tuple[float, ...], rows: np.ndarray) -> np.ndarray:
    """probability() for every row of a matrix at once."""
    z = np.clip(rows @ np.asarray(weights), -30.0, 30.0)
    return 1.0 / (1.0 + np.exp(-z))


def strongest_against(weights: tuple[float, ...], vector: list[float] | np.ndarray) -> str:
    """The feature that pushed hardest towards dropping: the reason --explain shows."""
    worst = min(range(1, len(weights)), key=lambda i: weights[i] * vector[i])
    return NAMES[worst]
